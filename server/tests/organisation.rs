//! The schema and the demo organisation, on SQLite and PostgreSQL.

mod support;

use app::contracts::organisation::OrganisationDirectory;
use app::domain::{mobile::Mobile, national_id::NationalId, role::Role};
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set};
use server::demo;
use server::directory::SeaOrmDirectory;
use server::entities::{organisation_unit, post, post_holding, user};

#[tokio::test]
async fn the_demo_organisation_has_two_provinces_with_units_posts_and_one_account_per_role() {
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("demo data loads");
        let summary = SeaOrmDirectory::new(t.db.clone()).summary().await.expect("summary");
        assert_eq!(
            (summary.provinces, summary.units, summary.posts),
            (2, 9, 10),
            "{}",
            t.engine
        );

        let users = user::Entity::find().all(&t.db).await.expect("users");
        for role in Role::ALL {
            assert!(
                users.iter().any(|u| u.role == role.as_str()),
                "{}: no demo account for {role:?}",
                t.engine
            );
        }
        for u in &users {
            assert!(
                NationalId::parse(&u.national_id).is_ok(),
                "{}: {} has an invalid national id",
                t.engine,
                u.username
            );
            assert_eq!(
                Mobile::parse(&u.mobile).map(|m| m.to_string()).as_deref(),
                Ok(u.mobile.as_str())
            );
            assert!(
                u.password_hash.expose().starts_with("$argon2id$"),
                "{}: password stored as argon2id",
                t.engine
            );
        }
        let staff = users
            .iter()
            .filter(|u| Role::parse(&u.role).is_some_and(Role::is_staff))
            .count() as u64;
        let holdings = post_holding::Entity::find().count(&t.db).await.expect("holdings");
        assert_eq!(holdings, staff, "{}: every staff account holds a post", t.engine);
    }
}

#[tokio::test]
async fn starting_the_demo_twice_does_not_duplicate_anything() {
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("first start");
        demo::seed(&t.db).await.expect("second start");
        assert_eq!(
            organisation_unit::Entity::find().count(&t.db).await.expect("count"),
            12,
            "{}",
            t.engine
        );
        assert_eq!(
            post::Entity::find().count(&t.db).await.expect("count"),
            10,
            "{}",
            t.engine
        );
        assert_eq!(
            user::Entity::find().count(&t.db).await.expect("count"),
            8,
            "{}",
            t.engine
        );
    }
}

#[tokio::test]
async fn the_database_refuses_a_second_account_with_the_same_mobile() {
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("demo data loads");
        let first = user::Entity::find()
            .one(&t.db)
            .await
            .expect("query")
            .expect("a demo user");
        let now = chrono::Utc::now();
        let duplicate = user::ActiveModel {
            username: Set("someone.else".to_owned()),
            email: Set("someone.else@demo.example".to_owned()),
            mobile: Set(first.mobile.clone()),
            national_id: Set("0000000000".to_owned()),
            first_name: Set("آزمون".to_owned()),
            last_name: Set("تکراری".to_owned()),
            password_hash: Set(String::new().into()),
            role: Set(Role::Applicant.as_str().to_owned()),
            is_active: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        assert!(
            duplicate.insert(&t.db).await.is_err(),
            "{}: duplicate mobile accepted",
            t.engine
        );
    }
}

#[tokio::test]
async fn an_empty_database_reports_an_empty_organisation_rather_than_failing() {
    for t in support::databases().await {
        let summary = SeaOrmDirectory::new(t.db.clone()).summary().await.expect("summary");
        assert_eq!(
            (summary.provinces, summary.units, summary.posts),
            (0, 0, 0),
            "{}",
            t.engine
        );
    }
}

#[tokio::test]
async fn the_database_refuses_a_post_holding_for_a_person_who_does_not_exist() {
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("demo data loads");
        // Several times, so that more than one pooled connection is tried.
        for _ in 0..4 {
            let orphan = post_holding::ActiveModel {
                user_id: Set(999_999),
                post_id: Set(1),
                started_at: Set(chrono::Utc::now()),
                ended_at: Set(None),
                ..Default::default()
            };
            assert!(
                orphan.insert(&t.db).await.is_err(),
                "{}: foreign key not enforced",
                t.engine
            );
        }
    }
}
