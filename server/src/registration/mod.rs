//! Sign-up, activation and password reset: the `Registration` contract of
//! `app`. Every step is limited per address and, where an account is named,
//! per account, and every message goes through the outbox.

pub mod captcha;
pub mod codes;

use std::sync::Arc;
use std::time::Duration;

use app::contracts::registration::CaptchaChallenge;
use app::contracts::registration::{CaptchaAnswer, PasswordReset, Registration};
use app::domain::{
    normalize::normalize_input,
    password::check_new_password,
    signup::{FieldProblem, SignUpInput},
};
use app::errors::AppError;
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait,
};

use self::codes::{Check, Purpose};
use crate::entities::user;
use crate::errors::internal;
use crate::passwords;
use crate::rate_limit::RateLimiter;
use crate::sessions::end_sessions;

const WRONG_CODE: &str = "کد واردشده درست نیست یا منقضی شده است";
const CODE_EXHAUSTED: &str = "این کد بیش از حد مجاز نادرست وارد شد؛ کد تازه بخواهید";
const BAD_LINK: &str = "این پیوند بازیابی نامعتبر، منقضی یا پیش‌تر استفاده شده است";
const WRONG_CAPTCHA: &str = "پاسخ تصویر امنیتی درست نیست؛ تصویر تازه را وارد کنید";

/// Registration over the database.
#[derive(Clone)]
pub struct SeaOrmRegistration {
    db: DatabaseConnection,
    base_url: String,
    per_address: Arc<RateLimiter>,
    per_account: Arc<RateLimiter>,
    sends: Arc<RateLimiter>,
    captchas: Arc<RateLimiter>,
}

impl SeaOrmRegistration {
    /// Registration over `db`; links in e-mails start with `base_url`.
    /// In any 10 minutes one address may make 60 sign-up, code or reset
    /// attempts and fetch 300 captchas; one account may get 3 sets of codes
    /// and make 10 code checks.
    pub fn new(db: DatabaseConnection, base_url: &str) -> Self {
        let window = Duration::from_secs(600);
        Self {
            db,
            base_url: base_url.trim_end_matches('/').to_owned(),
            per_address: Arc::new(RateLimiter::new(60, window)),
            per_account: Arc::new(RateLimiter::new(10, window)),
            sends: Arc::new(RateLimiter::new(3, window)),
            captchas: Arc::new(RateLimiter::new(300, window)),
        }
    }

    fn limit_address(&self, client: &str) -> Result<(), AppError> {
        if self.per_address.try_acquire(&format!("registration:{client}")) {
            Ok(())
        } else {
            tracing::warn!(%client, "registration refused: too many attempts from this address");
            Err(AppError::TooManyAttempts)
        }
    }

    fn limit_account(&self, what: &str, user_id: i32) -> Result<(), AppError> {
        if self.per_account.try_acquire(&format!("{what}:{user_id}")) {
            Ok(())
        } else {
            tracing::warn!(user_id, what, "refused: too many attempts on one account");
            Err(AppError::TooManyAttempts)
        }
    }

    async fn find_user(&self, username: &str) -> Result<Option<user::Model>, AppError> {
        // Accounts an administrator deactivated are out of reach of every
        // code and link: none of them may switch the account back on.
        user::Entity::find()
            .filter(user::Column::DeactivatedAt.is_null())
            .filter(user::Column::Username.eq(normalize_input(username).to_lowercase()))
            .one(&self.db)
            .await
            .map_err(|e| internal("account lookup", &e))
    }

    /// The account whose username or mobile number `who` is.
    async fn find_by_username_or_mobile(&self, who: &str) -> Result<Option<user::Model>, AppError> {
        let who = normalize_input(who).to_lowercase();
        let mobile = app::domain::mobile::Mobile::parse(&who)
            .map(|m| m.to_string())
            .unwrap_or_default();
        user::Entity::find()
            .filter(
                Condition::any()
                    .add(user::Column::Username.eq(&who))
                    .add(user::Column::Mobile.eq(mobile)),
            )
            .filter(user::Column::DeactivatedAt.is_null())
            .one(&self.db)
            .await
            .map_err(|e| internal("account lookup", &e))
    }

