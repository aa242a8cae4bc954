//! S3 bucket policies from `aws s3api get-bucket-policy --bucket NAME` output (aws-semantics.md
//! §5b). The output is `{"Policy": "<the policy as a JSON string>"}` and does not name the
//! bucket. S3 accepts in a bucket policy only resources of that bucket
//! (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html>), so the
//! bucket is the one its `Resource` ARNs name; when they name none (or several), the file name
//! does: `bucket-policy-NAME.json`. A file that says neither is left out with a warning.

use std::path::{Path, PathBuf};

use super::{Warn, warning};
use crate::model::{Bucket, Policy};

/// The bucket a file name names: `bucket-policy-NAME.json`.
fn name_in_file(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy();
    let bucket = name.strip_prefix("bucket-policy-")?.strip_suffix(".json")?;
    (!bucket.is_empty()).then(|| bucket.to_string())
}

/// The one bucket every `Resource` ARN of the policy names.
fn name_in_resources(policy: &Policy) -> Option<String> {
    let mut names = policy
        .statements()
        .iter()
        .flat_map(|s| &s.resources)
        .filter_map(|r| r.strip_prefix("arn:aws:s3:::"))
        .map(|r| r.split('/').next().unwrap_or(r));
    let first = names.next()?;
    (!first.contains(['*', '?']) && names.all(|n| n == first)).then(|| first.to_string())
}

/// The buckets of the `get-bucket-policy` files, in file order; one bucket once (a second file
/// for it is left out with a warning).
pub(super) fn buckets(files: &[(PathBuf, String)], w: &mut Warn<'_>) -> Vec<Bucket> {
    let mut out: Vec<Bucket> = Vec::new();
    for (path, text) in files {
        let shown = path.display().to_string();
        let policy = Policy::json(text.as_str());
        let Some(name) = name_in_resources(&policy).or_else(|| name_in_file(path)) else {
            w.push(warning(&shown, "aws_bucket_policy_unnamed", "file_name"));
            continue;
        };
        if out.iter().any(|b| b.name == name) {
            w.push(warning(&shown, "aws_bucket_policy_twice", "second").s("bucket", &name));
            continue;
        }
        out.push(Bucket {
            name,
            policy: Some(policy),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_resources_name_the_bucket_else_the_file_name() {
        let p = Policy::json(
            r#"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::reports","arn:aws:s3:::reports/*"]}]}"#,
        );
        assert_eq!(name_in_resources(&p).as_deref(), Some("reports"));
        let star = Policy::json(
            r#"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}"#,
        );
        assert_eq!(name_in_resources(&star), None);
        assert_eq!(
            name_in_file(Path::new("aws/bucket-policy-my.bucket.json")).as_deref(),
            Some("my.bucket")
        );
        assert_eq!(name_in_file(Path::new("aws/policy.json")), None);
    }
}
