//! S3 Express One Zone directory buckets, as a query names them.
//!
//! "A directory bucket name consists of a base name that you provide, and a suffix that contains
//! the ID of the AWS Zone (an Availability Zone or a Local Zone) that your bucket is located in
//! and --x-s3": `base-name--zoneid--x-s3`
//! (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/directory-bucket-naming-rules.html>).
//! Object-level requests go to the zone's Zonal endpoint, `s3express-ZONEID.REGION.amazonaws.com`
//! (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/endpoint-directory-buckets-AZ.html>).

/// The service name of S3 Express One Zone (the gateway endpoint's
/// `com.amazonaws.REGION.s3express`).
pub const S3EXPRESS: &str = "s3express";

/// The suffix every directory bucket's name ends with.
const SUFFIX: &str = "--x-s3";

/// The zone ID in a directory bucket's name (`use1-az4` in `logs--use1-az4--x-s3`), or none
/// when the name is not a directory bucket's.
pub fn directory_bucket_zone(name: &str) -> Option<&str> {
    let rest = name.strip_suffix(SUFFIX)?;
    let (base, zone) = rest.rsplit_once("--")?;
    let ok = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    (ok(base) && ok(zone)).then_some(zone)
}

/// Whether a query's destination names a directory bucket (by its suffix alone: a malformed
/// name is then reported rather than taken for a service).
pub fn looks_like_directory_bucket(name: &str) -> bool {
    name.ends_with(SUFFIX)
}

/// The Zonal endpoint's DNS name for a zone.
pub fn zonal_endpoint(zone: &str, region: &str) -> String {
    format!("s3express-{zone}.{region}.amazonaws.com")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_ids_come_from_the_suffix() {
        assert_eq!(
            directory_bucket_zone("bucket-base-name--usw2-az1--x-s3"),
            Some("usw2-az1")
        );
        assert_eq!(
            directory_bucket_zone("a--b--use1-az4--x-s3"),
            Some("use1-az4")
        );
        assert_eq!(directory_bucket_zone("logs--x-s3"), None);
        assert_eq!(directory_bucket_zone("--use1-az4--x-s3"), None);
        assert_eq!(directory_bucket_zone("Logs--use1-az4--x-s3"), None);
        assert_eq!(directory_bucket_zone("my-bucket"), None);
        assert_eq!(
            zonal_endpoint("use1-az4", "us-east-1"),
            "s3express-use1-az4.us-east-1.amazonaws.com"
        );
    }
}
