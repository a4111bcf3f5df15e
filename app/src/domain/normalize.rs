//! Normalisation of what people type, before anything is validated,
//! compared or stored.
//!
//! Phones and older keyboards produce Arabic ي/ك and Persian or Arabic-Indic
//! digits; copy-paste brings stray spaces and zero-width non-joiners. The same
//! word must match however it was typed.

const ZWNJ: char = '\u{200C}';

/// Maps Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII digits.
pub fn normalize_digits(text: &str) -> String {
    text.chars().map(ascii_digit).collect()
}

fn ascii_digit(c: char) -> char {
    let code = c as u32;
    let zero = match code {
        0x06F0..=0x06F9 => 0x06F0,
        0x0660..=0x0669 => 0x0660,
        _ => return c,
    };
    char::from_digit(code - zero, 10).unwrap_or(c)
}

/// Maps Arabic letters that look like Persian ones to the Persian letters.
fn persian_letter(c: char) -> char {
    match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        _ => c,
    }
}

/// Full normalisation of a free-text field: digits to ASCII, Arabic ي/ك to
/// Persian ی/ک, runs of white space to one space, ZWNJs that do not sit
/// between two letters removed, and the ends trimmed.
pub fn normalize_input(text: &str) -> String {
    let mapped: Vec<char> = text
        .chars()
        .map(|c| persian_letter(ascii_digit(c)))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in mapped.iter().enumerate() {
        let prev = out.chars().next_back();
        match c {
            ' ' if prev.is_none() || prev == Some(' ') => {}
            ZWNJ => {
                let joins_letters =
                    prev.is_some_and(char::is_alphabetic) && mapped.get(i + 1).is_some_and(|n| n.is_alphabetic());
                if joins_letters {
                    out.push(ZWNJ);
                }
            }
            _ => out.push(c),
        }
    }
    out.trim_end().to_owned()
}

/// Percent-encodes `text` for a URL query or an RFC 5987 header value:
/// everything but unreserved ASCII becomes `%XX` bytes of its UTF-8.
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Keeps only ASCII digits after normalising, for number fields typed with
/// separators such as spaces or dashes ("۰۹۱۲ ۳۴۵ ۶۷۸۹").
pub fn digits_only(text: &str) -> String {
    normalize_digits(text).chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_keeps_unreserved_ascii_and_encodes_persian_as_utf8() {
        assert_eq!(percent_encode("a.b-c_9"), "a.b-c_9");
        assert_eq!(percent_encode("کد ۱"), "%DA%A9%D8%AF%20%DB%B1");
    }
    use proptest::prelude::*;

    #[test]
    fn persian_and_arabic_digits_become_ascii() {
        assert_eq!(normalize_digits("۰۹۱۲٠١٢"), "0912012");
    }

    #[test]
    fn arabic_yeh_and_kaf_become_persian() {
        assert_eq!(normalize_input("جواز تاسيس كارخانه"), "جواز تاسیس کارخانه");
    }

    #[test]
    fn stray_spaces_are_collapsed_and_trimmed() {
        assert_eq!(normalize_input("  میز \t\n خدمت  "), "میز خدمت");
    }

    #[test]
    fn a_zwnj_between_letters_is_kept_and_stray_ones_are_dropped() {
        assert_eq!(normalize_input("می\u{200C}خواهم"), "می\u{200C}خواهم");
        assert_eq!(normalize_input("\u{200C}میز\u{200C} \u{200C}خدمت\u{200C}"), "میز خدمت");
        assert_eq!(normalize_input("می\u{200C}\u{200C}خواهم"), "می\u{200C}خواهم");
    }

    #[test]
    fn digits_only_drops_separators() {
        assert_eq!(digits_only("۰۹۱۲-۳۴۵ ۶۷۸۹"), "09123456789");
    }

    proptest! {
        #[test]
        fn normalising_twice_changes_nothing(text in "\\PC{0,60}") {
            let once = normalize_input(&text);
            prop_assert_eq!(normalize_input(&once), once);
        }

        #[test]
        fn normalised_text_has_no_arabic_forms_or_edge_spaces(text in "[ يكىa-z۰-۹٠-٩\u{200C}آ-ی]{0,60}") {
            let out = normalize_input(&text);
            prop_assert!(!out.contains(['ي', 'ك', 'ى']));
            prop_assert!(!out.starts_with(' ') && !out.ends_with(' '));
            prop_assert!(!out.contains("  "));
            prop_assert!(!out.chars().any(|c| matches!(c as u32, 0x06F0..=0x06F9 | 0x0660..=0x0669)));
        }
    }
}
