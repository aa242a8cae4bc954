//! S3 Express One Zone directory buckets (no aws-semantics.md section yet: AWS's pages are the
//! contract).
//!
//! - A directory bucket lives in one zone: "objects in the Amazon S3 Express One Zone storage
//!   class are redundantly stored in S3 directory buckets in a single Availability Zone", chosen
//!   when the bucket is created
//!   (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-Endpoints.html>). The
//!   zone is named by its AZ ID in the bucket's name (`crate::model::s3express`), so an outage
//!   is about that physical zone, whatever each account calls it.
//! - So when that zone fails, the bucket is unreachable from every AZ of the VPC, however the
//!   path got there: the gateway endpoint is Regional and survives, the bucket does not
//!   (aws-semantics.md §6: a failed AZ takes down everything zonal in it).
//! - Requests from another AZ work, with the latency the storage class exists to avoid ("the
//!   option to co-locate your object storage with your compute resources",
//!   <https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-differences.html>) and a
//!   dependency on that AZ. Whether they pay inter-AZ transfer is not confirmed from the pages
//!   read: the note says the path depends on the zone, and the cost estimate leaves it out.
//! - The zone can fail in a what-if only when the scenario's `availability_zones` give it as an
//!   AZ's `id`; otherwise the trace says the bucket's zone is not in the model.
//! - DNS: the Zonal endpoint `s3express-ZONEID.REGION.amazonaws.com` answers S3 Express's
//!   public addresses, which a gateway endpoint's route takes
//!   (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/endpoint-directory-buckets-AZ.html>);
//!   what it answers while its zone is down is not documented, so the stop is at the bucket.
//! - AWS's pages describe reaching directory buckets through an `s3express` gateway endpoint
//!   only ("To access your objects and directory buckets stored in S3 Express One Zone, you use
//!   gateway VPC endpoints", endpoint-directory-buckets-AZ.html; s3-express-networking.html
//!   gives the networking requirements "by using a gateway VPC endpoint"); none says what a
//!   request through a NAT gateway or an internet gateway gets. Such a path is not modelled
//!   (`directory_bucket_without_gateway_endpoint`), never guessed.

use crate::eval::ctx::{Ctx, Source};
use crate::eval::facts::*;

/// The trace `trace` of a path to directory bucket `bucket` in zone `zone`, with the zone's
/// state applied: blocked at the bucket when the zone has failed, noted when it is another AZ
/// than the source's or not in the model.
#[inline(never)]
pub(crate) fn apply(
    ctx: &Ctx<'_>,
    source: &Source,
    bucket: &str,
    zone: &str,
    mut trace: PathTrace,
) -> PathTrace {
    let model = ctx.model;
    let arrived = matches!(trace.verdict, Verdict::Reachable { .. } | Verdict::Partial);
    if !arrived {
        return trace;
    }
    let az = model.az_index(zone);
    // The bucket's zone down: no way reaches it, whichever way the path took.
    if let Some(az) = az.filter(|&az| ctx.az_failed(az)) {
        trace.hops.push(Hop {
            kind: HopKind::Blocked,
            id: Id::from(bucket),
            az: Some(ctx.az(az)),
            fact: Fact::stop(Stop::DirectoryBucketAzFailed {
                bucket: Id::from(bucket),
                az: ctx.az(az),
            }),
        });
        trace.verdict = Verdict::Blocked(Reason::DirectoryBucketAzFailed);
        return trace;
    }
    let via = trace.verdict.via();
    if via != Some(Via::GatewayEndpoint) {
        trace.hops.push(Hop {
            kind: HopKind::Blocked,
            id: Id::from(bucket),
            az: None,
            fact: Fact::stop(Stop::DirectoryBucketWithoutGatewayEndpoint {
                bucket: Id::from(bucket),
                via,
            }),
        });
        trace.verdict = Verdict::stopped(Reason::DirectoryBucketWithoutGatewayEndpoint);
        return trace;
    }
    let Some(az) = az else {
        trace.notes.push(Note::DirectoryBucketZoneUnknown(Box::new(
            DirectoryBucketZoneUnknownNote {
                bucket: Id::from(bucket),
                zone: Id::from(zone),
            },
        )));
        return trace;
    };
    if ctx.az_of_subnet(source.subnet) != az {
        trace.notes.push(Note::DirectoryBucketOtherAz {
            bucket: Id::from(bucket),
            az: ctx.az(az),
        });
    }
    trace
}

/// The `s3express` service itself (the Regional endpoint, `s3express-control`): the same pages
/// ("You must access both Zonal and Regional endpoints through a gateway … endpoint",
/// s3-express-tutorial-endpoints.html) describe it through a gateway endpoint only, so a path
/// another way is not modelled either.
#[cold]
#[inline(never)]
pub(crate) fn regional(mut trace: PathTrace) -> PathTrace {
    let arrived = matches!(trace.verdict, Verdict::Reachable { .. } | Verdict::Partial);
    let via = trace.verdict.via();
    if !arrived || via == Some(Via::GatewayEndpoint) {
        return trace;
    }
    let service = Id::from(crate::model::S3EXPRESS);
    trace.hops.push(Hop {
        kind: HopKind::Blocked,
        id: service.clone(),
        az: None,
        fact: Fact::stop(Stop::DirectoryBucketWithoutGatewayEndpoint {
            bucket: service,
            via,
        }),
    });
    trace.verdict = Verdict::stopped(Reason::DirectoryBucketWithoutGatewayEndpoint);
    trace
}
