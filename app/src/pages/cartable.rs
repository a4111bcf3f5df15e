use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{t, use_i18n};

/// The cartable's entry: its three folders, and a way in for visitors who
/// have not signed in yet.
#[component]
pub fn CartablePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, cartable_title)}</h1>
        <ul class="folders" aria-label=move || crate::i18n::t_string!(i18n, cartable_title)>
            <li>{t!(i18n, cartable_folder_awaiting)}</li>
            <li>{t!(i18n, cartable_folder_in_progress)}</li>
            <li>{t!(i18n, cartable_folder_finished)}</li>
        </ul>
        <p class="notice">
            {t!(i18n, cartable_login_needed)} " "
            <A href="/login">{t!(i18n, nav_login)}</A>
        </p>
    }
}
