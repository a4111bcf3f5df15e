//! Identity verification: the `IdentityDesk` contract of `app`. The
//! applicant fills and sends the form with documents; the desk officer of
//! the chosen province approves it or sends it back with a reason, as many
//! times as needed. Every action goes to the request's history and the audit
//! log, and the applicant gets an SMS at each step.

pub mod storage;
pub mod views;

use crate::cartable::participants::{self, took_part};
use app::contracts::{ByteStream, IdentityDesk, SessionUser};
use app::domain::{identity::IdentityForm, identity::SLOTS, role::Role, tracking_code};
use app::errors::AppError;
use app::serverfns::identity::{FileView, IdentityPage, IdentityRequest, ProvinceOption, UploadLimits};
use async_trait::async_trait;
use chrono::Utc;
use rand::RngCore as _;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set, TransactionTrait, sea_query::Expr,
};

use self::storage::{LocalFiles, display_name};
use crate::entities::{
    audit_entry, organisation_unit as unit, post, post_holding, request, request_event, request_file, user,
};
use crate::errors::internal;
use crate::messages::{Channel, Message, enqueue};

/// The kind of request this module owns.
pub const KIND: &str = "identity";
/// Documents allowed in one slot unless configured otherwise
/// (`MIZEKHEDMAT_UPLOAD_MAX_FILES`).
pub const FILES_PER_SLOT: u64 = 3;
/// How long the desk has to verify an identity, promised to the applicant
/// on the tracking page. Identity verification will take it from its
/// workflow definition once it runs on the workflow engine.
pub const AGREED_DURATION: app::domain::working_days::AgreedDuration =
    app::domain::working_days::AgreedDuration::WorkingDays(2);
const NOT_EDITABLE: &str = "این درخواست در حال بررسی یا پایان‌یافته است و اکنون ویرایش نمی‌شود";
const TAKEN: &str = "این درخواست را هم‌اکنون کس دیگری بررسی کرد یا تغییر کرد؛ صفحه را دوباره باز کنید";

/// Identity verification over the database and local files.
#[derive(Clone)]
pub struct SeaOrmIdentity {
    db: DatabaseConnection,
    files: LocalFiles,
    files_per_slot: u64,
}

impl SeaOrmIdentity {
    /// The service over `db`, keeping documents in `files`.
    pub fn new(db: DatabaseConnection, files: LocalFiles) -> Self {
        Self {
            db,
            files,
            files_per_slot: FILES_PER_SLOT,
        }
    }

    /// The same service allowing `count` documents in each slot (at least one).
    pub fn with_files_per_slot(self, count: u64) -> Self {
        Self {
            files_per_slot: count.max(1),
            ..self
        }
    }

