//! The command line's arguments and subcommands (clap), and the language it asks for.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "vpc-tui",
    version,
    about = "See how traffic leaves an AWS VPC: routes, endpoints, NAT and internet gateways, explained hop by hop.",
    after_help = "Exit codes: 0 reachable / valid, 1 evaluated but not reachable, 2 invalid input or usage."
)]
pub struct Cli {
    /// Scenario file (RON) to open in the explorer; without one, the built-in private-only
    /// scenario. When standard output is not a terminal, a text overview is printed instead.
    pub scenario: Option<PathBuf>,
    /// Print the text overview (every instance × service) instead of opening the explorer.
    #[arg(long)]
    pub overview: bool,
    /// Language of lesson narration and of the UI text that has a translation (default: from
    /// the locale: LC_ALL, LC_MESSAGES, LANG starting with `ja`).
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
    /// Narrow symbols: ASCII instead of box-drawing and arrow glyphs, for terminals that draw
    /// East Asian ambiguous-width characters two cells wide (chosen by itself when the
    /// terminal does that).
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Open a directory of the AWS CLI's JSON output (`aws ec2 describe-*`, and the `route53`,
    /// `route53resolver`, `vpc-lattice` and `s3api` calls docs/aws-import-fields.md lists)
    /// instead of a scenario file.
    #[arg(long, value_name = "DIR", conflicts_with = "scenario")]
    pub aws: Option<PathBuf>,
    /// With --aws: the VPC to open when the files describe several (id or Name tag).
    #[arg(long, value_name = "VPC", requires = "aws")]
    pub vpc: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The arguments, or clap's usage error (exit 2) for a scenario, `--overview` or `--aws`
    /// given with a subcommand. Global flags (`--lang`, `--ascii`) go before or after it.
    pub fn parse_checked() -> Cli {
        use clap::{CommandFactory, Parser};
        let cli = Cli::parse();
        if cli.command.is_some() && (cli.scenario.is_some() || cli.overview || cli.aws.is_some()) {
            Cli::command()
                .error(
                    clap::error::ErrorKind::ArgumentConflict,
                    "a SCENARIO, --overview or --aws goes after the subcommand's name \
                     (vpc-tui check SCENARIO ...), or without a subcommand to open the explorer",
                )
                .exit();
        }
        cli
    }
}

