//! The applicant's side: an empty form, a draft, files, and sending.

use app::contracts::requests::Draft;
use app::contracts::requests::ProvinceOption;
use app::contracts::requests::{FormPage, SubServiceName};
use app::contracts::session::SessionUser;
use app::domain::request_form::validate;
use app::domain::tracking_code;
use app::domain::workflow::machine::{self, Actor, Command, Status, clock};
use app::domain::working_days::WorkingCalendar;
use app::errors::{AppError, FieldMessage};
use chrono::Utc;
use rand::RngCore as _;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};

use super::store::{EDITABLE, editable, post_by_code, record, sub_service};
use super::uploads::file_facts;
use super::{KIND, identity, texts, versions};
use crate::entities::{form_version, organisation_unit as unit, request, user, workflow_version};
use crate::errors::internal;

/// The most drafts one applicant may have open at once: enough for any
/// honest use, and a script cannot fill the database with empty requests.
pub const MAX_OPEN_DRAFTS: u64 = 20;

/// Published sub-services with a form, in the catalogue's order; identity
/// verification is reached from its own menu, never offered among them.
pub async fn offered(db: &DatabaseConnection) -> Result<Vec<SubServiceName>, AppError> {
    let forms = crate::entities::form_version::Entity::find()
        .filter(crate::entities::form_version::Column::Number.eq(1))
        .all(db)
        .await
        .map_err(|e| internal("forms", &e))?;
    let verifying = identity::sub_services(db).await?;
    let mut offered = Vec::new();
    for form in forms {
        if verifying.contains(&(form.service_id, form.sub_code.clone())) {
            continue;
        }
        if let Ok((service, sub_service)) = sub_service(db, form.service_id, &form.sub_code).await {
            offered.push(SubServiceName {
                service_id: service.id,
                service: service.title,
                sub_code: form.sub_code,
                sub_service,
            });
        }
    }
    offered.sort_by(|a, b| (a.service_id, &a.sub_code).cmp(&(b.service_id, &b.sub_code)));
    Ok(offered)
}

/// The empty form of a published sub-service.
pub async fn new_form(
    db: &DatabaseConnection,
    who: &SessionUser,
    service_id: i32,
    sub_code: &str,
) -> Result<FormPage, AppError> {
    let (service, sub_title) = sub_service(db, service_id, sub_code).await?;
    let (form_row, _) = current_versions(db, who, service_id, sub_code).await?;
    Ok(FormPage {
        request_id: None,
        name: SubServiceName {
            service_id,
            service: service.title,
            sub_code: sub_code.to_owned(),
            sub_service: sub_title,
        },
        form_version: form_row.number,
        form: versions::form_of(&form_row)?,
        values: Default::default(),
        files: Vec::new(),
        province: String::new(),
        provinces: provinces(db).await?,
        returned: None,
    })
}

/// The sub-service's current form and workflow, if `who` may file on them.
async fn current_versions(
    db: &DatabaseConnection,
    who: &SessionUser,
    service_id: i32,
    sub_code: &str,
) -> Result<(form_version::Model, workflow_version::Model), AppError> {
    let (form_row, workflow_row) = versions::latest(db, service_id, sub_code).await?.ok_or_else(no_form)?;
    identity::may_file(db, who, &versions::workflow_of(&workflow_row)?).await?;
    Ok((form_row, workflow_row))
}

fn no_form() -> AppError {
    AppError::invalid(
        "service",
        "این خدمت هنوز فرم الکترونیکی ندارد؛ برای آن به میز خدمت مراجعه کنید.",
    )
}

/// The provincial companies an applicant may address.
pub async fn provinces(db: &DatabaseConnection) -> Result<Vec<ProvinceOption>, AppError> {
    Ok(unit::Entity::find()
        .filter(unit::Column::Kind.eq(unit::KIND_PROVINCIAL_COMPANY))
        .filter(unit::Column::RetiredAt.is_null())
        .all(db)
        .await
        .map_err(|e| internal("provinces", &e))?
        .into_iter()
        .map(|u| ProvinceOption {
            code: u.code,
            name: u.name_fa,
        })
        .collect())
}

