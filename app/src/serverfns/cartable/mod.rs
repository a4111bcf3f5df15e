//! The cartable: a person's requests in three folders, searched, filtered
//! and paged by a cursor so the first page stays fast with millions of rows.

mod page;

pub use crate::contracts::cartable::{CartableFolder, CartablePage, CartableQuery, CartableRow, ServiceOption};
pub use page::{CartablePageFn, cartable_page};
