//! The VPC's and the subnets' CIDR blocks, and the subnets that placed objects sit in
//! (aws-semantics.md §7).

use super::{Cx, MAX_PREFIX, MIN_PREFIX, cidr_without_host_bits};
use crate::model::Diagnostic;

/// DNS hostnames need DNS support: "You can only enable DNS hostnames if you've enabled DNS
/// support" (EC2 API Reference, ModifyVpcAttribute; aws-semantics.md §7).
pub(super) fn vpc_dns_attributes(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let vpc = &cx.s.vpc;
    if vpc.enable_dns_hostnames && !vpc.enable_dns_support {
        out.push(Diagnostic::error(&vpc.id, "dns_hostnames_without_support").s("vpc", &vpc.id));
    }
}

/// The VPC has at least one CIDR; each is valid, between /16 and /28, and the VPC's CIDRs do not
/// overlap each other (aws-semantics.md §7).
pub(super) fn vpc_cidrs(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let vpc = &cx.s.vpc;
    if vpc.cidrs.is_empty() {
        out.push(Diagnostic::error(&vpc.id, "vpc_without_cidr").s("vpc", &vpc.id));
    }
    for (i, cidr) in vpc.cidrs.iter().enumerate() {
        cidr_without_host_bits(&vpc.id, "what-vpc-cidr", cidr, out);
        if !(MIN_PREFIX..=MAX_PREFIX).contains(&cidr.prefix_len()) {
            out.push(
                Diagnostic::error(&vpc.id, "vpc_cidr_size")
                    .s("cidr", cidr)
                    .n("len", cidr.prefix_len().into()),
            );
        }
        for earlier in &vpc.cidrs[..i] {
            if earlier.contains(cidr) || cidr.contains(earlier) {
                out.push(
                    Diagnostic::error(&vpc.id, "vpc_cidr_overlap")
                        .s("cidr", cidr)
                        .s("other", earlier),
                );
            }
        }
    }
}

/// Each subnet's CIDR is valid, between /16 and /28, inside one VPC CIDR and overlaps no other
/// subnet; its AZ resolves (aws-semantics.md §7).
pub(super) fn subnet_cidrs(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    let overlaps = overlapping(&s.subnets);
    for (i, sn) in s.subnets.iter().enumerate() {
        if !cx.azs.contains_key(sn.az.as_str()) {
            out.push(
                Diagnostic::error(&sn.id, "unknown_az")
                    .s("case", "subnet")
                    .s("subnet", &sn.id)
                    .s("az", &sn.az),
            );
        }
        // An IPv6-only subnet may have no IPv4 block; every other subnet needs one
        // ("For an IPv4 only subnet, specify an IPv4 CIDR block … For an IPv6 only subnet,
        // specify an IPv6 CIDR block", EC2 API Reference, CreateSubnet; the VPC user guide's
        // "IPv6-only subnets", configure-subnets.html). The IPv6-only subnet's IPv6 block is
        // checked in `validate::ipv6`.
        let Some(cidr) = sn.cidr else {
            if !sn.ipv6_only {
                out.push(Diagnostic::error(&sn.id, "subnet_without_ipv4_cidr").s("subnet", &sn.id));
            }
            continue;
        };
        cidr_without_host_bits(&sn.id, "what-subnet-cidr", &cidr, out);
        if !(MIN_PREFIX..=MAX_PREFIX).contains(&cidr.prefix_len()) {
            out.push(
                Diagnostic::error(&sn.id, "subnet_cidr_size")
                    .s("subnet", &sn.id)
                    .s("cidr", cidr)
                    .n("len", cidr.prefix_len().into()),
            );
        }
        if !s.vpc.cidrs.is_empty() && !s.vpc.cidrs.iter().any(|v| v.contains(&cidr)) {
            out.push(
                Diagnostic::error(&sn.id, "subnet_outside_vpc")
                    .s("subnet", &sn.id)
                    .s("cidr", cidr)
                    .list("vpc_cidrs", cx.vpc_cidrs()),
            );
        }
        for (other, other_cidr) in overlaps[i]
            .iter()
            .filter_map(|&j| Some((&s.subnets[j], s.subnets[j].cidr?)))
        {
            out.push(
                Diagnostic::error(&sn.id, "subnet_overlap")
                    .s("subnet", &sn.id)
                    .s("cidr", cidr)
                    .s("other", &other.id)
                    .s("other_cidr", other_cidr),
            );
        }
    }
}

/// GWLB endpoints, network interfaces and instances sit in a subnet that resolves
/// (aws-semantics.md §7).
pub(super) fn placement_subnets_resolve(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let placed =
        cx.s.gwlb_endpoints
            .iter()
            .map(|g| (&g.id, &g.subnet))
            .chain(cx.s.network_interfaces.iter().map(|n| (&n.id, &n.subnet)))
            .chain(cx.s.instances.iter().map(|i| (&i.id, &i.subnet)));
    for (id, subnet) in placed {
        if !cx.subnets.contains_key(subnet.as_str()) {
            out.push(
                Diagnostic::error(id, "unknown_subnet")
                    .s("case", "placed")
                    .s("id", id)
                    .s("subnet", subnet),
            );
        }
    }
}

