//! The applicant's documents on an editable request: streaming one into a
//! file field within its types, size, count and the applicant's quota, and
//! taking one off again. Sending (`filing`) reads what is kept here.

use std::collections::BTreeMap;

use app::contracts::requests::ByteStream;
use app::contracts::session::SessionUser;
use app::domain::request_form::{FieldKind, FileFacts};
use app::errors::AppError;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set, TransactionTrait,
};

use super::store::{EDITABLE, editable};
use crate::audit::audit;
use crate::entities::{request, request_file};
use crate::errors::internal;
use crate::storage::{LocalFiles, UploadError, display_name};

/// The most bytes of documents one applicant may keep on their requests.
pub const MAX_STORED_BYTES: i64 = 200 * 1024 * 1024;

/// The files kept on a request, by field name, as the form's check reads them.
pub(super) async fn file_facts(db: &DatabaseConnection, id: i32) -> Result<BTreeMap<String, Vec<FileFacts>>, AppError> {
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
