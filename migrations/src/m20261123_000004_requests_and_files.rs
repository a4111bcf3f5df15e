//! Requests (identity verification is the first kind), their append-only
//! history, uploaded files, the audit log, and when an applicant's identity
//! was verified.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates the request, history, file and audit tables.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000004_requests_and_files"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(timestamp_with_time_zone_null(Users::IdentityVerifiedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Requests::Table)
                    .col(pk_auto(Requests::Id))
                    .col(string_len_uniq(Requests::TrackingCode, 16))
                    .col(string_len(Requests::Kind, 32))
                    // Set for requests a person may have only one of (their
                    // identity verification), so two first visits at once
                    // cannot make two; NULL, and so unconstrained, otherwise.
                    .col(string_len_null(Requests::Singleton, 64).unique_key())
                    .col(integer(Requests::ApplicantId))
                    .col(string_len(Requests::Status, 16))
                    .col(text(Requests::Data))
                    .col(integer_null(Requests::ProvinceId))
                    .col(integer_null(Requests::HolderPostId))
                    .col(integer(Requests::Revision).default(0))
                    .col(timestamp_with_time_zone(Requests::CreatedAt))
                    .col(timestamp_with_time_zone_null(Requests::SubmittedAt))
                    .col(timestamp_with_time_zone(Requests::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Requests::Table, Requests::ApplicantId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_requests_applicant", Requests::ApplicantId),
            ("idx_requests_holder", Requests::HolderPostId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Requests::Table)
                        .col(col)
                        .col(Requests::Status)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(RequestEvents::Table)
                    .col(pk_auto(RequestEvents::Id))
                    .col(integer(RequestEvents::RequestId))
                    .col(string_len(RequestEvents::Action, 32))
                    .col(integer(RequestEvents::ActorId))
                    .col(text_null(RequestEvents::Note))
                    .col(timestamp_with_time_zone(RequestEvents::At))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RequestEvents::Table, RequestEvents::RequestId)
                            .to(Requests::Table, Requests::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_request_events_request")
                    .table(RequestEvents::Table)
                    .col(RequestEvents::RequestId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RequestFiles::Table)
                    .col(pk_auto(RequestFiles::Id))
                    .col(integer(RequestFiles::RequestId))
                    .col(string_len(RequestFiles::Slot, 32))
                    .col(string_len(RequestFiles::OriginalName, 255))
                    .col(string_len_uniq(RequestFiles::StoredName, 64))
                    .col(string_len(RequestFiles::ContentType, 64))
                    .col(big_integer(RequestFiles::Size))
                    .col(string_len(RequestFiles::Sha256, 64))
                    .col(integer(RequestFiles::UploadedBy))
                    .col(timestamp_with_time_zone(RequestFiles::UploadedAt))
                    .col(timestamp_with_time_zone_null(RequestFiles::RemovedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RequestFiles::Table, RequestFiles::RequestId)
                            .to(Requests::Table, Requests::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_request_files_request")
                    .table(RequestFiles::Table)
                    .col(RequestFiles::RequestId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(pk_auto(AuditLog::Id))
                    .col(integer_null(AuditLog::ActorId))
                    .col(string_len(AuditLog::Action, 64))
                    .col(string_len(AuditLog::Subject, 64))
                    .col(text_null(AuditLog::Detail))
                    .col(timestamp_with_time_zone(AuditLog::At))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditLog::Table.into_iden(),
            RequestFiles::Table.into_iden(),
            RequestEvents::Table.into_iden(),
            Requests::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::IdentityVerifiedAt)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    IdentityVerifiedAt,
}

#[derive(DeriveIden)]
enum Requests {
    Table,
    Id,
    TrackingCode,
    Kind,
    Singleton,
    ApplicantId,
    Status,
    Data,
    ProvinceId,
    HolderPostId,
    Revision,
    CreatedAt,
    SubmittedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RequestEvents {
    Table,
    Id,
    RequestId,
    Action,
    ActorId,
    Note,
    At,
}

#[derive(DeriveIden)]
enum RequestFiles {
    Table,
    Id,
    RequestId,
    Slot,
    OriginalName,
    StoredName,
    ContentType,
    Size,
    Sha256,
    UploadedBy,
    UploadedAt,
    RemovedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    ActorId,
    Action,
    Subject,
    Detail,
    At,
}
