//! The applicant's page and the staff's report of one request.

use app::contracts::requests::EventView;
use app::contracts::requests::{
    Application, Case, FormPage, Notice, PostOption, Receipt, StepProgress, SubServiceName,
};
use app::contracts::session::SessionUser;
use app::domain::digits::to_persian_digits;
use app::domain::jalali::format_persian_datetime;
use app::domain::role::Role;
use app::domain::workflow::StepAction;
use app::domain::workflow::machine::{Actor, EventKind, ReturnReason, Status};
use app::domain::working_days::{AgreedDuration, WorkingCalendar};
use app::errors::AppError;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::acting::actor;
use super::describe::{answers, file_view};
use super::filing::provinces;
use super::store::{Loaded, load, own, sub_service};
use super::uploads::kept_files;
use crate::accounts::full_name;
use crate::entities::{organisation_unit as unit, post, request_event, user};
use crate::errors::internal;

/// The applicant's own request.
pub async fn application(
    db: &DatabaseConnection,
    calendar: &WorkingCalendar,
    who: &SessionUser,
    id: i32,
) -> Result<Application, AppError> {
    let loaded = own(db, who, id).await?;
    let name = name_of(db, &loaded).await?;
    let files = kept_files(db, id).await?;
    let row = &loaded.row;
    let form = match &loaded.status {
        Status::Draft | Status::WithApplicant { .. } => Some(FormPage {
            request_id: Some(id),
            name: name.clone(),
            form_version: loaded.form_number,
            form: loaded.form.clone(),
            values: loaded.fields.clone(),
            files: files.iter().map(file_view).collect(),
            province: loaded.province.clone(),
            provinces: provinces(db).await?,
            returned: returned_for(db, &loaded).await?,
        }),
        _ => None,
    };
    let history = history(db, &loaded, false).await?;
    Ok(Application {
        id,
        tracking_code: row.tracking_code.clone(),
        status: status_text(&loaded),
        receipt: receipt(&loaded, &name)?,
        answers: answers(&loaded.form, &loaded.fields, &files),
        steps: steps(db, calendar, &loaded).await?,
        history,
        notice: notice_of(&loaded.row),
        form,
        name,
    })
}

/// The report and actions, for staff whose post holds or held the request,
/// and for managers and administrators of the request's province (or of a
/// national unit). Every read is written to the audit log.
pub async fn case(
    db: &DatabaseConnection,
    calendar: &WorkingCalendar,
    who: &SessionUser,
    id: i32,
) -> Result<Case, AppError> {
    let loaded = load(db, id).await?;
    let actor = actor(db, who, &loaded).await?;
    let acted = request_event::Entity::find()
        .filter(request_event::Column::RequestId.eq(id))
        .filter(request_event::Column::ActorId.eq(who.user_id))
        .one(db)
        .await
        .map_err(|e| internal("case access", &e))?
        .is_some();
    let admitted = actor == Actor::StaffAtStep
        || acted
        || (matches!(who.role, Role::Manager | Role::Administrator) && oversees(db, who, &loaded).await?);
    if !admitted {
        return Err(AppError::Forbidden);
    }
    crate::audit::audit(db, Some(who.user_id), "request.viewed", &format!("request:{id}"), None)
        .await
        .map_err(|e| internal("audit", &e))?;
    let name = name_of(db, &loaded).await?;
    let files = kept_files(db, id).await?;
    let step = loaded.status.step().and_then(|s| loaded.workflow.steps.get(s));
    let holder = match loaded.row.holder_post_id {
        Some(post_id) => post::Entity::find_by_id(post_id)
            .one(db)
            .await
            .map_err(|e| internal("holder", &e))?
            .map(|p| p.title_fa),
        None => None,
    };
    let actions = match (actor, step) {
        (Actor::StaffAtStep, Some(step)) => step.actions.iter().map(|a| a.as_str().to_owned()).collect(),
        _ => Vec::new(),
    };
    let refer_to = if step.is_some_and(|s| s.allows(StepAction::Refer)) && actor == Actor::StaffAtStep {
        refer_options(db, &loaded).await?
    } else {
        Vec::new()
    };
    let province = unit::Entity::find()
        .filter(unit::Column::Code.eq(loaded.province.as_str()))
        .one(db)
        .await
        .map_err(|e| internal("province", &e))?
        .map(|u| u.name_fa)
        .unwrap_or_default();
    Ok(Case {
        id,
        revision: loaded.row.revision,
        receipt: receipt(&loaded, &name)?.ok_or(AppError::NotFound)?,
        status: status_text(&loaded),
        step: step.map(|s| s.title.clone()),
        holder,
        province,
        form_version: loaded.form_number,
        answers: answers(&loaded.form, &loaded.fields, &files),
        steps: steps(db, calendar, &loaded).await?,
        history: history(db, &loaded, true).await?,
        actions,
        refer_to,
        notice: notice_of(&loaded.row),
    })
}

