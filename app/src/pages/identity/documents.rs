//! One upload slot of the identity form. Without JavaScript it is a plain
//! file input that travels with the whole form. With the WASM client a
//! chosen file is checked, previewed and sent at once on its own, with a
//! progress bar, so a slow phone connection never holds the rest of the
//! form hostage and a refused file is known before "ثبت و ارسال".

use leptos::prelude::*;

use crate::i18n::{t, t_string, use_i18n};
use crate::pages::catalogue::labels::number;
use crate::serverfns::identity::{FileView, UploadLimits};

/// A file on its way to the server.
#[derive(Debug, Clone)]
struct Pending {
    /// Tells uploads in the same slot apart.
    key: u32,
    /// The file's own name.
    name: String,
    /// A local picture to show before the upload ends (object URL).
    preview: Option<String>,
    /// Percent sent.
    percent: RwSignal<u32>,
}

/// The hint under the documents' heading: the configured limits.
#[component]
pub fn UploadLimitsHint(limits: UploadLimits) -> impl IntoView {
    let i18n = use_i18n();
    let megabytes = move || number(i18n.get_locale(), limits.max_bytes / (1024 * 1024));
    let files = move || number(i18n.get_locale(), limits.files_per_slot);
    view! { <p class="hint">{t!(i18n, identity_documents_limits, megabytes, files)}</p> }
}

/// One document slot: what is uploaded (pictures with a preview, each with
/// a way to remove it), what is being uploaded, and a file input for more.
#[component]
pub fn DocumentSlot(
    name: &'static str,
    title: &'static str,
    in_slot: Vec<FileView>,
    error: Option<String>,
    limits: UploadLimits,
    /// Uploads under way in the whole form; the form waits for them.
    busy: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("file-{name}");
    let error_id = format!("{id}-error");
    let uploaded = RwSignal::new(in_slot);
    let pending = RwSignal::new(Vec::<Pending>::new());
    let problem = RwSignal::new(error);
    let announce = RwSignal::new(String::new());
    let described_by = error_id.clone();
    let on_change = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        browser::send_chosen(
            &ev,
            browser::Slot {
                name,
                limits,
                uploaded,
                pending,
                problem,
                announce,
                busy,
            },
        );
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, limits, announce, busy);
    };
    view! {
        <div class="field document" class:field--invalid=move || problem.with(Option::is_some)>
            <label for=id.clone()>{title}</label>
            <ul class="document__files">
                <For each=move || uploaded.get() key=|f| f.id let:f>
                    <UploadedFile file=f />
                </For>
                <For each=move || pending.get() key=|p| p.key let:p>
                    <li class="document__pending">
                        {p.preview.clone().map(|src| view! { <img class="document__preview" src=src alt="" width="96" height="64" /> })}
                        <span>{p.name.clone()}</span>
                        <progress max="100" value=move || p.percent.get()
                            aria-label=format!("{} {}", t_string!(i18n, identity_uploading), p.name)>
                        </progress>
                    </li>
                </For>
            </ul>
            <input id=id name=format!("file_{name}") type="file" accept="image/jpeg,image/png,application/pdf"
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=move || problem.with(Option::is_some).then(|| described_by.clone())
                on:change=on_change />
            <p class="visually-hidden" role="status">{move || announce.get()}</p>
            {move || problem.get().map(|m| view! { <p class="field__error" id=error_id.clone() role="alert">{m}</p> })}
        </div>
    }
    .into_any()
}

