//! Importing a real VPC: the JSON that `aws ec2 describe-*` prints becomes a [`Scenario`].
//!
//! One file per CLI call, in any order, recognised by its content (the top-level key), never by
//! its name. [`read_files`] parses them (syntax errors carry file, line and column); [`build`]
//! turns them into a scenario for one VPC, with a warning for everything the model does not know,
//! naming the resource. Routes AWS derives itself (the `local` routes and the gateway-endpoint
//! prefix-list routes) are checked against the model's own derivation rather than written twice.
//! `docs/aws-import-fields.md` lists every field read, against the EC2 API Reference.

pub mod aws;
pub mod aws_bpa;
pub mod aws_dns;
pub mod aws_ipv6;
pub mod aws_lattice;
pub mod aws_security;
mod build;
mod top;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::model::{Diagnostic, Scenario};

pub use build::build;

/// What cannot be imported at all. Everything else is a warning. The sentences are
/// `explain::import_error`'s (`import-error-*` in `import.ftl`); `Display` is the English one.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The system refused (its own message, as it gives it).
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The JSON parser's message, with the line it points into.
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        /// The source line the error points into.
        snippet: String,
    },
    NotAnObject {
        path: PathBuf,
    },
    EmptyDirectory(PathBuf),
    NoVpc,
    SeveralVpcs(Vec<String>),
    UnknownVpc {
        wanted: String,
        known: Vec<String>,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Json {
                path,
                line,
                column,
                message,
                snippet,
            } => {
                crate::model::write_located(f, path, *line, *column, "JSON error", message, snippet)
            }
            other => f.write_str(&crate::explain::import_error(
                crate::explain::Lang::En,
                other,
            )),
        }
    }
}

/// Everything read from a set of files, before one VPC is picked out of it.
#[derive(Debug, Default)]
pub struct Input {
    pub vpcs: Vec<aws::Vpc>,
    pub attributes: Vec<aws::DescribeVpcAttribute>,
    pub zones: Vec<aws::AvailabilityZone>,
    pub subnets: Vec<aws::Subnet>,
    pub route_tables: Vec<aws::RouteTable>,
    pub internet_gateways: Vec<aws::InternetGateway>,
    /// `describe-egress-only-internet-gateways`.
    pub egress_only_internet_gateways: Vec<aws_ipv6::EgressOnlyInternetGateway>,
    pub nat_gateways: Vec<aws::NatGateway>,
    pub endpoints: Vec<aws::VpcEndpoint>,
    pub instances: Vec<aws::Instance>,
    pub network_interfaces: Vec<aws::NetworkInterface>,
    pub prefix_lists: Vec<aws::PrefixList>,
    pub security_groups: Vec<aws_security::SecurityGroup>,
    pub network_acls: Vec<aws_security::NetworkAcl>,
    /// Whether `describe-security-groups` / `describe-network-acls` output was given (then
    /// those layers are evaluated, even when the VPC has none of its own).
    pub has_security_groups: bool,
    pub has_network_acls: bool,
    /// `get-managed-prefix-list-entries`, by prefix-list id (taken from the file name).
    pub entries: Vec<(String, Vec<String>)>,
    /// Which call each file was recognised as (`None`: not one the importer reads).
    pub files: Vec<(PathBuf, Option<&'static str>)>,
    /// `s3api get-bucket-policy` output: the file, and its `Policy` text.
    pub bucket_policies: Vec<(PathBuf, String)>,
    /// `describe-vpc-block-public-access-options` (the last one read wins).
    pub bpa_options: Option<aws_bpa::Options>,
    /// `describe-vpc-block-public-access-exclusions`.
    pub bpa_exclusions: Vec<aws_bpa::Exclusion>,
    /// `describe-dhcp-options`.
    pub dhcp_options: Vec<aws_dns::DhcpOptions>,
    /// `route53 list-hosted-zones-by-vpc`.
    pub hosted_zones: Vec<aws_dns::HostedZoneSummary>,
    /// `route53 list-resource-record-sets`: the file (its name may name the zone) and the sets.
    pub record_sets: Vec<(PathBuf, Vec<aws_dns::ResourceRecordSet>)>,
    /// The `list-resource-record-sets` files that say `IsTruncated`: their zones' records are
    /// not all known.
    pub truncated_record_sets: Vec<PathBuf>,
    /// `route53resolver list-resolver-rules`.
    pub resolver_rules: Vec<aws_dns::ResolverRule>,
    /// `route53resolver list-resolver-rule-associations`.
    pub resolver_rule_associations: Vec<aws_dns::ResolverRuleAssociation>,
    /// `vpc-lattice get-resource-configuration`.
    pub resource_configurations: Vec<aws_lattice::ResourceConfiguration>,
    /// `vpc-lattice list-service-network-service-associations` and
    /// `list-service-network-resource-associations`.
    pub lattice_associations: Vec<aws_lattice::Association>,
    /// `vpc-lattice list-service-network-vpc-associations` items and
    /// `get-service-network-vpc-association` outputs.
    pub lattice_vpc_associations: Vec<aws_lattice::VpcAssociation>,
}

impl Input {
    /// Whether some file was recognised as the output of `call` (its name as
    /// [`Imported::files`] gives it: `describe-dhcp-options`, `list-hosted-zones-by-vpc`, …).
    /// An empty list is output all the same: it says there is none.
    pub fn has_output_of(&self, call: &str) -> bool {
        self.files.iter().any(|(_, kind)| *kind == Some(call))
    }
}

/// Import a directory of AWS CLI output: every `*.json` file in it. `vpc` picks the VPC when the
/// files describe several. Returns the scenario and the warnings; the scenario still has to pass
/// [`crate::model::Model::new`] like any loaded file.
pub fn load_aws_dir(
    dir: &Path,
    vpc: Option<&str>,
) -> Result<(Scenario, Vec<Diagnostic>), ImportError> {
    import_paths(&[dir.to_path_buf()], vpc)
}

/// Import files and directories (a directory stands for its `*.json` files).
pub fn import_paths(
    paths: &[PathBuf],
    vpc: Option<&str>,
) -> Result<(Scenario, Vec<Diagnostic>), ImportError> {
    import(paths, vpc).map(|i| (i.scenario, i.warnings))
}

/// An import's result, with the call each file was recognised as.
#[derive(Debug)]
pub struct Imported {
    pub scenario: Scenario,
    pub warnings: Vec<Diagnostic>,
    pub files: Vec<(PathBuf, Option<&'static str>)>,
}

/// [`import_paths`], also saying which call each file was recognised as.
pub fn import(paths: &[PathBuf], vpc: Option<&str>) -> Result<Imported, ImportError> {
    let files = expand(paths)?;
    let mut warnings = Vec::new();
    let mut input = read_files(&files, &mut warnings)?;
    let scenario = build(&input, vpc, &mut warnings)?;
    let files = std::mem::take(&mut input.files);
    // The files as parsed are freed on another thread while the caller goes on (indexing and
    // evaluating the scenario): a quota-sized account's are a million small allocations, and
    // freeing them was 7 % of `check --aws`. Where no thread can be made, they are freed here.
    let _ = std::thread::Builder::new().spawn(move || drop(input));
    Ok(Imported {
        scenario,
        warnings,
        files,
    })
}

fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ImportError> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let rd = std::fs::read_dir(p).map_err(|source| ImportError::Io {
                path: p.clone(),
                source,
            })?;
            let mut found: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "json"))
                .collect();
            if found.is_empty() {
                return Err(ImportError::EmptyDirectory(p.clone()));
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    // A file named twice (on its own and through its directory) is read once.
    let mut seen = std::collections::BTreeSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    Ok(files)
}

