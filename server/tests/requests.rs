//! Requests on defined forms and workflows, through the service, on SQLite
//! and PostgreSQL: filing with the form's checks and files, the receipt and
//! its promise, a referral to an expert, a return for correction, the
//! applicant's fix, approval through the last step and the final decision;
//! two people acting on one revision; who may read and act.

mod support;

use app::contracts::requests::{ByteStream, Draft, RequestDesk};
use app::contracts::session::SessionUser;
use app::domain::workflow::machine::Command;
use app::domain::working_days::{AgreedDuration, WorkingCalendar, solar_holidays};
use app::errors::AppError;
use bytes::Bytes;
use sea_orm::EntityTrait;
use server::entities::{post, request};
use server::requests::SeaOrmRequests;
use server::storage::LocalFiles;
use support::{demo_user, statistics_answers, statistics_service};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

fn calendar() -> WorkingCalendar {
    WorkingCalendar::iranian(solar_holidays(1404..=1410))
}

fn body(bytes: &'static [u8]) -> ByteStream {
    Box::pin(futures::stream::iter(vec![Ok(Bytes::from_static(bytes))]))
}

fn draft(id: i32, fields: app::domain::catalogue::form::Fields) -> Draft {
    Draft {
        request_id: id,
        province: "tehran".to_owned(),
        fields,
    }
}

fn message_for(error: &AppError, field: &str) -> String {
    error
        .message_for(field)
        .unwrap_or_else(|| panic!("no message for {field}: {error:?}"))
}

async fn row(db: &sea_orm::DatabaseConnection, id: i32) -> request::Model {
    request::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("read")
        .expect("request")
}

async fn post_code(db: &sea_orm::DatabaseConnection, id: Option<i32>) -> Option<String> {
    post::Entity::find_by_id(id?)
        .one(db)
        .await
        .expect("read")
        .map(|p| p.code)
}

