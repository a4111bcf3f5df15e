//! The cartable's search box and filters: one GET form, so the result is
//! an address that can be shared, bookmarked and used without JavaScript.

use leptos::prelude::*;
use leptos_router::components::Form;

use crate::i18n::{t, use_i18n};
use crate::serverfns::cartable::{CartableQuery, ServiceOption};

/// The search form, filled with what was asked; `problem` names a filter
/// that did not read, shown beside it.
#[component]
pub fn SearchForm(
    asked: CartableQuery,
    services: Vec<ServiceOption>,
    problem: Option<(String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = move |field: &str| problem.as_ref().filter(|(f, _)| f == field).map(|(_, m)| m.clone());
    let date_field = move |name: &'static str, label: AnyView, value: String| {
        let error = message(name);
        let id = format!("cartable-{name}");
        let error_id = format!("{id}-error");
        let described = error.as_ref().map(|_| error_id.clone());
        let invalid = error.is_some();
        view! {
            <div class="field" class:field--invalid=invalid>
                <label for=id.clone()>{label}</label>
                <input id=id name=name type="text" inputmode="numeric" dir="ltr" placeholder="۱۴۰۵/۰۹/۰۱"
                    value=value aria-invalid=error.as_ref().map(|_| "true") aria-describedby=described />
                {error.map(|m| view! { <p class="form__error" id=error_id>{m}</p> })}
            </div>
        }
    };
    let chosen_service = asked.service.clone();
    view! {
        <Form method="GET" action="/cartable" attr:class="cartable-search card" attr:role="search">
            {(!asked.folder.is_empty()).then(|| view! { <input type="hidden" name="folder" value=asked.folder.clone() /> })}
            <div class="field cartable-search__words">
                <label for="cartable-q">{t!(i18n, cartable_search)}</label>
                <input id="cartable-q" name="q" type="search" value=asked.q.clone() aria-describedby="cartable-q-hint" />
                <p class="hint" id="cartable-q-hint">{t!(i18n, cartable_search_hint)}</p>
            </div>
            <div class="cartable-search__filters">
            <div class="field">
                <label for="cartable-service">{t!(i18n, cartable_service)}</label>
                <select id="cartable-service" name="service">
                    <option value="">{t!(i18n, cartable_all_services)}</option>
                    {services.into_iter().map(|s| {
                        let value = s.id.to_string();
                        let selected = value == chosen_service;
                        view! { <option value=value selected=selected>{s.title}</option> }
                    }).collect_view()}
                </select>
            </div>
            {date_field("from", t!(i18n, cartable_from).into_any(), asked.from.clone())}
            {date_field("to", t!(i18n, cartable_to).into_any(), asked.to.clone())}
            <div class="field">
                <label for="cartable-sort">{t!(i18n, cartable_sort)}</label>
                <select id="cartable-sort" name="sort">
                    <option value="">{t!(i18n, cartable_sort_newest)}</option>
                    <option value="oldest" selected=asked.sort == "oldest">{t!(i18n, cartable_sort_oldest)}</option>
                </select>
            </div>
            <label class="choice__option">
                <input type="checkbox" name="overdue" value="overdue" checked=asked.overdue == "overdue" />
                {t!(i18n, cartable_overdue_only)}
            </label>
            </div>
            <button type="submit" class="button">{t!(i18n, cartable_search_button)}</button>
        </Form>
    }
}
