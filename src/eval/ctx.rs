//! The state one evaluation carries: the model and failed AZs, the source, what is being routed,
//! the packet as it changes along the walk, and the hops recorded so far. Every rule module
//! reads and writes these; none of them calls another.

use ipnet::Ipv4Net;

use std::cell::RefCell;

use super::deps::DepsCell;

mod reads;

use crate::model::{CompiledRoute, Model, Target};

pub(crate) use super::deps::{Bits, Deps, Mark};
use super::facts::*;

/// The resolved source of a path.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub origin: Origin,
    pub subnet: usize,
    pub public_ip: bool,
    /// The source's address: the instance's private IP when known, else its subnet.
    pub address: Ipv4Net,
    /// The source interface's security groups (the VPC's default group when none is named).
    pub groups: crate::model::GroupSet,
}

pub(crate) struct Ctx<'m> {
    pub model: &'m Model,
    pub failed: crate::model::FailedAzs,
    /// Record hops and parts. The matrix turns this off: it needs verdicts only.
    pub detail: bool,
    /// With `detail`, also record each hop's fact and AZ, route decisions and notes. The cost
    /// estimate turns this off: it reads the verdicts, the parts' ranges and the hops' kinds and
    /// ids only (`eval::evaluate_class`).
    pub facts: bool,
    pub notes: Notes,
    pub aim: Aim,
    /// What the walks read that an edit may change, when recorded (the matrix records it per
    /// class, to evaluate again only the classes an edit touches). Boxed and made when first
    /// asked for: `evaluate` records none.
    pub deps: DepsCell,
    /// The traffic asked about (protocol and port), for security groups and network ACLs.
    pub probe: super::query::Probe,
    /// The request asked about at the service, for endpoint and bucket policies.
    pub request: super::query::Request,
    /// The source of the evaluation in progress: its subnet and security groups.
    pub src_subnet: usize,
    pub src_groups: crate::model::GroupSet,
    /// The source as its hops name it (empty in the matrix).
    pub src_id: Id,
    /// A NAT gateway taken away for this evaluation only (weak points try each one, see
    /// `crate::fix::spof`): [`Ctx::target`] makes its routes blackholes.
    pub deleted_nat: Option<&'m str>,
    /// When on, the checks the source's groups or address take part in, with their decisions:
    /// the matrix replays them for classes that differ from this one only in their groups and
    /// address (`matrix/family.rs`, [`super::layers::Logged`]).
    pub log: RefCell<Option<Vec<super::layers::Logged<'m>>>>,
    /// Where the walk in progress starts logging in [`Ctx::log`] (the entries before it are
    /// other walks'): a check of the source's address is logged once per walk
    /// ([`super::logged::log_once`]).
    pub log_start: std::cell::Cell<usize>,
    /// While set, the security layers decide without making their facts: a gate keeps the
    /// hops of the first piece it passes only, so those after it are checked quietly (and
    /// again with facts when refused, for their stop: `layers::split`).
    pub quiet: std::cell::Cell<bool>,
    /// Network ACL crossings from the source's address decided so far (a fixed table, the
    /// latest per slot): the matrix's walks and replays ask them again for every service
    /// (`layers/acl_cache.rs`).
    pub acl_decided: RefCell<super::layers::AclDecided>,
    /// Set by the matrix's families for the walk in progress when the source's groups allow
    /// the probe out to every address (`matrix/family/replay.rs`, `egress_wide`): then they
    /// allow it to every piece, and the source's egress takes each as allowed without deciding
    /// it (`layers/egress.rs`; debug builds decide and compare).
    pub src_egress_wide: bool,
}

/// The groups of one side of a security group check: the source's own (they differ between
/// the classes of one matrix family), some the model holds, or none known.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Side<'m> {
    Source,
    Of(&'m [u32]),
    Unknown,
}

impl<'m> Side<'m> {
    pub fn of(groups: Option<&'m [u32]>) -> Side<'m> {
        groups.map_or(Side::Unknown, Side::Of)
    }

    /// The groups, `source` standing for the source's.
    pub fn resolve<'a>(self, source: &'a [u32]) -> Option<&'a [u32]>
    where
        'm: 'a,
    {
        match self {
            Side::Source => Some(source),
            Side::Of(g) => Some(g),
            Side::Unknown => None,
        }
    }
}

