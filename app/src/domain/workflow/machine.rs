//! One request's way through its workflow: which command each person may
//! give at each point, where the request goes next, and when the applicant
//! can expect an answer.
//!
//! [`apply`] is pure: it reads a status and returns the next one, or why not.
//! "Two people acting on the same request at once: one wins" is the store's
//! half of the bargain: it saves a [`Transition`] only if the request still
//! has the status `apply` was given (a conditional update on the status or a
//! version column), and otherwise answers [`Refusal::Superseded`]; the loser
//! reloads and, asking again, meets the refusal the new status calls for.
//!
//! Referral is a hand-over inside a step, not a step of its own: the desk
//! officer refers a request to a domain expert's post, which then holds it
//! at the same step with the same actions the step allows — approve and
//! forward, return to the applicant, ask for documents, comment, or refer
//! further (referring back to the step's own post is the expert's answer).
//! A referral ends when the request leaves the step or goes back to the
//! applicant: a resubmitted request comes back to the step's own post, whose
//! holder sees every correction first and refers again if need be.

pub mod clock;
mod refusal;
mod staff_form;
mod status;
#[cfg(test)]
mod tests;

pub use refusal::Refusal;
pub use status::{Folder, Holder, ReturnReason, Status};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{StepAction, StepDefinition, WorkflowDefinition};
use crate::domain::normalize::normalize_input;
use crate::domain::working_days::{AgreedDuration, WorkingCalendar};

/// The longest reason, request for documents, referral note or comment.
pub const MOST_REASON: usize = 2000;

/// The longest reasoning of a final decision (table 4's legal basis).
pub const MOST_REASONING: usize = 4000;

/// Who is acting, relative to the request. The caller works it out: the
/// applicant who owns the request; staff holding [`holding_post`]; or any
/// other staff member, who may read but not act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Actor {
    /// The applicant who filed the request.
    Applicant,
    /// A staff member holding the post that holds the request now.
    StaffAtStep,
    /// Any other staff member.
    OtherStaff,
}

impl Actor {
    /// Every kind of actor.
    pub const ALL: [Actor; 3] = [Actor::Applicant, Actor::StaffAtStep, Actor::OtherStaff];
}

/// What someone asks to do with a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    /// The applicant sends a draft (ثبت و ارسال).
    Submit,
    /// Staff approve the step and forward to the next.
    Approve,
    /// Staff send it back for correction, saying what to correct.
    ReturnToApplicant {
        /// What is wrong, for the applicant.
        reason: String,
    },
    /// Staff hand it to another post within the step.
    Refer {
        /// The post it goes to, resolved for the request's province.
        post_code: String,
        /// An optional note for the receiver.
        note: String,
    },
    /// Staff add a comment to the history; nothing moves.
    Comment {
        /// The comment.
        text: String,
    },
    /// Staff send it back asking for more documents.
    AskDocuments {
        /// Which documents, for the applicant.
        what: String,
    },
    /// The applicant sends it again after correcting it.
    Resubmit,
    /// The last step's final decision, with its reasoning.
    Decide {
        /// Whether the decision is favourable.
        approve: bool,
        /// The legal basis and reasoning of the decision notice.
        reasoning: String,
    },
    /// The applicant gives the request up.
    Withdraw,
}

impl Command {
    /// The step action a staff command needs; `None` for the applicant's.
    pub fn action(&self) -> Option<StepAction> {
        match self {
            Command::Approve => Some(StepAction::Approve),
            Command::ReturnToApplicant { .. } => Some(StepAction::ReturnToApplicant),
            Command::Refer { .. } => Some(StepAction::Refer),
            Command::Comment { .. } => Some(StepAction::Comment),
            Command::AskDocuments { .. } => Some(StepAction::AskDocuments),
            Command::Decide { .. } => Some(StepAction::Decide),
            Command::Submit | Command::Resubmit | Command::Withdraw => None,
        }
    }

    /// The text the history records with the command, if it carries one.
    pub fn text(&self) -> Option<&str> {
        match self {
            Command::ReturnToApplicant { reason: text }
            | Command::Refer { note: text, .. }
            | Command::Comment { text }
            | Command::AskDocuments { what: text }
            | Command::Decide { reasoning: text, .. } => Some(text.as_str()),
            Command::Submit | Command::Approve | Command::Resubmit | Command::Withdraw => None,
        }
    }
}