/// `--lang`, or else the locale.
pub fn resolve_lang(flag: Option<Lang>) -> Lang {
    flag.unwrap_or_else(Lang::from_env)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Step through a scenario's lesson in the explorer, or print it as a handout.
    Lesson {
        /// Scenario file (RON) with a `lesson`.
        scenario: PathBuf,
        /// Open at this step (1 = the first); with --print, print only this step.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
        step: Option<u32>,
        /// Print the lesson (narration, question, the evaluated answer, the AWS page) instead
        /// of opening the explorer.
        #[arg(long)]
        print: bool,
    },
    /// Evaluate one path (--from, --to) or every instance × service (--matrix).
    Check(CheckArgs),
    /// Load and validate scenarios; print every error and warning.
    Validate {
        /// Scenario files.
        #[arg(required = true)]
        scenarios: Vec<PathBuf>,
    },
    /// Write a scenario from a real VPC's description.
    #[command(subcommand)]
    Import(ImportSource),
    /// Draw the topology (Graphviz DOT or a Mermaid flowchart), with one path highlighted.
    Export(ExportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// `dot` (Graphviz) or `mermaid` (renders on GitHub).
    #[arg(value_enum)]
    pub format: ExportFormat,
    /// Scenario file (RON).
    #[arg(required_unless_present = "aws")]
    pub scenario: Option<PathBuf>,
    /// Draw a directory of the AWS CLI's JSON output (`aws ec2 describe-*`, and the `route53`,
    /// `route53resolver`, `vpc-lattice` and `s3api` calls docs/aws-import-fields.md lists)
    /// instead of a scenario file.
    #[arg(long, value_name = "DIR", conflicts_with = "scenario")]
    pub aws: Option<PathBuf>,
    /// With --aws: the VPC to draw when the files describe several (id or Name tag).
    #[arg(long, value_name = "VPC", requires = "aws")]
    pub vpc: Option<String>,
    /// Highlight the path from this source (with --to), as `check --from` takes it.
    #[arg(long, requires = "to")]
    pub from: Option<String>,
    /// Highlight the path to this destination (with --from), as `check --to` takes it.
    #[arg(long, requires = "from")]
    pub to: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Dot,
    Mermaid,
}

#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// From the JSON the AWS CLI prints (`aws ec2 describe-*`, and the `route53`,
    /// `route53resolver`, `vpc-lattice` and `s3api` calls docs/aws-import-fields.md lists): one
    /// file per call, in any order (a directory stands for its *.json files).
    Aws(ImportAwsArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportAwsArgs {
    /// JSON files or directories of them.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Write the scenario here (atomically) rather than to standard output.
    #[arg(short, long, value_name = "SCENARIO")]
    pub output: Option<PathBuf>,
    /// The VPC to import when the files describe several (id or Name tag).
    #[arg(long, value_name = "VPC")]
    pub vpc: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Scenario file (RON).
    #[arg(required_unless_present = "aws")]
    pub scenario: Option<PathBuf>,
    /// Check a directory of the AWS CLI's JSON output (`aws ec2 describe-*`, and the `route53`,
    /// `route53resolver`, `vpc-lattice` and `s3api` calls docs/aws-import-fields.md lists)
    /// instead of a scenario file.
    #[arg(long, value_name = "DIR", conflicts_with = "scenario")]
    pub aws: Option<PathBuf>,
    /// With --aws: the VPC to check when the files describe several (id or Name tag).
    #[arg(long, value_name = "VPC", requires = "aws")]
    pub vpc: Option<String>,
    /// Source: an instance id or name, a subnet id (a hypothetical instance there), a private
    /// IPv4 address inside a subnet, or an IPv6 address inside a subnet's IPv6 block (the
    /// instance that holds it, else a new interface in that subnet). With --matrix: the rows to show (instances, or
    /// subnets' instances, by id or name); repeatable or comma-separated.
    #[arg(long, required_unless_present = "matrix", value_delimiter = ',')]
    pub from: Vec<String>,
    /// Destination: a service (s3, ssm, ...), SERVICE@REGION (s3@us-west-2), a global name
    /// (s3.amazonaws.com), an IPv4 address or CIDR, workload:NAME (workload:ecr-pull), or an S3 Express
    /// One Zone directory bucket (data--use1-az4--x-s3). With
    /// --matrix: the columns to show (services or workloads); repeatable or comma-separated.
    #[arg(long, required_unless_present = "matrix", value_delimiter = ',')]
    pub to: Vec<String>,
    /// With --from SUBNET: the hypothetical instance has a public IPv4 address.
    #[arg(long, requires = "from")]
    pub public_ip: bool,
    /// The traffic's protocol, for security groups and network ACLs (default tcp).
    #[arg(long, value_enum, requires = "from")]
    pub protocol: Option<ProtocolArg>,
    /// The traffic's destination port, for security groups and network ACLs (default 443,
    /// HTTPS, or with neither --port nor --protocol a VPC Lattice resource's own port when its
    /// resource configuration does not offer 443; ignored for icmp).
    #[arg(long, requires = "from")]
    pub port: Option<u16>,
    /// The request's IAM action, for endpoint and bucket policies (`s3:GetObject`; default:
    /// any action of the service).
    #[arg(
        long,
        value_name = "ACTION",
        requires = "from",
        conflicts_with = "matrix"
    )]
    pub action: Option<String>,
    /// The request's resource ARN, for endpoint and bucket policies
    /// (`arn:aws:s3:::bucket/key`; default: any object in any bucket).
    #[arg(long, value_name = "ARN", requires = "from", conflicts_with = "matrix")]
    pub resource: Option<String>,
    /// The IP version for a named destination: ipv4 (the default), ipv6, or auto (what the
    /// client would use: IPv6 when it has an IPv6 address and the DNS answer has an AAAA record,
    /// DNS64's included; RFC 6724). An address given with --to decides its own version
    /// (--to 2600:1f18::1 is IPv6). With --matrix: every cell asks with this version (each
    /// JSON cell's `family` says the one its path took).
    #[arg(long, value_enum, default_value_t = FamilyArg::Ipv4)]
    pub family: FamilyArg,
    /// Every instance × every service.
    #[arg(long)]
    pub matrix: bool,
    /// Fail an Availability Zone (name or AZ ID) for this check; repeatable.
    #[arg(long = "fail-az", value_name = "AZ")]
    pub fail_az: Vec<String>,
    /// For a path that is not reachable: the smallest changes (one edit, then two) that make it
    /// reachable, best first, each with the verdict after it, the matrix cells it flips, the
    /// monthly cost delta and the AZs it depends on.
    #[arg(long, requires = "from", conflicts_with = "matrix")]
    pub suggest: bool,
    /// Apply suggestion N (1 = the first of --suggest) and write the fixed scenario to -o.
    #[arg(long, value_name = "N", requires_all = ["from", "output"], conflicts_with = "matrix",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub apply_suggestion: Option<u32>,
    /// With --apply-suggestion: where to write the fixed scenario (atomically; the scenario's
    /// comments and layout are kept).
    #[arg(short, long, value_name = "OUT.ron", requires = "apply_suggestion")]
    pub output: Option<PathBuf>,
    /// Single points of failure: for the path (--from, --to), each AZ, NAT gateway, appliance,
    /// endpoint, ENI or route whose failure or removal alone breaks it; with --matrix, every
    /// reachable cell that has one.
    #[arg(long)]
    pub spof: bool,
    /// `json`: one path's trace, or for --matrix a list of cells; `jsonl`: the same objects,
    /// one per line.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// With --matrix as text: wrap the table to N columns, each block repeating the instance
    /// column (default: the terminal's width when writing to a terminal; 0 never wraps).
    #[arg(long, value_name = "N", requires = "matrix")]
    pub width: Option<usize>,
    /// With --matrix and a JSON format: each cell is the full trace (hops, parts, sentences)
    /// instead of the compact verdict.
    #[arg(long, requires = "matrix")]
    pub trace: bool,
}

/// `--family`: the IP version of a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FamilyArg {
    Ipv4,
    Ipv6,
    Auto,
}

impl FamilyArg {
    pub fn family(self) -> crate::eval::Family {
        match self {
            FamilyArg::Ipv4 => crate::eval::Family::Ipv4,
            FamilyArg::Ipv6 => crate::eval::Family::Ipv6,
            FamilyArg::Auto => crate::eval::Family::Auto,
        }
    }
}

/// `--protocol`: what security group and network ACL rules match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProtocolArg {
    Tcp,
    Udp,
    Icmp,
}

impl ProtocolArg {
    pub fn protocol(self) -> crate::model::Protocol {
        match self {
            ProtocolArg::Tcp => crate::model::Protocol::Tcp,
            ProtocolArg::Udp => crate::model::Protocol::Udp,
            ProtocolArg::Icmp => crate::model::Protocol::Icmp,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    /// JSON Lines: one object per line.
    Jsonl,
}
