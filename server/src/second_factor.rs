//! The staff's second factor: a TOTP code from an authenticator app
//! (RFC 6238, SHA-1, 6 digits, 30 s — what every app supports). A staff
//! session opened with the password alone reaches nothing but this step;
//! the first time, the page shows the secret as a QR code to enrol.

use std::sync::Arc;
use std::time::Duration;

use app::contracts::second_factor::SecondFactor;
use app::contracts::second_factor::SecondFactorState;
use app::contracts::session::NewSession;
use app::domain::{normalize::digits_only, role::Role};
use app::errors::AppError;
use async_trait::async_trait;
use base64::{Engine as _, engine::general_purpose::STANDARD};
use chrono::Utc;
use rand::RngCore as _;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, sea_query::Expr};
use totp_rs::{Algorithm, Secret, TOTP};

use crate::entities::{session, user};
use crate::errors::internal;
use crate::rate_limit::RateLimiter;
use crate::sessions::{session_with_account, token_hash};

const ISSUER: &str = "Mizekhedmat";

/// Second factors over the database.
#[derive(Clone)]
pub struct SeaOrmSecondFactor {
    db: DatabaseConnection,
    tries: Arc<RateLimiter>,
}

impl SeaOrmSecondFactor {
    /// Second factors over `db`: 5 wrong codes per account in 10 minutes.
    pub fn new(db: DatabaseConnection) -> Self {
        Self {
            db,
            tries: Arc::new(RateLimiter::new(5, Duration::from_secs(600))),
        }
    }

    /// The staff member holding session `token`, with the session.
    async fn staff(&self, token: &str) -> Result<(session::Model, user::Model), AppError> {
        let found = session_with_account(&self.db, token_hash(token))
            .await
            .map_err(|e| internal("second factor lookup", &e))?;
        let Some((row, Some(account))) = found else {
            return Err(AppError::Unauthenticated);
        };
        let now = Utc::now();
        if row.ended_at.is_some() || now >= row.expires_at || !account.is_active || account.deactivated_at.is_some() {
            return Err(AppError::Unauthenticated);
        }
        if !Role::parse(&account.role).is_some_and(Role::is_staff) {
            return Err(AppError::Forbidden);
        }
        Ok((row, account))
    }
}

/// The length of one authenticator step, in seconds.
const STEP_SECONDS: u64 = 30;

/// The TOTP of `account` with base32 `secret`, accepting the steps just
/// before and after now for clocks that drift.
pub fn totp(secret: &str, account: &str) -> Result<TOTP, String> {
    totp_with_skew(secret, account, 1)
}

fn totp_with_skew(secret: &str, account: &str, skew: u8) -> Result<TOTP, String> {
    let bytes = Secret::Encoded(secret.to_owned())
        .to_bytes()
        .map_err(|e| format!("{e:?}"))?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        skew,
        STEP_SECONDS,
        bytes,
        Some(ISSUER.to_owned()),
        account.to_owned(),
    )
    .map_err(|e| e.to_string())
}

/// A fresh 160-bit secret, base32 as authenticator apps show it.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rng().fill_bytes(&mut bytes);
    Secret::Raw(bytes.to_vec()).to_encoded().to_string()
}

/// The code an authenticator app shows now.
pub fn current_code(secret: &str, account: &str) -> Option<String> {
    totp(secret, account).ok()?.generate_current().ok()
}

/// The authenticator step `now` falls in.
fn step_at(now: chrono::DateTime<Utc>) -> u64 {
    u64::try_from(now.timestamp()).unwrap_or_default() / STEP_SECONDS
}

/// The step (before, at or after `now`'s) that `code` belongs to, if any.
fn step_of(secret: &str, account: &str, code: &str, now: chrono::DateTime<Utc>) -> Result<Option<i64>, String> {
    let strict = totp_with_skew(secret, account, 0)?;
    let current = step_at(now);
    Ok([current.saturating_sub(1), current, current + 1]
        .into_iter()
        .find(|step| strict.check(code, step * STEP_SECONDS))
        .and_then(|step| i64::try_from(step).ok()))
}

/// A code the server would still accept after the step `last_step` was
/// used: now's, else the next step's; for the demo's messages page, where
/// a person trying the demo has no authenticator app.
pub fn usable_code(secret: &str, account: &str, last_step: Option<i64>) -> Option<String> {
    let strict = totp_with_skew(secret, account, 0).ok()?;
    let current = step_at(Utc::now());
    let step = [current, current + 1]
        .into_iter()
        .find(|step| last_step.is_none_or(|last| i64::try_from(*step).is_ok_and(|step| step > last)))?;
    Some(strict.generate(step * STEP_SECONDS))
}

