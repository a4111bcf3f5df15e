//! A service's change history: every saved version, who saved it and what
//! changed from the version before. Rows are only ever added.

use std::collections::BTreeMap;

use app::domain::catalogue::form::card_to_fields;
use app::serverfns::catalogue::RevisionView;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::entities::{service, service_revision, user};

/// Records the service as it is now.
pub async fn record(
    db: &impl ConnectionTrait,
    row: &service::Model,
    action: &str,
    actor: Option<i32>,
) -> Result<(), DbErr> {
    service_revision::ActiveModel {
        service_id: Set(row.id),
        revision: Set(row.revision),
        action: Set(action.to_owned()),
        card: Set(row.card.clone()),
        actor_id: Set(actor),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// The history, newest first, each entry with the fields it changed.
pub async fn list(db: &impl ConnectionTrait, service_id: i32) -> Result<Vec<RevisionView>, DbErr> {
    let rows = service_revision::Entity::find()
        .filter(service_revision::Column::ServiceId.eq(service_id))
        .order_by_asc(service_revision::Column::Id)
        .all(db)
        .await?;
    let actor_ids: Vec<i32> = rows.iter().filter_map(|r| r.actor_id).collect();
    let names: BTreeMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(actor_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, format!("{} {}", u.first_name, u.last_name)))
        .collect();
    let mut previous = BTreeMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let fields = serde_json::from_str(&row.card)
            .map(|card| card_to_fields(&card))
            .unwrap_or_default();
        let changed = if row.action == "edited" {
            changed_fields(&previous, &fields)
        } else {
            Vec::new()
        };
        previous = fields;
        out.push(RevisionView {
            revision: row.revision,
            action: row.action,
            by: row.actor_id.and_then(|id| names.get(&id).cloned()).unwrap_or_default(),
            at: row.at,
            changed,
        });
    }
    out.reverse();
    Ok(out)
}

/// The names of the fields whose values differ.
fn changed_fields(before: &BTreeMap<String, Vec<String>>, after: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let empty = Vec::new();
    let mut names: Vec<String> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k).unwrap_or(&empty) != after.get(*k).unwrap_or(&empty))
        .cloned()
        .collect();
    names.sort();
    names.dedup();
    names
}
