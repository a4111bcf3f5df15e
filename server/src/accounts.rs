//! Signing in, sessions and signing out: the `Accounts` contract of `app`.

use std::sync::Arc;
use std::time::Duration;

use app::contracts::accounts::{Accounts, PasswordChange};
use app::contracts::session::{NewSession, SessionUser};
use app::domain::{normalize::normalize_input, password::check_new_password, role::Role};
use app::errors::AppError;
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait};
use tokio::sync::OnceCell;

use crate::entities::{session, user};
use crate::errors::internal;
use crate::passwords;
use crate::rate_limit::RateLimiter;
use crate::sessions::{IDLE_TIMEOUT, TOUCH_INTERVAL, end_sessions, open_session, session_with_account, token_hash};

/// A person's full name, as staff and receipts show it.
pub fn full_name(account: &user::Model) -> String {
    format!("{} {}", account.first_name, account.last_name)
}

const DEACTIVATED: &str = "این حساب غیرفعال شده است؛ برای فعال شدن دوباره با راهبر سامانه تماس بگیرید";
const WRONG_CREDENTIALS: &str = "نام کاربری یا کلمه عبور نادرست است";
const NOT_ACTIVATED: &str =
    "حساب کاربری شما هنوز فعال نشده است. کد فعال‌سازی به موبایل و پیوند آن به ایمیل شما دوباره فرستاده شد.";

/// Accounts over the database, with per-address and per-account limits.
#[derive(Clone)]
pub struct SeaOrmAccounts {
    db: DatabaseConnection,
    per_address: Arc<RateLimiter>,
    per_account: Arc<RateLimiter>,
    // Sends the activation code and link again when an inactive account
    // signs in with the right password.
    registration: Option<Arc<crate::registration::SeaOrmRegistration>>,
    // Unknown usernames are checked against this hash so that they take as
    // long as wrong passwords and do not reveal which accounts exist.
    decoy_hash: Arc<OnceCell<String>>,
}

impl SeaOrmAccounts {
    /// Accounts over `db`: 30 sign-in attempts per address and 5 failures
    /// per account in any 10 minutes.
    pub fn new(db: DatabaseConnection) -> Self {
        Self::with_limits(db, 30, 5)
    }

    /// Accounts with explicit limits, for tests.
    pub fn with_limits(db: DatabaseConnection, per_address: u32, per_account: u32) -> Self {
        let window = Duration::from_secs(600);
        Self {
            db,
            per_address: Arc::new(RateLimiter::new(per_address, window)),
            per_account: Arc::new(RateLimiter::new(per_account, window)),
            decoy_hash: Arc::new(OnceCell::new()),
            registration: None,
        }
    }

    /// Lets sign-in resend activation codes through `registration`.
    pub fn resending_through(mut self, registration: Arc<crate::registration::SeaOrmRegistration>) -> Self {
        self.registration = Some(registration);
        self
    }

    async fn password_matches(&self, password: &str, account: Option<&user::Model>) -> Result<bool, AppError> {
        let stored = match account {
            Some(a) => a.password_hash.expose().to_owned(),
            None => self
                .decoy_hash
                .get_or_try_init(|| passwords::hash("decoy password for unknown usernames".to_owned()))
                .await
                .map_err(|e| internal("decoy hash", &e))?
                .clone(),
        };
        Ok(passwords::verify(password.to_owned(), stored).await && account.is_some())
    }
}

/// The rate-limit key of an account; usernames are stored lower-case.
fn account_key(username: &str) -> String {
    format!("account:{}", username.to_lowercase())
}

#[async_trait]
impl Accounts for SeaOrmAccounts {
    async fn sign_in(&self, username: &str, password: &str, client: &str) -> Result<NewSession, AppError> {
        let username = normalize_input(username).to_lowercase();
        if username.is_empty() {
            return Err(AppError::invalid("username", "نام کاربری را وارد کنید"));
        }
        if password.is_empty() {
            return Err(AppError::invalid("password", "کلمه عبور را وارد کنید"));
        }
        let account_key = account_key(&username);
        let address_key = format!("address:{client}");
        if !self.per_address.try_acquire(&address_key) {
            tracing::warn!(%client, "sign-in refused: too many attempts from this address");
            return Err(AppError::TooManyAttempts);
        }
        if !self.per_account.try_acquire(&account_key) {
            self.per_address.forgive(&address_key);
            tracing::warn!(%client, "sign-in refused: too many attempts on one account");
            return Err(AppError::TooManyAttempts);
        }
        let account = user::Entity::find()
            .filter(user::Column::Username.eq(&username))
            .one(&self.db)
            .await
            .map_err(|e| internal("sign-in lookup", &e))?;
        if !self.password_matches(password, account.as_ref()).await? {
            // What was typed as a username is not logged: people type
            // their password there by mistake.
            tracing::info!(%client, user_id = ?account.as_ref().map(|a| a.id), "sign-in failed");
            return Err(AppError::invalid("password", WRONG_CREDENTIALS));
        }
        let Some(account) = account else {
            return Err(AppError::invalid("password", WRONG_CREDENTIALS));
        };
        if account.deactivated_at.is_some() {
            tracing::info!(%client, user_id = account.id, "sign-in refused: account deactivated");
            return Err(AppError::invalid("username", DEACTIVATED));
        }
        if !account.is_active {
            if let Some(registration) = &self.registration {
                // Refused sends (too many) still refuse the sign-in alike.
                let _ = registration
                    .send_codes(&account, crate::registration::codes::Purpose::Activation)
                    .await;
            }
            return Err(AppError::invalid("username", NOT_ACTIVATED));
        }
        // Successes count against neither the account nor a shared address.
        self.per_account.reset(&account_key);
        self.per_address.forgive(&address_key);
        tracing::info!(user_id = account.id, "signed in");
        let mut session = open_session(&self.db, account.id)
            .await
            .map_err(|e| internal("opening a session", &e))?;
        session.second_factor_required = Role::parse(&account.role).is_some_and(Role::is_staff);
        Ok(session)
    }

