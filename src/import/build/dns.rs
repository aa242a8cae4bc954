//! DNS beyond private DNS (`describe-dhcp-options`, `route53 list-hosted-zones-by-vpc` and
//! `list-resource-record-sets`, `route53resolver list-resolver-rules` and
//! `list-resolver-rule-associations`; aws-semantics.md §3, AWS's pages are cited in
//! `crate::model::dns`): the VPC's DHCP options set, the Resolver rules associated with it, and
//! its private hosted zones with their A, alias and CNAME records.

use std::net::Ipv4Addr;

use super::{Warn, state_is, warning};
use crate::import::Input;
use crate::import::aws::Vpc;
use crate::import::aws_dns::ResourceRecordSet;
use crate::model::{
    DhcpOptions, InterfaceEndpoint, PrivateHostedZone, RecordValue, ResolverRule, ResolverRuleType,
    ZoneRecord, dns_name_eq,
};

/// The VPC's DHCP options set. With the `default` set (no set: AmazonProvidedDNS, certain), or
/// without `describe-dhcp-options` output (assumed, with a warning naming the call), none:
/// instances use AmazonProvidedDNS, as in a scenario that says nothing.
pub(super) fn dhcp_options(input: &Input, vpc: &Vpc, w: &mut Warn) -> Option<DhcpOptions> {
    let id = vpc.dhcp_options_id.as_deref()?;
    if id == "default" {
        return None;
    }
    if !input.has_output_of("describe-dhcp-options") {
        w.push(warning(&vpc.vpc_id, "aws_missing_input", "no_dhcp_options").s("options", id));
        return None;
    }
    let Some(set) = input.dhcp_options.iter().find(|d| d.dhcp_options_id == id) else {
        w.push(warning(&vpc.vpc_id, "aws_missing_input", "dhcp_options").s("options", id));
        return None;
    };
    let servers: Vec<String> = set
        .dhcp_configurations
        .iter()
        .filter(|c| c.key == "domain-name-servers")
        .flat_map(|c| c.values.iter().map(|v| v.value.trim().to_string()))
        .collect();
    if servers.is_empty() {
        w.push(warning(id, "aws_not_modelled", "dhcp_no_servers"));
    }
    Some(DhcpOptions {
        id: id.to_string(),
        domain_name_servers: servers,
    })
}

/// The Resolver rules associated with `vpc_id`. The autodefined `RECURSIVE` rule is what the
/// Resolver does without rules; a `DELEGATE` rule's answer comes from outside the VPC, like a
/// forward rule's. Without `list-resolver-rule-associations` output none is (a warning names
/// the call); an association whose rule `list-resolver-rules` lacks is warned about by itself.
pub(super) fn resolver_rules(input: &Input, vpc_id: &str, w: &mut Warn) -> Vec<ResolverRule> {
    let mut out: Vec<ResolverRule> = Vec::new();
    if !input.has_output_of("list-resolver-rule-associations") {
        w.push(warning(vpc_id, "aws_missing_input", "no_resolver_rules"));
        return out;
    }
    for a in &input.resolver_rule_associations {
        if a.vpc_id.as_deref() != Some(vpc_id) {
            continue;
        }
        let state = a.status.as_deref();
        if state_is(state, &["DELETING", "FAILED", "OVERRIDDEN"]) {
            w.push(
                warning(&a.id, "aws_state_not_modelled", "resolver_rule_gone")
                    .s("state", state.unwrap_or_default()),
            );
            continue;
        }
        if state_is(state, &["CREATING"]) {
            w.push(
                warning(&a.id, "aws_state_not_modelled", "resolver_rule_pending")
                    .s("state", state.unwrap_or_default()),
            );
        }
        let Some(r) = input
            .resolver_rules
            .iter()
            .find(|r| r.id == a.resolver_rule_id)
        else {
            w.push(
                warning(&a.id, "aws_missing_input", "resolver_rule").s("rule", &a.resolver_rule_id),
            );
            continue;
        };
        if out.iter().any(|x| x.id == r.id) {
            continue;
        }
        // `example.com.` as the API writes it; `.` stays the root.
        let domain = match r.domain_name.as_deref().map(|d| d.trim_end_matches('.')) {
            Some(d) if !d.is_empty() => d.to_string(),
            _ => ".".to_string(),
        };
        let rule_type = match r
            .rule_type
            .as_deref()
            .map(str::to_ascii_uppercase)
            .as_deref()
        {
            Some("FORWARD") => ResolverRuleType::Forward,
            Some("SYSTEM") => ResolverRuleType::System,
            Some("RECURSIVE") => continue,
            Some("DELEGATE") => {
                w.push(warning(&r.id, "aws_not_modelled", "delegate_rule").s("domain", &domain));
                ResolverRuleType::Forward
            }
            other => {
                w.push(
                    warning(&r.id, "aws_unknown_value", "value")
                        .s("field", "RuleType")
                        .s("value", other.unwrap_or_default())
                        .s("fallback", "FORWARD"),
                );
                ResolverRuleType::Forward
            }
        };
        let target_ips = r
            .target_ips
            .iter()
            .filter_map(|t| t.ip.as_deref()?.parse::<Ipv4Addr>().ok())
            .collect();
        out.push(ResolverRule {
            id: r.id.clone(),
            domain,
            rule_type,
            target_ips,
        });
    }
    out
}

