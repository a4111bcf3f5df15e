//! The editor's form controls: each draws a posted field with its label,
//! hint and the problem of a refused save beside it, and keeps what was typed.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::catalogue::form::Fields;
use crate::i18n::Locale;

/// What every field of the editor reads: the values shown and the problems.
#[derive(Clone)]
pub struct Values {
    pub fields: Fields,
    pub problems: HashMap<String, String>,
    pub locale: Locale,
}

impl Values {
    pub fn one(&self, key: &str) -> String {
        self.fields
            .get(key)
            .and_then(|v| v.first())
            .cloned()
            .unwrap_or_default()
    }

    pub fn has(&self, key: &str, value: &str) -> bool {
        self.fields.get(key).is_some_and(|v| v.iter().any(|x| x == value))
    }

    pub fn problem(&self, key: &str) -> Option<String> {
        self.problems.get(key).cloned()
    }
}

/// The last part of a field's name ("desk.address" → "address").
pub fn last(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

/// An input's id from its posted name.
pub fn id_of(key: &str) -> String {
    format!("f-{}", key.replace('.', "-"))
}

/// A text input or text area with its label, hint and error beside it.
#[component]
pub fn Input(
    values: Values,
    key: String,
    label: String,
    #[prop(default = false)] long: bool,
    #[prop(default = false)] required: bool,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let id = id_of(&key);
    let error = values.problem(&key);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described: Vec<String> = [
        hint.as_ref().map(|_| hint_id.clone()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let value = values.one(&key);
    let has_error = error.is_some();
    let invalid = has_error.then_some("true");
    view! {
        <div class="field" class:field--invalid=has_error>
            <label for=id.clone()>{label} {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {if long {
                view! { <textarea id=id name=key rows="4" dir="auto" aria-invalid=invalid aria-describedby=described>{value}</textarea> }.into_any()
            } else {
                view! { <input id=id name=key type="text" value=value dir="auto" inputmode=inputmode aria-invalid=invalid aria-describedby=described /> }.into_any()
            }}
            {error.map(|m| view! { <p class="field__error" id=error_id>{m}</p> })}
        </div>
    }
    .into_any()
}

/// A select of one group of choices.
#[component]
pub fn Choose(values: Values, key: String, label: String, options: Vec<(&'static str, &'static str)>) -> impl IntoView {
    let id = id_of(&key);
    let error = values.problem(&key);
    let error_id = format!("{id}-error");
    let chosen = values.one(&key);
    let has_error = error.is_some();
    let described = has_error.then(|| error_id.clone());
    view! {
        <div class="field" class:field--invalid=has_error>
            <label for=id.clone()>{label} <span class="required" aria-hidden="true">" *"</span></label>
            <select id=id name=key aria-invalid=has_error.then_some("true") aria-describedby=described>
                <option value="">"—"</option>
                {options.into_iter().map(|(value, title)| view! { <option value=value selected=chosen == value>{title}</option> }).collect_view()}
            </select>
            {error.map(|m| view! { <p class="field__error" id=error_id>{m}</p> })}
        </div>
    }
    .into_any()
}

/// Check boxes for several choices of one group.
#[component]
pub fn Several(
    values: Values,
    key: String,
    label: String,
    options: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let id = id_of(&key);
    let error = values.problem(&key);
    let error_id = format!("{id}-error");
    let has_error = error.is_some();
    let described = has_error.then(|| error_id.clone());
    view! {
        <fieldset class="choice" id=id class:field--invalid=has_error aria-describedby=described>
            <legend>{label}</legend>
            <div class="choice__grid">
                {options.into_iter().map(|(value, title)| view! {
                    <label class="choice__option">
                        <input type="checkbox" name=key.clone() value=value checked=values.has(&key, value) />
                        {title}
                    </label>
                }).collect_view()}
            </div>
            {error.map(|m| view! { <p class="field__error" id=error_id>{m}</p> })}
        </fieldset>
    }
    .into_any()
}

/// One check box.
#[component]
pub fn Check(values: Values, key: String, label: String) -> impl IntoView {
    let checked = !values.one(&key).is_empty();
    view! {
        <label class="choice__option">
            <input type="checkbox" name=key value="on" checked=checked />
            {label}
        </label>
    }
}

/// The options of a group of choices in the reader's language.
macro_rules! options {
    ($locale:expr, $choice:ty) => {
        <$choice>::ALL
            .iter()
            .map(|c| {
                (
                    c.as_str(),
                    $crate::pages::catalogue::labels::pick($locale, c.title_fa(), c.title_en()),
                )
            })
            .collect::<Vec<_>>()
    };
}

pub(super) use options;
