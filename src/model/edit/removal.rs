//! Removals for evaluation: the model after deleting a NAT gateway, an endpoint, an endpoint's
//! ENI or a route, or after a GWLB endpoint's appliances go down, made for evaluating paths on
//! it (weak points try one removal per object on a path, `crate::fix::spof`).
//!
//! [`Edit::apply`] re-runs every validation rule the edit touched: on a quota-sized model that
//! is milliseconds per removal, mostly rules that read all 10,000 instances or every route of a
//! table. A removal cannot break those rules (`model::validate` marks them `removal_safe`), so
//! [`Edit::apply_removal`] makes the same scenario and the same indexes without them. (Weak
//! points do not even make a model for a deleted NAT gateway, whose thirty tables would be
//! compiled again: `eval::evaluate_without_nat_gateway`.)

use super::super::parts::Touched;
use super::{Edit, EditError, Model};

impl Edit {
    /// Whether the edit only takes something away: one of the failures weak points try.
    pub fn is_removal(&self) -> bool {
        matches!(
            self,
            Edit::DeleteNatGateway { .. }
                | Edit::DeleteGatewayEndpoint { .. }
                | Edit::DeleteInterfaceEndpoint { .. }
                | Edit::RemoveEndpointSubnet { .. }
                | Edit::DeleteRoute { .. }
                | Edit::SetGwlbAppliancesUp { up: false, .. }
        )
    }

    /// For a removal ([`Edit::is_removal`]), the model [`Edit::apply`] gives, made faster for
    /// evaluating paths on it: the same scenario, the same refusals and the same indexes, but
    /// the validation rules that a removal cannot break are not run again (so the model keeps
    /// their warnings from before). `None` when the edit is not a removal.
    pub fn apply_removal(&self, model: &Model) -> Option<Result<Model, EditError>> {
        if !self.is_removal() {
            return None;
        }
        let mut scenario = model.clone_scenario();
        let mut touched = Touched::nothing();
        if let Err(e) = self.apply_to(&mut scenario, &mut touched) {
            return Some(Err(e));
        }
        let next = model.rebuild_with(scenario, &touched, true);
        Some(next.map_err(|diagnostics| {
            EditError::Refused(diagnostics.into_iter().filter(|d| d.is_error()).collect())
        }))
    }
}