    async fn session_user(&self, token: &str) -> Result<Option<SessionUser>, AppError> {
        let found = session_with_account(&self.db, token_hash(token))
            .await
            .map_err(|e| internal("session lookup", &e))?;
        let Some((row, Some(account))) = found else {
            return Ok(None);
        };
        let now = Utc::now();
        let expired = row.ended_at.is_some() || now >= row.expires_at || now - row.last_seen_at >= IDLE_TIMEOUT;
        let usable = !expired && account.is_active && account.deactivated_at.is_none();
        let Some(role) = Role::parse(&account.role).filter(|_| usable) else {
            return Ok(None);
        };
        let row_second_factor = row.second_factor_at;
        if now - row.last_seen_at >= TOUCH_INTERVAL {
            let mut touched: session::ActiveModel = row.into();
            touched.last_seen_at = Set(now);
            touched
                .update(&self.db)
                .await
                .map_err(|e| internal("session touch", &e))?;
        }
        Ok(Some(SessionUser {
            user_id: account.id,
            display_name: format!("{} {}", account.first_name, account.last_name),
            role,
            identity_verified: account.identity_verified_at.is_some(),
            needs_second_factor: role.is_staff() && row_second_factor.is_none(),
        }))
    }

    async fn change_password(&self, token: &str, change: PasswordChange) -> Result<NewSession, AppError> {
        let holder = self.session_user(token).await?.ok_or(AppError::Unauthenticated)?;
        if holder.needs_second_factor {
            return Err(AppError::SecondFactorRequired);
        }
        let account = user::Entity::find_by_id(holder.user_id)
            .one(&self.db)
            .await
            .map_err(|e| internal("password change lookup", &e))?
            .ok_or(AppError::Unauthenticated)?;
        let account_key = account_key(&account.username);
        if !self.per_account.try_acquire(&account_key) {
            return Err(AppError::TooManyAttempts);
        }
        if !passwords::verify(change.current.clone(), account.password_hash.expose().to_owned()).await {
            return Err(AppError::invalid("current_password", "کلمه عبور فعلی درست نیست"));
        }
        self.per_account.reset(&account_key);
        let identifiers = [
            account.username.as_str(),
            account.mobile.as_str(),
            account.national_id.as_str(),
        ];
        check_new_password(&change.new, &change.repeat, &identifiers)
            .map_err(|e| AppError::invalid(e.field(), e.to_string()))?;
        let new_hash = passwords::hash(change.new)
            .await
            .map_err(|e| internal("password hash", &e))?;
        let replaced = async {
            let txn = self.db.begin().await?;
            let user_id = account.id;
            let mut row: user::ActiveModel = account.into();
            row.password_hash = Set(new_hash.into());
            row.updated_at = Set(Utc::now());
            row.update(&txn).await?;
            end_sessions(&txn, user_id).await?;
            let session = open_session(&txn, user_id).await?;
            // The new session keeps the second step the old one had passed.
            if !holder.needs_second_factor {
                session::Entity::update_many()
                    .col_expr(
                        session::Column::SecondFactorAt,
                        sea_orm::sea_query::Expr::value(Utc::now()),
                    )
                    .filter(session::Column::TokenHash.eq(token_hash(&session.token)))
                    .exec(&txn)
                    .await?;
            }
            txn.commit().await?;
            Ok::<_, sea_orm::DbErr>(session)
        };
        let session = replaced.await.map_err(|e| internal("password change", &e))?;
        tracing::info!(user_id = holder.user_id, "password changed; other sessions ended");
        Ok(session)
    }

    async fn sign_out(&self, token: &str) -> Result<(), AppError> {
        session::Entity::update_many()
            .col_expr(session::Column::EndedAt, sea_orm::sea_query::Expr::value(Utc::now()))
            .filter(session::Column::TokenHash.eq(token_hash(token)))
            .filter(session::Column::EndedAt.is_null())
            .exec(&self.db)
            .await
            .map(|_| ())
            .map_err(|e| internal("sign-out", &e))
    }
}
