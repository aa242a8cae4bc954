//! What the topology panel draws each subnet box from, worked out once per model rather than
//! once per frame: per subnet its instances (how many, and the first a box lists) and its
//! interface endpoint ENIs, and per AZ its subnets. A quota-sized model at 4x has 40,000
//! instances; counting them every frame cost the topology a third of its drawing.
//!
//! The summary is kept beside the parts of the model it is built from (shared `Arc`s that an
//! edit keeps when it does not touch them), so an edit that leaves them alone (failing an AZ,
//! attaching an endpoint to a table) keeps the summary, and any other model gets a fresh one.
//! Holding those `Arc`s also keeps their addresses from being reused while compared.

use std::sync::{Arc, Mutex};

use crate::model::{EniInfo, Model};

/// How many instances a subnet box lists before "… more".
pub const MAX_INSTANCES_PER_SUBNET: usize = 6;

/// Per subnet and per AZ, what the topology's boxes are made of (indexes into the model).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopologySummary {
    /// Per subnet, how many instances and the first ones a box shows (one more than it lists,
    /// to tell whether a "… more" row follows).
    pub instances: Vec<(usize, [usize; MAX_INSTANCES_PER_SUBNET + 1])>,
    /// Per subnet, its interface endpoint ENIs (endpoint, ENI), in the endpoints' order.
    pub enis: Vec<Vec<(usize, usize)>>,
    /// Per AZ, its subnets in file order.
    pub subnets_in: Vec<Vec<usize>>,
}

impl TopologySummary {
    /// Each list once, in order.
    pub fn new(model: &Model) -> TopologySummary {
        let s = model.scenario();
        let mut instances = vec![(0, [0; MAX_INSTANCES_PER_SUBNET + 1]); s.subnets.len()];
        for (i, &sub) in model.instance_subnet.iter().enumerate() {
            if let Some((n, first)) = instances.get_mut(sub) {
                if let Some(slot) = first.get_mut(*n) {
                    *slot = i;
                }
                *n += 1;
            }
        }
        let mut enis: Vec<Vec<(usize, usize)>> = vec![Vec::new(); s.subnets.len()];
        for e_i in 0..s.interface_endpoints.len() {
            for (k, eni) in model.endpoint_enis(e_i).iter().enumerate() {
                if let Some(list) = enis.get_mut(eni.subnet) {
                    list.push((e_i, k));
                }
            }
        }
        let mut subnets_in: Vec<Vec<usize>> = vec![Vec::new(); s.availability_zones.len()];
        for (sub_i, &az) in model.subnet_az.iter().enumerate() {
            if let Some(list) = subnets_in.get_mut(az) {
                list.push(sub_i);
            }
        }
        TopologySummary {
            instances,
            enis,
            subnets_in,
        }
    }
}

/// The model parts a summary is built from, and the counts that size it.
#[derive(Debug, Clone)]
struct Key {
    instance_subnet: Arc<Vec<usize>>,
    endpoint_enis: Arc<Vec<Vec<EniInfo>>>,
    subnet_az: Arc<Vec<usize>>,
    /// Subnets, AZs and interface endpoints.
    counts: [usize; 3],
}

impl Key {
    fn of(model: &Model) -> Key {
        let s = model.scenario();
        Key {
            instance_subnet: model.instance_subnet.clone(),
            endpoint_enis: model.endpoint_enis.clone(),
            subnet_az: model.subnet_az.clone(),
            counts: [
                s.subnets.len(),
                s.availability_zones.len(),
                s.interface_endpoints.len(),
            ],
        }
    }

    fn fits(&self, model: &Model) -> bool {
        let s = model.scenario();
        Arc::ptr_eq(&self.instance_subnet, &model.instance_subnet)
            && Arc::ptr_eq(&self.endpoint_enis, &model.endpoint_enis)
            && Arc::ptr_eq(&self.subnet_az, &model.subnet_az)
            && self.counts
                == [
                    s.subnets.len(),
                    s.availability_zones.len(),
                    s.interface_endpoints.len(),
                ]
    }
}

