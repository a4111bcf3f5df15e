//! Opening the database and bringing its schema up to date.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr};

use crate::config::Config;

/// Connects to the configured database and applies pending migrations, so a
/// new version starts on the schema it expects.
pub async fn connect(config: &Config) -> Result<DatabaseConnection, DbErr> {
    if config.database_url.starts_with("sqlite:") {
        std::fs::create_dir_all(&config.data_dir)
            .map_err(|e| DbErr::Custom(format!("cannot create data folder {}: {e}", config.data_dir.display())))?;
    }
    connect_url(&config.database_url).await
}

/// Connects to `url` and migrates it; tests call this with throwaway databases.
pub async fn connect_url(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    if url.starts_with("sqlite:") {
        // One writer at a time is SQLite's rule; a small pool avoids lock
        // contention while readers still run beside the writer in WAL mode.
        options.max_connections(4).min_connections(1);
    }
    let db = Database::connect(options).await?;
    if url.starts_with("sqlite:") {
        for pragma in [
            "PRAGMA journal_mode = WAL",
            "PRAGMA foreign_keys = ON",
            "PRAGMA busy_timeout = 5000",
            "PRAGMA synchronous = NORMAL",
        ] {
            db.execute_unprepared(pragma).await?;
        }
    }
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// Whether the database answers a trivial query; `/healthz` uses it.
pub async fn is_healthy(db: &DatabaseConnection) -> bool {
    db.ping().await.is_ok()
}
