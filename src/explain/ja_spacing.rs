//! Japanese spacing: a message puts a space on each side of its placeables, because most of them
//! are ids, CIDRs or codes (`0.0.0.0/0 への tcp/443 を許可`), and Japanese technical writing sets
//! Latin text apart with spaces. When a placeable is itself Japanese (`すべてのトラフィック`, a
//! nested sentence) those spaces fall between two Japanese characters, where Japanese never puts
//! one (`への すべてのトラフィック を`). This removes exactly those: a run of ASCII spaces with a
//! Japanese character (kana, kanji, the long-vowel mark or Japanese punctuation) on both sides.

/// Kana, kanji, `ー`, and the ideographic punctuation and brackets (`、。「」『』（）`).
fn japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' // 、。「」『』 and the other CJK symbols
        | '\u{3040}'..='\u{30FF}' // hiragana, katakana, ー
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{FF01}'..='\u{FF0F}' // （）！ and the other full-width punctuation
        | '\u{FF1A}'..='\u{FF20}'
    )
}

/// `text` without the spaces that sit between two Japanese characters (returned as it is when it
/// has none).
pub fn tidy(text: String) -> String {
    let has_gap = text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b' ' && w[1] >= 0x80 || w[0] >= 0x80 && w[1] == b' ');
    if !has_gap {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' && i > 0 && japanese(chars[i - 1]) {
            let end = chars[i..].iter().position(|&c| c != ' ').map(|n| i + n);
            if let Some(end) = end.filter(|&end| japanese(chars[end])) {
                i = end;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn a_space_between_two_japanese_words_goes() {
        assert_eq!(
            tidy("0.0.0.0/0 への すべてのトラフィック を許可".into()),
            "0.0.0.0/0 へのすべてのトラフィックを許可"
        );
        assert_eq!(tidy("ルール:  「あ」".into()), "ルール:  「あ」");
        assert_eq!(tidy("ACL の 拒否 。".into()), "ACL の拒否。");
    }

    #[test]
    fn spaces_beside_latin_text_stay() {
        for kept in [
            "10.0.0.0/16 からの tcp/443 を許可",
            "ok:gwe ゲートウェイエンドポイント · ok:vpce",
            "vpce-s3 (gateway)",
            "",
            " 先頭と末尾 ",
        ] {
            assert_eq!(tidy(kept.to_string()), kept);
        }
    }
}
