//! Definitions: what an administrator may define and what is refused.

use super::*;

/// A field with a label and no condition, optional.
pub(super) fn field(name: &str, kind: FieldKind) -> FieldDefinition {
    FieldDefinition {
        name: name.to_owned(),
        label: "پرسش نمونه".to_owned(),
        help: String::new(),
        required: false,
        kind,
        condition: None,
    }
}

pub(super) fn options(values: &[&str]) -> Vec<Choice> {
    let choice = |v: &&str| Choice {
        value: (*v).to_owned(),
        label: format!("گزینه {v}"),
    };
    values.iter().map(choice).collect()
}

/// A form with one field of every kind; `export_note` is required and
/// shown only when `exports` is yes.
pub(super) fn every_kind() -> FormDefinition {
    let required = |f: FieldDefinition| FieldDefinition { required: true, ..f };
    let month = required(field(
        "month",
        FieldKind::Select {
            options: options(&["1", "2", "3"]),
        },
    ));
    let quantity = required(field(
        "quantity",
        FieldKind::Number {
            min: Some(0),
            max: None,
        },
    ));
    let fields = vec![
        required(field("title", FieldKind::Text { max_chars: 20 })),
        field("notes", FieldKind::LongText { max_chars: 2000 }),
        field(
            "workers",
            FieldKind::Number {
                min: Some(0),
                max: Some(10_000),
            },
        ),
        required(field("capital", FieldKind::Money)),
        field("started", FieldKind::JalaliDate),
        required(field(
            "activity",
            FieldKind::Select {
                options: options(&["food", "metal"]),
            },
        )),
        field(
            "markets",
            FieldKind::MultiSelect {
                options: options(&["domestic", "export"]),
            },
        ),
        field("exports", FieldKind::YesNo),
        FieldDefinition {
            condition: Some(Condition {
                field: "exports".into(),
                equals: Some("yes".into()),
            }),
            ..required(field("export_note", FieldKind::Text { max_chars: 200 }))
        },
        field("manager_id", FieldKind::NationalId),
        field("manager_mobile", FieldKind::Mobile),
        field(
            "monthly",
            FieldKind::Rows {
                columns: vec![month, quantity],
                min_rows: 0,
                max_rows: 3,
            },
        ),
        field(
            "licence",
            FieldKind::Files {
                allowed: vec!["pdf".into(), "jpg".into()],
                max_mb: 5,
                max_files: 2,
            },
        ),
    ];
    FormDefinition { fields }
}

fn problems(def: &FormDefinition) -> Vec<String> {
    check_definition(def)
        .expect_err("refused")
        .into_iter()
        .map(|p| p.field)
        .collect()
}

#[test]
fn a_form_with_every_kind_of_field_is_accepted_and_survives_json() {
    let def = every_kind();
    assert_eq!(check_definition(&def), Ok(()));
    let json = serde_json::to_string(&def).expect("serialises");
    assert!(json.contains(r#""type":"multi_select""#), "{json}");
    assert_eq!(serde_json::from_str::<FormDefinition>(&json).expect("reads back"), def);
}

#[test]
fn duplicate_names_later_sources_nested_tables_and_empty_options_are_named() {
    let mut def = every_kind();
    def.fields[1].name = "title".into();
    def.fields[2].condition = Some(Condition {
        field: "capital".into(),
        equals: None,
    });
    def.fields[5].kind = FieldKind::Select { options: Vec::new() };
    if let FieldKind::Rows { columns, .. } = &mut def.fields[11].kind {
        columns[1].kind = FieldKind::Rows {
            columns: Vec::new(),
            min_rows: 0,
            max_rows: 1,
        };
    }
    assert_eq!(
        problems(&def),
        [
            "fields.1.name",
            "fields.2.condition.field",
            "fields.5.options",
            "fields.11.columns.1.type"
        ]
    );
}

#[test]
fn bad_names_bounds_file_limits_and_impossible_condition_values_are_named() {
    let mut def = every_kind();
    def.fields[0].name = "Title".into();
    def.fields[2].kind = FieldKind::Number {
        min: Some(5),
        max: Some(1),
    };
    def.fields[8].condition = Some(Condition {
        field: "exports".into(),
        equals: Some("maybe".into()),
    });
    def.fields[11].kind = FieldKind::Rows {
        columns: Vec::new(),
        min_rows: 5,
        max_rows: 201,
    };
    def.fields[12].kind = FieldKind::Files {
        allowed: vec![".PDF".into()],
        max_mb: 51,
        max_files: 0,
    };
    assert_eq!(
        problems(&def),
        [
            "fields.0.name",
            "fields.2.max",
            "fields.8.condition.equals",
            "fields.11.columns",
            "fields.11.max_rows",
            "fields.12.max_files",
            "fields.12.max_mb",
            "fields.12.allowed",
        ]
    );
}

#[test]
fn a_conditional_field_shows_only_while_its_source_holds_the_value() {
    let def = every_kind();
    let with = |v: &str| Fields::from([("exports".to_owned(), vec![v.to_owned()])]);
    assert!(!visible(&def, &Fields::new(), "export_note"));
    assert!(!visible(&def, &with("no"), "export_note"));
    assert!(visible(&def, &with("yes"), "export_note"));
    assert!(visible(&def, &Fields::new(), "title"));
    assert!(!visible(&def, &Fields::new(), "no_such_field"));
}
