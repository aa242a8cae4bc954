//! VPC Block Public Access (`describe-vpc-block-public-access-options` and
//! `describe-vpc-block-public-access-exclusions`; aws-semantics.md §4, the internet gateway; BPA
//! has no section there yet, so AWS's pages are the contract): the Region's mode, and the
//! exclusions of this VPC and its subnets.

use std::collections::BTreeSet;

use super::{Warn, state_is, warning};
use crate::import::Input;
use crate::import::aws_bpa::arn_resource;
use crate::model::{BlockPublicAccess, BpaExclusion, BpaMode, ExclusionMode, ExclusionScope};

/// The BPA settings as far as VPC `vpc_id` (with subnets `subnet_ids`) is concerned. Without
/// the options file the mode is off, as in a scenario that says nothing about BPA.
pub(super) fn block_public_access(
    input: &Input,
    vpc_id: &str,
    subnet_ids: &BTreeSet<&str>,
    w: &mut Warn,
) -> BlockPublicAccess {
    let mut bpa = BlockPublicAccess::default();
    let mut exclusions_allowed = true;
    if let Some(o) = &input.bpa_options {
        let object = "VpcBlockPublicAccessOptions";
        bpa.mode = match o.internet_gateway_block_mode.as_deref() {
            None => BpaMode::Off,
            Some(v) => BpaMode::from_code(&v.to_ascii_lowercase()).unwrap_or_else(|| {
                w.push(
                    warning(object, "aws_unknown_value", "value")
                        .s("field", "InternetGatewayBlockMode")
                        .s("value", v)
                        .s("fallback", "off"),
                );
                BpaMode::Off
            }),
        };
        if state_is(o.state.as_deref(), &["update-in-progress"]) {
            w.push(
                warning(object, "aws_state_not_modelled", "bpa_updating")
                    .s("mode", bpa.mode.code()),
            );
        }
        if state_is(o.exclusions_allowed.as_deref(), &["not-allowed"]) {
            exclusions_allowed = false;
        }
    }
    for e in &input.bpa_exclusions {
        let id = e.exclusion_id.as_str();
        let Some((kind, target)) = e.resource_arn.as_deref().and_then(arn_resource) else {
            w.push(
                warning(id, "aws_unknown_value", "value")
                    .s("field", "ResourceArn")
                    .s("value", e.resource_arn.as_deref().unwrap_or_default())
                    .s("fallback", "-"),
            );
            continue;
        };
        // A Region's list holds every VPC's exclusions: keep this VPC's.
        let scope = match kind {
            "vpc" if target == vpc_id => ExclusionScope::Vpc,
            "subnet" if subnet_ids.contains(target) => ExclusionScope::Subnet(target.to_string()),
            _ => continue,
        };
        let state = e.state.as_deref();
        if state_is(
            state,
            &[
                "create-failed",
                "update-failed",
                "delete-in-progress",
                "delete-complete",
                "disable-in-progress",
                "disable-complete",
            ],
        ) {
            w.push(
                warning(id, "aws_state_not_modelled", "bpa_exclusion_gone")
                    .s("state", state.unwrap_or_default()),
            );
            continue;
        }
        if state_is(state, &["create-in-progress", "update-in-progress"]) {
            w.push(
                warning(id, "aws_state_not_modelled", "bpa_exclusion_pending")
                    .s("state", state.unwrap_or_default()),
            );
        } else if !state_is(state, &["create-complete", "update-complete"]) {
            w.push(
                warning(id, "aws_unknown_value", "value")
                    .s("field", "State")
                    .s("value", state.unwrap_or_default())
                    .s("fallback", "create-complete"),
            );
        }
        let mode = match e
            .internet_gateway_exclusion_mode
            .as_deref()
            .and_then(|m| ExclusionMode::from_code(&m.to_ascii_lowercase()))
        {
            Some(m) => m,
            None => {
                w.push(
                    warning(id, "aws_unknown_value", "value")
                        .s("field", "InternetGatewayExclusionMode")
                        .s(
                            "value",
                            e.internet_gateway_exclusion_mode
                                .as_deref()
                                .unwrap_or_default(),
                        )
                        .s("fallback", "-"),
                );
                continue;
            }
        };
        if !exclusions_allowed {
            w.push(warning(
                id,
                "aws_not_modelled",
                "bpa_exclusions_not_allowed",
            ));
            continue;
        }
        // One exclusion per VPC or subnet (validation refuses a second).
        if bpa.exclusion(&scope).is_some() {
            w.push(warning(id, "aws_not_modelled", "bpa_exclusion_twice"));
            continue;
        }
        bpa.exclusions.push(BpaExclusion {
            id: Some(id.to_string()),
            scope,
            mode,
        });
    }
    bpa
}

/// Warnings for the BPA calls whose output is missing, saying what was assumed: the mode off
/// without `describe-vpc-block-public-access-options`, no exclusion without
/// `describe-vpc-block-public-access-exclusions`. None where the assumption cannot change a
/// verdict: BPA blocks only internet-gateway and egress-only internet-gateway traffic
/// (`gateways`: whether the VPC has one), and exclusions matter only when the mode is on and
/// exclusions are allowed.
pub(super) fn missing_output(
    input: &Input,
    vpc_id: &str,
    bpa: &BlockPublicAccess,
    gateways: bool,
    w: &mut Warn,
) {
    if !gateways {
        return;
    }
    if !input.has_output_of("describe-vpc-block-public-access-options") {
        w.push(warning(vpc_id, "aws_missing_input", "no_bpa_options"));
        return;
    }
    let exclusions_allowed = !input
        .bpa_options
        .as_ref()
        .is_some_and(|o| state_is(o.exclusions_allowed.as_deref(), &["not-allowed"]));
    if bpa.mode != BpaMode::Off
        && exclusions_allowed
        && !input.has_output_of("describe-vpc-block-public-access-exclusions")
    {
        w.push(
            warning(vpc_id, "aws_missing_input", "no_bpa_exclusions").s("mode", bpa.mode.code()),
        );
    }
}
