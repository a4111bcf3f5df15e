//! Signing in and out and the life of a session, on SQLite and PostgreSQL.

mod support;

use app::contracts::Accounts;
use app::domain::role::Role;
use app::errors::AppError;
use chrono::{TimeDelta, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use server::accounts::{IDLE_TIMEOUT, SeaOrmAccounts};
use server::demo::{self, DEMO_PASSWORD};
use server::entities::{session, user};

const CLIENT: &str = "192.0.2.10";

async fn accounts() -> Vec<(&'static str, SeaOrmAccounts, support::TestDb)> {
    let mut all = Vec::new();
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("demo data");
        all.push((t.engine, SeaOrmAccounts::with_limits(t.db.clone(), 30, 3), t));
    }
    all
}

/// Signs the demo applicant in and returns the token and its stored row.
async fn sign_in_and_find_session(accounts: &SeaOrmAccounts, t: &support::TestDb) -> (String, session::Model) {
    let token = accounts
        .sign_in("applicant", DEMO_PASSWORD, CLIENT)
        .await
        .expect("signs in")
        .token;
    let row = session::Entity::find()
        .one(&t.db)
        .await
        .expect("query")
        .expect("the session");
    (token, row)
}

#[tokio::test]
async fn the_right_password_opens_a_session_that_names_the_person() {
    for (engine, accounts, _t) in accounts().await {
        let session = accounts
            .sign_in("Desk.Tehran", DEMO_PASSWORD, CLIENT)
            .await
            .expect("signs in");
        let user = accounts
            .session_user(&session.token)
            .await
            .expect("lookup")
            .expect("valid session");
        assert_eq!(user.role, Role::DeskOfficer, "{engine}");
        assert_eq!(user.display_name, "بهرام کاظم‌زاده", "{engine}");
        assert!(
            session.expires_at > Utc::now() + TimeDelta::hours(11),
            "{engine}: absolute lifetime"
        );
    }
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_same_message_beside_the_password() {
    for (engine, accounts, _t) in accounts().await {
        let wrong = accounts
            .sign_in("applicant", "not the password", CLIENT)
            .await
            .expect_err("refused");
        let unknown = accounts
            .sign_in("nobody.here", "not the password", CLIENT)
            .await
            .expect_err("refused");
        assert_eq!(
            wrong, unknown,
            "{engine}: the answer must not reveal which accounts exist"
        );
        assert_eq!(
            wrong.message_for("password").as_deref(),
            Some("نام کاربری یا کلمه عبور نادرست است"),
            "{engine}"
        );
    }
}

#[tokio::test]
async fn empty_fields_are_named_in_persian() {
    for (engine, accounts, _t) in accounts().await {
        let no_name = accounts
            .sign_in("  ", DEMO_PASSWORD, CLIENT)
            .await
            .expect_err("refused");
        assert_eq!(
            no_name.message_for("username").as_deref(),
            Some("نام کاربری را وارد کنید"),
            "{engine}"
        );
        let no_password = accounts.sign_in("applicant", "", CLIENT).await.expect_err("refused");
        assert_eq!(
            no_password.message_for("password").as_deref(),
            Some("کلمه عبور را وارد کنید"),
            "{engine}"
        );
    }
}

#[tokio::test]
async fn an_account_that_is_not_activated_cannot_sign_in_and_is_told_why() {
    for (engine, accounts, t) in accounts().await {
        let row = user::Entity::find()
            .filter(user::Column::Username.eq("applicant"))
            .one(&t.db)
            .await;
        let mut row: user::ActiveModel = row.expect("query").expect("demo applicant").into();
        row.is_active = Set(false);
        row.update(&t.db).await.expect("deactivated");
        let refused = accounts
            .sign_in("applicant", DEMO_PASSWORD, CLIENT)
            .await
            .expect_err("refused");
        assert!(
            refused.message_for("username").is_some_and(|m| m.contains("فعال نشده")),
            "{engine}: {refused:?}"
        );
    }
}

#[tokio::test]
async fn repeated_failures_lock_the_account_even_for_the_right_password() {
    for (engine, accounts, _t) in accounts().await {
        for _ in 0..3 {
            accounts
                .sign_in("applicant", "guess", CLIENT)
                .await
                .expect_err("wrong password");
        }
        let locked = accounts
            .sign_in("applicant", DEMO_PASSWORD, "198.51.100.7")
            .await
            .expect_err("locked");
        assert_eq!(locked, AppError::TooManyAttempts, "{engine}");
        // Another account is not affected by this one's lock.
        accounts
            .sign_in("admin", DEMO_PASSWORD, CLIENT)
            .await
            .expect("other account signs in");
    }
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    for (engine, accounts, _t) in accounts().await {
        let session = accounts
            .sign_in("applicant", DEMO_PASSWORD, CLIENT)
            .await
            .expect("signs in");
        accounts.sign_out(&session.token).await.expect("signs out");
        assert_eq!(
            accounts.session_user(&session.token).await.expect("lookup"),
            None,
            "{engine}"
        );
        accounts
            .sign_out("never-issued")
            .await
            .expect("unknown sessions are not an error");
    }
}

#[tokio::test]
async fn a_session_left_idle_too_long_is_no_longer_valid() {
    for (engine, accounts, t) in accounts().await {
        let (token, row) = sign_in_and_find_session(&accounts, &t).await;
        let mut row: session::ActiveModel = row.into();
        row.last_seen_at = Set(Utc::now() - IDLE_TIMEOUT - TimeDelta::seconds(1));
        row.update(&t.db).await.expect("aged");
        assert_eq!(accounts.session_user(&token).await.expect("lookup"), None, "{engine}");
    }
}

#[tokio::test]
async fn the_database_keeps_only_a_hash_of_the_token() {
    for (engine, accounts, t) in accounts().await {
        let (token, row) = sign_in_and_find_session(&accounts, &t).await;
        assert_ne!(row.token_hash, token, "{engine}");
        assert_eq!(row.token_hash.len(), 64, "{engine}");
    }
}
