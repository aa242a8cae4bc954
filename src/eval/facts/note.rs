//! Notes: what shaped a path without ending it.

use ipnet::Ipv4Net;
use serde::Serialize;

use super::*;

/// A trace's notes: usually none or one, kept inline. (Two inline would spare a NAT gateway
/// path in another AZ its one allocation, but the larger trace cost every other path more
/// to move: about +100 instructions each against -230 for that path, callgrind.)
pub type Notes = smallvec::SmallVec<[Note; 1]>;

/// Something that shaped the path without ending it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "note")]
pub enum Note {
    /// An interface endpoint exists but its private DNS is off.
    PrivateDnsOff { endpoint: Id, name: Id },
    /// The service's interface endpoint has no private DNS (DynamoDB).
    PrivateDnsUnsupported { service: Id, name: Id, endpoint: Id },
    /// `enableDnsHostnames` is off: private DNS of `endpoint` does not apply (none: the gateway
    /// endpoint's documented requirement).
    DnsHostnamesOff { vpc: Id, endpoint: Option<Id> },
    /// Private DNS only for the inbound Resolver endpoint.
    InboundResolverOnly { endpoint: Id },
    /// Two prefix lists hold `cidr` with different targets in `table`.
    ArbitraryPrefixListChoice { table: Id, cidr: Ipv4Net },
    /// ENIs in failed AZs drop out of the DNS answer.
    FailedAzEnisDropped {
        endpoint: Id,
        enis: Vec<EndpointEni>,
    },
    /// AWS publishes no ranges for the service.
    IllustrativeCidrs { service: Id },
    /// Prefix-list entries inside a VPC CIDR are ignored in `table`.
    IgnoredPrefixListEntries { table: Id, prefix_list: Id },
    /// The path depends on `resource` in another AZ (`az`; none: every ENI is elsewhere).
    CrossAzDependency { resource: Id, az: Option<Az> },
    /// The service is in another Region.
    OtherRegion { service: Id, region: Id, home: Id },
    /// A global name that Regional private DNS does not cover.
    GlobalNameNotCovered {
        endpoint: Id,
        regional: Id,
        name: Id,
    },
    /// Replies skip the GWLB endpoint; the appliances are stateless.
    AsymmetricReturnStateless { endpoint: Id },
    /// The return leg through a regional NAT gateway is not modelled.
    ReturnNotEvaluated { nat: Id },
    /// Traffic to a service's public endpoint stays on AWS's network.
    PublicEndpointStaysOnAws,
    /// A policy allows only some of the requests the query stands for (ask about one with
    /// `--action` and `--resource`).
    PolicyLimitsRequests {
        #[serde(rename = "policy")]
        kind: PolicyKind,
        owner: Id,
        statement: Option<StatementRef>,
    },
    /// VPC Block Public Access is on and lets this traffic through the internet gateway (an
    /// exclusion, or ingress-only mode for a NAT gateway's traffic).
    BlockPublicAccessAllowed(Box<BpaCheck>),
    /// The path leaves through an egress-only internet gateway: replies come back, but nothing
    /// the internet starts reaches the source.
    EgressOnlyNoInbound { gateway: Id },
    /// Security groups and network ACLs are not evaluated on IPv6 paths (their IPv6 rules are
    /// not modelled): the verdict is the routing's.
    Ipv6LayersNotEvaluated,
    /// The service's IPv6 addresses are not in the catalogue: the route is the one for any
    /// public IPv6 address (`::/0`).
    Ipv6ServiceRangesUnknown { service: Id },
    /// `--family auto` chose this family.
    FamilyChosen { family: IpFamily, why: FamilyWhy },
    /// The S3 Express One Zone directory bucket is in another AZ than the source: the path
    /// depends on that AZ and gives up the co-location the storage class is for.
    DirectoryBucketOtherAz { bucket: Id, az: Az },
    /// The directory bucket's zone (an AZ ID) is none of the scenario's AZs: its failure cannot
    /// be asked about.
    DirectoryBucketZoneUnknown { bucket: Id, zone: Id },
    /// Past a resource or service-network endpoint the path is outside the model: the resource
    /// gateway, the provider's security groups and routes, the resource's health and VPC
    /// Lattice auth policies are not evaluated.
    LatticeBeyondModel {
        endpoint: Id,
        kind: LatticeKind,
        arn: String,
    },
    /// No traffic was chosen and the target is a VPC Lattice resource whose resource
    /// configuration does not offer the default TCP 443: the path asks about its own port.
    LatticeOwnPort(Box<LatticeOwnPort>),
    /// The path goes through the VPC's service network association `association`: its security
    /// groups `groups` and the client subnet's network ACL toward VPC Lattice's prefix list apply
    /// but are not evaluated.
    LatticeAssociationUnchecked { association: Id, groups: Vec<Id> },
}

