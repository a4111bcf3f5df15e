//! Overdue steps: once a step runs past its agreed duration, the people
//! holding its post are reminded and the manager of the provincial company
//! (or organisation) it belongs to is alerted, once per step. Managers are
//! found by the post-code convention the demo and the desk use: a post
//! whose code starts with the same first segment (`tehran.`) and ends with
//! `.manager`.

use app::domain::workflow::WorkflowDefinition;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QuerySelect, TransactionTrait};

use super::KIND;
use super::versions::workflow_of;
use crate::audit::audit;
use crate::entities::{post, post_holding, request, user, workflow_version};
use crate::messages::{Channel, Message, enqueue};

/// Requests handled per sweep; the rest wait for the next one.
const BATCH: u64 = 200;

/// Reminds and alerts for every step overdue at `now`; gives how many.
pub async fn sweep(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let due = request::Entity::find()
        .filter(request::Column::Kind.eq(KIND))
        .filter(request::Column::Status.eq("in_progress"))
        .filter(request::Column::StepDueAt.lt(now))
        .filter(request::Column::OverdueNotifiedAt.is_null())
        .limit(BATCH)
        .all(db)
        .await?;
    let mut told = 0;
    for row in due {
        let Some(post_id) = row.holder_post_id else { continue };
        let Some(holding) = post::Entity::find_by_id(post_id).one(db).await? else {
            continue;
        };
        let step = step_title(db, &row).await?;
        let mut messages = Vec::new();
        let reminder = format!(
            "میز خدمت: مرحله «{step}» درخواست {} از مدت توافق‌شده گذشته است؛ لطفاً در کارتابل اقدام کنید.",
            row.tracking_code
        );
        for person in holders(db, &[holding.id]).await? {
            messages.push(sms(&person, reminder.clone()));
        }
        let alert = format!(
            "میز خدمت: درخواست {} در «{}» (مرحله «{step}») از مدت توافق‌شده گذشته است.",
            row.tracking_code, holding.title_fa
        );
        for person in holders(db, &managers(db, &holding.code).await?).await? {
            messages.push(sms(&person, alert.clone()));
        }
        let txn = db.begin().await?;
        // Only one instance tells: the update claims the request first.
        let claimed = request::Entity::update_many()
            .col_expr(request::Column::OverdueNotifiedAt, Expr::value(now))
            .filter(request::Column::Id.eq(row.id))
            .filter(request::Column::OverdueNotifiedAt.is_null())
            .filter(request::Column::Revision.eq(row.revision))
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 0 {
            continue;
        }
        for message in messages {
            enqueue(&txn, message).await?;
        }
        audit(
            &txn,
            None,
            "request.overdue",
            &format!("request:{}", row.id),
            Some(step),
        )
        .await?;
        txn.commit().await?;
        told += 1;
    }
    Ok(told)
}

async fn step_title(db: &DatabaseConnection, row: &request::Model) -> Result<String, DbErr> {
    let definition: Option<WorkflowDefinition> =
        workflow_version::Entity::find_by_id(row.workflow_version_id.unwrap_or_default())
            .one(db)
            .await?
            .and_then(|v| workflow_of(&v).ok());
    Ok(definition
        .and_then(|d| {
            let step = usize::try_from(row.step.unwrap_or_default()).ok()?;
            d.steps.get(step).map(|s| s.title.clone())
        })
        .unwrap_or_default())
}

/// The open manager posts of the company `post_code` belongs to.
async fn managers(db: &DatabaseConnection, post_code: &str) -> Result<Vec<i32>, DbErr> {
    let company = post_code.split('.').next().unwrap_or_default();
    Ok(post::Entity::find()
        .filter(post::Column::Code.starts_with(format!("{company}.")))
        .filter(post::Column::Code.ends_with(".manager"))
        .filter(post::Column::RetiredAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect())
}

/// Everyone holding one of `posts` today.
async fn holders(db: &DatabaseConnection, posts: &[i32]) -> Result<Vec<user::Model>, DbErr> {
    if posts.is_empty() {
        return Ok(Vec::new());
    }
    let people: Vec<i32> = post_holding::Entity::find()
        .filter(post_holding::Column::PostId.is_in(posts.iter().copied()))
        .filter(post_holding::Column::EndedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|h| h.user_id)
        .collect();
    user::Entity::find()
        .filter(user::Column::Id.is_in(people))
        .all(db)
        .await
}

fn sms(person: &user::Model, body: String) -> Message {
    Message {
        channel: Channel::Sms,
        recipient: person.mobile.clone(),
        subject: None,
        body,
    }
}
