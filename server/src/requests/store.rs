//! Reading a request and what it was filed with, and writing its history.

use app::contracts::session::SessionUser;
use app::domain::catalogue::card::ServiceCard;
use app::domain::catalogue::form::Fields;
use app::domain::request_form::FormDefinition;
use app::domain::workflow::WorkflowDefinition;
use app::domain::workflow::machine::{EventKind, Status};
use app::errors::AppError;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

use super::KIND;
use super::versions::{form_of, workflow_of};
use crate::audit::audit;
use crate::entities::{
    form_version, organisation_unit as unit, post, post_holding, request, request_event, service, workflow_version,
};
use crate::errors::internal;

/// A request with everything needed to judge and show it.
pub struct Loaded {
    /// The row.
    pub row: request::Model,
    /// Where it stands.
    pub status: Status,
    /// The form it was filed with, and that version's number.
    pub form: FormDefinition,
    /// The form version's number.
    pub form_number: i32,
    /// The workflow it follows, resolved for its province.
    pub workflow: WorkflowDefinition,
    /// The province's unit code, empty until chosen.
    pub province: String,
    /// What was typed, by posted name.
    pub fields: Fields,
}

impl Loaded {
    /// Whether the request may be referred to the post `code`: a post of the
    /// request's own province, or back to its step's own post. The list a
    /// desk officer picks from and the check on what is posted are this one
    /// rule, so a hand-edited form cannot hand a request to another province
    /// and give its holder the step's rights.
    pub fn may_refer_to(&self, code: &str) -> bool {
        let own_post = self
            .status
            .step()
            .and_then(|s| self.workflow.steps.get(s))
            .is_some_and(|step| step.post_code == code);
        let in_province = !self.province.is_empty()
            && code
                .strip_prefix(self.province.as_str())
                .is_some_and(|rest| rest.starts_with('.'));
        own_post || in_province
    }
}

/// The request `id` if it is one of ours; `NotFound` otherwise.
pub async fn load(db: &impl ConnectionTrait, id: i32) -> Result<Loaded, AppError> {
    let row = request::Entity::find_by_id(id)
        .filter(request::Column::Kind.eq(KIND))
        .one(db)
        .await
        .map_err(|e| internal("request", &e))?
        .ok_or(AppError::NotFound)?;
    let status = Status::parse(
        &row.status,
        row.step.and_then(|s| usize::try_from(s).ok()),
        row.return_reason.as_deref(),
        row.referred_post_code.as_deref(),
    )
    .ok_or_else(|| internal("request status", &row.status))?;
    let form_row = form_version::Entity::find_by_id(row.form_version_id.unwrap_or_default())
        .one(db)
        .await
        .map_err(|e| internal("form version", &e))?
        .ok_or_else(|| internal("form version", &"missing"))?;
    let workflow_row = workflow_version::Entity::find_by_id(row.workflow_version_id.unwrap_or_default())
        .one(db)
        .await
        .map_err(|e| internal("workflow version", &e))?
        .ok_or_else(|| internal("workflow version", &"missing"))?;
    let province = match row.province_id {
        Some(id) => unit::Entity::find_by_id(id)
            .one(db)
            .await
            .map_err(|e| internal("province", &e))?
            .map(|u| u.code)
            .unwrap_or_default(),
        None => String::new(),
    };
    // A stored answer set that cannot be read is a fault to report, not an
    // empty form: the applicant would see their work vanish without a word.
    let fields: Fields = serde_json::from_str(&row.data).map_err(|e| internal("request answers", &e))?;
    Ok(Loaded {
        status,
        form: form_of(&form_row)?,
        form_number: form_row.number,
        workflow: workflow_of(&workflow_row)?.for_province(&province),
        province,
        fields,
        row,
    })
}

/// The applicant's own request; anyone else is refused.
pub async fn own(db: &impl ConnectionTrait, who: &SessionUser, id: i32) -> Result<Loaded, AppError> {
    let loaded = load(db, id).await?;
    if loaded.row.applicant_id != who.user_id {
        return Err(AppError::Forbidden);
    }
    Ok(loaded)
}

