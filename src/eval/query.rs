//! A query: where traffic starts and where it goes, as the CLI, lessons and the explorer name
//! them; and the error for a name the model does not have.

use std::net::{Ipv4Addr, Ipv6Addr};

use ipnet::{Ipv4Net, Ipv6Net};

use crate::model::Model;

/// Where traffic starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum From {
    /// An instance id or name.
    Instance(String),
    /// A hypothetical instance in a subnet (for Lambda or ECS interfaces, or an empty subnet).
    Subnet { subnet: String, public_ip: bool },
    /// A private address inside one of the VPC's subnets.
    Address(Ipv4Addr),
    /// An IPv6 address inside a subnet's IPv6 block: the instance that holds it, else a new
    /// interface in that subnet.
    Address6(Ipv6Addr),
}

/// Where traffic goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum To {
    /// A catalogue service in the scenario's Region (`s3`, `ssm`, ...).
    Service(String),
    /// A catalogue service in another Region (`s3@us-west-2`).
    RemoteService { service: String, region: String },
    /// A global DNS name outside Regional private DNS (`s3.amazonaws.com`).
    Name(String),
    /// An IPv4 address or CIDR, inside the VPC or outside it.
    Address(Ipv4Net),
    /// An IPv6 address or CIDR (`2600:1f18::1`, `64:ff9b::a00:5`): an IPv6 query whatever the
    /// family asked.
    Address6(Ipv6Net),
    /// A named set of services (`workload:ecr-pull`).
    Workload(String),
    /// An S3 Express One Zone directory bucket (`logs--use1-az4--x-s3`): its name carries its
    /// zone.
    DirectoryBucket(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub from: From,
    pub to: To,
    /// The traffic asked about: protocol and destination port (default TCP 443, HTTPS, what
    /// AWS services' endpoints listen on). Only security groups and network ACLs read it.
    pub probe: Probe,
    /// The request at the service (action, resource), for endpoint and bucket policies.
    pub request: Request,
    /// The IP version asked for a named destination (an address literal decides its own).
    pub family: Family,
}

/// The IP version a query asks for (`check --family`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// IPv4: every query before IPv6 was modelled, and the default.
    #[default]
    Ipv4,
    Ipv6,
    /// What the client would use: IPv6 when the client has an IPv6 address and the DNS answer
    /// has an AAAA record (DNS64's included), and IPv4 otherwise (RFC 6724 §6 rule 6 with the
    /// default policy table of §2.1, which ranks `::/0` above `::ffff:0:0/96`).
    Auto,
}

impl Family {
    pub fn code(self) -> &'static str {
        match self {
            Family::Ipv4 => "ipv4",
            Family::Ipv6 => "ipv6",
            Family::Auto => "auto",
        }
    }

    pub fn from_code(code: &str) -> Option<Family> {
        [Family::Ipv4, Family::Ipv6, Family::Auto]
            .into_iter()
            .find(|f| f.code() == code)
    }
}

/// The request a query asks about at the service, as IAM names it (aws-semantics.md §5b):
/// `s3:GetObject` on `arn:aws:s3:::bucket/key`. None: any action of the service, on any
/// resource ("any object in any bucket").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Request {
    pub action: Option<String>,
    pub resource: Option<String>,
}

impl Request {
    /// Read an action (`service:Action`, IAM's form), a resource ARN (`arn:partition:service:…`,
    /// at least six parts), both separated by a space, or nothing (any request). None when a word
    /// is neither, or a kind is given twice.
    pub fn parse(text: &str) -> Option<Request> {
        let mut r = Request::default();
        for word in text.split_whitespace() {
            if word.starts_with("arn:") {
                // arn:partition:service:region:account:resource (region and account empty for S3).
                // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
                let parts: Vec<&str> = word.splitn(6, ':').collect();
                if parts.len() < 6
                    || parts[1].is_empty()
                    || parts[2].is_empty()
                    || r.resource.is_some()
                {
                    return None;
                }
                r.resource = Some(word.to_string());
            } else {
                // service:Action, e.g. s3:GetObject.
                // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
                let (service, action) = word.split_once(':')?;
                let ok = |s: &str| {
                    !s.is_empty()
                        && s.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '*' || c == '?')
                };
                if !ok(service) || !ok(action) || r.action.is_some() {
                    return None;
                }
                r.action = Some(word.to_string());
            }
        }
        Some(r)
    }
}

/// The protocol and destination port of the traffic a query asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    pub protocol: crate::model::Protocol,
    /// Ignored for ICMP.
    pub port: u16,
    /// Whether the user chose this traffic (`check --protocol` / `--port`, the explorer's
    /// traffic setting, an expectation's or a lesson step's port), or it is the default (TCP
    /// 443). Default traffic lets a target that offers other ports be asked on its own (a VPC
    /// Lattice resource: `rules::lattice_endpoint::own_port`); chosen traffic is asked as it is.
    pub chosen: bool,
}