crate::domain::catalogue::choices::choices! {
    /// What the append-only history records: the workflow list's activity.
    EventKind {
        Submitted = "submitted", "ثبت و ارسال", "Submitted";
        Forwarded = "forwarded", "تأیید و ارسال به مرحله بعد", "Approved and forwarded";
        Returned = "returned", "بازگرداندن برای اصلاح", "Returned for correction";
        Referred = "referred", "ارجاع", "Referred";
        Commented = "commented", "ثبت نظر", "Commented";
        DocumentsAsked = "documents_asked", "درخواست مدارک بیشتر", "More documents asked";
        Resubmitted = "resubmitted", "ارسال دوباره پس از اصلاح", "Sent again";
        Granted = "granted", "تصمیم نهایی: تأیید", "Final decision: approved";
        Refused = "refused", "تصمیم نهایی: رد", "Final decision: rejected";
        Withdrawn = "withdrawn", "انصراف متقاضی", "Withdrawn";
    }
}

/// What an accepted command does to the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    /// The status to store.
    pub status: Status,
    /// Whose cartable it now sits in.
    pub holder: Holder,
    /// What the history records.
    pub event: EventKind,
    /// The request went to the applicant: staff's clock stops.
    pub pauses_clock: bool,
    /// The request came back from the applicant: staff's clock runs again,
    /// and the promise moves by the pause (`WorkingCalendar::shift_for_pause`).
    pub resumes_clock: bool,
}

/// The next status after `command`, or why it is refused. `def` should be
/// the request's definition resolved for its province
/// ([`WorkflowDefinition::for_province`]) so referrals compare real posts.
pub fn apply(
    def: &WorkflowDefinition,
    status: &Status,
    actor: Actor,
    command: &Command,
) -> Result<Transition, Refusal> {
    if status.is_finished() {
        return Err(Refusal::Finished);
    }
    match command {
        Command::Submit => submit(def, status, actor),
        Command::Resubmit => resubmit(def, status, actor),
        Command::Withdraw => withdraw(status, actor),
        Command::Approve => {
            let at = at_step(def, status, actor, StepAction::Approve)?;
            Ok(moved(in_progress(at.index + 1, None), EventKind::Forwarded))
        }
        Command::ReturnToApplicant { reason } => {
            let at = at_step(def, status, actor, StepAction::ReturnToApplicant)?;
            required(reason, MOST_REASON)?;
            Ok(paused(at.index, ReturnReason::Correction, EventKind::Returned))
        }
        Command::AskDocuments { what } => {
            let at = at_step(def, status, actor, StepAction::AskDocuments)?;
            required(what, MOST_REASON)?;
            Ok(paused(at.index, ReturnReason::Documents, EventKind::DocumentsAsked))
        }
        Command::Refer { post_code, note } => {
            let at = at_step(def, status, actor, StepAction::Refer)?;
            let post = post_code.trim();
            if post.is_empty() {
                return Err(Refusal::PostRequired);
            }
            if post == at.holding_post {
                return Err(Refusal::SamePost);
            }
            at_most(note, MOST_REASON)?;
            // Referring back to the step's own post ends the referral.
            let referred_to = (post != at.step.post_code).then(|| post.to_owned());
            Ok(moved(in_progress(at.index, referred_to), EventKind::Referred))
        }
        Command::Comment { text } => {
            at_step(def, status, actor, StepAction::Comment)?;
            required(text, MOST_REASON)?;
            Ok(moved(status.clone(), EventKind::Commented))
        }
        Command::Decide { approve, reasoning } => {
            at_step(def, status, actor, StepAction::Decide)?;
            required(reasoning, MOST_REASONING)?;
            Ok(if *approve {
                moved(Status::Approved, EventKind::Granted)
            } else {
                moved(Status::Rejected, EventKind::Refused)
            })
        }
    }
}

/// The post whose holders act as [`Actor::StaffAtStep`] now: the post the
/// request was referred to, else its step's post; `None` unless staff hold it.
pub fn holding_post<'a>(def: &'a WorkflowDefinition, status: &'a Status) -> Option<&'a str> {
    match status {
        Status::InProgress {
            referred_to: Some(post),
            ..
        } => Some(post.as_str()),
        Status::InProgress { step, .. } => def.steps.get(*step).map(|s| s.post_code.as_str()),
        _ => None,
    }
}

/// The steps still ahead of a request, the current one included; all of
/// them for a draft, none once it is finished.
pub fn remaining_steps<'a>(def: &'a WorkflowDefinition, status: &Status) -> &'a [StepDefinition] {
    match status {
        Status::Draft => def.steps.as_slice(),
        Status::InProgress { step, .. } | Status::WithApplicant { step, .. } => def.steps.get(*step..).unwrap_or(&[]),
        Status::Approved | Status::Rejected | Status::Withdrawn => &[],
    }
}