/// A security group check the source's groups took part in (as the groups checked or as the
/// peer's), and whether it allowed the traffic.
#[derive(Debug, Clone)]
pub(crate) struct SourceCheck<'m> {
    pub direction: GroupDirection,
    pub groups: Side<'m>,
    pub traffic: Traffic,
    pub peer: Side<'m>,
    pub allowed: bool,
}

impl<'m> Ctx<'m> {
    /// A context for the matrix's walks: verdicts only (no hops, facts or notes), no source yet
    /// (each class sets it), nothing recorded until the caller turns recording on.
    pub fn verdicts(model: &'m Model, failed: &[bool], probe: super::query::Probe) -> Self {
        Ctx {
            model,
            failed: failed.into(),
            detail: false,
            facts: false,
            notes: Default::default(),
            aim: Default::default(),
            deps: Default::default(),
            probe,
            request: Default::default(),
            src_subnet: 0,
            src_groups: Default::default(),
            src_id: Id::default(),
            deleted_nat: None,
            log: RefCell::new(None),
            log_start: Default::default(),
            quiet: Default::default(),
            acl_decided: Default::default(),
            src_egress_wide: false,
        }
    }

    /// Whether the security layers make their facts now (see [`Ctx::quiet`]).
    pub fn layer_facts(&self) -> bool {
        self.facts && !self.quiet.get()
    }

    /// Record a note once per trace (the matrix keeps none).
    pub fn note(&mut self, note: impl FnOnce() -> Note) {
        if self.facts {
            let note = note();
            if !self.notes.iter().any(|n| n.code() == note.code()) {
                self.notes.push(note);
            }
        }
    }

    pub fn az(&self, az: usize) -> Az {
        match self.model.az_names.get(az) {
            Some(&az) => az,
            None => Az::new(Id::from(self.model.az_name(az)), None),
        }
    }

    pub fn az_of_subnet(&self, subnet: usize) -> usize {
        self.model.subnet_az[subnet]
    }

    /// Where a route sends the packet in this evaluation: its target, except that the routes
    /// to a deleted NAT gateway are blackholes, as `Edit::DeleteNatGateway` makes them (AWS shows
    /// a route whose NAT gateway was deleted as a blackhole, aws-semantics.md §4).
    pub fn target<'r>(&self, target: &'r Target) -> &'r Target {
        static BLACKHOLE: Target = Target::Blackhole;
        match (self.deleted_nat, target) {
            (Some(gone), Target::NatGateway(id)) if id == gone => &BLACKHOLE,
            _ => target,
        }
    }

    pub fn eni(&self, endpoint: usize, i: usize) -> EndpointEni {
        self.model.endpoint_eni_facts[endpoint][i].clone()
    }
}

/// What is being routed: a public service range, or one interface-endpoint ENI.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Dest {
    /// An address range: a service's public range, or an address the query names.
    Range,
    /// The ENIs of an interface endpoint: each piece is one ENI's address.
    Eni { endpoint: usize },
}

/// How the destination is named along the walk, and how the path ends when it gets there.
#[derive(Debug, Clone, Default)]
pub(crate) struct Aim {
    /// The service as a route names it: `sns`, `s3@us-west-2`; with `prefix_list`, the name of
    /// its AWS-managed prefix list is made of it (`pl-s3`) when a stop names it.
    pub label: Id,
    /// `label` is a service with a gateway endpoint, which a route names by its prefix list.
    pub prefix_list: bool,
    /// The service's name, for the gateway-endpoint hop.
    pub service: Id,
    /// The last hop after an internet gateway.
    pub public_hop: Option<(HopKind, Id, Fact)>,
    /// A service of this Region: the last hop after an internet gateway is its public
    /// endpoint, made only when a path gets there.
    pub public_service: Option<usize>,
    /// An address destination: delivery by the local route reaches it.
    pub address: bool,
    /// The service asked about (in every mode, the matrix's too): its policies' IAM prefix.
    pub service_index: Option<usize>,
}

