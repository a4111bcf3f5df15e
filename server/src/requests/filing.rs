//! The applicant's side: an empty form, a draft, files, and sending.

use std::collections::BTreeMap;

use app::contracts::{ByteStream, Draft, SessionUser};
use app::domain::request_form::{FieldKind, FileFacts, validate};
use app::domain::tracking_code;
use app::domain::workflow::machine::{self, Actor, Command, Status};
use app::domain::working_days::WorkingCalendar;
use app::errors::{AppError, FieldMessage};
use app::serverfns::requests::ProvinceOption;
use app::serverfns::requests::{FormPage, SubServiceName};
use chrono::Utc;
use rand::RngCore as _;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
    Set, TransactionTrait,
};

use super::store::{Loaded, own, post_by_code, record, sub_service};
use super::{KIND, identity, texts, versions};
use crate::audit::audit;
use crate::entities::{form_version, organisation_unit as unit, request, request_file, user, workflow_version};
use crate::errors::internal;
use crate::storage::{LocalFiles, UploadError, display_name};

/// The most drafts one applicant may have open at once: enough for any
/// honest use, and a script cannot fill the database with empty requests.
pub const MAX_OPEN_DRAFTS: u64 = 20;

/// The most bytes of documents one applicant may keep on their requests.
pub const MAX_STORED_BYTES: i64 = 200 * 1024 * 1024;

/// The stored statuses in which the applicant may still change a request:
/// a draft, or one sent back to them. Every write made on the applicant's
/// behalf is conditional on them, so it cannot land on a sent request.
const EDITABLE: [&str; 2] = ["draft", "with_applicant"];

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

/// The applicant's request while they may still change it.
async fn editable(db: &DatabaseConnection, who: &SessionUser, id: i32) -> Result<Loaded, AppError> {
    let loaded = own(db, who, id).await?;
    if !matches!(loaded.status, Status::Draft | Status::WithApplicant { .. }) {
        return Err(AppError::invalid(
            "form",
            "این درخواست در دست بررسی است و تغییر نمی‌کند.",
        ));
    }
    Ok(loaded)
}

/// The files kept on a request, by field name, as the form's check reads them.
async fn file_facts(db: &DatabaseConnection, id: i32) -> Result<BTreeMap<String, Vec<FileFacts>>, AppError> {
    let mut facts: BTreeMap<String, Vec<FileFacts>> = BTreeMap::new();
    for file in kept_files(db, id).await? {
        facts.entry(file.slot).or_default().push(FileFacts {
            name: file.original_name,
            bytes: u64::try_from(file.size).unwrap_or_default(),
        });
    }
    Ok(facts)
}

/// The files on a request that were not taken off.
pub async fn kept_files(db: &DatabaseConnection, id: i32) -> Result<Vec<request_file::Model>, AppError> {
    request_file::Entity::find()
        .filter(request_file::Column::RequestId.eq(id))
        .filter(request_file::Column::RemovedAt.is_null())
        .all(db)
        .await
        .map_err(|e| internal("files", &e))
}

/// Streams a file into a file field, within the field's types, size and count.
pub async fn upload(
    db: &DatabaseConnection,
    files: &LocalFiles,
    who: &SessionUser,
    id: i32,
    slot: &str,
    file_name: &str,
    body: ByteStream,
) -> Result<(), AppError> {
    let loaded = editable(db, who, id).await?;
    let Some(FieldKind::Files {
        allowed,
        max_mb,
        max_files,
    }) = loaded.form.fields.iter().find(|f| f.name == slot).map(|f| &f.kind)
    else {
        return Err(AppError::invalid("form", "این بخش پرونده نمی‌پذیرد."));
    };
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    if !allowed.contains(&extension) {
        let list = allowed.join("، ");
        return Err(AppError::invalid(slot, format!("فقط پرونده‌های {list} پذیرفته می‌شود.")));
    }
    let in_slot = file_facts(db, id).await?.get(slot).map_or(0, Vec::len);
    if in_slot >= *max_files as usize {
        let most = app::domain::digits::to_persian_digits(&max_files.to_string());
        return Err(AppError::invalid(
            slot,
            format!("در این بخش حداکثر {most} پرونده می‌توان گذاشت؛ یکی را بردارید."),
        ));
    }
    let kept_bytes = stored_bytes(db, who).await?;
    if kept_bytes >= MAX_STORED_BYTES {
        return Err(over_quota(slot));
    }
    let stored = files.put(body).await.map_err(|e| match e {
        UploadError::Disk(detail) => internal("file storage", &detail),
        other => AppError::invalid(slot, other.to_string()),
    })?;
    let too_large = u64::try_from(stored.size).unwrap_or(u64::MAX) > u64::from(*max_mb) * 1024 * 1024;
    let wrong_type = !matches!(
        (extension.as_str(), stored.content_type),
        ("pdf", "application/pdf") | ("jpg" | "jpeg", "image/jpeg") | ("png", "image/png")
    );
    if kept_bytes + stored.size > MAX_STORED_BYTES {
        tokio::fs::remove_file(files.path_of(&stored.name)).await.ok();
        return Err(over_quota(slot));
    }
    if too_large || wrong_type {
        tokio::fs::remove_file(files.path_of(&stored.name)).await.ok();
        let message = if too_large {
            let most = app::domain::digits::to_persian_digits(&max_mb.to_string());
            format!("حجم هر پرونده در این بخش نباید بیش از {most} مگابایت باشد.")
        } else {
            "محتوای پرونده با نوع نام آن یکی نیست.".to_owned()
        };
        return Err(AppError::invalid(slot, message));
    }
    // The file streamed in while the request could have been sent: attach
    // it only while the request is still the applicant's to change. The
    // guard's update holds the request's row until the file row is written.
    let saved = attach(
        db,
        id,
        request_file::ActiveModel {
            request_id: Set(id),
            slot: Set(slot.to_owned()),
            original_name: Set(display_name(file_name)),
            stored_name: Set(stored.name.clone()),
            content_type: Set(stored.content_type.to_owned()),
            size: Set(stored.size),
            sha256: Set(stored.sha256.clone()),
            uploaded_by: Set(who.user_id),
            uploaded_at: Set(Utc::now()),
            removed_at: Set(None),
            ..Default::default()
        },
    )
    .await;
    let file = match saved {
        Ok(file) => file,
        Err(error) => {
            tokio::fs::remove_file(files.path_of(&stored.name)).await.ok();
            return Err(error);
        }
    };
    audit(
        db,
        Some(who.user_id),
        "request.file_uploaded",
        &format!("file:{}", file.id),
        Some(stored.sha256),
    )
    .await
    .map_err(|e| internal("audit", &e))
}

