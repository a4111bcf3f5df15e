//! The state machine against a reference written apart from it, for every
//! status, actor and command; then the journeys and refusals people meet.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::domain::jalali::from_iran_local;
use crate::domain::workflow::StepAction::{Approve, AskDocuments, Comment, Decide, Refer, ReturnToApplicant};
use crate::domain::workflow::check_definition;
use crate::domain::working_days::AgreedDuration::{Hours, WorkingDays};

mod refusals;

/// The domain expert a desk officer refers to, and a second post to refer on to.
const EXPERT: &str = "tehran.investment.expert";
const LEGAL: &str = "tehran.legal.expert";

fn step(key: &str, post: &str, duration: AgreedDuration, actions: &[StepAction]) -> StepDefinition {
    StepDefinition {
        key: key.to_owned(),
        title: "مرحلهٔ نمونه".to_owned(),
        unit_code: "{province}.desk".to_owned(),
        post_code: post.to_owned(),
        duration,
        actions: actions.to_vec(),
    }
}

/// Reception may refer; review may neither refer nor decide; the decision
/// step may not ask for documents. Resolved for Tehran, as `apply` expects.
fn permit_workflow() -> WorkflowDefinition {
    WorkflowDefinition {
        steps: vec![
            step(
                "reception",
                "{province}.desk.officer",
                WorkingDays(1),
                &[Approve, ReturnToApplicant, Refer, Comment, AskDocuments],
            ),
            step(
                "review",
                "{province}.investment.expert",
                Hours(4),
                &[Approve, ReturnToApplicant, Comment, AskDocuments],
            ),
            step(
                "decision",
                "{province}.management.manager",
                WorkingDays(2),
                &[Decide, Comment, ReturnToApplicant, Refer],
            ),
        ],
        ..Default::default()
    }
    .for_province("tehran")
}

fn at(step: usize) -> Status {
    Status::InProgress {
        step,
        referred_to: None,
    }
}

fn referred(step: usize, post: &str) -> Status {
    Status::InProgress {
        step,
        referred_to: Some(post.to_owned()),
    }
}

fn back(step: usize, reason: ReturnReason) -> Status {
    Status::WithApplicant { step, reason }
}

/// A representative of every status: first, middle and last step.
fn statuses() -> Vec<Status> {
    vec![
        Status::Draft,
        at(0),
        referred(0, EXPERT),
        at(1),
        at(2),
        back(0, ReturnReason::Correction),
        back(1, ReturnReason::Documents),
        back(2, ReturnReason::Correction),
        Status::Approved,
        Status::Rejected,
        Status::Withdrawn,
    ]
}

/// Every command, each with acceptable text so only the rules decide.
fn commands() -> Vec<Command> {
    vec![
        Command::Submit,
        Command::Approve,
        Command::ReturnToApplicant {
            reason: "تصویر پروانه خوانا نیست.".to_owned(),
        },
        Command::Refer {
            post_code: LEGAL.to_owned(),
            note: "لطفاً از نظر حقوقی بررسی شود.".to_owned(),
        },
        Command::Comment {
            text: "مدارک کامل است.".to_owned(),
        },
        Command::AskDocuments {
            what: "اساسنامهٔ شرکت".to_owned(),
        },
        Command::Resubmit,
        Command::Decide {
            approve: true,
            reasoning: "مطابق ضوابط صدور جواز.".to_owned(),
        },
        Command::Decide {
            approve: false,
            reasoning: "زمین در محدودهٔ مجاز نیست.".to_owned(),
        },
        Command::Withdraw,
    ]
}

/// The fixture's action lists, written out again by hand.
fn listed(step: usize, command: &Command) -> bool {
    use Command as C;
    matches!(
        (step, command),
        (
            0,
            C::Approve | C::ReturnToApplicant { .. } | C::Refer { .. } | C::Comment { .. } | C::AskDocuments { .. }
        ) | (
            1,
            C::Approve | C::ReturnToApplicant { .. } | C::Comment { .. } | C::AskDocuments { .. }
        ) | (
            2,
            C::Decide { .. } | C::Comment { .. } | C::ReturnToApplicant { .. } | C::Refer { .. }
        )
    )
}

/// The rules of the issue, stated directly: what each allowed combination
/// leads to, and `None` for every combination that must be refused.
fn reference(status: &Status, actor: Actor, command: &Command) -> Option<(Status, EventKind)> {
    match (status, actor, command) {
        (Status::Draft, Actor::Applicant, Command::Submit) => Some((at(0), EventKind::Submitted)),
        (Status::Draft | Status::WithApplicant { .. }, Actor::Applicant, Command::Withdraw) => {
            Some((Status::Withdrawn, EventKind::Withdrawn))
        }
        (Status::WithApplicant { step, .. }, Actor::Applicant, Command::Resubmit) => {
            Some((at(*step), EventKind::Resubmitted))
        }
        (Status::InProgress { step, .. }, Actor::StaffAtStep, command) if listed(*step, command) => match command {
            Command::Approve => Some((at(step + 1), EventKind::Forwarded)),
            Command::ReturnToApplicant { .. } => Some((back(*step, ReturnReason::Correction), EventKind::Returned)),
            Command::AskDocuments { .. } => Some((back(*step, ReturnReason::Documents), EventKind::DocumentsAsked)),
            Command::Refer { post_code, .. } => Some((referred(*step, post_code), EventKind::Referred)),
            Command::Comment { .. } => Some((status.clone(), EventKind::Commented)),
            Command::Decide { approve: true, .. } => Some((Status::Approved, EventKind::Granted)),
            Command::Decide { approve: false, .. } => Some((Status::Rejected, EventKind::Refused)),
            Command::Submit | Command::Resubmit | Command::Withdraw => None,
        },
        _ => None,
    }
}

