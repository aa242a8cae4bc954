//! Ids unique within and across kinds, and Availability Zones named once (aws-semantics.md §6,
//! §7).

use std::collections::{HashMap, HashSet};

use super::Cx;
use crate::model::Diagnostic;

/// A kind of object: its code (in an empty id's object) and the messages that name it.
type Kind = (&'static str, &'static str, &'static str);

macro_rules! kind {
    ($code:literal) => {
        ($code, concat!("kind-a-", $code), concat!("kinds-", $code))
    };
}

/// Ids are unique within each kind and across kinds, as AWS's resource ids are; an empty id is
/// refused (aws-semantics.md §7: every reference resolves, which needs one object per id).
pub(super) fn ids_unique(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    // After a rule edit (`Reads::per_rules`): a group's or ACL's rules name no id of their own.
    if cx.rules_scope.is_some() {
        return;
    }
    let mut all: Vec<(Kind, &str)> = vec![(kind!("vpc"), s.vpc.id.as_str())];
    if let Some(g) = &s.internet_gateway {
        all.push((kind!("internet_gateway"), &g.id));
    }
    all.extend(s.subnets.iter().map(|x| (kind!("subnet"), x.id.as_str())));
    all.extend(
        s.route_tables
            .iter()
            .map(|x| (kind!("route_table"), x.id.as_str())),
    );
    all.extend(
        s.nat_gateways
            .iter()
            .map(|x| (kind!("nat_gateway"), x.id.as_str())),
    );
    all.extend(
        s.gateway_endpoints
            .iter()
            .map(|x| (kind!("gateway_endpoint"), x.id.as_str())),
    );
    all.extend(
        s.interface_endpoints
            .iter()
            .map(|x| (kind!("interface_endpoint"), x.id.as_str())),
    );
    all.extend(
        s.gateway_load_balancers
            .iter()
            .map(|x| (kind!("gateway_load_balancer"), x.id.as_str())),
    );
    all.extend(
        s.gwlb_endpoints
            .iter()
            .map(|x| (kind!("gwlb_endpoint"), x.id.as_str())),
    );
    all.extend(
        s.network_interfaces
            .iter()
            .map(|x| (kind!("network_interface"), x.id.as_str())),
    );
    all.extend(
        s.instances
            .iter()
            .map(|x| (kind!("instance"), x.id.as_str())),
    );
    all.extend(
        s.security_groups
            .iter()
            .map(|x| (kind!("security_group"), x.id.as_str())),
    );
    all.extend(
        s.network_acls
            .iter()
            .map(|x| (kind!("network_acl"), x.id.as_str())),
    );

    let mut seen: super::FxMap<&str, Kind> =
        super::FxMap::with_capacity_and_hasher(all.len(), Default::default());
    for (kind, id) in all {
        if id.trim().is_empty() {
            out.push(Diagnostic::error(format!("({})", kind.0), "empty_id").m("a_kind", kind.1));
            continue;
        }
        match seen.get(id) {
            None => {
                seen.insert(id, kind);
            }
            Some(&first) if first == kind => out.push(
                Diagnostic::error(id, "duplicate_id")
                    .s("case", "same_kind")
                    .m("kinds", kind.2)
                    .s("id", id),
            ),
            Some(&first) => out.push(
                Diagnostic::error(id, "duplicate_id")
                    .s("case", "two_kinds")
                    .s("id", id)
                    .m("a_first", first.1)
                    .m("a_kind", kind.1),
            ),
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
            out.push(
                Diagnostic::error(&az.name, "duplicate_az")
                    .s("case", "name_twice")
                    .s("az", &az.name),
            );
        }
        if let Some(id) = &az.id
            && !ids.insert(id)
        {
            out.push(
                Diagnostic::error(&az.name, "duplicate_az")
                    .s("case", "id_twice")
                    .s("az_id", id),
            );
        }
        if !cx.s.region.is_empty() && !az.name.starts_with(&cx.s.region) {
            out.push(
                Diagnostic::warning(&az.name, "az_not_in_region")
                    .s("az", &az.name)
                    .s("region", &cx.s.region),
            );
        }
    }
    // Each name's positions, so the check below stays linear however many AZs there are.
    let mut at: HashMap<&str, Vec<usize>> = HashMap::with_capacity(azs.len());
    for (i, az) in azs.iter().enumerate() {
        at.entry(az.name.as_str()).or_default().push(i);
    }
    for (i, az) in azs.iter().enumerate() {
        if let Some(id) = &az.id
            && at
                .get(id.as_str())
                .is_some_and(|positions| positions.iter().any(|&j| j != i))
        {
            out.push(
                Diagnostic::error(&az.name, "duplicate_az")
                    .s("case", "id_is_a_name")
                    .s("az_id", id)
                    .s("az", &az.name),
            );
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
