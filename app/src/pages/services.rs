use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

/// The e-services menu an applicant reaches once their identity is
/// verified. The catalogue of services is published here.
#[component]
pub fn ServicesPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, services_title)}</h1>
        <p class="lead">{t!(i18n, services_intro)}</p>
    }
}
