//! Why an action on a request was refused, with the Persian sentence the
//! page shows, so every layer reports the same reason in the same words.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why [`super::apply`] refused a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// The request was decided or withdrawn; its history is closed.
    Finished,
    /// Someone other than the current holder tried to act.
    NotYourTurn,
    /// Submit on a request already sent.
    AlreadySubmitted,
    /// Resubmit, or a staff action, on a draft never sent.
    NotSubmitted,
    /// The applicant tried to change or withdraw a request staff are working on.
    WithStaff,
    /// Staff tried to act while the request waits on the applicant.
    WithApplicant,
    /// The step's definition does not list this action.
    NotAllowedAtThisStep,
    /// A final decision asked for before the last step.
    DecisionAtLastStep,
    /// Approve-and-forward asked for at the last step, which has no next one.
    LastStepDecides,
    /// A reason, comment or reasoning left blank.
    ReasonRequired,
    /// A text longer than `most` characters.
    TooLong {
        /// The most characters allowed.
        most: usize,
    },
    /// A referral without a post to send it to.
    PostRequired,
    /// A referral to the post that already holds the request.
    SamePost,
    /// The request's step is not in its definition: a data fault, not a user's.
    BrokenDefinition,
    /// Never returned by `apply`: the store returns it when someone else acted
    /// on the request between reading it and saving, so only one of two
    /// people acting at once wins.
    Superseded,
}

impl Refusal {
    /// What the person is told, in Persian.
    pub fn message(&self) -> &'static str {
        match self {
            Refusal::Finished => "این درخواست به پایان رسیده است و اقدام دیگری روی آن ممکن نیست.",
            Refusal::NotYourTurn => "اکنون نوبت اقدام شما روی این درخواست نیست.",
            Refusal::AlreadySubmitted => "این درخواست پیش‌تر ارسال شده است.",
            Refusal::NotSubmitted => "این درخواست هنوز ارسال نشده است.",
            Refusal::WithStaff => {
                "این درخواست در دست بررسی کارکنان است و اکنون نمی‌توانید آن را تغییر دهید یا پس بگیرید."
            }
            Refusal::WithApplicant => "این درخواست نزد متقاضی است؛ پس از ارسال دوباره می‌توانید اقدام کنید.",
            Refusal::NotAllowedAtThisStep => "این اقدام در این مرحله از گردش کار مجاز نیست.",
            Refusal::DecisionAtLastStep => "تصمیم نهایی فقط در آخرین مرحلهٔ گردش کار ثبت می‌شود.",
            Refusal::LastStepDecides => "این آخرین مرحله است؛ به جای ارسال به مرحلهٔ بعد، تصمیم نهایی را ثبت کنید.",
            Refusal::ReasonRequired => "دلیل یا توضیح را بنویسید.",
            Refusal::TooLong { .. } => "متن از اندازهٔ مجاز بلندتر است؛ آن را کوتاه کنید.",
            Refusal::PostRequired => "پست سازمانی گیرندهٔ ارجاع را برگزینید.",
            Refusal::SamePost => "درخواست هم‌اکنون در کارتابل همین پست است؛ پست دیگری برگزینید.",
            Refusal::BrokenDefinition => "گردش کار این درخواست با تعریف آن هم‌خوان نیست؛ به راهبر سامانه خبر دهید.",
            Refusal::Superseded => "هم‌زمان شخص دیگری روی این درخواست اقدام کرد؛ صفحه را دوباره باز کنید.",
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for Refusal {}
