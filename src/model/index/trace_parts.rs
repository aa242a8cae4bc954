//! The parts of a trace that depend only on the model, built once when the model is indexed:
//! each AZ's names, and each interface endpoint's network interfaces as a trace shows them. A
//! path through an endpoint whose ENIs all answer shares the endpoint's list instead of building
//! its own.

use std::net::Ipv4Addr;
use std::sync::Arc;

use compact_str::CompactString;
use serde::Serialize;

use super::{CompiledRoute, EniInfo};
use crate::model::Scenario;

/// An Availability Zone as AWS names it, with its zone id when the scenario knows it. A hop's
/// AZ is one pointer (a hop stays small to copy), and its fields read as before through `Deref`
/// (`az.name`, `az.zone_id`).
///
/// Kept once per distinct pair of names for the life of the process, as [`lasting_id`] keeps
/// long ids (a Region has a few AZs, however many models are built): copying or dropping an AZ
/// touches no reference count. It was an `Arc`, and a NAT gateway path's two AZs cost four
/// atomic read-modify-writes per trace (each some 20 cycles, with the store buffer drained).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Az(&'static AzNames);

/// The names of an [`Az`].
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct AzNames {
    pub name: CompactString,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone_id: Option<CompactString>,
}

impl Az {
    /// The AZ of these names: the one kept already, or kept now. Models make theirs once
    /// (`az_names`); a path never makes one.
    pub fn new(name: CompactString, zone_id: Option<CompactString>) -> Az {
        use std::collections::BTreeSet;
        use std::sync::{Mutex, PoisonError};
        static KEPT: Mutex<BTreeSet<&'static AzNames>> = Mutex::new(BTreeSet::new());
        let names = AzNames { name, zone_id };
        let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
        match kept.get(&names) {
            Some(&k) => Az(k),
            None => {
                let k: &'static AzNames = Box::leak(Box::new(names));
                kept.insert(k);
                Az(k)
            }
        }
    }
}

impl std::ops::Deref for Az {
    type Target = AzNames;

    fn deref(&self) -> &AzNames {
        self.0
    }
}

/// As the plain struct it was: `{"name": …, "zone_id": …}`.
impl Serialize for Az {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl std::fmt::Debug for Az {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Az")
            .field("name", &self.name)
            .field("zone_id", &self.zone_id)
            .finish()
    }
}

/// One network interface of an interface endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EndpointEni {
    pub ip: Ipv4Addr,
    pub az: Az,
}

/// A route as a table holds it: `destination → target`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Route {
    /// As written: `0.0.0.0/0`, `pl-s3`, `10.0.0.0/16`.
    pub destination: CompactString,
    /// A target id, or `local` / `blackhole`.
    pub target: CompactString,
}

impl Route {
    /// A compiled route, with its destination as the table wrote it.
    pub(crate) fn of(r: &CompiledRoute, written: &CompactString) -> Route {
        Route {
            destination: written.clone(),
            target: super::route_select::target_text(&r.target),
        }
    }
}

/// How many of a table's routes a trace names when no route matches (a quota-sized table has
/// a thousand: the trace names a few and counts the rest).
pub const SHOWN_ROUTES: usize = 8;

/// A table's first [`SHOWN_ROUTES`] routes as a trace names them, made once when the table is
/// compiled and shared by every path that finds no route in it.
pub(super) fn shown_routes(routes: &[CompiledRoute], written: &[CompactString]) -> Arc<[Route]> {
    routes
        .iter()
        .zip(written)
        .take(SHOWN_ROUTES)
        .map(|(r, w)| Route::of(r, w))
        .collect()
}

/// An id that a trace copies without allocating: inline when it fits (24 bytes), otherwise a
/// `&'static str` kept once per distinct text for the life of the process. Only for texts a
/// model holds a few of and every trace names, such as services' DNS names (a few dozen,
/// however many models are built): each is kept once, never once per model or per trace.
pub(crate) fn lasting_id(text: &str) -> CompactString {
    use std::collections::BTreeSet;
    use std::sync::{Mutex, PoisonError};
    const INLINE: usize = std::mem::size_of::<CompactString>();
    static KEPT: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    if text.len() <= INLINE {
        return CompactString::from(text);
    }
    let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    let text: &'static str = match kept.get(text) {
        Some(&t) => t,
        None => {
            let t: &'static str = Box::leak(text.into());
            kept.insert(t);
            t
        }
    };
    CompactString::const_new(text)
}

