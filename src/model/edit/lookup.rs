//! Lookups and the edit-level checks. They read the scratch scenario, not the model's indexes,
//! because inside a batch the scenario has already moved on.

use super::EditError;
use crate::model::{Destination, Diagnostic, EndpointSubnet, Scenario, Target};

/// How many valid ids a "not found" message lists before it says how many more there are.
const LIST_LIMIT: usize = 8;

/// The first [`LIST_LIMIT`] items as the list argument `name`, and how many more there are as
/// `more` (the message says "… (3 more)").
pub(super) fn brief_list<T: ToString>(
    d: Diagnostic,
    name: &'static str,
    items: impl IntoIterator<Item = T>,
) -> Diagnostic {
    let items: Vec<String> = items.into_iter().map(|i| i.to_string()).collect();
    let more = items.len().saturating_sub(LIST_LIMIT);
    d.n("count", items.len())
        .list(name, items.into_iter().take(LIST_LIMIT))
        .n("more", more)
}

/// The messages that name a kind of object: one, several.
pub(super) type Kind = (&'static str, &'static str);

macro_rules! kind {
    ($code:literal) => {
        (concat!("kind-", $code), concat!("kinds-", $code))
    };
}

/// "no route table rtb-x; route tables: rtb-main, rtb-public".
pub(super) fn not_found<T: ToString>(
    kind: Kind,
    id: &str,
    valid: impl IntoIterator<Item = T>,
) -> EditError {
    let d = Diagnostic::error(id, "not_found")
        .m("kind", kind.0)
        .m("kinds", kind.1)
        .s("id", id);
    EditError::missing(brief_list(d, "known", valid))
}

pub(super) fn refuse(d: Diagnostic) -> EditError {
    EditError::Refused(vec![d])
}

/// Put `item` at `position` (clamped to the end; the end when `None`).
pub(super) fn insert_at<T>(list: &mut Vec<T>, position: Option<usize>, item: T) {
    let at = position.map_or(list.len(), |p| p.min(list.len()));
    list.insert(at, item);
}

pub(super) fn find_subnet(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.subnets
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| not_found(kind!("subnet"), id, s.subnets.iter().map(|x| &*x.id)))
}

pub(super) fn find_load_balancer(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.gateway_load_balancers
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                kind!("gateway_load_balancer"),
                id,
                s.gateway_load_balancers.iter().map(|x| &*x.id),
            )
        })
}

pub(super) fn find_table(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.route_tables
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                kind!("route_table"),
                id,
                s.route_tables.iter().map(|x| &*x.id),
            )
        })
}

pub(super) fn find_gateway_endpoint(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.gateway_endpoints
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                kind!("gateway_endpoint"),
                id,
                s.gateway_endpoints.iter().map(|x| &*x.id),
            )
        })
}

pub(super) fn find_interface_endpoint(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.interface_endpoints
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                kind!("interface_endpoint"),
                id,
                s.interface_endpoints.iter().map(|x| &*x.id),
            )
        })
}

pub(super) fn find_nat(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.nat_gateways
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                kind!("nat_gateway"),
                id,
                s.nat_gateways.iter().map(|x| &*x.id),
            )
        })
}

pub(super) fn find_gwlb(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.gwlb_endpoints
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                kind!("gwlb_endpoint"),
                id,
                s.gwlb_endpoints.iter().map(|x| &*x.id),
            )
        })
}

fn find_network_interface(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.network_interfaces
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                kind!("network_interface"),
                id,
                s.network_interfaces.iter().map(|x| &*x.id),
            )
        })
}

/// By id, or failing that by name (as `Model::instance_index` does).
pub(super) fn find_instance(s: &Scenario, key: &str) -> Result<usize, EditError> {
    s.instances
        .iter()
        .position(|x| x.id == key)
        .or_else(|| {
            s.instances
                .iter()
                .position(|x| x.name.as_deref() == Some(key))
        })
        .ok_or_else(|| not_found(kind!("instance"), key, s.instances.iter().map(|x| &*x.id)))
}

pub(super) fn az_index(s: &Scenario, name_or_id: &str) -> Option<usize> {
    s.availability_zones
        .iter()
        .position(|a| a.name == name_or_id || a.id.as_deref() == Some(name_or_id))
}

/// `us-east-1a (use1-az1)`, or just the name.
pub(super) fn az_label(s: &Scenario, i: usize) -> String {
    let a = &s.availability_zones[i];
    match &a.id {
        Some(id) => format!("{} ({id})", a.name),
        None => a.name.clone(),
    }
}

