//! The cartable through the service, on SQLite and PostgreSQL: folders for
//! applicants and staff, paging by cursor without gaps or repeats, search
//! by tracking code, national id or name, and the filters.

mod support;

use std::collections::BTreeSet;

use app::contracts::cartable::Cartables;
use app::contracts::requests::{Draft, RequestDesk};

use app::contracts::cartable::{CartableFolder, CartableQuery};
use app::contracts::session::SessionUser;
use app::domain::workflow::machine::{Command, Folder};
use app::domain::working_days::{WorkingCalendar, solar_holidays};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::cartable::{PAGE, SeaOrmCartable};
use server::entities::request;
use server::requests::SeaOrmRequests;
use server::storage::LocalFiles;
use support::{demo_user, statistics_answers, statistics_service};

async fn folder(cartable: &SeaOrmCartable, who: &SessionUser, query: CartableQuery) -> CartableFolder {
    let page = cartable.page(who, &query).await.expect("cartable");
    assert!(page.problem.is_none(), "{:?}", page.problem);
    page.folders.into_iter().next().expect("a folder")
}

fn awaiting() -> CartableQuery {
    CartableQuery {
        folder: "awaiting".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn folders_page_by_cursor_and_find_by_code_national_id_name_and_filters() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let engine = t.engine;
        let folder_dir = tempfile::tempdir().expect("uploads");
        let calendar = WorkingCalendar::iranian(solar_holidays(1404..=1410));
        let desk = SeaOrmRequests::new(t.db.clone(), LocalFiles::new(folder_dir.path(), 1 << 20), calendar);
        let cartable = SeaOrmCartable::new(t.db.clone());
        let applicant = demo_user(&t.db, "applicant").await;
        let officer = demo_user(&t.db, "desk.tehran").await;
        let isfahan = demo_user(&t.db, "desk.isfahan").await;
        let ministry = demo_user(&t.db, "ministry").await;
        let service = statistics_service(&t.db).await;

        let total = PAGE as usize + 5;
        let mut ids = Vec::new();
        for _ in 0..total {
            let id = desk.start(&applicant, service, "01").await.expect("draft");
            let draft = Draft {
                request_id: id,
                province: "tehran".into(),
                fields: statistics_answers(),
            };
            desk.save(&applicant, draft, true).await.expect("sent");
            ids.push(id);
        }
        // One draft stays with the applicant.
        let draft_id = desk.start(&applicant, service, "01").await.expect("draft");

        // Two pages, newest first, with neither gap nor repeat.
        let first = folder(&cartable, &officer, awaiting()).await;
        assert_eq!(first.folder, Folder::Awaiting);
        assert_eq!(first.total, total as u64, "{engine}");
        assert_eq!(first.rows.len(), PAGE as usize, "{engine}");
        let after = first.next.clone().expect("a next page");
        let second = folder(&cartable, &officer, CartableQuery { after, ..awaiting() }).await;
        assert_eq!(second.rows.len(), 5, "{engine}");
        assert!(second.next.is_none(), "{engine}");
        let seen: BTreeSet<i32> = first.rows.iter().chain(&second.rows).map(|r| r.id).collect();
        assert_eq!(seen, ids.iter().copied().collect(), "{engine}");
        assert_eq!(first.rows[0].id, *ids.last().expect("ids"), "{engine}: newest first");
        assert!(first.rows[0].link.starts_with("/cartable/"), "{engine}");
        let oldest = folder(
            &cartable,
            &officer,
            CartableQuery {
                sort: "oldest".into(),
                ..awaiting()
            },
        )
        .await;
        assert_eq!(oldest.rows[0].id, ids[0], "{engine}: oldest first");

        // Another province's desk sees none of them.
        assert_eq!(folder(&cartable, &isfahan, awaiting()).await.total, 0, "{engine}");

        // Search: a code typed in lower case with a space, a national id in
        // Persian digits, part of the name.
        let code = request::Entity::find_by_id(ids[3])
            .one(&t.db)
            .await
            .expect("read")
            .expect("row")
            .tracking_code;
        let typed = code.to_lowercase().replace('-', " ");
        let by_code = folder(&cartable, &officer, CartableQuery { q: typed, ..awaiting() }).await;
        assert_eq!(
            by_code.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
            [ids[3]],
            "{engine}"
        );
        let national_id = server::entities::user::Entity::find_by_id(applicant.user_id)
            .one(&t.db)
            .await
            .expect("read")
            .expect("applicant")
            .national_id;
        let persian = app::domain::digits::to_persian_digits(&national_id);
        let by_id = folder(
            &cartable,
            &officer,
            CartableQuery {
                q: persian,
                ..awaiting()
            },
        )
        .await;
        assert_eq!(by_id.total, total as u64, "{engine}");
        let last_name = applicant
            .display_name
            .split(' ')
            .next_back()
            .expect("a name")
            .to_owned();
        let by_name = folder(
            &cartable,
            &officer,
            CartableQuery {
                q: last_name,
                ..awaiting()
            },
        )
        .await;
        assert_eq!(by_name.total, total as u64, "{engine}");
        let nobody = folder(
            &cartable,
            &officer,
            CartableQuery {
                q: "کسی دیگر".into(),
                ..awaiting()
            },
        )
        .await;
        assert_eq!(nobody.total, 0, "{engine}");

        // Overdue: three steps already past their agreed time are flagged and filtered.
        request::Entity::update_many()
            .col_expr(
                request::Column::StepDueAt,
                Expr::value(chrono::Utc::now() - chrono::TimeDelta::days(1)),
            )
            .filter(request::Column::Id.is_in(ids[..3].to_vec()))
            .exec(&t.db)
            .await
            .expect("backdate");
        let overdue = folder(
            &cartable,
            &officer,
            CartableQuery {
                overdue: "overdue".into(),
                ..awaiting()
            },
        )
        .await;
        assert_eq!(overdue.total, 3, "{engine}");
        assert!(overdue.rows.iter().all(|r| r.overdue), "{engine}");

        // Dates: from today finds them; from tomorrow none; a wrong date is named.
        let today = app::domain::jalali::JalaliDate::from_utc(chrono::Utc::now())
            .expect("today")
            .to_string();
        let tomorrow = app::domain::jalali::JalaliDate::from_utc(chrono::Utc::now() + chrono::TimeDelta::days(1))
            .expect("tomorrow")
            .to_string();
        let from_today = folder(
            &cartable,
            &officer,
            CartableQuery {
                from: today.clone(),
                ..awaiting()
            },
        )
        .await;
        assert_eq!(from_today.total, total as u64, "{engine}: {today}");
        let from_tomorrow = folder(
            &cartable,
            &officer,
            CartableQuery {
                from: tomorrow,
                ..awaiting()
            },
        )
        .await;
        assert_eq!(from_tomorrow.total, 0, "{engine}");
        let wrong = cartable
            .page(
                &officer,
                &CartableQuery {
                    to: "۱۴۰۵/۱۳/۴۰".into(),
                    ..awaiting()
                },
            )
            .await
            .expect("page");
        assert_eq!(wrong.problem.map(|(field, _)| field), Some("to".to_owned()), "{engine}");
        let by_service = folder(
            &cartable,
            &officer,
            CartableQuery {
                service: service.to_string(),
                ..awaiting()
            },
        )
        .await;
        assert_eq!(by_service.total, total as u64, "{engine}");
        assert!(
            cartable
                .page(&officer, &awaiting())
                .await
                .expect("page")
                .services
                .iter()
                .any(|s| s.id == service)
        );

        // Forwarded: off the officer's awaiting folder, into their in-progress
        // folder and the ministry's awaiting folder.
        let case = desk.case(&officer, ids[0]).await.expect("case");
        desk.act(&officer, ids[0], case.revision, Command::Approve)
            .await
            .expect("forwarded");
        assert_eq!(
            folder(&cartable, &officer, awaiting()).await.total,
            total as u64 - 1,
            "{engine}"
        );
        let moving = CartableQuery {
            folder: "in_progress".into(),
            ..Default::default()
        };
        let officer_moving = folder(&cartable, &officer, moving.clone()).await;
        assert_eq!(
            officer_moving.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
            [ids[0]],
            "{engine}"
        );
        assert_eq!(folder(&cartable, &ministry, awaiting()).await.total, 1, "{engine}");

        // The applicant: the draft awaits them, the rest are moving.
        let own = folder(&cartable, &applicant, awaiting()).await;
        assert_eq!(
            own.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
            [draft_id],
            "{engine}"
        );
        assert!(own.rows[0].link.starts_with("/applications/"), "{engine}");
        assert_eq!(
            folder(&cartable, &applicant, moving).await.total,
            total as u64,
            "{engine}"
        );
        // All three folders at once when none is asked for.
        let all = cartable
            .page(&applicant, &CartableQuery::default())
            .await
            .expect("page");
        let shown: Vec<Folder> = all.folders.iter().map(|f| f.folder).collect();
        assert_eq!(
            shown,
            [Folder::Awaiting, Folder::InProgress, Folder::Finished],
            "{engine}"
        );
    }
}
