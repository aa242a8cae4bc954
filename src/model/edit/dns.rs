//! DNS edits (aws-semantics.md §3; AWS's pages are cited in `crate::model::dns`): associate a
//! DHCP options set with the VPC (`ec2 associate-dhcp-options`, `default` for none), associate or
//! disassociate a Resolver rule (`route53resolver associate-resolver-rule`,
//! `disassociate-resolver-rule`), associate or disassociate a private hosted zone
//! (`route53 associate-vpc-with-hosted-zone`, `disassociate-vpc-from-hosted-zone`), and create or
//! delete a record (`route53 change-resource-record-sets`). What AWS refuses (a zone for the
//! name an endpoint's private DNS answers, a record outside its zone, an alias to an unknown
//! endpoint) is refused by validation (`validate/dns.rs`), naming the zone and the rule.

use super::lookup::{insert_at, not_found};
use super::{Edit, EditError};
use crate::model::{Scenario, dns_name_eq};

const ZONE: (&str, &str) = ("kind-hosted_zone", "kinds-hosted_zone");
const RULE: (&str, &str) = ("kind-resolver_rule", "kinds-resolver_rule");
const RECORD: (&str, &str) = ("kind-dns_record", "kinds-dns_record");

fn zone_index(s: &Scenario, zone: &str) -> Result<usize, EditError> {
    s.private_hosted_zones
        .iter()
        .position(|z| z.id == zone)
        .ok_or_else(|| {
            not_found(
                ZONE,
                zone,
                s.private_hosted_zones.iter().map(|z| z.id.clone()),
            )
        })
}

/// Apply a DNS edit to `s` and return its exact inverse.
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<Edit, EditError> {
    match edit {
        Edit::SetDhcpOptions { options } => {
            let before = std::mem::replace(&mut s.dhcp_options, options.clone());
            Ok(Edit::SetDhcpOptions { options: before })
        }
        Edit::AddResolverRule { rule, position } => {
            insert_at(&mut s.resolver_rules, *position, rule.clone());
            Ok(Edit::RemoveResolverRule {
                rule: rule.id.clone(),
            })
        }
        Edit::RemoveResolverRule { rule } => {
            let Some(at) = s.resolver_rules.iter().position(|r| &r.id == rule) else {
                let known = s.resolver_rules.iter().map(|r| r.id.clone());
                return Err(not_found(RULE, rule, known));
            };
            let rule = s.resolver_rules.remove(at);
            Ok(Edit::AddResolverRule {
                rule,
                position: Some(at),
            })
        }
        Edit::AddHostedZone { zone, position } => {
            insert_at(&mut s.private_hosted_zones, *position, zone.clone());
            Ok(Edit::RemoveHostedZone {
                zone: zone.id.clone(),
            })
        }
        Edit::RemoveHostedZone { zone } => {
            let at = zone_index(s, zone)?;
            let zone = s.private_hosted_zones.remove(at);
            Ok(Edit::AddHostedZone {
                zone,
                position: Some(at),
            })
        }
        Edit::AddZoneRecord {
            zone,
            record,
            position,
        } => {
            let z = zone_index(s, zone)?;
            insert_at(
                &mut s.private_hosted_zones[z].records,
                *position,
                record.clone(),
            );
            Ok(Edit::RemoveZoneRecord {
                zone: zone.clone(),
                name: record.name.clone(),
            })
        }
        Edit::RemoveZoneRecord { zone, name } => {
            let z = zone_index(s, zone)?;
            let records = &mut s.private_hosted_zones[z].records;
            let Some(at) = records.iter().position(|r| dns_name_eq(&r.name, name)) else {
                let known = records.iter().map(|r| r.name.clone());
                return Err(not_found(RECORD, name, known));
            };
            let record = records.remove(at);
            Ok(Edit::AddZoneRecord {
                zone: zone.clone(),
                record,
                position: Some(at),
            })
        }
        _ => unreachable!("only DNS edits are routed here"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::model::{
        DhcpOptions, Model, PrivateHostedZone, RecordValue, ResolverRule, ResolverRuleType,
        ZoneRecord, load_file,
    };

    fn dns() -> Model {
        load_file(std::path::Path::new("scenarios/dns-hosted-zones.ron")).expect("loads")
    }

    #[test]
    fn dhcp_options_rules_zones_and_records_round_trip() {
        let m = dns();
        for edit in [
            Edit::SetDhcpOptions {
                options: Some(DhcpOptions {
                    id: "dopt-corp".into(),
                    domain_name_servers: vec!["192.168.10.53".into()],
                }),
            },
            Edit::AddResolverRule {
                rule: ResolverRule {
                    id: "rslvr-rr-sts".into(),
                    domain: "sts.us-east-1.amazonaws.com".into(),
                    rule_type: ResolverRuleType::System,
                    target_ips: Vec::new(),
                },
                position: Some(0),
            },
            Edit::RemoveResolverRule {
                rule: "rslvr-rr-kms-onprem".into(),
            },
            Edit::AddHostedZone {
                zone: PrivateHostedZone {
                    id: "Z0STS".into(),
                    name: "sts.us-east-1.amazonaws.com".into(),
                    records: Vec::new(),
                    records_unknown: false,
                },
                position: None,
            },
            Edit::RemoveHostedZone {
                zone: "Z0SQS".into(),
            },
            Edit::AddZoneRecord {
                zone: "Z0SQS".into(),
                record: ZoneRecord {
                    name: "sqs.us-east-1.amazonaws.com".into(),
                    value: RecordValue::Cname("queue.example.com".into()),
                },
                position: None,
            },
            Edit::RemoveZoneRecord {
                zone: "Z0SSM".into(),
                name: "SSM.us-east-1.amazonaws.com.".into(),
            },
        ] {
            round_trip(&m, &edit);
        }
    }

    #[test]
    fn what_aws_refuses_is_refused_by_name() {
        let m = dns();
        let conflict = Edit::AddHostedZone {
            zone: PrivateHostedZone {
                id: "Z0KMS".into(),
                name: "kms.us-east-1.amazonaws.com".into(),
                records: Vec::new(),
                records_unknown: false,
            },
            position: None,
        };
        assert!(refusal(&m, &conflict).contains("vpce-kms"));
        let alias = Edit::AddZoneRecord {
            zone: "Z0SQS".into(),
            record: ZoneRecord {
                name: "sqs.us-east-1.amazonaws.com".into(),
                value: RecordValue::AliasEndpoint("vpce-sqs".into()),
            },
            position: None,
        };
        assert!(refusal(&m, &alias).contains("vpce-sqs"));
        let missing = Edit::RemoveHostedZone {
            zone: "Z0NOPE".into(),
        };
        assert!(
            missing
                .apply(&m)
                .unwrap_err()
                .to_string()
                .contains("Z0NOPE")
        );
    }
}
