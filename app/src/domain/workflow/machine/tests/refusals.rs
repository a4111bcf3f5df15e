//! The refusals people meet, each for the situation that causes it.

use super::{EXPERT, LEGAL, at, back, permit_workflow, referred};
use crate::domain::workflow::StepAction::{Approve, Decide};
use crate::domain::workflow::machine::{
    Actor, Command, MOST_REASON, MOST_REASONING, Refusal, ReturnReason, Status, apply,
};

#[test]
fn a_referral_needs_a_post_other_than_the_one_holding_it() {
    let def = permit_workflow();
    let refer = |post: &str| Command::Refer {
        post_code: post.to_owned(),
        note: String::new(),
    };
    let refused = |status: &Status, post: &str| apply(&def, status, Actor::StaffAtStep, &refer(post)).err();
    assert_eq!(refused(&at(0), "tehran.desk.officer"), Some(Refusal::SamePost));
    assert_eq!(refused(&referred(0, EXPERT), EXPERT), Some(Refusal::SamePost));
    assert_eq!(refused(&at(0), "  "), Some(Refusal::PostRequired));
}

#[test]
fn a_final_decision_is_refused_before_the_last_step_even_if_the_step_lists_it() {
    let mut def = permit_workflow();
    def.steps[0].actions.push(Decide);
    def.steps[2].actions.push(Approve);
    let decide = Command::Decide {
        approve: true,
        reasoning: "کامل است.".to_owned(),
    };
    assert_eq!(
        apply(&def, &at(0), Actor::StaffAtStep, &decide),
        Err(Refusal::DecisionAtLastStep)
    );
    assert_eq!(
        apply(&def, &at(1), Actor::StaffAtStep, &decide),
        Err(Refusal::DecisionAtLastStep)
    );
    assert_eq!(
        apply(&def, &at(2), Actor::StaffAtStep, &Command::Approve),
        Err(Refusal::LastStepDecides)
    );
}

#[test]
fn actions_a_step_does_not_list_are_refused_there() {
    let def = permit_workflow();
    let refer = Command::Refer {
        post_code: LEGAL.to_owned(),
        note: String::new(),
    };
    let ask = Command::AskDocuments {
        what: "نقشهٔ زمین".to_owned(),
    };
    assert_eq!(
        apply(&def, &at(1), Actor::StaffAtStep, &refer),
        Err(Refusal::NotAllowedAtThisStep)
    );
    assert_eq!(
        apply(&def, &at(2), Actor::StaffAtStep, &ask),
        Err(Refusal::NotAllowedAtThisStep)
    );
}

#[test]
fn blank_or_overlong_reasons_are_refused() {
    let def = permit_workflow();
    let staff = |status: Status, command: Command| apply(&def, &status, Actor::StaffAtStep, &command).err();
    let reason = |text: &str| Command::ReturnToApplicant {
        reason: text.to_owned(),
    };
    assert_eq!(staff(at(0), reason("  \n")), Some(Refusal::ReasonRequired));
    assert_eq!(staff(at(0), reason("\u{200c}")), Some(Refusal::ReasonRequired));
    assert_eq!(
        staff(at(0), Command::AskDocuments { what: String::new() }),
        Some(Refusal::ReasonRequired)
    );
    assert_eq!(
        staff(at(1), Command::Comment { text: " ".to_owned() }),
        Some(Refusal::ReasonRequired)
    );
    let blank_decision = Command::Decide {
        approve: false,
        reasoning: String::new(),
    };
    assert_eq!(staff(at(2), blank_decision), Some(Refusal::ReasonRequired));

    assert_eq!(staff(at(0), reason(&"ب".repeat(MOST_REASON))), None);
    assert_eq!(
        staff(at(0), reason(&"ب".repeat(MOST_REASON + 1))),
        Some(Refusal::TooLong { most: MOST_REASON })
    );
    let long_decision = Command::Decide {
        approve: true,
        reasoning: "ب".repeat(MOST_REASONING + 1),
    };
    assert_eq!(
        staff(at(2), long_decision),
        Some(Refusal::TooLong { most: MOST_REASONING })
    );
    let long_note = Command::Refer {
        post_code: EXPERT.to_owned(),
        note: "ب".repeat(MOST_REASON + 1),
    };
    assert_eq!(staff(at(0), long_note), Some(Refusal::TooLong { most: MOST_REASON }));
}

#[test]
fn each_refusal_says_why_in_the_words_of_the_situation() {
    let def = permit_workflow();
    let try_ = |status: Status, actor: Actor, command: Command| apply(&def, &status, actor, &command).err();
    assert_eq!(
        try_(at(0), Actor::OtherStaff, Command::Approve),
        Some(Refusal::NotYourTurn)
    );
    assert_eq!(
        try_(at(0), Actor::Applicant, Command::Approve),
        Some(Refusal::NotYourTurn)
    );
    assert_eq!(
        try_(Status::Draft, Actor::StaffAtStep, Command::Submit),
        Some(Refusal::NotYourTurn)
    );
    assert_eq!(
        try_(at(1), Actor::Applicant, Command::Submit),
        Some(Refusal::AlreadySubmitted)
    );
    assert_eq!(
        try_(at(1), Actor::Applicant, Command::Withdraw),
        Some(Refusal::WithStaff)
    );
    assert_eq!(
        try_(Status::Draft, Actor::Applicant, Command::Resubmit),
        Some(Refusal::NotSubmitted)
    );
    assert_eq!(
        try_(Status::Draft, Actor::StaffAtStep, Command::Approve),
        Some(Refusal::NotSubmitted)
    );
    let returned = back(1, ReturnReason::Documents);
    assert_eq!(
        try_(returned, Actor::StaffAtStep, Command::Approve),
        Some(Refusal::WithApplicant)
    );
    assert_eq!(
        try_(Status::Approved, Actor::Applicant, Command::Withdraw),
        Some(Refusal::Finished)
    );
    assert_eq!(
        try_(at(7), Actor::StaffAtStep, Command::Approve),
        Some(Refusal::BrokenDefinition)
    );
    for refusal in [Refusal::Finished, Refusal::TooLong { most: 1 }, Refusal::Superseded] {
        assert!(!refusal.message().is_empty() && refusal.to_string() == refusal.message());
    }
}
