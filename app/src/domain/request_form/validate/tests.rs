//! Answers: read into typed values, or refused beside the field.

use super::*;
use crate::domain::digits::to_persian_digits;
use crate::domain::mobile::MobileError;
use crate::domain::national_id::NationalIdError;
use crate::domain::national_id::with_check_digit;
use crate::domain::request_form::tests::every_kind;
use crate::domain::request_form::values::UNKNOWN_OPTION;
use proptest::prelude::*;

type Files = BTreeMap<String, Vec<FileFacts>>;

fn answers(pairs: &[(&str, &str)]) -> Fields {
    let mut f = Fields::new();
    for (k, v) in pairs {
        f.entry((*k).to_owned()).or_default().push((*v).to_owned());
    }
    f
}

/// The required fields of [`every_kind`], filled.
fn required() -> Vec<(&'static str, &'static str)> {
    vec![("title", "کارگاه نمونه"), ("capital", "1000"), ("activity", "food")]
}

fn submit(pairs: &[(&str, &str)]) -> Result<Answers, Vec<Problem>> {
    validate(&every_kind(), &answers(pairs), &Files::new(), true)
}

/// The message beside `field` when `pairs` (with the required fields) are submitted.
fn message(pairs: &[(&str, &str)], field: &str) -> Option<String> {
    let mut all: Vec<(&str, &str)> = required();
    all.extend_from_slice(pairs);
    let problems = submit(&all).err()?;
    problems.into_iter().find(|p| p.field == field).map(|p| p.message)
}

fn file(name: &str, bytes: u64) -> FileFacts {
    FileFacts {
        name: name.to_owned(),
        bytes,
    }
}

#[test]
fn a_complete_answer_is_read_into_typed_values() {
    let id = to_persian_digits(&with_check_digit("001234567").expect("nine digits"));
    let mut pairs: Vec<(&str, &str)> = required();
    pairs.extend([
        ("notes", "سطر یک\n  سطر   دو"),
        ("workers", "۱۲"),
        ("started", "۱۴۰۵-۹-۲"),
        ("markets", "export"),
        ("markets", "domestic"),
        ("exports", "no"),
        ("manager_id", id.as_str()),
        ("manager_mobile", "۰۹۱۲ ۳۴۵ ۶۷۸۹"),
    ]);
    let files = Files::from([("licence".to_owned(), vec![file("Permit.PDF", 2048)])]);
    let read = validate(&every_kind(), &answers(&pairs), &files, true).expect("valid");
    assert_eq!(read["notes"], Answer::Text("سطر یک\nسطر دو".into()));
    assert_eq!(read["workers"], Answer::Number(12));
    assert_eq!(read["capital"], Answer::Money(1000));
    assert_eq!(read["started"], Answer::Date("1405/09/02".into()));
    assert_eq!(
        read["markets"],
        Answer::Choices(vec!["domestic".into(), "export".into()])
    );
    assert_eq!(read["exports"], Answer::YesNo(false));
    assert_eq!(read["manager_mobile"], Answer::Mobile("09123456789".into()));
    assert_eq!(read["licence"], Answer::Files(vec!["Permit.PDF".into()]));
    let json = serde_json::to_string(&read).expect("serialises");
    assert_eq!(serde_json::from_str::<Answers>(&json).expect("reads back"), read);
}

#[test]
fn a_monthly_table_drops_blank_rows_and_names_the_wrong_cell() {
    let mut pairs = required();
    pairs.extend([("monthly.0.month", "1"), ("monthly.0.quantity", "۱٬۵۰۰")]);
    pairs.extend([("monthly.1.month", ""), ("monthly.1.quantity", " ")]);
    pairs.extend([("monthly.2.month", "3"), ("monthly.2.quantity", "0")]);
    let read = submit(&pairs).expect("valid");
    let Answer::Rows(rows) = &read["monthly"] else {
        panic!("rows")
    };
    assert_eq!(rows.len(), 2, "the blank row is dropped");
    assert_eq!(rows[0]["quantity"], Answer::Number(1500));
    assert_eq!(
        message(
            &[("monthly.1.month", "2"), ("monthly.1.quantity", "abc")],
            "monthly.1.quantity"
        ),
        Some("فقط رقم وارد کنید".into())
    );
    assert_eq!(
        message(&[("monthly.4.quantity", "5")], "monthly.4.month"),
        Some("یکی از گزینه‌ها را برگزینید".into())
    );
    let four: Vec<_> = ["0", "1", "2", "3"]
        .iter()
        .map(|r| (format!("monthly.{r}.quantity"), format!("monthly.{r}.month")))
        .collect();
    let too_many: Vec<(&str, &str)> = four
        .iter()
        .flat_map(|(q, m)| [(q.as_str(), "1"), (m.as_str(), "1")])
        .collect();
    assert_eq!(message(&too_many, "monthly"), Some("حداکثر ۳ سطر".into()));
}

#[test]
fn a_condition_hides_a_required_field_until_its_source_is_set() {
    let read = submit(&[required(), vec![("export_note", "left over")]].concat()).expect("hidden");
    assert!(!read.contains_key("export_note"), "a hidden answer is not kept");
    assert_eq!(
        message(&[("exports", "yes")], "export_note"),
        Some("این بخش را پر کنید".into())
    );
    let read = submit(&[required(), vec![("exports", "yes"), ("export_note", "عراق")]].concat()).expect("shown");
    assert_eq!(read["export_note"], Answer::Text("عراق".into()));
}

