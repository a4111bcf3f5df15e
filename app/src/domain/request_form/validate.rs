//! Reads an applicant's answers against a form definition into typed
//! values, or names each wrong input with a Persian message. The browser
//! runs it as people type and the server runs it on what was posted, so
//! both say the same thing.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{Choice, FieldDefinition, FieldKind, FormDefinition, persian, plain, shown};
use crate::domain::catalogue::form::{Fields, Problem, tidy};
use crate::domain::digits::format_persian_number;
use crate::domain::jalali::JalaliDate;
use crate::domain::mobile::{Mobile, MobileError};
use crate::domain::national_id::{NationalId, NationalIdError};
use crate::domain::normalize::{digits_only, normalize_digits};

/// Larger numbers are typing mistakes, and lose precision in JavaScript
/// readers of the stored JSON.
const LARGEST: u64 = 1_000_000_000_000_000;

const UNKNOWN_OPTION: &str = "گزینه ناشناخته‌ای فرستاده شد";

/// One answer, typed; stored as JSON with the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// Short or long text, tidied.
    Text(String),
    /// A whole number.
    Number(i64),
    /// An amount in rials.
    Money(u64),
    /// A Jalali day as `1405/09/02`, ASCII digits.
    Date(String),
    /// The value of the chosen option.
    Choice(String),
    /// The values of the chosen options, in the definition's order.
    Choices(Vec<String>),
    /// Yes or no.
    YesNo(bool),
    /// Ten ASCII digits.
    NationalId(String),
    /// `09xxxxxxxxx`.
    Mobile(String),
    /// The filled rows of a table, blank rows dropped, by column name.
    Rows(Vec<BTreeMap<String, Answer>>),
    /// The names of the files in a slot.
    Files(Vec<String>),
}

/// Answers by field name; hidden and empty fields are absent.
pub type Answers = BTreeMap<String, Answer>;

/// What is known of a file before it is stored: the server passes what was
/// uploaded, the browser what was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileFacts {
    /// The file's name as the applicant's device gave it.
    pub name: String,
    /// Its size.
    pub bytes: u64,
}

/// Reads `answers` (and `files`, by field name) for `def`. A draft checks
/// only what was typed; `submitting` also requires required fields. Hidden
/// fields are neither checked nor kept.
pub fn validate(
    def: &FormDefinition,
    answers: &Fields,
    files: &BTreeMap<String, Vec<FileFacts>>,
    submitting: bool,
) -> Result<Answers, Vec<Problem>> {
    let mut c = Checker {
        answers,
        files,
        submitting,
        problems: Vec::new(),
    };
    let mut read = Answers::new();
    for (field, on) in def.fields.iter().zip(shown(def, answers)) {
        if !on {
            continue;
        }
        let answer = match &field.kind {
            FieldKind::Rows {
                columns,
                min_rows,
                max_rows,
            } => c.rows(field, columns, *min_rows, *max_rows),
            FieldKind::Files {
                allowed,
                max_mb,
                max_files,
            } => c.files(field, allowed, *max_mb, *max_files),
            _ => c.value(field, &field.name),
        };
        if let Some(answer) = answer {
            read.insert(field.name.clone(), answer);
        }
    }
    if c.problems.is_empty() {
        Ok(read)
    } else {
        Err(c.problems)
    }
}

