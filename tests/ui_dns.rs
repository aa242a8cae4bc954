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
