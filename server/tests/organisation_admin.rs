//! The organisation tree through the service, on SQLite and PostgreSQL:
//! administrators add, rename, move and close units and posts under the
//! rules of the tree, every post lists who held it when, and nobody else
//! may change anything.

mod support;

use support::demo_user;

use app::contracts::admin::{NewUnit, OrganisationAdmin, Placement, StaffAdmin};
use app::errors::AppError;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use server::entities::organisation_unit as unit;
use server::organisation_admin::SeaOrmOrganisationAdmin;
use server::staff_admin::SeaOrmStaffAdmin;

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

fn post_id(tree: &app::contracts::admin::OrganisationTree, code: &str) -> i32 {
    tree.units
        .iter()
        .flat_map(|u| &u.posts)
        .find(|p| p.code == code)
        .expect("post")
        .id
}

#[tokio::test]
async fn units_and_posts_are_renamed_moved_and_closed_but_never_lost() {
    for t in support::databases().await {
        server::demo::seed(&t.db).await.expect("demo data");
        let org = SeaOrmOrganisationAdmin::new(t.db.clone());
        let staff = SeaOrmStaffAdmin::new(t.db.clone(), "https://desk.example.ir");
        let admin = demo_user(&t.db, "admin").await;
        let officer = demo_user(&t.db, "desk.tehran").await;
        let (national, tehran, isfahan) = (
            unit_id(&t.db, "national").await,
            unit_id(&t.db, "tehran").await,
            unit_id(&t.db, "isfahan").await,
        );
        let land = unit_id(&t.db, "tehran.land").await;
        let place = |id: i32, under: i32, name_fa: &str| Placement {
            id,
            under,
            name_fa: name_fa.into(),
            name_en: "Land and planning domain".into(),
        };

        assert_eq!(
            org.change_unit(&officer, place(land, isfahan, "x")).await,
            Err(AppError::Forbidden)
        );
        // Moved to Isfahan and renamed; the posts go with it.
        org.change_unit(&admin, place(land, isfahan, "حوزه زمین و طرح"))
            .await
            .expect("moved");
        let tree = org.tree(&admin).await.expect("tree");
        let moved = tree.units.iter().find(|u| u.id == land).expect("unit");
        assert_eq!(
            (moved.parent_id, moved.name_fa.as_str()),
            (Some(isfahan), "حوزه زمین و طرح")
        );
        assert!(
            moved.posts.iter().any(|p| p.code == "tehran.land.expert"),
            "{}",
            t.engine
        );

        // Not under itself or below it, a province only under the national
        // organisation, and never without a name.
        org.add_unit(
            &admin,
            NewUnit {
                parent_id: land,
                kind: "unit".into(),
                code: "tehran.land.survey".into(),
                name_fa: "نقشه‌برداری".into(),
                name_en: "Survey".into(),
            },
        )
        .await
        .expect("child");
        let survey = unit_id(&t.db, "tehran.land.survey").await;
        let looped = org.change_unit(&admin, place(land, survey, "حوزه زمین")).await;
        assert!(looped.expect_err("loop").message_for("parent_id").is_some());
        let province = org.change_unit(&admin, place(tehran, isfahan, "تهران")).await;
        assert!(province.expect_err("kind").message_for("parent_id").is_some());
        let nameless = org.change_unit(&admin, place(land, isfahan, " ")).await;
        assert!(nameless.expect_err("name").message_for("name_fa").is_some());
        let root = org.retire_unit(&admin, national).await;
        assert!(root.expect_err("root").message_for("retire").is_some());

        // A unit closes only when nothing open is left under it; a post only
        // when nobody holds it.
        let early = org.retire_unit(&admin, land).await;
        assert!(
            early.expect_err("open posts").message_for("retire").is_some(),
            "{}",
            t.engine
        );
        let tree = org.tree(&admin).await.expect("tree");
        let land_post = post_id(&tree, "tehran.land.expert");
        let expert = demo_user(&t.db, "expert.tehran").await;
        staff.assign(&admin, expert.user_id, land_post).await.expect("holds it");
        let held = org.retire_post(&admin, land_post).await;
        assert!(held.expect_err("held").message_for("retire").is_some());
        let desk = post_id(&tree, "tehran.desk.counter");
        staff.assign(&admin, expert.user_id, desk).await.expect("moved on");
        org.retire_post(&admin, land_post).await.expect("post closed");
        org.retire_unit(&admin, survey).await.expect("child closed");
        org.retire_unit(&admin, land).await.expect("unit closed");

        let tree = org.tree(&admin).await.expect("tree");
        let closed = tree.units.iter().find(|u| u.id == land).expect("still listed");
        assert!(closed.retired_at.is_some(), "{}", t.engine);
        assert!(closed.posts[0].retired_at.is_some());
        assert!(!closed.posts[0].holders.is_empty(), "its holders stay on record");
        let refused = org.add_post(&admin, land, "tehran.land.new", "تازه", "New").await;
        assert!(refused.expect_err("closed unit").message_for("unit_id").is_some());
        assert!(staff.assign(&admin, expert.user_id, land_post).await.is_err());
        let page = staff.list(&admin).await.expect("staff page");
        assert!(
            page.posts.iter().all(|p| p.id != land_post),
            "closed posts are not offered"
        );
        let renamed = org
            .change_post(
                &admin,
                Placement {
                    id: land_post,
                    under: tehran,
                    name_fa: "x".into(),
                    name_en: "y".into(),
                },
            )
            .await;
        assert_eq!(renamed, Err(AppError::NotFound), "a closed post stays as it was");

        // A post moves with its holder to another unit.
        let counter = Placement {
            id: desk,
            under: unit_id(&t.db, "tehran.management").await,
            name_fa: "کارمند پیشخوان".into(),
            name_en: "Front desk clerk".into(),
        };
        org.change_post(&admin, counter).await.expect("post moved");
        let tree = org.tree(&admin).await.expect("tree");
        let management = tree.units.iter().find(|u| u.code == "tehran.management").expect("unit");
        let moved = management.posts.iter().find(|p| p.id == desk).expect("moved post");
        assert_eq!(moved.title_fa, "کارمند پیشخوان");
        assert!(
            moved
                .holders
                .iter()
                .any(|h| h.username == "expert.tehran" && h.ended_at.is_none()),
            "{}: its holder moves with it",
            t.engine
        );
    }
}
