//! What an evaluation records as read while it walks ([`super::Ctx::deps`]): the AZs whose
//! failure it asked about, the route tables and subnet associations it routed by, the security
//! groups' and network ACLs' rules it checked, each read through one of these methods so that
//! the matrix evaluates again only what an edit may have touched (`super::super::deps`).

use crate::model::{Association as TableAssociation, CompiledTable};

use super::super::az_reads::EniAnswer;
use super::super::facts::AclDirection;
use super::Ctx;

impl<'m> Ctx<'m> {
    pub fn az_failed(&self, az: usize) -> bool {
        if let Some(mut deps) = self.deps.recording() {
            deps.azs.set(az);
            match az {
                0..64 => deps.cell_azs.path |= 1 << az,
                _ => deps.wide = true,
            }
        }
        self.failed.get(az).copied().unwrap_or(false)
    }

    /// Whether an interface endpoint ENI's AZ has failed, asked by the DNS answer only (see
    /// [`Ctx::eni_answer`]).
    pub fn eni_az_failed(&self, az: usize) -> bool {
        if let Some(mut deps) = self.deps.recording() {
            deps.eni_azs.set(az);
            if az >= 64 {
                deps.wide = true;
            }
        }
        self.failed.get(az).copied().unwrap_or(false)
    }

    /// The AZs `azs` (bits, AZs under 64) of an endpoint's ENIs are asked about at once by the
    /// DNS answer, as [`Ctx::eni_az_failed`] asks one: recorded for the cell with one borrow.
    #[inline]
    pub fn eni_azs_asked(&self, azs: u64) {
        if azs != 0
            && let Some(mut deps) = self.deps.recording()
        {
            let mut rest = azs;
            while rest != 0 {
                deps.eni_azs.set(rest.trailing_zeros() as usize);
                rest &= rest - 1;
            }
        }
    }

    /// DNS answered with `healthy` ENIs of `endpoint`, having asked about the failure of the
    /// AZs `azs` (bits) with [`Ctx::eni_az_failed`]: recorded for the cell.
    pub fn eni_answer(&self, endpoint: usize, azs: u64, healthy: &[usize]) {
        if let Some(mut deps) = self.deps.recording() {
            if healthy.iter().any(|&i| i >= 64) {
                deps.wide = true;
            }
            let enis = healthy
                .iter()
                .filter(|&&i| i < 64)
                .fold(0, |m, &i| m | 1 << i);
            let cell = &mut deps.cell_azs;
            cell.answers = cell.answers.saturating_add(1);
            cell.answer = Some(EniAnswer {
                endpoint: endpoint as u32,
                azs,
                enis,
            });
        }
    }

    /// Whether every AZ has failed (a regional NAT gateway's question).
    pub fn all_azs_failed(&self) -> bool {
        (0..self.failed.len()).all(|az| self.az_failed(az)) && !self.failed.is_empty()
    }

    /// A compiled route table, recorded as read.
    #[inline]
    pub fn table(&self, table: usize) -> &'m CompiledTable {
        if let Some(mut deps) = self.deps.recording() {
            deps.tables.set(table);
        }
        self.model.compiled_table(table)
    }

    /// The table a subnet routes by, the association recorded as read.
    #[inline]
    pub fn subnet_table(&self, subnet: usize) -> (usize, TableAssociation) {
        if let Some(mut deps) = self.deps.recording() {
            deps.subnets.set(subnet);
        }
        self.model.subnet_route_table(subnet)
    }

    /// The rules of security groups `groups` are read: recorded.
    pub fn read_groups(&self, groups: &[u32]) {
        if let Some(mut deps) = self.deps.recording() {
            for &g in groups {
                deps.groups.set(g as usize);
                deps.cell.group(g as usize);
            }
        }
    }

    /// The rules of network ACL `acl` are read for a request crossing it going `direction` (and
    /// its reply the other way): recorded.
    pub fn read_acl(&self, acl: usize, direction: AclDirection) {
        if let Some(mut deps) = self.deps.recording() {
            deps.acls.set(super::super::deps::crossing(acl, direction));
            deps.cell.acl(acl, direction);
        }
    }

    /// The number of routes in every table, recorded as read.
    pub fn route_count(&self) -> usize {
        // Kept even when not recording, as a plain `Deps` kept it.
        self.deps.borrow_mut().all_tables = true;
        self.model.route_count()
    }
}
