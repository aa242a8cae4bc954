//! VPC Block Public Access edits (aws-semantics.md §4, the internet gateway; BPA has no section
//! there yet, so AWS's pages below are the contract): set the Region's mode (`ec2
//! modify-vpc-block-public-access-options --internet-gateway-block-mode`), create an exclusion for
//! the VPC or one of its subnets (`create-vpc-block-public-access-exclusion`), delete one
//! (`delete-vpc-block-public-access-exclusion`). An exclusion for a subnet the VPC does not have,
//! or a second one for the same VPC or subnet, is refused by validation (`validate/bpa.rs`), naming
//! the exclusion and the rule.

use super::lookup::not_found;
use super::{Edit, EditError};
use crate::model::{ExclusionScope, Scenario};

/// Apply a BPA edit to `s` and return its exact inverse.
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<Edit, EditError> {
    let bpa = &mut s.block_public_access;
    match edit {
        Edit::SetBlockPublicAccessMode { mode } => {
            let before = std::mem::replace(&mut bpa.mode, *mode);
            Ok(Edit::SetBlockPublicAccessMode { mode: before })
        }
        Edit::AddBpaExclusion {
            exclusion,
            position,
        } => {
            let at = position.unwrap_or(usize::MAX).min(bpa.exclusions.len());
            bpa.exclusions.insert(at, exclusion.clone());
            Ok(Edit::RemoveBpaExclusion {
                scope: exclusion.scope.clone(),
            })
        }
        Edit::RemoveBpaExclusion { scope } => {
            let Some(at) = bpa.exclusion(scope) else {
                let vpc = s.vpc.id.clone();
                let name = |sc: &ExclusionScope| match sc {
                    ExclusionScope::Vpc => vpc.clone(),
                    ExclusionScope::Subnet(sn) => sn.clone(),
                };
                let known: Vec<String> = bpa.exclusions.iter().map(|e| name(&e.scope)).collect();
                return Err(not_found(
                    ("kind-bpa_exclusion", "kinds-bpa_exclusion"),
                    &name(scope),
                    known,
                ));
            };
            let exclusion = bpa.exclusions.remove(at);
            Ok(Edit::AddBpaExclusion {
                exclusion,
                position: Some(at),
            })
        }
        _ => unreachable!("only Block Public Access edits are routed here"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::model::{BpaExclusion, BpaMode, ExclusionMode, Model, load_file};

    fn bpa() -> Model {
        load_file(std::path::Path::new("scenarios/block-public-access.ron")).expect("loads")
    }

    #[test]
    fn the_mode_is_set_and_undone() {
        let m = bpa();
        let before = m.scenario().block_public_access.mode;
        let (after, inverse) = round_trip(
            &m,
            &Edit::SetBlockPublicAccessMode {
                mode: BpaMode::BlockIngress,
            },
        );
        assert_eq!(
            after.scenario().block_public_access.mode,
            BpaMode::BlockIngress
        );
        assert_eq!(inverse, Edit::SetBlockPublicAccessMode { mode: before });
    }

    #[test]
    fn an_exclusion_is_added_removed_and_checked() {
        let m = bpa();
        let add = Edit::AddBpaExclusion {
            exclusion: BpaExclusion {
                id: None,
                scope: ExclusionScope::Subnet("subnet-app-a".into()),
                mode: ExclusionMode::AllowEgress,
            },
            position: None,
        };
        let (after, inverse) = round_trip(&m, &add);
        assert!(
            after
                .scenario()
                .block_public_access
                .exclusion(&ExclusionScope::Subnet("subnet-app-a".into()))
                .is_some()
        );
        assert!(matches!(inverse, Edit::RemoveBpaExclusion { .. }));
        // The same subnet twice, and a subnet the VPC does not have, are refused by name.
        let (twice, _) = add.apply(&m).expect("applies");
        assert!(refusal(&twice, &add).contains("subnet-app-a"));
        let unknown = Edit::AddBpaExclusion {
            exclusion: BpaExclusion {
                id: Some("vpcbpa-exclude-x".into()),
                scope: ExclusionScope::Subnet("subnet-nope".into()),
                mode: ExclusionMode::AllowBidirectional,
            },
            position: None,
        };
        assert!(refusal(&m, &unknown).contains("subnet-nope"));
        let missing = Edit::RemoveBpaExclusion {
            scope: ExclusionScope::Subnet("subnet-nope".into()),
        };
        assert!(
            missing
                .apply(&m)
                .unwrap_err()
                .to_string()
                .contains("subnet-nope")
        );
    }
}
