//! The built-in service catalogue (`assets/catalogue.ron`, embedded) and its resolution for one
//! scenario: the scenario's Region picks the CIDRs, and its `services` entries add or override.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use ipnet::Ipv4Net;
use serde::Deserialize;

use super::ServiceOverride;

const CATALOGUE_RON: &str = include_str!("../../assets/catalogue.ron");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The date the published ranges were last compared with AWS's.
    pub checked: String,
    pub services: Vec<CatalogueService>,
    /// Services a scenario opts into by naming them in its `services` (S3 Express One Zone):
    /// they join the model's services, and so its matrix, only then.
    #[serde(default)]
    pub optional_services: Vec<CatalogueService>,
    #[serde(default)]
    pub global_names: Vec<GlobalName>,
    #[serde(default)]
    pub workloads: Vec<Workload>,
}

/// A DNS name outside any Regional endpoint's private DNS (`s3.amazonaws.com`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlobalName {
    pub name: String,
    pub service: String,
    /// The Region whose addresses the name resolves to.
    pub region: String,
}

pub use super::Workload;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueService {
    pub name: String,
    pub description: String,
    /// With `{region}` standing for the Region.
    pub dns_name: String,
    #[serde(default)]
    pub gateway_endpoint: bool,
    #[serde(default)]
    pub interface_endpoint: bool,
    #[serde(default)]
    pub private_dns_supported: bool,
    pub illustrative: bool,
    #[serde(default)]
    pub source: Option<String>,
    /// Region → CIDRs; `"*"` for any Region without its own entry.
    pub cidrs: BTreeMap<String, Vec<Ipv4Net>>,
}

/// The built-in catalogue. It is part of the binary, so a parse failure is a build defect that
/// the unit tests catch; at run time it cannot happen.
pub fn builtin() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        ron::from_str(CATALOGUE_RON).expect("assets/catalogue.ron is valid (checked by unit tests)")
    })
}

/// A service as one scenario sees it: DNS name expanded, CIDRs for the scenario's Region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub name: String,
    pub description: String,
    pub dns_name: String,
    pub gateway_endpoint: bool,
    pub interface_endpoint: bool,
    pub private_dns_supported: bool,
    /// CIDRs are placeholders, not AWS's published ranges.
    pub illustrative: bool,
    pub cidrs: Vec<Ipv4Net>,
}

impl Service {
    /// The name of the service's AWS-managed prefix list as the UI shows it.
    pub fn prefix_list_name(&self) -> String {
        format!("pl-{}", self.name)
    }
}

impl CatalogueService {
    /// The service as a scenario in `region` sees it, before its overrides.
    fn in_region(&self, region: &str) -> Service {
        Service {
            name: self.name.clone(),
            description: self.description.clone(),
            dns_name: self.dns_name.replace("{region}", region),
            gateway_endpoint: self.gateway_endpoint,
            interface_endpoint: self.interface_endpoint,
            private_dns_supported: self.private_dns_supported,
            illustrative: self.illustrative,
            cidrs: self
                .cidrs
                .get(region)
                .or_else(|| self.cidrs.get("*"))
                .cloned()
                .unwrap_or_default(),
        }
    }
}

/// An optional service (S3 Express One Zone) as `region` has it, whether or not a scenario
/// opted into it.
pub fn optional_service(name: &str, region: &str) -> Option<Service> {
    builtin()
        .optional_services
        .iter()
        .find(|s| s.name == name)
        .map(|s| s.in_region(region))
}

