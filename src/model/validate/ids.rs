//! Ids unique within and across kinds, and Availability Zones named once (aws-semantics.md §6,
//! §7).

use std::collections::{HashMap, HashSet};

use super::{Cx, article};
use crate::model::Diagnostic;

/// Ids are unique within each kind and across kinds, as AWS's resource ids are; an empty id is
/// refused (aws-semantics.md §7: every reference resolves, which needs one object per id).
pub(super) fn ids_unique(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    let mut all: Vec<(&str, &str)> = vec![("VPC", s.vpc.id.as_str())];
    if let Some(g) = &s.internet_gateway {
        all.push(("internet gateway", &g.id));
    }
    all.extend(s.subnets.iter().map(|x| ("subnet", x.id.as_str())));
    all.extend(
        s.route_tables
            .iter()
            .map(|x| ("route table", x.id.as_str())),
    );
    all.extend(
        s.nat_gateways
            .iter()
            .map(|x| ("NAT gateway", x.id.as_str())),
    );
    all.extend(
        s.gateway_endpoints
            .iter()
            .map(|x| ("gateway endpoint", x.id.as_str())),
    );
    all.extend(
        s.interface_endpoints
            .iter()
            .map(|x| ("interface endpoint", x.id.as_str())),
    );
    all.extend(
        s.gateway_load_balancers
            .iter()
            .map(|x| ("Gateway Load Balancer", x.id.as_str())),
    );
    all.extend(
        s.gwlb_endpoints
            .iter()
            .map(|x| ("Gateway Load Balancer endpoint", x.id.as_str())),
    );
    all.extend(
        s.network_interfaces
            .iter()
            .map(|x| ("network interface", x.id.as_str())),
    );
    all.extend(s.instances.iter().map(|x| ("instance", x.id.as_str())));

    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (kind, id) in all {
        if id.trim().is_empty() {
            out.push(Diagnostic::error(
                format!("({kind})"),
                "empty_id",
                format!(
                    "{} has an empty id; every object needs an id to be referred to",
                    article(kind)
                ),
            ));
            continue;
        }
        match seen.get(id) {
            None => {
                seen.insert(id, kind);
            }
            Some(&first) if first == kind => out.push(Diagnostic::error(
                id,
                "duplicate_id",
                format!("two {kind}s have the id {id}; ids must be unique"),
            )),
            Some(&first) => out.push(Diagnostic::error(
                id,
                "duplicate_id",
                format!(
                    "{id} is the id of both {} and {}; as in AWS, an id names exactly one \
                     object",
                    article(first),
                    article(kind)
                ),
            )),
        }
    }
}

/// AZ names are unique, AZ IDs are unique, and no AZ name is another AZ's ID (a reference may use
/// either); a warning when an AZ name is not in the scenario's Region (aws-semantics.md §6).
pub(super) fn availability_zones_unique(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let azs = &cx.s.availability_zones;
    let mut names: HashSet<&str> = HashSet::new();
    let mut ids: HashSet<&str> = HashSet::new();
    for az in azs {
        if !names.insert(&az.name) {
            out.push(Diagnostic::error(
                &az.name,
                "duplicate_az",
                format!(
                    "the Availability Zone {} is listed twice; each AZ name appears once",
                    az.name
                ),
            ));
        }
        if let Some(id) = &az.id
            && !ids.insert(id)
        {
            out.push(Diagnostic::error(
                &az.name,
                "duplicate_az",
                format!(
                    "the AZ ID {id} is given to more than one Availability Zone; an AZ ID names \
                     one physical zone, so each AZ name maps to a different AZ ID"
                ),
            ));
        }
        if !cx.s.region.is_empty() && !az.name.starts_with(&cx.s.region) {
            out.push(Diagnostic::warning(
                &az.name,
                "az_not_in_region",
                format!(
                    "the Availability Zone {} is not in the scenario's Region {}; AZ names are \
                     the Region's name followed by a letter (for example {}a)",
                    az.name, cx.s.region, cx.s.region
                ),
            ));
        }
    }
    for (i, az) in azs.iter().enumerate() {
        if let Some(id) = &az.id
            && azs.iter().enumerate().any(|(j, o)| j != i && &o.name == id)
        {
            out.push(Diagnostic::error(
                &az.name,
                "duplicate_az",
                format!(
                    "the AZ ID {id} of {} is also the name of another Availability Zone, so a \
                     reference to {id} would be ambiguous",
                    az.name
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {

    use crate::model::Diagnostic;
    use crate::model::validate::test_support::*;

    #[test]
    fn duplicate_ids_within_and_across_kinds() {
        let mut s = minimal();
        s.subnets[1].id = "subnet-public-a".into();
        s.route_tables[0].id = "rtb-public".into();
        s.instances[0].id = "nat-a".into();
        let d = run(&s);
        assert!(error(&d, "duplicate_id", "subnet-public-a").contains("two subnets"));
        assert!(error(&d, "duplicate_id", "rtb-public").contains("two route tables"));
        assert!(error(&d, "duplicate_id", "nat-a").contains("both a NAT gateway and an instance"));
    }

    #[test]
    fn empty_id_is_refused() {
        let mut s = minimal();
        s.instances[0].id = " ".into();
        error(&run(&s), "empty_id", "(instance)");
    }

    #[test]
    fn duplicate_az_names_and_ids() {
        let mut s = minimal();
        s.availability_zones[1].id = Some("use1-az1".into());
        let d = run(&s);
        assert!(error(&d, "duplicate_az", "us-east-1b").contains("use1-az1"));

        let mut s = minimal();
        s.availability_zones[1].name = "us-east-1a".into();
        assert!(error(&run(&s), "duplicate_az", "us-east-1a").contains("listed twice"));

        let mut s = minimal();
        s.availability_zones[1].id = Some("us-east-1a".into());
        assert!(error(&run(&s), "duplicate_az", "us-east-1b").contains("ambiguous"));
    }

    #[test]
    fn az_outside_region_is_a_warning() {
        let mut s = minimal();
        s.availability_zones[1].name = "eu-west-1b".into();
        s.subnets[2].az = "eu-west-1b".into();
        let d = run(&s);
        warning(&d, "az_not_in_region", "eu-west-1b");
        assert!(!d.iter().any(Diagnostic::is_error), "{d:#?}");
    }
}
