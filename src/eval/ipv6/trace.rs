//! An IPv6 trace under construction: hops, notes, and the verdict with the layers left out.

use std::net::Ipv6Addr;

use ipnet::Ipv6Net;

use super::super::ctx::Source;
use super::super::facts::*;
use super::answer::Client;
use super::{Plan, global_unicast};
use crate::model::Model;

/// The trace under construction.
pub(super) struct Trace<'m> {
    pub model: &'m Model,
    pub from: Origin,
    pub to: Id,
    pub hops: Vec<Hop>,
    pub notes: Notes,
    pub source_az: usize,
    pub source_id: Id,
    pub address: Option<Ipv6Addr>,
    /// The source's subnet, its IPv6 block and its security groups.
    pub subnet: usize,
    pub block: Option<Ipv6Net>,
    pub groups: crate::model::GroupSet,
    /// The traffic asked about (security groups and network ACLs read it).
    pub probe: crate::eval::Probe,
    /// A part of the path whose network ACL is not evaluated (NAT64's NAT gateway subnet).
    pub acl_skipped: bool,
}

impl<'m> Trace<'m> {
    pub(super) fn new(
        model: &'m Model,
        source: &Source,
        to: &Id,
        c: &Client,
        probe: crate::eval::Probe,
    ) -> Self {
        Trace {
            model,
            from: source.origin.clone(),
            to: to.clone(),
            hops: Vec::new(),
            notes: Notes::new(),
            source_az: model.subnet_az[source.subnet],
            source_id: c.id.clone(),
            address: c.address,
            subnet: source.subnet,
            block: c.block,
            groups: source.groups.clone(),
            probe,
            acl_skipped: false,
        }
    }

    /// The model's AZ (made once per model), as `Ctx::az` gives it.
    pub(super) fn az(&self, az: usize) -> Az {
        match self.model.az_names.get(az) {
            Some(&az) => az,
            None => Az::new(Id::from(self.model.az_name(az)), None),
        }
    }

    pub(super) fn hop(&mut self, kind: HopKind, id: Id, fact: V6Fact) {
        self.hop_az(kind, id, None, fact);
    }

    pub(super) fn hop_az(&mut self, kind: HopKind, id: Id, az: Option<usize>, fact: V6Fact) {
        let az = az.map(|a| self.az(a));
        self.hops.push(Hop {
            kind,
            id,
            az,
            fact: Fact::Ipv6(Box::new(fact)),
        });
    }

    pub(super) fn internet(&mut self, dest: Ipv6Net) {
        if dest != global_unicast() {
            let id = Id::from(dest.to_string().as_str());
            self.hop(HopKind::Internet, id, V6Fact::Internet { address: dest });
        }
    }

    /// NAT64's IPv4 leg out through the internet gateway `igw` to `ipv4`: the same hops an
    /// IPv4 path through the internet gateway ends with.
    pub(super) fn nat64_internet(&mut self, igw: Id, ipv4: std::net::Ipv4Addr) {
        self.hops.push(Hop {
            kind: HopKind::InternetGateway,
            id: igw,
            az: None,
            fact: Fact::InternetGateway,
        });
        // A service asked by name ends at its public endpoint, the name the DNS hop asked.
        let asked = self
            .hops
            .iter()
            .find(|h| h.kind == HopKind::Dns)
            .map(|h| h.id.clone());
        let hop = match asked.filter(|_| self.model.service(&self.to).is_some()) {
            Some(dns_name) => Hop {
                kind: HopKind::Service,
                id: self.to.clone(),
                az: None,
                fact: Fact::Service {
                    service: self.to.clone(),
                    dns_name,
                },
            },
            None => Hop {
                kind: HopKind::Internet,
                id: Id::from(ipv4.to_string().as_str()),
                az: None,
                fact: Fact::Internet {
                    address: ipnet::Ipv4Net::from(ipv4),
                },
            },
        };
        self.hops.push(hop);
    }

    /// Whether the source's AZ has failed (and the trace then says so).
    pub(super) fn source_down(&mut self, failed: &[bool]) -> bool {
        if !failed.get(self.source_az).copied().unwrap_or(false) {
            return false;
        }
        let az = self.az(self.source_az);
        self.hops.push(Hop {
            kind: HopKind::Blocked,
            id: self.source_id.clone(),
            az: Some(az),
            fact: Fact::stop(Stop::SourceAzFailed {
                source: self.source_id.clone(),
                az,
            }),
        });
        true
    }

    pub(super) fn stop(&mut self, stop: V6Stop) -> Plan {
        let verdict = Verdict::stopped(stop.reason().unwrap_or(Reason::Ipv6NotModelled));
        self.stop_verdict(stop, verdict)
    }

    /// VPC Block Public Access stops the path at `gateway` (blocked, or not modelled).
    pub(super) fn stop_bpa(&mut self, gateway: Id, check: crate::eval::facts::BpaCheck) -> Plan {
        let verdict = Verdict::stopped(check.reason());
        self.hops.push(Hop {
            kind: HopKind::InternetGateway,
            id: gateway,
            az: None,
            fact: Fact::stop(Stop::BlockPublicAccess(check)),
        });
        self.done(verdict)
    }

    pub(super) fn stop_verdict(&mut self, stop: V6Stop, verdict: Verdict) -> Plan {
        let id = match &stop {
            V6Stop::NoRoute { table, .. }
            | V6Stop::Blackhole { table, .. }
            | V6Stop::LeavesVpc { table, .. }
            | V6Stop::Nat64PrefixToInternet { table, .. } => table.clone(),
            V6Stop::NotModelled { id, .. } => id.clone(),
            V6Stop::EndpointNoIpv6 { endpoint } => endpoint.clone(),
            V6Stop::DnsDisabled { name, .. } => name.clone(),
            V6Stop::Nat64Failed { nat, .. } => nat.clone(),
            V6Stop::NetworkAcl { check } => check.acl.clone(),
            V6Stop::SecurityGroup { check } => check.interface.clone(),
            _ => self.source_id.clone(),
        };
        let kind = match (&verdict, &stop) {
            (Verdict::LeavesVpc { .. }, _) => HopKind::LeavesVpc,
            (_, V6Stop::DnsDisabled { .. }) => HopKind::Dns,
            _ => HopKind::Blocked,
        };
        self.hops.push(Hop {
            kind,
            id,
            az: None,
            fact: Fact::stop(Stop::Ipv6(Box::new(stop))),
        });
        self.done(verdict)
    }

    pub(super) fn done(&mut self, verdict: Verdict) -> Plan {
        let model = self.model;
        let mut unchecked = unchecked(model);
        // NAT64's NAT gateway subnet's network ACL is not evaluated: listed, and said.
        if self.acl_skipped && model.security().acls_on {
            self.notes.push(Note::Ipv6LayersNotEvaluated);
            unchecked.insert("network_acls");
        }
        Plan::Done(Box::new(PathTrace {
            from: self.from.clone(),
            to: self.to.clone(),
            verdict,
            notes: std::mem::take(&mut self.notes),
            hops: std::mem::take(&mut self.hops),
            parts: Vec::new(),
            unchecked,
        }))
    }
}
