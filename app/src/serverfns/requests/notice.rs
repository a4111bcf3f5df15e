use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::errors::AppError;

/// Table 4 of the desk guideline: the decision notice as it was issued.
/// Stored whole when the decision is taken, so a later change of names or
/// titles never rewrites a notice already given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// Its number: the code that verifies it.
    pub number: String,
    /// Its date, Jalali.
    pub date: String,
    /// The request's tracking code.
    pub tracking_code: String,
    /// Service and sub-service.
    pub service: String,
    /// The applicant's full name.
    pub applicant: String,
    /// The applicant's national id, Persian digits.
    pub national_id: String,
    /// Legal basis and the reasoning behind the decision.
    pub reasoning: String,
    /// Whether the request was granted.
    pub granted: bool,
    /// The decision's main content.
    pub content: String,
    /// Where and within how long the applicant may appeal.
    pub appeal: String,
    /// Further notes.
    pub notes: String,
    /// Who issued it.
    pub issuer: String,
    /// The issuer's post.
    pub issuer_post: String,
}

impl Notice {
    /// The notice as the public verification page shows it: the national id
    /// shortened to its first and last digits, since anyone holding the code
    /// may read the page.
    pub fn for_the_public(mut self) -> Notice {
        let digits: Vec<char> = self.national_id.chars().collect();
        if digits.len() > 5 {
            let hidden = "•".repeat(digits.len() - 5);
            let head: String = digits[..3].iter().collect();
            let tail: String = digits[digits.len() - 2..].iter().collect();
            self.national_id = format!("{head}{hidden}{tail}");
        }
        self
    }
}

/// A decision notice by its number, to verify it is genuine; `None` when
/// no notice has that number. Anyone: numbers are not guessable and the
/// national id is shown shortened.
#[server(endpoint = "requests/notice")]
pub async fn verify_notice(number: String) -> Result<Option<Notice>, AppError> {
    use crate::contracts::{RequestDeskHandle, contract};
    crate::errors::with_status(contract::<RequestDeskHandle>()?.notice(&number).await)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_sees_only_the_ends_of_the_national_id() {
        let notice = Notice {
            number: "ABCD-EFGH2".into(),
            date: String::new(),
            tracking_code: String::new(),
            service: String::new(),
            applicant: String::new(),
            national_id: "۰۰۱۲۳۴۵۶۷۹".into(),
            reasoning: String::new(),
            granted: true,
            content: String::new(),
            appeal: String::new(),
            notes: String::new(),
            issuer: String::new(),
            issuer_post: String::new(),
        };
        assert_eq!(notice.for_the_public().national_id, "۰۰۱•••••۷۹");
    }
}
