//! Reading an editor's posted fields one by one, with a Persian message
//! beside each wrong one: the shared reader of the service card's form and
//! the permit forms, and the names and tidying both use.

use std::collections::BTreeMap;

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
pub const MOST_ROWS: usize = 30;

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
pub(crate) struct Reader<'a> {
    pub(crate) fields: &'a Fields,
    pub(crate) problems: Vec<Problem>,
}

impl Reader<'_> {
    pub(crate) fn problem(&mut self, field: &str, message: &str) {
        if !self.problems.iter().any(|p| p.field == field) {
            self.problems.push(Problem {
                field: field.to_owned(),
                message: message.to_owned(),
            });
        }
    }

    /// The value read, or every problem found.
    pub(crate) fn finish<T>(self, value: T) -> Result<T, Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }

    /// Whether every named field under `prefix` was left empty.
    pub(crate) fn blank(&self, prefix: &str, names: &[&str]) -> bool {
        names.iter().all(|n| tidy(self.raw(&format!("{prefix}{n}"))).is_empty())
    }

    pub(crate) fn raw(&self, key: &str) -> &str {
        self.fields.get(key).and_then(|v| v.first()).map_or("", String::as_str)
    }

    pub(crate) fn present(&self, prefix: &str) -> bool {
        self.fields
            .range(prefix.to_owned()..)
            .next()
            .is_some_and(|(k, _)| k.starts_with(prefix))
    }

    pub(crate) fn text(&mut self, key: &str, most: usize, required: bool) -> String {
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
    pub(crate) fn lines(&mut self, key: &str, required: bool) -> Vec<String> {
        let items: Vec<String> = self.raw(key).lines().map(tidy).filter(|l| !l.is_empty()).collect();
        if required && items.is_empty() {
            self.problem(key, "دست‌کم یک مورد بنویسید (هر مورد در یک سطر)");
        } else if items.len() > MOST_ROWS || items.iter().any(|l| l.chars().count() > 500) {
            self.problem(key, "حداکثر ۳۰ سطر و هر سطر حداکثر ۵۰۰ نویسه");
        }
        items
    }

    pub(crate) fn digits(&mut self, key: &str, most: usize) -> String {
        let typed = tidy(self.raw(key));
        let digits = digits_only(&typed);
        if digits.len() != typed.chars().filter(|c| !c.is_whitespace()).count() || digits.len() > most {
            self.problem(key, "فقط رقم وارد کنید");
        }
        digits
    }

    /// A whole number from 0 up; `None` when left empty.
    pub(crate) fn number(&mut self, key: &str, most: u64) -> Option<u64> {
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

    pub(crate) fn checked(&self, key: &str) -> bool {
        !self.raw(key).is_empty()
    }

    pub(crate) fn choice<T: Default>(&mut self, key: &str, parse: fn(&str) -> Option<T>, missing: &str) -> T {
        parse(self.raw(key)).unwrap_or_else(|| {
            self.problem(key, missing);
            T::default()
        })
    }

    pub(crate) fn choices<T: PartialEq>(&mut self, key: &str, parse: fn(&str) -> Option<T>) -> Vec<T> {
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

    pub(crate) fn web_address(&mut self, key: &str) -> String {
        let value = self.text(key, 300, false);
        let lower = value.to_lowercase();
        let web = lower.starts_with("https://") || lower.starts_with("http://");
        if !value.is_empty() && !web {
            self.problem(key, "نشانی وب باید با https:// آغاز شود");
        }
        value
    }
}