    /// Fields of `input` already used by another account.
    async fn duplicates(&self, input: &app::domain::signup::SignUp) -> Result<Vec<FieldProblem>, AppError> {
        let taken = user::Entity::find()
            .filter(
                Condition::any()
                    .add(user::Column::Username.eq(&input.username))
                    .add(user::Column::Email.eq(input.email.as_str()))
                    .add(user::Column::Mobile.eq(input.mobile.as_str()))
                    .add(user::Column::NationalId.eq(input.national_id.as_str())),
            )
            .all(&self.db)
            .await
            .map_err(|e| internal("duplicate check", &e))?;
        let mut problems = Vec::new();
        let mut flag = |clash: bool, field: &'static str, message: &str| {
            if clash && !problems.iter().any(|p: &FieldProblem| p.field == field) {
                problems.push(FieldProblem {
                    field,
                    message: message.to_owned(),
                });
            }
        };
        for other in &taken {
            flag(
                other.username == input.username,
                "username",
                "این نام کاربری پیش از این گرفته شده است؛ نام دیگری برگزینید",
            );
            flag(other.email == input.email.as_str(), "email", "ایمیل تکراری می باشد");
            flag(other.mobile == input.mobile.as_str(), "mobile", "موبایل تکراری می باشد");
            flag(
                other.national_id == input.national_id.as_str(),
                "national_id",
                "کد ملی تکراری می باشد",
            );
        }
        Ok(problems)
    }

    /// Sends new codes for `purpose` to `account` unless it has had too many.
    pub async fn send_codes(&self, account: &user::Model, purpose: Purpose) -> Result<(), AppError> {
        if !self.sends.try_acquire(&account.id.to_string()) {
            tracing::warn!(user_id = account.id, "codes not sent: too many sends to one account");
            return Err(AppError::TooManyAttempts);
        }
        codes::send_codes(&self.db, account, purpose, &self.base_url)
            .await
            .map_err(|e| internal("sending codes", &e))
    }
}

#[async_trait]
impl Registration for SeaOrmRegistration {
    async fn new_captcha(&self, spoken: bool, client: &str) -> Result<CaptchaChallenge, AppError> {
        if !self.captchas.try_acquire(client) {
            return Err(AppError::TooManyAttempts);
        }
        captcha::issue(&self.db, spoken)
            .await
            .map_err(|e| internal("new captcha", &e))
    }

    async fn sign_up(&self, input: SignUpInput, answer: CaptchaAnswer, client: &str) -> Result<String, AppError> {
        self.limit_address(client)?;
        let captcha_right = captcha::consume(&self.db, &answer.id, &answer.answer)
            .await
            .map_err(|e| internal("captcha check", &e))?;
        let mut problems = match input.validate() {
            Ok(_) => Vec::new(),
            Err(problems) => problems,
        };
        if !captcha_right {
            problems.push(FieldProblem {
                field: "captcha_answer",
                message: WRONG_CAPTCHA.to_owned(),
            });
            return Err(problems.into());
        }
        let Ok(signup) = input.validate() else {
            return Err(problems.into());
        };
        // Duplicates are looked up only behind a solved captcha, so the
        // form cannot be used to list who has an account.
        let duplicates = self.duplicates(&signup).await?;
        if !duplicates.is_empty() {
            return Err(duplicates.into());
        }
        let password_hash = passwords::hash(signup.password.clone())
            .await
            .map_err(|e| internal("password hash", &e))?;
        let created = async {
            let txn = self.db.begin().await?;
            let now = Utc::now();
            let account = user::ActiveModel {
                username: Set(signup.username.clone()),
                email: Set(signup.email.to_string()),
                mobile: Set(signup.mobile.to_string()),
                national_id: Set(signup.national_id.to_string()),
                first_name: Set(signup.first_name.clone()),
                last_name: Set(signup.last_name.clone()),
                password_hash: Set(password_hash.into()),
                role: Set(app::domain::role::Role::Applicant.as_str().to_owned()),
                is_active: Set(false),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            codes::send_codes(&txn, &account, Purpose::Activation, &self.base_url).await?;
            txn.commit().await?;
            Ok::<_, sea_orm::DbErr>(account)
        };
        match created.await {
            Ok(account) => {
                tracing::info!(user_id = account.id, "applicant signed up; activation sent");
                Ok(account.username)
            }
            // Two sign-ups with the same details at the same moment: the
            // unique indexes let one through.
            Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
                Err(AppError::invalid(
                    "username",
                    "این اطلاعات هم‌اکنون برای حساب دیگری ثبت شد؛ دوباره بررسی کنید",
                ))
            }
            Err(e) => Err(internal("sign-up", &e)),
        }
    }

    async fn activate_by_code(&self, username: &str, code: &str, client: &str) -> Result<(), AppError> {
        self.limit_address(client)?;
        let Some(account) = self.find_user(username).await?.filter(|a| !a.is_active) else {
            return Err(AppError::invalid("code", WRONG_CODE));
        };
        self.limit_account("check", account.id)?;
        match codes::check_sms(&self.db, account.id, Purpose::Activation, code).await {
            Ok(Check::Accepted) => activate(&self.db, account).await,
            Ok(Check::Refused) => Err(AppError::invalid("code", WRONG_CODE)),
            Ok(Check::Exhausted) => Err(AppError::invalid("code", CODE_EXHAUSTED)),
            Err(e) => Err(internal("activation code check", &e)),
        }
    }

    async fn activate_by_link(&self, token: &str, client: &str) -> Result<(), AppError> {
        self.limit_address(client)?;
        let user_id = codes::use_link(&self.db, token, Purpose::Activation)
            .await
            .map_err(|e| internal("activation link", &e))?
            .ok_or_else(|| AppError::invalid("token", "این پیوند فعال‌سازی نامعتبر، منقضی یا پیش‌تر استفاده شده است"))?;
        let account = user::Entity::find_by_id(user_id)
            .one(&self.db)
            .await
            .map_err(|e| internal("activation lookup", &e))?
            .filter(|a| a.deactivated_at.is_none())
            .ok_or(AppError::Forbidden)?;
        activate(&self.db, account).await
    }

