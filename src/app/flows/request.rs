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

/// Read an action, a resource ARN, both separated by a space, or nothing (any request):
/// [`Request::parse`], as `check --action/--resource` reads them.
pub(in crate::app) fn parse_request(text: &str) -> Option<Request> {
    Request::parse(text)
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
