//! E-mail addresses as people type them. The check is deliberately loose
//! (one `@`, a dotted domain, no spaces): only the activation link proves an
//! address works.

use std::fmt;

/// A syntactically plausible e-mail address, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

/// Why a typed e-mail address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing was typed.
    #[error("ایمیل را وارد کنید")]
    Missing,
    /// Not shaped like name@example.ir.
    #[error("ایمیل باید مانند name@example.ir باشد")]
    Malformed,
}

impl Email {
    /// Parses a typed address, trimmed and lower-cased.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let address = input.trim().to_lowercase();
        if address.is_empty() {
            return Err(EmailError::Missing);
        }
        let Some((local, domain)) = address.split_once('@') else {
            return Err(EmailError::Malformed);
        };
        let plausible = !local.is_empty()
            && address.len() <= 254
            && !domain.contains('@')
            && domain.split('.').count() >= 2
            && domain.split('.').all(|label| !label.is_empty())
            && address.chars().all(|c| c.is_ascii_graphic());
        if plausible {
            Ok(Email(address))
        } else {
            Err(EmailError::Malformed)
        }
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_address_is_accepted_and_lower_cased() {
        assert_eq!(
            Email::parse(" Ali@Example.IR ").map(|e| e.to_string()),
            Ok("ali@example.ir".into())
        );
    }

    #[test]
    fn addresses_without_a_dotted_domain_or_with_spaces_are_refused() {
        for bad in [
            "ali",
            "ali@",
            "@example.ir",
            "ali@example",
            "ali@example.",
            "a li@example.ir",
            "a@b@c.ir",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Malformed), "{bad}");
        }
        assert_eq!(Email::parse("  "), Err(EmailError::Missing));
    }
}
