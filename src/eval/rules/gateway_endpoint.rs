//! Gateway endpoints (aws-semantics.md §2): S3 and DynamoDB only, regional, no ENI and no IP
//! address; the endpoint is only a route target (the `pl-…` route AWS adds to each associated
//! table). The service sees the source's private address. AWS documents both DNS attributes
//! on for gateway endpoints with the Amazon DNS server, so a VPC without
//! `enableDnsHostnames` gets a note.

use crate::eval::ctx::{Arrival, Ctx, Outcome, Trail, Walk};
use crate::eval::facts::{DnsHostnamesOffNote, Fact, HopKind, Id, Note, Verdict, Via};

use super::return_leg;
use crate::eval::policies;

pub(crate) fn follow(
    ctx: &mut Ctx<'_>,
    _at: &Arrival<'_, '_>,
    id: &str,
    walk: &Walk<'_>,
    hops: &mut Trail,
) -> Outcome {
    let service = ctx.aim.service.clone();
    hops.add(
        HopKind::GatewayEndpoint,
        id,
        || None,
        || Fact::GatewayEndpoint { service },
    );
    let vpc = &ctx.model.scenario().vpc;
    if !vpc.enable_dns_hostnames {
        let vpc = Id::from(vpc.id.as_str());
        ctx.note(|| {
            Note::DnsHostnamesOff(Box::new(DnsHostnamesOffNote {
                vpc,
                endpoint: None,
            }))
        });
    }
    // The endpoint's policy, then the bucket's (aws-semantics.md §5b), when the model has any.
    if policies::on(ctx.model) {
        let ge = ctx
            .model
            .scenario()
            .gateway_endpoints
            .iter()
            .find(|g| g.id == id);
        let (service, policy) = ge.map_or(("", None), |g| (g.service.as_str(), g.policy.as_ref()));
        if let Some(stop) = policies::through_endpoint(ctx, walk, id, service, policy, hops) {
            return stop;
        }
    }
    if let Some(v) = return_leg::check(ctx, walk, return_leg::From::GatewayEndpoint(id), hops) {
        return Outcome::Done(v);
    }
    // `via` names how the path reached the service: the gateway endpoint, even after a NAT
    // gateway (no internet gateway is involved).
    Outcome::Done(Verdict::Reachable {
        via: Via::GatewayEndpoint,
        cross_az: None,
    })
}
