use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{t, t_string, use_i18n};
use crate::pages::accounts::query;
use crate::serverfns::accounts::current_user;
use crate::serverfns::identity::{CartableRow, my_cartable};

/// The cartable: its three folders with the seed's columns for a signed-in
/// person, a way in for visitors.
#[component]
pub fn CartablePage() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = OnceResource::new(current_user());
    let cartable = OnceResource::new(my_cartable());
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
                        Ok(c) => {
                            let empty = c.awaiting.is_empty() && c.in_progress.is_empty() && c.finished.is_empty();
                            view! {
                                {empty.then(|| view! { <p class="notice">{t!(i18n, cartable_empty)}</p> })}
                                <Folder title=t_string!(i18n, cartable_folder_awaiting) id="awaiting" rows=c.awaiting />
                                <Folder title=t_string!(i18n, cartable_folder_in_progress) id="in-progress" rows=c.in_progress />
                                <Folder title=t_string!(i18n, cartable_folder_finished) id="finished" rows=c.finished />
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

/// One folder: a table with the seed's columns, or a line saying it is empty.
#[component]
fn Folder(title: &'static str, id: &'static str, rows: Vec<CartableRow>) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("folder-{id}");
    let labelled_by = heading.clone();
    view! {
        <section class="card folder" aria-labelledby=labelled_by>
            <h2 id=heading>{title} " (" {crate::domain::digits::to_persian_digits(&rows.len().to_string())} ")"</h2>
            {if rows.is_empty() {
                view! { <p>{t!(i18n, cartable_none)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="cartable">
                            <thead><tr>
                                <th scope="col">{t!(i18n, cartable_requester)}</th>
                                <th scope="col">{t!(i18n, cartable_request)}</th>
                                <th scope="col">{t!(i18n, cartable_date)}</th>
                                <th scope="col">{t!(i18n, cartable_waiting)}</th>
                                <th scope="col">{t!(i18n, cartable_holder)}</th>
                                <th scope="col">{t!(i18n, cartable_workflow)}</th>
                                <th scope="col">{t!(i18n, cartable_report)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr>
                                        <td>{r.requester}</td>
                                        <td><bdi dir="ltr">{r.tracking_code}</bdi></td>
                                        <td>{r.date}</td>
                                        <td>{r.waiting}</td>
                                        <td>{r.holder}</td>
                                        <td>{r.workflow}</td>
                                        <td><A href=r.link>{t!(i18n, cartable_open)}</A></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
