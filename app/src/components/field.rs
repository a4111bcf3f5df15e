use leptos::prelude::*;

/// A labelled input whose error, when there is one, is shown right beside
/// it, announced to screen readers and tied to the input with
/// `aria-describedby`, so the person knows which field to fix.
#[component]
pub fn Field(
    /// The name posted with the form.
    name: &'static str,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The input's type.
    #[prop(default = "text")]
    kind: &'static str,
    /// The browser's autofill hint.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// The on-screen keyboard to offer (`numeric`, `email`, …).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// What was typed before a plain form post came back with errors.
    #[prop(default = None)]
    value: Option<String>,
    /// A short help text under the input.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// The error to show beside the field.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let ids: Vec<&str> = [
                has_hint.then_some(hint_id.as_str()),
                error.get().map(|_| error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                value=value
                required=true
                dir="auto"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            {move || error.get().map(|message| view! { <p class="field__error" id=error_id.clone() role="alert">{message}</p> })}
        </div>
    }
}
