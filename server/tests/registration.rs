//! Sign-up, activation and password reset through the registration service,
//! on SQLite and PostgreSQL, with every message read back from the outbox as
//! the worker would send it.

mod support;

use app::contracts::accounts::Accounts;
use app::contracts::registration::{CaptchaAnswer, PasswordReset, Registration};
use app::domain::{normalize::digits_only, signup::SignUpInput};
use app::errors::AppError;
use chrono::{TimeDelta, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};
use server::accounts::SeaOrmAccounts;
use server::entities::{captcha, one_time_code, outbox_message, user};
use server::registration::SeaOrmRegistration;

const CLIENT: &str = "203.0.113.7";

fn form(username: &str, mobile: &str) -> SignUpInput {
    SignUpInput {
        username: username.into(),
        password: "a long enough passphrase".into(),
        repeat_password: "a long enough passphrase".into(),
        email: format!("{username}@example.ir"),
        first_name: "سارا".into(),
        last_name: "آزمون".into(),
        mobile: mobile.into(),
        national_id: app::domain::national_id::with_check_digit(&format!("00{}", &digits_only(mobile)[4..11]))
            .expect("nine digits"),
    }
}

/// A fresh image challenge answered right, as a person reading it would.
async fn solved(registration: &SeaOrmRegistration, db: &DatabaseConnection) -> CaptchaAnswer {
    let challenge = registration.new_captcha(false, CLIENT).await.expect("a challenge");
    let row = captcha::Entity::find_by_id(challenge.id.clone())
        .one(db)
        .await
        .expect("read")
        .expect("stored");
    CaptchaAnswer {
        id: challenge.id,
        answer: app::domain::digits::to_persian_digits(row.answer.expose()),
    }
}

/// The newest message to `recipient`.
async fn last_message(db: &DatabaseConnection, recipient: &str) -> outbox_message::Model {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Recipient.eq(recipient))
        .order_by_desc(outbox_message::Column::Id)
        .one(db)
        .await
        .expect("read")
        .map(|mut m| {
            // As the person reads it: the outbox marks codes for redaction.
            m.body = server::messages::secrets::readable(&m.body);
            m
        })
        .expect("a message was queued")
}

/// The 6-digit code in an SMS (written with Persian digits).
fn code_in(sms: &str) -> String {
    let normal = app::domain::normalize::normalize_digits(sms);
    let code = normal.split(|c: char| !c.is_ascii_digit()).find(|run| run.len() == 6);
    code.unwrap_or_else(|| panic!("a 6-digit code in: {sms}")).to_owned()
}

/// The token of the link in an e-mail.
fn token_in(email: &str, path: &str) -> String {
    let start = email.find(path).expect("the link") + path.len();
    email[start..].split_whitespace().next().expect("token").to_owned()
}

async fn signed_up(
    registration: &SeaOrmRegistration,
    db: &DatabaseConnection,
    username: &str,
    mobile: &str,
) -> user::Model {
    let captcha = solved(registration, db).await;
    registration
        .sign_up(form(username, mobile), captcha, CLIENT)
        .await
        .expect("signed up");
    user::Entity::find()
        .filter(user::Column::Username.eq(username.to_lowercase()))
        .one(db)
        .await
        .expect("read")
        .expect("stored")
}

#[tokio::test]
async fn sign_up_creates_an_inactive_applicant_who_activates_with_the_sms_code_and_can_then_sign_in() {
    for t in support::databases().await {
        let registration = SeaOrmRegistration::new(t.db.clone(), "https://desk.example.ir");
        let accounts = SeaOrmAccounts::new(t.db.clone());
        let account = signed_up(&registration, &t.db, "Sara.Test", "۰۹۱۲۰۰۰۰۰۰۱").await;
        assert_eq!(account.username, "sara.test", "{}", t.engine);
        assert_eq!(account.mobile, "09120000001");
        assert_eq!(account.role, "applicant");
        assert!(!account.is_active, "{}: a new account waits for activation", t.engine);
        let refused = accounts.sign_in("sara.test", "a long enough passphrase", CLIENT).await;
        assert!(
            matches!(refused, Err(AppError::Invalid { ref field, .. }) if field == "username"),
            "{refused:?}"
        );

        let sms = last_message(&t.db, "09120000001").await;
        let email = last_message(&t.db, "sara.test@example.ir").await;
        assert!(
            email.body.contains("https://desk.example.ir/activate/email?token="),
            "{}",
            email.body
        );
        assert_eq!(email.subject.as_deref(), Some("فعال‌سازی حساب میز خدمت"));
        registration
            .activate_by_code(
                "SARA.TEST",
                &app::domain::digits::to_persian_digits(&code_in(&sms.body)),
                CLIENT,
            )
            .await
            .expect("the code activates");
        accounts
            .sign_in("sara.test", "a long enough passphrase", CLIENT)
            .await
            .expect("an active account signs in");
    }
}

