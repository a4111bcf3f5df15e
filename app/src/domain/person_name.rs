//! First and last names as the registry writes them: Persian letters, with
//! spaces and the zero-width non-joiner between parts.

use crate::domain::normalize::normalize_input;

/// Why a typed name was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    /// Nothing was typed.
    #[error("این بخش را پر کنید")]
    Missing,
    /// Latin letters, digits or signs.
    #[error("فقط حروف فارسی وارد کنید")]
    NotPersian,
    /// Longer than any real name.
    #[error("حداکثر ۵۰ نویسه مجاز است")]
    TooLong,
}

/// Normalises a name (ي/ك, spaces) and checks it is Persian letters only.
pub fn parse_persian_name(input: &str) -> Result<String, NameError> {
    let name = normalize_input(input);
    if name.is_empty() {
        return Err(NameError::Missing);
    }
    if name.chars().count() > 50 {
        return Err(NameError::TooLong);
    }
    let persian =
        |c: char| matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | 'پ' | 'چ' | 'ژ' | 'ک' | 'گ' | 'ی');
    if name.chars().all(|c| persian(c) || c == ' ' || c == '\u{200C}') {
        Ok(name)
    } else {
        Err(NameError::NotPersian)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_names_with_spaces_and_zwnj_are_accepted_and_normalised() {
        assert_eq!(parse_persian_name("  علي  رضا "), Ok("علی رضا".into()));
        assert_eq!(
            parse_persian_name("عبدالله\u{200C}زاده"),
            Ok("عبدالله\u{200C}زاده".into())
        );
    }

    #[test]
    fn latin_letters_digits_and_signs_are_refused() {
        for bad in ["Ali", "علی۲", "علی!", "<b>"] {
            assert_eq!(parse_persian_name(bad), Err(NameError::NotPersian), "{bad}");
        }
        assert_eq!(parse_persian_name(" "), Err(NameError::Missing));
    }
}
