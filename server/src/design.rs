//! The designer of sub-services' forms and workflows. What an administrator
//! types is kept as a draft, as posted, until it reads and checks; then it
//! becomes the next numbered versions in one transaction and the draft goes.
//! Requests already filed keep the versions they were filed with.

use app::contracts::design::FormDesigns;
use app::contracts::design::{DesignPage, DesignTarget, VersionView};
use app::contracts::requests::SubServiceName;
use app::contracts::session::SessionUser;
use app::domain::catalogue::form::Fields;
use app::domain::design::{self, Change};
use app::domain::jalali::format_persian_datetime;
use app::errors::AppError;
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

use crate::accounts::full_name;
use crate::entities::{design_draft, form_version, user};
use crate::errors::{internal, require_admin};
use crate::requests::places::Places;
use crate::requests::store::any_sub_service;
use crate::requests::versions;

/// The designer over the database; the versions it publishes are the ones
/// the request desk files requests on.
pub struct SeaOrmFormDesigns {
    db: DatabaseConnection,
}

impl SeaOrmFormDesigns {
    /// The designer over `db`.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

#[async_trait]
impl FormDesigns for SeaOrmFormDesigns {
    async fn designer(&self, who: &SessionUser, service_id: i32, sub_code: &str) -> Result<DesignPage, AppError> {
        require_admin(who, "form design")?;
        let (service, sub_service) = any_sub_service(&self.db, service_id, sub_code).await?;
        let latest = versions::latest(&self.db, service_id, sub_code).await?;
        let draft = find_draft(&self.db, service_id, sub_code).await?;
        let places = Places::read(&self.db).await?;
        let (rows, problems) = match &draft {
            Some(row) => {
                let rows: Fields = serde_json::from_str(&row.fields).map_err(|e| internal("design draft", &e))?;
                let problems = judge(&rows, &places)
                    .err()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|p| (p.field, p.message))
                    .collect();
                (rows, problems)
            }
            None => match &latest {
                Some((form, workflow)) => (
                    design::write(&versions::form_of(form)?, &versions::workflow_of(workflow)?),
                    Vec::new(),
                ),
                None => (Fields::new(), Vec::new()),
            },
        };
        Ok(DesignPage {
            name: SubServiceName {
                service_id,
                service: service.title,
                sub_code: sub_code.to_owned(),
                sub_service,
            },
            form_version: latest.as_ref().map(|(form, _)| form.number),
            workflow_version: latest.as_ref().map(|(_, workflow)| workflow.number),
            rows,
            draft: draft.is_some(),
            problems,
            history: history(&self.db, service_id, sub_code).await?,
            codes: places.suggestions(),
        })
    }

    async fn discard(&self, who: &SessionUser, target: DesignTarget) -> Result<(), AppError> {
        require_admin(who, "form design")?;
        design_draft::Entity::delete_many()
            .filter(design_draft::Column::ServiceId.eq(target.service_id))
            .filter(design_draft::Column::SubCode.eq(target.sub_code.as_str()))
            .exec(&self.db)
            .await
            .map_err(|e| internal("design draft", &e))?;
        Ok(())
    }

