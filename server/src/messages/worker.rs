//! Sends what waits in the outbox. Several instances may run it at once: a
//! message is claimed by moving its next attempt into the future with a
//! conditional update, so only one instance sends it.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    sea_query::Expr,
};

use super::Transports;
use crate::entities::outbox_message;

/// After this many failed attempts a message is left for a person to look at.
pub const MAX_ATTEMPTS: i32 = 12;
/// How long a claimed message is hidden from other instances while sending.
const CLAIM: TimeDelta = TimeDelta::minutes(2);
/// How often the outbox is checked.
const POLL: Duration = Duration::from_millis(700);

/// The wait before attempt `attempts + 1`: 15 s doubling up to an hour.
pub fn back_off(attempts: i32) -> TimeDelta {
    let exponent = u32::try_from(attempts.clamp(1, 9) - 1).unwrap_or(0);
    TimeDelta::seconds(15 * 2_i64.pow(exponent)).min(TimeDelta::hours(1))
}

/// Sends every message due at `now`; returns how many were sent.
pub async fn deliver_due(db: &DatabaseConnection, transports: &Transports, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let due = outbox_message::Entity::find()
        .filter(outbox_message::Column::SentAt.is_null())
        .filter(outbox_message::Column::NextAttemptAt.lte(now))
        .filter(outbox_message::Column::Attempts.lt(MAX_ATTEMPTS))
        .order_by_asc(outbox_message::Column::Id)
        .limit(20)
        .all(db)
        .await?;
    let mut sent = 0;
    for message in due {
        let claimed = outbox_message::Entity::update_many()
            .col_expr(outbox_message::Column::NextAttemptAt, Expr::value(now + CLAIM))
            .col_expr(outbox_message::Column::Attempts, Expr::value(message.attempts + 1))
            .filter(outbox_message::Column::Id.eq(message.id))
            .filter(outbox_message::Column::Attempts.eq(message.attempts))
            .filter(outbox_message::Column::SentAt.is_null())
            .exec(db)
            .await?;
        if claimed.rows_affected != 1 {
            continue;
        }
        let attempts = message.attempts + 1;
        let transport = transports.for_channel(&message.channel);
        let outcome = transport.send(&message).await;
        let kept_body = if transport.delivers() {
            super::secrets::redacted(&message.body)
        } else {
            message.body.clone()
        };
        let mut row: outbox_message::ActiveModel = message.into();
        row.attempts = Set(attempts);
        match outcome {
            Ok(()) => {
                // Delivered: the code has done its work and is not kept.
                row.body = Set(kept_body);
                row.sent_at = Set(Some(Utc::now()));
                row.last_error = Set(None);
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(attempts, %error, "a message could not be sent; it will be retried");
                row.next_attempt_at = Set(Utc::now() + back_off(attempts));
                row.last_error = Set(Some(error));
            }
        }
        row.update(db).await?;
    }
    Ok(sent)
}

/// Runs [`deliver_due`] in the background for the life of the process.
pub fn spawn(db: DatabaseConnection, transports: Transports) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(error) = deliver_due(&db, &transports, Utc::now()).await {
                tracing::error!(%error, "the outbox could not be read");
            }
            tokio::time::sleep(POLL).await;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_but_never_more_than_an_hour() {
        assert_eq!(back_off(1), TimeDelta::seconds(15));
        assert_eq!(back_off(2), TimeDelta::seconds(30));
        assert!(back_off(5) > back_off(4));
        assert_eq!(back_off(40), TimeDelta::hours(1));
    }
}
