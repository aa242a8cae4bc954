//! Which records private DNS of an interface endpoint answers for the service's name, by the
//! endpoint's IP address type and DNS record IP type
//! (<https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html>;
//! `DnsRecordIpType`: `ipv4` "A records for the private, Regional, and zonal DNS names", `ipv6`
//! "AAAA records", `dualstack` "A and AAAA records", `service-defined` "A records for the
//! private, Regional, and zonal DNS names and AAAA records for the Regional and zonal DNS
//! names" — so the private name, the service's own, has no AAAA then).

use crate::eval::facts::{Id, V6Stop, V6Unknown};
use crate::model::InterfaceEndpoint;

/// Whether the service's name has an AAAA record from this endpoint; else why not.
pub(crate) fn aaaa(e: &InterfaceEndpoint, name: &str) -> Result<(), V6Stop> {
    if !e.ip_address_type.has_ipv6() {
        return Err(V6Stop::EndpointNoIpv6 {
            endpoint: Id::from(e.id.as_str()),
        });
    }
    match e.dns_records() {
        None => Err(V6Stop::NotModelled {
            id: Id::from(e.id.as_str()),
            why: V6Unknown::DualstackRecordsUnknown,
        }),
        Some(r) if r.private_name_aaaa() => Ok(()),
        Some(r) => Err(V6Stop::NoAaaa {
            name: Id::from(name),
            endpoint: Some(Id::from(e.id.as_str())),
            records: Some(r),
        }),
    }
}

/// Whether the service's name has an A record from this endpoint (an IPv6 endpoint with IPv6
/// records answers none).
pub(crate) fn a(e: &InterfaceEndpoint) -> bool {
    e.dns_records().is_none_or(|r| r.private_name_a())
}
