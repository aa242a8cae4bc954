//! Where and why a path stopped, as a sentence.

use crate::eval::*;

use super::trace::*;
use super::{Lang, args, join, msg};

/// Where and why a path stopped.
pub fn stop_sentence(lang: Lang, stop: &Stop) -> String {
    let id = format!("stop-{}", stop.code());
    let a = args();
    let with_route = |a: super::Args<'static>, table: &Id, route: &Route| {
        a.s("table", table.to_string())
            .s("route", route_text(lang, route))
            .s("target", route.target.to_string())
    };
    match stop {
        Stop::Ipv6(s) => super::ipv6::stop_text(lang, s),
        Stop::LatticePortNotOffered {
            endpoint,
            arn,
            port,
            ranges,
        } => msg(
            lang,
            &id,
            a.s("endpoint", endpoint.as_str())
                .s("arn", arn.clone())
                .s("port", port.map(|p| p.to_string()).unwrap_or_default())
                .b("tcp", port.is_some())
                .s("ranges", super::ports_text(lang, ranges)),
        ),
        Stop::DirectoryBucketWithoutGatewayEndpoint { bucket, via } => msg(
            lang,
            &id,
            a.s("bucket", bucket.as_str()).s(
                "via",
                via.map(|v| super::codes::via_label(lang, v))
                    .unwrap_or_else(|| "partial".into()),
            ),
        ),
        Stop::DirectoryBucketAzFailed { bucket, az } => msg(
            lang,
            &id,
            a.s("bucket", bucket.as_str()).s("az", az_text(lang, az)),
        ),
        Stop::SourceAzFailed { source, az } => msg(
            lang,
            &id,
            a.s("source", source.as_str()).s("az", az_text(lang, az)),
        ),
        Stop::DnsDisabled { vpc, name } => {
            msg(lang, &id, a.s("vpc", vpc.as_str()).s("name", name.as_str()))
        }
        Stop::DnsNameNotFound {
            zone,
            zone_name,
            name,
        } => super::dns::not_found_text(lang, zone, zone_name, name),
        Stop::DnsOutsideModel { name, why } => super::dns::outside_text(lang, name, why),
        Stop::EndpointWithoutEnis {
            endpoint,
            name,
            zone,
        }
        | Stop::EndpointWithoutIpv4 {
            endpoint,
            name,
            zone,
        } => msg(
            lang,
            &id,
            a.s("endpoint", endpoint.as_str())
                .s("name", name.as_str())
                .s("zone", zone.as_deref().unwrap_or_default().to_string())
                .b("by_zone", zone.is_some()),
        ),
        Stop::EnisAllFailed {
            endpoint,
            name,
            failed,
            zone,
        } => msg(
            lang,
            &id,
            a.s("endpoint", endpoint.as_str())
                .s("name", name.as_str())
                .s("enis", enis_text(lang, failed, "eni-az"))
                .s("zone", zone.as_deref().unwrap_or_default().to_string())
                .b("by_zone", zone.is_some()),
        ),
        Stop::NoPublicAddresses { service, region } => msg(
            lang,
            &id,
            a.s("service", service.as_str())
                .s("region", region.as_str()),
        ),
        Stop::NoRoute {
            table,
            dest,
            routes,
            total,
            no_internet_gateway,
            vpc_has_internet_gateway,
        } => {
            let mut list = join(lang, routes.iter().map(|r| route_text(lang, r)));
            if *total > routes.len() {
                list = msg(
                    lang,
                    "routes-more",
                    args().s("routes", list).n("more", total - routes.len()),
                );
            }
            let id = if *no_internet_gateway {
                "stop-no_route-no-igw"
            } else {
                "stop-no_route"
            };
            msg(
                lang,
                id,
                a.s("table", table.as_str())
                    .s("dest", routed_text(lang, dest))
                    .s("routes", list)
                    .b("igw", *vpc_has_internet_gateway),
            )
        }
        Stop::OnlyLocalRoute { table, dest } => msg(
            lang,
            &id,
            a.s("table", table.as_str())
                .s("dest", routed_text(lang, dest)),
        ),
        Stop::Blackhole { table, route }
        | Stop::TargetMissing { table, route }
        | Stop::TargetWithoutSubnet { table, route }
        | Stop::NoPublicIp { table, route }
        | Stop::PrivateNatAtInternetGateway { table, route }
        | Stop::LeavesVpc { table, route } => msg(lang, &id, with_route(a, table, route)),
        Stop::PrivateAddressToInternet { table, route, dest } => msg(
            lang,
            &id,
            with_route(a, table, route).s("dest", routed_text(lang, dest)),
        ),
        Stop::NatAzFailed {
            table,
            route,
            nat,
            az,
        } => msg(
            lang,
            &id,
            with_route(a, table, route)
                .s("nat", nat.to_string())
                .s("az", az_text(lang, az)),
        ),
        Stop::RegionalNatAllAzsFailed { table, route, nat } => msg(
            lang,
            &id,
            with_route(a, table, route).s("nat", nat.to_string()),
        ),
        Stop::RegionalNatWithoutInternetGateway { nat } | Stop::PrivateNatNoInternet { nat } => {
            msg(lang, &id, a.s("nat", nat.as_str()))
        }
        Stop::GwlbEndpointAzFailed {
            table,
            route,
            endpoint,
            az,
        } => msg(
            lang,
            &id,
            with_route(a, table, route)
                .s("endpoint", endpoint.to_string())
                .s("az", az_text(lang, az)),
        ),
        Stop::AppliancesDown {
            table,
            route,
            endpoint,
        } => msg(
            lang,
            &id,
            with_route(a, table, route).s("endpoint", endpoint.to_string()),
        ),
        Stop::NoHealthyAppliance {
            table,
            route,
            endpoint,
            load_balancer,
            az,
            cross_zone,
        } => msg(
            lang,
            &id,
            with_route(a, table, route)
                .s("endpoint", endpoint.to_string())
                .s("lb", load_balancer.to_string())
                .s("az", az_text(lang, az))
                .b("cross", *cross_zone),
        ),
        Stop::ApplianceAzFailed {
            table,
            route,
            eni,
            az,
        } => msg(
            lang,
            &id,
            with_route(a, table, route)
                .s("eni", eni.to_string())
                .s("az", az_text(lang, az)),
        ),
        Stop::RoutingLoop { table, route, cidr } => {
            msg(lang, &id, with_route(a, table, route).s("cidr", net(*cidr)))
        }
        Stop::WalkLimit { table, steps } => {
            msg(lang, &id, a.s("table", table.as_str()).n("steps", *steps))
        }
        Stop::AddressInNoSubnet {
            table,
            route,
            address,
        } => msg(
            lang,
            &id,
            with_route(a, table, route).s("address", net(*address)),
        ),
        Stop::SecurityGroup(c) => group_refused_text(lang, c),
        Stop::NetworkAcl(c) => acl_refused_text(lang, c),
        Stop::Policy(c) => super::policy::policy_refused_text(lang, c),
        Stop::BlockPublicAccess(c) => super::bpa::bpa_stop_text(lang, c),
        Stop::SourceDestCheck { table, route, eni } => msg(
            lang,
            &id,
            with_route(a, table, route).s("eni", eni.to_string()),
        ),
        Stop::AddressAzFailed {
            address,
            subnet,
            az,
        } => msg(
            lang,
            &id,
            a.s("address", net(*address))
                .s("subnet", subnet.as_str())
                .s("az", az_text(lang, az)),
        ),
    }
}
