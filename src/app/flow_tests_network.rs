//! Key-script tests of the edit menu's network flows (Block Public Access, DNS, IPv6 routes,
//! security groups and network ACLs): real key events through the keymap into `update`,
//! asserting on the state the UI would draw; the other flows are in `flow_tests`.

use super::flow_tests::choose_value;
use super::tests::{open, status, verdict};
use super::*;
use crate::app::script::press;
use crate::i18n::Lang;

/// The Block Public Access flow: a mode is set, an exclusion added with its mode and deleted,
/// each undone with `u`; the path it decides follows.
#[test]
fn block_public_access_is_set_from_the_edit_menu_and_undone() {
    use crate::model::{BpaMode, ExclusionMode, ExclusionScope};
    let mut app = open("block-public-access");
    let bpa = |app: &App| app.model.scenario().block_public_access.clone();
    let before = bpa(&app);
    press(&mut app, "e");
    choose_value(&mut app, "bpa");
    choose_value(&mut app, "mode:off");
    assert_eq!(bpa(&app).mode, BpaMode::Off);
    press(&mut app, "u");
    assert_eq!(bpa(&app), before);
    // app-a's NAT gateway's subnet: no exclusion yet, so its mode is asked.
    press(&mut app, "e");
    choose_value(&mut app, "bpa");
    choose_value(&mut app, "subnet:subnet-nat-a");
    choose_value(&mut app, "allow-egress");
    let scope = ExclusionScope::Subnet("subnet-nat-a".into());
    let x = bpa(&app).exclusion(&scope).expect("excluded");
    assert_eq!(bpa(&app).exclusions[x].mode, ExclusionMode::AllowEgress);
    // The existing exclusion of nat-b's subnet is deleted in one step.
    press(&mut app, "e");
    choose_value(&mut app, "bpa");
    choose_value(&mut app, "subnet:subnet-nat-b");
    assert!(
        bpa(&app)
            .exclusion(&ExclusionScope::Subnet("subnet-nat-b".into()))
            .is_none()
    );
    press(&mut app, "u");
    press(&mut app, "u");
    assert_eq!(bpa(&app), before);
}

/// The DNS flow: a zone, a Resolver rule and the DHCP options are taken away from the VPC, each
/// undone with `u`; the path they decide follows.
#[test]
fn dns_settings_are_taken_away_from_the_edit_menu_and_undone() {
    let mut app = open("dns-hosted-zones");
    let before = app.model.scenario().clone();
    press(&mut app, "e");
    choose_value(&mut app, "dns");
    choose_value(&mut app, "zone:Z0SQS");
    assert!(
        !app.model
            .scenario()
            .private_hosted_zones
            .iter()
            .any(|z| z.id == "Z0SQS")
    );
    press(&mut app, "e");
    choose_value(&mut app, "dns");
    choose_value(&mut app, "rule:rslvr-rr-kms-onprem");
    assert!(app.model.scenario().resolver_rules.is_empty());
    press(&mut app, "u");
    press(&mut app, "u");
    assert_eq!(app.model.scenario(), &before);
    let mut app = open("dns-dhcp-custom");
    press(&mut app, "e");
    choose_value(&mut app, "dns");
    choose_value(&mut app, "dhcp");
    assert!(app.model.scenario().dhcp_options.is_none());
    // A scenario without DNS settings has no such menu item.
    let app = open("private-dns-off");
    assert!(
        !super::flows::edit_menu(&app)
            .items
            .iter()
            .any(|i| i.value == "dns")
    );
}

