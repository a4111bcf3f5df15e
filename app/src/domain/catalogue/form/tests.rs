//! The service card's editor fields read back into a card, and refused.

use super::*;

/// The fields of a small, complete card.
fn complete() -> Fields {
    let mut f = Fields::new();
    let mut put = |k: &str, v: &str| f.entry(k.to_owned()).or_default().push(v.to_owned());
    put("title", "صدور جواز تاسیس");
    put("provider", "سازمان نمونه");
    put("description", "شرح <b>خدمت</b>");
    put("kind", "g2b");
    put("nature", "sovereign");
    put("level", "provincial");
    put("life_events", "business");
    put("s0.code", "01");
    put("s0.title", "صدور");
    put("s0.trigger", "request");
    put("s0.average_duration", "۱۵ روز");
    put("s0.frequency", "once");
    put("s0.visits", "۰");
    put("s0.fee0.title", "هزینه صدور");
    put("s0.fee0.amount", "۲٬۰۰۰٬۰۰۰");
    for stage in ["informing", "request", "production", "delivery"] {
        put(&format!("s0.{stage}.electronic"), "on");
        put(&format!("s0.{stage}.channels"), "web");
    }
    put("s0.processes", "ثبت درخواست\nبررسی\n\nصدور");
    put("s0.desk.address", "میز خدمت استان");
    put("s0.desk.unit", "میز خدمت");
    put("s0.desk.steps", "دریافت\nبررسی");
    put("s0.desk.responsible", "مسئول نمونه");
    put("s0.desk.contact", "۰۲۱-۸۸۰۰۰۰۰۰");
    f
}

fn problems(f: &Fields) -> Vec<(String, String)> {
    card_from_fields(f)
        .expect_err("refused")
        .into_iter()
        .map(|p| (p.field, p.message))
        .collect()
}

#[test]
fn a_complete_card_is_read_with_amounts_in_rials_and_blank_lines_dropped() {
    let card = card_from_fields(&complete()).expect("complete");
    let sub = &card.sub_services[0];
    assert_eq!(sub.fees[0].amount_rials, 2_000_000);
    assert_eq!(sub.processes, ["ثبت درخواست", "بررسی", "صدور"]);
    assert_eq!(card.description, "شرح <b>خدمت</b>", "kept as text; pages escape it");
    assert!(card.fully_electronic());
    assert_eq!(
        card_from_fields(&card_to_fields(&card)),
        Ok(card),
        "the editor shows it back"
    );
}

#[test]
fn a_negative_fee_a_huge_title_an_unknown_choice_and_missing_fields_are_named() {
    let mut f = complete();
    f.insert("s0.fee0.amount".into(), vec!["-5000".into()]);
    f.insert("title".into(), vec!["ا".repeat(10_000)]);
    f.insert("kind".into(), vec!["g2x".into()]);
    f.insert("life_events".into(), vec!["business".into(), "moonwalk".into()]);
    f.remove("provider");
    f.remove("s0.desk.steps");
    let found = problems(&f);
    let field = |name: &str| found.iter().find(|(f, _)| f == name).map(|(_, m)| m.as_str());
    assert_eq!(field("s0.fee0.amount"), Some("عدد نمی‌تواند منفی باشد"));
    assert_eq!(field("title"), Some("حداکثر ۲۰۰ نویسه"));
    assert_eq!(field("kind"), Some("نوع خدمت را برگزینید"));
    assert_eq!(field("life_events"), Some("گزینه ناشناخته‌ای فرستاده شد"));
    assert_eq!(field("provider"), Some("این بخش را پر کنید"));
    assert!(field("s0.desk.steps").is_some());
}

#[test]
fn a_stage_is_electronic_through_a_channel_or_in_person_for_a_reason() {
    let mut f = complete();
    f.remove("s0.request.channels");
    f.remove("s0.delivery.electronic");
    let found = problems(&f);
    let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["s0.request.channels", "s0.delivery.visit_reason"]);
    f.insert("s0.request.channels".into(), vec!["sms".into()]);
    f.insert("s0.delivery.visit_reason".into(), vec!["document".into()]);
    let card = card_from_fields(&f).expect("fixed");
    assert!(!card.fully_electronic());
}

#[test]
fn sub_service_codes_are_unique_and_a_blank_new_section_is_ignored() {
    let mut f = complete();
    for (k, v) in complete().into_iter().filter(|(k, _)| k.starts_with("s0.")) {
        f.insert(k.replacen("s0.", "s1.", 1), v);
    }
    f.insert("s2.title".into(), vec![String::new()]);
    f.insert("s2.code".into(), vec![String::new()]);
    assert_eq!(
        problems(&f),
        [("s1.code".to_owned(), "شناسه زیرخدمت تکراری است".to_owned())]
    );
    f.insert("s1.code".into(), vec!["02".into()]);
    assert_eq!(card_from_fields(&f).expect("two").sub_services.len(), 2);
}

#[test]
fn only_web_addresses_are_accepted_as_the_service_address() {
    let mut f = complete();
    f.insert("s0.web_address".into(), vec!["javascript:alert(1)".into()]);
    assert_eq!(problems(&f)[0].0, "s0.web_address");
}
