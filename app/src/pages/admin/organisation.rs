use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::when::When;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::pages::form_memory::{query, remembered};
use crate::serverfns::admin::{AddPost, AddUnit, OrganisationTree, PostNode, UnitNode, load_organisation};

/// The organisation tree: the national organisation, provincial companies
/// and their units, each unit's posts with everyone who held them and when,
/// and forms to add a unit or a post. Administrators only; people move
/// between posts on the staff page.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let i18n = use_i18n();
    let add_unit = ServerAction::<AddUnit>::new();
    let add_post = ServerAction::<AddPost>::new();
    let tree = Resource::new(
        move || (add_unit.version().get(), add_post.version().get()),
        |_| load_organisation(),
    );
    // The forms are drawn anew only after a success, so a refused entry
    // stays typed, and a unit just added can take posts at once.
    let successes = RwSignal::new(0u32);
    // One watcher per form: a refusal in one never redraws the other.
    Effect::new(move || {
        if matches!(add_unit.value().get(), Some(Ok(()))) {
            successes.update(|n| *n += 1);
        }
    });
    Effect::new(move || {
        if matches!(add_post.value().get(), Some(Ok(()))) {
            successes.update(|n| *n += 1);
        }
    });
    let forms = Resource::new(move || successes.get(), |_| load_organisation());
    let changed = query("changed").is_some();
    let retired = query("retired").is_some();
    let added = query("added").is_some();
    let added = move || {
        added || matches!(add_unit.value().get(), Some(Ok(()))) || matches!(add_post.value().get(), Some(Ok(())))
    };
    view! {
        <h1>{t!(i18n, org_title)}</h1>
        <p class="lead">{t!(i18n, org_intro)} " " <A href="/admin/staff">{t!(i18n, nav_admin_staff)}</A></p>
        <Show when=added>
            <p class="status-ok" role="status">{t!(i18n, admin_staff_updated)}</p>
        </Show>
        {changed.then(|| view! { <p class="status-ok" role="status">{t!(i18n, org_changed)}</p> })}
        {retired.then(|| view! { <p class="status-ok" role="status">{t!(i18n, org_retired_done)}</p> })}
        <Transition>
            {move || tree.get().map(|answer| match answer {
                Ok(tree) => view! { <Tree tree /> }.into_any(),
                Err(e) => view! { <p class="notice">{e.to_string()} " " <A href="/login">{t!(i18n, nav_login)}</A></p> }.into_any(),
            })}
        </Transition>
        <Transition>
            {move || forms.get().and_then(Result::ok).map(|tree| view! {
                <UnitForm units=tree.open_units().cloned().collect() action=add_unit />
                <PostForm units=tree.open_units().cloned().collect() action=add_post />
            })}
        </Transition>
    }
}

/// A unit's name in the reader's language.
pub(super) fn unit_name(locale: Locale, u: &UnitNode) -> String {
    match locale {
        Locale::fa => u.name_fa.clone(),
        Locale::en => u.name_en.clone(),
    }
}

/// A post's title in the reader's language.
pub(super) fn post_title(locale: Locale, p: &PostNode) -> String {
    match locale {
        Locale::fa => p.title_fa.clone(),
        Locale::en => p.title_en.clone(),
    }
}

