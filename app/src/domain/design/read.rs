//! Reading the designer's rows into definitions. Every problem is named by
//! the posted input it concerns (`field.3.max_chars`, `step.1.actions`), so
//! the page shows it beside that input, whether the value did not read
//! (a word where a number belongs) or the definition as a whole is wrong
//! (a repeated name, a last step that cannot decide).

use std::str::FromStr;

use super::rows::{RowKind, is_blank, row_indexes};
use super::value;
use crate::domain::catalogue::form::{Fields, Problem, tidy};
use crate::domain::normalize::normalize_digits;
use crate::domain::request_form::{self, Choice, Condition, FieldDefinition, FieldKind, FormDefinition};
use crate::domain::workflow::{self, StepAction, StepDefinition, WorkflowDefinition};
use crate::domain::working_days::AgreedDuration;

/// A form and workflow that read and check, ready to become versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Design {
    /// The form.
    pub form: FormDefinition,
    /// The workflow.
    pub workflow: WorkflowDefinition,
}

/// The definitions the rows describe, or every problem beside its input.
pub fn read(fields: &Fields) -> Result<Design, Vec<Problem>> {
    let mut parsed = parse(fields);
    if let Err(found) = request_form::check_definition(&parsed.form) {
        for problem in found {
            let at = parsed.form_input(&problem.field);
            add(&mut parsed.problems, at, problem.message);
        }
    }
    if let Err(found) = workflow::check_definition(&parsed.workflow) {
        for problem in found {
            let at = parsed.step_input(&problem.field);
            add(&mut parsed.problems, at, problem.message);
        }
    }
    if parsed.problems.is_empty() {
        Ok(Design {
            form: parsed.form,
            workflow: parsed.workflow,
        })
    } else {
        Err(parsed.problems)
    }
}

/// The form as far as it reads, for the preview beside the editor: values
/// that do not read take their defaults and nameless fields a stand-in name.
pub fn preview(fields: &Fields) -> FormDefinition {
    let mut form = parse(fields).form;
    for (i, field) in form.fields.iter_mut().enumerate() {
        if field.name.is_empty() {
            field.name = format!("preview_{i}");
        }
    }
    form
}

/// The workflow as far as it reads, for the preview's diagram.
pub fn preview_workflow(fields: &Fields) -> WorkflowDefinition {
    parse(fields).workflow
}

/// What the rows read as, with the problems of values that did not read
/// and, for each definition entry, the row it came from.
struct Parsed {
    form: FormDefinition,
    workflow: WorkflowDefinition,
    problems: Vec<Problem>,
    /// The row of each top-level field, and of each of its columns.
    field_rows: Vec<(usize, Vec<usize>)>,
    step_rows: Vec<usize>,
}

fn parse(fields: &Fields) -> Parsed {
    let mut parsed = Parsed {
        form: FormDefinition::default(),
        workflow: WorkflowDefinition::default(),
        problems: Vec::new(),
        field_rows: Vec::new(),
        step_rows: Vec::new(),
    };
    for i in row_indexes(fields, RowKind::Field) {
        if is_blank(fields, RowKind::Field, i) {
            continue;
        }
        let row = Row {
            fields,
            prefix: format!("field.{i}"),
        };
        let field = row.field(&mut parsed.problems);
        let table = row.get("table").trim().to_owned();
        if table.is_empty() {
            parsed.form.fields.push(field);
            parsed.field_rows.push((i, Vec::new()));
            continue;
        }
        let holder = parsed
            .form
            .fields
            .iter()
            .position(|f| f.name == table && matches!(f.kind, FieldKind::Rows { .. }));
        match holder {
            Some(at) => {
                if let FieldKind::Rows { columns, .. } = &mut parsed.form.fields[at].kind {
                    columns.push(field);
                }
                parsed.field_rows[at].1.push(i);
            }
            None => add(
                &mut parsed.problems,
                row.name("table"),
                "جدولی با این نام لاتین پیش از این فیلد تعریف نشده است".to_owned(),
            ),
        }
    }
    for i in row_indexes(fields, RowKind::Step) {
        if is_blank(fields, RowKind::Step, i) {
            continue;
        }
        let row = Row {
            fields,
            prefix: format!("step.{i}"),
        };
        parsed.workflow.steps.push(row.step(&mut parsed.problems));
        parsed.step_rows.push(i);
    }
    parsed.workflow.verifies_identity = value(fields, super::write::VERIFIES_IDENTITY) == "yes";
    parsed
}

impl Parsed {
    /// The input for a problem of `request_form::check_definition`, which
    /// names `fields.{i}.{part}` or `fields.{i}.columns.{j}.{part}`.
    fn form_input(&self, at: &str) -> String {
        let Some(rest) = at.strip_prefix("fields.") else {
            return "fields".to_owned();
        };
        let (top, rest) = split_index(rest);
        let Some(&(row, ref columns)) = top.and_then(|i| self.field_rows.get(i)) else {
            return "fields".to_owned();
        };
        let (row, part) = match rest.strip_prefix("columns.") {
            Some(column) => match split_index(column) {
                (Some(j), part) if j < columns.len() => (columns[j], part),
                _ => (row, "type"),
            },
            None if rest == "columns" => (row, "type"),
            None => (row, rest),
        };
        let part = match part.split('.').next().unwrap_or_default() {
            "condition" if part.ends_with("equals") => "equals",
            "condition" => "when",
            other => other,
        };
        format!("field.{row}.{part}")
    }

