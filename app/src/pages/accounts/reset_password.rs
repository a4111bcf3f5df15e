use leptos::prelude::*;

use crate::components::field::Field;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::form_memory::{query, remembered};
use crate::serverfns::accounts::ResetPassword;

/// Choosing a new password with the code from the SMS, or from the e-mailed
/// link (`?token=`), which fills the code in by itself.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let reset = ServerAction::<ResetPassword>::new();
    let error = move || reset.value().get().and_then(Result::err);
    let message_for = move |field: &'static str| Signal::derive(move || error().and_then(|e| e.message_for(field)));
    let mut kept = remembered("reset");
    let token = query("token");
    let who = query("who").or_else(|| kept.remove("username"));
    let code = kept.remove("code");
    let sent = query("sent").is_some();
    view! {
        <h1>{t!(i18n, reset_title)}</h1>
        <Show when=move || sent>
            <p class="status-ok" role="status">{t!(i18n, reset_sent)}</p>
        </Show>
        <section class="card form-card">
            <ActionForm action=reset attr:class="form" attr:novalidate=true>
                {move || error().and_then(|e| e.form_message()).map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
                {match token.clone() {
                    Some(token) => view! {
                        <input type="hidden" name="code" value=token />
                        {move || error().and_then(|e| e.message_for("code")).map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
                    }.into_any(),
                    None => view! {
                        <Field name="username" label=text!(i18n, forgot_who) autocomplete="username"
                            value=who.clone() error=message_for("username") />
                        <Field name="code" label=text!(i18n, reset_code) autocomplete="one-time-code" inputmode="numeric"
                            value=code.clone() error=message_for("code") />
                    }.into_any(),
                }}
                <Field name="new_password" kind="password" autocomplete="new-password" label=text!(i18n, password_new)
                    hint=text!(i18n, password_hint) error=message_for("new_password") />
                <Field name="repeat_password" kind="password" autocomplete="new-password" label=text!(i18n, password_repeat)
                    error=message_for("repeat_password") />
                <button type="submit" class="button">{t!(i18n, reset_submit)}</button>
            </ActionForm>
        </section>
    }
}
