//! Identity verification through the service, on SQLite and PostgreSQL:
//! the applicant's draft, documents and sending, the desk officer's review
//! loop, who may see and decide what, and the uploads that must be refused.

mod support;

use support::demo_user;

use app::contracts::{ByteStream, IdentityDesk, SessionUser};
use app::domain::{identity::IdentityForm, role::Role, tracking_code};
use app::errors::AppError;
use app::serverfns::identity::FileView;
use bytes::Bytes;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set};
use server::entities::{audit_entry, outbox_message, post, post_holding, user};
use server::identity::{SeaOrmIdentity, storage::LocalFiles};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR fake picture body \0\0\0\0IEND\xaeB`\x82";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

fn body(bytes: &'static [u8]) -> ByteStream {
    Box::pin(futures::stream::iter(
        bytes.chunks(7).map(|c| Ok(Bytes::from_static(c))).collect::<Vec<_>>(),
    ))
}

/// A new, active applicant whose identity is not verified yet.
async fn applicant(db: &DatabaseConnection, n: u32) -> SessionUser {
    let now = Utc::now();
    let national_id = app::domain::national_id::with_check_digit(&format!("0311{n:05}")).expect("nine digits");
    let row = user::ActiveModel {
        username: Set(format!("applicant{n}")),
        email: Set(format!("applicant{n}@example.ir")),
        mobile: Set(format!("0915000{n:04}")),
        national_id: Set(national_id),
        first_name: Set("رضا".into()),
        last_name: Set(format!("آزمون{}", ["یک", "دو", "سه"][n as usize % 3])),
        password_hash: Set("not used".into()),
        role: Set("applicant".into()),
        is_active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("applicant");
    SessionUser {
        user_id: row.id,
        display_name: "رضا آزمون".into(),
        role: Role::Applicant,
        identity_verified: false,
        needs_second_factor: false,
    }
}

fn legal_by_proxy() -> IdentityForm {
    IdentityForm {
        person_kind: "legal".into(),
        first_name: "رضا".into(),
        last_name: "آزمون".into(),
        national_id: "0012345679".into(),
        mobile: "09150000001".into(),
        province: "tehran".into(),
        capacity: "attorney".into(),
        company_name: "شرکت صنایع نمونه".into(),
        company_national_id: "10100000001".into(),
        economic_code: "411111111111".into(),
    }
}

struct Setup {
    desk: SeaOrmIdentity,
    folder: tempfile::TempDir,
}

async fn setup(db: &DatabaseConnection, max_bytes: u64) -> Setup {
    server::demo::seed(db).await.expect("demo data");
    let folder = tempfile::tempdir().expect("upload folder");
    let desk = SeaOrmIdentity::new(db.clone(), LocalFiles::new(folder.path(), max_bytes));
    Setup { desk, folder }
}

async fn sms_count(db: &DatabaseConnection, mobile: &str) -> u64 {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Recipient.eq(mobile))
        .count(db)
        .await
        .expect("count")
}

#[tokio::test]
async fn a_legal_entity_by_proxy_is_rejected_for_a_missing_card_fixes_it_and_is_approved() {
    for t in support::databases().await {
        let s = setup(&t.db, 5 * 1024 * 1024).await;
        let sara = applicant(&t.db, 1).await;
        let tehran = demo_user(&t.db, "desk.tehran").await;
        let isfahan = demo_user(&t.db, "desk.isfahan").await;
        let other = applicant(&t.db, 2).await;

        let page = s.desk.my_request(&sara).await.expect("a draft");
        assert_eq!(page.request.status, "draft");
        assert!(
            tracking_code::parse(&page.request.tracking_code).is_some(),
            "a valid tracking code at once"
        );
        assert_eq!(
            page.request.form.first_name, "رضا",
            "{}: prefilled from the account",
            t.engine
        );
        assert!(page.provinces.iter().any(|p| p.code == "tehran"));

        // A draft keeps anything, even a wrong national id.
        let draft = IdentityForm {
            national_id: "123".into(),
            ..legal_by_proxy()
        };
        s.desk.save(&sara, draft, false).await.expect("draft saved");
        assert_eq!(
            s.desk.my_request(&sara).await.expect("read").request.form.national_id,
            "123"
        );

        let error = s
            .desk
            .save(&sara, legal_by_proxy(), true)
            .await
            .expect_err("no power of attorney");
        assert!(
            error.message_for("power_of_attorney").is_some(),
            "{}: {error:?}",
            t.engine
        );
        s.desk
            .upload(&sara, "power_of_attorney", "وکالت‌نامه.pdf", body(PDF))
            .await
            .expect("pdf kept");
        s.desk.save(&sara, legal_by_proxy(), true).await.expect("sent");
        assert_eq!(sms_count(&t.db, "09150000001").await, 1, "an SMS at submission");

        let id = page.request.id;
        let queue = awaiting(&t.db, &tehran).await;
        assert_eq!(queue.len(), 1, "{}: in the Tehran desk's cartable", t.engine);
        assert!(queue[0].holder.contains("مسئول میز خدمت"));
        assert!(awaiting(&t.db, &isfahan).await.is_empty());
        assert_eq!(
            s.desk.review(&isfahan, id).await,
            Err(AppError::Forbidden),
            "other province"
        );
        assert_eq!(
            s.desk.review(&other, id).await,
            Err(AppError::Forbidden),
            "other applicant"
        );
        let seen = s.desk.review(&tehran, id).await.expect("the holder reads it");
        assert_eq!(
            s.desk.decide(&isfahan, id, seen.revision, false, "x").await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            s.desk.decide(&sara, id, seen.revision, true, "").await,
            Err(AppError::Forbidden)
        );

        let no_reason = s
            .desk
            .decide(&tehran, id, seen.revision, false, "  ")
            .await
            .expect_err("reason required");
        assert!(no_reason.message_for("reason").is_some());
        s.desk
            .decide(
                &tehran,
                id,
                seen.revision,
                false,
                "لطفا تصویر کارت ملی را بارگذاری نمایید",
            )
            .await
            .expect("rejected");
        let mine = awaiting(&t.db, &sara).await;
        assert_eq!(mine.len(), 1, "{}: back in the applicant's awaiting folder", t.engine);
        let report = s.desk.review(&sara, id).await.expect("own report");
        assert_eq!(
            report.rejection.as_deref(),
            Some("لطفا تصویر کارت ملی را بارگذاری نمایید")
        );

        s.desk
            .upload(&sara, "national_card", "card.png", body(PNG))
            .await
            .expect("png kept");
        s.desk.save(&sara, legal_by_proxy(), true).await.expect("sent again");
        let seen = s.desk.review(&tehran, id).await.expect("read again");
        assert_eq!(seen.files.len(), 2);
        s.desk
            .decide(&tehran, id, seen.revision, true, "")
            .await
            .expect("approved");

        let account = user::Entity::find_by_id(sara.user_id)
            .one(&t.db)
            .await
            .expect("read")
            .expect("row");
        assert!(
            account.identity_verified_at.is_some(),
            "{}: approval verifies the identity",
            t.engine
        );
        let history: Vec<_> = s.desk.review(&sara, id).await.expect("report").history;
        let activities: Vec<_> = history.iter().map(|e| e.activity.as_str()).collect();
        assert_eq!(
            activities,
            [
                "ثبت و ارسال فرم هویتی متقاضی",
                "عدم تأیید مسئول میز خدمت",
                "اصلاح و ارسال دوباره فرم هویتی",
                "تأیید هویت توسط مسئول میز خدمت"
            ]
        );
        assert_eq!(history[1].by, "بهرام کاظم‌زاده");
        assert_eq!(
            sms_count(&t.db, "09150000001").await,
            4,
            "SMS at each submission, rejection and approval"
        );
        let audited = audit_entry::Entity::find()
            .filter(audit_entry::Column::Subject.eq(format!("request:{id}")))
            .count(&t.db)
            .await
            .expect("count");
        assert_eq!(audited, 4);
        assert_eq!(
            s.desk.save(&sara, legal_by_proxy(), false).await,
            Err(AppError::invalid(
                "form",
                "این درخواست در حال بررسی یا پایان‌یافته است و اکنون ویرایش نمی‌شود"
            ))
        );
        drop(s.folder);
    }
}

#[tokio::test]
async fn two_officers_deciding_the_same_request_at_once_one_wins_and_the_other_is_told() {
    for t in support::databases().await {
        let s = setup(&t.db, 1024 * 1024).await;
        let sara = applicant(&t.db, 3).await;
        let first = demo_user(&t.db, "desk.tehran").await;
        // A second person holding the same desk officer post.
        let second = applicant(&t.db, 4).await;
        let desk_post = post::Entity::find()
            .filter(post::Column::Code.eq("tehran.desk.officer"))
            .one(&t.db)
            .await
            .expect("read")
            .expect("post");
        post_holding::ActiveModel {
            user_id: Set(second.user_id),
            post_id: Set(desk_post.id),
            started_at: Set(Utc::now()),
            ended_at: Set(None),
            ..Default::default()
        }
        .insert(&t.db)
        .await
        .expect("holding");
        let second = SessionUser {
            role: Role::DeskOfficer,
            ..second
        };
        let form = IdentityForm {
            capacity: "principal".into(),
            person_kind: "natural".into(),
            ..legal_by_proxy()
        };
        s.desk.save(&sara, form, true).await.expect("sent");
        let id = s.desk.my_request(&sara).await.expect("read").request.id;
        let revision = s.desk.review(&first, id).await.expect("seen").revision;

        let (a, b) = tokio::join!(
            s.desk.decide(&first, id, revision, true, ""),
            s.desk.decide(&second, id, revision, false, "ناقص است")
        );
        let outcomes = [a, b];
        assert_eq!(
            outcomes.iter().filter(|o| o.is_ok()).count(),
            1,
            "{}: exactly one wins: {outcomes:?}",
            t.engine
        );
        let loser = outcomes.iter().find_map(|o| o.clone().err()).expect("one loses");
        assert!(
            loser.message_for("decision").is_some_and(|m| m.contains("کس دیگری")),
            "{loser:?}"
        );
        assert_eq!(
            s.desk.review(&first, id).await.expect("read").history.len(),
            2,
            "one decision recorded"
        );
    }
}

#[tokio::test]
async fn uploads_are_judged_by_content_and_size_and_never_kept_half() {
    for t in support::databases().await {
        let s = setup(&t.db, 1024).await;
        let sara = applicant(&t.db, 5).await;
        let refused =
            |r: Result<FileView, AppError>| r.expect_err("refused").message_for("national_card").unwrap_or_default();

        let exe: &'static [u8] = b"MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode";
        assert!(refused(s.desk.upload(&sara, "national_card", "card.jpg", body(exe)).await).contains("JPEG"));
        assert!(refused(s.desk.upload(&sara, "national_card", "one.pdf", body(b"%")).await).contains("PDF"));
        let cut: ByteStream = Box::pin(futures::stream::iter(vec![
            Ok(Bytes::from_static(&PNG[..10])),
            Err("connection reset".to_owned()),
        ]));
        assert!(refused(s.desk.upload(&sara, "national_card", "card.png", cut).await).contains("نیمه‌کاره"));
        let big: &'static [u8] = Box::leak(vec![b'%'; 2048].into_boxed_slice());
        assert!(refused(s.desk.upload(&sara, "national_card", "big.pdf", body(big)).await).contains("مگابایت"));
        assert_eq!(
            std::fs::read_dir(s.folder.path()).map(|d| d.count()).unwrap_or(0),
            0,
            "{}: nothing kept",
            t.engine
        );

        s.desk
            .upload(&sara, "national_card", "../../etc/passwd.png", body(PNG))
            .await
            .expect("kept");
        let files = s.desk.my_request(&sara).await.expect("read").request.files;
        assert_eq!(files[0].name, "passwd.png", "folders never reach the stored name");
        assert_eq!(files[0].content_type, "image/png");
        let stored: Vec<_> = std::fs::read_dir(s.folder.path())
            .expect("folder")
            .filter_map(Result::ok)
            .collect();
        assert_eq!(stored.len(), 1);
        assert!(
            !stored[0].file_name().to_string_lossy().contains("passwd"),
            "the server chooses the name"
        );
        for _ in 0..2 {
            s.desk
                .upload(&sara, "national_card", "card.png", body(PNG))
                .await
                .expect("kept");
        }
        let fourth = s.desk.upload(&sara, "national_card", "card.png", body(PNG)).await;
        assert!(refused(fourth).contains("حداکثر ۳"));
        let unknown = s.desk.upload(&sara, "selfie", "me.png", body(PNG)).await;
        assert!(unknown.is_err(), "only the seed's slots");
        let officer = demo_user(&t.db, "desk.tehran").await;
        assert_eq!(
            s.desk.upload(&officer, "national_card", "x.png", body(PNG)).await,
            Err(AppError::Forbidden)
        );
    }
}

#[tokio::test]
async fn the_number_of_documents_per_slot_follows_the_setting() {
    for t in support::databases().await {
        let s = setup(&t.db, 1024).await;
        let desk = s.desk.clone().with_files_per_slot(1);
        let sara = applicant(&t.db, 6).await;
        desk.upload(&sara, "declaration", "one.pdf", body(PDF))
            .await
            .expect("the first is kept");
        let second = desk.upload(&sara, "declaration", "two.pdf", body(PDF)).await;
        let message = second
            .expect_err("one per slot")
            .message_for("declaration")
            .unwrap_or_default();
        assert!(message.contains("حداکثر ۱ پرونده"), "{}: {message}", t.engine);
        desk.upload(&sara, "national_card", "card.png", body(PNG))
            .await
            .expect("other slots have their own count");
    }
}

/// The "awaiting action" folder of `who`'s cartable.
async fn awaiting(db: &sea_orm::DatabaseConnection, who: &SessionUser) -> Vec<app::serverfns::cartable::CartableRow> {
    use app::contracts::Cartables;
    let query = app::serverfns::cartable::CartableQuery {
        folder: "awaiting".into(),
        ..Default::default()
    };
    let page = server::cartable::SeaOrmCartable::new(db.clone())
        .page(who, &query)
        .await
        .expect("cartable");
    page.folders.into_iter().next().expect("the folder").rows
}
