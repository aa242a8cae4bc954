//! On/off attributes: an instance's public IP and the VPC's DNS support and DNS hostnames.

use super::lookup::find_instance;
use super::{Edit, EditError};
use crate::model::Scenario;

/// Apply an attribute edit to `s` and return its exact inverse.
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::SetInstancePublicIp {
            instance,
            public_ip,
        } => {
            let i = find_instance(s, instance)?;
            let old = std::mem::replace(&mut s.instances[i].public_ip, *public_ip);
            Edit::SetInstancePublicIp {
                instance: instance.clone(),
                public_ip: old,
            }
        }
        Edit::SetDnsSupport { enabled } => Edit::SetDnsSupport {
            enabled: std::mem::replace(&mut s.vpc.enable_dns_support, *enabled),
        },
        Edit::SetDnsHostnames { enabled } => Edit::SetDnsHostnames {
            enabled: std::mem::replace(&mut s.vpc.enable_dns_hostnames, *enabled),
        },
        _ => unreachable!("not an attribute edit: {edit:?}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::test_support::not_found;
    use crate::model::edit::test_support::*;

    #[test]
    fn attribute_switches() {
        let m = kitchen();
        let (after, inverse) = round_trip(
            &m,
            &Edit::SetInstancePublicIp {
                instance: "app".into(),
                public_ip: true,
            },
        );
        assert!(after.scenario().instances[1].public_ip);
        assert_eq!(
            inverse,
            Edit::SetInstancePublicIp {
                instance: "app".into(),
                public_ip: false
            }
        );
        // DNS hostnames need DNS support (ModifyVpcAttribute): support cannot go off first.
        let refused = Edit::SetDnsSupport { enabled: false }.apply(&m);
        assert!(
            refused.is_err_and(|e| e.to_string().contains("dns_hostnames_without_support")),
            "turning DNS support off under DNS hostnames is refused"
        );
        let (after, _) = round_trip(&m, &Edit::SetDnsHostnames { enabled: false });
        assert!(!after.scenario().vpc.enable_dns_hostnames);
        let (after, _) = round_trip(&after, &Edit::SetDnsSupport { enabled: false });
        assert!(!after.scenario().vpc.enable_dns_support);
        let (after, _) = round_trip(
            &m,
            &Edit::SetGwlbAppliancesUp {
                endpoint: "vpce-gwlb-a".into(),
                up: false,
            },
        );
        assert!(!after.scenario().gwlb_endpoints[0].appliances_up);
        assert_eq!(
            not_found(
                &m,
                &Edit::SetGwlbAppliancesUp {
                    endpoint: "vpce-gwlb-z".into(),
                    up: true
                }
            ),
            "no Gateway Load Balancer endpoint vpce-gwlb-z; Gateway Load Balancer endpoints: \
             vpce-gwlb-a"
        );
        assert_eq!(
            not_found(
                &m,
                &Edit::SetInstancePublicIp {
                    instance: "i-z".into(),
                    public_ip: true
                }
            ),
            "no instance i-z; instances: i-web, i-app"
        );
    }
}