/// The stored statuses in which the applicant may still change a request:
/// a draft, or one sent back to them. Every write made on the applicant's
/// behalf is conditional on them, so it cannot land on a sent request.
pub(super) const EDITABLE: [&str; 2] = ["draft", "with_applicant"];

/// The applicant's request while they may still change it.
pub(super) async fn editable(db: &impl ConnectionTrait, who: &SessionUser, id: i32) -> Result<Loaded, AppError> {
    let loaded = own(db, who, id).await?;
    if !matches!(loaded.status, Status::Draft | Status::WithApplicant { .. }) {
        return Err(AppError::invalid(
            "form",
            "این درخواست در دست بررسی است و تغییر نمی‌کند.",
        ));
    }
    Ok(loaded)
}

/// A published service with the sub-service `sub_code`: the service row and
/// the sub-service's title.
pub async fn sub_service(
    db: &impl ConnectionTrait,
    service_id: i32,
    sub_code: &str,
) -> Result<(service::Model, String), AppError> {
    let found = any_sub_service(db, service_id, sub_code).await?;
    if found.0.published {
        Ok(found)
    } else {
        Err(AppError::NotFound)
    }
}

/// A sub-service of a service published or not, for administrators, who
/// design its form before the service is offered.
pub async fn any_sub_service(
    db: &impl ConnectionTrait,
    service_id: i32,
    sub_code: &str,
) -> Result<(service::Model, String), AppError> {
    let row = service::Entity::find_by_id(service_id)
        .one(db)
        .await
        .map_err(|e| internal("service", &e))?
        .ok_or(AppError::NotFound)?;
    let card: ServiceCard = serde_json::from_str(&row.card).map_err(|e| internal("service card", &e))?;
    let title = card
        .sub_services
        .iter()
        .find(|s| s.code == sub_code)
        .map(|s| s.title.clone())
        .ok_or(AppError::NotFound)?;
    Ok((row, title))
}

/// The open post with `code`.
pub async fn post_by_code(db: &impl ConnectionTrait, code: &str) -> Result<Option<post::Model>, AppError> {
    post::Entity::find()
        .filter(post::Column::Code.eq(code))
        .filter(post::Column::RetiredAt.is_null())
        .one(db)
        .await
        .map_err(|e| internal("post", &e))
}

/// The codes of the posts `user_id` holds today.
pub async fn posts_held(db: &impl ConnectionTrait, user_id: i32) -> Result<Vec<String>, AppError> {
    let held: Vec<i32> = post_holding::Entity::find()
        .filter(post_holding::Column::UserId.eq(user_id))
        .filter(post_holding::Column::EndedAt.is_null())
        .all(db)
        .await
        .map_err(|e| internal("posts held", &e))?
        .into_iter()
        .map(|h| h.post_id)
        .collect();
    if held.is_empty() {
        return Ok(Vec::new());
    }
    Ok(post::Entity::find()
        .filter(post::Column::Id.is_in(held))
        .all(db)
        .await
        .map_err(|e| internal("posts held", &e))?
        .into_iter()
        .map(|p| p.code)
        .collect())
}

/// Appends to the request's history and the audit log.
pub async fn record(
    db: &impl ConnectionTrait,
    request_id: i32,
    event: EventKind,
    actor: i32,
    note: Option<String>,
    step_key: Option<String>,
) -> Result<(), DbErr> {
    request_event::ActiveModel {
        request_id: Set(request_id),
        action: Set(event.as_str().to_owned()),
        actor_id: Set(actor),
        note: Set(note.clone()),
        at: Set(Utc::now()),
        step_key: Set(step_key),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit(
        db,
        Some(actor),
        &format!("request.{}", event.as_str()),
        &format!("request:{request_id}"),
        note,
    )
    .await
}