struct Checker<'a> {
    answers: &'a Fields,
    files: &'a BTreeMap<String, Vec<FileFacts>>,
    submitting: bool,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    /// Notes the first problem of a field; one message beside an input is
    /// enough to act on.
    fn problem(&mut self, field: &str, message: String) {
        if !self.problems.iter().any(|p| p.field == field) {
            self.problems.push(Problem {
                field: field.to_owned(),
                message,
            });
        }
    }

    fn values(&self, key: &str) -> &'a [String] {
        self.answers.get(key).map(Vec::as_slice).unwrap_or_default()
    }

    /// The answer to a field typed into one input, read from `key`.
    fn value(&mut self, field: &FieldDefinition, key: &str) -> Option<Answer> {
        let values = self.values(key);
        let raw = values.first().map_or("", String::as_str);
        let parsed = match &field.kind {
            FieldKind::Text { max_chars } => text(tidy(raw), *max_chars),
            FieldKind::LongText { max_chars } => text(tidy_lines(raw), *max_chars),
            FieldKind::Number { min, max } => number(raw, *min, *max),
            FieldKind::Money => money(raw),
            FieldKind::JalaliDate => date(raw),
            FieldKind::Select { options } => choice(raw, options),
            FieldKind::MultiSelect { options } => choices(values, options),
            FieldKind::YesNo => yes_no(raw),
            FieldKind::NationalId => national_id(raw),
            FieldKind::Mobile => mobile(raw),
            FieldKind::Rows { .. } | FieldKind::Files { .. } => Ok(None),
        };
        match parsed {
            Ok(Some(answer)) => Some(answer),
            Ok(None) => {
                if self.submitting && field.required {
                    self.problem(key, missing(&field.kind));
                }
                None
            }
            Err(message) => {
                self.problem(key, message);
                None
            }
        }
    }

    /// A table posted as `{field}.{row}.{column}`. Problems keep the posted
    /// row number, so the page marks the cell it drew; blank rows (an empty
    /// row the page offers for the next entry) are dropped before counting.
    fn rows(&mut self, field: &FieldDefinition, columns: &[FieldDefinition], min: u32, max: u32) -> Option<Answer> {
        let name = &field.name;
        let prefix = format!("{name}.");
        let numbers: BTreeSet<u32> = self
            .answers
            .range(prefix.clone()..)
            .take_while(|(key, _)| key.starts_with(&prefix))
            .filter_map(|(key, _)| key[prefix.len()..].split_once('.'))
            .filter_map(|(row, _)| row.parse().ok().filter(|n: &u32| n.to_string() == row))
            .collect();
        let mut filled = Vec::new();
        for row in numbers {
            let key = |column: &FieldDefinition| format!("{name}.{row}.{}", column.name);
            let blank = |column: &FieldDefinition| self.values(&key(column)).iter().all(|v| tidy(v).is_empty());
            if columns.iter().all(blank) {
                continue;
            }
            let cells: BTreeMap<String, Answer> = columns
                .iter()
                .filter_map(|column| Some((column.name.clone(), self.value(column, &key(column))?)))
                .collect();
            filled.push(cells);
        }
        let count = u32::try_from(filled.len()).unwrap_or(u32::MAX);
        // An optional table may stay empty; once begun it needs its minimum.
        let least = match (field.required, count) {
            (true, _) => min.max(1),
            (false, 0) => 0,
            (false, _) => min,
        };
        if count > max {
            self.problem(name, format!("حداکثر {} سطر", persian(max)));
        } else if self.submitting && count < least {
            self.problem(name, format!("دست‌کم {} سطر را پر کنید", persian(least)));
        }
        (count > 0).then_some(Answer::Rows(filled))
    }

    /// A file slot: the count, each file's type by its extension, and size.
    fn files(&mut self, field: &FieldDefinition, allowed: &[String], max_mb: u32, max_files: u32) -> Option<Answer> {
        let name = &field.name;
        // A form posted with no file chosen still sends one nameless part.
        let chosen: Vec<&FileFacts> = self
            .files
            .get(name)
            .map(|all| all.iter().filter(|f| !f.name.trim().is_empty()).collect())
            .unwrap_or_default();
        if chosen.is_empty() {
            if self.submitting && field.required {
                self.problem(name, missing(&field.kind));
            }
            return None;
        }
        if chosen.len() > usize::try_from(max_files).unwrap_or(usize::MAX) {
            self.problem(name, format!("حداکثر {} پرونده", persian(max_files)));
        }
        let most = u64::from(max_mb) * 1024 * 1024;
        for file in &chosen {
            let extension = file.name.trim().rsplit_once('.').map(|(_, e)| e.to_lowercase());
            if !extension.is_some_and(|e| allowed.contains(&e)) {
                let kinds = allowed.join("، ");
                self.problem(name, format!("نوع پرونده «{}» پذیرفته نیست؛ فقط {kinds}", file.name));
            } else if file.bytes > most {
                self.problem(
                    name,
                    format!("پرونده «{}» بیش از {} مگابایت است", file.name, persian(max_mb)),
                );
            } else if file.bytes == 0 {
                self.problem(name, format!("پرونده «{}» خالی است", file.name));
            }
        }
        Some(Answer::Files(chosen.iter().map(|f| f.name.clone()).collect()))
    }
}

/// What an input read to: `Ok(None)` when left empty, `Err` with the
/// message to show beside it.
type Parsed = Result<Option<Answer>, String>;

