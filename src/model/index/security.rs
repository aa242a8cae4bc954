//! The security groups and network ACLs the evaluator reads (aws-semantics.md §5b): groups by
//! index with the VPC's default group, each interface's groups, each subnet's network ACL.

use std::collections::HashMap;
use std::sync::Arc;

use smallvec::SmallVec;

use super::IdMap;
use super::security_rules::{
    AclAhead, CompiledAcl, CompiledGroup, GroupAhead, Kind, Span, acl_ahead, acl_kinds,
    compile_acl, compile_group, group_ahead,
};

use crate::model::catalogue::Service;
use crate::model::{
    CompactString, DEFAULT_EPHEMERAL, NAT_EPHEMERAL, NetworkAcl, PortRange, Scenario,
    SecurityGroup, Shared,
};

/// Group indexes of one interface: up to four inline (AWS's default quota is five per
/// interface), in the same 24 bytes two took, so an instance with three groups costs its
/// source and its context no allocation per query.
pub type GroupSet = SmallVec<[u32; 4]>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityIndex {
    /// Security groups are evaluated: the scenario has groups or attaches some.
    pub groups_on: bool,
    /// Network ACLs are evaluated: the scenario has some.
    pub acls_on: bool,
    /// The scenario's groups, then the stand-in default group when none is named `default`;
    /// each shared with the index before a rule edit that did not change it.
    pub groups: Vec<Arc<SecurityGroup>>,
    /// Per group (as `groups`), its id as a fact names it: made once here, cloned (24 bytes
    /// inline) into each check's list of groups instead of written from the text per check.
    pub group_ids: Arc<Vec<CompactString>>,
    /// Shared, as the interfaces' group sets, with the index after a rule edit (which changes
    /// neither): copying them was most of [`Self::after_rule_edits`].
    pub lookup: Arc<HashMap<String, u32>>,
    /// The VPC's default group (default-security-group.html).
    pub default_group: u32,
    pub instance_groups: Shared<GroupSet>,
    pub endpoint_groups: Shared<GroupSet>,
    pub eni_groups: Shared<GroupSet>,
    /// Per subnet, its network ACL (index into the scenario's); none: the stand-in default
    /// that allows everything (default-network-acl.html).
    pub subnet_acl: Vec<Option<u32>>,
    /// The client's ephemeral ports (scenario's, or 1024–65535).
    pub ephemeral: PortRange,
    /// Per group (as `groups`), its rules compiled.
    pub group_rules: Vec<Arc<CompiledGroup>>,
    /// Per network ACL of the scenario, its rules compiled.
    pub acl_rules: Vec<Arc<CompiledAcl>>,
    /// Per group (as `groups`), its rules decided ahead for the default probe (TCP 443),
    /// managed prefix lists resolved to the catalogue's ranges: what the matrix and the cost
    /// estimate check, one binary search per group.
    pub group_ahead: Vec<Arc<GroupAhead>>,
    /// Per network ACL, its rules decided ahead for the default probe's request and replies
    /// ([`acl_kinds`]).
    pub acl_ahead: Vec<Arc<AclAhead>>,
}

/// A managed prefix list's ranges, by service name as the model looks it up (`Model::service`).
fn prefix_ranges<'a>(
    services: &'a [Service],
    lookup: &'a IdMap,
) -> impl Fn(&str) -> Vec<Span> + 'a {
    move |name| {
        lookup
            .get(name)
            .and_then(|&i| services.get(i))
            .map(|s| s.cidrs.iter().map(|&c| Span::of(c)).collect())
            .unwrap_or_default()
    }
}

impl SecurityIndex {
    /// Subnet `subnet`'s network ACL (index into the scenario's); none: the stand-in default.
    pub fn acl_of(&self, subnet: usize) -> Option<u32> {
        self.subnet_acl.get(subnet).copied().flatten()
    }

