//! The request engine: each sub-service's form and workflow kept as
//! numbered versions (a request keeps the versions it was filed with), and
//! the columns a request needs to move along its workflow and to be found
//! fast in cartables of millions: the step and when it began, the promised
//! answer, and the applicant's national id and name copied for search.

use sea_orm_migration::{prelude::*, schema::*};

/// Adds form and workflow versions and the request's workflow columns.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000008_request_engine"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Version::FormVersions, Version::WorkflowVersions] {
            manager
                .create_table(
                    Table::create()
                        .table(table)
                        .col(pk_auto(Version::Id))
                        .col(integer(Version::ServiceId))
                        .col(string_len(Version::SubCode, 20))
                        .col(integer(Version::Number))
                        .col(text(Version::Definition))
                        .col(integer_null(Version::CreatedBy))
                        .col(timestamp_with_time_zone(Version::CreatedAt))
                        .foreign_key(
                            ForeignKey::create()
                                .from(table, Version::ServiceId)
                                .to(Services::Table, Services::Id)
                                .on_delete(ForeignKeyAction::Cascade),
                        )
                        .to_owned(),
                )
                .await?;
            manager
                .create_index(
                    Index::create()
                        .name(format!("idx_{}_version", table.to_string()))
                        .table(table)
                        .col(Version::ServiceId)
                        .col(Version::SubCode)
                        .col(Version::Number)
                        .unique()
                        .to_owned(),
                )
                .await?;
        }
        // One column a statement: SQLite adds columns one at a time. The
        // references are kept by the code, since SQLite cannot add a foreign
        // key to an existing table.
        let additions = [
            integer_null(Requests::ServiceId),
            string_len_null(Requests::SubCode, 20),
            integer_null(Requests::FormVersionId),
            integer_null(Requests::WorkflowVersionId),
            integer_null(Requests::Step),
            timestamp_with_time_zone_null(Requests::StepStartedAt),
            timestamp_with_time_zone_null(Requests::PromisedAt),
            string_len_null(Requests::ApplicantNationalId, 11),
            string_len_null(Requests::ApplicantName, 200),
            string_len_null(Requests::ReferredPostCode, 100),
            string_len_null(Requests::ReturnReason, 20),
            timestamp_with_time_zone_null(Requests::PausedAt),
            timestamp_with_time_zone_null(Requests::DecidedAt),
            string_len_null(Requests::NoticeCode, 20),
            text_null(Requests::Notice),
            timestamp_with_time_zone_null(Requests::StepDueAt),
            timestamp_with_time_zone_null(Requests::OverdueNotifiedAt),
        ];
        for mut column in additions {
            manager
                .alter_table(Table::alter().table(Requests::Table).add_column(&mut column).to_owned())
                .await?;
        }
        // Who acted on which request, for the cartable's "in progress" and
        // "finished" folders: one row per person and request, paged by date
        // sent without reading the history.
        manager
            .create_table(
                Table::create()
                    .table(RequestParticipants::Table)
                    .col(integer(RequestParticipants::UserId))
                    .col(integer(RequestParticipants::RequestId))
                    .col(timestamp_with_time_zone_null(RequestParticipants::SubmittedAt))
                    .col(boolean(RequestParticipants::Finished).default(false))
                    .primary_key(
                        Index::create()
                            .col(RequestParticipants::UserId)
                            .col(RequestParticipants::RequestId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(RequestParticipants::Table, RequestParticipants::RequestId)
                            .to(Requests::Table, Requests::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_participants_folder")
                    .table(RequestParticipants::Table)
                    .col(RequestParticipants::UserId)
                    .col(RequestParticipants::Finished)
                    .col(RequestParticipants::SubmittedAt)
                    .col(RequestParticipants::RequestId)
                    .to_owned(),
            )
            .await?;
        // The step an event happened at, by key, for the workflow's list.
        manager
            .alter_table(
                Table::alter()
                    .table(RequestEvents::Table)
                    .add_column(string_len_null(RequestEvents::StepKey, 100))
                    .to_owned(),
            )
            .await?;
        // The cartable's keyset: a post's requests in one status, newest first.
        let indexes: [(&str, Vec<Requests>); 5] = [
            (
                "idx_requests_cartable",
                vec![
                    Requests::HolderPostId,
                    Requests::Status,
                    Requests::SubmittedAt,
                    Requests::Id,
                ],
            ),
            ("idx_requests_national_id", vec![Requests::ApplicantNationalId]),
            ("idx_requests_service", vec![Requests::ServiceId, Requests::SubCode]),
            ("idx_requests_notice_code", vec![Requests::NoticeCode]),
            // The overdue sweep: steps past their agreed duration.
            ("idx_requests_step_due", vec![Requests::Status, Requests::StepDueAt]),
        ];
        for (name, columns) in indexes {
            let mut index = Index::create();
            index.name(name).table(Requests::Table);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in [
            "idx_requests_cartable",
            "idx_requests_national_id",
            "idx_requests_service",
            "idx_requests_notice_code",
            "idx_requests_step_due",
        ] {
            manager
                .drop_index(Index::drop().name(name).table(Requests::Table).to_owned())
                .await?;
        }
        for column in [
            Requests::ServiceId,
            Requests::SubCode,
            Requests::FormVersionId,
            Requests::WorkflowVersionId,
            Requests::Step,
            Requests::StepStartedAt,
            Requests::PromisedAt,
            Requests::ApplicantNationalId,
            Requests::ApplicantName,
            Requests::ReferredPostCode,
            Requests::ReturnReason,
            Requests::PausedAt,
            Requests::DecidedAt,
            Requests::NoticeCode,
            Requests::Notice,
            Requests::StepDueAt,
            Requests::OverdueNotifiedAt,
        ] {
            manager
                .alter_table(Table::alter().table(Requests::Table).drop_column(column).to_owned())
                .await?;
        }
        manager
            .drop_table(Table::drop().table(RequestParticipants::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(RequestEvents::Table)
                    .drop_column(RequestEvents::StepKey)
                    .to_owned(),
            )
            .await?;
        for table in [Version::WorkflowVersions, Version::FormVersions] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Version {
    FormVersions,
    WorkflowVersions,
    Id,
    ServiceId,
    SubCode,
    Number,
    Definition,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Services {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Requests {
    Table,
    Id,
    Status,
    HolderPostId,
    SubmittedAt,
    ServiceId,
    SubCode,
    FormVersionId,
    WorkflowVersionId,
    Step,
    StepStartedAt,
    PromisedAt,
    ApplicantNationalId,
    ApplicantName,
    ReferredPostCode,
    ReturnReason,
    PausedAt,
    DecidedAt,
    NoticeCode,
    Notice,
    StepDueAt,
    OverdueNotifiedAt,
}

#[derive(DeriveIden)]
enum RequestEvents {
    Table,
    StepKey,
}

#[derive(DeriveIden)]
enum RequestParticipants {
    Table,
    UserId,
    RequestId,
    SubmittedAt,
    Finished,
}
