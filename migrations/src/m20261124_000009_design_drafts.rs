//! The designer's unfinished work: what an administrator typed for the next
//! version of a sub-service's form and workflow, kept as posted until it
//! reads and checks, so nothing typed is lost between visits or when a
//! publish is refused. One draft per sub-service.

use sea_orm_migration::{prelude::*, schema::*};

/// Adds the designer's drafts.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261124_000009_design_drafts"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DesignDrafts::Table)
                    .col(pk_auto(DesignDrafts::Id))
                    .col(integer(DesignDrafts::ServiceId))
                    .col(string_len(DesignDrafts::SubCode, 20))
                    .col(text(DesignDrafts::Fields))
                    .col(integer_null(DesignDrafts::UpdatedBy))
                    .col(timestamp_with_time_zone(DesignDrafts::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DesignDrafts::Table, DesignDrafts::ServiceId)
                            .to(Services::Table, Services::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_design_drafts_sub_service")
                    .table(DesignDrafts::Table)
                    .col(DesignDrafts::ServiceId)
                    .col(DesignDrafts::SubCode)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DesignDrafts::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum DesignDrafts {
    Table,
    Id,
    ServiceId,
    SubCode,
    Fields,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Services {
    Table,
    Id,
}