#[test]
fn every_status_actor_and_command_is_allowed_or_refused_exactly_as_the_rules_say() {
    let def = permit_workflow();
    assert_eq!(check_definition(&def), Ok(()));
    let mut allowed = 0;
    for status in statuses() {
        for actor in Actor::ALL {
            for command in commands() {
                let case = format!("{status:?} / {actor:?} / {command:?}");
                let got = apply(&def, &status, actor, &command);
                match (reference(&status, actor, &command), got) {
                    (Some((next, event)), Ok(t)) => {
                        allowed += 1;
                        assert_eq!((&t.status, t.event), (&next, event), "{case}");
                        assert_eq!(t.holder, next.holder(), "{case}");
                        let to_applicant = matches!(next, Status::WithApplicant { .. });
                        assert_eq!(t.pauses_clock, to_applicant, "{case}");
                        assert_eq!(t.resumes_clock, command == Command::Resubmit, "{case}");
                    }
                    (None, Err(refusal)) if status.is_finished() => assert_eq!(refusal, Refusal::Finished, "{case}"),
                    (None, Err(_)) => {}
                    (expected, got) => panic!("{case}: expected {expected:?}, got {got:?}"),
                }
            }
        }
    }
    // 2 from a draft, 5 + 5 + 4 + 5 with staff, 2 for each of 3 returned.
    assert_eq!(allowed, 27);
}

#[test]
fn a_request_is_referred_returned_corrected_forwarded_and_approved() {
    let def = permit_workflow();
    let mut status = Status::Draft;
    let mut act = |actor: Actor, command: Command| {
        let t = apply(&def, &status, actor, &command).expect("allowed in the journey");
        status = t.status.clone();
        t
    };
    let submitted = act(Actor::Applicant, Command::Submit);
    assert_eq!(submitted.holder, Holder::Step(0));

    let note = "بررسی تخصصی طرح".to_owned();
    let referral = act(
        Actor::StaffAtStep,
        Command::Refer {
            post_code: EXPERT.to_owned(),
            note,
        },
    );
    let expert_holds = Holder::Referred {
        step: 0,
        post_code: EXPERT.to_owned(),
    };
    assert_eq!(referral.holder, expert_holds);

    let reason = "برگ دوم طرح توجیهی بارگذاری نشده است.".to_owned();
    let returned = act(Actor::StaffAtStep, Command::ReturnToApplicant { reason });
    assert!(returned.pauses_clock);
    assert_eq!(returned.holder, Holder::Applicant);

    let resubmitted = act(Actor::Applicant, Command::Resubmit);
    assert!(resubmitted.resumes_clock);
    assert_eq!(
        resubmitted.holder,
        Holder::Step(0),
        "corrections come back to the step's own post"
    );

    assert_eq!(act(Actor::StaffAtStep, Command::Approve).holder, Holder::Step(1));
    assert_eq!(act(Actor::StaffAtStep, Command::Approve).holder, Holder::Step(2));
    let reasoning = "طرح با ضوابط شهرک صنعتی سازگار است.".to_owned();
    let decided = act(
        Actor::StaffAtStep,
        Command::Decide {
            approve: true,
            reasoning,
        },
    );
    assert_eq!(
        (decided.status, decided.event, decided.holder),
        (Status::Approved, EventKind::Granted, Holder::Nobody)
    );
}

#[test]
fn the_post_holding_a_request_follows_referrals_and_a_referral_back_ends_it() {
    let def = permit_workflow();
    assert_eq!(holding_post(&def, &at(0)), Some("tehran.desk.officer"));
    assert_eq!(holding_post(&def, &referred(0, EXPERT)), Some(EXPERT));
    assert_eq!(holding_post(&def, &back(0, ReturnReason::Correction)), None);

    let answer = Command::Refer {
        post_code: " tehran.desk.officer ".to_owned(),
        note: String::new(),
    };
    let t = apply(&def, &referred(0, EXPERT), Actor::StaffAtStep, &answer).expect("the expert answers back");
    assert_eq!(t.status, at(0));
}

#[test]
fn when_two_act_at_once_the_one_saved_second_meets_the_new_status() {
    let def = permit_workflow();
    let read = at(0);
    let reason = "شناسه ملی شرکت نادرست است.".to_owned();
    let first = apply(&def, &read, Actor::StaffAtStep, &Command::ReturnToApplicant { reason }).expect("first wins");
    // The store refuses the second save (Superseded); asking again on the
    // status now stored is refused for what has happened meanwhile.
    let again = apply(&def, &first.status, Actor::StaffAtStep, &Command::Approve);
    assert_eq!(again, Err(Refusal::WithApplicant));

    let forwarded = apply(&def, &read, Actor::StaffAtStep, &Command::Approve).expect("forwarded");
    let again = apply(&def, &forwarded.status, Actor::OtherStaff, &Command::Approve);
    assert_eq!(again, Err(Refusal::NotYourTurn));
}