#[tokio::test]
async fn a_return_is_filed_referred_returned_fixed_and_approved_through_the_last_step() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let folder = tempfile::tempdir().expect("uploads");
        let desk = SeaOrmRequests::new(t.db.clone(), LocalFiles::new(folder.path(), 10 << 20), calendar());
        let applicant = demo_user(&t.db, "applicant").await;
        let officer = demo_user(&t.db, "desk.tehran").await;
        let expert = demo_user(&t.db, "expert.tehran").await;
        let ministry = demo_user(&t.db, "ministry").await;
        let service = statistics_service(&t.db).await;
        let engine = t.engine;

        // The form as the applicant meets it: every field of the definition.
        let form = desk.new_form(&applicant, service, "01").await.expect("form");
        let names: Vec<&str> = form.form.fields.iter().map(|f| f.name.as_str()).collect();
        assert!(
            names.contains(&"monthly") && names.contains(&"evidence"),
            "{engine}: {names:?}"
        );
        assert!(form.provinces.iter().any(|p| p.code == "tehran"), "{engine}");

        // Sent half-filled: each problem is named beside its field and
        // everything typed stays in the draft.
        let id = desk.start(&applicant, service, "01").await.expect("draft");
        let mut half = statistics_answers();
        half.remove("unit_name");
        half.insert("monthly.1.quantity".into(), vec!["بسیار".into()]);
        desk.save(&applicant, draft(id, half.clone()), false)
            .await
            .expect("kept");
        let refused = desk
            .save(&applicant, draft(id, half), true)
            .await
            .expect_err("incomplete");
        message_for(&refused, "unit_name");
        message_for(&refused, "monthly.1.quantity");
        let kept = desk.application(&applicant, id).await.expect("read");
        let values = kept.form.expect("still editable").values;
        assert_eq!(values["monthly.1.quantity"], vec!["بسیار".to_owned()], "{engine}");
        assert!(kept.receipt.is_none(), "{engine}: a draft has no receipt");

        // Files: the field's types and count hold, judged by content too.
        desk.upload(&applicant, id, "evidence", "form.pdf", body(PDF))
            .await
            .expect("pdf");
        let wrong = desk
            .upload(&applicant, id, "evidence", "tool.exe", body(PDF))
            .await
            .expect_err("exe");
        assert!(message_for(&wrong, "evidence").contains("pdf"), "{engine}");
        let disguised = desk
            .upload(&applicant, id, "evidence", "photo.png", body(PDF))
            .await
            .expect_err("a pdf named png");
        message_for(&disguised, "evidence");
        desk.upload(&applicant, id, "evidence", "page2.pdf", body(PDF))
            .await
            .expect("second");
        let third = desk
            .upload(&applicant, id, "evidence", "page3.pdf", body(PDF))
            .await
            .expect_err("two at most");
        assert!(message_for(&third, "evidence").contains("۲"), "{engine}");

        // Sent complete: the desk officer of Tehran holds it, the receipt
        // promises the two steps' agreed durations on the working calendar.
        desk.save(&applicant, draft(id, statistics_answers()), true)
            .await
            .expect("sent");
        let sent = row(&t.db, id).await;
        assert_eq!(sent.status, "in_progress", "{engine}");
        assert_eq!(
            post_code(&t.db, sent.holder_post_id).await.as_deref(),
            Some("tehran.desk.officer")
        );
        let expected = calendar().promised(
            sent.submitted_at.expect("sent at"),
            &[AgreedDuration::WorkingDays(2), AgreedDuration::WorkingDays(3)],
        );
        assert_eq!(sent.promised_at, Some(expected), "{engine}");
        let page = desk.application(&applicant, id).await.expect("read");
        let receipt = page.receipt.expect("receipt");
        assert_eq!(receipt.tracking_code, sent.tracking_code, "{engine}");
        assert!(
            receipt.promised_at.is_some() && receipt.service.contains("آمار"),
            "{engine}"
        );
        assert!(page.form.is_none(), "{engine}: no longer editable");
        let again = desk.save(&applicant, draft(id, statistics_answers()), true).await;
        assert!(again.is_err(), "{engine}: sent twice");

        // The officer refers it to the investment expert, who may act; the
        // officer's old page is out of date.
        let case = desk.case(&officer, id).await.expect("officer reads");
        assert!(
            case.actions.contains(&"refer".to_owned()),
            "{engine}: {:?}",
            case.actions
        );
        assert!(
            case.refer_to.iter().any(|p| p.code == "tehran.investment.expert"),
            "{engine}"
        );
        // A hand-edited form naming another province's post is refused,
        // and the request stays where it is.
        assert!(
            !case.refer_to.iter().any(|p| p.code.starts_with("isfahan.")),
            "{engine}: only this province's posts are offered"
        );
        let elsewhere = Command::Refer {
            post_code: "isfahan.desk.officer".into(),
            note: String::new(),
        };
        let refused = desk
            .act(&officer, id, case.revision, elsewhere)
            .await
            .expect_err("another province's post");
        assert!(
            message_for(&refused, "post_code").contains("استان"),
            "{engine}: {refused:?}"
        );
        let refer = Command::Refer {
            post_code: "tehran.investment.expert".into(),
            note: "بررسی مقادیر مهر".into(),
        };
        desk.act(&officer, id, case.revision, refer.clone())
            .await
            .expect("referred");
        let stale = desk.act(&officer, id, case.revision, refer).await.expect_err("stale");
        assert!(message_for(&stale, "text").contains("شخص دیگری"), "{engine}: {stale:?}");
        assert_eq!(
            post_code(&t.db, row(&t.db, id).await.holder_post_id).await.as_deref(),
            Some("tehran.investment.expert")
        );

        // Two people on one revision: one wins, the other is told.
        let seen = desk.case(&expert, id).await.expect("expert reads");
        let comment = Command::Comment {
            text: "مقدار مهر با پروانه نمی‌خواند".into(),
        };
        desk.act(&expert, id, seen.revision, comment.clone())
            .await
            .expect("first");
        let late = desk.act(&expert, id, seen.revision, comment).await.expect_err("second");
        message_for(&late, "text");

        // The expert returns it with a reason the applicant reads; the
        // clock stops and the promise is not shown while it waits.
        let seen = desk.case(&expert, id).await.expect("expert reads");
        let blank = desk
            .act(
                &expert,
                id,
                seen.revision,
                Command::ReturnToApplicant { reason: " ".into() },
            )
            .await
            .expect_err("a reason is required");
        message_for(&blank, "text");
        let reason = "مقدار تولید مهر را با پروانه تطبیق دهید";
        desk.act(
            &expert,
            id,
            seen.revision,
            Command::ReturnToApplicant { reason: reason.into() },
        )
        .await
        .expect("returned");
        let returned = desk.application(&applicant, id).await.expect("read");
        assert_eq!(
            returned.form.as_ref().and_then(|f| f.returned.as_deref()),
            Some(reason),
            "{engine}"
        );
        assert!(returned.receipt.expect("receipt").promised_at.is_none(), "{engine}");
        let paused = row(&t.db, id).await;
        assert!(
            paused.paused_at.is_some() && paused.holder_post_id.is_none(),
            "{engine}"
        );

        // Fixed and sent again: back to the step's own post, not the expert,
        // and the promise is never earlier than before.
        let mut fixed = statistics_answers();
        fixed.insert("monthly.0.quantity".into(), vec!["1150".into()]);
        desk.save(&applicant, draft(id, fixed), true).await.expect("resent");
        let resent = row(&t.db, id).await;
        assert_eq!(
            post_code(&t.db, resent.holder_post_id).await.as_deref(),
            Some("tehran.desk.officer")
        );
        assert!(resent.promised_at >= sent.promised_at, "{engine}");
        assert!(resent.referred_post_code.is_none(), "{engine}");

        // Approved and forwarded to the ministry, which decides.
        let seen = desk.case(&officer, id).await.expect("officer reads");
        desk.act(&officer, id, seen.revision, Command::Approve)
            .await
            .expect("forwarded");
        let seen = desk.case(&ministry, id).await.expect("ministry reads");
        assert!(
            seen.actions.contains(&"decide".to_owned()),
            "{engine}: {:?}",
            seen.actions
        );
        assert!(!seen.actions.contains(&"approve".to_owned()), "{engine}");
        let decide = Command::Decide {
            approve: true,
            reasoning: "آمار با پروانه بهره‌برداری و فرم امضاشده مطابقت دارد".into(),
        };
        desk.act(&ministry, id, seen.revision, decide.clone())
            .await
            .expect("granted");
        let done = row(&t.db, id).await;
        assert_eq!(done.status, "approved", "{engine}");
        assert!(done.notice_code.is_some() && done.decided_at.is_some(), "{engine}");
        let after = desk
            .act(&ministry, id, done.revision, decide)
            .await
            .expect_err("finished");
        assert!(
            matches!(after, AppError::Forbidden | AppError::Invalid { .. }),
            "{engine}"
        );

        // The history lists every step in order; the applicant sees units,
        // never a staff member's name, and no internal comment.
        let staff = desk.case(&ministry, id).await.expect("read");
        let activities: Vec<&str> = staff.history.iter().map(|e| e.activity.as_str()).collect();
        assert_eq!(
            activities,
            [
                "ثبت و ارسال",
                "ارجاع",
                "ثبت نظر",
                "بازگرداندن برای اصلاح",
                "ارسال دوباره پس از اصلاح",
                "تأیید و ارسال به مرحله بعد",
                "تصمیم نهایی: تأیید",
            ],
            "{engine}"
        );
        assert!(staff.history.iter().any(|e| e.by == officer.display_name), "{engine}");
        let own = desk.application(&applicant, id).await.expect("read");
        assert!(
            own.history
                .iter()
                .all(|e| e.by != officer.display_name && e.by != expert.display_name)
        );
        assert!(
            own.history
                .iter()
                .all(|e| e.note.as_deref() != Some("مقدار مهر با پروانه نمی‌خواند"))
        );
        assert!(own.steps.iter().all(|s| s.state == "done"), "{engine}: {:?}", own.steps);
        assert_eq!(own.status, "تأیید نهایی شد", "{engine}");

        // The public tracking page: every step but staff's comments, the
        // service named, no promise once decided.
        let tracking = server::tracking::SeaOrmTracking::new(t.db.clone(), Some("a test secret"));
        let national_id = server::entities::user::Entity::find_by_id(applicant.user_id)
            .one(&t.db)
            .await
            .expect("read")
            .expect("applicant")
            .national_id;
        use app::contracts::tracking::Tracking;
        let (code, token) = tracking
            .find(&done.tracking_code, &national_id, "127.0.0.1")
            .await
            .expect("found");
        let tracked = tracking.view(&code, &token).await.expect("view");
        assert_eq!(tracked.status, "approved", "{engine}");
        assert!(
            tracked.service.as_deref().is_some_and(|s| s.contains("آمار")),
            "{engine}"
        );
        assert!(tracked.promised_at.is_none() && tracked.unit_fa.is_none(), "{engine}");
        let steps: Vec<&str> = tracked.events.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(
            steps,
            [
                "submitted",
                "referred",
                "returned",
                "resubmitted",
                "forwarded",
                "granted"
            ],
            "{engine}"
        );

        // Everyone who acted finds it among their finished requests.
        let finished = app::contracts::cartable::CartableQuery {
            folder: "finished".into(),
            ..Default::default()
        };
        let cartable = server::cartable::SeaOrmCartable::new(t.db.clone());
        for who in [&officer, &expert, &ministry, &applicant] {
            use app::contracts::cartable::Cartables;
            let page = cartable.page(who, &finished).await.expect("cartable");
            let ids: Vec<i32> = page.folders[0].rows.iter().map(|r| r.id).collect();
            assert_eq!(ids, [id], "{engine}: {}", who.display_name);
        }
    }
}