/// The notice issued with the decision, if any.
pub fn notice_of(row: &crate::entities::request::Model) -> Option<Notice> {
    serde_json::from_str(row.notice.as_deref()?).ok()
}

/// A notice by its number, for the public verification page.
pub async fn notice(db: &DatabaseConnection, number: &str) -> Result<Option<Notice>, AppError> {
    let Some(number) = app::domain::tracking_code::parse(number) else {
        return Ok(None);
    };
    let row = crate::entities::request::Entity::find()
        .filter(crate::entities::request::Column::NoticeCode.eq(number))
        .one(db)
        .await
        .map_err(|e| internal("notice", &e))?;
    Ok(row.as_ref().and_then(notice_of).map(Notice::for_the_public))
}

/// Posts of the request's province and the step's own post, but not the
/// one holding it now: a desk officer refers to the province's experts.
async fn refer_options(db: &DatabaseConnection, loaded: &Loaded) -> Result<Vec<PostOption>, AppError> {
    let holding = app::domain::workflow::machine::holding_post(&loaded.workflow, &loaded.status).unwrap_or_default();
    let posts = post::Entity::find()
        .filter(post::Column::RetiredAt.is_null())
        .order_by_asc(post::Column::Code)
        .all(db)
        .await
        .map_err(|e| internal("refer options", &e))?;
    Ok(posts
        .into_iter()
        .filter(|p| p.code != holding && loaded.may_refer_to(&p.code))
        .map(|p| PostOption {
            name: p.title_fa,
            code: p.code,
        })
        .collect())
}

/// Whether a manager or administrator oversees the request: one of their
/// posts is in the request's provincial company, or in a unit above every
/// province (the ministry, the national company). A provincial manager
/// reads their own province's requests, not another's.
async fn oversees(db: &DatabaseConnection, who: &SessionUser, loaded: &Loaded) -> Result<bool, AppError> {
    let held = super::store::posts_held(db, who.user_id).await?;
    let provinces: Vec<String> = provinces(db).await?.into_iter().map(|p| p.code).collect();
    Ok(held.iter().any(|code| {
        let first = code.split('.').next().unwrap_or_default();
        first == loaded.province || !provinces.iter().any(|p| p == first)
    }))
}

async fn name_of(db: &DatabaseConnection, loaded: &Loaded) -> Result<SubServiceName, AppError> {
    let service_id = loaded.row.service_id.unwrap_or_default();
    let sub_code = loaded.row.sub_code.clone().unwrap_or_default();
    // A service unpublished since keeps its requests readable.
    let (service, sub_service) = match sub_service(db, service_id, &sub_code).await {
        Ok((row, title)) => (row.title, title),
        Err(_) => (String::new(), sub_code.clone()),
    };
    Ok(SubServiceName {
        service_id,
        service,
        sub_code,
        sub_service,
    })
}

/// What staff asked for, while the request is back with the applicant.
async fn returned_for(db: &DatabaseConnection, loaded: &Loaded) -> Result<Option<String>, AppError> {
    if !matches!(loaded.status, Status::WithApplicant { .. }) {
        return Ok(None);
    }
    Ok(request_event::Entity::find()
        .filter(request_event::Column::RequestId.eq(loaded.row.id))
        .filter(request_event::Column::Action.is_in([EventKind::Returned.as_str(), EventKind::DocumentsAsked.as_str()]))
        .order_by_desc(request_event::Column::Id)
        .one(db)
        .await
        .map_err(|e| internal("return reason", &e))?
        .and_then(|e| e.note))
}

fn status_text(loaded: &Loaded) -> String {
    match &loaded.status {
        Status::Draft => "پیش‌نویس؛ هنوز ارسال نشده".to_owned(),
        Status::InProgress { step, .. } => {
            let title = loaded
                .workflow
                .steps
                .get(*step)
                .map(|s| s.title.as_str())
                .unwrap_or_default();
            format!("در حال بررسی: {title}")
        }
        Status::WithApplicant {
            reason: ReturnReason::Correction,
            ..
        } => "بازگشته به متقاضی برای اصلاح".to_owned(),
        Status::WithApplicant {
            reason: ReturnReason::Documents,
            ..
        } => "در انتظار مدارک بیشتر از متقاضی".to_owned(),
        Status::Approved => "تأیید نهایی شد".to_owned(),
        Status::Rejected => "رد شد".to_owned(),
        Status::Withdrawn => "متقاضی انصراف داد".to_owned(),
    }
}

