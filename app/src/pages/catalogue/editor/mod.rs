//! The administrators' service pages: the list with drafts, and the editor
//! of one card. The editor is one plain multipart form that works without
//! JavaScript: a refused save comes back exactly as typed, with a summary
//! of the problems linking to each field and a message beside it.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::labels::{field_label, label, number, pick};
use crate::components::when::When;
use crate::domain::catalogue::choices::{
    Channel, Frequency, Level, LifeEvent, Nature, Period, ServiceKind, Stage, Trigger, VisitReason,
};
use crate::domain::catalogue::form::{Fields, used_rows, used_sections};
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::pages::accounts::query;
use crate::serverfns::catalogue::{
    CreateService, DiscardServiceEdit, PublishService, RevisionView, ServiceEditor, admin_services, load_service_editor,
};

/// Every service with its state, and a button to start a new one.
#[component]
pub fn AdminServicesPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateService>::new();
    let list = OnceResource::new(admin_services());
    view! {
        <h1>{t!(i18n, admin_services_title)}</h1>
        <Suspense>
            {move || list.get().map(|answer| match answer {
                Ok(rows) => view! {
                    <ActionForm action=create>
                        <button type="submit" class="button">{t!(i18n, admin_services_new)}</button>
                    </ActionForm>
                    <div class="table-wrap">
                        <table class="cartable stacked-table">
                            <thead><tr>
                                <th scope="col">{t!(i18n, admin_services_name)}</th>
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
                                            <td data-label=t_string!(i18n, admin_services_name)><A href=format!("/admin/services/{}", r.id)>{title}</A></td>
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

/// The editor of one service card, its publishing and its history.
#[component]
pub fn ServiceEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").and_then(|id| id.parse::<i32>().ok()));
    let publish = ServerAction::<PublishService>::new();
    let discard = ServerAction::<DiscardServiceEdit>::new();
    // Read again after publishing or discarding: with the client, the
    // redirect to this same page does not draw it anew.
    let editor = Resource::new(
        move || (publish.version().get(), discard.version().get()),
        move |_| async move {
            match id {
                Some(id) => load_service_editor(id).await,
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
    view! {
        <h1>{t!(i18n, admin_services_edit)}</h1>
        <p><A href="/admin/services">{t!(i18n, admin_services_title)}</A></p>
        {saved.then(|| view! { <p class="status-ok" role="status">{t!(i18n, admin_services_saved)}</p> })}
        {conflict.then(|| view! { <p class="form__error" role="alert">{t!(i18n, admin_services_conflict)}</p> })}
        {move || published().map(|p| view! {
            <p class="status-ok" role="status">{if p == "true" { t_string!(i18n, admin_services_now_public) } else { t_string!(i18n, admin_services_now_hidden) }}</p>
        })}
        <Transition>
            {move || editor.get().map(|answer| match answer {
                Ok(editor) => view! { <Editor editor publish discard /> }.into_any(),
                Err(e) => view! { <p class="notice" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </Transition>
    }
}

/// What every field of the editor reads: the values shown and the problems.
#[derive(Clone)]
struct Values {
    fields: Fields,
    problems: HashMap<String, String>,
    locale: Locale,
}

impl Values {
    fn one(&self, key: &str) -> String {
        self.fields
            .get(key)
            .and_then(|v| v.first())
            .cloned()
            .unwrap_or_default()
    }

    fn has(&self, key: &str, value: &str) -> bool {
        self.fields.get(key).is_some_and(|v| v.iter().any(|x| x == value))
    }

    fn problem(&self, key: &str) -> Option<String> {
        self.problems.get(key).cloned()
    }
}

/// The last part of a field's name ("desk.address" → "address").
fn last(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

/// An input's id from its posted name.
fn id_of(key: &str) -> String {
    format!("f-{}", key.replace('.', "-"))
}

#[component]
fn Editor(
    editor: ServiceEditor,
    publish: ServerAction<PublishService>,
    discard: ServerAction<DiscardServiceEdit>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let values = Values {
        problems: editor.problems.iter().cloned().collect(),
        fields: editor.fields.clone(),
        locale,
    };
    let publish_error = move || publish.value().get().and_then(Result::err).map(|e| e.to_string());
    let subs = used_sections(&editor.fields);
    let problems = editor.problems.clone();
    let pending = editor.pending;
    let id = editor.id;
    view! {
        {(!problems.is_empty()).then(|| view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
                <h2 id="error-summary-title">{t!(i18n, admin_services_problems)}</h2>
                <ul>
                    {problems.iter().map(|(field, message)| view! {
                        <li><a href=format!("#{}", id_of(field))>{field_label(locale, field)} ": " {message.clone()}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        })}
        <section class="card editor-state" aria-labelledby="editor-state">
            <h2 id="editor-state">{t!(i18n, admin_staff_state)}</h2>
            <p>{if editor.published { t_string!(i18n, admin_services_published) } else { t_string!(i18n, admin_services_draft) }}
                " · " <A href=format!("/catalogue/{id}")>{t!(i18n, admin_services_view)}</A></p>
            <ActionForm action=publish attr:class="inline-form">
                <input type="hidden" name="id" value=id.to_string() />
                <input type="hidden" name="published" value=(!editor.published).to_string() />
                <button type="submit" class="button button--secondary">
                    {if editor.published { t_string!(i18n, admin_services_unpublish) } else { t_string!(i18n, admin_services_publish) }}
                </button>
            </ActionForm>
            {move || publish_error().map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
            {pending.then(|| view! {
                <ActionForm action=discard attr:class="inline-form">
                    <input type="hidden" name="id" value=id.to_string() />
                    <button type="submit" class="button button--secondary">{t!(i18n, admin_services_discard)}</button>
                </ActionForm>
            })}
        </section>
        <form method="post" action="/api/catalogue/save" enctype="multipart/form-data" class="form card form-card--wide" novalidate=true>
            <input type="hidden" name="id" value=id.to_string() />
            <input type="hidden" name="revision" value=editor.revision.to_string() />
            <ServiceFields values=values.clone() />
            {(0..subs.max(1)).map(|i| view! { <SubServiceFields values=values.clone() index=i open=true /> }).collect_view()}
            <details class="subform">
                <summary>{t!(i18n, admin_services_add_sub)}</summary>
                <SubServiceFields values=values.clone() index=subs.max(1) open=false />
            </details>
            <div class="form__actions">
                <button type="submit" class="button">{t!(i18n, admin_services_save)}</button>
            </div>
        </form>
        <History history=editor.history />
    }
    .into_any()
}

/// A text input or text area with its label, hint and error beside it.
#[component]
fn Input(
    values: Values,
    key: String,
    label: String,
    #[prop(default = false)] long: bool,
    #[prop(default = false)] required: bool,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let id = id_of(&key);
    let error = values.problem(&key);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described: Vec<String> = [
        hint.as_ref().map(|_| hint_id.clone()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let value = values.one(&key);
    let has_error = error.is_some();
    let invalid = has_error.then_some("true");
    view! {
        <div class="field" class:field--invalid=has_error>
            <label for=id.clone()>{label} {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {if long {
                view! { <textarea id=id name=key rows="4" dir="auto" aria-invalid=invalid aria-describedby=described>{value}</textarea> }.into_any()
            } else {
                view! { <input id=id name=key type="text" value=value dir="auto" inputmode=inputmode aria-invalid=invalid aria-describedby=described /> }.into_any()
            }}
            {error.map(|m| view! { <p class="field__error" id=error_id>{m}</p> })}
        </div>
    }
    .into_any()
}

/// A select of one group of choices.
#[component]
fn Choose(values: Values, key: String, label: String, options: Vec<(&'static str, &'static str)>) -> impl IntoView {
    let id = id_of(&key);
    let error = values.problem(&key);
    let error_id = format!("{id}-error");
    let chosen = values.one(&key);
    let has_error = error.is_some();
    let described = has_error.then(|| error_id.clone());
    view! {
        <div class="field" class:field--invalid=has_error>
            <label for=id.clone()>{label} <span class="required" aria-hidden="true">" *"</span></label>
            <select id=id name=key aria-invalid=has_error.then_some("true") aria-describedby=described>
                <option value="">"—"</option>
                {options.into_iter().map(|(value, title)| view! { <option value=value selected=chosen == value>{title}</option> }).collect_view()}
            </select>
            {error.map(|m| view! { <p class="field__error" id=error_id>{m}</p> })}
        </div>
    }
    .into_any()
}

/// Check boxes for several choices of one group.
#[component]
fn Several(values: Values, key: String, label: String, options: Vec<(&'static str, &'static str)>) -> impl IntoView {
    let id = id_of(&key);
    let error = values.problem(&key);
    let error_id = format!("{id}-error");
    let has_error = error.is_some();
    let described = has_error.then(|| error_id.clone());
    view! {
        <fieldset class="choice" id=id class:field--invalid=has_error aria-describedby=described>
            <legend>{label}</legend>
            <div class="choice__grid">
                {options.into_iter().map(|(value, title)| view! {
                    <label class="choice__option">
                        <input type="checkbox" name=key.clone() value=value checked=values.has(&key, value) />
                        {title}
                    </label>
                }).collect_view()}
            </div>
            {error.map(|m| view! { <p class="field__error" id=error_id>{m}</p> })}
        </fieldset>
    }
    .into_any()
}

/// One check box.
#[component]
fn Check(values: Values, key: String, label: String) -> impl IntoView {
    let checked = !values.one(&key).is_empty();
    view! {
        <label class="choice__option">
            <input type="checkbox" name=key value="on" checked=checked />
            {label}
        </label>
    }
}

/// The options of a group of choices in the reader's language.
macro_rules! options {
    ($locale:expr, $choice:ty) => {
        <$choice>::ALL
            .iter()
            .map(|c| (c.as_str(), pick($locale, c.title_fa(), c.title_en())))
            .collect::<Vec<_>>()
    };
}

#[component]
fn ServiceFields(values: Values) -> impl IntoView {
    let l = values.locale;
    let i18n = use_i18n();
    let v = values.clone();
    let text = move |key: &str, required: bool| view! { <Input values=v.clone() key=key.to_owned() label=label(l, key).to_owned() required /> };
    view! {
        <fieldset class="subform">
            <legend>{t!(i18n, admin_services_general)}</legend>
            {text("title", true)}
            <Input values=values.clone() key="national_id".into() label=label(l, "national_id").into() inputmode="numeric"
                hint=t_string!(i18n, admin_services_national_id_hint).to_owned() />
            {text("provider", true)}
            {text("parent_agency", false)}
            <Input values=values.clone() key="description".into() label=label(l, "description").into() long=true required=true />
            <Choose values=values.clone() key="kind".into() label=label(l, "kind").into() options=options!(l, ServiceKind) />
            {text("audience", false)}
            <Choose values=values.clone() key="nature".into() label=label(l, "nature").into() options=options!(l, Nature) />
            <Choose values=values.clone() key="level".into() label=label(l, "level").into() options=options!(l, Level) />
            <Several values=values.clone() key="life_events".into() label=label(l, "life_events").into() options=options!(l, LifeEvent) />
        </fieldset>
    }
    .into_any()
}

#[component]
fn SubServiceFields(values: Values, index: usize, open: bool) -> impl IntoView {
    let l = values.locale;
    let i18n = use_i18n();
    let k = move |name: &str| format!("s{index}.{name}");
    let lines_hint = t_string!(i18n, admin_services_lines_hint).to_owned();
    let v = values.clone();
    let input = move |name: &str, required: bool| {
        view! { <Input values=v.clone() key=k(name) label=label(l, last(name)).to_owned() required /> }
    };
    let v = values.clone();
    let hint = lines_hint.clone();
    let list = move |name: &str, required: bool| {
        view! { <Input values=v.clone() key=k(name) label=label(l, last(name)).to_owned() long=true required hint=hint.clone() /> }
    };
    let legend = format!(
        "{} {}",
        t_string!(i18n, catalogue_sub_service),
        number(l, index as u64 + 1)
    );
    let fee_rows = used_rows(&values.fields, &k("fee")) + 1;
    let int_rows = used_rows(&values.fields, &k("int")) + 1;
    let ext_rows = used_rows(&values.fields, &k("ext")) + 1;
    view! {
        <fieldset class="subform" data-open=open.to_string()>
            <legend>{legend}</legend>
            {view! {
                {input("code", true)}
                {input("title", true)}
                <Input values=values.clone() key=k("description") label=label(l, "description").into() long=true />
                <Choose values=values.clone() key=k("trigger") label=label(l, "trigger").into() options=options!(l, Trigger) />
                {list("documents", false)}
                {list("laws", false)}
                <Input values=values.clone() key=k("recipients") label=label(l, "recipients").into() inputmode="numeric" />
                <Choose values=values.clone() key=k("recipients_per") label=label(l, "recipients_per").into() options=options!(l, Period) />
                {input("average_duration", true)}
                <Choose values=values.clone() key=k("frequency") label=label(l, "frequency").into() options=options!(l, Frequency) />
                <Input values=values.clone() key=k("visits") label=label(l, "visits").into() inputmode="numeric" />
                {input("web_address", false)}
                {input("system_name", false)}
                {list("processes", true)}
            }.into_any()}
            <fieldset class="subform">
                <legend>{label(l, "fees")}</legend>
                {(0..fee_rows).map(|j| {
                    let p = |name: &str| k(&format!("fee{j}.{name}"));
                    view! {
                        <div class="row-group">
                            <Input values=values.clone() key=p("title") label=t_string!(i18n, catalogue_fee_title).to_owned() />
                            <Input values=values.clone() key=p("amount") label=label(l, "amount").into() inputmode="numeric" />
                            <Input values=values.clone() key=p("account") label=label(l, "account").into() />
                            <Input values=values.clone() key=p("legal_basis") label=label(l, "legal_basis").into() />
                        </div>
                    }
                }).collect_view()}
                <Check values=values.clone() key=k("paid_electronically") label=label(l, "paid_electronically").into() />
            </fieldset>
            <fieldset class="subform">
                <legend>{t!(i18n, catalogue_stages)}</legend>
                {Stage::ALL.iter().map(|stage| {
                    let s = |name: &str| k(&format!("{}.{name}", stage.as_str()));
                    view! {
                        <fieldset class="subform">
                            <legend>{pick(l, stage.title_fa(), stage.title_en())}</legend>
                            <Check values=values.clone() key=s("electronic") label=label(l, "electronic").into() />
                            <Several values=values.clone() key=s("channels") label=label(l, "channels").into() options=options!(l, Channel) />
                            <Choose values=values.clone() key=s("visit_reason") label=label(l, "visit_reason").into() options=options!(l, VisitReason) />
                        </fieldset>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="subform">
                <legend>{t!(i18n, catalogue_inquiries)}</legend>
                {(0..int_rows).map(|j| {
                    let p = |name: &str| k(&format!("int{j}.{name}"));
                    view! {
                        <div class="row-group">
                            <Input values=values.clone() key=p("system") label=format!("{} ({})", label(l, "system"), t_string!(i18n, catalogue_same_agency)) />
                            <Input values=values.clone() key=p("fields") label=label(l, "fields").into() />
                            <Check values=values.clone() key=p("online") label=label(l, "online").into() />
                        </div>
                    }
                }).collect_view()}
                {(0..ext_rows).map(|j| {
                    let p = |name: &str| k(&format!("ext{j}.{name}"));
                    view! {
                        <div class="row-group">
                            <Input values=values.clone() key=p("agency") label=label(l, "agency").into() />
                            <Input values=values.clone() key=p("system") label=label(l, "system").into() />
                            <Input values=values.clone() key=p("fields") label=label(l, "fields").into() />
                            <Check values=values.clone() key=p("online") label=label(l, "online").into() />
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="subform">
                <legend>{t!(i18n, catalogue_desk)}</legend>
                {input("desk.address", true)}
                {input("desk.hours", false)}
                {input("desk.unit", true)}
                {list("desk.steps", true)}
                {list("desk.forms", false)}
                {input("desk.responsible", true)}
                {input("desk.contact", true)}
            </fieldset>
        </fieldset>
    }
    .into_any()
}

#[component]
fn History(history: Vec<RevisionView>) -> impl IntoView {
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
                            let changed: Vec<String> = h.changed.iter().map(|c| field_label(locale, c)).collect();
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
