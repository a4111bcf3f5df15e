//! A form definition drawn as real, labelled inputs whose names are what
//! `domain::request_form::validate` reads: `{field}` for a simple field,
//! `{field}.{row}.{column}` for a table's cell, `file_{field}` for files.
//! Everything is drawn, conditional fields too (with a line saying when they
//! apply): the server ignores what does not apply, so no script is needed.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::catalogue::form::Fields;
use crate::domain::digits::to_persian_digits;
use crate::domain::request_form::{Choice, FieldDefinition, FieldKind, FormDefinition};
use crate::i18n::{t, use_i18n};
use crate::serverfns::requests::FileView;

/// Every field of `form`, filled with `values`, each problem beside its
/// input; `problems` change as the browser checks what is typed.
#[component]
pub fn FormFields(
    form: FormDefinition,
    values: Fields,
    files: Vec<FileView>,
    #[prop(into)] problems: Signal<HashMap<String, String>>,
    /// Pictures chosen in each file slot, previewed before sending.
    #[prop(optional, into)]
    chosen: Signal<HashMap<String, Vec<(String, String)>>>,
) -> impl IntoView {
    let all = form.fields.clone();
    form.fields
        .into_iter()
        .map(|field| {
            let hint = condition_hint(&all, &field);
            view! { <Field field hint values=values.clone() files=files.clone() problems chosen /> }
        })
        .collect_view()
}

/// "Only when …": the source field's label and the option it must hold.
fn condition_hint(all: &[FieldDefinition], field: &FieldDefinition) -> Option<String> {
    let condition = field.condition.as_ref()?;
    let source = all.iter().find(|f| f.name == condition.field)?;
    let wanted = match (&source.kind, condition.equals.as_deref()) {
        (_, None) => return Some(format!("فقط اگر «{}» پر شده باشد.", source.label)),
        (FieldKind::YesNo, Some("yes")) => "بله".to_owned(),
        (FieldKind::YesNo, Some(_)) => "خیر".to_owned(),
        (FieldKind::Select { options } | FieldKind::MultiSelect { options }, Some(value)) => {
            option_label(options, value)
        }
        (_, Some(value)) => value.to_owned(),
    };
    Some(format!("فقط اگر پاسخ «{}» «{wanted}» باشد.", source.label))
}

fn option_label(options: &[Choice], value: &str) -> String {
    options
        .iter()
        .find(|o| o.value == value)
        .map_or_else(|| value.to_owned(), |o| o.label.clone())
}

/// An id safe in HTML for a posted name such as `monthly.1.quantity`.
pub fn input_id(name: &str) -> String {
    format!("f-{}", name.replace('.', "-"))
}

fn first(values: &Fields, name: &str) -> String {
    values.get(name).and_then(|v| v.first()).cloned().unwrap_or_default()
}

