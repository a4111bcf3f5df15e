//! Public tracking through the service, on SQLite and PostgreSQL: the pair
//! of tracking code and national id opens a signed link, wrong pairs are
//! answered alike and slowed, a typo in the code is caught by its check
//! character, and the promise moves on by the time spent with the applicant.

mod support;

use app::contracts::requests::{Draft, RequestDesk};
use app::contracts::tracking::Tracking;
use app::domain::workflow::machine::Command;
use app::domain::working_days::{WorkingCalendar, solar_holidays};
use app::errors::AppError;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::{request, request_event, user};
use server::requests::SeaOrmRequests;
use server::storage::LocalFiles;
use server::tracking::SeaOrmTracking;
use support::{demo_user, statistics_answers, statistics_service};

fn tracking(db: &sea_orm::DatabaseConnection) -> SeaOrmTracking {
    SeaOrmTracking::new(db.clone(), Some("a test secret"))
}

/// A typo in one character of a formatted code, kept valid in the alphabet.
fn one_typo(code: &str) -> String {
    let mut chars: Vec<char> = code.chars().collect();
    chars[1] = if chars[1] == 'K' { 'M' } else { 'K' };
    chars.into_iter().collect()
}

#[tokio::test]
async fn the_applicant_follows_a_request_by_code_and_national_id_and_guessing_learns_nothing() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let folder = tempfile::tempdir().expect("uploads");
        let desk = SeaOrmRequests::new(
            t.db.clone(),
            LocalFiles::new(folder.path(), 1024 * 1024),
            WorkingCalendar::iranian(solar_holidays(1404..=1410)),
        );
        let applicant = demo_user(&t.db, "applicant").await;
        let officer = demo_user(&t.db, "desk.tehran").await;
        let national_id = user::Entity::find_by_id(applicant.user_id)
            .one(&t.db)
            .await
            .expect("read")
            .expect("applicant")
            .national_id;
        let service = statistics_service(&t.db).await;
        let id = desk.start(&applicant, service, "01").await.expect("draft");
        let form = Draft {
            request_id: id,
            province: "tehran".into(),
            fields: statistics_answers(),
        };
        desk.save(&applicant, form.clone(), true).await.expect("sent");
        let code = request::Entity::find_by_id(id)
            .one(&t.db)
            .await
            .expect("read")
            .expect("request")
            .tracking_code;
        let track = tracking(&t.db);

        // Typed carelessly: lower case, Persian digits, spaces.
        let typed = code.to_lowercase().replace('-', " ");
        let (found, token) = track.find(&typed, &national_id, "10.0.0.1").await.expect("found");
        assert_eq!(found, code, "{}", t.engine);
        let view = track.view(&code, &token).await.expect("view");
        assert_eq!(view.status, "in_progress");
        assert_eq!(view.unit_fa.as_deref(), Some("میز خدمت استان تهران"));
        let received = view.received_at.expect("received");
        let promised = view.promised_at.expect("promised");
        assert!(promised > received + chrono::Duration::hours(16), "two working days");

        // A wrong national id and an unknown code get the same answer; a
        // typo in the code is caught by its check character.
        let wrong_id = app::domain::national_id::with_check_digit("000000012").expect("id");
        let wrong = track.find(&code, &wrong_id, "10.0.0.2").await.expect_err("wrong pair");
        let other_code = app::domain::tracking_code::from_random([1, 2, 3, 4, 5, 6, 7, 8]);
        let unknown = track
            .find(&other_code, &national_id, "10.0.0.2")
            .await
            .expect_err("unknown");
        assert_eq!(wrong, unknown, "{}: nothing tells which half was wrong", t.engine);
        let typo = track
            .find(&one_typo(&code), &national_id, "10.0.0.2")
            .await
            .expect_err("typo");
        assert!(typo.message_for("tracking_code").is_some());

        // A forged or stale link opens nothing.
        assert!(track.view(&code, "9999999999.AAAA").await.is_err());
        let other = tracking(&t.db);
        assert!(
            other.view(&code, &token).await.is_ok(),
            "another instance with the same secret accepts it"
        );
        let (_, stranger_token) = track.find(&code, &national_id, "10.0.0.3").await.expect("found");
        assert!(
            track.view(&other_code, &stranger_token).await.is_err(),
            "a link is for its own code"
        );

        // Returned for correction: with the applicant, no promise, no unit.
        let seen = desk.case(&officer, id).await.expect("case");
        let back = Command::ReturnToApplicant {
            reason: "مقدار تولید مهر ماه را بازبینی کنید".into(),
        };
        desk.act(&officer, id, seen.revision, back).await.expect("returned");
        let view = track.view(&code, &token).await.expect("view");
        assert_eq!(view.status, "with_applicant");
        assert_eq!((view.promised_at, view.unit_fa.as_ref()), (None, None));

        // Sent again: the promise moves by the office time it was away.
        desk.save(&applicant, form, true).await.expect("sent again");
        let view = track.view(&code, &token).await.expect("view");
        let actions: Vec<&str> = view.events.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["submitted", "returned", "resubmitted"], "{}", t.engine);
        assert!(view.promised_at.expect("promised again") >= promised);

        // Guessing one code from many addresses stops at the code's limit.
        let mut refused = None;
        for n in 0..12 {
            let answer = track.find(&code, &wrong_id, &format!("10.1.0.{n}")).await;
            if answer == Err(AppError::TooManyAttempts) {
                refused = Some(n);
                break;
            }
        }
        assert!(refused.is_some(), "{}: the code's attempts are limited", t.engine);
        let events = request_event::Entity::find()
            .filter(request_event::Column::RequestId.eq(id))
            .all(&t.db)
            .await
            .expect("events");
        assert!(events.len() >= 3);
    }
}
