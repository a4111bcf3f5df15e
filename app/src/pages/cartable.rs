use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{t, t_string, use_i18n};
use crate::serverfns::accounts::current_user;

/// The cartable: its three folders for a signed-in person, a way in for
/// visitors.
#[component]
pub fn CartablePage() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = OnceResource::new(current_user());
    view! {
        <h1>{t!(i18n, cartable_title)}</h1>
        <ul class="folders" aria-label=move || t_string!(i18n, cartable_title)>
            <li>{t!(i18n, cartable_folder_awaiting)}</li>
            <li>{t!(i18n, cartable_folder_in_progress)}</li>
            <li>{t!(i18n, cartable_folder_finished)}</li>
        </ul>
        <Suspense>
            {move || viewer.get().map(|answer| match answer.ok().flatten() {
                Some(_) => view! {
                    <p class="notice">{t!(i18n, cartable_empty)}</p>
                    <p><A href="/account/password">{t!(i18n, password_title)}</A></p>
                }
                .into_any(),
                None => view! {
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
