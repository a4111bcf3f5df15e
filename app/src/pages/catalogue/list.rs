use leptos::prelude::*;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;

use super::labels::pick;
use crate::domain::catalogue::choices::{Level, LifeEvent, ServiceKind};
use crate::i18n::{t, t_string, use_i18n};
use crate::serverfns::catalogue::{CatalogueQuery, ServiceSummary, search_catalogue};

/// The public catalogue: search and filters in the URL (so a result can be
/// shared), a GET form that works without JavaScript, and the services
/// found, each linking to its card.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|q| CatalogueQuery {
            q: q.get("q").unwrap_or_default(),
            kind: q.get("kind").unwrap_or_default(),
            level: q.get("level").unwrap_or_default(),
            event: q.get("event").unwrap_or_default(),
            provider: q.get("provider").unwrap_or_default(),
            electronic: q.get("electronic").is_some_and(|v| !v.is_empty()),
        })
    });
    let found = Resource::new(move || query.get(), search_catalogue);
    // The filters are drawn once, so focus stays on them while results change.
    let providers = OnceResource::new(search_catalogue(CatalogueQuery::default()));
    // Announced after each search by the client; the server renders it
    // empty, so hydration finds the same page.
    let count = RwSignal::new(String::new());
    Effect::new(move || {
        if let Some(Ok(page)) = found.get() {
            count.set(format!(
                "{} {}",
                t_string!(i18n, catalogue_found),
                super::labels::number(i18n.get_locale_untracked(), page.services.len() as u64)
            ));
        }
    });
    view! {
        <h1>{t!(i18n, catalogue_title)}</h1>
        <p class="lead">{t!(i18n, catalogue_intro)}</p>
        <Suspense>
            {move || providers.get().map(|answer| {
                let providers = answer.map(|page| page.providers).unwrap_or_default();
                view! { <Filters query=query.get_untracked() providers /> }
            })}
        </Suspense>
        <p class="visually-hidden" aria-live="polite">{move || count.get()}</p>
        <Transition>
            {move || found.get().map(|answer| match answer {
                Ok(page) => view! { <Results services=page.services /> }.into_any(),
                Err(e) => view! { <p class="notice" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </Transition>
        <p class="open-data">
            {t!(i18n, catalogue_open_data)} " "
            <a href="/open-data/services.json">"JSON"</a> " · " <a href="/open-data/services.csv">"CSV"</a>
            " · " <A href="/permits">{t!(i18n, nav_permits)}</A>
        </p>
    }
}

#[component]
fn Filters(query: CatalogueQuery, providers: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let option = move |value: &'static str, fa: &'static str, en: &'static str, chosen: &str| {
        let selected = chosen == value;
        view! { <option value=value selected=selected>{pick(locale, fa, en)}</option> }
    };
    view! {
        <div class="card catalogue-search" role="search" aria-label=t_string!(i18n, catalogue_search_label)>
            <Form method="GET" action="/catalogue" attr:class="catalogue-search__form">
                <div class="field catalogue-search__words">
                    <label for="catalogue-q">{t!(i18n, catalogue_search_label)}</label>
                    <input id="catalogue-q" type="search" name="q" value=query.q.clone() dir="auto"
                        enterkeyhint="search" aria-describedby="catalogue-q-hint" />
                    <p class="hint" id="catalogue-q-hint">{t!(i18n, catalogue_search_hint)}</p>
                </div>
                <div class="catalogue-search__filters">
                    <div class="field">
                        <label for="catalogue-kind">{t!(i18n, catalogue_kind)}</label>
                        <select id="catalogue-kind" name="kind">
                            <option value="">{t!(i18n, catalogue_any)}</option>
                            {ServiceKind::ALL.iter().map(|k| option(k.as_str(), k.title_fa(), k.title_en(), &query.kind)).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="catalogue-level">{t!(i18n, catalogue_level)}</label>
                        <select id="catalogue-level" name="level">
                            <option value="">{t!(i18n, catalogue_any)}</option>
                            {Level::ALL.iter().map(|l| option(l.as_str(), l.title_fa(), l.title_en(), &query.level)).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="catalogue-event">{t!(i18n, catalogue_event)}</label>
                        <select id="catalogue-event" name="event">
                            <option value="">{t!(i18n, catalogue_any)}</option>
                            {LifeEvent::ALL.iter().map(|e| option(e.as_str(), e.title_fa(), e.title_en(), &query.event)).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="catalogue-provider">{t!(i18n, catalogue_provider)}</label>
                        <select id="catalogue-provider" name="provider">
                            <option value="">{t!(i18n, catalogue_any)}</option>
                            {providers.into_iter().map(|p| {
                                let selected = p == query.provider;
                                let shown = p.clone();
                                view! { <option value=p selected=selected>{shown}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <label class="choice__option catalogue-search__electronic">
                        <input type="checkbox" name="electronic" value="1" checked=query.electronic />
                        {t!(i18n, catalogue_electronic_only)}
                    </label>
                </div>
                <button type="submit" class="button">{t!(i18n, catalogue_search)}</button>
            </Form>
        </div>
    }
    .into_any()
}

#[component]
fn Results(services: Vec<ServiceSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let count = services.len() as u64;
    let locale = i18n.get_locale_untracked();
    view! {
        <section aria-labelledby="catalogue-results">
            <h2 id="catalogue-results">
                {t_string!(i18n, catalogue_found)} " " {super::labels::number(locale, count)}
            </h2>
            {(count == 0).then(|| view! { <p class="notice">{t!(i18n, catalogue_none)}</p> })}
            <ul class="service-list">
                {services.into_iter().map(|s| {
                    let kind = ServiceKind::parse(&s.kind).map(|k| pick(locale, k.title_fa(), k.title_en())).unwrap_or_default();
                    let level = Level::parse(&s.level).map(|l| pick(locale, l.title_fa(), l.title_en())).unwrap_or_default();
                    view! {
                        <li class="card service-list__item">
                            <h3><A href=format!("/catalogue/{}", s.id)>{s.title.clone()}</A></h3>
                            <p class="service-list__provider">{s.provider.clone()}</p>
                            <p>{s.excerpt.clone()}</p>
                            <ul class="tags" aria-label=t_string!(i18n, catalogue_tags)>
                                <li>{kind}</li>
                                <li>{level}</li>
                                {s.fully_electronic.then(|| view! { <li class="tag--ok">{t!(i18n, catalogue_fully_electronic)}</li> })}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}
