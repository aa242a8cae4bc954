//! Gateway Load Balancers (aws-semantics.md §5): appliance health, cross-zone load balancing,
//! and the appliances behind one GWLB endpoint.

use super::lookup::{az_index, find_az, find_gwlb, find_load_balancer};
use super::{Edit, EditError};
use crate::model::{Diagnostic, Scenario};

/// Apply a Gateway Load Balancer edit to `s` and return its exact inverse.
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::SetApplianceHealth {
            load_balancer,
            az,
            healthy,
        } => {
            let l = find_load_balancer(s, load_balancer)?;
            let wanted = find_az(s, az)?;
            let Some(a) = s.gateway_load_balancers[l]
                .appliances
                .iter()
                .position(|x| az_index(s, &x.az) == Some(wanted))
            else {
                return Err(EditError::missing(
                    Diagnostic::error(load_balancer, "no_appliances")
                        .s("gwlb", load_balancer)
                        .s("az", az),
                ));
            };
            let old = std::mem::replace(
                &mut s.gateway_load_balancers[l].appliances[a].healthy,
                *healthy,
            );
            Edit::SetApplianceHealth {
                load_balancer: load_balancer.clone(),
                az: az.clone(),
                healthy: old,
            }
        }
        Edit::SetCrossZoneLoadBalancing {
            load_balancer,
            enabled,
        } => {
            let l = find_load_balancer(s, load_balancer)?;
            let old = std::mem::replace(
                &mut s.gateway_load_balancers[l].cross_zone_load_balancing,
                *enabled,
            );
            Edit::SetCrossZoneLoadBalancing {
                load_balancer: load_balancer.clone(),
                enabled: old,
            }
        }
        Edit::SetGwlbAppliancesUp { endpoint, up } => {
            let i = find_gwlb(s, endpoint)?;
            let old = std::mem::replace(&mut s.gwlb_endpoints[i].appliances_up, *up);
            Edit::SetGwlbAppliancesUp {
                endpoint: endpoint.clone(),
                up: old,
            }
        }
        _ => unreachable!("not a Gateway Load Balancer edit: {edit:?}"),
    })
}