/// The last summary made and what it was made from. A clone of the app starts with the same
/// summary (shared) and keeps its own from then on.
#[derive(Debug, Default)]
pub struct TopologyCache(Mutex<Option<(Key, Arc<TopologySummary>)>>);

impl Clone for TopologyCache {
    fn clone(&self) -> TopologyCache {
        TopologyCache(Mutex::new(self.slot().clone()))
    }
}

impl TopologyCache {
    fn slot(&self) -> std::sync::MutexGuard<'_, Option<(Key, Arc<TopologySummary>)>> {
        // A panic while the lock was held left either the old entry or none: both are valid.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The summary of `model`: the kept one when it was made from the same parts, else a new
    /// one (kept for the next frame).
    pub fn get(&self, model: &Model) -> Arc<TopologySummary> {
        let mut slot = self.slot();
        if let Some((key, summary)) = slot.as_ref()
            && key.fits(model)
        {
            return summary.clone();
        }
        let summary = Arc::new(TopologySummary::new(model));
        *slot = Some((Key::of(model), summary.clone()));
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, load_file};

    /// After edits that keep the parts (failing an AZ, attaching a gateway endpoint) and edits
    /// that change them (removing an endpoint's subnet, deleting an
    /// interface endpoint), the kept summary is the
    /// one made afresh; and one that keeps the parts is the same allocation, not a rebuild.
    #[test]
    fn the_cached_summary_is_a_fresh_one_after_edits() {
        let mut kept = 0;
        let mut rebuilt = 0;
        for (file, model) in crate::model::shipped_scenarios() {
            let cache = TopologyCache::default();
            let first = cache.get(&model);
            assert_eq!(*first, TopologySummary::new(&model), "{file:?}");
            let s = model.scenario().clone();
            let mut edits: Vec<Edit> = s
                .availability_zones
                .iter()
                .map(|a| Edit::FailAz { az: a.name.clone() })
                .collect();
            for g in &s.gateway_endpoints {
                for t in &s.route_tables {
                    edits.push(Edit::AttachGatewayEndpoint {
                        endpoint: g.id.clone(),
                        route_table: t.id.clone(),
                        position: None,
                    });
                }
            }
            for e in &s.interface_endpoints {
                for sub in &e.subnets {
                    edits.push(Edit::RemoveEndpointSubnet {
                        endpoint: e.id.clone(),
                        subnet: sub.subnet.clone(),
                    });
                }
            }
            edits.extend(
                s.interface_endpoints
                    .iter()
                    .map(|e| Edit::DeleteInterfaceEndpoint { id: e.id.clone() }),
            );
            let mut at = model.clone();
            for edit in edits {
                let Ok((next, _)) = edit.apply(&at) else {
                    continue;
                };
                let before = cache.get(&at);
                let got = cache.get(&next);
                assert_eq!(*got, TopologySummary::new(&next), "{file:?} {edit:?}");
                if Arc::ptr_eq(&before, &got) {
                    kept += 1;
                } else {
                    rebuilt += 1;
                }
                // A clone of the cache answers alike.
                assert_eq!(*cache.clone().get(&next), *got);
                at = next;
            }
        }
        assert!(kept > 0, "some edits keep the summary");
        assert!(rebuilt > 0, "some edits rebuild it");
    }

    #[test]
    fn a_model_loaded_again_gets_its_own_summary() {
        let file = std::path::Path::new("scenarios/private-only.ron");
        let (a, b) = (
            load_file(file).expect("loads"),
            load_file(file).expect("loads"),
        );
        let cache = TopologyCache::default();
        let first = cache.get(&a);
        let second = cache.get(&b);
        assert!(!Arc::ptr_eq(&first, &second), "a different model's parts");
        assert_eq!(first, second);
    }
}
