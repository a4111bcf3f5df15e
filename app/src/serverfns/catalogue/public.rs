use leptos::prelude::*;

use super::{CataloguePage, CatalogueQuery, PermitPage, PermitSummary, ServicePage};
use crate::errors::AppError;

/// The published services matching a search and filters. Anyone.
#[server(endpoint = "catalogue/search")]
pub async fn search_catalogue(query: CatalogueQuery) -> Result<CataloguePage, AppError> {
    use crate::contracts::catalogue::CatalogueHandle;
    use crate::contracts::contract;
    crate::serverfns::status::with_status(contract::<CatalogueHandle>()?.search(&query).await)
}

/// A published service's card; administrators also see drafts. Anyone.
#[server(endpoint = "catalogue/service")]
pub async fn load_service_page(id: i32) -> Result<ServicePage, AppError> {
    use crate::contracts::catalogue::CatalogueHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::viewer;
    let viewer = viewer().await?;
    crate::serverfns::status::with_status(contract::<CatalogueHandle>()?.service(viewer.as_ref(), id).await)
}

/// The published permits matching a search. Anyone.
#[server(endpoint = "catalogue/permits")]
pub async fn search_permits(q: String) -> Result<Vec<PermitSummary>, AppError> {
    use crate::contracts::catalogue::CatalogueHandle;
    use crate::contracts::contract;
    crate::serverfns::status::with_status(contract::<CatalogueHandle>()?.permits(&q).await)
}

/// A published permit's card; administrators also see drafts. Anyone.
#[server(endpoint = "catalogue/permit")]
pub async fn load_permit_page(id: i32) -> Result<PermitPage, AppError> {
    use crate::contracts::catalogue::CatalogueHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::viewer;
    let viewer = viewer().await?;
    crate::serverfns::status::with_status(contract::<CatalogueHandle>()?.permit(viewer.as_ref(), id).await)
}
