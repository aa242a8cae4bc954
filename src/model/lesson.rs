//! The lesson format: ordered steps through a scenario, each in English and Japanese, with the
//! edits it makes, the path it selects, an optional question and the AWS page behind it.
//! Checking a lesson against the evaluator lives in [`crate::lesson`].

use serde::{Deserialize, Serialize};

use super::Edit;

/// Text in both languages the app ships.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    pub ja: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    pub title: Text,
    pub steps: Vec<LessonStep>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonStep {
    pub title: Text,
    pub narration: Text,
    /// Applied, in order, on top of the previous step's model.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<Edit>,
    /// The path the step selects, as `check --from` / `--to` take them.
    pub from: String,
    pub to: String,
    /// The request the path asks about for endpoint and bucket policies, as `check --action`
    /// and `--resource` take them (none: any request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// The traffic the path asks about, as `check --protocol` / `--port` take them (neither:
    /// the default, TCP 443, or a VPC Lattice resource's own port).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<super::Protocol>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// Asked before the verdict is shown (predict, then reveal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<Text>,
    /// "How would you fix it?": asked on a path that does not work (after `question`, if both
    /// are set); `f` reveals the fix suggestions once the room has answered. A check makes sure
    /// at least one suggestion makes the path reachable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix_question: Option<Text>,
    /// What the evaluator must answer for the selected path at this step; a test checks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<StepExpectation>,
    /// The AWS documentation page that backs the step's claim.
    pub source: String,
    /// The route table the route-tables panel opens on (none: the table of the step's source
    /// subnet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_table: Option<String>,
    /// The panel the step opens (the cost step opens `cost`); the others keep the one the user
    /// chose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub panel: Option<LessonPanel>,
}

impl LessonStep {
    /// The step's request for policies (`action`, `resource`).
    pub fn request(&self) -> crate::eval::Request {
        crate::eval::Request {
            action: self.action.clone(),
            resource: self.resource.clone(),
        }
    }

    /// The step's traffic (`protocol`, `port`).
    pub fn probe(&self) -> crate::eval::Probe {
        crate::eval::Probe::asked(self.protocol, self.port)
    }
}

/// A panel a lesson step can open, as the tabs name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LessonPanel {
    Topology,
    RouteTables,
    Endpoints,
    Matrix,
    Cost,
    Security,
}

/// The verdict a step expects, in the codes `check` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepExpectation {
    /// `reachable`, `partial`, `blocked`, `leaves_vpc` or `unavailable`.
    pub verdict: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cross_az: Option<String>,
}
