//! The electronic form of a sub-service, as administrators define it:
//! typed fields, required flags, help, conditions, repeating rows and file
//! slots. A definition is stored as JSON beside its version number, so a
//! request is always shown with the form it was filed with; the editor's
//! live preview in the browser and the server check answers with the same
//! [`validate`].

mod validate;

use serde::{Deserialize, Serialize};

pub use validate::{Answer, Answers, FileFacts, validate};

use super::catalogue::form::{Fields, Problem, tidy};
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

/// Checks a definition before it is saved, naming each problem as
/// `fields.{i}.{part}` (columns as `fields.{i}.columns.{j}.{part}`) so the
/// editor can show it beside the input.
pub fn check_definition(def: &FormDefinition) -> Result<(), Vec<Problem>> {
    let mut out = Vec::new();
    if def.fields.is_empty() {
        note(&mut out, "fields".into(), "دست‌کم یک فیلد تعریف کنید");
    } else if def.fields.len() > MOST_FIELDS {
        let most = persian(MOST_FIELDS);
        note(&mut out, "fields".into(), &format!("حداکثر {most} فیلد"));
    }
    check_fields(&def.fields, "fields", true, &mut out);
    if out.is_empty() { Ok(()) } else { Err(out) }
}

fn check_fields(fields: &[FieldDefinition], prefix: &str, top: bool, out: &mut Vec<Problem>) {
    for (i, field) in fields.iter().enumerate() {
        let at = |part: &str| format!("{prefix}.{i}.{part}");
        if !valid_name(&field.name) {
            let message =
                "نام فیلد را با حرف کوچک لاتین آغاز کنید و فقط حرف کوچک لاتین، رقم و _ بنویسید (حداکثر ۴۰ نویسه)";
            note(out, at("name"), message);
        } else if fields[..i].iter().any(|f| f.name == field.name) {
            note(out, at("name"), "نام فیلد تکراری است");
        }
        let label = tidy(&field.label).chars().count();
        if label == 0 {
            note(out, at("label"), "عنوان فیلد را بنویسید");
        } else if label > 200 {
            note(out, at("label"), "عنوان حداکثر ۲۰۰ نویسه");
        }
        if field.help.chars().count() > 1000 {
            note(out, at("help"), "راهنما حداکثر ۱۰۰۰ نویسه");
        }
        if !top && !field.kind.is_simple() {
            note(out, at("type"), "ستون جدول نمی‌تواند جدول یا پرونده باشد");
        } else {
            check_kind(&field.kind, &at, out);
        }
        match (&field.condition, top) {
            (Some(_), false) => note(out, at("condition.field"), "ستون‌های جدول شرط نمی‌پذیرند"),
            (Some(c), true) => check_condition(c, &fields[..i], &at, out),
            (None, _) => {}
        }
    }
}

