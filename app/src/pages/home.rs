use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::status_card::StatusCard;
use crate::i18n::{t, t_string, use_i18n};

/// The front page: what the service desk is for, and whether it is up.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="hero">
            <h1>{t!(i18n, home_title)}</h1>
            <p class="lead">{t!(i18n, home_intro)}</p>
            <form method="get" action="/catalogue" class="home-search" role="search">
                <label for="home-q">{t!(i18n, home_find_service)}</label>
                <div class="home-search__row">
                    <input id="home-q" type="search" name="q" dir="auto" enterkeyhint="search"
                        placeholder=move || t_string!(i18n, catalogue_search_label) />
                    <button type="submit" class="button">{t!(i18n, catalogue_search)}</button>
                </div>
            </form>
            <p class="home-track"><A href="/track">{t!(i18n, home_track_link)}</A></p>
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
