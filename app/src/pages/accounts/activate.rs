use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::field::Field;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::form_memory::{query, remembered};
use crate::serverfns::accounts::{Activate, ResendActivation};

/// Activation with the code sent by SMS, as the seed's page after sign-up:
/// "sign-up done", the code box, the green button, and a way to have the
/// code and link sent again.
#[component]
pub fn ActivatePage() -> impl IntoView {
    let i18n = use_i18n();
    let activate = ServerAction::<Activate>::new();
    let resend = ServerAction::<ResendActivation>::new();
    let error = move || activate.value().get().and_then(Result::err);
    let message_for = move |field: &'static str| Signal::derive(move || error().and_then(|e| e.message_for(field)));
    let username = query("username").or_else(|| remembered("activate").remove("username"));
    let username_again = username.clone().unwrap_or_default();
    let just_signed_up = query("new").is_some();
    let resent = move || query("resent").is_some() || matches!(resend.value().get(), Some(Ok(())));
    let resend_error = move || resend.value().get().and_then(Result::err).map(|e| e.to_string());
    view! {
        <h1>{t!(i18n, activate_title)}</h1>
        <Show when=move || just_signed_up>
            <p class="status-ok" role="status">{t!(i18n, activate_done_signup)}</p>
        </Show>
        <p class="lead">{t!(i18n, activate_intro)}</p>
        <section class="card form-card">
            <ActionForm action=activate attr:class="form" attr:novalidate=true>
                {move || error().and_then(|e| e.form_message()).map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
                <Field name="username" label=text!(i18n, signup_username) autocomplete="username"
                    value=username.clone() error=message_for("username") />
                <Field name="code" label=text!(i18n, activate_code) autocomplete="one-time-code" inputmode="numeric"
                    hint=text!(i18n, activate_code_hint) error=message_for("code") />
                <button type="submit" class="button button--success">{t!(i18n, activate_submit)}</button>
            </ActionForm>
            <ActionForm action=resend attr:class="form form--inline">
                <input type="hidden" name="username" value=username_again />
                <button type="submit" class="button button--secondary">{t!(i18n, activate_resend)}</button>
            </ActionForm>
            <Show when=resent>
                <p class="status-ok" role="status">{t!(i18n, activate_resent)}</p>
            </Show>
            {move || resend_error().map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
            <p class="form-links"><A href="/login">{t!(i18n, nav_login)}</A></p>
        </section>
    }
}