#[component]
fn Tree(tree: OrganisationTree) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <section class="card" aria-labelledby="org-tree">
            <h2 id="org-tree">{t!(i18n, org_tree)}</h2>
            <ul class="org-tree">
                {tree.units.into_iter().map(|u| {
                    let kind = match u.kind.as_str() {
                        "national" => t_string!(i18n, org_kind_national),
                        "provincial_company" => t_string!(i18n, org_kind_province),
                        _ => t_string!(i18n, org_kind_unit),
                    };
                    let name = unit_name(locale, &u);
                    let edit = format!("{} {name}", t_string!(i18n, org_edit));
                    view! {
                        <li class=format!("org-tree__unit org-tree__unit--depth-{}", u.depth.min(4)) data-code=u.code.clone()
                            class:org-tree__retired=u.retired_at.is_some()>
                            <h3>{name.clone()} <span class="org-tree__kind">" (" {kind} ")"</span></h3>
                            {match u.retired_at {
                                Some(at) => view! { <p class="hint">{t!(i18n, org_retired)} " " <When instant=at /></p> }.into_any(),
                                None => view! { <p><A href=format!("/admin/organisation/units/{}", u.id) attr:aria-label=edit>{t!(i18n, org_edit)}</A></p> }.into_any(),
                            }}
                            {(!u.posts.is_empty()).then(|| view! {
                                <ul class="org-tree__posts">
                                    {u.posts.iter().map(|p| view! {
                                        <li class:org-tree__retired=p.retired_at.is_some()>
                                            <strong>{post_title(locale, p)}</strong>
                                            " " <bdi dir="ltr" class="hint">{p.code.clone()}</bdi>
                                            {match p.retired_at {
                                                Some(at) => view! { " · " <span class="hint">{t!(i18n, org_retired)} " " <When instant=at /></span> }.into_any(),
                                                None => {
                                                    let edit = format!("{} {}", t_string!(i18n, org_edit), post_title(locale, p));
                                                    view! { " · " <A href=format!("/admin/organisation/posts/{}", p.id) attr:aria-label=edit>{t!(i18n, org_edit)}</A> }.into_any()
                                                }
                                            }}
                                            {if p.holders.is_empty() {
                                                view! { <p class="hint">{t!(i18n, org_vacant)}</p> }.into_any()
                                            } else {
                                                view! {
                                                    <ul class="org-tree__holders" aria-label=t_string!(i18n, org_holders)>
                                                        {p.holders.iter().map(|h| view! {
                                                            <li>
                                                                {h.name.clone()} " · " <When instant=h.started_at /> " – "
                                                                {match h.ended_at {
                                                                    Some(end) => view! { <When instant=end /> }.into_any(),
                                                                    None => view! { <span>{t!(i18n, org_now)}</span> }.into_any(),
                                                                }}
                                                            </li>
                                                        }).collect_view()}
                                                    </ul>
                                                }.into_any()
                                            }}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
fn UnitForm(units: Vec<UnitNode>, action: ServerAction<AddUnit>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let error = move || action.value().get().and_then(Result::err);
    let message = move |field: &'static str| move || error().and_then(|e| e.message_for(field));
    let mut kept = remembered("unit");
    let [parent, kind, code, name_fa, name_en] =
        ["parent_id", "kind", "code", "name_fa", "name_en"].map(|f| kept.remove(f).unwrap_or_default());
    view! {
        <section class="card form-card" aria-labelledby="org-new-unit">
            <h2 id="org-new-unit">{t!(i18n, org_new_unit)}</h2>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <div class="field">
                    <label for="unit-parent">{t!(i18n, org_parent)}</label>
                    <select id="unit-parent" name="parent_id">
                        {units.iter().map(|u| view! {
                            <option value=u.id.to_string() selected=parent == u.id.to_string()>{unit_name(locale, u)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field" class:field--invalid=move || message("kind")().is_some()>
                    <label for="unit-kind">{t!(i18n, org_kind)}</label>
                    <select id="unit-kind" name="kind" aria-describedby="unit-kind-error">
                        <option value="unit">{t!(i18n, org_kind_unit)}</option>
                        <option value="provincial_company" selected=kind == "provincial_company">{t!(i18n, org_kind_province)}</option>
                    </select>
                    <p class="field__error" id="unit-kind-error">{message("kind")}</p>
                </div>
                <Plain name="code" id="unit-code" label=t_string!(i18n, org_code).to_owned() value=code error=Signal::derive(message("code")) ltr=true />
                <Plain name="name_fa" id="unit-name-fa" label=t_string!(i18n, org_name_fa).to_owned() value=name_fa error=Signal::derive(message("name_fa")) />
                <Plain name="name_en" id="unit-name-en" label=t_string!(i18n, org_name_en).to_owned() value=name_en error=Signal::derive(message("name_en")) ltr=true />
                <button type="submit" class="button">{t!(i18n, org_add_unit)}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

#[component]
fn PostForm(units: Vec<UnitNode>, action: ServerAction<AddPost>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let error = move || action.value().get().and_then(Result::err);
    let message = move |field: &'static str| move || error().and_then(|e| e.message_for(field));
    let mut kept = remembered("post");
    let [unit, code, title_fa, title_en] =
        ["unit_id", "code", "title_fa", "title_en"].map(|f| kept.remove(f).unwrap_or_default());
    view! {
        <section class="card form-card" aria-labelledby="org-new-post">
            <h2 id="org-new-post">{t!(i18n, org_new_post)}</h2>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <div class="field">
                    <label for="post-unit">{t!(i18n, org_unit)}</label>
                    <select id="post-unit" name="unit_id">
                        {units.iter().map(|u| view! {
                            <option value=u.id.to_string() selected=unit == u.id.to_string()>{unit_name(locale, u)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Plain name="code" id="post-code" label=t_string!(i18n, org_code).to_owned() value=code error=Signal::derive(message("code")) ltr=true />
                <Plain name="title_fa" id="post-title-fa" label=t_string!(i18n, org_post_fa).to_owned() value=title_fa error=Signal::derive(message("title_fa")) />
                <Plain name="title_en" id="post-title-en" label=t_string!(i18n, org_post_en).to_owned() value=title_en error=Signal::derive(message("title_en")) ltr=true />
                <button type="submit" class="button">{t!(i18n, org_add_post)}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// A text input whose error shows beside it.
#[component]
pub(super) fn Plain(
    name: &'static str,
    id: &'static str,
    label: String,
    value: String,
    error: Signal<Option<String>>,
    #[prop(default = false)] ltr: bool,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            <input id=id name=name type="text" value=value dir=if ltr { "ltr" } else { "auto" }
                aria-invalid=move || error.get().map(|_| "true") aria-describedby=error_id.clone() />
            <p class="field__error" id=error_id>{move || error.get()}</p>
        </div>
    }
}
