//! One folder of the cartable: its total, a page of rows and the link to
//! the next page, which keeps the search and filters.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::digits::to_persian_digits;
use crate::domain::workflow::machine::Folder as Which;
use crate::i18n::{t, use_i18n};
use crate::serverfns::cartable::{CartableFolder, CartableQuery};

/// A folder as a region named by its heading, with the seed's columns.
#[component]
pub fn Folder(folder: CartableFolder, asked: CartableQuery) -> impl IntoView {
    let i18n = use_i18n();
    let id = folder.folder.as_str().replace('_', "-");
    let heading = format!("folder-{id}");
    let labelled_by = heading.clone();
    let title = match folder.folder {
        Which::Awaiting => t!(i18n, cartable_folder_awaiting).into_any(),
        Which::InProgress => t!(i18n, cartable_folder_in_progress).into_any(),
        Which::Finished => t!(i18n, cartable_folder_finished).into_any(),
    };
    let next = folder.next.map(|after| {
        let page = CartableQuery {
            folder: folder.folder.as_str().to_owned(),
            after,
            ..asked.clone()
        };
        format!("/cartable?{}", page.to_query_string())
    });
    let only_this = CartableQuery {
        folder: folder.folder.as_str().to_owned(),
        after: String::new(),
        ..asked
    };
    let only_this = format!("/cartable?{}", only_this.to_query_string());
    let rows = folder.rows;
    view! {
        <section class="card folder" aria-labelledby=labelled_by>
            <h2 id=heading>
                <A href=only_this>{title}</A>
                " (" {to_persian_digits(&folder.total.to_string())} ")"
            </h2>
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
                                <th scope="col">{t!(i18n, cartable_status)}</th>
                                <th scope="col">{t!(i18n, cartable_report)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr class:overdue=r.overdue>
                                        <td>{r.requester}</td>
                                        <td><bdi dir="ltr">{r.tracking_code}</bdi></td>
                                        <td>{r.date}</td>
                                        <td>{r.waiting}</td>
                                        <td>{r.holder}</td>
                                        <td>{r.workflow}</td>
                                        <td>
                                            {r.status}
                                            {r.overdue.then(|| view! { " " <strong class="badge badge--overdue">{t!(i18n, cartable_overdue)}</strong> })}
                                        </td>
                                        <td><A href=r.link>{t!(i18n, cartable_open)}</A></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {next.map(|href| view! {
                <p class="pager"><A href=href attr:rel="next">{t!(i18n, cartable_next_page)}</A></p>
            })}
        </section>
    }
}
