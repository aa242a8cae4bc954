//! `dns_resolution_disabled`: turn `enableDnsSupport` back on.

use super::Candidates;
use super::context::Context;
use crate::model::Edit;

pub(crate) fn candidates(ctx: &Context<'_>, out: &mut Candidates) {
    if !ctx.model.scenario().vpc.enable_dns_support {
        out.one(Edit::SetDnsSupport { enabled: true });
    }
}
