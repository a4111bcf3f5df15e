//! The public service catalogue and permit register: the `Catalogue`
//! contract of `app`. Anyone reads what is published; administrators
//! create, edit, publish and withdraw services, and every saved version is
//! kept for the change history.

mod cards;
mod checking;
mod history;
pub mod open_data;
mod rows;

pub use cards::insert_permit;
pub use rows::{insert_service, parse_card, parse_permit, permit_search_key, service_search_key};

use app::contracts::catalogue::Catalogue;
use app::contracts::catalogue::{
    AdminCardRow, CardEditor, CardKind, CardLink, CataloguePage, CatalogueQuery, PermitPage, PermitSummary, ServicePage,
};
use app::contracts::session::SessionUser;
use app::domain::catalogue::{card::ServiceCard, form::Fields, permit::PermitCard, search::query_words};
use app::domain::role::Role;
use app::errors::AppError;
use async_trait::async_trait;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};

use cards::Stored;
use checking::fields_of;
use history::Version;
use rows::summary;

use crate::entities::{permit, service};
use crate::errors::{internal, require_admin};

/// What an administrator is told when someone else saved first.
const CONFLICT: &str = "این شناسنامه را هم‌اکنون کس دیگری ذخیره کرد. آنچه شما نوشتید نگه داشته شد و در زیر آمده است؛ با ذخیره دوباره، جای نسخه او را می‌گیرد";

/// The catalogue over the database.
#[derive(Clone)]
pub struct SeaOrmCatalogue {
    db: DatabaseConnection,
}

impl SeaOrmCatalogue {
    /// The catalogue over `db`.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// Published services and permits only, in title order.
    async fn published_permits(&self, words: &[String]) -> Result<Vec<permit::Model>, AppError> {
        let mut query = permit::Entity::find().filter(permit::Column::Published.eq(true));
        for word in words {
            query = query.filter(permit::Column::SearchKey.contains(word));
        }
        query
            .order_by_asc(permit::Column::Title)
            .all(&self.db)
            .await
            .map_err(|e| internal("permits", &e))
    }

    /// Keeps an unsaved edit as typed, unless the card changed meanwhile.
    async fn keep_pending(&self, stored: &Stored, fields: &Fields) -> Result<(), AppError> {
        let typed = serde_json::to_string(fields).map_err(|e| internal("pending edit", &e))?;
        cards::set_pending(&self.db, stored, Some(stored.revision), Some(typed)).await
    }

    async fn service_link(&self, id: Option<i32>) -> Result<Option<CardLink>, AppError> {
        let Some(id) = id else { return Ok(None) };
        let found = service::Entity::find_by_id(id)
            .filter(service::Column::Published.eq(true))
            .one(&self.db)
            .await
            .map_err(|e| internal("service link", &e))?;
        Ok(found.map(|s| CardLink {
            id: s.id,
            title: s.title,
        }))
    }
}

#[async_trait]
impl Catalogue for SeaOrmCatalogue {
    async fn search(&self, query: &CatalogueQuery) -> Result<CataloguePage, AppError> {
        let mut find = service::Entity::find().filter(service::Column::Published.eq(true));
        for word in query_words(&query.q) {
            find = find.filter(service::Column::SearchKey.contains(&word));
        }
        if !query.kind.is_empty() {
            find = find.filter(service::Column::Kind.eq(&query.kind));
        }
        if !query.level.is_empty() {
            find = find.filter(service::Column::Level.eq(&query.level));
        }
        if !query.event.is_empty() {
            // Only a known event's stored name reaches the pattern.
            let event = app::domain::catalogue::choices::LifeEvent::parse(&query.event).map_or("-", |e| e.as_str());
            find = find.filter(service::Column::LifeEvents.contains(format!(",{event},")));
        }
        if !query.provider.is_empty() {
            find = find.filter(service::Column::Provider.eq(&query.provider));
        }
        if query.electronic {
            find = find.filter(service::Column::FullyElectronic.eq(true));
        }
        let rows = find
            .order_by_asc(service::Column::Title)
            .limit(500)
            .all(&self.db)
            .await
            .map_err(|e| internal("catalogue", &e))?;
        let providers: Vec<String> = service::Entity::find()
            .select_only()
            .column(service::Column::Provider)
            .distinct()
            .filter(service::Column::Published.eq(true))
            .order_by_asc(service::Column::Provider)
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(|e| internal("providers", &e))?;
        Ok(CataloguePage {
            services: rows.iter().map(summary).collect::<Result<_, _>>()?,
            providers,
        })
    }

