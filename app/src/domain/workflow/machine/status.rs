//! Where a request stands in its workflow, who holds it, and in which
//! cartable folder it is listed.

use serde::{Deserialize, Serialize};

crate::domain::catalogue::choices::choices! {
    /// Why a request is back with the applicant; the cartable says which.
    ReturnReason {
        Correction = "correction", "بازگرداندن برای اصلاح", "Returned for correction";
        Documents = "documents", "درخواست مدارک بیشتر", "More documents asked";
    }
}

crate::domain::catalogue::choices::choices! {
    /// The three folders of a cartable (seed 000).
    Folder {
        Awaiting = "awaiting", "در انتظار اقدام", "Awaiting action";
        InProgress = "in_progress", "در حال گردش", "In progress";
        Finished = "finished", "تمام شده", "Finished";
    }
}

/// Where a request stands. Stored as JSON, or as columns through
/// [`Status::as_str`], [`Status::step`], [`Status::return_reason`] and
/// [`Status::referred_to`], read back with [`Status::parse`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status {
    /// Saved by the applicant, not yet sent (ثبت موقت).
    Draft,
    /// With staff at `step`; `referred_to` names the post it was referred to
    /// within the step, if any.
    InProgress {
        /// The step's index in the definition.
        step: usize,
        /// The post now holding it instead of the step's own post.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        referred_to: Option<String>,
    },
    /// Sent back to the applicant from `step`; the clock is paused.
    WithApplicant {
        /// The step it returns to when the applicant sends it again.
        step: usize,
        /// What the applicant was asked for.
        reason: ReturnReason,
    },
    /// Finished with a favourable final decision.
    Approved,
    /// Finished with an unfavourable final decision (رد).
    Rejected,
    /// Withdrawn by the applicant (انصراف).
    Withdrawn,
}

/// Whose cartable a request sits in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holder {
    /// The applicant: a draft, or a request sent back.
    Applicant,
    /// Whoever holds the post of the step with this index.
    Step(usize),
    /// Whoever holds `post_code`, to which the request was referred at `step`.
    Referred {
        /// The step the referral happened in.
        step: usize,
        /// The post it was referred to.
        post_code: String,
    },
    /// Nobody: the request is finished.
    Nobody,
}

impl Status {
    /// The stored name of the status, without its step or reason.
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InProgress { .. } => "in_progress",
            Status::WithApplicant { .. } => "with_applicant",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
            Status::Withdrawn => "withdrawn",
        }
    }

    /// Reads a status stored as columns. A name that needs a step or a
    /// reason it was not given is refused, never guessed; parts a status does
    /// not use are ignored, since finished rows may keep their last step.
    pub fn parse(name: &str, step: Option<usize>, reason: Option<&str>, referred_to: Option<&str>) -> Option<Status> {
        Some(match name {
            "draft" => Status::Draft,
            "in_progress" => Status::InProgress {
                step: step?,
                referred_to: referred_to.filter(|post| !post.is_empty()).map(str::to_owned),
            },
            "with_applicant" => Status::WithApplicant {
                step: step?,
                reason: ReturnReason::parse(reason?)?,
            },
            "approved" => Status::Approved,
            "rejected" => Status::Rejected,
            "withdrawn" => Status::Withdrawn,
            _ => return None,
        })
    }

    /// The step it is at or will return to, if it is under way.
    pub fn step(&self) -> Option<usize> {
        match self {
            Status::InProgress { step, .. } | Status::WithApplicant { step, .. } => Some(*step),
            _ => None,
        }
    }

    /// Why it is with the applicant, if it is.
    pub fn return_reason(&self) -> Option<ReturnReason> {
        match self {
            Status::WithApplicant { reason, .. } => Some(*reason),
            _ => None,
        }
    }

    /// The post it was referred to, if a referral holds it.
    pub fn referred_to(&self) -> Option<&str> {
        match self {
            Status::InProgress { referred_to, .. } => referred_to.as_deref(),
            _ => None,
        }
    }

    /// Whether nothing more can happen to it: decided or withdrawn.
    pub fn is_finished(&self) -> bool {
        matches!(self, Status::Approved | Status::Rejected | Status::Withdrawn)
    }

    /// Whose cartable it sits in.
    pub fn holder(&self) -> Holder {
        match self {
            Status::Draft | Status::WithApplicant { .. } => Holder::Applicant,
            Status::InProgress {
                step,
                referred_to: None,
            } => Holder::Step(*step),
            Status::InProgress {
                step,
                referred_to: Some(post_code),
            } => Holder::Referred {
                step: *step,
                post_code: post_code.clone(),
            },
            Status::Approved | Status::Rejected | Status::Withdrawn => Holder::Nobody,
        }
    }

    /// The folder it is listed in for someone who has it in their cartable:
    /// awaiting action if `viewer_holds_it` (see [`Status::holder`]), in
    /// progress while it moves elsewhere, finished once decided or withdrawn.
    /// The same rule serves applicants and staff.
    pub fn folder(&self, viewer_holds_it: bool) -> Folder {
        if self.is_finished() {
            Folder::Finished
        } else if viewer_holds_it {
            Folder::Awaiting
        } else {
            Folder::InProgress
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> [Status; 7] {
        [
            Status::Draft,
            Status::InProgress {
                step: 0,
                referred_to: None,
            },
            Status::InProgress {
                step: 1,
                referred_to: Some("tehran.land.expert".to_owned()),
            },
            Status::WithApplicant {
                step: 2,
                reason: ReturnReason::Documents,
            },
            Status::Approved,
            Status::Rejected,
            Status::Withdrawn,
        ]
    }

    #[test]
    fn every_status_survives_a_round_trip_through_its_columns_and_json() {
        for status in every_kind() {
            let reason = status.return_reason().map(ReturnReason::as_str);
            let read = Status::parse(status.as_str(), status.step(), reason, status.referred_to());
            assert_eq!(read.as_ref(), Some(&status));
            let json = serde_json::to_string(&status).expect("json");
            assert_eq!(
                serde_json::from_str::<Status>(&json).expect("read back"),
                status,
                "{json}"
            );
        }
    }

    #[test]
    fn a_stored_status_missing_its_step_or_reason_is_refused() {
        assert_eq!(Status::parse("in_progress", None, None, None), None);
        assert_eq!(Status::parse("with_applicant", Some(1), None, None), None);
        assert_eq!(Status::parse("with_applicant", Some(1), Some("lost"), None), None);
        assert_eq!(Status::parse("archived", None, None, None), None);
    }

    #[test]
    fn the_holder_sees_it_awaiting_others_in_progress_and_everyone_finished_at_the_end() {
        let with_staff = Status::InProgress {
            step: 0,
            referred_to: None,
        };
        assert_eq!(with_staff.holder(), Holder::Step(0));
        assert_eq!(with_staff.folder(true), Folder::Awaiting);
        assert_eq!(with_staff.folder(false), Folder::InProgress);
        assert_eq!(Status::Draft.holder(), Holder::Applicant);
        assert_eq!(Status::Rejected.holder(), Holder::Nobody);
        assert_eq!(Status::Rejected.folder(true), Folder::Finished);
        assert!(Status::Withdrawn.is_finished() && !Status::Draft.is_finished());
    }
}
