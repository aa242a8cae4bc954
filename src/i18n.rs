//! English and Japanese for everything fixed that vpc-tui shows: reason and note codes, verdicts,
//! hop kinds, and the TUI's own words (a gettext-style table keyed by the English text).
//!
//! Codes and ids stay as they are in both languages (`no_route`, `vpce-…`, `rtb-…`): they are
//! what a learner looks up and what the JSON output carries. Japanese uses the AWS console's own
//! terms; `docs/glossary-ja.md` lists them with their sources.
//!
//! How the UI calls it:
//! - a fixed label: `t(lang, "Route tables")`;
//! - a label with values: `tf(lang, "Path: {}", &[&label])`. Each `{}` takes the next argument;
//!   a translation may reorder them with `{0}`, `{1}`, ... (Japanese often needs to);
//! - one English word with two meanings carries a context before `|`: `t(lang, "state|up")`
//!   shows "up" in English and 稼働中 in Japanese, while `t(lang, "up")` (a key's help) shows
//!   上へ.
//!
//! Msgids are the English text without layout padding or symbols (`"nothing matches"`, not
//! `"  nothing matches"`; `"FAILED: {}"`, not `"✖ FAILED: {}"`), so that spacing and the
//! narrow-symbol mode stay the UI's business. A test scans the source tree for literals passed
//! to `t(` and `tf(` and fails when one has no Japanese, so later wiring cannot drift.

use std::collections::HashMap;
use std::sync::OnceLock;

pub use crate::explain::{Lang, UnknownLang};

pub use crate::explain::{
    cross_az_label, hop_kind_label, note_meaning, reason_meaning, route_origin_label,
    route_rule_label, unchecked_label, verdict_line, verdict_words, via_label,
};

// ---------------------------------------------------------------------------------------------
// Fixed UI text
// ---------------------------------------------------------------------------------------------

/// The English shown for a msgid: the msgid itself, without a `context|` prefix.
fn english(msgid: &'static str) -> &'static str {
    msgid.rsplit_once('|').map(|(_, e)| e).unwrap_or(msgid)
}

fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        MESSAGES
            .iter()
            .chain(crate::i18n_save::SAVE_MESSAGES)
            .copied()
            .collect()
    })
}