    /// The input for a problem of `workflow::check_definition` (`step{i}.{part}`).
    fn step_input(&self, at: &str) -> String {
        let Some((step, part)) = at.strip_prefix("step").and_then(|r| r.split_once('.')) else {
            return "steps".to_owned();
        };
        let Some(row) = step.parse::<usize>().ok().and_then(|i| self.step_rows.get(i)) else {
            return "steps".to_owned();
        };
        let part = match part {
            "unit_code" => "unit",
            "post_code" => "post",
            other => other,
        };
        format!("step.{row}.{part}")
    }
}

/// `3.rest` → (3, rest).
fn split_index(text: &str) -> (Option<usize>, &str) {
    match text.split_once('.') {
        Some((i, rest)) => (i.parse().ok(), rest),
        None => (text.parse().ok(), ""),
    }
}

/// One row's posted values.
struct Row<'a> {
    fields: &'a Fields,
    prefix: String,
}

impl Row<'_> {
    fn name(&self, part: &str) -> String {
        format!("{}.{part}", self.prefix)
    }

    fn get(&self, part: &str) -> &str {
        value(self.fields, &self.name(part))
    }

    /// A number typed in Persian or Latin digits; empty means `default`.
    fn number<T: FromStr>(&self, part: &str, default: T, problems: &mut Vec<Problem>) -> T {
        let typed = normalize_digits(self.get(part).trim());
        if typed.is_empty() {
            return default;
        }
        typed.parse().unwrap_or_else(|_| {
            add(problems, self.name(part), "یک عدد درست بنویسید".to_owned());
            default
        })
    }

    fn optional(&self, part: &str, problems: &mut Vec<Problem>) -> Option<i64> {
        let typed = normalize_digits(self.get(part).trim());
        if typed.is_empty() {
            return None;
        }
        let parsed = typed.parse().ok();
        if parsed.is_none() {
            add(problems, self.name(part), "یک عدد درست بنویسید".to_owned());
        }
        parsed
    }

    fn field(&self, problems: &mut Vec<Problem>) -> FieldDefinition {
        let when = self.get("when").trim();
        let equals = self.get("equals").trim();
        FieldDefinition {
            name: self.get("name").trim().to_owned(),
            label: tidy(self.get("label")),
            help: self.get("help").trim().to_owned(),
            required: self.get("required") == "yes",
            kind: self.kind(problems),
            condition: (!when.is_empty()).then(|| Condition {
                field: when.to_owned(),
                equals: (!equals.is_empty()).then(|| equals.to_owned()),
            }),
        }
    }

    fn kind(&self, problems: &mut Vec<Problem>) -> FieldKind {
        match self.get("type") {
            "long_text" => FieldKind::LongText {
                max_chars: self.number("max_chars", 2000, problems),
            },
            "number" => FieldKind::Number {
                min: self.optional("min", problems),
                max: self.optional("max", problems),
            },
            "money" => FieldKind::Money,
            "jalali_date" => FieldKind::JalaliDate,
            "select" => FieldKind::Select {
                options: self.options(),
            },
            "multi_select" => FieldKind::MultiSelect {
                options: self.options(),
            },
            "yes_no" => FieldKind::YesNo,
            "national_id" => FieldKind::NationalId,
            "mobile" => FieldKind::Mobile,
            "rows" => FieldKind::Rows {
                columns: Vec::new(),
                min_rows: self.number("min_rows", 1, problems),
                max_rows: self.number("max_rows", 12, problems),
            },
            "files" => FieldKind::Files {
                allowed: self
                    .get("allowed")
                    .split([',', '،', ' '])
                    .map(|e| e.trim().trim_start_matches('.').to_lowercase())
                    .filter(|e| !e.is_empty())
                    .collect(),
                max_mb: self.number("max_mb", 5, problems),
                max_files: self.number("max_files", 1, problems),
            },
            "text" | "" => FieldKind::Text {
                max_chars: self.number("max_chars", 200, problems),
            },
            _ => {
                add(problems, self.name("type"), "نوع فیلد را از فهرست برگزینید".to_owned());
                FieldKind::Text { max_chars: 200 }
            }
        }
    }

    /// One option a line: `value = label`, or just a label that is its own value.
    fn options(&self) -> Vec<Choice> {
        self.get("options")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(|line| match line.split_once('=') {
                Some((value, label)) => Choice {
                    value: value.trim().to_owned(),
                    label: label.trim().to_owned(),
                },
                None => Choice {
                    value: line.to_owned(),
                    label: line.to_owned(),
                },
            })
            .collect()
    }

    fn step(&self, problems: &mut Vec<Problem>) -> StepDefinition {
        let amount = self.number("duration", 0, problems);
        let actions = self
            .fields
            .get(&self.name("actions"))
            .into_iter()
            .flatten()
            .filter_map(|a| StepAction::parse(a))
            .collect();
        StepDefinition {
            key: self.get("key").trim().to_owned(),
            title: tidy(self.get("title")),
            unit_code: self.get("unit").trim().to_owned(),
            post_code: self.get("post").trim().to_owned(),
            duration: if self.get("per") == "hours" {
                AgreedDuration::Hours(amount)
            } else {
                AgreedDuration::WorkingDays(amount)
            },
            actions,
        }
    }
}

fn add(problems: &mut Vec<Problem>, field: String, message: String) {
    if !problems.iter().any(|p| p.field == field) {
        problems.push(Problem { field, message });
    }
}
