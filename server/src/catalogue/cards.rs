//! The rows behind the editor in either register's table. The editor's
//! rules (revisions, unsaved edits, publishing) are written once in the
//! module above; this is the only place that knows there are two tables.

use app::contracts::catalogue::CardKind;
use app::domain::catalogue::{card::ServiceCard, permit::PermitCard};
use app::errors::AppError;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set, sea_query::Expr,
};

use super::history::{self, Version};
use super::rows::{card_columns, permit_search_key};
use crate::entities::{permit, service};
use crate::errors::internal;

/// A card row of either table, as the editor needs it.
pub(super) struct Stored {
    pub kind: CardKind,
    pub id: i32,
    pub title: String,
    /// The card as JSON.
    pub card: String,
    /// The fields of an unsaved edit, as JSON.
    pub pending: Option<String>,
    pub published: bool,
    pub revision: i32,
    pub updated_at: DateTime<Utc>,
    /// The service that issues a permit.
    pub service_id: Option<i32>,
}

/// A card that passed the editor's rules, ready to be stored.
pub(super) enum Checked {
    Service(ServiceCard),
    /// A permit and the published service that issues it, if any.
    Permit(PermitCard, Option<i32>),
}

impl Checked {
    /// The card as stored.
    pub fn json(&self) -> Result<String, AppError> {
        match self {
            Checked::Service(card) => serde_json::to_string(card),
            Checked::Permit(card, _) => serde_json::to_string(card),
        }
        .map_err(|e| internal("card", &e))
    }
}

impl From<service::Model> for Stored {
    fn from(row: service::Model) -> Self {
        Self {
            kind: CardKind::Service,
            id: row.id,
            title: row.title,
            card: row.card,
            pending: row.pending,
            published: row.published,
            revision: row.revision,
            updated_at: row.updated_at,
            service_id: None,
        }
    }
}

impl From<permit::Model> for Stored {
    fn from(row: permit::Model) -> Self {
        Self {
            kind: CardKind::Permit,
            id: row.id,
            title: row.title,
            card: row.card,
            pending: row.pending,
            published: row.published,
            revision: row.revision,
            updated_at: row.updated_at,
            service_id: row.service_id,
        }
    }
}

/// One card; `NotFound` when there is none.
pub(super) async fn load(db: &impl ConnectionTrait, kind: CardKind, id: i32) -> Result<Stored, AppError> {
    let found: Option<Stored> = match kind {
        CardKind::Service => service::Entity::find_by_id(id).one(db).await.map(|r| r.map(Into::into)),
        CardKind::Permit => permit::Entity::find_by_id(id).one(db).await.map(|r| r.map(Into::into)),
    }
    .map_err(|e| internal("card", &e))?;
    found.ok_or(AppError::NotFound)
}

/// Every card of a register, in title order.
pub(super) async fn list(db: &impl ConnectionTrait, kind: CardKind) -> Result<Vec<Stored>, AppError> {
    let rows: Vec<Stored> = match kind {
        CardKind::Service => service::Entity::find()
            .order_by_asc(service::Column::Title)
            .all(db)
            .await
            .map(|r| r.into_iter().map(Into::into).collect()),
        CardKind::Permit => permit::Entity::find()
            .order_by_asc(permit::Column::Title)
            .all(db)
            .await
            .map(|r| r.into_iter().map(Into::into).collect()),
    }
    .map_err(|e| internal("cards", &e))?;
    Ok(rows)
}