#[tokio::test]
async fn signing_in_before_activation_sends_a_fresh_code_and_retires_the_old_one() {
    for t in support::databases().await {
        let registration = std::sync::Arc::new(SeaOrmRegistration::new(t.db.clone(), "http://localhost"));
        let accounts = SeaOrmAccounts::new(t.db.clone()).resending_through(registration.clone());
        signed_up(&registration, &t.db, "late.comer", "09120000002").await;
        let first = code_in(&last_message(&t.db, "09120000002").await.body);
        let refused = accounts.sign_in("late.comer", "a long enough passphrase", CLIENT).await;
        let message = refused
            .expect_err("not active yet")
            .message_for("username")
            .expect("beside the username");
        assert!(message.contains("دوباره فرستاده شد"), "{}: {message}", t.engine);
        let second = code_in(&last_message(&t.db, "09120000002").await.body);
        if first != second {
            let old = registration.activate_by_code("late.comer", &first, CLIENT).await;
            assert!(old.is_err(), "{}: the first code was retired", t.engine);
        }
        registration
            .activate_by_code("late.comer", &second, CLIENT)
            .await
            .expect("the new code works");
    }
}

#[tokio::test]
async fn every_bad_field_is_reported_beside_its_field_and_duplicates_are_named() {
    for t in support::databases().await {
        let registration = SeaOrmRegistration::new(t.db.clone(), "http://localhost");
        signed_up(&registration, &t.db, "first.one", "09120000003").await;

        let bad = SignUpInput {
            national_id: "1234567890".into(),
            repeat_password: "different".into(),
            first_name: "Sara".into(),
            ..form("second.one", "09120000004")
        };
        let captcha = solved(&registration, &t.db).await;
        let error = registration.sign_up(bad, captcha, CLIENT).await.expect_err("refused");
        assert!(
            error
                .message_for("national_id")
                .is_some_and(|m| m.contains("معتبر نیست")),
            "{error:?}"
        );
        assert!(error.message_for("repeat_password").is_some(), "{error:?}");
        assert_eq!(
            error.message_for("first_name").as_deref(),
            Some("فقط حروف فارسی وارد کنید")
        );
        assert_eq!(error.message_for("mobile"), None, "a good field has no message");

        let same_mobile = SignUpInput {
            mobile: "۰۹۱۲۰۰۰۰۰۰۳".into(),
            ..form("third.one", "09120000005")
        };
        let captcha = solved(&registration, &t.db).await;
        let error = registration
            .sign_up(same_mobile, captcha, CLIENT)
            .await
            .expect_err("duplicate");
        assert_eq!(
            error.message_for("mobile").as_deref(),
            Some("موبایل تکراری می باشد"),
            "{}",
            t.engine
        );

        let same_name_and_mail = SignUpInput {
            email: "First.One@example.ir".into(),
            ..form("FIRST.ONE", "09120000006")
        };
        let captcha = solved(&registration, &t.db).await;
        let error = registration
            .sign_up(same_name_and_mail, captcha, CLIENT)
            .await
            .expect_err("duplicate");
        assert!(
            error.message_for("username").is_some() && error.message_for("email").is_some(),
            "{error:?}"
        );
        assert_eq!(
            user::Entity::find().all(&t.db).await.expect("read").len(),
            1,
            "nothing else was created"
        );
    }
}