/// Read and recognise every file.
pub fn read_files(files: &[PathBuf], warnings: &mut Vec<Diagnostic>) -> Result<Input, ImportError> {
    let mut input = Input::default();
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|source| ImportError::Io {
            path: path.clone(),
            source,
        })?;
        read_text(&text, path, &mut input, warnings)?;
    }
    Ok(input)
}

fn json_error(e: serde_json::Error, text: &str, path: &Path) -> ImportError {
    let line = e.line().max(1);
    let column = e.column().max(1);
    // serde_json's message ends with " at line L column C"; the position is said once, first.
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    ImportError::Json {
        path: path.to_path_buf(),
        line,
        column,
        message,
        snippet: text.lines().nth(line - 1).unwrap_or_default().to_string(),
    }
}

fn parse<T: DeserializeOwned>(text: &str, path: &Path) -> Result<T, ImportError> {
    serde_json::from_str(text).map_err(|e| json_error(e, text, path))
}

/// Recognise one file by its top-level key and add what it holds to `input`.
pub fn read_text(
    text: &str,
    path: &Path,
    input: &mut Input,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), ImportError> {
    if !text.trim_start().starts_with('{') {
        // Not an object: a syntax error says where, valid JSON says what it is not.
        parse::<serde::de::IgnoredAny>(text, path)?;
        return Err(ImportError::NotAnObject {
            path: path.to_path_buf(),
        });
    }
    let mut top = match top::first_pass(text) {
        Some(top) => top,
        None => {
            let mut de = serde_json::Deserializer::from_str(text);
            serde::de::DeserializeSeed::deserialize(top::Seed { capture: false }, &mut de)
                .and_then(|top| de.end().map(|()| top))
                .map_err(|e| json_error(e, text, path))?
        }
    };
    let shown = path.display().to_string();
    if top
        .next_token
        .as_ref()
        .is_some_and(|t| !t.is_null() && t.as_str() != Some(""))
    {
        warnings.push(build::warning(&shown, "aws_pagination_cut", "next_token"));
    }
    let keys = std::mem::take(&mut top.keys);
    let has = |k: &str| keys.binary_search_by(|x| x.as_str().cmp(k)).is_ok();
    let kind: Option<&'static str> = Some(if has("Vpcs") {
        input
            .vpcs
            .extend(parse::<aws::DescribeVpcs>(text, path)?.vpcs);
        "describe-vpcs"
    } else if has("Subnets") {
        let subnets = match top.take_subnets() {
            Some(s) => s,
            None => parse::<aws::DescribeSubnets>(text, path)?.subnets,
        };
        input.subnets.extend(subnets);
        "describe-subnets"
    } else if has("RouteTables") {
        let tables = match top.take_route_tables() {
            Some(t) => t,
            None => parse::<aws::DescribeRouteTables>(text, path)?.route_tables,
        };
        input.route_tables.extend(tables);
        "describe-route-tables"
    } else if has("InternetGateways") {
        input
            .internet_gateways
            .extend(parse::<aws::DescribeInternetGateways>(text, path)?.internet_gateways);
        "describe-internet-gateways"
    } else if has("EgressOnlyInternetGateways") {
        input.egress_only_internet_gateways.extend(
            parse::<aws_ipv6::DescribeEgressOnlyInternetGateways>(text, path)?
                .egress_only_internet_gateways,
        );
        "describe-egress-only-internet-gateways"
    } else if has("NatGateways") {
        input
            .nat_gateways
            .extend(parse::<aws::DescribeNatGateways>(text, path)?.nat_gateways);
        "describe-nat-gateways"
    } else if has("VpcEndpoints") {
        input
            .endpoints
            .extend(parse::<aws::DescribeVpcEndpoints>(text, path)?.vpc_endpoints);
        "describe-vpc-endpoints"
    } else if has("Reservations") {
        let reservations = match top.take_reservations() {
            Some(r) => r,
            None => parse::<aws::DescribeInstances>(text, path)?.reservations,
        };
        for r in reservations {
            input.instances.extend(r.instances);
        }
        "describe-instances"
    } else if has("NetworkInterfaces") {
        let interfaces = match top.take_network_interfaces() {
            Some(n) => n,
            None => parse::<aws::DescribeNetworkInterfaces>(text, path)?.network_interfaces,
        };
        input.network_interfaces.extend(interfaces);
        "describe-network-interfaces"
    } else if has("PrefixLists") {
        let lists = parse::<aws::DescribePrefixLists>(text, path)?.prefix_lists;
        // Only describe-managed-prefix-lists says who owns a list and its address family.
        let managed = lists
            .iter()
            .any(|l| l.address_family.is_some() || l.owner_id.is_some());
        input.prefix_lists.extend(lists);
        if managed {
            "describe-managed-prefix-lists"
        } else {
            "describe-prefix-lists"
        }
    } else if has("Entries") {
        let entries = parse::<aws::GetManagedPrefixListEntries>(text, path)?.entries;
        match prefix_list_id_in_name(path) {
            Some(id) => input
                .entries
                .push((id, entries.into_iter().map(|e| e.cidr).collect())),
            None => warnings.push(build::warning(
                &shown,
                "aws_entries_without_prefix_list",
                "file_name",
            )),
        }
        "get-managed-prefix-list-entries"
    } else if has("AvailabilityZones") {
        input
            .zones
            .extend(parse::<aws::DescribeAvailabilityZones>(text, path)?.availability_zones);
        "describe-availability-zones"
    } else if has("EnableDnsSupport") || has("EnableDnsHostnames") {
        input
            .attributes
            .push(parse::<aws::DescribeVpcAttribute>(text, path)?);
        "describe-vpc-attribute"
    } else if has("SecurityGroups") {
        input.has_security_groups = true;
        input
            .security_groups
            .extend(parse::<aws_security::DescribeSecurityGroups>(text, path)?.security_groups);
        "describe-security-groups"
    } else if has("NetworkAcls") {
        input.has_network_acls = true;
        input
            .network_acls
            .extend(parse::<aws_security::DescribeNetworkAcls>(text, path)?.network_acls);
        "describe-network-acls"
    } else if has("VpcBlockPublicAccessOptions") {
        input.bpa_options = parse::<aws_bpa::DescribeOptions>(text, path)?
            .vpc_block_public_access_options
            .or(input.bpa_options.take());
        "describe-vpc-block-public-access-options"
    } else if has("VpcBlockPublicAccessExclusions") {
        input.bpa_exclusions.extend(
            parse::<aws_bpa::DescribeExclusions>(text, path)?.vpc_block_public_access_exclusions,
        );
        "describe-vpc-block-public-access-exclusions"
    } else if has("DhcpOptions") {
        input
            .dhcp_options
            .extend(parse::<aws_dns::DescribeDhcpOptions>(text, path)?.dhcp_options);
        "describe-dhcp-options"
    } else if has("HostedZoneSummaries") {
        input
            .hosted_zones
            .extend(parse::<aws_dns::ListHostedZonesByVpc>(text, path)?.hosted_zone_summaries);
        "list-hosted-zones-by-vpc"
    } else if has("ResourceRecordSets") {
        let sets = parse::<aws_dns::ListResourceRecordSets>(text, path)?;
        if sets.is_truncated {
            warnings.push(build::warning(&shown, "aws_pagination_cut", "next_token"));
            input.truncated_record_sets.push(path.to_path_buf());
        }
        input
            .record_sets
            .push((path.to_path_buf(), sets.resource_record_sets));
        "list-resource-record-sets"
    } else if has("ResolverRules") {
        input
            .resolver_rules
            .extend(parse::<aws_dns::ListResolverRules>(text, path)?.resolver_rules);
        "list-resolver-rules"
    } else if has("ResolverRuleAssociations") {
        input.resolver_rule_associations.extend(
            parse::<aws_dns::ListResolverRuleAssociations>(text, path)?.resolver_rule_associations,
        );
        "list-resolver-rule-associations"
    } else if has("resourceGatewayId") || (has("arn") && has("portRanges")) {
        input
            .resource_configurations
            .push(parse::<aws_lattice::ResourceConfiguration>(text, path)?);
        "get-resource-configuration"
    } else if has("vpcId") && has("serviceNetworkArn") {
        input
            .lattice_vpc_associations
            .push(parse::<aws_lattice::VpcAssociation>(text, path)?);
        "get-service-network-vpc-association"
    } else if has("items")
        && parse::<aws_lattice::ListVpcAssociations>(text, path)?
            .items
            .iter()
            .any(|i| i.vpc_id.is_some())
    {
        let items = parse::<aws_lattice::ListVpcAssociations>(text, path)?.items;
        input.lattice_vpc_associations.extend(items);
        "list-service-network-vpc-associations"
    } else if has("items") {
        let items = parse::<aws_lattice::ListAssociations>(text, path)?.items;
        let services = items.iter().any(|i| i.service_name.is_some());
        input.lattice_associations.extend(items);
        if services {
            "list-service-network-service-associations"
        } else {
            "list-service-network-resource-associations"
        }
    } else if has("Policy") {
        let policy = parse::<aws::GetBucketPolicy>(text, path)?.policy;
        input.bucket_policies.push((path.to_path_buf(), policy));
        "get-bucket-policy"
    } else {
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        warnings.push(build::warning(&shown, "aws_unknown_file", "keys").list("keys", keys));
        input.files.push((path.to_path_buf(), None));
        return Ok(());
    });
    input.files.push((path.to_path_buf(), kind));
    Ok(())
}

