use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{t, use_i18n};
use crate::serverfns::requests::offered_services;

/// The e-services an applicant can file online: every published
/// sub-service with an electronic form, each linked to its form and to its
/// card in the catalogue.
#[component]
pub fn ServicesPage() -> impl IntoView {
    let i18n = use_i18n();
    let offered = OnceResource::new(offered_services());
    view! {
        <h1>{t!(i18n, services_title)}</h1>
        <p class="lead">{t!(i18n, services_intro)}</p>
        <Suspense>
            {move || offered.get().map(|answer| match answer {
                Ok(list) if list.is_empty() => view! { <p class="notice">{t!(i18n, services_none)}</p> }.into_any(),
                Ok(list) => view! {
                    <ul class="service-list">
                        {list.into_iter().map(|s| {
                            let apply = format!("/catalogue/{}/apply/{}", s.service_id, s.sub_code);
                            let card = format!("/catalogue/{}", s.service_id);
                            view! {
                                <li class="card service-list__item">
                                    <h2 class="service-list__title"><A href=apply>{s.sub_service}</A></h2>
                                    <p>{s.service} " · " <A href=card>{t!(i18n, services_card)}</A></p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(e) => view! { <p class="form__error" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}