fn missing(kind: &FieldKind) -> String {
    let message = match kind {
        FieldKind::Select { .. } | FieldKind::YesNo => "یکی از گزینه‌ها را برگزینید",
        FieldKind::MultiSelect { .. } => "دست‌کم یک گزینه برگزینید",
        FieldKind::NationalId => return NationalIdError::Empty.to_string(),
        FieldKind::Mobile => return MobileError::Empty.to_string(),
        FieldKind::Rows { .. } => "دست‌کم یک سطر را پر کنید",
        FieldKind::Files { .. } => "پرونده را بارگذاری کنید",
        _ => "این بخش را پر کنید",
    };
    message.to_owned()
}

/// Line breaks are kept in long text; each line is tidied.
fn tidy_lines(text: &str) -> String {
    let lines: Vec<String> = text.lines().map(tidy).collect();
    lines.join("\n").trim_matches('\n').to_owned()
}

fn text(value: String, max_chars: u32) -> Parsed {
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > usize::try_from(max_chars).unwrap_or(usize::MAX) {
        return Err(format!("حداکثر {} نویسه", persian(max_chars)));
    }
    Ok(Some(Answer::Text(value)))
}

/// A whole number as people type it, with Persian or Arabic digits and
/// thousands separators: whether it is negative, and its size.
fn whole(raw: &str) -> Result<Option<(bool, u64)>, String> {
    let typed = tidy(raw);
    if typed.is_empty() {
        return Ok(None);
    }
    let unsigned = typed.trim_start_matches(['-', '−', '–']);
    let negative = unsigned.len() != typed.len();
    let bare: String = unsigned
        .chars()
        .filter(|c| !matches!(c, ',' | '٬' | '،' | ' '))
        .collect();
    if bare.contains(['.', '٫', '/']) {
        return Err("عدد را بدون اعشار وارد کنید".to_owned());
    }
    let digits = digits_only(&bare);
    if digits.is_empty() || digits.len() != bare.chars().count() {
        return Err("فقط رقم وارد کنید".to_owned());
    }
    match digits.parse::<u64>() {
        Ok(n) if n <= LARGEST => Ok(Some((negative, n))),
        _ => Err("این عدد بیش از اندازه بزرگ است".to_owned()),
    }
}

fn number(raw: &str, min: Option<i64>, max: Option<i64>) -> Parsed {
    let Some((negative, size)) = whole(raw)? else {
        return Ok(None);
    };
    let size = i64::try_from(size).map_err(|_| "این عدد بیش از اندازه بزرگ است".to_owned())?;
    let value = if negative { -size } else { size };
    if let Some(min) = min.filter(|min| value < *min) {
        return Err(format!("دست‌کم {}", format_persian_number(min)));
    }
    if let Some(max) = max.filter(|max| value > *max) {
        return Err(format!("حداکثر {}", format_persian_number(max)));
    }
    Ok(Some(Answer::Number(value)))
}

fn money(raw: &str) -> Parsed {
    match whole(raw)? {
        None => Ok(None),
        Some((true, size)) if size > 0 => Err("مبلغ نمی‌تواند منفی باشد".to_owned()),
        Some((_, rials)) => Ok(Some(Answer::Money(rials))),
    }
}

/// `1405/09/02`, `۱۴۰۵-۹-۲` and the like, stored as `1405/09/02`; years
/// are bounded so a Gregorian date typed by mistake is caught.
fn date(raw: &str) -> Parsed {
    const FORMAT: &str = "تاریخ را مانند ۱۴۰۵/۰۹/۰۲ وارد کنید";
    let typed = normalize_digits(&tidy(raw));
    if typed.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = typed.split(['/', '-', '.']).map(str::trim).collect();
    let digits = |s: &str, most: usize| (1..=most).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let &[year, month, day] = parts.as_slice() else {
        return Err(FORMAT.to_owned());
    };
    if !(year.len() == 4 && digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return Err(FORMAT.to_owned());
    }
    let (Ok(year), Ok(month), Ok(day)) = (year.parse::<i32>(), month.parse::<u8>(), day.parse::<u8>()) else {
        return Err(FORMAT.to_owned());
    };
    if !(1300..=1500).contains(&year) {
        return Err("سال را به تقویم خورشیدی و میان ۱۳۰۰ و ۱۵۰۰ وارد کنید".to_owned());
    }
    let date = JalaliDate { year, month, day };
    match date.to_gregorian() {
        Some(_) => Ok(Some(Answer::Date(date.to_string()))),
        None => Err("این روز در تقویم نیست؛ ماه‌های مهر تا بهمن ۳۰ روزه‌اند".to_owned()),
    }
}

