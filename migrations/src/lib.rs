//! The schema, one migration a change, applied in order at start-up.
//! A migration that has landed is never edited: add a new one instead.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_organisation_and_users;
mod m20261123_000002_sessions;
mod m20261123_000003_signup_and_messages;
mod m20261123_000004_requests_and_files;
mod m20261123_000005_second_factor;
mod m20261123_000006_catalogue;
mod m20261123_000007_register_and_retiring;
mod m20261123_000008_request_engine;
mod m20261124_000009_design_drafts;
mod m20261207_000010_totp_last_step;

/// Lists every migration in the order it runs.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_organisation_and_users::Migration),
            Box::new(m20261123_000002_sessions::Migration),
            Box::new(m20261123_000003_signup_and_messages::Migration),
            Box::new(m20261123_000004_requests_and_files::Migration),
            Box::new(m20261123_000005_second_factor::Migration),
            Box::new(m20261123_000006_catalogue::Migration),
            Box::new(m20261123_000007_register_and_retiring::Migration),
            Box::new(m20261123_000008_request_engine::Migration),
            Box::new(m20261124_000009_design_drafts::Migration),
            Box::new(m20261207_000010_totp_last_step::Migration),
        ]
    }
}
