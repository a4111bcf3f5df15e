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
    /// The error to show beside the field.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let described_by = {
        let error_id = error_id.clone();
        move || error.get().map(|_| error_id.clone())
    };
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                required=true
                dir="auto"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            {move || error.get().map(|message| view! { <p class="field__error" id=error_id.clone() role="alert">{message}</p> })}
        </div>
    }
}
