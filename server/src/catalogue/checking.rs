//! What an administrator typed, read by the register's rules: a service by
//! the card's rules, a permit by its form's rules and with an issuing service
//! that exists; and a stored card turned back into the editor's fields.

use app::contracts::catalogue::CardKind;
use app::domain::catalogue::{
    form::{Fields, Problem, card_from_fields, card_to_fields},
    permit_form::{permit_from_fields, permit_to_fields},
};
use app::errors::AppError;
use sea_orm::{DatabaseConnection, EntityTrait};

use super::cards::{Checked, Stored};
use crate::entities::service;
use crate::errors::internal;

/// Checks posted fields by the register's rules; the problems come back
/// as `AppError::Fields`. A permit's issuing service must exist.
pub(super) async fn check(db: &DatabaseConnection, kind: CardKind, fields: &Fields) -> Result<Checked, AppError> {
    let (checked, problems) = match kind {
        CardKind::Service => match card_from_fields(fields) {
            Ok(card) => (Some(Checked::Service(card)), Vec::new()),
            Err(problems) => (None, problems),
        },
        CardKind::Permit => {
            let service = issuing_service(db, fields).await?;
            match (permit_from_fields(fields), service) {
                (Ok(card), Ok(service)) => (Some(Checked::Permit(card, service)), Vec::new()),
                (Ok(_), Err(problem)) => (None, vec![problem]),
                (Err(mut problems), service) => {
                    problems.extend(service.err());
                    (None, problems)
                }
            }
        }
    };
    match checked {
        Some(checked) if problems.is_empty() => Ok(checked),
        _ => Err(problems.into()),
    }
}

/// The service a permit names as its issuer: none, or one that exists.
async fn issuing_service(db: &DatabaseConnection, fields: &Fields) -> Result<Result<Option<i32>, Problem>, AppError> {
    let typed = fields.get("service").and_then(|v| v.first()).map_or("", |s| s.trim());
    if typed.is_empty() {
        return Ok(Ok(None));
    }
    let found = match typed.parse::<i32>() {
        Ok(id) => service::Entity::find_by_id(id)
            .one(db)
            .await
            .map_err(|e| internal("issuing service", &e))?,
        Err(_) => None,
    };
    Ok(found.map(|s| Some(s.id)).ok_or_else(|| Problem {
        field: "service".to_owned(),
        message: "خدمت صادرکننده را از فهرست برگزینید".to_owned(),
    }))
}

/// The editor's fields of a stored card.
pub(super) fn fields_of(stored: &Stored) -> Result<Fields, AppError> {
    let unreadable = |e: serde_json::Error| internal("stored card", &e);
    Ok(match stored.kind {
        CardKind::Service => card_to_fields(&serde_json::from_str(&stored.card).map_err(unreadable)?),
        CardKind::Permit => {
            let mut fields = permit_to_fields(&serde_json::from_str(&stored.card).map_err(unreadable)?);
            let service = stored.service_id.map(|id| id.to_string()).unwrap_or_default();
            fields.insert("service".to_owned(), vec![service]);
            fields
        }
    })
}