    /// `services` and `service_lookup`: the model's catalogue services, for managed prefix
    /// lists.
    pub fn build(
        s: &Scenario,
        subnet_lookup: &IdMap,
        services: &[Service],
        service_lookup: &IdMap,
    ) -> SecurityIndex {
        let groups_on = groups_on(s);
        let mut groups = s.security_groups.clone();
        let named_default = groups
            .iter()
            .position(|g| g.name.as_deref() == Some("default"));
        let default_group = match named_default {
            Some(i) => i as u32,
            None => {
                groups.push(SecurityGroup::aws_default(SecurityGroup::IMPLICIT_DEFAULT));
                (groups.len() - 1) as u32
            }
        };
        let mut lookup = HashMap::with_capacity(groups.len());
        for (i, g) in groups.iter().enumerate() {
            lookup.entry(g.id.clone()).or_insert(i as u32);
        }
        let instance_groups =
            group_sets(&s.instances, |i| &i.security_groups, &lookup, default_group);
        let endpoint_groups = group_sets(
            &s.interface_endpoints,
            |e| &e.security_groups,
            &lookup,
            default_group,
        );
        let eni_groups = group_sets(
            &s.network_interfaces,
            |n| &n.security_groups,
            &lookup,
            default_group,
        );
        let subnet_acl = subnet_acls(s, subnet_lookup);
        let group_rules: Vec<Arc<CompiledGroup>> = groups
            .iter()
            .map(|g| Arc::new(compile_group(g, &lookup)))
            .collect();
        let acl_rules: Vec<Arc<CompiledAcl>> = s
            .network_acls
            .iter()
            .map(|a| Arc::new(compile_acl(a)))
            .collect();
        let prefix = prefix_ranges(services, service_lookup);
        let group_ahead = group_rules
            .iter()
            .map(|r| Arc::new(group_ahead(r, &prefix)))
            .collect();
        let ephemeral = s.ephemeral_ports.unwrap_or(DEFAULT_EPHEMERAL);
        let kinds = kinds(ephemeral);
        let acl_ahead = acl_rules
            .iter()
            .map(|r| Arc::new(acl_ahead(r, &kinds)))
            .collect();
        let group_ids = Arc::new(group_ids(&groups));
        let groups = groups.into_iter().map(Arc::new).collect();
        SecurityIndex {
            group_ids,
            group_rules,
            acl_rules,
            group_ahead,
            acl_ahead,
            groups_on,
            acls_on: !s.network_acls.is_empty(),
            groups,
            lookup: Arc::new(lookup),
            default_group,
            instance_groups,
            endpoint_groups,
            eni_groups,
            subnet_acl,
            ephemeral,
        }
    }

    /// This index after edits that changed only the rules of groups `groups` and network
    /// ACLs `acls` (indexes) into `s`: those are compiled again, the rest is shared. Equal to
    /// [`Self::build`] of `s` (debug builds check every edit's model against a fresh one).
    pub fn after_rule_edits(
        &self,
        s: &Scenario,
        groups: &[usize],
        acls: &[usize],
        services: &[Service],
        service_lookup: &IdMap,
    ) -> SecurityIndex {
        let mut next = self.clone();
        let prefix = prefix_ranges(services, service_lookup);
        for &g in groups {
            let slots = (
                next.groups.get_mut(g),
                next.group_rules.get_mut(g),
                next.group_ahead.get_mut(g),
            );
            if let (Some(group), (Some(slot), Some(rules), Some(ahead))) =
                (s.security_groups.get(g), slots)
            {
                let compiled = compile_group(group, &next.lookup);
                *ahead = Arc::new(group_ahead(&compiled, &prefix));
                *rules = Arc::new(compiled);
                // An edit of its rules keeps the group's id; if one did not, its id here
                // follows.
                if group.id.as_str() != next.group_ids[g].as_str() {
                    Arc::make_mut(&mut next.group_ids)[g] = CompactString::from(group.id.as_str());
                }
                *slot = Arc::new(group.clone());
            }
        }
        let kinds = kinds(next.ephemeral);
        for &a in acls {
            let slots = (next.acl_rules.get_mut(a), next.acl_ahead.get_mut(a));
            if let (Some(acl), (Some(rules), Some(ahead))) = (s.network_acls.get(a), slots) {
                let compiled = compile_acl(acl);
                *ahead = Arc::new(acl_ahead(&compiled, &kinds));
                *rules = Arc::new(compiled);
            }
        }
        next
    }

