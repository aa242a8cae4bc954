//! VPC Block Public Access decisions as sentences (aws-semantics.md §4, the internet
//! gateway; BPA has no section there yet, so AWS's pages are the contract).

use crate::eval::*;
use crate::model::{BpaMode, ExclusionMode};

use super::{Lang, args, m, msg};

/// `bidirectional`, `ingress-only`.
pub fn bpa_mode_text(lang: Lang, mode: BpaMode) -> String {
    m(lang, &format!("bpa-mode-{}", mode.code()))
}

/// `allow-egress`, in words.
pub fn exclusion_mode_text(lang: Lang, mode: ExclusionMode) -> String {
    m(lang, &format!("bpa-exclusion-mode-{}", mode.code()))
}

/// `vpcbpa-exclude-1 (allow-egress, subnet-nat-a)`.
fn exclusion_text(lang: Lang, x: &BpaExclusionRef) -> String {
    msg(
        lang,
        "bpa-exclusion",
        args()
            .s("id", x.id.to_string())
            .s("mode", exclusion_mode_text(lang, x.mode))
            .s("target", x.applies_to.to_string())
            .b("vpc", x.vpc_wide)
            .b("named", x.id != x.applies_to),
    )
}

/// The arguments every BPA sentence may use.
fn check_args(lang: Lang, c: &BpaCheck) -> super::Args<'static> {
    let none = String::new();
    args()
        .s("mode", bpa_mode_text(lang, c.mode))
        .s("igw", c.internet_gateway.to_string())
        .s(
            "subnet",
            c.subnet.as_ref().map(|s| s.to_string()).unwrap_or_default(),
        )
        .s(
            "nat",
            c.nat.as_ref().map(|s| s.to_string()).unwrap_or_default(),
        )
        .s(
            "exclusion",
            c.exclusion
                .as_ref()
                .map(|x| exclusion_text(lang, x))
                .unwrap_or(none),
        )
        .b("ingress", c.mode == BpaMode::BlockIngress)
}

/// Why Block Public Access stopped the path (blocked, or not modelled).
pub fn bpa_stop_text(lang: Lang, c: &BpaCheck) -> String {
    let id = match c.outcome {
        BpaOutcome::NotModelled(why) => format!("bpa-not-modelled-{}", why.code()),
        _ if c.nat.is_some() => "bpa-blocked-nat".to_string(),
        _ => "bpa-blocked".to_string(),
    };
    msg(lang, &id, check_args(lang, c))
}

/// How Block Public Access let the path through.
pub fn bpa_allowed_text(lang: Lang, c: &BpaCheck) -> String {
    let id = match c.outcome {
        BpaOutcome::NatInIngressMode => "note-block_public_access_allowed-nat",
        BpaOutcome::EgressOnlyInIngressMode => "note-block_public_access_allowed-eigw",
        _ => "note-block_public_access_allowed",
    };
    msg(lang, id, check_args(lang, c))
}
