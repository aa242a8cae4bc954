//! The scenario model: serde types, loading with precise errors, AWS's validation rules, the
//! [`Edit`] operations, and [`Model`], the validated scenario with the indexes the evaluator uses.

mod bpa;
pub mod catalogue;
mod diagnostic;
mod dns;
mod edit;
mod index;
mod ipv6;
mod lattice;
mod layout;
mod lesson;
mod load;
mod parts;
mod policy;
mod s3express;
mod security;
mod security_v6;
mod shared;
mod split;
mod types;
pub mod validate;

pub use bpa::*;
pub use diagnostic::{DiagArg, Diagnostic, Severity};
pub use dns::*;
pub use edit::{Edit, EditError};
pub(crate) use index::{Applies, SecurityEdits, cores, gather, with_cores};
pub use index::{
    Association, Az, AzNames, CompiledRoute, CompiledTable, EndpointEni, EniInfo, FailedAzs,
    GroupSet, Model, NoPrivateDns, NoPrivateDnsNote, PrivateDnsOffNote, PrivateDnsUnsupportedNote,
    PublicWhy, RouteDecision, RouteFact, RouteMatch, RouteOrigin, RouteRule, SHOWN_ROUTES,
    SecurityIndex, UNCHECKED, Unchecked, unchecked_layers,
};
pub(crate) use index::{NO_PLACE, destination_text, route_select, security_rules};
pub use ipv6::*;
pub use lattice::{Lattice, ResourceConfiguration, ServiceNetwork, ServiceNetworkAssociation};
pub use lesson::{Lesson, LessonPanel, LessonStep, StepExpectation, Text};
pub(crate) use load::write_located;
pub use load::{LoadError, from_ron_str, load_file, save_file, to_ron_string};
pub use policy::*;
pub use s3express::*;
pub use security::*;
pub use security_v6::*;
pub use shared::Shared;
pub use types::*;

/// The shipped scenario `scenarios/NAME.ron`'s model, for a test; one that does not load fails
/// the test.
#[cfg(test)]
pub(crate) fn shipped_scenario(name: &str) -> Model {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(format!("{name}.ron"));
    load_file(&path)
        .ok()
        .unwrap_or_else(|| panic!("{}: a shipped scenario loads", path.display()))
}

/// Every shipped scenario (`scenarios/*.ron`, by file name) with its model, for the tests that
/// hold a property over all of them; a scenario that does not load fails the test.
#[cfg(test)]
pub(crate) fn shipped_scenarios() -> Vec<(std::path::PathBuf, Model)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("scenarios/")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let model = load_file(&path)
                .ok()
                .unwrap_or_else(|| panic!("{}: a shipped scenario loads", path.display()));
            (path, model)
        })
        .collect()
}
