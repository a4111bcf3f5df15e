use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

/// Where signing in will happen.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, login_title)}</h1>
        <p class="notice">{t!(i18n, login_soon)}</p>
    }
}
