use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::field::Field;
use crate::i18n::{t, t_string, use_i18n};
use crate::serverfns::accounts::{VerifySecondFactor, second_factor_status};

/// The staff's second step of signing in: the code of an authenticator app,
/// set up here the first time by scanning the QR code or typing the secret.
#[component]
pub fn TwoFactorPage() -> impl IntoView {
    let i18n = use_i18n();
    let status = OnceResource::new(second_factor_status());
    let verify = ServerAction::<VerifySecondFactor>::new();
    let error = move || verify.value().get().and_then(Result::err);
    view! {
        <h1>{t!(i18n, two_factor_title)}</h1>
        <Suspense>
            {move || status.get().map(|answer| match answer {
                Ok(status) => view! {
                    {(!status.enrolled).then(|| view! {
                        <section class="card" aria-labelledby="enrol">
                            <h2 id="enrol">{t!(i18n, two_factor_enrol)}</h2>
                            <p>{t!(i18n, two_factor_enrol_intro)}</p>
                            {status.qr.clone().map(|qr| view! {
                                <img class="qr" src=qr width="200" height="200" alt=move || t_string!(i18n, two_factor_qr_alt) />
                            })}
                            <p>{t!(i18n, two_factor_secret)} " " <code class="secret" dir="ltr">{status.secret.clone()}</code></p>
                        </section>
                    })}
                    <section class="card form-card">
                        <ActionForm action=verify attr:class="form" attr:novalidate=true>
                            {move || error().and_then(|e| e.form_message()).map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
                            <Field name="code" label=text!(i18n, two_factor_code) autocomplete="one-time-code" inputmode="numeric"
                                error=Signal::derive(move || error().and_then(|e| e.message_for("code"))) />
                            <button type="submit" class="button">{t!(i18n, two_factor_submit)}</button>
                        </ActionForm>
                    </section>
                }.into_any(),
                Err(e) => view! {
                    <p class="notice">{e.to_string()} " " <A href="/login">{t!(i18n, nav_login)}</A></p>
                }.into_any(),
            })}
        </Suspense>
    }
}
