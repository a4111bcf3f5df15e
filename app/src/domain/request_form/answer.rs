//! The typed value of each answer, the one vocabulary that reading a form
//! (`validate`), parsing one input (`values`) and the server's stored JSON
//! share. It sits apart from both so neither imports the other's types.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One answer, typed; stored as JSON with the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// Short or long text, tidied.
    Text(String),
    /// A whole number.
    Number(i64),
    /// An amount in rials.
    Money(u64),
    /// A Jalali day as `1405/09/02`, ASCII digits.
    Date(String),
    /// The value of the chosen option.
    Choice(String),
    /// The values of the chosen options, in the definition's order.
    Choices(Vec<String>),
    /// Yes or no.
    YesNo(bool),
    /// Ten ASCII digits.
    NationalId(String),
    /// `09xxxxxxxxx`.
    Mobile(String),
    /// The filled rows of a table, blank rows dropped, by column name.
    Rows(Vec<BTreeMap<String, Answer>>),
    /// The names of the files in a slot.
    Files(Vec<String>),
}

/// Answers by field name; hidden and empty fields are absent.
pub type Answers = BTreeMap<String, Answer>;
