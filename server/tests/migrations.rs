//! Upgrades: an installation that ran an older set of migrations reaches the
//! newest schema with its rows intact, on SQLite and on PostgreSQL. A landed
//! migration is never edited (`.ci/frozen-migrations` checks that); this test
//! checks that every new one also applies to a database that already has data.

mod support;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, Statement};
use server::entities::{post_holding, user};

/// The schema as text a person can diff: every table's columns with type,
/// nullability and default, and every index with its definition, sorted so
/// columns added by a later migration compare equal to created ones.
async fn schema(db: &DatabaseConnection) -> Vec<String> {
    let sql = match db.get_database_backend() {
        DatabaseBackend::Sqlite => {
            "SELECT m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p.\"notnull\" \
             || ' default=' || coalesce(p.dflt_value, '-') || ' pk=' || p.pk AS line \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
             UNION ALL \
             SELECT 'index ' || name || ' on ' || tbl_name || ' ' || coalesce(sql, '(implicit)') \
             FROM sqlite_master WHERE type = 'index' \
             ORDER BY line"
        }
        DatabaseBackend::Postgres => {
            "SELECT table_name || '.' || column_name || ' ' || data_type || ' nullable=' || is_nullable \
             || ' default=' || coalesce(column_default, '-') AS line \
             FROM information_schema.columns WHERE table_schema = 'public' \
             UNION ALL \
             SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' \
             ORDER BY line"
        }
        other => panic!("no schema listing for {other:?}"),
    };
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("schema listed");
    rows.iter()
        .map(|row| row.try_get::<String>("", "line").expect("one line per column or index"))
        .collect()
}

/// Applies the next `count` pending migrations: on an empty database, the first `count`.
async fn migrate_to(db: &DatabaseConnection, count: usize) {
    let count = u32::try_from(count).expect("few migrations");
    Migrator::up(db, Some(count)).await.expect("older migrations apply");
}

/// A unit, a post, a staff member holding it and an applicant, written with
/// the first migration's columns only, as the first installation wrote them.
async fn rows_of_the_first_schema(db: &DatabaseConnection) {
    let statements = [
        "INSERT INTO organisation_units (parent_id, kind, code, name_fa, name_en, created_at) \
         VALUES (NULL, 'headquarters', 'hq', 'ستاد آزمایشی', 'Test headquarters', '2026-11-23T08:00:00Z')",
        "INSERT INTO posts (unit_id, code, title_fa, title_en) \
         VALUES (1, 'hq-desk', 'کارشناس آزمایشی', 'Test officer')",
        "INSERT INTO users (username, email, mobile, national_id, first_name, last_name, password_hash, role, \
         is_active, created_at, updated_at) VALUES \
         ('officer.one', 'officer@example.test', '09120000001', '0000000019', 'کارمند', 'نمونه', 'x', 'staff', \
          TRUE, '2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z'), \
         ('applicant.one', 'applicant@example.test', '09120000002', '0000000027', 'متقاضی', 'نمونه', 'x', \
          'applicant', TRUE, '2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z')",
        "INSERT INTO post_holdings (user_id, post_id, started_at, ended_at) \
         VALUES (1, 1, '2026-11-23T08:00:00Z', NULL)",
    ];
    for sql in statements {
        db.execute_unprepared(sql)
            .await
            .expect("a row of the first schema is written");
    }
}

#[tokio::test]
async fn a_database_from_the_first_migration_with_rows_upgrades_to_the_newest_schema() {
    for (fresh, old) in support::databases()
        .await
        .into_iter()
        .zip(support::empty_databases().await)
    {
        let engine = fresh.engine;
        migrate_to(&old.db, 1).await;
        rows_of_the_first_schema(&old.db).await;
        Migrator::up(&old.db, None)
            .await
            .expect("every later migration applies over rows");

        assert_eq!(
            schema(&old.db).await,
            schema(&fresh.db).await,
            "{engine}: an upgraded database has the schema of a new one"
        );
        let users = user::Entity::find()
            .all(&old.db)
            .await
            .expect("users read with every column");
        let names: Vec<_> = users.iter().map(|u| u.username.as_str()).collect();
        assert_eq!(names, ["officer.one", "applicant.one"], "{engine}: both people kept");
        assert!(
            users
                .iter()
                .all(|u| u.totp_secret.is_none() && u.totp_last_step.is_none()),
            "{engine}: columns added later start empty, not invented"
        );
        let holdings = post_holding::Entity::find().all(&old.db).await.expect("holdings read");
        assert_eq!(holdings.len(), 1, "{engine}: the officer still holds the post");
    }
}

#[tokio::test]
async fn stopping_after_any_migration_and_resuming_gives_the_same_schema() {
    let fresh = support::databases().await;
    for stopped_after in 1..Migrator::migrations().len() {
        for (resumed, fresh) in support::empty_databases().await.iter().zip(&fresh) {
            migrate_to(&resumed.db, stopped_after).await;
            Migrator::up(&resumed.db, None).await.expect("the rest applies");
            assert_eq!(
                schema(&resumed.db).await,
                schema(&fresh.db).await,
                "{}: stopped after migration {stopped_after}, then resumed",
                fresh.engine
            );
        }
    }
}