/// Writes the file's row if request `id` is still a draft or back with the
/// applicant; refuses otherwise.
async fn attach(
    db: &DatabaseConnection,
    id: i32,
    row: request_file::ActiveModel,
) -> Result<request_file::Model, AppError> {
    let txn = db.begin().await.map_err(|e| internal("file record", &e))?;
    let still_editable = request::Entity::update_many()
        .col_expr(request::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(request::Column::Id.eq(id))
        .filter(request::Column::Status.is_in(EDITABLE))
        .exec(&txn)
        .await
        .map_err(|e| internal("file record", &e))?;
    if still_editable.rows_affected != 1 {
        return Err(AppError::invalid(
            "form",
            "این درخواست هم‌اکنون فرستاده شد و پرونده به آن افزوده نشد.",
        ));
    }
    let file = row.insert(&txn).await.map_err(|e| internal("file record", &e))?;
    txn.commit().await.map_err(|e| internal("file record", &e))?;
    Ok(file)
}

/// The bytes of documents kept on the applicant's requests.
async fn stored_bytes(db: &DatabaseConnection, who: &SessionUser) -> Result<i64, AppError> {
    let sizes: Vec<i64> = request_file::Entity::find()
        .select_only()
        .column(request_file::Column::Size)
        .filter(request_file::Column::UploadedBy.eq(who.user_id))
        .filter(request_file::Column::RemovedAt.is_null())
        .into_tuple()
        .all(db)
        .await
        .map_err(|e| internal("stored bytes", &e))?;
    Ok(sizes.iter().sum())
}

fn over_quota(slot: &str) -> AppError {
    let most = app::domain::digits::to_persian_digits(&(MAX_STORED_BYTES / 1024 / 1024).to_string());
    AppError::invalid(
        slot,
        format!("پرونده‌های شما روی هم از {most} مگابایت بیشتر شده است؛ پرونده‌های کنارگذاشتنی را بردارید."),
    )
}

/// Takes a file off the applicant's editable request. Its content is
/// deleted from storage; the row, with the file's SHA-256, stays for the
/// record, so a removed upload cannot be used to fill the disk.
pub async fn remove_file(
    db: &DatabaseConnection,
    files: &LocalFiles,
    who: &SessionUser,
    id: i32,
    file_id: i32,
) -> Result<(), AppError> {
    editable(db, who, id).await?;
    let Some(file) = request_file::Entity::find_by_id(file_id)
        .filter(request_file::Column::RequestId.eq(id))
        .filter(request_file::Column::RemovedAt.is_null())
        .one(db)
        .await
        .map_err(|e| internal("file removal", &e))?
    else {
        return Ok(());
    };
    request_file::Entity::update_many()
        .col_expr(request_file::Column::RemovedAt, Expr::value(Utc::now()))
        .filter(request_file::Column::Id.eq(file.id))
        .exec(db)
        .await
        .map_err(|e| internal("file removal", &e))?;
    // After the row says so: a crash in between leaves an orphan file, never
    // a kept row without its content.
    if let Err(error) = tokio::fs::remove_file(files.path_of(&file.stored_name)).await {
        tracing::warn!(%error, file_id = file.id, "a removed file's content could not be deleted");
    }
    Ok(())
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
            .col_expr(
                request::Column::Data,
                Expr::value(serde_json::to_string(&draft.fields).unwrap_or_default()),
            )
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
    let (promised, step_due) = match (transition.resumes_clock, loaded.row.promised_at, loaded.row.paused_at) {
        (true, Some(promised), Some(paused)) => (
            Some(calendar.shift_for_pause(promised, paused, now)),
            loaded
                .row
                .step_due_at
                .map(|due| calendar.shift_for_pause(due, paused, now)),
        ),
        _ => (
            machine::promised(&workflow, &transition.status, calendar, now),
            Some(calendar.add(now, step_def.duration)),
        ),
    };
    let id = loaded.row.id;
    let code = loaded.row.tracking_code.clone();
    let revision = loaded.row.revision;
    let data = serde_json::to_string(&draft.fields).unwrap_or_default();
    let step_key = step_def.key.clone();
    let event = transition.event;
    let submitted_at = loaded.row.submitted_at.unwrap_or(now);
    let step_started = if transition.resumes_clock {
        loaded.row.step_started_at.unwrap_or(now)
    } else {
        now
    };
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
            .col_expr(request::Column::SubmittedAt, Expr::value(submitted_at))
            .col_expr(request::Column::StepStartedAt, Expr::value(step_started))
            .col_expr(request::Column::PromisedAt, Expr::value(promised))
            .col_expr(request::Column::StepDueAt, Expr::value(step_due))
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