/// A new draft on the sub-service's current versions, with the applicant's
/// national id and name copied for the cartable's search.
pub async fn start(
    db: &DatabaseConnection,
    who: &SessionUser,
    service_id: i32,
    sub_code: &str,
) -> Result<i32, AppError> {
    sub_service(db, service_id, sub_code).await?;
    let (form_row, workflow_row) = current_versions(db, who, service_id, sub_code).await?;
    let open_drafts = request::Entity::find()
        .filter(request::Column::ApplicantId.eq(who.user_id))
        .filter(request::Column::Status.eq(Status::Draft.as_str()))
        .count(db)
        .await
        .map_err(|e| internal("open drafts", &e))?;
    if open_drafts >= MAX_OPEN_DRAFTS {
        let most = app::domain::digits::to_persian_digits(&MAX_OPEN_DRAFTS.to_string());
        return Err(AppError::invalid(
            "service",
            format!("شما {most} پیش‌نویس باز دارید؛ پیش از آغاز درخواست تازه، یکی از آن‌ها را بفرستید یا پس بگیرید."),
        ));
    }
    let account = user::Entity::find_by_id(who.user_id)
        .one(db)
        .await
        .map_err(|e| internal("applicant", &e))?
        .ok_or(AppError::Unauthenticated)?;
    let now = Utc::now();
    let mut positions = [0u8; 8];
    rand::rng().fill_bytes(&mut positions);
    let row = request::ActiveModel {
        tracking_code: Set(tracking_code::from_random(positions)),
        kind: Set(KIND.to_owned()),
        applicant_id: Set(who.user_id),
        status: Set(Status::Draft.as_str().to_owned()),
        data: Set("{}".to_owned()),
        revision: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        service_id: Set(Some(service_id)),
        sub_code: Set(Some(sub_code.to_owned())),
        form_version_id: Set(Some(form_row.id)),
        workflow_version_id: Set(Some(workflow_row.id)),
        applicant_national_id: Set(Some(account.national_id.clone())),
        applicant_name: Set(Some(crate::accounts::full_name(&account))),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| internal("request draft", &e))?;
    Ok(row.id)
}

