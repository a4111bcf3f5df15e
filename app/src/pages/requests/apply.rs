//! `/catalogue/{id}/apply/{sub}`: the empty form of a sub-service.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::form::RequestForm;
use crate::errors::AppError;
use crate::i18n::{t, use_i18n};
use crate::serverfns::requests::new_request_form;

/// A new request: the sub-service's current form. The first save creates
/// the draft, so a half-filled form is never lost.
#[component]
pub fn ApplyPage() -> impl IntoView {
    let i18n = use_i18n();
    let (service_id, sub_code) = use_params_map().with_untracked(|p| {
        (
            p.get("id").and_then(|id| id.parse::<i32>().ok()).unwrap_or_default(),
            p.get("sub").unwrap_or_default(),
        )
    });
    let page = OnceResource::new(new_request_form(service_id, sub_code));
    view! {
        <Suspense>
            {move || page.get().map(|answer| match answer {
                Ok(page) => view! {
                    <h1>{t!(i18n, request_apply_title)} " " {page.name.sub_service.clone()}</h1>
                    <p class="lead">{page.name.service.clone()}</p>
                    <RequestForm page problems=Default::default() />
                }.into_any(),
                Err(AppError::Unauthenticated) => view! {
                    <h1>{t!(i18n, request_apply_title)}</h1>
                    <p class="notice">{t!(i18n, request_sign_in_first)} " " <A href="/login">{t!(i18n, nav_login)}</A></p>
                }.into_any(),
                Err(e) => view! {
                    <h1>{t!(i18n, request_apply_title)}</h1>
                    <p class="form__error" role="alert">{e.message_for("identity").or_else(|| e.message_for("service")).unwrap_or_else(|| e.to_string())}</p>
                    {e.message_for("identity").map(|_| view! { <p><a href="/identity" rel="external">{t!(i18n, nav_identity)}</a></p> })}
                }.into_any(),
            })}
        </Suspense>
    }
}
