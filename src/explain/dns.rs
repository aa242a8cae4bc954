//! DNS beyond private DNS as sentences: a private hosted zone's answer, NXDOMAIN, and answers
//! outside the model (aws-semantics.md §3; AWS's pages are cited in `crate::model::dns`).

use crate::eval::*;

use super::{Lang, args, join, msg};
use crate::net_text::NetText;

fn ips_text(lang: Lang, ips: &[std::net::Ipv4Addr]) -> String {
    join(
        lang,
        ips.iter().map(|ip| NetText::addr(*ip).as_str().to_string()),
    )
}

/// `Z0SSM (ssm.us-east-1.amazonaws.com), record ssm.us-east-1.amazonaws.com`.
pub fn zone_text(lang: Lang, z: &ZoneAnswer) -> String {
    msg(
        lang,
        "dns-zone",
        args()
            .s("zone", z.zone.to_string())
            .s("zone_name", z.zone_name.to_string())
            .s("record", z.record.to_string()),
    )
}

/// NXDOMAIN from a private hosted zone.
pub fn not_found_text(lang: Lang, zone: &Id, zone_name: &Id, name: &Id) -> String {
    msg(
        lang,
        "stop-dns_name_not_found",
        args()
            .s("zone", zone.to_string())
            .s("zone_name", zone_name.to_string())
            .s("name", name.to_string()),
    )
}

/// Why the answer for `name` is outside the model.
pub fn outside_text(lang: Lang, name: &Id, why: &DnsOutside) -> String {
    let a = args().s("name", name.to_string());
    match why {
        DnsOutside::CustomServers {
            options,
            servers,
            amazon_listed,
        } => msg(
            lang,
            "dns-outside-custom_servers",
            a.s("options", options.to_string())
                .s("servers", join(lang, servers.iter().map(|s| s.to_string())))
                .b("amazon", *amazon_listed),
        ),
        DnsOutside::Forwarded {
            rule,
            domain,
            targets,
        } => msg(
            lang,
            "dns-outside-forwarded",
            a.s("rule", rule.to_string())
                .s("domain", domain.to_string())
                .s("targets", ips_text(lang, targets)),
        ),
        DnsOutside::LatticeWithoutPrivateDns { endpoint } => msg(
            lang,
            "dns-outside-lattice_without_private_dns",
            a.s("endpoint", endpoint.to_string()),
        ),
        DnsOutside::LatticeAssociationAndEndpoint {
            association,
            endpoint,
        } => msg(
            lang,
            "dns-outside-lattice_association_and_endpoint",
            a.s("association", association.to_string())
                .s("endpoint", endpoint.to_string()),
        ),
        DnsOutside::ZoneWithoutHostnames { zone, vpc } => msg(
            lang,
            "dns-outside-zone_without_hostnames",
            a.s("zone", zone_text(lang, zone)).s("vpc", vpc.to_string()),
        ),
        DnsOutside::ZoneRecordsUnknown { zone, zone_name } => msg(
            lang,
            "dns-outside-zone_records_unknown",
            a.s("zone", zone.to_string())
                .s("zone_name", zone_name.to_string()),
        ),
        DnsOutside::Record { zone, target } => {
            let a = a.s("zone", zone_text(lang, zone));
            match target {
                RecordTarget::Addresses { ips } => msg(
                    lang,
                    "dns-outside-record-addresses",
                    a.s("ips", ips_text(lang, ips)),
                ),
                RecordTarget::Alias { name } => msg(
                    lang,
                    "dns-outside-record-alias",
                    a.s("target", name.to_string()),
                ),
                RecordTarget::Cname { name } => msg(
                    lang,
                    "dns-outside-record-cname",
                    a.s("target", name.to_string()),
                ),
                RecordTarget::Wildcard => msg(lang, "dns-outside-record-wildcard", a),
                RecordTarget::OtherService { endpoint, service } => msg(
                    lang,
                    "dns-outside-record-other_service",
                    a.s("endpoint", endpoint.to_string())
                        .s("service", service.to_string()),
                ),
            }
        }
    }
}