#[test]
fn the_steps_ahead_include_the_current_one_and_none_remain_once_finished() {
    let def = permit_workflow();
    let keys =
        |status: &Status| -> Vec<String> { remaining_steps(&def, status).iter().map(|s| s.key.clone()).collect() };
    assert_eq!(keys(&Status::Draft), ["reception", "review", "decision"]);
    assert_eq!(keys(&at(1)), ["review", "decision"]);
    assert_eq!(keys(&back(2, ReturnReason::Correction)), ["decision"]);
    assert!(keys(&Status::Rejected).is_empty());
    assert!(keys(&at(9)).is_empty());
}

/// An instant on Iran's wall clock. 2026-04-15 is a Wednesday.
fn iran(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    let day = NaiveDate::from_ymd_opt(y, m, d).expect("valid test date");
    from_iran_local(day.and_hms_opt(h, min, 0).expect("valid test time"))
}

#[test]
fn the_promise_adds_the_current_and_later_steps_and_moves_as_the_request_does() {
    let def = permit_workflow();
    let calendar = WorkingCalendar::iranian(BTreeSet::new());
    let promise = |status: &Status, started| promised(&def, status, &calendar, started);
    // Wednesday 14:00: one working day to Saturday's closing, four office
    // hours to Sunday noon, two working days to Tuesday's closing.
    let wednesday = iran(2026, 4, 15, 14, 0);
    assert_eq!(promise(&at(0), wednesday), Some(iran(2026, 4, 21, 16, 0)));
    assert_eq!(promise(&Status::Draft, wednesday), Some(iran(2026, 4, 21, 16, 0)));
    // Review started on time on Sunday morning: the promise holds.
    assert_eq!(promise(&at(1), iran(2026, 4, 19, 9, 0)), Some(iran(2026, 4, 21, 16, 0)));
    // Review reached only on Tuesday: the weekend falls inside, Saturday it is.
    assert_eq!(promise(&at(1), iran(2026, 4, 21, 9, 0)), Some(iran(2026, 4, 25, 16, 0)));
    assert_eq!(
        promise(&at(2), iran(2026, 4, 20, 10, 0)),
        Some(iran(2026, 4, 22, 16, 0))
    );
    assert_eq!(promise(&back(1, ReturnReason::Correction), wednesday), None);
    assert_eq!(promise(&Status::Approved, wednesday), None);
}

#[test]
fn sending_starts_the_clocks_and_sending_again_moves_them_by_the_time_with_the_applicant() {
    let def = permit_workflow();
    let calendar = WorkingCalendar::iranian(BTreeSet::new());
    let wednesday = iran(2026, 4, 15, 14, 0);
    let first = apply(&def, &Status::Draft, Actor::Applicant, &Command::Submit).expect("a draft is sent");
    let sent = clock::on_sending(
        &def,
        &first,
        &clock::StoredClocks::default(),
        def.steps[0].duration,
        &calendar,
        wednesday,
    );
    assert_eq!(sent.submitted_at, wednesday);
    assert_eq!(sent.step_started_at, wednesday);
    assert_eq!(
        sent.promised_at,
        Some(iran(2026, 4, 21, 16, 0)),
        "all three steps from now"
    );
    assert_eq!(
        sent.step_due_at,
        Some(iran(2026, 4, 18, 16, 0)),
        "one working day: Saturday's closing"
    );

    // Sent back on Saturday morning, corrected on Sunday morning.
    let paused = iran(2026, 4, 18, 10, 0);
    let sunday = iran(2026, 4, 19, 10, 0);
    let returned = back(0, ReturnReason::Correction);
    let again = apply(&def, &returned, Actor::Applicant, &Command::Resubmit).expect("a correction is sent");
    let stored = clock::StoredClocks {
        submitted_at: Some(sent.submitted_at),
        step_started_at: Some(sent.step_started_at),
        promised_at: sent.promised_at,
        step_due_at: sent.step_due_at,
        paused_at: Some(paused),
    };
    let resent = clock::on_sending(&def, &again, &stored, def.steps[0].duration, &calendar, sunday);
    assert_eq!(
        resent.submitted_at, wednesday,
        "the first sending stays the date of the request"
    );
    assert_eq!(resent.step_started_at, wednesday, "the step did not start over");
    let promise = sent.promised_at.expect("promised");
    let due = sent.step_due_at.expect("due");
    assert_eq!(
        resent.promised_at,
        Some(calendar.shift_for_pause(promise, paused, sunday))
    );
    assert_eq!(resent.step_due_at, Some(calendar.shift_for_pause(due, paused, sunday)));
    assert!(
        resent.promised_at > sent.promised_at && resent.step_due_at > sent.step_due_at,
        "staff keep their time"
    );
}