/// Saves what was typed, whatever it holds; with `send`, checks it and
/// sends it on (a draft) or back (a returned request).
pub async fn save(
    db: &DatabaseConnection,
    calendar: &WorkingCalendar,
    who: &SessionUser,
    draft: Draft,
    send: bool,
) -> Result<(), AppError> {
    let loaded = editable(db, who, draft.request_id).await?;
    let province = match draft.province.trim() {
        "" => None,
        code => Some(
            unit::Entity::find()
                .filter(unit::Column::Code.eq(code))
                .filter(unit::Column::Kind.eq(unit::KIND_PROVINCIAL_COMPANY))
                .one(db)
                .await
                .map_err(|e| internal("province", &e))?
                .ok_or_else(|| AppError::invalid("province", "شرکت استانی را از فهرست برگزینید."))?,
        ),
    };
    if !send {
        request::Entity::update_many()
            .col_expr(request::Column::Data, Expr::value(answers_json(&draft.fields)?))
            .col_expr(
                request::Column::ProvinceId,
                Expr::value(province.as_ref().map(|p| p.id)),
            )
            .col_expr(request::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(request::Column::Id.eq(draft.request_id))
            .filter(request::Column::Status.is_in(EDITABLE))
            .exec(db)
            .await
            .map_err(|e| internal("request save", &e))?;
        return Ok(());
    }
    let files = file_facts(db, draft.request_id).await?;
    let mut problems: Vec<FieldMessage> = match validate(&loaded.form, &draft.fields, &files, true) {
        Ok(_) => Vec::new(),
        Err(found) => found.into_iter().map(FieldMessage::from).collect(),
    };
    let Some(province) = province else {
        problems.insert(
            0,
            FieldMessage {
                field: "province".to_owned(),
                message: "شرکت استانی رسیدگی‌کننده را برگزینید.".to_owned(),
            },
        );
        return Err(AppError::Fields(problems));
    };
    if !problems.is_empty() {
        return Err(AppError::Fields(problems));
    }
    let workflow = {
        let row =
            crate::entities::workflow_version::Entity::find_by_id(loaded.row.workflow_version_id.unwrap_or_default())
                .one(db)
                .await
                .map_err(|e| internal("workflow version", &e))?
                .ok_or_else(|| internal("workflow version", &"missing"))?;
        versions::workflow_of(&row)?.for_province(&province.code)
    };
    let command = match loaded.status {
        Status::Draft => Command::Submit,
        _ => Command::Resubmit,
    };
    let transition = machine::apply(&workflow, &loaded.status, Actor::Applicant, &command)
        .map_err(|refusal| AppError::invalid("form", refusal.message()))?;
    let now = Utc::now();
    let step = transition.status.step().unwrap_or_default();
    let step_def = workflow
        .steps
        .get(step)
        .ok_or_else(|| internal("workflow", &"no first step"))?;
    // A province whose desk has not been set up yet is the applicant's to
    // change, not a server fault.
    let holder = post_by_code(db, &step_def.post_code).await?.ok_or_else(|| {
        AppError::invalid(
            "province",
            "این خدمت هنوز در شرکت استانی برگزیده راه نیفتاده است؛ استان دیگری برگزینید.",
        )
    })?;
    let stored = clock::StoredClocks {
        submitted_at: loaded.row.submitted_at,
        step_started_at: loaded.row.step_started_at,
        promised_at: loaded.row.promised_at,
        step_due_at: loaded.row.step_due_at,
        paused_at: loaded.row.paused_at,
    };
    let clocks = clock::on_sending(&workflow, &transition, &stored, step_def.duration, calendar, now);
    let id = loaded.row.id;
    let code = loaded.row.tracking_code.clone();
    let revision = loaded.row.revision;
    let data = answers_json(&draft.fields)?;
    let step_key = step_def.key.clone();
    let event = transition.event;
    let write = async {
        let txn = db.begin().await?;
        let updated = request::Entity::update_many()
            .col_expr(request::Column::Status, Expr::value(transition.status.as_str()))
            .col_expr(
                request::Column::Step,
                Expr::value(i32::try_from(step).unwrap_or_default()),
            )
            .col_expr(request::Column::ReferredPostCode, Expr::value(Option::<String>::None))
            .col_expr(request::Column::ReturnReason, Expr::value(Option::<String>::None))
            .col_expr(
                request::Column::PausedAt,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            )
            .col_expr(request::Column::HolderPostId, Expr::value(holder.id))
            .col_expr(request::Column::ProvinceId, Expr::value(province.id))
            .col_expr(request::Column::Data, Expr::value(data))
            .col_expr(request::Column::SubmittedAt, Expr::value(clocks.submitted_at))
            .col_expr(request::Column::StepStartedAt, Expr::value(clocks.step_started_at))
            .col_expr(request::Column::PromisedAt, Expr::value(clocks.promised_at))
            .col_expr(request::Column::StepDueAt, Expr::value(clocks.step_due_at))
            .col_expr(request::Column::UpdatedAt, Expr::value(now))
            .col_expr(request::Column::Revision, Expr::value(revision + 1))
            .filter(request::Column::Id.eq(id))
            .filter(request::Column::Revision.eq(revision))
            .exec(&txn)
            .await?;
        if updated.rows_affected == 0 {
            return Ok(false);
        }
        record(&txn, id, event, who.user_id, None, Some(step_key)).await?;
        let text = match command {
            Command::Submit => texts::receipt(&code),
            _ => texts::resent(&code),
        };
        texts::tell(&txn, loaded.row.applicant_id, text).await?;
        txn.commit().await?;
        Ok::<_, DbErr>(true)
    };
    match write.await {
        Ok(true) => Ok(()),
        Ok(false) => Err(AppError::invalid("form", machine::Refusal::Superseded.message())),
        Err(error) => Err(internal("request send", &error)),
    }
}

/// The answers as stored. Writing `""` when they cannot be serialised would
/// replace the applicant's work with nothing; the failure is reported instead.
fn answers_json(fields: &impl serde::Serialize) -> Result<String, AppError> {
    serde_json::to_string(fields).map_err(|e| internal("request answers", &e))
}
