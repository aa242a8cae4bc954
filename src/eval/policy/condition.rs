//! Conditions on the keys that tell where a request came from (IAM global condition keys,
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>):
//! `aws:SourceVpce`, `aws:SourceVpc` (string operators) and `aws:VpcSourceIp`, `aws:SourceIp`
//! (IP operators), with `StringEquals`, `StringNotEquals`, `StringLike`, `StringNotLike`,
//! `IpAddress`, `NotIpAddress` and their `IfExists` forms
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>).
//!
//! A key absent from the request context makes a positive operator false and a negated one
//! true; an `IfExists` operator is true when the key is absent (condition operators page,
//! "Important"). Key names ignore case; values do not. Any other key or operator (or a set
//! operator such as `ForAnyValue:`) is outside the subset: the condition is
//! [`Match::Unknown`] and names itself.

use ipnet::Ipv4Net;

use crate::model::Condition;

use super::{Context, Match, SourceIp, pattern::wildcard};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    StringEquals,
    StringLike,
    IpAddress,
}

/// The operator's test, whether it is negated, and whether it has `IfExists`.
fn operator(name: &str) -> Option<(Op, bool, bool)> {
    let (base, if_exists) = match name.strip_suffix("IfExists") {
        Some(b) => (b, true),
        None => (name, false),
    };
    let (op, negated) = match base {
        "StringEquals" => (Op::StringEquals, false),
        "StringNotEquals" => (Op::StringEquals, true),
        "StringLike" => (Op::StringLike, false),
        "StringNotLike" => (Op::StringLike, true),
        "IpAddress" => (Op::IpAddress, false),
        "NotIpAddress" => (Op::IpAddress, true),
        _ => return None,
    };
    Some((op, negated, if_exists))
}

/// A key's value in the request context.
enum Value<'a> {
    Absent,
    Text(&'a str),
    Ip(Ipv4Net),
    /// Present, but its value is not in the model.
    Unknown,
}

/// The condition against the context; when it is not evaluable, what is outside the subset.
pub(super) fn check(c: &Condition, cx: &Context<'_>) -> (Match, Option<String>) {
    let unknown = |what: &str| (Match::Unknown, Some(what.to_string()));
    let Some((op, negated, if_exists)) = operator(&c.operator) else {
        return unknown(&c.operator);
    };
    let key = c.key.to_ascii_lowercase();
    let value = match key.as_str() {
        "aws:sourcevpce" => cx.source_vpce.map_or(Value::Absent, Value::Text),
        "aws:sourcevpc" => cx.source_vpc.map_or(Value::Absent, Value::Text),
        "aws:vpcsourceip" => cx.vpc_source_ip.map_or(Value::Absent, Value::Ip),
        "aws:sourceip" => match cx.source_ip {
            SourceIp::Absent => Value::Absent,
            SourceIp::Unknown => Value::Unknown,
            SourceIp::Known(ip) => Value::Ip(ip),
        },
        _ => return unknown(&c.key),
    };
    let ip_key = matches!(key.as_str(), "aws:vpcsourceip" | "aws:sourceip");
    if ip_key != (op == Op::IpAddress) {
        // A string operator on an address key, or the reverse: not in the subset.
        return unknown(&c.operator);
    }
    let m = match value {
        Value::Absent if if_exists => return (Match::All, None),
        Value::Absent => Match::None,
        Value::Unknown => return unknown(&c.key),
        Value::Text(v) => Match::from(c.values.iter().any(|x| match op {
            Op::StringEquals => x == v,
            _ => wildcard(x, v),
        })),
        Value::Ip(range) => {
            let mut best = Match::None;
            for x in &c.values {
                let Some(net) = parse_net(x) else {
                    return unknown(x);
                };
                let m = if net.contains(&range) {
                    Match::All
                } else if range.contains(&net) {
                    Match::Some
                } else {
                    Match::None
                };
                best = best.max(m);
            }
            best
        }
    };
    (if negated { m.not() } else { m }, None)
}

/// `10.0.0.0/16` or a bare address.
fn parse_net(s: &str) -> Option<Ipv4Net> {
    s.parse::<Ipv4Net>()
        .ok()
        .map(|n| n.trunc())
        .or_else(|| s.parse::<std::net::Ipv4Addr>().ok().map(Ipv4Net::from))
}