/// The private hosted zones associated with the VPC, with their records. Zones an AWS service
/// manages (`Owner.OwningService`: an interface endpoint's private DNS among them) are left out:
/// the endpoint models its own private DNS. Without `list-hosted-zones-by-vpc` output none is
/// (a warning names the call); a zone without its `list-resource-record-sets` output, or with a
/// truncated one, is imported with `records_unknown`: a name it does not list is then outside the
/// model, not NXDOMAIN.
pub(super) fn private_hosted_zones(
    input: &Input,
    vpc_id: &str,
    endpoints: &[InterfaceEndpoint],
    w: &mut Warn,
) -> Vec<PrivateHostedZone> {
    let mut out: Vec<PrivateHostedZone> = Vec::new();
    if !input.has_output_of("list-hosted-zones-by-vpc") {
        w.push(warning(vpc_id, "aws_missing_input", "no_hosted_zones"));
    }
    for z in &input.hosted_zones {
        let id = z.hosted_zone_id.trim_start_matches("/hostedzone/");
        let name = z.name.trim_end_matches('.');
        if let Some(service) = z.owner.as_ref().and_then(|o| o.owning_service.as_deref()) {
            w.push(
                warning(id, "aws_not_modelled", "service_zone")
                    .s("name", name)
                    .s("service", service),
            );
            continue;
        }
        if out.iter().any(|x| x.id == id) {
            continue;
        }
        // The zone's record sets: the file whose SOA record names the zone, else whose file name
        // holds the zone's id.
        let sets = input
            .record_sets
            .iter()
            .find(|(_, sets)| {
                sets.iter()
                    .any(|r| r.kind == "SOA" && dns_name_eq(&r.name, name))
            })
            .or_else(|| {
                input.record_sets.iter().find(|(path, _)| {
                    path.file_name()
                        .is_some_and(|f| f.to_string_lossy().contains(id))
                })
            });
        let (records, records_unknown) = match sets {
            Some((path, sets)) => (
                records(id, sets, endpoints, w),
                input.truncated_record_sets.contains(path),
            ),
            None => {
                w.push(warning(id, "aws_missing_input", "zone_records").s("name", name));
                (Vec::new(), true)
            }
        };
        out.push(PrivateHostedZone {
            id: id.to_string(),
            name: name.to_string(),
            records,
            records_unknown,
        });
    }
    for (path, sets) in &input.record_sets {
        let named = out.iter().any(|z| {
            sets.iter()
                .any(|r| r.kind == "SOA" && dns_name_eq(&r.name, &z.name))
                || path
                    .file_name()
                    .is_some_and(|f| f.to_string_lossy().contains(z.id.as_str()))
        });
        let managed = input.hosted_zones.iter().any(|z| {
            z.owner.as_ref().is_some_and(|o| o.owning_service.is_some())
                && sets
                    .iter()
                    .any(|r| r.kind == "SOA" && dns_name_eq(&r.name, &z.name))
        });
        if !named && !managed {
            w.push(warning(
                &path.display().to_string(),
                "aws_missing_input",
                "record_sets_zone",
            ));
        }
    }
    out
}

/// A zone's A, alias and CNAME records (one per name: the first of a routing policy's).
fn records(
    zone: &str,
    sets: &[ResourceRecordSet],
    endpoints: &[InterfaceEndpoint],
    w: &mut Warn,
) -> Vec<ZoneRecord> {
    let mut out: Vec<ZoneRecord> = Vec::new();
    for r in sets {
        let name = r.name.trim_end_matches('.').replace("\\052", "*");
        if !matches!(r.kind.as_str(), "A" | "CNAME") {
            continue;
        }
        if out.iter().any(|x| dns_name_eq(&x.name, &name)) {
            if r.set_identifier.is_some() {
                w.push(warning(zone, "aws_not_modelled", "routing_policy").s("name", &name));
            }
            continue;
        }
        let value = if let Some(alias) = &r.alias_target {
            alias_value(
                zone,
                &name,
                alias.dns_name.trim_end_matches('.'),
                endpoints,
                w,
            )
        } else if r.kind == "CNAME" {
            match r.resource_records.first() {
                Some(v) => RecordValue::Cname(v.value.trim_end_matches('.').to_string()),
                None => continue,
            }
        } else {
            let mut ips = Vec::new();
            for v in &r.resource_records {
                match v.value.parse::<Ipv4Addr>() {
                    Ok(ip) => ips.push(ip),
                    Err(_) => w.push(
                        warning(zone, "aws_not_modelled", "record_value")
                            .s("name", &name)
                            .s("value", &v.value),
                    ),
                }
            }
            RecordValue::A(ips)
        };
        out.push(ZoneRecord { name, value });
    }
    out
}

/// An alias's target: an interface endpoint of this VPC when its DNS name is the endpoint's
/// Regional name (`vpce-ID-SUFFIX.SERVICE.REGION.vpce.amazonaws.com`); a zonal name (`…-AZ.…`)
/// answers one AZ's network interface only, which the model does not hold apart: outside the
/// model, as is any other name.
fn alias_value(
    zone: &str,
    name: &str,
    target: &str,
    endpoints: &[InterfaceEndpoint],
    w: &mut Warn,
) -> RecordValue {
    let label = target.split('.').next().unwrap_or_default();
    for e in endpoints {
        let Some(rest) = label
            .strip_prefix(e.id.as_str())
            .and_then(|r| r.strip_prefix('-'))
        else {
            continue;
        };
        if rest.contains('-') {
            w.push(
                warning(zone, "aws_not_modelled", "zonal_alias")
                    .s("name", name)
                    .s("target", target),
            );
            break;
        }
        return RecordValue::AliasEndpoint(e.id.clone());
    }
    RecordValue::Alias(target.to_string())
}
