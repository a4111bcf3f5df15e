//! A permit card as the administrators' editor posts it, read like the
//! service card (see [`super::form`]): the permit's own fields by name, each
//! kind of application of form 1 as `k{i}.{field}` and each inquired agency
//! of form 2 as `q{i}.{field}`. Lists are typed one item per line.

use super::form::rows;
use super::permit::{Applicant, PermitAction, PermitCard, PermitInquiry, PermitKind};
use super::reader::{Fields, Problem, Reader};

/// Beyond a thousand billion rials is a typing mistake (see the service fees).
const MOST_RIALS: u64 = 1_000_000_000_000;

/// Reads the posted fields into a permit card, or says what is wrong beside
/// which field. The issuing service (`service`) is the server's to check.
pub fn permit_from_fields(fields: &Fields) -> Result<PermitCard, Vec<Problem>> {
    let mut r = Reader {
        fields,
        problems: Vec::new(),
    };
    let title = r.text("title", 200, true);
    let issuer = r.text("issuer", 200, true);
    let description = r.text("description", 4000, false);
    let kinds: Vec<(usize, PermitKind)> = (0..rows(fields, "k").max(1))
        .filter_map(|i| kind(&mut r, i).map(|k| (i, k)))
        .collect();
    if kinds.is_empty() {
        r.problem("k0.kind", "دست‌کم یک نوع درخواست (صدور، تمدید، اصلاح یا لغو) را شرح دهید");
    }
    for (n, (i, k)) in kinds.iter().enumerate() {
        if kinds[..n].iter().any(|(_, other)| other.kind == k.kind) {
            r.problem(&format!("k{i}.kind"), "این نوع درخواست پیش‌تر آمده است");
        }
    }
    let inquiries: Vec<PermitInquiry> = (0..rows(fields, "q")).filter_map(|i| inquiry(&mut r, i)).collect();
    if inquiries.is_empty() && kinds.iter().any(|(_, k)| k.shared_process) {
        r.problem(
            "q0.agency",
            "فرآیند مشترک است؛ دستگاه‌هایی را که از آن‌ها استعلام می‌شود بنویسید",
        );
    }
    let card = PermitCard {
        title,
        issuer,
        description,
        kinds: kinds.into_iter().map(|(_, k)| k).collect(),
        inquiries,
    };
    r.finish(card)
}

/// The fields that draw `card` in the editor.
pub fn permit_to_fields(card: &PermitCard) -> Fields {
    let mut f = Fields::new();
    let mut put = |key: String, value: String| f.entry(key).or_default().push(value);
    put("title".into(), card.title.clone());
    put("issuer".into(), card.issuer.clone());
    put("description".into(), card.description.clone());
    for (i, k) in card.kinds.iter().enumerate() {
        let key = |name: &str| format!("k{i}.{name}");
        put(key("kind"), k.kind.as_str().into());
        put(key("legal_basis"), k.legal_basis.clone());
        put(key("documents"), k.documents.join("\n"));
        put(key("validity"), k.validity.clone());
        put(key("fee"), k.fee_rials.to_string());
        for applicant in &k.applicants {
            put(key("applicants"), applicant.as_str().into());
        }
        if k.shared_process {
            put(key("shared"), "on".into());
        }
        put(key("supervisors"), k.supervisors.join("\n"));
        put(key("duration"), k.duration.clone());
        if k.electronic {
            put(key("electronic"), "on".into());
        }
        put(key("notes"), k.notes.clone());
    }
    for (i, q) in card.inquiries.iter().enumerate() {
        let key = |name: &str| format!("q{i}.{name}");
        put(key("agency"), q.agency.clone());
        put(key("subject"), q.subject.clone());
        put(key("documents"), q.documents.join("\n"));
        put(key("fee"), q.fee_rials.to_string());
        put(key("validity"), q.validity.clone());
        put(key("duration"), q.duration.clone());
        if q.electronic {
            put(key("electronic"), "on".into());
        }
        put(key("notes"), q.notes.clone());
    }
    f
}

/// Form 1's row `i`; a blank row (the editor's spare one) is skipped.
fn kind(r: &mut Reader, i: usize) -> Option<PermitKind> {
    let p = format!("k{i}.");
    let key = |name: &str| format!("{p}{name}");
    let texts = [
        "kind",
        "legal_basis",
        "documents",
        "validity",
        "fee",
        "supervisors",
        "duration",
        "notes",
    ];
    if r.blank(&p, &texts) && r.fields.get(&key("applicants")).is_none_or(|v| v.is_empty()) {
        return None;
    }
    let applicants = r.choices(&key("applicants"), Applicant::parse);
    if applicants.is_empty() {
        r.problem(&key("applicants"), "دست‌کم یک گروه متقاضی را برگزینید");
    }
    Some(PermitKind {
        kind: r.choice(&key("kind"), PermitAction::parse, "نوع درخواست را برگزینید"),
        legal_basis: r.text(&key("legal_basis"), 500, true),
        documents: r.lines(&key("documents"), true),
        validity: r.text(&key("validity"), 100, false),
        fee_rials: r.number(&key("fee"), MOST_RIALS).unwrap_or(0),
        applicants,
        shared_process: r.checked(&key("shared")),
        supervisors: r.lines(&key("supervisors"), false),
        duration: r.text(&key("duration"), 100, true),
        electronic: r.checked(&key("electronic")),
        notes: r.text(&key("notes"), 1000, false),
    })
}

