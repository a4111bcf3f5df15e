use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

/// Says when the interactive client has taken over the page. Effects run
/// only in the browser after hydration, so the server never renders the
/// text: its presence proves the WebAssembly client is live.
#[component]
pub fn ClientStatus() -> impl IntoView {
    let i18n = use_i18n();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    view! {
        <p class="client-status" role="status">
            <Show when=move || hydrated.get()>
                <span class="client-status__dot" aria-hidden="true"></span>
                {t!(i18n, client_ready)}
            </Show>
        </p>
    }
}
