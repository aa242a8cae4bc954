//! `endpoint_enis_all_failed` and private DNS off: an ENI in a healthy AZ's subnet, private DNS
//! turned on, or (for a service without one) a new interface endpoint with a placeholder id.

use super::context::Context;
use super::{Candidates, PLACEHOLDER_MARK};
use crate::eval::Stop;
use crate::model::{Edit, EndpointSubnet, InterfaceEndpoint};

pub(crate) fn candidates(ctx: &Context<'_>, out: &mut Candidates) {
    let s = ctx.model.scenario();
    for stop in &ctx.stops {
        if let Stop::EnisAllFailed { endpoint, .. } | Stop::EndpointWithoutEnis { endpoint, .. } =
            stop
        {
            enis_in_healthy_azs(ctx, endpoint, out);
        }
    }
    for service in &ctx.services {
        let Some(svc) = ctx.model.service(service) else {
            continue;
        };
        let mine: Vec<&InterfaceEndpoint> = s
            .interface_endpoints
            .iter()
            .filter(|e| &e.service == service && e.serves_region(&s.region, &s.region))
            .collect();
        for e in &mine {
            if !e.private_dns && svc.private_dns_supported {
                out.one(Edit::SetPrivateDns {
                    endpoint: e.id.clone(),
                    enabled: true,
                });
            }
            if e.private_dns && e.private_dns_only_for_inbound_resolver_endpoint {
                out.one(Edit::SetPrivateDnsOnlyForInboundResolverEndpoint {
                    endpoint: e.id.clone(),
                    enabled: false,
                });
            }
        }
        if mine.is_empty() && svc.interface_endpoint && svc.private_dns_supported {
            // In the source's subnet when its AZ is up, else in the first healthy AZ.
            let az = (0..ctx.failed.len())
                .filter(|&a| !ctx.failed[a])
                .min_by_key(|&a| a != ctx.az);
            if let Some(subnet) = az.and_then(|a| ctx.subnet_in(a, |_| true)) {
                out.one(Edit::AddInterfaceEndpoint {
                    endpoint: InterfaceEndpoint {
                        policy: None,
                        lattice: None,
                        id: format!("vpce{PLACEHOLDER_MARK}{service}"),
                        service: service.clone(),
                        subnets: vec![EndpointSubnet {
                            subnet,
                            ip: None,
                            ipv6: None,
                        }],
                        private_dns: true,
                        private_dns_only_for_inbound_resolver_endpoint: false,
                        ip_address_type: Default::default(),
                        dns_record_ip_type: None,
                        region: None,
                        security_groups: Vec::new(),
                    },
                    position: None,
                });
            }
        }
    }
}

/// One new ENI per healthy AZ the endpoint has none in: in the source's subnet when it is that
/// AZ's, else in the AZ's first subnet.
fn enis_in_healthy_azs(ctx: &Context<'_>, endpoint: &str, out: &mut Candidates) {
    let s = ctx.model.scenario();
    let Some(e) = s.interface_endpoints.iter().find(|e| e.id == endpoint) else {
        return;
    };
    let used: Vec<usize> = e
        .subnets
        .iter()
        .filter_map(|x| ctx.subnet_az(&x.subnet))
        .collect();
    // The source's AZ first: no inter-AZ dependency.
    let mut azs: Vec<usize> = (0..ctx.failed.len())
        .filter(|&a| !ctx.failed[a] && !used.contains(&a))
        .collect();
    azs.sort_by_key(|&a| a != ctx.az);
    for az in azs {
        if let Some(subnet) = ctx.subnet_in(az, |_| true) {
            out.one(Edit::AddEndpointSubnet {
                endpoint: e.id.clone(),
                subnet: EndpointSubnet {
                    subnet,
                    ip: None,
                    ipv6: None,
                },
                position: None,
            });
        }
    }
}
