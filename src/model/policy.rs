//! Endpoint policies and S3 bucket policies as a scenario writes them (aws-semantics.md §5b).
//!
//! A policy is written either in the typed RON form (`Statements([...])`, the subset vpc-tui
//! evaluates) or as the JSON text AWS gives (`Json("{...}")`, what `describe-vpc-endpoints`'
//! `PolicyDocument` and `s3api get-bucket-policy`'s `Policy` hold). Either way it is kept as
//! written (so a saved scenario keeps it) and parsed once into [`Statement`]s. Anything the JSON
//! holds outside the evaluated subset (`NotPrincipal`, `NotResource`, a `Service` principal, …)
//! is kept in [`Statement::unsupported`]; condition operators and keys are kept as written and
//! the evaluator reports the ones it does not evaluate. Nothing is dropped or guessed.
//!
//! AWS's pages: endpoint policies <https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html>
//! (a Principal element is required; at most 20,480 characters), bucket policies for endpoints
//! <https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html>,
//! policy grammar <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html>.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The most characters an endpoint policy may have, white space included (AWS PrivateLink,
/// endpoint policies, "Considerations").
pub const MAX_ENDPOINT_POLICY_CHARS: usize = 20_480;
/// The most bytes a bucket policy may have (S3 User Guide, bucket policies: 20 KB).
pub const MAX_BUCKET_POLICY_BYTES: usize = 20_480;

/// AWS's default endpoint policy: full access (PrivateLink guide, "Default endpoint policy").
pub const FULL_ACCESS_JSON: &str =
    r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#;

/// A policy as written: JSON text or typed statements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PolicySource {
    /// The policy document as AWS gives it.
    Json(String),
    /// The typed form.
    Statements(Vec<Statement>),
}

/// A policy document: what was written, and its statements parsed once.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(from = "PolicySource", into = "PolicySource")]
pub struct Policy {
    source: PolicySource,
    parsed: Arc<Parsed>,
}

/// The statements of a policy and what is wrong with it (a policy with problems is refused by
/// validation, naming the object and the rule).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    pub statements: Vec<Statement>,
    pub problems: Vec<PolicyProblem>,
}

/// What makes a policy malformed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyProblem {
    /// The text is not JSON (1-based line and column).
    Json { line: usize, column: usize },
    /// The document is not an object with a `Statement`.
    NoStatement,
    /// Statement `index` (1-based) lacks a valid `element` (Effect, Principal, Action, Resource).
    Statement { index: usize, element: &'static str },
}

impl PartialEq for Policy {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl Eq for Policy {}

impl From<PolicySource> for Policy {
    fn from(source: PolicySource) -> Self {
        let parsed = match &source {
            PolicySource::Json(text) => parse_json(text),
            PolicySource::Statements(list) => Parsed {
                problems: list
                    .iter()
                    .enumerate()
                    .filter_map(|(i, s)| typed_problem(i + 1, s))
                    .collect(),
                statements: list.clone(),
            },
        };
        Policy {
            source,
            parsed: Arc::new(parsed),
        }
    }
}

impl From<Policy> for PolicySource {
    fn from(p: Policy) -> Self {
        p.source
    }
}

impl Policy {
    /// A policy from its JSON text.
    pub fn json(text: impl Into<String>) -> Policy {
        Policy::from(PolicySource::Json(text.into()))
    }

    /// AWS's default full-access endpoint policy, as JSON.
    pub fn full_access() -> Policy {
        Policy::json(FULL_ACCESS_JSON)
    }

    pub fn source(&self) -> &PolicySource {
        &self.source
    }

    pub fn statements(&self) -> &[Statement] {
        &self.parsed.statements
    }

    pub fn problems(&self) -> &[PolicyProblem] {
        &self.parsed.problems
    }

    /// The policy's length in characters as AWS counts it (the JSON text; the typed form as
    /// compact JSON would be shorter than any limit a scenario meets, so it counts 0).
    pub fn chars(&self) -> usize {
        match &self.source {
            PolicySource::Json(t) => t.chars().count(),
            PolicySource::Statements(_) => 0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    Allow,
    Deny,
}

/// Who a statement applies to: everyone (`"*"`, or `{"AWS": "*"}`), or the named AWS principals
/// (account, role or user ARNs, account ids).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Principal {
    #[default]
    Any,
    Aws(Vec<String>),
}

impl Principal {
    fn is_any(&self) -> bool {
        *self == Principal::Any
    }
}

/// One condition: operator (`StringEquals`, `IpAddressIfExists`, …), key (`aws:SourceVpce`) and
/// the values, any of which may match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub operator: String,
    pub key: String,
    pub values: Vec<String>,
}

/// One statement of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    pub effect: Effect,
    #[serde(default, skip_serializing_if = "Principal::is_any")]
    pub principal: Principal,
    /// `Action`: patterns with `*` and `?` (`s3:Get*`), case-insensitive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
    /// `NotAction`: the statement applies to every action except these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_actions: Vec<String>,
    /// `Resource`: ARN patterns with `*` and `?`, case-sensitive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
    /// Every condition must hold (AWS ANDs operators and keys, ORs the values of one key).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// Elements of the JSON outside the evaluated subset, as written (`NotPrincipal`,
    /// `NotResource`, `Principal.Service`): the statement is not evaluable.
    #[serde(skip)]
    pub unsupported: Vec<String>,
}

