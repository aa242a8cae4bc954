//! `no_public_ip`: the instance gets a public IPv4 address (its table already sends the traffic
//! to the internet gateway). A NAT route or a gateway endpoint comes from `routes.rs`.

use super::Candidates;
use super::context::Context;
use crate::model::Edit;

pub(crate) fn candidates(ctx: &Context<'_>, out: &mut Candidates) {
    if let Some(instance) = &ctx.instance {
        out.one(Edit::SetInstancePublicIp {
            instance: instance.clone(),
            public_ip: true,
        });
    }
}