fn check_kind(kind: &FieldKind, at: &dyn Fn(&str) -> String, out: &mut Vec<Problem>) {
    let within = |value: u32, most: u32| (1..=most).contains(&value);
    match kind {
        FieldKind::Text { max_chars } if !within(*max_chars, 1000) => {
            note(out, at("max_chars"), "حداکثر نویسه‌ها باید میان ۱ و ۱۰۰۰ باشد");
        }
        FieldKind::LongText { max_chars } if !within(*max_chars, 20_000) => {
            note(out, at("max_chars"), "حداکثر نویسه‌ها باید میان ۱ و ۲۰۰۰۰ باشد");
        }
        FieldKind::Number {
            min: Some(min),
            max: Some(max),
        } if min > max => note(out, at("max"), "بیشینه نباید از کمینه کمتر باشد"),
        FieldKind::Select { options } | FieldKind::MultiSelect { options } => check_options(options, at, out),
        FieldKind::Rows {
            columns,
            min_rows,
            max_rows,
        } => {
            if columns.is_empty() {
                note(out, at("columns"), "دست‌کم یک ستون تعریف کنید");
            }
            if !within(*max_rows, MOST_ROWS) {
                note(out, at("max_rows"), "بیشترین تعداد سطرها باید میان ۱ و ۲۰۰ باشد");
            } else if min_rows > max_rows {
                note(out, at("min_rows"), "کمترین تعداد سطرها نباید از بیشترین بیشتر باشد");
            }
            check_fields(columns, &at("columns"), false, out);
        }
        FieldKind::Files {
            allowed,
            max_mb,
            max_files,
        } => {
            if !within(*max_files, 20) {
                note(out, at("max_files"), "تعداد پرونده‌ها باید میان ۱ و ۲۰ باشد");
            }
            if !within(*max_mb, 50) {
                note(out, at("max_mb"), "حجم هر پرونده باید میان ۱ و ۵۰ مگابایت باشد");
            }
            let extension = |e: &String| {
                (1..=10).contains(&e.len()) && e.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            };
            if allowed.is_empty() {
                note(out, at("allowed"), "دست‌کم یک پسوند مجاز بنویسید، مانند pdf");
            } else if !allowed.iter().all(extension) {
                note(
                    out,
                    at("allowed"),
                    "پسوندها را با حرف کوچک لاتین و بی‌نقطه بنویسید، مانند pdf",
                );
            }
        }
        _ => {}
    }
}

fn check_options(options: &[Choice], at: &dyn Fn(&str) -> String, out: &mut Vec<Problem>) {
    if options.is_empty() {
        note(out, at("options"), "دست‌کم یک گزینه تعریف کنید");
    } else if options.len() > MOST_OPTIONS {
        note(out, at("options"), "حداکثر ۲۰۰ گزینه");
    }
    for (j, option) in options.iter().enumerate() {
        let value = plain(&option.value);
        if value.is_empty() || value.chars().count() > 100 {
            note(
                out,
                at(&format!("options.{j}.value")),
                "مقدار گزینه را با حداکثر ۱۰۰ نویسه بنویسید",
            );
        } else if options[..j].iter().any(|o| plain(&o.value) == value) {
            note(out, at(&format!("options.{j}.value")), "مقدار گزینه تکراری است");
        }
        if tidy(&option.label).is_empty() {
            note(out, at(&format!("options.{j}.label")), "عنوان گزینه را بنویسید");
        }
    }
}

fn check_condition(c: &Condition, earlier: &[FieldDefinition], at: &dyn Fn(&str) -> String, out: &mut Vec<Problem>) {
    let Some(source) = earlier.iter().find(|f| f.name == c.field) else {
        note(
            out,
            at("condition.field"),
            "شرط باید به فیلدی پیش از این فیلد اشاره کند",
        );
        return;
    };
    if !source.kind.is_simple() {
        note(out, at("condition.field"), "شرط نمی‌تواند به جدول یا پرونده اشاره کند");
        return;
    }
    let Some(wanted) = c.equals.as_deref().map(plain) else {
        return;
    };
    let possible = match &source.kind {
        FieldKind::Select { options } | FieldKind::MultiSelect { options } => {
            options.iter().any(|o| plain(&o.value) == wanted)
        }
        FieldKind::YesNo => wanted == "yes" || wanted == "no",
        _ => !wanted.is_empty(),
    };
    if !possible {
        note(out, at("condition.equals"), "این مقدار در پاسخ‌های ممکن فیلد شرط نیست");
    }
}

/// `[a-z][a-z0-9_]{0,39}`: safe in posted names, URLs and JSON keys, and
/// free of the dot that separates a table's rows and columns.
fn valid_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && name.len() <= 40
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn note(out: &mut Vec<Problem>, field: String, message: &str) {
    if !out.iter().any(|p| p.field == field) {
        out.push(Problem {
            field,
            message: message.to_owned(),
        });
    }
}

fn persian(n: impl ToString) -> String {
    to_persian_digits(&n.to_string())
}

#[cfg(test)]
mod tests {
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
}
