//! Words the catalogue pages share: a choice's label in the reader's
//! language, amounts in rials, and the names of the card's fields as the
//! official form gives them.

use crate::domain::digits::{format_persian_number, to_persian_digits};
use crate::i18n::Locale;

/// Persian or English, as the reader chose.
pub fn pick(locale: Locale, fa: &'static str, en: &'static str) -> &'static str {
    match locale {
        Locale::fa => fa,
        Locale::en => en,
    }
}

/// A count in the reader's digits.
pub fn number(locale: Locale, n: u64) -> String {
    match locale {
        Locale::fa => format_persian_number(i64::try_from(n).unwrap_or(i64::MAX)),
        Locale::en => {
            let digits = n.to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    out.push(',');
                }
                out.push(c);
            }
            out
        }
    }
}

/// An amount of money: "۲٬۰۰۰٬۰۰۰ ریال".
pub fn rials(locale: Locale, amount: u64) -> String {
    format!("{} {}", number(locale, amount), pick(locale, "ریال", "rials"))
}

/// Text typed with ASCII digits, shown with Persian ones to Persian readers.
pub fn digits(locale: Locale, text: &str) -> String {
    match locale {
        Locale::fa => to_persian_digits(text),
        Locale::en => text.to_owned(),
    }
}

/// The card's fields: the name the editor posts and the official form's
/// Persian label, with an English one.
pub const FIELDS: &[(&str, &str, &str)] = &[
    ("title", "عنوان خدمت", "Service title"),
    ("national_id", "شناسه خدمت", "National service id"),
    ("provider", "نام دستگاه اجرایی (ارائه‌دهنده)", "Provider agency"),
    ("parent_agency", "نام دستگاه مادر", "Parent agency"),
    ("description", "شرح خدمت", "Description"),
    ("kind", "نوع خدمت", "Service type"),
    ("audience", "نوع مخاطبین", "Audience"),
    ("nature", "ماهیت خدمت", "Nature"),
    ("level", "سطح خدمت", "Level"),
    ("life_events", "رویدادهای مرتبط", "Related life events"),
    ("code", "شناسه زیرخدمت", "Sub-service id"),
    ("trigger", "نحوه آغاز خدمت", "How it starts"),
    ("documents", "مدارک لازم", "Required documents"),
    ("laws", "قوانین و مقررات بالادستی", "Governing laws and circulars"),
    ("recipients", "آمار خدمت‌گیرندگان", "Recipients"),
    ("recipients_per", "دوره آمار خدمت‌گیرندگان", "Recipients counted per"),
    ("average_duration", "متوسط مدت زمان ارائه خدمت", "Average duration"),
    ("frequency", "تواتر", "Frequency"),
    ("visits", "تعداد بار مراجعه حضوری", "In-person visits"),
    ("fees", "هزینه ارائه خدمت", "Fees"),
    ("amount", "مبلغ (ریال)", "Amount (rials)"),
    ("account", "شماره حساب", "Bank account"),
    ("legal_basis", "مستند قانونی", "Legal basis"),
    ("paid_electronically", "پرداخت الکترونیکی", "Paid electronically"),
    ("web_address", "نشانی خدمت در وبگاه", "Web address"),
    ("system_name", "نام سامانه", "System name"),
    ("electronic", "الکترونیکی", "Electronic"),
    ("channels", "راه‌های دسترسی", "Channels"),
    ("visit_reason", "دلیل مراجعه حضوری", "Why a visit is needed"),
    ("agency", "دستگاه", "Agency"),
    ("system", "سامانه", "System"),
    ("fields", "فیلدهای مورد تبادل", "Fields exchanged"),
    ("online", "برخط", "Online"),
    ("processes", "عناوین فرایندهای خدمت", "Process titles"),
    ("address", "نشانی میز خدمت", "Desk address"),
    ("hours", "ساعات پاسخگویی", "Opening hours"),
    ("unit", "واحد ارائه‌کننده", "Providing unit"),
    ("steps", "مراحل انجام کار", "Workflow steps"),
    ("forms", "فرم‌های مورد نیاز", "Required forms"),
    ("responsible", "مسئول پاسخگویی", "Responsible person"),
    ("contact", "راه تماس", "Contact"),
];

/// The label of a field by its last name part ("s0.fee1.amount" → "مبلغ").
pub fn field_label(locale: Locale, key: &str) -> String {
    let last = key.rsplit('.').next().unwrap_or(key);
    let base = FIELDS
        .iter()
        .find(|(name, _, _)| *name == last)
        .map_or(last, |(_, fa, en)| pick(locale, fa, en));
    match key.split_once('.') {
        Some((sub, _)) if sub.starts_with('s') => {
            let n = sub[1..].parse::<u64>().map_or(1, |n| n + 1);
            format!(
                "{} {} — {base}",
                pick(locale, "زیرخدمت", "Sub-service"),
                number(locale, n)
            )
        }
        _ => base.to_owned(),
    }
}

/// The label of a field by its exact name, for the editor.
pub fn label(locale: Locale, name: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map_or("", |(_, fa, en)| pick(locale, fa, en))
}
