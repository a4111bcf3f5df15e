//! Checking a form definition before it is saved: names, labels, bounds,
//! options and conditions, each problem named where the editor shows it.

use super::{
    Choice, Condition, FieldDefinition, FieldKind, FormDefinition, MOST_FIELDS, MOST_OPTIONS, MOST_ROWS, persian, plain,
};
use crate::domain::catalogue::form::{Problem, tidy};

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
