//! NAT gateways (`describe-nat-gateways`, aws-semantics.md §4): their state, connectivity,
//! availability mode and subnet.

use std::collections::BTreeSet;

use super::{Warn, state_is};
use crate::import::Input;
use crate::import::aws::{self, name_tag};
use crate::model::{AvailabilityMode, NatConnectivity, NatGateway};

/// The VPC's NAT gateways that exist; `seen` holds the ids already imported.
pub(super) fn nat_gateways<'a>(
    input: &'a Input,
    vpc_id: &str,
    subnet_ids: &BTreeSet<&str>,
    seen: &mut BTreeSet<&'a str>,
    w: &mut Warn,
) -> Vec<NatGateway> {
    let in_vpc = |id: &str| id == vpc_id;
    let mut nat_gateways: Vec<NatGateway> = Vec::new();
    for n in input.nat_gateways.iter().filter(|n| in_vpc(&n.vpc_id)) {
        let id = n.nat_gateway_id.as_str();
        if !seen.insert(id) {
            continue;
        }
        w.unknown_fields(id, "NAT gateway", &n.extra, aws::NAT_FIELDS_UNUSED);
        let state = n.state.as_deref();
        if state_is(state, &["failed", "deleting", "deleted"]) {
            w.push(
                id,
                "aws_state_not_modelled",
                format!(
                    "{id} is {}{}: left out, and routes to it become blackholes, as AWS shows them",
                    state.unwrap_or_default(),
                    n.failure_code
                        .as_deref()
                        .map(|c| format!(" ({c})"))
                        .unwrap_or_default()
                ),
            );
            continue;
        }
        if !state_is(state, &["available", "pending"]) {
            w.push(
                id,
                "aws_unknown_value",
                format!(
                    "{id}: State {:?} is not a NAT gateway state the importer knows; imported as available",
                    state.unwrap_or_default()
                ),
            );
        } else if state_is(state, &["pending"]) {
            w.push(
                id,
                "aws_state_not_modelled",
                format!("{id} is still pending: imported as available"),
            );
        }
        let connectivity = match n.connectivity_type.as_deref() {
            None | Some("public") => NatConnectivity::Public,
            Some("private") => NatConnectivity::Private,
            Some(other) => {
                w.push(
                    id,
                    "aws_unknown_value",
                    format!("{id}: ConnectivityType {other:?} unknown; imported as public"),
                );
                NatConnectivity::Public
            }
        };
        let availability_mode = match n.availability_mode.as_deref() {
            None | Some("zonal") => AvailabilityMode::Zonal,
            Some("regional") => AvailabilityMode::Regional,
            Some(other) => {
                w.push(
                    id,
                    "aws_unknown_value",
                    format!("{id}: AvailabilityMode {other:?} unknown; imported as zonal"),
                );
                AvailabilityMode::Zonal
            }
        };
        let subnet = match availability_mode {
            AvailabilityMode::Regional => None,
            AvailabilityMode::Zonal => match n.subnet_id.as_deref() {
                Some(s) if subnet_ids.contains(s) => Some(s.to_string()),
                other => {
                    w.push(
                        id,
                        "aws_missing_input",
                        format!(
                            "{id}: zonal NAT gateway in subnet {} which is not among the VPC's subnets; left out",
                            other.unwrap_or("(none)")
                        ),
                    );
                    continue;
                }
            },
        };
        nat_gateways.push(NatGateway {
            elastic_ip: n
                .nat_gateway_addresses
                .iter()
                .find(|a| a.is_primary != Some(false))
                .and_then(|a| a.public_ip.as_deref()?.parse().ok())
                .filter(|_| connectivity == NatConnectivity::Public),
            id: id.to_string(),
            name: name_tag(&n.tags),
            subnet,
            connectivity,
            availability_mode,
        });
    }
    nat_gateways
}
