//! The Security panel and the traffic (protocol and port) a path asks about: insta snapshots at
//! 80×24, 120×40 and 200×60 in English and Japanese, every size down to 1×1 without a panic,
//! scrolling by keys and wheel, the target picker's traffic field, and a lesson step that opens
//! the panel only once the question is answered.

mod common;

use common::{assert_no_overlapping_wide_chars, drawn, frame, open, text};
use vpc_tui::app::script::press;
use vpc_tui::app::{App, Msg, Tab};
use vpc_tui::i18n::Lang;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

/// security-layers.ron with the path `from` → `to` selected through the pickers and the
/// Security tab chosen.
fn on_path(lang: Lang, from: &str, to: &str) -> App {
    in_scenario("security-layers", lang, from, to)
}

/// `scenario` with the path `from` → `to` selected and the Security tab chosen.
fn in_scenario(scenario: &str, lang: Lang, from: &str, to: &str) -> App {
    let mut app = open(scenario);
    app.lang = lang;
    app.update(Msg::Resize(80, 24));
    press(&mut app, &format!("s/{from}<Enter>t/{to}<Enter>"));
    app.update(Msg::ShowTab(Tab::Security));
    assert!(app.path_label().starts_with(from), "{}", app.path_label());
    app
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Ja => "ja",
    }
}

#[test]
fn a_path_the_endpoint_group_refuses_at_every_size() {
    for lang in [Lang::En, Lang::Ja] {
        let mut app = on_path(lang, "app-b", "ssm");
        let reason = app
            .trace
            .as_ref()
            .unwrap()
            .verdict
            .reason()
            .map(|r| r.code());
        assert_eq!(reason, Some("security_group_ingress"));
        for (w, h) in SIZES {
            let buf = frame(&mut app, w, h);
            let screen = text(&buf);
            assert_no_overlapping_wide_chars(&buf);
            // What decided is on screen at every size, before any scrolling: the summary line.
            let denied = match lang {
                Lang::En => "✖ denied at security group",
                Lang::Ja => "✖ 拒否: セキュリティグループ",
            };
            assert!(screen.contains(denied), "{denied:?} not in\n{screen}");
            insta::assert_snapshot!(
                format!("security_app_b_ssm_{}_{w}x{h}", lang_code(lang)),
                screen
            );
        }
    }
}

#[test]
fn a_reply_the_network_acl_denies_at_every_size() {
    for lang in [Lang::En, Lang::Ja] {
        let mut app = on_path(lang, "noreply", "s3");
        for (w, h) in SIZES {
            let buf = frame(&mut app, w, h);
            assert_no_overlapping_wide_chars(&buf);
            insta::assert_snapshot!(
                format!("security_noreply_s3_{}_{w}x{h}", lang_code(lang)),
                text(&buf)
            );
        }
        // The rule that decided, in words (the whole panel at the huge size).
        let screen = text(&frame(&mut app, 200, 60));
        let line = match lang {
            Lang::En => "✖ reply inbound tcp/1024-65535 from",
            Lang::Ja => "✖ 戻り (インバウンド)",
        };
        assert!(screen.contains(line), "{line:?} not in\n{screen}");
    }
}

#[test]
fn an_appliance_with_its_check_on_and_a_working_path() {
    let mut app = on_path(Lang::En, "inspected", "sns");
    let screen = text(&frame(&mut app, 200, 60));
    assert!(
        screen.contains("✖ denied at source/destination check"),
        "no source/dest check denial in\n{screen}"
    );
    let mut app = on_path(Lang::En, "app-a", "ssm");
    let screen = text(&frame(&mut app, 200, 60));
    assert!(
        screen.contains("✔ all 6 checks on the path allow the traffic"),
        "{screen}"
    );
    assert!(!screen.contains("✖ denied at"), "{screen}");
}