#[tokio::test]
async fn only_the_applicant_reads_their_request_and_only_the_holder_acts() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let folder = tempfile::tempdir().expect("uploads");
        let desk = SeaOrmRequests::new(t.db.clone(), LocalFiles::new(folder.path(), 10 << 20), calendar());
        let applicant = demo_user(&t.db, "applicant").await;
        let officer = demo_user(&t.db, "desk.tehran").await;
        let isfahan = demo_user(&t.db, "desk.isfahan").await;
        let admin = demo_user(&t.db, "admin").await;
        let service = statistics_service(&t.db).await;
        let engine = t.engine;

        // Staff do not file, and an applicant not yet verified is told why.
        let staff_files = desk.new_form(&officer, service, "01").await;
        assert_eq!(staff_files, Err(AppError::Forbidden), "{engine}");
        let unverified = SessionUser {
            identity_verified: false,
            ..applicant.clone()
        };
        let refused = desk.new_form(&unverified, service, "01").await.expect_err("unverified");
        message_for(&refused, "identity");
        let unknown = desk.new_form(&applicant, service, "99").await;
        assert_eq!(unknown, Err(AppError::NotFound), "{engine}: unknown sub-service");

        let id = desk.start(&applicant, service, "01").await.expect("draft");
        desk.save(&applicant, draft(id, statistics_answers()), true)
            .await
            .expect("sent");
        let revision = row(&t.db, id).await.revision;

        assert_eq!(
            desk.application(&officer, id).await.err(),
            Some(AppError::Forbidden),
            "{engine}"
        );
        assert_eq!(
            desk.case(&applicant, id).await.err(),
            Some(AppError::Forbidden),
            "{engine}"
        );
        assert_eq!(
            desk.case(&isfahan, id).await.err(),
            Some(AppError::Forbidden),
            "{engine}"
        );
        let overseen = desk.case(&admin, id).await.expect("administrators read");
        assert!(overseen.actions.is_empty(), "{engine}: reading is not acting");
        let approve = desk.act(&isfahan, id, revision, Command::Approve).await;
        assert_eq!(approve, Err(AppError::Forbidden), "{engine}");
        let by_admin = desk.act(&admin, id, revision, Command::Approve).await;
        assert_eq!(by_admin, Err(AppError::Forbidden), "{engine}");
        let own = desk.act(&applicant, id, revision, Command::Approve).await;
        assert_eq!(own, Err(AppError::Forbidden), "{engine}");
        // The desk officer cannot decide at the first step.
        let early = desk
            .act(
                &officer,
                id,
                revision,
                Command::Decide {
                    approve: true,
                    reasoning: "x".into(),
                },
            )
            .await
            .expect_err("not the last step");
        message_for(&early, "text");
        assert_eq!(row(&t.db, id).await.revision, revision, "{engine}: nothing changed");
    }
}