/// Table 3, once the request has been sent.
fn receipt(loaded: &Loaded, name: &SubServiceName) -> Result<Option<Receipt>, AppError> {
    let row = &loaded.row;
    let Some(received) = row.submitted_at else {
        return Ok(None);
    };
    let waiting_on_staff = matches!(loaded.status, Status::InProgress { .. });
    Ok(Some(Receipt {
        tracking_code: row.tracking_code.clone(),
        service: format!("{} — {}", name.service, name.sub_service),
        applicant: row.applicant_name.clone().unwrap_or_default(),
        national_id: to_persian_digits(row.applicant_national_id.as_deref().unwrap_or_default()),
        received_at: format_persian_datetime(received),
        promised_at: row
            .promised_at
            .filter(|_| waiting_on_staff)
            .map(format_persian_datetime),
    }))
}

/// Office minutes in an agreed duration: a working day is the office day.
fn agreed_minutes(duration: AgreedDuration) -> u64 {
    match duration {
        AgreedDuration::Hours(h) => u64::from(h) * 60,
        AgreedDuration::WorkingDays(d) => u64::from(d) * 8 * 60,
    }
}

fn minutes_text(minutes: u64) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    to_persian_digits(&match (hours / 8, hours % 8) {
        (0, 0) => format!("{rest} دقیقه"),
        (0, h) => format!("{h} ساعت و {rest} دقیقه"),
        (d, h) => format!("{d} روز کاری و {h} ساعت"),
    })
}

/// Each step with its state and the office time it took: a step begins
/// when the request was sent to it and ends when it was forwarded on.
async fn steps(
    db: &DatabaseConnection,
    calendar: &WorkingCalendar,
    loaded: &Loaded,
) -> Result<Vec<StepProgress>, AppError> {
    let events = request_event::Entity::find()
        .filter(request_event::Column::RequestId.eq(loaded.row.id))
        .order_by_asc(request_event::Column::Id)
        .all(db)
        .await
        .map_err(|e| internal("events", &e))?;
    let now = Utc::now();
    let mut started: Vec<Option<DateTime<Utc>>> = vec![None; loaded.workflow.steps.len()];
    let mut ended: Vec<Option<DateTime<Utc>>> = vec![None; loaded.workflow.steps.len()];
    let mut current = 0usize;
    for event in &events {
        match EventKind::parse(&event.action) {
            Some(EventKind::Submitted) => {
                current = 0;
                started[0] = started[0].or(Some(event.at));
            }
            Some(EventKind::Forwarded) => {
                if let Some(end) = ended.get_mut(current) {
                    *end = Some(event.at);
                }
                current += 1;
                if let Some(start) = started.get_mut(current) {
                    *start = Some(event.at);
                }
            }
            Some(EventKind::Granted | EventKind::Refused) => {
                if let Some(end) = ended.get_mut(current) {
                    *end = Some(event.at);
                }
            }
            _ => {}
        }
    }
    let units = unit::Entity::find().all(db).await.map_err(|e| internal("units", &e))?;
    let at = loaded.status.step();
    Ok(loaded
        .workflow
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let state = match (ended[i], at) {
                (Some(_), _) => "done",
                (None, Some(at)) if at == i => "current",
                _ => "to_come",
            };
            let took = started[i].map(|from| calendar.office_minutes_between(from, ended[i].unwrap_or(now)));
            StepProgress {
                title: step.title.clone(),
                unit: units
                    .iter()
                    .find(|u| u.code == step.unit_code)
                    .map_or_else(|| step.unit_code.clone(), |u| u.name_fa.clone()),
                agreed: step.duration.in_persian(),
                state: state.to_owned(),
                took: took.map(minutes_text),
                overdue: took.is_some_and(|m| m > agreed_minutes(step.duration)),
            }
        })
        .collect())
}

/// The history, oldest first. Staff see who acted; the applicant sees the
/// unit that acted, never a staff member's name.
async fn history(db: &DatabaseConnection, loaded: &Loaded, staff_view: bool) -> Result<Vec<EventView>, AppError> {
    let events = request_event::Entity::find()
        .filter(request_event::Column::RequestId.eq(loaded.row.id))
        .order_by_asc(request_event::Column::Id)
        .all(db)
        .await
        .map_err(|e| internal("events", &e))?;
    let mut views = Vec::with_capacity(events.len());
    for event in events {
        let by = if event.actor_id == loaded.row.applicant_id {
            loaded.row.applicant_name.clone().unwrap_or_else(|| "متقاضی".to_owned())
        } else if staff_view {
            user::Entity::find_by_id(event.actor_id)
                .one(db)
                .await
                .map_err(|e| internal("actor", &e))?
                .map(|u| full_name(&u))
                .unwrap_or_default()
        } else {
            "کارشناس رسیدگی‌کننده".to_owned()
        };
        let hide_note = !staff_view && event.action == EventKind::Commented.as_str();
        views.push(EventView {
            activity: EventKind::parse(&event.action)
                .map_or("اقدام", |k| k.title_fa())
                .to_owned(),
            at: format_persian_datetime(event.at),
            by,
            note: if hide_note { None } else { event.note },
        });
    }
    Ok(views)
}
