//! Staff administration through the service, on SQLite and PostgreSQL: only
//! administrators, new staff set their own password, post changes keep the
//! history, and a deactivated account is signed out and cannot sign in.

mod support;

use support::demo_user;

use app::contracts::accounts::Accounts;
use app::contracts::admin::{NewStaff, StaffAdmin};
use app::domain::role::Role;
use app::errors::AppError;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use server::accounts::SeaOrmAccounts;
use server::entities::{outbox_message, post, post_holding};
use server::staff_admin::SeaOrmStaffAdmin;

async fn post_id(db: &DatabaseConnection, code: &str) -> i32 {
    post::Entity::find()
        .filter(post::Column::Code.eq(code))
        .one(db)
        .await
        .expect("read")
        .expect("post")
        .id
}

fn newcomer(post_id: i32) -> NewStaff {
    NewStaff {
        username: "land.isfahan".into(),
        first_name: "کاوه".into(),
        last_name: "زمین‌دار".into(),
        email: "land.isfahan@example.ir".into(),
        mobile: "09180000001".into(),
        national_id: "0012345679".into(),
        role: "domain_expert".into(),
        post_id,
    }
}

#[tokio::test]
async fn an_administrator_creates_moves_and_deactivates_staff_and_nobody_else_can() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let admin_service = SeaOrmStaffAdmin::new(t.db.clone(), "https://desk.example.ir");
        let admin = demo_user(&t.db, "admin").await;
        let officer = demo_user(&t.db, "desk.tehran").await;
        let land = post_id(&t.db, "isfahan.land.expert").await;

        assert_eq!(
            admin_service.list(&officer).await,
            Err(AppError::Forbidden),
            "{}",
            t.engine
        );
        assert_eq!(
            admin_service.create(&officer, newcomer(land)).await,
            Err(AppError::Forbidden)
        );

        let bad = NewStaff {
            first_name: "Kaveh".into(),
            role: "applicant".into(),
            ..newcomer(land)
        };
        let error = admin_service.create(&admin, bad).await.expect_err("refused");
        assert!(
            error.message_for("first_name").is_some() && error.message_for("role").is_some(),
            "{error:?}"
        );

        admin_service.create(&admin, newcomer(land)).await.expect("created");
        let page = admin_service.list(&admin).await.expect("list");
        let row = page
            .staff
            .iter()
            .find(|s| s.username == "land.isfahan")
            .expect("listed");
        assert!(
            row.post
                .as_deref()
                .is_some_and(|p| p.contains("کارشناس واگذاری زمین") && p.contains("استان اصفهان")),
            "{row:?}"
        );
        let mail = outbox_message::Entity::find()
            .filter(outbox_message::Column::Recipient.eq("land.isfahan@example.ir"))
            .one(&t.db)
            .await
            .expect("read")
            .expect("a link to set a password");
        assert!(mail.body.contains("https://desk.example.ir/password/reset?token="));
        let duplicate = admin_service.create(&admin, newcomer(land)).await;
        assert!(duplicate.expect_err("duplicate").message_for("username").is_some());

        let investment = post_id(&t.db, "isfahan.investment.expert").await;
        admin_service.assign(&admin, row.id, investment).await.expect("moved");
        let holdings = post_holding::Entity::find()
            .filter(post_holding::Column::UserId.eq(row.id))
            .count(&t.db)
            .await
            .expect("count");
        assert_eq!(holdings, 2, "{}: the old holding is kept, closed", t.engine);

        let accounts = SeaOrmAccounts::new(t.db.clone());
        let session = accounts
            .sign_in("desk.isfahan", server::demo::DEMO_PASSWORD, "203.0.113.9")
            .await
            .expect("in");
        let isfahan = demo_user(&t.db, "desk.isfahan").await;
        admin_service
            .set_active(&admin, isfahan.user_id, false)
            .await
            .expect("deactivated");
        assert_eq!(
            accounts.session_user(&session.token).await.expect("lookup"),
            None,
            "signed out at once"
        );
        assert!(
            accounts
                .sign_in("desk.isfahan", server::demo::DEMO_PASSWORD, "203.0.113.9")
                .await
                .is_err()
        );
        // No code or link can switch a deactivated account back on.
        let registration = server::registration::SeaOrmRegistration::new(t.db.clone(), "https://desk.example.ir");
        let before = outbox_message::Entity::find().count(&t.db).await.expect("count");
        app::contracts::registration::Registration::request_password_reset(
            &registration,
            "desk.isfahan",
            "203.0.113.9",
        )
        .await
        .expect("answers alike");
        assert_eq!(
            outbox_message::Entity::find().count(&t.db).await.expect("count"),
            before,
            "{}: nothing sent",
            t.engine
        );
        let own = admin_service.set_active(&admin, admin.user_id, false).await;
        assert!(own.expect_err("not oneself").message_for("active").is_some());
    }
}

#[tokio::test]
async fn an_administrator_changes_a_staff_role_which_signs_them_out_and_nobody_else_can() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let admin_service = SeaOrmStaffAdmin::new(t.db.clone(), "https://desk.example.ir");
        let admin = demo_user(&t.db, "admin").await;
        let officer = demo_user(&t.db, "desk.tehran").await;
        let expert = demo_user(&t.db, "desk.isfahan").await;
        let accounts = SeaOrmAccounts::new(t.db.clone());
        let session = accounts
            .sign_in("desk.isfahan", server::demo::DEMO_PASSWORD, "203.0.113.9")
            .await
            .expect("in");

        assert_eq!(
            admin_service.set_role(&officer, expert.user_id, "manager").await,
            Err(AppError::Forbidden),
            "{}",
            t.engine
        );
        let applicant_role = admin_service.set_role(&admin, expert.user_id, "applicant").await;
        assert!(
            applicant_role
                .expect_err("staff roles only")
                .message_for("role")
                .is_some()
        );
        let own = admin_service.set_role(&admin, admin.user_id, "manager").await;
        assert!(own.expect_err("not oneself").message_for("role").is_some());

        admin_service
            .set_role(&admin, expert.user_id, "manager")
            .await
            .expect("changed");
        let row = admin_service
            .list(&admin)
            .await
            .expect("list")
            .staff
            .into_iter()
            .find(|s| s.id == expert.user_id)
            .expect("listed");
        assert_eq!(row.role, "manager", "{}", t.engine);
        assert_eq!(
            accounts.session_user(&session.token).await.expect("lookup"),
            None,
            "{}: the new rights start from a fresh sign-in",
            t.engine
        );
        let signed_in_again = accounts
            .sign_in("desk.isfahan", server::demo::DEMO_PASSWORD, "203.0.113.9")
            .await
            .expect("in again");
        let user = accounts
            .session_user(&signed_in_again.token)
            .await
            .expect("lookup")
            .expect("signed in");
        assert_eq!(user.role, Role::Manager);
    }
}
