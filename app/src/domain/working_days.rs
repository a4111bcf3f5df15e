//! Working days and office hours, for the moment a request's answer is promised.
//!
//! Applicants are told "within 3 working days" or "within 4 office hours"; the
//! promise has to skip weekends, public holidays and the hours offices are
//! shut, all on Iran's wall clock rather than UTC. Time a request spends back
//! with the applicant is not staff time, so a pause pushes the promise later by
//! the office time it covered, and nights and weekends cost nothing.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::jalali::{JalaliDate, from_iran_local, in_iran};
use super::normalize::normalize_digits;

/// Offices open at 08:00 Iran time.
pub const OPENING: NaiveTime = NaiveTime::from_hms_opt(8, 0, 0).expect("08:00 is a time of day");

/// Offices close at 16:00 Iran time; "by working day n" means by this hour.
pub const CLOSING: NaiveTime = NaiveTime::from_hms_opt(16, 0, 0).expect("16:00 is a time of day");

/// How far any scan looks ahead, in days (and at most how many working days
/// are added). Holiday sets are finite, but a calendar with every weekday
/// marked as weekend has no working day at all; ten years late is a visibly
/// wrong answer, while an endless loop would hang the request.
const MAX_SCAN_DAYS: u16 = 3650;

/// The response time a service promises, as the catalogue states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgreedDuration {
    /// Office hours, for quick services ("answered within 4 hours").
    Hours(u32),
    /// Whole working days, each ending at closing time.
    WorkingDays(u32),
}

/// Which days offices are open: every day but the weekend and the holidays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingCalendar {
    /// Days of the week offices are always shut.
    pub weekend: Vec<Weekday>,
    /// Public holidays, as Gregorian days in Iran (see [`parse_holidays`]).
    pub holidays: BTreeSet<NaiveDate>,
}

impl AgreedDuration {
    /// The duration as applicants read it: "۲ روز کاری", "۴ ساعت".
    pub fn in_persian(self) -> String {
        super::digits::to_persian_digits(&match self {
            Self::Hours(h) => format!("{h} ساعت"),
            Self::WorkingDays(d) => format!("{d} روز کاری"),
        })
    }
}

impl WorkingCalendar {
    /// Iranian government offices: shut on Thursdays, Fridays and `holidays`.
    pub fn iranian(holidays: BTreeSet<NaiveDate>) -> Self {
        Self {
            weekend: vec![Weekday::Thu, Weekday::Fri],
            holidays,
        }
    }

