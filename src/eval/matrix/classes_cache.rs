//! The classes of the last model asked (`super::classes`), kept for the next model when an edit
//! left alone everything the classes are made of: after a rule edit the matrix and the cost
//! estimate each ask for the classes of the new model, and making them (a pass over every
//! instance and the address regions of every rule and route inside the VPC) was a third of the
//! matrix after the edit at the quota model with its security layer.

use std::sync::{Arc, Mutex};

use super::Classes;
use super::classes::by_slot;
use crate::model::Model;
use crate::model::security_rules::{CompiledAcl, CompiledGroup, GroupPeer, Span};

/// The last model whose classes were made, and its classes. The model is kept whole (its parts
/// are shared `Arc`s), so the parts compared by address below cannot be freed and reused.
static LAST: Mutex<Option<(Model, Arc<Classes>)>> = Mutex::new(None);

/// The classes of `model`: the last model's when [`alike`] says they are the same, else
/// `make`'s (kept for the next call). Debug builds check a kept answer against `make`'s.
pub(super) fn classes(model: &Model, make: fn(&Model) -> Classes) -> Classes {
    let kept = match LAST.lock() {
        Ok(last) => last
            .as_ref()
            .filter(|(m, _)| alike(m, model))
            .map(|(_, c)| Arc::clone(c)),
        // A thread that panicked while holding it left a cache only: go without it.
        Err(_) => None,
    };
    if let Some(c) = kept {
        #[cfg(debug_assertions)]
        // The kept classes are the model's (an invariant, not a message).
        assert_eq!(*c, make(model));
        return Classes::clone(&c);
    }
    let made = make(model);
    if let Ok(mut last) = LAST.lock() {
        *last = Some((model.clone(), Arc::new(made.clone())));
    }
    made
}

/// Whether `a` and `b` give the same classes: the same instances, subnets, groups per
/// instance and layers on, and the same CIDRs inside the VPC among the rules, routes and
/// service ranges (`AddressRegions`: the regions, and so the addresses that stand for them,
/// follow from that set of CIDRs alone). The parts an edit leaves alone are shared, so this
/// is mostly pointer comparisons, and the CIDRs of the groups and ACLs it changed.
///
/// Without security layers, and with no policy reading the address, a class is the slot
/// (subnet, public IP) of its instances and nothing else: then only the instances and their
/// subnets count, and an edit to a route table (an attach at 4x the quota model made the
/// classes again, 2 million instructions) keeps them.
fn alike(a: &Model, b: &Model) -> bool {
    let (x, y) = (a.scenario(), b.scenario());
    let (p, q) = (a.security(), b.security());
    let same_instances =
        Arc::ptr_eq(&a.instance_subnet, &b.instance_subnet) && x.instances.shares(&y.instances);
    if by_slot(a) && by_slot(b) {
        return same_instances && x.subnets.len() == y.subnets.len();
    }
    let same_security = Arc::ptr_eq(&a.security, &b.security);
    Arc::ptr_eq(&a.tables, &b.tables)
        && std::ptr::eq(a.services(), b.services())
        && same_instances
        && a.policies_read_address == b.policies_read_address
        && x.subnets == y.subnets
        && x.vpc.cidrs == y.vpc.cidrs
        && (same_security
            || (p.groups_on == q.groups_on
                && p.acls_on == q.acls_on
                && p.instance_groups == q.instance_groups
                && same_cidrs(&p.group_rules, &q.group_rules, group_cidrs, &x.vpc.cidrs)
                && same_cidrs(&p.acl_rules, &q.acl_rules, acl_cidrs, &x.vpc.cidrs)))
}

/// Whether each changed group's or ACL's rules name the same CIDRs inside the VPC.
fn same_cidrs<T>(
    a: &[Arc<T>],
    b: &[Arc<T>],
    cidrs: fn(&T) -> Vec<Span>,
    vpc: &[ipnet::Ipv4Net],
) -> bool {
    let inside = |t: &T| {
        let mut v: Vec<(u32, u32)> = cidrs(t)
            .into_iter()
            .filter(|c| vpc.iter().any(|&v| Span::of(v).contains(*c)))
            .map(|c| (c.0, c.1))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| Arc::ptr_eq(x, y) || inside(x) == inside(y))
}

fn group_cidrs(g: &CompiledGroup) -> Vec<Span> {
    g.iter()
        .flatten()
        .filter_map(|r| match r.peer {
            GroupPeer::Cidr(c) => Some(c),
            _ => None,
        })
        .collect()
}

fn acl_cidrs(a: &CompiledAcl) -> Vec<Span> {
    a.iter().flatten().map(|r| r.cidr).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::matrix::classes::classes_afresh;
    use crate::model::{Destination, Edit, Route, Target, shipped_scenario};

    /// A route table edit keeps the classes of a model without security layers (they are its
    /// instances' slots); with security layers a route inside the VPC may split a subnet's
    /// addresses, so the classes are made again. Either way `classes` gives fresh ones.
    #[test]
    fn a_table_edit_keeps_the_classes_only_where_routes_cannot_split_them() {
        let mut kept = 0;
        for (path, model) in crate::model::shipped_scenarios() {
            if !by_slot(&model) {
                continue;
            }
            for e in &model.scenario().gateway_endpoints {
                for t in &e.route_tables {
                    let (next, _) = Edit::DetachGatewayEndpoint {
                        endpoint: e.id.clone(),
                        route_table: t.clone(),
                    }
                    .apply(&model)
                    .expect("applies");
                    assert!(!Arc::ptr_eq(&model.tables, &next.tables));
                    assert!(alike(&model, &next), "{}", path.display());
                    assert_eq!(super::super::classes(&next), classes_afresh(&next));
                    kept += 1;
                }
            }
        }
        assert!(kept >= 3, "{kept}");

        let model = shipped_scenario("security-layers");
        assert!(model.security().groups_on || model.security().acls_on);
        let (next, _) = Edit::AddRoute {
            route_table: "rtb-egress".into(),
            route: Route {
                destination: Destination::Cidr("10.0.1.0/24".parse().expect("a CIDR")),
                target: Target::NatGateway("nat-public".into()),
            },
            position: None,
        }
        .apply(&model)
        .expect("applies");
        assert!(!alike(&model, &next));
        assert_eq!(super::super::classes(&next), classes_afresh(&next));
        // A public IP changes an instance's slot: never alike.
        for m in [shipped_scenario("gateway-main-rt"), model] {
            let id = m.scenario().instances[0].id.clone();
            let (next, _) = Edit::SetInstancePublicIp {
                instance: id,
                public_ip: !m.scenario().instances[0].public_ip,
            }
            .apply(&m)
            .expect("applies");
            assert!(!alike(&m, &next));
            assert_eq!(super::super::classes(&next), classes_afresh(&next));
        }
    }
}
