//! The service paths that VPC Lattice and S3 Express One Zone decide, out of `evaluate.rs`'s way
//! (no aws-semantics.md section yet for either, so AWS's pages are the contract):
//!
//! - an S3 Express One Zone directory bucket is reached by its Zonal endpoint's public
//!   addresses, then its zone decides
//!   (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/endpoint-directory-buckets-AZ.html>,
//!   `rules::directory_bucket`);
//! - the `s3express` service itself (the Regional endpoint) is described through a gateway
//!   endpoint only (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-tutorial-endpoints.html>,
//!   `rules::directory_bucket::regional`);
//! - in a model with VPC Lattice targets, the VPC's service network association answers the
//!   services it serves
//!   (<https://docs.aws.amazon.com/vpc-lattice/latest/ug/service-network-associations.html>,
//!   `lattice.rs`).
//!
//! Both are out of line (`#[inline(never)]`): the other destinations' code stays as it was, and
//! `evaluate_service` reaches them after one test.

use ipnet::Ipv4Net;

use super::ctx::{Ctx, ROOM_FORWARDED, Source};
use super::evaluate::{evaluate_public, service_trace, source_hop};
use super::facts::*;

/// An S3 Express One Zone directory bucket: its Zonal endpoint's public addresses, routed, then
/// the bucket's zone (`rules::directory_bucket`). Out of line: the other destinations' code
/// stays as it was.
#[inline(never)]
pub(super) fn directory_bucket(
    ctx: &mut Ctx<'_>,
    source: &Source,
    bucket: &str,
    zone: &str,
    cidrs: &[Ipv4Net],
    illustrative: bool,
) -> PathTrace {
    let to = Id::from(bucket);
    let hops = match source_hop(ctx, source, &to, ROOM_FORWARDED) {
        Ok(h) => h,
        Err(t) => return *t,
    };
    let name = crate::model::zonal_endpoint(zone, &ctx.model.scenario().region);
    let service = crate::model::S3EXPRESS;
    if illustrative {
        ctx.note(|| Note::IllustrativeCidrs {
            service: Id::from(service),
        });
    }
    let why = PublicWhy::DirectoryBucket {
        zone: Id::from(zone),
    };
    let trace = evaluate_public(ctx, source, hops, &to, &name, service, cidrs, why);
    super::rules::directory_bucket::apply(ctx, source, bucket, zone, trace)
}

/// [`super::evaluate::evaluate_service`] for a model with VPC Lattice targets, or for `s3express`.
#[inline(never)]
pub(super) fn service(ctx: &mut Ctx<'_>, source: &Source, svc: usize) -> PathTrace {
    let trace = match ctx.model.lattice_targets {
        true => super::lattice::service(ctx, source, svc),
        false => service_trace(ctx, source, svc),
    };
    if ctx.model.s3express_service == Some(svc) {
        return super::rules::directory_bucket::regional(trace);
    }
    trace
}