/// The `pl-…` id in a file name (`entries-pl-0123abcd.json`, `pl-0123abcd.json`).
fn prefix_list_id_in_name(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy();
    let start = name.find("pl-")?;
    let id: String = name[start..]
        .chars()
        .enumerate()
        .take_while(|&(i, c)| i < 3 || c.is_ascii_hexdigit())
        .map(|(_, c)| c)
        .collect();
    (id.len() > 3).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_list_id_from_the_file_name() {
        assert_eq!(
            prefix_list_id_in_name(Path::new("x/entries-pl-63a5400a.json")).as_deref(),
            Some("pl-63a5400a")
        );
        assert_eq!(prefix_list_id_in_name(Path::new("entries.json")), None);
    }

    #[test]
    fn truncated_json_names_file_line_and_column() {
        let mut input = Input::default();
        let e = read_text(
            "{\n  \"Vpcs\": [\n    {\"VpcId\": \"vpc-1\"",
            Path::new("vpcs.json"),
            &mut input,
            &mut Vec::new(),
        )
        .unwrap_err();
        let text = e.to_string();
        assert!(text.starts_with("vpcs.json:3:"), "{text}");
        assert!(text.contains("EOF"), "{text}");
    }

    #[test]
    fn wrong_type_names_the_position() {
        let mut input = Input::default();
        let e = read_text(
            "{\"RouteTables\": [{\"RouteTableId\": \"rtb-1\", \"Associations\": [{\"Main\": \"yes\"}]}]}",
            Path::new("rt.json"),
            &mut input,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("rt.json:1:"), "{e}");
    }
}
