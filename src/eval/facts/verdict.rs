//! Verdicts and the codes they carry: how a path gets there (`via`), cross-AZ, reasons, hop kinds.

use serde::Serialize;

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// Delivered inside the VPC by the `local` route (address destinations).
    Local,
    GatewayEndpoint,
    InterfaceEndpoint,
    NatGateway,
    InternetGateway,
    /// Out to the internet over IPv6 through an egress-only internet gateway.
    EgressOnlyInternetGateway,
    /// A resource VPC endpoint (VPC Lattice): its ENIs, then a resource configuration outside
    /// this VPC.
    ResourceEndpoint,
    /// A service-network VPC endpoint (VPC Lattice): its ENIs, then a service network outside
    /// this VPC.
    ServiceNetworkEndpoint,
    /// The VPC's service network association (VPC Lattice): its link-local addresses, then a
    /// service network outside this VPC.
    ServiceNetworkAssociation,
    /// A workload whose parts are reachable by different ways (each part says which).
    Mixed,
}

impl Via {
    pub fn code(self) -> &'static str {
        match self {
            Via::Local => "local",
            Via::GatewayEndpoint => "gateway_endpoint",
            Via::InterfaceEndpoint => "interface_endpoint",
            Via::NatGateway => "nat_gateway",
            Via::InternetGateway => "internet_gateway",
            Via::EgressOnlyInternetGateway => "egress_only_internet_gateway",
            Via::ResourceEndpoint => "resource_endpoint",
            Via::ServiceNetworkEndpoint => "service_network_endpoint",
            Via::ServiceNetworkAssociation => "service_network_association",
            Via::Mixed => "mixed",
        }
    }

    /// Whether the way reaches network interfaces of an endpoint in this VPC (so `cross_az`
    /// applies): an interface, resource or service-network endpoint.
    pub fn through_enis(self) -> bool {
        matches!(
            self,
            Via::InterfaceEndpoint | Via::ResourceEndpoint | Via::ServiceNetworkEndpoint
        )
    }
}

/// How an interface-endpoint path relates to the client's AZ (aws-semantics.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum CrossAz {
    /// Every healthy ENI in the answer is in the client's AZ.
    Never,
    /// The answer holds ENIs in the client's AZ and in others.
    Sometimes,
    /// No ENI in the client's AZ: it works, pays inter-AZ transfer, depends on another AZ.
    Always,
}

impl CrossAz {
    pub fn code(self) -> &'static str {
        match self {
            CrossAz::Never => "never",
            CrossAz::Sometimes => "sometimes",
            CrossAz::Always => "always",
        }
    }
}

