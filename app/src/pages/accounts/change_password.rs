use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

use crate::components::field::Field;
use crate::i18n::{t, t_string, use_i18n};
use crate::serverfns::accounts::{ChangePassword, current_user};

/// Changing one's own password. Signing out everywhere else comes with it.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = OnceResource::new(current_user());
    let change = ServerAction::<ChangePassword>::new();
    let error = move || change.value().get().and_then(Result::err);
    let changed = move || use_query_map().with(|q| q.get("changed").is_some());
    let message_for = move |field: &'static str| Signal::derive(move || error().and_then(|e| e.message_for(field)));
    view! {
        <h1>{t!(i18n, password_title)}</h1>
        <Suspense>
            {move || viewer.get().map(|answer| match answer.ok().flatten() {
                None => view! {
                    <p class="notice">{t!(i18n, password_login_needed)} " " <A href="/login">{t!(i18n, nav_login)}</A></p>
                }
                .into_any(),
                Some(_) => view! {
                    <Show when=changed>
                        <p class="status-ok" role="status">{t!(i18n, password_changed)}</p>
                    </Show>
                    <section class="card form-card">
                        <ActionForm action=change attr:class="form" attr:novalidate=true>
                            {move || error().and_then(|e| e.form_message()).map(|m| view! { <p class="form__error" role="alert">{m}</p> })}
                            <Field name="current_password" kind="password" autocomplete="current-password"
                                label=Signal::derive(move || t_string!(i18n, password_current).to_owned()) error=message_for("current_password") />
                            <Field name="new_password" kind="password" autocomplete="new-password"
                                label=Signal::derive(move || t_string!(i18n, password_new).to_owned()) error=message_for("new_password") />
                            <Field name="repeat_password" kind="password" autocomplete="new-password"
                                label=Signal::derive(move || t_string!(i18n, password_repeat).to_owned()) error=message_for("repeat_password") />
                            <p class="hint">{t!(i18n, password_hint)}</p>
                            <button type="submit" class="button">{t!(i18n, password_submit)}</button>
                        </ActionForm>
                    </section>
                }
                .into_any(),
            })}
        </Suspense>
    }
}
