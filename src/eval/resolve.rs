//! A query resolved against the model: its source (an instance, a subnet, an address; with the
//! source's subnet, public IP and security groups) and its destination (a service, another
//! Region's service, a global name, an address, a workload). Unknown names are a
//! [`QueryError`] that lists what is known.

use ipnet::Ipv4Net;

use crate::model::{Model, catalogue};

use super::ctx::Source;
use super::facts::*;
use super::query::{From, QueryError, To};

/// What a query's destination stands for, resolved against the model and the catalogue.
#[derive(Debug, Clone)]
pub(crate) enum Goal {
    Service(usize),
    Remote {
        service: String,
        region: String,
        cidrs: Vec<Ipv4Net>,
        illustrative: bool,
    },
    Global {
        name: String,
        service: String,
        region: String,
        cidrs: Vec<Ipv4Net>,
    },
    Address(Ipv4Net),
    /// An IPv6 destination: evaluated by `super::ipv6` only.
    Address6(ipnet::Ipv6Net),
    Workload(String, Vec<usize>),
    /// An S3 Express One Zone directory bucket in zone `zone` (an AZ ID), reached by the public
    /// ranges of `s3express` (the scenario's, when it opted into the service).
    DirectoryBucket {
        bucket: String,
        zone: String,
        cidrs: Vec<Ipv4Net>,
        illustrative: bool,
    },
}

fn names<'a>(items: impl Iterator<Item = &'a str>) -> Vec<String> {
    items.map(str::to_string).collect()
}

pub(crate) fn resolve_goal(model: &Model, to: &To) -> Result<Goal, QueryError> {
    // The usual query, a service of the model's own: one lookup, nothing else made.
    if let To::Service(name) = to
        && let Some(&svc) = model.service_lookup.get(name.as_str())
    {
        return Ok(Goal::Service(svc));
    }
    let service = |name: &str| {
        model
            .service_lookup
            .get(name)
            .copied()
            .ok_or_else(|| QueryError::UnknownService {
                name: name.to_string(),
                known: names(model.services().iter().map(|s| s.name.as_str())),
            })
    };
    Ok(match to {
        To::Service(name) => Goal::Service(service(name)?),
        To::RemoteService {
            service: name,
            region,
        } => {
            if region == &model.scenario().region {
                return Ok(Goal::Service(service(name)?));
            }
            service(name)?;
            let Some((cidrs, illustrative)) = catalogue::remote_cidrs(name, region) else {
                let known = catalogue::builtin()
                    .services
                    .iter()
                    .find(|s| &s.name == name)
                    .map(|s| names(s.cidrs.keys().map(String::as_str)))
                    .unwrap_or_default();
                return Err(QueryError::UnknownRegion {
                    service: name.clone(),
                    region: region.clone(),
                    known,
                });
            };
            Goal::Remote {
                service: name.clone(),
                region: region.clone(),
                cidrs,
                illustrative,
            }
        }
        To::Name(name) => {
            let globals = &catalogue::builtin().global_names;
            let Some(g) = globals.iter().find(|g| &g.name == name) else {
                return Err(QueryError::UnknownName {
                    name: name.clone(),
                    known: names(globals.iter().map(|g| g.name.as_str())),
                });
            };
            // In the scenario's own Region the scenario's view of the service applies.
            let cidrs = if g.region == model.scenario().region {
                model
                    .service(&g.service)
                    .map(|s| s.cidrs.clone())
                    .unwrap_or_default()
            } else {
                catalogue::remote_cidrs(&g.service, &g.region)
                    .map(|(c, _)| c)
                    .unwrap_or_default()
            };
            Goal::Global {
                name: name.clone(),
                service: g.service.clone(),
                region: g.region.clone(),
                cidrs,
            }
        }
        To::Address(net) => Goal::Address(*net),
        To::Address6(net) => Goal::Address6(*net),
        To::DirectoryBucket(bucket) => {
            let Some(zone) = crate::model::directory_bucket_zone(bucket) else {
                return Err(QueryError::BadDirectoryBucket {
                    name: bucket.clone(),
                });
            };
            let region = &model.scenario().region;
            let (cidrs, illustrative) = match model.service(crate::model::S3EXPRESS) {
                Some(s) => (s.cidrs.clone(), s.illustrative),
                None => catalogue::optional_service(crate::model::S3EXPRESS, region)
                    .map(|s| (s.cidrs, s.illustrative))
                    .unwrap_or_default(),
            };
            Goal::DirectoryBucket {
                bucket: bucket.clone(),
                zone: zone.to_string(),
                cidrs,
                illustrative,
            }
        }
        To::Workload(name) => {
            let workloads = model.workloads();
            let Some(w) = workloads.iter().find(|w| &w.name == name) else {
                return Err(QueryError::UnknownWorkload {
                    name: name.clone(),
                    known: names(workloads.iter().map(|w| w.name.as_str())),
                });
            };
            let parts = w
                .services
                .iter()
                .map(|s| service(s))
                .collect::<Result<Vec<_>, _>>()?;
            Goal::Workload(name.clone(), parts)
        }
    })
}

