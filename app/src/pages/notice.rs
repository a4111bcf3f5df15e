//! The decision notice (table 4 of the desk guideline): printable on A4,
//! and verifiable by anyone at `/notices/{number}`.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::i18n::{t, use_i18n};
use crate::serverfns::requests::{Notice, verify_notice};

/// The public verification page: the notice with that number as issued
/// (the national id shortened), or a plain statement that none exists.
#[component]
pub fn NoticePage() -> impl IntoView {
    let i18n = use_i18n();
    let number = use_params_map().with_untracked(|p| p.get("number").unwrap_or_default());
    let found = OnceResource::new(verify_notice(number));
    view! {
        <h1>{t!(i18n, notice_verify_title)}</h1>
        <Suspense>
            {move || found.get().map(|answer| match answer {
                Ok(Some(notice)) => view! {
                    <p class="status-ok" role="status">{t!(i18n, notice_genuine)}</p>
                    <NoticeSheet notice />
                }.into_any(),
                Ok(None) => view! { <p class="form__error" role="alert">{t!(i18n, notice_unknown)}</p> }.into_any(),
                Err(e) => view! { <p class="form__error" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

/// Table 4, field by field, laid out for reading and for an A4 page.
#[component]
pub fn NoticeSheet(notice: Notice) -> impl IntoView {
    let i18n = use_i18n();
    let verify = format!("/notices/{}", notice.number);
    let verify_text = verify.clone();
    let decision = if notice.granted {
        t!(i18n, notice_granted).into_any()
    } else {
        t!(i18n, notice_refused).into_any()
    };
    view! {
        <section class="card notice-sheet" aria-labelledby="notice-heading">
            <h2 id="notice-heading">{t!(i18n, notice_title)}</h2>
            <dl class="facts">
                <div><dt>{t!(i18n, notice_number)}</dt><dd><bdi dir="ltr">{notice.number}</bdi></dd></div>
                <div><dt>{t!(i18n, notice_date)}</dt><dd>{notice.date}</dd></div>
                <div><dt>{t!(i18n, notice_tracking)}</dt><dd><bdi dir="ltr">{notice.tracking_code}</bdi></dd></div>
                <div><dt>{t!(i18n, notice_service)}</dt><dd>{notice.service}</dd></div>
                <div><dt>{t!(i18n, notice_applicant)}</dt><dd>{notice.applicant}</dd></div>
                <div><dt>{t!(i18n, notice_national_id)}</dt><dd>{notice.national_id}</dd></div>
                <div><dt>{t!(i18n, notice_decision)}</dt><dd><strong>{decision}</strong></dd></div>
                <div><dt>{t!(i18n, notice_reasoning)}</dt><dd class="notice-sheet__text">{notice.reasoning}</dd></div>
                <div><dt>{t!(i18n, notice_content)}</dt><dd>{notice.content}</dd></div>
                <div><dt>{t!(i18n, notice_appeal)}</dt><dd>{notice.appeal}</dd></div>
                <div><dt>{t!(i18n, notice_notes)}</dt><dd>{notice.notes}</dd></div>
                <div><dt>{t!(i18n, notice_issuer)}</dt><dd>{notice.issuer} " — " {notice.issuer_post}</dd></div>
            </dl>
            <p class="notice-sheet__verify">
                {t!(i18n, notice_verify_at)} " " <a href=verify><bdi dir="ltr">{verify_text}</bdi></a>
            </p>
            <PrintButton />
        </section>
    }
}

/// Prints the page; shown once the client runs, since printing from a
/// button needs JavaScript (the browser's own print works without it).
#[component]
pub fn PrintButton() -> impl IntoView {
    let i18n = use_i18n();
    let live = crate::hydration::finished();
    view! {
        <Show when=move || live.get()>
            <button type="button" class="button print-button" on:click=move |_| {
                window().print().ok();
            }>{t!(i18n, notice_print)}</button>
        </Show>
    }
}