#[test]
fn endpoint_and_bucket_policies_on_the_path_at_every_size() {
    for lang in [Lang::En, Lang::Ja] {
        // The app subnet's endpoint allows only the logs bucket; two bucket policies refuse
        // some requests: every decision allows some, none denies all.
        let mut app = in_scenario("endpoint-policies", lang, "app", "s3");
        for (w, h) in SIZES {
            let buf = frame(&mut app, w, h);
            assert_no_overlapping_wide_chars(&buf);
            insta::assert_snapshot!(
                format!("security_policies_app_s3_{}_{w}x{h}", lang_code(lang)),
                text(&buf)
            );
        }
        let screen = text(&frame(&mut app, 200, 60));
        let (endpoint, statement) = match lang {
            Lang::En => (
                "endpoint policy · vpce-s3-logs",
                "◐ allowed by statement 1 (OnlyLogs)",
            ),
            Lang::Ja => (
                "エンドポイントポリシー · vpce-s3-logs",
                "◐ 一部のリクエストだけ許可",
            ),
        };
        assert!(screen.contains(endpoint), "{endpoint:?} not in\n{screen}");
        assert!(screen.contains(statement), "{statement:?} not in\n{screen}");
        // The interface endpoint's policy rests on a key vpc-tui does not evaluate: said so,
        // on top, as neither allowed nor denied.
        let mut app = in_scenario("endpoint-policies", lang, "app", "ssm");
        let buf = frame(&mut app, 80, 24);
        assert_no_overlapping_wide_chars(&buf);
        let screen = text(&buf);
        let unknown = match lang {
            Lang::En => "? not evaluable at endpoint policy · vpce-ssm",
            Lang::Ja => "? 評価できません: エンドポイントポリシー · vpce-ssm",
        };
        assert!(screen.contains(unknown), "{unknown:?} not in\n{screen}");
        assert!(
            !screen.contains("✖ denied at") && !screen.contains("✖ 拒否:"),
            "{screen}"
        );
        insta::assert_snapshot!(
            format!("security_policies_app_ssm_{}_80x24", lang_code(lang)),
            screen
        );
    }
    // An endpoint without a policy of its own: AWS's default, full access.
    let mut app = in_scenario("endpoint-policies", Lang::En, "data", "s3");
    let screen = text(&frame(&mut app, 200, 60));
    assert!(
        screen.contains("✔ allowed by AWS's default policy (full access)"),
        "{screen}"
    );
    assert!(screen.contains("bucket policy · reports"), "{screen}");
}

#[test]
fn a_scenario_without_security_data_says_the_layers_are_not_evaluated() {
    let mut app = open("no-endpoint");
    app.update(Msg::ShowTab(Tab::Security));
    let screen = text(&frame(&mut app, 80, 24));
    assert!(
        screen.contains("not evaluated: security groups, network ACLs"),
        "{screen}"
    );
    // The traffic does not matter there, so the path's heading does not show it.
    assert!(!screen.contains("tcp/443"), "{screen}");
}

#[test]
fn checks_that_allow_on_a_path_that_stops_at_a_route_say_the_path_stops_first() {
    // app-a → s3 has no S3 route: its group allows the request, but the path never gets
    // further, and "all checks allow" alone would read as "the traffic gets through".
    for (lang, words) in [
        (Lang::En, "the path stops before the remaining checks"),
        (Lang::Ja, "経路は残りの判定に届く前に止まります"),
    ] {
        let mut app = in_scenario("endpoint-security-group", lang, "app-a", "s3");
        let screen = text(&frame(&mut app, 120, 40));
        assert!(screen.contains(words), "{screen}");
        assert!(screen.contains("no_route"), "{screen}");
        // A path a check refuses says where, not this.
        let mut app = in_scenario("endpoint-security-group", lang, "app-a", "ssm");
        let screen = text(&frame(&mut app, 120, 40));
        assert!(!screen.contains(words), "{screen}");
    }
    // Where no check was met at all, the same line says so instead of "stopped before them, or
    // stayed inside one subnet".
    let mut app = in_scenario("no-endpoint", Lang::En, "app-a", "s3");
    let screen = text(&frame(&mut app, 120, 40));
    assert!(
        screen.contains("the path stops before any of these checks"),
        "{screen}"
    );
    assert!(!screen.contains("stayed inside one subnet"), "{screen}");
}

#[test]
fn every_size_down_to_1x1_draws_without_a_panic() {
    for lang in [Lang::En, Lang::Ja] {
        let mut app = on_path(lang, "noreply", "s3");
        for w in [1, 2, 10, 39, 40, 41, 60, 79, 80, 119, 120, 179, 180, 250] {
            for h in [1, 2, 5, 11, 12, 13, 20, 24, 39, 40, 49, 50, 70] {
                let buf = drawn(&mut app, w, h);
                assert_no_overlapping_wide_chars(&buf);
                let _ = vpc_tui::ui::hit_test(&app, buf.area, w / 2, h / 2);
            }
        }
    }
}

