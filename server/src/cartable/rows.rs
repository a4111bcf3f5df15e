//! Cartable rows with the seed's columns, built from a page of requests
//! with one query per kind of name (people, posts, services), not per row.

use std::collections::HashMap;

use app::contracts::cartable::CartableRow;
use app::domain::jalali::format_persian_datetime;
use app::errors::AppError;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::accounts::full_name;
use crate::entities::{post, post_holding, request, service, user};
use crate::errors::internal;
use app::domain::digits::to_persian_digits;

/// The rows of `found`, linked for staff or for the applicant.
pub async fn build(
    db: &DatabaseConnection,
    staff: bool,
    found: &[request::Model],
    now: DateTime<Utc>,
) -> Result<Vec<CartableRow>, AppError> {
    let post_ids: Vec<i32> = found.iter().filter_map(|r| r.holder_post_id).collect();
    let post_titles: HashMap<i32, String> = post::Entity::find()
        .filter(post::Column::Id.is_in(post_ids.clone()))
        .all(db)
        .await
        .map_err(|e| internal("cartable posts", &e))?
        .into_iter()
        .map(|p| (p.id, p.title_fa))
        .collect();
    let holdings = post_holding::Entity::find()
        .filter(post_holding::Column::PostId.is_in(post_ids))
        .filter(post_holding::Column::EndedAt.is_null())
        .all(db)
        .await
        .map_err(|e| internal("cartable holders", &e))?;
    let mut people: Vec<i32> = holdings.iter().map(|h| h.user_id).collect();
    people.extend(
        found
            .iter()
            .filter(|r| r.applicant_name.is_none())
            .map(|r| r.applicant_id),
    );
    let names: HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(people))
        .all(db)
        .await
        .map_err(|e| internal("cartable people", &e))?
        .into_iter()
        .map(|u| (u.id, full_name(&u)))
        .collect();
    let service_ids: Vec<i32> = found.iter().filter_map(|r| r.service_id).collect();
    let services: HashMap<i32, String> = service::Entity::find()
        .filter(service::Column::Id.is_in(service_ids))
        .all(db)
        .await
        .map_err(|e| internal("cartable services", &e))?
        .into_iter()
        .map(|s| (s.id, s.title))
        .collect();
    Ok(found
        .iter()
        .map(|row| {
            let requester = row
                .applicant_name
                .clone()
                .or_else(|| names.get(&row.applicant_id).cloned())
                .unwrap_or_default();
            let holder = match row.holder_post_id {
                Some(post_id) => {
                    let title = post_titles.get(&post_id).cloned().unwrap_or_default();
                    let mut holders = holdings.iter().filter(|h| h.post_id == post_id);
                    match (holders.next(), holders.next()) {
                        (Some(only), None) => names
                            .get(&only.user_id)
                            .map_or(title.clone(), |person| format!("{title} ({person})")),
                        _ => title,
                    }
                }
                None if is_finished(row) => "—".to_owned(),
                None => requester.clone(),
            };
            let link = if staff {
                format!("/cartable/{}", row.id)
            } else {
                format!("/applications/{}", row.id)
            };
            let workflow = row
                .service_id
                .and_then(|id| services.get(&id).cloned())
                .unwrap_or_default();
            let overdue = row.status == "in_progress" && row.step_due_at.is_some_and(|due| due < now);
            CartableRow {
                id: row.id,
                requester,
                tracking_code: row.tracking_code.clone(),
                date: format_persian_datetime(row.submitted_at.unwrap_or(row.created_at)),
                waiting: waiting(row.updated_at, now),
                holder,
                workflow,
                status: status_text(row),
                overdue,
                link,
            }
        })
        .collect())
}

fn is_finished(row: &request::Model) -> bool {
    matches!(row.status.as_str(), "approved" | "rejected" | "withdrawn")
}

/// The status in a few Persian words.
fn status_text(row: &request::Model) -> String {
    let text = match row.status.as_str() {
        "draft" => "پیش‌نویس",
        "in_progress" => "در حال بررسی",
        "approved" => "تأیید شده",
        "with_applicant" if row.return_reason.as_deref() == Some("documents") => "در انتظار مدارک بیشتر",
        "with_applicant" => "بازگشته برای اصلاح",
        "rejected" => "رد شده",
        "withdrawn" => "انصراف",
        _ => "",
    };
    text.to_owned()
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
