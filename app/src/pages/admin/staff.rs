use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::field::Field;
use crate::domain::role::Role;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::form_memory::{query, remembered};
use crate::serverfns::admin::{
    AssignPost, CreateStaff, PostOption, SetStaffActive, SetStaffRole, StaffRow, load_staff,
};

/// Staff administration: every staff account with its role and post, a
/// form to create one, and for each a way to give them another role, move
/// them to another post or deactivate them. Administrators only.
#[component]
pub fn StaffAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateStaff>::new();
    let assign = ServerAction::<AssignPost>::new();
    let activate = ServerAction::<SetStaffActive>::new();
    let role = ServerAction::<SetStaffRole>::new();
    let actions = RowActions { assign, activate, role };
    // The table is read again after every change; the form below has its
    // own copy of the posts so that it is never redrawn and nothing typed
    // in it is lost.
    let page = Resource::new(
        move || {
            (
                create.version().get(),
                assign.version().get(),
                activate.version().get(),
                role.version().get(),
            )
        },
        |_| load_staff(),
    );
    let form_page = OnceResource::new(load_staff());
    let from_query = query("created").is_some();
    let created = move || from_query || matches!(create.value().get(), Some(Ok(())));
    let updated_query = query("updated").is_some();
    let updated = move || {
        updated_query
            || matches!(assign.value().get(), Some(Ok(())))
            || matches!(activate.value().get(), Some(Ok(())))
            || matches!(role.value().get(), Some(Ok(())))
    };
    view! {
        <h1>{t!(i18n, admin_staff_title)}</h1>
        <Show when=created>
            <p class="status-ok" role="status">{t!(i18n, admin_staff_created)}</p>
        </Show>
        <Show when=updated>
            <p class="status-ok" role="status">{t!(i18n, admin_staff_updated)}</p>
        </Show>
        <Transition>
            {move || page.get().map(|answer| match answer {
                Ok(page) => view! { <StaffTable staff=page.staff posts=page.posts actions /> }.into_any(),
                Err(e) => view! { <p class="notice">{e.to_string()} " " <A href="/login">{t!(i18n, nav_login)}</A></p> }.into_any(),
            })}
        </Transition>
        <Suspense>
            {move || form_page.get().and_then(Result::ok).map(|page| view! { <NewStaffForm posts=page.posts create /> })}
        </Suspense>
    }
}

/// What each row of the staff table can do.
#[derive(Clone, Copy)]
struct RowActions {
    assign: ServerAction<AssignPost>,
    activate: ServerAction<SetStaffActive>,
    role: ServerAction<SetStaffRole>,
}

