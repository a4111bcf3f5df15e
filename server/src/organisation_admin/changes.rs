//! Renaming, moving and retiring units and posts. Nothing is deleted:
//! requests, holdings and the audit log name units and posts for good, so a
//! closed one keeps its row and the day it closed.

use app::contracts::admin::Placement;
use app::contracts::session::SessionUser;
use app::domain::tree::lies_within;
use app::errors::{AppError, FieldMessage};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
};

use super::{SeaOrmOrganisationAdmin, check_names, kinds_fit};
use crate::audit::audit;
use crate::entities::{organisation_unit as unit, post, post_holding};
use crate::errors::internal;

fn problem(field: &str, message: &str) -> FieldMessage {
    FieldMessage {
        field: field.to_owned(),
        message: message.to_owned(),
    }
}

/// An open unit by id; a closed or missing one is `None`.
async fn open_unit(db: &impl ConnectionTrait, id: i32) -> Result<Option<unit::Model>, AppError> {
    unit::Entity::find_by_id(id)
        .filter(unit::Column::RetiredAt.is_null())
        .one(db)
        .await
        .map_err(|e| internal("unit", &e))
}

/// Whether `unit` lies under `ancestor` (or is it), following parents.
async fn is_within(db: &impl ConnectionTrait, unit: i32, ancestor: i32) -> Result<bool, AppError> {
    let units = unit::Entity::find().all(db).await.map_err(|e| internal("units", &e))?;
    Ok(lies_within(unit, ancestor, units.len(), |id| {
        units.iter().find(|u| u.id == id).and_then(|u| u.parent_id)
    }))
}

impl SeaOrmOrganisationAdmin {
    pub(super) async fn change_unit_checked(&self, who: &SessionUser, change: Placement) -> Result<(), AppError> {
        let db = &self.db;
        let row = open_unit(db, change.id).await?.ok_or(AppError::NotFound)?;
        let mut problems = check_names(&row.code, "name_fa", &change.name_fa, "name_en", &change.name_en);
        let root = row.parent_id.is_none();
        if !root && row.parent_id != Some(change.under) {
            match open_unit(db, change.under).await? {
                None => problems.push(problem("parent_id", "واحد بالادست را از فهرست واحدهای باز برگزینید")),
                Some(_) if is_within(db, change.under, row.id).await? => problems.push(problem(
                    "parent_id",
                    "واحد را نمی‌توان زیر خودش یا یکی از زیرمجموعه‌هایش برد",
                )),
                Some(parent) if !kinds_fit(&parent.kind, &row.kind) => problems.push(problem(
                    "parent_id",
                    "شرکت استانی فقط زیر سازمان ملی، و واحد زیر سازمان، شرکت استانی یا واحد دیگر جای می‌گیرد",
                )),
                Some(_) => {}
            }
        }
        if !problems.is_empty() {
            return Err(AppError::Fields(problems));
        }
        let mut model = row.clone().into_active_model();
        model.name_fa = Set(change.name_fa.trim().to_owned());
        model.name_en = Set(change.name_en.trim().to_owned());
        if !root {
            model.parent_id = Set(Some(change.under));
        }
        model.update(db).await.map_err(|e| internal("unit change", &e))?;
        let detail = row
            .parent_id
            .filter(|p| *p != change.under && !root)
            .map(|from| format!("moved from unit:{from}"));
        audit(
            db,
            Some(who.user_id),
            "organisation.unit_changed",
            &format!("unit:{}", row.id),
            detail,
        )
        .await
        .map_err(|e| internal("audit", &e))
    }

    pub(super) async fn retire_unit_checked(&self, who: &SessionUser, unit_id: i32) -> Result<(), AppError> {
        let db = &self.db;
        let row = open_unit(db, unit_id).await?.ok_or(AppError::NotFound)?;
        if row.parent_id.is_none() {
            return Err(AppError::invalid("retire", "سازمان ملی را نمی‌توان بست"));
        }
        let open_children = unit::Entity::find()
            .filter(unit::Column::ParentId.eq(unit_id))
            .filter(unit::Column::RetiredAt.is_null())
            .count(db)
            .await
            .map_err(|e| internal("child units", &e))?;
        let open_posts = post::Entity::find()
            .filter(post::Column::UnitId.eq(unit_id))
            .filter(post::Column::RetiredAt.is_null())
            .count(db)
            .await
            .map_err(|e| internal("unit posts", &e))?;
        if open_children + open_posts > 0 {
            return Err(AppError::invalid(
                "retire",
                "این واحد هنوز واحد یا پست باز دارد؛ نخست آن‌ها را جابه‌جا یا بازنشسته کنید",
            ));
        }
        let mut model = row.into_active_model();
        model.retired_at = Set(Some(Utc::now()));
        model.update(db).await.map_err(|e| internal("unit retire", &e))?;
        audit(
            db,
            Some(who.user_id),
            "organisation.unit_retired",
            &format!("unit:{unit_id}"),
            None,
        )
        .await
        .map_err(|e| internal("audit", &e))
    }

    pub(super) async fn change_post_checked(&self, who: &SessionUser, change: Placement) -> Result<(), AppError> {
        let db = &self.db;
        let row = post::Entity::find_by_id(change.id)
            .filter(post::Column::RetiredAt.is_null())
            .one(db)
            .await
            .map_err(|e| internal("post", &e))?
            .ok_or(AppError::NotFound)?;
        let mut problems = check_names(&row.code, "title_fa", &change.name_fa, "title_en", &change.name_en);
        if open_unit(db, change.under).await?.is_none() {
            problems.push(problem("unit_id", "واحد را از فهرست واحدهای باز برگزینید"));
        }
        if !problems.is_empty() {
            return Err(AppError::Fields(problems));
        }
        let moved = (row.unit_id != change.under).then(|| format!("moved from unit:{}", row.unit_id));
        let mut model = row.into_active_model();
        model.title_fa = Set(change.name_fa.trim().to_owned());
        model.title_en = Set(change.name_en.trim().to_owned());
        model.unit_id = Set(change.under);
        model.update(db).await.map_err(|e| internal("post change", &e))?;
        audit(
            db,
            Some(who.user_id),
            "organisation.post_changed",
            &format!("post:{}", change.id),
            moved,
        )
        .await
        .map_err(|e| internal("audit", &e))
    }

    pub(super) async fn retire_post_checked(&self, who: &SessionUser, post_id: i32) -> Result<(), AppError> {
        let db = &self.db;
        let row = post::Entity::find_by_id(post_id)
            .filter(post::Column::RetiredAt.is_null())
            .one(db)
            .await
            .map_err(|e| internal("post", &e))?
            .ok_or(AppError::NotFound)?;
        let held = post_holding::Entity::find()
            .filter(post_holding::Column::PostId.eq(post_id))
            .filter(post_holding::Column::EndedAt.is_null())
            .count(db)
            .await
            .map_err(|e| internal("holdings", &e))?;
        if held > 0 {
            return Err(AppError::invalid(
                "retire",
                "کسی اکنون این پست را دارد؛ نخست او را در صفحه کارکنان به پست دیگری ببرید",
            ));
        }
        let mut model = row.into_active_model();
        model.retired_at = Set(Some(Utc::now()));
        model.update(db).await.map_err(|e| internal("post retire", &e))?;
        audit(
            db,
            Some(who.user_id),
            "organisation.post_retired",
            &format!("post:{post_id}"),
            None,
        )
        .await
        .map_err(|e| internal("audit", &e))
    }
}
