//! Sending the request form with its files. With JavaScript, a form that
//! carries files goes by XMLHttpRequest, the one browser API that reports
//! how much of an upload has gone, so a phone on a slow network shows a
//! progress bar instead of a page that seems stuck. The server answers it
//! as it answers the plain post, naming the next page instead of
//! redirecting to it, and the browser then opens that page; without
//! JavaScript, or with no file chosen, the form simply posts itself.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::pages::catalogue::labels::pick;

/// How far the sending is: nothing yet, a percentage, or a failure.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(feature = "hydrate"), expect(dead_code, reason = "set only in the browser"))]
pub enum Sending {
    /// Not sending.
    Idle,
    /// This much of the form, in percent, has gone.
    Under(u32),
    /// The connection broke, or the server refused it, before an answer.
    Broken,
}

/// The progress bar and what went wrong, announced politely.
#[component]
pub fn SendingStatus(state: RwSignal<Sending>) -> impl IntoView {
    let l = use_i18n().get_locale_untracked();
    view! {
        <div class="sending" role="status">
            {move || match state.get() {
                Sending::Idle => ().into_any(),
                Sending::Under(percent) => view! {
                    <label for="sending-progress">{pick(l, "در حال فرستادن فرم و پرونده‌ها", "Sending the form and its files")}</label>
                    <progress id="sending-progress" max="100" value=percent.to_string()>{format!("{percent}%")}</progress>
                }
                .into_any(),
                Sending::Broken => view! {
                    <p class="form__error">{pick(l, "فرستادن فرم کامل نشد؛ چیزی از دست نرفته است، دوباره بزنید.", "The form could not be sent; nothing is lost, press again.")}</p>
                }
                .into_any(),
            }}
        </div>
    }
    .into_any()
}

/// Takes over the form's submission when it carries a chosen file.
pub fn on_submit(ev: leptos::ev::SubmitEvent, state: RwSignal<Sending>) {
    #[cfg(feature = "hydrate")]
    browser::send(ev, state);
    #[cfg(not(feature = "hydrate"))]
    let _ = (ev, state);
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, closure::Closure};
    use web_sys::{FormData, HtmlButtonElement, HtmlFormElement, HtmlInputElement, ProgressEvent, XmlHttpRequest};

    use super::Sending;

    pub fn send(ev: leptos::ev::SubmitEvent, state: RwSignal<Sending>) {
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else {
            return;
        };
        if matches!(state.get_untracked(), Sending::Under(_)) {
            ev.prevent_default();
            return;
        }
        if !carries_a_file(&form) {
            return;
        }
        let Ok(data) = FormData::new_with_form(&form) else {
            return;
        };
        // The pressed button ("ثبت موقت" or "ثبت و ارسال") is not in the
        // form's data; the server needs to know which it was.
        if let Some(button) = ev.submitter().and_then(|s| s.dyn_into::<HtmlButtonElement>().ok())
            && !button.name().is_empty()
        {
            data.append_with_str(&button.name(), &button.value()).ok();
        }
        ev.prevent_default();
        if post(&form.action(), &data, state).is_err() {
            state.set(Sending::Broken);
        }
    }

    fn carries_a_file(form: &HtmlFormElement) -> bool {
        let Ok(inputs) = form.query_selector_all("input[type=file]") else {
            return false;
        };
        (0..inputs.length()).any(|i| {
            inputs
                .get(i)
                .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
                .and_then(|input| input.files())
                .is_some_and(|files| files.length() > 0)
        })
    }

    fn post(action: &str, data: &FormData, state: RwSignal<Sending>) -> Result<(), wasm_bindgen::JsValue> {
        let xhr = XmlHttpRequest::new()?;
        xhr.open("POST", action)?;
        // Answered as the plain post is, but with the next page named
        // rather than redirected to (see `form_memory::go_to`); not asking
        // for HTML keeps the server from redirecting back to this page.
        xhr.set_request_header("Accept", "application/json")?;
        xhr.set_request_header(crate::serverfns::SENT_BY_SCRIPT, "1")?;
        state.set(Sending::Under(0));
        let progress = Closure::<dyn Fn(ProgressEvent)>::new(move |e: ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                state.set(Sending::Under((e.loaded() / e.total() * 100.0).round() as u32));
            }
        });
        xhr.upload()?.set_onprogress(Some(progress.as_ref().unchecked_ref()));
        let request = xhr.clone();
        let finished = Closure::once_into_js(move || {
            drop(progress);
            let next = request
                .get_response_header(crate::serverfns::NEXT_PAGE)
                .ok()
                .flatten()
                .filter(|path| path.starts_with('/'));
            match (request.status().unwrap_or(0), next) {
                (200, Some(path)) => {
                    window().location().assign(&path).ok();
                }
                _ => state.set(Sending::Broken),
            }
        });
        xhr.set_onloadend(Some(finished.unchecked_ref()));
        xhr.send_with_opt_form_data(Some(data))
    }
}
