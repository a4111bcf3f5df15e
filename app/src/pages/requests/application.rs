//! `/applications/{id}`: the applicant's own request — its receipt, where
//! it is, the decision notice, and its form while it can still be changed.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::form::RequestForm;
use super::progress::{AnswersList, HistoryList, ReceiptTable, StepsDiagram};
use crate::i18n::{t, use_i18n};
use crate::pages::form_memory::{query, remembered_shared};
use crate::pages::notice::{NoticeSheet, PrintButton};
use crate::serverfns::requests::{Application, FILE_FORM, my_application};

/// The applicant's request page.
#[component]
pub fn ApplicationPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i32>().ok()).unwrap_or_default());
    let page = OnceResource::new(my_application(id));
    let problems = remembered_shared(FILE_FORM);
    let sent = query("sent").is_some();
    let saved = query("saved").is_some();
    let had_problems = query("problems").is_some();
    view! {
        <Suspense>
            {move || page.get().map(|answer| match answer {
                Ok(application) => view! {
                    <Show when=move || sent>
                        <p class="status-ok" role="status">{t!(i18n, request_sent)}</p>
                    </Show>
                    <Show when=move || saved>
                        <p class="status-ok" role="status">{t!(i18n, request_saved)}</p>
                    </Show>
                    <Show when=move || had_problems>
                        <p class="form__error" role="alert">{t!(i18n, request_problems)}</p>
                    </Show>
                    <Page application problems=problems.clone() />
                }.into_any(),
                Err(e) => view! {
                    <h1>{t!(i18n, application_title)}</h1>
                    <p class="form__error" role="alert">{e.to_string()}</p>
                    <p><A href="/login">{t!(i18n, nav_login)}</A></p>
                }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Page(application: Application, problems: std::collections::HashMap<String, String>) -> impl IntoView {
    let i18n = use_i18n();
    let returned = application.form.as_ref().and_then(|f| f.returned.clone());
    view! {
        <h1>{application.name.sub_service.clone()}</h1>
        <p class="lead">{application.name.service.clone()}</p>
        <p><strong>{t!(i18n, request_status)}</strong> " " <span class="request-status">{application.status.clone()}</span></p>
        {application.receipt.map(|receipt| view! {
            <section class="card receipt" aria-labelledby="receipt-heading">
                <h2 id="receipt-heading">{t!(i18n, request_receipt)}</h2>
                <ReceiptTable receipt />
                <p class="hint">{t!(i18n, request_track_hint)} " " <A href="/track">{t!(i18n, track_title)}</A></p>
                <PrintButton />
            </section>
        })}
        {returned.map(|why| view! {
            <section class="card returned" aria-labelledby="returned-heading">
                <h2 id="returned-heading">{t!(i18n, request_returned)}</h2>
                <p class="notice-sheet__text">{why}</p>
            </section>
        })}
        {application.notice.map(|notice| view! { <NoticeSheet notice /> })}
        {match application.form {
            Some(form) => view! {
                <section class="card" aria-labelledby="form-heading">
                    <h2 id="form-heading">{t!(i18n, request_form)}</h2>
                    <RequestForm page=form problems />
                </section>
            }.into_any(),
            None => view! {
                <section class="card" aria-labelledby="answers-heading">
                    <h2 id="answers-heading">{t!(i18n, request_answers)}</h2>
                    <AnswersList answers=application.answers />
                </section>
            }.into_any(),
        }}
        <section class="card" aria-labelledby="steps-heading">
            <h2 id="steps-heading">{t!(i18n, request_workflow)}</h2>
            <StepsDiagram steps=application.steps />
            <h3>{t!(i18n, request_activity_list)}</h3>
            <HistoryList history=application.history />
        </section>
    }
    .into_any()
}
