use super::*;
use crate::domain::request_form::{Choice, Condition, FieldDefinition, FieldKind, FormDefinition};
use crate::domain::workflow::{StepAction, StepDefinition, WorkflowDefinition};
use crate::domain::working_days::AgreedDuration;

fn field(name: &str, kind: FieldKind) -> FieldDefinition {
    FieldDefinition {
        name: name.to_owned(),
        label: format!("عنوان {name}"),
        help: String::new(),
        required: true,
        kind,
        condition: None,
    }
}

fn sample() -> (FormDefinition, WorkflowDefinition) {
    let mut extra = field("extra", FieldKind::Text { max_chars: 50 });
    extra.condition = Some(Condition {
        field: "kind".to_owned(),
        equals: Some("b".to_owned()),
    });
    extra.required = false;
    let form = FormDefinition {
        fields: vec![
            field(
                "kind",
                FieldKind::Select {
                    options: vec![
                        Choice {
                            value: "a".into(),
                            label: "الف".into(),
                        },
                        Choice {
                            value: "b".into(),
                            label: "ب".into(),
                        },
                    ],
                },
            ),
            extra,
            field(
                "monthly",
                FieldKind::Rows {
                    columns: vec![
                        field(
                            "month",
                            FieldKind::Number {
                                min: Some(1),
                                max: Some(12),
                            },
                        ),
                        field("amount", FieldKind::Money),
                    ],
                    min_rows: 1,
                    max_rows: 12,
                },
            ),
            field(
                "proof",
                FieldKind::Files {
                    allowed: vec!["pdf".into(), "jpg".into()],
                    max_mb: 5,
                    max_files: 2,
                },
            ),
        ],
    };
    let step = |key: &str, actions: &[StepAction], duration| StepDefinition {
        key: key.to_owned(),
        title: format!("مرحله {key}"),
        unit_code: "{province}.desk".to_owned(),
        post_code: "{province}.desk.officer".to_owned(),
        duration,
        actions: actions.to_vec(),
    };
    let workflow = WorkflowDefinition {
        steps: vec![
            step(
                "check",
                &[StepAction::Approve, StepAction::Refer],
                AgreedDuration::Hours(4),
            ),
            step(
                "decide",
                &[StepAction::Decide, StepAction::Comment],
                AgreedDuration::WorkingDays(3),
            ),
        ],
        // Kept through the rows, so a published identity workflow stays one.
        verifies_identity: true,
    };
    (form, workflow)
}

fn set(fields: &mut Fields, name: &str, value: &str) {
    fields.insert(name.to_owned(), vec![value.to_owned()]);
}

fn problem_at(fields: &Fields) -> Vec<String> {
    read(fields)
        .expect_err("refused")
        .into_iter()
        .map(|p| p.field)
        .collect()
}

#[test]
fn published_definitions_open_in_the_editor_and_read_back_unchanged() {
    let (form, workflow) = sample();
    let rows = write(&form, &workflow);
    assert_eq!(value(&rows, "field.3.table"), "monthly", "a column follows its table");
    assert_eq!(read(&rows), Ok(Design { form, workflow }));
}

#[test]
fn a_word_where_a_number_belongs_is_named_beside_its_input() {
    let (form, workflow) = sample();
    let mut rows = write(&form, &workflow);
    set(&mut rows, "field.0.type", "text");
    set(&mut rows, "field.0.max_chars", "بسیار");
    set(&mut rows, "step.1.duration", "سه");
    assert_eq!(problem_at(&rows), ["field.0.max_chars", "step.1.duration"]);
}

#[test]
fn problems_of_the_whole_definition_land_on_the_row_that_caused_them() {
    let (form, workflow) = sample();
    let mut rows = write(&form, &workflow);
    set(&mut rows, "field.4.name", "month");
    set(&mut rows, "field.1.equals", "z");
    set(&mut rows, "step.1.actions", "approve");
    let at = problem_at(&rows);
    assert!(
        at.contains(&"field.4.name".to_owned()),
        "a repeated column name, at its row: {at:?}"
    );
    assert!(
        at.contains(&"field.1.equals".to_owned()),
        "an impossible condition value: {at:?}"
    );
    assert!(
        at.contains(&"step.1.actions".to_owned()),
        "a last step that cannot decide: {at:?}"
    );
}

#[test]
fn a_column_must_name_a_table_above_it() {
    let (form, workflow) = sample();
    let mut rows = write(&form, &workflow);
    set(&mut rows, "field.3.table", "yearly");
    assert_eq!(problem_at(&rows), ["field.3.table"]);
}

#[test]
fn blank_rows_are_dropped_and_rows_move_and_go_without_losing_what_was_typed() {
    let mut rows = Fields::new();
    set(&mut rows, "field.0.name", "first");
    set(&mut rows, "field.0.max_chars", "not yet a number");
    set(&mut rows, "field.1.type", "text");
    set(&mut rows, "field.2.label", "سوم");
    set(&mut rows, "step.0.key", "only");
    assert_eq!(row_indexes(&rows, RowKind::Field), [0, 1, 2]);
    let kept = tidy(&rows, Change::Keep);
    assert_eq!(row_indexes(&kept, RowKind::Field), [0, 1], "the blank row is gone");
    assert_eq!(value(&kept, "field.0.max_chars"), "not yet a number");
    let moved = tidy(&rows, Change::parse("up", "field.2"));
    assert_eq!(value(&moved, "field.0.label"), "سوم");
    assert_eq!(value(&moved, "field.1.name"), "first");
    let removed = tidy(&rows, Change::parse("remove", "field.0"));
    assert_eq!(value(&removed, "field.0.label"), "سوم");
    assert_eq!(value(&removed, "step.0.key"), "only");
    assert_eq!(Change::parse("up", "nothing.1"), Change::Keep);
}

#[test]
fn the_preview_shows_what_reads_even_while_the_rest_is_unfinished() {
    let mut rows = Fields::new();
    set(&mut rows, "field.0.label", "نام شرکت");
    set(&mut rows, "field.0.max_chars", "x");
    set(&mut rows, "field.1.name", "when");
    set(&mut rows, "field.1.type", "jalali_date");
    let form = preview(&rows);
    assert_eq!(form.fields.len(), 2);
    assert_eq!(form.fields[0].name, "preview_0", "a nameless field still previews");
    assert_eq!(form.fields[0].kind, FieldKind::Text { max_chars: 200 });
    assert_eq!(form.fields[1].kind, FieldKind::JalaliDate);
    assert!(read(&rows).is_err(), "an empty workflow does not publish");
}