/// When the applicant is promised an answer: the current step's agreed
/// duration counted from `step_started_at`, then each later step's in turn
/// (for a draft, as if sent at `step_started_at`). `None` once finished, and
/// while the request is with the applicant, whose time is not staff's: on
/// resubmission, move the promise kept from before the pause with
/// `WorkingCalendar::shift_for_pause` rather than start the step afresh.
pub fn promised(
    def: &WorkflowDefinition,
    status: &Status,
    calendar: &WorkingCalendar,
    step_started_at: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    if matches!(status, Status::WithApplicant { .. }) {
        return None;
    }
    let durations: Vec<AgreedDuration> = remaining_steps(def, status).iter().map(|s| s.duration).collect();
    (!durations.is_empty()).then(|| calendar.promised(step_started_at, &durations))
}

fn submit(def: &WorkflowDefinition, status: &Status, actor: Actor) -> Result<Transition, Refusal> {
    if actor != Actor::Applicant {
        return Err(Refusal::NotYourTurn);
    }
    match status {
        Status::Draft if def.steps.is_empty() => Err(Refusal::BrokenDefinition),
        Status::Draft => Ok(moved(in_progress(0, None), EventKind::Submitted)),
        _ => Err(Refusal::AlreadySubmitted),
    }
}

fn resubmit(def: &WorkflowDefinition, status: &Status, actor: Actor) -> Result<Transition, Refusal> {
    if actor != Actor::Applicant {
        return Err(Refusal::NotYourTurn);
    }
    match status {
        Status::WithApplicant { step, .. } if *step >= def.steps.len() => Err(Refusal::BrokenDefinition),
        Status::WithApplicant { step, .. } => Ok(Transition {
            resumes_clock: true,
            ..moved(in_progress(*step, None), EventKind::Resubmitted)
        }),
        Status::Draft => Err(Refusal::NotSubmitted),
        _ => Err(Refusal::WithStaff),
    }
}

/// Only while the request is in the applicant's hands: once staff are
/// working on it, their work is not thrown away unasked.
fn withdraw(status: &Status, actor: Actor) -> Result<Transition, Refusal> {
    if actor != Actor::Applicant {
        return Err(Refusal::NotYourTurn);
    }
    match status {
        Status::Draft | Status::WithApplicant { .. } => Ok(moved(Status::Withdrawn, EventKind::Withdrawn)),
        _ => Err(Refusal::WithStaff),
    }
}

/// Where a staff command acts: the step and the post holding it.
struct At<'a> {
    index: usize,
    step: &'a StepDefinition,
    holding_post: &'a str,
}

/// Checks a staff command may be given now, by this actor, at this step.
/// The position rules come before the step's list of actions so a broken
/// definition still cannot decide early or forward past the end.
fn at_step<'a>(
    def: &'a WorkflowDefinition,
    status: &'a Status,
    actor: Actor,
    action: StepAction,
) -> Result<At<'a>, Refusal> {
    let index = match status {
        Status::InProgress { step, .. } => *step,
        Status::WithApplicant { .. } => return Err(Refusal::WithApplicant),
        _ => return Err(Refusal::NotSubmitted),
    };
    if actor != Actor::StaffAtStep {
        return Err(Refusal::NotYourTurn);
    }
    let step = def.steps.get(index).ok_or(Refusal::BrokenDefinition)?;
    let last = def.is_last(index);
    if action == StepAction::Decide && !last {
        return Err(Refusal::DecisionAtLastStep);
    }
    if action == StepAction::Approve && last {
        return Err(Refusal::LastStepDecides);
    }
    if !step.allows(action) {
        return Err(Refusal::NotAllowedAtThisStep);
    }
    let holding_post = status.referred_to().unwrap_or(step.post_code.as_str());
    Ok(At {
        index,
        step,
        holding_post,
    })
}

/// A text that must say something, within `most` characters. Blank means
/// nothing left once normalised, so a stray zero-width non-joiner is blank.
fn required(text: &str, most: usize) -> Result<(), Refusal> {
    if normalize_input(text).is_empty() {
        return Err(Refusal::ReasonRequired);
    }
    at_most(text, most)
}

/// A text that may be blank but not longer than `most` characters.
fn at_most(text: &str, most: usize) -> Result<(), Refusal> {
    if text.trim().chars().count() > most {
        return Err(Refusal::TooLong { most });
    }
    Ok(())
}

fn in_progress(step: usize, referred_to: Option<String>) -> Status {
    Status::InProgress { step, referred_to }
}

fn moved(status: Status, event: EventKind) -> Transition {
    Transition {
        holder: status.holder(),
        status,
        event,
        pauses_clock: false,
        resumes_clock: false,
    }
}

fn paused(step: usize, reason: ReturnReason, event: EventKind) -> Transition {
    Transition {
        pauses_clock: true,
        ..moved(Status::WithApplicant { step, reason }, event)
    }
}