#[tokio::test]
async fn an_overdue_step_reminds_its_holder_and_alerts_the_manager_once() {
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    use server::entities::{outbox_message, user};
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let folder = tempfile::tempdir().expect("uploads");
        let desk = SeaOrmRequests::new(t.db.clone(), LocalFiles::new(folder.path(), 10 << 20), calendar());
        let applicant = demo_user(&t.db, "applicant").await;
        let officer = demo_user(&t.db, "desk.tehran").await;
        let service = statistics_service(&t.db).await;
        let engine = t.engine;
        let id = desk.start(&applicant, service, "01").await.expect("draft");
        desk.save(&applicant, draft(id, statistics_answers()), true)
            .await
            .expect("sent");
        let now = chrono::Utc::now();
        assert_eq!(
            server::requests::overdue::sweep(&t.db, now).await.expect("sweep"),
            0,
            "{engine}: not due yet"
        );

        request::Entity::update_many()
            .col_expr(
                request::Column::StepDueAt,
                Expr::value(now - chrono::TimeDelta::hours(1)),
            )
            .filter(request::Column::Id.eq(id))
            .exec(&t.db)
            .await
            .expect("backdate");
        assert_eq!(
            server::requests::overdue::sweep(&t.db, now).await.expect("sweep"),
            1,
            "{engine}"
        );
        assert_eq!(
            server::requests::overdue::sweep(&t.db, now).await.expect("sweep"),
            0,
            "{engine}: once"
        );
        let mobile = |name: &'static str| {
            let db = t.db.clone();
            async move {
                user::Entity::find()
                    .filter(user::Column::Username.eq(name))
                    .one(&db)
                    .await
                    .expect("read")
                    .expect("account")
                    .mobile
            }
        };
        let sent: Vec<outbox_message::Model> = outbox_message::Entity::find().all(&t.db).await.expect("outbox");
        let code = row(&t.db, id).await.tracking_code;
        let to = |number: String| {
            sent.iter()
                .filter(|m| m.recipient == number && m.body.contains(&code))
                .count()
        };
        assert_eq!(to(mobile("desk.tehran").await), 1, "{engine}: the holder is reminded");
        assert_eq!(
            to(mobile("manager.tehran").await),
            1,
            "{engine}: the manager is alerted"
        );
        assert_eq!(to(mobile("desk.isfahan").await), 0, "{engine}");
        let cartable = server::cartable::SeaOrmCartable::new(t.db.clone());
        let overdue = app::contracts::cartable::CartableQuery {
            folder: "awaiting".into(),
            overdue: "overdue".into(),
            ..Default::default()
        };
        use app::contracts::cartable::Cartables;
        let page = cartable.page(&officer, &overdue).await.expect("cartable");
        assert!(page.folders[0].rows.iter().any(|r| r.id == id && r.overdue), "{engine}");

        // The next step has its own clock.
        let case = desk.case(&officer, id).await.expect("case");
        desk.act(&officer, id, case.revision, Command::Approve)
            .await
            .expect("forwarded");
        let moved = row(&t.db, id).await;
        assert!(
            moved.overdue_notified_at.is_none() && moved.step_due_at > Some(now),
            "{engine}"
        );
    }
}

