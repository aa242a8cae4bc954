//! The pieces sentences share: addresses, AZs, sources, routes, ENI lists, DNS answers.

use ipnet::Ipv4Net;

use crate::eval::*;
use crate::net_text::NetText;

use super::{Lang, args, join, m, msg};

/// An address for /32, else the CIDR.
pub fn net(n: Ipv4Net) -> String {
    if n.prefix_len() == 32 {
        NetText::addr(n.addr()).as_str().to_string()
    } else {
        NetText::net(n).as_str().to_string()
    }
}

pub fn az_text(lang: Lang, az: &Az) -> String {
    match &az.zone_id {
        Some(z) => msg(
            lang,
            "az-with-id",
            args().s("name", az.name.as_str()).s("zone", z.as_str()),
        ),
        None => az.name.to_string(),
    }
}

/// Who sends: `i-app-a (app-a)`, "a new instance in subnet-a", `10.0.1.5`.
pub fn origin_text(lang: Lang, o: &Origin) -> String {
    match o {
        Origin::Instance { id, name: Some(n) } => msg(
            lang,
            "who-instance",
            args().s("id", id.as_str()).s("name", n.as_str()),
        ),
        Origin::Instance { id, name: None } => id.to_string(),
        Origin::Subnet { id, public_ip } => msg(
            lang,
            if *public_ip {
                "who-new-instance-public"
            } else {
                "who-new-instance"
            },
            args().s("subnet", id.as_str()),
        ),
        Origin::Address {
            id,
            instance: Some(i),
        } => msg(
            lang,
            "who-address-instance",
            args()
                .s("address", NetText::addr(*id).as_str().to_string())
                .s("instance", i.as_str()),
        ),
        Origin::Address { id, instance: None } => NetText::addr(*id).as_str().to_string(),
    }
}

pub fn route_text(lang: Lang, r: &Route) -> String {
    msg(
        lang,
        "route",
        args()
            .s("destination", r.destination.as_str())
            .s("target", r.target.as_str()),
    )
}

pub(crate) fn enis_text(lang: Lang, enis: &[EndpointEni], id: &str) -> String {
    join(
        lang,
        enis.iter().map(|e| {
            msg(
                lang,
                id,
                args()
                    .s("ip", NetText::addr(e.ip).as_str().to_string())
                    .s("az", az_text(lang, &e.az)),
            )
        }),
    )
}

pub(crate) fn routed_text(lang: Lang, r: &Routed) -> String {
    match r {
        Routed::Service { name, cidr } => msg(
            lang,
            "routed-service",
            args().s("name", name.as_str()).s("cidr", net(*cidr)),
        ),
        Routed::Address { cidr } => net(*cidr),
        Routed::EndpointEni { ip } => msg(
            lang,
            "routed-eni",
            args().s("ip", NetText::addr(*ip).as_str().to_string()),
        ),
    }
}

pub(crate) fn ranges_text(
    lang: Lang,
    cidrs: &[Ipv4Net],
    total: usize,
    illustrative: bool,
) -> String {
    let list = join(lang, cidrs.iter().map(|c| net(*c)));
    let ranges = if total == 0 {
        m(lang, "ranges-none")
    } else if total > cidrs.len() {
        msg(
            lang,
            "ranges-more",
            args().s("list", list).n("total", total),
        )
    } else {
        list
    };
    if illustrative {
        msg(lang, "ranges-illustrative", args().s("ranges", ranges))
    } else {
        ranges
    }
}

pub(crate) fn resolver_text(lang: Lang, resolver: Option<std::net::Ipv4Addr>) -> String {
    match resolver {
        Some(ip) => msg(
            lang,
            "resolver",
            args().s("address", NetText::addr(ip).as_str().to_string()),
        ),
        None => m(lang, "resolver-unknown"),
    }
}

pub(crate) fn public_why(lang: Lang, why: &PublicWhy) -> String {
    match why {
        PublicWhy::PrivateDnsOff { endpoint } => msg(
            lang,
            "why-private-dns-off",
            args().s("endpoint", endpoint.as_str()),
        ),
        PublicWhy::PrivateDnsUnsupported { endpoint } => msg(
            lang,
            "why-private-dns-unsupported",
            args().s("endpoint", endpoint.as_str()),
        ),
        PublicWhy::DnsHostnamesOff { endpoint } => msg(
            lang,
            "why-dns-hostnames-off",
            args().s("endpoint", endpoint.as_str()),
        ),
        PublicWhy::InboundResolverOnly { endpoint } => msg(
            lang,
            "why-inbound-resolver-only",
            args().s("endpoint", endpoint.as_str()),
        ),
        PublicWhy::OtherRegion { region, home } => msg(
            lang,
            "why-other-region",
            args().s("region", region.as_str()).s("home", home.as_str()),
        ),
        PublicWhy::GlobalName { region } => {
            msg(lang, "why-global-name", args().s("region", region.as_str()))
        }
        PublicWhy::DirectoryBucket { zone } => msg(
            lang,
            "why-directory-bucket",
            args().s("zone", zone.as_str()),
        ),
    }
}