#[component]
fn StaffTable(staff: Vec<StaffRow>, posts: Vec<PostOption>, actions: RowActions) -> impl IntoView {
    let i18n = use_i18n();
    let RowActions { assign, activate, role } = actions;
    let error = move || {
        [
            assign.value().get().and_then(Result::err),
            activate.value().get().and_then(Result::err),
            role.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
    };
    view! {
        <section class="card" aria-labelledby="staff-list">
            <h2 id="staff-list">{t!(i18n, admin_staff_list)}</h2>
            {move || error().map(|e| view! { <p class="form__error" role="alert">{e.to_string()}</p> })}
            <div class="table-wrap">
                <table class="cartable stacked-table">
                    <thead><tr>
                        <th scope="col">{t!(i18n, signup_username)}</th>
                        <th scope="col">{t!(i18n, admin_staff_name)}</th>
                        <th scope="col">{t!(i18n, admin_staff_role)}</th>
                        <th scope="col">{t!(i18n, admin_staff_post)}</th>
                        <th scope="col">{t!(i18n, admin_staff_state)}</th>
                    </tr></thead>
                    <tbody>
                        {staff.into_iter().map(|s| {
                            let select_id = format!("post-of-{}", s.id);
                            let role_id = format!("role-of-{}", s.id);
                            let role_label = s.name.clone();
                            let current_role = s.role.clone();
                            let options = posts.clone();
                            view! {
                                <tr data-username=s.username.clone()>
                                    <td data-label=t_string!(i18n, signup_username)><bdi dir="ltr">{s.username.clone()}</bdi></td>
                                    <td data-label=t_string!(i18n, admin_staff_name)>{s.name.clone()}</td>
                                    <td data-label=t_string!(i18n, admin_staff_role)>
                                        <ActionForm action=role attr:class="inline-form">
                                            <input type="hidden" name="user_id" value=s.id.to_string() />
                                            <label class="visually-hidden" for=role_id.clone()>{t!(i18n, admin_staff_role)} " " {role_label}</label>
                                            <select id=role_id name="role">
                                                {Role::ALL.into_iter().filter(|r| r.is_staff()).map(|r| {
                                                    let selected = current_role == r.as_str();
                                                    view! { <option value=r.as_str() selected=selected>{r.title_fa()}</option> }
                                                }).collect_view()}
                                            </select>
                                            <button type="submit" class="button button--secondary">{t!(i18n, admin_staff_change_role)}</button>
                                        </ActionForm>
                                    </td>
                                    <td data-label=t_string!(i18n, admin_staff_post)>
                                        <ActionForm action=assign attr:class="inline-form">
                                            <input type="hidden" name="user_id" value=s.id.to_string() />
                                            <label class="visually-hidden" for=select_id.clone()>{t!(i18n, admin_staff_post)} " " {s.name.clone()}</label>
                                            <select id=select_id name="post_id">
                                                {options.iter().map(|p| {
                                                    let selected = s.post.as_deref() == Some(p.title.as_str());
                                                    view! { <option value=p.id.to_string() selected=selected>{p.title.clone()}</option> }
                                                }).collect_view()}
                                            </select>
                                            <button type="submit" class="button button--secondary">{t!(i18n, admin_staff_move)}</button>
                                        </ActionForm>
                                    </td>
                                    <td data-label=t_string!(i18n, admin_staff_state)>
                                        <ActionForm action=activate attr:class="inline-form">
                                            <input type="hidden" name="user_id" value=s.id.to_string() />
                                            <input type="hidden" name="active" value=(!s.active).to_string() />
                                            <span>{if s.active { t_string!(i18n, admin_staff_active) } else { t_string!(i18n, admin_staff_inactive) }}</span>
                                            <button type="submit" class="button button--secondary">
                                                {if s.active { t_string!(i18n, admin_staff_deactivate) } else { t_string!(i18n, admin_staff_reactivate) }}
                                            </button>
                                        </ActionForm>
                                    </td>
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

#[component]
fn NewStaffForm(posts: Vec<PostOption>, create: ServerAction<CreateStaff>) -> impl IntoView {
    let i18n = use_i18n();
    let error = move || create.value().get().and_then(Result::err);
    let message_for = move |field: &'static str| Signal::derive(move || error().and_then(|e| e.message_for(field)));
    let mut kept = remembered("staff");
    let [username, first_name, last_name, email, mobile, national_id, role, post] = [
        "username",
        "first_name",
        "last_name",
        "email",
        "mobile",
        "national_id",
        "role",
        "post_id",
    ]
    .map(|f| kept.remove(f));
    view! {
        <section class="card form-card" aria-labelledby="new-staff">
            <h2 id="new-staff">{t!(i18n, admin_staff_new)}</h2>
            <p class="hint">{t!(i18n, admin_staff_new_hint)}</p>
            <ActionForm action=create attr:class="form" attr:novalidate=true>
                {move || error().and_then(|e| e.form_message()).map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
                <Field name="username" label=text!(i18n, signup_username) value=username error=message_for("username") />
                <Field name="first_name" label=text!(i18n, signup_first_name) value=first_name error=message_for("first_name") />
                <Field name="last_name" label=text!(i18n, signup_last_name) value=last_name error=message_for("last_name") />
                <Field name="email" kind="email" label=text!(i18n, signup_email) value=email error=message_for("email") />
                <Field name="mobile" kind="tel" label=text!(i18n, signup_mobile) value=mobile error=message_for("mobile") />
                <Field name="national_id" label=text!(i18n, signup_national_id) inputmode="numeric" value=national_id error=message_for("national_id") />
                <div class="field">
                    <label for="field-role">{t!(i18n, admin_staff_role)}</label>
                    <select id="field-role" name="role">
                        {Role::ALL.into_iter().filter(|r| r.is_staff()).map(|r| {
                            let selected = role.as_deref() == Some(r.as_str());
                            view! { <option value=r.as_str() selected=selected>{r.title_fa()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="field-post">{t!(i18n, admin_staff_post)}</label>
                    <select id="field-post" name="post_id">
                        {posts.into_iter().map(|p| {
                            let id = p.id.to_string();
                            let selected = post.as_deref() == Some(id.as_str());
                            view! { <option value=id selected=selected>{p.title}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button">{t!(i18n, admin_staff_create)}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
