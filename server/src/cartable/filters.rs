//! The search box and filters, read into one condition. A filter that does
//! not read is left out and named, so the rest still apply.

use app::contracts::cartable::CartableQuery;
use app::domain::jalali::{JalaliDate, from_iran_local};
use app::domain::normalize::{normalize_digits, normalize_input};
use app::domain::tracking_code;
use chrono::{DateTime, Days, Utc};
use sea_orm::{ColumnTrait, Condition};

use crate::entities::request;

/// The condition for `query`, and the first filter that did not read.
pub fn read(query: &CartableQuery, now: DateTime<Utc>) -> (Condition, Option<(String, String)>) {
    let mut condition = Condition::all();
    let mut problem = None;
    if let Some(found) = search(&query.q) {
        condition = condition.add(found);
    }
    if let Ok(service) = query.service.trim().parse::<i32>() {
        condition = condition.add(request::Column::ServiceId.eq(service));
    }
    if query.overdue == "overdue" {
        condition = condition
            .add(request::Column::StepDueAt.lt(now))
            .add(request::Column::Status.eq("in_progress"));
    }
    for (field, after) in [("from", true), ("to", false)] {
        let typed = if after { &query.from } else { &query.to };
        if typed.trim().is_empty() {
            continue;
        }
        match day_start(typed) {
            Some(start) if after => condition = condition.add(request::Column::SubmittedAt.gte(start)),
            Some(start) => {
                let next = start.checked_add_days(Days::new(1)).unwrap_or(start);
                condition = condition.add(request::Column::SubmittedAt.lt(next));
            }
            None => {
                problem.get_or_insert_with(|| (field.to_owned(), "تاریخ را مانند ۱۴۰۵/۰۹/۰۱ وارد کنید.".to_owned()));
            }
        }
    }
    (condition, problem)
}

/// A tracking code finds that request; ten digits, a national id; anything
/// else, part of the applicant's name.
fn search(typed: &str) -> Option<Condition> {
    let text = normalize_input(typed);
    if text.is_empty() {
        return None;
    }
    if let Some(code) = tracking_code::parse(&text) {
        return Some(Condition::all().add(request::Column::TrackingCode.eq(code)));
    }
    let digits = normalize_digits(&text);
    if digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Condition::all().add(request::Column::ApplicantNationalId.eq(digits)));
    }
    let pattern: String = text.chars().filter(|c| !matches!(c, '%' | '_' | '\\')).collect();
    Some(Condition::all().add(request::Column::ApplicantName.contains(pattern.trim())))
}

/// Midnight in Iran at the start of a Jalali day such as `۱۴۰۵/۰۹/۰۱`.
fn day_start(typed: &str) -> Option<DateTime<Utc>> {
    let digits = normalize_digits(typed.trim());
    let mut parts = digits.split(['/', '-', '.']).map(str::trim);
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let date = JalaliDate {
        year: year.parse().ok()?,
        month: month.parse().ok()?,
        day: day.parse().ok()?,
    }
    .to_gregorian()?;
    Some(from_iran_local(date.and_hms_opt(0, 0, 0)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jalali_day_starts_at_midnight_in_iran_and_a_wrong_one_reads_as_none() {
        let start = day_start("۱۴۰۵/۰۹/۰۱").expect("a day");
        // 1 Azar 1405 is 22 November 2026; midnight in Tehran is 20:30 UTC the day before.
        assert_eq!(start.to_rfc3339(), "2026-11-21T20:30:00+00:00");
        for wrong in ["1405/13/01", "۱۴۰۵/۰۹", "yesterday", "1405/07/31/1"] {
            assert_eq!(day_start(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn the_search_box_tells_a_code_from_a_national_id_from_a_name() {
        let code = tracking_code::from_random([1, 2, 3, 4, 5, 6, 7, 8]);
        let lower = code.to_lowercase().replace('-', " ");
        for (typed, column) in [
            (lower.as_str(), "tracking_code"),
            ("۰۰۱۲۳۴۵۶۷۹", "applicant_national_id"),
            ("امیرخانی", "applicant_name"),
        ] {
            let condition = search(typed).expect("a condition");
            assert!(format!("{condition:?}").contains(column), "{typed}: {condition:?}");
        }
        assert!(search("  ").is_none());
    }
}
