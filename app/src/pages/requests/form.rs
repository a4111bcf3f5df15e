//! The whole request form, for a new request and for a draft or returned
//! one: one multipart post, so nothing typed or chosen is lost whatever
//! fails, and it works the same with and without JavaScript.

use std::collections::HashMap;

use leptos::prelude::*;

use super::fields::FormFields;
use super::live::LiveCheck;
use super::sending::{Sending, SendingStatus, on_submit};
use crate::domain::request_form::FileFacts;
use crate::i18n::{t, use_i18n};
use crate::serverfns::requests::FormPage;

/// The form of `page`; `problems` are shown beside their fields and, when
/// there are any, summed up at the top with links to each.
#[component]
pub fn RequestForm(page: FormPage, problems: HashMap<String, String>) -> impl IntoView {
    let i18n = use_i18n();
    let province_problem = problems.get("province").cloned();
    let province_invalid = province_problem.is_some();
    let resending = page.returned.is_some();
    let hidden = match page.request_id {
        Some(id) => view! { <input type="hidden" name="request_id" value=id.to_string() /> }.into_any(),
        None => view! {
            <input type="hidden" name="service_id" value=page.name.service_id.to_string() />
            <input type="hidden" name="sub_code" value=page.name.sub_code.clone() />
        }
        .into_any(),
    };
    let chosen = page.province.clone();
    let mut kept: HashMap<String, Vec<FileFacts>> = HashMap::new();
    for file in &page.files {
        kept.entry(file.slot.clone()).or_default().push(FileFacts {
            name: file.name.clone(),
            bytes: u64::try_from(file.size).unwrap_or(0),
        });
    }
    let live = LiveCheck::new(page.form.clone(), kept, problems);
    let sending = RwSignal::new(Sending::Idle);
    view! {
        <form method="post" action="/api/requests/file" enctype="multipart/form-data" class="form request-form" novalidate=true
            on:change=move |ev| live.on_event(ev, true) on:input=move |ev| live.on_event(ev, false)
            on:submit=move |ev| on_submit(ev, sending)>
            {hidden}
            <div class="field" class:field--invalid=province_invalid>
                <label for="f-province">{t!(i18n, request_province)} " " <span class="required">{t!(i18n, request_required)}</span></label>
                <select id="f-province" name="province" aria-required="true"
                    aria-invalid=province_invalid.then_some("true")
                    aria-describedby=province_invalid.then_some("f-province-error")>
                    <option value="">"—"</option>
                    {page.provinces.into_iter().map(|p| {
                        let selected = p.code == chosen;
                        view! { <option value=p.code selected=selected>{p.name}</option> }
                    }).collect_view()}
                </select>
                {province_problem.map(|m| view! { <p class="form__error" id="f-province-error">{m}</p> })}
            </div>
            <FormFields form=page.form values=page.values files=page.files problems=live.problems chosen=live.chosen />
            <SendingStatus state=sending />
            <div class="form__actions">
                <button type="submit" name="draft" value="1" class="button button--secondary">{t!(i18n, request_save_draft)}</button>
                <button type="submit" name="send" value="1" class="button">
                    {if resending { t!(i18n, request_send_again).into_any() } else { t!(i18n, request_send).into_any() }}
                </button>
            </div>
        </form>
    }
}
