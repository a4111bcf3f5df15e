use leptos::prelude::*;

use crate::components::field::Field;
use crate::i18n::{t, t_string, use_i18n};
use crate::serverfns::accounts::Login;

/// Signing in with username and password. The form posts without
/// JavaScript too; an error comes back beside the field it concerns.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let login = ServerAction::<Login>::new();
    let error = move || login.value().get().and_then(Result::err);
    view! {
        <h1>{t!(i18n, login_title)}</h1>
        <section class="card form-card">
            <ActionForm action=login attr:class="form" attr:novalidate=true>
                {move || error().and_then(|e| e.form_message()).map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
                <Field
                    name="username"
                    label=Signal::derive(move || t_string!(i18n, login_username).to_owned())
                    autocomplete="username"
                    error=Signal::derive(move || error().and_then(|e| e.message_for("username")))
                />
                <Field
                    name="password"
                    kind="password"
                    label=Signal::derive(move || t_string!(i18n, login_password).to_owned())
                    autocomplete="current-password"
                    error=Signal::derive(move || error().and_then(|e| e.message_for("password")))
                />
                <button type="submit" class="button">{t!(i18n, login_submit)}</button>
            </ActionForm>
        </section>
    }
}
