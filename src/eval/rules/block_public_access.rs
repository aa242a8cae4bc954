//! VPC Block Public Access at the internet gateway (aws-semantics.md §4, the internet gateway; BPA
//! has no section there yet, so AWS's pages are the contract;
//! <https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html>).
//!
//! - Bidirectional mode: "All traffic to and from internet gateways and egress-only internet
//!   gateways in this Region (except for excluded VPCs and subnets) is blocked." An exclusion of
//!   either mode lets outbound traffic through (`allow-egress`: "Outbound internet traffic from the
//!   excluded VPCs and subnets is allowed").
//! - Ingress-only mode: "All internet traffic to the VPCs in this Region (except for VPCs or
//!   subnets which are excluded) is blocked. Only traffic to and from NAT gateways and egress-only
//!   internet gateways is allowed": a NAT gateway's traffic passes; an instance's own public
//!   address does not, unless an `allow-bidirectional` exclusion covers it.
//! - The exclusion that counts is that of the subnet whose public address meets the internet
//!   gateway: the source's, or the NAT gateway's (or NAT instance's) that translated the packet.
//!   "NAT gateway: All inbound and outbound traffic is blocked. NAT gateways require an internet
//!   gateway for internet connectivity" (security-vpc-bpa-basics.html): a NAT gateway's traffic is
//!   the NAT gateway subnet's traffic at the internet gateway.
//! - What the pages leave open is reported as not modelled, never guessed: an `allow-egress`
//!   exclusion in ingress-only mode ("This only applies when BPA is set to Bidirectional"), a
//!   subnet and its VPC excluded with different modes, traffic that passed a GWLB endpoint
//!   ("blocked even if the subnet containing GWLB endpoints is excluded"), and a regional NAT
//!   gateway without an exclusion of the whole VPC.
//!
//! - IPv6 paths: an instance's IPv6 address meets the gateway itself (no translation), so its
//!   subnet's exclusion counts. Bidirectional mode blocks both the internet gateway and the
//!   egress-only internet gateway unless an exclusion applies; ingress-only mode lets the
//!   egress-only gateway through ("Only traffic to and from NAT gateways and egress-only internet
//!   gateways is allowed") and treats the internet gateway as it treats an instance's public
//!   IPv4 address. NAT64 leaves as IPv4 from the NAT gateway: the NAT gateway's subnet counts.
//!
//! Paths through gateway and interface endpoints never reach an internet gateway, so BPA does not
//! touch them. The check is one lookup: the index keeps each subnet's exclusion.

use crate::eval::ctx::{Ctx, Outcome, Walk};
use crate::eval::facts::{
    BpaCheck, BpaExclusionRef, BpaOutcome, BpaUnknown, HopKind, Id, Note, Stop,
};
use crate::model::{Applies, BpaMode, ExclusionMode, ExclusionScope, Model};

/// Which gateway the traffic meets, and whose address it carries there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meets {
    /// The internet gateway, from the subnet's own address or through a NAT gateway.
    InternetGateway { nat: Option<usize> },
    /// An egress-only internet gateway (IPv6, outbound only).
    EgressOnly,
}

/// What BPA does with traffic from `subnet` (none: a regional NAT gateway) at the gateway, and
/// the exclusion that applied. `None` when BPA is off.
fn decide(
    model: &Model,
    subnet: Option<usize>,
    meets: Meets,
    passed_gwlb: bool,
) -> Option<(BpaOutcome, Option<usize>)> {
    let bpa = &*model.bpa;
    if bpa.mode == BpaMode::Off {
        return None;
    }
    let applies = match subnet {
        Some(si) => bpa.subnet(si),
        None => bpa.vpc.map_or(Applies::None, Applies::Exclusion),
    };
    let exclusion = match applies {
        Applies::None => None,
        Applies::Exclusion(x) | Applies::Conflict { subnet: x, .. } => Some(x),
    };
    let mode = exclusion.map(|x| model.scenario().block_public_access.exclusions[x].mode);
    let outbound_only = match meets {
        Meets::InternetGateway { nat } => nat.is_some(),
        Meets::EgressOnly => true,
    };
    let outcome = match (bpa.mode, mode) {
        _ if matches!(applies, Applies::Conflict { .. }) => {
            BpaOutcome::NotModelled(BpaUnknown::SubnetAndVpcDiffer)
        }
        (BpaMode::BlockIngress, _) if outbound_only => match meets {
            Meets::EgressOnly => BpaOutcome::EgressOnlyInIngressMode,
            Meets::InternetGateway { .. } => BpaOutcome::NatInIngressMode,
        },
        (_, Some(ExclusionMode::AllowBidirectional))
        | (BpaMode::BlockBidirectional, Some(ExclusionMode::AllowEgress)) => BpaOutcome::Excluded,
        (BpaMode::BlockIngress, Some(ExclusionMode::AllowEgress)) => {
            BpaOutcome::NotModelled(BpaUnknown::EgressExclusionInIngressMode)
        }
        _ if subnet.is_none() => BpaOutcome::NotModelled(BpaUnknown::RegionalNat),
        _ => BpaOutcome::Blocked,
    };
    let outcome = match outcome {
        BpaOutcome::Excluded
        | BpaOutcome::NatInIngressMode
        | BpaOutcome::EgressOnlyInIngressMode
            if passed_gwlb =>
        {
            BpaOutcome::NotModelled(BpaUnknown::AfterGwlbEndpoint)
        }
        o => o,
    };
    Some((outcome, exclusion))
}

