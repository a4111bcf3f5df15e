//! The service card as the administrators' editor posts it: named fields,
//! some repeated, read into a [`ServiceCard`] with a Persian message beside
//! every field that is wrong. The editor is drawn from the same names, so
//! what was typed can be shown again exactly as typed.
//!
//! Names: the service's fields by name (`title`, `kind`, `life_events`…);
//! sub-service `i`'s fields as `s{i}.{field}`; its fees, internal and
//! external inquiries as rows `s{i}.fee{j}.{field}`, `s{i}.int{j}.{field}`,
//! `s{i}.ext{j}.{field}`; its stages as `s{i}.{stage}.{field}`; the desk
//! sheet as `s{i}.desk.{field}`. Lists are typed one item per line.

use std::collections::BTreeMap;

use super::card::{DeskSheet, Fee, Inquiry, Recipients, ServiceCard, StageAccess, SubServiceCard};
use super::choices::{Channel, Frequency, Level, LifeEvent, Nature, Period, ServiceKind, Stage, Trigger, VisitReason};
use crate::domain::normalize::digits_only;

/// Posted fields: every value of every name, in order.
pub type Fields = BTreeMap<String, Vec<String>>;

/// What is wrong with one field of the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The field's posted name.
    pub field: String,
    /// What to fix, in Persian.
    pub message: String,
}

/// The most sub-services, rows or list items one card holds; more is a
/// mistake or an attack, never a real service.
const MOST_ROWS: usize = 30;

/// Reads the posted fields into a card, or says what is wrong beside which
/// field. Nothing is guessed: an unknown choice is refused like a missing one.
pub fn card_from_fields(fields: &Fields) -> Result<ServiceCard, Vec<Problem>> {
    let mut r = Reader {
        fields,
        problems: Vec::new(),
    };
    let card = ServiceCard {
        title: r.text("title", 200, true),
        national_id: r.digits("national_id", 20),
        provider: r.text("provider", 200, true),
        parent_agency: r.text("parent_agency", 200, false),
        description: r.text("description", 4000, true),
        kind: r.choice("kind", ServiceKind::parse, "نوع خدمت را برگزینید"),
        audience: r.text("audience", 200, false),
        nature: r.choice("nature", Nature::parse, "ماهیت خدمت را برگزینید"),
        level: r.choice("level", Level::parse, "سطح خدمت را برگزینید"),
        life_events: r.choices("life_events", LifeEvent::parse),
        sub_services: Vec::new(),
    };
    let sections: Vec<usize> = (0..MOST_ROWS).filter(|i| r.present(&format!("s{i}."))).collect();
    let read: Vec<(usize, SubServiceCard)> = sections
        .into_iter()
        .filter_map(|i| r.sub_service(i).map(|sub| (i, sub)))
        .collect();
    if read.is_empty() {
        r.problem("s0.title", "دست‌کم یک زیرخدمت با عنوان و شناسه لازم است");
    }
    for (n, (i, sub)) in read.iter().enumerate() {
        if read[..n].iter().any(|(_, s)| s.code == sub.code) {
            r.problem(&format!("s{i}.code"), "شناسه زیرخدمت تکراری است");
        }
    }
    let card = ServiceCard {
        sub_services: read.into_iter().map(|(_, sub)| sub).collect(),
        ..card
    };
    r.finish(card)
}

