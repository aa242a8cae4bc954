//! NAT gateways: zonal and regional placement, and a public NAT gateway's route to the internet
//! gateway (aws-semantics.md §4).

use super::Cx;
use crate::model::{AvailabilityMode, Diagnostic, NatConnectivity, Target};

/// A zonal NAT gateway lives in a subnet that resolves; a regional one has no subnet, is public
/// and needs the VPC's internet gateway (aws-semantics.md §4).
pub(super) fn nat_gateways(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for n in &cx.s.nat_gateways {
        match (n.availability_mode, &n.subnet) {
            (AvailabilityMode::Zonal, None) => {
                out.push(Diagnostic::error(&n.id, "nat_without_subnet").s("nat", &n.id))
            }
            (AvailabilityMode::Zonal, Some(sn)) if !cx.subnets.contains_key(sn.as_str()) => out
                .push(
                    Diagnostic::error(&n.id, "unknown_subnet")
                        .s("case", "placed")
                        .s("id", &n.id)
                        .s("subnet", sn),
                ),
            (AvailabilityMode::Zonal, Some(_)) => {}
            (AvailabilityMode::Regional, subnet) => {
                if let Some(sn) = subnet {
                    out.push(
                        Diagnostic::error(&n.id, "regional_nat_with_subnet")
                            .s("nat", &n.id)
                            .s("subnet", sn),
                    );
                }
                if n.connectivity == NatConnectivity::Private {
                    out.push(Diagnostic::error(&n.id, "regional_nat_private").s("nat", &n.id));
                }
                if cx.s.internet_gateway.is_none() {
                    out.push(
                        Diagnostic::error(&n.id, "regional_nat_without_igw")
                            .s("nat", &n.id)
                            .s("vpc", cx.vpc_id()),
                    );
                }
            }
        }
    }
}

/// A public zonal NAT gateway whose own subnet's route table has no route to the internet gateway
/// cannot reach the internet: a warning (aws-semantics.md §4).
pub(super) fn public_nat_gateway_route(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for n in &cx.s.nat_gateways {
        if n.connectivity != NatConnectivity::Public
            || n.availability_mode != AvailabilityMode::Zonal
        {
            continue;
        }
        let Some(subnet) = n.subnet.as_deref() else {
            continue;
        };
        if !cx.subnets.contains_key(subnet) {
            continue;
        }
        let Some((table, explicit)) = cx.subnet_table(subnet) else {
            continue;
        };
        let has_igw_route = table
            .routes
            .iter()
            .any(|r| matches!(r.target, Target::InternetGateway(_)));
        if has_igw_route {
            continue;
        }
        out.push(
            Diagnostic::warning(&n.id, "public_nat_without_igw_route")
                .s("nat", &n.id)
                .s("subnet", subnet)
                .s("table", &table.id)
                .b("explicit", explicit)
                .b("has_igw", cx.igw_id().is_some())
                .s("vpc", cx.vpc_id()),
        );
    }
}

#[cfg(test)]
mod tests {

    use crate::model::validate::test_support::*;
    use crate::model::{AvailabilityMode, NatConnectivity, NatGateway, Target};

    fn nat(id: &str, subnet: Option<&str>, mode: AvailabilityMode) -> NatGateway {
        NatGateway {
            elastic_ip: None,
            id: id.into(),
            name: None,
            subnet: subnet.map(Into::into),
            connectivity: NatConnectivity::Public,
            availability_mode: mode,
        }
    }

    #[test]
    fn zonal_and_regional_nat_placement() {
        let mut s = minimal();
        s.nat_gateways
            .push(nat("nat-z", None, AvailabilityMode::Zonal));
        s.nat_gateways.push(nat(
            "nat-gone",
            Some("subnet-gone"),
            AvailabilityMode::Zonal,
        ));
        let mut r = nat("nat-r", Some("subnet-public-a"), AvailabilityMode::Regional);
        r.connectivity = NatConnectivity::Private;
        s.nat_gateways.push(r);
        let d = run(&s);
        error(&d, "nat_without_subnet", "nat-z");
        error(&d, "unknown_subnet", "nat-gone");
        error(&d, "regional_nat_with_subnet", "nat-r");
        error(&d, "regional_nat_private", "nat-r");
        assert!(found(&d, "regional_nat_without_igw").is_empty());

        let mut s = minimal();
        s.nat_gateways = vec![nat("nat-a", None, AvailabilityMode::Regional)];
        assert!(run(&s).is_empty());
        s.internet_gateway = None;
        table(&mut s, "rtb-public").routes.clear();
        let d = run(&s);
        error(&d, "regional_nat_without_igw", "nat-a");
        assert_eq!(d.len(), 1, "{d:#?}");
    }

    #[test]
    fn public_nat_needs_an_igw_route_in_its_own_table() {
        let mut s = minimal();
        table(&mut s, "rtb-public").routes.clear();
        let m = warning(&run(&s), "public_nat_without_igw_route", "nat-a");
        assert!(m.contains("rtb-public"), "{m}");
        // Without an explicit association the NAT's subnet uses the main table.
        let mut s = minimal();
        table(&mut s, "rtb-public").subnets.clear();
        let m = warning(&run(&s), "public_nat_without_igw_route", "nat-a");
        assert!(m.contains("rtb-main") && m.contains("main table"), "{m}");
        table(&mut s, "rtb-main")
            .routes
            .push(route("0.0.0.0/0", Target::InternetGateway("igw-1".into())));
        assert!(run(&s).is_empty());
        // A private NAT gateway does not need one.
        let mut s = minimal();
        table(&mut s, "rtb-public").routes.clear();
        s.nat_gateways[0].connectivity = NatConnectivity::Private;
        assert!(run(&s).is_empty());
    }
}