/// The enrolment QR code as an SVG data URL.
fn qr_data_url(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .build();
    Some(format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg)))
}

#[async_trait]
impl SecondFactor for SeaOrmSecondFactor {
    async fn status(&self, token: &str) -> Result<SecondFactorState, AppError> {
        let (_, account) = self.staff(token).await?;
        if account.totp_enabled_at.is_some() {
            return Ok(SecondFactorState {
                enrolled: true,
                secret: None,
                qr: None,
            });
        }
        let secret = match &account.totp_secret {
            Some(secret) => secret.expose().to_owned(),
            None => {
                let secret = new_secret();
                let mut row: user::ActiveModel = account.clone().into();
                row.totp_secret = Set(Some(secret.clone().into()));
                row.update(&self.db)
                    .await
                    .map_err(|e| internal("second factor secret", &e))?;
                secret
            }
        };
        let url = totp(&secret, &account.username)
            .map_err(|e| internal("totp", &e))?
            .get_url();
        Ok(SecondFactorState {
            enrolled: false,
            qr: qr_data_url(&url),
            secret: Some(secret),
        })
    }

    async fn verify(&self, token: &str, code: &str) -> Result<NewSession, AppError> {
        let (row, account) = self.staff(token).await?;
        let key = account.id.to_string();
        if !self.tries.try_acquire(&key) {
            tracing::warn!(user_id = account.id, "second factor refused: too many codes");
            return Err(AppError::TooManyAttempts);
        }
        let Some(secret) = account.totp_secret.as_ref().map(|s| s.expose().to_owned()) else {
            return Err(AppError::invalid("code", "ابتدا برنامه تأیید هویت را راه‌اندازی کنید"));
        };
        let now = Utc::now();
        let Some(step) =
            step_of(&secret, &account.username, &digits_only(code), now).map_err(|e| internal("totp", &e))?
        else {
            tracing::info!(user_id = account.id, "second factor failed");
            return Err(AppError::invalid("code", "کد درست نیست؛ کد تازه برنامه را وارد کنید"));
        };
        // A code counts once, on every instance: the step only moves forward.
        let first_use = user::Entity::update_many()
            .col_expr(user::Column::TotpLastStep, Expr::value(step))
            .filter(user::Column::Id.eq(account.id))
            .filter(
                sea_orm::Condition::any()
                    .add(user::Column::TotpLastStep.is_null())
                    .add(user::Column::TotpLastStep.lt(step)),
            )
            .exec(&self.db)
            .await
            .map_err(|e| internal("second factor step", &e))?;
        if first_use.rows_affected != 1 {
            tracing::warn!(user_id = account.id, "second factor refused: a code used before");
            return Err(AppError::invalid(
                "code",
                "این کد پیش‌تر به کار رفته است؛ منتظر کد تازه برنامه بمانید و آن را وارد کنید",
            ));
        }
        self.tries.reset(&key);
        if account.totp_enabled_at.is_none() {
            user::Entity::update_many()
                .col_expr(user::Column::TotpEnabledAt, Expr::value(now))
                .filter(user::Column::Id.eq(account.id))
                .exec(&self.db)
                .await
                .map_err(|e| internal("second factor enrolment", &e))?;
        }
        let fresh = crate::sessions::new_token();
        session::Entity::update_many()
            .col_expr(session::Column::SecondFactorAt, Expr::value(now))
            .col_expr(session::Column::TokenHash, Expr::value(token_hash(&fresh)))
            .filter(session::Column::Id.eq(row.id))
            .exec(&self.db)
            .await
            .map_err(|e| internal("second factor session", &e))?;
        tracing::info!(user_id = account.id, "second factor passed");
        Ok(NewSession {
            token: fresh,
            expires_at: row.expires_at,
            second_factor_required: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_secret_gives_codes_its_own_check_accepts() {
        let secret = new_secret();
        let totp = totp(&secret, "desk.tehran").expect("valid secret");
        let code = totp.generate_current().expect("code");
        assert_eq!(code.len(), 6);
        assert!(totp.check_current(&code).expect("check"));
        assert!(totp.get_url().starts_with("otpauth://totp/Mizekhedmat:desk.tehran?"));
    }
}
