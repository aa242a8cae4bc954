use super::*;
use crate::model::Policy;

fn policy(json: &str) -> Policy {
    let p = Policy::json(json);
    assert!(p.problems().is_empty(), "{:?}", p.problems());
    p
}

fn asked<'a>(action: Option<&'a str>, resource: Scope<'a>) -> Asked<'a> {
    Asked {
        service: "s3",
        action,
        resource,
    }
}

fn endpoint() -> Context<'static> {
    Context {
        source_vpce: Some("vpce-s3"),
        source_vpc: Some("vpc-1"),
        vpc_source_ip: Some("10.0.1.10/32".parse().unwrap()),
        source_ip: SourceIp::Absent,
    }
}

fn internet() -> Context<'static> {
    Context {
        source_ip: SourceIp::Unknown,
        ..Context::default()
    }
}

const ONLY_LOGS: &str = r#"{"Statement":[{"Sid":"OnlyLogs","Effect":"Allow","Principal":"*",
    "Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::logs/*"}]}"#;

#[test]
fn wildcards() {
    assert!(pattern::wildcard("s3:get*", "s3:getobject"));
    assert!(pattern::wildcard(
        "arn:aws:s3:::a?c/*",
        "arn:aws:s3:::abc/k"
    ));
    assert!(!pattern::wildcard("arn:aws:s3:::abc/*", "arn:aws:s3:::abc"));
    assert!(pattern::wildcard("*", ""));
    assert!(!pattern::wildcard("a*b", "a"));
}

#[test]
fn the_default_policy_allows_everything() {
    let p = Policy::full_access();
    for a in [
        asked(None, Scope::Any),
        asked(Some("s3:DeleteBucket"), Scope::Exact("arn:aws:s3:::x")),
    ] {
        assert_eq!(
            decide(p.statements(), &a, &endpoint(), Needs::Allow),
            Decision::Allowed(Some(0))
        );
    }
}

#[test]
fn an_endpoint_policy_for_one_bucket_limits_an_open_query_and_decides_a_precise_one() {
    let p = policy(ONLY_LOGS);
    let s = p.statements();
    let cx = endpoint();
    assert_eq!(
        decide(s, &asked(None, Scope::Any), &cx, Needs::Allow),
        Decision::Limited(Some(0))
    );
    let get = |arn| {
        decide(
            s,
            &asked(Some("s3:GetObject"), Scope::Exact(arn)),
            &cx,
            Needs::Allow,
        )
    };
    assert_eq!(
        get("arn:aws:s3:::logs/2024/a.gz"),
        Decision::Allowed(Some(0))
    );
    assert_eq!(get("arn:aws:s3:::reports/a.csv"), Decision::NotAllowed);
    assert_eq!(
        decide(
            s,
            &asked(Some("s3:DeleteObject"), Scope::Exact("arn:aws:s3:::logs/a")),
            &cx,
            Needs::Allow
        ),
        Decision::NotAllowed
    );
    // Actions ignore case.
    assert_eq!(
        decide(
            s,
            &asked(Some("S3:getobject"), Scope::Exact("arn:aws:s3:::logs/a")),
            &cx,
            Needs::Allow
        ),
        Decision::Allowed(Some(0))
    );
}

const SOURCE_IP: &str = r#"{"Statement":[{"Sid":"OfficeOnly","Effect":"Deny","Principal":"*","Action":"s3:*",
    "Resource":["arn:aws:s3:::reports","arn:aws:s3:::reports/*"],
    "Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}"#;

const SOURCE_VPCE: &str = r#"{"Statement":[{"Sid":"EndpointOnly","Effect":"Deny","Principal":"*","Action":"s3:*",
    "Resource":["arn:aws:s3:::reports","arn:aws:s3:::reports/*"],
    "Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-s3"}}}]}"#;