/// For each subnet, the earlier subnets (in file order) whose CIDR overlaps its own. CIDR
/// blocks either nest or are disjoint, so one sweep in address order finds every pair: the
/// blocks still open when a block starts are exactly those that contain it. O(n log n) plus
/// the pairs found.
fn overlapping(subnets: &[crate::model::Subnet]) -> Vec<Vec<usize>> {
    // Subnets without an IPv4 block (IPv6-only) overlap nothing here.
    let mut order: Vec<(usize, ipnet::Ipv4Net)> = subnets
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, s.cidr?)))
        .collect();
    order.sort_by_key(|&(i, c)| (c.network(), c.prefix_len(), i));
    let mut open: Vec<(usize, ipnet::Ipv4Net)> = Vec::new();
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); subnets.len()];
    for (i, cidr) in order {
        while open
            .last()
            .is_some_and(|&(_, o)| o.broadcast() < cidr.network())
        {
            open.pop();
        }
        for &(o, _) in &open {
            let (later, earlier) = if o < i { (i, o) } else { (o, i) };
            found[later].push(earlier);
        }
        open.push((i, cidr));
    }
    for f in &mut found {
        f.sort_unstable();
    }
    found
}

#[cfg(test)]
mod tests {

    use crate::model::validate::test_support::*;
    use crate::model::{Destination, GwlbEndpoint, NetworkInterface, ServiceOverride};

    #[test]
    fn host_bits_are_refused_everywhere() {
        let mut s = minimal();
        s.vpc.cidrs[0] = net("10.0.0.1/16");
        s.subnets[0].cidr = Some(net("10.0.0.7/24"));
        table(&mut s, "rtb-public").routes[0].destination = Destination::Cidr(net("0.0.0.1/0"));
        s.services.push(ServiceOverride {
            name: "sqs".into(),
            dns_name: None,
            private_dns_supported: None,
            gateway_endpoint: None,
            interface_endpoint: None,
            cidrs: Some(vec![net("198.18.0.9/24")]),
        });
        let d = run(&s);
        assert!(error(&d, "cidr_host_bits", "vpc-1").contains("did you mean 10.0.0.0/16?"));
        assert!(error(&d, "cidr_host_bits", "subnet-public-a").contains("10.0.0.0/24"));
        assert!(error(&d, "cidr_host_bits", "sqs").contains("198.18.0.0/24"));
        // The route destination is a route table's finding.
        assert!(
            d.iter()
                .any(|x| x.rule == "cidr_host_bits" && x.object == "rtb-public")
        );
    }

    #[test]
    fn vpc_cidr_size_and_overlap() {
        let mut s = minimal();
        s.vpc.cidrs = vec![
            net("10.0.0.0/16"),
            net("10.0.128.0/17"),
            net("172.16.0.0/12"),
        ];
        let d = run(&s);
        assert!(error(&d, "vpc_cidr_overlap", "vpc-1").contains("10.0.128.0/17"));
        assert!(error(&d, "vpc_cidr_size", "vpc-1").contains("/12"));

        let mut s = minimal();
        s.vpc.cidrs.clear();
        error(&run(&s), "vpc_without_cidr", "vpc-1");
    }

    #[test]
    fn subnet_size_outside_and_overlap() {
        let mut s = minimal();
        s.subnets[0].cidr = Some(net("10.0.0.0/29"));
        s.subnets[1].cidr = Some(net("10.0.0.0/30"));
        s.subnets[2].cidr = Some(net("10.1.2.0/24"));
        let d = run(&s);
        assert!(error(&d, "subnet_cidr_size", "subnet-private-a").contains("/30"));
        assert!(error(&d, "subnet_overlap", "subnet-private-a").contains("subnet-public-a"));
        assert!(error(&d, "subnet_outside_vpc", "subnet-private-b").contains("10.0.0.0/16"));
    }

    #[test]
    fn subnet_must_sit_in_one_vpc_cidr() {
        let mut s = minimal();
        s.vpc.cidrs = vec![net("10.0.0.0/16"), net("10.1.0.0/16")];
        s.subnets[2].cidr = Some(net("10.0.0.0/15"));
        let d = run(&s);
        error(&d, "subnet_outside_vpc", "subnet-private-b");
    }

    #[test]
    fn subnet_az_resolves_by_name_or_id() {
        let mut s = minimal();
        s.subnets[2].az = "use1-az2".into();
        assert!(run(&s).is_empty());
        s.subnets[2].az = "us-east-1z".into();
        error(&run(&s), "unknown_az", "subnet-private-b");
    }

    #[test]
    fn placements_resolve() {
        let mut s = minimal();
        s.instances[0].subnet = "subnet-x".into();
        s.instances[0].private_ip = None;
        s.gwlb_endpoints.push(GwlbEndpoint {
            id: "gwlbe-1".into(),
            subnet: "subnet-y".into(),
            appliances_up: true,
        });
        s.network_interfaces.push(NetworkInterface {
            security_groups: Vec::new(),
            source_dest_check: None,
            id: "eni-1".into(),
            description: None,
            subnet: "subnet-z".into(),
            ip: None,
            public_ip: false,
        });
        let d = run(&s);
        error(&d, "unknown_subnet", "i-app-a");
        error(&d, "unknown_subnet", "gwlbe-1");
        error(&d, "unknown_subnet", "eni-1");
    }
}
