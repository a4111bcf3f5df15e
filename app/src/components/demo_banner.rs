use leptos::prelude::*;

use crate::i18n::{t, use_i18n};
use crate::serverfns::system::get_site_info;

/// Tells every visitor of a demo installation that nothing here is real.
#[component]
pub fn DemoBanner() -> impl IntoView {
    let i18n = use_i18n();
    let info = OnceResource::new(get_site_info());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let demo = info.await.map(|i| i.demo).unwrap_or(false);
                demo.then(|| view! { <p class="demo-banner">{t!(i18n, demo_banner)}</p> })
            })}
        </Suspense>
    }
}
