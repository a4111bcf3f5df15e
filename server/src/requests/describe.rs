//! Answers as people read them: option labels instead of stored values,
//! Persian digits, amounts grouped, tables as tables, files as links.

use std::collections::BTreeMap;

use app::contracts::requests::FileView;
use app::contracts::requests::{AnswerText, AnswerView};
use app::domain::catalogue::form::Fields;
use app::domain::digits::{format_persian_number, to_persian_digits};
use app::domain::request_form::{
    Answer, Answers, Choice, FieldDefinition, FieldKind, FileFacts, FormDefinition, validate,
};

use crate::entities::request_file;

/// Every shown answer of `fields` on `def`, in the form's order, with the
/// files kept in each file field. What does not read (a draft typed
/// wrongly) is shown as typed rather than hidden.
pub fn answers(def: &FormDefinition, fields: &Fields, files: &[request_file::Model]) -> Vec<AnswerView> {
    let facts: BTreeMap<String, Vec<FileFacts>> = files.iter().fold(BTreeMap::new(), |mut map, f| {
        map.entry(f.slot.clone()).or_insert_with(Vec::new).push(FileFacts {
            name: f.original_name.clone(),
            bytes: u64::try_from(f.size).unwrap_or_default(),
        });
        map
    });
    let read: Answers = validate(def, fields, &facts, false).unwrap_or_default();
    def.fields
        .iter()
        .filter_map(|field| {
            let value = match (&field.kind, read.get(&field.name)) {
                (FieldKind::Files { .. }, _) => {
                    let kept: Vec<FileView> = files.iter().filter(|f| f.slot == field.name).map(file_view).collect();
                    (!kept.is_empty()).then_some(AnswerText::Files(kept))?
                }
                (FieldKind::Rows { columns, .. }, Some(Answer::Rows(rows))) => AnswerText::Table {
                    columns: columns.iter().map(|c| c.label.clone()).collect(),
                    rows: rows
                        .iter()
                        .map(|row| {
                            columns
                                .iter()
                                .map(|c| row.get(&c.name).map(|a| plain(c, a)).unwrap_or_default())
                                .collect()
                        })
                        .collect(),
                },
                (_, Some(answer)) => AnswerText::Plain(plain(field, answer)),
                (_, None) => {
                    let typed = fields.get(&field.name).map(|v| v.join("، ")).unwrap_or_default();
                    (!typed.trim().is_empty()).then_some(AnswerText::Plain(typed))?
                }
            };
            Some(AnswerView {
                label: field.label.clone(),
                value,
            })
        })
        .collect()
}

/// A file as pages link it.
pub fn file_view(file: &request_file::Model) -> FileView {
    FileView {
        id: file.id,
        slot: file.slot.clone(),
        name: file.original_name.clone(),
        content_type: file.content_type.clone(),
        size: file.size,
    }
}

/// One simple answer in words.
fn plain(field: &FieldDefinition, answer: &Answer) -> String {
    let options: &[Choice] = match &field.kind {
        FieldKind::Select { options } | FieldKind::MultiSelect { options } => options,
        _ => &[],
    };
    let label = |value: &str| {
        options
            .iter()
            .find(|o| o.value == value)
            .map_or_else(|| value.to_owned(), |o| o.label.clone())
    };
    match answer {
        Answer::Text(text) => text.clone(),
        Answer::Number(n) => format_persian_number(*n),
        Answer::Money(rials) => format!(
            "{} ریال",
            format_persian_number(i64::try_from(*rials).unwrap_or(i64::MAX))
        ),
        Answer::Date(date) | Answer::NationalId(date) | Answer::Mobile(date) => to_persian_digits(date),
        Answer::Choice(value) => label(value),
        Answer::Choices(values) => values.iter().map(|v| label(v)).collect::<Vec<_>>().join("، "),
        Answer::YesNo(yes) => if *yes { "بله" } else { "خیر" }.to_owned(),
        Answer::Rows(rows) => to_persian_digits(&rows.len().to_string()),
        Answer::Files(names) => names.join("، "),
    }
}