impl Default for Probe {
    fn default() -> Self {
        Probe {
            protocol: crate::model::Protocol::Tcp,
            port: 443,
            chosen: false,
        }
    }
}

impl Probe {
    /// The traffic `check --protocol` / `--port`, an expectation or a lesson step asks about:
    /// chosen when either is given (protocol TCP, port 443 for the one not given), else the
    /// default.
    pub fn asked(protocol: Option<crate::model::Protocol>, port: Option<u16>) -> Probe {
        if protocol.is_none() && port.is_none() {
            return Probe::default();
        }
        Probe::chosen(
            protocol.unwrap_or(crate::model::Protocol::Tcp),
            port.unwrap_or(443),
        )
    }

    /// Traffic the user chose.
    pub fn chosen(protocol: crate::model::Protocol, port: u16) -> Probe {
        Probe {
            protocol,
            port,
            chosen: true,
        }
    }

    /// The destination ports as a rule range (none for ICMP or all protocols).
    pub fn ports(self) -> Option<crate::model::PortRange> {
        self.protocol
            .has_ports()
            .then_some(crate::model::PortRange::one(self.port))
    }
}

impl Query {
    pub fn instance_to_service(instance: &str, service: &str) -> Self {
        Query {
            from: From::Instance(instance.to_string()),
            to: To::Service(service.to_string()),
            probe: Probe::default(),
            request: Request::default(),
            family: Family::default(),
        }
    }

    /// Read `--from` / `--to` the way the CLI, lessons and expectations write them:
    /// from: instance id or name, subnet id (with `public_ip`), or a private IPv4 address;
    /// to: service, `service@region`, a global name, an IPv4 address or CIDR, or
    /// `workload:name`, or an S3 Express One Zone directory bucket (`base--zoneid--x-s3`).
    pub fn parse(model: &Model, from: &str, to: &str, public_ip: bool) -> Self {
        let from = if let Ok(ip) = from.parse::<Ipv4Addr>() {
            From::Address(ip)
        } else if let Ok(ip) = from.parse::<Ipv6Addr>() {
            From::Address6(ip)
        } else if model.subnet_index(from).is_some() && model.instance_index(from).is_none() {
            From::Subnet {
                subnet: from.to_string(),
                public_ip,
            }
        } else {
            From::Instance(from.to_string())
        };
        let to = if let Some(w) = to.strip_prefix("workload:") {
            To::Workload(w.to_string())
        } else if let Some((service, region)) = to.split_once('@') {
            To::RemoteService {
                service: service.to_string(),
                region: region.to_string(),
            }
        } else if let Ok(net) = to.parse::<Ipv6Net>() {
            To::Address6(net.trunc())
        } else if let Ok(ip) = to.parse::<Ipv6Addr>() {
            To::Address6(Ipv6Net::from(ip))
        } else if let Ok(net) = to.parse::<Ipv4Net>() {
            To::Address(net.trunc())
        } else if let Ok(ip) = to.parse::<Ipv4Addr>() {
            To::Address(Ipv4Net::from(ip))
        } else if crate::model::looks_like_directory_bucket(to) {
            To::DirectoryBucket(to.to_string())
        } else if model.service(to).is_some() {
            To::Service(to.to_string())
        } else if let Some(s) = model.services().iter().find(|s| s.dns_name == to) {
            // The Regional name of a service is the service itself.
            To::Service(s.name.clone())
        } else if to.ends_with(".amazonaws.com") {
            To::Name(to.to_string())
        } else {
            To::Service(to.to_string())
        };
        Query {
            from,
            to,
            probe: Probe::default(),
            request: Request::default(),
            family: Family::default(),
        }
    }

    /// The same query about other traffic (`check --protocol udp --port 53`).
    pub fn with_probe(mut self, probe: Probe) -> Self {
        self.probe = probe;
        self
    }

    /// The same query for another IP version (`check --family ipv6`).
    pub fn with_family(mut self, family: Family) -> Self {
        self.family = family;
        self
    }

    /// The same query about one request (`check --action s3:GetObject --resource ARN`).
    pub fn with_request(mut self, request: Request) -> Self {
        self.request = request;
        self
    }
}

/// A query that names something the model does not have: what was asked, and what the model
/// has instead (`crate::explain` writes the sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    UnknownInstance {
        name: String,
        /// The instances' ids, and their Name tags.
        known: Vec<(String, Option<String>)>,
    },
    UnknownService {
        name: String,
        known: Vec<String>,
    },
    UnknownSubnet {
        name: String,
        known: Vec<String>,
    },
    AddressOutsideSubnets {
        address: std::net::IpAddr,
        known: Vec<String>,
    },
    UnknownRegion {
        service: String,
        region: String,
        known: Vec<String>,
    },
    UnknownName {
        name: String,
        known: Vec<String>,
    },
    UnknownWorkload {
        name: String,
        known: Vec<String>,
    },
    /// A name ending in `--x-s3` that is not `base-name--zoneid--x-s3`.
    BadDirectoryBucket {
        name: String,
    },
}

impl std::error::Error for QueryError {}