/// The add-route flow takes an IPv6 destination: its targets offer the egress-only internet
/// gateway, and the route goes into the table's IPv6 routes (private-b's table forgot ::/0).
#[test]
fn an_ipv6_route_is_added_and_deleted_from_the_edit_menu() {
    let mut app = open("ipv6-dual-stack");
    let query = crate::eval::Query {
        from: crate::eval::From::Instance("app-b".into()),
        to: crate::eval::To::Address6("2600:1f18:abcd::1/128".parse().expect("address")),
        probe: Default::default(),
        request: Default::default(),
        family: Default::default(),
    };
    let before = crate::eval::evaluate(&app.model, &Default::default(), &query).expect("known");
    assert_eq!(verdict_words(&before.verdict), "blocked (no_ipv6_route)");
    press(
        &mut app,
        "e/Add a route<Enter>/rtb-private-b<Enter>::/0<Enter>",
    );
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no target step: {:?} {}", app.overlay, status(&app));
    };
    assert!(
        p.items.iter().any(|i| i.value == "eigw:eigw-1"),
        "{:?}",
        p.items
    );
    // A NAT gateway carries IPv6 only as NAT64 (64:ff9b::/96), so ::/0 does not offer it.
    assert!(!p.items.iter().any(|i| i.value.starts_with("nat:")));
    press(&mut app, "/eigw<Enter>");
    if matches!(&app.overlay, Some(Overlay::Picker(p)) if p.purpose == Purpose::Confirm) {
        press(&mut app, "<Enter>");
    }
    let routes = &app
        .model
        .scenario()
        .route_tables
        .iter()
        .find(|t| t.id == "rtb-private-b")
        .expect("table")
        .ipv6_routes;
    assert!(
        routes.iter().any(|r| r.destination.to_string() == "::/0"
            && r.target == crate::model::Target::EgressOnlyInternetGateway("eigw-1".into())),
        "{routes:?} {}",
        status(&app)
    );
    let after = crate::eval::evaluate(&app.model, &Default::default(), &query).expect("known");
    assert_eq!(
        verdict_words(&after.verdict),
        "reachable via egress_only_internet_gateway"
    );
    // The delete-route flow lists the table's IPv6 routes and deletes one.
    press(&mut app, "e/Delete a route<Enter>/rtb-private-b<Enter>");
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no route step: {:?} {}", app.overlay, status(&app));
    };
    assert!(p.items.iter().any(|i| i.value == "::/0"), "{:?}", p.items);
    press(&mut app, "/::/0<Enter>");
    if matches!(&app.overlay, Some(Overlay::Picker(p)) if p.purpose == Purpose::Confirm) {
        press(&mut app, "<Enter>");
    }
    let gone = crate::eval::evaluate(&app.model, &Default::default(), &query).expect("known");
    assert_eq!(verdict_words(&gone.verdict), "blocked (no_ipv6_route)");
}

/// The replace-route flow lists the table's written IPv6 routes and offers the targets an IPv6
/// route may take; replacing private-a's ::/0 → eigw-1 with the internet gateway is one
/// undoable edit (ReplaceIpv6Route), and undo puts the egress-only gateway back.
#[test]
fn an_ipv6_route_is_replaced_from_the_edit_menu_and_undone() {
    let mut app = open("ipv6-dual-stack");
    let query = crate::eval::Query {
        from: crate::eval::From::Instance("app-a".into()),
        to: crate::eval::To::Address6("2600:1f18:abcd::1/128".parse().expect("address")),
        probe: Default::default(),
        request: Default::default(),
        family: Default::default(),
    };
    let via = |app: &App| {
        let t = crate::eval::evaluate(&app.model, &Default::default(), &query).expect("known");
        verdict_words(&t.verdict)
    };
    assert_eq!(via(&app), "reachable via egress_only_internet_gateway");
    press(&mut app, "e/Replace a route<Enter>/rtb-private-a<Enter>");
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no route step: {:?} {}", app.overlay, status(&app));
    };
    assert!(p.items.iter().any(|i| i.value == "::/0"), "{:?}", p.items);
    press(&mut app, "/::/0<Enter>");
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no target step: {:?} {}", app.overlay, status(&app));
    };
    assert!(
        p.items.iter().any(|i| i.value == "igw:igw-1"),
        "{:?}",
        p.items
    );
    assert!(!p.items.iter().any(|i| i.value.starts_with("nat:")));
    press(&mut app, "/igw<Enter>");
    if matches!(&app.overlay, Some(Overlay::Picker(p)) if p.purpose == Purpose::Confirm) {
        press(&mut app, "<Enter>");
    }
    let routes = |app: &App| {
        app.model
            .scenario()
            .route_tables
            .iter()
            .find(|t| t.id == "rtb-private-a")
            .expect("table")
            .ipv6_routes
            .clone()
    };
    assert_eq!(
        routes(&app)[0].target,
        crate::model::Target::InternetGateway("igw-1".into()),
        "{}",
        status(&app)
    );
    assert_eq!(routes(&app).len(), 1);
    assert_eq!(via(&app), "reachable via internet_gateway");
    press(&mut app, "u");
    assert_eq!(
        routes(&app)[0].target,
        crate::model::Target::EgressOnlyInternetGateway("eigw-1".into())
    );
    assert_eq!(via(&app), "reachable via egress_only_internet_gateway");
}

/// The path from `from` to `to` (labels as the pickers show them).
fn select(app: &mut App, from: &str, to: &str) {
    let s = app.sources.iter().position(|s| s.label == from).unwrap();
    app.update_main(Msg::SelectSource(s));
    let t = app.targets.iter().position(|t| t.query == to).unwrap();
    app.update_main(Msg::SelectTarget(t));
}