    async fn service(&self, viewer: Option<&SessionUser>, id: i32) -> Result<ServicePage, AppError> {
        let row = service::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .map_err(|e| internal("service", &e))?
            .ok_or(AppError::NotFound)?;
        let admin = viewer.is_some_and(|v| v.role == Role::Administrator);
        if !row.published && !admin {
            return Err(AppError::NotFound);
        }
        let permits = permit::Entity::find()
            .filter(permit::Column::ServiceId.eq(row.id))
            .filter(permit::Column::Published.eq(true))
            .order_by_asc(permit::Column::Title)
            .all(&self.db)
            .await
            .map_err(|e| internal("service permits", &e))?;
        Ok(ServicePage {
            id: row.id,
            card: parse_card(&row)?,
            published: row.published,
            updated_at: row.updated_at,
            permits: permits
                .into_iter()
                .map(|p| CardLink {
                    id: p.id,
                    title: p.title,
                })
                .collect(),
            online: crate::entities::form_version::Entity::find()
                .filter(crate::entities::form_version::Column::ServiceId.eq(row.id))
                .filter(crate::entities::form_version::Column::Number.eq(1))
                .all(&self.db)
                .await
                .map_err(|e| internal("service forms", &e))?
                .into_iter()
                .map(|f| f.sub_code)
                .collect(),
        })
    }

