//! Checks the applicant's form in the browser with the server's own
//! [`validate`], so a mistake is named beside its input as soon as the input
//! is left, and the message goes as soon as it is put right; a file a slot
//! refuses (its type, its size, one too many) is taken out before anything
//! is sent. Only inputs the applicant has changed are judged; the server
//! still checks everything on sending, and without JavaScript its messages
//! are the only ones.

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;

use crate::domain::request_form::{FileFacts, FormDefinition};

/// What the live check keeps between events; the server only draws it.
#[derive(Clone, Copy)]
#[cfg_attr(
    not(feature = "hydrate"),
    expect(dead_code, reason = "read by the browser's check only")
)]
pub struct LiveCheck {
    form: StoredValue<FormDefinition>,
    /// Files already attached, by slot, which count towards each slot.
    kept: StoredValue<HashMap<String, Vec<FileFacts>>>,
    touched: StoredValue<BTreeSet<String>>,
    /// The messages shown: the server's at first, then the browser's.
    pub problems: RwSignal<HashMap<String, String>>,
    /// Pictures chosen and accepted, by slot: their names and local
    /// addresses, shown at once from the phone without sending anything.
    pub chosen: RwSignal<HashMap<String, Vec<(String, String)>>>,
}

impl LiveCheck {
    /// Starts from the server's `problems` for `form`.
    pub fn new(form: FormDefinition, kept: HashMap<String, Vec<FileFacts>>, problems: HashMap<String, String>) -> Self {
        Self {
            form: StoredValue::new(form),
            kept: StoredValue::new(kept),
            touched: StoredValue::new(BTreeSet::new()),
            problems: RwSignal::new(problems),
            chosen: RwSignal::new(HashMap::new()),
        }
    }

    /// An input was left after a change (`left`) or typed into: a left input
    /// is judged from now on; typing only clears or updates a message shown.
    pub fn on_event(self, ev: leptos::ev::Event, left: bool) {
        #[cfg(feature = "hydrate")]
        self.judge(ev, left);
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, left);
    }

    #[cfg(feature = "hydrate")]
    fn judge(self, ev: leptos::ev::Event, left: bool) {
        use crate::domain::request_form::validate;
        use wasm_bindgen::JsCast;

        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        let Some(form) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        let name = input.get_attribute("name").unwrap_or_default();
        let slot = name.strip_prefix("file_").map(str::to_owned);
        let judged = slot.clone().unwrap_or_else(|| name.clone());
        // A file input fires `input` and then `change` for one choice: it is
        // judged once, on `change`, or the refused file taken out on the first
        // would leave nothing to name on the second.
        if !left && (slot.is_some() || !self.problems.with_untracked(|p| p.contains_key(&judged))) {
            return;
        }
        self.touched.update_value(|t| {
            t.insert(judged.clone());
            // A table's own rule (how many rows) concerns its cells too.
            if let Some((table, _)) = judged.split_once('.') {
                t.insert(table.to_owned());
            }
        });
        let Ok(data) = web_sys::FormData::new_with_form(&form) else {
            return;
        };
        let (answers, files) = self
            .form
            .with_value(|def| read_form(def, &data, &self.kept.get_value()));
        let found: HashMap<String, String> = self
            .form
            .with_value(|def| validate(def, &answers, &files, true))
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.field, p.message))
            .collect();
        let touched = self.touched.get_value();
        let slots: Vec<String> = self.form.with_value(|def| {
            def.fields
                .iter()
                .filter(|f| matches!(f.kind, crate::domain::request_form::FieldKind::Files { .. }))
                .map(|f| f.name.clone())
                .collect()
        });
        // A refused file is taken out of its input at once, so a file too
        // large for a slow connection is never sent; its message stays until
        // that input changes again.
        if let Some(slot) = &slot
            && let Ok(chosen) = input.clone().dyn_into::<web_sys::HtmlInputElement>()
        {
            if found.contains_key(&judged) {
                chosen.set_value("");
            }
            self.show_pictures(slot, &chosen);
        }
        self.problems.update(|shown| {
            for name in &touched {
                if slots.contains(name) && *name != judged {
                    continue;
                }
                match found.get(name) {
                    Some(message) => shown.insert(name.clone(), message.clone()),
                    None => shown.remove(name),
                };
            }
        });
    }
}

#[cfg(feature = "hydrate")]
impl LiveCheck {
    /// Replaces the slot's previews with the pictures its input now holds,
    /// releasing the previous ones' memory.
    fn show_pictures(self, slot: &str, input: &web_sys::HtmlInputElement) {
        let mut pictures = Vec::new();
        if let Some(files) = input.files() {
            for file in (0..files.length()).filter_map(|i| files.get(i)) {
                if file.type_().starts_with("image/")
                    && let Ok(url) = web_sys::Url::create_object_url_with_blob(&file)
                {
                    pictures.push((file.name(), url));
                }
            }
        }
        self.chosen.update(|shown| {
            for (_, url) in shown.remove(slot).into_iter().flatten() {
                web_sys::Url::revoke_object_url(&url).ok();
            }
            if !pictures.is_empty() {
                shown.insert(slot.to_owned(), pictures);
            }
        });
    }
}

/// The form's values as the server would read them from the same post:
/// every simple field, every table cell, and the files chosen or kept.
#[cfg(feature = "hydrate")]
fn read_form(
    def: &FormDefinition,
    data: &web_sys::FormData,
    kept: &HashMap<String, Vec<FileFacts>>,
) -> (
    crate::domain::catalogue::form::Fields,
    std::collections::BTreeMap<String, Vec<FileFacts>>,
) {
    use crate::domain::request_form::FieldKind;
    use wasm_bindgen::JsCast;

    let mut answers = crate::domain::catalogue::form::Fields::new();
    let mut files = std::collections::BTreeMap::new();
    let mut put = |name: String| {
        let values: Vec<String> = data.get_all(&name).iter().filter_map(|v| v.as_string()).collect();
        if !values.is_empty() {
            answers.insert(name, values);
        }
    };
    for field in &def.fields {
        match &field.kind {
            FieldKind::Rows { columns, max_rows, .. } => {
                for row in 0..*max_rows {
                    for column in columns {
                        put(format!("{}.{row}.{}", field.name, column.name));
                    }
                }
            }
            FieldKind::Files { .. } => {
                let chosen = data.get_all(&format!("file_{}", field.name));
                let mut facts: Vec<FileFacts> = chosen
                    .iter()
                    .filter_map(|v| v.dyn_into::<web_sys::File>().ok())
                    .filter(|f| !f.name().is_empty())
                    .map(|f| FileFacts {
                        name: f.name(),
                        bytes: f.size() as u64,
                    })
                    .collect();
                facts.extend(kept.get(&field.name).into_iter().flatten().cloned());
                files.insert(field.name.clone(), facts);
            }
            _ => put(field.name.clone()),
        }
    }
    (answers, files)
}