pub(super) fn find_az(s: &Scenario, az: &str) -> Result<usize, EditError> {
    az_index(s, az).ok_or_else(|| {
        let labels: Vec<String> = (0..s.availability_zones.len())
            .map(|i| az_label(s, i))
            .collect();
        not_found(kind!("az"), az, labels)
    })
}

/// An id given to a new object must not name anything that exists.
pub(super) fn check_new_id(s: &Scenario, id: &str) -> Result<(), EditError> {
    let vpc = std::iter::once((&s.vpc.id, "the-vpc"));
    let kind = vpc
        .chain(s.subnets.iter().map(|x| (&x.id, "kind-a-subnet")))
        .chain(s.route_tables.iter().map(|x| (&x.id, "kind-a-route_table")))
        .chain(
            s.internet_gateway
                .iter()
                .map(|x| (&x.id, "the-internet-gateway")),
        )
        .chain(s.nat_gateways.iter().map(|x| (&x.id, "kind-a-nat_gateway")))
        .chain(
            s.gateway_endpoints
                .iter()
                .map(|x| (&x.id, "kind-a-gateway_endpoint")),
        )
        .chain(
            s.interface_endpoints
                .iter()
                .map(|x| (&x.id, "kind-a-interface_endpoint")),
        )
        .chain(
            s.gwlb_endpoints
                .iter()
                .map(|x| (&x.id, "kind-a-gwlb_endpoint")),
        )
        .chain(
            s.network_interfaces
                .iter()
                .map(|x| (&x.id, "kind-a-network_interface")),
        )
        .chain(s.instances.iter().map(|x| (&x.id, "kind-a-instance")))
        .find(|(x, _)| x.as_str() == id)
        .map(|(_, kind)| kind);
    match kind {
        Some(kind) => Err(refuse(
            Diagnostic::error(id, "duplicate_id")
                .s("case", "new_id")
                .s("id", id)
                .m("a_kind", kind),
        )),
        None => Ok(()),
    }
}

/// A target that names an object of the VPC must name one that exists. Targets beyond the
/// model (peering, transit gateway, virtual private gateway) are not checked.
pub(super) fn check_target(s: &Scenario, table: &str, target: &Target) -> Result<(), EditError> {
    match target {
        Target::InternetGateway(id) => match &s.internet_gateway {
            Some(g) if g.id == id => Ok(()),
            Some(g) => Err(EditError::missing(
                Diagnostic::error(id, "no_internet_gateway")
                    .s("id", id)
                    .b("has_igw", true)
                    .s("igw", &g.id),
            )),
            None => Err(EditError::missing(
                Diagnostic::error(id, "no_internet_gateway")
                    .s("id", id)
                    .b("has_igw", false),
            )),
        },
        Target::NatGateway(id) => find_nat(s, id).map(drop),
        Target::GatewayLoadBalancerEndpoint(id) => find_gwlb(s, id).map(drop),
        Target::NetworkInterface(id) => find_network_interface(s, id).map(drop),
        Target::GatewayEndpoint(id) => Err(refuse(
            Diagnostic::error(table, "derived_route_target")
                .s("case", "edit_gateway_endpoint")
                .s("endpoint", id)
                .s("table", table),
        )),
        _ => Ok(()),
    }
}

pub(super) fn is_vpc_cidr(s: &Scenario, d: &Destination) -> bool {
    matches!(d, Destination::Cidr(c) if s.vpc.cidrs.contains(c))
}

pub(super) fn route_index(s: &Scenario, ti: usize, d: &Destination) -> Option<usize> {
    s.route_tables[ti]
        .routes
        .iter()
        .position(|r| &r.destination == d)
}

/// The gateway endpoint whose derived route in `table` has destination `d`, if any.
fn endpoint_route_owner<'a>(s: &'a Scenario, table: &str, d: &Destination) -> Option<&'a str> {
    let Destination::PrefixList(service) = d else {
        return None;
    };
    s.gateway_endpoints
        .iter()
        .find(|g| &g.service == service && g.route_tables.iter().any(|t| t == table))
        .map(|g| g.id.as_str())
}

