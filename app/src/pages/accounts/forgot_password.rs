use leptos::prelude::*;

use crate::components::field::Field;
use crate::i18n::{t, t_string, use_i18n};
use crate::serverfns::accounts::ForgotPassword;

/// Asking for a reset code. The answer is the same whether an account
/// matches or not.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let forgot = ServerAction::<ForgotPassword>::new();
    let error = move || forgot.value().get().and_then(Result::err);
    view! {
        <h1>{t!(i18n, forgot_title)}</h1>
        <p class="lead">{t!(i18n, forgot_intro)}</p>
        <section class="card form-card">
            <ActionForm action=forgot attr:class="form" attr:novalidate=true>
                {move || error().and_then(|e| e.form_message()).map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
                <Field name="who" label=text!(i18n, forgot_who) autocomplete="username"
                    error=Signal::derive(move || error().and_then(|e| e.message_for("who"))) />
                <button type="submit" class="button">{t!(i18n, forgot_submit)}</button>
            </ActionForm>
        </section>
    }
}
