use leptos::prelude::*;

use crate::components::when::When;
use crate::i18n::{t, use_i18n};
use crate::serverfns::system::{CheckDeskStatus, DeskStatus, check_desk_status};

/// The system's health as the public sees it. The first answer is rendered on
/// the server; "check again" posts the same server function, through the
/// client when it is live and as a plain form post when it is not.
#[component]
pub fn StatusCard() -> impl IntoView {
    let i18n = use_i18n();
    let recheck = ServerAction::<CheckDeskStatus>::new();
    let first = OnceResource::new(check_desk_status());
    // The newest answer wins: the re-check's once there is one, else the first.
    let latest = move || recheck.value().get().or_else(|| first.get());
    view! {
        <section class="card status-card" aria-labelledby="status-heading">
            <h2 id="status-heading">{t!(i18n, status_heading)}</h2>
            <Transition fallback=move || view! { <p>{t!(i18n, status_loading)}</p> }>
                {move || latest().map(|shown| view! { <StatusFigures status=shown /> })}
            </Transition>
            <ActionForm action=recheck>
                <button type="submit" class="button button--secondary">{t!(i18n, status_check_again)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn StatusFigures(status: Result<DeskStatus, crate::errors::AppError>) -> impl IntoView {
    let i18n = use_i18n();
    match status {
        Ok(s) => view! {
            <p class="status-ok" role="status">{t!(i18n, status_healthy)}</p>
            <dl class="figures">
                <div><dt>{t!(i18n, status_provinces)}</dt><dd><Count value=s.provinces /></dd></div>
                <div><dt>{t!(i18n, status_units)}</dt><dd><Count value=s.units /></dd></div>
                <div><dt>{t!(i18n, status_posts)}</dt><dd><Count value=s.posts /></dd></div>
                <div><dt>{t!(i18n, status_checked_at)}</dt><dd><When instant=s.checked_at /></dd></div>
            </dl>
        }
        .into_any(),
        Err(_) => view! { <p class="status-error" role="alert">{t!(i18n, status_unavailable)}</p> }.into_any(),
    }
}

/// A count in the reader's digits.
#[component]
fn Count(value: u64) -> impl IntoView {
    let i18n = use_i18n();
    move || match i18n.get_locale() {
        crate::i18n::Locale::fa => {
            crate::domain::digits::format_persian_number(i64::try_from(value).unwrap_or(i64::MAX))
        }
        crate::i18n::Locale::en => value.to_string(),
    }
}