impl Aim {
    /// The destination piece as a sentence names it.
    pub fn routed(&self, dest: Dest, piece: Ipv4Net) -> Routed {
        match dest {
            Dest::Range if self.address => Routed::Address { cidr: piece },
            Dest::Range => Routed::Service {
                name: match self.prefix_list {
                    true => route_label(&self.label),
                    false => self.label.clone(),
                },
                cidr: piece,
            },
            Dest::Eni { .. } => Routed::EndpointEni { ip: piece.addr() },
        }
    }
}

/// `pl-s3`: the managed prefix list as a route names it.
pub(crate) fn route_label(service: &str) -> Id {
    let mut label = Id::const_new("pl-");
    label.push_str(service);
    label
}

/// Per-walk state: what the packet looks like now.
#[derive(Debug, Clone)]
pub(crate) struct Walk<'m> {
    /// The packet's source has a public IPv4 (the instance's, a public NAT's, a NAT instance's).
    pub public_ip: bool,
    /// It left through a private NAT gateway.
    pub private_nat: bool,
    /// It passed a NAT gateway (for `via`).
    pub via_nat: bool,
    /// The public address the internet sees, when the model knows it (a public NAT gateway's
    /// Elastic IP): a bucket policy's `aws:SourceIp`.
    pub public_address: Option<std::net::Ipv4Addr>,
    /// (table, target id) pairs passed: a repeat is a routing loop.
    pub visited: smallvec::SmallVec<[(usize, &'m str); 4]>,
    /// The source's AZ, to tell when a zonal hop lies in another one.
    pub source_az: usize,
    /// The packet's source address as the next hop sees it (changed by a NAT gateway).
    pub address: Ipv4Net,
    /// The GWLB endpoint the packet passed, and its source address there: the return leg
    /// must bring replies to that address back through the same endpoint.
    pub gwlb: Option<(usize, Ipv4Net)>,
    /// A NAT gateway passed after the GWLB endpoint: replies come back through it.
    pub nat_after_gwlb: Option<usize>,
    /// The subnet the packet is in now (the source's, then each forwarder's).
    pub subnet: usize,
    /// The source's security groups and subnet network ACL were checked (the packet left it).
    pub left_source: bool,
    /// A NAT changed the packet's source: it no longer comes from the source's interface, so
    /// rules that name the source's groups no longer match it.
    pub translated: bool,
    /// The service whose ranges are walked: a table has the route choices ready for the
    /// service's whole list of ranges, when the pieces still are that list.
    pub service: Option<usize>,
    /// Who owns the public address the internet gateway would see, for VPC Block Public
    /// Access: the subnet (the source's, a zonal NAT gateway's, a NAT instance's; none for a
    /// regional NAT gateway) and the NAT gateway, if one translated the packet.
    pub egress: Egress,
    /// The packet passed a GWLB endpoint (kept when a regional NAT gateway ends the return leg).
    pub passed_gwlb: bool,
}

/// Whose public address meets the internet gateway (see [`Walk::egress`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Egress {
    pub subnet: Option<usize>,
    pub nat: Option<usize>,
}

/// The hops of a walk, and what identifies its path. The matrix (no facts) keeps only the
/// identity, so it allocates no hop at all.
#[derive(Debug, Clone, Default)]
pub(crate) struct Trail {
    pub detail: bool,
    /// Each hop's AZ and fact too (else a hop is its kind and id, with a placeholder fact).
    pub facts: bool,
    pub hops: Vec<Hop>,
}

/// Room for the hops of most paths: to an endpoint, a gateway, or a stop.
pub(crate) const ROOM: usize = 4;
/// Room for a path through a forwarder (NAT gateway, GWLB endpoint, appliance): seven hops or so.
pub(crate) const ROOM_FORWARDED: usize = 8;

/// How many hops a trail to service `svc` starts with room for, from the route the source's
/// table has ready for the service's ranges: growing a trail later costs more than the room. A
/// hint only (the model is read without recording what the walk depends on).
pub(crate) fn room_for_service(model: &Model, source: &Source, svc: usize) -> usize {
    // The security layers' hops (aws-semantics.md §5b, `layers.rs`): the source's groups, and
    // its subnet's network ACL; at an interface endpoint, its subnet's ACL and its groups; at
    // a forwarder, its subnet's ACL both ways.
    let sec = model.security();
    let (groups, acls) = (usize::from(sec.groups_on), usize::from(sec.acls_on));
    if !model.service_endpoints[svc].is_empty() {
        return ROOM + 2 * (groups + acls);
    }
    let table = model.compiled_table(model.subnet_table[source.subnet].0);
    let winner = table
        .services
        .get(svc)
        .and_then(|g| g.first()?.choice.winner);
    match winner.map(|w| &table.routes[w as usize].target) {
        Some(
            crate::model::Target::NatGateway(_)
            | crate::model::Target::GatewayLoadBalancerEndpoint(_)
            | crate::model::Target::NetworkInterface(_),
        ) => ROOM_FORWARDED + groups + 3 * acls,
        _ => ROOM + groups + acls,
    }
}

