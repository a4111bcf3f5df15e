//! One-time codes: a 6-digit code by SMS and a link by e-mail, for
//! activation and for password reset. Only hashes are stored; a code allows
//! a few tries, a link is used once, both expire, and issuing new ones
//! retires the old.

use app::domain::normalize::digits_only;
use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{TimeDelta, Utc};
use rand::{Rng as _, RngCore as _};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set, sea_query::Expr,
};
use sha2::{Digest as _, Sha256};

use crate::entities::{one_time_code, user};
use crate::messages::{Channel, Message, enqueue, secrets::mark};

/// An SMS code is valid this long.
pub const CODE_LIFETIME: TimeDelta = TimeDelta::minutes(10);
/// An e-mailed link is valid this long.
pub const LINK_LIFETIME: TimeDelta = TimeDelta::hours(24);
/// Wrong codes allowed before the code is void.
pub const MAX_CODE_TRIES: i32 = 5;

/// What a code is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Proving the mobile or e-mail of a new account.
    Activation,
    /// Setting a new password without the old one.
    Reset,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Activation => "activation",
            Purpose::Reset => "reset",
        }
    }
}

/// The result of checking a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Right: the code is now used.
    Accepted,
    /// Wrong, expired or missing.
    Refused,
    /// Too many wrong tries: a new code must be sent.
    Exhausted,
}

