//! One-time secrets inside a message's text: activation and reset codes,
//! and the tokens of e-mailed links.
//!
//! The outbox keeps every message for the record, but a code kept in clear
//! after it reached the person (or after it expired) is a standing key to
//! the account for anyone who reads the database or a backup. So a secret
//! is written between markers: the transports and the demo inbox show the
//! text without them, and once the message is sent, or the secret's
//! lifetime is over, the marked part is replaced for good.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};

use crate::entities::outbox_message;

const OPEN: char = '⟦';
const CLOSE: char = '⟧';

/// What stands in a kept message where its secret was.
pub const REDACTED: &str = "[حذف‌شده]";

/// The longest a secret sent by message stays usable (the e-mailed links'
/// 24 hours); an unsent secret older than this is redacted too.
const LONGEST_LIFETIME: TimeDelta = TimeDelta::hours(24);

/// `secret`, marked so it is dropped from the outbox once sent or expired.
pub fn mark(secret: &str) -> String {
    format!("{OPEN}{secret}{CLOSE}")
}

/// The text as the person receives it: secrets in place, markers gone.
pub fn readable(body: &str) -> String {
    body.chars().filter(|c| *c != OPEN && *c != CLOSE).collect()
}

/// The text as it is kept after sending: every marked secret replaced.
pub fn redacted(body: &str) -> String {
    let mut kept = String::with_capacity(body.len());
    let mut inside = false;
    for c in body.chars() {
        match c {
            OPEN if !inside => {
                inside = true;
                kept.push_str(REDACTED);
            }
            CLOSE if inside => inside = false,
            _ if inside => {}
            _ => kept.push(c),
        }
    }
    kept
}

/// Whether `body` still holds a marked secret.
pub fn holds_secret(body: &str) -> bool {
    body.contains(OPEN)
}

/// Redacts the secrets of messages older than any secret's lifetime that
/// were never sent (a provider down for a day): the codes are dead anyway.
/// Returns how many messages were changed.
pub async fn redact_expired(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let stale = outbox_message::Entity::find()
        .filter(outbox_message::Column::CreatedAt.lt(now - LONGEST_LIFETIME))
        .filter(outbox_message::Column::Body.contains(OPEN.to_string()))
        .limit(500)
        .all(db)
        .await?;
    let mut changed = 0;
    for message in stale {
        let body = redacted(&message.body);
        let mut row: outbox_message::ActiveModel = message.into();
        row.body = Set(body);
        row.update(db).await?;
        changed += 1;
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marked_code_is_read_in_place_and_dropped_from_what_is_kept() {
        let body = format!(
            "کد فعال‌سازی شما {} است؛ پیوند: https://desk/activate?token={}",
            mark("۴۸۱۲۷۳"),
            mark("tOk_3n")
        );
        assert_eq!(
            readable(&body),
            "کد فعال‌سازی شما ۴۸۱۲۷۳ است؛ پیوند: https://desk/activate?token=tOk_3n"
        );
        let kept = redacted(&body);
        assert!(!kept.contains("۴۸۱۲۷۳") && !kept.contains("tOk_3n"), "{kept}");
        assert!(kept.starts_with("کد فعال‌سازی شما [حذف‌شده] است"), "{kept}");
        assert!(holds_secret(&body) && !holds_secret(&kept));
    }
}
