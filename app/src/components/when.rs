use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::jalali::{format_persian_datetime, in_iran};
use crate::i18n::{Locale, use_i18n};

/// An instant as people read it: Jalali with Persian digits in Persian, the
/// Gregorian calendar in English, both on Iran's clock. The machine-readable
/// UTC value stays in `datetime` for screen readers and scripts.
#[component]
pub fn When(instant: DateTime<Utc>) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || match i18n.get_locale() {
        Locale::fa => format_persian_datetime(instant),
        Locale::en => in_iran(instant).format("%Y-%m-%d %H:%M").to_string(),
    };
    view! { <time datetime=instant.to_rfc3339()>{text}</time> }
}
