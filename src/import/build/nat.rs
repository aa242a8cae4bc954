//! NAT gateways (`describe-nat-gateways`, aws-semantics.md §4): their state, connectivity,
//! availability mode and subnet.

use std::collections::BTreeSet;

use super::{Warn, state_is, warning};
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
        w.unknown_fields(
            || warning(id, "aws_unknown_field", "nat_gateway"),
            &n.extra,
            aws::NAT_FIELDS_UNUSED,
        );
        let state = n.state.as_deref();
        if state_is(state, &["failed", "deleting", "deleted"]) {
            let d = match n.failure_code.as_deref() {
                Some(code) => {
                    warning(id, "aws_state_not_modelled", "nat_gone_code").s("code", code)
                }
                None => warning(id, "aws_state_not_modelled", "nat_gone"),
            };
            w.push(d.s("state", state.unwrap_or_default()));
            continue;
        }
        if !state_is(state, &["available", "pending"]) {
            w.push(
                warning(id, "aws_unknown_value", "value")
                    .s("field", "State")
                    .s("value", state.unwrap_or_default())
                    .s("fallback", "available"),
            );
        } else if state_is(state, &["pending"]) {
            w.push(warning(id, "aws_state_not_modelled", "nat_pending"));
        }
        let connectivity = match n.connectivity_type.as_deref() {
            None | Some("public") => NatConnectivity::Public,
            Some("private") => NatConnectivity::Private,
            Some(other) => {
                w.push(
                    warning(id, "aws_unknown_value", "value")
                        .s("field", "ConnectivityType")
                        .s("value", other)
                        .s("fallback", "public"),
                );
                NatConnectivity::Public
            }
        };
        let availability_mode = match n.availability_mode.as_deref() {
            None | Some("zonal") => AvailabilityMode::Zonal,
            Some("regional") => AvailabilityMode::Regional,
            Some(other) => {
                w.push(
                    warning(id, "aws_unknown_value", "value")
                        .s("field", "AvailabilityMode")
                        .s("value", other)
                        .s("fallback", "zonal"),
                );
                AvailabilityMode::Zonal
            }
        };
        let subnet = match availability_mode {
            AvailabilityMode::Regional => None,
            AvailabilityMode::Zonal => match n.subnet_id.as_deref() {
                Some(s) if subnet_ids.contains(s) => Some(s.to_string()),
                other => {
                    w.push(match other {
                        Some(s) => warning(id, "aws_missing_input", "nat_subnet").s("subnet", s),
                        None => warning(id, "aws_missing_input", "nat_no_subnet"),
                    });
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
