use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::labels::{digits, number, pick, rials};
use crate::components::when::When;
use crate::domain::catalogue::card::SubServiceCard;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::serverfns::catalogue::{ServicePage as Page, load_service_page};

/// A service's card, laid out for reading on a phone and printing on A4:
/// what it is, then each sub-service with its process drawn as a diagram,
/// fees, documents, how each stage is reached, and the desk's sheet.
#[component]
pub fn ServicePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<i32>().ok()));
    let page = Resource::new(id, |id| async move {
        match id {
            Some(id) => load_service_page(id).await,
            None => Err(crate::errors::AppError::NotFound),
        }
    });
    view! {
        <Transition>
            {move || page.get().map(|answer| match answer {
                Ok(page) => view! { <Card page /> }.into_any(),
                Err(e) => view! {
                    <h1>{t!(i18n, catalogue_title)}</h1>
                    <p class="notice" role="alert">{e.to_string()}</p>
                    <p><A href="/catalogue">{t!(i18n, catalogue_back)}</A></p>
                }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Card(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let card = page.card;
    let events: Vec<&str> = card
        .life_events
        .iter()
        .map(|e| pick(locale, e.title_fa(), e.title_en()))
        .collect();
    let subs = card.sub_services.clone();
    let permits = page.permits.clone();
    let online = page.online.clone();
    let service_id = page.id;
    view! {
        <article class="service-card">
            <p class="breadcrumb"><A href="/catalogue">{t!(i18n, catalogue_title)}</A></p>
            <h1>{card.title.clone()}</h1>
            {(!page.published).then(|| view! { <p class="notice">{t!(i18n, catalogue_draft_preview)}</p> })}
            <p class="lead">{card.description.clone()}</p>
            <dl class="facts">
                <Fact label=t_string!(i18n, catalogue_provider) value=if card.parent_agency.is_empty() {
                    card.provider.clone()
                } else {
                    format!("{} — {}", card.provider, card.parent_agency)
                } />
                <Fact label=t_string!(i18n, catalogue_national_id) value=digits(locale, &card.national_id) />
                <Fact label=t_string!(i18n, catalogue_kind) value=pick(locale, card.kind.title_fa(), card.kind.title_en()).to_owned() />
                <Fact label=t_string!(i18n, catalogue_level) value=pick(locale, card.level.title_fa(), card.level.title_en()).to_owned() />
                <Fact label=t_string!(i18n, catalogue_nature) value=pick(locale, card.nature.title_fa(), card.nature.title_en()).to_owned() />
                <Fact label=t_string!(i18n, catalogue_audience) value=card.audience.clone() />
                <Fact label=t_string!(i18n, catalogue_event) value=events.join("، ") />
            </dl>
            {subs.into_iter().enumerate().map(|(i, sub)| {
                let apply = online.contains(&sub.code).then(|| format!("/catalogue/{service_id}/apply/{}", sub.code));
                view! { <SubService index=i sub total=card.sub_services.len() apply /> }
            }).collect_view()}
            {(!permits.is_empty()).then(move || view! {
                <section class="card" aria-labelledby="service-permits">
                    <h2 id="service-permits">{t!(i18n, catalogue_permits_issued)}</h2>
                    <ul>
                        {permits.into_iter().map(|p| view! { <li><A href=format!("/permits/{}", p.id)>{p.title}</A></li> }).collect_view()}
                    </ul>
                </section>
            })}
            <p class="hint">{t!(i18n, catalogue_updated)} " " <When instant=page.updated_at /></p>
        </article>
    }
    .into_any()
}

/// One row of a description list; nothing when the value is empty.
#[component]
fn Fact(#[prop(into)] label: String, value: String) -> impl IntoView {
    (!value.trim().is_empty() && value.trim() != "—").then(|| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
}

#[component]
fn SubService(index: usize, sub: SubServiceCard, total: usize, apply: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let heading = format!("sub-{index}");
    let labelled_by = heading.clone();
    let title = if total > 1 {
        format!(
            "{} {}: {}",
            t_string!(i18n, catalogue_sub_service),
            number(locale, index as u64 + 1),
            sub.title
        )
    } else {
        sub.title.clone()
    };
    let recipients = sub.recipients.map(|r| {
        format!(
            "{} / {}",
            number(locale, r.count),
            pick(locale, r.per.title_fa(), r.per.title_en())
        )
    });
    view! {
        <section class="card sub-service" aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {(!sub.description.is_empty()).then(|| view! { <p>{sub.description.clone()}</p> })}
            {apply.map(|href| view! { <p><A href=href attr:class="button">{t!(i18n, catalogue_apply_online)}</A></p> })}
            <h3>{t!(i18n, catalogue_process)}</h3>
            <Process steps=sub.processes.clone() />
            <dl class="facts">
                <Fact label=t_string!(i18n, catalogue_trigger) value=pick(locale, sub.trigger.title_fa(), sub.trigger.title_en()).to_owned() />
                <Fact label=t_string!(i18n, catalogue_duration) value=sub.average_duration.clone() />
                <Fact label=t_string!(i18n, catalogue_frequency) value=pick(locale, sub.frequency.title_fa(), sub.frequency.title_en()).to_owned() />
                <Fact label=t_string!(i18n, catalogue_visits) value=number(locale, u64::from(sub.visits)) />
                <Fact label=t_string!(i18n, catalogue_recipients) value=recipients.unwrap_or_default() />
                <Fact label=t_string!(i18n, catalogue_system) value=sub.system_name.clone() />
            </dl>
            {(!sub.web_address.is_empty()).then(|| view! {
                <p><a href=sub.web_address.clone() rel="noopener external" dir="ltr">{sub.web_address.clone()}</a></p>
            })}
            <Fees sub=sub.clone() locale />
            <ListOf title=t_string!(i18n, catalogue_documents).to_owned() items=sub.documents.clone() />
            <ListOf title=t_string!(i18n, catalogue_laws).to_owned() items=sub.laws.clone() />
            <Stages sub=sub.clone() locale />
            <Inquiries sub=sub.clone() />
            <Desk sub />
        </section>
    }
    .into_any()
}

/// The process as a diagram: numbered boxes joined by arrows, read as an
/// ordered list by screen readers and printed as drawn.
#[component]
fn Process(steps: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="process" aria-label=t_string!(i18n, catalogue_process)>
            {steps.into_iter().map(|s| view! { <li class="process__step">{s}</li> }).collect_view()}
        </ol>
    }
}

#[component]
fn Fees(sub: SubServiceCard, locale: Locale) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3>{t!(i18n, catalogue_fees)}</h3>
        {if sub.fees.is_empty() {
            view! { <p>{t!(i18n, catalogue_free)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="history stacked-table">
                        <thead><tr>
                            <th scope="col">{t!(i18n, catalogue_fee_title)}</th>
                            <th scope="col">{t!(i18n, catalogue_fee_amount)}</th>
                            <th scope="col">{t!(i18n, catalogue_fee_account)}</th>
                            <th scope="col">{t!(i18n, catalogue_fee_basis)}</th>
                        </tr></thead>
                        <tbody>
                            {sub.fees.iter().map(|f| view! {
                                <tr>
                                    <td data-label=t_string!(i18n, catalogue_fee_title)>{f.title.clone()}</td>
                                    <td data-label=t_string!(i18n, catalogue_fee_amount) class="amount">{rials(locale, f.amount_rials)}</td>
                                    <td data-label=t_string!(i18n, catalogue_fee_account)><bdi dir="ltr">{f.account.clone()}</bdi></td>
                                    <td data-label=t_string!(i18n, catalogue_fee_basis)>{f.legal_basis.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p>{if sub.paid_electronically { t_string!(i18n, catalogue_paid_online) } else { t_string!(i18n, catalogue_paid_offline) }}</p>
            }.into_any()
        }}
    }
    .into_any()
}

#[component]
fn ListOf(title: String, items: Vec<String>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <h3>{title}</h3>
            <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        }
    })
}

#[component]
fn Stages(sub: SubServiceCard, locale: Locale) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3>{t!(i18n, catalogue_stages)}</h3>
        <div class="table-wrap">
            <table class="history stacked-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, catalogue_stage)}</th>
                    <th scope="col">{t!(i18n, catalogue_stage_how)}</th>
                </tr></thead>
                <tbody>
                    {sub.stages.iter().map(|s| {
                        let how = if s.electronic {
                            let channels: Vec<&str> = s.channels.iter().map(|c| pick(locale, c.title_fa(), c.title_en())).collect();
                            format!("{}: {}", t_string!(i18n, catalogue_electronic), channels.join("، "))
                        } else {
                            let reason = s.visit_reason.map(|r| pick(locale, r.title_fa(), r.title_en())).unwrap_or_default();
                            format!("{}: {reason}", t_string!(i18n, catalogue_in_person))
                        };
                        view! {
                            <tr>
                                <th scope="row">{pick(locale, s.stage.title_fa(), s.stage.title_en())}</th>
                                <td data-label=t_string!(i18n, catalogue_stage_how)>{how}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Inquiries(sub: SubServiceCard) -> impl IntoView {
    let i18n = use_i18n();
    let rows: Vec<_> = sub
        .internal_inquiries
        .iter()
        .chain(&sub.external_inquiries)
        .cloned()
        .collect();
    (!rows.is_empty()).then(|| view! {
        <h3>{t!(i18n, catalogue_inquiries)}</h3>
        <div class="table-wrap">
            <table class="history stacked-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, catalogue_inquiry_agency)}</th>
                    <th scope="col">{t!(i18n, catalogue_system)}</th>
                    <th scope="col">{t!(i18n, catalogue_inquiry_fields)}</th>
                    <th scope="col">{t!(i18n, catalogue_inquiry_mode)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|q| view! {
                        <tr>
                            <td data-label=t_string!(i18n, catalogue_inquiry_agency)>{if q.agency.is_empty() { t_string!(i18n, catalogue_same_agency).to_owned() } else { q.agency.clone() }}</td>
                            <td data-label=t_string!(i18n, catalogue_system)>{q.system.clone()}</td>
                            <td data-label=t_string!(i18n, catalogue_inquiry_fields)>{q.fields.clone()}</td>
                            <td data-label=t_string!(i18n, catalogue_inquiry_mode)>{if q.online { t_string!(i18n, catalogue_online) } else { t_string!(i18n, catalogue_batch) }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }.into_any())
}

#[component]
fn Desk(sub: SubServiceCard) -> impl IntoView {
    let i18n = use_i18n();
    let d = sub.desk;
    view! {
        <h3>{t!(i18n, catalogue_desk)}</h3>
        <dl class="facts">
            <Fact label=t_string!(i18n, catalogue_desk_unit) value=d.unit.clone() />
            <Fact label=t_string!(i18n, catalogue_desk_address) value=d.address.clone() />
            <Fact label=t_string!(i18n, catalogue_desk_hours) value=d.hours.clone() />
            <Fact label=t_string!(i18n, catalogue_desk_responsible) value=d.responsible.clone() />
            <Fact label=t_string!(i18n, catalogue_desk_contact) value=d.contact.clone() />
        </dl>
        <h4>{t!(i18n, catalogue_desk_steps)}</h4>
        <ol>{d.steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
        {(!d.forms.is_empty()).then(|| view! {
            <h4>{t!(i18n, catalogue_desk_forms)}</h4>
            <ul>{d.forms.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
        })}
    }
    .into_any()
}
