//! Changing one unit or post of the organisation: its names, where it sits,
//! and closing it. A page each, reached from the tree, so the forms work the
//! same with and without JavaScript and a refused change keeps what was typed.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::organisation::{Plain, post_title, unit_name};
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::form_memory::remembered;
use crate::serverfns::admin::{
    ChangePost, ChangeUnit, OrganisationTree, RetirePost, RetireUnit, UnitNode, load_organisation,
};

/// The id in the page's address.
fn id_param() -> Option<i32> {
    use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse().ok()))
}

/// Whether a unit of `kind` may sit under `parent` (the server checks again).
fn fits_under(parent: &UnitNode, kind: &str) -> bool {
    parent.kind == "national" || kind == "unit"
}

/// A unit's page: rename, move under another open unit, or close it.
#[component]
pub fn UnitEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let tree = OnceResource::new(load_organisation());
    let id = id_param();
    view! {
        <h1>{t!(i18n, org_edit_unit)}</h1>
        <p><A href="/admin/organisation">{t!(i18n, org_back)}</A></p>
        <Suspense>
            {move || tree.get().map(|answer| {
                let found = answer.map(|tree| {
                    let unit = tree.units.iter().find(|u| Some(u.id) == id && u.retired_at.is_none()).cloned();
                    (tree, unit)
                });
                match found {
                    Ok((tree, Some(unit))) => view! { <UnitForms tree unit /> }.into_any(),
                    Ok((_, None)) => view! { <p class="notice" role="alert">{t!(i18n, org_not_open)}</p> }.into_any(),
                    Err(e) => view! { <p class="notice" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn UnitForms(tree: OrganisationTree, unit: UnitNode) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let change = ServerAction::<ChangeUnit>::new();
    let retire = ServerAction::<RetireUnit>::new();
    let error = move || change.value().get().and_then(Result::err);
    let message = move |field: &'static str| move || error().and_then(|e| e.message_for(field));
    let retire_error = move || retire.value().get().and_then(Result::err).map(|e| e.to_string());
    let mut kept = remembered("unit-change");
    let name_fa = kept.remove("name_fa").unwrap_or_else(|| unit.name_fa.clone());
    let name_en = kept.remove("name_en").unwrap_or_else(|| unit.name_en.clone());
    let parents: Vec<UnitNode> = tree
        .open_units()
        .filter(|p| !tree.is_within(p.id, unit.id) && fits_under(p, &unit.kind))
        .cloned()
        .collect();
    let parent_id = unit.parent_id;
    view! {
        <section class="card form-card" aria-labelledby="unit-change">
            <h2 id="unit-change">{unit_name(locale, &unit)} " " <bdi dir="ltr" class="hint">{unit.code.clone()}</bdi></h2>
            <ActionForm action=change attr:class="form" attr:novalidate=true>
                <input type="hidden" name="unit_id" value=unit.id.to_string() />
                {match parent_id {
                    Some(current) => view! {
                        <div class="field" class:field--invalid=move || message("parent_id")().is_some()>
                            <label for="unit-parent">{t!(i18n, org_parent)}</label>
                            <select id="unit-parent" name="parent_id" aria-describedby="unit-parent-error"
                                aria-invalid=move || message("parent_id")().map(|_| "true")>
                                {parents.iter().map(|p| view! {
                                    <option value=p.id.to_string() selected=p.id == current>{unit_name(locale, p)}</option>
                                }).collect_view()}
                            </select>
                            <p class="field__error" id="unit-parent-error">{message("parent_id")}</p>
                        </div>
                    }.into_any(),
                    // The national organisation is the root: it has no parent.
                    None => view! { <input type="hidden" name="parent_id" value=unit.id.to_string() /> }.into_any(),
                }}
                <Plain name="name_fa" id="unit-name-fa" label=t_string!(i18n, org_name_fa).to_owned() value=name_fa error=Signal::derive(message("name_fa")) />
                <Plain name="name_en" id="unit-name-en" label=t_string!(i18n, org_name_en).to_owned() value=name_en error=Signal::derive(message("name_en")) ltr=true />
                <button type="submit" class="button">{t!(i18n, org_save)}</button>
            </ActionForm>
        </section>
        {parent_id.is_some().then(|| view! {
            <section class="card form-card" aria-labelledby="unit-retire">
                <h2 id="unit-retire">{t!(i18n, org_retire_unit)}</h2>
                <p class="hint">{t!(i18n, org_retire_unit_hint)}</p>
                <ActionForm action=retire attr:class="inline-form">
                    <input type="hidden" name="unit_id" value=unit.id.to_string() />
                    <button type="submit" class="button button--secondary">{t!(i18n, org_retire_unit)}</button>
                </ActionForm>
                {move || retire_error().map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
            </section>
        })}
    }
    .into_any()
}

/// A post's page: rename, move to another open unit, or close it.
#[component]
pub fn PostEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let tree = OnceResource::new(load_organisation());
    let id = id_param();
    view! {
        <h1>{t!(i18n, org_edit_post)}</h1>
        <p><A href="/admin/organisation">{t!(i18n, org_back)}</A></p>
        <Suspense>
            {move || tree.get().map(|answer| match answer {
                Ok(tree) => {
                    let open = tree.units.iter().flat_map(|u| u.posts.iter().map(move |p| (u.id, p)))
                        .find(|(_, p)| Some(p.id) == id && p.retired_at.is_none())
                        .map(|(unit, p)| (unit, p.clone()));
                    match open {
                        Some((unit_id, post)) => view! { <PostForms tree unit_id post /> }.into_any(),
                        None => view! { <p class="notice" role="alert">{t!(i18n, org_not_open)}</p> }.into_any(),
                    }
                }
                Err(e) => view! { <p class="notice" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn PostForms(tree: OrganisationTree, unit_id: i32, post: crate::serverfns::admin::PostNode) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let change = ServerAction::<ChangePost>::new();
    let retire = ServerAction::<RetirePost>::new();
    let error = move || change.value().get().and_then(Result::err);
    let message = move |field: &'static str| move || error().and_then(|e| e.message_for(field));
    let retire_error = move || retire.value().get().and_then(Result::err).map(|e| e.to_string());
    let mut kept = remembered("post-change");
    let title_fa = kept.remove("title_fa").unwrap_or_else(|| post.title_fa.clone());
    let title_en = kept.remove("title_en").unwrap_or_else(|| post.title_en.clone());
    let units: Vec<UnitNode> = tree.open_units().cloned().collect();
    view! {
        <section class="card form-card" aria-labelledby="post-change">
            <h2 id="post-change">{post_title(locale, &post)} " " <bdi dir="ltr" class="hint">{post.code.clone()}</bdi></h2>
            <ActionForm action=change attr:class="form" attr:novalidate=true>
                <input type="hidden" name="post_id" value=post.id.to_string() />
                <div class="field" class:field--invalid=move || message("unit_id")().is_some()>
                    <label for="post-unit">{t!(i18n, org_unit)}</label>
                    <select id="post-unit" name="unit_id" aria-describedby="post-unit-error"
                        aria-invalid=move || message("unit_id")().map(|_| "true")>
                        {units.iter().map(|u| view! {
                            <option value=u.id.to_string() selected=u.id == unit_id>{unit_name(locale, u)}</option>
                        }).collect_view()}
                    </select>
                    <p class="field__error" id="post-unit-error">{message("unit_id")}</p>
                </div>
                <Plain name="title_fa" id="post-title-fa" label=t_string!(i18n, org_post_fa).to_owned() value=title_fa error=Signal::derive(message("title_fa")) />
                <Plain name="title_en" id="post-title-en" label=t_string!(i18n, org_post_en).to_owned() value=title_en error=Signal::derive(message("title_en")) ltr=true />
                <button type="submit" class="button">{t!(i18n, org_save)}</button>
            </ActionForm>
        </section>
        <section class="card form-card" aria-labelledby="post-retire">
            <h2 id="post-retire">{t!(i18n, org_retire_post)}</h2>
            <p class="hint">{t!(i18n, org_retire_post_hint)}</p>
            <ActionForm action=retire attr:class="inline-form">
                <input type="hidden" name="post_id" value=post.id.to_string() />
                <button type="submit" class="button button--secondary">{t!(i18n, org_retire_post)}</button>
            </ActionForm>
            {move || retire_error().map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
        </section>
    }
    .into_any()
}