/// The fields that draw `card` in the editor.
pub fn card_to_fields(card: &ServiceCard) -> Fields {
    let mut f = Fields::new();
    let mut put = |key: String, value: String| {
        f.entry(key).or_default().push(value);
    };
    put("title".into(), card.title.clone());
    put("national_id".into(), card.national_id.clone());
    put("provider".into(), card.provider.clone());
    put("parent_agency".into(), card.parent_agency.clone());
    put("description".into(), card.description.clone());
    put("kind".into(), card.kind.as_str().into());
    put("audience".into(), card.audience.clone());
    put("nature".into(), card.nature.as_str().into());
    put("level".into(), card.level.as_str().into());
    for event in &card.life_events {
        put("life_events".into(), event.as_str().into());
    }
    for (i, s) in card.sub_services.iter().enumerate() {
        let k = |name: &str| format!("s{i}.{name}");
        put(k("code"), s.code.clone());
        put(k("title"), s.title.clone());
        put(k("description"), s.description.clone());
        put(k("trigger"), s.trigger.as_str().into());
        put(k("documents"), s.documents.join("\n"));
        put(k("laws"), s.laws.join("\n"));
        put(
            k("recipients"),
            s.recipients.map(|r| r.count.to_string()).unwrap_or_default(),
        );
        put(
            k("recipients_per"),
            s.recipients.map_or(Period::Month, |r| r.per).as_str().into(),
        );
        put(k("average_duration"), s.average_duration.clone());
        put(k("frequency"), s.frequency.as_str().into());
        put(k("visits"), s.visits.to_string());
        if s.paid_electronically {
            put(k("paid_electronically"), "on".into());
        }
        put(k("web_address"), s.web_address.clone());
        put(k("system_name"), s.system_name.clone());
        put(k("processes"), s.processes.join("\n"));
        for (j, fee) in s.fees.iter().enumerate() {
            put(k(&format!("fee{j}.title")), fee.title.clone());
            put(k(&format!("fee{j}.amount")), fee.amount_rials.to_string());
            put(k(&format!("fee{j}.account")), fee.account.clone());
            put(k(&format!("fee{j}.legal_basis")), fee.legal_basis.clone());
        }
        for access in &s.stages {
            let stage = access.stage.as_str();
            if access.electronic {
                put(k(&format!("{stage}.electronic")), "on".into());
            }
            for channel in &access.channels {
                put(k(&format!("{stage}.channels")), channel.as_str().into());
            }
            if let Some(reason) = access.visit_reason {
                put(k(&format!("{stage}.visit_reason")), reason.as_str().into());
            }
        }
        for (prefix, rows) in [("int", &s.internal_inquiries), ("ext", &s.external_inquiries)] {
            for (j, q) in rows.iter().enumerate() {
                put(k(&format!("{prefix}{j}.agency")), q.agency.clone());
                put(k(&format!("{prefix}{j}.system")), q.system.clone());
                put(k(&format!("{prefix}{j}.fields")), q.fields.clone());
                if q.online {
                    put(k(&format!("{prefix}{j}.online")), "on".into());
                }
            }
        }
        let d = &s.desk;
        put(k("desk.address"), d.address.clone());
        put(k("desk.hours"), d.hours.clone());
        put(k("desk.unit"), d.unit.clone());
        put(k("desk.steps"), d.steps.join("\n"));
        put(k("desk.forms"), d.forms.join("\n"));
        put(k("desk.responsible"), d.responsible.clone());
        put(k("desk.contact"), d.contact.clone());
    }
    f
}

/// How many rows of a repeated group the fields hold (`s0.fee` → fee rows).
pub fn rows(fields: &Fields, prefix: &str) -> usize {
    (0..MOST_ROWS)
        .take_while(|j| {
            let start = format!("{prefix}{j}.");
            fields
                .range(start.clone()..)
                .next()
                .is_some_and(|(k, _)| k.starts_with(&start))
        })
        .count()
}

/// How many rows of a group hold something: up to the last row with a
/// value, so the editor adds one blank row after them and never more.
pub fn used_rows(fields: &Fields, prefix: &str) -> usize {
    (0..MOST_ROWS)
        .filter(|j| {
            let start = format!("{prefix}{j}.");
            fields
                .range(start.clone()..)
                .take_while(|(k, _)| k.starts_with(&start))
                .any(|(_, values)| values.iter().any(|v| !v.trim().is_empty()))
        })
        .max()
        .map_or(0, |last| last + 1)
}

/// How many sub-service sections hold a title or code (at least one).
pub fn used_sections(fields: &Fields) -> usize {
    let filled = |i: usize| {
        ["title", "code"].iter().any(|name| {
            fields
                .get(&format!("s{i}.{name}"))
                .is_some_and(|v| v.iter().any(|x| !x.trim().is_empty()))
        })
    };
    (0..MOST_ROWS).filter(|i| filled(*i)).max().map_or(1, |last| last + 1)
}

/// Free text as stored: Arabic ي/ك as Persian, runs of space as one, ends
/// trimmed; digits are kept as typed, since they are shown as typed.
pub fn tidy(text: &str) -> String {
    let unified: String = text
        .chars()
        .map(|c| match c {
            'ي' | 'ى' => 'ی',
            'ك' => 'ک',
            c => c,
        })
        .collect();
    unified.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads posted fields one by one, noting a problem beside each wrong one;
/// the permit form reads with it too.
pub(super) struct Reader<'a> {
    pub(super) fields: &'a Fields,
    pub(super) problems: Vec<Problem>,
}

