//! The administrators' pages for both registers (service cards and permit
//! cards): the list with drafts, and the editor of one card. The editor is
//! one plain multipart form that works without JavaScript: a refused save
//! comes back exactly as typed, with a summary of the problems linking to
//! each field and a message beside it.

mod permit_fields;
mod service_fields;
mod widgets;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::labels::{field_label, number, pick};
use crate::components::when::When;
use crate::domain::catalogue::form::{Fields, used_sections};
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::form_memory::query;
use crate::serverfns::catalogue::{
    CardEditor, CardKind, CreateCard, DiscardCardEdit, PublishCard, RevisionView, admin_cards, load_card_editor,
};
use permit_fields::PermitFields;
use service_fields::{ServiceFields, SubServiceFields};
use widgets::{Values, id_of};

/// The services, drafts included.
#[component]
pub fn AdminServicesPage() -> impl IntoView {
    view! { <AdminCardsPage kind=CardKind::Service /> }
}

/// The permits of the register, drafts included.
#[component]
pub fn AdminPermitsPage() -> impl IntoView {
    view! { <AdminCardsPage kind=CardKind::Permit /> }
}

/// A service card's editor.
#[component]
pub fn ServiceEditorPage() -> impl IntoView {
    view! { <CardEditorPage kind=CardKind::Service /> }
}

/// A permit card's editor.
#[component]
pub fn PermitEditorPage() -> impl IntoView {
    view! { <CardEditorPage kind=CardKind::Permit /> }
}

