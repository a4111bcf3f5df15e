//! Opening the database and bringing its schema up to date.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

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
    let db = open_url(url).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// Connects to `url` with the pool settings and SQLite pragmas of the running
/// server, leaving the schema as it is: the upgrade test migrates in steps.
pub async fn open_url(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    if url.starts_with("sqlite:") {
        // One writer at a time is SQLite's rule; a small pool avoids lock
        // contention while readers still run beside the writer in WAL mode.
        options.max_connections(4).min_connections(1);
        // Set as each connection opens, not once on the pool: a pragma run
        // through the pool reaches only the connection that happens to run
        // it. FULL syncs the WAL on every commit, so a submission the
        // applicant was told succeeded survives a power cut.
        options.map_sqlx_sqlite_opts(|sqlite| {
            use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
            sqlite
                .journal_mode(SqliteJournalMode::Wal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                .synchronous(SqliteSynchronous::Full)
        });
    }
    Database::connect(options).await
}

/// Whether the database answers a trivial query; `/healthz` uses it.
pub async fn is_healthy(db: &DatabaseConnection) -> bool {
    db.ping().await.is_ok()
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, Statement, TransactionTrait};

    /// Reads one pragma's value on the connection `conn` stands on.
    async fn pragma(conn: &impl ConnectionTrait, name: &str) -> i64 {
        let row = conn
            .query_one_raw(Statement::from_string(
                conn.get_database_backend(),
                format!("PRAGMA {name}"),
            ))
            .await
            .expect("pragma reads")
            .expect("one row");
        row.try_get_by_index::<i64>(0).expect("a number")
    }

    #[tokio::test]
    async fn every_pooled_sqlite_connection_enforces_foreign_keys_and_syncs_every_commit() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("pragmas.db").display());
        let db = super::connect_url(&url).await.expect("SQLite opens and migrates");
        // Four transactions open at once hold all four connections of the pool.
        let mut held = Vec::new();
        for _ in 0..4 {
            held.push(db.begin().await.expect("a connection of the pool"));
        }
        for (n, txn) in held.iter().enumerate() {
            assert_eq!(
                pragma(txn, "foreign_keys").await,
                1,
                "connection {n} enforces foreign keys"
            );
            assert_eq!(
                pragma(txn, "synchronous").await,
                2,
                "connection {n} is synchronous=FULL"
            );
            assert_eq!(
                pragma(txn, "busy_timeout").await,
                5000,
                "connection {n} waits for the writer"
            );
        }
    }
}
