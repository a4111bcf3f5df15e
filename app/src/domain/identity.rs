//! The identity verification form of the seed: who the applicant is, for
//! whom they act, and the documents that prove it. A draft keeps anything;
//! sending checks every rule.

use serde::{Deserialize, Serialize};

use crate::domain::{
    mobile::Mobile, national_id::NationalId, normalize::digits_only, person_name::parse_persian_name,
    signup::FieldProblem,
};

/// The documents the seed asks for, in its order.
pub const SLOTS: [(&str, &str); 6] = [
    ("national_card", "تصویر کارت ملی"),
    ("birth_certificate", "تصویر شناسنامه"),
    ("board_cards", "تصویر کارت ملی هیات مدیره و مالک"),
    ("registration_notice", "تصویر آگهی تاسیس و تغییرات"),
    ("declaration", "تصویر اظهارنامه"),
    ("power_of_attorney", "وکالت‌نامه تأییدشده در دفترخانه اسناد رسمی"),
];

/// The Persian name of an upload slot.
pub fn slot_title(slot: &str) -> Option<&'static str> {
    SLOTS.iter().find(|(name, _)| *name == slot).map(|(_, title)| *title)
}

/// The identity form as typed; every field may be empty in a draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityForm {
    /// `natural` (حقیقی) or `legal` (حقوقی).
    pub person_kind: String,
    pub first_name: String,
    pub last_name: String,
    pub national_id: String,
    pub mobile: String,
    /// The provincial company's code.
    pub province: String,
    /// `principal` (اصالتا) or `attorney` (وکالتا).
    pub capacity: String,
    pub company_name: String,
    pub company_national_id: String,
    pub economic_code: String,
}

impl IdentityForm {
    /// Whether the applicant acts for a company.
    pub fn is_legal(&self) -> bool {
        self.person_kind == "legal"
    }

    /// Whether the applicant acts for someone else.
    pub fn is_attorney(&self) -> bool {
        self.capacity == "attorney"
    }

    /// Normalises what can be normalised without refusing anything, and
    /// cuts over-long text, for saving a draft.
    pub fn for_draft(&self) -> Self {
        let cut = |s: &str, n: usize| {
            crate::domain::normalize::normalize_input(s)
                .chars()
                .take(n)
                .collect::<String>()
        };
        Self {
            person_kind: cut(&self.person_kind, 16),
            first_name: cut(&self.first_name, 50),
            last_name: cut(&self.last_name, 50),
            national_id: cut(&self.national_id, 20),
            mobile: cut(&self.mobile, 20),
            province: cut(&self.province, 64),
            capacity: cut(&self.capacity, 16),
            company_name: cut(&self.company_name, 200),
            company_national_id: cut(&self.company_national_id, 20),
            economic_code: cut(&self.economic_code, 20),
        }
    }

    /// Checks every rule for sending. `provinces` are the codes that exist;
    /// `slots` the documents already uploaded.
    pub fn validate(&self, provinces: &[String], slots: &[String]) -> Result<Self, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut out = self.for_draft();
        let mut problem = |field: &'static str, message: &str| {
            problems.push(FieldProblem {
                field,
                message: message.to_owned(),
            });
        };
        if !matches!(self.person_kind.as_str(), "natural" | "legal") {
            problem("person_kind", "نوع متقاضی (حقیقی یا حقوقی) را برگزینید");
        }
        match parse_persian_name(&self.first_name) {
            Ok(name) => out.first_name = name,
            Err(e) => problem("first_name", &e.to_string()),
        }
        match parse_persian_name(&self.last_name) {
            Ok(name) => out.last_name = name,
            Err(e) => problem("last_name", &e.to_string()),
        }
        match NationalId::parse(&self.national_id) {
            Ok(id) => out.national_id = id.to_string(),
            Err(e) => problem("national_id", &e.to_string()),
        }
        match Mobile::parse(&self.mobile) {
            Ok(m) => out.mobile = m.to_string(),
            Err(e) => problem("mobile", &e.to_string()),
        }
        if !provinces.contains(&self.province) {
            problem("province", "استان را برگزینید");
        }
        if !matches!(self.capacity.as_str(), "principal" | "attorney") {
            problem("capacity", "برگزینید که اصالتاً اقدام می‌کنید یا وکالتاً");
        }
        if self.is_legal() {
            if crate::domain::normalize::normalize_input(&self.company_name).is_empty() {
                problem("company_name", "نام شرکت را وارد کنید");
            }
            let company_id = digits_only(&self.company_national_id);
            if company_id.len() == 11 {
                out.company_national_id = company_id;
            } else {
                problem("company_national_id", "شناسه ملی شرکت باید ۱۱ رقم باشد");
            }
            let economic = digits_only(&self.economic_code);
            if (12..=14).contains(&economic.len()) {
                out.economic_code = economic;
            } else {
                problem("economic_code", "کد اقتصادی باید ۱۲ تا ۱۴ رقم باشد");
            }
        } else {
            out.company_name.clear();
            out.company_national_id.clear();
            out.economic_code.clear();
        }
        if self.is_attorney() && !slots.iter().any(|s| s == "power_of_attorney") {
            problem(
                "power_of_attorney",
                "کسی که وکالتاً اقدام می‌کند باید وکالت‌نامه را بارگذاری کند",
            );
        }
        if problems.is_empty() { Ok(out) } else { Err(problems) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn natural() -> IdentityForm {
        IdentityForm {
            person_kind: "natural".into(),
            first_name: "سارا".into(),
            last_name: "آزمون".into(),
            national_id: "0012345679".into(),
            mobile: "09120000001".into(),
            province: "tehran".into(),
            capacity: "principal".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_natural_person_acting_for_themselves_needs_no_company_or_power_of_attorney() {
        assert!(natural().validate(&["tehran".into()], &[]).is_ok());
    }

    #[test]
    fn a_legal_entity_by_proxy_needs_company_details_and_the_power_of_attorney() {
        let form = IdentityForm {
            person_kind: "legal".into(),
            capacity: "attorney".into(),
            company_national_id: "123".into(),
            ..natural()
        };
        let problems = form.validate(&["tehran".into()], &[]).expect_err("incomplete");
        let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                "company_name",
                "company_national_id",
                "economic_code",
                "power_of_attorney"
            ]
        );
        let complete = IdentityForm {
            company_name: "شرکت نمونه".into(),
            company_national_id: "۱۰۱۰۰۰۰۰۰۰۱".into(),
            economic_code: "411111111111".into(),
            ..form
        };
        let ok = complete
            .validate(&["tehran".into()], &["power_of_attorney".into()])
            .expect("complete");
        assert_eq!(ok.company_national_id, "10100000001");
    }

    #[test]
    fn latin_names_and_unknown_provinces_are_refused() {
        let form = IdentityForm {
            first_name: "Sara".into(),
            province: "atlantis".into(),
            ..natural()
        };
        let fields: Vec<_> = form
            .validate(&["tehran".into()], &[])
            .expect_err("bad")
            .iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["first_name", "province"]);
    }
}
