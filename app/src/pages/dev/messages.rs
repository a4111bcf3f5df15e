use leptos::prelude::*;

use crate::domain::digits::to_persian_digits;
use crate::i18n::{t, use_i18n};
use crate::serverfns::dev::{DevMessages, demo_messages};

/// The demo's outbox: every SMS and e-mail "sent", newest first, and the
/// answers of the open captchas, so a person trying the demo can follow a
/// sign-up end to end. Production answers this page with "only in the demo".
#[component]
pub fn DevMessagesPage() -> impl IntoView {
    let i18n = use_i18n();
    let inbox = OnceResource::new(demo_messages());
    view! {
        <h1>{t!(i18n, dev_title)}</h1>
        <p class="lead">{t!(i18n, dev_intro)}</p>
        <Suspense>
            {move || inbox.get().map(|answer| match answer {
                Ok(inbox) => view! { <Inbox inbox /> }.into_any(),
                Err(_) => view! { <p class="notice">{t!(i18n, dev_unavailable)}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Inbox(inbox: DevMessages) -> impl IntoView {
    let i18n = use_i18n();
    let empty = inbox.messages.is_empty();
    view! {
        <section class="card" aria-labelledby="dev-messages">
            <h2 id="dev-messages">{t!(i18n, dev_messages_heading)}</h2>
            <Show when=move || empty>
                <p>{t!(i18n, dev_none)}</p>
            </Show>
            <ol class="dev-messages">
                {inbox.messages.into_iter().map(|m| view! {
                    <li class="dev-message" data-channel=m.channel.clone() data-recipient=m.recipient.clone()>
                        <p class="dev-message__head">
                            <strong>{if m.channel == "sms" { "پیامک" } else { "ایمیل" }}</strong>
                            " · " {t!(i18n, dev_to)} " " <bdi dir="ltr">{to_persian_digits(&m.recipient)}</bdi>
                            " · " {m.written_at}
                            " · " {if m.sent { t!(i18n, dev_sent).into_any() } else { t!(i18n, dev_pending).into_any() }}
                        </p>
                        {m.subject.map(|s| view! { <p class="dev-message__subject">{s}</p> })}
                        <p class="dev-message__body">{m.body}</p>
                    </li>
                }).collect_view()}
            </ol>
        </section>
        <section class="card" aria-labelledby="dev-codes">
            <h2 id="dev-codes">{t!(i18n, dev_codes_heading)}</h2>
            <ul class="dev-codes">
                {inbox.codes.into_iter().map(|c| {
                    let shown = c.username.clone();
                    view! {
                    <li data-username=c.username><bdi dir="ltr">{shown}</bdi> " → " <bdi class="dev-code">{c.code}</bdi></li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="dev-captchas">
            <h2 id="dev-captchas">{t!(i18n, dev_captchas_heading)}</h2>
            <ul class="dev-captchas">
                {inbox.captchas.into_iter().map(|c| view! {
                    <li data-captcha-id=c.id.clone()><code>{c.id.chars().take(8).collect::<String>()}</code> " → " <bdi class="dev-captcha__answer">{c.answer}</bdi></li>
                }).collect_view()}
            </ul>
        </section>
    }
}
