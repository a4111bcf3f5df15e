//! Mizekhedmat's shared application: the pages and components rendered on
//! the server and hydrated in the browser, the server-function signatures,
//! and the domain rules both sides run.

#![recursion_limit = "256"]

/// A translated text as a signal, for component props such as a label.
macro_rules! text {
    ($i18n:ident, $key:ident) => {
        Signal::derive(move || t_string!($i18n, $key).to_owned())
    };
}

pub mod components;
pub mod contracts;
pub mod domain;
pub mod errors;
pub mod hydration;
pub mod pages;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod security_policy;
pub mod serverfns;

/// Translations from `locales/*.json`, with keys checked at compile time.
pub use locales::i18n;

#[expect(
    deprecated,
    reason = "the build.rs generator would add a build script for one module; the macro gives the same compile-checked keys"
)]
mod locales {
    leptos_i18n::load_locales!();
}

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::Router;

use crate::components::{footer::Footer, header::Header};
use crate::i18n::{I18nContextProvider, t_string, use_i18n};
use crate::routes::AppRoutes;

/// The HTML document around the app. Only the server calls it; `lang` and
/// `dir` are filled in from the chosen language by the i18n provider.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    security_policy::send_security_policy();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0b5d4b" />
                <meta name="description" content="میز خدمت الکترونیکی: ثبت، پیگیری و دریافت پاسخ درخواست خدمات دولتی" />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="icon" type="image/png" sizes="192x192" href="/icons/icon-192.png" />
                <link rel="apple-touch-icon" href="/icons/icon-192.png" />
                <link rel="preload" href="/fonts/vazirmatn.woff2" r#as="font" r#type="font/woff2" crossorigin="anonymous" />
                <link rel="stylesheet" href="/pkg/mizekhedmat.css" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The whole application: language, header, routes and footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <I18nContextProvider cookie_name="lang" ssr_lang_header_getter=persian_unless_chosen()>
            <AppTitle />
            <Router>
                <Header />
                <main id="main" tabindex="-1">
                    <AppRoutes />
                </main>
                <Footer />
            </Router>
        </I18nContextProvider>
    }
}

#[component]
fn AppTitle() -> impl IntoView {
    let i18n = use_i18n();
    view! { <Title text=move || t_string!(i18n, app_full_name) /> }
}

/// Persian is the default for everyone; English only when the person chose it
/// (the `lang` cookie), never because a browser happens to ask for it.
fn persian_unless_chosen() -> leptos_i18n::context::UseLocalesOptions {
    leptos_i18n::context::UseLocalesOptions::default().ssr_lang_header_getter(|| None)
}
