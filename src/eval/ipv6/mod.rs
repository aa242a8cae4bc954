//! IPv6 and dual-stack paths (AWS's pages are the contract; aws-semantics.md has no IPv6 section
//! yet): the family a query takes, the AAAA answer, IPv6 route selection, and the IPv6 targets.
//!
//! IPv4 queries never come here: `evaluate` asks [`plan`] only when the query is not plain IPv4
//! (`--family ipv6|auto`, an IPv6 address, or a source in an IPv6-only subnet), so IPv4 paths
//! keep their cost. A table's IPv6 routes are few (AWS's default quota is 50 per table), so
//! route selection here is a scan for the longest prefix, not a trie.
//!
//! Security groups and network ACLs are evaluated with their IPv6 rules (`layers.rs`), except
//! the network ACL of NAT64's NAT gateway subnet, which the trace lists as unchecked.

use std::net::Ipv6Addr;

use ipnet::Ipv6Net;

mod answer;
mod layers;
mod trace;

use answer::{Answer, answer, client};
use trace::Trace;

use super::ctx::Source;
use super::facts::*;
use super::query::{Family, Probe};
use super::resolve::Goal;
use super::rules::{
    dns64, egress_only_gateway, family, ipv6_internet_gateway, ipv6_only_subnet, nat64,
};
use crate::model::{Model, NAT64_PREFIX, Target};

/// What `evaluate` does with a query that is not plain IPv4.
pub(crate) enum Plan {
    /// Evaluate it as IPv4, with this note (`auto` chose IPv4).
    Ipv4(Option<Note>),
    /// The IPv6 (or IPv6-only subnet) trace.
    Done(Box<PathTrace>),
}

/// The "unknown public IPv6 address" of a service whose IPv6 ranges the catalogue lacks: the
/// global unicast space (RFC 4291 §2.4). Only a route containing all of it (`::/0`, `2000::/3`)
/// surely matches the service's addresses.
pub(super) fn global_unicast() -> Ipv6Net {
    Ipv6Net::new(Ipv6Addr::new(0x2000, 0, 0, 0, 0, 0, 0, 0), 3).unwrap_or_default()
}

/// The trace (or the IPv4 evaluation) for a query that is not plain IPv4.
pub(crate) fn plan(
    model: &Model,
    failed: &[bool],
    source: &Source,
    goal: &Goal,
    to: &Id,
    (asked, probe): (Family, Probe),
    deleted_nat: Option<&str>,
) -> Plan {
    let c = client(model, source);
    let (answer, has_a) = answer(model, failed, &c, goal);
    let (family, note) = match (asked, goal) {
        (_, Goal::Address6(_)) => (IpFamily::Ipv6, None),
        (_, Goal::Address(_)) => (IpFamily::Ipv4, None),
        (Family::Ipv4, _) => (IpFamily::Ipv4, None),
        (Family::Ipv6, _) => (IpFamily::Ipv6, None),
        (Family::Auto, _) => {
            let (f, why) = family::choose(family::Sides {
                client_v4: c.has_v4,
                client_v6: c.has_v6,
                answer_a: has_a,
                answer_aaaa: matches!(answer, Answer::To { .. }),
            });
            (f, Some(Note::FamilyChosen { family: f, why }))
        }
    };
    let mut t = Trace::new(model, source, to, &c, probe);
    if let Some(n) = note.clone() {
        t.notes.push(n);
    }
    if family == IpFamily::Ipv4 {
        if c.has_v4 {
            return Plan::Ipv4(note);
        }
        let subnet = &model.scenario().subnets[c.subnet].id;
        return t.stop(ipv6_only_subnet::no_ipv4(&c.id, subnet));
    }
    if t.source_down(failed) {
        return t.done(Verdict::Unavailable(Reason::SourceAzFailed));
    }
    let Some(block) = c.block.filter(|_| c.has_v6) else {
        let subnet = Id::from(model.scenario().subnets[c.subnet].id.as_str());
        return t.stop(V6Stop::NoIpv6Address {
            source: c.id.clone(),
            subnet,
            block: c.block.is_some(),
        });
    };
    let source_az = Some(model.subnet_az[c.subnet]);
    t.hop_az(
        HopKind::Source,
        c.id.clone(),
        source_az,
        V6Fact::Source {
            subnet: Id::from(model.scenario().subnets[c.subnet].id.as_str()),
            block,
            address: c.address,
        },
    );
    let (dest, endpoint) = match answer {
        Answer::Stop(stop) => return t.stop(stop),
        Answer::To {
            dest,
            fact,
            endpoint,
        } => {
            if let Some(fact) = fact {
                let name = Id::from(goal_name(model, goal));
                t.hop(HopKind::Dns, name, V6Fact::Dns { answer: fact });
            }
            (dest, endpoint)
        }
    };
    if dest == global_unicast()
        && let Goal::Service(svc) = goal
    {
        t.notes.push(Note::Ipv6ServiceRangesUnknown {
            service: Id::from(model.services()[*svc].name.as_str()),
        });
    }
    walk(&mut t, failed, c.subnet, dest, endpoint, deleted_nat)
}