    async fn permits(&self, query: &str) -> Result<Vec<PermitSummary>, AppError> {
        let rows = self.published_permits(&query_words(query)).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let card = parse_permit(&row)?;
            out.push(PermitSummary {
                id: row.id,
                title: row.title.clone(),
                issuer: card.issuer.clone(),
                kinds: card.kinds.iter().map(|k| k.kind.as_str().to_owned()).collect(),
                service: self.service_link(row.service_id).await?,
            });
        }
        Ok(out)
    }

    async fn permit(&self, viewer: Option<&SessionUser>, id: i32) -> Result<PermitPage, AppError> {
        let row = permit::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .map_err(|e| internal("permit", &e))?
            .ok_or(AppError::NotFound)?;
        let admin = viewer.is_some_and(|v| v.role == Role::Administrator);
        if !row.published && !admin {
            return Err(AppError::NotFound);
        }
        Ok(PermitPage {
            id: row.id,
            published: row.published,
            card: parse_permit(&row)?,
            service: self.service_link(row.service_id).await?,
            updated_at: row.updated_at,
        })
    }

    async fn admin_list(&self, who: &SessionUser, kind: CardKind) -> Result<Vec<AdminCardRow>, AppError> {
        require_admin(who, "catalogue editing")?;
        Ok(cards::list(&self.db, kind)
            .await?
            .into_iter()
            .map(|r| AdminCardRow {
                id: r.id,
                title: r.title,
                published: r.published,
                revision: r.revision,
                updated_at: r.updated_at,
                pending: r.pending.is_some(),
            })
            .collect())
    }

    async fn editor(&self, who: &SessionUser, kind: CardKind, id: i32) -> Result<CardEditor, AppError> {
        require_admin(who, "catalogue editing")?;
        let stored = cards::load(&self.db, kind, id).await?;
        let pending: Option<Fields> = stored.pending.as_deref().and_then(|p| serde_json::from_str(p).ok());
        let (fields, problems) = match pending {
            Some(fields) => {
                let problems = match checking::check(&self.db, kind, &fields).await {
                    Ok(_) => Vec::new(),
                    Err(AppError::Fields(found)) => found.into_iter().map(|p| (p.field, p.message)).collect(),
                    Err(e) => return Err(e),
                };
                (fields, problems)
            }
            None => (fields_of(&stored)?, Vec::new()),
        };
        let services = match kind {
            CardKind::Service => Vec::new(),
            CardKind::Permit => cards::list(&self.db, CardKind::Service)
                .await?
                .into_iter()
                .map(|s| CardLink {
                    id: s.id,
                    title: s.title,
                })
                .collect(),
        };
        Ok(CardEditor {
            kind,
            id,
            fields,
            problems,
            published: stored.published,
            revision: stored.revision,
            pending: stored.pending.is_some(),
            history: history::list(&self.db, kind, id)
                .await
                .map_err(|e| internal("card history", &e))?,
            services,
        })
    }

    async fn create(&self, who: &SessionUser, kind: CardKind) -> Result<i32, AppError> {
        require_admin(who, "catalogue editing")?;
        match kind {
            CardKind::Service => {
                let mut card = ServiceCard::default();
                card.sub_services.push(Default::default());
                insert_service(&self.db, &card, false, Some(who.user_id)).await
            }
            CardKind::Permit => insert_permit(&self.db, &PermitCard::default(), None, false, Some(who.user_id))
                .await
                .map_err(|e| internal("permit insert", &e)),
        }
    }

    async fn save(&self, who: &SessionUser, kind: CardKind, id: i32, mut fields: Fields) -> Result<(), AppError> {
        require_admin(who, "catalogue editing")?;
        let stored = cards::load(&self.db, kind, id).await?;
        let typed_revision = fields
            .remove("revision")
            .and_then(|v| v.first().and_then(|r| r.parse::<i32>().ok()));
        if typed_revision != Some(stored.revision) {
            // Someone saved since this copy was opened: keep what was typed,
            // shown over their version, for this person to save again or drop.
            self.keep_pending(&stored, &fields).await?;
            return Err(AppError::invalid("form", CONFLICT));
        }
        let checked = match checking::check(&self.db, kind, &fields).await {
            Ok(checked) => checked,
            Err(refused @ AppError::Fields(_)) => {
                // Kept as typed, so the editor shows it again beside its problems.
                self.keep_pending(&stored, &fields).await?;
                return Err(refused);
            }
            Err(e) => return Err(e),
        };
        let card = checked.json()?;
        let saved = async {
            let txn = self.db.begin().await?;
            if !cards::store(&txn, &stored, &checked).await? {
                return Ok(false);
            }
            let version = Version {
                kind,
                id,
                revision: stored.revision + 1,
                card: &card,
                action: "edited",
                actor: Some(who.user_id),
            };
            history::record(&txn, version).await?;
            txn.commit().await?;
            Ok::<_, DbErr>(true)
        };
        match saved.await {
            Ok(true) => Ok(()),
            Ok(false) => Err(AppError::invalid("form", CONFLICT)),
            Err(e) => Err(internal("card save", &e)),
        }
    }

    async fn discard(&self, who: &SessionUser, kind: CardKind, id: i32) -> Result<(), AppError> {
        require_admin(who, "catalogue editing")?;
        let stored = cards::load(&self.db, kind, id).await?;
        cards::set_pending(&self.db, &stored, None, None).await
    }

    async fn set_published(&self, who: &SessionUser, kind: CardKind, id: i32, published: bool) -> Result<(), AppError> {
        require_admin(who, "catalogue editing")?;
        let stored = cards::load(&self.db, kind, id).await?;
        if published && stored.pending.is_some() {
            return Err(AppError::invalid(
                "publish",
                "نخست ویرایش ناتمام را ذخیره کنید یا کنار بگذارید؛ سپس منتشر کنید",
            ));
        }
        if published && checking::check(&self.db, kind, &fields_of(&stored)?).await.is_err() {
            return Err(AppError::invalid(
                "publish",
                "پیش از انتشار، همه بخش‌های لازم شناسنامه را کامل و ذخیره کنید",
            ));
        }
        if stored.published == published {
            return Ok(());
        }
        let changed = async {
            let txn = self.db.begin().await?;
            cards::set_published(&txn, &stored, published).await?;
            let version = Version {
                kind,
                id,
                revision: stored.revision,
                card: &stored.card,
                action: if published { "published" } else { "unpublished" },
                actor: Some(who.user_id),
            };
            history::record(&txn, version).await?;
            txn.commit().await
        };
        changed.await.map_err(|e| internal("card publish", &e))
    }
}