#[test]
fn the_panel_scrolls_by_keys_and_by_wheel_and_says_where_it_is() {
    let mut app = on_path(Lang::En, "app-b", "ssm");
    let first = text(&frame(&mut app, 80, 24));
    assert!(first.contains(" · PgUp PgDn"), "{first}");
    press(&mut app, "<PgDn>");
    let paged = text(&frame(&mut app, 80, 24));
    assert_ne!(first, paged);
    assert!(paged.contains("no rule allows it"), "{paged}");
    press(&mut app, "<Home>");
    assert_eq!(text(&frame(&mut app, 80, 24)), first);
    // The wheel over the panel (the lower half at 80×24) scrolls it too.
    app.update(Msg::WheelDown(10, 18));
    let wheeled = text(&frame(&mut app, 80, 24));
    assert_ne!(first, wheeled);
    assert!(wheeled.contains("4–11 of"), "{wheeled}");
}

#[test]
fn the_target_picker_sets_the_protocol_and_port() {
    let mut app = on_path(Lang::En, "app-a", "ssm");
    let screen = text(&frame(&mut app, 80, 24));
    assert!(screen.contains("Path: app-a → ssm · tcp/443"), "{screen}");
    // The picker's last item opens the traffic field, filled with what is set.
    press(&mut app, "t/traffic<Enter>");
    let screen = text(&frame(&mut app, 80, 24));
    assert!(screen.contains("Protocol and port"), "{screen}");
    press(&mut app, "<Bksp><Bksp><Bksp>22<Enter>");
    let tr = app.trace.as_ref().unwrap();
    assert_eq!(
        tr.verdict.reason().map(|r| r.code()),
        Some("network_acl_inbound")
    );
    let screen = text(&frame(&mut app, 80, 24));
    assert!(screen.contains("Path: app-a → ssm · tcp/22"), "{screen}");
    // Nonsense is refused, with what was typed kept to correct it.
    press(&mut app, "t/traffic<Enter><C-u>http<Enter>");
    assert!(app.overlay.is_some());
    let screen = text(&frame(&mut app, 80, 24));
    assert!(screen.contains("is not a protocol and port"), "{screen}");
    press(&mut app, "<Esc>");
    // Japanese says the same in the heading.
    app.lang = Lang::Ja;
    let screen = text(&frame(&mut app, 80, 24));
    assert!(screen.contains("経路: app-a → ssm · tcp/22"), "{screen}");
}

#[test]
fn a_lesson_step_opens_the_panel_after_the_answer() {
    for lang in [Lang::En, Lang::Ja] {
        let mut app = open("endpoint-security-group");
        app.lang = lang;
        app.start_lesson(0);
        assert_eq!(app.tab, Tab::Security);
        let screen = text(&frame(&mut app, 80, 24));
        assert!(
            !screen.contains("sg-default"),
            "the answer shows early:\n{screen}"
        );
        let hidden = match lang {
            Lang::En => "Answer the question first (a)",
            Lang::Ja => "先に質問に答えてください",
        };
        assert!(screen.contains(hidden), "{screen}");
        press(&mut app, "aj<Enter>");
        let screen = text(&frame(&mut app, 80, 24));
        assert!(screen.contains("sg-default"), "{screen}");
        insta::assert_snapshot!(
            format!(
                "security_lesson_endpoint_sg_step1_{}_80x24",
                lang_code(lang)
            ),
            screen
        );
    }
}

#[test]
fn a_lesson_step_marks_the_rule_it_added() {
    let mut app = open("nacl-ephemeral");
    app.start_lesson(1);
    press(&mut app, "ak<Enter>");
    let screen = text(&frame(&mut app, 200, 60));
    assert!(screen.contains("allowed by rule 110  ✚ added"), "{screen}");
    // The next step did not add it: no mark.
    let mut app = open("nacl-ephemeral");
    app.start_lesson(2);
    press(&mut app, "ak<Enter>");
    let screen = text(&frame(&mut app, 200, 60));
    assert!(screen.contains("allowed by rule 110"), "{screen}");
    assert!(!screen.contains("✚ added"), "{screen}");
}

