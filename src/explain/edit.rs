//! Edits as words (`edit-*` in `edit.ftl`): the status line after an edit, undo and redo, and a
//! lesson's list of changes. The edit itself is the fact; this says it in a language.

use super::{Args, Lang, args, join, join_with, msg};
use crate::model::{AvailabilityMode, Edit, NatConnectivity, Target};

/// One line a learner can read: "attach vpce-s3 to rtb-private", "AZ us-east-1a を障害状態にする".
pub fn edit_text(lang: Lang, edit: &Edit) -> String {
    let (id, a) = edit_message(lang, edit);
    let text = msg(lang, id, a);
    match lang {
        Lang::Ja => super::model::latin_spacing(&text),
        Lang::En => text,
    }
}

/// "+ attach vpce-s3 to rtb-private": what a lesson step changed, marked as an addition (+), a
/// removal (−), an AZ failure (✖) or another change (~).
pub fn edit_change_line(lang: Lang, edit: &Edit) -> String {
    msg(
        lang,
        "edit-change-line",
        args()
            .s("mark", edit_mark(edit))
            .s("edit", edit_text(lang, edit)),
    )
}

/// The mark of [`edit_change_line`].
pub fn edit_mark(edit: &Edit) -> &'static str {
    match edit {
        Edit::AddRoute { .. }
        | Edit::AddIpv6Route { .. }
        | Edit::AddGatewayEndpoint { .. }
        | Edit::AttachGatewayEndpoint { .. }
        | Edit::AddInterfaceEndpoint { .. }
        | Edit::AddEndpointSubnet { .. }
        | Edit::AddNatGateway { .. }
        | Edit::AssociateGateway { .. }
        | Edit::AddSecurityGroupRule { .. }
        | Edit::AttachSecurityGroup { .. }
        | Edit::AddNetworkAclRule { .. } => "+",
        Edit::DeleteRoute { .. }
        | Edit::DeleteIpv6Route { .. }
        | Edit::DeleteGatewayEndpoint { .. }
        | Edit::DetachGatewayEndpoint { .. }
        | Edit::DeleteInterfaceEndpoint { .. }
        | Edit::RemoveEndpointSubnet { .. }
        | Edit::DeleteNatGateway { .. }
        | Edit::DisassociateGateway { .. }
        | Edit::RemoveSecurityGroupRule { .. }
        | Edit::DetachSecurityGroup { .. }
        | Edit::RemoveNetworkAclRule { .. } => "−",
        Edit::FailAz { .. } => "✖",
        _ => "~",
    }
}

/// "undo: attach vpce-s3 to rtb-private".
pub fn undo_text(lang: Lang, edit: &Edit) -> String {
    msg(lang, "edit-undo", args().s("edit", edit_text(lang, edit)))
}

/// "redo: attach vpce-s3 to rtb-private".
pub fn redo_text(lang: Lang, edit: &Edit) -> String {
    msg(lang, "edit-redo", args().s("edit", edit_text(lang, edit)))
}

/// The `$kind` of `edit-add-interface-endpoint`: a resource or service-network endpoint (VPC
/// Lattice) is added by the same edit as an interface endpoint.
fn endpoint_kind(endpoint: &crate::model::InterfaceEndpoint) -> &'static str {
    match endpoint.lattice {
        None => "interface",
        Some(crate::model::Lattice::Resource(_)) => "resource",
        Some(crate::model::Lattice::ServiceNetwork(_)) => "service-network",
    }
}

/// A route's new target (IPv4 or IPv6): `local` restores the local route of a VPC block.
fn replace_route(
    a: Args<'static>,
    table: &str,
    destination: String,
    target: &Target,
) -> (&'static str, Args<'static>) {
    let id = match target {
        Target::Local => "edit-restore-local",
        _ => "edit-replace-route",
    };
    (
        id,
        a.s("table", table.to_string())
            .s("destination", destination)
            .s("target", target.to_string()),
    )
}

/// A route added to, or deleted from, an IPv4 or IPv6 table (the same sentences).
fn route_message(
    id: &'static str,
    a: Args<'static>,
    table: &str,
    destination: String,
    target: Option<&Target>,
) -> (&'static str, Args<'static>) {
    let a = a
        .s("table", table.to_string())
        .s("destination", destination);
    match target {
        Some(t) => (id, a.s("target", t.to_string())),
        None => (id, a),
    }
}

