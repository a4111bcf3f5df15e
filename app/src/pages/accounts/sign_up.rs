use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::field::Field;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::form_memory::remembered;
use crate::serverfns::accounts::{SIGN_UP_FORM, SignUp, new_captcha};

/// Sign-up with the seed's fields. Every problem comes back at once beside
/// its field; without JavaScript the typed values (never passwords) are put
/// back after the round trip.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let kept = remembered(SIGN_UP_FORM);
    let sign_up = ServerAction::<SignUp>::new();
    let error = move || sign_up.value().get().and_then(Result::err);
    let message_for = move |field: &'static str| Signal::derive(move || error().and_then(|e| e.message_for(field)));
    let spoken = kept.get("captcha_kind").is_some_and(|k| k == "spoken");
    let mut kept = kept;
    let [username, email, first_name, last_name, mobile, national_id] =
        ["username", "email", "first_name", "last_name", "mobile", "national_id"].map(|field| kept.remove(field));
    view! {
        <h1>{t!(i18n, signup_title)}</h1>
        <p class="lead">{t!(i18n, signup_intro)}</p>
        <section class="card form-card">
            <ActionForm action=sign_up attr:class="form" attr:novalidate=true>
                // Enter in any field must sign up, not ask for a new image:
                // the first submit button of a form is the one Enter presses.
                <button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true">{t!(i18n, signup_submit)}</button>
                {move || error().and_then(|e| e.form_message()).map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
                <Field name="username" label=text!(i18n, signup_username) autocomplete="username"
                    value=username hint=text!(i18n, signup_username_hint) error=message_for("username") />
                <Field name="password" kind="password" label=text!(i18n, signup_password) autocomplete="new-password"
                    hint=text!(i18n, password_hint) error=message_for("password") />
                <Field name="repeat_password" kind="password" label=text!(i18n, signup_repeat)
                    autocomplete="new-password" error=message_for("repeat_password") />
                <Field name="email" kind="email" label=text!(i18n, signup_email) autocomplete="email"
                    value=email error=message_for("email") />
                <Field name="first_name" label=text!(i18n, signup_first_name) autocomplete="given-name"
                    value=first_name error=message_for("first_name") />
                <Field name="last_name" label=text!(i18n, signup_last_name) autocomplete="family-name"
                    value=last_name error=message_for("last_name") />
                <Field name="mobile" kind="tel" label=text!(i18n, signup_mobile) autocomplete="tel-national"
                    inputmode="tel" value=mobile hint=text!(i18n, signup_mobile_hint) error=message_for("mobile") />
                <Field name="national_id" label=text!(i18n, signup_national_id) inputmode="numeric"
                    value=national_id error=message_for("national_id") />
                <Captcha spoken=spoken refresh=sign_up.version() error=message_for("captcha_answer") />
                <button type="submit" class="button">{t!(i18n, signup_submit)}</button>
            </ActionForm>
            <p class="form-links">{t!(i18n, signup_have_account)} " " <A href="/login">{t!(i18n, nav_login)}</A></p>
        </section>
    }
}

/// The captcha: an image, or a question in words for people who cannot see
/// it. A new challenge comes with every answer from the server, because
/// each challenge is used once. Both buttons post the form when JavaScript
/// is off, so nothing typed is lost.
#[component]
fn Captcha(
    /// Start with the question in words.
    spoken: bool,
    /// Changes whenever the form has been answered.
    #[prop(into)]
    refresh: Signal<usize>,
    /// The answer's error.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let spoken = RwSignal::new(spoken);
    let asked = RwSignal::new(0_u32);
    let challenge = Resource::new(
        move || (spoken.get(), asked.get(), refresh.get()),
        |(spoken, _, _)| new_captcha(spoken),
    );
    let on_refresh = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        asked.update(|n| *n += 1);
    };
    let on_spoken = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        spoken.set(true);
    };
    view! {
        <fieldset class="captcha">
            <legend>{t!(i18n, signup_captcha)}</legend>
            <Transition>
                {move || challenge.get().map(|answer| match answer {
                    Ok(c) => view! {
                        <input type="hidden" name="captcha_id" value=c.id.clone() />
                        <input type="hidden" name="captcha_kind" value=if c.question.is_some() { "spoken" } else { "image" } />
                        {match c.question {
                            Some(question) => view! { <p class="captcha__question" id="captcha-question">{question}</p> }.into_any(),
                            None => view! {
                                <img class="captcha__image" src=format!("/captcha/{}.png", c.id) width="200" height="70"
                                    alt=move || t_string!(i18n, signup_captcha_alt) />
                            }.into_any(),
                        }}
                    }.into_any(),
                    Err(e) => view! { <p class="form__error" role="alert">{e.to_string()}</p> }.into_any(),
                })}
            </Transition>
            <Field name="captcha_answer" inputmode="numeric"
                label=Signal::derive(move || if spoken.get() { t_string!(i18n, signup_captcha_question) } else { t_string!(i18n, signup_captcha_hint) }.to_owned())
                error=error />
            <div class="captcha__actions">
                <button type="submit" name="intent" value="refresh" class="button button--secondary" on:click=on_refresh>
                    {t!(i18n, signup_captcha_refresh)}
                </button>
                <button type="submit" name="intent" value="spoken" class="button button--secondary" on:click=on_spoken>
                    {t!(i18n, signup_captcha_spoken)}
                </button>
            </div>
        </fieldset>
    }
}
