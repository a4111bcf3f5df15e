//! The organisation tree through the service, on SQLite and PostgreSQL:
//! administrators add units and posts under the rules of the tree, every
//! post lists who held it when, and nobody else may change anything.

mod support;

use app::contracts::{NewUnit, OrganisationAdmin, SessionUser, StaffAdmin};
use app::domain::role::Role;
use app::errors::AppError;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use server::entities::{organisation_unit as unit, user};
use server::organisation_admin::SeaOrmOrganisationAdmin;
use server::staff_admin::SeaOrmStaffAdmin;

async fn demo_user(db: &DatabaseConnection, username: &str) -> SessionUser {
    let row = user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(db)
        .await
        .expect("read")
        .expect("demo account");
    SessionUser {
        user_id: row.id,
        display_name: row.first_name,
        role: Role::parse(&row.role).expect("role"),
        identity_verified: false,
        needs_second_factor: false,
    }
}

async fn unit_id(db: &DatabaseConnection, code: &str) -> i32 {
    unit::Entity::find()
        .filter(unit::Column::Code.eq(code))
        .one(db)
        .await
        .expect("read")
        .expect("unit")
        .id
}

#[tokio::test]
async fn an_administrator_grows_the_tree_under_its_rules_and_sees_who_held_each_post() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let org = SeaOrmOrganisationAdmin::new(t.db.clone());
        let admin = demo_user(&t.db, "admin").await;
        let officer = demo_user(&t.db, "desk.tehran").await;
        let national = unit_id(&t.db, "national").await;
        let tehran = unit_id(&t.db, "tehran").await;

        assert_eq!(org.tree(&officer).await, Err(AppError::Forbidden), "{}", t.engine);
        let water = NewUnit {
            parent_id: tehran,
            kind: "unit".into(),
            code: "tehran.water".into(),
            name_fa: "حوزه آب و انرژی".into(),
            name_en: "Water and energy domain".into(),
        };
        assert_eq!(org.add_unit(&officer, water.clone()).await, Err(AppError::Forbidden));

        // A provincial company belongs under the national organisation only.
        let misplaced = NewUnit {
            kind: "provincial_company".into(),
            code: "fars".into(),
            ..water.clone()
        };
        let refused = org.add_unit(&admin, misplaced).await.expect_err("misplaced");
        assert!(refused.message_for("kind").is_some());
        let bad = NewUnit {
            code: "Tehran Water!".into(),
            name_fa: String::new(),
            ..water.clone()
        };
        let refused = org.add_unit(&admin, bad).await.expect_err("bad");
        assert!(refused.message_for("code").is_some() && refused.message_for("name_fa").is_some());
        let taken = NewUnit {
            code: "tehran.desk".into(),
            ..water.clone()
        };
        let refused = org.add_unit(&admin, taken).await.expect_err("taken");
        assert_eq!(
            refused.message_for("code").as_deref(),
            Some("این کد برای واحد یا پست دیگری به کار رفته است")
        );

        org.add_unit(&admin, water).await.expect("added");
        let fars = NewUnit {
            parent_id: national,
            kind: "provincial_company".into(),
            code: "fars".into(),
            name_fa: "شرکت شهرک‌های صنعتی استان فارس".into(),
            name_en: "Fars Province Industrial Parks Company".into(),
        };
        org.add_unit(&admin, fars).await.expect("a new province");
        let water_id = unit_id(&t.db, "tehran.water").await;
        org.add_post(&admin, water_id, "tehran.water.expert", "کارشناس آب", "Water expert")
            .await
            .expect("post added");
        let duplicate = org
            .add_post(&admin, water_id, "tehran.water.expert", "کارشناس آب", "Water expert")
            .await;
        assert!(duplicate.expect_err("duplicate").message_for("code").is_some());

        // Moving a person keeps the old holding on record.
        let staff = SeaOrmStaffAdmin::new(t.db.clone(), "https://desk.example.ir");
        let expert = demo_user(&t.db, "expert.tehran").await;
        let tree = org.tree(&admin).await.expect("tree");
        let post_id = tree
            .units
            .iter()
            .flat_map(|u| &u.posts)
            .find(|p| p.code == "tehran.water.expert")
            .expect("listed")
            .id;
        staff.assign(&admin, expert.user_id, post_id).await.expect("moved");
        let tree = org.tree(&admin).await.expect("tree");
        let position = |code: &str| tree.units.iter().position(|u| u.code == code).expect("unit");
        assert!(position("tehran") < position("tehran.water"), "parents first");
        let water = &tree.units[position("tehran.water")];
        assert_eq!(water.depth, 2, "{}", t.engine);
        assert_eq!(water.posts[0].holders.len(), 1);
        assert!(water.posts[0].holders[0].ended_at.is_none(), "holds it now");
        let old_post = tree
            .units
            .iter()
            .flat_map(|u| &u.posts)
            .find(|p| p.code == "tehran.investment.expert")
            .expect("old post");
        assert!(
            old_post
                .holders
                .iter()
                .any(|h| h.username == "expert.tehran" && h.ended_at.is_some()),
            "{}: the old holding is closed, not removed",
            t.engine
        );
        assert_eq!(tree.units[position("fars")].depth, 1);
    }
}
