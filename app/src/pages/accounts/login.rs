use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::field::Field;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::form_memory::query;
use crate::serverfns::accounts::Login;

/// Signing in with username and password. The form posts without
/// JavaScript too; an error comes back beside the field it concerns.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let login = ServerAction::<Login>::new();
    let error = move || login.value().get().and_then(Result::err);
    let activated = query("activated").is_some();
    let reset = query("reset").is_some();
    view! {
        <h1>{t!(i18n, login_title)}</h1>
        <Show when=move || activated>
            <p class="status-ok" role="status">{t!(i18n, login_activated)}</p>
        </Show>
        <Show when=move || reset>
            <p class="status-ok" role="status">{t!(i18n, login_reset)}</p>
        </Show>
        <section class="card form-card">
            <ActionForm action=login attr:class="form" attr:novalidate=true>
                {move || error().and_then(|e| e.form_message()).map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
                <Field
                    name="username"
                    label=text!(i18n, login_username)
                    autocomplete="username"
                    error=Signal::derive(move || error().and_then(|e| e.message_for("username")))
                />
                <Field
                    name="password"
                    kind="password"
                    label=text!(i18n, login_password)
                    autocomplete="current-password"
                    error=Signal::derive(move || error().and_then(|e| e.message_for("password")))
                />
                <button type="submit" class="button">{t!(i18n, login_submit)}</button>
            </ActionForm>
            <ul class="form-links">
                <li><A href="/password/forgot">{t!(i18n, login_forgot)}</A></li>
                <li>{t!(i18n, login_no_account)} " " <A href="/signup">{t!(i18n, nav_signup)}</A></li>
                <li><A href="/activate">{t!(i18n, login_activate_link)}</A></li>
            </ul>
        </section>
    }
}
