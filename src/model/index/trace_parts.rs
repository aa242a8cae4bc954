//! The parts of a trace that depend only on the model, built once when the model is indexed:
//! each AZ's names, and each interface endpoint's network interfaces as a trace shows them. A
//! path through an endpoint whose ENIs all answer shares the endpoint's list instead of building
//! its own.

use std::net::Ipv4Addr;
use std::sync::Arc;

use compact_str::CompactString;
use serde::Serialize;

use super::EniInfo;
use crate::model::Scenario;

/// An Availability Zone as AWS names it, with its zone id when the scenario knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Az {
    pub name: CompactString,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone_id: Option<CompactString>,
}

/// One network interface of an interface endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EndpointEni {
    pub ip: Ipv4Addr,
    pub az: Az,
}

/// Each AZ of the scenario, in order.
pub(super) fn az_names(s: &Scenario) -> Vec<Az> {
    s.availability_zones
        .iter()
        .map(|a| Az {
            name: a.name.as_str().into(),
            zone_id: a.id.as_deref().map(Into::into),
        })
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
                    az: azs.get(e.az).cloned().unwrap_or(Az {
                        name: CompactString::const_new("?"),
                        zone_id: None,
                    }),
                })
                .collect()
        })
        .collect()
}
