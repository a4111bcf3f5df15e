//! The Iranian national id (کد ملی): ten digits, the last a check digit.

use std::fmt;

use super::normalize::normalize_digits;

/// A national id whose check digit has been verified.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NationalId(String);

/// Why a typed national id was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NationalIdError {
    /// Nothing was typed.
    #[error("کد ملی را وارد کنید")]
    Empty,
    /// Something other than 8 to 10 digits was typed.
    #[error("کد ملی باید ۱۰ رقم باشد")]
    WrongLength,
    /// The digits do not pass the check-digit rule, usually a typo.
    #[error("کد ملی معتبر نیست؛ لطفاً رقم‌ها را دوباره بررسی کنید")]
    BadCheckDigit,
}

impl NationalId {
    /// Parses what a person typed: Persian or Arabic digits are accepted, and
    /// ids written without their leading zeros (8 or 9 digits) are padded,
    /// as registry cards print them both ways.
    pub fn parse(input: &str) -> Result<Self, NationalIdError> {
        let digits: String = normalize_digits(input)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if digits.is_empty() {
            return Err(NationalIdError::Empty);
        }
        if !(8..=10).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(NationalIdError::WrongLength);
        }
        let padded = format!("{digits:0>10}");
        if !has_valid_check_digit(&padded) {
            return Err(NationalIdError::BadCheckDigit);
        }
        Ok(Self(padded))
    }

    /// The ten ASCII digits, as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The check digit is derived from the first nine digits weighted 10 down to
/// 2, modulo 11. Ids made of one repeated digit pass that sum but are never
/// issued, so they are refused too.
fn has_valid_check_digit(ten_digits: &str) -> bool {
    let d: Vec<u32> = ten_digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 10 || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let sum: u32 = d[..9].iter().zip((2..=10).rev()).map(|(x, w)| x * w).sum();
    check_digit_for(sum) == d[9]
}

fn check_digit_for(weighted_sum: u32) -> u32 {
    let r = weighted_sum % 11;
    if r < 2 { r } else { 11 - r }
}

/// Completes nine digits with their check digit; demo data and tests use it
/// to invent ids that are valid but belong to nobody.
pub fn with_check_digit(nine_digits: &str) -> Option<String> {
    let d: Vec<u32> = nine_digits.chars().map(|c| c.to_digit(10)).collect::<Option<_>>()?;
    if d.len() != 9 {
        return None;
    }
    let sum: u32 = d.iter().zip((2..=10).rev()).map(|(x, w)| x * w).sum();
    Some(format!("{nine_digits}{}", check_digit_for(sum)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_well_formed_id_is_accepted_from_persian_digits() {
        let id = with_check_digit("001234567").expect("nine digits");
        let persian = crate::domain::digits::to_persian_digits(&id);
        assert_eq!(NationalId::parse(&persian).map(|n| n.to_string()), Ok(id));
    }

    #[test]
    fn leading_zeros_may_be_left_out() {
        let id = with_check_digit("001234567").expect("nine digits");
        assert_eq!(NationalId::parse(&id[2..]).map(|n| n.to_string()), Ok(id));
    }

    #[test]
    fn empty_short_and_repeated_ids_are_refused_with_their_reason() {
        assert_eq!(NationalId::parse("  "), Err(NationalIdError::Empty));
        assert_eq!(NationalId::parse("12345"), Err(NationalIdError::WrongLength));
        assert_eq!(NationalId::parse("12345678901"), Err(NationalIdError::WrongLength));
        assert_eq!(NationalId::parse("11111111a1"), Err(NationalIdError::WrongLength));
        assert_eq!(NationalId::parse("1111111111"), Err(NationalIdError::BadCheckDigit));
    }

    proptest! {
        #[test]
        fn every_completed_id_is_valid(nine in "[0-9]{9}") {
            let id = with_check_digit(&nine).expect("nine digits");
            prop_assume!(!id.chars().all(|c| id.starts_with(c)));
            prop_assert!(NationalId::parse(&id).is_ok());
        }

        #[test]
        fn changing_the_check_digit_is_detected(nine in "[0-9]{9}", delta in 1u32..10) {
            let id = with_check_digit(&nine).expect("nine digits");
            let last = id.chars().last().and_then(|c| c.to_digit(10)).expect("digit");
            let wrong = format!("{}{}", &id[..9], (last + delta) % 10);
            prop_assert_eq!(NationalId::parse(&wrong), Err(NationalIdError::BadCheckDigit));
        }
    }
}