#[tokio::test]
async fn a_removed_file_leaves_the_disk_a_file_racing_the_send_is_refused_and_drafts_are_bounded() {
    for t in support::databases().await {
        let engine = t.engine;
        server::demo::seed(&t.db).await.expect("demo data");
        let folder = tempfile::tempdir().expect("uploads");
        let files = LocalFiles::new(folder.path(), 10 << 20);
        let desk = std::sync::Arc::new(SeaOrmRequests::new(t.db.clone(), files.clone(), calendar()));
        let applicant = demo_user(&t.db, "applicant").await;
        let service = statistics_service(&t.db).await;

        // Taken off: the content is gone, the row and its SHA-256 stay.
        let id = desk.start(&applicant, service, "01").await.expect("draft");
        desk.upload(&applicant, id, "evidence", "form.pdf", body(PDF))
            .await
            .expect("uploaded");
        let kept = kept_files(&t.db, id).await;
        let file = kept.first().expect("one file").clone();
        assert!(files.path_of(&file.stored_name).exists(), "{engine}");
        desk.remove_file(&applicant, id, file.id).await.expect("removed");
        assert!(!files.path_of(&file.stored_name).exists(), "{engine}: content deleted");
        let row = server::entities::request_file::Entity::find_by_id(file.id)
            .one(&t.db)
            .await
            .expect("read")
            .expect("row kept");
        assert!(row.removed_at.is_some() && row.sha256 == file.sha256, "{engine}");

        // The request is sent while a file is still streaming in.
        let (racing_desk, racing_who) = (desk.clone(), applicant.clone());
        let racing: ByteStream = Box::pin(futures::stream::once(async move {
            racing_desk
                .save(&racing_who, draft(id, statistics_answers()), true)
                .await
                .expect("sent meanwhile");
            Ok(Bytes::from_static(PDF))
        }));
        let late = desk
            .upload(&applicant, id, "evidence", "late.pdf", racing)
            .await
            .expect_err("attached to a sent request");
        assert!(
            late.message_for("form").is_some_and(|m| m.contains("فرستاده شد")),
            "{engine}: {late:?}"
        );
        assert!(kept_files(&t.db, id).await.is_empty(), "{engine}");
        assert_eq!(
            std::fs::read_dir(folder.path()).expect("folder").count(),
            0,
            "{engine}: nothing left on disk"
        );

        // Twenty open drafts, then a clear refusal.
        let open = server::requests::MAX_OPEN_DRAFTS;
        for _ in 0..open {
            desk.start(&applicant, service, "01").await.expect("draft");
        }
        let refused = desk.start(&applicant, service, "01").await.expect_err("one too many");
        assert!(
            refused.message_for("service").is_some_and(|m| m.contains("پیش‌نویس")),
            "{engine}: {refused:?}"
        );
    }
}