#[test]
fn a_source_ip_condition_never_matches_through_an_endpoint() {
    let a = asked(
        Some("s3:GetObject"),
        Scope::Exact("arn:aws:s3:::reports/q1.csv"),
    );
    let p = policy(SOURCE_IP);
    // Through the endpoint aws:SourceIp is absent: NotIpAddress is true, the Deny applies.
    assert_eq!(
        decide(p.statements(), &a, &endpoint(), Needs::NoDeny),
        Decision::Denied(0)
    );
    // Over a NAT gateway whose Elastic IP the model knows, that address decides.
    let nat = |ip: &str| Context {
        source_ip: SourceIp::Known(ip.parse().unwrap()),
        ..Context::default()
    };
    assert_eq!(
        decide(p.statements(), &a, &nat("203.0.113.9/32"), Needs::NoDeny),
        Decision::Allowed(None)
    );
    assert_eq!(
        decide(p.statements(), &a, &nat("192.0.2.1/32"), Needs::NoDeny),
        Decision::Denied(0)
    );
    // Over the internet the public address decides, which the model does not know.
    assert_eq!(
        decide(p.statements(), &a, &internet(), Needs::NoDeny),
        Decision::NotEvaluable(0, "aws:SourceIp".into())
    );
    // The fix: test the endpoint.
    let p = policy(SOURCE_VPCE);
    assert_eq!(
        decide(p.statements(), &a, &endpoint(), Needs::NoDeny),
        Decision::Allowed(None)
    );
    assert_eq!(
        decide(p.statements(), &a, &internet(), Needs::NoDeny),
        Decision::Denied(0)
    );
    // Another bucket is not concerned.
    let other = asked(Some("s3:GetObject"), Scope::Exact("arn:aws:s3:::logs/a"));
    assert_eq!(
        decide(p.statements(), &other, &internet(), Needs::NoDeny),
        Decision::Allowed(None)
    );
}

#[test]
fn if_exists_and_vpc_source_ip() {
    let p = policy(
        r#"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*",
        "Condition":{"NotIpAddressIfExists":{"aws:VpcSourceIp":"10.0.1.0/24"}}}]}"#,
    );
    let a = asked(None, Scope::Any);
    assert_eq!(
        decide(p.statements(), &a, &endpoint(), Needs::NoDeny),
        Decision::Allowed(None)
    );
    let mut other = endpoint();
    other.vpc_source_ip = Some("10.0.2.10/32".parse().unwrap());
    assert_eq!(
        decide(p.statements(), &a, &other, Needs::NoDeny),
        Decision::Denied(0)
    );
    // A whole subnet, part of it inside: some requests denied.
    other.vpc_source_ip = Some("10.0.0.0/23".parse().unwrap());
    assert_eq!(
        decide(p.statements(), &a, &other, Needs::NoDeny),
        Decision::Limited(Some(0))
    );
    // Absent (over the internet): IfExists makes the condition true, so the Deny applies.
    assert_eq!(
        decide(p.statements(), &a, &Context::default(), Needs::NoDeny),
        Decision::Denied(0)
    );
}

#[test]
fn outside_the_subset_is_not_evaluable_never_guessed() {
    let p = policy(
        r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},
        {"Sid":"Org","Effect":"Deny","Principal":"*","Action":"*","Resource":"*",
        "Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-1"}}}]}"#,
    );
    let a = asked(None, Scope::Any);
    assert_eq!(
        decide(p.statements(), &a, &endpoint(), Needs::Allow),
        Decision::NotEvaluable(1, "aws:PrincipalOrgID".into())
    );
    let p = policy(
        r#"{"Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::1:root"},"Action":"*","Resource":"*"}]}"#,
    );
    assert_eq!(
        decide(p.statements(), &a, &endpoint(), Needs::Allow),
        Decision::NotEvaluable(0, "NotPrincipal".into())
    );
}

#[test]
fn explicit_deny_wins_and_not_action() {
    let p = policy(
        r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},
        {"Effect":"Deny","Principal":"*","NotAction":"s3:Get*","Resource":"*"}]}"#,
    );
    let s = p.statements();
    let cx = endpoint();
    let put = asked(Some("s3:PutObject"), Scope::Exact("arn:aws:s3:::b/k"));
    let get = asked(Some("s3:GetObject"), Scope::Exact("arn:aws:s3:::b/k"));
    assert_eq!(decide(s, &put, &cx, Needs::Allow), Decision::Denied(1));
    assert_eq!(
        decide(s, &get, &cx, Needs::Allow),
        Decision::Allowed(Some(0))
    );
    assert_eq!(
        decide(s, &asked(None, Scope::Any), &cx, Needs::Allow),
        Decision::Limited(Some(1))
    );
}

#[test]
fn bucket_scope() {
    use pattern::resource_of;
    let b = Scope::Bucket("logs");
    assert_eq!(resource_of("arn:aws:s3:::logs*", &b, "s3"), Match::All);
    assert_eq!(resource_of("arn:aws:s3:::logs/*", &b, "s3"), Match::Some);
    assert_eq!(resource_of("arn:aws:s3:::logsx/*", &b, "s3"), Match::None);
    assert_eq!(resource_of("*", &b, "s3"), Match::All);
    assert_eq!(resource_of("arn:aws:s3:::*", &Scope::Any, "s3"), Match::All);
    assert_eq!(
        resource_of("arn:aws:dynamodb:*:*:table/t", &Scope::Any, "s3"),
        Match::None
    );
    assert_eq!(bucket_of("arn:aws:s3:::logs/a/b"), Some("logs"));
    assert_eq!(bucket_of("arn:aws:s3:::"), None);
}
