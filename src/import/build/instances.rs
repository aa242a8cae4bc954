//! Instances (`describe-instances`): their state, subnet, primary private IP and public IP.

use std::collections::{BTreeMap, BTreeSet};
use std::net::Ipv4Addr;

use super::{Facts, Warn, state_is, warning};
use crate::import::aws::name_tag;
use crate::model::Instance;

/// The VPC's instances that exist; `seen` holds the ids already imported.
pub(super) fn instances<'s>(
    facts: Facts<'s>,
    seen: &mut BTreeSet<&'s str>,
    w: &mut Warn,
) -> Vec<Instance> {
    let Facts {
        input,
        vpc_id,
        subnet_ids,
        subnet_cidr,
        ..
    } = facts;
    let mut instances: Vec<Instance> = Vec::new();
    for i in &input.instances {
        if i.vpc_id.as_deref() != Some(vpc_id) {
            continue;
        }
        let id = i.instance_id.as_str();
        if !seen.insert(id) {
            continue;
        }
        let state = i.state.as_ref().and_then(|s| s.name.as_deref());
        if state_is(state, &["terminated", "shutting-down"]) {
            w.push(
                warning(id, "aws_state_not_modelled", "instance_gone")
                    .s("state", state.unwrap_or_default()),
            );
            continue;
        }
        if state_is(state, &["stopped", "stopping"]) {
            w.push(
                warning(id, "aws_state_not_modelled", "instance_stopped")
                    .s("state", state.unwrap_or_default()),
            );
        } else if !state_is(state, &["running", "pending"]) {
            w.push(
                warning(id, "aws_unknown_value", "value")
                    .s("field", "State.Name")
                    .s("value", state.unwrap_or_default())
                    .s("fallback", "running"),
            );
        }
        let Some(subnet) = i.subnet_id.as_deref().filter(|s| subnet_ids.contains(s)) else {
            w.push(warning(id, "aws_missing_input", "instance_subnet"));
            continue;
        };
        if i.network_interfaces.len() > 1 {
            w.push(
                warning(id, "aws_not_modelled", "instance_interfaces")
                    .n("count", i.network_interfaces.len()),
            );
        }
        let private_ip = i
            .private_ip_address
            .as_deref()
            .and_then(|a| a.parse::<Ipv4Addr>().ok());
        let private_ip = match private_ip {
            Some(a) if !subnet_cidr.get(subnet).is_some_and(|c| c.contains(&a)) => {
                w.push(
                    warning(id, "aws_bad_value", "instance_ip")
                        .s("ip", a)
                        .s("subnet", subnet),
                );
                None
            }
            other => other,
        };
        instances.push(Instance {
            id: id.to_string(),
            name: name_tag(&i.tags),
            subnet: subnet.to_string(),
            private_ip,
            public_ip: i.public_ip_address.is_some(),
            ipv6_address: super::ipv6::address(id, i.ipv6_address.as_deref(), w),
            security_groups: Vec::new(),
        });
    }
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for i in &instances {
        if let Some(n) = &i.name {
            *names.entry(n).or_default() += 1;
        }
    }
    for (n, count) in names.iter().filter(|(_, c)| **c > 1) {
        w.push(warning(n, "aws_ambiguous_name", "instances").n("count", *count));
    }
    instances
}
