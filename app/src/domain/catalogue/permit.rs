//! The permit register (شناسنامه مجوزها), forms 1 and 2 of seed 001: for a
//! service that issues a permit, what each kind of application (issue,
//! renew, amend, cancel) needs, and which other agencies are asked.

use serde::{Deserialize, Serialize};

/// One permit of the register.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermitCard {
    /// عنوان مجوز.
    pub title: String,
    /// The agency that issues it.
    pub issuer: String,
    /// What it allows, in a sentence or two.
    #[serde(default)]
    pub description: String,
    /// Form 1: one row per kind of application the agency handles.
    pub kinds: Vec<PermitKind>,
    /// Form 2: the other agencies inquired.
    #[serde(default)]
    pub inquiries: Vec<PermitInquiry>,
}

/// Form 1's row for one kind of application.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermitKind {
    /// Issue, renew, amend or cancel.
    pub kind: PermitAction,
    /// مستندات قانونی.
    pub legal_basis: String,
    /// مدارک مورد نیاز.
    pub documents: Vec<String>,
    /// مدت اعتبار, as written ("۳ سال"); empty when it does not expire.
    #[serde(default)]
    pub validity: String,
    /// هزینه in rials.
    pub fee_rials: u64,
    /// Who may apply.
    pub applicants: Vec<Applicant>,
    /// Whether other agencies share the process (then form 2 lists them).
    pub shared_process: bool,
    /// مراجع ناظر.
    #[serde(default)]
    pub supervisors: Vec<String>,
    /// زمان تقریبی فرآیند, as written ("۱۵ روز کاری").
    pub duration: String,
    /// Whether the process is electronic.
    pub electronic: bool,
    /// توضیحات.
    #[serde(default)]
    pub notes: String,
}

/// Form 2's row: one agency inquired during the process.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermitInquiry {
    /// عنوان دستگاه استعلام‌شونده.
    pub agency: String,
    /// What is asked (the inquiry's name), or the other kind of process.
    pub subject: String,
    /// مدارک مورد نیاز.
    #[serde(default)]
    pub documents: Vec<String>,
    /// هزینه in rials.
    #[serde(default)]
    pub fee_rials: u64,
    /// مدت اعتبار of the answer.
    #[serde(default)]
    pub validity: String,
    /// زمان انجام کار.
    pub duration: String,
    /// Whether the inquiry is electronic.
    pub electronic: bool,
    /// توضیحات.
    #[serde(default)]
    pub notes: String,
}

super::choices::choices! {
    /// The kinds of application form 1 lists.
    PermitAction {
        Issue = "issue", "صدور", "Issue";
        Renew = "renew", "تمدید", "Renewal";
        Amend = "amend", "اصلاح", "Amendment";
        Cancel = "cancel", "لغو", "Cancellation";
    }
}

super::choices::choices! {
    /// Who may apply for a permit.
    Applicant {
        Natural = "natural", "حقیقی", "Natural person";
        Legal = "legal", "حقوقی", "Legal entity";
        Government = "government", "دولتی", "Government agency";
    }
}