/// Why a path ends without reaching its destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The route table has no route for the destination.
    NoRoute,
    /// The matching route is a blackhole (explicit, or its target no longer exists).
    BlackholeRoute,
    /// A route to the internet gateway, but the source has no public IPv4 address.
    NoPublicIp,
    /// The path needs an internet gateway and the VPC has none.
    NoInternetGateway,
    /// The NAT gateway's AZ has failed.
    NatAzFailed,
    /// A private NAT gateway's traffic reached the internet gateway, which drops it.
    PrivateNatNoInternet,
    /// Every ENI of the interface endpoint is in a failed AZ.
    EndpointEnisAllFailed,
    /// The GWLB endpoint's AZ has failed or its appliances are down.
    GwlbEndpointFailed,
    /// An appliance network interface that the route targets is in a failed AZ.
    ApplianceUnavailable,
    /// `enableDnsSupport` is off: the Amazon-provided resolver answers nothing.
    DnsResolutionDisabled,
    /// The path came back to a table and target it had already passed.
    RoutingLoop,
    /// The source's AZ has failed.
    SourceAzFailed,
    /// The destination address is in a subnet whose AZ has failed, or in no subnet at all.
    DestinationUnavailable,
    /// Some part of a workload is not reachable.
    WorkloadPartFailed,
    /// Replies do not come back through the GWLB endpoint the request passed, and the
    /// appliances are stateful.
    AsymmetricReturn,
    /// The walk passed more steps than the model has routes (a guard that should never fire).
    WalkLimit,
    /// No egress rule of the sending interface's security groups (the source's, or an appliance's
    /// for what it forwards) allows the traffic.
    SecurityGroupEgress,
    /// No ingress rule of the receiving interface's security groups allows the traffic.
    SecurityGroupIngress,
    /// The network ACL of the subnet the traffic leaves denies it.
    NetworkAclOutbound,
    /// The network ACL of the subnet the traffic enters denies it.
    NetworkAclInbound,
    /// A network ACL denies the reply (stateless: it is checked on its own ports).
    NetworkAclReply,
    /// An appliance interface with its source/destination check on drops forwarded traffic.
    SourceDestCheck,
    /// The VPC endpoint's policy denies the request (explicitly, or no statement allows it).
    EndpointPolicyDenied,
    /// The S3 bucket's policy explicitly denies the request.
    BucketPolicyDenied,
    /// A policy's decision rests on something outside the evaluated subset.
    PolicyNotEvaluable,
    /// VPC Block Public Access blocks the traffic at the internet gateway: no exclusion covers
    /// the subnet it comes from.
    BlockPublicAccess,
    /// VPC Block Public Access blocks a NAT gateway's traffic at the internet gateway: the NAT
    /// gateway's subnet has no exclusion (the source subnet's exclusion does not count).
    BlockPublicAccessNatSubnet,
    /// VPC Block Public Access applies in a way AWS's pages do not describe: not modelled.
    BlockPublicAccessNotModelled,
    /// A private hosted zone for the name (or a parent of it) has no record for it: the
    /// Resolver answers NXDOMAIN and does not ask public DNS.
    DnsNameNotFound,
    /// Who answers the name, or what the answer leads to, is outside the model (custom DNS
    /// servers, a Resolver forward rule, a record for something the model does not hold):
    /// not modelled, never guessed.
    DnsAnswerOutsideModel,
    /// An IPv6 query from a source without an IPv6 address.
    NoIpv6Address,
    /// An IPv4 query from an IPv6-only subnet: the source has no IPv4 address.
    NoIpv4Address,
    /// The name has no AAAA record (and DNS64 does not synthesize one).
    NoAaaaRecord,
    /// The interface endpoint has no IPv6 address (IP address type ipv4).
    EndpointNoIpv6,
    /// An IPv4 query for an interface endpoint whose ENIs are all in IPv6-only subnets: it has
    /// no IPv4 address, so its name has no A record.
    EndpointNoIpv4,
    /// No IPv6 route matches the destination.
    NoIpv6Route,
    /// An IPv6 path meets something AWS's pages (as read) or the model leave open: not modelled.
    Ipv6NotModelled,
    /// The S3 Express One Zone directory bucket's zone has failed: the bucket is in that one
    /// zone, so no path reaches it.
    DirectoryBucketAzFailed,
    /// A path to an S3 Express One Zone directory bucket that does not go through an
    /// `s3express` gateway endpoint: AWS's pages describe access through one only, so what
    /// another way gets is not modelled.
    DirectoryBucketWithoutGatewayEndpoint,
    /// The resource configuration behind a resource or service-network endpoint does not offer
    /// the port (or the protocol: its port ranges are TCP).
    LatticePortNotOffered,
}

impl Reason {
    /// Whether the reason says the model cannot tell (what decides lies outside it, or AWS's
    /// pages leave it open), so the path's verdict is [`Verdict::NotModelled`], not blocked.
    pub fn is_not_modelled(self) -> bool {
        matches!(
            self,
            Reason::BlockPublicAccessNotModelled
                | Reason::DnsAnswerOutsideModel
                | Reason::Ipv6NotModelled
                | Reason::PolicyNotEvaluable
                | Reason::DirectoryBucketWithoutGatewayEndpoint
        )
    }

