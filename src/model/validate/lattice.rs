//! The VPC's service network association (VPC Lattice; `crate::model::lattice` cites AWS's
//! pages): what it names must resolve, and AWS's limit on its security groups holds.

use super::{Cx, Diagnostic};

/// "Security groups per association: 5", not adjustable
/// (<https://docs.aws.amazon.com/vpc-lattice/latest/ug/quotas.html>).
const MAX_ASSOCIATION_GROUPS: usize = 5;

/// The association's services are the scenario's or the catalogue's, its security groups are
/// the VPC's (when the scenario lists security groups), at most five of them.
pub(super) fn service_network_association(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let Some(a) = &cx.s.service_network_association else {
        return;
    };
    for name in a
        .services
        .iter()
        .filter(|n| !cx.services.contains_key(n.as_str()))
    {
        out.push(
            Diagnostic::error(&a.id, "unknown_service")
                .s("case", "interface_endpoint")
                .s("endpoint", &a.id)
                .s("service", name),
        );
    }
    if a.security_groups.len() > MAX_ASSOCIATION_GROUPS {
        out.push(
            Diagnostic::error(&a.id, "too_many_association_security_groups")
                .s("id", &a.id)
                .n("count", a.security_groups.len())
                .n("max", MAX_ASSOCIATION_GROUPS),
        );
    }
    let groups = &cx.s.security_groups;
    if groups.is_empty() {
        return;
    }
    for g in a
        .security_groups
        .iter()
        .filter(|g| !groups.iter().any(|x| &x.id == *g))
    {
        out.push(
            Diagnostic::error(&a.id, "unknown_security_group")
                .s("case", "attached")
                .s("id", &a.id)
                .s("group", g)
                .list("known", groups.iter().map(|g| g.id.as_str())),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{ServiceNetworkAssociation, from_ron_str};

    #[test]
    fn an_association_names_known_services_and_at_most_five_groups() {
        let mut s = from_ron_str(
            r#"(
                region: "us-east-1",
                vpc: (cidrs: ["10.0.0.0/16"]),
                availability_zones: [(name: "us-east-1a")],
                subnets: [(id: "subnet-a", az: "us-east-1a", cidr: "10.0.0.0/24")],
                route_tables: [(id: "rtb-main", main: true)],
                services: [(name: "checkout", dns_name: "checkout.example.internal")],
            )"#,
            std::path::Path::new("t.ron"),
        )
        .expect("parses");
        s.service_network_association = Some(ServiceNetworkAssociation {
            id: "snva-1".into(),
            service_network: "arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-1"
                .into(),
            services: vec!["checkout".into(), "ledger".into()],
            security_groups: (0..6).map(|i| format!("sg-{i}")).collect(),
        });
        let d = crate::model::Model::new(s).expect_err("refused");
        let codes: Vec<&str> = d.iter().map(|d| d.rule).collect();
        assert!(codes.contains(&"unknown_service"), "{codes:?}");
        assert!(
            codes.contains(&"too_many_association_security_groups"),
            "{codes:?}"
        );
    }
}