/// Keeps (or with `None` drops) an unsaved edit; with `at_revision`, only
/// if nobody saved the card meanwhile.
pub(super) async fn set_pending(
    db: &impl ConnectionTrait,
    stored: &Stored,
    at_revision: Option<i32>,
    pending: Option<String>,
) -> Result<(), AppError> {
    let done = match stored.kind {
        CardKind::Service => {
            let mut update = service::Entity::update_many()
                .col_expr(service::Column::Pending, Expr::value(pending))
                .filter(service::Column::Id.eq(stored.id));
            if let Some(revision) = at_revision {
                update = update.filter(service::Column::Revision.eq(revision));
            }
            update.exec(db).await
        }
        CardKind::Permit => {
            let mut update = permit::Entity::update_many()
                .col_expr(permit::Column::Pending, Expr::value(pending))
                .filter(permit::Column::Id.eq(stored.id));
            if let Some(revision) = at_revision {
                update = update.filter(permit::Column::Revision.eq(revision));
            }
            update.exec(db).await
        }
    };
    done.map(|_| ()).map_err(|e| internal("pending edit", &e))
}

/// Stores `checked` as the revision after `stored`'s, unless someone saved
/// first: then nothing changes and the answer is `false`.
pub(super) async fn store(db: &impl ConnectionTrait, stored: &Stored, checked: &Checked) -> Result<bool, DbErr> {
    let now = Utc::now();
    let revision = stored.revision;
    let updated = match checked {
        Checked::Service(card) => {
            let mut model = <service::ActiveModel as Default>::default();
            card_columns(card, &mut model).map_err(|e| DbErr::Custom(e.to_string()))?;
            model.pending = Set(None);
            model.revision = Set(revision + 1);
            model.updated_at = Set(now);
            service::Entity::update_many()
                .set(model)
                .filter(service::Column::Id.eq(stored.id))
                .filter(service::Column::Revision.eq(revision))
                .exec(db)
                .await?
        }
        Checked::Permit(card, service_id) => {
            let model = permit::ActiveModel {
                service_id: Set(*service_id),
                title: Set(card.title.clone()),
                search_key: Set(permit_search_key(card)),
                card: Set(serde_json::to_string(card).map_err(|e| DbErr::Custom(e.to_string()))?),
                pending: Set(None),
                revision: Set(revision + 1),
                updated_at: Set(now),
                ..Default::default()
            };
            permit::Entity::update_many()
                .set(model)
                .filter(permit::Column::Id.eq(stored.id))
                .filter(permit::Column::Revision.eq(revision))
                .exec(db)
                .await?
        }
    };
    Ok(updated.rows_affected == 1)
}

/// Publishes or withdraws a card.
pub(super) async fn set_published(db: &impl ConnectionTrait, stored: &Stored, published: bool) -> Result<(), DbErr> {
    let now = Utc::now();
    match stored.kind {
        CardKind::Service => {
            let mut update = service::Entity::update_many()
                .col_expr(service::Column::Published, Expr::value(published))
                .col_expr(service::Column::UpdatedAt, Expr::value(now))
                .filter(service::Column::Id.eq(stored.id));
            if published {
                update = update.col_expr(service::Column::PublishedAt, Expr::value(now));
            }
            update.exec(db).await?;
        }
        CardKind::Permit => {
            permit::Entity::update_many()
                .col_expr(permit::Column::Published, Expr::value(published))
                .col_expr(permit::Column::UpdatedAt, Expr::value(now))
                .filter(permit::Column::Id.eq(stored.id))
                .exec(db)
                .await?;
        }
    }
    Ok(())
}

/// Inserts a permit with its first revision; used by the editor and the
/// demo data alike.
pub async fn insert_permit(
    db: &impl ConnectionTrait,
    card: &PermitCard,
    service_id: Option<i32>,
    published: bool,
    actor: Option<i32>,
) -> Result<i32, DbErr> {
    let now = Utc::now();
    let row = permit::ActiveModel {
        service_id: Set(service_id),
        title: Set(card.title.clone()),
        search_key: Set(permit_search_key(card)),
        card: Set(serde_json::to_string(card).map_err(|e| DbErr::Custom(e.to_string()))?),
        published: Set(published),
        pending: Set(None),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let version = Version {
        kind: CardKind::Permit,
        id: row.id,
        revision: row.revision,
        card: &row.card,
        action: "created",
        actor,
    };
    history::record(db, version).await?;
    Ok(row.id)
}
