//! The public service catalogue and the permit register. Each card is kept
//! whole as JSON (the official form has dozens of fields and nested rows),
//! with the columns the catalogue filters and sorts on beside it, and every
//! saved version of a service kept for its change history.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates the service, service revision and permit tables.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000006_catalogue"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Services::Table)
                    .col(pk_auto(Services::Id))
                    .col(string_len(Services::Title, 200))
                    // The card's text reduced for search (see `domain::catalogue::search`).
                    .col(text(Services::SearchKey))
                    .col(string_len(Services::Kind, 8))
                    .col(string_len(Services::Level, 16))
                    .col(string_len(Services::Provider, 200))
                    // Stored names between commas (",business,tax,"), so one
                    // LIKE finds a life event.
                    .col(string_len(Services::LifeEvents, 400))
                    .col(boolean(Services::FullyElectronic))
                    .col(text(Services::Card))
                    // The fields of the last refused edit, shown again with
                    // their problems until corrected or discarded.
                    .col(text_null(Services::Pending))
                    .col(boolean(Services::Published).default(false))
                    .col(integer(Services::Revision).default(1))
                    .col(timestamp_with_time_zone(Services::CreatedAt))
                    .col(timestamp_with_time_zone(Services::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Services::PublishedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_services_published_title")
                    .table(Services::Table)
                    .col(Services::Published)
                    .col(Services::Title)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ServiceRevisions::Table)
                    .col(pk_auto(ServiceRevisions::Id))
                    .col(integer(ServiceRevisions::ServiceId))
                    .col(integer(ServiceRevisions::Revision))
                    // created, edited, published or unpublished.
                    .col(string_len(ServiceRevisions::Action, 16))
                    .col(text(ServiceRevisions::Card))
                    .col(integer_null(ServiceRevisions::ActorId))
                    .col(timestamp_with_time_zone(ServiceRevisions::At))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ServiceRevisions::Table, ServiceRevisions::ServiceId)
                            .to(Services::Table, Services::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_service_revisions_service")
                    .table(ServiceRevisions::Table)
                    .col(ServiceRevisions::ServiceId)
                    .col(ServiceRevisions::Revision)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Permits::Table)
                    .col(pk_auto(Permits::Id))
                    .col(integer_null(Permits::ServiceId))
                    .col(string_len(Permits::Title, 200))
                    .col(text(Permits::SearchKey))
                    .col(text(Permits::Card))
                    .col(boolean(Permits::Published).default(false))
                    .col(timestamp_with_time_zone(Permits::CreatedAt))
                    .col(timestamp_with_time_zone(Permits::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Permits::Table, Permits::ServiceId)
                            .to(Services::Table, Services::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Permits::Table.into_iden(),
            ServiceRevisions::Table.into_iden(),
            Services::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Services {
    Table,
    Id,
    Title,
    SearchKey,
    Kind,
    Level,
    Provider,
    LifeEvents,
    FullyElectronic,
    Card,
    Pending,
    Published,
    Revision,
    CreatedAt,
    UpdatedAt,
    PublishedAt,
}

#[derive(DeriveIden)]
enum ServiceRevisions {
    Table,
    Id,
    ServiceId,
    Revision,
    Action,
    Card,
    ActorId,
    At,
}

#[derive(DeriveIden)]
enum Permits {
    Table,
    Id,
    ServiceId,
    Title,
    SearchKey,
    Card,
    Published,
    CreatedAt,
    UpdatedAt,
}