/// A route table holds one route per destination, the derived ones included.
pub(super) fn check_destination_free(
    s: &Scenario,
    ti: usize,
    d: &Destination,
) -> Result<(), EditError> {
    let t = &s.route_tables[ti];
    if let Some(r) = t.routes.iter().find(|r| &r.destination == d) {
        return Err(refuse(
            Diagnostic::error(&t.id, "duplicate_route_destination")
                .s("case", "edit_written")
                .s("table", &t.id)
                .s("destination", d)
                .s("target", &r.target),
        ));
    }
    if is_vpc_cidr(s, d) {
        return Err(refuse(
            Diagnostic::error(&t.id, "duplicate_route_destination")
                .s("case", "edit_local")
                .s("table", &t.id)
                .s("destination", d),
        ));
    }
    if let Some(ep) = endpoint_route_owner(s, &t.id, d) {
        return Err(refuse(
            Diagnostic::error(&t.id, "duplicate_route_destination")
                .s("case", "edit_gateway_endpoint")
                .s("table", &t.id)
                .s("destination", d)
                .s("endpoint", ep),
        ));
    }
    Ok(())
}

/// Attaching a gateway endpoint for `service` to a table adds `pl-<service>`: the table must not
/// route that destination already (one endpoint route per service per table, §2 and §7).
pub(super) fn check_endpoint_route_free(
    s: &Scenario,
    ti: usize,
    service: &str,
    endpoint: &str,
) -> Result<(), EditError> {
    let t = &s.route_tables[ti];
    let d = Destination::PrefixList(service.to_string());
    if let Some(r) = t.routes.iter().find(|r| r.destination == d) {
        return Err(refuse(
            Diagnostic::error(&t.id, "duplicate_route_destination")
                .s("case", "edit_attach")
                .s("table", &t.id)
                .s("destination", &d)
                .s("target", &r.target)
                .s("endpoint", endpoint),
        ));
    }
    if let Some(other) = s
        .gateway_endpoints
        .iter()
        .find(|g| g.id != endpoint && g.service == service && g.route_tables.contains(&t.id))
    {
        return Err(refuse(
            Diagnostic::error(&t.id, "duplicate_gateway_endpoint_route")
                .s("case", "edit_other_endpoint")
                .s("table", &t.id)
                .s("destination", &d)
                .s("other", &other.id),
        ));
    }
    Ok(())
}

/// An interface endpoint takes at most one subnet per AZ (§3); AWS refuses a second.
pub(super) fn check_endpoint_subnet_free(
    s: &Scenario,
    endpoint: &str,
    existing: &[EndpointSubnet],
    new: &EndpointSubnet,
) -> Result<(), EditError> {
    if existing.iter().any(|es| es.subnet == new.subnet) {
        return Err(refuse(
            Diagnostic::error(endpoint, "endpoint_subnets_same_az")
                .s("case", "edit_twice")
                .s("endpoint", endpoint)
                .s("subnet", &new.subnet),
        ));
    }
    let az_of = |id: &str| s.subnets.iter().find(|x| x.id == id).map(|x| x.az.as_str());
    let Some(new_az) = az_of(&new.subnet) else {
        return Ok(());
    };
    let same_az = |a: &str| match (az_index(s, a), az_index(s, new_az)) {
        (Some(x), Some(y)) => x == y,
        _ => a == new_az,
    };
    if let Some(es) = existing
        .iter()
        .find(|es| az_of(&es.subnet).is_some_and(same_az))
    {
        return Err(refuse(
            Diagnostic::error(endpoint, "endpoint_subnets_same_az")
                .s("case", "edit_other_subnet")
                .s("endpoint", endpoint)
                .s("az", new_az)
                .s("other", &es.subnet),
        ));
    }
    Ok(())
}

/// Why a route to `d` cannot be found in table `ti`: AWS manages it, or it does not exist.
pub(super) fn missing_route(s: &Scenario, ti: usize, d: &Destination) -> EditError {
    let t = &s.route_tables[ti];
    if let Some(ep) = endpoint_route_owner(s, &t.id, d) {
        return refuse(
            Diagnostic::error(&t.id, "gateway_endpoint_route_managed")
                .s("table", &t.id)
                .s("destination", d)
                .s("endpoint", ep),
        );
    }
    let mut have: Vec<String> = s.vpc.cidrs.iter().map(|c| format!("{c} (local)")).collect();
    have.extend(
        t.routes
            .iter()
            .filter(|r| !is_vpc_cidr(s, &r.destination))
            .map(|r| r.destination.to_string()),
    );
    have.extend(
        s.gateway_endpoints
            .iter()
            .filter(|g| g.route_tables.contains(&t.id))
            .map(|g| format!("pl-{} ({})", g.service, g.id)),
    );
    let d = Diagnostic::error(&t.id, "no_route")
        .s("table", &t.id)
        .s("destination", d);
    EditError::missing(brief_list(d, "routes", have))
}
