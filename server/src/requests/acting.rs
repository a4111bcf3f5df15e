//! Staff actions at a step: the machine decides, one conditional update on
//! the revision the actor saw stores it, and the history records it.

use app::contracts::session::SessionUser;
use app::domain::workflow::machine::{self, Actor, Command, Holder, Refusal};
use app::domain::working_days::WorkingCalendar;
use app::errors::AppError;
use chrono::{DateTime, Utc};
use rand::RngCore as _;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, TransactionTrait};

use app::contracts::requests::Notice;
use app::domain::digits::to_persian_digits;
use app::domain::jalali::JalaliDate;

use super::store::{Loaded, load, post_by_code, posts_held, record, sub_service};
use crate::cartable::participants::{self, took_part};
use crate::entities::{organisation_unit as unit, request};
use crate::errors::internal;

/// How `who` stands to the request: staff holding its post now act at the
/// step; other staff only read; anyone else may not be here.
pub async fn actor(db: &DatabaseConnection, who: &SessionUser, loaded: &Loaded) -> Result<Actor, AppError> {
    if !who.role.is_staff() {
        return Err(AppError::Forbidden);
    }
    let holding = machine::holding_post(&loaded.workflow, &loaded.status);
    let held = posts_held(db, who.user_id).await?;
    Ok(match holding {
        Some(code) if held.iter().any(|h| h == code) => Actor::StaffAtStep,
        _ => Actor::OtherStaff,
    })
}

/// The field a refusal is shown beside.
fn field_of(refusal: &Refusal) -> &'static str {
    match refusal {
        Refusal::PostRequired | Refusal::SamePost => "post_code",
        _ => "text",
    }
}

/// Takes `command` on the revision the actor saw.
pub async fn act(
    db: &DatabaseConnection,
    calendar: &WorkingCalendar,
    who: &SessionUser,
    id: i32,
    revision: i32,
    command: Command,
) -> Result<(), AppError> {
    let loaded = load(db, id).await?;
    let actor = actor(db, who, &loaded).await?;
    // Someone who held it before and acts on an old page is told what
    // happened; staff who never held this revision may not act at all.
    if loaded.row.revision != revision {
        return Err(AppError::invalid("text", Refusal::Superseded.message()));
    }
    if actor == Actor::OtherStaff {
        return Err(AppError::Forbidden);
    }
    let transition = machine::apply(&loaded.workflow, &loaded.status, actor, &command)
        .map_err(|refusal| AppError::invalid(field_of(&refusal), refusal.message()))?;
    let mut referred_to = None;
    let holder_post_id = match &transition.holder {
        Holder::Step(step) => {
            let code = &loaded.workflow.steps[*step].post_code;
            Some(
                post_by_code(db, code)
                    .await?
                    .ok_or_else(|| internal("workflow post", code))?
                    .id,
            )
        }
        Holder::Referred { post_code, .. } => {
            if !loaded.may_refer_to(post_code) {
                return Err(AppError::invalid(
                    "post_code",
                    "ارجاع فقط به پست‌های سازمانی استان همین درخواست ممکن است؛ پستی از فهرست برگزینید.",
                ));
            }
            let post = post_by_code(db, post_code)
                .await?
                .ok_or_else(|| AppError::invalid("post_code", "این پست سازمانی پیدا نشد یا بسته شده است."))?;
            referred_to = Some(post.title_fa.clone());
            Some(post.id)
        }
        Holder::Applicant | Holder::Nobody => None,
    };
    let now = Utc::now();
    let row = &loaded.row;
    let new_step = transition.status.step();
    let moved_on = new_step.is_some() && new_step != loaded.status.step();
    let step_started_at = if moved_on { Some(now) } else { row.step_started_at };
    let promised_at: Option<DateTime<Utc>> = if moved_on {
        machine::promised(&loaded.workflow, &transition.status, calendar, now)
    } else {
        row.promised_at
    };
    let paused_at = if transition.pauses_clock {
        Some(now)
    } else {
        row.paused_at
    };
    // A new step starts its own clock and may be reminded about again.
    let (step_due_at, overdue_notified_at) = match new_step.filter(|_| moved_on) {
        Some(step) => (
            loaded.workflow.steps.get(step).map(|s| calendar.add(now, s.duration)),
            None,
        ),
        None => (row.step_due_at, row.overdue_notified_at),
    };
    let finished = transition.status.is_finished();
    let notice_code = finished.then(|| {
        let mut positions = [0u8; 8];
        rand::rng().fill_bytes(&mut positions);
        app::domain::tracking_code::from_random(positions)
    });
    let step_key = loaded
        .status
        .step()
        .and_then(|s| loaded.workflow.steps.get(s))
        .map(|s| s.key.clone());
    // A referral's history line names where it went, then the note.
    let text = command.text().map(str::trim).filter(|t| !t.is_empty());
    let note = match (referred_to, text) {
        (Some(post), Some(text)) => Some(format!("به {post}: {text}")),
        (Some(post), None) => Some(format!("به {post}")),
        (None, text) => text.map(str::to_owned),
    };
    let notice = match (&command, &notice_code) {
        (Command::Decide { approve, reasoning }, Some(number)) => {
            let issued = notice(db, who, &loaded, number, *approve, reasoning, now).await?;
            Some(serde_json::to_string(&issued).map_err(|e| internal("notice", &e))?)
        }
        _ => None,
    };
    let status = transition.status.clone();
    let write = async {
        let txn = db.begin().await?;
        let updated = request::Entity::update_many()
            .col_expr(request::Column::Status, Expr::value(status.as_str()))
            .col_expr(
                request::Column::Step,
                Expr::value(new_step.or(loaded.status.step()).and_then(|s| i32::try_from(s).ok())),
            )
            .col_expr(
                request::Column::ReferredPostCode,
                Expr::value(status.referred_to().map(str::to_owned)),
            )
            .col_expr(
                request::Column::ReturnReason,
                Expr::value(status.return_reason().map(|r| r.as_str())),
            )
            .col_expr(request::Column::HolderPostId, Expr::value(holder_post_id))
            .col_expr(request::Column::StepStartedAt, Expr::value(step_started_at))
            .col_expr(request::Column::PromisedAt, Expr::value(promised_at))
            .col_expr(request::Column::PausedAt, Expr::value(paused_at))
            .col_expr(request::Column::StepDueAt, Expr::value(step_due_at))
            .col_expr(request::Column::OverdueNotifiedAt, Expr::value(overdue_notified_at))
            .col_expr(request::Column::DecidedAt, Expr::value(finished.then_some(now)))
            .col_expr(request::Column::NoticeCode, Expr::value(notice_code.clone()))
            .col_expr(request::Column::Notice, Expr::value(notice.clone()))
            .col_expr(request::Column::UpdatedAt, Expr::value(now))
            .col_expr(request::Column::Revision, Expr::value(revision + 1))
            .filter(request::Column::Id.eq(id))
            .filter(request::Column::Revision.eq(revision))
            .exec(&txn)
            .await?;
        if updated.rows_affected == 0 {
            return Ok(false);
        }
        record(&txn, id, transition.event, who.user_id, note, step_key).await?;
        took_part(&txn, who.user_id, id, row.submitted_at, finished).await?;
        if finished {
            participants::finished(&txn, id).await?;
        }
        if status == machine::Status::Approved && loaded.workflow.verifies_identity {
            super::identity::verify(&txn, row.applicant_id).await?;
        }
        if let Some(text) = super::texts::for_status(&status, &row.tracking_code, loaded.workflow.verifies_identity) {
            super::texts::tell(&txn, row.applicant_id, text).await?;
        }
        txn.commit().await?;
        Ok::<_, DbErr>(true)
    };
    match write.await {
        Ok(true) => Ok(()),
        Ok(false) => Err(AppError::invalid("text", Refusal::Superseded.message())),
        Err(error) => Err(internal("request action", &error)),
    }
}

