//! The staff's second factor on SQLite and PostgreSQL: a password-only
//! session of a staff member is held back, the first visit enrols an
//! authenticator app, and only a right code completes the sign-in.

mod support;

use app::contracts::accounts::Accounts;
use app::contracts::second_factor::SecondFactor;
use app::errors::AppError;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use server::accounts::SeaOrmAccounts;
use server::entities::user;
use server::second_factor::{SeaOrmSecondFactor, current_code};

async fn account(db: &sea_orm::DatabaseConnection, username: &str, role: &str) {
    let now = Utc::now();
    user::ActiveModel {
        username: Set(username.into()),
        email: Set(format!("{username}@example.ir")),
        mobile: Set(if role == "applicant" {
            "09170000001".into()
        } else {
            "09170000002".into()
        }),
        national_id: Set(if role == "applicant" {
            "0012345679".into()
        } else {
            "0000000019".into()
        }),
        first_name: Set("مینا".into()),
        last_name: Set("آزمون".into()),
        password_hash: Set(server::passwords::hash("a long enough passphrase".into())
            .await
            .expect("hash")
            .into()),
        role: Set(role.into()),
        is_active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("account");
}

#[tokio::test]
async fn a_new_staff_member_enrols_an_authenticator_and_only_a_right_code_completes_the_sign_in() {
    for t in support::databases().await {
        account(&t.db, "new.officer", "desk_officer").await;
        account(&t.db, "plain.applicant", "applicant").await;
        let accounts = SeaOrmAccounts::new(t.db.clone());
        let second = SeaOrmSecondFactor::new(t.db.clone());

        let session = accounts
            .sign_in("new.officer", "a long enough passphrase", "198.51.100.1")
            .await
            .expect("password ok");
        assert!(
            session.second_factor_required,
            "{}: staff need the second step",
            t.engine
        );
        let holder = accounts
            .session_user(&session.token)
            .await
            .expect("lookup")
            .expect("session");
        assert!(holder.needs_second_factor);

        let status = second.status(&session.token).await.expect("status");
        assert!(!status.enrolled);
        let secret = status.secret.expect("a secret to enrol with");
        assert!(status.qr.is_some_and(|qr| qr.starts_with("data:image/svg+xml;base64,")));
        assert_eq!(
            second.status(&session.token).await.expect("again").secret.as_deref(),
            Some(secret.as_str()),
            "the same secret until enrolled"
        );

        let wrong = second.verify(&session.token, "000000").await;
        let right = current_code(&secret, "new.officer").expect("code");
        if right != "000000" {
            assert!(
                matches!(wrong, Err(AppError::Invalid { ref field, .. }) if field == "code"),
                "{wrong:?}"
            );
        }
        let rotated = second
            .verify(&session.token, &app::domain::digits::to_persian_digits(&right))
            .await
            .expect("right code");
        assert_ne!(rotated.token, session.token);
        assert_eq!(
            accounts.session_user(&session.token).await.expect("lookup"),
            None,
            "{}: the token that carried only the password no longer works",
            t.engine
        );
        let session = rotated;
        let holder = accounts
            .session_user(&session.token)
            .await
            .expect("lookup")
            .expect("session");
        assert!(
            !holder.needs_second_factor,
            "{}: the session passed both steps",
            t.engine
        );
        assert!(second.status(&session.token).await.expect("status").enrolled);

        // The same code, seen over a shoulder, does not open a second session.
        let onlooker = accounts
            .sign_in("new.officer", "a long enough passphrase", "203.0.113.5")
            .await
            .expect("password ok");
        let replayed = second.verify(&onlooker.token, &right).await;
        assert!(
            matches!(&replayed, Err(e) if e.message_for("code").is_some_and(|m| m.contains("پیش‌تر"))),
            "{}: {replayed:?}",
            t.engine
        );
        // The demo's messages page offers the next code instead, which works.
        let row = server::entities::user::Entity::find()
            .filter(server::entities::user::Column::Username.eq("new.officer"))
            .one(&t.db)
            .await
            .expect("read")
            .expect("row");
        let next = server::second_factor::usable_code(&secret, "new.officer", row.totp_last_step).expect("next step");
        assert_ne!(next, right);
        second.verify(&onlooker.token, &next).await.expect("a fresh code");

        let applicant = accounts
            .sign_in("plain.applicant", "a long enough passphrase", "198.51.100.1")
            .await
            .expect("in");
        assert!(!applicant.second_factor_required);
        assert_eq!(
            second.status(&applicant.token).await,
            Err(AppError::Forbidden),
            "applicants have no second step"
        );
    }
}
