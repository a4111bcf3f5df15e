//! Sign-up and the messages it sends: captcha challenges, one-time codes
//! (SMS codes and e-mail links, stored only as hashes) and the outbox every
//! SMS and e-mail goes through, so a message is written in the same
//! transaction as the change that caused it and survives a crash.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates the captcha, one-time code and outbox tables.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000003_signup_and_messages"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Captchas::Table)
                    .col(string_len(Captchas::Id, 64).primary_key())
                    .col(string_len(Captchas::Answer, 16))
                    .col(string_len_null(Captchas::Question, 200))
                    .col(timestamp_with_time_zone(Captchas::CreatedAt))
                    .col(timestamp_with_time_zone(Captchas::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Captchas::UsedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OneTimeCodes::Table)
                    .col(pk_auto(OneTimeCodes::Id))
                    .col(integer(OneTimeCodes::UserId))
                    .col(string_len(OneTimeCodes::Purpose, 16))
                    .col(string_len(OneTimeCodes::Channel, 8))
                    .col(string_len(OneTimeCodes::CodeHash, 64))
                    .col(integer(OneTimeCodes::Attempts).default(0))
                    .col(timestamp_with_time_zone(OneTimeCodes::CreatedAt))
                    .col(timestamp_with_time_zone(OneTimeCodes::ExpiresAt))
                    .col(timestamp_with_time_zone_null(OneTimeCodes::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OneTimeCodes::Table, OneTimeCodes::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_one_time_codes_user")
                    .table(OneTimeCodes::Table)
                    .col(OneTimeCodes::UserId)
                    .col(OneTimeCodes::Purpose)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OutboxMessages::Table)
                    .col(pk_auto(OutboxMessages::Id))
                    .col(string_len(OutboxMessages::Channel, 8))
                    .col(string_len(OutboxMessages::Recipient, 254))
                    .col(string_len_null(OutboxMessages::Subject, 200))
                    .col(text(OutboxMessages::Body))
                    .col(integer(OutboxMessages::Attempts).default(0))
                    .col(timestamp_with_time_zone(OutboxMessages::CreatedAt))
                    .col(timestamp_with_time_zone(OutboxMessages::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(OutboxMessages::SentAt))
                    .col(text_null(OutboxMessages::LastError))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_due")
                    .table(OutboxMessages::Table)
                    .col(OutboxMessages::SentAt)
                    .col(OutboxMessages::NextAttemptAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            OutboxMessages::Table.into_iden(),
            OneTimeCodes::Table.into_iden(),
            Captchas::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Captchas {
    Table,
    Id,
    Answer,
    Question,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum OneTimeCodes {
    Table,
    Id,
    UserId,
    Purpose,
    Channel,
    CodeHash,
    Attempts,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum OutboxMessages {
    Table,
    Id,
    Channel,
    Recipient,
    Subject,
    Body,
    Attempts,
    CreatedAt,
    NextAttemptAt,
    SentAt,
    LastError,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}
