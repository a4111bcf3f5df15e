//! Writing definitions out as the designer's rows, so a published version
//! opens in the editor as the starting point of the next one.

use crate::domain::catalogue::form::Fields;
use crate::domain::request_form::{FieldDefinition, FieldKind, FormDefinition};
use crate::domain::workflow::WorkflowDefinition;
use crate::domain::working_days::AgreedDuration;

/// The rows that read back as `form` and `workflow`: a table's columns
/// follow it, each naming it.
pub fn write(form: &FormDefinition, workflow: &WorkflowDefinition) -> Fields {
    let mut out = Fields::new();
    let mut row = 0;
    for field in &form.fields {
        put_field(&mut out, row, field, "");
        row += 1;
        if let FieldKind::Rows { columns, .. } = &field.kind {
            for column in columns {
                put_field(&mut out, row, column, &field.name);
                row += 1;
            }
        }
    }
    for (i, step) in workflow.steps.iter().enumerate() {
        let (amount, per) = match step.duration {
            AgreedDuration::Hours(h) => (h, "hours"),
            AgreedDuration::WorkingDays(d) => (d, "days"),
        };
        let mut put = |part: &str, value: String| {
            out.insert(format!("step.{i}.{part}"), vec![value]);
        };
        put("key", step.key.clone());
        put("title", step.title.clone());
        put("unit", step.unit_code.clone());
        put("post", step.post_code.clone());
        put("duration", amount.to_string());
        put("per", per.to_owned());
        out.insert(
            format!("step.{i}.actions"),
            step.actions.iter().map(|a| a.as_str().to_owned()).collect(),
        );
    }
    if workflow.verifies_identity {
        out.insert(VERIFIES_IDENTITY.to_owned(), vec!["yes".to_owned()]);
    }
    out
}

/// The designer's input that marks a workflow as identity verification.
pub const VERIFIES_IDENTITY: &str = "workflow.verifies_identity";

fn put_field(out: &mut Fields, row: usize, field: &FieldDefinition, table: &str) {
    let mut put = |part: &str, value: String| {
        if !value.is_empty() {
            out.insert(format!("field.{row}.{part}"), vec![value]);
        }
    };
    put("name", field.name.clone());
    put("label", field.label.clone());
    put("help", field.help.clone());
    put("table", table.to_owned());
    if field.required {
        put("required", "yes".to_owned());
    }
    if let Some(condition) = &field.condition {
        put("when", condition.field.clone());
        put("equals", condition.equals.clone().unwrap_or_default());
    }
    let kind = match &field.kind {
        FieldKind::Text { max_chars } => {
            put("max_chars", max_chars.to_string());
            "text"
        }
        FieldKind::LongText { max_chars } => {
            put("max_chars", max_chars.to_string());
            "long_text"
        }
        FieldKind::Number { min, max } => {
            put("min", min.map(|m| m.to_string()).unwrap_or_default());
            put("max", max.map(|m| m.to_string()).unwrap_or_default());
            "number"
        }
        FieldKind::Money => "money",
        FieldKind::JalaliDate => "jalali_date",
        FieldKind::Select { options } | FieldKind::MultiSelect { options } => {
            let lines: Vec<String> = options.iter().map(|o| format!("{} = {}", o.value, o.label)).collect();
            put("options", lines.join("\n"));
            if matches!(field.kind, FieldKind::Select { .. }) {
                "select"
            } else {
                "multi_select"
            }
        }
        FieldKind::YesNo => "yes_no",
        FieldKind::NationalId => "national_id",
        FieldKind::Mobile => "mobile",
        FieldKind::Rows { min_rows, max_rows, .. } => {
            put("min_rows", min_rows.to_string());
            put("max_rows", max_rows.to_string());
            "rows"
        }
        FieldKind::Files {
            allowed,
            max_mb,
            max_files,
        } => {
            put("allowed", allowed.join(", "));
            put("max_mb", max_mb.to_string());
            put("max_files", max_files.to_string());
            "files"
        }
    };
    put("type", kind.to_owned());
}