    /// Whether offices are open on `date`, a day on Iran's calendar.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !self.weekend.contains(&date.weekday()) && !self.holidays.contains(&date)
    }

    /// The moment `duration` runs out for work that starts at `start`.
    pub fn add(&self, start: DateTime<Utc>, duration: AgreedDuration) -> DateTime<Utc> {
        match duration {
            AgreedDuration::Hours(hours) => self.add_office_minutes(start, u64::from(hours) * 60),
            AgreedDuration::WorkingDays(days) => self.add_working_days(start, days),
        }
    }

    /// The promise for a request with `steps` still ahead of it: each step's
    /// time starts when the one before it runs out.
    pub fn promised(&self, start: DateTime<Utc>, steps: &[AgreedDuration]) -> DateTime<Utc> {
        steps.iter().fold(start, |at, step| self.add(at, *step))
    }

    /// Office minutes between two instants (zero if `to` is not later), so
    /// staff are measured only against time they could have worked.
    pub fn office_minutes_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> u64 {
        let (from, to) = (local(from), local(to));
        let mut total = TimeDelta::zero();
        let span = from.date().iter_days().take_while(|day| *day <= to.date());
        for day in span.take(usize::from(MAX_SCAN_DAYS)) {
            if self.is_working_day(day) {
                let overlap = to.min(day.and_time(CLOSING)) - from.max(day.and_time(OPENING));
                total += overlap.max(TimeDelta::zero());
            }
        }
        u64::try_from(total.num_minutes()).unwrap_or(0)
    }

    /// `start` moved on by `minutes` of office time. Zero minutes leave it
    /// where it is, so an empty pause never moves a promise.
    pub fn add_office_minutes(&self, start: DateTime<Utc>, minutes: u64) -> DateTime<Utc> {
        if minutes == 0 {
            return start;
        }
        let mut remaining = i64::try_from(minutes)
            .ok()
            .and_then(TimeDelta::try_minutes)
            .unwrap_or(TimeDelta::MAX);
        let mut cursor = self.first_office_moment(local(start));
        for _ in 0..MAX_SCAN_DAYS {
            let left_today = cursor.date().and_time(CLOSING) - cursor;
            if remaining <= left_today {
                return from_iran_local(cursor + remaining);
            }
            remaining -= left_today;
            cursor = self.next_working_day(cursor.date()).and_time(OPENING);
        }
        from_iran_local(cursor)
    }

    /// `promised` pushed later by the office time between `paused_from` and
    /// `resumed_at`, while the request waited on the applicant: staff keep
    /// the office time they had left when it was sent back.
    pub fn shift_for_pause(
        &self,
        promised: DateTime<Utc>,
        paused_from: DateTime<Utc>,
        resumed_at: DateTime<Utc>,
    ) -> DateTime<Utc> {
        self.add_office_minutes(promised, self.office_minutes_between(paused_from, resumed_at))
    }

    /// Closing time on the `days`-th working day after the day of `start`.
    /// The day a request arrives never counts, since it may arrive minutes
    /// before closing. Zero days means closing time of the first day still
    /// open at `start`, so the promise is never earlier than the request.
    fn add_working_days(&self, start: DateTime<Utc>, days: u32) -> DateTime<Utc> {
        let start = local(start);
        let mut date = if days == 0 {
            self.first_office_moment(start).date()
        } else {
            start.date()
        };
        for _ in 0..days.min(u32::from(MAX_SCAN_DAYS)) {
            date = self.next_working_day(date);
        }
        from_iran_local(date.and_time(CLOSING))
    }

    /// The first office moment at or after `at` (Iran time): opening time if
    /// the office has not opened yet, else the next working day's opening.
    fn first_office_moment(&self, at: NaiveDateTime) -> NaiveDateTime {
        if self.is_working_day(at.date()) && at.time() < CLOSING {
            return at.max(at.date().and_time(OPENING));
        }
        self.next_working_day(at.date()).and_time(OPENING)
    }

    /// The first working day after `date`, or the end of the scan if none.
    fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        date.iter_days()
            .skip(1)
            .take(usize::from(MAX_SCAN_DAYS))
            .find(|day| self.is_working_day(*day))
            .unwrap_or_else(|| {
                date.checked_add_days(Days::new(MAX_SCAN_DAYS.into()))
                    .unwrap_or(NaiveDate::MAX)
            })
    }
}

/// Iran's wall-clock time of an instant, where days and office hours are counted.
fn local(instant: DateTime<Utc>) -> NaiveDateTime {
    in_iran(instant).naive_local()
}

/// Reads the configured holiday list: Jalali days such as `1405-01-01` or
/// `۱۴۰۵/۰۱/۰۲`, separated by commas, spaces or new lines, the way the official
/// calendar is published and copied. The error names, in Persian, the entry
/// that could not be read, so the administrator can find it.
pub fn parse_holidays(text: &str) -> Result<BTreeSet<NaiveDate>, String> {
    text.split(|c: char| c == ',' || c == '،' || c.is_whitespace())
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            parse_jalali_day(entry).ok_or_else(|| format!("تاریخ تعطیل «{entry}» معتبر نیست؛ نمونهٔ درست: ۱۴۰۵/۰۱/۰۱"))
        })
        .collect()
}

/// The official holidays that fall on the same solar day every year:
/// Nowruz (1–4 Farvardin), Islamic Republic Day and Nature Day (12–13
/// Farvardin), 14–15 Khordad, 22 Bahman and 29 Esfand. The lunar holidays
/// move every year and are configured (see [`parse_holidays`]).
const SOLAR_HOLIDAYS: [(u8, u8); 10] = [
    (1, 1),
    (1, 2),
    (1, 3),
    (1, 4),
    (1, 12),
    (1, 13),
    (3, 14),
    (3, 15),
    (11, 22),
    (12, 29),
];

