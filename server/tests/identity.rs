//! Identity verification on the request engine, on SQLite and PostgreSQL:
//! an applicant not yet verified may file the sub-service whose workflow
//! verifies identity and nothing else; the Tehran desk returns it for a
//! missing document, the applicant fixes it, the desk approves, and the
//! e-services open. Uploads into its file slots are judged by content, size
//! and count, and a refused one is never kept.

mod support;

use app::contracts::requests::{ByteStream, Draft, RequestDesk};
use app::contracts::session::SessionUser;
use app::domain::catalogue::form::Fields;
use app::domain::role::Role;
use app::domain::workflow::machine::Command;
use app::domain::working_days::{WorkingCalendar, solar_holidays};
use app::errors::AppError;
use bytes::Bytes;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set};
use server::entities::{audit_entry, outbox_message, request, request_file, user};
use server::requests::{SeaOrmRequests, identity};
use server::storage::LocalFiles;
use support::{demo_user, statistics_service};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR fake picture body \0\0\0\0IEND\xaeB`\x82";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

fn body(bytes: &'static [u8]) -> ByteStream {
    Box::pin(futures::stream::iter(
        bytes.chunks(7).map(|c| Ok(Bytes::from_static(c))).collect::<Vec<_>>(),
    ))
}

/// A new, active applicant whose identity is not verified yet.
async fn newcomer(db: &DatabaseConnection, n: u32) -> (SessionUser, String) {
    let now = Utc::now();
    let national_id = app::domain::national_id::with_check_digit(&format!("0311{n:05}")).expect("nine digits");
    let mobile = format!("0915000{n:04}");
    let row = user::ActiveModel {
        username: Set(format!("newcomer{n}")),
        email: Set(format!("newcomer{n}@example.ir")),
        mobile: Set(mobile.clone()),
        national_id: Set(national_id),
        first_name: Set("رضا".into()),
        last_name: Set("آزمون".into()),
        password_hash: Set(String::from("not used").into()),
        role: Set("applicant".into()),
        is_active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("applicant");
    let who = SessionUser {
        user_id: row.id,
        display_name: "رضا آزمون".into(),
        role: Role::Applicant,
        identity_verified: false,
        needs_second_factor: false,
    };
    (who, mobile)
}

fn desk(db: &DatabaseConnection, folder: &tempfile::TempDir, max_bytes: u64) -> SeaOrmRequests {
    SeaOrmRequests::new(
        db.clone(),
        LocalFiles::new(folder.path(), max_bytes),
        WorkingCalendar::iranian(solar_holidays(1404..=1410)),
    )
}

/// The demo's identity verification sub-service.
async fn identity_sub_service(db: &DatabaseConnection) -> (i32, String) {
    let found = identity::sub_services(db).await.expect("read");
    assert_eq!(found.len(), 1, "the demo has one: {found:?}");
    found.into_iter().next().expect("one")
}

/// A company acting by proxy, as typed.
fn legal_by_proxy() -> Fields {
    [
        ("person_kind", "legal"),
        ("capacity", "attorney"),
        ("company_name", "شرکت صنایع نمونه"),
        ("company_national_id", "۱۰۱۰۰۰۰۰۰۰۱"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), vec![v.to_owned()]))
    .collect()
}

async fn texts_to(db: &DatabaseConnection, mobile: &str) -> Vec<String> {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Recipient.eq(mobile))
        .all(db)
        .await
        .expect("outbox")
        .into_iter()
        .map(|m| m.body)
        .collect()
}

#[tokio::test]
async fn a_company_by_proxy_is_returned_for_a_document_fixes_it_and_approval_opens_the_e_services() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let folder = tempfile::tempdir().expect("uploads");
        let desk = desk(&t.db, &folder, 10 << 20);
        let engine = t.engine;
        let (who, mobile) = newcomer(&t.db, 1).await;
        let officer = demo_user(&t.db, "desk.tehran").await;
        let statistics = statistics_service(&t.db).await;
        let (service, sub) = identity_sub_service(&t.db).await;

        // Not verified: every other service says why; identity is open.
        let refused = desk.new_form(&who, statistics, "01").await.expect_err("not yet");
        assert!(refused.message_for("identity").is_some(), "{engine}: {refused:?}");
        assert!(desk.start(&who, statistics, "01").await.is_err(), "{engine}");
        assert_eq!(
            identity::entry(&t.db, &who).await.expect("entry"),
            Some(format!("/catalogue/{service}/apply/{sub}")),
            "{engine}"
        );
        let form = desk.new_form(&who, service, &sub).await.expect("identity form");
        assert!(
            form.form.fields.iter().any(|f| f.name == "power_of_attorney"),
            "{engine}"
        );
        let id = desk.start(&who, service, &sub).await.expect("draft");
        assert_eq!(
            identity::entry(&t.db, &who).await.expect("entry"),
            Some(format!("/applications/{id}")),
            "{engine}: the menu leads back to the open request"
        );
        let second = desk.start(&who, service, &sub).await.expect_err("one at a time");
        assert!(second.message_for("service").is_some(), "{engine}");

        // Sent without documents: each required one is named, the
        // company's slots because it is a company, the power of attorney
        // because it acts by proxy; the optional birth certificate is not.
        let draft = Draft {
            request_id: id,
            province: "tehran".into(),
            fields: legal_by_proxy(),
        };
        let missing = desk.save(&who, draft.clone(), true).await.expect_err("incomplete");
        for slot in [
            "national_card",
            "board_cards",
            "registration_notice",
            "power_of_attorney",
        ] {
            assert!(missing.message_for(slot).is_some(), "{engine}: {slot} in {missing:?}");
        }
        assert!(missing.message_for("birth_certificate").is_none(), "{engine}");
        for slot in ["board_cards", "registration_notice", "power_of_attorney"] {
            desk.upload(&who, id, slot, "doc.pdf", body(PDF)).await.expect("kept");
        }
        let still = desk.save(&who, draft.clone(), true).await.expect_err("no card yet");
        assert!(still.message_for("national_card").is_some(), "{engine}");
        desk.upload(&who, id, "national_card", "card.png", body(PNG))
            .await
            .expect("kept");
        desk.save(&who, draft.clone(), true).await.expect("sent");
        assert!(
            texts_to(&t.db, &mobile).await[0].contains("ثبت و برای بررسی"),
            "{engine}"
        );

        // The Tehran desk returns it; the applicant is told and sends it again.
        let case = desk.case(&officer, id).await.expect("held by the Tehran desk");
        let back = Command::ReturnToApplicant {
            reason: "تصویر کارت ملی خوانا نیست".into(),
        };
        desk.act(&officer, id, case.revision, back).await.expect("returned");
        assert!(texts_to(&t.db, &mobile).await[1].contains("بازگشت"), "{engine}");
        desk.save(&who, draft, true).await.expect("sent again");

        // Approved: verified at once, the e-services open, identity closes.
        let case = desk.case(&officer, id).await.expect("back with the desk");
        let approve = Command::Decide {
            approve: true,
            reasoning: "مدارک با مشخصات متقاضی یکی است.".into(),
        };
        desk.act(&officer, id, case.revision, approve).await.expect("approved");
        let account = user::Entity::find_by_id(who.user_id)
            .one(&t.db)
            .await
            .expect("read")
            .expect("row");
        assert!(account.identity_verified_at.is_some(), "{engine}");
        assert!(
            texts_to(&t.db, &mobile)
                .await
                .last()
                .is_some_and(|t| t.contains("هویت شما تأیید شد")),
            "{engine}"
        );
        let verified = SessionUser {
            identity_verified: true,
            ..who
        };
        desk.new_form(&verified, statistics, "01")
            .await
            .expect("e-services open");
        let again = desk.new_form(&verified, service, &sub).await.expect_err("done once");
        assert!(again.message_for("service").is_some(), "{engine}");
        assert_eq!(identity::entry(&t.db, &verified).await.expect("entry"), None);
        let offered = desk.offered().await.expect("e-services");
        assert!(offered.iter().any(|s| s.service_id == statistics), "{engine}");
        assert!(
            !offered.iter().any(|s| s.service_id == service),
            "{engine}: identity is reached from its menu, not offered among e-services"
        );
        let row = request::Entity::find_by_id(id)
            .one(&t.db)
            .await
            .expect("read")
            .expect("row");
        assert_eq!(row.status, "approved", "{engine}");
    }
}

#[tokio::test]
async fn only_the_last_decision_verifies_and_a_refusal_leaves_the_applicant_unverified() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let folder = tempfile::tempdir().expect("uploads");
        let desk = desk(&t.db, &folder, 10 << 20);
        let (who, _) = newcomer(&t.db, 2).await;
        let officer = demo_user(&t.db, "desk.tehran").await;
        let (service, sub) = identity_sub_service(&t.db).await;
        let id = desk.start(&who, service, &sub).await.expect("draft");
        let fields: Fields = [("person_kind", "natural"), ("capacity", "principal")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), vec![v.to_owned()]))
            .collect();
        desk.upload(&who, id, "national_card", "card.png", body(PNG))
            .await
            .expect("kept");
        let draft = Draft {
            request_id: id,
            province: "tehran".into(),
            fields,
        };
        desk.save(&who, draft, true)
            .await
            .expect("a person acting for themself needs only the card");
        let case = desk.case(&officer, id).await.expect("case");
        let refuse = Command::Decide {
            approve: false,
            reasoning: "کارت ملی به نام شخص دیگری است.".into(),
        };
        desk.act(&officer, id, case.revision, refuse).await.expect("refused");
        let account = user::Entity::find_by_id(who.user_id)
            .one(&t.db)
            .await
            .expect("read")
            .expect("row");
        assert!(account.identity_verified_at.is_none(), "{}", t.engine);
        // Refused, they may start again.
        assert_eq!(
            identity::entry(&t.db, &who).await.expect("entry"),
            Some(format!("/catalogue/{service}/apply/{sub}")),
            "{}",
            t.engine
        );
    }
}

#[tokio::test]
async fn uploads_are_judged_by_content_size_and_count_and_a_refused_one_is_never_kept() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let folder = tempfile::tempdir().expect("uploads");
        let desk = desk(&t.db, &folder, 1024);
        let (who, _) = newcomer(&t.db, 3).await;
        let (service, sub) = identity_sub_service(&t.db).await;
        let id = desk.start(&who, service, &sub).await.expect("draft");
        let refused =
            |r: Result<(), AppError>| r.expect_err("refused").message_for("national_card").unwrap_or_default();

        let exe: &'static [u8] = b"MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode";
        let message = refused(desk.upload(&who, id, "national_card", "card.jpg", body(exe)).await);
        assert!(message.contains("JPEG"), "{}: {message}", t.engine);
        let message = refused(desk.upload(&who, id, "national_card", "card.pdf", body(PNG)).await);
        assert!(message.contains("یکی نیست"), "{}: {message}", t.engine);
        let message = refused(desk.upload(&who, id, "national_card", "card.exe", body(PDF)).await);
        assert!(message.contains("pdf"), "{}: {message}", t.engine);
        let cut: ByteStream = Box::pin(futures::stream::iter(vec![
            Ok(Bytes::from_static(&PNG[..10])),
            Err("connection reset".to_owned()),
        ]));
        assert!(refused(desk.upload(&who, id, "national_card", "card.png", cut).await).contains("نیمه‌کاره"));
        let big: &'static [u8] = Box::leak(vec![b'%'; 2048].into_boxed_slice());
        assert!(refused(desk.upload(&who, id, "national_card", "big.pdf", body(big)).await).contains("مگابایت"));
        assert_eq!(
            std::fs::read_dir(folder.path()).map(|d| d.count()).unwrap_or(0),
            0,
            "{}: nothing kept",
            t.engine
        );

        desk.upload(&who, id, "national_card", "../../etc/passwd.png", body(PNG))
            .await
            .expect("kept");
        let kept = request_file::Entity::find()
            .filter(request_file::Column::RequestId.eq(id))
            .all(&t.db)
            .await
            .expect("files");
        assert_eq!(
            kept[0].original_name, "passwd.png",
            "folders never reach the stored name"
        );
        assert!(!kept[0].stored_name.contains("passwd"), "the server chooses the name");
        for _ in 0..2 {
            desk.upload(&who, id, "national_card", "card.png", body(PNG))
                .await
                .expect("kept");
        }
        let fourth = refused(desk.upload(&who, id, "national_card", "card.png", body(PNG)).await);
        assert!(fourth.contains("حداکثر ۳"), "{}: {fourth}", t.engine);
        assert!(
            desk.upload(&who, id, "selfie", "me.png", body(PNG)).await.is_err(),
            "only the form's slots"
        );
        let officer = demo_user(&t.db, "desk.tehran").await;
        assert!(
            desk.upload(&officer, id, "national_card", "x.png", body(PNG))
                .await
                .is_err(),
            "{}: staff never upload into an applicant's request",
            t.engine
        );
        let count = request_file::Entity::find()
            .filter(request_file::Column::RequestId.eq(id))
            .count(&t.db)
            .await
            .expect("count");
        assert_eq!(count, 3, "{}", t.engine);
        let audited = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("request.file_uploaded"))
            .filter(audit_entry::Column::ActorId.eq(who.user_id))
            .count(&t.db)
            .await
            .expect("audit");
        assert_eq!(
            audited, 3,
            "{}: every kept upload, and only those, is audited",
            t.engine
        );
    }
}
