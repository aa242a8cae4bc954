//! Each object's id as a trace names it (`crate::eval::facts::Id`), made once when the model is
//! indexed. A trace copies these (an id of up to 24 bytes is kept inline, so a copy is a few
//! machine words) instead of making each from the scenario's text on every evaluation: making
//! one zeroes a buffer, sets its length and copies the bytes with a call, and a path through a
//! NAT gateway names some fifteen ids.

use std::sync::Arc;

use compact_str::CompactString;

use crate::model::Scenario;
use crate::model::catalogue::Service;
use crate::model::parts::{Parts, Touched};

/// The ids of the objects most paths name, by their index in the scenario (services: by their
/// index in the model's list). Each list is shared, and kept by an edit that did not touch the
/// objects it was made from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct ObjectIds {
    pub subnets: Arc<[CompactString]>,
    pub tables: Arc<[CompactString]>,
    pub nat_gateways: Arc<[CompactString]>,
    pub interface_endpoints: Arc<[CompactString]>,
    /// The VPC's internet gateway, if it has one.
    pub internet_gateway: Option<CompactString>,
    /// Each service's name (`s3`, `ssm`).
    pub services: Arc<[CompactString]>,
    /// Each instance's id and name.
    pub instances: Arc<[(CompactString, Option<CompactString>)]>,
}

fn of<'a>(ids: impl Iterator<Item = &'a String>) -> Arc<[CompactString]> {
    ids.map(|id| CompactString::from(id.as_str())).collect()
}

impl ObjectIds {
    /// The ids of `s` and `services`; after an edit (`previous`), the lists of objects it did
    /// not touch are the previous model's.
    pub(super) fn build(
        s: &Scenario,
        services: &[Service],
        previous: Option<(&ObjectIds, &Touched)>,
    ) -> ObjectIds {
        let keep = |parts: Parts| previous.filter(|(_, t)| !t.parts.intersects(parts));
        let keep = |parts: Parts| keep(parts).map(|(ids, _)| ids);
        ObjectIds {
            subnets: keep(Parts::SUBNETS).map_or_else(
                || of(s.subnets.iter().map(|x| &x.id)),
                |ids| ids.subnets.clone(),
            ),
            tables: keep(Parts::TABLES).map_or_else(
                || of(s.route_tables.iter().map(|x| &x.id)),
                |ids| ids.tables.clone(),
            ),
            nat_gateways: keep(Parts::NAT_GATEWAYS).map_or_else(
                || of(s.nat_gateways.iter().map(|x| &x.id)),
                |ids| ids.nat_gateways.clone(),
            ),
            interface_endpoints: keep(Parts::INTERFACE_ENDPOINTS).map_or_else(
                || of(s.interface_endpoints.iter().map(|x| &x.id)),
                |ids| ids.interface_endpoints.clone(),
            ),
            internet_gateway: (s.internet_gateway.as_ref())
                .map(|g| CompactString::from(g.id.as_str())),
            // The services change only with the Region (`Model::rebuild_with`).
            services: keep(Parts::REGION).map_or_else(
                || of(services.iter().map(|x| &x.name)),
                |ids| ids.services.clone(),
            ),
            instances: keep(Parts::INSTANCES).map_or_else(
                || {
                    (s.instances.iter())
                        .map(|i| {
                            let name = i.name.as_deref().map(CompactString::from);
                            (CompactString::from(i.id.as_str()), name)
                        })
                        .collect()
                },
                |ids| ids.instances.clone(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list holds the scenario's ids in its order, for every shipped scenario.
    #[test]
    fn the_ids_are_the_scenarios_in_order() {
        for (name, model) in crate::model::shipped_scenarios() {
            let s = model.scenario();
            let ids = &model.ids;
            let same = |ids: &[CompactString], texts: Vec<&str>| {
                ids.len() == texts.len() && ids.iter().zip(&texts).all(|(a, b)| a == b)
            };
            assert!(
                same(
                    &ids.subnets,
                    s.subnets.iter().map(|x| x.id.as_str()).collect()
                ),
                "{}",
                name.display()
            );
            assert!(
                same(
                    &ids.tables,
                    s.route_tables.iter().map(|x| x.id.as_str()).collect()
                ),
                "{}",
                name.display()
            );
            let nats = s.nat_gateways.iter().map(|x| x.id.as_str()).collect();
            assert!(same(&ids.nat_gateways, nats), "{}", name.display());
            let endpoints = s
                .interface_endpoints
                .iter()
                .map(|x| x.id.as_str())
                .collect();
            assert!(
                same(&ids.interface_endpoints, endpoints),
                "{}",
                name.display()
            );
            let services = model.services().iter().map(|x| x.name.as_str()).collect();
            assert!(same(&ids.services, services), "{}", name.display());
            assert_eq!(
                ids.internet_gateway.as_deref(),
                s.internet_gateway.as_ref().map(|g| g.id.as_str()),
                "{}",
                name.display()
            );
            assert_eq!(ids.instances.len(), s.instances.len(), "{}", name.display());
            for ((id, n), i) in ids.instances.iter().zip(&s.instances) {
                assert_eq!(
                    (id.as_str(), n.as_deref()),
                    (i.id.as_str(), i.name.as_deref())
                );
            }
        }
    }
}