/// Each service's DNS name as a trace's id ([`lasting_id`]).
pub(super) fn service_dns_ids(services: &[crate::model::catalogue::Service]) -> Vec<CompactString> {
    services.iter().map(|s| lasting_id(&s.dns_name)).collect()
}

/// Why a name resolved to public addresses although the VPC has something for it (a fact of a
/// trace's DNS hop, `crate::eval::facts::DnsAnswer::Public`). Here, not in `eval`, because the
/// model makes the commonest one once per service ([`NoPrivateDns`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PublicWhy {
    /// The interface endpoint's private DNS is off.
    PrivateDnsOff { endpoint: CompactString },
    /// The service's interface endpoints have no private DNS (DynamoDB).
    PrivateDnsUnsupported { endpoint: CompactString },
    /// Private DNS is on but `enableDnsHostnames` is off.
    DnsHostnamesOff { endpoint: CompactString },
    /// Private DNS only for queries through the inbound Resolver endpoint.
    InboundResolverOnly { endpoint: CompactString },
    /// The name is in another Region, which no endpoint of this VPC covers.
    OtherRegion {
        region: CompactString,
        home: CompactString,
    },
    /// A global name that Regional private DNS does not cover.
    GlobalName { region: CompactString },
    /// The Zonal endpoint of an S3 Express One Zone directory bucket in zone `zone`: S3
    /// Express is reached by its public addresses (through a gateway endpoint's route, or
    /// whatever route takes them).
    DirectoryBucket { zone: CompactString },
}

/// The facts of the note `private_dns_unsupported` (`crate::eval::facts::Note`): the
/// service's interface endpoint `endpoint` exists, but the service has no private DNS, so
/// `name` resolves to the public addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrivateDnsUnsupportedNote {
    pub service: CompactString,
    pub name: CompactString,
    pub endpoint: CompactString,
}

/// The facts of the note `private_dns_off` (`crate::eval::facts::Note`): the service's
/// interface endpoint `endpoint` has private DNS off, so `name` resolves to the public
/// addresses. Here, not in `eval`, because the model makes it once per service
/// ([`NoPrivateDns`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrivateDnsOffNote {
    pub endpoint: CompactString,
    pub name: CompactString,
}

/// The note of a path that asks a service's own name and gets the public answer although the
/// service has an interface endpoint here ([`NoPrivateDns`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoPrivateDnsNote {
    /// The service has no private DNS (DynamoDB): `private_dns_unsupported`.
    Unsupported(Arc<PrivateDnsUnsupportedNote>),
    /// No endpoint for the service has private DNS on: `private_dns_off`.
    Off(Arc<PrivateDnsOffNote>),
    /// The endpoint's private DNS answers queries through the inbound Resolver endpoint only:
    /// `inbound_resolver_only` (that note names the endpoint alone, kept inline, and is made
    /// by the DNS rule; the reason is shared).
    InboundResolverOnly,
}

/// For a service with an interface endpoint in this Region whose own name still resolves to
/// the public addresses (aws-semantics.md §3): the service has no private DNS (DynamoDB),
/// none of its endpoints has private DNS on, or the one that answers privately does so for
/// the inbound Resolver endpoint only. The note and the public answer's reason of a path that
/// asks the service's own name, made once per model and shared by every such path, which
/// otherwise allocated them on each evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoPrivateDns {
    /// The interface endpoint the note names: the service's first, or (inbound Resolver only)
    /// its first with private DNS on.
    pub endpoint: usize,
    pub note: NoPrivateDnsNote,
    pub why: Arc<PublicWhy>,
}