/// The fixed solar holidays of the Jalali `years`, as Gregorian days.
pub fn solar_holidays(years: std::ops::RangeInclusive<i32>) -> BTreeSet<NaiveDate> {
    years
        .flat_map(|year| {
            SOLAR_HOLIDAYS.iter().filter_map(move |(month, day)| {
                JalaliDate {
                    year,
                    month: *month,
                    day: *day,
                }
                .to_gregorian()
            })
        })
        .collect()
}

fn parse_jalali_day(entry: &str) -> Option<NaiveDate> {
    let ascii = normalize_digits(entry);
    let mut parts = ascii.split(['-', '/']);
    let date = JalaliDate {
        year: parts.next()?.parse().ok()?,
        month: parts.next()?.parse().ok()?,
        day: parts.next()?.parse().ok()?,
    };
    if parts.next().is_some() {
        return None;
    }
    date.to_gregorian()
}

#[cfg(test)]
mod tests {
    use super::AgreedDuration::{Hours, WorkingDays};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn nowruz_and_the_other_solar_holidays_recur_every_year() {
        let holidays = solar_holidays(1404..=1405);
        assert_eq!(holidays.len(), 20);
        assert!(holidays.contains(&day(2026, 3, 21)), "1 Farvardin 1405");
        assert!(holidays.contains(&day(2026, 2, 11)), "22 Bahman 1404");
        let calendar = WorkingCalendar::iranian(holidays);
        assert!(!calendar.is_working_day(day(2026, 3, 22)));
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    /// An instant given on Iran's wall clock. 2026-04-15 is a Wednesday.
    fn iran(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        from_iran_local(day(y, m, d).and_hms_opt(h, min, 0).expect("valid test time"))
    }

    fn no_holidays() -> WorkingCalendar {
        WorkingCalendar::iranian(BTreeSet::new())
    }

    fn nowruz_holidays() -> WorkingCalendar {
        let list = "1405/01/01 1405/01/02 1405/01/03 1405/01/04 1405/01/12 1405/01/13";
        WorkingCalendar::iranian(parse_holidays(list).expect("valid list"))
    }

    #[test]
    fn two_working_days_from_wednesday_afternoon_end_on_sunday_at_closing() {
        let end = no_holidays().add(iran(2026, 4, 15, 14, 0), WorkingDays(2));
        assert_eq!(end, iran(2026, 4, 19, 16, 0));
        assert_eq!(end, "2026-04-19T12:30:00Z".parse::<DateTime<Utc>>().expect("RFC 3339"));
    }

    #[test]
    fn a_holiday_inside_the_span_pushes_the_promise_one_day() {
        let calendar = WorkingCalendar::iranian(BTreeSet::from([day(2026, 4, 18)]));
        let end = calendar.add(iran(2026, 4, 15, 14, 0), WorkingDays(2));
        assert_eq!(end, iran(2026, 4, 20, 16, 0));
    }

    #[test]
    fn zero_working_days_end_at_closing_of_the_first_day_still_open() {
        let by_closing = |start| no_holidays().add(start, WorkingDays(0));
        assert_eq!(by_closing(iran(2026, 4, 15, 9, 0)), iran(2026, 4, 15, 16, 0));
        assert_eq!(by_closing(iran(2026, 4, 15, 17, 0)), iran(2026, 4, 18, 16, 0));
    }

    #[test]
    fn office_hours_carry_over_the_night_and_the_weekend() {
        let after = |start, hours| no_holidays().add(start, Hours(hours));
        // One hour on Saturday afternoon, two on Sunday morning.
        assert_eq!(after(iran(2026, 4, 18, 15, 0), 3), iran(2026, 4, 19, 10, 0));
        // One hour on Wednesday, then Thursday and Friday are skipped.
        assert_eq!(after(iran(2026, 4, 15, 15, 0), 2), iran(2026, 4, 18, 9, 0));
    }

    #[test]
    fn requests_before_opening_or_on_the_weekend_start_counting_at_opening() {
        let after_an_hour = |start| no_holidays().add(start, Hours(1));
        assert_eq!(after_an_hour(iran(2026, 4, 19, 6, 30)), iran(2026, 4, 19, 9, 0));
        assert_eq!(after_an_hour(iran(2026, 4, 17, 11, 0)), iran(2026, 4, 18, 9, 0));
    }

    #[test]
    fn a_pause_over_the_weekend_costs_only_its_office_minutes() {
        let calendar = no_holidays();
        let (paused, resumed) = (iran(2026, 4, 15, 15, 0), iran(2026, 4, 18, 9, 0));
        assert_eq!(calendar.office_minutes_between(paused, resumed), 120);
        let shifted = calendar.shift_for_pause(iran(2026, 4, 19, 16, 0), paused, resumed);
        assert_eq!(shifted, iran(2026, 4, 20, 10, 0));
    }

    #[test]
    fn each_step_of_a_chain_starts_where_the_last_ran_out() {
        let end = no_holidays().promised(iran(2026, 4, 15, 14, 0), &[WorkingDays(2), Hours(4)]);
        assert_eq!(end, iran(2026, 4, 20, 12, 0));
    }

    #[test]
    fn a_calendar_without_working_days_gives_up_instead_of_hanging() {
        use Weekday::*;
        let closed = WorkingCalendar {
            weekend: vec![Sat, Sun, Mon, Tue, Wed, Thu, Fri],
            holidays: BTreeSet::new(),
        };
        let end = closed.add(iran(2026, 4, 15, 9, 0), WorkingDays(1));
        let days_later = in_iran(end).date_naive() - day(2026, 4, 15);
        assert_eq!(days_later.num_days(), i64::from(MAX_SCAN_DAYS));
    }

    #[test]
    fn holidays_are_read_in_persian_or_latin_digits() {
        // 1 Farvardin 1405 (Nowruz) is 21 March 2026.
        let holidays = parse_holidays("۱۴۰۵/۰۱/۰۱، 1405-01-02\n ۱۴۰۵-۰۱-۰۳").expect("valid list");
        let expected = [day(2026, 3, 21), day(2026, 3, 22), day(2026, 3, 23)];
        assert_eq!(holidays, BTreeSet::from(expected));
        assert_eq!(parse_holidays(" \n"), Ok(BTreeSet::new()));
    }

    #[test]
    fn a_bad_holiday_entry_is_named_in_the_error() {
        let error = parse_holidays("1405-01-01, 1405-13-01").expect_err("there is no 13th month");
        assert!(error.contains("1405-13-01"), "{error}");
    }

    proptest! {
        #[test]
        fn working_days_end_at_closing_on_a_working_day_and_grow_with_n(
            seconds in 1_735_689_600i64..1_830_297_600,
            n in 0u32..60,
        ) {
            let calendar = nowruz_holidays();
            let start = DateTime::from_timestamp(seconds, 0).expect("in range");
            let end = calendar.add(start, WorkingDays(n));
            prop_assert!(calendar.is_working_day(in_iran(end).date_naive()));
            prop_assert_eq!(in_iran(end).time(), CLOSING);
            prop_assert!(end > start);
            let later = calendar.add(start, WorkingDays(n + 1));
            prop_assert!(later > end || (n == 0 && later == end));
        }

        #[test]
        fn office_minutes_added_are_the_office_minutes_measured(
            day_offset in 0u64..1000,
            second_of_office_day in 0i64..8 * 3600,
            minutes in 0u64..20_000,
        ) {
            let calendar = nowruz_holidays();
            let date = calendar.next_working_day(day(2025, 1, 1) + Days::new(day_offset));
            let start = from_iran_local(date.and_time(OPENING) + TimeDelta::seconds(second_of_office_day));
            let end = calendar.add_office_minutes(start, minutes);
            prop_assert_eq!(calendar.office_minutes_between(start, end), minutes);
        }
    }
}