impl Note {
    /// Every note code, for the README and the message files.
    pub const CODES: [&'static str; 25] = [
        "private_dns_off",
        "private_dns_unsupported",
        "dns_hostnames_off",
        "inbound_resolver_only",
        "arbitrary_prefix_list_choice",
        "failed_az_enis_dropped",
        "illustrative_cidrs",
        "ignored_prefix_list_entries",
        "cross_az_dependency",
        "other_region",
        "global_name_not_covered",
        "asymmetric_return_stateless",
        "return_not_evaluated",
        "public_endpoint_stays_on_aws",
        "policy_limits_requests",
        "block_public_access_allowed",
        "egress_only_no_inbound",
        "ipv6_layers_not_evaluated",
        "ipv6_service_ranges_unknown",
        "family_chosen",
        "directory_bucket_other_az",
        "directory_bucket_zone_unknown",
        "lattice_beyond_model",
        "lattice_own_port",
        "lattice_association_unchecked",
    ];

    pub fn code(&self) -> &'static str {
        match self {
            Note::PrivateDnsOff { .. } => "private_dns_off",
            Note::PrivateDnsUnsupported { .. } => "private_dns_unsupported",
            Note::DnsHostnamesOff { .. } => "dns_hostnames_off",
            Note::InboundResolverOnly { .. } => "inbound_resolver_only",
            Note::ArbitraryPrefixListChoice { .. } => "arbitrary_prefix_list_choice",
            Note::FailedAzEnisDropped { .. } => "failed_az_enis_dropped",
            Note::IllustrativeCidrs { .. } => "illustrative_cidrs",
            Note::IgnoredPrefixListEntries { .. } => "ignored_prefix_list_entries",
            Note::CrossAzDependency { .. } => "cross_az_dependency",
            Note::OtherRegion { .. } => "other_region",
            Note::GlobalNameNotCovered { .. } => "global_name_not_covered",
            Note::AsymmetricReturnStateless { .. } => "asymmetric_return_stateless",
            Note::ReturnNotEvaluated { .. } => "return_not_evaluated",
            Note::PublicEndpointStaysOnAws => "public_endpoint_stays_on_aws",
            Note::PolicyLimitsRequests { .. } => "policy_limits_requests",
            Note::BlockPublicAccessAllowed(_) => "block_public_access_allowed",
            Note::EgressOnlyNoInbound { .. } => "egress_only_no_inbound",
            Note::Ipv6LayersNotEvaluated => "ipv6_layers_not_evaluated",
            Note::Ipv6ServiceRangesUnknown { .. } => "ipv6_service_ranges_unknown",
            Note::FamilyChosen { .. } => "family_chosen",
            Note::DirectoryBucketOtherAz { .. } => "directory_bucket_other_az",
            Note::DirectoryBucketZoneUnknown { .. } => "directory_bucket_zone_unknown",
            Note::LatticeBeyondModel { .. } => "lattice_beyond_model",
            Note::LatticeOwnPort(_) => "lattice_own_port",
            Note::LatticeAssociationUnchecked { .. } => "lattice_association_unchecked",
        }
    }
}