fn choice(raw: &str, options: &[Choice]) -> Parsed {
    let typed = plain(raw);
    if typed.is_empty() {
        return Ok(None);
    }
    match options.iter().find(|o| plain(&o.value) == typed) {
        Some(option) => Ok(Some(Answer::Choice(option.value.clone()))),
        None => Err(UNKNOWN_OPTION.to_owned()),
    }
}

fn choices(values: &[String], options: &[Choice]) -> Parsed {
    let known: Vec<String> = options.iter().map(|o| plain(&o.value)).collect();
    let typed: BTreeSet<String> = values.iter().map(|v| plain(v)).filter(|v| !v.is_empty()).collect();
    if typed.is_empty() {
        return Ok(None);
    }
    if !typed.iter().all(|t| known.contains(t)) {
        return Err(UNKNOWN_OPTION.to_owned());
    }
    let chosen = options
        .iter()
        .zip(&known)
        .filter(|(_, k)| typed.contains(*k))
        .map(|(o, _)| o.value.clone())
        .collect();
    Ok(Some(Answer::Choices(chosen)))
}

fn yes_no(raw: &str) -> Parsed {
    match plain(raw).as_str() {
        "" => Ok(None),
        "yes" => Ok(Some(Answer::YesNo(true))),
        "no" => Ok(Some(Answer::YesNo(false))),
        _ => Err("بله یا خیر را برگزینید".to_owned()),
    }
}

fn national_id(raw: &str) -> Parsed {
    match NationalId::parse(raw) {
        Ok(id) => Ok(Some(Answer::NationalId(id.as_str().to_owned()))),
        Err(NationalIdError::Empty) => Ok(None),
        Err(wrong) => Err(wrong.to_string()),
    }
}

