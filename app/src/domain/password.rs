//! The rule for new passwords: long enough, not absurdly long, not one that
//! attackers try first, and not the person's own identifiers. No rules about
//! which kinds of characters to mix: they make passwords harder to remember,
//! not harder to guess (NIST SP 800-63B).

/// Shortest accepted password, in characters.
pub const MIN_CHARS: usize = 8;
/// Longest accepted password; long passphrases are welcome.
pub const MAX_CHARS: usize = 256;

const COMMON: &str = include_str!("common_passwords.txt");

/// Why a new password was refused, and the field the message belongs beside.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Shorter than [`MIN_CHARS`].
    #[error("کلمه عبور باید دست‌کم ۸ نویسه باشد")]
    TooShort,
    /// Longer than [`MAX_CHARS`].
    #[error("کلمه عبور نباید بیش از ۲۵۶ نویسه باشد")]
    TooLong,
    /// On the list of passwords tried first, or one of the person's identifiers.
    #[error("این کلمه عبور به‌آسانی حدس زده می‌شود؛ کلمه عبور دیگری برگزینید")]
    Guessable,
    /// The repeat differs from the password.
    #[error("تکرار کلمه عبور با خود آن یکسان نیست")]
    RepeatDiffers,
}

impl PasswordError {
    /// The form field the message is shown beside.
    pub fn field(&self) -> &'static str {
        match self {
            PasswordError::RepeatDiffers => "repeat_password",
            _ => "new_password",
        }
    }
}

/// Checks a new password and its repeat. `identifiers` are the person's
/// username, mobile and national id, none of which may be the password.
pub fn check_new_password(password: &str, repeat: &str, identifiers: &[&str]) -> Result<(), PasswordError> {
    let length = password.chars().count();
    if length < MIN_CHARS {
        return Err(PasswordError::TooShort);
    }
    if length > MAX_CHARS {
        return Err(PasswordError::TooLong);
    }
    let lowered = password.to_lowercase();
    let common = COMMON.lines().any(|line| line == lowered);
    let own = identifiers
        .iter()
        .any(|id| !id.is_empty() && lowered == id.to_lowercase());
    if common || own {
        return Err(PasswordError::Guessable);
    }
    if password != repeat {
        return Err(PasswordError::RepeatDiffers);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_long_uncommon_password_typed_twice_is_accepted() {
        assert_eq!(
            check_new_password("کوه دماوند در برف", "کوه دماوند در برف", &["applicant"]),
            Ok(())
        );
    }

    #[test]
    fn short_long_common_and_own_identifier_passwords_are_refused_with_their_reason() {
        assert_eq!(check_new_password("kotah", "kotah", &[]), Err(PasswordError::TooShort));
        let huge = "x".repeat(MAX_CHARS + 1);
        assert_eq!(check_new_password(&huge, &huge, &[]), Err(PasswordError::TooLong));
        assert_eq!(
            check_new_password("Password123", "Password123", &[]),
            Err(PasswordError::Guessable)
        );
        assert_eq!(
            check_new_password("09121234567", "09121234567", &["09121234567"]),
            Err(PasswordError::Guessable)
        );
    }

    #[test]
    fn a_different_repeat_is_reported_beside_the_repeat_field() {
        let error = check_new_password("a-good-long-one", "a-good-long-on", &[]).expect_err("differs");
        assert_eq!(
            (error.clone(), error.field()),
            (PasswordError::RepeatDiffers, "repeat_password")
        );
    }

    #[test]
    fn sixty_four_characters_are_allowed() {
        let long = "word ".repeat(13);
        assert_eq!(check_new_password(&long, &long, &[]), Ok(()));
    }

    proptest! {
        #[test]
        fn length_alone_decides_between_too_short_and_the_other_checks(password in "[a-z\u{0600}-\u{06FF}]{0,7}") {
            prop_assert_eq!(check_new_password(&password, &password, &[]), Err(PasswordError::TooShort));
        }
    }
}
