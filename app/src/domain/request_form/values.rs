//! Reading one typed value of each kind: what an input holds, or the
//! Persian message to show beside it.

use std::collections::BTreeSet;

use super::answer::Answer;
use super::{Choice, FieldKind, persian, plain};
use crate::domain::catalogue::form::tidy;
use crate::domain::digits::format_persian_number;
use crate::domain::jalali::JalaliDate;
use crate::domain::mobile::{Mobile, MobileError};
use crate::domain::national_id::{NationalId, NationalIdError};
use crate::domain::normalize::{digits_only, normalize_digits};

/// Larger numbers are typing mistakes, and lose precision in JavaScript
/// readers of the stored JSON.
pub(super) const LARGEST: u64 = 1_000_000_000_000_000;

pub(super) const UNKNOWN_OPTION: &str = "گزینه ناشناخته‌ای فرستاده شد";

/// What an input read to: `Ok(None)` when left empty, `Err` with the
/// message to show beside it.
pub(super) type Parsed = Result<Option<Answer>, String>;

pub(super) fn missing(kind: &FieldKind) -> String {
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
pub(super) fn tidy_lines(text: &str) -> String {
    let lines: Vec<String> = text.lines().map(tidy).collect();
    lines.join("\n").trim_matches('\n').to_owned()
}

pub(super) fn text(value: String, max_chars: u32) -> Parsed {
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
pub(super) fn whole(raw: &str) -> Result<Option<(bool, u64)>, String> {
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

pub(super) fn number(raw: &str, min: Option<i64>, max: Option<i64>) -> Parsed {
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

pub(super) fn money(raw: &str) -> Parsed {
    match whole(raw)? {
        None => Ok(None),
        Some((true, size)) if size > 0 => Err("مبلغ نمی‌تواند منفی باشد".to_owned()),
        Some((_, rials)) => Ok(Some(Answer::Money(rials))),
    }
}

/// `1405/09/02`, `۱۴۰۵-۹-۲` and the like, stored as `1405/09/02`; years
/// are bounded so a Gregorian date typed by mistake is caught.
pub(super) fn date(raw: &str) -> Parsed {
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

pub(super) fn choice(raw: &str, options: &[Choice]) -> Parsed {
    let typed = plain(raw);
    if typed.is_empty() {
        return Ok(None);
    }
    match options.iter().find(|o| plain(&o.value) == typed) {
        Some(option) => Ok(Some(Answer::Choice(option.value.clone()))),
        None => Err(UNKNOWN_OPTION.to_owned()),
    }
}

pub(super) fn choices(values: &[String], options: &[Choice]) -> Parsed {
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

pub(super) fn yes_no(raw: &str) -> Parsed {
    match plain(raw).as_str() {
        "" => Ok(None),
        "yes" => Ok(Some(Answer::YesNo(true))),
        "no" => Ok(Some(Answer::YesNo(false))),
        _ => Err("بله یا خیر را برگزینید".to_owned()),
    }
}

pub(super) fn national_id(raw: &str) -> Parsed {
    match NationalId::parse(raw) {
        Ok(id) => Ok(Some(Answer::NationalId(id.as_str().to_owned()))),
        Err(NationalIdError::Empty) => Ok(None),
        Err(wrong) => Err(wrong.to_string()),
    }
}

pub(super) fn mobile(raw: &str) -> Parsed {
    match Mobile::parse(raw) {
        Ok(number) => Ok(Some(Answer::Mobile(number.as_str().to_owned()))),
        Err(MobileError::Empty) => Ok(None),
        Err(wrong) => Err(wrong.to_string()),
    }
}
