//! The designer of forms and workflows, through the service, on SQLite and
//! PostgreSQL: an administrator adds a field and publishes a new version
//! that new requests are filed on while earlier ones keep theirs; a refused
//! publish keeps every typed value with each problem beside its input; no
//! one else may read or change a design.

mod support;

use app::contracts::design::DesignTarget;
use app::contracts::design::FormDesigns;
use app::contracts::requests::{Draft, RequestDesk};
use app::domain::catalogue::form::Fields;
use app::domain::design::{Change, RowKind, row_indexes};
use app::domain::working_days::{WorkingCalendar, solar_holidays};
use app::errors::AppError;
use server::design::SeaOrmFormDesigns;
use server::requests::SeaOrmRequests;
use server::storage::LocalFiles;
use support::{demo_user, statistics_answers, statistics_service};

fn set(rows: &mut Fields, name: &str, value: &str) {
    rows.insert(name.to_owned(), vec![value.to_owned()]);
}

fn desk(db: &sea_orm::DatabaseConnection, folder: &tempfile::TempDir) -> SeaOrmRequests {
    SeaOrmRequests::new(
        db.clone(),
        LocalFiles::new(folder.path(), 10 << 20),
        WorkingCalendar::iranian(solar_holidays(1404..=1410)),
    )
}

fn names(form: &app::domain::request_form::FormDefinition) -> Vec<String> {
    form.fields.iter().map(|f| f.name.clone()).collect()
}

#[tokio::test]
async fn a_new_version_takes_new_requests_while_earlier_ones_keep_theirs() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let folder = tempfile::tempdir().expect("uploads");
        let desk = desk(&t.db, &folder);
        let designs = SeaOrmFormDesigns::new(t.db.clone());
        let (admin, applicant) = (demo_user(&t.db, "admin").await, demo_user(&t.db, "applicant").await);
        let service = statistics_service(&t.db).await;
        let engine = t.engine;

        let earlier = desk.start(&applicant, service, "01").await.expect("draft");
        let answers = Draft {
            request_id: earlier,
            province: "tehran".to_owned(),
            fields: statistics_answers(),
        };
        RequestDesk::save(&desk, &applicant, answers, false)
            .await
            .expect("saved");

        let page = FormDesigns::designer(&designs, &admin, service, "01")
            .await
            .expect("designer");
        assert_eq!(page.form_version, Some(1), "{engine}");
        assert!(
            !page.draft,
            "{engine}: the published version opens as the starting point"
        );
        let mut rows = page.rows;
        let next = row_indexes(&rows, RowKind::Field).len();
        set(&mut rows, &format!("field.{next}.name"), "employees");
        set(&mut rows, &format!("field.{next}.label"), "شمار کارکنان");
        set(&mut rows, &format!("field.{next}.type"), "number");
        set(&mut rows, &format!("field.{next}.min"), "۱");
        set(&mut rows, &format!("field.{next}.required"), "yes");
        let target = DesignTarget {
            service_id: service,
            sub_code: "01".to_owned(),
        };
        let published = FormDesigns::save(&designs, &admin, target, rows, Change::Keep, true).await;
        assert_eq!(published, Ok(Some(2)), "{engine}");

        let new_form = desk.new_form(&applicant, service, "01").await.expect("form");
        assert_eq!(new_form.form_version, 2, "{engine}");
        assert!(names(&new_form.form).contains(&"employees".to_owned()), "{engine}");
        let kept = desk.application(&applicant, earlier).await.expect("application");
        let kept_form = kept.form.expect("an editable draft");
        assert_eq!(
            kept_form.form_version, 1,
            "{engine}: a draft keeps the version it was started on"
        );
        assert!(!names(&kept_form.form).contains(&"employees".to_owned()), "{engine}");

        let again = FormDesigns::designer(&designs, &admin, service, "01")
            .await
            .expect("designer");
        assert_eq!(
            (again.form_version, again.workflow_version, again.draft),
            (Some(2), Some(2), false),
            "{engine}"
        );
    }
}

