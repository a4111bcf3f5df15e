//! Public tracking: a tracking code and the applicant's national id, then
//! where the request is, who (which unit) holds it, when an answer is
//! promised and what happened so far. No sign-in, no staff names.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::when::When;
use crate::domain::workflow::machine::EventKind;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::pages::form_memory::{query, remembered};
use crate::serverfns::tracking::{FindRequest, TrackingView, load_tracking};

/// The form: tracking code and national id, each refused beside itself.
#[component]
pub fn TrackPage() -> impl IntoView {
    let i18n = use_i18n();
    let find = ServerAction::<FindRequest>::new();
    let error = move || find.value().get().and_then(Result::err);
    let message = move |field: &'static str| move || error().and_then(|e| e.message_for(field));
    let general = move || error().and_then(|e| e.message_for("form").or_else(|| e.form_message()));
    let mut kept = remembered("track");
    let code = kept
        .remove("tracking_code")
        .unwrap_or_else(|| query("code").unwrap_or_default());
    let national_id = kept.remove("national_id").unwrap_or_default();
    view! {
        <h1>{t!(i18n, track_title)}</h1>
        <p class="lead">{t!(i18n, track_intro)}</p>
        <section class="card form-card" aria-labelledby="track-form">
            <h2 id="track-form">{t!(i18n, track_form)}</h2>
            {move || general().map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
            <ActionForm action=find attr:class="form" attr:novalidate=true>
                <div class="field" class:field--invalid=move || message("tracking_code")().is_some()>
                    <label for="track-code">{t!(i18n, track_code)}</label>
                    <p class="hint" id="track-code-hint">{t!(i18n, track_code_hint)}</p>
                    <input id="track-code" name="tracking_code" type="text" dir="ltr" value=code
                        autocomplete="off" autocapitalize="characters" spellcheck="false"
                        aria-describedby="track-code-hint track-code-error"
                        aria-invalid=move || message("tracking_code")().map(|_| "true") />
                    <p class="field__error" id="track-code-error">{message("tracking_code")}</p>
                </div>
                <div class="field" class:field--invalid=move || message("national_id")().is_some()>
                    <label for="track-national-id">{t!(i18n, track_national_id)}</label>
                    <input id="track-national-id" name="national_id" type="text" dir="ltr" inputmode="numeric"
                        autocomplete="off" value=national_id aria-describedby="track-national-id-error"
                        aria-invalid=move || message("national_id")().map(|_| "true") />
                    <p class="field__error" id="track-national-id-error">{message("national_id")}</p>
                </div>
                <button type="submit" class="button">{t!(i18n, track_submit)}</button>
            </ActionForm>
        </section>
    }
}

/// A request's progress, opened by the signed link the form gives.
#[component]
pub fn TrackResultPage() -> impl IntoView {
    let i18n = use_i18n();
    let code = use_params_map().with_untracked(|p| p.get("code").unwrap_or_default());
    let token = query("t").unwrap_or_default();
    let tracked = OnceResource::new(load_tracking(code.clone(), token));
    view! {
        <h1>{t!(i18n, track_title)}</h1>
        <Suspense>
            {move || tracked.get().map(|answer| match answer {
                Ok(view) => view! { <Progress view /> }.into_any(),
                Err(e) => {
                    let again = format!("/track?code={}", code);
                    view! {
                        <p class="notice" role="alert">{e.message_for("form").unwrap_or_else(|| e.to_string())}</p>
                        <p><A href=again>{t!(i18n, track_again)}</A></p>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}

#[component]
fn Progress(view: TrackingView) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let status = match view.status.as_str() {
        "draft" => t_string!(i18n, track_status_draft),
        "in_progress" => t_string!(i18n, track_status_submitted),
        "with_applicant" => t_string!(i18n, track_status_returned),
        "approved" => t_string!(i18n, track_status_approved),
        "rejected" => t_string!(i18n, track_status_refused),
        "withdrawn" => t_string!(i18n, track_status_withdrawn),
        _ => t_string!(i18n, track_status_other),
    };
    let unit = match locale {
        Locale::fa => view.unit_fa.clone(),
        Locale::en => view.unit_en.clone(),
    };
    let service = view
        .service
        .clone()
        .unwrap_or_else(|| t_string!(i18n, track_status_other).to_owned());
    view! {
        <section class="card" aria-labelledby="track-summary">
            <h2 id="track-summary">{t!(i18n, track_code)} " " <bdi dir="ltr" class="tracking-code">{view.tracking_code.clone()}</bdi></h2>
            <dl class="facts">
                <div><dt>{t!(i18n, track_service)}</dt><dd>{service}</dd></div>
                <div><dt>{t!(i18n, track_status)}</dt><dd class="track-status">{status}</dd></div>
                {unit.map(|u| view! { <div><dt>{t!(i18n, track_unit)}</dt><dd>{u}</dd></div> })}
                {view.received_at.map(|at| view! { <div><dt>{t!(i18n, track_received)}</dt><dd><When instant=at /></dd></div> })}
                {view.promised_at.map(|at| view! { <div><dt>{t!(i18n, track_promised)}</dt><dd><When instant=at /></dd></div> })}
            </dl>
        </section>
        <section class="card" aria-labelledby="track-steps">
            <h2 id="track-steps">{t!(i18n, track_steps)}</h2>
            {if view.events.is_empty() {
                view! { <p class="hint">{t!(i18n, track_no_steps)}</p> }.into_any()
            } else {
                view! {
                    <ol class="track-steps">
                        {view.events.into_iter().map(|e| {
                            let action = match (EventKind::parse(&e.action), locale) {
                                (Some(kind), Locale::fa) => kind.title_fa(),
                                (Some(kind), Locale::en) => kind.title_en(),
                                (None, _) => t_string!(i18n, track_status_other),
                            };
                            view! { <li><strong>{action}</strong> " · " <When instant=e.at /></li> }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
        <p><A href="/track">{t!(i18n, track_another)}</A></p>
    }
    .into_any()
}
