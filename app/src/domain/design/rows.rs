//! The rows of the designer: which are there, which are blank, and putting
//! them in order after a row is removed or moved up, without reading them,
//! so a half-typed row is kept exactly as typed.

use std::collections::BTreeSet;

use super::value;
use crate::domain::catalogue::form::Fields;

/// The two lists of the designer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A field of the form (or a column of one of its tables).
    Field,
    /// A step of the workflow.
    Step,
}

impl RowKind {
    /// The first part of every posted name of such a row.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Field => "field",
            Self::Step => "step",
        }
    }

    /// The parts that, all empty, make a row blank: the page always shows
    /// one blank row to fill, and blank rows are never saved.
    fn identity(self) -> [&'static str; 2] {
        match self {
            Self::Field => ["name", "label"],
            Self::Step => ["key", "title"],
        }
    }
}

/// What a save asks for besides keeping the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Nothing: keep the rows in their order.
    Keep,
    /// Take the row off.
    Remove(RowKind, usize),
    /// Swap the row with the one above it.
    Up(RowKind, usize),
}

impl Change {
    /// Reads a button's posted value such as `field.3` (with `remove` or `up`).
    pub fn parse(action: &str, target: &str) -> Self {
        let (kind, index) = match target.split_once('.') {
            Some(("field", i)) => (RowKind::Field, i),
            Some(("step", i)) => (RowKind::Step, i),
            _ => return Self::Keep,
        };
        match (action, index.parse()) {
            ("remove", Ok(i)) => Self::Remove(kind, i),
            ("up", Ok(i)) => Self::Up(kind, i),
            _ => Self::Keep,
        }
    }
}

/// The row numbers present for `kind`, in order.
pub fn row_indexes(fields: &Fields, kind: RowKind) -> Vec<usize> {
    let prefix = format!("{}.", kind.prefix());
    let found: BTreeSet<usize> = fields
        .keys()
        .filter_map(|key| key.strip_prefix(&prefix)?.split_once('.')?.0.parse().ok())
        .collect();
    found.into_iter().collect()
}

/// Whether row `i` holds nothing that names it.
pub fn is_blank(fields: &Fields, kind: RowKind, i: usize) -> bool {
    kind.identity().iter().all(|part| {
        value(fields, &format!("{}.{i}.{part}", kind.prefix()))
            .trim()
            .is_empty()
    })
}

/// The rows without blank ones, after `change`, numbered from 0 again;
/// every other value is kept as it is.
pub fn tidy(fields: &Fields, change: Change) -> Fields {
    let mut out: Fields = fields
        .iter()
        .filter(|(key, _)| !key.starts_with("field.") && !key.starts_with("step."))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for kind in [RowKind::Field, RowKind::Step] {
        let mut order: Vec<usize> = row_indexes(fields, kind)
            .into_iter()
            .filter(|&i| !is_blank(fields, kind, i) && change != Change::Remove(kind, i))
            .collect();
        if let Change::Up(moved, i) = change
            && moved == kind
            && let Some(at) = order.iter().position(|&row| row == i)
            && at > 0
        {
            order.swap(at, at - 1);
        }
        let prefix = kind.prefix();
        for (new, old) in order.into_iter().enumerate() {
            let from = format!("{prefix}.{old}.");
            for (key, values) in fields {
                if let Some(part) = key.strip_prefix(&from) {
                    out.insert(format!("{prefix}.{new}.{part}"), values.clone());
                }
            }
        }
    }
    out
}
