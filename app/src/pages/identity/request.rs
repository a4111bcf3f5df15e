use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::identity::slot_title;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::accounts::remembered;
use crate::serverfns::accounts::current_user;
use crate::serverfns::identity::{DecideIdentity, IdentityRequest, review_identity};

/// A request's report: its data, every file, and the workflow with each
/// action (activity, Jalali time, by whom). The desk officer holding it also
/// gets the decision form: approve, or reject with a required reason.
#[component]
pub fn RequestPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let request = OnceResource::new(review_identity(id));
    let viewer = OnceResource::new(current_user());
    view! {
        <h1>{t!(i18n, request_title)}</h1>
        <Suspense>
            {move || request.get().map(|answer| match answer {
                Ok(request) => {
                    let staff = viewer.get().and_then(|v| v.ok().flatten()).is_some_and(|v| v.is_staff);
                    view! { <Report request staff /> }.into_any()
                }
                Err(_) => view! { <p class="notice">{t!(i18n, request_not_found)}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Report(request: IdentityRequest, staff: bool) -> impl IntoView {
    let i18n = use_i18n();
    let f = request.form.clone();
    let kind = if f.is_legal() {
        t_string!(i18n, identity_legal)
    } else {
        t_string!(i18n, identity_natural)
    };
    let capacity = if f.is_attorney() {
        t_string!(i18n, identity_attorney)
    } else {
        t_string!(i18n, identity_principal)
    };
    let decidable = staff && request.status == "submitted";
    let rows: Vec<(&'static str, String)> = vec![
        (t_string!(i18n, identity_tracking), request.tracking_code.clone()),
        (t_string!(i18n, identity_kind), kind.to_owned()),
        (
            t_string!(i18n, cartable_requester),
            format!("{} {}", f.first_name, f.last_name),
        ),
        (t_string!(i18n, signup_national_id), f.national_id.clone()),
        (t_string!(i18n, signup_mobile), f.mobile.clone()),
        (t_string!(i18n, identity_province), f.province.clone()),
        (t_string!(i18n, identity_capacity), capacity.to_owned()),
        (t_string!(i18n, identity_company_name), f.company_name.clone()),
        (t_string!(i18n, identity_company_id), f.company_national_id.clone()),
        (t_string!(i18n, identity_economic_code), f.economic_code.clone()),
    ];
    view! {
        <section class="card" aria-labelledby="request-data">
            <h2 id="request-data">{t!(i18n, request_data)}</h2>
            <dl class="facts">
                {rows.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| view! {
                    <div><dt>{k}</dt><dd><bdi>{crate::domain::digits::to_persian_digits(&v)}</bdi></dd></div>
                }).collect_view()}
            </dl>
        </section>
        <section class="card" aria-labelledby="request-files">
            <h2 id="request-files">{t!(i18n, request_files)}</h2>
            {request.files.is_empty().then(|| view! { <p>{t!(i18n, request_no_files)}</p> })}
            <ul class="attachments">
                {request.files.iter().map(|file| {
                    let href = format!("/files/{}", file.id);
                    let title = slot_title(&file.slot).unwrap_or_default();
                    let inline = file.content_type.starts_with("image/").then(|| view! {
                        <img class="attachment__image" src=href.clone() alt=format!("{title}: {}", file.name) loading="lazy" />
                    });
                    view! {
                        <li class="attachment">
                            <p><strong>{title}</strong> " — " <a href=href target="_blank" rel="noopener">{file.name.clone()}</a></p>
                            {inline}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="request-history">
            <h2 id="request-history">{t!(i18n, request_history)}</h2>
            <div class="table-wrap">
                <table class="history">
                    <thead><tr>
                        <th scope="col">{t!(i18n, request_activity)}</th>
                        <th scope="col">{t!(i18n, request_time)}</th>
                        <th scope="col">{t!(i18n, request_by)}</th>
                        <th scope="col">{t!(i18n, request_note)}</th>
                    </tr></thead>
                    <tbody>
                        {request.history.iter().map(|e| view! {
                            <tr><td>{e.activity.clone()}</td><td>{e.at.clone()}</td><td>{e.by.clone()}</td><td>{e.note.clone().unwrap_or_default()}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        {decidable.then(|| view! { <Decision id=request.id revision=request.revision /> })}
    }
    .into_any()
}

/// Approve, or reject with a reason. Without JavaScript a refused decision
/// comes back with the typed reason kept.
#[component]
fn Decision(id: i32, revision: i32) -> impl IntoView {
    let i18n = use_i18n();
    let decide = ServerAction::<DecideIdentity>::new();
    let error = move || decide.value().get().and_then(Result::err);
    let kept_reason = remembered("decision").remove("reason").unwrap_or_default();
    view! {
        <section class="card form-card" aria-labelledby="request-decision">
            <h2 id="request-decision">{t!(i18n, request_decision)}</h2>
            <ActionForm action=decide attr:class="form" attr:novalidate=true>
                {move || error().and_then(|e| e.message_for("decision").or_else(|| e.form_message()))
                    .map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
                <input type="hidden" name="request_id" value=id.to_string() />
                <input type="hidden" name="revision" value=revision.to_string() />
                <fieldset class="choice">
                    <legend>{t!(i18n, request_decision)}</legend>
                    <label class="choice__option">
                        <input type="radio" name="decision" value="approve" checked=true />
                        {t!(i18n, request_approve)}
                    </label>
                    <label class="choice__option">
                        <input type="radio" name="decision" value="reject" />
                        {t!(i18n, request_reject)}
                    </label>
                </fieldset>
                <div class="field" class:field--invalid=move || error().and_then(|e| e.message_for("reason")).is_some()>
                    <label for="field-reason">{t!(i18n, request_reason)}</label>
                    <textarea id="field-reason" name="reason" rows="3" dir="auto"
                        aria-invalid=move || error().and_then(|e| e.message_for("reason")).map(|_| "true")
                        aria-describedby=move || error().and_then(|e| e.message_for("reason")).map(|_| "field-reason-error")>
                        {kept_reason}
                    </textarea>
                    {move || error().and_then(|e| e.message_for("reason"))
                        .map(|m| view! { <p class="field__error" id="field-reason-error" role="alert">{m}</p> })}
                </div>
                <button type="submit" class="button">{t!(i18n, request_decision_submit)}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
