//! Models, scenarios and assertions the edit families' tests share.

use std::path::Path;

use super::*;
use crate::model::from_ron_str;
use crate::model::{Destination, Diagnostic, Model, Route, Target};

pub(super) const PRIVATE_ONLY: &str = include_str!("../../../scenarios/private-only.ron");

/// Everything the private-only scenario lacks: an internet gateway, NAT gateways (zonal and
/// regional), a GWLB endpoint, an appliance ENI, a replaced local route, a failed AZ.
pub(super) const KITCHEN: &str = include_str!("../../../tests/fixtures/kitchen.ron");

pub(super) fn model(text: &str) -> Model {
    let scenario = from_ron_str(text, Path::new("test.ron")).expect("fixture parses");
    Model::new(scenario).expect("fixture is valid")
}

pub(super) fn private_only() -> Model {
    model(PRIVATE_ONLY)
}

pub(super) fn kitchen() -> Model {
    model(KITCHEN)
}

/// Apply `e`, check that its inverse restores the scenario exactly and that the inverse of
/// the inverse redoes it; return the edited model and the inverse.
pub(super) fn round_trip(m: &Model, e: &Edit) -> (Model, Edit) {
    let (after, inverse) = e.apply(m).unwrap_or_else(|err| {
        panic!(
            "{}: {err}",
            crate::explain::edit_text(crate::explain::Lang::En, e)
        )
    });
    let (back, redo) = inverse.apply(&after).unwrap_or_else(|err| {
        panic!(
            "inverse {}: {err}",
            crate::explain::edit_text(crate::explain::Lang::En, &inverse)
        )
    });
    assert_eq!(
        back.scenario(),
        m.scenario(),
        "undo of: {}",
        crate::explain::edit_text(crate::explain::Lang::En, e)
    );
    let (again, _) = redo.apply(&back).unwrap_or_else(|err| {
        panic!(
            "redo {}: {err}",
            crate::explain::edit_text(crate::explain::Lang::En, &redo)
        )
    });
    assert_eq!(
        again.scenario(),
        after.scenario(),
        "redo of: {}",
        crate::explain::edit_text(crate::explain::Lang::En, e)
    );
    (after, inverse)
}

pub(super) fn refusal(m: &Model, e: &Edit) -> String {
    match e.apply(m) {
        Err(EditError::Refused(d)) => {
            assert!(!d.is_empty() && d.iter().all(Diagnostic::is_error));
            d.iter()
                .map(|d| crate::explain::diagnostic_message(crate::explain::Lang::En, d))
                .collect::<Vec<_>>()
                .join("; ")
        }
        other => panic!(
            "{} should be refused, got {other:?}",
            crate::explain::edit_text(crate::explain::Lang::En, e)
        ),
    }
}

pub(super) fn not_found(m: &Model, e: &Edit) -> String {
    match e.apply(m) {
        Err(EditError::NotFound(d)) => {
            crate::explain::diagnostic_message(crate::explain::Lang::En, &d)
        }
        other => panic!(
            "{} should be not found, got {other:?}",
            crate::explain::edit_text(crate::explain::Lang::En, e)
        ),
    }
}

pub(super) fn table<'a>(m: &'a Model, id: &str) -> &'a crate::model::RouteTable {
    m.scenario()
        .route_tables
        .iter()
        .find(|t| t.id == id)
        .unwrap()
}

pub(super) fn cidr(s: &str) -> Destination {
    Destination::Cidr(s.parse().unwrap())
}

pub(super) fn route(d: &str, target: Target) -> Route {
    Route {
        destination: cidr(d),
        target,
    }
}

pub(super) fn nat(id: &str) -> Target {
    Target::NatGateway(id.into())
}
