//! The edit menu's VPC Block Public Access flow: set the Region's mode, or create or delete the
//! exclusion of the VPC or of one subnet (aws-semantics.md §4, the internet gateway; AWS's page:
//! <https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html>). Every choice is one
//! undoable edit; validation refuses what AWS would.

use super::{Picker, Purpose, item};
use crate::app::App;
use crate::explain::{bpa_mode_text, exclusion_mode_text};
use crate::i18n::{t, tf};
use crate::model::{BpaExclusion, BpaMode, Edit, ExclusionMode, ExclusionScope};

/// `now: bidirectional, 2 exclusions`, for the menu item.
pub(super) fn bpa_now(app: &App) -> String {
    let bpa = &app.model.scenario().block_public_access;
    tf(
        app.lang,
        "ui-bpa-now",
        &[
            &bpa_mode_text(app.lang, bpa.mode),
            &bpa.exclusions.len().to_string(),
        ],
    )
}

impl App {
    /// The first step: the three modes, then the VPC and each subnet with its exclusion.
    pub(super) fn start_bpa(&mut self) {
        let lang = self.lang;
        let s = self.model.scenario();
        let bpa = &s.block_public_access;
        let mut items: Vec<_> = BpaMode::ALL
            .into_iter()
            .map(|m| {
                let detail = if m == bpa.mode {
                    t(lang, "ui-bpa-current")
                } else {
                    ""
                };
                item(
                    tf(lang, "ui-bpa-set-mode", &[&bpa_mode_text(lang, m)]),
                    detail,
                    format!("mode:{}", m.code()),
                )
            })
            .collect();
        let scopes = std::iter::once((ExclusionScope::Vpc, s.vpc.id.clone())).chain(
            s.subnets
                .iter()
                .map(|x| (ExclusionScope::Subnet(x.id.clone()), x.id.clone())),
        );
        for (scope, name) in scopes {
            let value = match &scope {
                ExclusionScope::Vpc => "vpc".to_string(),
                ExclusionScope::Subnet(id) => format!("subnet:{id}"),
            };
            items.push(match bpa.exclusion(&scope).map(|x| &bpa.exclusions[x]) {
                Some(e) => item(
                    tf(lang, "ui-bpa-delete-exclusion", &[&name]),
                    tf(
                        lang,
                        "ui-bpa-excluded",
                        &[&exclusion_mode_text(lang, e.mode), e.label(&s.vpc.id)],
                    ),
                    value,
                ),
                None => item(
                    tf(lang, "ui-bpa-exclude", &[&name]),
                    t(lang, "ui-bpa-not-excluded"),
                    value,
                ),
            });
        }
        let picker = Picker::new(t(lang, "ui-bpa-title"), items, Purpose::BpaChoice);
        self.pick(picker);
    }

    /// What a choice of the flow does: set the mode, delete an exclusion, or ask its mode.
    pub(super) fn choose_bpa(&mut self, purpose: Purpose, v: &str) {
        let lang = self.lang;
        let scope = |v: &str| match v.strip_prefix("subnet:") {
            Some(id) => ExclusionScope::Subnet(id.to_string()),
            None => ExclusionScope::Vpc,
        };
        match purpose {
            Purpose::BpaChoice => {
                if let Some(mode) = v.strip_prefix("mode:").and_then(BpaMode::from_code) {
                    return self.apply(Edit::SetBlockPublicAccessMode { mode });
                }
                let scope = scope(v);
                if self
                    .model
                    .scenario()
                    .block_public_access
                    .exclusion(&scope)
                    .is_some()
                {
                    return self.apply(Edit::RemoveBpaExclusion { scope });
                }
                let items = ExclusionMode::ALL
                    .into_iter()
                    .map(|m| {
                        let hint = match m {
                            ExclusionMode::AllowBidirectional => "ui-bpa-allow-bidirectional-hint",
                            ExclusionMode::AllowEgress => "ui-bpa-allow-egress-hint",
                        };
                        item(exclusion_mode_text(lang, m), t(lang, hint), m.code())
                    })
                    .collect();
                self.pick(Picker::new(
                    t(lang, "ui-bpa-exclusion-mode"),
                    items,
                    Purpose::BpaExclusionMode {
                        scope: v.to_string(),
                    },
                ));
            }
            Purpose::BpaExclusionMode { scope: target } => {
                let Some(mode) = ExclusionMode::from_code(v) else {
                    return;
                };
                self.apply(Edit::AddBpaExclusion {
                    exclusion: BpaExclusion {
                        id: None,
                        scope: scope(&target),
                        mode,
                    },
                    position: None,
                });
            }
            _ => {}
        }
    }
}