    async fn resend_activation(&self, username: &str, client: &str) -> Result<(), AppError> {
        self.limit_address(client)?;
        match self.find_user(username).await? {
            Some(account) if !account.is_active => self.send_codes(&account, Purpose::Activation).await,
            _ => Ok(()),
        }
    }

    async fn request_password_reset(&self, who: &str, client: &str) -> Result<(), AppError> {
        self.limit_address(client)?;
        if normalize_input(who).is_empty() {
            return Err(AppError::invalid("who", "نام کاربری یا شماره موبایل را وارد کنید"));
        }
        let account = self.find_by_username_or_mobile(who).await?;
        if let Some(account) = account {
            // Too many requests for one account are dropped quietly, as the
            // answer must not tell whether the account exists.
            if self.send_codes(&account, Purpose::Reset).await.is_ok() {
                tracing::info!(user_id = account.id, "password reset codes sent");
            }
        }
        Ok(())
    }

    async fn reset_password(&self, reset: PasswordReset, client: &str) -> Result<(), AppError> {
        self.limit_address(client)?;
        let by_link = reset.username.trim().is_empty();
        let account = if by_link {
            let owner = codes::link_owner(&self.db, &reset.code, Purpose::Reset)
                .await
                .map_err(|e| internal("reset link", &e))?;
            match owner {
                Some(id) => user::Entity::find_by_id(id)
                    .one(&self.db)
                    .await
                    .map_err(|e| internal("reset lookup", &e))?,
                None => None,
            }
            .filter(|a| a.deactivated_at.is_none())
            .ok_or_else(|| AppError::invalid("code", BAD_LINK))?
        } else {
            self.find_by_username_or_mobile(&reset.username)
                .await?
                .ok_or_else(|| AppError::invalid("code", WRONG_CODE))?
        };
        // The new password is checked before the code is spent, so a weak
        // password does not cost the person their code.
        let identifiers = [
            account.username.as_str(),
            account.mobile.as_str(),
            account.national_id.as_str(),
        ];
        check_new_password(&reset.new, &reset.repeat, &identifiers)
            .map_err(|e| AppError::invalid(e.field(), e.to_string()))?;
        if by_link {
            let used = codes::use_link(&self.db, &reset.code, Purpose::Reset)
                .await
                .map_err(|e| internal("reset link", &e))?;
            if used != Some(account.id) {
                return Err(AppError::invalid("code", BAD_LINK));
            }
        } else {
            self.limit_account("check", account.id)?;
            match codes::check_sms(&self.db, account.id, Purpose::Reset, &reset.code).await {
                Ok(Check::Accepted) => {}
                Ok(Check::Refused) => return Err(AppError::invalid("code", WRONG_CODE)),
                Ok(Check::Exhausted) => return Err(AppError::invalid("code", CODE_EXHAUSTED)),
                Err(e) => return Err(internal("reset code check", &e)),
            }
        }
        let new_hash = passwords::hash(reset.new)
            .await
            .map_err(|e| internal("password hash", &e))?;
        let replaced = async {
            let txn = self.db.begin().await?;
            let user_id = account.id;
            // A code that reached the person's phone or mailbox proves them
            // as well as activation does; a deactivation in between wins.
            user::Entity::update_many()
                .col_expr(user::Column::PasswordHash, sea_orm::sea_query::Expr::value(new_hash))
                .col_expr(user::Column::IsActive, sea_orm::sea_query::Expr::value(true))
                .col_expr(user::Column::UpdatedAt, sea_orm::sea_query::Expr::value(Utc::now()))
                .filter(user::Column::Id.eq(user_id))
                .filter(user::Column::DeactivatedAt.is_null())
                .exec(&txn)
                .await?;
            end_sessions(&txn, user_id).await?;
            txn.commit().await?;
            Ok::<_, sea_orm::DbErr>(user_id)
        };
        let user_id = replaced.await.map_err(|e| internal("password reset", &e))?;
        tracing::info!(user_id, "password reset; every session ended");
        Ok(())
    }
}

async fn activate(db: &DatabaseConnection, account: user::Model) -> Result<(), AppError> {
    let user_id = account.id;
    // Conditional, so an administrator's deactivation in between wins.
    let done = user::Entity::update_many()
        .col_expr(user::Column::IsActive, sea_orm::sea_query::Expr::value(true))
        .col_expr(user::Column::UpdatedAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(user::Column::Id.eq(user_id))
        .filter(user::Column::DeactivatedAt.is_null())
        .exec(db)
        .await
        .map_err(|e| internal("activation", &e))?;
    if done.rows_affected != 1 {
        return Err(AppError::Forbidden);
    }
    tracing::info!(user_id, "account activated");
    Ok(())
}
