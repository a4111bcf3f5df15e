//! The electronic form of a sub-service, as administrators define it:
//! typed fields, required flags, help, conditions, repeating rows and file
//! slots. A definition is stored as JSON beside its version number, so a
//! request is always shown with the form it was filed with; the editor's
//! live preview in the browser and the server check answers with the same
//! [`validate`].

mod answer;
mod definition;
mod validate;
mod values;

use serde::{Deserialize, Serialize};

pub use answer::{Answer, Answers};
pub use definition::check_definition;
pub use validate::{FileFacts, validate};

use super::catalogue::form::{Fields, tidy};
use super::digits::to_persian_digits;
use super::normalize::normalize_digits;

/// Most fields one form holds; more is a mistake, never a real form.
const MOST_FIELDS: usize = 100;
/// Most options of one select; longer lists belong in another service.
const MOST_OPTIONS: usize = 200;
/// Most rows a repeating table may allow.
const MOST_ROWS: u32 = 200;

/// One version of a sub-service's form; the version number lives in the
/// row that stores it, so copies can be compared without it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDefinition {
    /// The fields in the order they are shown.
    pub fields: Vec<FieldDefinition>,
}

/// One field of the form, or one column of a repeating table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDefinition {
    /// The posted name: a Latin key that never changes once requests use it.
    pub name: String,
    /// What the applicant reads, in Persian.
    pub label: String,
    /// A line of guidance shown under the input.
    #[serde(default)]
    pub help: String,
    /// Whether the request can be submitted without it (drafts always can).
    #[serde(default)]
    pub required: bool,
    /// What is typed, and the limits that apply.
    pub kind: FieldKind,
    /// When set, the field is shown, required and checked only if it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
}

/// What a field holds; tagged by `type` so stored JSON reads on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text.
    Text { max_chars: u32 },
    /// Several lines of text; line breaks are kept.
    LongText { max_chars: u32 },
    /// A whole number, possibly bounded.
    Number { min: Option<i64>, max: Option<i64> },
    /// An amount in rials: whole, never negative.
    Money,
    /// A day on the Solar Hijri calendar.
    JalaliDate,
    /// One option of a list.
    Select { options: Vec<Choice> },
    /// Any number of options of a list.
    MultiSelect { options: Vec<Choice> },
    /// Yes or no, posted as `yes` / `no`.
    YesNo,
    /// An Iranian national id with a valid check digit.
    NationalId,
    /// An Iranian mobile number.
    Mobile,
    /// A table of rows, such as one row a month, posted as `{field}.{row}.{column}`.
    Rows {
        columns: Vec<FieldDefinition>,
        min_rows: u32,
        max_rows: u32,
    },
    /// A slot for uploaded files.
    Files {
        /// Lowercase extensions without the dot, such as `pdf`.
        allowed: Vec<String>,
        max_mb: u32,
        max_files: u32,
    },
}

impl FieldKind {
    /// Whether a value is typed into one input: tables and file slots are
    /// not, so they can be neither a table's column nor a condition's source.
    pub fn is_simple(&self) -> bool {
        !matches!(self, Self::Rows { .. } | Self::Files { .. })
    }
}

/// One option of a select: the stored value and the label people read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// What is posted and stored; it never changes once requests use it.
    pub value: String,
    /// What the applicant reads.
    pub label: String,
}

/// Shows a field only when an earlier field has a value (any value, or
/// exactly `equals`); pointing only backwards rules out cycles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// The name of an earlier, simple field.
    pub field: String,
    /// The value it must hold; `None` for any non-empty value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<String>,
}

/// Whether the page should show field `name` for what has been typed so
/// far; a field whose condition's source is itself hidden is hidden too.
pub fn visible(def: &FormDefinition, answers: &Fields, name: &str) -> bool {
    def.fields
        .iter()
        .zip(shown(def, answers))
        .any(|(field, on)| on && field.name == name)
}

/// Which fields are shown, in order: conditions refer to earlier fields,
/// so one pass settles them all.
fn shown(def: &FormDefinition, answers: &Fields) -> Vec<bool> {
    let mut shown: Vec<bool> = Vec::with_capacity(def.fields.len());
    for field in &def.fields {
        let on = field.condition.as_ref().is_none_or(|c| {
            let source_shown = def.fields.iter().zip(&shown).any(|(f, &was)| was && f.name == c.field);
            source_shown && holds(c, answers.get(&c.field).map(Vec::as_slice).unwrap_or_default())
        });
        shown.push(on);
    }
    shown
}

fn holds(condition: &Condition, values: &[String]) -> bool {
    let mut typed = values.iter().map(|v| plain(v)).filter(|v| !v.is_empty());
    match &condition.equals {
        None => typed.next().is_some(),
        Some(wanted) => {
            let wanted = plain(wanted);
            typed.any(|v| v == wanted)
        }
    }
}

/// A value as compared with options and conditions: tidied, ASCII digits.
fn plain(text: &str) -> String {
    normalize_digits(&tidy(text))
}

fn persian(n: impl ToString) -> String {
    to_persian_digits(&n.to_string())
}

#[cfg(test)]
mod tests;
