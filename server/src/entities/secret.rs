//! A column whose value must never reach a log: a password hash, an
//! authenticator secret, a code's hash, a captcha's answer. `Debug` on a row
//! (a `tracing` field, a panic message, `dbg!`) prints the other columns and
//! `Secret(…)` for this one; the value is read only through `expose`, so
//! every place that needs it says so.

use sea_orm::DeriveValueType;

/// A stored secret, printed as `Secret(…)`.
#[derive(Clone, PartialEq, Eq, DeriveValueType)]
pub struct Secret(String);

impl Secret {
    /// The value itself, for the one comparison or computation that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use sea_orm::{ActiveValue::Set, IntoActiveModel};

    use crate::entities::{captcha, one_time_code, user};

    const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";
    const TOTP: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    fn account() -> user::Model {
        let now = Utc::now();
        user::Model {
            id: 7,
            username: "officer.seven".into(),
            email: "officer@example.test".into(),
            mobile: "09120000007".into(),
            national_id: "0000000078".into(),
            first_name: "نمونه".into(),
            last_name: "آزمایشی".into(),
            password_hash: HASH.to_owned().into(),
            role: "staff".into(),
            is_active: true,
            created_at: now,
            updated_at: now,
            identity_verified_at: None,
            totp_secret: Some(TOTP.to_owned().into()),
            totp_enabled_at: Some(now),
            deactivated_at: None,
            totp_last_step: None,
        }
    }

    /// What a `tracing` field, a panic or `dbg!` would print for a row, the
    /// row about to be written and a one-field change.
    #[test]
    fn an_account_printed_for_a_log_holds_neither_its_password_hash_nor_its_authenticator_secret() {
        let row = account();
        let mut change = row.clone().into_active_model();
        change.password_hash = Set(HASH.to_owned().into());
        for printed in [
            format!("{row:?}"),
            format!("{row:#?}"),
            format!("{:?}", row.clone().into_active_model()),
            format!("{change:?}"),
        ] {
            assert!(printed.contains("officer.seven"), "the row is still printed: {printed}");
            assert!(
                !printed.contains("argon2id") && !printed.contains("aGFzaGhhc2g"),
                "{printed}"
            );
            assert!(!printed.contains(TOTP) && !printed.contains("JBSWY3DP"), "{printed}");
        }
    }

    #[test]
    fn a_code_and_a_captcha_printed_for_a_log_hold_neither_the_code_hash_nor_the_answer() {
        let now = Utc::now();
        let code = one_time_code::Model {
            id: 1,
            user_id: 7,
            purpose: "activation".into(),
            channel: "sms".into(),
            code_hash: "5f4dcc3b5aa765d61d8327deb882cf99".to_owned().into(),
            attempts: 0,
            created_at: now,
            expires_at: now,
            used_at: None,
        };
        let challenge = captcha::Model {
            id: "challenge-1".into(),
            answer: "48213".to_owned().into(),
            question: None,
            created_at: now,
            expires_at: now,
            used_at: None,
        };
        let printed = format!(
            "{code:?} {:?} {challenge:?} {:?}",
            code.clone().into_active_model(),
            challenge.clone().into_active_model()
        );
        assert!(
            printed.contains("challenge-1") && printed.contains("activation"),
            "{printed}"
        );
        assert!(!printed.contains("5f4dcc3b") && !printed.contains("48213"), "{printed}");
    }
}