pub(crate) fn resolve_source(model: &Model, from: &From) -> Result<Source, QueryError> {
    let s = model.scenario();
    let subnets = || names(s.subnets.iter().map(|s| s.id.as_str()));
    match from {
        From::Instance(name) => {
            let i = model
                .instance_index(name)
                .ok_or_else(|| QueryError::UnknownInstance {
                    name: name.clone(),
                    known: s
                        .instances
                        .iter()
                        .map(|i| (i.id.clone(), i.name.clone()))
                        .collect(),
                })?;
            let inst = &s.instances[i];
            // The model made the ids once: copied, not made from the scenario's text.
            let (id, name) = &model.ids.instances[i];
            // Worked out when the model was indexed (0 for an unknown subnet, which validation
            // refuses).
            let subnet = model.instance_subnet[i];
            Ok(Source {
                origin: Origin::Instance {
                    id: id.clone(),
                    name: name.clone(),
                },
                subnet,
                public_ip: inst.public_ip,
                address: match inst.private_ip {
                    Some(ip) => Ipv4Net::from(ip),
                    None => s
                        .subnets
                        .get(subnet)
                        .map(|x| x.ipv4_or_none())
                        .unwrap_or_default(),
                },
                groups: crate::model::GroupSet::from_slice(&model.security().instance_groups[i]),
            })
        }
        From::Subnet { subnet, public_ip } => {
            let si = model
                .subnet_index(subnet)
                .ok_or_else(|| QueryError::UnknownSubnet {
                    name: subnet.clone(),
                    known: subnets(),
                })?;
            Ok(Source {
                origin: Origin::Subnet {
                    id: model.ids.subnets[si].clone(),
                    public_ip: *public_ip,
                },
                subnet: si,
                public_ip: *public_ip,
                address: s.subnets[si].ipv4_or_none(),
                // A new interface without groups named gets the VPC's default group.
                groups: smallvec::smallvec![model.security().default_group],
            })
        }
        From::Address6(ip) => {
            // The instance that holds it, else a new interface in the subnet whose IPv6 block
            // holds it.
            if let Some(i) = s.instances.iter().find(|i| i.ipv6_address == Some(*ip)) {
                return resolve_source(model, &From::Instance(i.id.clone()));
            }
            let si = s
                .subnets
                .iter()
                .position(|x| x.ipv6_cidr.is_some_and(|c| c.contains(ip)))
                .ok_or_else(|| QueryError::AddressOutsideSubnets {
                    address: std::net::IpAddr::V6(*ip),
                    known: subnets(),
                })?;
            let subnet = s.subnets[si].id.clone();
            resolve_source(
                model,
                &From::Subnet {
                    subnet,
                    public_ip: false,
                },
            )
        }
        From::Address(ip) => {
            let si = s
                .subnets
                .iter()
                .position(|x| x.has_ipv4(*ip))
                .ok_or_else(|| QueryError::AddressOutsideSubnets {
                    address: std::net::IpAddr::V4(*ip),
                    known: subnets(),
                })?;
            // An instance at that address lends its public IP, name and security groups; an
            // appliance interface there, its groups.
            let sec = model.security();
            let at = s.instances.iter().position(|i| i.private_ip == Some(*ip));
            let inst = at.map(|i| &s.instances[i]);
            let groups = match at {
                Some(i) => sec.instance_groups[i].clone(),
                None => s
                    .network_interfaces
                    .iter()
                    .position(|n| n.ip == Some(*ip))
                    .map(|n| sec.eni_groups[n].clone())
                    .unwrap_or_else(|| smallvec::smallvec![sec.default_group]),
            };
            Ok(Source {
                origin: Origin::Address {
                    id: *ip,
                    instance: inst.map(|i| Id::from(i.id.as_str())),
                },
                subnet: si,
                public_ip: inst.is_some_and(|i| i.public_ip),
                address: Ipv4Net::from(*ip),
                groups,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A service of the model's own resolves to its index (the lookup before the general
    /// path); a name the model does not have is still the general path's error, listing them.
    #[test]
    fn a_service_resolves_to_its_own_index() {
        for (_, model) in crate::model::shipped_scenarios() {
            for (i, s) in model.services().iter().enumerate() {
                let goal = resolve_goal(&model, &To::Service(s.name.clone()));
                assert!(matches!(goal, Ok(Goal::Service(g)) if g == i), "{}", s.name);
            }
            match resolve_goal(&model, &To::Service("no-such-service".into())) {
                Err(QueryError::UnknownService { name, known }) => {
                    assert_eq!(name, "no-such-service");
                    assert_eq!(known.len(), model.services().len());
                }
                other => panic!("not unknown: {other:?}"),
            }
        }
    }
}
