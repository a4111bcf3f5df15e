//! A card's change history: every saved version, who saved it and what
//! changed from the version before. Rows are only ever added.

use std::collections::BTreeMap;

use app::contracts::catalogue::{CardKind, RevisionView};
use app::domain::catalogue::form::{Fields, card_to_fields};
use app::domain::catalogue::permit_form::permit_to_fields;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::entities::{permit_revision, service_revision, user};

/// One saved version, whichever register it belongs to.
pub struct Version<'a> {
    pub kind: CardKind,
    pub id: i32,
    pub revision: i32,
    /// The card as JSON.
    pub card: &'a str,
    /// created, edited, published or unpublished.
    pub action: &'a str,
    pub actor: Option<i32>,
}

/// Records a card as it is now.
pub async fn record(db: &impl ConnectionTrait, v: Version<'_>) -> Result<(), DbErr> {
    let at = Utc::now();
    match v.kind {
        CardKind::Service => service_revision::ActiveModel {
            service_id: Set(v.id),
            revision: Set(v.revision),
            action: Set(v.action.to_owned()),
            card: Set(v.card.to_owned()),
            actor_id: Set(v.actor),
            at: Set(at),
            ..Default::default()
        }
        .insert(db)
        .await
        .map(|_| ()),
        CardKind::Permit => permit_revision::ActiveModel {
            permit_id: Set(v.id),
            revision: Set(v.revision),
            action: Set(v.action.to_owned()),
            card: Set(v.card.to_owned()),
            actor_id: Set(v.actor),
            at: Set(at),
            ..Default::default()
        }
        .insert(db)
        .await
        .map(|_| ()),
    }
}

/// A stored version as the history reads it.
struct Row {
    revision: i32,
    action: String,
    fields: Fields,
    actor_id: Option<i32>,
    at: DateTime<Utc>,
}

/// A stored revision of either register: number, action, card JSON, actor, time.
type StoredRevision = (i32, String, String, Option<i32>, DateTime<Utc>);

/// The versions of one card, oldest first. The two registers keep their
/// revisions in tables of the same shape; each is read into that shape once
/// and then turned into rows by one rule.
async fn rows(db: &impl ConnectionTrait, kind: CardKind, id: i32) -> Result<Vec<Row>, DbErr> {
    let stored: Vec<StoredRevision> = match kind {
        CardKind::Service => service_revision::Entity::find()
            .filter(service_revision::Column::ServiceId.eq(id))
            .order_by_asc(service_revision::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.revision, r.action, r.card, r.actor_id, r.at))
            .collect(),
        CardKind::Permit => permit_revision::Entity::find()
            .filter(permit_revision::Column::PermitId.eq(id))
            .order_by_asc(permit_revision::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.revision, r.action, r.card, r.actor_id, r.at))
            .collect(),
    };
    stored
        .into_iter()
        .map(|(revision, action, card, actor_id, at)| {
            Ok(Row {
                fields: fields_of(kind, &card)
                    .map_err(|e| DbErr::Custom(format!("stored {kind:?} {id} revision {revision}: {e}")))?,
                revision,
                action,
                actor_id,
                at,
            })
        })
        .collect()
}

/// A stored card's fields. One that cannot be read is an error, not an empty
/// card: an empty one would show every field as changed by that revision.
fn fields_of(kind: CardKind, card: &str) -> Result<Fields, serde_json::Error> {
    Ok(match kind {
        CardKind::Service => card_to_fields(&serde_json::from_str(card)?),
        CardKind::Permit => permit_to_fields(&serde_json::from_str(card)?),
    })
}

/// The history, newest first, each entry with the fields it changed.
pub async fn list(db: &impl ConnectionTrait, kind: CardKind, id: i32) -> Result<Vec<RevisionView>, DbErr> {
    let rows = rows(db, kind, id).await?;
    let actor_ids: Vec<i32> = rows.iter().filter_map(|r| r.actor_id).collect();
    let names: BTreeMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(actor_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, format!("{} {}", u.first_name, u.last_name)))
        .collect();
    let mut previous = Fields::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let changed = if row.action == "edited" {
            changed_fields(&previous, &row.fields)
        } else {
            Vec::new()
        };
        previous = row.fields;
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
fn changed_fields(before: &Fields, after: &Fields) -> Vec<String> {
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
