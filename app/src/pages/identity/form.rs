use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::components::A;

use super::documents::{DocumentSlot, UploadLimitsHint};
use crate::domain::identity::{IdentityForm, SLOTS};
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::accounts::{query, remembered};
use crate::serverfns::identity::{FileView, IDENTITY_FORM, IdentityPage, my_identity_request};

/// The applicant's identity form, as one multipart form so that it works
/// without JavaScript and nothing typed or chosen is lost: every post saves
/// the draft first, and problems come back beside their fields.
#[component]
pub fn IdentityFormPage() -> impl IntoView {
    let i18n = use_i18n();
    let page = OnceResource::new(my_identity_request());
    let problems = remembered(IDENTITY_FORM);
    let saved = query("saved").is_some();
    let had_problems = query("problems").is_some();
    view! {
        <h1>{t!(i18n, identity_title)}</h1>
        <p class="lead">{t!(i18n, identity_intro)}</p>
        <Show when=move || saved>
            <p class="status-ok" role="status">{t!(i18n, identity_saved)}</p>
        </Show>
        <Show when=move || had_problems>
            <p class="form__error" role="alert">{t!(i18n, identity_problems)}</p>
        </Show>
        <Suspense>
            {move || page.get().map(|answer| match answer {
                Ok(page) => view! { <Form page problems=problems.clone() /> }.into_any(),
                Err(e) => view! {
                    <p class="notice">{e.to_string()} " " <A href="/login">{t!(i18n, nav_login)}</A></p>
                }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Form(page: IdentityPage, problems: HashMap<String, String>) -> impl IntoView {
    let i18n = use_i18n();
    let request = page.request;
    let form: IdentityForm = request.form.clone();
    let editable = matches!(request.status.as_str(), "draft" | "rejected");
    let problem = move |field: &str| problems.get(field).cloned();
    let status_note = match request.status.as_str() {
        "rejected" => Some(
            view! {
                <div class="form__error" role="alert">
                    <p>{t!(i18n, identity_rejected)}</p>
                    <p class="reason">{request.rejection.clone().unwrap_or_default()}</p>
                </div>
            }
            .into_any(),
        ),
        "submitted" => Some(view! { <p class="notice">{t!(i18n, identity_under_review)}</p> }.into_any()),
        "approved" => Some(view! { <p class="status-ok">{t!(i18n, identity_approved)}</p> }.into_any()),
        _ => None,
    };
    let files = request.files.clone();
    let limits = page.limits;
    // Uploads still under way: a post now would cut them off, so the form
    // waits and says so.
    let busy = RwSignal::new(0usize);
    let waiting = RwSignal::new(false);
    let hold_while_busy = move |ev: leptos::ev::SubmitEvent| {
        if busy.get_untracked() > 0 {
            ev.prevent_default();
            waiting.set(true);
        }
    };
    Effect::new(move || {
        if busy.get() == 0 {
            waiting.set(false);
        }
    });
    view! {
        <p class="tracking">{t!(i18n, identity_tracking)} ": " <bdi dir="ltr" class="tracking__code">{request.tracking_code.clone()}</bdi>
            " · " <A href=format!("/requests/{}", request.id)>{t!(i18n, identity_report)}</A></p>
        {status_note}
        <section class="card form-card form-card--wide">
            <form method="post" action="/api/identity/submit" enctype="multipart/form-data" class="form" novalidate=true
                on:submit=hold_while_busy>
                <fieldset disabled=!editable class="form fieldset--plain">
                    {view! {
                    {problem("form").map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
                    <Choice name="person_kind" legend=text!(i18n, identity_kind) chosen=form.person_kind.clone()
                        options=vec![("natural", t_string!(i18n, identity_natural)), ("legal", t_string!(i18n, identity_legal))]
                        error=problem("person_kind") />
                    <Text name="first_name" label=text!(i18n, identity_first_name) value=form.first_name.clone() error=problem("first_name") />
                    <Text name="last_name" label=text!(i18n, identity_last_name) value=form.last_name.clone() error=problem("last_name") />
                    <Text name="national_id" label=text!(i18n, signup_national_id) value=form.national_id.clone() error=problem("national_id") inputmode="numeric" />
                    <Text name="mobile" label=text!(i18n, signup_mobile) value=form.mobile.clone() error=problem("mobile") inputmode="tel" />
                    <div class="field" class:field--invalid=problem("province").is_some()>
                        <label for="field-province">{t!(i18n, identity_province)} <span class="required" aria-hidden="true">"*"</span></label>
                        <select id="field-province" name="province" required=true
                            aria-invalid=problem("province").map(|_| "true") aria-describedby=problem("province").map(|_| "field-province-error")>
                            <option value="">{t!(i18n, identity_choose)}</option>
                            {page.provinces.into_iter().map(|p| {
                                let selected = p.code == form.province;
                                view! { <option value=p.code selected=selected>{p.name}</option> }
                            }).collect_view()}
                        </select>
                        {problem("province").map(|m| view! { <p class="field__error" id="field-province-error" role="alert">{m}</p> })}
                    </div>
                    <Choice name="capacity" legend=text!(i18n, identity_capacity) chosen=form.capacity.clone()
                        options=vec![("principal", t_string!(i18n, identity_principal)), ("attorney", t_string!(i18n, identity_attorney))]
                        error=problem("capacity") />
                    }.into_any()}
                    {view! {
                    <fieldset class="subform">
                        <legend>{t!(i18n, identity_company)}</legend>
                        <Text name="company_name" label=text!(i18n, identity_company_name) value=form.company_name.clone() error=problem("company_name") required=false />
                        <Text name="company_national_id" label=text!(i18n, identity_company_id) value=form.company_national_id.clone() error=problem("company_national_id") inputmode="numeric" required=false />
                        <Text name="economic_code" label=text!(i18n, identity_economic_code) value=form.economic_code.clone() error=problem("economic_code") inputmode="numeric" required=false />
                    </fieldset>
                    }.into_any()}
                    {view! {
                    <fieldset class="subform documents">
                        <legend>{t!(i18n, identity_documents)}</legend>
                        <p class="hint">{t!(i18n, identity_documents_hint)}</p>
                        <UploadLimitsHint limits />
                        {SLOTS.iter().map(|(slot, title)| {
                            let in_slot: Vec<FileView> = files.iter().filter(|f| f.slot == *slot).cloned().collect();
                            view! { <DocumentSlot name=slot title in_slot error=problem(slot) limits busy /> }
                        }).collect_view()}
                    </fieldset>
                    }.into_any()}
                    <Show when=move || waiting.get()>
                        <p class="notice" role="status">{t!(i18n, identity_wait_uploads)}</p>
                    </Show>
                    <div class="form__actions">
                        <button type="submit" class="button button--secondary">{t!(i18n, identity_save)}</button>
                        <button type="submit" name="send" value="1" class="button">{t!(i18n, identity_send)}</button>
                    </div>
                </fieldset>
            </form>
        </section>
    }
    .into_any()
}

/// A required text input with its error beside it.
#[component]
fn Text(
    name: &'static str,
    label: Signal<String>,
    value: String,
    error: Option<String>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(default = true)] required: bool,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let invalid = error.is_some();
    let described_by = invalid.then(|| error_id.clone());
    view! {
        <div class="field" class:field--invalid=invalid>
            <label for=id.clone()>{label} {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            <input id=id name=name type="text" value=value dir="auto" inputmode=inputmode required=required
                aria-invalid=invalid.then_some("true") aria-describedby=described_by />
            {error.map(|m| view! { <p class="field__error" id=error_id role="alert">{m}</p> })}
        </div>
    }
    .into_any()
}

/// Radio buttons for one choice, with its error beside them.
#[component]
fn Choice(
    name: &'static str,
    legend: Signal<String>,
    chosen: String,
    options: Vec<(&'static str, &'static str)>,
    error: Option<String>,
) -> impl IntoView {
    let error_id = format!("field-{name}-error");
    let invalid = error.is_some();
    let described_by = invalid.then(|| error_id.clone());
    view! {
        <fieldset class="choice" class:field--invalid=invalid aria-describedby=described_by>
            <legend>{legend} <span class="required" aria-hidden="true">" *"</span></legend>
            {options.into_iter().map(|(value, label)| view! {
                <label class="choice__option">
                    <input type="radio" name=name value=value checked=chosen == value />
                    {label}
                </label>
            }).collect_view()}
            {error.map(|m| view! { <p class="field__error" id=error_id role="alert">{m}</p> })}
        </fieldset>
    }
    .into_any()
}
