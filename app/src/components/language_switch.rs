use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::{Locale, t, t_string, use_i18n};

/// A plain link to the server's language route, which sets the `lang`
/// cookie and comes back to the same page. It works the same with and
/// without JavaScript; `rel="external"` keeps the client router out of it
/// so the whole page, `lang` and `dir` included, is rendered again.
/// Percent-encodes a path for a query value, so `&`, `#` or `?` in it
/// cannot cut the `next` parameter short.
fn encode_path(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => char::from(b).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let other_lang = move || match i18n.get_locale() {
        Locale::fa => "en",
        Locale::en => "fa",
    };
    let href = move || format!("/lang/{}?next={}", other_lang(), encode_path(&location.pathname.get()));
    view! {
        <a
            class="language-switch"
            href=href
            rel="external"
            hreflang=other_lang
            lang=other_lang
            aria-label=move || t_string!(i18n, switch_language_label)
        >
            {t!(i18n, switch_language)}
        </a>
    }
}