fn goal_name<'a>(model: &'a Model, goal: &Goal) -> &'a str {
    match goal {
        Goal::Service(svc) => &model.services()[*svc].dns_name,
        _ => "",
    }
}

/// The routes a table has for IPv6 (`Scenario::ipv6_routes_of`: the derived local routes whose
/// target the table has not replaced, then the table's own).
fn routes(model: &Model, table: usize) -> Vec<(Ipv6Net, Target)> {
    let s = model.scenario();
    s.ipv6_routes_of(&s.route_tables[table])
        .map(|(net, target, _)| (net, target.clone()))
        .collect()
}

fn route_ref((destination, target): &(Ipv6Net, Target)) -> Ipv6RouteRef {
    Ipv6RouteRef {
        destination: *destination,
        target: crate::model::route_select::target_text(target),
    }
}

/// Route `dest` from the source subnet's table and follow the winner's target.
fn walk(
    t: &mut Trace<'_>,
    failed: &[bool],
    subnet: usize,
    dest: Ipv6Net,
    endpoint: Option<usize>,
    deleted_nat: Option<&str>,
) -> Plan {
    let model = t.model;
    let s = model.scenario();
    let (table, _) = model.subnet_route_table(subnet);
    let table_id = Id::from(s.route_tables[table].id.as_str());
    let all = routes(model, table);
    // Longest prefix among the routes that contain all of `dest`.
    let mut matched: Vec<&(Ipv6Net, Target)> =
        all.iter().filter(|(net, _)| net.contains(&dest)).collect();
    matched.sort_by_key(|(net, _)| net.prefix_len());
    let Some(&winner) = matched.last() else {
        return t.stop(V6Stop::NoRoute {
            table: table_id,
            destination: dest,
            routes: all.iter().map(route_ref).collect(),
            vpc_has_ipv6: !s.vpc.ipv6_cidrs.is_empty(),
        });
    };
    let route = route_ref(winner);
    t.hop(
        HopKind::RouteTable,
        table_id.clone(),
        V6Fact::Route {
            destination: dest,
            route: route.clone(),
            matched: matched.iter().map(|r| route_ref(r)).collect(),
        },
    );
    let synthesized = dns64::embedded(dest.addr()).filter(|_| dest.prefix_len() >= 96);
    let to_internet = |t: &mut Trace<'_>| {
        synthesized.map(|_| {
            t.stop(V6Stop::Nat64PrefixToInternet {
                table: table_id.clone(),
                route: route.clone(),
            })
        })
    };
    match &winner.1 {
        Target::Local => local(t, failed, dest, endpoint, subnet),
        Target::EgressOnlyInternetGateway(id) => {
            if let Some(p) = to_internet(t) {
                return p;
            }
            if let Some(p) = t.leave(dest, None) {
                return p;
            }
            match egress_only_gateway::follow(model, id, t.subnet) {
                egress_only_gateway::Outcome::Out(note, bpa) => {
                    t.notes.push(note);
                    t.notes.extend(bpa);
                    t.hop(HopKind::InternetGateway, id.clone(), V6Fact::EgressOnly);
                    t.internet(dest);
                    t.done(Verdict::Reachable {
                        via: Via::EgressOnlyInternetGateway,
                        cross_az: None,
                    })
                }
                egress_only_gateway::Outcome::Missing => t.stop(V6Stop::Blackhole {
                    table: table_id,
                    route,
                }),
                egress_only_gateway::Outcome::BlockPublicAccess(check) => {
                    t.stop_bpa(id.clone(), check)
                }
            }
        }
        Target::InternetGateway(id) => {
            if let Some(p) = to_internet(t) {
                return p;
            }
            if let Some(p) = t.leave(dest, None) {
                return p;
            }
            match ipv6_internet_gateway::follow(model, id, t.subnet) {
                ipv6_internet_gateway::Outcome::Out(bpa) => {
                    t.notes.extend(bpa);
                    let address = t.address;
                    t.hop(
                        HopKind::InternetGateway,
                        id.clone(),
                        V6Fact::InternetGateway { address },
                    );
                    t.internet(dest);
                    t.done(Verdict::Reachable {
                        via: Via::InternetGateway,
                        cross_az: None,
                    })
                }
                ipv6_internet_gateway::Outcome::Missing => t.stop(V6Stop::Blackhole {
                    table: table_id,
                    route,
                }),
                ipv6_internet_gateway::Outcome::BlockPublicAccess(check) => {
                    t.stop_bpa(id.clone(), check)
                }
            }
        }
        Target::NatGateway(id) => {
            // A NAT gateway taken away (`super::removal`) is gone, as a deleted one is.
            let nat = s
                .nat_gateways
                .iter()
                .position(|n| n.id == id.as_str())
                .filter(|_| deleted_nat != Some(id.as_str()));
            let Some(nat) = nat else {
                return t.stop(V6Stop::Blackhole {
                    table: table_id,
                    route,
                });
            };
            let Some(ipv4) = synthesized.filter(|_| NAT64_PREFIX.contains(&dest)) else {
                return t.stop(V6Stop::NotModelled {
                    id: id.clone(),
                    why: V6Unknown::NatGatewayNotNat64,
                });
            };
            let nat_subnet = model.scenario().nat_gateways[nat]
                .subnet
                .as_deref()
                .and_then(|sn| model.subnet_index(sn));
            let az = nat_subnet.map(|si| model.subnet_az[si]);
            if let Some(p) = t.leave(dest, nat_subnet) {
                return p;
            }
            // The NAT gateway's subnet's network ACL (IPv6 in, IPv4 out) is not evaluated.
            t.acl_skipped = true;
            match nat64::follow(model, failed, nat, ipv4) {
                nat64::Outcome::Out(fact, bpa, igw) => {
                    t.notes.extend(bpa);
                    t.hop_az(HopKind::NatGateway, id.clone(), az, fact);
                    // On as IPv4, as an IPv4 NAT gateway path goes: the internet gateway, then
                    // the address NAT64 translated to.
                    if let Some(igw) = igw {
                        t.nat64_internet(igw, ipv4);
                    }
                    t.done(Verdict::Reachable {
                        via: Via::NatGateway,
                        cross_az: None,
                    })
                }
                nat64::Outcome::BlockPublicAccess(fact, check) => {
                    t.hop_az(HopKind::NatGateway, id.clone(), az, fact);
                    let igw = check.internet_gateway.clone();
                    t.stop_bpa(igw, check)
                }
                nat64::Outcome::Failed(why) => t.stop(V6Stop::Nat64Failed {
                    nat: id.clone(),
                    ipv4,
                    why,
                }),
                nat64::Outcome::NotModelled => t.stop(V6Stop::NotModelled {
                    id: id.clone(),
                    why: V6Unknown::Appliance,
                }),
            }
        }
        Target::GatewayEndpoint(id) => t.stop(V6Stop::NotModelled {
            id: id.clone(),
            why: V6Unknown::GatewayEndpoint,
        }),
        Target::GatewayLoadBalancerEndpoint(id) | Target::NetworkInterface(id) => {
            t.stop(V6Stop::NotModelled {
                id: id.clone(),
                why: V6Unknown::Appliance,
            })
        }
        Target::Blackhole => t.stop(V6Stop::Blackhole {
            table: table_id,
            route,
        }),
        Target::VpcPeering(id) | Target::TransitGateway(id) | Target::VirtualPrivateGateway(id) => {
            let target = id.clone();
            t.stop_verdict(
                V6Stop::LeavesVpc {
                    table: table_id,
                    route,
                },
                Verdict::LeavesVpc { target },
            )
        }
    }
}

