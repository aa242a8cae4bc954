//! English and Japanese for what saving, recovery and the line editor say (issue 15). Kept
//! apart from `i18n.rs`'s table so that both can change at once; [`crate::i18n::t`] consults
//! both.

/// English msgid → Japanese.
pub static SAVE_MESSAGES: &[(&str, &str)] = &[
    (
        "A lesson file is not overwritten from the lesson: save this step's state as a new scenario (without the lesson).",
        "レッスン中はレッスンのファイルを上書きしません。このステップの状態を新しいシナリオ (レッスンなし) として保存してください。",
    ),
    (
        "{} changed on disk since it was opened",
        "{} は開いた後にディスク上で変更されています",
    ),
    ("Overwrite", "上書きする"),
    (
        "replace the other program's changes",
        "ほかのプログラムによる変更を置き換えます",
    ),
    ("Save as…", "名前を付けて保存…"),
    (
        "keep both: write to another file",
        "両方を残します: 別のファイルに書き込みます",
    ),
    ("Cancel", "キャンセル"),
    ("do not save now", "今は保存しません"),
    (
        "That is the lesson's own file: choose another name.",
        "これはレッスン自体のファイルです。別の名前を指定してください。",
    ),
    ("{} exists", "{} はすでに存在します"),
    ("replace the file", "ファイルを置き換えます"),
    ("Choose another path", "別のパスを指定する"),
    ("back to what you typed", "入力したパスに戻ります"),
    ("Not saved.", "保存していません。"),
    (
        "The paste was cut to {} characters ({} left out).",
        "貼り付けたテキストを {} 文字で切り詰めました ({} 文字は入っていません)。",
    ),
    (
        "Unsaved edits of this file were kept when vpc-tui last ended ({})",
        "前回 vpc-tui が終了したとき、このファイルの未保存の編集が保管されました ({})",
    ),
    ("Restore them", "復元する"),
    (
        "continue from the kept edits (not saved yet)",
        "保管された編集から続けます (まだ保存されていません)",
    ),
    ("Discard them", "破棄する"),
    ("delete the recovery file", "復元用ファイルを削除します"),
    ("Decide later", "あとで決める"),
    (
        "keep the recovery file, open the file as saved",
        "復元用ファイルを残し、保存済みのファイルを開きます",
    ),
    (
        "restored the unsaved edits kept in {}",
        "{} に保管されていた未保存の編集を復元",
    ),
    ("Recovery file deleted.", "復元用ファイルを削除しました。"),
    ("move the cursor", "カーソルを移動"),
    ("start / end of the line", "行頭 / 行末へ"),
    (
        "delete the character under the cursor",
        "カーソル位置の文字を削除",
    ),
    ("delete to the start of the line", "行頭まで削除"),
    (
        "delete the word before the cursor",
        "カーソルの前の単語を削除",
    ),
    (
        "The input is full ({} characters).",
        "入力できるのは {} 文字までです。",
    ),
];
