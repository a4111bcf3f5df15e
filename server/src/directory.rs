//! The organisation directory behind `app`'s `OrganisationDirectory` contract.

use app::contracts::organisation::{OrganisationDirectory, OrganisationSummary};
use app::errors::AppError;
use async_trait::async_trait;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

use crate::entities::{organisation_unit, post};
use crate::errors::internal;

/// Reads the organisation tree from the database.
#[derive(Clone)]
pub struct SeaOrmDirectory {
    db: DatabaseConnection,
}

impl SeaOrmDirectory {
    /// A directory over `db`.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    async fn count_units(&self, kind: &str) -> Result<u64, sea_orm::DbErr> {
        organisation_unit::Entity::find()
            .filter(organisation_unit::Column::Kind.eq(kind))
            .count(&self.db)
            .await
    }
}

#[async_trait]
impl OrganisationDirectory for SeaOrmDirectory {
    async fn summary(&self) -> Result<OrganisationSummary, AppError> {
        let counts = async {
            Ok::<_, sea_orm::DbErr>(OrganisationSummary {
                provinces: self.count_units(organisation_unit::KIND_PROVINCIAL_COMPANY).await?,
                units: self.count_units(organisation_unit::KIND_UNIT).await?,
                posts: post::Entity::find().count(&self.db).await?,
                checked_at: chrono::Utc::now(),
            })
        };
        counts.await.map_err(|error| internal("organisation summary", &error))
    }
}
