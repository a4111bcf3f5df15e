//! Read models for identity pages, built from rows.

use app::domain::{digits::to_persian_digits, identity::IdentityForm, jalali::format_persian_datetime};
use app::serverfns::identity::{EventView, FileView, IdentityRequest};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{request, request_event, request_file, user};

/// The workflow's name in cartables.
pub const WORKFLOW: &str = "تأیید هویت متقاضی";

/// The Persian name of a history action.
pub fn activity(action: &str) -> &'static str {
    match action {
        "submitted" => "ثبت و ارسال فرم هویتی متقاضی",
        "resubmitted" => "اصلاح و ارسال دوباره فرم هویتی",
        "rejected" => "عدم تأیید مسئول میز خدمت",
        "approved" => "تأیید هویت توسط مسئول میز خدمت",
        _ => "اقدام",
    }
}

/// "۲ روز ۳ ساعت ۵ دقیقه" since `since`.
pub fn waiting(since: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - since).num_minutes().max(0);
    to_persian_digits(&format!(
        "{} روز {} ساعت {} دقیقه",
        minutes / 1440,
        minutes % 1440 / 60,
        minutes % 60
    ))
}

/// A person's full name.
pub fn full_name(account: &user::Model) -> String {
    format!("{} {}", account.first_name, account.last_name)
}

/// The whole request as its pages show it.
pub async fn request_view(db: &impl ConnectionTrait, row: &request::Model) -> Result<IdentityRequest, DbErr> {
    let form: IdentityForm = serde_json::from_str(&row.data).unwrap_or_default();
    let files = request_file::Entity::find()
        .filter(request_file::Column::RequestId.eq(row.id))
        .filter(request_file::Column::RemovedAt.is_null())
        .order_by_asc(request_file::Column::Id)
        .all(db)
        .await?;
    let events = request_event::Entity::find()
        .filter(request_event::Column::RequestId.eq(row.id))
        .order_by_asc(request_event::Column::Id)
        .all(db)
        .await?;
    let mut history = Vec::with_capacity(events.len());
    for event in &events {
        let by = user::Entity::find_by_id(event.actor_id)
            .one(db)
            .await?
            .map(|u| full_name(&u))
            .unwrap_or_default();
        history.push(EventView {
            activity: activity(&event.action).to_owned(),
            at: format_persian_datetime(event.at),
            by,
            note: event.note.clone(),
        });
    }
    let rejection = (row.status == "rejected")
        .then(|| {
            events
                .iter()
                .rev()
                .find(|e| e.action == "rejected")
                .and_then(|e| e.note.clone())
        })
        .flatten();
    let applicant = user::Entity::find_by_id(row.applicant_id)
        .one(db)
        .await?
        .map(|u| full_name(&u))
        .unwrap_or_default();
    Ok(IdentityRequest {
        id: row.id,
        tracking_code: row.tracking_code.clone(),
        status: row.status.clone(),
        revision: row.revision,
        applicant,
        form,
        files: files
            .into_iter()
            .map(|f| FileView {
                id: f.id,
                slot: f.slot,
                name: f.original_name,
                content_type: f.content_type,
                size: f.size,
            })
            .collect(),
        history,
        rejection,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_time_reads_in_days_hours_and_minutes() {
        let now = Utc::now();
        let since = now - chrono::TimeDelta::minutes(2 * 1440 + 3 * 60 + 5);
        assert_eq!(waiting(since, now), "۲ روز ۳ ساعت ۵ دقیقه");
    }
}