    async fn save(
        &self,
        who: &SessionUser,
        target: DesignTarget,
        rows: Fields,
        change: Change,
        publish: bool,
    ) -> Result<Option<i32>, AppError> {
        require_admin(who, "form design")?;
        any_sub_service(&self.db, target.service_id, &target.sub_code).await?;
        let rows = design::tidy(&rows, change);
        let txn = self.db.begin().await.map_err(|e| internal("design", &e))?;
        keep_draft(&txn, &target, &rows, who.user_id).await?;
        if !publish {
            txn.commit().await.map_err(|e| internal("design", &e))?;
            return Ok(None);
        }
        let places = Places::read(&txn).await?;
        let checked = match judge(&rows, &places) {
            Ok(checked) => checked,
            Err(problems) => {
                // The draft stays, so the page shows it with the problems.
                txn.commit().await.map_err(|e| internal("design", &e))?;
                return Err(problems.into());
            }
        };
        let by = Some(who.user_id);
        versions::add(
            &txn,
            target.service_id,
            &target.sub_code,
            &checked.form,
            &checked.workflow,
            by,
        )
        .await
        .map_err(|e| internal("design publish", &e))?;
        design_draft::Entity::delete_many()
            .filter(design_draft::Column::ServiceId.eq(target.service_id))
            .filter(design_draft::Column::SubCode.eq(target.sub_code.as_str()))
            .exec(&txn)
            .await
            .map_err(|e| internal("design draft", &e))?;
        let (form, _) = versions::latest(&txn, target.service_id, &target.sub_code)
            .await?
            .ok_or_else(|| AppError::Internal {
                reference: "design-publish".to_owned(),
            })?;
        txn.commit().await.map_err(|e| internal("design", &e))?;
        tracing::info!(
            service_id = target.service_id,
            sub_code = target.sub_code,
            version = form.number,
            by = who.user_id,
            "form and workflow published"
        );
        Ok(Some(form.number))
    }
}

/// The rows read and checked, down to the organisation's own units and posts.
fn judge(rows: &Fields, places: &Places) -> Result<design::Design, Vec<app::domain::catalogue::form::Problem>> {
    let design = design::read(rows)?;
    let lacking = places.check(&design.workflow);
    if lacking.is_empty() { Ok(design) } else { Err(lacking) }
}

/// The published versions of a sub-service's form, newest first, with who
/// published each.
async fn history(db: &impl ConnectionTrait, service_id: i32, sub_code: &str) -> Result<Vec<VersionView>, AppError> {
    let rows = form_version::Entity::find()
        .filter(form_version::Column::ServiceId.eq(service_id))
        .filter(form_version::Column::SubCode.eq(sub_code))
        .order_by_desc(form_version::Column::Number)
        .all(db)
        .await
        .map_err(|e| internal("form versions", &e))?;
    let ids: Vec<i32> = rows.iter().filter_map(|r| r.created_by).collect();
    let people = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await
        .map_err(|e| internal("form versions", &e))?;
    Ok(rows
        .into_iter()
        .map(|row| VersionView {
            number: row.number,
            at: format_persian_datetime(row.created_at),
            by: row
                .created_by
                .and_then(|id| people.iter().find(|p| p.id == id))
                .map(full_name)
                .unwrap_or_default(),
        })
        .collect())
}

async fn find_draft(
    db: &impl ConnectionTrait,
    service_id: i32,
    sub_code: &str,
) -> Result<Option<design_draft::Model>, AppError> {
    design_draft::Entity::find()
        .filter(design_draft::Column::ServiceId.eq(service_id))
        .filter(design_draft::Column::SubCode.eq(sub_code))
        .one(db)
        .await
        .map_err(|e| internal("design draft", &e))
}

/// Stores the rows as the sub-service's one draft, replacing the last.
async fn keep_draft(db: &impl ConnectionTrait, target: &DesignTarget, rows: &Fields, by: i32) -> Result<(), AppError> {
    let fields = serde_json::to_string(rows).map_err(|e| internal("design draft", &e))?;
    let now = Utc::now();
    let saved = match find_draft(db, target.service_id, &target.sub_code).await? {
        Some(row) => {
            let mut row = row.into_active_model();
            row.fields = Set(fields);
            row.updated_by = Set(Some(by));
            row.updated_at = Set(now);
            row.update(db).await.map(|_| ())
        }
        None => design_draft::ActiveModel {
            service_id: Set(target.service_id),
            sub_code: Set(target.sub_code.clone()),
            fields: Set(fields),
            updated_by: Set(Some(by)),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .map(|_| ()),
    };
    saved.map_err(|e| internal("design draft", &e))
}
