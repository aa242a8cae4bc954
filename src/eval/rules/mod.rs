//! One file per AWS rule that decides what happens when a route's winner reaches its target.
//! Each takes the [`Arrival`](super::ctx::Arrival) (table, route, pieces) and the packet's
//! state, records its hop, and returns an [`Outcome`](super::ctx::Outcome): the path ends,
//! stops, or is routed again by a forwarder's own subnet table. The walk (`super::walk`)
//! dispatches on the route's target; no rule calls another. The IPv6 rules (`family`,
//! `ipv6_only_subnet`, `dns64`, `endpoint_dns_records`, `egress_only_gateway`,
//! `ipv6_internet_gateway`, `nat64`) return plain decisions to `super::ipv6`, which walks IPv6
//! paths.

pub(super) mod blackhole;
pub(super) mod block_public_access;
pub(super) mod bucket_policy;
pub(super) mod dhcp_options;
pub(super) mod directory_bucket;
pub(super) mod dns64;
pub(super) mod egress_only_gateway;
pub(super) mod endpoint_dns_records;
pub(super) mod endpoint_policy;
pub(super) mod family;
pub(super) mod gateway_endpoint;
pub(super) mod gwlb;
pub(super) mod hosted_zone;
pub(super) mod interface_endpoint;
pub(super) mod internet_gateway;
pub(super) mod ipv6_internet_gateway;
pub(super) mod ipv6_only_subnet;
pub(super) mod lattice_endpoint;
pub(super) mod leaves_vpc;
pub(super) mod local;
pub(super) mod nat64;
pub(super) mod nat_gateway;
pub(super) mod network_acl;
pub(super) mod network_acl_v6;
pub(super) mod network_interface;
pub(super) mod resolver_rule;
pub(super) mod return_leg;
pub(super) mod security_group;
pub(super) mod security_group_v6;
pub(super) mod service_network_association;
pub(super) mod source_dest_check;
pub(super) mod zonal;
