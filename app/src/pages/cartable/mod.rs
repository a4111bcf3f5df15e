//! The cartable: its three folders with the seed's columns, a search box
//! and filters in a GET form (a shareable address that works without
//! JavaScript), and paging by cursor.

pub mod case;
mod case_actions;
mod folder;
mod search;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::i18n::{t, t_string, use_i18n};
use crate::pages::form_memory::query;
use crate::serverfns::accounts::current_user;
use crate::serverfns::cartable::{CartableQuery, cartable_page};
use folder::Folder;
use search::SearchForm;

/// The cartable for a signed-in person, a way in for visitors.
#[component]
pub fn CartablePage() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = OnceResource::new(current_user());
    let params = use_query_map();
    let asked = move || {
        params.with(|q| {
            let get = |name: &str| q.get(name).unwrap_or_default();
            CartableQuery {
                folder: get("folder"),
                q: get("q"),
                service: get("service"),
                overdue: get("overdue"),
                from: get("from"),
                to: get("to"),
                sort: get("sort"),
                after: get("after"),
            }
        })
    };
    let cartable = Resource::new(asked, cartable_page);
    let sent = query("sent").is_some();
    let decided = query("decided").is_some();
    view! {
        <h1>{t!(i18n, cartable_title)}</h1>
        <Show when=move || sent>
            <p class="status-ok" role="status">{t!(i18n, cartable_sent)}</p>
        </Show>
        <Show when=move || decided>
            <p class="status-ok" role="status">{t!(i18n, cartable_decided)}</p>
        </Show>
        <Suspense>
            {move || viewer.get().map(|answer| match answer.ok().flatten() {
                Some(_) => view! {
                    {move || cartable.get().map(|c| match c {
                        Ok(page) => {
                            let asked = asked();
                            let empty = page.folders.iter().all(|f| f.total == 0);
                            let searching = asked != CartableQuery { folder: asked.folder.clone(), ..Default::default() };
                            view! {
                                <SearchForm asked=asked.clone() services=page.services.clone() problem=page.problem.clone() />
                                {(empty && !searching).then(|| view! { <p class="notice">{t!(i18n, cartable_empty)}</p> })}
                                {page.folders.into_iter().map(|f| view! { <Folder folder=f asked=asked.clone() /> }).collect_view()}
                            }.into_any()
                        }
                        Err(e) => view! {
                            <p class="form__error" role="alert">{e.to_string()}</p>
                            {(e == crate::errors::AppError::SecondFactorRequired).then(|| view! {
                                <p><A href="/account/two-factor">{t!(i18n, two_factor_title)}</A></p>
                            })}
                        }.into_any(),
                    })}
                    <p><A href="/account/password">{t!(i18n, password_title)}</A></p>
                }
                .into_any(),
                None => view! {
                    <ul class="folders" aria-label=move || t_string!(i18n, cartable_title)>
                        <li>{t!(i18n, cartable_folder_awaiting)}</li>
                        <li>{t!(i18n, cartable_folder_in_progress)}</li>
                        <li>{t!(i18n, cartable_folder_finished)}</li>
                    </ul>
                    <p class="notice">
                        {t!(i18n, cartable_login_needed)} " "
                        <A href="/login">{t!(i18n, nav_login)}</A>
                    </p>
                }
                .into_any(),
            })}
        </Suspense>
    }
}