/// Resolve the catalogue for `region`, applying a scenario's additions and overrides in order.
/// A new service without CIDRs gets none (it is then only reachable through an interface endpoint).
pub fn resolve(region: &str, overrides: &[ServiceOverride]) -> Vec<Service> {
    let mut services: Vec<Service> = builtin()
        .services
        .iter()
        .map(|s| s.in_region(region))
        .collect();
    for o in overrides {
        let optional = || {
            builtin()
                .optional_services
                .iter()
                .find(|s| s.name == o.name)
        };
        let idx = match services.iter().position(|s| s.name == o.name) {
            Some(i) => i,
            None if optional().is_some() => {
                services.extend(optional().map(|s| s.in_region(region)));
                services.len() - 1
            }
            None => {
                services.push(Service {
                    name: o.name.clone(),
                    description: o.name.clone(),
                    dns_name: format!("{}.{region}.amazonaws.com", o.name),
                    gateway_endpoint: false,
                    interface_endpoint: true,
                    private_dns_supported: true,
                    illustrative: false,
                    cidrs: Vec::new(),
                });
                services.len() - 1
            }
        };
        let s = &mut services[idx];
        if let Some(d) = &o.dns_name {
            s.dns_name = d.replace("{region}", region);
        }
        if let Some(v) = o.private_dns_supported {
            s.private_dns_supported = v;
        }
        if let Some(v) = o.gateway_endpoint {
            s.gateway_endpoint = v;
        }
        if let Some(v) = o.interface_endpoint {
            s.interface_endpoint = v;
        }
        if let Some(c) = &o.cidrs {
            s.cidrs = c.clone();
            // The scenario's author vouches for these ranges.
            s.illustrative = false;
        }
    }
    services
}

/// The CIDRs of a catalogue service in another Region (no scenario overrides apply there).
/// The AWS services an interface endpoint can reach in another Region (cross-Region AWS
/// PrivateLink), as the catalogue names them. Source: PrivateLink guide, "Cross-region enabled
/// AWS services", https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html
/// (IAM, Route 53, Firehose and Managed Flink are also listed there; the catalogue has none of
/// them).
pub const CROSS_REGION_SERVICES: [&str; 6] = ["s3", "ecr.api", "ecr.dkr", "kms", "ecs", "lambda"];

pub fn remote_cidrs(service: &str, region: &str) -> Option<(Vec<Ipv4Net>, bool)> {
    let s = builtin().services.iter().find(|s| s.name == service)?;
    let cidrs = s.cidrs.get(region).or_else(|| s.cidrs.get("*"))?;
    Some((cidrs.clone(), s.illustrative))
}

