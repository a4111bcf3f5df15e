use leptos::prelude::*;
use leptos_router::components::{A, Form};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::labels::{pick, rials};
use crate::components::when::When;
use crate::domain::catalogue::permit::{Applicant, PermitAction, PermitCard};
use crate::i18n::{t, t_string, use_i18n};
use crate::serverfns::catalogue::{PermitPage as Page, load_permit_page, search_permits};

/// The permit register: every published permit, searchable, each linked to
/// the service that issues it.
#[component]
pub fn PermitRegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let q = Memo::new(move |_| params.with(|p| p.get("q").unwrap_or_default()));
    let found = Resource::new(move || q.get(), search_permits);
    view! {
        <h1>{t!(i18n, permits_title)}</h1>
        <p class="lead">{t!(i18n, permits_intro)}</p>
        <div class="card catalogue-search" role="search" aria-label=t_string!(i18n, permits_search_label)>
            <Form method="GET" action="/permits" attr:class="catalogue-search__form">
                <div class="field catalogue-search__words">
                    <label for="permits-q">{t!(i18n, permits_search_label)}</label>
                    <input id="permits-q" type="search" name="q" value=move || q.get() dir="auto" enterkeyhint="search" />
                </div>
                <button type="submit" class="button">{t!(i18n, catalogue_search)}</button>
            </Form>
        </div>
        <Transition>
            {move || found.get().map(|answer| match answer {
                Ok(permits) => {
                    let locale = i18n.get_locale_untracked();
                    view! {
                        {permits.is_empty().then(|| view! { <p class="notice">{t!(i18n, catalogue_none)}</p> })}
                        <ul class="service-list">
                            {permits.into_iter().map(|p| {
                                let kinds: Vec<&str> = p.kinds.iter()
                                    .filter_map(|k| PermitAction::parse(k))
                                    .map(|k| pick(locale, k.title_fa(), k.title_en()))
                                    .collect();
                                view! {
                                    <li class="card service-list__item">
                                        <h2 class="service-list__title"><A href=format!("/permits/{}", p.id)>{p.title.clone()}</A></h2>
                                        <p class="service-list__provider">{p.issuer.clone()}</p>
                                        <p>{t!(i18n, permits_kinds)} ": " {kinds.join("، ")}</p>
                                        {p.service.clone().map(|s| view! {
                                            <p>{t!(i18n, permits_issued_by)} ": " <A href=format!("/catalogue/{}", s.id)>{s.title}</A></p>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
                Err(e) => view! { <p class="notice" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </Transition>
        <p class="open-data">
            {t!(i18n, catalogue_open_data)} " "
            <a href="/open-data/permits.json">"JSON"</a> " · " <a href="/open-data/permits.csv">"CSV"</a>
        </p>
    }
}

/// One permit: form 1 (each kind of application) and form 2 (the other
/// agencies inquired), printable like a service card.
#[component]
pub fn PermitPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<i32>().ok()));
    let page = Resource::new(id, |id| async move {
        match id {
            Some(id) => load_permit_page(id).await,
            None => Err(crate::errors::AppError::NotFound),
        }
    });
    view! {
        <Transition>
            {move || page.get().map(|answer| match answer {
                Ok(page) => view! { <Permit page /> }.into_any(),
                Err(e) => view! {
                    <h1>{t!(i18n, permits_title)}</h1>
                    <p class="notice" role="alert">{e.to_string()}</p>
                }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Permit(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let card: PermitCard = page.card;
    let applicants = move |list: &[Applicant]| {
        list.iter()
            .map(|a| pick(locale, a.title_fa(), a.title_en()))
            .collect::<Vec<_>>()
            .join("، ")
    };
    let yes_no = move |b: bool| {
        if b {
            t_string!(i18n, permits_yes)
        } else {
            t_string!(i18n, permits_no)
        }
    };
    view! {
        <article class="service-card">
            <p class="breadcrumb"><A href="/permits">{t!(i18n, permits_title)}</A></p>
            <h1>{card.title.clone()}</h1>
            {(!page.published).then(|| view! { <p class="notice">{t!(i18n, permits_draft_preview)}</p> })}
            <p class="service-list__provider">{card.issuer.clone()}</p>
            {(!card.description.is_empty()).then(|| view! { <p class="lead">{card.description.clone()}</p> })}
            {page.service.clone().map(|s| view! {
                <p>{t!(i18n, permits_issued_by)} ": " <A href=format!("/catalogue/{}", s.id)>{s.title}</A></p>
            })}
            <section class="card" aria-labelledby="permit-form-1">
                <h2 id="permit-form-1">{t!(i18n, permits_form_1)}</h2>
                {card.kinds.iter().map(|k| view! {
                    <section class="permit-kind" aria-label=pick(locale, k.kind.title_fa(), k.kind.title_en())>
                        <h3>{pick(locale, k.kind.title_fa(), k.kind.title_en())}</h3>
                        <dl class="facts">
                            <div><dt>{t!(i18n, permits_legal_basis)}</dt><dd>{k.legal_basis.clone()}</dd></div>
                            <div><dt>{t!(i18n, permits_validity)}</dt><dd>{k.validity.clone()}</dd></div>
                            <div><dt>{t!(i18n, catalogue_fee_amount)}</dt><dd class="amount">{rials(locale, k.fee_rials)}</dd></div>
                            <div><dt>{t!(i18n, permits_applicants)}</dt><dd>{applicants(&k.applicants)}</dd></div>
                            <div><dt>{t!(i18n, permits_shared)}</dt><dd>{yes_no(k.shared_process)}</dd></div>
                            <div><dt>{t!(i18n, permits_supervisors)}</dt><dd>{k.supervisors.join("، ")}</dd></div>
                            <div><dt>{t!(i18n, catalogue_duration)}</dt><dd>{k.duration.clone()}</dd></div>
                            <div><dt>{t!(i18n, catalogue_electronic)}</dt><dd>{yes_no(k.electronic)}</dd></div>
                        </dl>
                        <h4>{t!(i18n, catalogue_documents)}</h4>
                        <ul>{k.documents.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul>
                        {(!k.notes.is_empty()).then(|| view! { <p class="hint">{k.notes.clone()}</p> })}
                    </section>
                }).collect_view()}
            </section>
            {(!card.inquiries.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="permit-form-2">
                    <h2 id="permit-form-2">{t!(i18n, permits_form_2)}</h2>
                    <div class="table-wrap">
                        <table class="history stacked-table">
                            <thead><tr>
                                <th scope="col">{t!(i18n, catalogue_inquiry_agency)}</th>
                                <th scope="col">{t!(i18n, permits_subject)}</th>
                                <th scope="col">{t!(i18n, catalogue_fee_amount)}</th>
                                <th scope="col">{t!(i18n, catalogue_duration)}</th>
                                <th scope="col">{t!(i18n, catalogue_electronic)}</th>
                            </tr></thead>
                            <tbody>
                                {card.inquiries.iter().map(|q| view! {
                                    <tr>
                                        <td data-label=t_string!(i18n, catalogue_inquiry_agency)>{q.agency.clone()}</td>
                                        <td data-label=t_string!(i18n, permits_subject)>{q.subject.clone()}</td>
                                        <td data-label=t_string!(i18n, catalogue_fee_amount) class="amount">{rials(locale, q.fee_rials)}</td>
                                        <td data-label=t_string!(i18n, catalogue_duration)>{q.duration.clone()}</td>
                                        <td data-label=t_string!(i18n, catalogue_electronic)>{yes_no(q.electronic)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            })}
            <p class="hint">{t!(i18n, catalogue_updated)} " " <When instant=page.updated_at /></p>
        </article>
    }
    .into_any()
}
