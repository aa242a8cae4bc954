//! What-if Availability Zone failures: failing, restoring and setting the failed AZs
//! (aws-semantics.md §6).

use super::lookup::{az_index, az_label, find_az, refuse};
use super::{Edit, EditError};
use crate::model::{Diagnostic, Scenario};

/// Apply a what-if AZ edit to `s` and return its exact inverse.
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::FailAz { az } => {
            let i = find_az(s, az)?;
            if let Some(e) = s
                .what_if
                .failed_azs
                .iter()
                .find(|e| az_index(s, e) == Some(i))
            {
                return Err(refuse(
                    Diagnostic::error(az, "az_already_failed")
                        .s("az", az_label(s, i))
                        .b("listed_otherwise", e != az)
                        .s("listed", e),
                ));
            }
            s.what_if.failed_azs.push(az.clone());
            Edit::RestoreAz { az: az.clone() }
        }
        Edit::RestoreAz { az } => {
            let wanted = az_index(s, az);
            let names_it = |e: &String| e == az || (wanted.is_some() && az_index(s, e) == wanted);
            let hits: Vec<usize> = (0..s.what_if.failed_azs.len())
                .filter(|&k| names_it(&s.what_if.failed_azs[k]))
                .collect();
            match hits.as_slice() {
                [] => {
                    let i = find_az(s, az)?;
                    return Err(refuse(
                        Diagnostic::error(az, "az_not_failed").s("az", az_label(s, i)),
                    ));
                }
                // The last entry: failing it again appends it where it was.
                &[p] if p + 1 == s.what_if.failed_azs.len() => Edit::FailAz {
                    az: s.what_if.failed_azs.remove(p),
                },
                _ => {
                    let old = s.what_if.failed_azs.clone();
                    for &k in hits.iter().rev() {
                        s.what_if.failed_azs.remove(k);
                    }
                    Edit::SetFailedAzs { failed_azs: old }
                }
            }
        }
        Edit::SetFailedAzs { failed_azs } => {
            for az in failed_azs {
                find_az(s, az)?;
            }
            Edit::SetFailedAzs {
                failed_azs: std::mem::replace(&mut s.what_if.failed_azs, failed_azs.clone()),
            }
        }
        _ => unreachable!("not a what-if AZ edit: {edit:?}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::test_support::not_found;
    use crate::model::edit::test_support::*;

    #[test]
    fn fail_and_restore_az() {
        let m = private_only();
        let e = Edit::FailAz {
            az: "us-east-1a".into(),
        };
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(after.scenario().what_if.failed_azs, ["us-east-1a"]);
        assert_eq!(
            after.failed_azs(&after.scenario().what_if),
            [true, false, false]
        );
        assert_eq!(
            inverse,
            Edit::RestoreAz {
                az: "us-east-1a".into()
            }
        );
        // Failing it again, by its AZ ID, is refused.
        let msg = refusal(
            &after,
            &Edit::FailAz {
                az: "use1-az1".into(),
            },
        );
        assert_eq!(
            msg,
            "AZ us-east-1a (use1-az1) has already failed (listed as us-east-1a)"
        );
        // Restoring by AZ ID removes the entry stored by name; the inverse stores the name.
        let (restored, inverse) = round_trip(
            &after,
            &Edit::RestoreAz {
                az: "use1-az1".into(),
            },
        );
        assert!(restored.scenario().what_if.failed_azs.is_empty());
        assert_eq!(
            inverse,
            Edit::FailAz {
                az: "us-east-1a".into(),
            }
        );
        let msg = refusal(
            &m,
            &Edit::RestoreAz {
                az: "us-east-1b".into(),
            },
        );
        assert_eq!(msg, "AZ us-east-1b (use1-az2) has not failed");
        let msg = not_found(
            &m,
            &Edit::FailAz {
                az: "us-east-1z".into(),
            },
        );
        assert_eq!(
            msg,
            "no AZ us-east-1z; AZs: us-east-1a (use1-az1), us-east-1b (use1-az2), \
             us-east-1c (use1-az4)"
        );
        assert!(not_found(&m, &Edit::RestoreAz { az: "x".into() }).starts_with("no AZ x;"));
    }

    #[test]
    fn restore_az_stored_as_id_and_several_entries() {
        let k = kitchen();
        let (after, inverse) = round_trip(
            &k,
            &Edit::RestoreAz {
                az: "us-east-1b".into(),
            },
        );
        assert!(after.scenario().what_if.failed_azs.is_empty());
        assert_eq!(
            inverse,
            Edit::FailAz {
                az: "use1-az2".into(),
            }
        );
        // Restoring an entry that is not the last: the inverse puts the list back in order.
        let two = Edit::FailAz {
            az: "us-east-1a".into(),
        };
        let (m1, _) = round_trip(&k, &two);
        assert_eq!(m1.scenario().what_if.failed_azs, ["use1-az2", "us-east-1a"]);
        let (after, inverse) = round_trip(
            &m1,
            &Edit::RestoreAz {
                az: "use1-az2".into(),
            },
        );
        assert_eq!(after.scenario().what_if.failed_azs, ["us-east-1a"]);
        assert_eq!(
            inverse,
            Edit::SetFailedAzs {
                failed_azs: vec!["use1-az2".into(), "us-east-1a".into()]
            }
        );
        // A list naming one AZ twice (a scenario can be written so): restoring removes both and
        // the inverse puts the whole list back.
        let twice = Edit::SetFailedAzs {
            failed_azs: vec!["us-east-1a".into(), "use1-az2".into(), "use1-az1".into()],
        };
        let (m2, _) = round_trip(&k, &twice);
        let (after, inverse) = round_trip(
            &m2,
            &Edit::RestoreAz {
                az: "us-east-1a".into(),
            },
        );
        assert_eq!(after.scenario().what_if.failed_azs, ["use1-az2"]);
        assert!(matches!(inverse, Edit::SetFailedAzs { .. }));
        assert_eq!(
            crate::explain::edit_text(
                crate::explain::Lang::En,
                &Edit::SetFailedAzs { failed_azs: vec![] }
            ),
            "restore every AZ"
        );
    }

    /// Failing and restoring an AZ changes the what-if alone: the scenario after it shares
    /// every list with the one before (subnets, route tables, endpoints, instances: nothing
    /// copied), and the one before keeps its own what-if.
    #[test]
    fn an_az_failure_copies_no_list_of_the_scenario() {
        let m = private_only();
        let fail = Edit::FailAz {
            az: "us-east-1b".into(),
        };
        let (after, inverse) = round_trip(&m, &fail);
        let (back, _) = inverse.apply(&after).unwrap();
        for (x, y) in [(&m, &after), (&after, &back)] {
            let (a, b) = (x.scenario(), y.scenario());
            assert!(!a.subnets.is_empty() && !a.interface_endpoints.is_empty());
            assert!(a.subnets.shares(&b.subnets));
            assert!(a.route_tables.shares(&b.route_tables));
            assert!(a.gateway_endpoints.shares(&b.gateway_endpoints));
            assert!(a.interface_endpoints.shares(&b.interface_endpoints));
            assert!(a.instances.shares(&b.instances));
        }
        assert!(m.scenario().what_if.failed_azs.is_empty());
        assert_eq!(after.scenario().what_if.failed_azs, ["us-east-1b"]);
        assert_eq!(back.scenario(), m.scenario());
    }
}
