use leptos::prelude::*;

use crate::components::client_status::ClientStatus;
use crate::i18n::{t, use_i18n};

/// The footer: what the system is, and whether the interactive client runs.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{t!(i18n, footer_text)}</p>
            <ClientStatus />
        </footer>
    }
}