/// A document already stored: a thumbnail for pictures, its name as a link
/// and a checkbox that removes it when the form is next saved.
#[component]
fn UploadedFile(file: FileView) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/files/{}", file.id);
    let preview = file.content_type.starts_with("image/").then(|| {
        view! { <img class="document__preview" src=href.clone() alt="" width="96" height="64" loading="lazy" /> }
    });
    view! {
        <li>
            {preview}
            <a href=href.clone() target="_blank" rel="noopener">{file.name.clone()}</a>
            <label class="document__remove">
                <input type="checkbox" name="remove" value=file.id.to_string() />
                {t!(i18n, identity_remove)}
            </label>
        </li>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, closure::Closure};
    use web_sys::{File, FormData, HtmlInputElement, ProgressEvent, Url, XmlHttpRequest};

    use super::Pending;
    use crate::errors::AppError;
    use crate::i18n::{t_string, use_i18n};
    use crate::serverfns::identity::{FileView, UploadLimits};

    const TYPES: [&str; 3] = ["image/jpeg", "image/png", "application/pdf"];

    /// What one slot's uploads update.
    #[derive(Clone, Copy)]
    pub struct Slot {
        pub name: &'static str,
        pub limits: UploadLimits,
        pub uploaded: RwSignal<Vec<FileView>>,
        pub pending: RwSignal<Vec<Pending>>,
        pub problem: RwSignal<Option<String>>,
        pub announce: RwSignal<String>,
        pub busy: RwSignal<usize>,
    }

    /// Sends every file just chosen in the slot's input, then empties the
    /// input so the whole form's post does not send them a second time.
    pub fn send_chosen(ev: &leptos::ev::Event, slot: Slot) {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
            return;
        };
        let Some(files) = input.files() else {
            return;
        };
        slot.problem.set(None);
        for index in 0..files.length() {
            if let Some(file) = files.get(index) {
                start(&file, slot);
            }
        }
        input.set_value("");
    }

    /// Checks one file where the browser can, shows it and sends it.
    fn start(file: &File, slot: Slot) {
        let i18n = use_i18n();
        let name = file.name();
        if !TYPES.contains(&file.type_().as_str()) {
            slot.problem.set(Some(t_string!(i18n, identity_wrong_type).to_string()));
            return;
        }
        if file.size() > slot.limits.max_bytes as f64 {
            slot.problem.set(Some(t_string!(i18n, identity_too_large).to_string()));
            return;
        }
        let preview = file
            .type_()
            .starts_with("image/")
            .then(|| Url::create_object_url_with_blob(file).ok())
            .flatten();
        let key = next_key();
        let percent = RwSignal::new(0);
        slot.busy.update(|n| *n += 1);
        slot.pending.update(|p| {
            p.push(Pending {
                key,
                name: name.clone(),
                preview: preview.clone(),
                percent,
            });
        });
        let done = move |outcome: Result<FileView, String>| {
            slot.busy.update(|n| *n = n.saturating_sub(1));
            slot.pending.update(|p| p.retain(|f| f.key != key));
            if let Some(url) = &preview {
                Url::revoke_object_url(url).ok();
            }
            match outcome {
                Ok(file) => {
                    slot.announce
                        .set(format!("{} {}", file.name, t_string!(i18n, identity_uploaded)));
                    slot.uploaded.update(|u| u.push(file));
                }
                Err(message) => slot.problem.set(Some(message)),
            }
        };
        let cut = t_string!(i18n, identity_upload_cut).to_string();
        if send(file, slot.name, move |p| percent.set(p), done, cut.clone()).is_err() {
            slot.busy.update(|n| *n = n.saturating_sub(1));
            slot.pending.update(|p| p.retain(|f| f.key != key));
            slot.problem.set(Some(cut));
        }
    }

    fn next_key() -> u32 {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(1);
        NEXT.fetch_add(1, Ordering::Relaxed)
    }

    /// Posts the file with XMLHttpRequest, the one browser API that reports
    /// how much of an upload has been sent (`fetch` does not).
    fn send(
        file: &File,
        slot: &'static str,
        on_progress: impl Fn(u32) + 'static,
        on_done: impl FnOnce(Result<FileView, String>) + 'static,
        cut: String,
    ) -> Result<(), wasm_bindgen::JsValue> {
        use leptos::server_fn::ServerFn as _;
        let form = FormData::new()?;
        form.append_with_str("slot", slot)?;
        form.append_with_blob_and_filename("file", file, &file.name())?;
        let xhr = XmlHttpRequest::new()?;
        xhr.open("POST", crate::serverfns::identity::UploadIdentityDocument::PATH)?;
        xhr.set_request_header("Accept", "application/json")?;
        let progress = Closure::<dyn Fn(ProgressEvent)>::new(move |e: ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                on_progress((e.loaded() / e.total() * 100.0).round() as u32);
            }
        });
        xhr.upload()?.set_onprogress(Some(progress.as_ref().unchecked_ref()));
        let request = xhr.clone();
        // Called once, when the upload ends whichever way; the progress
        // handler is released with it.
        let finished = Closure::once_into_js(move || {
            drop(progress);
            let status = request.status().unwrap_or(0);
            let body = request.response_text().ok().flatten().unwrap_or_default();
            on_done(outcome(status, &body, slot, cut));
        });
        xhr.set_onloadend(Some(finished.unchecked_ref()));
        xhr.send_with_opt_form_data(Some(&form))
    }

    /// The stored file, or the server's message for this slot.
    fn outcome(status: u16, body: &str, slot: &str, cut: String) -> Result<FileView, String> {
        if status == 0 {
            return Err(cut);
        }
        if (200..300).contains(&status) {
            return serde_json::from_str(body).map_err(|_| cut);
        }
        let error: AppError = serde_json::from_str(body).unwrap_or(AppError::Transport);
        Err(error
            .message_for(slot)
            .or_else(|| error.form_message())
            .unwrap_or_else(|| error.to_string()))
    }
}
