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

use super::card::{DeskSheet, Fee, Inquiry, Recipients, ServiceCard, StageAccess, SubServiceCard};
use super::choices::{Channel, Frequency, Level, LifeEvent, Nature, Period, ServiceKind, Stage, Trigger, VisitReason};
use super::reader::MOST_ROWS;
use super::reader::Reader;
pub use super::reader::{Fields, Problem, tidy};

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

impl Reader<'_> {
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
mod tests;
