//! The lookups the evaluator and the UI read: the scenario, services, AZs, and objects by id,
//! each in constant time.

use super::{Association, CompiledTable, EniInfo, Model};
use crate::model::catalogue::{Service, Workload};
use crate::model::{Diagnostic, Scenario, WhatIf};

/// The layers the evaluator may leave out; every verdict lists those it did not evaluate (see
/// [`unchecked_layers`]) so that "reachable" never reads as a promise that the connection works.
pub const UNCHECKED: [&str; 4] = [
    "security_groups",
    "network_acls",
    "source_dest_check",
    "endpoint_policies",
];

/// Per AZ (by index), whether the what-if failed it.
pub type FailedAzs = smallvec::SmallVec<[bool; 16]>;

/// A set of codes from [`UNCHECKED`], one bit each: a trace copies one byte. Serialized as the
/// list of codes, in [`UNCHECKED`]'s order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Unchecked(u8);

impl Unchecked {
    /// The codes in the set, in [`UNCHECKED`]'s order.
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        UNCHECKED
            .iter()
            .enumerate()
            .filter(move |(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, code)| *code)
    }

    /// Add `code` (a code not in [`UNCHECKED`] is left out).
    pub fn insert(&mut self, code: &str) {
        if let Some(i) = UNCHECKED.iter().position(|c| *c == code) {
            self.0 |= 1 << i;
        }
    }

    pub fn contains(self, code: &str) -> bool {
        self.iter().any(|c| c == code)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
}

impl FromIterator<&'static str> for Unchecked {
    /// Codes not in [`UNCHECKED`] are left out.
    fn from_iter<I: IntoIterator<Item = &'static str>>(codes: I) -> Self {
        let mut bits = 0;
        for code in codes {
            if let Some(i) = UNCHECKED.iter().position(|c| *c == code) {
                bits |= 1 << i;
            }
        }
        Unchecked(bits)
    }
}

impl serde::Serialize for Unchecked {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// The layers a model's verdicts leave out: security groups and network ACLs when the scenario
/// has none (today's behaviour for scenarios without them), the source/destination check when
/// some appliance interface does not say, and endpoint and bucket policies when no endpoint
/// has a policy and no bucket is listed (then every endpoint has AWS's default policy, and
/// bucket policies are unknown). Worked out once per model: every trace carries it.
pub fn unchecked_layers(s: &Scenario, sec: &super::SecurityIndex, policies_on: bool) -> Unchecked {
    UNCHECKED
        .iter()
        .copied()
        .filter(|layer| match *layer {
            "security_groups" => !sec.groups_on,
            "network_acls" => !sec.acls_on,
            "source_dest_check" => s
                .network_interfaces
                .iter()
                .any(|n| n.source_dest_check.is_none()),
            "endpoint_policies" => !policies_on,
            _ => true,
        })
        .collect()
}

impl Model {
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Security groups and network ACLs as the evaluator reads them.
    pub fn security(&self) -> &super::SecurityIndex {
        &self.security
    }

    pub fn services(&self) -> &[Service] {
        &self.services
    }

    pub fn service(&self, name: &str) -> Option<&Service> {
        self.service_lookup.get(name).map(|&i| &self.services[i])
    }

    /// The catalogue's workloads (named sets of services one job needs).
    pub fn workloads(&self) -> &[Workload] {
        &self.workloads
    }

    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The AZ index for a name or an AZ ID.
    pub fn az_index(&self, name_or_id: &str) -> Option<usize> {
        self.az_lookup.get(name_or_id).copied()
    }

    /// `us-east-1a (use1-az1)` or just the name.
    pub fn az_label(&self, az: usize) -> String {
        self.az_label_str(az).to_string()
    }

    /// [`Model::az_label`] without a copy.
    pub(crate) fn az_label_str(&self, az: usize) -> &str {
        self.az_labels.get(az).map_or("?", String::as_str)
    }

    pub fn az_name(&self, az: usize) -> &str {
        self.scenario
            .availability_zones
            .get(az)
            .map(|a| a.name.as_str())
            .unwrap_or("?")
    }

    /// Failed AZ indexes; unknown names are ignored here (validation and the CLI report them).
    pub fn failed_azs(&self, what_if: &WhatIf) -> Vec<bool> {
        self.failed_az_set(what_if).to_vec()
    }

    /// [`Model::failed_azs`], inline for up to 16 AZs (one evaluation allocates nothing for it).
    pub fn failed_az_set(&self, what_if: &WhatIf) -> FailedAzs {
        let mut failed: FailedAzs =
            smallvec::smallvec![false; self.scenario.availability_zones.len()];
        for name in &what_if.failed_azs {
            if let Some(i) = self.az_index(name) {
                failed[i] = true;
            }
        }
        failed
    }

    pub fn subnet_index(&self, id: &str) -> Option<usize> {
        self.subnet_lookup.get(id).copied()
    }

    pub fn instance_index(&self, id_or_name: &str) -> Option<usize> {
        self.instance_lookup.get(id_or_name).copied()
    }

    pub fn table_index(&self, id: &str) -> Option<usize> {
        self.table_lookup.get(id).copied()
    }

    /// The table a subnet uses and how it got it.
    pub fn subnet_route_table(&self, subnet: usize) -> (usize, Association) {
        self.subnet_table[subnet]
    }

    /// Routes in all compiled tables (derived ones included): a bound on how many steps a walk
    /// through the model can take.
    pub fn route_count(&self) -> usize {
        self.tables.iter().map(|t| t.routes.len()).sum()
    }

    pub fn compiled_table(&self, table: usize) -> &CompiledTable {
        &self.tables[table]
    }

    pub fn endpoint_enis(&self, endpoint: usize) -> &[EniInfo] {
        &self.endpoint_enis[endpoint]
    }
}