fn edit_message(lang: Lang, edit: &Edit) -> (&'static str, Args<'static>) {
    let a = args();
    match edit {
        Edit::AssociateSubnet {
            subnet,
            route_table: Some(t),
            ..
        } => (
            "edit-associate-subnet",
            a.s("subnet", subnet.clone()).s("table", t.clone()),
        ),
        Edit::AssociateSubnet {
            subnet,
            route_table: None,
            ..
        } => ("edit-use-main-table", a.s("subnet", subnet.clone())),
        Edit::SetMainRouteTable { route_table } => {
            ("edit-set-main-table", a.s("table", route_table.clone()))
        }
        Edit::AddRoute {
            route_table, route, ..
        } => route_message(
            "edit-add-route",
            a,
            route_table,
            route.destination.to_string(),
            Some(&route.target),
        ),
        Edit::ReplaceRoute {
            route_table, route, ..
        } => replace_route(a, route_table, route.destination.to_string(), &route.target),
        Edit::DeleteRoute {
            route_table,
            destination,
        } => route_message(
            "edit-delete-route",
            a,
            route_table,
            destination.to_string(),
            None,
        ),
        Edit::AddIpv6Route {
            route_table, route, ..
        } => route_message(
            "edit-add-route",
            a,
            route_table,
            route.destination.to_string(),
            Some(&route.target),
        ),
        Edit::ReplaceIpv6Route {
            route_table, route, ..
        } => replace_route(a, route_table, route.destination.to_string(), &route.target),
        Edit::DeleteIpv6Route {
            route_table,
            destination,
        } => route_message(
            "edit-delete-route",
            a,
            route_table,
            destination.to_string(),
            None,
        ),
        Edit::AddGatewayEndpoint { endpoint, .. } => (
            "edit-add-gateway-endpoint",
            a.s("endpoint", endpoint.id.clone())
                .s("service", endpoint.service.clone())
                .n("count", endpoint.route_tables.len())
                .s("tables", join(lang, &endpoint.route_tables)),
        ),
        Edit::DeleteGatewayEndpoint { id } => {
            ("edit-delete-gateway-endpoint", a.s("endpoint", id.clone()))
        }
        Edit::AttachGatewayEndpoint {
            endpoint,
            route_table,
            ..
        } => (
            "edit-attach-gateway-endpoint",
            a.s("endpoint", endpoint.clone())
                .s("table", route_table.clone()),
        ),
        Edit::DetachGatewayEndpoint {
            endpoint,
            route_table,
        } => (
            "edit-detach-gateway-endpoint",
            a.s("endpoint", endpoint.clone())
                .s("table", route_table.clone()),
        ),
        Edit::AddInterfaceEndpoint { endpoint, .. } => (
            "edit-add-interface-endpoint",
            a.s("kind", endpoint_kind(endpoint))
                .s("endpoint", endpoint.id.clone())
                .s("service", endpoint.service.clone())
                .n("count", endpoint.subnets.len())
                .s(
                    "subnets",
                    join(lang, endpoint.subnets.iter().map(|es| es.subnet.as_str())),
                ),
        ),
        Edit::DeleteInterfaceEndpoint { id } => (
            "edit-delete-interface-endpoint",
            a.s("endpoint", id.clone()),
        ),
        Edit::AddEndpointSubnet {
            endpoint, subnet, ..
        } => {
            let a = a
                .s("endpoint", endpoint.clone())
                .s("subnet", subnet.subnet.clone());
            match subnet.ip {
                Some(ip) => ("edit-add-endpoint-subnet-ip", a.s("ip", ip.to_string())),
                None => ("edit-add-endpoint-subnet", a),
            }
        }
        Edit::RemoveEndpointSubnet { endpoint, subnet } => (
            "edit-remove-endpoint-subnet",
            a.s("endpoint", endpoint.clone())
                .s("subnet", subnet.clone()),
        ),
        Edit::SetPrivateDns { endpoint, enabled } => (
            "edit-private-dns",
            a.s("endpoint", endpoint.clone()).b("on", *enabled),
        ),
        Edit::SetPrivateDnsOnlyForInboundResolverEndpoint { endpoint, enabled } => (
            "edit-private-dns-inbound-only",
            a.s("endpoint", endpoint.clone()).b("on", *enabled),
        ),
        Edit::AddNatGateway { nat_gateway, .. } => {
            let a = a.s("nat", nat_gateway.id.clone()).b(
                "private",
                nat_gateway.connectivity == NatConnectivity::Private,
            );
            let a = match (&nat_gateway.availability_mode, &nat_gateway.subnet) {
                (AvailabilityMode::Regional, _) => a.s("place", "regional"),
                (_, Some(subnet)) => a.s("place", "subnet").s("subnet", subnet.clone()),
                (_, None) => a.s("place", "none"),
            };
            ("edit-add-nat-gateway", a)
        }
        Edit::DeleteNatGateway { id } => ("edit-delete-nat-gateway", a.s("nat", id.clone())),
        Edit::SetInstancePublicIp {
            instance,
            public_ip,
        } => (
            if *public_ip {
                "edit-give-public-ip"
            } else {
                "edit-remove-public-ip"
            },
            a.s("instance", instance.clone()),
        ),
        Edit::AddSecurityGroupRule {
            group,
            egress,
            rule,
            ..
        } => {
            let dir = if *egress { "egress" } else { "ingress" };
            let traffic = super::security::traffic_text(lang, rule.protocol, rule.ports);
            (
                "edit-add-sg-rule",
                a.s("group", group.clone())
                    .s("direction", dir)
                    .s("traffic", traffic)
                    .s("peer", rule.peer.to_string()),
            )
        }
        Edit::RemoveSecurityGroupRule {
            group,
            egress,
            index,
        } => (
            "edit-remove-sg-rule",
            a.s("group", group.clone())
                .s("direction", if *egress { "egress" } else { "ingress" })
                .n("index", index + 1),
        ),
        Edit::AttachSecurityGroup {
            interface, group, ..
        } => (
            "edit-attach-sg",
            a.s("group", group.clone())
                .s("interface", interface.clone()),
        ),
        Edit::DetachSecurityGroup { interface, group } => (
            "edit-detach-sg",
            a.s("group", group.clone())
                .s("interface", interface.clone()),
        ),
        Edit::AddNetworkAclRule {
            acl,
            outbound,
            rule,
            ..
        } => {
            let traffic = super::security::traffic_text(lang, rule.protocol, rule.ports);
            (
                "edit-add-acl-rule",
                a.s("acl", acl.clone())
                    .s("direction", if *outbound { "outbound" } else { "inbound" })
                    .n("number", usize::from(rule.number))
                    .b("allow", rule.action == crate::model::RuleAction::Allow)
                    .s("traffic", traffic)
                    .s("cidr", rule.cidr.to_string()),
            )
        }
        Edit::RemoveNetworkAclRule {
            acl,
            outbound,
            number,
        } => (
            "edit-remove-acl-rule",
            a.s("acl", acl.clone())
                .s("direction", if *outbound { "outbound" } else { "inbound" })
                .n("number", usize::from(*number)),
        ),
        Edit::RenumberNetworkAclRule {
            acl,
            outbound,
            number,
            new_number,
        } => (
            "edit-renumber-acl-rule",
            a.s("acl", acl.clone())
                .s("direction", if *outbound { "outbound" } else { "inbound" })
                .n("number", usize::from(*number))
                .n("new", usize::from(*new_number)),
        ),
        Edit::AssociateNetworkAcl {
            subnet,
            acl: Some(acl),
            ..
        } => (
            "edit-associate-acl",
            a.s("subnet", subnet.clone()).s("acl", acl.clone()),
        ),
        Edit::AssociateNetworkAcl {
            subnet, acl: None, ..
        } => ("edit-associate-default-acl", a.s("subnet", subnet.clone())),
        Edit::SetSourceDestCheck { interface, enabled } => (
            "edit-source-dest-check",
            a.s("interface", interface.clone()).s(
                "state",
                match enabled {
                    Some(true) => "on",
                    Some(false) => "off",
                    None => "unset",
                },
            ),
        ),
        Edit::SetEndpointPolicy { endpoint, policy } => (
            "edit-endpoint-policy",
            a.s("endpoint", endpoint.clone())
                .s(
                    "case",
                    match policy {
                        None => "reset",
                        Some(p) if *p == crate::model::Policy::full_access() => "full",
                        Some(_) => "custom",
                    },
                )
                .n("count", policy.as_ref().map_or(0, |p| p.statements().len())),
        ),
        Edit::SetBucketPolicy { bucket, policy } => (
            "edit-bucket-policy",
            a.s("bucket", bucket.clone())
                .b("delete", policy.is_none())
                .n("count", policy.as_ref().map_or(0, |p| p.statements().len())),
        ),
        Edit::SetBlockPublicAccessMode { mode } => (
            "edit-bpa-mode",
            a.s("mode", super::bpa::bpa_mode_text(lang, *mode))
                .b("off", *mode == crate::model::BpaMode::Off),
        ),
        Edit::AddBpaExclusion { exclusion, .. } => {
            let (target, vpc) = match &exclusion.scope {
                crate::model::ExclusionScope::Vpc => (String::new(), true),
                crate::model::ExclusionScope::Subnet(s) => (s.clone(), false),
            };
            (
                "edit-bpa-exclusion-add",
                a.s("target", target).b("vpc", vpc).s(
                    "mode",
                    super::bpa::exclusion_mode_text(lang, exclusion.mode),
                ),
            )
        }
        Edit::RemoveBpaExclusion { scope } => {
            let (target, vpc) = match scope {
                crate::model::ExclusionScope::Vpc => (String::new(), true),
                crate::model::ExclusionScope::Subnet(s) => (s.clone(), false),
            };
            (
                "edit-bpa-exclusion-remove",
                a.s("target", target).b("vpc", vpc),
            )
        }
        Edit::SetDhcpOptions { options } => (
            "edit-dhcp-options",
            a.s(
                "options",
                options.as_ref().map(|o| o.id.clone()).unwrap_or_default(),
            )
            .b("default", options.is_none())
            .s(
                "servers",
                super::join(
                    lang,
                    options
                        .iter()
                        .flat_map(|o| o.domain_name_servers.iter().cloned()),
                ),
            ),
        ),
        Edit::AddResolverRule { rule, .. } => (
            "edit-resolver-rule-add",
            a.s("rule", rule.id.clone())
                .s("domain", rule.domain.clone())
                .b(
                    "forward",
                    rule.rule_type == crate::model::ResolverRuleType::Forward,
                ),
        ),
        Edit::RemoveResolverRule { rule } => {
            ("edit-resolver-rule-remove", a.s("rule", rule.clone()))
        }
        Edit::AddHostedZone { zone, .. } => (
            "edit-hosted-zone-add",
            a.s("zone", zone.id.clone())
                .s("name", zone.name.clone())
                .n("count", zone.records.len()),
        ),
        Edit::RemoveHostedZone { zone } => ("edit-hosted-zone-remove", a.s("zone", zone.clone())),
        Edit::AddZoneRecord { zone, record, .. } => {
            let value = match &record.value {
                crate::model::RecordValue::A(ips) => {
                    super::join(lang, ips.iter().map(|ip| ip.to_string()))
                }
                crate::model::RecordValue::AliasEndpoint(t)
                | crate::model::RecordValue::Alias(t)
                | crate::model::RecordValue::Cname(t) => t.clone(),
            };
            (
                "edit-zone-record-add",
                a.s("zone", zone.clone())
                    .s("name", record.name.clone())
                    .s(
                        "kind",
                        match record.value {
                            crate::model::RecordValue::AliasEndpoint(_)
                            | crate::model::RecordValue::Alias(_) => "alias",
                            _ => record.value.kind(),
                        },
                    )
                    .s("value", value),
            )
        }
        Edit::RemoveZoneRecord { zone, name } => (
            "edit-zone-record-remove",
            a.s("zone", zone.clone()).s("name", name.clone()),
        ),
        Edit::SetDnsSupport { enabled } => ("edit-dns-support", a.b("on", *enabled)),
        Edit::SetDnsHostnames { enabled } => ("edit-dns-hostnames", a.b("on", *enabled)),
        Edit::SetGwlbAppliancesUp { endpoint, up } => (
            "edit-gwlb-appliances",
            a.s("endpoint", endpoint.clone()).b("up", *up),
        ),
        Edit::AssociateGateway {
            route_table,
            gateway,
            ..
        } => (
            "edit-associate-gateway",
            a.s("table", route_table.clone())
                .s("gateway", gateway.clone()),
        ),
        Edit::DisassociateGateway {
            route_table,
            gateway,
        } => (
            "edit-disassociate-gateway",
            a.s("table", route_table.clone())
                .s("gateway", gateway.clone()),
        ),
        Edit::SetApplianceHealth {
            load_balancer,
            az,
            healthy,
        } => (
            "edit-appliance-health",
            a.s("load_balancer", load_balancer.clone())
                .s("az", az.clone())
                .b("healthy", *healthy),
        ),
        Edit::SetCrossZoneLoadBalancing {
            load_balancer,
            enabled,
        } => (
            "edit-cross-zone",
            a.s("load_balancer", load_balancer.clone())
                .b("on", *enabled),
        ),
        Edit::FailAz { az } => ("edit-fail-az", a.s("az", az.clone())),
        Edit::RestoreAz { az } => ("edit-restore-az", a.s("az", az.clone())),
        Edit::SetFailedAzs { failed_azs } if failed_azs.is_empty() => ("edit-restore-every-az", a),
        Edit::SetFailedAzs { failed_azs } => {
            ("edit-set-failed-azs", a.s("azs", join(lang, failed_azs)))
        }
        Edit::Batch(edits) => match edits.as_slice() {
            [] => ("edit-no-change", a),
            [one] => edit_message(lang, one),
            many => (
                "edit-batch",
                a.n("count", many.len()).s(
                    "edits",
                    join_with(
                        lang,
                        "edit-batch-sep",
                        many.iter().map(|e| edit_text(lang, e)),
                    ),
                ),
            ),
        },
    }
}