    /// The applicant's request, created as a draft carrying their account's
    /// details on first use.
    async fn own_request(&self, who: &SessionUser) -> Result<request::Model, AppError> {
        if who.role != Role::Applicant {
            return Err(AppError::Forbidden);
        }
        let found = request::Entity::find()
            .filter(request::Column::ApplicantId.eq(who.user_id))
            .filter(request::Column::Kind.eq(KIND))
            .one(&self.db)
            .await
            .map_err(|e| internal("identity lookup", &e))?;
        if let Some(found) = found {
            return Ok(found);
        }
        let account = user::Entity::find_by_id(who.user_id)
            .one(&self.db)
            .await
            .map_err(|e| internal("identity account", &e))?
            .ok_or(AppError::Unauthenticated)?;
        // Copied for the cartable's search by national id or name.
        let (search_id, search_name) = (account.national_id.clone(), views::full_name(&account));
        let form = IdentityForm {
            first_name: account.first_name,
            last_name: account.last_name,
            national_id: account.national_id,
            mobile: account.mobile,
            ..Default::default()
        };
        let mut positions = [0u8; 8];
        rand::rng().fill_bytes(&mut positions);
        let now = Utc::now();
        let created = request::ActiveModel {
            tracking_code: Set(tracking_code::from_random(positions)),
            kind: Set(KIND.to_owned()),
            singleton: Set(Some(format!("{KIND}:{}", who.user_id))),
            applicant_id: Set(who.user_id),
            status: Set("draft".to_owned()),
            data: Set(serde_json::to_string(&form).unwrap_or_default()),
            province_id: Set(None),
            holder_post_id: Set(None),
            revision: Set(0),
            created_at: Set(now),
            submitted_at: Set(None),
            updated_at: Set(now),
            applicant_national_id: Set(Some(search_id)),
            applicant_name: Set(Some(search_name)),
            ..Default::default()
        }
        .insert(&self.db)
        .await;
        match created {
            Ok(row) => Ok(row),
            // Another tab made the draft first: use that one.
            Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
                request::Entity::find()
                    .filter(request::Column::ApplicantId.eq(who.user_id))
                    .filter(request::Column::Kind.eq(KIND))
                    .one(&self.db)
                    .await
                    .map_err(|e| internal("identity lookup", &e))?
                    .ok_or_else(|| internal("identity draft", &"vanished after a conflict"))
            }
            Err(e) => Err(internal("identity draft", &e)),
        }
    }

    async fn editable_request(&self, who: &SessionUser) -> Result<request::Model, AppError> {
        let row = self.own_request(who).await?;
        if matches!(row.status.as_str(), "draft" | "rejected") {
            Ok(row)
        } else {
            Err(AppError::invalid("form", NOT_EDITABLE))
        }
    }

    /// Whether `who` holds, today, the post the request waits at.
    async fn holds_post(&self, who: &SessionUser, post_id: Option<i32>) -> Result<bool, AppError> {
        let Some(post_id) = post_id else { return Ok(false) };
        let held = post_holding::Entity::find()
            .filter(post_holding::Column::UserId.eq(who.user_id))
            .filter(post_holding::Column::PostId.eq(post_id))
            .filter(post_holding::Column::EndedAt.is_null())
            .count(&self.db)
            .await
            .map_err(|e| internal("post check", &e))?;
        Ok(held > 0)
    }

    async fn provinces(&self) -> Result<Vec<unit::Model>, AppError> {
        unit::Entity::find()
            .filter(unit::Column::Kind.eq(unit::KIND_PROVINCIAL_COMPANY))
            .all(&self.db)
            .await
            .map_err(|e| internal("provinces", &e))
    }

    async fn uploaded_slots(&self, request_id: i32) -> Result<Vec<String>, AppError> {
        let files = request_file::Entity::find()
            .filter(request_file::Column::RequestId.eq(request_id))
            .filter(request_file::Column::RemovedAt.is_null())
            .all(&self.db)
            .await
            .map_err(|e| internal("files", &e))?;
        Ok(files.into_iter().map(|f| f.slot).collect())
    }
}

