//! The demo catalogue: the five services of the source documents with
//! their real service facts (titles, fees, durations, steps, channels) and
//! invented contact people, and the permits they issue.

use app::domain::catalogue::{card::ServiceCard, permit::PermitCard};
use sea_orm::{DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, TransactionTrait};

use crate::catalogue::{insert_permit, insert_service};
use crate::entities::service;

/// Which service issues each permit: the permit's title and a phrase of
/// the service's title.
const ISSUED_BY: [(&str, &str); 2] = [("جواز تاسیس", "جواز تاسیس"), ("قرارداد واگذاری زمین", "واگذاری زمین")];

/// The services, as their cards.
pub fn services() -> Result<Vec<ServiceCard>, DbErr> {
    serde_json::from_str(include_str!("services.json")).map_err(|e| DbErr::Custom(format!("demo services: {e}")))
}

/// The permits, as their cards.
pub fn permits() -> Result<Vec<PermitCard>, DbErr> {
    serde_json::from_str(include_str!("permits.json")).map_err(|e| DbErr::Custom(format!("demo permits: {e}")))
}

/// Publishes the demo services and permits unless the catalogue has any.
pub async fn seed_catalogue(db: &DatabaseConnection) -> Result<(), DbErr> {
    if service::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let cards = services()?;
    let txn = db.begin().await?;
    let mut ids = Vec::with_capacity(cards.len());
    for card in &cards {
        let id = insert_service(&txn, card, true, None)
            .await
            .map_err(|e| DbErr::Custom(e.to_string()))?;
        ids.push((card.title.clone(), id));
    }
    for card in permits()? {
        let service_id = ISSUED_BY
            .iter()
            .find(|(permit, _)| *permit == card.title)
            .and_then(|(_, phrase)| ids.iter().find(|(title, _)| title.contains(phrase)))
            .map(|(_, id)| *id);
        insert_permit(&txn, &card, service_id, true, None).await?;
    }
    txn.commit().await
}