/// Days the applicant has to appeal a refusal, counted from the notice.
const APPEAL_DAYS: u32 = 30;

/// Table 4 as issued now by `who` at the request's last step.
async fn notice(
    db: &DatabaseConnection,
    who: &SessionUser,
    loaded: &Loaded,
    number: &str,
    granted: bool,
    reasoning: &str,
    now: DateTime<Utc>,
) -> Result<Notice, AppError> {
    let row = &loaded.row;
    let sub_code = row.sub_code.clone().unwrap_or_default();
    let (service, sub_service) = sub_service(db, row.service_id.unwrap_or_default(), &sub_code).await?;
    let holding = machine::holding_post(&loaded.workflow, &loaded.status).unwrap_or_default();
    let issuer_post = post_by_code(db, holding).await?.map(|p| p.title_fa).unwrap_or_default();
    let province = unit::Entity::find()
        .filter(unit::Column::Code.eq(loaded.province.as_str()))
        .one(db)
        .await
        .map_err(|e| internal("province", &e))?
        .map(|u| u.name_fa)
        .unwrap_or_default();
    let days = to_persian_digits(&APPEAL_DAYS.to_string());
    let (content, appeal) = if granted {
        (
            format!("با درخواست «{sub_service}» موافقت شد."),
            "پاسخ موافق است و نیازی به اعتراض نیست.".to_owned(),
        )
    } else {
        (
            format!("درخواست «{sub_service}» پذیرفته نشد."),
            format!("اعتراض به این تصمیم تا {days} روز از تاریخ ابلاغ نزد مدیرعامل {province} پذیرفته می‌شود."),
        )
    };
    Ok(Notice {
        number: number.to_owned(),
        date: JalaliDate::from_utc(now)
            .map(|d| d.to_persian_string())
            .unwrap_or_default(),
        tracking_code: row.tracking_code.clone(),
        service: format!("{} — {sub_service}", service.title),
        applicant: row.applicant_name.clone().unwrap_or_default(),
        national_id: to_persian_digits(row.applicant_national_id.as_deref().unwrap_or_default()),
        reasoning: reasoning.trim().to_owned(),
        granted,
        content,
        appeal,
        notes: format!("درستی این ابلاغیه را با شماره آن در نشانی /notices/{number} می‌توان دید."),
        issuer: who.display_name.clone(),
        issuer_post,
    })
}
