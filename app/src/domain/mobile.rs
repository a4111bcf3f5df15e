//! Iranian mobile numbers, as people type them: 0912…, +98912…, 0098912…,
//! 912…, with Persian digits, spaces or dashes.

use std::fmt;

use super::normalize::normalize_digits;

/// A mobile number in its canonical form `09xxxxxxxxx`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mobile(String);

/// Why a typed mobile number was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MobileError {
    /// Nothing was typed.
    #[error("شماره موبایل را وارد کنید")]
    Empty,
    /// Not an Iranian mobile number.
    #[error("شماره موبایل باید مانند ۰۹۱۲۳۴۵۶۷۸۹ باشد")]
    Malformed,
}

impl Mobile {
    /// Parses a typed number into the canonical `09xxxxxxxxx` form.
    pub fn parse(input: &str) -> Result<Self, MobileError> {
        let cleaned: String = normalize_digits(input)
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '(' | ')' | '.'))
            .collect();
        if cleaned.is_empty() {
            return Err(MobileError::Empty);
        }
        let national = cleaned
            .strip_prefix("+98")
            .or_else(|| cleaned.strip_prefix("0098"))
            .or_else(|| cleaned.strip_prefix("98").filter(|rest| rest.len() == 10))
            .or_else(|| cleaned.strip_prefix('0'))
            .unwrap_or(&cleaned);
        let valid = national.len() == 10 && national.starts_with('9') && national.chars().all(|c| c.is_ascii_digit());
        if valid {
            Ok(Self(format!("0{national}")))
        } else {
            Err(MobileError::Malformed)
        }
    }

    /// The canonical eleven ASCII digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Mobile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_common_way_of_writing_a_number_gives_the_same_mobile() {
        for typed in [
            "09123456789",
            "+989123456789",
            "00989123456789",
            "989123456789",
            "9123456789",
            "۰۹۱۲ ۳۴۵ ۶۷۸۹",
            "0912-345-6789",
        ] {
            assert_eq!(
                Mobile::parse(typed).map(|m| m.to_string()),
                Ok("09123456789".to_owned()),
                "{typed}"
            );
        }
    }

    #[test]
    fn landlines_short_numbers_and_letters_are_refused() {
        for typed in [
            "02188776655",
            "0912345678",
            "091234567890",
            "0912abc6789",
            "+1 212 555 0100",
        ] {
            assert_eq!(Mobile::parse(typed), Err(MobileError::Malformed), "{typed}");
        }
        assert_eq!(Mobile::parse(" "), Err(MobileError::Empty));
    }

    proptest! {
        #[test]
        fn a_canonical_number_parses_to_itself(rest in "9[0-9]{9}") {
            let canonical = format!("0{rest}");
            prop_assert_eq!(Mobile::parse(&canonical).map(|m| m.to_string()), Ok(canonical));
        }
    }
}
