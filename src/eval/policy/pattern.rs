//! `Action` and `Resource` patterns: `*` matches any run of characters, `?` one character;
//! actions ignore case, resources do not
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html>,
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html>).

use super::{Asked, Match};

/// The resources a query stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope<'a> {
    /// Any resource of the service (`arn:aws:s3:::` and anything after it).
    Any,
    /// The bucket and any object in it: a bucket policy asked about without a resource.
    Bucket(&'a str),
    /// One resource ARN.
    Exact(&'a str),
}

/// Whether `pattern` matches all of `text`.
pub(crate) fn wildcard(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// Whether `pattern` matches every text that starts with `prefix`: it matches the prefix itself
/// and ends with `*`, which takes whatever follows.
fn covers_prefix(pattern: &str, prefix: &str) -> bool {
    pattern.ends_with('*') && wildcard(pattern, prefix)
}

/// Whether `pattern` may match some text that starts with `prefix`: its literal start (up to
/// its first wildcard) and the prefix agree as far as both go.
fn may_match_prefix(pattern: &str, prefix: &str) -> bool {
    match pattern.find(['*', '?']) {
        Some(i) => {
            let lit = &pattern[..i];
            lit.starts_with(prefix) || prefix.starts_with(lit)
        }
        None => pattern.starts_with(prefix),
    }
}

/// An `Action` pattern against the query's action (or any action of its service).
pub(crate) fn action(pattern: &str, asked: &Asked<'_>) -> Match {
    let pattern = pattern.to_ascii_lowercase();
    match asked.action {
        Some(a) => Match::from(wildcard(&pattern, &a.to_ascii_lowercase())),
        None => {
            let prefix = format!("{}:", asked.service.to_ascii_lowercase());
            if covers_prefix(&pattern, &prefix) {
                Match::All
            } else if may_match_prefix(&pattern, &prefix) {
                Match::Some
            } else {
                Match::None
            }
        }
    }
}

/// The ARN every resource of the service starts with: S3's have no Region or account.
fn service_prefix(service: &str) -> String {
    match service {
        "s3" => "arn:aws:s3:::".to_string(),
        s => format!("arn:aws:{s}:"),
    }
}

/// A `Resource` pattern against the query's resources of `service`.
pub(crate) fn resource_of(pattern: &str, scope: &Scope<'_>, service: &str) -> Match {
    match scope {
        Scope::Exact(arn) => Match::from(wildcard(pattern, arn)),
        Scope::Any => {
            let prefix = service_prefix(service);
            if pattern == "*" || covers_prefix(pattern, &prefix) {
                Match::All
            } else if may_match_prefix(pattern, &prefix) {
                Match::Some
            } else {
                Match::None
            }
        }
        Scope::Bucket(b) => {
            let bucket = format!("arn:aws:s3:::{b}");
            let objects = format!("{bucket}/");
            if covers_prefix(pattern, &bucket) {
                Match::All
            } else if wildcard(pattern, &bucket) || may_match_prefix(pattern, &objects) {
                Match::Some
            } else {
                Match::None
            }
        }
    }
}

/// The bucket an S3 ARN names (`arn:aws:s3:::bucket/key` → `bucket`).
pub(crate) fn bucket_of(arn: &str) -> Option<&str> {
    let rest = arn.strip_prefix("arn:aws:s3:::")?;
    let bucket = rest.split('/').next()?;
    (!bucket.is_empty()).then_some(bucket)
}
