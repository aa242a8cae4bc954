//! IPv6 from the AWS CLI's output: the VPC's and subnets' associated IPv6 blocks, DNS64 and
//! IPv6-only subnets, egress-only internet gateways, instances' and endpoint interfaces' IPv6
//! addresses, and interface endpoints' IP address type and DNS record IP type
//! (docs/aws-import-fields.md lists each field).

use std::net::Ipv6Addr;

use ipnet::Ipv6Net;

use super::{Warn, warning};
use crate::import::{Input, aws, aws_ipv6};
use crate::model::{DnsRecordIpType, EgressOnlyInternetGateway, EndpointIpType};

/// The associated blocks of an `Ipv6CidrBlockAssociationSet` (others are reported).
pub(super) fn blocks(
    owner: &str,
    set: &[aws_ipv6::Ipv6CidrBlockAssociation],
    w: &mut Warn,
) -> Vec<Ipv6Net> {
    let mut out = Vec::new();
    for a in set {
        let Some(text) = a.associated() else {
            w.push(
                warning(owner, "aws_state_not_modelled", "ipv6_cidr")
                    .s("cidr", a.ipv6_cidr_block.as_deref().unwrap_or_default())
                    .s(
                        "state",
                        a.ipv6_cidr_block_state
                            .as_ref()
                            .and_then(|s| s.state.as_deref())
                            .unwrap_or_default(),
                    ),
            );
            continue;
        };
        match text.parse::<Ipv6Net>() {
            Ok(n) if !out.contains(&n.trunc()) => out.push(n.trunc()),
            Ok(_) => {}
            Err(_) => w.push(warning(owner, "aws_bad_value", "ipv6_cidr").s("value", text)),
        }
    }
    out
}

/// The egress-only internet gateways attached to the VPC.
pub(super) fn egress_only_gateways(input: &Input, vpc_id: &str) -> Vec<EgressOnlyInternetGateway> {
    let mut out: Vec<EgressOnlyInternetGateway> = Vec::new();
    for g in &input.egress_only_internet_gateways {
        let attached = g
            .attachments
            .iter()
            .any(|a| a.vpc_id == vpc_id && a.state.as_deref().is_none_or(|s| s == "attached"));
        if attached
            && !out
                .iter()
                .any(|x| x.id == g.egress_only_internet_gateway_id)
        {
            out.push(EgressOnlyInternetGateway {
                id: g.egress_only_internet_gateway_id.clone(),
            });
        }
    }
    out
}

/// An IPv6 address the CLI printed, if it parses (else reported).
pub(super) fn address(owner: &str, text: Option<&str>, w: &mut Warn) -> Option<Ipv6Addr> {
    let text = text?;
    match text.parse::<Ipv6Addr>() {
        Ok(a) => Some(a),
        Err(_) => {
            w.push(warning(owner, "aws_bad_value", "ipv6_address").s("value", text));
            None
        }
    }
}

/// An interface endpoint's `IpAddressType` and `DnsOptions.DnsRecordIpType` (an unknown value is
/// reported and taken as IPv4 / not given).
pub(super) fn endpoint_types(
    e: &aws::VpcEndpoint,
    w: &mut Warn,
) -> (EndpointIpType, Option<DnsRecordIpType>) {
    let id = e.vpc_endpoint_id.as_str();
    let ip = match e.ip_address_type.as_deref() {
        None => EndpointIpType::Ipv4,
        Some(v) => EndpointIpType::from_code(v).unwrap_or_else(|| {
            w.push(
                warning(id, "aws_unknown_value", "value")
                    .s("field", "IpAddressType")
                    .s("value", v)
                    .s("fallback", "ipv4"),
            );
            EndpointIpType::Ipv4
        }),
    };
    let records = e
        .dns_options
        .as_ref()
        .and_then(|d| d.dns_record_ip_type.as_deref())
        .and_then(|v| {
            let r = DnsRecordIpType::from_code(v);
            if r.is_none() {
                w.push(
                    warning(id, "aws_unknown_value", "value")
                        .s("field", "DnsRecordIpType")
                        .s("value", v)
                        .s("fallback", "-"),
                );
            }
            r
        });
    (ip, records)
}

/// What a model would refuse is left out with a warning: IPv6 routes of a VPC without an IPv6
/// block, subnet blocks outside the VPC's, addresses outside their subnet's block, and an
/// endpoint IPv6 type its imported subnets cannot give (taken as `ipv4`).
pub(super) fn reconcile(
    vpc_blocks: &[Ipv6Net],
    tables: &mut [crate::model::RouteTable],
    subnets: &mut [crate::model::Subnet],
    instances: &mut [crate::model::Instance],
    endpoints: &mut [crate::model::InterfaceEndpoint],
    w: &mut Warn,
) {
    if vpc_blocks.is_empty() {
        for t in tables.iter_mut().filter(|t| !t.ipv6_routes.is_empty()) {
            w.push(
                warning(&t.id, "aws_ipv6_not_modelled", "ipv6_routes")
                    .n("count", t.ipv6_routes.len()),
            );
            t.ipv6_routes.clear();
        }
    }
    for s in subnets.iter_mut() {
        if let Some(b) = s.ipv6_cidr
            && !vpc_blocks.iter().any(|v| v.contains(&b))
        {
            w.push(warning(&s.id, "aws_ipv6_not_modelled", "subnet_block").s("cidr", b));
            s.ipv6_cidr = None;
            s.dns64 = false;
        }
    }
    for i in instances.iter_mut() {
        let block = subnets
            .iter()
            .find(|s| s.id == i.subnet)
            .and_then(|s| s.ipv6_cidr);
        if let Some(a) = i.ipv6_address
            && !block.is_some_and(|b| b.contains(&a))
        {
            w.push(warning(&i.id, "aws_bad_value", "ipv6_address").s("value", a));
            i.ipv6_address = None;
        }
    }
    for e in endpoints.iter_mut() {
        let fits = e.subnets.iter().all(|es| {
            let s = subnets.iter().find(|s| s.id == es.subnet);
            let v6 = s.is_some_and(|s| s.ipv6_cidr.is_some());
            let v4 = s.is_some_and(|s| !s.ipv6_only);
            match e.ip_address_type {
                EndpointIpType::Ipv4 => v4,
                EndpointIpType::Dualstack => v4 && v6,
                EndpointIpType::Ipv6 => v6 && !v4,
            }
        });
        if !fits {
            w.push(
                warning(&e.id, "aws_ipv6_not_modelled", "endpoint_type")
                    .s("type", e.ip_address_type.code()),
            );
            e.ip_address_type = EndpointIpType::Ipv4;
            e.dns_record_ip_type = None;
        }
    }
}
