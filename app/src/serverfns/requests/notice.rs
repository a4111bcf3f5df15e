use leptos::prelude::*;

use crate::contracts::requests::Notice;
use crate::errors::AppError;

/// A decision notice by its number, to verify it is genuine; `None` when
/// no notice has that number. Anyone: numbers are not guessable and the
/// national id is shown shortened.
#[server(endpoint = "requests/notice")]
pub async fn verify_notice(number: String) -> Result<Option<Notice>, AppError> {
    use crate::contracts::contract;
    use crate::contracts::requests::RequestDeskHandle;
    crate::serverfns::status::with_status(contract::<RequestDeskHandle>()?.notice(&number).await)
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
