//! The notes on a path, as sentences.

use crate::eval::*;

use super::trace::*;
use super::{Lang, args, m, msg};

/// A note's sentence.
pub fn note_sentence(lang: Lang, note: &Note) -> String {
    let id = format!("note-{}", note.code());
    let a = args();
    match note {
        Note::EgressOnlyNoInbound { gateway } => msg(lang, &id, a.s("gateway", gateway.as_str())),
        Note::Ipv6LayersNotEvaluated => m(lang, &id),
        Note::Ipv6ServiceRangesUnknown { service } => {
            msg(lang, &id, a.s("service", service.as_str()))
        }
        Note::FamilyChosen { family, why } => msg(
            lang,
            &id,
            a.s(
                "choice",
                super::ipv6::family_text(lang, *family, Some(*why)),
            ),
        ),
        Note::PrivateDnsOff(n) => {
            let PrivateDnsOffNote { endpoint, name } = &**n;
            msg(
                lang,
                &id,
                a.s("endpoint", endpoint.as_str()).s("name", name.as_str()),
            )
        }
        Note::PrivateDnsUnsupported(n) => {
            let PrivateDnsUnsupportedNote {
                service,
                name,
                endpoint,
            } = &**n;
            msg(
                lang,
                &id,
                a.s("service", service.as_str())
                    .s("name", name.as_str())
                    .s("endpoint", endpoint.as_str()),
            )
        }
        Note::DnsHostnamesOff(n) => match &n.endpoint {
            Some(e) => msg(
                lang,
                &id,
                a.s("vpc", n.vpc.as_str()).s("endpoint", e.as_str()),
            ),
            None => msg(
                lang,
                "note-dns_hostnames_off-gateway",
                a.s("vpc", n.vpc.as_str()),
            ),
        },
        Note::InboundResolverOnly { endpoint } => {
            msg(lang, &id, a.s("endpoint", endpoint.as_str()))
        }
        Note::ArbitraryPrefixListChoice { table, cidr } => msg(
            lang,
            &id,
            a.s("table", table.as_str()).s("cidr", net(*cidr)),
        ),
        Note::FailedAzEnisDropped(n) => {
            let FailedAzEnisDroppedNote { endpoint, enis } = &**n;
            msg(
                lang,
                &id,
                a.s("endpoint", endpoint.as_str())
                    .s("enis", enis_text(lang, enis, "eni-az")),
            )
        }
        Note::IllustrativeCidrs { service } => msg(lang, &id, a.s("service", service.as_str())),
        Note::IgnoredPrefixListEntries(n) => {
            let IgnoredPrefixListEntriesNote { table, prefix_list } = &**n;
            msg(
                lang,
                &id,
                a.s("table", table.as_str())
                    .s("prefix_list", prefix_list.as_str()),
            )
        }
        Note::CrossAzDependency {
            resource,
            az: Some(az),
        } => msg(
            lang,
            &id,
            a.s("resource", resource.as_str())
                .s("az", az_text(lang, az)),
        ),
        Note::CrossAzDependency { resource, az: None } => msg(
            lang,
            "note-cross_az_dependency-enis",
            a.s("resource", resource.as_str()),
        ),
        Note::OtherRegion(n) => {
            let OtherRegionNote {
                service,
                region,
                home,
            } = &**n;
            msg(
                lang,
                &id,
                a.s("service", service.as_str())
                    .s("region", region.as_str())
                    .s("home", home.as_str()),
            )
        }
        Note::GlobalNameNotCovered(n) => {
            let GlobalNameNotCoveredNote {
                endpoint,
                regional,
                name,
            } = &**n;
            msg(
                lang,
                &id,
                a.s("endpoint", endpoint.as_str())
                    .s("regional", regional.as_str())
                    .s("name", name.as_str()),
            )
        }
        Note::AsymmetricReturnStateless { endpoint } => {
            msg(lang, &id, a.s("endpoint", endpoint.as_str()))
        }
        Note::ReturnNotEvaluated { nat } => msg(lang, &id, a.s("nat", nat.as_str())),
        Note::PublicEndpointStaysOnAws => m(lang, &id),
        Note::PolicyLimitsRequests(n) => {
            let PolicyLimitsRequestsNote {
                kind,
                owner,
                statement,
            } = &**n;
            super::policy::policy_limits_text(lang, *kind, owner, statement.as_ref())
        }
        Note::BlockPublicAccessAllowed(c) => super::bpa::bpa_allowed_text(lang, c),
        Note::DirectoryBucketOtherAz { bucket, az } => msg(
            lang,
            &id,
            a.s("bucket", bucket.as_str()).s("az", az_text(lang, az)),
        ),
        Note::LatticeBeyondModel(n) => {
            let LatticeBeyondModelNote {
                endpoint,
                kind,
                arn,
            } = &**n;
            msg(
                lang,
                &id,
                a.s("endpoint", endpoint.as_str())
                    .s("kind", kind.code())
                    .s("arn", arn.clone()),
            )
        }
        Note::LatticeAssociationUnchecked(n) => {
            let LatticeAssociationUncheckedNote {
                association,
                groups,
            } = &**n;
            msg(
                lang,
                &id,
                a.s("association", association.as_str())
                    .s(
                        "groups",
                        groups
                            .iter()
                            .map(|g| g.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                    .b("has_groups", !groups.is_empty()),
            )
        }
        Note::LatticeOwnPort(o) => msg(
            lang,
            &id,
            a.s("service", o.service.as_str())
                .s("endpoint", o.endpoint.as_str())
                .s("arn", o.arn.clone())
                .s("port", o.port.to_string())
                .s("ranges", super::ports_text(lang, &o.ranges)),
        ),
        Note::DirectoryBucketZoneUnknown(n) => {
            let DirectoryBucketZoneUnknownNote { bucket, zone } = &**n;
            msg(
                lang,
                &id,
                a.s("bucket", bucket.as_str()).s("zone", zone.as_str()),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::LatticeKind;

    fn beyond(kind: LatticeKind) -> Note {
        Note::LatticeBeyondModel(Box::new(LatticeBeyondModelNote {
            endpoint: crate::eval::Id::from("snva-1"),
            kind,
            arn: "arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-1".into(),
        }))
    }

    /// Past a service network (endpoint or VPC association) lie its services and resource
    /// configurations; "the resource gateway" is only what lies past a resource endpoint.
    #[test]
    fn what_lies_beyond_depends_on_the_kind() {
        for lang in [Lang::En, Lang::Ja] {
            let resource = note_sentence(lang, &beyond(LatticeKind::Resource));
            for kind in [LatticeKind::ServiceNetwork, LatticeKind::VpcAssociation] {
                let network = note_sentence(lang, &beyond(kind));
                assert_ne!(network, resource);
                let services = match lang {
                    Lang::En => "the service network's services and resource configurations",
                    Lang::Ja => "サービスネットワークのサービスとリソース設定",
                };
                assert!(network.contains(services), "{network}");
            }
        }
        assert!(
            note_sentence(Lang::En, &beyond(LatticeKind::VpcAssociation))
                .contains("(service network VPC association, arn:")
        );
    }
}
