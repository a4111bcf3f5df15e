//! The designer of a sub-service's form and workflow as one plain form:
//! every field of the form is a row `field.{i}.{part}` and every step a row
//! `step.{i}.{part}`, all simple inputs, so the page posts without
//! JavaScript and the browser's live preview reads the very same values.
//! A table's columns are rows too, naming their table in `table`, which
//! keeps the editor flat. What administrators type is kept as posted
//! ([`Fields`]) until it reads and checks as a whole; then it becomes the
//! next [`FormDefinition`] and [`WorkflowDefinition`].

mod read;
mod rows;
mod write;

pub use read::{Design, preview, preview_workflow, read};
pub use rows::{Change, RowKind, is_blank, row_indexes, tidy};
pub use write::{VERIFIES_IDENTITY, write};

#[cfg(test)]
mod tests;

use super::catalogue::form::Fields;

/// The kinds of field an administrator picks: posted name, Persian and
/// English label.
pub const KINDS: &[(&str, &str, &str)] = &[
    ("text", "متن یک‌خطی", "One line of text"),
    ("long_text", "متن چندخطی", "Several lines of text"),
    ("number", "عدد", "Number"),
    ("money", "مبلغ (ریال)", "Amount in rials"),
    ("jalali_date", "تاریخ شمسی", "Solar Hijri date"),
    ("select", "انتخاب یکی از فهرست", "One option of a list"),
    ("multi_select", "انتخاب چند گزینه", "Several options of a list"),
    ("yes_no", "بله / خیر", "Yes / no"),
    ("national_id", "کد ملی", "National id"),
    ("mobile", "شمارهٔ همراه", "Mobile number"),
    ("rows", "جدول با سطرهای تکرارشونده", "Table of repeating rows"),
    ("files", "بارگذاری پرونده", "File upload"),
];

/// Which settings apply to a kind, so the editor shows only those.
pub fn settings_of(kind: &str) -> &'static [&'static str] {
    match kind {
        "text" | "long_text" => &["max_chars"],
        "number" => &["min", "max"],
        "select" | "multi_select" => &["options"],
        "rows" => &["min_rows", "max_rows"],
        "files" => &["allowed", "max_mb", "max_files"],
        _ => &[],
    }
}

/// The first value posted as `name`, or empty.
pub fn value<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.get(name).and_then(|v| v.first()).map_or("", String::as_str)
}
