//! Identity verification as the engine sees it: a sub-service like any
//! other whose workflow says its final approval verifies the applicant
//! (`WorkflowDefinition::verifies_identity`). Until verified, an applicant
//! may file that sub-service and nothing else; once verified, it is done.

use app::contracts::session::SessionUser;
use app::domain::role::Role;
use app::domain::workflow::WorkflowDefinition;
use app::errors::AppError;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};

use super::{KIND, versions};
use crate::entities::{request, user, workflow_version};
use crate::errors::internal;

/// Whether `who` may file on `workflow`: only applicants; an unverified
/// one only what verifies identity, a verified one never that again, and
/// one identity request at a time, so two drafts never compete.
pub async fn may_file(
    db: &DatabaseConnection,
    who: &SessionUser,
    workflow: &WorkflowDefinition,
) -> Result<(), AppError> {
    if who.role != Role::Applicant {
        return Err(AppError::Forbidden);
    }
    match (who.identity_verified, workflow.verifies_identity) {
        (false, false) => Err(AppError::invalid(
            "identity",
            "پیش از درخواست خدمت، هویت شما باید در میز خدمت تأیید شود.",
        )),
        (true, true) => Err(AppError::invalid(
            "service",
            "هویت شما پیش‌تر تأیید شده است و به درخواست دوباره نیازی نیست.",
        )),
        (false, true) if open_request(db, who.user_id).await?.is_some() => Err(AppError::invalid(
            "service",
            "درخواست تأیید هویت شما پیش‌تر ساخته شده است؛ آن را از کارتابل خود باز کنید.",
        )),
        _ => Ok(()),
    }
}

/// The sub-services whose current workflow verifies identity, oldest first.
/// One query: the newest version of each sub-service is the first of its
/// rows when they are read newest first.
pub async fn sub_services(db: &DatabaseConnection) -> Result<Vec<(i32, String)>, AppError> {
    let rows = workflow_version::Entity::find()
        .order_by_asc(workflow_version::Column::ServiceId)
        .order_by_asc(workflow_version::Column::SubCode)
        .order_by_desc(workflow_version::Column::Number)
        .all(db)
        .await
        .map_err(|e| internal("workflows", &e))?;
    let mut found: Vec<(i32, String)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for row in &rows {
        let key = (row.service_id, row.sub_code.clone());
        if seen.insert(key.clone()) && versions::workflow_of(row)?.verifies_identity {
            found.push(key);
        }
    }
    Ok(found)
}

/// The applicant's identity request that is not finished, if any.
async fn open_request(db: &DatabaseConnection, applicant_id: i32) -> Result<Option<request::Model>, AppError> {
    let ids: Vec<i32> = workflow_version::Entity::find()
        .all(db)
        .await
        .map_err(|e| internal("workflows", &e))?
        .into_iter()
        .filter(|row| versions::workflow_of(row).is_ok_and(|w| w.verifies_identity))
        .map(|row| row.id)
        .collect();
    request::Entity::find()
        .filter(request::Column::Kind.eq(KIND))
        .filter(request::Column::ApplicantId.eq(applicant_id))
        .filter(request::Column::WorkflowVersionId.is_in(ids))
        .filter(request::Column::Status.is_in(["draft", "in_progress", "with_applicant"]))
        .order_by_desc(request::Column::Id)
        .one(db)
        .await
        .map_err(|e| internal("identity request", &e))
}

/// Where "تأیید هویت" takes an applicant: their open request, else a new
/// one on the first sub-service that verifies identity; `None` when no
/// such sub-service is published or the caller has nothing to verify.
pub async fn entry(db: &DatabaseConnection, who: &SessionUser) -> Result<Option<String>, AppError> {
    if who.role != Role::Applicant || who.identity_verified {
        return Ok(None);
    }
    if let Some(open) = open_request(db, who.user_id).await? {
        return Ok(Some(format!("/applications/{}", open.id)));
    }
    Ok(sub_services(db)
        .await?
        .into_iter()
        .next()
        .map(|(service_id, sub_code)| format!("/catalogue/{service_id}/apply/{sub_code}")))
}

/// Marks the applicant verified, in the transaction that approves.
pub async fn verify(db: &impl ConnectionTrait, applicant_id: i32) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::IdentityVerifiedAt, Expr::value(Utc::now()))
        .filter(user::Column::Id.eq(applicant_id))
        .filter(user::Column::IdentityVerifiedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}