/// Per service, its [`NoPrivateDns`] (none: its name resolves privately, or it has no
/// endpoint here). `endpoints` is the model's list of each service's interface endpoints,
/// `dns` their DNS names ([`service_dns_ids`]).
pub(super) fn no_private_dns(
    services: &[crate::model::catalogue::Service],
    endpoints: &[Vec<usize>],
    dns: &[CompactString],
    s: &Scenario,
) -> Vec<Option<NoPrivateDns>> {
    services
        .iter()
        .zip(endpoints.iter().zip(dns))
        .map(|(svc, (endpoints, name))| {
            let &e = endpoints.first()?;
            let endpoint = CompactString::from(s.interface_endpoints[e].id.as_str());
            if !svc.private_dns_supported {
                return Some(NoPrivateDns {
                    endpoint: e,
                    note: NoPrivateDnsNote::Unsupported(Arc::new(PrivateDnsUnsupportedNote {
                        service: CompactString::from(svc.name.as_str()),
                        name: name.clone(),
                        endpoint: endpoint.clone(),
                    })),
                    why: Arc::new(PublicWhy::PrivateDnsUnsupported { endpoint }),
                });
            }
            // The first endpoint with private DNS on answers the name, unless it does so for
            // the inbound Resolver endpoint only.
            if let Some(&p) = endpoints
                .iter()
                .find(|&&e| s.interface_endpoints[e].private_dns)
            {
                let ie = &s.interface_endpoints[p];
                if !ie.private_dns_only_for_inbound_resolver_endpoint {
                    return None;
                }
                let endpoint = CompactString::from(ie.id.as_str());
                return Some(NoPrivateDns {
                    endpoint: p,
                    note: NoPrivateDnsNote::InboundResolverOnly,
                    why: Arc::new(PublicWhy::InboundResolverOnly { endpoint }),
                });
            }
            Some(NoPrivateDns {
                endpoint: e,
                note: NoPrivateDnsNote::Off(Arc::new(PrivateDnsOffNote {
                    endpoint: endpoint.clone(),
                    name: name.clone(),
                })),
                why: Arc::new(PublicWhy::PrivateDnsOff { endpoint }),
            })
        })
        .collect()
}

/// Each AZ of the scenario, in order.
pub(super) fn az_names(s: &Scenario) -> Vec<Az> {
    s.availability_zones
        .iter()
        .map(|a| Az::new(a.name.as_str().into(), a.id.as_deref().map(Into::into)))
        .collect()
}

/// Each endpoint's ENIs in scenario order, as facts (an unknown AZ is named `?`, as
/// `Model::az_name` names it; validation has reported it).
pub(super) fn endpoint_eni_facts(enis: &[Vec<EniInfo>], azs: &[Az]) -> Vec<Arc<[EndpointEni]>> {
    enis.iter()
        .map(|list| {
            list.iter()
                .map(|e| EndpointEni {
                    ip: e.ip,
                    az: azs
                        .get(e.az)
                        .cloned()
                        .unwrap_or_else(|| Az::new(CompactString::const_new("?"), None)),
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An AZ's names are kept once: made again (by another model, say), it is the same kept
    /// value; other names, or the same name with another zone id, are another AZ.
    #[test]
    fn an_az_is_kept_once_per_pair_of_names() {
        let name = || CompactString::from("eu-west-3c");
        let a = Az::new(name(), Some("euw3-az3".into()));
        let b = Az::new(name(), Some("euw3-az3".into()));
        assert_eq!(a, b);
        assert!(std::ptr::eq(&*a, &*b), "kept once");
        let other_id = Az::new(name(), None);
        let other_name = Az::new("eu-west-3a".into(), Some("euw3-az3".into()));
        for other in [other_id, other_name] {
            assert_ne!(a, other);
            assert!(!std::ptr::eq(&*a, &*other));
        }
        assert_eq!(
            (a.name.as_str(), a.zone_id.as_deref()),
            ("eu-west-3c", Some("euw3-az3"))
        );
        assert_eq!(other_id.zone_id, None);
    }

    /// Two models of one scenario name their AZs with the same kept values, as a trace's hops
    /// and an endpoint's ENIs show them.
    #[test]
    fn models_of_one_scenario_share_their_azs() {
        let (_, model) = crate::model::shipped_scenarios()
            .into_iter()
            .next()
            .expect("a shipped scenario");
        let again = crate::model::Model::new(model.scenario().clone()).expect("it loads again");
        assert!(!model.az_names.is_empty());
        assert_eq!(model.az_names.len(), again.az_names.len());
        for (a, b) in model.az_names.iter().zip(again.az_names.iter()) {
            assert!(std::ptr::eq(&**a, &**b), "{}", a.name);
        }
        let names: Vec<&str> = model.az_names.iter().map(|a| a.name.as_str()).collect();
        let scenario: Vec<&str> = (model.scenario().availability_zones.iter())
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(names, scenario);
    }
}