#[test]
fn a_draft_skips_required_fields_but_not_what_was_typed_wrong() {
    let def = every_kind();
    let none = Files::new();
    assert_eq!(validate(&def, &Fields::new(), &none, false), Ok(Answers::new()));
    let fields: Vec<String> = validate(&def, &Fields::new(), &none, true)
        .expect_err("required")
        .into_iter()
        .map(|p| p.field)
        .collect();
    assert_eq!(fields, ["title", "capital", "activity"]);
    let typo = validate(&def, &answers(&[("workers", "ده")]), &none, false).expect_err("typo");
    assert_eq!(typo[0].field, "workers");
    assert_eq!(message(&[("title", "ا")], "title"), None, "only the first value counts");
    assert_eq!(
        message(&[("workers", "20000")], "workers"),
        Some("حداکثر ۱۰٬۰۰۰".into())
    );
}

#[test]
fn money_is_read_with_persian_digits_and_separators_but_never_negative() {
    let read = submit(&[("title", "نمونه"), ("activity", "metal"), ("capital", "۲٬۵۰۰٬۰۰۰")]).expect("valid");
    assert_eq!(read["capital"], Answer::Money(2_500_000));
    let read = submit(&[("title", "نمونه"), ("activity", "metal"), ("capital", "12,000")]).expect("valid");
    assert_eq!(read["capital"], Answer::Money(12_000));
    let negative = submit(&[("title", "نمونه"), ("activity", "metal"), ("capital", "-۵۰۰۰")]).expect_err("negative");
    assert_eq!(negative[0].message, "مبلغ نمی‌تواند منفی باشد");
    assert_eq!(
        message(&[("workers", "1.5")], "workers"),
        Some("عدد را بدون اعشار وارد کنید".into())
    );
}

#[test]
fn days_that_are_not_on_the_calendar_are_refused() {
    for wrong in ["1405/07/31", "1405/13/01", "1404/12/30", "1405/00/10"] {
        assert!(
            message(&[("started", wrong)], "started").is_some_and(|m| m.contains("تقویم")),
            "{wrong}"
        );
    }
    assert_eq!(
        message(&[("started", "2026/11/23")], "started"),
        Some("سال را به تقویم خورشیدی و میان ۱۳۰۰ و ۱۵۰۰ وارد کنید".into())
    );
    assert_eq!(
        message(&[("started", "دیروز")], "started"),
        Some("تاریخ را مانند ۱۴۰۵/۰۹/۰۲ وارد کنید".into())
    );
    assert_eq!(message(&[("started", "۱۴۰۵/۰۶/۳۱")], "started"), None);
}

#[test]
fn files_over_the_count_size_or_type_are_named() {
    let check = |chosen: Vec<FileFacts>| -> Option<String> {
        let files = Files::from([("licence".to_owned(), chosen)]);
        let problems = validate(&every_kind(), &answers(&required()), &files, true).err()?;
        problems.into_iter().find(|p| p.field == "licence").map(|p| p.message)
    };
    let three = vec![file("a.pdf", 10), file("b.pdf", 10), file("c.pdf", 10)];
    assert_eq!(check(three), Some("حداکثر ۲ پرونده".into()));
    assert_eq!(
        check(vec![file("run.exe", 10)]),
        Some("نوع پرونده «run.exe» پذیرفته نیست؛ فقط pdf، jpg".into())
    );
    assert_eq!(
        check(vec![file("scan.jpg", 6 * 1024 * 1024)]),
        Some("پرونده «scan.jpg» بیش از ۵ مگابایت است".into())
    );
    assert_eq!(check(vec![file("", 0)]), None, "no file chosen is no file");
}

#[test]
fn unknown_options_and_malformed_identifiers_are_refused() {
    assert_eq!(
        message(&[("exports", "maybe")], "exports"),
        Some("بله یا خیر را برگزینید".into())
    );
    assert_eq!(
        message(&[("markets", "export"), ("markets", "moon")], "markets"),
        Some(UNKNOWN_OPTION.into())
    );
    assert_eq!(
        message(&[("manager_id", "1111111111")], "manager_id"),
        Some(NationalIdError::BadCheckDigit.to_string())
    );
    assert_eq!(
        message(&[("manager_mobile", "02188776655")], "manager_mobile"),
        Some(MobileError::Malformed.to_string())
    );
    let wood = submit(&[("title", "نمونه"), ("capital", "1"), ("activity", "wood")]).expect_err("unknown");
    assert_eq!(
        (wood[0].field.as_str(), wood[0].message.as_str()),
        ("activity", UNKNOWN_OPTION)
    );
}

fn key() -> impl Strategy<Value = String> {
    let names = every_kind().fields.into_iter().map(|f| f.name).collect::<Vec<_>>();
    prop_oneof![
        prop::sample::select(names),
        "monthly\\.[0-9]{1,2}\\.(month|quantity)",
        "\\PC{0,10}",
    ]
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof!["[0-9۰-۹٬,/.\\- a-zآ-ی]{0,14}", "\\PC{0,12}"]
}

proptest! {
    #[test]
    fn validation_never_panics_and_keeps_only_defined_fields(
        posted in proptest::collection::btree_map(key(), proptest::collection::vec(value(), 0..3), 0..16),
        chosen in proptest::collection::vec(("\\PC{0,12}", any::<u64>()), 0..4),
        submitting in any::<bool>(),
    ) {
        let def = every_kind();
        let files = Files::from([("licence".to_owned(), chosen.into_iter().map(|(n, b)| file(&n, b)).collect())]);
        if let Ok(read) = validate(&def, &posted, &files, submitting) {
            prop_assert!(read.keys().all(|k| def.fields.iter().any(|f| &f.name == k)));
        }
    }
}
