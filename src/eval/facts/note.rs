//! Notes: what shaped a path without ending it.

use ipnet::Ipv4Net;
use serde::Serialize;

use super::*;

/// A trace's notes: usually none, one or two, kept inline (a NAT gateway path in another AZ
/// has two: the cross-AZ dependency and the public endpoint on AWS's network). A note is kept
/// at 40 bytes so that two fit where one 80-byte note did: the variants of more than one id
/// are boxed (rare notes), and the trace does not grow (a unit test pins both sizes).
pub type Notes = smallvec::SmallVec<[Note; 2]>;

/// Something that shaped the path without ending it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "note")]
pub enum Note {
    /// An interface endpoint exists but its private DNS is off.
    PrivateDnsOff(std::sync::Arc<PrivateDnsOffNote>),
    /// The service's interface endpoint has no private DNS (DynamoDB).
    PrivateDnsUnsupported(std::sync::Arc<PrivateDnsUnsupportedNote>),
    /// `enableDnsHostnames` is off: private DNS of `endpoint` does not apply (none: the gateway
    /// endpoint's documented requirement).
    DnsHostnamesOff(Box<DnsHostnamesOffNote>),
    /// Private DNS only for the inbound Resolver endpoint.
    InboundResolverOnly { endpoint: Id },
    /// Two prefix lists hold `cidr` with different targets in `table`.
    ArbitraryPrefixListChoice { table: Id, cidr: Ipv4Net },
    /// ENIs in failed AZs drop out of the DNS answer.
    FailedAzEnisDropped(Box<FailedAzEnisDroppedNote>),
    /// AWS publishes no ranges for the service.
    IllustrativeCidrs { service: Id },
    /// Prefix-list entries inside a VPC CIDR are ignored in `table`.
    IgnoredPrefixListEntries(Box<IgnoredPrefixListEntriesNote>),
    /// The path depends on `resource` in another AZ (`az`; none: every ENI is elsewhere).
    CrossAzDependency { resource: Id, az: Option<Az> },
    /// The service is in another Region.
    OtherRegion(Box<OtherRegionNote>),
    /// A global name that Regional private DNS does not cover.
    GlobalNameNotCovered(Box<GlobalNameNotCoveredNote>),
    /// Replies skip the GWLB endpoint; the appliances are stateless.
    AsymmetricReturnStateless { endpoint: Id },
    /// The return leg through a regional NAT gateway is not modelled.
    ReturnNotEvaluated { nat: Id },
    /// Traffic to a service's public endpoint stays on AWS's network.
    PublicEndpointStaysOnAws,
    /// A policy allows only some of the requests the query stands for (ask about one with
    /// `--action` and `--resource`).
    PolicyLimitsRequests(Box<PolicyLimitsRequestsNote>),
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
    DirectoryBucketZoneUnknown(Box<DirectoryBucketZoneUnknownNote>),
    /// Past a resource or service-network endpoint the path is outside the model: the resource
    /// gateway, the provider's security groups and routes, the resource's health and VPC
    /// Lattice auth policies are not evaluated.
    LatticeBeyondModel(Box<LatticeBeyondModelNote>),
    /// No traffic was chosen and the target is a VPC Lattice resource whose resource
    /// configuration does not offer the default TCP 443: the path asks about its own port.
    LatticeOwnPort(Box<LatticeOwnPort>),
    /// The path goes through the VPC's service network association `association`: its security
    /// groups `groups` and the client subnet's network ACL toward VPC Lattice's prefix list apply
    /// but are not evaluated.
    LatticeAssociationUnchecked(Box<LatticeAssociationUncheckedNote>),
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
            Note::PrivateDnsOff(_) => "private_dns_off",
            Note::PrivateDnsUnsupported(_) => "private_dns_unsupported",
            Note::DnsHostnamesOff(_) => "dns_hostnames_off",
            Note::InboundResolverOnly { .. } => "inbound_resolver_only",
            Note::ArbitraryPrefixListChoice { .. } => "arbitrary_prefix_list_choice",
            Note::FailedAzEnisDropped(_) => "failed_az_enis_dropped",
            Note::IllustrativeCidrs { .. } => "illustrative_cidrs",
            Note::IgnoredPrefixListEntries(_) => "ignored_prefix_list_entries",
            Note::CrossAzDependency { .. } => "cross_az_dependency",
            Note::OtherRegion(_) => "other_region",
            Note::GlobalNameNotCovered(_) => "global_name_not_covered",
            Note::AsymmetricReturnStateless { .. } => "asymmetric_return_stateless",
            Note::ReturnNotEvaluated { .. } => "return_not_evaluated",
            Note::PublicEndpointStaysOnAws => "public_endpoint_stays_on_aws",
            Note::PolicyLimitsRequests(_) => "policy_limits_requests",
            Note::BlockPublicAccessAllowed(_) => "block_public_access_allowed",
            Note::EgressOnlyNoInbound { .. } => "egress_only_no_inbound",
            Note::Ipv6LayersNotEvaluated => "ipv6_layers_not_evaluated",
            Note::Ipv6ServiceRangesUnknown { .. } => "ipv6_service_ranges_unknown",
            Note::FamilyChosen { .. } => "family_chosen",
            Note::DirectoryBucketOtherAz { .. } => "directory_bucket_other_az",
            Note::DirectoryBucketZoneUnknown(_) => "directory_bucket_zone_unknown",
            Note::LatticeBeyondModel(_) => "lattice_beyond_model",
            Note::LatticeOwnPort(_) => "lattice_own_port",
            Note::LatticeAssociationUnchecked(_) => "lattice_association_unchecked",
        }
    }
}