#[tokio::test]
async fn a_refused_publish_keeps_what_was_typed_with_each_problem_beside_its_input() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let folder = tempfile::tempdir().expect("uploads");
        let desk = desk(&t.db, &folder);
        let designs = SeaOrmFormDesigns::new(t.db.clone());
        let admin = demo_user(&t.db, "admin").await;
        let service = statistics_service(&t.db).await;
        let engine = t.engine;
        let target = DesignTarget {
            service_id: service,
            sub_code: "01".to_owned(),
        };

        let mut rows = FormDesigns::designer(&designs, &admin, service, "01")
            .await
            .expect("designer")
            .rows;
        set(&mut rows, "field.0.max_chars", "خیلی زیاد");
        rows.insert("step.0.actions".to_owned(), Vec::new());
        let refused = FormDesigns::save(&designs, &admin, target.clone(), rows.clone(), Change::Keep, true).await;
        let Err(AppError::Fields(problems)) = refused else {
            panic!("{engine}: refused with problems, got {refused:?}");
        };
        let at: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert!(
            at.contains(&"field.0.max_chars") && at.contains(&"step.0.actions"),
            "{engine}: {at:?}"
        );

        let page = FormDesigns::designer(&designs, &admin, service, "01")
            .await
            .expect("designer");
        assert!(page.draft, "{engine}: the refused rows are kept");
        assert_eq!(page.form_version, Some(1), "{engine}: nothing was published");
        assert_eq!(
            page.rows.get("field.0.max_chars"),
            Some(&vec!["خیلی زیاد".to_owned()]),
            "{engine}"
        );
        assert!(page.problems.iter().any(|(f, _)| f == "step.0.actions"), "{engine}");

        // Fixed, and the first field removed on the way: published as version 2.
        let mut fixed = page.rows;
        set(&mut fixed, "field.0.max_chars", "300");
        fixed.insert(
            "step.0.actions".to_owned(),
            vec!["approve".to_owned(), "refer".to_owned()],
        );
        let published =
            FormDesigns::save(&designs, &admin, target, fixed, Change::Remove(RowKind::Field, 1), true).await;
        assert_eq!(published, Ok(Some(2)), "{engine}");
        let form = desk
            .new_form(&demo_user(&t.db, "applicant").await, service, "01")
            .await
            .expect("form");
        assert!(
            !names(&form.form).contains(&"licence_number".to_owned()),
            "{engine}: the removed field is gone"
        );
        let page = FormDesigns::designer(&designs, &admin, service, "01")
            .await
            .expect("designer");
        assert!(
            !page.draft && page.problems.is_empty(),
            "{engine}: publishing clears the draft"
        );
    }
}

#[tokio::test]
async fn only_administrators_read_or_change_a_design() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let designs = SeaOrmFormDesigns::new(t.db.clone());
        let service = statistics_service(&t.db).await;
        let engine = t.engine;
        let target = DesignTarget {
            service_id: service,
            sub_code: "01".to_owned(),
        };
        for someone in ["applicant", "desk.tehran", "ministry"] {
            let who = demo_user(&t.db, someone).await;
            let read = FormDesigns::designer(&designs, &who, service, "01").await;
            assert_eq!(read.err(), Some(AppError::Forbidden), "{engine}: {someone} reads");
            let saved = FormDesigns::save(&designs, &who, target.clone(), Fields::new(), Change::Keep, true).await;
            assert_eq!(saved, Err(AppError::Forbidden), "{engine}: {someone} publishes");
            let discarded = FormDesigns::discard(&designs, &who, target.clone()).await;
            assert_eq!(discarded, Err(AppError::Forbidden), "{engine}: {someone} discards");
        }
        let admin = demo_user(&t.db, "admin").await;
        let unknown = FormDesigns::designer(&designs, &admin, service, "99").await;
        assert_eq!(unknown.err(), Some(AppError::NotFound), "{engine}: no such sub-service");
    }
}
