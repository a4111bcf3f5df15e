//! Finding Persian text however it was typed. A phone may give Arabic ي/ك,
//! Arabic-Indic digits or diacritics; people write "می‌شود", "می شود" or
//! "میشود" for the same word. Both the stored text and the query are
//! reduced to one key: letters unified, digits ASCII, diacritics, tatweel,
//! ZWNJs, half-spaces and spaces dropped, Latin in lower case. A query
//! matches when each of its words is found in the text's key.

use super::super::normalize::normalize_digits;

/// The search key of a text.
pub fn search_key(text: &str) -> String {
    normalize_digits(text)
        .chars()
        .filter_map(|c| match c {
            'ي' | 'ى' | 'ئ' => Some('ی'),
            'ك' => Some('ک'),
            'ة' => Some('ه'),
            'أ' | 'إ' | 'ٱ' => Some('ا'),
            'ؤ' => Some('و'),
            // Diacritics (tashkil), superscript alef and tatweel.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => None,
            // Joiners, marks and every kind of space.
            '\u{200B}'..='\u{200F}' | '\u{00AD}' | '\u{FEFF}' => None,
            c if c.is_whitespace() => None,
            // Characters LIKE treats specially never reach a pattern.
            '%' | '_' | '\\' => None,
            c => Some(c.to_lowercase().next().unwrap_or(c)),
        })
        .collect()
}

/// The words of a query, each as a key, without empty ones; at most eight,
/// so a pasted paragraph cannot make a query of hundreds of conditions.
pub fn query_words(query: &str) -> Vec<String> {
    query
        .split(|c: char| c.is_whitespace() || c == '\u{200C}')
        .map(search_key)
        .filter(|w| !w.is_empty())
        .take(8)
        .collect()
}

/// Whether every word of `query` is in `text` (both as typed).
pub fn matches(text: &str, query: &str) -> bool {
    let key = search_key(text);
    query_words(query).iter().all(|w| key.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_letters_digits_zwnj_and_spaces_do_not_stop_a_match() {
        let title = "صدور جواز تاسیس واحدهای صنعتی";
        assert!(matches(title, "جواز تاسيس"), "Arabic ي");
        assert!(matches(title, "واحدهاي"), "Arabic ي inside a word");
        assert!(matches("پیگیری درخواست‌ها", "درخواست ها"), "ZWNJ against a space");
        assert!(matches("پیگیری درخواست ها", "درخواست‌ها"), "space against a ZWNJ");
        assert!(matches("کد ۱۲۳۴", "1234"), "Persian digits against ASCII");
        assert!(matches("كد ١٢٣٤", "کد ۱۲۳۴"), "Arabic ك and Arabic-Indic digits");
        assert!(matches("سامانه Behinyab", "behinyab"), "Latin in any case");
        assert!(matches(title, "صنعتی جواز"), "words in any order");
        assert!(!matches(title, "زمین"));
    }

    #[test]
    fn like_wildcards_and_empty_words_are_dropped() {
        assert_eq!(query_words("  %_\\ جواز  "), vec!["جواز".to_owned()]);
        assert!(query_words("   ").is_empty());
        assert_eq!(query_words(&"واژه ".repeat(50)).len(), 8);
    }
}