#[tokio::test]
async fn a_wrong_or_reused_captcha_is_refused_and_hides_whether_details_are_taken() {
    for t in support::databases().await {
        let registration = SeaOrmRegistration::new(t.db.clone(), "http://localhost");
        signed_up(&registration, &t.db, "taken.name", "09120000007").await;
        let challenge = solved(&registration, &t.db).await;
        let wrong = CaptchaAnswer {
            answer: "11111".into(),
            ..challenge.clone()
        };
        let error = registration
            .sign_up(form("taken.name", "09120000007"), wrong, CLIENT)
            .await
            .expect_err("wrong");
        assert!(error.message_for("captcha_answer").is_some(), "{error:?}");
        assert_eq!(
            error.message_for("mobile"),
            None,
            "{}: no duplicate check without a solved captcha",
            t.engine
        );
        let reused = registration
            .sign_up(form("other.name", "09120000008"), challenge, CLIENT)
            .await;
        assert!(
            reused.expect_err("spent").message_for("captcha_answer").is_some(),
            "a challenge is used once"
        );
    }
}

#[tokio::test]
async fn activation_codes_allow_five_tries_expire_and_links_work_once() {
    for t in support::databases().await {
        let registration = SeaOrmRegistration::new(t.db.clone(), "http://localhost");
        let account = signed_up(&registration, &t.db, "try.hard", "09120000010").await;
        let code = code_in(&last_message(&t.db, "09120000010").await.body);
        let wrong = if code == "000000" { "111111" } else { "000000" };
        for _ in 0..5 {
            let error = registration
                .activate_by_code("try.hard", wrong, CLIENT)
                .await
                .expect_err("wrong code");
            assert!(error.message_for("code").is_some());
        }
        let error = registration
            .activate_by_code("try.hard", &code, CLIENT)
            .await
            .expect_err("exhausted");
        assert!(
            error.message_for("code").is_some_and(|m| m.contains("کد تازه")),
            "{}: {error:?}",
            t.engine
        );

        registration
            .resend_activation("try.hard", CLIENT)
            .await
            .expect("resent");
        let fresh = code_in(&last_message(&t.db, "09120000010").await.body);
        let row = one_time_code::Entity::find()
            .filter(one_time_code::Column::UserId.eq(account.id))
            .filter(one_time_code::Column::Channel.eq("sms"))
            .order_by_desc(one_time_code::Column::Id)
            .one(&t.db)
            .await
            .expect("read")
            .expect("the fresh code");
        let mut expired: one_time_code::ActiveModel = row.into();
        expired.expires_at = Set(Utc::now() - TimeDelta::seconds(1));
        expired.update(&t.db).await.expect("aged");
        assert!(
            registration.activate_by_code("try.hard", &fresh, CLIENT).await.is_err(),
            "an expired code fails"
        );

        let email = last_message(&t.db, "try.hard@example.ir").await;
        let token = token_in(&email.body, "/activate/email?token=");
        registration
            .activate_by_link(&token, CLIENT)
            .await
            .expect("the link activates");
        let again = registration.activate_by_link(&token, CLIENT).await;
        assert!(again.is_err(), "{}: a link works once", t.engine);
        let account = user::Entity::find_by_id(account.id)
            .one(&t.db)
            .await
            .expect("read")
            .expect("row");
        assert!(account.is_active);
    }
}