/// Why a lesson cannot be shown: it has none, or a step's edit is refused (which step, which
/// edit, and AWS's rule).
pub fn lesson_error(lang: Lang, e: &crate::lesson::LessonError) -> String {
    use crate::lesson::LessonError;
    match e {
        LessonError::NoLesson => super::m(lang, "lesson-none"),
        LessonError::Edit(refused) => msg(
            lang,
            "lesson-edit-refused",
            args()
                .n("step", refused.step)
                .s(
                    "title",
                    match lang {
                        Lang::Ja => refused.title.ja.clone(),
                        Lang::En => refused.title.en.clone(),
                    },
                )
                .s("edit", edit_text(lang, &refused.edit))
                .s("error", super::edit_error(lang, &refused.error)),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Destination, EndpointSubnet, GatewayEndpoint, InterfaceEndpoint, NatGateway, Route,
    };

    fn route(destination: &str, target: Target) -> Route {
        Route {
            destination: Destination::Cidr(destination.parse().unwrap()),
            target,
        }
    }

    /// One edit of every variant, and a few second cases; the `match` below fails to compile
    /// when a variant is added, so that it gets a sample here too.
    fn samples() -> Vec<Edit> {
        let nat = |id: &str, subnet: Option<&str>, mode, connectivity| NatGateway {
            elastic_ip: None,
            id: id.into(),
            name: None,
            subnet: subnet.map(Into::into),
            connectivity,
            availability_mode: mode,
        };
        vec![
            Edit::AssociateSubnet {
                subnet: "subnet-a".into(),
                route_table: Some("rtb-a".into()),
                position: None,
            },
            Edit::AssociateSubnet {
                subnet: "subnet-a".into(),
                route_table: None,
                position: None,
            },
            Edit::SetMainRouteTable {
                route_table: "rtb-a".into(),
            },
            Edit::AddRoute {
                route_table: "rtb-a".into(),
                route: route("0.0.0.0/0", Target::NatGateway("nat-a".into())),
                position: None,
            },
            Edit::ReplaceRoute {
                route_table: "rtb-a".into(),
                route: route("0.0.0.0/0", Target::InternetGateway("igw-1".into())),
                position: None,
            },
            Edit::ReplaceRoute {
                route_table: "rtb-a".into(),
                route: route("10.0.0.0/16", Target::Local),
                position: None,
            },
            Edit::DeleteRoute {
                route_table: "rtb-a".into(),
                destination: Destination::PrefixList("s3".into()),
            },
            Edit::AddGatewayEndpoint {
                endpoint: GatewayEndpoint {
                    policy: None,
                    id: "vpce-s3".into(),
                    service: "s3".into(),
                    route_tables: vec!["rtb-a".into(), "rtb-b".into()],
                },
                position: None,
            },
            Edit::AddGatewayEndpoint {
                endpoint: GatewayEndpoint {
                    policy: None,
                    id: "vpce-s3".into(),
                    service: "s3".into(),
                    route_tables: vec![],
                },
                position: None,
            },
            Edit::DeleteGatewayEndpoint {
                id: "vpce-s3".into(),
            },
            Edit::AttachGatewayEndpoint {
                endpoint: "vpce-s3".into(),
                route_table: "rtb-private".into(),
                position: None,
            },
            Edit::DetachGatewayEndpoint {
                endpoint: "vpce-s3".into(),
                route_table: "rtb-private".into(),
            },
            Edit::AddInterfaceEndpoint {
                endpoint: InterfaceEndpoint {
                    dns_record_ip_type: Default::default(),
                    ip_address_type: Default::default(),
                    policy: None,
                    lattice: None,
                    security_groups: Vec::new(),
                    id: "vpce-ssm".into(),
                    service: "ssm".into(),
                    subnets: vec![EndpointSubnet {
                        ipv6: Default::default(),
                        subnet: "subnet-a".into(),
                        ip: None,
                    }],
                    private_dns: true,
                    private_dns_only_for_inbound_resolver_endpoint: false,
                    region: None,
                },
                position: None,
            },
            Edit::AddInterfaceEndpoint {
                endpoint: InterfaceEndpoint {
                    dns_record_ip_type: Default::default(),
                    ip_address_type: Default::default(),
                    policy: None,
                    lattice: None,
                    security_groups: Vec::new(),
                    id: "vpce-ssm".into(),
                    service: "ssm".into(),
                    subnets: vec![],
                    private_dns: true,
                    private_dns_only_for_inbound_resolver_endpoint: false,
                    region: None,
                },
                position: None,
            },
            Edit::DeleteInterfaceEndpoint {
                id: "vpce-ssm".into(),
            },
            Edit::AddEndpointSubnet {
                endpoint: "vpce-ssm".into(),
                subnet: EndpointSubnet {
                    ipv6: Default::default(),
                    subnet: "subnet-b".into(),
                    ip: Some("10.0.1.5".parse().unwrap()),
                },
                position: None,
            },
            Edit::AddEndpointSubnet {
                endpoint: "vpce-ssm".into(),
                subnet: EndpointSubnet {
                    ipv6: Default::default(),
                    subnet: "subnet-b".into(),
                    ip: None,
                },
                position: None,
            },
            Edit::RemoveEndpointSubnet {
                endpoint: "vpce-ssm".into(),
                subnet: "subnet-b".into(),
            },
            Edit::SetPrivateDns {
                endpoint: "vpce-ssm".into(),
                enabled: false,
            },
            Edit::SetPrivateDnsOnlyForInboundResolverEndpoint {
                endpoint: "vpce-s3-if".into(),
                enabled: true,
            },
            Edit::AddNatGateway {
                nat_gateway: nat(
                    "nat-r",
                    None,
                    AvailabilityMode::Regional,
                    NatConnectivity::Public,
                ),
                position: None,
            },
            Edit::AddNatGateway {
                nat_gateway: nat(
                    "nat-b",
                    Some("subnet-public-b"),
                    AvailabilityMode::Zonal,
                    NatConnectivity::Private,
                ),
                position: None,
            },
            Edit::AddNatGateway {
                nat_gateway: nat(
                    "nat-c",
                    None,
                    AvailabilityMode::Zonal,
                    NatConnectivity::Public,
                ),
                position: None,
            },
            Edit::DeleteNatGateway { id: "nat-a".into() },
            Edit::SetInstancePublicIp {
                instance: "i-app-a".into(),
                public_ip: true,
            },
            Edit::SetInstancePublicIp {
                instance: "i-app-a".into(),
                public_ip: false,
            },
            Edit::SetDnsSupport { enabled: false },
            Edit::SetDnsHostnames { enabled: true },
            Edit::SetGwlbAppliancesUp {
                endpoint: "vpce-gwlb-a".into(),
                up: false,
            },
            Edit::AssociateGateway {
                route_table: "rtb-edge".into(),
                gateway: "igw-1".into(),
                position: None,
            },
            Edit::DisassociateGateway {
                route_table: "rtb-edge".into(),
                gateway: "igw-1".into(),
            },
            Edit::SetApplianceHealth {
                load_balancer: "gwlb-1".into(),
                az: "us-east-1a".into(),
                healthy: false,
            },
            Edit::SetCrossZoneLoadBalancing {
                load_balancer: "gwlb-1".into(),
                enabled: true,
            },
            Edit::FailAz {
                az: "us-east-1a".into(),
            },
            Edit::RestoreAz {
                az: "us-east-1a".into(),
            },
            Edit::SetFailedAzs { failed_azs: vec![] },
            Edit::SetFailedAzs {
                failed_azs: vec!["us-east-1a".into(), "use1-az2".into()],
            },
            Edit::Batch(vec![]),
            Edit::Batch(vec![
                Edit::FailAz {
                    az: "us-east-1a".into(),
                },
                Edit::SetDnsSupport { enabled: true },
            ]),
            Edit::AddSecurityGroupRule {
                group: "sg-ep".into(),
                egress: false,
                rule: crate::model::SecurityGroupRule {
                    protocol: crate::model::Protocol::Tcp,
                    ports: Some(crate::model::PortRange::one(443)),
                    peer: crate::model::Peer::Cidr("10.0.0.0/16".parse().unwrap()),
                    description: None,
                },
                position: None,
            },
            Edit::RemoveSecurityGroupRule {
                group: "sg-ep".into(),
                egress: true,
                index: 0,
            },
            Edit::AttachSecurityGroup {
                interface: "vpce-ssm".into(),
                group: "sg-ep".into(),
                position: None,
            },
            Edit::DetachSecurityGroup {
                interface: "i-app".into(),
                group: "sg-app".into(),
            },
            Edit::AddNetworkAclRule {
                acl: "acl-1".into(),
                outbound: true,
                rule: crate::model::NetworkAclRule {
                    number: 110,
                    protocol: crate::model::Protocol::Tcp,
                    ports: Some(crate::model::PortRange(1024, 65535)),
                    cidr: "10.0.0.0/16".parse().unwrap(),
                    action: crate::model::RuleAction::Allow,
                },
                position: None,
            },
            Edit::RemoveNetworkAclRule {
                acl: "acl-1".into(),
                outbound: false,
                number: 100,
            },
            Edit::RenumberNetworkAclRule {
                acl: "acl-1".into(),
                outbound: true,
                number: 100,
                new_number: 90,
            },
            Edit::AssociateNetworkAcl {
                subnet: "subnet-a".into(),
                acl: Some("acl-1".into()),
                position: None,
            },
            Edit::AssociateNetworkAcl {
                subnet: "subnet-a".into(),
                acl: None,
                position: None,
            },
            Edit::SetSourceDestCheck {
                interface: "eni-fw".into(),
                enabled: Some(false),
            },
            Edit::SetEndpointPolicy {
                endpoint: "vpce-s3".into(),
                policy: Some(crate::model::Policy::full_access()),
            },
            Edit::SetBucketPolicy {
                bucket: "reports".into(),
                policy: None,
            },
            Edit::SetBlockPublicAccessMode {
                mode: crate::model::BpaMode::BlockBidirectional,
            },
            Edit::AddBpaExclusion {
                exclusion: crate::model::BpaExclusion {
                    id: None,
                    scope: crate::model::ExclusionScope::Subnet("subnet-a".into()),
                    mode: crate::model::ExclusionMode::AllowEgress,
                },
                position: None,
            },
            Edit::RemoveBpaExclusion {
                scope: crate::model::ExclusionScope::Vpc,
            },
            Edit::SetDhcpOptions {
                options: Some(crate::model::DhcpOptions {
                    id: "dopt-corp".into(),
                    domain_name_servers: vec!["192.168.10.53".into(), "192.168.11.53".into()],
                }),
            },
            Edit::SetDhcpOptions { options: None },
            Edit::AddResolverRule {
                rule: crate::model::ResolverRule {
                    id: "rslvr-rr-1".into(),
                    domain: "example.com".into(),
                    rule_type: crate::model::ResolverRuleType::Forward,
                    target_ips: Vec::new(),
                },
                position: None,
            },
            Edit::RemoveResolverRule {
                rule: "rslvr-rr-1".into(),
            },
            Edit::AddHostedZone {
                zone: crate::model::PrivateHostedZone {
                    id: "Z0SQS".into(),
                    name: "sqs.us-east-1.amazonaws.com".into(),
                    records: Vec::new(),
                    records_unknown: false,
                },
                position: None,
            },
            Edit::RemoveHostedZone {
                zone: "Z0SQS".into(),
            },
            Edit::AddZoneRecord {
                zone: "Z0SQS".into(),
                record: crate::model::ZoneRecord {
                    name: "sqs.us-east-1.amazonaws.com".into(),
                    value: crate::model::RecordValue::AliasEndpoint("vpce-sqs".into()),
                },
                position: None,
            },
            Edit::RemoveZoneRecord {
                zone: "Z0SQS".into(),
                name: "sqs.us-east-1.amazonaws.com".into(),
            },
            Edit::AddIpv6Route {
                route_table: "rtb-a".into(),
                route: crate::model::Ipv6Route {
                    destination: "::/0".parse().unwrap(),
                    target: Target::EgressOnlyInternetGateway("eigw-1".into()),
                },
                position: None,
            },
            Edit::DeleteIpv6Route {
                route_table: "rtb-a".into(),
                destination: "::/0".parse().unwrap(),
            },
            Edit::ReplaceIpv6Route {
                route_table: "rtb-a".into(),
                route: crate::model::Ipv6Route {
                    destination: "::/0".parse().unwrap(),
                    target: Target::InternetGateway("igw-1".into()),
                },
                position: None,
            },
        ]
    }

    /// Which variant an edit is (exhaustive: a new variant needs a sample).
    fn variant(e: &Edit) -> usize {
        match e {
            Edit::AssociateSubnet { .. } => 0,
            Edit::SetMainRouteTable { .. } => 1,
            Edit::AddRoute { .. } => 2,
            Edit::ReplaceRoute { .. } => 3,
            Edit::DeleteRoute { .. } => 4,
            Edit::AddGatewayEndpoint { .. } => 5,
            Edit::DeleteGatewayEndpoint { .. } => 6,
            Edit::AttachGatewayEndpoint { .. } => 7,
            Edit::DetachGatewayEndpoint { .. } => 8,
            Edit::AddInterfaceEndpoint { .. } => 9,
            Edit::DeleteInterfaceEndpoint { .. } => 10,
            Edit::AddEndpointSubnet { .. } => 11,
            Edit::RemoveEndpointSubnet { .. } => 12,
            Edit::SetPrivateDns { .. } => 13,
            Edit::SetPrivateDnsOnlyForInboundResolverEndpoint { .. } => 14,
            Edit::AddNatGateway { .. } => 15,
            Edit::DeleteNatGateway { .. } => 16,
            Edit::SetInstancePublicIp { .. } => 17,
            Edit::SetDnsSupport { .. } => 18,
            Edit::SetDnsHostnames { .. } => 19,
            Edit::SetGwlbAppliancesUp { .. } => 20,
            Edit::AssociateGateway { .. } => 21,
            Edit::DisassociateGateway { .. } => 22,
            Edit::SetApplianceHealth { .. } => 23,
            Edit::SetCrossZoneLoadBalancing { .. } => 24,
            Edit::FailAz { .. } => 25,
            Edit::RestoreAz { .. } => 26,
            Edit::SetFailedAzs { .. } => 27,
            Edit::Batch(_) => 28,
            Edit::AddSecurityGroupRule { .. } => 29,
            Edit::RemoveSecurityGroupRule { .. } => 30,
            Edit::AttachSecurityGroup { .. } => 31,
            Edit::DetachSecurityGroup { .. } => 32,
            Edit::AddNetworkAclRule { .. } => 33,
            Edit::RemoveNetworkAclRule { .. } => 34,
            Edit::AssociateNetworkAcl { .. } => 35,
            Edit::SetSourceDestCheck { .. } => 36,
            Edit::SetEndpointPolicy { .. } => 37,
            Edit::SetBucketPolicy { .. } => 38,
            Edit::SetBlockPublicAccessMode { .. } => 39,
            Edit::AddBpaExclusion { .. } => 40,
            Edit::RemoveBpaExclusion { .. } => 41,
            Edit::SetDhcpOptions { .. } => 42,
            Edit::AddResolverRule { .. } => 43,
            Edit::RemoveResolverRule { .. } => 44,
            Edit::AddHostedZone { .. } => 45,
            Edit::RemoveHostedZone { .. } => 46,
            Edit::AddZoneRecord { .. } => 47,
            Edit::RemoveZoneRecord { .. } => 48,
            Edit::AddIpv6Route { .. } => 49,
            Edit::DeleteIpv6Route { .. } => 50,
            Edit::ReplaceIpv6Route { .. } => 51,
            Edit::RenumberNetworkAclRule { .. } => 52,
        }
    }

    /// English prose: three or more lowercase English words in a row (the detector of
    /// tests/japanese_traces.rs).
    fn english_run(text: &str) -> Option<String> {
        let text: String = text
            .split('"')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, part)| part)
            .collect::<Vec<_>>()
            .join(" ");
        let mut run: Vec<&str> = Vec::new();
        for token in text.split(|c: char| c.is_whitespace() || ",;:()[]→`".contains(c)) {
            let word = token.trim_matches(|c: char| ".'\"".contains(c));
            if word.len() > 1 && word.chars().all(|c| c.is_ascii_lowercase()) {
                run.push(word);
                if run.len() >= 3 {
                    return Some(run.join(" "));
                }
            } else if !word.is_empty() {
                run.clear();
            }
        }
        None
    }

    #[test]
    fn every_edit_reads_in_both_languages() {
        let samples = samples();
        let mut seen: Vec<usize> = samples.iter().map(variant).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(
            seen,
            (0..=52).collect::<Vec<_>>(),
            "a variant has no sample"
        );
        for e in &samples {
            let en = edit_text(Lang::En, e);
            let ja = edit_text(Lang::Ja, e);
            assert!(!en.is_empty() && !ja.is_empty(), "{e:?}");
            assert_ne!(en, ja, "{e:?}");
            assert!(!ja.contains("edit-"), "{e:?}: {ja}");
            assert_eq!(english_run(&ja), None, "{e:?}: {ja}");
            for line in [
                edit_change_line(Lang::Ja, e),
                undo_text(Lang::Ja, e),
                redo_text(Lang::Ja, e),
            ] {
                assert_eq!(english_run(&line), None, "{line}");
            }
        }
    }

    #[test]
    fn english_descriptions() {
        let s = samples();
        let en: Vec<String> = s.iter().map(|e| edit_text(Lang::En, e)).collect();
        let want = [
            "associate subnet-a with rtb-a",
            "remove subnet-a's explicit association (it then uses the main table)",
            "make rtb-a the main route table",
            "add route 0.0.0.0/0 → nat-a to rtb-a",
            "point 0.0.0.0/0 in rtb-a at igw-1",
            "restore the local target of 10.0.0.0/16 in rtb-a",
            "delete the route to pl-s3 from rtb-a",
            "add gateway endpoint vpce-s3 for s3 on rtb-a, rtb-b",
            "add gateway endpoint vpce-s3 for s3 on no route table",
            "delete gateway endpoint vpce-s3",
            "attach vpce-s3 to rtb-private",
            "detach vpce-s3 from rtb-private",
            "add interface endpoint vpce-ssm for ssm in subnet-a",
            "add interface endpoint vpce-ssm for ssm with no subnet",
            "delete endpoint vpce-ssm",
            "add subnet-b (10.0.1.5) to vpce-ssm",
            "add subnet-b to vpce-ssm",
            "remove subnet-b from vpce-ssm",
            "turn private DNS off for vpce-ssm",
            "turn \"private DNS only for inbound Resolver endpoint\" on for vpce-s3-if",
            "add regional NAT gateway nat-r",
            "add private NAT gateway nat-b in subnet-public-b",
            "add NAT gateway nat-c",
            "delete NAT gateway nat-a (routes to it become blackholes)",
            "give i-app-a a public IPv4 address",
            "remove i-app-a's public IPv4 address",
            "turn DNS resolution (enableDnsSupport) off",
            "turn DNS hostnames (enableDnsHostnames) on",
            "mark the appliances behind vpce-gwlb-a down",
            "make rtb-edge the edge route table of igw-1",
            "disassociate igw-1 from rtb-edge",
            "mark gwlb-1's appliances in us-east-1a unhealthy",
            "turn cross-zone load balancing on on gwlb-1",
            "fail AZ us-east-1a",
            "restore AZ us-east-1a",
            "restore every AZ",
            "set the failed AZs to us-east-1a, use1-az2",
            "no change",
            "2 changes: fail AZ us-east-1a; turn DNS resolution (enableDnsSupport) on",
            "add to sg-ep the ingress rule tcp/443 from 10.0.0.0/16",
            "remove sg-ep's egress rule 1",
            "attach sg-ep to vpce-ssm",
            "detach sg-app from i-app",
            "add to acl-1 the outbound rule 110: allow tcp/1024-65535 to 10.0.0.0/16",
            "remove acl-1's inbound rule 100",
            "renumber acl-1's outbound rule 100 to 90",
            "associate subnet-a with the network ACL acl-1",
            "associate subnet-a with the default network ACL",
            "turn the source/destination check of eni-fw off",
            "give vpce-s3 the full-access endpoint policy",
            "delete the bucket policy of reports",
            "set VPC Block Public Access to bidirectional",
            "exclude subnet-a from Block Public Access (allow-egress)",
            "delete the Block Public Access exclusion of the VPC",
            "associate the DHCP options set dopt-corp with the VPC (DNS servers 192.168.10.53, 192.168.11.53)",
            "give the VPC the default DHCP options (AmazonProvidedDNS)",
            "associate the Resolver forward rule rslvr-rr-1 for example.com with the VPC",
            "disassociate the Resolver rule rslvr-rr-1 from the VPC",
            "associate the private hosted zone Z0SQS (sqs.us-east-1.amazonaws.com, 0 records) with the VPC",
            "disassociate the private hosted zone Z0SQS from the VPC",
            "create the alias record sqs.us-east-1.amazonaws.com → vpce-sqs in Z0SQS",
            "delete the record sqs.us-east-1.amazonaws.com from Z0SQS",
            "add route ::/0 → eigw-1 to rtb-a",
            "delete the route to ::/0 from rtb-a",
            "point ::/0 in rtb-a at igw-1",
        ];
        assert_eq!(en, want);
    }

    #[test]
    fn japanese_descriptions() {
        let s = samples();
        let ja = |i: usize| edit_text(Lang::Ja, &s[i]);
        assert_eq!(ja(3), "rtb-a にルート 0.0.0.0/0 → nat-a を追加");
        assert_eq!(
            ja(7),
            "s3 のゲートウェイエンドポイント vpce-s3 を追加 (関連付け先: rtb-a、rtb-b)"
        );
        assert_eq!(
            ja(21),
            "subnet-public-b にプライベート NAT ゲートウェイ nat-b を追加"
        );
        assert_eq!(ja(26), "enableDnsSupport (DNS 解決) をオフにする");
        assert_eq!(ja(33), "AZ us-east-1a を障害状態にする");
        assert_eq!(
            edit_change_line(Lang::Ja, &s[33]),
            "✖ AZ us-east-1a を障害状態にする"
        );
        let renumber = s
            .iter()
            .find(|e| matches!(e, Edit::RenumberNetworkAclRule { .. }))
            .expect("a sample");
        assert_eq!(
            edit_text(Lang::Ja, renumber),
            "acl-1 のアウトバウンドルール 100 の番号を 90 に変更"
        );
    }

    #[test]
    fn a_lattice_endpoint_is_added_under_its_own_name() {
        let endpoint = |lattice| InterfaceEndpoint {
            dns_record_ip_type: Default::default(),
            ip_address_type: Default::default(),
            policy: None,
            lattice,
            security_groups: Vec::new(),
            id: "vpce-res".into(),
            service: "orders-db".into(),
            subnets: vec![],
            private_dns: true,
            private_dns_only_for_inbound_resolver_endpoint: false,
            region: None,
        };
        let say = |lang, lattice| {
            edit_text(
                lang,
                &Edit::AddInterfaceEndpoint {
                    endpoint: endpoint(lattice),
                    position: None,
                },
            )
        };
        let resource = || {
            Some(crate::model::Lattice::Resource(
                crate::model::ResourceConfiguration {
                    arn: "arn:aws:vpc-lattice:us-east-1:111122223333:resourceconfiguration/rcfg-1"
                        .into(),
                    port_ranges: vec![],
                },
            ))
        };
        let network = || {
            Some(crate::model::Lattice::ServiceNetwork(
                crate::model::ServiceNetwork {
                    arn: "arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-1".into(),
                    services: vec![],
                },
            ))
        };
        assert_eq!(
            say(Lang::En, resource()),
            "add resource endpoint vpce-res for orders-db with no subnet"
        );
        assert_eq!(
            say(Lang::En, network()),
            "add service-network endpoint vpce-res for orders-db with no subnet"
        );
        assert_eq!(
            say(Lang::Ja, resource()),
            "orders-db のリソースエンドポイント vpce-res を追加 (サブネットなし)"
        );
        assert_eq!(
            say(Lang::Ja, network()),
            "orders-db のサービスネットワークエンドポイント vpce-res を追加 (サブネットなし)"
        );
        // The delete names no kind: the edit carries only the id, and every kind is an endpoint.
        assert_eq!(
            edit_text(
                Lang::Ja,
                &Edit::DeleteInterfaceEndpoint {
                    id: "vpce-res".into()
                }
            ),
            "エンドポイント vpce-res を削除"
        );
    }
}