/// Form 2's row `i`; a blank row is skipped.
fn inquiry(r: &mut Reader, i: usize) -> Option<PermitInquiry> {
    let p = format!("q{i}.");
    let key = |name: &str| format!("{p}{name}");
    let texts = ["agency", "subject", "documents", "fee", "validity", "duration", "notes"];
    if r.blank(&p, &texts) {
        return None;
    }
    Some(PermitInquiry {
        agency: r.text(&key("agency"), 200, true),
        subject: r.text(&key("subject"), 300, true),
        documents: r.lines(&key("documents"), false),
        fee_rials: r.number(&key("fee"), MOST_RIALS).unwrap_or(0),
        validity: r.text(&key("validity"), 100, false),
        duration: r.text(&key("duration"), 100, true),
        electronic: r.checked(&key("electronic")),
        notes: r.text(&key("notes"), 1000, false),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(f: &mut Fields, k: &str, v: &str) {
        f.entry(k.to_owned()).or_default().push(v.to_owned());
    }

    /// A small, complete permit.
    fn complete() -> Fields {
        let mut f = Fields::new();
        put(&mut f, "title", "جواز نمونه");
        put(&mut f, "issuer", "سازمان نمونه");
        put(&mut f, "k0.kind", "issue");
        put(&mut f, "k0.legal_basis", "ماده ۱ قانون نمونه");
        put(&mut f, "k0.documents", "درخواست کتبی\n\nطرح توجیهی");
        put(&mut f, "k0.fee", "۱٬۵۰۰٬۰۰۰");
        put(&mut f, "k0.applicants", "natural");
        put(&mut f, "k0.applicants", "legal");
        put(&mut f, "k0.duration", "۱۵ روز کاری");
        put(&mut f, "k0.electronic", "on");
        f
    }

    fn problems(f: &Fields) -> Vec<(String, String)> {
        permit_from_fields(f)
            .expect_err("refused")
            .into_iter()
            .map(|p| (p.field, p.message))
            .collect()
    }

    #[test]
    fn a_complete_permit_is_read_and_shown_back_the_same() {
        let card = permit_from_fields(&complete()).expect("complete");
        assert_eq!(card.kinds[0].fee_rials, 1_500_000);
        assert_eq!(card.kinds[0].documents, ["درخواست کتبی", "طرح توجیهی"]);
        assert_eq!(card.kinds[0].applicants, [Applicant::Natural, Applicant::Legal]);
        assert_eq!(permit_from_fields(&permit_to_fields(&card)), Ok(card));
    }

    #[test]
    fn a_negative_fee_an_unknown_kind_and_missing_fields_are_named() {
        let mut f = complete();
        f.insert("k0.fee".into(), vec!["-10".into()]);
        f.insert("k0.kind".into(), vec!["steal".into()]);
        f.insert("k0.applicants".into(), vec!["martian".into()]);
        f.remove("title");
        f.remove("k0.duration");
        let found = problems(&f);
        let field = |name: &str| found.iter().find(|(f, _)| f == name).map(|(_, m)| m.as_str());
        assert_eq!(field("k0.fee"), Some("عدد نمی‌تواند منفی باشد"));
        assert_eq!(field("k0.kind"), Some("نوع درخواست را برگزینید"));
        assert_eq!(field("k0.applicants"), Some("گزینه ناشناخته‌ای فرستاده شد"));
        assert_eq!(field("title"), Some("این بخش را پر کنید"));
        assert_eq!(field("k0.duration"), Some("این بخش را پر کنید"));
    }

    #[test]
    fn a_kind_appears_once_and_a_shared_process_names_its_agencies() {
        let mut f = complete();
        for (k, v) in complete().into_iter().filter(|(k, _)| k.starts_with("k0.")) {
            f.insert(k.replacen("k0.", "k1.", 1), v);
        }
        put(&mut f, "k1.shared", "on");
        put(&mut f, "k2.kind", "");
        let fields: Vec<String> = problems(&f).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["k1.kind", "q0.agency"]);
        f.insert("k1.kind".into(), vec!["renew".into()]);
        put(&mut f, "q0.agency", "اداره نمونه");
        put(&mut f, "q0.subject", "استعلام نمونه");
        put(&mut f, "q0.duration", "۷ روز");
        let card = permit_from_fields(&f).expect("fixed");
        assert_eq!(card.kinds.len(), 2, "the blank spare row is not a kind");
        assert_eq!(card.inquiries[0].agency, "اداره نمونه");
    }

    #[test]
    fn a_permit_without_any_kind_is_refused_at_the_first_row() {
        let mut f = Fields::new();
        put(&mut f, "title", "جواز");
        put(&mut f, "issuer", "سازمان");
        assert_eq!(problems(&f)[0].0, "k0.kind");
    }
}
