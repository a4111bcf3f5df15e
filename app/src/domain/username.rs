//! Usernames: what a person types to sign in, so they must be easy to type
//! on any keyboard and never confusable.

/// Why a chosen username was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsernameError {
    /// Nothing was typed.
    #[error("نام کاربری را وارد کنید")]
    Missing,
    /// Outside 4 to 32 characters.
    #[error("نام کاربری باید ۴ تا ۳۲ نویسه باشد")]
    Length,
    /// Anything but Latin letters, digits, dot, dash and underscore.
    #[error("نام کاربری فقط از حروف انگلیسی، رقم، نقطه، خط تیره و زیرخط تشکیل شود و با حرف آغاز شود")]
    Characters,
}

/// Checks a chosen username and returns it lower-cased; usernames are
/// stored lower-case so that "Ali" and "ali" are the same person.
pub fn parse_username(input: &str) -> Result<String, UsernameError> {
    let name = crate::domain::normalize::normalize_digits(input.trim()).to_lowercase();
    if name.is_empty() {
        return Err(UsernameError::Missing);
    }
    if !(4..=32).contains(&name.chars().count()) {
        return Err(UsernameError::Length);
    }
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_');
    if name.starts_with(|c: char| c.is_ascii_lowercase()) && name.chars().all(allowed) {
        Ok(name)
    } else {
        Err(UsernameError::Characters)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_lower_cased() {
        assert_eq!(parse_username(" Sara.Ahmadi "), Ok("sara.ahmadi".into()));
    }

    #[test]
    fn short_long_or_odd_usernames_are_refused() {
        assert_eq!(parse_username("abc"), Err(UsernameError::Length));
        assert_eq!(parse_username(&"a".repeat(33)), Err(UsernameError::Length));
        assert_eq!(parse_username("سارا۱۲"), Err(UsernameError::Characters));
        assert_eq!(parse_username("1sara"), Err(UsernameError::Characters));
        assert_eq!(parse_username("sara ahmadi"), Err(UsernameError::Characters));
    }
}
