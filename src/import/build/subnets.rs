//! Subnets and Availability Zones (`describe-subnets`, `describe-availability-zones`), and the
//! Region they are in.

use std::collections::BTreeMap;

use ipnet::Ipv4Net;

use super::{Warn, warning};
use crate::import::Input;
use crate::import::aws::{self, name_tag};
use crate::model::{AvailabilityZone, Subnet};

/// The Region, from the AZ descriptions, else from a subnet's AZ name (`us-east-1a`).
fn region(input: &Input, subnets: &[&aws::Subnet]) -> Option<String> {
    // The Region of the subnets' AZs first: an AZ file may come from another Region.
    let of_subnets = subnets.iter().find_map(|s| {
        input
            .zones
            .iter()
            .find(|z| z.zone_name == s.availability_zone)
            .and_then(|z| z.region_name.clone())
    });
    if of_subnets.is_some() {
        return of_subnets;
    }
    if let Some(s) = subnets.first() {
        let az = &s.availability_zone;
        let r = az.trim_end_matches(|c: char| c.is_ascii_lowercase());
        if !r.is_empty() && r != az {
            return Some(r.to_string());
        }
    }
    input.zones.iter().find_map(|z| z.region_name.clone())
}

/// The VPC's IPv4 subnets, the Region, and the AZs the subnets are in (by name, with their AZ IDs).
pub(super) fn subnets(
    input: &Input,
    vpc_id: &str,
    w: &mut Warn,
) -> (String, Vec<Subnet>, Vec<AvailabilityZone>) {
    let in_vpc = |id: &str| id == vpc_id;
    let mut aws_subnets: Vec<&aws::Subnet> = Vec::new();
    for s in input.subnets.iter().filter(|s| in_vpc(&s.vpc_id)) {
        if !aws_subnets.iter().any(|x| x.subnet_id == s.subnet_id) {
            aws_subnets.push(s);
        }
    }
    if input.subnets.is_empty() {
        w.push(warning(vpc_id, "aws_missing_input", "no_subnets"));
    }
    let region = match region(input, &aws_subnets) {
        Some(r) => r,
        None => {
            w.push(warning(vpc_id, "aws_missing_input", "no_region").s("region", "us-east-1"));
            "us-east-1".to_string()
        }
    };
    let mut subnets: Vec<Subnet> = Vec::new();
    let mut azs: BTreeMap<String, Option<String>> = BTreeMap::new();
    for s in &aws_subnets {
        let cidr = s
            .cidr_block
            .as_deref()
            .and_then(|c| c.parse::<Ipv4Net>().ok());
        // A dual-stack or IPv6-only subnet: its first associated IPv6 block (AWS allows one per
        // subnet).
        let ipv6_cidr = super::ipv6::blocks(&s.subnet_id, &s.ipv6_cidr_block_association_set, w)
            .first()
            .copied();
        // An IPv6-only subnet (`Ipv6Native`) has no `CidrBlock`, only its IPv6 block ("For an
        // IPv6 only subnet, specify an IPv6 CIDR block", CreateSubnet). A subnet with neither
        // block the model can read is left out.
        let ipv6_only = s.ipv6_native.unwrap_or(false);
        if cidr.is_none() && !(ipv6_only && ipv6_cidr.is_some()) {
            w.push(warning(
                &s.subnet_id,
                "aws_ipv6_not_modelled",
                "subnet_without_block",
            ));
            continue;
        }
        let zone_id = s.availability_zone_id.clone().or_else(|| {
            input
                .zones
                .iter()
                .find(|z| z.zone_name == s.availability_zone)
                .and_then(|z| z.zone_id.clone())
        });
        let entry = azs.entry(s.availability_zone.clone()).or_default();
        if entry.is_none() {
            *entry = zone_id;
        }
        subnets.push(Subnet {
            id: s.subnet_id.clone(),
            name: name_tag(&s.tags),
            az: s.availability_zone.clone(),
            cidr,
            ipv6_cidr,
            ipv6_only,
            dns64: s.enable_dns64.unwrap_or(false) && ipv6_cidr.is_some(),
        });
    }
    let availability_zones: Vec<AvailabilityZone> = azs
        .into_iter()
        .map(|(name, id)| AvailabilityZone { name, id })
        .collect();
    (region, subnets, availability_zones)
}
