//! Instances grouped into classes by what decides their paths ([`ClassKey`]: the subnet and
//! public-IP state, and with security layers the groups and the address that stands for the
//! instance's region): the matrix and the cost estimate evaluate each class once.

use std::net::Ipv4Addr;

use crate::model::{GroupSet, Model};

use super::{AddressRegions, classes_cache};

/// What decides the paths of a class of instances: the subnet and public-IP state, and when
/// security groups or network ACLs are evaluated, the instance's groups and private address
/// (rules name addresses and groups). The address in a key from [`classes`] is the one that
/// stands for all the subnet's addresses no CIDR tells apart (`AddressRegions`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClassKey {
    pub subnet: usize,
    pub public_ip: bool,
    pub security: Option<(GroupSet, Option<Ipv4Addr>)>,
}

/// Instances grouped by what decides their paths: instances that share a subnet and public-IP
/// state (and, with security layers, groups and address) share every path, so the matrix
/// evaluates each such class once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classes {
    /// Per class, its key, in order of first appearance.
    pub keys: Vec<ClassKey>,
    /// Per instance (matrix row), its class.
    pub row_class: Vec<u32>,
    /// Per class, its first instance: the one whose full trace stands for the class.
    pub first_row: Vec<usize>,
}

/// The classes of the model's instances (those of the model asked before when an edit left
/// them alike: `classes_cache`).
pub fn classes(model: &Model) -> Classes {
    classes_cache::classes(model, classes_afresh)
}

/// Whether a class is its instances' slot (subnet, public IP) and nothing else: no security
/// group or network ACL is evaluated and no policy reads the source address, so no address
/// within a subnet decides differently from another. [`classes_afresh`] classes by slot then,
/// and the cache keeps classes across edits that leave the slots alone.
pub(super) fn by_slot(model: &Model) -> bool {
    let sec = model.security();
    !(sec.groups_on || sec.acls_on || model.policies_read_address)
}

/// [`classes`], made from the instances without the cache: what [`classes`] must give (tests
/// hold it to that after every kind of edit).
pub fn classes_afresh(model: &Model) -> Classes {
    let scenario = model.scenario();
    let sec = model.security();
    let mut keys: Vec<ClassKey> = Vec::new();
    let mut first_row = Vec::new();
    // A policy on `aws:VpcSourceIp` makes the address decide too (aws-semantics.md §5b).
    let row_class = if !by_slot(model) {
        // FxHash: keys are small and hashed once per instance (10,000 on the quota model).
        let mut class_of: rustc_hash::FxHashMap<ClassKey, u32> = Default::default();
        // Policies compare the exact address (`aws:VpcSourceIp`): then each address stands
        // for itself; otherwise addresses that no CIDR tells apart share a class.
        let mut regions = (!model.policies_read_address).then(|| AddressRegions::new(model));
        scenario
            .instances
            .iter()
            .zip(model.instance_subnet.iter())
            .enumerate()
            .map(|(row, (inst, &subnet))| {
                let address = match (&mut regions, inst.private_ip) {
                    (Some(r), Some(ip)) => Some(r.representative(subnet, ip)),
                    (_, ip) => ip,
                };
                let key = ClassKey {
                    subnet,
                    public_ip: inst.public_ip,
                    security: Some((sec.instance_groups[row].clone(), address)),
                };
                *class_of.entry(key.clone()).or_insert_with(|| {
                    keys.push(key);
                    first_row.push(row);
                    (keys.len() - 1) as u32
                })
            })
            .collect()
    } else {
        // A class is found by its slot (subnet, public IP), numbered in order of first
        // appearance.
        let mut class_of: Vec<u32> = vec![u32::MAX; 2 * scenario.subnets.len().max(1)];
        scenario
            .instances
            .iter()
            .zip(model.instance_subnet.iter())
            .enumerate()
            .map(|(row, (inst, &subnet))| {
                let slot = &mut class_of[2 * subnet + usize::from(inst.public_ip)];
                if *slot == u32::MAX {
                    *slot = keys.len() as u32;
                    keys.push(ClassKey {
                        subnet,
                        public_ip: inst.public_ip,
                        security: None,
                    });
                    first_row.push(row);
                }
                *slot
            })
            .collect()
    };
    Classes {
        keys,
        row_class,
        first_row,
    }
}
