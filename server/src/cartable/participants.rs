//! Keeping `request_participants` in step with the history: a staff member
//! who acts on a request takes part in it; a finished request is finished
//! for everyone who took part.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

use crate::entities::request_participant as participant;

/// Records that `user_id` acted on `request_id`; once is enough.
pub async fn took_part(
    db: &impl ConnectionTrait,
    user_id: i32,
    request_id: i32,
    submitted_at: Option<DateTime<Utc>>,
    finished: bool,
) -> Result<(), DbErr> {
    let row = participant::ActiveModel {
        user_id: Set(user_id),
        request_id: Set(request_id),
        submitted_at: Set(submitted_at),
        finished: Set(finished),
    };
    let inserted = participant::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([participant::Column::UserId, participant::Column::RequestId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await;
    match inserted {
        Ok(_) | Err(DbErr::RecordNotInserted) => Ok(()),
        Err(other) => Err(other),
    }
}

/// Moves the request to the "finished" folder of everyone who took part.
pub async fn finished(db: &impl ConnectionTrait, request_id: i32) -> Result<(), DbErr> {
    participant::Entity::update_many()
        .col_expr(participant::Column::Finished, Expr::value(true))
        .filter(participant::Column::RequestId.eq(request_id))
        .exec(db)
        .await?;
    Ok(())
}
