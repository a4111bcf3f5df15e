use leptos::prelude::*;

use crate::components::status_card::StatusCard;
use crate::i18n::{t, use_i18n};

/// The front page: what the service desk is for, and whether it is up.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="hero">
            <h1>{t!(i18n, home_title)}</h1>
            <p class="lead">{t!(i18n, home_intro)}</p>
        </section>
        <section class="card" aria-labelledby="what-heading">
            <h2 id="what-heading">{t!(i18n, home_what_heading)}</h2>
            <ul class="checklist">
                <li>{t!(i18n, home_what_apply)}</li>
                <li>{t!(i18n, home_what_track)}</li>
                <li>{t!(i18n, home_what_notify)}</li>
            </ul>
        </section>
        <StatusCard />
    }
}
