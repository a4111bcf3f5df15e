//! `/cartable/{id}`: a request as staff see it — the report (every answer,
//! file and comment), the workflow as a diagram and a list, and the forms
//! of the actions open to the viewer at this step.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::case_actions::Actions;
use crate::domain::digits::to_persian_digits;
use crate::i18n::{t, use_i18n};
use crate::pages::form_memory::{query, remembered_shared};
use crate::pages::notice::NoticeSheet;
use crate::pages::requests::progress::{AnswersList, HistoryList, ReceiptTable, StepsDiagram};
use crate::serverfns::requests::{Case, open_case};

/// The staff's page of one request.
#[component]
pub fn CasePage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i32>().ok()).unwrap_or_default());
    let case = OnceResource::new(open_case(id));
    let done = query("done").is_some();
    let kept = remembered_shared(crate::serverfns::requests::ACT_FORM);
    view! {
        <Suspense>
            {move || case.get().map(|answer| match answer {
                Ok(case) => view! {
                    <Show when=move || done>
                        <p class="status-ok" role="status">{t!(i18n, case_done)}</p>
                    </Show>
                    <Report case kept=kept.clone() />
                }.into_any(),
                Err(e) => view! {
                    <h1>{t!(i18n, application_title)}</h1>
                    <p class="form__error" role="alert">{e.to_string()}</p>
                    <p><A href="/login">{t!(i18n, nav_login)}</A></p>
                }.into_any(),
            })}
        </Suspense>
        <p><A href="/cartable">{t!(i18n, case_back)}</A></p>
    }
}

#[component]
fn Report(case: Case, kept: std::collections::HashMap<String, String>) -> impl IntoView {
    let i18n = use_i18n();
    let code = case.receipt.tracking_code.clone();
    view! {
        <h1>{t!(i18n, case_title)} " " <bdi dir="ltr">{code}</bdi></h1>
        <dl class="facts">
            <div><dt>{t!(i18n, request_status)}</dt><dd class="request-status">{case.status.clone()}</dd></div>
            {case.step.clone().map(|s| view! { <div><dt>{t!(i18n, case_step)}</dt><dd>{s}</dd></div> })}
            {case.holder.clone().map(|h| view! { <div><dt>{t!(i18n, case_holder)}</dt><dd>{h}</dd></div> })}
            <div><dt>{t!(i18n, case_province)}</dt><dd>{case.province.clone()}</dd></div>
            <div><dt>{t!(i18n, case_form_version)}</dt><dd>{to_persian_digits(&case.form_version.to_string())}</dd></div>
        </dl>
        <section class="card" aria-labelledby="case-receipt">
            <h2 id="case-receipt">{t!(i18n, request_receipt)}</h2>
            <ReceiptTable receipt=case.receipt.clone() />
        </section>
        <section class="card" aria-labelledby="case-answers">
            <h2 id="case-answers">{t!(i18n, case_report)}</h2>
            <AnswersList answers=case.answers.clone() />
        </section>
        {case.notice.clone().map(|notice| view! { <NoticeSheet notice /> })}
        <section class="card" aria-labelledby="case-workflow">
            <h2 id="case-workflow">{t!(i18n, request_workflow)}</h2>
            <StepsDiagram steps=case.steps.clone() />
            <h3>{t!(i18n, request_activity_list)}</h3>
            <HistoryList history=case.history.clone() />
        </section>
        <Actions case kept />
    }
    .into_any()
}