/// Issue 17's edits from the edit menu: a group rule added by typing it (a typo keeps the
/// input open and says what to type), a network ACL rule renumbered after the allow it came
/// before, a group detached and attached, the check of an appliance flipped; each path follows
/// and `u` puts each back.
#[test]
fn security_edits_from_the_edit_menu_follow_the_path_and_undo() {
    let mut app = open("security-layers");
    // app-b is left out of the endpoint group's HTTPS rules.
    select(&mut app, "app-b", "ssm");
    assert_eq!(verdict(&app), "blocked (security_group_ingress)");
    press(&mut app, "e");
    choose_value(&mut app, "security");
    choose_value(&mut app, "sg-add");
    choose_value(&mut app, "sg-endpoints|in");
    press(&mut app, "tcp/443<Enter>");
    assert!(matches!(app.overlay, Some(Overlay::Input(_))), "kept open");
    assert!(status(&app).contains("\"tcp/443\""), "{}", status(&app));
    press(&mut app, " 10.0.2.0/24<Enter>");
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert_eq!(verdict(&app), "reachable via interface_endpoint");
    press(&mut app, "u");
    assert_eq!(verdict(&app), "blocked (security_group_ingress)");
    // restricted: its ACL's outbound deny (90) comes before the allow (100).
    select(&mut app, "restricted", "ssm");
    assert_eq!(verdict(&app), "blocked (network_acl_outbound)");
    press(&mut app, "e");
    choose_value(&mut app, "security");
    choose_value(&mut app, "acl-renumber");
    choose_value(&mut app, "acl-restricted|out|90");
    press(&mut app, "100<Enter>");
    assert!(status(&app).contains("100"), "taken: {}", status(&app));
    press(&mut app, "<Esc>");
    press(&mut app, "e");
    choose_value(&mut app, "security");
    choose_value(&mut app, "acl-renumber");
    choose_value(&mut app, "acl-restricted|out|90");
    press(&mut app, "110<Enter>");
    assert_eq!(verdict(&app), "reachable via interface_endpoint");
    press(&mut app, "u");
    assert_eq!(verdict(&app), "blocked (network_acl_outbound)");
    // Removing the deny does it too.
    press(&mut app, "e");
    choose_value(&mut app, "security");
    choose_value(&mut app, "acl-remove");
    choose_value(&mut app, "acl-restricted|out|90");
    assert_eq!(verdict(&app), "reachable via interface_endpoint");
    press(&mut app, "u");
    // app-a's only group detached is refused (an interface keeps one); a second attached, then
    // detached.
    let groups = |app: &App| app.model.scenario().instances[0].security_groups.clone();
    press(&mut app, "e");
    choose_value(&mut app, "security");
    choose_value(&mut app, "sg-attach");
    choose_value(&mut app, "i-app-a");
    choose_value(&mut app, "sg-db");
    assert_eq!(groups(&app), ["sg-app", "sg-db"]);
    press(&mut app, "e");
    choose_value(&mut app, "security");
    choose_value(&mut app, "sg-attach");
    choose_value(&mut app, "i-app-a");
    choose_value(&mut app, "sg-db");
    assert_eq!(groups(&app), ["sg-app"]);
    press(&mut app, "e");
    choose_value(&mut app, "security");
    choose_value(&mut app, "sg-attach");
    choose_value(&mut app, "i-app-a");
    choose_value(&mut app, "sg-app");
    assert_eq!(groups(&app), ["sg-app"], "refused");
    assert!(status(&app).contains("sg-app"), "{}", status(&app));
    // The firewall appliance's check: on → off.
    select(&mut app, "inspected", "sns");
    assert_eq!(verdict(&app), "blocked (source_dest_check)");
    press(&mut app, "e");
    choose_value(&mut app, "security");
    choose_value(&mut app, "sdc");
    choose_value(&mut app, "eni-fw");
    assert_eq!(
        app.model.scenario().network_interfaces[0].source_dest_check,
        Some(false)
    );
    assert_ne!(verdict(&app), "blocked (source_dest_check)");
    press(&mut app, "u");
    assert_eq!(verdict(&app), "blocked (source_dest_check)");
}

/// The security flows read in Japanese: the menu item, the steps and a rule's label.
#[test]
fn security_flows_read_in_japanese() {
    let mut app = open("security-layers");
    app.set_lang(Lang::Ja);
    press(&mut app, "e");
    let Some(Overlay::Picker(menu)) = &app.overlay else {
        panic!("no menu");
    };
    let item = menu.items.iter().find(|i| i.value == "security").unwrap();
    assert!(
        item.label.starts_with("セキュリティグループ"),
        "{}",
        item.label
    );
    choose_value(&mut app, "security");
    choose_value(&mut app, "acl-remove");
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no rule step");
    };
    let rule = p
        .items
        .iter()
        .find(|i| i.value == "acl-restricted|out|90")
        .unwrap();
    assert_eq!(
        rule.label,
        "acl-restricted アウトバウンド 90: 0.0.0.0/0 への tcp/443 を拒否"
    );
    assert!(
        p.heading(Lang::Ja)
            .contains("削除するネットワーク ACL のルール")
    );
}
