//! Solar Hijri (Jalali) dates for display. Everything is stored in UTC;
//! people read dates on the Iranian calendar in Iran's time zone.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Offset as _, TimeDelta, Utc};
use icu_calendar::{Date, Iso, cal::Persian};

use super::digits::to_persian_digits;

/// Iran has kept standard time (UTC+03:30) all year since 1401 (2022).
const IRAN_OFFSET_SECONDS: i32 = 3 * 3600 + 30 * 60;

const MONTHS_FA: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// A day on the Solar Hijri calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct JalaliDate {
    /// Solar Hijri year, e.g. 1405.
    pub year: i32,
    /// Month 1 (Farvardin) to 12 (Esfand).
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl JalaliDate {
    /// Converts a Gregorian day; `None` only for dates outside the calendar's range.
    pub fn from_gregorian(date: NaiveDate) -> Option<Self> {
        let month = u8::try_from(date.month()).ok()?;
        let day = u8::try_from(date.day()).ok()?;
        let iso = Date::try_new_iso(date.year(), month, day).ok()?;
        let persian = iso.to_calendar(Persian);
        Some(Self {
            year: persian.year().extended_year(),
            month: persian.month().ordinal,
            day: persian.day_of_month().0,
        })
    }

    /// Converts back to a Gregorian day, so dates people type in Jalali (holiday
    /// lists, deadlines) can be compared with stored ones; `None` if the day
    /// does not exist, such as 1405/07/31.
    pub fn to_gregorian(self) -> Option<NaiveDate> {
        let iso = Date::try_new_persian(self.year, self.month, self.day)
            .ok()?
            .to_calendar(Iso);
        NaiveDate::from_ymd_opt(
            iso.year().extended_year(),
            u32::from(iso.month().ordinal),
            u32::from(iso.day_of_month().0),
        )
    }

    /// The day an instant falls on in Iran.
    pub fn from_utc(instant: DateTime<Utc>) -> Option<Self> {
        Self::from_gregorian(in_iran(instant).date_naive())
    }

    /// `1405/09/02` with Persian digits, the form official letters use.
    pub fn to_persian_string(self) -> String {
        to_persian_digits(&self.to_string())
    }

    /// `۲ آذر ۱۴۰۵`, the long form for headings and notices.
    pub fn to_persian_long(self) -> String {
        let month = MONTHS_FA[usize::from(self.month.clamp(1, 12)) - 1];
        to_persian_digits(&format!("{} {month} {}", self.day, self.year))
    }
}

impl std::fmt::Display for JalaliDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}/{:02}/{:02}", self.year, self.month, self.day)
    }
}

/// The wall-clock time in Iran for a UTC instant.
pub fn in_iran(instant: DateTime<Utc>) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(IRAN_OFFSET_SECONDS).unwrap_or_else(|| Utc.fix());
    instant.with_timezone(&offset)
}

/// The UTC instant of a wall-clock time in Iran; with a fixed offset every
/// local time exists exactly once, so no ambiguity has to be resolved.
pub fn from_iran_local(local: NaiveDateTime) -> DateTime<Utc> {
    local.and_utc() - TimeDelta::seconds(i64::from(IRAN_OFFSET_SECONDS))
}

/// `۱۴۰۵/۰۹/۰۲ ۱۵:۰۴`: date and time in Iran, with Persian digits.
pub fn format_persian_datetime(instant: DateTime<Utc>) -> String {
    let local = in_iran(instant);
    match JalaliDate::from_utc(instant) {
        Some(date) => to_persian_digits(&format!("{date} {}", local.format("%H:%M"))),
        None => to_persian_digits(&local.format("%Y-%m-%d %H:%M").to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn nowruz_is_the_first_of_farvardin() {
        assert_eq!(
            JalaliDate::from_gregorian(day(2026, 3, 21)),
            Some(JalaliDate {
                year: 1405,
                month: 1,
                day: 1
            })
        );
        assert_eq!(
            JalaliDate::from_gregorian(day(2026, 3, 20)),
            Some(JalaliDate {
                year: 1404,
                month: 12,
                day: 29
            })
        );
    }

    #[test]
    fn jalali_days_convert_back_to_the_same_gregorian_day() {
        let jalali = |year, month, day| JalaliDate { year, month, day }.to_gregorian();
        assert_eq!(jalali(1405, 1, 1), Some(day(2026, 3, 21)));
        assert_eq!(jalali(1405, 9, 2), Some(day(2026, 11, 23)));
        assert_eq!(jalali(1405, 7, 31), None);
    }

    #[test]
    fn dates_print_with_persian_digits_and_month_names() {
        let date = JalaliDate::from_gregorian(day(2026, 11, 23)).expect("in range");
        assert_eq!(date.to_persian_string(), "۱۴۰۵/۰۹/۰۲");
        assert_eq!(date.to_persian_long(), "۲ آذر ۱۴۰۵");
    }

    #[test]
    fn late_evening_utc_is_already_the_next_day_in_iran() {
        let instant = Utc
            .with_ymd_and_hms(2026, 11, 22, 21, 0, 0)
            .single()
            .expect("valid instant");
        assert_eq!(format_persian_datetime(instant), "۱۴۰۵/۰۹/۰۲ ۰۰:۳۰");
    }

    proptest! {
        #[test]
        fn consecutive_days_never_go_backwards(offset in 0i64..40_000) {
            let a = day(1990, 1, 1) + chrono::Duration::days(offset);
            let b = a + chrono::Duration::days(1);
            let (ja, jb) = (JalaliDate::from_gregorian(a).expect("range"), JalaliDate::from_gregorian(b).expect("range"));
            prop_assert!(jb > ja);
            prop_assert!((1..=12).contains(&jb.month) && (1..=31).contains(&jb.day));
        }
    }
}