/// Every card of a register with its state, and a button to start a new one.
#[component]
fn AdminCardsPage(kind: CardKind) -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateCard>::new();
    let list = OnceResource::new(admin_cards(kind));
    let permit = kind == CardKind::Permit;
    let title = move || {
        if permit {
            t_string!(i18n, admin_permits_title)
        } else {
            t_string!(i18n, admin_services_title)
        }
    };
    let name = move || {
        if permit {
            t_string!(i18n, admin_permits_name)
        } else {
            t_string!(i18n, admin_services_name)
        }
    };
    view! {
        <h1>{title}</h1>
        <Suspense>
            {move || list.get().map(|answer| match answer {
                Ok(rows) => view! {
                    <ActionForm action=create>
                        <input type="hidden" name="kind" value=kind.as_str() />
                        <button type="submit" class="button">
                            {if permit { t_string!(i18n, admin_permits_new) } else { t_string!(i18n, admin_services_new) }}
                        </button>
                    </ActionForm>
                    <div class="table-wrap">
                        <table class="cartable stacked-table">
                            <thead><tr>
                                <th scope="col">{name()}</th>
                                <th scope="col">{t!(i18n, admin_staff_state)}</th>
                                <th scope="col">{t!(i18n, admin_services_updated)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let title = if r.title.is_empty() { t_string!(i18n, admin_services_untitled).to_owned() } else { r.title.clone() };
                                    let state = match (r.published, r.pending) {
                                        (_, true) => t_string!(i18n, admin_services_pending),
                                        (true, false) => t_string!(i18n, admin_services_published),
                                        (false, false) => t_string!(i18n, admin_services_draft),
                                    };
                                    view! {
                                        <tr>
                                            <td data-label=name()><A href=format!("{}/{}", kind.admin_path(), r.id)>{title}</A></td>
                                            <td data-label=t_string!(i18n, admin_staff_state)>{state}</td>
                                            <td data-label=t_string!(i18n, admin_services_updated)><When instant=r.updated_at /></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
                Err(e) => view! { <p class="notice">{e.to_string()} " " <A href="/login">{t!(i18n, nav_login)}</A></p> }.into_any(),
            })}
        </Suspense>
    }
}

/// The editor of one card, its publishing and its history.
#[component]
fn CardEditorPage(kind: CardKind) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").and_then(|id| id.parse::<i32>().ok()));
    let publish = ServerAction::<PublishCard>::new();
    let discard = ServerAction::<DiscardCardEdit>::new();
    // Read again after publishing or discarding: with the client, the
    // redirect to this same page does not draw it anew.
    let editor = Resource::new(
        move || (publish.version().get(), discard.version().get()),
        move |_| async move {
            match id {
                Some(id) => load_card_editor(kind, id).await,
                None => Err(crate::errors::AppError::NotFound),
            }
        },
    );
    let saved = query("saved").is_some();
    let conflict = query("conflict").is_some();
    let published_query = query("published");
    let published = move || match publish.value().get() {
        Some(Ok(())) => editor.get().and_then(Result::ok).map(|e| e.published.to_string()),
        _ => published_query.clone(),
    };
    let permit = kind == CardKind::Permit;
    view! {
        <h1>{if permit { t_string!(i18n, admin_permits_edit) } else { t_string!(i18n, admin_services_edit) }}</h1>
        <p><A href=kind.admin_path()>{if permit { t_string!(i18n, admin_permits_title) } else { t_string!(i18n, admin_services_title) }}</A></p>
        {saved.then(|| view! { <p class="status-ok" role="status">{t!(i18n, admin_services_saved)}</p> })}
        {conflict.then(|| view! { <p class="form__error" role="alert">{t!(i18n, admin_services_conflict)}</p> })}
        {move || published().map(|p| {
            let text = match (p == "true", permit) {
                (true, false) => t_string!(i18n, admin_services_now_public),
                (false, false) => t_string!(i18n, admin_services_now_hidden),
                (true, true) => t_string!(i18n, admin_permits_now_public),
                (false, true) => t_string!(i18n, admin_permits_now_hidden),
            };
            view! { <p class="status-ok" role="status">{text}</p> }
        })}
        <Transition>
            {move || editor.get().map(|answer| match answer {
                Ok(editor) => view! { <Editor editor publish discard /> }.into_any(),
                Err(e) => view! { <p class="notice" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Editor(
    editor: CardEditor,
    publish: ServerAction<PublishCard>,
    discard: ServerAction<DiscardCardEdit>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let kind = editor.kind;
    let values = Values {
        problems: editor.problems.iter().cloned().collect(),
        fields: editor.fields.clone(),
        locale,
    };
    let publish_error = move || publish.value().get().and_then(Result::err).map(|e| e.to_string());
    let problems = editor.problems.clone();
    let pending = editor.pending;
    let id = editor.id;
    view! {
        {(!problems.is_empty()).then(|| view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
                <h2 id="error-summary-title">{t!(i18n, admin_services_problems)}</h2>
                <ul>
                    {problems.iter().map(|(field, message)| view! {
                        <li><a href=format!("#{}", id_of(field))>{field_label(kind, locale, field)} ": " {message.clone()}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        })}
        <section class="card editor-state" aria-labelledby="editor-state">
            <h2 id="editor-state">{t!(i18n, admin_staff_state)}</h2>
            <p>{if editor.published { t_string!(i18n, admin_services_published) } else { t_string!(i18n, admin_services_draft) }}
                " · " <A href=format!("{}/{id}", kind.public_path())>{t!(i18n, admin_services_view)}</A></p>
            <ActionForm action=publish attr:class="inline-form">
                <input type="hidden" name="kind" value=kind.as_str() />
                <input type="hidden" name="id" value=id.to_string() />
                <input type="hidden" name="published" value=(!editor.published).to_string() />
                <button type="submit" class="button button--secondary">
                    {if editor.published { t_string!(i18n, admin_services_unpublish) } else { t_string!(i18n, admin_services_publish) }}
                </button>
            </ActionForm>
            {move || publish_error().map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
            {pending.then(|| view! {
                <ActionForm action=discard attr:class="inline-form">
                    <input type="hidden" name="kind" value=kind.as_str() />
                    <input type="hidden" name="id" value=id.to_string() />
                    <button type="submit" class="button button--secondary">{t!(i18n, admin_services_discard)}</button>
                </ActionForm>
            })}
        </section>
        {(kind == CardKind::Service).then(|| view! { <FormLinks id fields=editor.fields.clone() /> })}
        <form method="post" action="/api/catalogue/save" enctype="multipart/form-data" class="form card form-card--wide" novalidate=true>
            <input type="hidden" name="card" value=kind.as_str() />
            <input type="hidden" name="id" value=id.to_string() />
            <input type="hidden" name="revision" value=editor.revision.to_string() />
            {match kind {
                CardKind::Service => view! { <ServiceCardFields values=values.clone() /> }.into_any(),
                CardKind::Permit => view! { <PermitFields values=values.clone() services=editor.services.clone() /> }.into_any(),
            }}
            <div class="form__actions">
                <button type="submit" class="button">{t!(i18n, admin_services_save)}</button>
            </div>
        </form>
        <History kind history=editor.history />
    }
    .into_any()
}

/// Each sub-service's link to the designer of its electronic form and workflow.
#[component]
fn FormLinks(id: i32, fields: Fields) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let subs: Vec<(String, String)> = (0..used_sections(&fields))
        .filter_map(|i| {
            let one = |name: &str| fields.get(&format!("s{i}.{name}")).and_then(|v| v.first()).cloned();
            Some((one("code").filter(|c| !c.is_empty())?, one("title").unwrap_or_default()))
        })
        .collect();
    view! {
        <section class="card" aria-labelledby="service-forms">
            <h2 id="service-forms">{pick(locale, "فرم‌های الکترونیکی و گردش کار", "Electronic forms and workflows")}</h2>
            <ul>
                {subs.into_iter().map(|(code, title)| view! {
                    <li><A href=format!("/admin/services/{id}/forms/{code}")>{format!("{title} ({code})")}</A></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// A service card's fields: the service, each sub-service, and a closed
/// section for a new one.
#[component]
fn ServiceCardFields(values: Values) -> impl IntoView {
    let i18n = use_i18n();
    let subs = used_sections(&values.fields).max(1);
    view! {
        <ServiceFields values=values.clone() />
        {(0..subs).map(|i| view! { <SubServiceFields values=values.clone() index=i open=true /> }).collect_view()}
        <details class="subform">
            <summary>{t!(i18n, admin_services_add_sub)}</summary>
            <SubServiceFields values=values.clone() index=subs open=false />
        </details>
    }
    .into_any()
}

#[component]
fn History(kind: CardKind, history: Vec<RevisionView>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <section class="card" aria-labelledby="service-history">
            <h2 id="service-history">{t!(i18n, admin_services_history)}</h2>
            <div class="table-wrap">
                <table class="history stacked-table">
                    <thead><tr>
                        <th scope="col">{t!(i18n, admin_services_revision)}</th>
                        <th scope="col">{t!(i18n, admin_services_action)}</th>
                        <th scope="col">{t!(i18n, admin_services_by)}</th>
                        <th scope="col">{t!(i18n, admin_services_when)}</th>
                        <th scope="col">{t!(i18n, admin_services_changed)}</th>
                    </tr></thead>
                    <tbody>
                        {history.into_iter().map(|h| {
                            let action = match h.action.as_str() {
                                "created" => t_string!(i18n, admin_services_created),
                                "published" => t_string!(i18n, admin_services_published_action),
                                "unpublished" => t_string!(i18n, admin_services_unpublished_action),
                                _ => t_string!(i18n, admin_services_edited),
                            };
                            let changed: Vec<String> = h.changed.iter().map(|c| field_label(kind, locale, c)).collect();
                            view! {
                                <tr>
                                    <td data-label=t_string!(i18n, admin_services_revision)>{number(locale, u64::try_from(h.revision).unwrap_or(0))}</td>
                                    <td data-label=t_string!(i18n, admin_services_action)>{action}</td>
                                    <td data-label=t_string!(i18n, admin_services_by)>{h.by.clone()}</td>
                                    <td data-label=t_string!(i18n, admin_services_when)><When instant=h.at /></td>
                                    <td data-label=t_string!(i18n, admin_services_changed)>{changed.join("، ")}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