/// The local route: the destination is in one of the VPC's subnets (an address, or an
/// endpoint's network interfaces).
fn local(
    t: &mut Trace<'_>,
    failed: &[bool],
    dest: Ipv6Net,
    endpoint: Option<usize>,
    source_subnet: usize,
) -> Plan {
    let model = t.model;
    let s = model.scenario();
    let down = |si: usize| failed.get(model.subnet_az[si]).copied().unwrap_or(false);
    if let Some(e) = endpoint {
        let ie = &s.interface_endpoints[e];
        let addresses: Vec<(Id, Ipv6Net)> = ie
            .subnets
            .iter()
            .filter_map(|es| {
                let si = model.subnet_index(&es.subnet)?;
                let block = s.subnets[si].ipv6_cidr?;
                (!down(si)).then(|| {
                    (
                        Id::from(es.subnet.as_str()),
                        es.ipv6.map(Ipv6Net::from).unwrap_or(block),
                    )
                })
            })
            .collect();
        let source_az = model.subnet_az[source_subnet];
        let same = ie
            .subnets
            .iter()
            .filter_map(|es| model.subnet_index(&es.subnet))
            .filter(|&si| !down(si) && s.subnets[si].ipv6_cidr.is_some())
            .map(|si| model.subnet_az[si] == source_az)
            .collect::<Vec<_>>();
        let cross_az = match (same.iter().any(|x| *x), same.iter().all(|x| *x)) {
            (_, true) => CrossAz::Never,
            (true, false) => CrossAz::Sometimes,
            (false, false) => CrossAz::Always,
        };
        // Security groups and network ACLs: the first answered interface stands for all when
        // every one's layers decide alike; when they differ, not modelled.
        let enis: Vec<(usize, Ipv6Net)> = addresses
            .iter()
            .filter_map(|(sn, net)| Some((model.subnet_index(sn)?, *net)))
            .collect();
        let groups = model.security().endpoint_groups.get(e).cloned();
        let id = Id::from(ie.id.as_str());
        let held = groups.as_deref().map(|g| (g, id.clone()));
        let passes: Vec<bool> = enis
            .iter()
            .map(|&(si, net)| t.passes(net, si, held.clone()))
            .collect();
        if passes.iter().any(|p| *p) && !passes.iter().all(|p| *p) {
            return t.stop(V6Stop::NotModelled {
                id,
                why: V6Unknown::SomeInterfaces,
            });
        }
        if let Some(&(si, net)) = enis.first() {
            if let Some(p) = t.leave(net, Some(si)) {
                return p;
            }
            if let Some(p) = t.arrive(si, held) {
                return p;
            }
        }
        t.hop(
            HopKind::InterfaceEndpoint,
            Id::from(ie.id.as_str()),
            V6Fact::Endpoint { addresses },
        );
        return t.done(Verdict::Reachable {
            via: Via::InterfaceEndpoint,
            cross_az: Some(cross_az),
        });
    }
    let address = dest.addr();
    let holder = s
        .subnets
        .iter()
        .position(|sn| sn.ipv6_cidr.is_some_and(|b| b.contains(&address)));
    match holder {
        Some(si) if !down(si) => {
            // The ingress of the instance that holds the address, if the model has it.
            let holder = s
                .instances
                .iter()
                .position(|i| i.ipv6_address == Some(address));
            let groups = holder.and_then(|i| model.security().instance_groups.get(i));
            let held = holder.zip(groups).map(|(i, g)| {
                let id = Id::from(s.instances[i].id.as_str());
                (g.as_slice(), id)
            });
            if let Some(p) = t.leave(dest, Some(si)) {
                return p;
            }
            if let Some(p) = t.arrive(si, held) {
                return p;
            }
            let subnet = Id::from(s.subnets[si].id.as_str());
            let az = Some(model.subnet_az[si]);
            t.hop_az(
                HopKind::Address,
                Id::from(address.to_string().as_str()),
                az,
                V6Fact::Address { address, subnet },
            );
            t.done(Verdict::Reachable {
                via: Via::Local,
                cross_az: None,
            })
        }
        other => t.stop(V6Stop::AddressUnavailable {
            address,
            subnet: other.map(|si| Id::from(s.subnets[si].id.as_str())),
        }),
    }
}