fn mobile(raw: &str) -> Parsed {
    match Mobile::parse(raw) {
        Ok(number) => Ok(Some(Answer::Mobile(number.as_str().to_owned()))),
        Err(MobileError::Empty) => Ok(None),
        Err(wrong) => Err(wrong.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::digits::to_persian_digits;
    use crate::domain::national_id::with_check_digit;
    use crate::domain::request_form::tests::every_kind;
    use proptest::prelude::*;

    type Files = BTreeMap<String, Vec<FileFacts>>;

    fn answers(pairs: &[(&str, &str)]) -> Fields {
        let mut f = Fields::new();
        for (k, v) in pairs {
            f.entry((*k).to_owned()).or_default().push((*v).to_owned());
        }
        f
    }

    /// The required fields of [`every_kind`], filled.
    fn required() -> Vec<(&'static str, &'static str)> {
        vec![("title", "کارگاه نمونه"), ("capital", "1000"), ("activity", "food")]
    }

    fn submit(pairs: &[(&str, &str)]) -> Result<Answers, Vec<Problem>> {
        validate(&every_kind(), &answers(pairs), &Files::new(), true)
    }

    /// The message beside `field` when `pairs` (with the required fields) are submitted.
    fn message(pairs: &[(&str, &str)], field: &str) -> Option<String> {
        let mut all: Vec<(&str, &str)> = required();
        all.extend_from_slice(pairs);
        let problems = submit(&all).err()?;
        problems.into_iter().find(|p| p.field == field).map(|p| p.message)
    }

    fn file(name: &str, bytes: u64) -> FileFacts {
        FileFacts {
            name: name.to_owned(),
            bytes,
        }
    }

    #[test]
    fn a_complete_answer_is_read_into_typed_values() {
        let id = to_persian_digits(&with_check_digit("001234567").expect("nine digits"));
        let mut pairs: Vec<(&str, &str)> = required();
        pairs.extend([
            ("notes", "سطر یک\n  سطر   دو"),
            ("workers", "۱۲"),
            ("started", "۱۴۰۵-۹-۲"),
            ("markets", "export"),
            ("markets", "domestic"),
            ("exports", "no"),
            ("manager_id", id.as_str()),
            ("manager_mobile", "۰۹۱۲ ۳۴۵ ۶۷۸۹"),
        ]);
        let files = Files::from([("licence".to_owned(), vec![file("Permit.PDF", 2048)])]);
        let read = validate(&every_kind(), &answers(&pairs), &files, true).expect("valid");
        assert_eq!(read["notes"], Answer::Text("سطر یک\nسطر دو".into()));
        assert_eq!(read["workers"], Answer::Number(12));
        assert_eq!(read["capital"], Answer::Money(1000));
        assert_eq!(read["started"], Answer::Date("1405/09/02".into()));
        assert_eq!(
            read["markets"],
            Answer::Choices(vec!["domestic".into(), "export".into()])
        );
        assert_eq!(read["exports"], Answer::YesNo(false));
        assert_eq!(read["manager_mobile"], Answer::Mobile("09123456789".into()));
        assert_eq!(read["licence"], Answer::Files(vec!["Permit.PDF".into()]));
        let json = serde_json::to_string(&read).expect("serialises");
        assert_eq!(serde_json::from_str::<Answers>(&json).expect("reads back"), read);
    }

    #[test]
    fn a_monthly_table_drops_blank_rows_and_names_the_wrong_cell() {
        let mut pairs = required();
        pairs.extend([("monthly.0.month", "1"), ("monthly.0.quantity", "۱٬۵۰۰")]);
        pairs.extend([("monthly.1.month", ""), ("monthly.1.quantity", " ")]);
        pairs.extend([("monthly.2.month", "3"), ("monthly.2.quantity", "0")]);
        let read = submit(&pairs).expect("valid");
        let Answer::Rows(rows) = &read["monthly"] else {
            panic!("rows")
        };
        assert_eq!(rows.len(), 2, "the blank row is dropped");
        assert_eq!(rows[0]["quantity"], Answer::Number(1500));
        assert_eq!(
            message(
                &[("monthly.1.month", "2"), ("monthly.1.quantity", "abc")],
                "monthly.1.quantity"
            ),
            Some("فقط رقم وارد کنید".into())
        );
        assert_eq!(
            message(&[("monthly.4.quantity", "5")], "monthly.4.month"),
            Some("یکی از گزینه‌ها را برگزینید".into())
        );
        let four: Vec<_> = ["0", "1", "2", "3"]
            .iter()
            .map(|r| (format!("monthly.{r}.quantity"), format!("monthly.{r}.month")))
            .collect();
        let too_many: Vec<(&str, &str)> = four
            .iter()
            .flat_map(|(q, m)| [(q.as_str(), "1"), (m.as_str(), "1")])
            .collect();
        assert_eq!(message(&too_many, "monthly"), Some("حداکثر ۳ سطر".into()));
    }

    #[test]
    fn a_condition_hides_a_required_field_until_its_source_is_set() {
        let read = submit(&[required(), vec![("export_note", "left over")]].concat()).expect("hidden");
        assert!(!read.contains_key("export_note"), "a hidden answer is not kept");
        assert_eq!(
            message(&[("exports", "yes")], "export_note"),
            Some("این بخش را پر کنید".into())
        );
        let read = submit(&[required(), vec![("exports", "yes"), ("export_note", "عراق")]].concat()).expect("shown");
        assert_eq!(read["export_note"], Answer::Text("عراق".into()));
    }

    #[test]
    fn a_draft_skips_required_fields_but_not_what_was_typed_wrong() {
        let def = every_kind();
        let none = Files::new();
        assert_eq!(validate(&def, &Fields::new(), &none, false), Ok(Answers::new()));
        let fields: Vec<String> = validate(&def, &Fields::new(), &none, true)
            .expect_err("required")
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["title", "capital", "activity"]);
        let typo = validate(&def, &answers(&[("workers", "ده")]), &none, false).expect_err("typo");
        assert_eq!(typo[0].field, "workers");
        assert_eq!(message(&[("title", "ا")], "title"), None, "only the first value counts");
        assert_eq!(
            message(&[("workers", "20000")], "workers"),
            Some("حداکثر ۱۰٬۰۰۰".into())
        );
    }

    #[test]
    fn money_is_read_with_persian_digits_and_separators_but_never_negative() {
        let read = submit(&[("title", "نمونه"), ("activity", "metal"), ("capital", "۲٬۵۰۰٬۰۰۰")]).expect("valid");
        assert_eq!(read["capital"], Answer::Money(2_500_000));
        let read = submit(&[("title", "نمونه"), ("activity", "metal"), ("capital", "12,000")]).expect("valid");
        assert_eq!(read["capital"], Answer::Money(12_000));
        let negative =
            submit(&[("title", "نمونه"), ("activity", "metal"), ("capital", "-۵۰۰۰")]).expect_err("negative");
        assert_eq!(negative[0].message, "مبلغ نمی‌تواند منفی باشد");
        assert_eq!(
            message(&[("workers", "1.5")], "workers"),
            Some("عدد را بدون اعشار وارد کنید".into())
        );
    }

    #[test]
    fn days_that_are_not_on_the_calendar_are_refused() {
        for wrong in ["1405/07/31", "1405/13/01", "1404/12/30", "1405/00/10"] {
            assert!(
                message(&[("started", wrong)], "started").is_some_and(|m| m.contains("تقویم")),
                "{wrong}"
            );
        }
        assert_eq!(
            message(&[("started", "2026/11/23")], "started"),
            Some("سال را به تقویم خورشیدی و میان ۱۳۰۰ و ۱۵۰۰ وارد کنید".into())
        );
        assert_eq!(
            message(&[("started", "دیروز")], "started"),
            Some("تاریخ را مانند ۱۴۰۵/۰۹/۰۲ وارد کنید".into())
        );
        assert_eq!(message(&[("started", "۱۴۰۵/۰۶/۳۱")], "started"), None);
    }

    #[test]
    fn files_over_the_count_size_or_type_are_named() {
        let check = |chosen: Vec<FileFacts>| -> Option<String> {
            let files = Files::from([("licence".to_owned(), chosen)]);
            let problems = validate(&every_kind(), &answers(&required()), &files, true).err()?;
            problems.into_iter().find(|p| p.field == "licence").map(|p| p.message)
        };
        let three = vec![file("a.pdf", 10), file("b.pdf", 10), file("c.pdf", 10)];
        assert_eq!(check(three), Some("حداکثر ۲ پرونده".into()));
        assert_eq!(
            check(vec![file("run.exe", 10)]),
            Some("نوع پرونده «run.exe» پذیرفته نیست؛ فقط pdf، jpg".into())
        );
        assert_eq!(
            check(vec![file("scan.jpg", 6 * 1024 * 1024)]),
            Some("پرونده «scan.jpg» بیش از ۵ مگابایت است".into())
        );
        assert_eq!(check(vec![file("", 0)]), None, "no file chosen is no file");
    }

    #[test]
    fn unknown_options_and_malformed_identifiers_are_refused() {
        assert_eq!(
            message(&[("exports", "maybe")], "exports"),
            Some("بله یا خیر را برگزینید".into())
        );
        assert_eq!(
            message(&[("markets", "export"), ("markets", "moon")], "markets"),
            Some(UNKNOWN_OPTION.into())
        );
        assert_eq!(
            message(&[("manager_id", "1111111111")], "manager_id"),
            Some(NationalIdError::BadCheckDigit.to_string())
        );
        assert_eq!(
            message(&[("manager_mobile", "02188776655")], "manager_mobile"),
            Some(MobileError::Malformed.to_string())
        );
        let wood = submit(&[("title", "نمونه"), ("capital", "1"), ("activity", "wood")]).expect_err("unknown");
        assert_eq!(
            (wood[0].field.as_str(), wood[0].message.as_str()),
            ("activity", UNKNOWN_OPTION)
        );
    }

    fn key() -> impl Strategy<Value = String> {
        let names = every_kind().fields.into_iter().map(|f| f.name).collect::<Vec<_>>();
        prop_oneof![
            prop::sample::select(names),
            "monthly\\.[0-9]{1,2}\\.(month|quantity)",
            "\\PC{0,10}",
        ]
    }

    fn value() -> impl Strategy<Value = String> {
        prop_oneof!["[0-9۰-۹٬,/.\\- a-zآ-ی]{0,14}", "\\PC{0,12}"]
    }

    proptest! {
        #[test]
        fn validation_never_panics_and_keeps_only_defined_fields(
            posted in proptest::collection::btree_map(key(), proptest::collection::vec(value(), 0..3), 0..16),
            chosen in proptest::collection::vec(("\\PC{0,12}", any::<u64>()), 0..4),
            submitting in any::<bool>(),
        ) {
            let def = every_kind();
            let files = Files::from([("licence".to_owned(), chosen.into_iter().map(|(n, b)| file(&n, b)).collect())]);
            if let Ok(read) = validate(&def, &posted, &files, submitting) {
                prop_assert!(read.keys().all(|k| def.fields.iter().any(|f| &f.name == k)));
            }
        }
    }
}
