//! The designer's inputs. Each writes what is typed into the shared rows at
//! once (so the preview and the checks follow every key press) and shows
//! the problem of its input beside it: the server's after a refused
//! publish, the browser's once the input has been left.

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;

use crate::domain::catalogue::form::Fields;
use crate::domain::design::{self, value};
use crate::pages::requests::fields::described;

/// The designer's state, shared by every input.
#[derive(Clone, Copy)]
pub struct Editing {
    /// Everything typed, by posted name.
    pub rows: RwSignal<Fields>,
    /// Inputs the person has left since the page opened.
    pub touched: RwSignal<BTreeSet<String>>,
    /// Whether every problem shows, as after a refused publish.
    pub all: RwSignal<bool>,
    /// The problems shown, by input name.
    pub problems: Memo<HashMap<String, String>>,
}

impl Editing {
    /// The state over `rows`; `all` shows every problem from the start.
    pub fn new(rows: Fields, all: bool) -> Self {
        let rows = RwSignal::new(rows);
        let touched = RwSignal::new(BTreeSet::new());
        let all = RwSignal::new(all);
        let problems = Memo::new(move |_| {
            let found = rows.with(|r| design::read(r).err().unwrap_or_default());
            let (every, left) = (all.get(), touched.get());
            found
                .into_iter()
                .filter(|p| {
                    let whole_list = p.field == "fields" || p.field == "steps";
                    every || left.contains(&p.field) || whole_list && !left.is_empty()
                })
                .map(|p| (p.field, p.message))
                .collect()
        });
        Self {
            rows,
            touched,
            all,
            problems,
        }
    }

    /// What the rows hold for `key`, read once when an input is drawn.
    pub fn initial(&self, key: &str) -> String {
        self.rows.with_untracked(|r| value(r, key).to_owned())
    }

    /// Whether the rows hold `wanted` among the values of `key`.
    pub fn holds(&self, key: &str, wanted: &str) -> bool {
        self.rows
            .with_untracked(|r| r.get(key).is_some_and(|v| v.iter().any(|x| x == wanted)))
    }

    fn set(&self, key: &str, typed: String) {
        self.rows.update(|r| {
            r.insert(key.to_owned(), vec![typed]);
        });
    }

    fn toggle(&self, key: &str, option: &str, on: bool) {
        self.rows.update(|r| {
            let values = r.entry(key.to_owned()).or_default();
            values.retain(|v| v != option);
            if on {
                values.push(option.to_owned());
            }
        });
    }

    fn leave(&self, key: &str) {
        if !self.touched.with_untracked(|t| t.contains(key)) {
            self.touched.update(|t| {
                t.insert(key.to_owned());
            });
        }
    }
}

/// An input's id from its posted name (`field.2.label` → `d-field-2-label`).
pub fn id_of(key: &str) -> String {
    format!("d-{}", key.replace('.', "-"))
}

/// How a [`Cell`] is typed into.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    /// Persian text.
    Words,
    /// Latin names, codes and numbers, written left to right.
    Latin,
    /// Several lines.
    Lines,
}

/// One labelled input with its hint and its problem.
#[component]
pub fn Cell(
    ed: Editing,
    key: String,
    label: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(default = Typing::Words)] typing: Typing,
    #[prop(optional, into)] hidden: Option<Signal<bool>>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    let id = id_of(&key);
    let problem = problem_of(ed, &key);
    let (error_id, hint_id) = (format!("{id}-error"), format!("{id}-hint"));
    let described = described(problem, hint.as_ref().map(|_| hint_id.clone()), error_id.clone());
    let initial = ed.initial(&key);
    let (on_input, on_leave) = (key.clone(), key.clone());
    let input = move |ev| ed.set(&on_input, event_target_value(&ev));
    let leave = move |_| ed.leave(&on_leave);
    let invalid = move || problem.with(|p| p.is_some().then_some("true"));
    let control = match typing {
        Typing::Lines => view! {
            <textarea id=id.clone() name=key rows="4" dir="auto" aria-invalid=invalid aria-describedby=described
                on:input=input on:change=leave>{initial}</textarea>
        }
        .into_any(),
        Typing::Latin | Typing::Words => view! {
            <input id=id.clone() name=key type="text" value=initial dir=(typing == Typing::Latin).then_some("ltr")
                list=list aria-invalid=invalid aria-describedby=described on:input=input on:change=leave />
        }
        .into_any(),
    };
    view! {
        <div class="field" class:field--invalid=move || problem.with(Option::is_some)
            hidden=move || hidden.is_some_and(|h| h.get())>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {control}
            {move || problem.get().map(|m| view! { <p class="form__error" id=error_id.clone()>{m}</p> })}
        </div>
    }
    .into_any()
}

/// A select of fixed options, such as a field's kind.
#[component]
pub fn Pick(ed: Editing, key: String, label: String, options: Vec<(&'static str, String)>) -> impl IntoView {
    let id = id_of(&key);
    let problem = problem_of(ed, &key);
    let error_id = format!("{id}-error");
    let described = described(problem, None, error_id.clone());
    let chosen = ed.initial(&key);
    let (on_change, on_leave) = (key.clone(), key.clone());
    view! {
        <div class="field" class:field--invalid=move || problem.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <select id=id name=key aria-describedby=described
                on:change=move |ev| { ed.set(&on_change, event_target_value(&ev)); ed.leave(&on_leave); }>
                {options.into_iter().map(|(value, title)| {
                    let selected = chosen == value;
                    view! { <option value=value selected=selected>{title}</option> }
                }).collect_view()}
            </select>
            {move || problem.get().map(|m| view! { <p class="form__error" id=error_id.clone()>{m}</p> })}
        </div>
    }
    .into_any()
}

/// Check boxes posting `key` once for each ticked option; one option makes
/// a single yes/no box.
#[component]
pub fn Ticks(ed: Editing, key: String, legend: String, options: Vec<(&'static str, String)>) -> impl IntoView {
    let id = id_of(&key);
    let problem = problem_of(ed, &key);
    let error_id = format!("{id}-error");
    let described = described(problem, None, error_id.clone());
    view! {
        <fieldset class="choice" id=id class:field--invalid=move || problem.with(Option::is_some) aria-describedby=described>
            <legend>{legend}</legend>
            <div class="choice__grid">
                {options.into_iter().map(|(option, title)| {
                    let checked = ed.holds(&key, option);
                    let (on_change, on_leave) = (key.clone(), key.clone());
                    view! {
                        <label class="choice__option">
                            <input type="checkbox" name=key.clone() value=option checked=checked
                                on:change=move |ev| { ed.toggle(&on_change, option, event_target_checked(&ev)); ed.leave(&on_leave); } />
                            {title}
                        </label>
                    }
                }).collect_view()}
            </div>
            {move || problem.get().map(|m| view! { <p class="form__error" id=error_id.clone()>{m}</p> })}
        </fieldset>
    }
    .into_any()
}

fn problem_of(ed: Editing, key: &str) -> Memo<Option<String>> {
    let key = key.to_owned();
    Memo::new(move |_| ed.problems.with(|p| p.get(&key).cloned()))
}
