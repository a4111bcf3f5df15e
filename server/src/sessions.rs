//! Sessions as stored: opening one, its token and what the database keeps
//! of it, ending all of a person's sessions, and the nightly sweep. Signing
//! in (`accounts`), activation and reset (`registration`), the second factor
//! and staff administration all open or end sessions; none of them owns the
//! rows, so none has to import another to do it.

use app::contracts::session::NewSession;
use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{TimeDelta, Utc};
use rand::RngCore as _;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use sha2::{Digest as _, Sha256};

use crate::entities::{session, user};

/// A session ends after this long without a request.
pub const IDLE_TIMEOUT: TimeDelta = TimeDelta::minutes(30);
/// A session ends this long after sign-in, however active.
pub const ABSOLUTE_TIMEOUT: TimeDelta = TimeDelta::hours(12);
/// Activity is written back at most this often, so reading pages does not
/// turn into a write per request.
pub(crate) const TOUCH_INTERVAL: TimeDelta = TimeDelta::minutes(1);

/// Opens a session for `user_id` on `db` (a connection or a transaction).
pub(crate) async fn open_session(db: &impl ConnectionTrait, user_id: i32) -> Result<NewSession, sea_orm::DbErr> {
    let token = new_token();
    let now = Utc::now();
    let expires_at = now + ABSOLUTE_TIMEOUT;
    session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(expires_at),
        ended_at: Set(None),
        second_factor_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(NewSession {
        token,
        expires_at,
        second_factor_required: false,
    })
}

/// A fresh session token: 256 random bits, URL-safe.
pub(crate) fn new_token() -> String {
    let mut secret = [0u8; 32];
    rand::rng().fill_bytes(&mut secret);
    URL_SAFE_NO_PAD.encode(secret)
}

/// What the database keeps of a token.
pub(crate) fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Ends every open session of `user_id`.
pub(crate) async fn end_sessions(db: &impl ConnectionTrait, user_id: i32) -> Result<(), sea_orm::DbErr> {
    session::Entity::update_many()
        .col_expr(session::Column::EndedAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::EndedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

/// A session with its account, by the token's hash.
pub(crate) async fn session_with_account(
    db: &DatabaseConnection,
    hash: String,
) -> Result<Option<(session::Model, Option<user::Model>)>, sea_orm::DbErr> {
    let Some(row) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(hash))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let account = user::Entity::find_by_id(row.user_id).one(db).await?;
    Ok(Some((row, account)))
}

/// Deletes sessions that ended or expired more than a day ago: a signed-out
/// token's hash is of no use to anyone, and the table stays small.
pub async fn delete_stale_sessions(
    db: &impl ConnectionTrait,
    now: chrono::DateTime<Utc>,
) -> Result<u64, sea_orm::DbErr> {
    use sea_orm::sea_query::Condition;
    let cutoff = now - TimeDelta::days(1);
    session::Entity::delete_many()
        .filter(
            Condition::any()
                .add(session::Column::ExpiresAt.lt(cutoff))
                .add(session::Column::EndedAt.lt(cutoff)),
        )
        .exec(db)
        .await
        .map(|r| r.rows_affected)
}
