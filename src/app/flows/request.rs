//! The request a path asks about at the service, for endpoint and bucket policies
//! (aws-semantics.md §5b): `s3:GetObject arn:aws:s3:::reports/q4.csv`, as the target picker's
//! "Request…" field reads and shows it. The same two values `check --action --resource` takes.

use crate::eval::Request;

/// The request as the field shows it: `s3:GetObject arn:aws:s3:::logs/a.gz`; empty for any.
pub(in crate::app) fn request_text(r: &Request) -> String {
    [r.action.as_deref(), r.resource.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Read an action (`service:Action`, IAM's form), a resource ARN (`arn:partition:service:…`,
/// at least six parts), both separated by a space, or nothing (any request). None when a word
/// is neither, or a kind is given twice.
pub(in crate::app) fn parse_request(text: &str) -> Option<Request> {
    let mut r = Request::default();
    for word in text.split_whitespace() {
        if word.starts_with("arn:") {
            // arn:partition:service:region:account:resource (region and account empty for S3).
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
            let parts: Vec<&str> = word.splitn(6, ':').collect();
            if parts.len() < 6 || parts[1].is_empty() || parts[2].is_empty() || r.resource.is_some()
            {
                return None;
            }
            r.resource = Some(word.to_string());
        } else {
            // service:Action, e.g. s3:GetObject.
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
            let (service, action) = word.split_once(':')?;
            let ok = |s: &str| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '*' || c == '?')
            };
            if !ok(service) || !ok(action) || r.action.is_some() {
                return None;
            }
            r.action = Some(word.to_string());
        }
    }
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_read_as_typed_and_print_back() {
        for (typed, shown) in [
            ("", ""),
            ("s3:GetObject", "s3:GetObject"),
            ("arn:aws:s3:::logs/a.gz", "arn:aws:s3:::logs/a.gz"),
            (
                "  s3:GetObject   arn:aws:s3:::logs/a.gz ",
                "s3:GetObject arn:aws:s3:::logs/a.gz",
            ),
            (
                "arn:aws:s3:::logs/a.gz s3:GetObject",
                "s3:GetObject arn:aws:s3:::logs/a.gz",
            ),
        ] {
            let r = parse_request(typed).expect(typed);
            assert_eq!(request_text(&r), shown);
        }
        for bad in [
            "GetObject",
            "s3:",
            ":GetObject",
            "arn:aws:s3",
            "s3:GetObject s3:PutObject",
            "arn:aws:s3:::a arn:aws:s3:::b",
            "s3:Get Object",
        ] {
            assert_eq!(parse_request(bad), None, "{bad:?}");
        }
    }
}