/// Whether the service's Regional DNS name (`service.region.amazonaws.com`, the name the
/// catalogue holds) has AAAA records. AWS: "In general, these endpoints support IPv4 traffic"
/// (<https://docs.aws.amazon.com/general/latest/gr/rande.html>, Regional endpoints); dual-stack
/// names are separate (`service.region.api.aws`, `s3.dualstack.region.amazonaws.com`:
/// <https://docs.aws.amazon.com/ec2/latest/devguide/ec2-endpoints.html>,
/// <https://docs.aws.amazon.com/AmazonS3/latest/userguide/dual-stack-endpoints.html>). The
/// exception read for this work: Amazon SQS, whose Regional name is its dual-stack name
/// (<https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dual-stack.html>).
/// Services not named here are taken as IPv4-only, as the general rule says.
pub fn regional_name_has_aaaa(service: &str) -> bool {
    const DUAL_STACK_REGIONAL_NAMES: &[&str] = &["sqs"];
    DUAL_STACK_REGIONAL_NAMES.contains(&service)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalogue_parses_and_has_the_required_services() {
        let c = builtin();
        for name in [
            "s3",
            "dynamodb",
            "ssm",
            "ssmmessages",
            "ec2messages",
            "sqs",
            "sns",
            "sts",
            "kms",
            "secretsmanager",
            "logs",
            "monitoring",
            "ecr.api",
            "ecr.dkr",
            "lambda",
        ] {
            assert!(c.services.iter().any(|s| s.name == name), "{name} missing");
        }
        let interface_only = c.services.iter().filter(|s| !s.gateway_endpoint).count();
        assert!(interface_only >= 12);
    }

    #[test]
    fn gateway_services_are_exactly_s3_and_dynamodb_with_published_ranges() {
        let gw: Vec<_> = builtin()
            .services
            .iter()
            .filter(|s| s.gateway_endpoint)
            .map(|s| (s.name.as_str(), s.illustrative))
            .collect();
        assert_eq!(gw, vec![("s3", false), ("dynamodb", false)]);
    }

    #[test]
    fn semantics_doc_ranges_are_present_for_us_east_1() {
        let svc = resolve("us-east-1", &[]);
        let s3 = svc.iter().find(|s| s.name == "s3").unwrap();
        assert!(s3.cidrs.contains(&"52.216.0.0/15".parse().unwrap()));
        assert!(s3.cidrs.contains(&"54.231.0.0/16".parse().unwrap()));
        let ddb = svc.iter().find(|s| s.name == "dynamodb").unwrap();
        assert!(ddb.cidrs.contains(&"52.94.0.0/22".parse().unwrap()));
        assert!(ddb.cidrs.contains(&"52.119.224.0/20".parse().unwrap()));
        assert!(!ddb.private_dns_supported);
        assert_eq!(s3.dns_name, "s3.us-east-1.amazonaws.com");
    }

    #[test]
    fn illustrative_ranges_do_not_overlap_each_other() {
        let svc = resolve("us-east-1", &[]);
        let all: Vec<(String, Ipv4Net)> = svc
            .iter()
            .flat_map(|s| s.cidrs.iter().map(move |c| (s.name.clone(), *c)))
            .collect();
        for (i, (a, ca)) in all.iter().enumerate() {
            for (b, cb) in &all[i + 1..] {
                assert!(
                    !(ca.contains(cb) || cb.contains(ca)),
                    "{a} {ca} overlaps {b} {cb}"
                );
            }
        }
    }

    #[test]
    fn workloads_name_catalogue_services() {
        let c = builtin();
        assert!(c.workloads.len() >= 5);
        for w in &c.workloads {
            for s in &w.services {
                assert!(c.services.iter().any(|x| &x.name == s), "{}: {s}", w.name);
            }
        }
        for g in &c.global_names {
            assert!(remote_cidrs(&g.service, &g.region).is_some(), "{}", g.name);
        }
    }

    #[test]
    fn optional_services_join_only_when_a_scenario_names_them() {
        let plain = resolve("us-east-1", &[]);
        assert!(!plain.iter().any(|s| s.name == "s3express"));
        let o = vec![ServiceOverride {
            name: "s3express".into(),
            dns_name: None,
            private_dns_supported: None,
            gateway_endpoint: None,
            interface_endpoint: None,
            cidrs: None,
        }];
        let with = resolve("us-east-1", &o);
        let x = with.iter().find(|s| s.name == "s3express").unwrap();
        assert!(x.gateway_endpoint && !x.interface_endpoint && x.illustrative);
        assert_eq!(x.dns_name, "s3express-control.us-east-1.amazonaws.com");
        assert_eq!(with.len(), plain.len() + 1);
        // Optional ranges overlap no built-in service's.
        for s in &plain {
            for c in &s.cidrs {
                for d in &x.cidrs {
                    assert!(
                        !(c.contains(d) || d.contains(c)),
                        "{} {c} overlaps {d}",
                        s.name
                    );
                }
            }
        }
    }

    #[test]
    fn overrides_replace_fields_and_add_services() {
        let o = vec![
            ServiceOverride {
                name: "sqs".into(),
                dns_name: None,
                private_dns_supported: None,
                gateway_endpoint: None,
                interface_endpoint: None,
                cidrs: Some(vec!["10.200.0.0/24".parse().unwrap()]),
            },
            ServiceOverride {
                name: "myapi".into(),
                dns_name: Some("api.example.{region}.internal".into()),
                private_dns_supported: Some(true),
                gateway_endpoint: None,
                interface_endpoint: None,
                cidrs: None,
            },
        ];
        let svc = resolve("ap-northeast-1", &o);
        let sqs = svc.iter().find(|s| s.name == "sqs").unwrap();
        assert_eq!(sqs.cidrs, vec!["10.200.0.0/24".parse::<Ipv4Net>().unwrap()]);
        assert!(!sqs.illustrative);
        let mine = svc.iter().find(|s| s.name == "myapi").unwrap();
        assert_eq!(mine.dns_name, "api.example.ap-northeast-1.internal");
    }
}