impl Trail {
    /// A trail with room for `room` hops when it keeps them.
    pub fn new(detail: bool, facts: bool, room: usize) -> Self {
        Trail {
            detail,
            facts: detail && facts,
            // A trace's walk passes a few hops (four to an endpoint or a stop, seven through a
            // NAT gateway); the matrix keeps none. Four hops stay under glibc's thread-cache
            // limit (1,032 bytes), which makes the allocation several times cheaper.
            hops: Vec::with_capacity(if detail { room } else { 0 }),
        }
    }

    /// A hash of (kind, object id) over the hops: enough to tell two paths apart. Worked out
    /// only when leaves are grouped (`merge`): most paths have one leaf, and the matrix keeps
    /// no hops and groups none.
    pub fn signature(&self) -> u64 {
        self.hops.iter().fold(0, |sig, h| {
            (sig ^ id_hash(&h.id))
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                .wrapping_add(h.kind as u64 + 1)
        })
    }

    /// Add a hop; its AZ and fact are made only when facts are kept. Always inlined, as
    /// `push` is: the matrix keeps no hops, and out of line each call still builds its
    /// closures' captures and calls (builds without LTO were seen to keep some out of line).
    #[inline(always)]
    pub fn add(
        &mut self,
        kind: HopKind,
        id: &str,
        az: impl FnOnce() -> Option<Az>,
        fact: impl FnOnce() -> Fact,
    ) {
        self.push(|| Id::from(id), kind, az, fact);
    }

    /// The DNS hop of `name` whose answer is outside the model (`why`), and its reason.
    pub fn dns_outside(
        &mut self,
        name: &str,
        why: impl FnOnce() -> super::facts::DnsOutside,
    ) -> super::facts::Reason {
        self.add(
            HopKind::Dns,
            name,
            || None,
            || {
                Fact::stop(super::facts::Stop::DnsOutsideModel {
                    name: Id::from(name),
                    why: why(),
                })
            },
        );
        super::facts::Reason::DnsAnswerOutsideModel
    }

    /// [`Trail::add`] with an id at hand: copied, not made again from its text (an id longer
    /// than 24 bytes that the model keeps lasting, such as a service's DNS name, then costs no
    /// allocation). Always inlined, as [`Trail::add`] is.
    #[inline(always)]
    pub fn add_id(
        &mut self,
        kind: HopKind,
        id: &Id,
        az: impl FnOnce() -> Option<Az>,
        fact: impl FnOnce() -> Fact,
    ) {
        self.push(|| id.clone(), kind, az, fact);
    }

    /// [`Trail::add`] with an id of its own: moved into the hop, not copied (dropped unused
    /// when the trail keeps no hops). Always inlined, as [`Trail::add`] is.
    #[inline(always)]
    pub fn push_id(
        &mut self,
        kind: HopKind,
        id: Id,
        az: impl FnOnce() -> Option<Az>,
        fact: impl FnOnce() -> Fact,
    ) {
        self.push(|| id, kind, az, fact);
    }

    #[inline(always)]
    fn push(
        &mut self,
        id: impl FnOnce() -> Id,
        kind: HopKind,
        az: impl FnOnce() -> Option<Az>,
        fact: impl FnOnce() -> Fact,
    ) {
        if self.facts {
            self.hops.push(Hop {
                kind,
                id: id(),
                az: az(),
                fact: fact(),
            });
        } else if self.detail {
            self.hops.push(Hop {
                kind,
                id: id(),
                az: None,
                fact: Fact::InternetGateway,
            });
        }
    }
}

/// rustc's hasher, eight bytes at a time: the hash only groups paths within one evaluation.
fn id_hash(id: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(id.as_bytes());
    h.finish()
}