/// A statement of the typed form that AWS would refuse.
fn typed_problem(index: usize, s: &Statement) -> Option<PolicyProblem> {
    let element = if s.actions.is_empty() == s.not_actions.is_empty() {
        "Action"
    } else if s.resources.is_empty() {
        "Resource"
    } else if matches!(&s.principal, Principal::Aws(list) if list.is_empty()) {
        "Principal"
    } else {
        return None;
    };
    Some(PolicyProblem::Statement { index, element })
}

/// A string or a list of strings (AWS accepts both wherever a list is allowed).
fn strings(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::String(s) => Some(vec![s.clone()]),
        Value::Array(items) => items.iter().map(scalar).collect(),
        _ => None,
    }
}

/// A condition value: strings, and booleans and numbers as their text.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Parse a policy document as AWS gives it.
pub fn parse_json(text: &str) -> Parsed {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Parsed {
                statements: Vec::new(),
                problems: vec![PolicyProblem::Json {
                    line: e.line(),
                    column: e.column(),
                }],
            };
        }
    };
    let list = match value.get("Statement") {
        Some(Value::Array(items)) => items.clone(),
        Some(one @ Value::Object(_)) => vec![one.clone()],
        _ => {
            return Parsed {
                statements: Vec::new(),
                problems: vec![PolicyProblem::NoStatement],
            };
        }
    };
    let mut out = Parsed::default();
    for (i, item) in list.iter().enumerate() {
        match statement(item) {
            Ok(s) => out.statements.push(s),
            Err(element) => out.problems.push(PolicyProblem::Statement {
                index: i + 1,
                element,
            }),
        }
    }
    out
}

fn statement(v: &Value) -> Result<Statement, &'static str> {
    let Value::Object(map) = v else {
        return Err("Effect");
    };
    let mut unsupported = Vec::new();
    let effect = match map.get("Effect").and_then(Value::as_str) {
        Some("Allow") => Effect::Allow,
        Some("Deny") => Effect::Deny,
        _ => return Err("Effect"),
    };
    let principal = match (map.get("Principal"), map.get("NotPrincipal")) {
        (Some(Value::String(s)), _) if s == "*" => Principal::Any,
        (Some(Value::Object(p)), _) => {
            for k in p.keys().filter(|k| *k != "AWS") {
                unsupported.push(format!("Principal.{k}"));
            }
            match p.get("AWS").map(strings) {
                Some(Some(list)) if list.iter().any(|a| a == "*") => Principal::Any,
                Some(Some(list)) => Principal::Aws(list),
                Some(None) => return Err("Principal"),
                None => Principal::Aws(Vec::new()),
            }
        }
        (None, Some(_)) => {
            unsupported.push("NotPrincipal".to_string());
            Principal::Any
        }
        _ => return Err("Principal"),
    };
    let list = |key: &str| map.get(key).map(strings);
    let (actions, not_actions) = match (list("Action"), list("NotAction")) {
        (Some(Some(a)), None) => (a, Vec::new()),
        (None, Some(Some(n))) => (Vec::new(), n),
        _ => return Err("Action"),
    };
    let resources = match (list("Resource"), map.contains_key("NotResource")) {
        (Some(Some(r)), false) => r,
        (None, true) => {
            unsupported.push("NotResource".to_string());
            Vec::new()
        }
        _ => return Err("Resource"),
    };
    let mut conditions = Vec::new();
    match map.get("Condition") {
        None => {}
        Some(Value::Object(ops)) => {
            for (operator, keys) in ops {
                let Value::Object(keys) = keys else {
                    return Err("Condition");
                };
                for (key, values) in keys {
                    let values = match values {
                        Value::Array(items) => items.iter().map(scalar).collect(),
                        one => scalar(one).map(|s| vec![s]),
                    }
                    .ok_or("Condition")?;
                    conditions.push(Condition {
                        operator: operator.clone(),
                        key: key.clone(),
                        values,
                    });
                }
            }
        }
        Some(_) => return Err("Condition"),
    }
    for k in map.keys() {
        let known = [
            "Sid",
            "Effect",
            "Principal",
            "NotPrincipal",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Condition",
        ];
        if !known.contains(&k.as_str()) {
            unsupported.push(k.clone());
        }
    }
    if matches!(&principal, Principal::Aws(l) if l.is_empty()) && unsupported.is_empty() {
        return Err("Principal");
    }
    Ok(Statement {
        sid: map.get("Sid").and_then(Value::as_str).map(str::to_string),
        effect,
        principal,
        actions,
        not_actions,
        resources,
        conditions,
        unsupported,
    })
}

