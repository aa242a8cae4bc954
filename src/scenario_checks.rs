//! What `vpc-tui validate` checks beyond loading: every `expect` entry holds, and a lesson's
//! steps apply and answer what they say (`crate::lesson::check`), exactly as the test suite
//! checks the scenarios it ships. Each problem names the entry or step and the rule.

use crate::eval::{Query, evaluate};
use crate::model::Model;

/// Every problem, in file order: `expect` entries first, then lesson steps.
pub fn problems(model: &Model) -> Vec<String> {
    let mut out = Vec::new();
    for (i, exp) in model.scenario().expect.iter().enumerate() {
        let at = format!("expect {} ({} → {})", i + 1, exp.from, exp.to);
        let mut what_if = model.scenario().what_if.clone();
        what_if.failed_azs.extend(exp.failed_azs.iter().cloned());
        let trace = match evaluate(
            model,
            &what_if,
            &Query::parse(model, &exp.from, &exp.to, false),
        ) {
            Ok(t) => t,
            Err(e) => {
                out.push(format!("{at}: {e}"));
                continue;
            }
        };
        let mut wrong = Vec::new();
        if trace.verdict.code() != exp.verdict {
            wrong.push(format!(
                "verdict {} (want {})",
                trace.verdict.code(),
                exp.verdict
            ));
        }
        let via = trace.verdict.via().map(|v| v.code());
        if exp.via.is_some() && via != exp.via.as_deref() {
            wrong.push(format!("via {via:?} (want {:?})", exp.via));
        }
        let cross = trace.verdict.cross_az().map(|v| v.code());
        if exp.cross_az.is_some() && cross != exp.cross_az.as_deref() {
            wrong.push(format!("cross_az {cross:?} (want {:?})", exp.cross_az));
        }
        let reason = trace.verdict.reason().map(|r| r.code());
        if exp.reason.is_some() && reason != exp.reason.as_deref() {
            wrong.push(format!("reason {reason:?} (want {:?})", exp.reason));
        }
        for n in &exp.notes {
            if !trace.notes.iter().any(|x| x.code() == n) {
                wrong.push(format!("note {n} missing"));
            }
        }
        if !exp.source.starts_with("https://docs.aws.amazon.com/")
            && !exp.source.starts_with("https://aws.amazon.com/")
        {
            wrong.push("source must be an AWS documentation URL".into());
        }
        if !wrong.is_empty() {
            out.push(format!("{at}: {}", wrong.join(", ")));
        }
    }
    out.extend(crate::lesson::check(model));
    out
}