/// The leaves of one evaluation: usually one or two, kept inline.
pub(crate) type Leaves = smallvec::SmallVec<[Leaf; 2]>;

/// Destination pieces routed together: a few, kept inline.
pub(crate) type Pieces = smallvec::SmallVec<[Ipv4Net; 8]>;

/// ENIs reached by one leaf, as (endpoint, ENI index): a few, kept inline.
pub(crate) type LeafEnis = smallvec::SmallVec<[(usize, usize); 4]>;

/// One destination piece's path to its end.
#[derive(Debug, Clone)]
pub(crate) struct Leaf {
    pub cidrs: Pieces,
    /// Interface-endpoint ENIs reached, as (endpoint, ENI index).
    pub eni: LeafEnis,
    pub hops: Trail,
    pub verdict: Verdict,
}

/// A route's winner reached its target: the table, the route and the pieces it won.
pub(crate) struct Arrival<'a, 'm> {
    pub table_id: &'m str,
    pub route: &'m CompiledRoute,
    /// The route's destination as written, compiled with the table.
    pub written: &'m Id,
    pub pieces: &'a [Ipv4Net],
    pub dest: Dest,
}

impl Arrival<'_, '_> {
    /// The route as a fact: `destination → target`.
    pub fn route(&self) -> Route {
        route_fact(self.route, self.written)
    }

    pub fn table(&self) -> Id {
        Id::from(self.table_id)
    }

    /// The first piece: facts about one destination name it.
    pub fn piece(&self) -> Ipv4Net {
        self.pieces[0]
    }
}

/// A compiled route as a fact, with its destination as the table wrote it when compiled.
pub(crate) fn route_fact(r: &CompiledRoute, written: &Id) -> Route {
    Route::of(r, written)
}

/// What a rule decided for the pieces that reached its target.
pub(crate) enum Outcome {
    /// The path ends here with this verdict (the rule added its hops).
    Done(Verdict),
    /// The path stops at this hop.
    Stop {
        kind: HopKind,
        id: Id,
        az: Option<Az>,
        /// Boxed as the trace's stop fact is, so that an outcome stays small to move.
        stop: Box<Stop>,
    },
    /// Route again from `table`: a forwarder (NAT gateway, GWLB endpoint, appliance) routes
    /// by its own subnet's (`subnet`) table.
    Forward {
        table: usize,
        subnet: usize,
        association: Association,
    },
    /// Each piece ends its own way (the local route delivering addresses).
    Each(Vec<(Ipv4Net, Trail, Verdict)>),
}

impl Outcome {
    /// The stop at the table itself (no hop of its own): kind `blocked`, id the table.
    pub fn at_table(at: &Arrival<'_, '_>, stop: Stop) -> Outcome {
        Outcome::Stop {
            kind: HopKind::Blocked,
            id: at.table(),
            az: None,
            stop: Box::new(stop),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trail(facts: bool, hops: &[(HopKind, &str)]) -> Trail {
        let mut t = Trail::new(true, facts, 4);
        for &(kind, id) in hops {
            let address = "192.0.2.1/32".parse().expect("an address");
            t.add(kind, id, || None, || Fact::Internet { address });
        }
        t
    }

    #[test]
    fn a_signature_tells_paths_apart_by_the_objects_they_pass_in_order() {
        use HopKind::{InternetGateway as Igw, NatGateway as Nat, Service};
        let path = [(Nat, "nat-a"), (Igw, "igw-1"), (Service, "s3")];
        let sig = trail(true, &path).signature();
        // The cost estimate's trails keep ids without facts: the same paths, the same hash.
        assert_eq!(sig, trail(false, &path).signature());
        assert_eq!(sig, trail(true, &path).clone().signature());
        let others: [&[(HopKind, &str)]; 4] = [
            &[(Nat, "nat-b"), (Igw, "igw-1"), (Service, "s3")],
            &[(Nat, "nat-a"), (Nat, "igw-1"), (Service, "s3")],
            &[(Igw, "igw-1"), (Nat, "nat-a"), (Service, "s3")],
            &[(Nat, "nat-a"), (Igw, "igw-1")],
        ];
        for other in others {
            assert_ne!(sig, trail(true, other).signature(), "{other:?}");
        }
    }
}
