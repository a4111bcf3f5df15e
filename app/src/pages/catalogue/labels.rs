//! Words the catalogue pages share: a choice's label in the reader's
//! language, amounts in rials, and the names of the card's fields as the
//! official form gives them.

use crate::domain::digits::{format_persian_number, to_persian_digits};
use crate::i18n::Locale;
use crate::serverfns::catalogue::CardKind;

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

/// The permit card's fields: the name the editor posts and forms 1 and 2's
/// Persian label, with an English one.
pub const PERMIT_FIELDS: &[(&str, &str, &str)] = &[
    ("title", "عنوان مجوز", "Permit title"),
    ("issuer", "دستگاه صادرکننده", "Issuing agency"),
    ("description", "شرح مجوز", "Description"),
    (
        "service",
        "خدمت صادرکننده در شناسنامه خدمات",
        "Issuing service in the catalogue",
    ),
    ("kind", "نوع درخواست", "Kind of application"),
    ("legal_basis", "مستندات قانونی", "Legal basis"),
    ("documents", "مدارک مورد نیاز", "Required documents"),
    ("validity", "مدت اعتبار", "Validity"),
    ("fee", "هزینه (ریال)", "Fee (rials)"),
    ("applicants", "متقاضیان", "Who may apply"),
    (
        "shared",
        "فرآیند مشترک با دستگاه‌های دیگر",
        "Process shared with other agencies",
    ),
    ("supervisors", "مراجع ناظر", "Supervising authorities"),
    ("duration", "زمان انجام کار", "Time taken"),
    ("electronic", "الکترونیکی", "Electronic"),
    ("notes", "توضیحات", "Notes"),
    ("agency", "دستگاه استعلام‌شونده", "Agency inquired"),
    ("subject", "موضوع استعلام", "What is asked"),
];

/// The label of a field by its last name part ("s0.fee1.amount" → "مبلغ"),
/// with the row it belongs to ("زیرخدمت ۱ — مبلغ").
pub fn field_label(kind: CardKind, locale: Locale, key: &str) -> String {
    let last = key.rsplit('.').next().unwrap_or(key);
    let found = label_in(kind, locale, last);
    let base = if found.is_empty() { last } else { found };
    match key.split_once('.').and_then(|(row, _)| row_name(kind, locale, row)) {
        Some(row) => format!("{row} — {base}"),
        None => base.to_owned(),
    }
}

/// The name of a repeated section or row ("s0" → "زیرخدمت ۱", "k1" →
/// "درخواست ۲"); `None` for anything else.
pub fn row_name(kind: CardKind, locale: Locale, row: &str) -> Option<String> {
    let n = row.get(1..)?.parse::<u64>().ok()? + 1;
    let name = match (kind, row.chars().next()?) {
        (CardKind::Service, 's') => pick(locale, "زیرخدمت", "Sub-service"),
        (CardKind::Permit, 'k') => pick(locale, "درخواست", "Application"),
        (CardKind::Permit, 'q') => pick(locale, "استعلام", "Inquiry"),
        _ => return None,
    };
    Some(format!("{name} {}", number(locale, n)))
}

/// The label of a service card's field by its exact name, for the editor.
pub fn label(locale: Locale, name: &str) -> &'static str {
    label_in(CardKind::Service, locale, name)
}

/// The label of a field of either card by its exact name.
pub fn label_in(kind: CardKind, locale: Locale, name: &str) -> &'static str {
    let table = match kind {
        CardKind::Service => FIELDS,
        CardKind::Permit => PERMIT_FIELDS,
    };
    table
        .iter()
        .find(|(n, _, _)| *n == name)
        .map_or("", |(_, fa, en)| pick(locale, fa, en))
}
