//! A query that names something the model does not have, as a sentence.

use std::fmt;

use crate::eval::*;

use super::{Lang, args, join, msg};

/// A query error's sentence.
pub fn query_error(lang: Lang, e: &QueryError) -> String {
    let (id, name, known) = match e {
        QueryError::UnknownInstance { name, known } => {
            let known = known.iter().map(|(id, n)| match n {
                Some(n) => msg(
                    lang,
                    "who-instance",
                    args().s("id", id.as_str()).s("name", n.as_str()),
                ),
                None => id.clone(),
            });
            return msg(
                lang,
                "query-unknown-instance",
                args()
                    .s("name", name.as_str())
                    .s("known", join(lang, known)),
            );
        }
        QueryError::UnknownService { name, known } => {
            ("query-unknown-service", name.clone(), known)
        }
        QueryError::UnknownSubnet { name, known } => ("query-unknown-subnet", name.clone(), known),
        QueryError::AddressOutsideSubnets { address, known } => {
            ("query-address-outside", address.to_string(), known)
        }
        QueryError::UnknownRegion {
            service,
            region,
            known,
        } => {
            return msg(
                lang,
                "query-unknown-region",
                args()
                    .s("name", service.as_str())
                    .s("region", region.as_str())
                    .s("known", join(lang, known)),
            );
        }
        QueryError::UnknownName { name, known } => ("query-unknown-name", name.clone(), known),
        QueryError::BadDirectoryBucket { name } => {
            return msg(
                lang,
                "query-bad-directory-bucket",
                args().s("name", name.as_str()),
            );
        }
        QueryError::UnknownWorkload { name, known } => {
            ("query-unknown-workload", name.clone(), known)
        }
    };
    msg(
        lang,
        id,
        args().s("name", name).s("known", join(lang, known)),
    )
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&query_error(Lang::En, self))
    }
}
