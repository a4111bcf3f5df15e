//! The permit register becomes editable like the catalogue (an unsaved
//! edit, a revision number and a history of every saved version), and units
//! and posts can be retired: routing and history name them, so they are
//! marked with the day they closed instead of being deleted.

use sea_orm_migration::{prelude::*, schema::*};

/// Adds permit editing and retiring of units and posts.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000007_register_and_retiring"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column a statement: SQLite adds columns one at a time.
        let additions = [
            (Permits::Table.into_iden(), text_null(Permits::Pending)),
            (
                Permits::Table.into_iden(),
                integer(Permits::Revision).default(1).to_owned(),
            ),
            (
                OrganisationUnits::Table.into_iden(),
                timestamp_with_time_zone_null(OrganisationUnits::RetiredAt),
            ),
            (
                Posts::Table.into_iden(),
                timestamp_with_time_zone_null(Posts::RetiredAt),
            ),
        ];
        for (table, mut column) in additions {
            manager
                .alter_table(Table::alter().table(table).add_column(&mut column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(PermitRevisions::Table)
                    .col(pk_auto(PermitRevisions::Id))
                    .col(integer(PermitRevisions::PermitId))
                    .col(integer(PermitRevisions::Revision))
                    // created, edited, published or unpublished.
                    .col(string_len(PermitRevisions::Action, 16))
                    .col(text(PermitRevisions::Card))
                    .col(integer_null(PermitRevisions::ActorId))
                    .col(timestamp_with_time_zone(PermitRevisions::At))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PermitRevisions::Table, PermitRevisions::PermitId)
                            .to(Permits::Table, Permits::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_permit_revisions_permit")
                    .table(PermitRevisions::Table)
                    .col(PermitRevisions::PermitId)
                    .col(PermitRevisions::Revision)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PermitRevisions::Table).to_owned())
            .await?;
        let removals = [
            (Permits::Table.into_iden(), Permits::Pending.into_iden()),
            (Permits::Table.into_iden(), Permits::Revision.into_iden()),
            (
                OrganisationUnits::Table.into_iden(),
                OrganisationUnits::RetiredAt.into_iden(),
            ),
            (Posts::Table.into_iden(), Posts::RetiredAt.into_iden()),
        ];
        for (table, column) in removals {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Permits {
    Table,
    Id,
    Pending,
    Revision,
}

#[derive(DeriveIden)]
enum PermitRevisions {
    Table,
    Id,
    PermitId,
    Revision,
    Action,
    Card,
    ActorId,
    At,
}

#[derive(DeriveIden)]
enum OrganisationUnits {
    Table,
    RetiredAt,
}

#[derive(DeriveIden)]
enum Posts {
    Table,
    RetiredAt,
}