#[component]
fn Field(
    field: FieldDefinition,
    hint: Option<String>,
    values: Fields,
    files: Vec<FileView>,
    problems: Signal<HashMap<String, String>>,
    chosen: Signal<HashMap<String, Vec<(String, String)>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = field.name.clone();
    let id = input_id(&name);
    let problem = problem_of(problems, &name);
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let has_help = !field.help.is_empty() || hint.is_some();
    let described = described(problem, has_help.then(|| help_id.clone()), error_id.clone());
    let required = field
        .required
        .then(|| view! { " " <span class="required">{t!(i18n, request_required)}</span> });
    let help = has_help.then(|| {
        view! { <p class="hint" id=help_id.clone()>{field.help.clone()} " " {hint.clone()}</p> }
    });
    let error = {
        let error_id = error_id.clone();
        move || {
            problem
                .get()
                .map(|m| view! { <p class="form__error" id=error_id.clone()>{m}</p> })
        }
    };
    let failing = move || problem.with(Option::is_some);
    let invalid = move || failing().then_some("true");
    let label = field.label.clone();
    match field.kind.clone() {
        FieldKind::Rows { columns, min_rows, max_rows } => {
            let filled = (0..max_rows)
                .filter(|r| columns.iter().any(|c| !first(&values, &format!("{name}.{r}.{}", c.name)).is_empty()))
                .max()
                .map_or(0, |r| r + 1);
            let shown = min_rows.max(filled + 2).min(max_rows).max(1);
            view! {
                <fieldset class="field rows-field" class:field--invalid=failing aria-describedby=described>
                    <legend>{label} {required}</legend>
                    {help}
                    {error}
                    {(0..shown).map(|r| view! {
                        <Row field=name.clone() row=r columns=columns.clone() values=values.clone() problems />
                    }).collect_view()}
                </fieldset>
            }
            .into_any()
        }
        FieldKind::Files { allowed, max_mb, max_files } => {
            let accept = allowed.iter().map(|a| format!(".{a}")).collect::<Vec<_>>().join(",");
            let limits = to_persian_digits(&format!(
                "{} — هر پرونده تا {max_mb} مگابایت، حداکثر {max_files} پرونده.",
                allowed.join("، ")
            ));
            let kept: Vec<FileView> = files.into_iter().filter(|f| f.slot == name).collect();
            let slot = name.clone();
            view! {
                <div class="field" class:field--invalid=failing>
                    <label for=id.clone()>{label} {required}</label>
                    {help}
                    <p class="hint">{limits}</p>
                    {(!kept.is_empty()).then(|| view! {
                        <ul class="kept-files">
                            {kept.into_iter().map(|f| {
                                let remove_id = format!("remove-{}", f.id);
                                let remove_for = remove_id.clone();
                                view! {
                                    <li>
                                        <a href=format!("/files/{}", f.id)>{f.name.clone()}</a>
                                        " "
                                        <label class="choice__option" for=remove_for>
                                            <input type="checkbox" id=remove_id name="remove" value=f.id.to_string() />
                                            {t!(i18n, request_remove_file)}
                                        </label>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                    <input id=id type="file" name=format!("file_{name}") multiple=true accept=accept
                        aria-invalid=invalid aria-describedby=described />
                    {move || chosen.with(|c| c.get(&slot).cloned()).map(|pictures| view! {
                        <ul class="chosen-pictures">
                            {pictures.into_iter().map(|(file, url)| view! {
                                <li><img src=url alt=format!("پیش‌نمایش {file}") /> <span>{file}</span></li>
                            }).collect_view()}
                        </ul>
                    })}
                    {error}
                </div>
            }
            .into_any()
        }
        FieldKind::YesNo | FieldKind::MultiSelect { .. } => {
            let chosen = values.get(&name).cloned().unwrap_or_default();
            let kind = if matches!(field.kind, FieldKind::YesNo) { "radio" } else { "checkbox" };
            let options: Vec<(String, String)> = match field.kind {
                FieldKind::MultiSelect { options } => options.into_iter().map(|o| (o.value, o.label)).collect(),
                _ => vec![("yes".to_owned(), "بله".to_owned()), ("no".to_owned(), "خیر".to_owned())],
            };
            view! {
                <fieldset class="field choice" class:field--invalid=failing aria-describedby=described>
                    <legend>{label} {required}</legend>
                    {help}
                    {options.into_iter().map(|(value, text)| {
                        let checked = chosen.contains(&value);
                        view! {
                            <label class="choice__option">
                                <input type=kind name=name.clone() value=value checked=checked aria-invalid=invalid />
                                {text}
                            </label>
                        }
                    }).collect_view()}
                    {error}
                </fieldset>
            }
            .into_any()
        }
        kind => view! {
            <div class="field" class:field--invalid=failing>
                <label for=id.clone()>{label} {required}</label>
                {help}
                <Input kind id name=name.clone() value=first(&values, &name) invalid=Signal::derive(failing) required=field.required described=Signal::derive(described) />
                {error}
            </div>
        }
        .into_any(),
    }
}

/// One row of a table: each column's input, labelled with its row.
#[component]
fn Row(
    field: String,
    row: u32,
    columns: Vec<FieldDefinition>,
    values: Fields,
    problems: Signal<HashMap<String, String>>,
) -> impl IntoView {
    let number = to_persian_digits(&(row + 1).to_string());
    view! {
        <div class="rows-field__row" role="group" aria-label=format!("سطر {number}")>
            {columns.into_iter().map(|column| {
                let name = format!("{field}.{row}.{}", column.name);
                let id = input_id(&name);
                let problem = problem_of(problems, &name);
                let error_id = format!("{id}-error");
                let described = described(problem, None, error_id.clone());
                let failing = move || problem.with(Option::is_some);
                view! {
                    <div class="field" class:field--invalid=failing>
                        <label for=id.clone()>{format!("{}، سطر {number}", column.label)}</label>
                        <Input kind=column.kind.clone() id name=name.clone() value=first(&values, &name)
                            invalid=Signal::derive(failing) required=false described=Signal::derive(described) />
                        {move || problem.get().map(|m| view! { <p class="form__error" id=error_id.clone()>{m}</p> })}
                    </div>
                }
            }).collect_view()}
        </div>
    }
}

fn problem_of(problems: Signal<HashMap<String, String>>, name: &str) -> Memo<Option<String>> {
    let name = name.to_owned();
    Memo::new(move |_| problems.with(|p| p.get(&name).cloned()))
}

/// `aria-describedby`: the help or hint, and the error while there is one.
pub fn described(
    problem: Memo<Option<String>>,
    help: Option<String>,
    error_id: String,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || {
        let ids: Vec<String> = help
            .iter()
            .cloned()
            .chain(problem.with(Option::is_some).then(|| error_id.clone()))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The input for one simple value.
#[component]
fn Input(
    kind: FieldKind,
    id: String,
    name: String,
    value: String,
    invalid: Signal<bool>,
    required: bool,
    described: Signal<Option<String>>,
) -> impl IntoView {
    let invalid = move || invalid.get().then_some("true");
    let required = required.then_some("true");
    match kind {
        FieldKind::LongText { max_chars } => view! {
            <textarea id=id name=name rows="4" maxlength=max_chars.to_string() aria-invalid=invalid
                aria-required=required aria-describedby=described>{value}</textarea>
        }
        .into_any(),
        FieldKind::Select { options } => view! {
            <select id=id name=name aria-invalid=invalid aria-required=required aria-describedby=described>
                <option value="">"—"</option>
                {options.into_iter().map(|o| {
                    let selected = o.value == value;
                    view! { <option value=o.value selected=selected>{o.label}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        FieldKind::Text { max_chars } => view! {
            <input id=id type="text" name=name value=value maxlength=max_chars.to_string() aria-invalid=invalid
                aria-required=required aria-describedby=described />
        }
        .into_any(),
        other => {
            let placeholder = matches!(other, FieldKind::JalaliDate).then_some("۱۴۰۵/۰۹/۰۲");
            let autocomplete = matches!(other, FieldKind::Mobile).then_some("tel");
            view! {
                <input id=id type="text" name=name value=value inputmode="numeric" dir="ltr" placeholder=placeholder
                    autocomplete=autocomplete aria-invalid=invalid aria-required=required aria-describedby=described />
            }
            .into_any()
        }
    }
}
