//! Saving into the original text: what is kept, what is reported lost, and the fall-back.

use std::path::Path;

use super::*;
use crate::model::{Destination, Edit, Model, Route, Target};

fn shipped(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(format!("{name}.ron"));
    std::fs::read_to_string(path).unwrap()
}

fn model_of(text: &str) -> Model {
    Model::new(from_ron_str(text, Path::new("t.ron")).unwrap()).unwrap()
}

/// The `//` comments of a text, in order.
fn comment_lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("//"))
        .collect()
}

/// Save `edit` applied to `text`; checks that the result reads back as the edited scenario.
fn save_edited(text: &str, edit: Edit) -> (Preserved, Scenario) {
    let (edited, _) = edit.apply(&model_of(text)).unwrap();
    let saved = save_text(Some(text), edited.scenario());
    let back = from_ron_str(&saved.text, Path::new("saved.ron")).unwrap();
    assert_eq!(&back, edited.scenario(), "{}", saved.text);
    (saved, edited.scenario().clone())
}

/// Lines of `after` that `before` does not have, and the other way round (as multisets).
fn changed_lines<'t>(before: &'t str, after: &'t str) -> (Vec<&'t str>, Vec<&'t str>) {
    let mut gone: Vec<&str> = before.lines().collect();
    let mut new = Vec::new();
    for line in after.lines() {
        match gone.iter().position(|l| *l == line) {
            Some(i) => {
                gone.remove(i);
            }
            None => new.push(line),
        }
    }
    (new, gone)
}