/// The files on request `id` that were not taken off.
async fn kept_files(db: &sea_orm::DatabaseConnection, id: i32) -> Vec<server::entities::request_file::Model> {
    use sea_orm::{ColumnTrait, QueryFilter};
    use server::entities::request_file;
    request_file::Entity::find()
        .filter(request_file::Column::RequestId.eq(id))
        .filter(request_file::Column::RemovedAt.is_null())
        .all(db)
        .await
        .expect("read")
}

#[tokio::test]
async fn a_provincial_manager_reads_only_their_province_and_every_staff_read_is_audited() {
    for t in support::databases().await {
        let engine = t.engine;
        server::demo::seed(&t.db).await.expect("demo data");
        let folder = tempfile::tempdir().expect("uploads");
        let desk = SeaOrmRequests::new(t.db.clone(), LocalFiles::new(folder.path(), 10 << 20), calendar());
        let applicant = demo_user(&t.db, "applicant").await;
        let service = statistics_service(&t.db).await;
        let mut filed = Vec::new();
        for province in ["tehran", "isfahan"] {
            let id = desk.start(&applicant, service, "01").await.expect("draft");
            let draft = Draft {
                request_id: id,
                province: province.to_owned(),
                fields: statistics_answers(),
            };
            desk.save(&applicant, draft, true).await.expect("sent");
            filed.push(id);
        }
        let (tehran, isfahan) = (filed[0], filed[1]);
        let manager = demo_user(&t.db, "manager.tehran").await;
        let admin = demo_user(&t.db, "admin").await;
        desk.case(&manager, tehran).await.expect("own province");
        assert_eq!(
            desk.case(&manager, isfahan).await.err(),
            Some(AppError::Forbidden),
            "{engine}: another province's request"
        );
        desk.case(&admin, isfahan)
            .await
            .expect("a national administrator reads every province");
        use sea_orm::{ColumnTrait, QueryFilter};
        let reads = server::entities::audit_entry::Entity::find()
            .filter(server::entities::audit_entry::Column::Action.eq("request.viewed"))
            .all(&t.db)
            .await
            .expect("read");
        assert_eq!(
            reads.len(),
            2,
            "{engine}: each staff read is in the audit log, a refusal reads nothing"
        );
    }
}
