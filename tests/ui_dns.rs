//! The endpoints panel lists what answers DNS before private DNS (the DHCP options set, Resolver
//! rules, private hosted zones and their records), in both languages, and says nothing of them
//! for a scenario that has none.

mod common;

use common::{frame, open, text};
use vpc_tui::i18n::Lang;

#[test]
fn the_endpoints_panel_lists_zones_rules_and_dhcp_options() {
    let mut app = open("dns-hosted-zones");
    for (lang, title) in [
        (Lang::En, "DNS before private DNS"),
        (Lang::Ja, "プライベート DNS より先に決まる DNS"),
    ] {
        app.set_lang(lang);
        let screen = text(&frame(&mut app, 200, 80));
        for needle in [title, "Z0SSM", "rslvr-rr-kms-onprem", "vpce-ssm"] {
            assert!(
                screen.contains(needle),
                "{lang:?}: no {needle:?} in\n{screen}"
            );
        }
    }
    let mut app = open("dns-dhcp-custom");
    let screen = text(&frame(&mut app, 200, 80));
    assert!(screen.contains("dopt-corp"), "{screen}");
    let mut app = open("private-dns-off");
    let screen = text(&frame(&mut app, 200, 80));
    assert!(!screen.contains("DNS before private DNS"), "{screen}");
}

/// A zone whose records are not known (imported without `list-resource-record-sets`) says so in
/// the endpoints panel, in both languages, instead of "records: 0".
#[test]
fn a_zone_with_records_not_known_says_so() {
    use vpc_tui::app::App;
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/dns-hosted-zones.ron");
    let text_in = std::fs::read_to_string(&path).unwrap();
    let anchor = "(id: \"Z0SQS\", name: \"sqs.us-east-1.amazonaws.com\", ";
    assert!(text_in.contains(anchor));
    let edited = text_in.replacen(anchor, &format!("{anchor}records_unknown: true, "), 1);
    let scenario = vpc_tui::model::from_ron_str(&edited, &path).unwrap();
    let model = vpc_tui::model::Model::new(scenario).unwrap();
    let mut app = App::new(model, None, "zones.ron".into());
    for (lang, words) in [
        (Lang::En, "records not known (1 listed)"),
        (Lang::Ja, "(1 件のみ判明)"),
    ] {
        app.set_lang(lang);
        let screen = text(&frame(&mut app, 200, 80));
        assert!(
            screen.contains(words),
            "{lang:?}: no {words:?} in\n{screen}"
        );
    }
}
