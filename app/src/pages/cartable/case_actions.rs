//! The action forms of a step: plain posts that work without JavaScript.
//! A refused action comes back with what was typed and the reason beside
//! the field — including "someone else acted first".

use std::collections::HashMap;

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};
use crate::serverfns::requests::{Case, PostOption};

/// One form per action the viewer may take now.
#[component]
pub fn Actions(case: Case, kept: HashMap<String, String>) -> impl IntoView {
    let i18n = use_i18n();
    if case.actions.is_empty() {
        return view! {
            <section class="card" aria-labelledby="case-actions">
                <h2 id="case-actions">{t!(i18n, case_actions)}</h2>
                <p>{t!(i18n, case_nothing_to_do)}</p>
            </section>
        }
        .into_any();
    }
    let forms = case
        .actions
        .iter()
        .map(|action| {
            view! { <ActionForm action=action.clone() id=case.id revision=case.revision posts=case.refer_to.clone() kept=kept.clone() /> }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="case-actions">
            <h2 id="case-actions">{t!(i18n, case_actions)}</h2>
            <div class="case-actions">{forms}</div>
        </section>
    }
    .into_any()
}

/// The form of one action, with what was kept from a refused post of it.
#[component]
fn ActionForm(
    action: String,
    id: i32,
    revision: i32,
    posts: Vec<PostOption>,
    kept: HashMap<String, String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mine = kept
        .get("action")
        .is_some_and(|a| *a == action || (action == "decide" && (a == "grant" || a == "refuse")));
    let typed = if mine {
        kept.get("text").cloned().unwrap_or_default()
    } else {
        String::new()
    };
    let chosen_post = if mine {
        kept.get("post_code").cloned().unwrap_or_default()
    } else {
        String::new()
    };
    let error = mine.then(|| kept.get("error").cloned()).flatten();
    let error_field = kept.get("error_field").cloned().unwrap_or_else(|| "text".to_owned());
    let text_error = error.clone().filter(|_| error_field != "post_code");
    let post_error = error.filter(|_| error_field == "post_code");
    let form_id = format!("act-{action}");
    let text_id = format!("{form_id}-text");
    let text_error_id = format!("{text_id}-error");
    let post_id = format!("{form_id}-post");
    let post_error_id = format!("{post_id}-error");
    let (title, text_label, required, most) = match action.as_str() {
        "approve" => (t!(i18n, case_approve).into_any(), None, false, 0),
        "return_to_applicant" => (
            t!(i18n, case_return).into_any(),
            Some(t!(i18n, case_return_reason).into_any()),
            true,
            2000,
        ),
        "refer" => (
            t!(i18n, case_refer).into_any(),
            Some(t!(i18n, case_refer_note).into_any()),
            false,
            2000,
        ),
        "comment" => (
            t!(i18n, case_comment).into_any(),
            Some(t!(i18n, case_comment_text).into_any()),
            true,
            2000,
        ),
        "ask_documents" => (
            t!(i18n, case_ask_documents).into_any(),
            Some(t!(i18n, case_documents_text).into_any()),
            true,
            2000,
        ),
        _ => (
            t!(i18n, case_decide).into_any(),
            Some(t!(i18n, case_reasoning).into_any()),
            true,
            4000,
        ),
    };
    let text = text_label.map(|label| {
        let invalid = text_error.is_some().then_some("true");
        let described = text_error.as_ref().map(|_| text_error_id.clone());
        view! {
            <div class="field" class:field--invalid=text_error.is_some()>
                <label for=text_id.clone()>{label}</label>
                <textarea id=text_id.clone() name="text" rows="3" maxlength=most.to_string()
                    aria-required=required.then_some("true") aria-invalid=invalid aria-describedby=described>{typed.clone()}</textarea>
                {text_error.clone().map(|m| view! { <p class="form__error" id=text_error_id.clone()>{m}</p> })}
            </div>
        }
    });
    let refer = (action == "refer").then(|| {
        let invalid = post_error.is_some().then_some("true");
        let described = post_error.as_ref().map(|_| post_error_id.clone());
        view! {
            <div class="field" class:field--invalid=post_error.is_some()>
                <label for=post_id.clone()>{t!(i18n, case_refer_to)}</label>
                <select id=post_id.clone() name="post_code" aria-required="true" aria-invalid=invalid aria-describedby=described>
                    <option value="">"—"</option>
                    {posts.into_iter().map(|p| {
                        let selected = p.code == chosen_post;
                        view! { <option value=p.code selected=selected>{p.name}</option> }
                    }).collect_view()}
                </select>
                {post_error.clone().map(|m| view! { <p class="form__error" id=post_error_id.clone()>{m}</p> })}
            </div>
        }
    });
    let buttons = if action == "decide" {
        view! {
            <div class="form__actions">
                <button type="submit" name="action" value="grant" class="button">{t!(i18n, case_grant)}</button>
                <button type="submit" name="action" value="refuse" class="button button--secondary">{t!(i18n, case_refuse)}</button>
            </div>
        }
        .into_any()
    } else {
        let label = match action.as_str() {
            "approve" => t!(i18n, case_approve).into_any(),
            "return_to_applicant" => t!(i18n, case_return).into_any(),
            "refer" => t!(i18n, case_refer).into_any(),
            "comment" => t!(i18n, case_comment).into_any(),
            _ => t!(i18n, case_ask_documents).into_any(),
        };
        view! {
            <input type="hidden" name="action" value=action.clone() />
            <button type="submit" class="button">{label}</button>
        }
        .into_any()
    };
    let heading = format!("{form_id}-heading");
    let labelled_by = heading.clone();
    view! {
        <form method="post" action="/api/requests/act" id=form_id class="form case-action" aria-labelledby=labelled_by novalidate=true>
            <h3 id=heading>{title}</h3>
            <input type="hidden" name="request_id" value=id.to_string() />
            <input type="hidden" name="revision" value=revision.to_string() />
            {refer}
            {text}
            {buttons}
        </form>
    }
}
