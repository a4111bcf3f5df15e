//! Persian digits for display. Storage and comparison always use ASCII
//! digits; only what a person reads is converted.

const PERSIAN_ZERO: u32 = 0x06F0;

/// Replaces every ASCII digit in `text` with its Persian form (۰–۹).
pub fn to_persian_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(PERSIAN_ZERO + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Formats a whole number with Persian digits and the Persian thousands
/// separator (٬), as amounts in rials are printed on official forms.
pub fn format_persian_number(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('٬');
        }
        grouped.push(c);
    }
    let sign = if value < 0 { "-" } else { "" };
    to_persian_digits(&format!("{sign}{grouped}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::normalize::normalize_digits;
    use proptest::prelude::*;

    #[test]
    fn ascii_digits_become_persian_and_other_text_is_kept() {
        assert_eq!(to_persian_digits("کد 0912-345"), "کد ۰۹۱۲-۳۴۵");
    }

    #[test]
    fn large_amounts_are_grouped_by_thousands() {
        assert_eq!(format_persian_number(12_500_000), "۱۲٬۵۰۰٬۰۰۰");
        assert_eq!(format_persian_number(999), "۹۹۹");
        assert_eq!(format_persian_number(-1000), "-۱٬۰۰۰");
    }

    proptest! {
        #[test]
        fn persian_digits_normalise_back_to_the_same_text(text in "[0-9a-zA-Z آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی]{0,40}") {
            prop_assert_eq!(normalize_digits(&to_persian_digits(&text)), text);
        }

        #[test]
        fn persian_display_has_no_ascii_digit_left(n in any::<i64>()) {
            prop_assert!(!format_persian_number(n).chars().any(|c| c.is_ascii_digit()));
        }
    }
}
