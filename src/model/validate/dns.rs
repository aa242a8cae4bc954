//! DHCP options, Resolver rules and private hosted zones (aws-semantics.md §3, the DNS hop; these
//! have no section there yet, so AWS's pages cited below are the contract).

use super::Cx;
use crate::model::{AMAZON_PROVIDED_DNS, Diagnostic, RecordValue, dns_name_eq, domain_match};

/// What AWS refuses, or what the model cannot evaluate:
/// - a `domain-name-servers` entry that is neither an IPv4 address nor `AmazonProvidedDNS`
///   (`CreateDhcpOptions`: "The IP addresses of up to four DNS servers, or AmazonProvidedDNS");
/// - a record outside its zone (Route 53 refuses a record whose name is not in the zone);
/// - an alias to an interface endpoint the scenario does not have;
/// - a private hosted zone for the same name as an interface endpoint's private DNS: AWS
///   refuses both orders. Private DNS is itself an AWS-managed private hosted zone
///   (`CreateVpcEndpoint`, `PrivateDnsEnabled`: "Indicates whether to associate a private
///   hosted zone with the specified VPC"), and Route 53 answers `ConflictingDomainExists` when
///   a second zone of the same name is associated with the VPC; EC2 refuses private DNS on an
///   endpoint whose name a zone of the VPC already has ("conflicting DNS domain").
pub(super) fn dns_settings(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    if let Some(d) = &s.dhcp_options {
        for server in &d.domain_name_servers {
            if server.parse::<std::net::Ipv4Addr>().is_err()
                && !server.eq_ignore_ascii_case(AMAZON_PROVIDED_DNS)
            {
                out.push(
                    Diagnostic::error(&d.id, "dhcp_server_invalid")
                        .s("options", &d.id)
                        .s("server", server),
                );
            }
        }
    }
    for (i, z) in s.private_hosted_zones.iter().enumerate() {
        if s.private_hosted_zones[..i]
            .iter()
            .any(|o| dns_name_eq(&o.name, &z.name))
        {
            out.push(
                Diagnostic::error(&z.id, "hosted_zone_twice")
                    .s("zone", &z.id)
                    .s("name", &z.name),
            );
        }
        for r in &z.records {
            if domain_match(&r.name, &z.name).is_none() {
                out.push(
                    Diagnostic::error(&z.id, "hosted_zone_record_outside")
                        .s("zone", &z.id)
                        .s("name", &z.name)
                        .s("record", &r.name),
                );
            }
            if let RecordValue::AliasEndpoint(e) = &r.value
                && !s.interface_endpoints.iter().any(|ie| &ie.id == e)
            {
                out.push(
                    Diagnostic::error(&z.id, "hosted_zone_alias_unknown_endpoint")
                        .s("zone", &z.id)
                        .s("record", &r.name)
                        .s("endpoint", e),
                );
            }
        }
        for ie in &s.interface_endpoints {
            if !ie.private_dns || !ie.serves_region(&s.region, &s.region) {
                continue;
            }
            let Some(svc) = cx.services.get(ie.service.as_str()) else {
                continue;
            };
            if svc.private_dns_supported && dns_name_eq(&svc.dns_name, &z.name) {
                out.push(
                    Diagnostic::error(&z.id, "hosted_zone_conflicts_private_dns")
                        .s("zone", &z.id)
                        .s("name", &z.name)
                        .s("endpoint", &ie.id),
                );
            }
        }
    }
}