#[test]
fn the_target_picker_sets_the_request_the_policies_decide_on() {
    for lang in [Lang::En, Lang::Ja] {
        let mut app = in_scenario("endpoint-policies", Lang::En, "data", "s3");
        // The picker's item opens the request field, empty for any request.
        press(&mut app, "t/request<Enter>");
        let screen = text(&frame(&mut app, 80, 24));
        assert!(screen.contains("Action and resource"), "{screen}");
        press(&mut app, "s3:GetObject arn:aws:s3:::reports/q4.csv<Enter>");
        assert!(app.overlay.is_none());
        let tr = app.trace.as_ref().unwrap();
        assert_eq!(
            tr.verdict.reason().map(|r| r.code()),
            Some("bucket_policy_denied")
        );
        app.lang = lang;
        for (w, h) in SIZES {
            let buf = frame(&mut app, w, h);
            assert_no_overlapping_wide_chars(&buf);
            insta::assert_snapshot!(
                format!(
                    "security_policies_data_s3_reports_{}_{w}x{h}",
                    lang_code(lang)
                ),
                text(&buf)
            );
        }
        let screen = text(&frame(&mut app, 200, 60));
        let (title, denied, by) = match lang {
            Lang::En => (
                "Path: data → s3 · s3:GetObject arn:aws:s3:::reports/q4.csv",
                "✖ denied at bucket policy · reports",
                "✖ denied by statement 1 (OfficeAndNatOnly)",
            ),
            Lang::Ja => (
                "経路: data → s3 · s3:GetObject arn:aws:s3:::reports/q4.csv",
                "✖ 拒否: バケットポリシー · reports",
                "✖ 拒否: ステートメント 1 (OfficeAndNatOnly)",
            ),
        };
        for want in [title, denied, by] {
            assert!(screen.contains(want), "{want:?} not in\n{screen}");
        }
    }
    // Nonsense is refused, with what was typed kept to correct it; emptying the field asks
    // about any request again.
    let mut app = in_scenario("endpoint-policies", Lang::En, "data", "s3");
    press(&mut app, "t/request<Enter>GetObject<Enter>");
    assert!(app.overlay.is_some());
    let screen = text(&frame(&mut app, 80, 24));
    assert!(screen.contains("is not an action and resource"), "{screen}");
    press(
        &mut app,
        "<C-u>s3:GetObject arn:aws:s3:::archive/2020.tar<Enter>",
    );
    assert_eq!(app.trace.as_ref().unwrap().verdict.reason(), None);
    press(&mut app, "t/request<Enter><C-u><Enter>");
    let screen = text(&frame(&mut app, 80, 24));
    assert!(screen.contains("Path: data → s3 ·"), "{screen}");
    assert!(!screen.contains("s3:GetObject"), "{screen}");
}

#[test]
fn allowed_for_some_requests_only_is_its_own_state_and_count() {
    // app → s3: the endpoint policy and both bucket policies each allow only some of "any
    // request"; data → s3: AWS's default endpoint policy allows every request, the reports
    // bucket's policy only some. Neither summary may say "all … allow".
    let cases = [
        (
            "app",
            "all",
            (
                "◐ allowed for some requests only: each of the 3 checks on the path allows only some requests",
                "◐ 一部のリクエストだけ許可: 経路上の 3 件の判定がすべて、一部のリクエストだけを許可しています",
            ),
        ),
        (
            "data",
            "mixed",
            (
                "◐ allowed for some requests only: 1 of the 2 checks on the path allows only some requests, the other one allows the traffic",
                "◐ 一部のリクエストだけ許可: 経路上の 2 件の判定のうち 1 件が一部のリクエストだけを許可し、残りの 1 件は許可しています",
            ),
        ),
    ];
    for (from, name, (en, ja)) in cases {
        for lang in [Lang::En, Lang::Ja] {
            let mut app = in_scenario("endpoint-policies", lang, from, "s3");
            let (summary, allowed_all, legend) = match lang {
                Lang::En => (
                    en,
                    "checks on the path allow the traffic",
                    "◐ some requests only",
                ),
                Lang::Ja => (
                    ja,
                    "件の判定がすべて許可しています",
                    "◐ 一部のリクエストだけ許可",
                ),
            };
            // The whole summary, however it wraps: at 80×24 the panel is as wide as the screen.
            let screen = text(&frame(&mut app, 80, 24));
            let bare = |s: &str| {
                s.replace(['┃', '│'], "")
                    .split_whitespace()
                    .collect::<String>()
            };
            assert!(
                bare(&screen).contains(&bare(summary)),
                "{summary:?} not in\n{screen}"
            );
            for (w, h) in [(80, 24), (120, 40)] {
                let buf = frame(&mut app, w, h);
                assert_no_overlapping_wide_chars(&buf);
                let screen = text(&buf);
                assert!(!screen.contains(allowed_all), "{screen}");
                // The title's legend explains the mark.
                assert!(screen.contains(legend), "{legend:?} not in\n{screen}");
                // app → s3 is snapshotted above (security_policies_app_s3_*).
                if name == "mixed" {
                    insta::assert_snapshot!(
                        format!("security_some_requests_{name}_{}_{w}x{h}", lang_code(lang)),
                        screen
                    );
                }
            }
        }
    }
}
