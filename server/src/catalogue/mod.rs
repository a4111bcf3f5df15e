//! The public service catalogue and permit register: the `Catalogue`
//! contract of `app`. Anyone reads what is published; administrators
//! create, edit, publish and withdraw services, and every saved version is
//! kept for the change history.

mod history;
pub mod open_data;

use app::contracts::{Catalogue, SessionUser};
use app::domain::catalogue::{
    card::ServiceCard,
    form::{Fields, card_from_fields, card_to_fields},
    permit::PermitCard,
    search::{query_words, search_key},
};
use app::domain::role::Role;
use app::errors::{AppError, FieldMessage};
use app::serverfns::catalogue::{
    AdminServiceRow, CardLink, CataloguePage, CatalogueQuery, PermitPage, PermitSummary, ServiceEditor, ServicePage,
    ServiceSummary,
};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait, sea_query::Expr,
};

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

    async fn row(&self, id: i32) -> Result<service::Model, AppError> {
        service::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .map_err(|e| internal("service", &e))?
            .ok_or(AppError::NotFound)
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

    /// Keeps an unsaved edit as typed, unless the service changed meanwhile.
    async fn keep_pending(&self, row: &service::Model, fields: &Fields) -> Result<(), AppError> {
        let typed = serde_json::to_string(fields).map_err(|e| internal("pending edit", &e))?;
        service::Entity::update_many()
            .col_expr(service::Column::Pending, Expr::value(typed))
            .filter(service::Column::Id.eq(row.id))
            .filter(service::Column::Revision.eq(row.revision))
            .exec(&self.db)
            .await
            .map_err(|e| internal("pending edit", &e))?;
        Ok(())
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
fn card_columns(card: &ServiceCard, model: &mut service::ActiveModel) -> Result<(), AppError> {
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
    history::record(db, &saved, "created", actor)
        .await
        .map_err(|e| internal("service history", &e))?;
    Ok(saved.id)
}

fn summary(row: &service::Model) -> Result<ServiceSummary, AppError> {
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
        let row = self.row(id).await?;
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

    async fn permit(&self, id: i32) -> Result<PermitPage, AppError> {
        let row = permit::Entity::find_by_id(id)
            .filter(permit::Column::Published.eq(true))
            .one(&self.db)
            .await
            .map_err(|e| internal("permit", &e))?
            .ok_or(AppError::NotFound)?;
        Ok(PermitPage {
            id: row.id,
            card: parse_permit(&row)?,
            service: self.service_link(row.service_id).await?,
            updated_at: row.updated_at,
        })
    }

    async fn admin_list(&self, who: &SessionUser) -> Result<Vec<AdminServiceRow>, AppError> {
        require_admin(who, "catalogue editing")?;
        let rows = service::Entity::find()
            .order_by_asc(service::Column::Title)
            .all(&self.db)
            .await
            .map_err(|e| internal("admin services", &e))?;
        Ok(rows
            .into_iter()
            .map(|r| AdminServiceRow {
                id: r.id,
                title: r.title,
                published: r.published,
                revision: r.revision,
                updated_at: r.updated_at,
                pending: r.pending.is_some(),
            })
            .collect())
    }

    async fn editor(&self, who: &SessionUser, id: i32) -> Result<ServiceEditor, AppError> {
        require_admin(who, "catalogue editing")?;
        let row = self.row(id).await?;
        let pending: Option<Fields> = row.pending.as_deref().and_then(|p| serde_json::from_str(p).ok());
        let (fields, problems) = match pending {
            Some(fields) => {
                let problems = card_from_fields(&fields)
                    .err()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|p| (p.field, p.message))
                    .collect();
                (fields, problems)
            }
            None => (card_to_fields(&parse_card(&row)?), Vec::new()),
        };
        Ok(ServiceEditor {
            id: row.id,
            fields,
            problems,
            published: row.published,
            revision: row.revision,
            pending: row.pending.is_some(),
            history: history::list(&self.db, row.id)
                .await
                .map_err(|e| internal("service history", &e))?,
        })
    }

    async fn create(&self, who: &SessionUser) -> Result<i32, AppError> {
        require_admin(who, "catalogue editing")?;
        let mut card = ServiceCard::default();
        card.sub_services.push(Default::default());
        insert_service(&self.db, &card, false, Some(who.user_id)).await
    }

    async fn save(&self, who: &SessionUser, id: i32, mut fields: Fields) -> Result<(), AppError> {
        require_admin(who, "catalogue editing")?;
        let row = self.row(id).await?;
        let typed_revision = fields
            .remove("revision")
            .and_then(|v| v.first().and_then(|r| r.parse::<i32>().ok()));
        if typed_revision != Some(row.revision) {
            // Someone saved since this copy was opened: keep what was typed,
            // shown over their version, for this person to save again or drop.
            self.keep_pending(&row, &fields).await?;
            return Err(AppError::invalid("form", CONFLICT));
        }
        let card = match card_from_fields(&fields) {
            Ok(card) => card,
            Err(problems) => {
                // Kept as typed, so the editor shows it again beside its problems.
                self.keep_pending(&row, &fields).await?;
                return Err(AppError::Fields(
                    problems
                        .into_iter()
                        .map(|p| FieldMessage {
                            field: p.field,
                            message: p.message,
                        })
                        .collect(),
                ));
            }
        };
        let saved = async {
            let txn = self.db.begin().await?;
            let mut model: service::ActiveModel = row.clone().into();
            card_columns(&card, &mut model).map_err(|e| DbErr::Custom(e.to_string()))?;
            model.pending = Set(None);
            model.revision = Set(row.revision + 1);
            model.updated_at = Set(Utc::now());
            let updated = service::Entity::update_many()
                .set(model)
                .filter(service::Column::Id.eq(id))
                .filter(service::Column::Revision.eq(row.revision))
                .exec_with_returning(&txn)
                .await?;
            let Some(updated) = updated.into_iter().next() else {
                return Ok(false);
            };
            history::record(&txn, &updated, "edited", Some(who.user_id)).await?;
            txn.commit().await?;
            Ok::<_, DbErr>(true)
        };
        match saved.await {
            Ok(true) => Ok(()),
            Ok(false) => Err(AppError::invalid("form", CONFLICT)),
            Err(e) => Err(internal("service save", &e)),
        }
    }

    async fn discard(&self, who: &SessionUser, id: i32) -> Result<(), AppError> {
        require_admin(who, "catalogue editing")?;
        self.row(id).await?;
        service::Entity::update_many()
            .col_expr(service::Column::Pending, Expr::value(Option::<String>::None))
            .filter(service::Column::Id.eq(id))
            .exec(&self.db)
            .await
            .map_err(|e| internal("discard edit", &e))?;
        Ok(())
    }

    async fn set_published(&self, who: &SessionUser, id: i32, published: bool) -> Result<(), AppError> {
        require_admin(who, "catalogue editing")?;
        let row = self.row(id).await?;
        if published && row.pending.is_some() {
            return Err(AppError::invalid(
                "publish",
                "نخست ویرایش ناتمام را ذخیره کنید یا کنار بگذارید؛ سپس منتشر کنید",
            ));
        }
        if published && card_from_fields(&card_to_fields(&parse_card(&row)?)).is_err() {
            return Err(AppError::invalid(
                "publish",
                "پیش از انتشار، همه بخش‌های لازم شناسنامه را کامل و ذخیره کنید",
            ));
        }
        if row.published == published {
            return Ok(());
        }
        let changed = async {
            let txn = self.db.begin().await?;
            let mut model: service::ActiveModel = row.clone().into();
            model.published = Set(published);
            model.published_at = Set(published.then(Utc::now).or(row.published_at));
            model.updated_at = Set(Utc::now());
            let updated = model.update(&txn).await?;
            let action = if published { "published" } else { "unpublished" };
            history::record(&txn, &updated, action, Some(who.user_id)).await?;
            txn.commit().await
        };
        changed.await.map_err(|e| internal("service publish", &e))
    }
}