    /// This index after edits that changed only what attaches groups and network ACLs (the
    /// interfaces' groups, the subnets' ACLs) in `s`, the scenario before them being `before`:
    /// those are made again (the instances' only when `s` no longer shares them with `before`),
    /// the rest shared, and a list that came out equal too. Equal to [`Self::build`] of `s`
    /// when the groups and ACLs are this index's (debug builds check every edit's model
    /// against a fresh one).
    pub fn with_attachments(
        mut self,
        s: &Scenario,
        before: &Scenario,
        subnet_lookup: &IdMap,
    ) -> SecurityIndex {
        self.groups_on = groups_on(s);
        let (lookup, default) = (&*self.lookup, self.default_group);
        if !s.instances.shares(&before.instances) {
            let made = group_sets(&s.instances, |i| &i.security_groups, lookup, default);
            keep_if_equal(&mut self.instance_groups, made);
        }
        let made = group_sets(
            &s.interface_endpoints,
            |e| &e.security_groups,
            lookup,
            default,
        );
        keep_if_equal(&mut self.endpoint_groups, made);
        let made = group_sets(
            &s.network_interfaces,
            |n| &n.security_groups,
            lookup,
            default,
        );
        keep_if_equal(&mut self.eni_groups, made);
        self.subnet_acl = subnet_acls(s, subnet_lookup);
        self
    }

    /// Whether evaluation reads the same security data in both, the groups' rules and the
    /// instances' groups aside: the matrix keys its classes by the instances' groups, and
    /// records per class which groups' rules its walks read ([`Self::changed_groups`]);
    /// `interfaces`: the subnets' network ACLs and the other interfaces' groups aside too
    /// (`Model::security_edits` says what they change).
    pub fn evaluates_alike(&self, other: &SecurityIndex, interfaces: bool) -> bool {
        self.groups_on == other.groups_on
            && self.acls_on == other.acls_on
            && self.default_group == other.default_group
            && self.ephemeral == other.ephemeral
            && (interfaces
                || (self.subnet_acl == other.subnet_acl
                    && self.endpoint_groups == other.endpoint_groups
                    && self.eni_groups == other.eni_groups))
            && self.endpoint_groups.len() == other.endpoint_groups.len()
            && self.eni_groups.len() == other.eni_groups.len()
            && self.groups.len() == other.groups.len()
            && self
                .groups
                .iter()
                .zip(&other.groups)
                .all(|(a, b)| a.id == b.id && a.name == b.name)
    }

    /// The groups (by index) whose rules differ between the two, for indexes that
    /// [`Self::evaluates_alike`] found naming the same groups.
    pub fn changed_groups<'a>(
        &'a self,
        other: &'a SecurityIndex,
    ) -> impl Iterator<Item = usize> + 'a {
        self.groups
            .iter()
            .zip(&other.groups)
            .enumerate()
            .filter(|(_, (a, b))| {
                !Arc::ptr_eq(a, b) && (a.ingress != b.ingress || a.egress != b.egress)
            })
            .map(|(g, _)| g)
    }

    pub fn group(&self, g: u32) -> &SecurityGroup {
        &self.groups[g as usize]
    }

    /// The network ACL of a subnet, if it has one of the scenario's.
    pub fn acl<'s>(&self, s: &'s Scenario, subnet: usize) -> Option<&'s NetworkAcl> {
        self.subnet_acl
            .get(subnet)
            .copied()
            .flatten()
            .and_then(|a| s.network_acls.get(a as usize))
    }
}