/// Whether the outcome lets the traffic through.
fn allows(outcome: BpaOutcome) -> bool {
    matches!(
        outcome,
        BpaOutcome::Excluded | BpaOutcome::NatInIngressMode | BpaOutcome::EgressOnlyInIngressMode
    )
}

/// The decision as a fact.
fn fact(
    model: &Model,
    gateway: &str,
    subnet: Option<usize>,
    nat: Option<usize>,
    exclusion: Option<usize>,
    outcome: BpaOutcome,
) -> BpaCheck {
    let s = model.scenario();
    BpaCheck {
        internet_gateway: Id::from(gateway),
        mode: model.bpa.mode,
        subnet: subnet.map(|si| Id::from(s.subnets[si].id.as_str())),
        nat: nat.map(|ni| Id::from(s.nat_gateways[ni].id.as_str())),
        exclusion: exclusion.map(|x| {
            let e = &s.block_public_access.exclusions[x];
            let (applies_to, vpc_wide) = match &e.scope {
                ExclusionScope::Vpc => (s.vpc.id.as_str(), true),
                ExclusionScope::Subnet(sn) => (sn.as_str(), false),
            };
            BpaExclusionRef {
                id: Id::from(e.label(&s.vpc.id)),
                applies_to: Id::from(applies_to),
                vpc_wide,
                mode: e.mode,
            }
        }),
        outcome,
    }
}

/// `None` when the traffic may pass `igw` (with a note when BPA is on); otherwise the stop.
///
/// Inlined: with BPA off (most models) this is one test, not a call.
#[inline]
pub(crate) fn check(ctx: &mut Ctx<'_>, igw: &str, walk: &Walk<'_>) -> Option<Outcome> {
    if ctx.model.bpa.mode == BpaMode::Off {
        return None;
    }
    check_on(ctx, igw, walk)
}

/// [`check`] with BPA on.
#[inline(never)]
fn check_on(ctx: &mut Ctx<'_>, igw: &str, walk: &Walk<'_>) -> Option<Outcome> {
    let model = ctx.model;
    let (subnet, nat) = (walk.egress.subnet, walk.egress.nat);
    let meets = Meets::InternetGateway { nat };
    let (outcome, exclusion) = decide(model, subnet, meets, walk.passed_gwlb)?;
    let allowed = allows(outcome);
    if allowed && !ctx.detail {
        return None;
    }
    let fact = fact(model, igw, subnet, nat, exclusion, outcome);
    if allowed {
        ctx.note(|| Note::BlockPublicAccessAllowed(Box::new(fact)));
        return None;
    }
    Some(Outcome::Stop {
        kind: HopKind::InternetGateway,
        id: Id::from(igw),
        az: None,
        stop: Box::new(Stop::BlockPublicAccess(fact)),
    })
}

/// BPA on an IPv6 path (or NAT64's IPv4 leg) at `gateway`.
pub(crate) enum Verdict6 {
    /// BPA is off.
    Off,
    /// BPA is on and lets the traffic through: the note says how.
    Allowed(Note),
    /// Blocked, or not modelled.
    Stop(BpaCheck),
}

/// BPA for traffic from `subnet` (the source's for IPv6, the NAT gateway's for NAT64) meeting
/// `gateway`. IPv6 paths through GWLB endpoints or appliances stop before any gateway (not
/// modelled), so none has passed one here.
pub(crate) fn check_ipv6(model: &Model, gateway: &str, subnet: usize, meets: Meets) -> Verdict6 {
    let Some((outcome, exclusion)) = decide(model, Some(subnet), meets, false) else {
        return Verdict6::Off;
    };
    let nat = match meets {
        Meets::InternetGateway { nat } => nat,
        Meets::EgressOnly => None,
    };
    let fact = fact(model, gateway, Some(subnet), nat, exclusion, outcome);
    if allows(outcome) {
        Verdict6::Allowed(Note::BlockPublicAccessAllowed(Box::new(fact)))
    } else {
        Verdict6::Stop(fact)
    }
}
