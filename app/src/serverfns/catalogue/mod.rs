//! The public service catalogue and permit register, and the
//! administrators' editor of service cards.

mod editor;
mod public;
mod views;

pub use editor::{
    AdminServices, CreateService, DiscardServiceEdit, LoadServiceEditor, PublishService, SaveService, admin_services,
    create_service, discard_service_edit, load_service_editor, publish_service, save_service,
};
pub use public::{
    LoadPermitPage, LoadServicePage, SearchCatalogue, SearchPermits, load_permit_page, load_service_page,
    search_catalogue, search_permits,
};
pub use views::{
    AdminServiceRow, CardLink, CataloguePage, CatalogueQuery, PermitPage, PermitSummary, RevisionView, ServiceEditor,
    ServicePage, ServiceSummary,
};