#[tokio::test]
async fn a_password_reset_by_sms_code_replaces_the_password_and_ends_every_session() {
    for t in support::databases().await {
        let registration = SeaOrmRegistration::new(t.db.clone(), "http://localhost");
        let accounts = SeaOrmAccounts::new(t.db.clone());
        signed_up(&registration, &t.db, "forgetful", "09120000011").await;
        let code = code_in(&last_message(&t.db, "09120000011").await.body);
        registration
            .activate_by_code("forgetful", &code, CLIENT)
            .await
            .expect("active");
        let session = accounts
            .sign_in("forgetful", "a long enough passphrase", CLIENT)
            .await
            .expect("in");

        registration
            .request_password_reset("۰۹۱۲۰۰۰۰۰۱۱", CLIENT)
            .await
            .expect("asked by mobile");
        registration
            .request_password_reset("nobody.here", CLIENT)
            .await
            .expect("unknown accounts answer alike");
        let sms = last_message(&t.db, "09120000011").await;
        assert!(sms.body.contains("بازیابی"), "{}", sms.body);
        let code = code_in(&sms.body);

        let weak = PasswordReset {
            username: "forgetful".into(),
            code: code.clone(),
            new: "123456789".into(),
            repeat: "123456789".into(),
        };
        let error = registration
            .reset_password(weak, CLIENT)
            .await
            .expect_err("a common password");
        assert!(error.message_for("new_password").is_some(), "{error:?}");
        let good = PasswordReset {
            username: "forgetful".into(),
            code,
            new: "a brand new passphrase".into(),
            repeat: "a brand new passphrase".into(),
        };
        registration
            .reset_password(good, CLIENT)
            .await
            .expect("the code still works after a weak try");

        assert_eq!(
            accounts.session_user(&session.token).await.expect("lookup"),
            None,
            "{}: old session ended",
            t.engine
        );
        assert!(
            accounts
                .sign_in("forgetful", "a long enough passphrase", CLIENT)
                .await
                .is_err()
        );
        accounts
            .sign_in("forgetful", "a brand new passphrase", CLIENT)
            .await
            .expect("the new password works");

        // A day after the codes expired, housekeeping leaves nothing usable:
        // the codes' rows and the ended session are gone, and the unsent
        // messages no longer hold the code or the link's token.
        let later = Utc::now() + TimeDelta::days(3);
        assert!(
            server::registration::codes::delete_stale(&t.db, later)
                .await
                .expect("purged")
                >= 2
        );
        let codes = one_time_code::Entity::find().all(&t.db).await.expect("read");
        assert!(codes.is_empty(), "{}: {} codes kept", t.engine, codes.len());
        assert!(
            server::sessions::delete_stale_sessions(&t.db, later)
                .await
                .expect("purged")
                >= 1
        );
        let outbox = outbox_message::Entity::find().all(&t.db).await.expect("read");
        assert!(outbox.iter().any(|m| server::messages::secrets::holds_secret(&m.body)));
        let redacted = server::messages::secrets::redact_expired(&t.db, later)
            .await
            .expect("redacted");
        assert!(redacted >= 4, "{}: {redacted}", t.engine);
        for message in outbox_message::Entity::find().all(&t.db).await.expect("read") {
            assert!(!holds_six_digits(&message.body), "no code is left: {}", message.body);
            assert!(
                !message.body.contains("token=") || message.body.contains("token=[حذف‌شده]"),
                "{}",
                message.body
            );
            assert!(
                !server::messages::secrets::holds_secret(&message.body),
                "{}",
                message.body
            );
        }
    }
}

/// Whether `text` holds a run of six digits, Persian or Latin: a code.
fn holds_six_digits(text: &str) -> bool {
    app::domain::normalize::normalize_digits(text)
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 6)
}

#[tokio::test]
async fn the_demo_inbox_is_not_provided_in_production() {
    for t in support::databases().await {
        let config = server::config::Config::from_lookup(|key| {
            Some(
                match key {
                    "MIZEKHEDMAT_MODE" => "production",
                    "MIZEKHEDMAT_SECRET" => "a8f3k2m9q4w7e1r6t5y0u3i8o2p7a4s9",
                    "DATABASE_URL" => "postgres://db/desk",
                    "MIZEKHEDMAT_SMS_URL" => "https://sms.example.ir/send",
                    "MIZEKHEDMAT_SMS_KEY" => "key",
                    "MIZEKHEDMAT_SMTP_URL" => "smtp://127.0.0.1:1",
                    _ => return None,
                }
                .to_owned(),
            )
        })
        .expect("production configuration");
        let leptos = config.leptos_options();
        let app = server::http::router(server::state::AppState::new(config, t.db.clone(), leptos));
        let response = support::call_scripted(&app, "/api/dev/messages", "", None).await;
        assert_eq!(response.status(), axum::http::StatusCode::FORBIDDEN, "{}", t.engine);
    }
}