impl Reader<'_> {
    pub(super) fn problem(&mut self, field: &str, message: &str) {
        if !self.problems.iter().any(|p| p.field == field) {
            self.problems.push(Problem {
                field: field.to_owned(),
                message: message.to_owned(),
            });
        }
    }

    /// The value read, or every problem found.
    pub(super) fn finish<T>(self, value: T) -> Result<T, Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }

    /// Whether every named field under `prefix` was left empty.
    pub(super) fn blank(&self, prefix: &str, names: &[&str]) -> bool {
        names.iter().all(|n| tidy(self.raw(&format!("{prefix}{n}"))).is_empty())
    }

    pub(super) fn raw(&self, key: &str) -> &str {
        self.fields.get(key).and_then(|v| v.first()).map_or("", String::as_str)
    }

    pub(super) fn present(&self, prefix: &str) -> bool {
        self.fields
            .range(prefix.to_owned()..)
            .next()
            .is_some_and(|(k, _)| k.starts_with(prefix))
    }

    pub(super) fn text(&mut self, key: &str, most: usize, required: bool) -> String {
        let value = tidy(self.raw(key));
        if required && value.is_empty() {
            self.problem(key, "این بخش را پر کنید");
        } else if value.chars().count() > most {
            let most = crate::domain::digits::to_persian_digits(&most.to_string());
            self.problem(key, &format!("حداکثر {most} نویسه"));
        }
        value
    }

    /// Lines of a list; blank lines are dropped.
    pub(super) fn lines(&mut self, key: &str, required: bool) -> Vec<String> {
        let items: Vec<String> = self.raw(key).lines().map(tidy).filter(|l| !l.is_empty()).collect();
        if required && items.is_empty() {
            self.problem(key, "دست‌کم یک مورد بنویسید (هر مورد در یک سطر)");
        } else if items.len() > MOST_ROWS || items.iter().any(|l| l.chars().count() > 500) {
            self.problem(key, "حداکثر ۳۰ سطر و هر سطر حداکثر ۵۰۰ نویسه");
        }
        items
    }

    pub(super) fn digits(&mut self, key: &str, most: usize) -> String {
        let typed = tidy(self.raw(key));
        let digits = digits_only(&typed);
        if digits.len() != typed.chars().filter(|c| !c.is_whitespace()).count() || digits.len() > most {
            self.problem(key, "فقط رقم وارد کنید");
        }
        digits
    }

    /// A whole number from 0 up; `None` when left empty.
    pub(super) fn number(&mut self, key: &str, most: u64) -> Option<u64> {
        let typed = tidy(self.raw(key));
        if typed.is_empty() {
            return None;
        }
        let unsigned = typed.trim_start_matches(['-', '−', '–']);
        if unsigned.len() != typed.len() {
            self.problem(key, "عدد نمی‌تواند منفی باشد");
            return None;
        }
        // Thousands separators as people type them.
        let plain: String = unsigned
            .chars()
            .filter(|c| !matches!(c, ',' | '٬' | '،' | ' '))
            .collect();
        let digits = digits_only(&plain);
        match digits.parse::<u64>() {
            Ok(n) if digits.chars().count() == plain.chars().count() && n <= most => Some(n),
            Ok(_) if digits.chars().count() == plain.chars().count() => {
                self.problem(key, "این عدد بیش از اندازه بزرگ است");
                None
            }
            _ => {
                self.problem(key, "فقط رقم وارد کنید");
                None
            }
        }
    }

    pub(super) fn checked(&self, key: &str) -> bool {
        !self.raw(key).is_empty()
    }

    pub(super) fn choice<T: Default>(&mut self, key: &str, parse: fn(&str) -> Option<T>, missing: &str) -> T {
        parse(self.raw(key)).unwrap_or_else(|| {
            self.problem(key, missing);
            T::default()
        })
    }

    pub(super) fn choices<T: PartialEq>(&mut self, key: &str, parse: fn(&str) -> Option<T>) -> Vec<T> {
        let values = self.fields.get(key).cloned().unwrap_or_default();
        let mut out = Vec::new();
        for value in values.iter().filter(|v| !v.is_empty()) {
            match parse(value) {
                Some(choice) if out.contains(&choice) => {}
                Some(choice) => out.push(choice),
                None => self.problem(key, "گزینه ناشناخته‌ای فرستاده شد"),
            }
        }
        out
    }

    pub(super) fn web_address(&mut self, key: &str) -> String {
        let value = self.text(key, 300, false);
        let lower = value.to_lowercase();
        let web = lower.starts_with("https://") || lower.starts_with("http://");
        if !value.is_empty() && !web {
            self.problem(key, "نشانی وب باید با https:// آغاز شود");
        }
        value
    }

    fn sub_service(&mut self, i: usize) -> Option<SubServiceCard> {
        let k = |name: &str| format!("s{i}.{name}");
        // A blank section (the editor's "new sub-service") is no sub-service.
        if tidy(self.raw(&k("title"))).is_empty() && tidy(self.raw(&k("code"))).is_empty() && i > 0 {
            return None;
        }
        let recipients = self.number(&k("recipients"), 1_000_000_000).map(|count| Recipients {
            count,
            per: Period::parse(self.raw(&k("recipients_per"))).unwrap_or_default(),
        });
        let visits = self.number(&k("visits"), 20).unwrap_or(0);
        let sub = SubServiceCard {
            code: self.code(&k("code")),
            title: self.text(&k("title"), 200, true),
            description: self.text(&k("description"), 4000, false),
            trigger: self.choice(&k("trigger"), Trigger::parse, "نحوه آغاز خدمت را برگزینید"),
            documents: self.lines(&k("documents"), false),
            laws: self.lines(&k("laws"), false),
            recipients,
            average_duration: self.text(&k("average_duration"), 100, true),
            frequency: self.choice(&k("frequency"), Frequency::parse, "تواتر را برگزینید"),
            visits: u32::try_from(visits).unwrap_or(0),
            fees: (0..rows(self.fields, &k("fee")))
                .filter_map(|j| self.fee(&k(&format!("fee{j}."))))
                .collect(),
            paid_electronically: self.checked(&k("paid_electronically")),
            web_address: self.web_address(&k("web_address")),
            system_name: self.text(&k("system_name"), 200, false),
            stages: Stage::ALL.iter().map(|stage| self.stage(i, *stage)).collect(),
            internal_inquiries: (0..rows(self.fields, &k("int")))
                .filter_map(|j| self.inquiry(&k(&format!("int{j}.")), false))
                .collect(),
            external_inquiries: (0..rows(self.fields, &k("ext")))
                .filter_map(|j| self.inquiry(&k(&format!("ext{j}.")), true))
                .collect(),
            processes: self.lines(&k("processes"), true),
            desk: DeskSheet {
                address: self.text(&k("desk.address"), 500, true),
                hours: self.text(&k("desk.hours"), 200, false),
                unit: self.text(&k("desk.unit"), 200, true),
                steps: self.lines(&k("desk.steps"), true),
                forms: self.lines(&k("desk.forms"), false),
                responsible: self.text(&k("desk.responsible"), 200, true),
                contact: self.text(&k("desk.contact"), 300, true),
            },
        };
        Some(sub)
    }

    fn code(&mut self, key: &str) -> String {
        let code = tidy(self.raw(key));
        let ok =
            !code.is_empty() && code.chars().count() <= 20 && code.chars().all(|c| c.is_alphanumeric() || c == '-');
        if !ok {
            self.problem(key, "شناسه زیرخدمت را با رقم یا حرف و حداکثر ۲۰ نویسه وارد کنید");
        }
        code
    }

    /// One fee row; a blank row is skipped.
    fn fee(&mut self, prefix: &str) -> Option<Fee> {
        let key = |name: &str| format!("{prefix}{name}");
        if self.blank(prefix, &["title", "amount", "account", "legal_basis"]) {
            return None;
        }
        // Beyond a thousand trillion rials is a typing mistake, and larger
        // numbers lose precision in JavaScript readers of the open data.
        let amount = self.number(&key("amount"), 1_000_000_000_000_000 / 1000);
        if amount.is_none() && !self.problems.iter().any(|p| p.field == key("amount")) {
            self.problem(&key("amount"), "مبلغ را به ریال وارد کنید");
        }
        Some(Fee {
            title: self.text(&key("title"), 200, true),
            amount_rials: amount.unwrap_or(0),
            account: self.text(&key("account"), 100, false),
            legal_basis: self.text(&key("legal_basis"), 500, false),
        })
    }

    fn stage(&mut self, i: usize, stage: Stage) -> StageAccess {
        let k = |name: &str| format!("s{i}.{}.{name}", stage.as_str());
        let electronic = self.checked(&k("electronic"));
        let channels = self.choices(&k("channels"), Channel::parse);
        let reason = self.raw(&k("visit_reason")).to_owned();
        let visit_reason = if electronic || reason.is_empty() {
            None
        } else {
            Some(self.choice(&k("visit_reason"), VisitReason::parse, "دلیل مراجعه حضوری را برگزینید"))
        };
        if electronic && channels.is_empty() {
            self.problem(&k("channels"), "دست‌کم یک راه دسترسی الکترونیکی برگزینید");
        }
        if !electronic && visit_reason.is_none() {
            self.problem(&k("visit_reason"), "دلیل مراجعه حضوری را برگزینید");
        }
        StageAccess {
            stage,
            electronic,
            channels: if electronic { channels } else { Vec::new() },
            visit_reason,
        }
    }

    /// One inquiry row; a blank row is skipped.
    fn inquiry(&mut self, prefix: &str, other_agency: bool) -> Option<Inquiry> {
        let key = |name: &str| format!("{prefix}{name}");
        if self.blank(prefix, &["agency", "system", "fields"]) {
            return None;
        }
        Some(Inquiry {
            agency: if other_agency {
                self.text(&key("agency"), 200, true)
            } else {
                String::new()
            },
            system: self.text(&key("system"), 200, true),
            fields: self.text(&key("fields"), 500, true),
            online: self.checked(&key("online")),
        })
    }
}

#[cfg(test)]
mod tests {
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
}
