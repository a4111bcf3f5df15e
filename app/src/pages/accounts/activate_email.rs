use leptos::prelude::*;

use crate::i18n::{t, use_i18n};
use crate::pages::form_memory::query;
use crate::serverfns::accounts::Activate;

/// Where the e-mailed activation link lands. Opening the link changes
/// nothing; the button does, so mail scanners that follow links cannot use
/// up the link.
#[component]
pub fn ActivateEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let activate = ServerAction::<Activate>::new();
    let error = move || activate.value().get().and_then(Result::err);
    let token = query("token").unwrap_or_default();
    view! {
        <h1>{t!(i18n, activate_email_title)}</h1>
        <section class="card form-card">
            <ActionForm action=activate attr:class="form">
                {move || error().map(|e| view! { <p class="form__error" role="alert">{e.to_string()}</p> })}
                <p>{t!(i18n, activate_email_intro)}</p>
                <input type="hidden" name="token" value=token />
                <button type="submit" class="button button--success">{t!(i18n, activate_email_submit)}</button>
            </ActionForm>
        </section>
    }
}
