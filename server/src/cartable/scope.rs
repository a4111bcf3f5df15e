//! Which requests each folder holds, for applicants and for staff.

use app::contracts::session::SessionUser;
use app::domain::workflow::machine::Folder;
use app::errors::AppError;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter};

use crate::entities::{post_holding, request, request_participant as participant};
use crate::errors::internal;
use crate::requests::KIND as SERVICE;

/// The posts `user_id` holds today, by id.
pub async fn posts_held(db: &DatabaseConnection, user_id: i32) -> Result<Vec<i32>, AppError> {
    Ok(post_holding::Entity::find()
        .filter(post_holding::Column::UserId.eq(user_id))
        .filter(post_holding::Column::EndedAt.is_null())
        .all(db)
        .await
        .map_err(|e| internal("cartable posts", &e))?
        .into_iter()
        .map(|h| h.post_id)
        .collect())
}

/// Requests of `kind` in one of `statuses`.
fn of(kind: &str, statuses: &[&str]) -> Condition {
    Condition::all()
        .add(request::Column::Kind.eq(kind))
        .add(request::Column::Status.is_in(statuses.iter().copied()))
}

/// With the applicant: a draft, or sent back.
fn with_applicant() -> Condition {
    of(SERVICE, &["draft", "with_applicant"])
}

/// With staff, at a step.
fn with_staff() -> Condition {
    of(SERVICE, &["in_progress"])
}

/// Decided or withdrawn.
pub fn finished() -> Condition {
    of(SERVICE, &["approved", "rejected", "withdrawn"])
}

/// The requests of `folder` for `who`, as one condition on requests. Staff
/// folders are read faster by [`super::staff_folder`]; this condition is
/// what a search or filter narrows.
pub fn folder(who: &SessionUser, staff: bool, posts: &[i32], folder: Folder) -> Condition {
    if !staff {
        let mine = request::Column::ApplicantId.eq(who.user_id);
        return Condition::all().add(mine).add(match folder {
            Folder::Awaiting => with_applicant(),
            Folder::InProgress => with_staff(),
            Folder::Finished => finished(),
        });
    }
    match folder {
        Folder::Awaiting if posts.is_empty() => Condition::all().add(request::Column::Id.eq(-1)),
        Folder::Awaiting => Condition::all()
            .add(request::Column::HolderPostId.is_in(posts.iter().copied()))
            .add(request::Column::Status.is_in(HELD)),
        Folder::InProgress => Condition::all().add(took_part(who.user_id, false)),
        Folder::Finished => Condition::all().add(took_part(who.user_id, true)),
    }
}

/// The statuses of a request waiting on staff, identity's and a service's.
pub const HELD: [&str; 2] = ["submitted", "in_progress"];

/// Requests `user_id` acted on, finished or not.
fn took_part(user_id: i32, finished: bool) -> Condition {
    Condition::all().add(
        Expr::col(request::Column::Id).in_subquery(
            Query::select()
                .column(participant::Column::RequestId)
                .from(participant::Entity)
                .and_where(Expr::col(participant::Column::UserId).eq(user_id))
                .and_where(Expr::col(participant::Column::Finished).eq(finished))
                .to_owned(),
        ),
    )
}