fn hash(user_id: i32, secret: &str) -> String {
    Sha256::digest(format!("{user_id}:{secret}").as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn link_hash(token: &str) -> String {
    hash(0, token)
}

/// Retires the account's open codes for `purpose`, issues a new SMS code and
/// e-mail link, and writes both messages to the outbox, all on `db` (the
/// caller's transaction).
pub async fn send_codes(
    db: &impl ConnectionTrait,
    account: &user::Model,
    purpose: Purpose,
    base_url: &str,
) -> Result<(), DbErr> {
    let now = Utc::now();
    one_time_code::Entity::update_many()
        .col_expr(one_time_code::Column::UsedAt, Expr::value(now))
        .filter(one_time_code::Column::UserId.eq(account.id))
        .filter(one_time_code::Column::Purpose.eq(purpose.as_str()))
        .filter(one_time_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    let code = format!("{:06}", rand::rng().random_range(0..1_000_000));
    let mut token = [0u8; 32];
    rand::rng().fill_bytes(&mut token);
    let token = URL_SAFE_NO_PAD.encode(token);
    for (channel, code_hash, lifetime) in [
        ("sms", hash(account.id, &code), CODE_LIFETIME),
        ("email", link_hash(&token), LINK_LIFETIME),
    ] {
        one_time_code::ActiveModel {
            user_id: Set(account.id),
            purpose: Set(purpose.as_str().to_owned()),
            channel: Set(channel.to_owned()),
            code_hash: Set(code_hash.into()),
            attempts: Set(0),
            created_at: Set(now),
            expires_at: Set(now + lifetime),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    let persian_code = mark(&app::domain::digits::to_persian_digits(&code));
    let token = mark(&token);
    let (sms, subject, email) = match purpose {
        Purpose::Activation => (
            format!("میز خدمت: کد فعال‌سازی حساب شما {persian_code} است. این کد ۱۰ دقیقه معتبر است."),
            "فعال‌سازی حساب میز خدمت",
            format!(
                "{} {} گرامی،\n\nبرای فعال‌سازی حساب کاربری خود در میز خدمت این پیوند را باز کنید (تا ۲۴ ساعت معتبر است):\n{base_url}/activate/email?token={token}\n\nاگر شما ثبت‌نام نکرده‌اید، این پیام را نادیده بگیرید.",
                account.first_name, account.last_name
            ),
        ),
        Purpose::Reset => (
            format!(
                "میز خدمت: کد بازیابی کلمه عبور شما {persian_code} است. این کد ۱۰ دقیقه معتبر است. آن را به کسی ندهید."
            ),
            "بازیابی کلمه عبور میز خدمت",
            format!(
                "{} {} گرامی،\n\nبرای گزینش کلمه عبور تازه این پیوند را باز کنید (تا ۲۴ ساعت معتبر است):\n{base_url}/password/reset?token={token}\n\nاگر شما درخواست نکرده‌اید، این پیام را نادیده بگیرید؛ کلمه عبور شما تغییر نکرده است.",
                account.first_name, account.last_name
            ),
        ),
    };
    enqueue(
        db,
        Message {
            channel: Channel::Sms,
            recipient: account.mobile.clone(),
            subject: None,
            body: sms,
        },
    )
    .await?;
    enqueue(
        db,
        Message {
            channel: Channel::Email,
            recipient: account.email.clone(),
            subject: Some(subject.to_owned()),
            body: email,
        },
    )
    .await
}

/// Deletes one-time codes and links a day past their expiry, used or not:
/// only their hashes were kept, but a dead code has nothing left to prove.
pub async fn delete_stale(db: &impl ConnectionTrait, now: chrono::DateTime<Utc>) -> Result<u64, DbErr> {
    one_time_code::Entity::delete_many()
        .filter(one_time_code::Column::ExpiresAt.lt(now - TimeDelta::days(1)))
        .exec(db)
        .await
        .map(|r| r.rows_affected)
}

/// Checks the SMS `code` of `user_id` for `purpose`, counting the try.
pub async fn check_sms(db: &impl ConnectionTrait, user_id: i32, purpose: Purpose, code: &str) -> Result<Check, DbErr> {
    let now = Utc::now();
    let Some(row) = one_time_code::Entity::find()
        .filter(one_time_code::Column::UserId.eq(user_id))
        .filter(one_time_code::Column::Purpose.eq(purpose.as_str()))
        .filter(one_time_code::Column::Channel.eq("sms"))
        .filter(one_time_code::Column::UsedAt.is_null())
        .filter(one_time_code::Column::ExpiresAt.gt(now))
        .order_by_desc(one_time_code::Column::Id)
        .one(db)
        .await?
    else {
        return Ok(Check::Refused);
    };
    if row.attempts >= MAX_CODE_TRIES {
        return Ok(Check::Exhausted);
    }
    // Counting the try and using the code are conditional updates, so two
    // tries at once cannot both pass or both escape the count.
    let counted = one_time_code::Entity::update_many()
        .col_expr(one_time_code::Column::Attempts, Expr::value(row.attempts + 1))
        .filter(one_time_code::Column::Id.eq(row.id))
        .filter(one_time_code::Column::Attempts.eq(row.attempts))
        .exec(db)
        .await?;
    if counted.rows_affected != 1 || hash(user_id, &digits_only(code)) != row.code_hash.expose() {
        return Ok(Check::Refused);
    }
    let used = mark_used(db, row.id).await?;
    Ok(if used { Check::Accepted } else { Check::Refused })
}

/// The account an unused, unexpired link `token` for `purpose` belongs to.
pub async fn link_owner(db: &impl ConnectionTrait, token: &str, purpose: Purpose) -> Result<Option<i32>, DbErr> {
    Ok(open_link(db, token, purpose).await?.map(|row| row.user_id))
}

async fn open_link(
    db: &impl ConnectionTrait,
    token: &str,
    purpose: Purpose,
) -> Result<Option<one_time_code::Model>, DbErr> {
    one_time_code::Entity::find()
        .filter(one_time_code::Column::CodeHash.eq(link_hash(token.trim())))
        .filter(one_time_code::Column::Purpose.eq(purpose.as_str()))
        .filter(one_time_code::Column::Channel.eq("email"))
        .filter(one_time_code::Column::UsedAt.is_null())
        .filter(one_time_code::Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await
}

/// Uses the e-mailed link `token` for `purpose`; returns its account.
pub async fn use_link(db: &impl ConnectionTrait, token: &str, purpose: Purpose) -> Result<Option<i32>, DbErr> {
    let Some(row) = open_link(db, token, purpose).await? else {
        return Ok(None);
    };
    Ok(mark_used(db, row.id).await?.then_some(row.user_id))
}

async fn mark_used(db: &impl ConnectionTrait, id: i32) -> Result<bool, DbErr> {
    let used = one_time_code::Entity::update_many()
        .col_expr(one_time_code::Column::UsedAt, Expr::value(Utc::now()))
        .filter(one_time_code::Column::Id.eq(id))
        .filter(one_time_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(used.rows_affected == 1)
}