    /// Whether a security layer decided it (a security group, a network ACL, a
    /// source/destination check, an endpoint or bucket policy; aws-semantics.md §5b), not the
    /// routing or an AZ.
    pub fn is_security_layer(self) -> bool {
        matches!(
            self,
            Reason::SecurityGroupEgress
                | Reason::SecurityGroupIngress
                | Reason::NetworkAclOutbound
                | Reason::NetworkAclInbound
                | Reason::NetworkAclReply
                | Reason::SourceDestCheck
                | Reason::EndpointPolicyDenied
                | Reason::BucketPolicyDenied
                | Reason::PolicyNotEvaluable
        )
    }

    pub const ALL: [Reason; 40] = [
        Reason::NoRoute,
        Reason::BlackholeRoute,
        Reason::NoPublicIp,
        Reason::NoInternetGateway,
        Reason::NatAzFailed,
        Reason::PrivateNatNoInternet,
        Reason::EndpointEnisAllFailed,
        Reason::GwlbEndpointFailed,
        Reason::ApplianceUnavailable,
        Reason::DnsResolutionDisabled,
        Reason::RoutingLoop,
        Reason::SourceAzFailed,
        Reason::DestinationUnavailable,
        Reason::WorkloadPartFailed,
        Reason::AsymmetricReturn,
        Reason::WalkLimit,
        Reason::SecurityGroupEgress,
        Reason::SecurityGroupIngress,
        Reason::NetworkAclOutbound,
        Reason::NetworkAclInbound,
        Reason::NetworkAclReply,
        Reason::SourceDestCheck,
        Reason::EndpointPolicyDenied,
        Reason::BucketPolicyDenied,
        Reason::PolicyNotEvaluable,
        Reason::BlockPublicAccess,
        Reason::BlockPublicAccessNatSubnet,
        Reason::BlockPublicAccessNotModelled,
        Reason::DnsNameNotFound,
        Reason::DnsAnswerOutsideModel,
        Reason::NoIpv6Address,
        Reason::NoIpv4Address,
        Reason::NoAaaaRecord,
        Reason::EndpointNoIpv6,
        Reason::EndpointNoIpv4,
        Reason::NoIpv6Route,
        Reason::Ipv6NotModelled,
        Reason::DirectoryBucketAzFailed,
        Reason::DirectoryBucketWithoutGatewayEndpoint,
        Reason::LatticePortNotOffered,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Reason::NoRoute => "no_route",
            Reason::BlackholeRoute => "blackhole_route",
            Reason::NoPublicIp => "no_public_ip",
            Reason::NoInternetGateway => "no_internet_gateway",
            Reason::NatAzFailed => "nat_az_failed",
            Reason::PrivateNatNoInternet => "private_nat_no_internet",
            Reason::EndpointEnisAllFailed => "endpoint_enis_all_failed",
            Reason::GwlbEndpointFailed => "gwlb_endpoint_failed",
            Reason::ApplianceUnavailable => "appliance_unavailable",
            Reason::DnsResolutionDisabled => "dns_resolution_disabled",
            Reason::RoutingLoop => "routing_loop",
            Reason::SourceAzFailed => "source_az_failed",
            Reason::DestinationUnavailable => "destination_unavailable",
            Reason::WorkloadPartFailed => "workload_part_failed",
            Reason::AsymmetricReturn => "asymmetric_return",
            Reason::WalkLimit => "walk_limit",
            Reason::SecurityGroupEgress => "security_group_egress",
            Reason::SecurityGroupIngress => "security_group_ingress",
            Reason::NetworkAclOutbound => "network_acl_outbound",
            Reason::NetworkAclInbound => "network_acl_inbound",
            Reason::NetworkAclReply => "network_acl_reply",
            Reason::SourceDestCheck => "source_dest_check",
            Reason::EndpointPolicyDenied => "endpoint_policy_denied",
            Reason::BucketPolicyDenied => "bucket_policy_denied",
            Reason::PolicyNotEvaluable => "policy_not_evaluable",
            Reason::BlockPublicAccess => "block_public_access",
            Reason::BlockPublicAccessNatSubnet => "block_public_access_nat_subnet",
            Reason::BlockPublicAccessNotModelled => "block_public_access_not_modelled",
            Reason::DnsNameNotFound => "dns_name_not_found",
            Reason::DnsAnswerOutsideModel => "dns_answer_outside_model",
            Reason::NoIpv6Address => "no_ipv6_address",
            Reason::NoIpv4Address => "no_ipv4_address",
            Reason::NoAaaaRecord => "no_aaaa_record",
            Reason::EndpointNoIpv6 => "endpoint_no_ipv6",
            Reason::EndpointNoIpv4 => "endpoint_no_ipv4",
            Reason::NoIpv6Route => "no_ipv6_route",
            Reason::Ipv6NotModelled => "ipv6_not_modelled",
            Reason::DirectoryBucketAzFailed => "directory_bucket_az_failed",
            Reason::DirectoryBucketWithoutGatewayEndpoint => {
                "directory_bucket_without_gateway_endpoint"
            }
            Reason::LatticePortNotOffered => "lattice_port_not_offered",
        }
    }

    /// The closest explanation code of AWS Reachability Analyzer, for a user to cross-check
    /// (<https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html>); none
    /// where Reachability Analyzer has no counterpart (AZ failures, DNS, the walk's guard).
    pub fn reachability_analyzer_code(self) -> Option<&'static str> {
        Some(match self {
            // "The route table does not have an applicable route to the destination resource"
            // (`CANNOT_ROUTE` is a route that exists but does not match the packet).
            Reason::NoRoute | Reason::NoInternetGateway => "NO_ROUTE_TO_DESTINATION",
            Reason::BlackholeRoute => "BAD_STATE_ROUTE",
            // "Traffic can't reach the internet through the internet gateway if the source
            // address is not paired with a public IP address": an instance without a public
            // IPv4 address, or a private NAT gateway (it has none).
            Reason::NoPublicIp | Reason::PrivateNatNoInternet => {
                "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS"
            }
            Reason::SecurityGroupEgress | Reason::SecurityGroupIngress => "ENI_SG_RULES_MISMATCH",
            Reason::NetworkAclOutbound | Reason::NetworkAclInbound | Reason::NetworkAclReply => {
                "SUBNET_ACL_RESTRICTION"
            }
            Reason::SourceDestCheck => "ENI_SOURCE_DEST_CHECK_RESTRICTION",
            Reason::NatAzFailed
            | Reason::EndpointEnisAllFailed
            | Reason::GwlbEndpointFailed
            | Reason::ApplianceUnavailable
            | Reason::DestinationUnavailable => "BAD_STATE",
            // Reachability Analyzer analyzes paths to network resources, not S3 buckets' zones.
            Reason::DirectoryBucketAzFailed | Reason::DirectoryBucketWithoutGatewayEndpoint => {
                return None;
            }
            // The explanation codes read name none for VPC Lattice resource configurations.
            Reason::LatticePortNotOffered => return None,
            Reason::DnsResolutionDisabled
            | Reason::RoutingLoop
            | Reason::SourceAzFailed
            | Reason::WorkloadPartFailed
            | Reason::AsymmetricReturn
            | Reason::WalkLimit => return None,
            // Reachability Analyzer does not evaluate IAM policies (endpoint or bucket
            // policies): it has no counterpart, and a code that looked close would mislead.
            Reason::EndpointPolicyDenied
            | Reason::BucketPolicyDenied
            | Reason::PolicyNotEvaluable => return None,
            // "Internet traffic is blocked because VPC Block Public Access (BPA) is enabled"; AWS's
            // BPA guide shows Reachability Analyzer naming it
            // (<https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa-assess-impact.html>).
            Reason::BlockPublicAccess | Reason::BlockPublicAccessNatSubnet => {
                "VPC_BLOCK_PUBLIC_ACCESS_ENABLED"
            }
            // A case AWS's pages do not describe: no verdict of ours to cross-check.
            Reason::BlockPublicAccessNotModelled => return None,
            // Reachability Analyzer does not resolve names (it analyzes paths between resources
            // and addresses): no DNS code.
            Reason::DnsNameNotFound | Reason::DnsAnswerOutsideModel => return None,
            // "The component is not associated with a VPC in your account …, or none of its
            // network interfaces has an IPv4 address" (a configuration code: no path possible).
            Reason::NoIpv4Address | Reason::EndpointNoIpv4 => "UNASSOCIATED_COMPONENT",
            // The page's `NO_PATH` names IPv6 as a feature Reachability Analyzer does not
            // analyze: an IPv6 verdict has nothing to cross-check against.
            Reason::NoIpv6Route
            | Reason::NoIpv6Address
            | Reason::NoAaaaRecord
            | Reason::EndpointNoIpv6
            | Reason::Ipv6NotModelled => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    Reachable {
        via: Via,
        cross_az: Option<CrossAz>,
    },
    /// The destination's CIDRs do not all take the same path; see the trace's parts.
    Partial,
    Blocked(Reason),
    /// The route leaves the VPC (peering, transit gateway, virtual private gateway).
    LeavesVpc {
        /// The target's id, as the route's [`crate::model::Target`] holds it.
        target: CompactString,
    },
    /// The source itself is down (its AZ failed).
    Unavailable(Reason),
    /// The path meets something the model does not hold or AWS's pages do not settle (the
    /// reason says what): no verdict is given rather than a guess. Issue 20 ("the verdict says
    /// not modelled rather than guessing") and issue 17 ("anything outside the supported subset
    /// is reported as such, never guessed").
    NotModelled(Reason),
}

impl Verdict {
    pub fn code(&self) -> &'static str {
        match self {
            Verdict::Reachable { .. } => "reachable",
            Verdict::Partial => "partial",
            Verdict::Blocked(_) => "blocked",
            Verdict::LeavesVpc { .. } => "leaves_vpc",
            Verdict::Unavailable(_) => "unavailable",
            Verdict::NotModelled(_) => "not_modelled",
        }
    }

    /// The verdict of a path that stops for `reason`: not modelled when the reason says the
    /// model cannot tell ([`Reason::is_not_modelled`]), blocked otherwise.
    pub fn stopped(reason: Reason) -> Verdict {
        if reason.is_not_modelled() {
            Verdict::NotModelled(reason)
        } else {
            Verdict::Blocked(reason)
        }
    }

    pub fn is_reachable(&self) -> bool {
        matches!(self, Verdict::Reachable { .. })
    }

    pub fn via(&self) -> Option<Via> {
        match self {
            Verdict::Reachable { via, .. } => Some(*via),
            _ => None,
        }
    }

    pub fn cross_az(&self) -> Option<CrossAz> {
        match self {
            Verdict::Reachable { cross_az, .. } => *cross_az,
            _ => None,
        }
    }

    pub fn reason(&self) -> Option<Reason> {
        match self {
            Verdict::Blocked(r) | Verdict::Unavailable(r) | Verdict::NotModelled(r) => Some(*r),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HopKind {
    Source,
    Dns,
    RouteTable,
    GatewayEndpoint,
    InterfaceEndpoint,
    NatGateway,
    GwlbEndpoint,
    Inspection,
    NetworkInterface,
    InternetGateway,
    Service,
    LeavesVpc,
    /// The destination address inside the VPC (a subnet, an ENI, an instance).
    Address,
    /// A destination on the internet (an address outside the VPC and AWS's service ranges).
    Internet,
    /// The way back of a path through a GWLB endpoint.
    Return,
    Blocked,
    /// A security group decision.
    SecurityGroup,
    /// A network ACL decision at a subnet boundary.
    NetworkAcl,
    /// The decision of the VPC endpoint's policy.
    EndpointPolicy,
    /// The decision of the S3 bucket's policy.
    BucketPolicy,
}

impl HopKind {
    pub const ALL: [HopKind; 20] = [
        HopKind::Source,
        HopKind::Dns,
        HopKind::RouteTable,
        HopKind::GatewayEndpoint,
        HopKind::InterfaceEndpoint,
        HopKind::NatGateway,
        HopKind::GwlbEndpoint,
        HopKind::Inspection,
        HopKind::NetworkInterface,
        HopKind::InternetGateway,
        HopKind::Service,
        HopKind::LeavesVpc,
        HopKind::Address,
        HopKind::Internet,
        HopKind::Return,
        HopKind::Blocked,
        HopKind::SecurityGroup,
        HopKind::NetworkAcl,
        HopKind::EndpointPolicy,
        HopKind::BucketPolicy,
    ];

    pub fn code(self) -> &'static str {
        match self {
            HopKind::Source => "source",
            HopKind::Dns => "dns",
            HopKind::RouteTable => "route_table",
            HopKind::GatewayEndpoint => "gateway_endpoint",
            HopKind::InterfaceEndpoint => "interface_endpoint",
            HopKind::NatGateway => "nat_gateway",
            HopKind::GwlbEndpoint => "gwlb_endpoint",
            HopKind::Inspection => "inspection",
            HopKind::NetworkInterface => "network_interface",
            HopKind::InternetGateway => "internet_gateway",
            HopKind::Service => "service",
            HopKind::LeavesVpc => "leaves_vpc",
            HopKind::Address => "address",
            HopKind::Internet => "internet",
            HopKind::Return => "return",
            HopKind::Blocked => "blocked",
            HopKind::SecurityGroup => "security_group",
            HopKind::NetworkAcl => "network_acl",
            HopKind::EndpointPolicy => "endpoint_policy",
            HopKind::BucketPolicy => "bucket_policy",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code given is one of Reachability Analyzer's explanation codes (as its page
    /// lists them), and the routing, address and BPA reasons get the codes the page describes.
    #[test]
    fn reachability_analyzer_codes_are_the_pages_own() {
        const PAGE: [&str; 9] = [
            "BAD_STATE",
            "BAD_STATE_ROUTE",
            "ENI_SG_RULES_MISMATCH",
            "ENI_SOURCE_DEST_CHECK_RESTRICTION",
            "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS",
            "NO_ROUTE_TO_DESTINATION",
            "SUBNET_ACL_RESTRICTION",
            "UNASSOCIATED_COMPONENT",
            "VPC_BLOCK_PUBLIC_ACCESS_ENABLED",
        ];
        for r in Reason::ALL {
            if let Some(code) = r.reachability_analyzer_code() {
                assert!(PAGE.contains(&code), "{r:?}: {code}");
            }
        }
        let code = |r: Reason| r.reachability_analyzer_code();
        assert_eq!(code(Reason::NoRoute), Some("NO_ROUTE_TO_DESTINATION"));
        assert_eq!(
            code(Reason::NoPublicIp),
            Some("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS")
        );
        assert_eq!(
            code(Reason::BlockPublicAccess),
            Some("VPC_BLOCK_PUBLIC_ACCESS_ENABLED")
        );
        assert_eq!(code(Reason::NoIpv4Address), Some("UNASSOCIATED_COMPONENT"));
        // Not analyzed by Reachability Analyzer: IPv6, IAM policies, DNS.
        assert_eq!(code(Reason::NoIpv6Route), None);
        assert_eq!(code(Reason::BucketPolicyDenied), None);
        assert_eq!(code(Reason::DnsNameNotFound), None);
    }
}
