//! `vpc-tui import aws`'s own lines, what stops an import, and why a file was not written, as
//! sentences (`import.ftl`). The import's warnings are [`crate::model::Diagnostic`]s, rendered
//! by [`super::diagnostic`].

use std::fmt;
use std::path::Path;

use super::{Lang, args, join, msg};
use crate::import::ImportError;
use crate::model::Scenario;
use crate::save::SaveError;

/// Why nothing could be imported. A JSON syntax error keeps the parser's message and the line
/// it points into, as a scenario's syntax error does.
pub fn import_error(lang: Lang, e: &ImportError) -> String {
    let path = |p: &Path| p.display().to_string();
    match e {
        ImportError::Io { path: p, source } => msg(
            lang,
            "import-error-io",
            args().s("path", path(p)).s("error", source.to_string()),
        ),
        ImportError::Json { .. } => e.to_string(),
        ImportError::NotAnObject { path: p } => msg(
            lang,
            "import-error-not-an-object",
            args().s("path", path(p)),
        ),
        ImportError::EmptyDirectory(p) => msg(
            lang,
            "import-error-empty-directory",
            args().s("path", path(p)),
        ),
        ImportError::NoVpc => msg(lang, "import-error-no-vpc", args()),
        ImportError::SeveralVpcs(ids) => msg(
            lang,
            "import-error-several-vpcs",
            args().n("count", ids.len()).s("vpcs", join(lang, ids)),
        ),
        ImportError::UnknownVpc { wanted, known } => msg(
            lang,
            "import-error-unknown-vpc",
            args()
                .s("wanted", wanted.clone())
                .s("known", join(lang, known)),
        ),
    }
}

/// "read vpcs.json: describe-vpcs": which call a file was recognised as.
pub fn import_read_line(lang: Lang, file: &Path, call: Option<&str>) -> String {
    let a = args().s("file", file.display().to_string());
    match call {
        Some(call) => msg(lang, "import-read", a.s("call", call.to_string())),
        None => msg(lang, "import-read-unrecognised", a),
    }
}

/// What was written: "out.ron: 4 subnets, 3 route tables, … (2 warnings)".
pub fn import_summary(lang: Lang, path: &Path, s: &Scenario, warnings: usize) -> String {
    msg(
        lang,
        "import-summary",
        args()
            .s("path", path.display().to_string())
            .n("subnets", s.subnets.len())
            .n("tables", s.route_tables.len())
            .n(
                "endpoints",
                s.gateway_endpoints.len() + s.interface_endpoints.len() + s.gwlb_endpoints.len(),
            )
            .n("instances", s.instances.len())
            .n("warnings", warnings),
    )
}

/// The title and description an imported scenario carries, in `lang`.
pub fn import_title(lang: Lang, vpc: &str, name: Option<&str>) -> String {
    let a = args().s("vpc", vpc.to_string());
    match name {
        Some(n) => msg(lang, "import-title-named", a.s("name", n.to_string())),
        None => msg(lang, "import-title", a),
    }
}

pub fn import_description(lang: Lang, vpc: &str, region: &str) -> String {
    msg(
        lang,
        "import-description",
        args()
            .s("vpc", vpc.to_string())
            .s("region", region.to_string()),
    )
}

/// Why a file was not written. The system's own message is kept as it gives it.
pub fn save_error(lang: Lang, e: &SaveError) -> String {
    let path = |p: &Path| p.display().to_string();
    match e {
        SaveError::Io { path: p, source } => msg(
            lang,
            "save-error-io",
            args().s("path", path(p)).s("error", source.to_string()),
        ),
        SaveError::NotRegular { path: p, kind } => msg(
            lang,
            "save-error-not-regular",
            args().s("path", path(p)).s("kind", *kind),
        ),
        SaveError::Changed { path: p } => {
            msg(lang, "save-error-changed", args().s("path", path(p)))
        }
        SaveError::IsInput { path: p } => {
            msg(lang, "save-error-is-input", args().s("path", path(p)))
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&save_error(Lang::En, self))
    }
}
