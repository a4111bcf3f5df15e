//! What the applicant's and the staff's pages both show: the receipt, the
//! answers, the workflow as a diagram and as a list.

use leptos::prelude::*;

use crate::domain::digits::to_persian_digits;
use crate::i18n::{t, t_string, use_i18n};
use crate::serverfns::requests::EventView;
use crate::serverfns::requests::{AnswerText, AnswerView, Receipt, StepProgress};

/// Table 3 of the desk guideline.
#[component]
pub fn ReceiptTable(receipt: Receipt) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <dl class="facts">
            <div><dt>{t!(i18n, request_tracking_code)}</dt><dd><bdi dir="ltr" class="tracking-code">{receipt.tracking_code}</bdi></dd></div>
            <div><dt>{t!(i18n, request_service)}</dt><dd>{receipt.service}</dd></div>
            <div><dt>{t!(i18n, request_applicant)}</dt><dd>{receipt.applicant}</dd></div>
            <div><dt>{t!(i18n, request_national_id)}</dt><dd>{receipt.national_id}</dd></div>
            <div><dt>{t!(i18n, request_received)}</dt><dd>{receipt.received_at}</dd></div>
            <div>
                <dt>{t!(i18n, request_promised)}</dt>
                <dd>{match receipt.promised_at {
                    Some(at) => at.into_any(),
                    None => t!(i18n, request_promised_none).into_any(),
                }}</dd>
            </div>
        </dl>
    }
}

/// Every answer with its label; tables as tables, files as links.
#[component]
pub fn AnswersList(answers: Vec<AnswerView>) -> impl IntoView {
    view! {
        <dl class="facts answers">
            {answers.into_iter().map(|a| {
                let label = a.label.clone();
                view! {
                <div>
                    <dt>{a.label}</dt>
                    <dd>{match a.value {
                        AnswerText::Plain(text) => view! { <span class="answer__text">{text}</span> }.into_any(),
                        AnswerText::Table { columns, rows } => view! {
                            <div class="table-wrap" tabindex="0" role="region" aria-label=label.clone()>
                                <table class="history">
                                    <thead><tr>{columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|row| view! {
                                            <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any(),
                        AnswerText::Files(files) => view! {
                            <ul class="kept-files">
                                {files.into_iter().map(|f| {
                                    let size = to_persian_digits(&format!("{} KB", (f.size + 1023) / 1024));
                                    view! { <li><a href=format!("/files/{}", f.id)>{f.name}</a> " (" {size} ")"</li> }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }}</dd>
                </div>
            }}).collect_view()}
        </dl>
    }
}

/// The steps as boxes with arrows between them: done, current and to
/// come, said in words as well as drawn, with the time each took against
/// what was agreed.
#[component]
pub fn StepsDiagram(steps: Vec<StepProgress>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="steps">
            {steps.into_iter().map(|s| {
                let state = match s.state.as_str() {
                    "done" => t!(i18n, request_step_done).into_any(),
                    "current" => t!(i18n, request_step_current).into_any(),
                    _ => t!(i18n, request_step_to_come).into_any(),
                };
                view! {
                    <li class=format!("steps__step steps__step--{}", s.state) class:steps__step--overdue=s.overdue>
                        <strong>{s.title}</strong>
                        <span class="steps__state">{state}</span>
                        <span>{s.unit}</span>
                        <span>{t!(i18n, request_step_agreed)} " " {s.agreed}</span>
                        {s.took.map(|took| view! { <span>{t!(i18n, request_step_took)} " " {took}</span> })}
                        {s.overdue.then(|| view! { <strong class="badge badge--overdue">{t!(i18n, cartable_overdue)}</strong> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// The history: activity, time, by whom, and what was written.
#[component]
pub fn HistoryList(history: Vec<EventView>) -> impl IntoView {
    let i18n = use_i18n();
    // Scrolls sideways on a phone: focusable, so keyboards can scroll it.
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=move || t_string!(i18n, request_activity_list)>
            <table class="history">
                <thead><tr>
                    <th scope="col">{t!(i18n, request_activity)}</th>
                    <th scope="col">{t!(i18n, request_when)}</th>
                    <th scope="col">{t!(i18n, request_by)}</th>
                    <th scope="col">{t!(i18n, request_note)}</th>
                </tr></thead>
                <tbody>
                    {history.into_iter().map(|e| view! {
                        <tr>
                            <td>{e.activity}</td>
                            <td>{e.at}</td>
                            <td>{e.by}</td>
                            <td class="notice-sheet__text">{e.note.unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