/// Each group's id as a fact names it.
fn group_ids(groups: &[SecurityGroup]) -> Vec<CompactString> {
    groups
        .iter()
        .map(|g| CompactString::from(g.id.as_str()))
        .collect()
}

/// Security groups are evaluated: the scenario has groups or attaches some.
fn groups_on(s: &Scenario) -> bool {
    !s.security_groups.is_empty()
        || s.instances.iter().any(|i| !i.security_groups.is_empty())
        || s.interface_endpoints
            .iter()
            .any(|e| !e.security_groups.is_empty())
        || s.network_interfaces
            .iter()
            .any(|n| !n.security_groups.is_empty())
}

/// Replaces `kept` with `made` only when they differ: an unchanged list keeps the allocation
/// the model before the edit shares, so later comparisons of the two indexes stay a pointer
/// check.
fn keep_if_equal<T: PartialEq>(kept: &mut T, made: T) {
    if made != *kept {
        *kept = made;
    }
}

/// The groups (indexes, by `lookup`) of each of `interfaces` (instances, interface endpoints
/// or network interfaces), whose names `names` gives; the default group where one names none
/// that exists.
fn group_sets<T>(
    interfaces: &[T],
    names: impl Fn(&T) -> &Vec<String>,
    lookup: &HashMap<String, u32>,
    default_group: u32,
) -> Shared<GroupSet> {
    interfaces
        .iter()
        .map(|i| {
            let mut out: GroupSet = names(i)
                .iter()
                .filter_map(|n| lookup.get(n).copied())
                .collect();
            if out.is_empty() {
                out.push(default_group);
            }
            out
        })
        .collect()
}

/// Per subnet, its network ACL (index into the scenario's): the one that lists it, else the
/// scenario's default one; none: AWS's stand-in default.
fn subnet_acls(s: &Scenario, subnet_lookup: &IdMap) -> Vec<Option<u32>> {
    let default_acl = s.network_acls.iter().position(|a| a.default);
    let mut subnet_acl = vec![default_acl.map(|i| i as u32); s.subnets.len()];
    for (ai, acl) in s.network_acls.iter().enumerate() {
        for sn in &acl.subnets {
            if let Some(&si) = subnet_lookup.get(sn) {
                subnet_acl[si] = Some(ai as u32);
            }
        }
    }
    subnet_acl
}

/// The kinds of traffic network ACLs are decided ahead for, with the client's ephemeral ports.
fn kinds(ephemeral: PortRange) -> Vec<Kind> {
    acl_kinds(
        (ephemeral.0, ephemeral.1),
        (NAT_EPHEMERAL.0, NAT_EPHEMERAL.1),
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::model::{PortRange, load_file};

    /// The index after rule edits, compiled again for the edited group and ACL only, equals
    /// one built afresh (every edit's model is also checked against a fresh one in debug
    /// builds, `Edit::apply`).
    #[test]
    fn an_index_after_rule_edits_equals_a_fresh_one() {
        let model = load_file(Path::new("scenarios/security-layers.ron")).expect("loads");
        let before = model.security();
        let mut s = model.scenario().clone();
        let rule = s.security_groups[2].ingress[0].clone();
        s.security_groups[2]
            .ingress
            .push(crate::model::SecurityGroupRule {
                ports: Some(PortRange::one(8443)),
                ..rule
            });
        s.network_acls[0].outbound.pop();
        let (services, lookup) = (model.services(), &model.service_lookup);
        let after = before.after_rule_edits(&s, &[2], &[0], services, lookup);
        assert_eq!(
            after,
            super::SecurityIndex::build(&s, &model.subnet_lookup, services, lookup)
        );
        assert_ne!(&after, before);
        // The groups it did not compile again are shared.
        assert!(std::sync::Arc::ptr_eq(&after.groups[0], &before.groups[0]));
        assert!(!std::sync::Arc::ptr_eq(&after.groups[2], &before.groups[2]));
    }
}
