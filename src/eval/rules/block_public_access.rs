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
//! Paths through gateway and interface endpoints never reach an internet gateway, so BPA does not
//! touch them. The check is one lookup: the index keeps each subnet's exclusion.

use crate::eval::ctx::{Ctx, Outcome, Walk};
use crate::eval::facts::{
    BpaCheck, BpaExclusionRef, BpaOutcome, BpaUnknown, HopKind, Id, Note, Stop,
};
use crate::model::{Applies, BpaMode, ExclusionMode, ExclusionScope};

/// `None` when the traffic may pass `igw` (with a note when BPA is on); otherwise the stop.
pub(crate) fn check(ctx: &mut Ctx<'_>, igw: &str, walk: &Walk<'_>) -> Option<Outcome> {
    let model = ctx.model;
    let bpa = &*model.bpa;
    if bpa.mode == BpaMode::Off {
        return None;
    }
    let applies = match walk.egress.subnet {
        Some(si) => bpa.subnet(si),
        None => bpa.vpc.map_or(Applies::None, Applies::Exclusion),
    };
    let nat = walk.egress.nat;
    let exclusion = match applies {
        Applies::None => None,
        Applies::Exclusion(x) | Applies::Conflict { subnet: x, .. } => Some(x),
    };
    let mode = exclusion.map(|x| model.scenario().block_public_access.exclusions[x].mode);
    let outcome = match (bpa.mode, mode) {
        _ if matches!(applies, Applies::Conflict { .. }) => {
            BpaOutcome::NotModelled(BpaUnknown::SubnetAndVpcDiffer)
        }
        (BpaMode::BlockIngress, _) if nat.is_some() => BpaOutcome::NatInIngressMode,
        (_, Some(ExclusionMode::AllowBidirectional))
        | (BpaMode::BlockBidirectional, Some(ExclusionMode::AllowEgress)) => BpaOutcome::Excluded,
        (BpaMode::BlockIngress, Some(ExclusionMode::AllowEgress)) => {
            BpaOutcome::NotModelled(BpaUnknown::EgressExclusionInIngressMode)
        }
        _ if walk.egress.subnet.is_none() => BpaOutcome::NotModelled(BpaUnknown::RegionalNat),
        _ => BpaOutcome::Blocked,
    };
    let outcome = match outcome {
        BpaOutcome::Excluded | BpaOutcome::NatInIngressMode if walk.passed_gwlb => {
            BpaOutcome::NotModelled(BpaUnknown::AfterGwlbEndpoint)
        }
        o => o,
    };
    let allowed = matches!(outcome, BpaOutcome::Excluded | BpaOutcome::NatInIngressMode);
    if allowed && !ctx.detail {
        return None;
    }
    let s = model.scenario();
    let fact = BpaCheck {
        internet_gateway: Id::from(igw),
        mode: bpa.mode,
        subnet: walk
            .egress
            .subnet
            .map(|si| Id::from(s.subnets[si].id.as_str())),
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
    };
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