/// The Japanese for a known English msgid; the English itself for [`Lang::En`] or a msgid the
/// table does not know (a test keeps the latter from happening in the UI's sources).
pub fn t(lang: Lang, english_text: &'static str) -> &'static str {
    match lang {
        Lang::En => english(english_text),
        Lang::Ja => table()
            .get(english_text)
            .copied()
            .unwrap_or_else(|| english(english_text)),
    }
}

/// [`t`] for text that is not a literal at the call site (a keymap help, a picker label kept
/// in data): the Japanese when the table has it, otherwise the text as given.
pub fn tr(lang: Lang, text: &str) -> &str {
    match lang {
        Lang::En => text,
        Lang::Ja => table().get(text).copied().unwrap_or(text),
    }
}

/// [`t`], then the arguments put in: each `{}` takes the next argument, `{0}`, `{1}`, ... take
/// that one (translations reorder with them), `{{` and `}}` are braces. A placeholder without
/// an argument stays as written, so a missing value shows instead of vanishing.
pub fn tf(lang: Lang, english_text: &'static str, args: &[&str]) -> String {
    fill(t(lang, english_text), args)
}

fn fill(template: &str, args: &[&str]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut next = 0;
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('{')
            && let Some(close) = tail.find('}')
        {
            let inside = &tail[1..close];
            let index = if inside.is_empty() {
                let n = next;
                next += 1;
                Some(n)
            } else {
                inside.parse::<usize>().ok()
            };
            match index.and_then(|n| args.get(n)) {
                Some(a) => out.push_str(a),
                None => out.push_str(&tail[..=close]),
            }
            rest = &tail[close + 1..];
            continue;
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

/// English msgid → Japanese. Grouped by where the text is shown today; one msgid serves every
/// place it appears.
static MESSAGES: &[(&str, &str)] = &[
    ("Set the hours per month", "月あたりの時間数を設定"),
    (
        "for the cost estimate (730 by default)",
        "コストの見積もり用 (既定は 730)",
    ),
    (
        "Hours per month every resource is billed",
        "各リソースに課金される月あたりの時間数",
    ),
    (
        "whole hours, e.g. 730; AWS bills a partial hour as a full one",
        "整数の時間。例: 730 (1 時間未満の利用も 1 時間として課金されます)",
    ),
    (
        "{} is not a whole number of hours.",
        "{} は整数の時間ではありません。",
    ),
    ("Cost {} {}/month.", "コスト {} {}/月。"),
    // --- cost panel ---
    ("Cost", "コスト"),
    ("Cost (monthly estimate)", "コスト (月額の見積もり)"),
    ("Monthly estimate: {} {}", "月額の見積もり: {} {}"),
    ("; ? = price not verified", "; ? = 未確認の価格"),
    ("The last change:", "直前の変更:"),
    ("Line items", "内訳"),
    (
        "Traffic: {} flows, {} GB/month by default (e edits it)",
        "トラフィック: {} フロー、既定は 1 フローあたり月 {} GB (e で編集)",
    ),
    ("… {} more", "… ほか {} 件"),
    (
        "Set the traffic of one flow (GB/month)",
        "一つのフローのトラフィックを設定 (GB/月)",
    ),
    (
        "Set the default traffic per flow (GB/month)",
        "フローあたりの既定トラフィックを設定 (GB/月)",
    ),
    ("for the cost estimate", "コストの見積もり用"),
    ("Flow (source → service)", "フロー (送信元 → サービス)"),
    ("GB per month for {} → {}", "{} → {} の月間 GB"),
    (
        "GB per month for every flow without its own figure",
        "個別の値がないフローの月間 GB",
    ),
    (
        "a number of GB, e.g. 250 (0 switches the flow off)",
        "GB の数値。例: 250 (0 でフローをオフ)",
    ),
    (
        "{} is not a number of GB.",
        "{} は GB の数値ではありません。",
    ),
    ("Traffic set: {}", "トラフィックを設定しました: {}"),
    // --- lessons, presenter, narrow symbols ---
    (
        "lesson: next step (starts the lesson)",
        "レッスン: 次のステップへ (レッスンを始める)",
    ),
    (
        "lesson: previous step (restores its exact state)",
        "レッスン: 前のステップへ (そのときの状態に戻す)",
    ),
    (
        "lesson: answer the question (reachable or not)",
        "レッスン: 問題に答える (到達できるかどうか)",
    ),
    (
        "lesson: quiz mode on / off",
        "レッスン: クイズモードのオン / オフ",
    ),
    ("lesson: reset the score", "レッスン: スコアをリセット"),
    (
        "presenter layout (narration and path large)",
        "プレゼンター表示 (解説と経路を大きく表示)",
    ),
    ("next", "次へ"),
    ("back", "戻る"),
    ("answer", "答える"),
    ("presenter", "プレゼンター"),
    ("Your prediction", "あなたの予想"),
    ("Reachable", "到達できる"),
    ("the path gets through", "経路が通る"),
    ("Not reachable", "到達できない"),
    (
        "blocked, unavailable, or leaves the VPC",
        "ブロック、利用不可、または VPC の外へ出る",
    ),
    ("Lesson step {}/{}", "レッスン ステップ {}/{}"),
    (
        "({} edit(s) of yours replaced by the step's model)",
        "(あなたの編集 {} 件はステップのモデルに置き換えられました)",
    ),
    (
        "predict the answer, then press a",
        "答えを予想してから a を押してください",
    ),
    (
        "The last step of the lesson.",
        "レッスンの最後のステップです。",
    ),
    (
        "The first step of the lesson.",
        "レッスンの最初のステップです。",
    ),
    (
        "No open question here.",
        "このステップに未回答の問題はありません。",
    ),
    ("Quiz mode on", "クイズモード オン"),
    ("Quiz mode off", "クイズモード オフ"),
    ("Score reset.", "スコアをリセットしました。"),
    (
        "Right! It is {}. Score {}/{}.",
        "正解です。{}。スコア {}/{}。",
    ),
    (
        "Not quite. It is {}. Score {}/{}.",
        "残念、{}。スコア {}/{}。",
    ),
    (
        "This scenario has a lesson: n starts it, p steps back.",
        "このシナリオにはレッスンがあります。n で開始、p で戻ります。",
    ),
    ("Lesson", "レッスン"),
    ("score", "スコア"),
    ("quiz on", "クイズ オン"),
    ("quiz off", "クイズ オフ"),
    ("next/back", "次へ/戻る"),
    ("→ a to answer", "→ a で答える"),
    (
        "Predict, then press a to answer. The path and verdict stay hidden until then.",
        "予想してから a で答えてください。答えるまで経路と判定は表示されません。",
    ),
    (
        "Matrix (hidden until you answer)",
        "マトリクス (回答するまで非表示)",
    ),
    // --- edit menu: the rest of the engine's edits ---
    (
        "Private DNS only for the inbound Resolver endpoint",
        "インバウンド Resolver エンドポイントのみプライベート DNS",
    ),
    (
        "S3 interface endpoints",
        "S3 のインターフェイスエンドポイント",
    ),
    (
        "Mark a Gateway Load Balancer's appliances in an AZ healthy or not",
        "Gateway Load Balancer のアプライアンスの状態を AZ ごとに切り替える",
    ),
    (
        "Turn a Gateway Load Balancer's cross-zone load balancing on or off",
        "Gateway Load Balancer のクロスゾーン負荷分散のオン / オフ",
    ),
    (
        "Associate or disassociate the internet gateway with a route table",
        "インターネットゲートウェイとルートテーブルの関連付け / 解除",
    ),
    (
        "edge association (ingress routing)",
        "エッジの関連付け (Ingress ルーティング)",
    ),
    ("Gateway Load Balancer", "対象の Gateway Load Balancer"),
    (
        "Appliances of {} in which AZ",
        "{} のアプライアンス: どの AZ か",
    ),
    (
        "healthy: choose to mark unhealthy",
        "正常: 選ぶと異常にします",
    ),
    (
        "unhealthy: choose to mark healthy",
        "異常: 選ぶと正常にします",
    ),
    (
        "Edge route table for the internet gateway",
        "インターネットゲートウェイのエッジルートテーブル",
    ),
    (
        "{} · edge: choose to disassociate",
        "{} · エッジ: 選ぶと関連付けを解除します",
    ),
    (
        "The VPC has no internet gateway.",
        "この VPC にはインターネットゲートウェイがありません。",
    ),
    (
        "{} · inbound Resolver only {}",
        "{} · インバウンド Resolver のみ {}",
    ),
    ("cross-zone {}", "クロスゾーン {}"),
    // --- tabs (app::Tab::title) and panel titles ---
    ("Topology", "トポロジー"),
    ("Route tables", "ルートテーブル"),
    ("Endpoints", "エンドポイント"),
    ("Matrix", "マトリクス"),
    (
        "Topology (↑↓ source · ←→ target · click)",
        "トポロジー (↑↓ 送信元 · ←→ 宛先 · クリック)",
    ),
    (
        "Route tables (✔ won · matched)",
        "ルートテーブル (✔ 採用 · 一致)",
    ),
    ("Endpoints and gateways", "エンドポイントとゲートウェイ"),
    ("Path: {}", "経路: {}"),
    ("Matrix: {}: {}", "マトリクス: {}: {}"),
    (
        "Matrix: {} instances × {} columns",
        "マトリクス: インスタンス {} 台 × {} 列",
    ),
    ("Keys (Esc closes)", "キー操作 (Esc で閉じる)"),
    ("Unsaved edits", "未保存の編集"),
    (
        "{} (Enter accepts, Esc cancels)",
        "{} (Enter で確定、Esc で取り消し)",
    ),
    (
        "{} cell(s) flipped by: {} (Esc closes)",
        "「{1}」で結果が変わったセル: {0} 個 (Esc で閉じる)",
    ),
    // --- header, tab bar, status, small screens (ui/mod.rs) ---
    (
        "vpc-tui needs {}×{} (now {}×{}). q quits.",
        "vpc-tui には {}×{} 以上の端末が必要です (現在 {}×{})。q で終了します。",
    ),
    ("FAILED: {}", "障害発生中: {}"),
    ("modified", "未保存の変更あり"),
    ("(untitled)", "(無題)"),
    ("Tab: next panel", "Tab: 次のパネル"),
    // --- overlays (ui/overlay.rs) ---
    ("nothing matches", "一致する項目がありません"),
    (
        "/ to filter · Enter chooses · Esc closes",
        "/ で絞り込み · Enter で選択 · Esc で閉じる",
    ),
    (
        "Mouse: click a tab, an instance or a service in Topology, a matrix cell, a list item.",
        "マウス: タブ、トポロジーのインスタンスやサービス、マトリクスのセル、リストの項目をクリックできます。",
    ),
    (
        "{} edit(s) since the last save. Save before quitting?",
        "前回の保存から {} 件の編集があります。終了する前に保存しますか？",
    ),
    ("save and quit", "保存して終了"),
    ("quit without saving", "保存せずに終了"),
    ("stay", "終了しない"),
    // --- path panel (ui/path.rs) ---
    (
        "J/K, Ctrl-f/Ctrl-b scroll · {} more",
        "J/K、Ctrl-f/Ctrl-b でスクロール · 残り {} 行",
    ),
    ("route", "ルート"),
    ("routes:", "このテーブルのルート:"),
    (
        "{}: no route for {} ({})",
        "{0}: {1} へのルートがありません ({2})",
    ),
    ("won", "採用"),
    ("lost", "不採用"),
    ("note", "注記"),
    ("not evaluated", "未評価"),
    (
        "{} (a reachable path can still be denied there)",
        "{} (到達可能と判定された経路でも、ここで拒否されることがあります)",
    ),
    // --- endpoints panel (ui/endpoints.rs) ---
    ("Gateway endpoints", "ゲートウェイエンドポイント"),
    ("Interface endpoints", "インターフェイスエンドポイント"),
    (
        "Gateway Load Balancer endpoints",
        "Gateway Load Balancer エンドポイント",
    ),
    ("NAT gateways", "NAT ゲートウェイ"),
    ("Internet gateway", "インターネットゲートウェイ"),
    ("No internet gateway", "インターネットゲートウェイなし"),
    (
        "{} · free · a route target, no IP address",
        "{} · 無料 · ルートのターゲット (IP アドレスなし)",
    ),
    (
        "none (no route anywhere)",
        "なし (どのルートテーブルにもルートがありません)",
    ),
    ("tables", "ルートテーブル"),
    ("private DNS off", "プライベート DNS オフ"),
    ("private DNS on", "プライベート DNS オン"),
    (
        "private DNS on (inbound Resolver only)",
        "プライベート DNS オン (インバウンド Resolver エンドポイントのみ)",
    ),
    ("no subnets: no ENI", "サブネットなし: ENI なし"),
    ("ENI {} in {}, {}", "ENI {0} ({1} 内、{2})"),
    ("AZ failed", "AZ 障害"),
    ("state|up", "稼働中"),
    ("state|down", "停止"),
    ("appliances down", "アプライアンス停止"),
    ("in {}", "{} 内"),
    (
        "{} · {} · cross-zone {} · appliances: {}",
        "{} · {} · クロスゾーン負荷分散 {} · アプライアンス: {}",
    ),
    ("stateful", "ステートフル"),
    ("stateless", "ステートレス"),
    ("on", "オン"),
    ("off", "オフ"),
    ("regional", "リージョナル"),
    ("regional (every AZ)", "リージョナル (すべての AZ)"),
    ("public", "パブリック"),
    ("private", "プライベート"),
    // --- matrix panel (ui/matrix.rs, ui/theme.rs) ---
    (
        "rows {}-{} of {} · cols {}-{} of {}",
        "{2} 行中 {0}-{1} 行 · {5} 列中 {3}-{4} 列",
    ),
    (
        "✔g gateway endpoint  ✔i interface endpoint (I: other AZ only)  ✔n NAT  ✔w internet gateway  ✔l local  ✔m mixed  ✖ blocked  ◐ partial  ⇢ leaves VPC  ⊘ source down",
        "✔g ゲートウェイエンドポイント  ✔i インターフェイスエンドポイント (I: 別の AZ のみ)  ✔n NAT  ✔w インターネットゲートウェイ  ✔l ローカル  ✔m 混在  ✖ 到達不可  ◐ 一部のみ  ⇢ VPC の外へ  ⊘ 送信元停止",
    ),
    // --- route tables panel (ui/route_tables.rs) ---
    ("associations", "関連付け"),
    ("{} (explicit)", "{} (明示的)"),
    ("{} (main, implicit)", "{} (メイン、暗示的)"),
    ("{} (edge)", "{} (エッジの関連付け)"),
    ("no subnets", "サブネットなし"),
    ("MAIN", "メイン"),
    ("on the path", "経路上"),
    ("local (derived)", "ローカル (自動)"),
    ("prefix list", "プレフィックスリスト"),
    (
        "gateway endpoint (derived)",
        "ゲートウェイエンドポイント (自動)",
    ),
    ("WON: {}", "採用: {}"),
    ("matched, lost", "一致したが不採用"),
    // --- topology panel (ui/topology.rs) ---
    ("internet gateway {}", "インターネットゲートウェイ {}"),
    ("no internet gateway", "インターネットゲートウェイなし"),
    (
        "{} · DNS support {} · hostnames {}",
        "{} · DNS 解決 {} · DNS ホスト名 {}",
    ),
    ("AZ FAILED", "AZ 障害"),
    ("(main)", "(メイン)"),
    ("+public IP", "+パブリック IP"),
    ("pub", "公開"),
    ("priv", "非公開"),
    ("{} more instances", "ほか {} 台のインスタンス"),
    ("regional NAT gateway", "リージョナル NAT ゲートウェイ"),
    (
        "gateway endpoint for {} · tables: {}",
        "{} のゲートウェイエンドポイント · ルートテーブル: {}",
    ),
    ("none", "なし"),
    ("targets", "宛先"),
    // --- status messages (app/mod.rs) ---
    (
        "Choose a path: s source, t target (or arrows in Topology and Matrix); e edits; 1-9 fail an AZ; ? help",
        "経路を選びましょう: s で送信元、t で宛先 (トポロジーとマトリクスでは矢印キーでも)。e で編集、1-9 で AZ 障害、? でヘルプ",
    ),
    (
        "{} warning(s) from validation: {}",
        "検証で {} 件の警告: {}",
    ),
    ("Path {}", "経路 {}"),
    (
        "The last change flipped no matrix cell.",
        "直前の変更で結果が変わったマトリクスのセルはありません。",
    ),
    (
        "The VPC has {} AZs; there is no AZ {}.",
        "この VPC の AZ は {} 個です。AZ {} はありません。",
    ),
    ("Refused: {}", "拒否されました: {}"),
    ("Nothing to undo.", "元に戻す編集はありません。"),
    ("undo: {}", "元に戻す: {}"),
    ("Undo failed: {}", "元に戻せませんでした: {}"),
    ("Nothing to redo.", "やり直す編集はありません。"),
    ("redo: {}", "やり直し: {}"),
    ("Redo failed: {}", "やり直せませんでした: {}"),
    ("Already as loaded.", "すでに読み込んだときの状態です。"),
    ("Reset stopped: {}", "リセットを中断しました: {}"),
    (
        "reset to the file as loaded ({} edit(s) undone; Ctrl-r redoes them)",
        "読み込んだときの状態に戻しました ({} 件の編集を取り消し。Ctrl-r でやり直せます)",
    ),
    (
        "No matrix cell changed.",
        "マトリクスのセルは変わりませんでした。",
    ),
    (
        "1 matrix cell flipped (c lists it).",
        "マトリクスのセルが 1 つ変わりました (c で一覧)。",
    ),
    (
        "{} matrix cells flipped (c lists them).",
        "マトリクスのセルが {} 個変わりました (c で一覧)。",
    ),
    ("Could not save {}: {}", "{} を保存できませんでした: {}"),
    (
        "Saved {} (it loads and validates again).",
        "{} を保存しました (読み込み直しと検証も成功しています)。",
    ),
    (
        "Saved {}, but it does not load again: {}",
        "{} を保存しましたが、読み込み直せません: {}",
    ),
    (
        "the scenario has no instances or subnets",
        "シナリオにインスタンスもサブネットもありません",
    ),
    ("(none)", "(なし)"),
    ("{} (any instance)", "{} (任意のインスタンス)"),
    // --- pickers and inputs (app/flows.rs) ---
    ("From (source)", "送信元"),
    ("To (target)", "宛先"),
    ("typed", "入力した宛先"),
    ("Type a destination…", "宛先を入力…"),
    (
        "an address, a CIDR, s3@us-west-2, s3.amazonaws.com",
        "アドレス、CIDR、s3@us-west-2、s3.amazonaws.com",
    ),
    ("Save as", "名前を付けて保存"),
    (
        "a path for the RON file, e.g. my-vpc.ron",
        "RON ファイルのパス (例: my-vpc.ron)",
    ),
    ("now on", "現在オン"),
    ("now off", "現在オフ"),
    ("Edit the model", "モデルを編集"),
    (
        "Change a subnet's route table",
        "サブネットのルートテーブルを変更",
    ),
    (
        "explicit association, or back to main",
        "明示的に関連付ける、またはメインに戻す",
    ),
    (
        "Make another table the main table",
        "別のルートテーブルをメインにする",
    ),
    ("Add a route", "ルートを追加"),
    (
        "table → destination → target",
        "ルートテーブル → 送信先 → ターゲット",
    ),
    ("Replace a route's target", "ルートのターゲットを置き換え"),
    ("the local route's too", "ローカルルートのターゲットも可"),
    ("Delete a route", "ルートを削除"),
    (
        "Create a gateway endpoint",
        "ゲートウェイエンドポイントを作成",
    ),
    (
        "S3 or DynamoDB, on a route table",
        "S3 または DynamoDB。ルートテーブルを 1 つ選んで作成",
    ),
    (
        "Delete a gateway endpoint",
        "ゲートウェイエンドポイントを削除",
    ),
    (
        "Attach or detach a gateway endpoint's route table",
        "ゲートウェイエンドポイントにルートテーブルを関連付け / 解除",
    ),
    (
        "adds or removes its pl- route",
        "pl- のルートが追加 / 削除されます",
    ),
    (
        "Create an interface endpoint",
        "インターフェイスエンドポイントを作成",
    ),
    (
        "any service, one subnet first",
        "どのサービスでも可。まずサブネット 1 つで作成",
    ),
    (
        "Delete an interface endpoint",
        "インターフェイスエンドポイントを削除",
    ),
    (
        "Add or remove an interface endpoint's subnet",
        "インターフェイスエンドポイントのサブネットを追加 / 削除",
    ),
    ("one subnet per AZ", "サブネットは AZ ごとに 1 つ"),
    (
        "Turn an interface endpoint's private DNS on or off",
        "インターフェイスエンドポイントのプライベート DNS をオン / オフ",
    ),
    ("Add a NAT gateway", "NAT ゲートウェイを作成"),
    ("public or private", "パブリックまたはプライベート"),
    ("Delete a NAT gateway", "NAT ゲートウェイを削除"),
    (
        "its routes become blackholes",
        "そこへのルートはブラックホールになります",
    ),
    (
        "Give or take an instance's public IPv4 address",
        "インスタンスのパブリック IPv4 アドレスを付与 / 削除",
    ),
    (
        "Toggle enableDnsSupport",
        "enableDnsSupport (DNS 解決) を切り替え",
    ),
    (
        "Toggle enableDnsHostnames",
        "enableDnsHostnames (DNS ホスト名) を切り替え",
    ),
    (
        "Mark a GWLB endpoint's appliances up or down",
        "GWLB エンドポイントのアプライアンスを稼働 / 停止にする",
    ),
    ("Fail or restore an AZ", "AZ を障害状態にする / 復旧する"),
    ("also the number keys", "数字キーでも可"),
    (
        "{}: nothing to choose from in this scenario.",
        "{}: このシナリオには選べる項目がありません。",
    ),
    ("To", "宛先"),
    (
        "an IPv4 address or CIDR, SERVICE@REGION (s3@us-west-2), or a global name (s3.amazonaws.com)",
        "IPv4 アドレスか CIDR、SERVICE@REGION (s3@us-west-2)、またはグローバルな名前 (s3.amazonaws.com)",
    ),
    ("Route table for {}", "{} に関連付けるルートテーブル"),
    (
        "Destination for a new route in {}",
        "{} に追加するルートの送信先",
    ),
    (
        "a CIDR (0.0.0.0/0, 10.1.0.0/16) or a prefix list (pl-s3, pl-dynamodb)",
        "CIDR (0.0.0.0/0、10.1.0.0/16) またはプレフィックスリスト (pl-s3、pl-dynamodb)",
    ),
    ("Target that leaves the VPC", "VPC の外へ出るターゲット"),
    (
        "pcx-… (peering), tgw-… (transit gateway) or vgw-… (virtual private gateway)",
        "pcx-… (ピアリング接続)、tgw-… (トランジットゲートウェイ)、vgw-… (仮想プライベートゲートウェイ)",
    ),
    ("Target for {} in {}", "{1} の {0} 宛てルートのターゲット"),
    ("Route in {} to replace", "置き換えるルート ({})"),
    (
        "New target for {} in {}",
        "{1} の {0} 宛てルートの新しいターゲット",
    ),
    ("Route in {} to delete", "削除するルート ({})"),
    (
        "First route table for the {} gateway endpoint",
        "{} のゲートウェイエンドポイントを関連付ける最初のルートテーブル",
    ),
    ("(none yet)", "(今はなし)"),
    ("attach tables later", "ルートテーブルは後で関連付け"),
    (
        "Attach {} to, or detach it from",
        "{} を関連付ける / 関連付けを解除するルートテーブル",
    ),
    ("attached: choose to detach", "関連付け済み: 選ぶと解除"),
    ("choose to attach", "選ぶと関連付け"),
    (
        "First subnet for the {} interface endpoint",
        "{} のインターフェイスエンドポイントを置く最初のサブネット",
    ),
    (
        "Subnet to add to {}, or to remove from it",
        "{0} に追加する、または {0} から削除するサブネット",
    ),
    (
        "{} · has an ENI: choose to remove",
        "{} · ENI あり: 選ぶと削除",
    ),
    (
        "Connectivity of the NAT gateway in {}",
        "{} に置く NAT ゲートウェイの接続タイプ",
    ),
    (
        "to the internet through the internet gateway",
        "インターネットゲートウェイ経由でインターネットへ",
    ),
    (
        "to other VPCs or on-premises; never the internet",
        "他の VPC やオンプレミスへ。インターネットには出られません",
    ),
    (
        "Subnet whose route table to change",
        "ルートテーブルを変更するサブネット",
    ),
    (
        "Make this the main route table",
        "メインにするルートテーブル",
    ),
    ("Route table", "ルートテーブル"),
    (
        "Service for the gateway endpoint",
        "ゲートウェイエンドポイントのサービス",
    ),
    ("{} · tables: {}", "{} · ルートテーブル: {}"),
    ("Gateway endpoint", "ゲートウェイエンドポイント"),
    (
        "Service for the interface endpoint",
        "インターフェイスエンドポイントのサービス",
    ),
    ("{} · private DNS {} · {}", "{} · プライベート DNS {} · {}"),
    ("Interface endpoint", "インターフェイスエンドポイント"),
    (
        "Subnet for the NAT gateway",
        "NAT ゲートウェイを置くサブネット",
    ),
    ("NAT gateway to delete", "削除する NAT ゲートウェイ"),
    (
        "has a public IPv4 address: choose to remove it",
        "パブリック IPv4 アドレスあり: 選ぶと削除",
    ),
    (
        "private only: choose to give it a public IPv4 address",
        "プライベートのみ: 選ぶとパブリック IPv4 アドレスを付与",
    ),
    ("Instance", "インスタンス"),
    ("{} · appliances {}", "{} · アプライアンス {}"),
    ("GWLB endpoint", "GWLB エンドポイント"),
    ("FAILED: choose to restore", "障害中: 選ぶと復旧"),
    ("up: choose to fail", "稼働中: 選ぶと障害状態に"),
    ("Availability zone", "アベイラビリティーゾーン"),
    (
        "{}: a target that leaves the VPC starts with pcx-, tgw- or vgw-.",
        "{}: VPC の外へ出るターゲットは pcx-、tgw-、vgw- のどれかで始まります。",
    ),
    (
        "Save as: no path given.",
        "名前を付けて保存: パスが入力されていません。",
    ),
    ("To {}: {}", "宛先 {}: {}"),
    ("(main, implicit)", "(メイン、暗示的)"),
    ("main", "メイン"),
    (
        "main (remove the explicit association)",
        "メイン (明示的な関連付けを解除)",
    ),
    (
        "the subnet then uses the main table",
        "サブネットはメインルートテーブルを使うようになります",
    ),
    ("restore the local route", "ローカルルートに戻す"),
    ("internet gateway", "インターネットゲートウェイ"),
    ("NAT gateway ({})", "NAT ゲートウェイ ({})"),
    (
        "Gateway Load Balancer endpoint",
        "Gateway Load Balancer エンドポイント",
    ),
    ("network interface", "ネットワークインターフェイス"),
    ("drop the traffic", "トラフィックを破棄"),
    (
        "Type a peering, transit or virtual private gateway…",
        "ピアリング接続、トランジットゲートウェイ、仮想プライベートゲートウェイを入力…",
    ),
    (
        "A prefix-list destination names a service: pl-s3, pl-dynamodb.",
        "プレフィックスリストの送信先にはサービス名を付けます: pl-s3、pl-dynamodb。",
    ),
    (
        "{} is neither a CIDR (10.1.0.0/16) nor a prefix list (pl-s3).",
        "{} は CIDR (10.1.0.0/16) でもプレフィックスリスト (pl-s3) でもありません。",
    ),
    ("unknown target {}", "不明なターゲット {}"),
    // --- keymap: Context titles (app/keymap.rs) ---
    ("Main screen", "メイン画面"),
    ("In a list", "リストの中"),
    (
        "Typing (filter, address, path)",
        "入力中 (絞り込み、アドレス、パス)",
    ),
    ("Unsaved edits on quit", "終了時に未保存の編集があるとき"),
    ("Help and lists", "ヘルプと一覧"),
    // --- keymap: help texts ---
    (
        "quit (asks first if there are unsaved edits)",
        "終了 (未保存の編集があれば先に確認します)",
    ),
    ("quit now, without saving", "保存せずにすぐ終了"),
    ("this help", "このヘルプ"),
    (
        "choose the source (instance or subnet)",
        "送信元を選ぶ (インスタンスまたはサブネット)",
    ),
    (
        "choose the target (service, workload, address)",
        "宛先を選ぶ (サービス、ワークロード、アドレス)",
    ),
    ("previous / next source", "前 / 次の送信元"),
    ("previous / next target", "前 / 次の宛先"),
    ("next panel", "次のパネル"),
    ("previous panel", "前のパネル"),
    (
        "Topology: previous source · Matrix: move · others: scroll",
        "トポロジー: 前の送信元 · マトリクス: 移動 · その他: スクロール",
    ),
    (
        "Topology: next source · Matrix: move · others: scroll",
        "トポロジー: 次の送信元 · マトリクス: 移動 · その他: スクロール",
    ),
    (
        "previous target (Matrix: move left)",
        "前の宛先 (マトリクス: 左へ移動)",
    ),
    (
        "next target (Matrix: move right)",
        "次の宛先 (マトリクス: 右へ移動)",
    ),
    ("page up", "前のページ"),
    ("page down", "次のページ"),
    ("top", "先頭へ"),
    ("bottom", "末尾へ"),
    ("scroll the path panel down", "経路パネルを下へスクロール"),
    ("scroll the path panel up", "経路パネルを上へスクロール"),
    ("page the path panel down", "経路パネルを 1 ページ下へ"),
    ("page the path panel up", "経路パネルを 1 ページ上へ"),
    (
        "fail / restore the AZ with that number",
        "その番号の AZ を障害状態にする / 復旧する",
    ),
    (
        "edit the model (routes, endpoints, NAT, DNS, ...)",
        "モデルを編集 (ルート、エンドポイント、NAT、DNS など)",
    ),
    ("undo", "元に戻す"),
    ("redo", "やり直す"),
    (
        "reset to the file as loaded (redo brings edits back)",
        "読み込んだときの状態に戻す (やり直しで編集を戻せます)",
    ),
    (
        "list the matrix cells the last change flipped",
        "直前の変更で結果が変わったマトリクスのセルを一覧表示",
    ),
    (
        "save (atomic; asks for a path for the built-in scenario)",
        "保存 (安全に書き換え。組み込みシナリオではパスを尋ねます)",
    ),
    ("save as", "名前を付けて保存"),
    (
        "Matrix: show the selected cell's path",
        "マトリクス: 選んだセルの経路を表示",
    ),
    ("clear the status line", "ステータス行を消す"),
    ("up", "上へ"),
    ("down", "下へ"),
    ("first", "先頭へ"),
    ("last", "末尾へ"),
    ("choose", "選択"),
    ("filter by typing", "入力して絞り込み"),
    ("close", "閉じる"),
    ("accept", "確定"),
    ("delete a character", "1 文字削除"),
    ("up (filter)", "上へ (絞り込み中)"),
    ("down (filter)", "下へ (絞り込み中)"),
    ("stop typing / close", "入力をやめる / 閉じる"),
    ("save, then quit", "保存してから終了"),
    ("scroll", "スクロール"),
    // --- keymap: footer words ---
    ("quit", "終了"),
    ("help", "ヘルプ"),
    ("source", "送信元"),
    ("target", "宛先"),
    ("panel", "パネル"),
    ("fail AZ", "AZ 障害"),
    ("edit", "編集"),
    ("save", "保存"),
    ("move", "移動"),
    ("filter", "絞り込み"),
    ("stop", "中止"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Tab;
    use crate::app::keymap::{Context, KEYMAP};

    fn has_japanese(s: &str) -> bool {
        s.chars()
            .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
    }

    #[test]
    fn locale_picks_the_language() {
        use Lang::*;
        let f = Lang::from_locale_vars;
        assert_eq!(f(None, None, None), En);
        assert_eq!(f(None, None, Some("ja_JP.UTF-8")), Ja);
        assert_eq!(f(None, None, Some("ja")), Ja);
        assert_eq!(f(None, None, Some("ja_JP.eucJP")), Ja);
        assert_eq!(f(None, None, Some("en_US.UTF-8")), En);
        assert_eq!(f(None, None, Some("C")), En);
        assert_eq!(f(None, None, Some("jam")), En);
        // LC_ALL wins over LC_MESSAGES, which wins over LANG; empty means unset.
        assert_eq!(f(Some("C"), Some("ja_JP"), Some("ja_JP")), En);
        assert_eq!(f(Some(""), Some("ja_JP.UTF-8"), Some("en_US")), Ja);
        assert_eq!(f(None, Some("en_GB"), Some("ja_JP")), En);
        assert_eq!(f(Some("ja_JP.UTF-8"), None, Some("en_US")), Ja);
        assert_eq!(f(Some(""), Some(""), Some("")), En);
    }

    #[test]
    fn lang_parses_and_prints() {
        assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
        assert_eq!("ja".parse::<Lang>(), Ok(Lang::Ja));
        assert_eq!("JA".parse::<Lang>(), Ok(Lang::Ja));
        assert!("fr".parse::<Lang>().is_err());
        for l in Lang::ALL {
            assert_eq!(l.to_string().parse::<Lang>(), Ok(l));
        }
        // What `--lang` accepts through clap.
        use clap::ValueEnum;
        let names: Vec<String> = Lang::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .map(|p| p.get_name().to_string())
            .collect();
        assert_eq!(names, ["en", "ja"]);
        assert_eq!(<Lang as ValueEnum>::from_str("ja", true), Ok(Lang::Ja));
    }

    #[test]
    fn t_and_tf() {
        assert_eq!(t(Lang::En, "Route tables"), "Route tables");
        assert_eq!(t(Lang::Ja, "Route tables"), "ルートテーブル");
        // Unknown: the English itself.
        assert_eq!(t(Lang::Ja, "no such msgid"), "no such msgid");
        // A context before `|` disambiguates and never shows.
        assert_eq!(t(Lang::En, "state|up"), "up");
        assert_eq!(t(Lang::Ja, "state|up"), "稼働中");
        assert_eq!(t(Lang::Ja, "up"), "上へ");
        assert_eq!(t(Lang::Ja, "other|thing"), "thing");
        assert_eq!(
            tf(Lang::En, "Path: {}", &["app-a → s3"]),
            "Path: app-a → s3"
        );
        // Japanese reorders with indexes.
        assert_eq!(
            tf(
                Lang::En,
                "New target for {} in {}",
                &["0.0.0.0/0", "rtb-private"]
            ),
            "New target for 0.0.0.0/0 in rtb-private"
        );
        assert_eq!(
            tf(
                Lang::Ja,
                "New target for {} in {}",
                &["0.0.0.0/0", "rtb-private"]
            ),
            "rtb-private の 0.0.0.0/0 宛てルートの新しいターゲット"
        );
        // A missing argument shows its placeholder; braces escape.
        assert_eq!(fill("{} and {}", &["a"]), "a and {}");
        assert_eq!(fill("{{x}} {1}{0}", &["a", "b"]), "{x} ba");
        assert_eq!(fill("a } b {", &[]), "a } b {");
    }

    /// The placeholders of a template: `{}` in order, `{n}` by index.
    fn placeholders(s: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut next = 0;
        let mut rest = s;
        while let Some(i) = rest.find('{') {
            let tail = &rest[i..];
            if let Some(after) = tail.strip_prefix("{{") {
                rest = after;
                continue;
            }
            let Some(close) = tail.find('}') else { break };
            let inside = &tail[1..close];
            if inside.is_empty() {
                out.push(next);
                next += 1;
            } else if let Ok(n) = inside.parse() {
                out.push(n);
            }
            rest = &tail[close + 1..];
        }
        out
    }

    #[test]
    fn the_table_is_sound() {
        assert_eq!(
            table().len(),
            MESSAGES.len() + crate::i18n_save::SAVE_MESSAGES.len(),
            "a msgid appears twice in MESSAGES"
        );
        for (en, ja) in MESSAGES {
            assert!(!ja.is_empty(), "{en:?}");
            assert_ne!(en, ja, "{en:?}");
            assert!(has_japanese(ja), "{en:?} → {ja:?}");
            assert_eq!(ja.trim(), *ja, "{en:?}: padding belongs to the UI");
            let mut want: Vec<usize> = placeholders(en);
            want.sort();
            let mut got = placeholders(ja);
            got.sort();
            got.dedup();
            assert_eq!(got, want, "{en:?} → {ja:?}: placeholders differ");
        }
    }

    /// The glossary's writing rules hold for every Japanese text: half-width parentheses, no
    /// line-start punctuation at the start of a text, codes never translated away.
    #[test]
    fn japanese_follows_the_writing_rules() {
        let texts: Vec<&str> = MESSAGES.iter().map(|(_, ja)| *ja).collect();
        for ja in texts {
            assert!(
                !ja.contains(['（', '）']),
                "full-width parentheses in {ja:?}"
            );
            assert!(!ja.starts_with(['、', '。', '）', '」']), "{ja:?}");
            assert!(!ja.contains("( ") && !ja.contains(" )"), "{ja:?}");
        }
    }

    /// What the keymap and the tabs show today, whether or not `t` is wired in yet.
    #[test]
    fn keymap_and_tabs_have_japanese() {
        let mut missing = Vec::new();
        let mut check = |s: &'static str| {
            if !table().contains_key(s) {
                missing.push(s);
            }
        };
        for b in KEYMAP {
            check(b.help);
            if let Some(f) = b.footer {
                check(f);
            }
        }
        for c in [
            Context::Main,
            Context::Picker,
            Context::Typing,
            Context::Confirm,
            Context::Overlay,
        ] {
            check(c.title());
        }
        for tab in Tab::ALL {
            check(tab.title());
        }
        check(crate::ui::theme::MATRIX_LEGEND);
        assert!(missing.is_empty(), "no Japanese for {missing:?}");
    }

    /// The string literals passed as the second argument of `t(` and `tf(` in `source`.
    fn msgids_in(source: &str) -> Vec<String> {
        let bytes = source.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let name_len = if bytes[i..].starts_with(b"tf(") {
                3
            } else if bytes[i..].starts_with(b"t(") {
                2
            } else {
                i += 1;
                continue;
            };
            let prev = if i == 0 { b' ' } else { bytes[i - 1] };
            let start = i;
            i += name_len;
            if prev.is_ascii_alphanumeric() || prev == b'_' || prev == b'.' {
                continue;
            }
            let mut j = start + name_len;
            let skip_ws = |j: &mut usize| {
                while *j < bytes.len() && bytes[*j].is_ascii_whitespace() {
                    *j += 1;
                }
            };
            skip_ws(&mut j);
            let arg = j;
            while j < bytes.len()
                && (bytes[j].is_ascii_alphanumeric() || b"_.:".contains(&bytes[j]))
            {
                j += 1;
            }
            if j == arg {
                continue;
            }
            skip_ws(&mut j);
            if bytes.get(j) != Some(&b',') {
                continue;
            }
            j += 1;
            skip_ws(&mut j);
            if bytes.get(j) != Some(&b'"') {
                continue;
            }
            j += 1;
            let mut s = String::new();
            let mut chars = source[j..].char_indices();
            while let Some((k, c)) = chars.next() {
                match c {
                    '"' => {
                        i = j + k + 1;
                        break;
                    }
                    '\\' => match chars.next().map(|(_, c)| c) {
                        Some('n') => s.push('\n'),
                        Some('t') => s.push('\t'),
                        Some('0') => s.push('\0'),
                        Some('u') => {
                            let mut hex = String::new();
                            for (_, c) in chars.by_ref() {
                                match c {
                                    '{' => {}
                                    '}' => break,
                                    c => hex.push(c),
                                }
                            }
                            if let Some(c) =
                                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                            {
                                s.push(c);
                            }
                        }
                        Some('\n') => {
                            // A line continuation: the next line's leading whitespace goes.
                            let rest = chars.as_str();
                            let trimmed = rest.trim_start();
                            let skip = rest.len() - trimmed.len();
                            for _ in rest[..skip].chars() {
                                chars.next();
                            }
                        }
                        Some(c) => s.push(c),
                        None => {}
                    },
                    c => s.push(c),
                }
            }
            out.push(s);
        }
        out
    }

    #[test]
    fn the_scanner_finds_msgids() {
        let src = r#"
            let a = t(lang, "Route tables");
            let b = tf(
                app.lang,
                "Path: {}",
                &[&x],
            );
            let c = i18n::t(Lang::Ja, "say \"hi\"\n");
            let d = split(lang, "not a msgid");
            let e = x.t(lang, "a method, not ours");
            let f = t(lang, "long \
                     line");
        "#;
        assert_eq!(
            msgids_in(src),
            ["Route tables", "Path: {}", "say \"hi\"\n", "long line"]
        );
    }

    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }

    /// Every literal the sources pass to `t(` or `tf(` has Japanese: wiring the UI later
    /// cannot introduce untranslated text without this failing.
    #[test]
    fn every_msgid_in_the_sources_has_japanese() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&root, &mut files);
        assert!(files.iter().any(|f| f.ends_with("ui/mod.rs")), "{root:?}");
        let mut missing = Vec::new();
        for f in files {
            if f.ends_with("i18n.rs") {
                continue;
            }
            let src = std::fs::read_to_string(&f).unwrap();
            for id in msgids_in(&src) {
                if !table().contains_key(id.as_str()) {
                    missing.push(format!("{}: {id:?}", f.display()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "no Japanese for:\n{}",
            missing.join("\n")
        );
    }
}