/// Appends to the request's history and the audit log, on `db`.
async fn record(
    db: &impl ConnectionTrait,
    request: &request::Model,
    action: &str,
    actor: i32,
    note: Option<String>,
) -> Result<(), DbErr> {
    let now = Utc::now();
    request_event::ActiveModel {
        request_id: Set(request.id),
        action: Set(action.to_owned()),
        actor_id: Set(actor),
        note: Set(note.clone()),
        at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit(
        db,
        Some(actor),
        &format!("identity.{action}"),
        &format!("request:{}", request.id),
        note,
    )
    .await
}

/// Appends to the audit log.
pub async fn audit(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    action: &str,
    subject: &str,
    detail: Option<String>,
) -> Result<(), DbErr> {
    audit_entry::ActiveModel {
        actor_id: Set(actor),
        action: Set(action.to_owned()),
        subject: Set(subject.to_owned()),
        detail: Set(detail),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// Queues an SMS to the request's applicant, on `db`.
async fn notify(db: &impl ConnectionTrait, applicant_id: i32, text: String) -> Result<(), DbErr> {
    if let Some(account) = user::Entity::find_by_id(applicant_id).one(db).await? {
        enqueue(
            db,
            Message {
                channel: Channel::Sms,
                recipient: account.mobile,
                subject: None,
                body: text,
            },
        )
        .await?;
    }
    Ok(())
}

/// Moves the request from `revision` to its next one with `changes`, only
/// if nobody changed it in between; tells whether it did.
async fn advance(
    db: &impl ConnectionTrait,
    row: &request::Model,
    changes: Vec<(request::Column, sea_orm::sea_query::SimpleExpr)>,
) -> Result<bool, DbErr> {
    let mut update = request::Entity::update_many()
        .col_expr(request::Column::Revision, Expr::value(row.revision + 1))
        .col_expr(request::Column::UpdatedAt, Expr::value(Utc::now()));
    for (column, value) in changes {
        update = update.col_expr(column, value);
    }
    let done = update
        .filter(request::Column::Id.eq(row.id))
        .filter(request::Column::Revision.eq(row.revision))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

#[async_trait]
impl IdentityDesk for SeaOrmIdentity {
    async fn my_request(&self, who: &SessionUser) -> Result<IdentityPage, AppError> {
        let row = self.own_request(who).await?;
        let request = views::request_view(&self.db, &row)
            .await
            .map_err(|e| internal("identity view", &e))?;
        let provinces = self
            .provinces()
            .await?
            .into_iter()
            .map(|p| ProvinceOption {
                code: p.code,
                name: p.name_fa,
            })
            .collect();
        Ok(IdentityPage {
            request,
            provinces,
            limits: UploadLimits {
                max_bytes: self.files.max_bytes(),
                files_per_slot: self.files_per_slot,
            },
        })
    }

    async fn save(&self, who: &SessionUser, form: IdentityForm, send: bool) -> Result<(), AppError> {
        let row = self.editable_request(who).await?;
        if !send {
            let data = serde_json::to_string(&form.for_draft()).unwrap_or_default();
            let saved = advance(&self.db, &row, vec![(request::Column::Data, Expr::value(data))])
                .await
                .map_err(|e| internal("identity draft save", &e))?;
            return if saved {
                Ok(())
            } else {
                Err(AppError::invalid("form", TAKEN))
            };
        }
        let provinces = self.provinces().await?;
        let codes: Vec<String> = provinces.iter().map(|p| p.code.clone()).collect();
        let slots = self.uploaded_slots(row.id).await?;
        let checked = form.validate(&codes, &slots)?;
        let province = provinces
            .iter()
            .find(|p| p.code == checked.province)
            .ok_or(AppError::Forbidden)?;
        // Each province's desk has one desk officer post, named by convention
        // until workflows (with their unit and post per step) are defined.
        let desk_post = post::Entity::find()
            .filter(post::Column::Code.eq(format!("{}.desk.officer", province.code)))
            .one(&self.db)
            .await
            .map_err(|e| internal("desk post", &e))?
            .ok_or_else(|| {
                AppError::invalid(
                    "province",
                    "میز خدمت این استان هنوز راه نیفتاده است؛ استان دیگری برگزینید",
                )
            })?;
        let action = if row.status == "rejected" {
            "resubmitted"
        } else {
            "submitted"
        };
        let data = serde_json::to_string(&checked).unwrap_or_default();
        let sent = async {
            let txn = self.db.begin().await?;
            let moved = advance(
                &txn,
                &row,
                vec![
                    (request::Column::Status, Expr::value("submitted")),
                    (request::Column::Data, Expr::value(data)),
                    (request::Column::ProvinceId, Expr::value(province.id)),
                    (request::Column::HolderPostId, Expr::value(desk_post.id)),
                    (request::Column::SubmittedAt, Expr::value(Utc::now())),
                ],
            )
            .await?;
            if !moved {
                return Ok(false);
            }
            record(&txn, &row, action, who.user_id, None).await?;
            let text = format!(
                "میز خدمت: درخواست تأیید هویت شما با کد رهگیری {} برای بررسی به میز خدمت {} فرستاده شد.",
                row.tracking_code, province.name_fa
            );
            notify(&txn, row.applicant_id, text).await?;
            txn.commit().await?;
            Ok::<_, DbErr>(true)
        };
        match sent.await {
            Ok(true) => {
                tracing::info!(request_id = row.id, "identity request sent to the desk");
                Ok(())
            }
            Ok(false) => Err(AppError::invalid("form", TAKEN)),
            Err(e) => Err(internal("identity send", &e)),
        }
    }

    async fn upload(
        &self,
        who: &SessionUser,
        slot: &str,
        file_name: &str,
        body: ByteStream,
    ) -> Result<FileView, AppError> {
        let row = self.editable_request(who).await?;
        if !SLOTS.iter().any(|(name, _)| *name == slot) {
            return Err(AppError::invalid("file", "نوع مدرک را برگزینید"));
        }
        let in_slot = request_file::Entity::find()
            .filter(request_file::Column::RequestId.eq(row.id))
            .filter(request_file::Column::Slot.eq(slot))
            .filter(request_file::Column::RemovedAt.is_null())
            .count(&self.db)
            .await
            .map_err(|e| internal("slot count", &e))?;
        if in_slot >= self.files_per_slot {
            let most = app::domain::digits::to_persian_digits(&self.files_per_slot.to_string());
            return Err(AppError::invalid(
                slot,
                format!("در هر بخش حداکثر {most} پرونده می‌توان بارگذاری کرد؛ یکی را بردارید"),
            ));
        }
        let stored = self.files.put(body).await.map_err(|e| match e {
            storage::UploadError::Disk(detail) => internal("file storage", &detail),
            other => AppError::invalid(slot, other.to_string()),
        })?;
        let saved = async {
            let txn = self.db.begin().await?;
            let file = request_file::ActiveModel {
                request_id: Set(row.id),
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
            }
            .insert(&txn)
            .await?;
            audit(
                &txn,
                Some(who.user_id),
                "identity.file_uploaded",
                &format!("file:{}", file.id),
                Some(stored.sha256.clone()),
            )
            .await?;
            txn.commit().await?;
            Ok::<_, DbErr>(file)
        };
        match saved.await {
            Ok(file) => Ok(FileView {
                id: file.id,
                slot: file.slot,
                name: file.original_name,
                content_type: file.content_type,
                size: file.size,
            }),
            Err(error) => {
                // Nothing points at the stored file: do not keep it.
                tokio::fs::remove_file(self.files.path_of(&stored.name)).await.ok();
                Err(internal("file record", &error))
            }
        }
    }

    async fn remove_file(&self, who: &SessionUser, file_id: i32) -> Result<(), AppError> {
        let row = self.editable_request(who).await?;
        let file = request_file::Entity::find_by_id(file_id)
            .filter(request_file::Column::RequestId.eq(row.id))
            .filter(request_file::Column::RemovedAt.is_null())
            .one(&self.db)
            .await
            .map_err(|e| internal("file lookup", &e))?
            .ok_or(AppError::Forbidden)?;
        let removed = request_file::Entity::update_many()
            .col_expr(request_file::Column::RemovedAt, Expr::value(Utc::now()))
            .filter(request_file::Column::Id.eq(file_id))
            .filter(request_file::Column::RemovedAt.is_null())
            .exec(&self.db)
            .await
            .map_err(|e| internal("file removal", &e))?;
        if removed.rows_affected == 0 {
            return Err(AppError::Forbidden);
        }
        // The content goes too, so removing and uploading again cannot
        // fill the disk.
        if let Err(error) = tokio::fs::remove_file(self.files.path_of(&file.stored_name)).await {
            tracing::warn!(%error, file_id, "a removed file could not be deleted from storage");
        }
        audit(
            &self.db,
            Some(who.user_id),
            "identity.file_removed",
            &format!("file:{file_id}"),
            None,
        )
        .await
        .map_err(|e| internal("audit", &e))
    }

    async fn review(&self, who: &SessionUser, request_id: i32) -> Result<IdentityRequest, AppError> {
        let row = request::Entity::find_by_id(request_id)
            .one(&self.db)
            .await
            .map_err(|e| internal("request lookup", &e))?
            .ok_or(AppError::Forbidden)?;
        let allowed = row.applicant_id == who.user_id
            || who.role == Role::Administrator
            || (who.role == Role::DeskOfficer && self.holds_post(who, row.holder_post_id).await?);
        if !allowed {
            tracing::warn!(user_id = who.user_id, request_id, "refused: request of someone else");
            return Err(AppError::Forbidden);
        }
        views::request_view(&self.db, &row)
            .await
            .map_err(|e| internal("identity view", &e))
    }

    async fn decide(
        &self,
        who: &SessionUser,
        request_id: i32,
        revision: i32,
        approve: bool,
        reason: &str,
    ) -> Result<(), AppError> {
        let row = request::Entity::find_by_id(request_id)
            .one(&self.db)
            .await
            .map_err(|e| internal("request lookup", &e))?
            .ok_or(AppError::Forbidden)?;
        if who.role != Role::DeskOfficer || !self.holds_post(who, row.holder_post_id).await? {
            tracing::warn!(
                user_id = who.user_id,
                request_id,
                "refused: decision outside one's post"
            );
            return Err(AppError::Forbidden);
        }
        let reason = app::domain::normalize::normalize_input(reason);
        if !approve && reason.is_empty() {
            return Err(AppError::invalid(
                "reason",
                "دلیل عدم تأیید را بنویسید تا متقاضی بداند چه چیزی را اصلاح کند",
            ));
        }
        if row.status != "submitted" || row.revision != revision {
            return Err(AppError::invalid("decision", TAKEN));
        }
        let decided = async {
            let txn = self.db.begin().await?;
            let status = if approve { "approved" } else { "rejected" };
            if !advance(&txn, &row, vec![(request::Column::Status, Expr::value(status))]).await? {
                return Ok(false);
            }
            let text = if approve {
                user::Entity::update_many()
                    .col_expr(user::Column::IdentityVerifiedAt, Expr::value(Utc::now()))
                    .filter(user::Column::Id.eq(row.applicant_id))
                    .exec(&txn)
                    .await?;
                record(&txn, &row, "approved", who.user_id, None).await?;
                took_part(&txn, who.user_id, row.id, row.submitted_at, true).await?;
                participants::finished(&txn, row.id).await?;
                format!(
                    "میز خدمت: هویت شما تأیید شد (کد رهگیری {}). اکنون می‌توانید از خدمات الکترونیکی استفاده کنید.",
                    row.tracking_code
                )
            } else {
                record(&txn, &row, "rejected", who.user_id, Some(reason.clone())).await?;
                took_part(&txn, who.user_id, row.id, row.submitted_at, false).await?;
                format!(
                    "میز خدمت: درخواست تأیید هویت شما (کد رهگیری {}) نیاز به اصلاح دارد. دلیل را در کارتابل خود ببینید.",
                    row.tracking_code
                )
            };
            notify(&txn, row.applicant_id, text).await?;
            txn.commit().await?;
            Ok::<_, DbErr>(true)
        };
        match decided.await {
            Ok(true) => {
                tracing::info!(request_id, approve, "identity decision recorded");
                Ok(())
            }
            Ok(false) => Err(AppError::invalid("decision", TAKEN)),
            Err(e) => Err(internal("identity decision", &e)),
        }
    }
}
