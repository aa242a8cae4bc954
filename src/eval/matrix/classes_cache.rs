//! The classes of the last model asked (`super::classes`), kept for the next model when an edit
//! left alone everything the classes are made of: after a rule edit the matrix and the cost
//! estimate each ask for the classes of the new model, and making them (a pass over every
//! instance and the address regions of every rule and route inside the VPC) was a third of the
//! matrix after the edit at the quota model with its security layer.

use std::sync::{Arc, Mutex};

use super::Classes;
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
fn alike(a: &Model, b: &Model) -> bool {
    let (x, y) = (a.scenario(), b.scenario());
    let (p, q) = (a.security(), b.security());
    let same_security = Arc::ptr_eq(&a.security, &b.security);
    Arc::ptr_eq(&a.tables, &b.tables)
        && std::ptr::eq(a.services(), b.services())
        && Arc::ptr_eq(&a.instance_subnet, &b.instance_subnet)
        && a.policies_read_address == b.policies_read_address
        && x.instances.shares(&y.instances)
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
