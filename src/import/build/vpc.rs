//! The VPC (`describe-vpcs`, `describe-vpc-attribute`): which one of the input is imported, its
//! IPv4 CIDR blocks and its DNS attributes.

use ipnet::Ipv4Net;

use super::{Warn, state_is, warning};
use crate::import::aws::{self, name_tag};
use crate::import::{ImportError, Input};

/// The VPC to import: the one named by id or Name tag, or the only one.
pub(super) fn select<'a>(input: &'a Input, vpc: Option<&str>) -> Result<&'a aws::Vpc, ImportError> {
    let mut vpcs: Vec<&aws::Vpc> = Vec::new();
    for v in &input.vpcs {
        if !vpcs.iter().any(|x| x.vpc_id == v.vpc_id) {
            vpcs.push(v);
        }
    }
    let shown = |v: &aws::Vpc| match name_tag(&v.tags) {
        Some(n) => format!("{} ({n})", v.vpc_id),
        None => v.vpc_id.clone(),
    };
    Ok(match vpc {
        Some(id) => {
            let by_id = vpcs.iter().copied().find(|v| v.vpc_id == id);
            let by_name: Vec<&aws::Vpc> = vpcs
                .iter()
                .copied()
                .filter(|v| name_tag(&v.tags).as_deref() == Some(id))
                .collect();
            match (by_id, by_name.as_slice()) {
                (Some(v), _) => v,
                (None, [v]) => v,
                (None, []) => {
                    return Err(ImportError::UnknownVpc {
                        wanted: id.to_string(),
                        known: vpcs.iter().map(|v| shown(v)).collect(),
                    });
                }
                (None, several) => {
                    return Err(ImportError::SeveralVpcs(
                        several.iter().map(|v| shown(v)).collect(),
                    ));
                }
            }
        }
        None => match vpcs.as_slice() {
            [] => return Err(ImportError::NoVpc),
            [one] => one,
            several => {
                return Err(ImportError::SeveralVpcs(
                    several.iter().map(|v| shown(v)).collect(),
                ));
            }
        },
    })
}

/// The VPC's associated IPv4 CIDR blocks (its IPv6 blocks: `super::ipv6::blocks`).
pub(super) fn cidrs(the_vpc: &aws::Vpc, w: &mut Warn) -> Vec<Ipv4Net> {
    let vpc_id = the_vpc.vpc_id.as_str();
    let mut cidrs: Vec<Ipv4Net> = Vec::new();
    let mut add_cidr = |c: &str, w: &mut Warn| match c.parse::<Ipv4Net>() {
        Ok(n) if !cidrs.contains(&n) => cidrs.push(n),
        Ok(_) => {}
        Err(_) => w.push(warning(vpc_id, "aws_bad_value", "vpc_cidr").s("value", c)),
    };
    if let Some(c) = &the_vpc.cidr_block {
        add_cidr(c, w);
    }
    for a in &the_vpc.cidr_block_association_set {
        let state = a.cidr_block_state.as_ref().and_then(|s| s.state.as_deref());
        if state.is_none() || state_is(state, &["associated"]) {
            add_cidr(&a.cidr_block, w);
        } else {
            w.push(
                warning(vpc_id, "aws_state_not_modelled", "vpc_cidr")
                    .s("cidr", &a.cidr_block)
                    .s("state", state.unwrap_or_default()),
            );
        }
    }
    cidrs
}

/// `enableDnsSupport` and `enableDnsHostnames`, when `describe-vpc-attribute` output says them.
pub(super) fn dns_attributes(
    input: &Input,
    vpc_id: &str,
    w: &mut Warn,
) -> (Option<bool>, Option<bool>) {
    let attribute = |f: fn(&aws::DescribeVpcAttribute) -> Option<bool>| {
        input
            .attributes
            .iter()
            .filter(|a| a.vpc_id.is_empty() || a.vpc_id == vpc_id)
            .find_map(f)
    };
    let dns_support = attribute(|a| a.enable_dns_support.as_ref().and_then(|v| v.value));
    let dns_hostnames = attribute(|a| a.enable_dns_hostnames.as_ref().and_then(|v| v.value));
    for (value, name) in [
        (dns_support, "enableDnsSupport"),
        (dns_hostnames, "enableDnsHostnames"),
    ] {
        if value.is_none() {
            w.push(warning(vpc_id, "aws_missing_input", "vpc_attribute").s("attribute", name));
        }
    }
    (dns_support, dns_hostnames)
}
