//! The public service catalogue and permit register, and the
//! administrators' editor of service and permit cards.

mod editor;
mod public;

pub use crate::contracts::catalogue::{
    AdminCardRow, CardEditor, CardKind, CardLink, CataloguePage, CatalogueQuery, PermitPage, PermitSummary,
    RevisionView, ServicePage, ServiceSummary,
};
pub use editor::{
    AdminCards, CreateCard, DiscardCardEdit, LoadCardEditor, PublishCard, SaveCard, admin_cards, create_card,
    discard_card_edit, load_card_editor, publish_card, save_card,
};
pub use public::{
    LoadPermitPage, LoadServicePage, SearchCatalogue, SearchPermits, load_permit_page, load_service_page,
    search_catalogue, search_permits,
};
