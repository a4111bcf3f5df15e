//! The request's clocks when the applicant sends it: on first sending, the
//! promise and the first step's due time start now; on sending it back after
//! a correction, staff's clocks resume, and the promise and the step's due
//! time move by the working time the request spent with the applicant. Pure,
//! so the browser could show the same promise the server stores.

use chrono::{DateTime, Utc};

use super::{Transition, promised};
use crate::domain::workflow::WorkflowDefinition;
use crate::domain::working_days::{AgreedDuration, WorkingCalendar};

/// What the stored request says of its clocks before it is sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoredClocks {
    pub submitted_at: Option<DateTime<Utc>>,
    pub step_started_at: Option<DateTime<Utc>>,
    pub promised_at: Option<DateTime<Utc>>,
    pub step_due_at: Option<DateTime<Utc>>,
    /// When it went to the applicant, while it is with them.
    pub paused_at: Option<DateTime<Utc>>,
}

/// The clocks to store once it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentClocks {
    /// The first sending; kept when it is sent again.
    pub submitted_at: DateTime<Utc>,
    pub step_started_at: DateTime<Utc>,
    /// When the whole request is promised, if its steps have durations left.
    pub promised_at: Option<DateTime<Utc>>,
    pub step_due_at: Option<DateTime<Utc>>,
}

/// The clocks after `transition` (a submit or resubmit) at `now`; `step` is
/// the agreed duration of the step the request goes to.
pub fn on_sending(
    def: &WorkflowDefinition,
    transition: &Transition,
    stored: &StoredClocks,
    step: AgreedDuration,
    calendar: &WorkingCalendar,
    now: DateTime<Utc>,
) -> SentClocks {
    let (promised_at, step_due_at) = match (transition.resumes_clock, stored.promised_at, stored.paused_at) {
        (true, Some(promise), Some(paused)) => (
            Some(calendar.shift_for_pause(promise, paused, now)),
            stored.step_due_at.map(|due| calendar.shift_for_pause(due, paused, now)),
        ),
        _ => (
            promised(def, &transition.status, calendar, now),
            Some(calendar.add(now, step)),
        ),
    };
    let step_started_at = match (transition.resumes_clock, stored.step_started_at) {
        (true, Some(started)) => started,
        _ => now,
    };
    SentClocks {
        submitted_at: stored.submitted_at.unwrap_or(now),
        step_started_at,
        promised_at,
        step_due_at,
    }
}
