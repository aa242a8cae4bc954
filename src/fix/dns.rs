//! `dns_resolution_disabled`: turn `enableDnsSupport` back on. `dns_name_not_found`: a private
//! hosted zone shadows the name; disassociate the zone, or give it a record for the name (an alias
//! to an interface endpoint of the VPC for the service, when there is one).

use super::Candidates;
use super::context::Context;
use crate::eval::Stop;
use crate::model::{Edit, RecordValue, ZoneRecord, dns_name_eq};

pub(crate) fn candidates(ctx: &Context<'_>, out: &mut Candidates) {
    if !ctx.model.scenario().vpc.enable_dns_support {
        out.one(Edit::SetDnsSupport { enabled: true });
    }
}

pub(crate) fn name_not_found(ctx: &Context<'_>, out: &mut Candidates) {
    let s = ctx.model.scenario();
    for stop in &ctx.stops {
        let Stop::DnsNameNotFound { zone, name, .. } = stop else {
            continue;
        };
        out.one(Edit::RemoveHostedZone {
            zone: zone.to_string(),
        });
        let serving = s.interface_endpoints.iter().find(|e| {
            ctx.model
                .service(&e.service)
                .is_some_and(|svc| dns_name_eq(&svc.dns_name, name))
                && e.serves_region(&s.region, &s.region)
        });
        if let Some(e) = serving {
            out.one(Edit::AddZoneRecord {
                zone: zone.to_string(),
                record: ZoneRecord {
                    name: name.to_string(),
                    value: RecordValue::AliasEndpoint(e.id.clone()),
                },
                position: None,
            });
        }
    }
}
