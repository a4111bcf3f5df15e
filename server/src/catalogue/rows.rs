//! A card as a database row: reading the stored JSON back, the text it is
//! found by, the columns copied out of it for filtering, and the first
//! insert of a service. The contract (`mod.rs`), the permit writer
//! (`cards`) and open data all read rows through here.

use app::contracts::catalogue::{CardKind, ServiceSummary};
use app::domain::catalogue::{card::ServiceCard, permit::PermitCard, search::search_key};
use app::errors::AppError;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use super::history::{self, Version};
use crate::entities::{permit, service};
use crate::errors::internal;

/// Reads a stored card; a card the code can no longer read is a bug to log.
pub fn parse_card(row: &service::Model) -> Result<ServiceCard, AppError> {
    serde_json::from_str(&row.card).map_err(|e| internal("service card", &e))
}

/// Reads a stored permit.
pub fn parse_permit(row: &permit::Model) -> Result<PermitCard, AppError> {
    serde_json::from_str(&row.card).map_err(|e| internal("permit card", &e))
}

/// The text a service is found by: everything a person would search for.
pub fn service_search_key(card: &ServiceCard) -> String {
    let mut text = vec![
        card.title.as_str(),
        card.national_id.as_str(),
        card.provider.as_str(),
        card.parent_agency.as_str(),
        card.description.as_str(),
        card.audience.as_str(),
    ];
    for sub in &card.sub_services {
        text.extend([sub.title.as_str(), sub.description.as_str(), sub.system_name.as_str()]);
        text.extend(sub.documents.iter().map(String::as_str));
        text.extend(sub.processes.iter().map(String::as_str));
    }
    // A separator no query word can span.
    text.iter().map(|t| search_key(t)).collect::<Vec<_>>().join("|")
}

/// The text a permit is found by.
pub fn permit_search_key(card: &PermitCard) -> String {
    [card.title.as_str(), card.issuer.as_str(), card.description.as_str()]
        .iter()
        .map(|t| search_key(t))
        .collect::<Vec<_>>()
        .join("|")
}

/// The columns stored beside a card for filtering and sorting.
pub(super) fn card_columns(card: &ServiceCard, model: &mut service::ActiveModel) -> Result<(), AppError> {
    let events: Vec<&str> = card.life_events.iter().map(|e| e.as_str()).collect();
    model.title = Set(card.title.clone());
    model.search_key = Set(service_search_key(card));
    model.kind = Set(card.kind.as_str().to_owned());
    model.level = Set(card.level.as_str().to_owned());
    model.provider = Set(card.provider.clone());
    model.life_events = Set(format!(",{},", events.join(",")));
    model.fully_electronic = Set(card.fully_electronic());
    model.card = Set(serde_json::to_string(card).map_err(|e| internal("service card", &e))?);
    Ok(())
}

/// Inserts a service with its first revision; used by the editor and the
/// demo data alike.
pub async fn insert_service(
    db: &impl ConnectionTrait,
    card: &ServiceCard,
    published: bool,
    actor: Option<i32>,
) -> Result<i32, AppError> {
    let now = Utc::now();
    let mut row = service::ActiveModel {
        pending: Set(None),
        published: Set(published),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(published.then_some(now)),
        ..Default::default()
    };
    card_columns(card, &mut row)?;
    let saved = row.insert(db).await.map_err(|e| internal("service insert", &e))?;
    let version = Version {
        kind: CardKind::Service,
        id: saved.id,
        revision: saved.revision,
        card: &saved.card,
        action: "created",
        actor,
    };
    history::record(db, version)
        .await
        .map_err(|e| internal("service history", &e))?;
    Ok(saved.id)
}

/// A search result's line: the card's columns and an excerpt of its description.
pub(super) fn summary(row: &service::Model) -> Result<ServiceSummary, AppError> {
    let card = parse_card(row)?;
    let excerpt: String = card.description.chars().take(220).collect();
    let excerpt = if card.description.chars().count() > 220 {
        format!("{}…", excerpt.trim_end())
    } else {
        excerpt
    };
    Ok(ServiceSummary {
        id: row.id,
        title: row.title.clone(),
        provider: row.provider.clone(),
        kind: row.kind.clone(),
        level: row.level.clone(),
        fully_electronic: row.fully_electronic,
        excerpt,
        sub_services: card.sub_services.len(),
    })
}