/// Whether a scenario has policy data (an endpoint with a policy, or a bucket), and whether
/// some policy has a condition on `aws:VpcSourceIp` (then the source's address decides).
pub(crate) fn flags(s: &super::Scenario) -> (bool, bool) {
    let policies = s
        .gateway_endpoints
        .iter()
        .map(|g| &g.policy)
        .chain(s.interface_endpoints.iter().map(|e| &e.policy))
        .chain(s.buckets.iter().map(|b| &b.policy));
    let on = !s.buckets.is_empty() || policies.clone().any(|p| p.is_some());
    let address = policies.flatten().any(|p| {
        p.statements().iter().any(|st| {
            st.conditions
                .iter()
                .any(|c| c.key.eq_ignore_ascii_case("aws:VpcSourceIp"))
        })
    });
    (on, address)
}

/// An S3 bucket and its bucket policy (none: the bucket has no policy).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bucket {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_statements_parse_with_lists_and_single_values() {
        let p = Policy::json(
            r#"{"Version":"2012-10-17","Statement":{"Sid":"A","Effect":"Deny","Principal":{"AWS":["arn:aws:iam::1:root"]},
            "NotAction":"s3:Get*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],
            "Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"},"Bool":{"aws:SecureTransport":false}}}}"#,
        );
        assert!(p.problems().is_empty(), "{:?}", p.problems());
        let s = &p.statements()[0];
        assert_eq!(s.sid.as_deref(), Some("A"));
        assert_eq!(s.effect, Effect::Deny);
        assert_eq!(
            s.principal,
            Principal::Aws(vec!["arn:aws:iam::1:root".into()])
        );
        assert_eq!(s.not_actions, ["s3:Get*"]);
        assert_eq!(s.resources.len(), 2);
        assert_eq!(s.conditions.len(), 2);
        let secure = s.conditions.iter().find(|c| c.operator == "Bool").unwrap();
        assert_eq!(secure.values, ["false"]);
    }

    #[test]
    fn outside_the_subset_is_kept_not_dropped() {
        let p = Policy::json(
            r#"{"Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"x"},"Action":"*","NotResource":"arn:aws:s3:::b"}]}"#,
        );
        assert!(p.problems().is_empty());
        assert_eq!(
            p.statements()[0].unsupported,
            ["NotPrincipal", "NotResource"]
        );
    }

    #[test]
    fn malformed_policies_name_the_statement_and_element() {
        assert!(matches!(
            Policy::json("{").problems()[0],
            PolicyProblem::Json { line: 1, .. }
        ));
        assert_eq!(Policy::json("{}").problems(), [PolicyProblem::NoStatement]);
        let p = Policy::json(
            r#"{"Statement":[{"Effect":"Maybe","Principal":"*","Action":"*","Resource":"*"}]}"#,
        );
        assert_eq!(
            p.problems(),
            [PolicyProblem::Statement {
                index: 1,
                element: "Effect"
            }]
        );
        let p = Policy::json(r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#);
        assert_eq!(
            p.problems(),
            [PolicyProblem::Statement {
                index: 1,
                element: "Principal"
            }]
        );
    }

    #[test]
    fn both_forms_round_trip_through_ron() {
        for p in [
            Policy::full_access(),
            Policy::from(PolicySource::Statements(vec![Statement {
                sid: Some("OnlyLogs".into()),
                effect: Effect::Allow,
                principal: Principal::Any,
                actions: vec!["s3:GetObject".into()],
                not_actions: Vec::new(),
                resources: vec!["arn:aws:s3:::logs/*".into()],
                conditions: vec![Condition {
                    operator: "StringEquals".into(),
                    key: "aws:SourceVpc".into(),
                    values: vec!["vpc-1".into()],
                }],
                unsupported: Vec::new(),
            }])),
        ] {
            let text = ron::to_string(&p).unwrap();
            let back: Policy = ron::from_str(&text).unwrap();
            assert_eq!(back, p);
            assert_eq!(back.statements(), p.statements());
        }
    }
}