/// The facts of [`Note::PrivateDnsOff`], shared to keep a note small (two fit inline in a
/// trace) and made once per model for a service's own name (`crate::model::NoPrivateDns`).
pub use crate::model::PrivateDnsOffNote;

/// The facts of [`Note::PrivateDnsUnsupported`], shared to keep a note small (two fit inline in
/// a trace) and made once per model for a service's own name (`crate::model::NoPrivateDns`).
pub use crate::model::PrivateDnsUnsupportedNote;

/// The facts of [`Note::DnsHostnamesOff`], boxed to keep a note small (two fit inline in a trace).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DnsHostnamesOffNote {
    pub vpc: Id,
    pub endpoint: Option<Id>,
}

/// The facts of [`Note::FailedAzEnisDropped`], boxed to keep a note small (two fit inline in a trace).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedAzEnisDroppedNote {
    pub endpoint: Id,
    pub enis: Vec<EndpointEni>,
}

/// The facts of [`Note::IgnoredPrefixListEntries`], boxed to keep a note small (two fit inline in a trace).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IgnoredPrefixListEntriesNote {
    pub table: Id,
    pub prefix_list: Id,
}

/// The facts of [`Note::OtherRegion`], boxed to keep a note small (two fit inline in a trace).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OtherRegionNote {
    pub service: Id,
    pub region: Id,
    pub home: Id,
}

/// The facts of [`Note::GlobalNameNotCovered`], boxed to keep a note small (two fit inline in a trace).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GlobalNameNotCoveredNote {
    pub endpoint: Id,
    pub regional: Id,
    pub name: Id,
}

/// The facts of [`Note::PolicyLimitsRequests`], boxed to keep a note small (two fit inline in a trace).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyLimitsRequestsNote {
    #[serde(rename = "policy")]
    pub kind: PolicyKind,
    pub owner: Id,
    pub statement: Option<StatementRef>,
}

/// The facts of [`Note::DirectoryBucketZoneUnknown`], boxed to keep a note small (two fit inline in a trace).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DirectoryBucketZoneUnknownNote {
    pub bucket: Id,
    pub zone: Id,
}

/// The facts of [`Note::LatticeBeyondModel`], boxed to keep a note small (two fit inline in a trace).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LatticeBeyondModelNote {
    pub endpoint: Id,
    pub kind: LatticeKind,
    pub arn: String,
}

/// The facts of [`Note::LatticeAssociationUnchecked`], boxed to keep a note small (two fit inline in a trace).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LatticeAssociationUncheckedNote {
    pub association: Id,
    pub groups: Vec<Id>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A boxed note serializes as the unboxed variant did: its fields beside its tag (the JSON
    /// of `check --format json` carries them), renames kept.
    #[test]
    fn boxed_notes_serialize_their_fields_beside_the_tag() {
        let note = Note::OtherRegion(Box::new(OtherRegionNote {
            service: Id::from("s3"),
            region: Id::from("us-west-2"),
            home: Id::from("us-east-1"),
        }));
        assert_eq!(
            serde_json::to_value(&note).unwrap(),
            serde_json::json!({
                "note": "other_region",
                "service": "s3",
                "region": "us-west-2",
                "home": "us-east-1",
            })
        );
        let note = Note::PolicyLimitsRequests(Box::new(PolicyLimitsRequestsNote {
            kind: PolicyKind::Bucket,
            owner: Id::from("bucket-logs"),
            statement: None,
        }));
        let v = serde_json::to_value(&note).unwrap();
        assert_eq!(v["note"], "policy_limits_requests");
        assert_eq!(v["owner"], "bucket-logs");
        assert_eq!(
            v["policy"],
            serde_json::to_value(PolicyKind::Bucket).unwrap()
        );
        assert!(v.get("kind").is_none(), "{v}");
    }
}
