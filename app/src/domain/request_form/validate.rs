//! Reads an applicant's answers against a form definition into typed
//! values, or names each wrong input with a Persian message. The browser
//! runs it as people type and the server runs it on what was posted, so
//! both say the same thing.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::answer::{Answer, Answers};
use super::values::{choice, choices, date, missing, mobile, money, national_id, number, text, tidy_lines, yes_no};
use super::{FieldDefinition, FieldKind, FormDefinition, persian, shown};
use crate::domain::catalogue::form::{Fields, Problem, tidy};

/// What is known of a file before it is stored: the server passes what was
/// uploaded, the browser what was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileFacts {
    /// The file's name as the applicant's device gave it.
    pub name: String,
    /// Its size.
    pub bytes: u64,
}

/// Reads `answers` (and `files`, by field name) for `def`. A draft checks
/// only what was typed; `submitting` also requires required fields. Hidden
/// fields are neither checked nor kept.
pub fn validate(
    def: &FormDefinition,
    answers: &Fields,
    files: &BTreeMap<String, Vec<FileFacts>>,
    submitting: bool,
) -> Result<Answers, Vec<Problem>> {
    let mut c = Checker {
        answers,
        files,
        submitting,
        problems: Vec::new(),
    };
    let mut read = Answers::new();
    for (field, on) in def.fields.iter().zip(shown(def, answers)) {
        if !on {
            continue;
        }
        let answer = match &field.kind {
            FieldKind::Rows {
                columns,
                min_rows,
                max_rows,
            } => c.rows(field, columns, *min_rows, *max_rows),
            FieldKind::Files {
                allowed,
                max_mb,
                max_files,
            } => c.files(field, allowed, *max_mb, *max_files),
            _ => c.value(field, &field.name),
        };
        if let Some(answer) = answer {
            read.insert(field.name.clone(), answer);
        }
    }
    if c.problems.is_empty() {
        Ok(read)
    } else {
        Err(c.problems)
    }
}

struct Checker<'a> {
    answers: &'a Fields,
    files: &'a BTreeMap<String, Vec<FileFacts>>,
    submitting: bool,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    /// Notes the first problem of a field; one message beside an input is
    /// enough to act on.
    fn problem(&mut self, field: &str, message: String) {
        if !self.problems.iter().any(|p| p.field == field) {
            self.problems.push(Problem {
                field: field.to_owned(),
                message,
            });
        }
    }

    fn values(&self, key: &str) -> &'a [String] {
        self.answers.get(key).map(Vec::as_slice).unwrap_or_default()
    }

    /// The answer to a field typed into one input, read from `key`.
    fn value(&mut self, field: &FieldDefinition, key: &str) -> Option<Answer> {
        let values = self.values(key);
        let raw = values.first().map_or("", String::as_str);
        let parsed = match &field.kind {
            FieldKind::Text { max_chars } => text(tidy(raw), *max_chars),
            FieldKind::LongText { max_chars } => text(tidy_lines(raw), *max_chars),
            FieldKind::Number { min, max } => number(raw, *min, *max),
            FieldKind::Money => money(raw),
            FieldKind::JalaliDate => date(raw),
            FieldKind::Select { options } => choice(raw, options),
            FieldKind::MultiSelect { options } => choices(values, options),
            FieldKind::YesNo => yes_no(raw),
            FieldKind::NationalId => national_id(raw),
            FieldKind::Mobile => mobile(raw),
            FieldKind::Rows { .. } | FieldKind::Files { .. } => Ok(None),
        };
        match parsed {
            Ok(Some(answer)) => Some(answer),
            Ok(None) => {
                if self.submitting && field.required {
                    self.problem(key, missing(&field.kind));
                }
                None
            }
            Err(message) => {
                self.problem(key, message);
                None
            }
        }
    }

    /// A table posted as `{field}.{row}.{column}`. Problems keep the posted
    /// row number, so the page marks the cell it drew; blank rows (an empty
    /// row the page offers for the next entry) are dropped before counting.
    fn rows(&mut self, field: &FieldDefinition, columns: &[FieldDefinition], min: u32, max: u32) -> Option<Answer> {
        let name = &field.name;
        let prefix = format!("{name}.");
        let numbers: BTreeSet<u32> = self
            .answers
            .range(prefix.clone()..)
            .take_while(|(key, _)| key.starts_with(&prefix))
            .filter_map(|(key, _)| key[prefix.len()..].split_once('.'))
            .filter_map(|(row, _)| row.parse().ok().filter(|n: &u32| n.to_string() == row))
            .collect();
        let mut filled = Vec::new();
        for row in numbers {
            let key = |column: &FieldDefinition| format!("{name}.{row}.{}", column.name);
            let blank = |column: &FieldDefinition| self.values(&key(column)).iter().all(|v| tidy(v).is_empty());
            if columns.iter().all(blank) {
                continue;
            }
            let cells: BTreeMap<String, Answer> = columns
                .iter()
                .filter_map(|column| Some((column.name.clone(), self.value(column, &key(column))?)))
                .collect();
            filled.push(cells);
        }
        let count = u32::try_from(filled.len()).unwrap_or(u32::MAX);
        // An optional table may stay empty; once begun it needs its minimum.
        let least = match (field.required, count) {
            (true, _) => min.max(1),
            (false, 0) => 0,
            (false, _) => min,
        };
        if count > max {
            self.problem(name, format!("حداکثر {} سطر", persian(max)));
        } else if self.submitting && count < least {
            self.problem(name, format!("دست‌کم {} سطر را پر کنید", persian(least)));
        }
        (count > 0).then_some(Answer::Rows(filled))
    }

    /// A file slot: the count, each file's type by its extension, and size.
    fn files(&mut self, field: &FieldDefinition, allowed: &[String], max_mb: u32, max_files: u32) -> Option<Answer> {
        let name = &field.name;
        // A form posted with no file chosen still sends one nameless part.
        let chosen: Vec<&FileFacts> = self
            .files
            .get(name)
            .map(|all| all.iter().filter(|f| !f.name.trim().is_empty()).collect())
            .unwrap_or_default();
        if chosen.is_empty() {
            if self.submitting && field.required {
                self.problem(name, missing(&field.kind));
            }
            return None;
        }
        if chosen.len() > usize::try_from(max_files).unwrap_or(usize::MAX) {
            self.problem(name, format!("حداکثر {} پرونده", persian(max_files)));
        }
        let most = u64::from(max_mb) * 1024 * 1024;
        for file in &chosen {
            let extension = file.name.trim().rsplit_once('.').map(|(_, e)| e.to_lowercase());
            if !extension.is_some_and(|e| allowed.contains(&e)) {
                let kinds = allowed.join("، ");
                self.problem(name, format!("نوع پرونده «{}» پذیرفته نیست؛ فقط {kinds}", file.name));
            } else if file.bytes > most {
                self.problem(
                    name,
                    format!("پرونده «{}» بیش از {} مگابایت است", file.name, persian(max_mb)),
                );
            } else if file.bytes == 0 {
                self.problem(name, format!("پرونده «{}» خالی است", file.name));
            }
        }
        Some(Answer::Files(chosen.iter().map(|f| f.name.clone()).collect()))
    }
}

#[cfg(test)]
mod tests;