/// Issue 15 case 2: failing an AZ in no-endpoint.ron keeps its 13 comments and its layout; the
/// only change is the `what_if` field, in the file's own style.
#[test]
fn failing_an_az_keeps_every_comment_of_no_endpoint() {
    let text = shipped("no-endpoint");
    assert_eq!(comment_lines(&text).len(), 13);
    let (saved, _) = save_edited(
        &text,
        Edit::FailAz {
            az: "us-east-1a".into(),
        },
    );
    assert!(saved.lost.is_empty() && !saved.rewritten, "{saved:?}");
    assert_eq!(comment_lines(&saved.text), comment_lines(&text));
    let (new, gone) = changed_lines(&text, &saved.text);
    assert_eq!(new, [r#"    what_if: (failed_azs: ["us-east-1a"]),"#]);
    assert!(gone.is_empty(), "{gone:?}");
    // Restoring it takes the field away again: the file is as it was.
    let (saved2, _) = save_edited(
        &saved.text,
        Edit::RestoreAz {
            az: "us-east-1a".into(),
        },
    );
    assert_eq!(saved2.text, text);
}

/// Adding a route to a table without routes, then one to a table with routes: every comment
/// stays, the new routes sit in the table's own layout.
#[test]
fn adding_routes_keeps_every_comment_of_no_endpoint() {
    let text = shipped("no-endpoint");
    let route = |cidr: &str, t: Target| Route {
        destination: Destination::Cidr(cidr.parse().unwrap()),
        target: t,
    };
    let (saved, _) = save_edited(
        &text,
        Edit::AddRoute {
            route_table: "rtb-private".into(),
            route: route("192.168.0.0/16", Target::VpcPeering("pcx-1".into())),
            position: None,
        },
    );
    assert!(saved.lost.is_empty() && !saved.rewritten, "{saved:?}");
    assert_eq!(comment_lines(&saved.text), comment_lines(&text));
    let (saved, _) = save_edited(
        &saved.text,
        Edit::AddRoute {
            route_table: "rtb-public".into(),
            route: route("10.9.0.0/16", Target::Blackhole),
            position: Some(0),
        },
    );
    assert!(saved.lost.is_empty() && !saved.rewritten, "{saved:?}");
    assert_eq!(comment_lines(&saved.text), comment_lines(&text));
    let (new, gone) = changed_lines(&text, &saved.text);
    assert_eq!(
        new,
        [
            r#"            (destination: Cidr("10.9.0.0/16"), target: Blackhole),"#,
            r#"        (id: "rtb-private", name: "private", subnets: ["subnet-private-a", "subnet-private-b"], routes: ["#,
            r#"            (destination: Cidr("192.168.0.0/16"), target: VpcPeering("pcx-1")),"#,
            r#"        ]),"#,
        ]
    );
    assert_eq!(
        gone,
        [
            r#"        (id: "rtb-private", name: "private", subnets: ["subnet-private-a", "subnet-private-b"]),"#
        ]
    );
}

/// A removed element takes its own leading comment with it, and that comment is reported; the
/// others stay.
#[test]
fn a_removed_element_reports_its_comment() {
    let text = shipped("no-endpoint");
    let mut s = from_ron_str(&text, Path::new("t.ron")).unwrap();
    s.expect.remove(3);
    let saved = save_text(Some(&text), &s);
    assert!(!saved.rewritten);
    assert_eq!(
        saved.lost,
        [
            "// Negative: same public subnet, same route, but no public IPv4 address: dropped at the internet gateway."
        ]
    );
    assert_eq!(comment_lines(&saved.text).len(), 12);
    assert_eq!(from_ron_str(&saved.text, Path::new("s.ron")).unwrap(), s);
    // Saving a lesson's step without the lesson drops the lesson's two comment lines.
    let mut s = from_ron_str(&text, Path::new("t.ron")).unwrap();
    s.lesson = None;
    let saved = save_text(Some(&text), &s);
    assert_eq!(saved.lost.len(), 2, "{:?}", saved.lost);
    assert_eq!(comment_lines(&saved.text).len(), 11);
}

/// What a person writes and the serialiser does not: `Some(..)`, defaults written out, a
/// one-line list, comments inside values.
#[test]
fn hand_written_forms_are_edited_in_place() {
    let text = r#"// top
(
    region: "us-east-1", // the Region
    vpc: (id: "vpc-1", cidrs: ["10.0.0.0/16"], enable_dns_support: true),
    availability_zones: [(name: "us-east-1a"), /* b */ (name: "us-east-1b")],
    subnets: [
        (id: "subnet-a", name: Some("a"), az: "us-east-1a", cidr: "10.0.0.0/24"), // a
        // b's comment
        (id: "subnet-b", az: "us-east-1b", cidr: "10.0.1.0/24")
    ],
    route_tables: [(id: "rtb-main", main: true, subnets: [], routes: [])],
    instances: [(id: "i-1", subnet: "subnet-a", public_ip: false)],
    what_if: (failed_azs: []),
)
"#;
    let (saved, _) = save_edited(
        text,
        Edit::Batch(vec![
            Edit::SetDnsHostnames { enabled: false },
            Edit::SetDnsSupport { enabled: false },
            Edit::SetInstancePublicIp {
                instance: "i-1".into(),
                public_ip: true,
            },
            Edit::FailAz {
                az: "us-east-1b".into(),
            },
            Edit::AssociateSubnet {
                subnet: "subnet-b".into(),
                route_table: Some("rtb-main".into()),
                position: None,
            },
        ]),
    );
    assert!(saved.lost.is_empty() && !saved.rewritten, "{saved:?}");
    assert_eq!(
        saved.text,
        text.replace(
            "enable_dns_support: true",
            "enable_dns_support: false, enable_dns_hostnames: false"
        )
        .replace("public_ip: false", "public_ip: true")
        .replace("failed_azs: []", r#"failed_azs: ["us-east-1b"]"#)
        .replace("subnets: [],", r#"subnets: ["subnet-b"],"#)
    );
}

/// A file with Windows line ends keeps them, in the new lines too.
#[test]
fn windows_line_ends_stay() {
    let text = shipped("no-endpoint").replace('\n', "\r\n");
    let (saved, _) = save_edited(
        &text,
        Edit::AddRoute {
            route_table: "rtb-private".into(),
            route: Route {
                destination: Destination::Cidr("192.168.0.0/16".parse().unwrap()),
                target: Target::Blackhole,
            },
            position: None,
        },
    );
    assert!(saved.lost.is_empty() && !saved.rewritten, "{saved:?}");
    assert_eq!(
        saved.text.matches('\n').count(),
        saved.text.matches("\r\n").count()
    );
    assert_eq!(comment_lines(&saved.text).len(), 13);
}

/// Text this module cannot follow is written in full, every comment reported lost.
#[test]
fn what_cannot_be_followed_is_rewritten_and_said() {
    let text = shipped("private-only");
    let (edited, _) = Edit::SetDnsHostnames { enabled: false }
        .apply(&model_of(&text))
        .unwrap();
    let broken = format!("{text}\n// trailing\n)");
    let saved = save_text(Some(&broken), edited.scenario());
    assert!(saved.rewritten);
    assert_eq!(saved.text, to_ron_string(edited.scenario()));
    assert_eq!(saved.lost.len(), comment_lines(&broken).len());
    // No original: the full text, nothing lost.
    let saved = save_text(None, edited.scenario());
    assert!(!saved.rewritten && saved.lost.is_empty());
}
