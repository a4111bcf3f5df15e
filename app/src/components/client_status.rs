use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

/// Says when the interactive client has taken over the page. The server
/// never renders the text and the client adds it only once hydration is
/// complete, so its presence proves the WebAssembly client is live.
#[component]
pub fn ClientStatus() -> impl IntoView {
    let i18n = use_i18n();
    let hydrated = crate::hydration::finished();
    view! {
        <p class="client-status" role="status">
            <Show when=move || hydrated.get()>
                <span class="client-status__dot" aria-hidden="true"></span>
                {t!(i18n, client_ready)}
            </Show>
        </p>
    }
}
