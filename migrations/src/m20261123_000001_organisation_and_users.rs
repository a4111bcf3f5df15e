//! The organisation tree (national organisation → provincial companies →
//! units), posts in units, users with roles, and who held which post when.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates the first tables.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000001_organisation_and_users"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OrganisationUnits::Table)
                    .col(pk_auto(OrganisationUnits::Id))
                    .col(integer_null(OrganisationUnits::ParentId))
                    .col(string_len(OrganisationUnits::Kind, 32))
                    .col(string_len_uniq(OrganisationUnits::Code, 64))
                    .col(string_len(OrganisationUnits::NameFa, 200))
                    .col(string_len(OrganisationUnits::NameEn, 200))
                    .col(timestamp_with_time_zone(OrganisationUnits::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OrganisationUnits::Table, OrganisationUnits::ParentId)
                            .to(OrganisationUnits::Table, OrganisationUnits::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_organisation_units_parent")
                    .table(OrganisationUnits::Table)
                    .col(OrganisationUnits::ParentId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Posts::Table)
                    .col(pk_auto(Posts::Id))
                    .col(integer(Posts::UnitId))
                    .col(string_len_uniq(Posts::Code, 64))
                    .col(string_len(Posts::TitleFa, 200))
                    .col(string_len(Posts::TitleEn, 200))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Posts::Table, Posts::UnitId)
                            .to(OrganisationUnits::Table, OrganisationUnits::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(pk_auto(Users::Id))
                    .col(string_len_uniq(Users::Username, 64))
                    .col(string_len_uniq(Users::Email, 254))
                    .col(string_len_uniq(Users::Mobile, 11))
                    .col(string_len_uniq(Users::NationalId, 10))
                    .col(string_len(Users::FirstName, 100))
                    .col(string_len(Users::LastName, 100))
                    .col(string_len(Users::PasswordHash, 200))
                    .col(string_len(Users::Role, 32))
                    .col(boolean(Users::IsActive).default(false))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PostHoldings::Table)
                    .col(pk_auto(PostHoldings::Id))
                    .col(integer(PostHoldings::UserId))
                    .col(integer(PostHoldings::PostId))
                    .col(timestamp_with_time_zone(PostHoldings::StartedAt))
                    .col(timestamp_with_time_zone_null(PostHoldings::EndedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PostHoldings::Table, PostHoldings::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PostHoldings::Table, PostHoldings::PostId)
                            .to(Posts::Table, Posts::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_post_holdings_post")
                    .table(PostHoldings::Table)
                    .col(PostHoldings::PostId)
                    .col(PostHoldings::EndedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PostHoldings::Table.into_iden(),
            Users::Table.into_iden(),
            Posts::Table.into_iden(),
            OrganisationUnits::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum OrganisationUnits {
    Table,
    Id,
    ParentId,
    Kind,
    Code,
    NameFa,
    NameEn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Posts {
    Table,
    Id,
    UnitId,
    Code,
    TitleFa,
    TitleEn,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Username,
    Email,
    Mobile,
    NationalId,
    FirstName,
    LastName,
    PasswordHash,
    Role,
    IsActive,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PostHoldings {
    Table,
    Id,
    UserId,
    PostId,
    StartedAt,
    EndedAt,
}
