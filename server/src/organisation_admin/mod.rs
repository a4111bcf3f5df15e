//! The organisation tree for administrators: the `OrganisationAdmin`
//! contract of `app`. Routing decisions name a unit and a post, never a
//! person, so units and posts are added here and people are moved between
//! posts on the staff page, which keeps who held each post when.

mod changes;

use std::collections::HashMap;

use app::contracts::admin::{HoldingView, OrganisationTree, PostNode, UnitNode};
use app::contracts::admin::{NewUnit, OrganisationAdmin, Placement};
use app::contracts::session::SessionUser;
use app::domain::role::Role;
use app::errors::{AppError, FieldMessage};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::audit::audit;
use crate::entities::{organisation_unit as unit, post, post_holding, user};
use crate::errors::{internal, require_admin};

/// Organisation administration over the database.
#[derive(Clone)]
pub struct SeaOrmOrganisationAdmin {
    db: DatabaseConnection,
}

impl SeaOrmOrganisationAdmin {
    /// The administration over `db`.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    async fn code_taken(&self, code: &str) -> Result<bool, AppError> {
        let unit = unit::Entity::find()
            .filter(unit::Column::Code.eq(code))
            .one(&self.db)
            .await
            .map_err(|e| internal("unit code", &e))?;
        let post = post::Entity::find()
            .filter(post::Column::Code.eq(code))
            .one(&self.db)
            .await
            .map_err(|e| internal("post code", &e))?;
        Ok(unit.is_some() || post.is_some())
    }
}

impl SeaOrmOrganisationAdmin {
    /// Two administrators adding the same code at once: the database's
    /// unique index refuses the second, who is told beside the field.
    async fn insert_refused(&self, what: &str, e: &sea_orm::DbErr, code: &str) -> AppError {
        match self.code_taken(code).await {
            Ok(true) => AppError::Fields(vec![FieldMessage {
                field: "code".into(),
                message: TAKEN.into(),
            }]),
            _ => internal(what, e),
        }
    }

    /// The last check before adding a unit or a post: every problem found
    /// so far, and the code's uniqueness once the rest is right.
    async fn refuse_or_free(&self, code: &str, mut problems: Vec<FieldMessage>) -> Result<(), AppError> {
        if problems.is_empty() && self.code_taken(code).await? {
            problems.push(FieldMessage {
                field: "code".into(),
                message: TAKEN.into(),
            });
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(AppError::Fields(problems))
        }
    }

    /// Audits an added unit or post (`kind`), or explains why its insert was
    /// refused.
    async fn added(
        &self,
        who: &SessionUser,
        kind: &str,
        code: &str,
        inserted: Result<i32, sea_orm::DbErr>,
    ) -> Result<(), AppError> {
        let id = match inserted {
            Ok(id) => id,
            Err(e) => return Err(self.insert_refused(&format!("{kind} insert"), &e, code).await),
        };
        audit(
            &self.db,
            Some(who.user_id),
            &format!("organisation.{kind}_added"),
            &format!("{kind}:{id}"),
            None,
        )
        .await
        .map_err(|e| internal("audit", &e))
    }
}

/// What an administrator is told when a code is already used.
const TAKEN: &str = "این کد برای واحد یا پست دیگری به کار رفته است";

/// Whether a unit of `kind` may sit under one of `parent_kind`: provincial
/// companies under the national organisation, units under any of them.
fn kinds_fit(parent_kind: &str, kind: &str) -> bool {
    matches!(
        (parent_kind, kind),
        (unit::KIND_NATIONAL, unit::KIND_PROVINCIAL_COMPANY | unit::KIND_UNIT)
            | (unit::KIND_PROVINCIAL_COMPANY | unit::KIND_UNIT, unit::KIND_UNIT)
    )
}

/// Checks a code and two names; the messages go beside their fields.
fn check_names(code: &str, fa_field: &str, fa: &str, en_field: &str, en: &str) -> Vec<FieldMessage> {
    let mut problems = Vec::new();
    let mut note = |field: &str, message: &str| {
        problems.push(FieldMessage {
            field: field.to_owned(),
            message: message.to_owned(),
        });
    };
    let code_ok = (2..=64).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
    if !code_ok {
        note(
            "code",
            "کد را با ۲ تا ۶۴ حرف کوچک لاتین، رقم، نقطه یا خط تیره بنویسید (مانند tehran.water)",
        );
    }
    if fa.trim().is_empty() || fa.chars().count() > 200 {
        note(fa_field, "نام فارسی را بنویسید (حداکثر ۲۰۰ نویسه)");
    }
    if en.trim().is_empty() || en.chars().count() > 200 {
        note(en_field, "نام انگلیسی را بنویسید (حداکثر ۲۰۰ نویسه)");
    }
    problems
}

/// Depth-first: parents before their children, siblings in creation order.
fn walk<'a>(units: &'a [unit::Model], parent: Option<i32>, depth: usize, out: &mut Vec<(&'a unit::Model, usize)>) {
    for child in units.iter().filter(|u| u.parent_id == parent) {
        out.push((child, depth));
        // A unit cannot be its own ancestor (ids only grow), so this ends.
        if depth < 16 {
            walk(units, Some(child.id), depth + 1, out);
        }
    }
}

#[async_trait]
impl OrganisationAdmin for SeaOrmOrganisationAdmin {
    async fn tree(&self, who: &SessionUser) -> Result<OrganisationTree, AppError> {
        require_admin(who, "organisation change")?;
        let db = &self.db;
        let units = unit::Entity::find()
            .order_by_asc(unit::Column::Id)
            .all(db)
            .await
            .map_err(|e| internal("units", &e))?;
        let posts = post::Entity::find()
            .order_by_asc(post::Column::Id)
            .all(db)
            .await
            .map_err(|e| internal("posts", &e))?;
        let holdings = post_holding::Entity::find()
            .order_by_desc(post_holding::Column::StartedAt)
            .all(db)
            .await
            .map_err(|e| internal("holdings", &e))?;
        let people: HashMap<i32, user::Model> = user::Entity::find()
            .filter(user::Column::Role.ne(Role::Applicant.as_str()))
            .all(db)
            .await
            .map_err(|e| internal("staff", &e))?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let node = |u: &unit::Model, depth: usize| UnitNode {
            id: u.id,
            parent_id: u.parent_id,
            kind: u.kind.clone(),
            code: u.code.clone(),
            name_fa: u.name_fa.clone(),
            name_en: u.name_en.clone(),
            depth,
            posts: posts
                .iter()
                .filter(|p| p.unit_id == u.id)
                .map(|p| PostNode {
                    id: p.id,
                    code: p.code.clone(),
                    title_fa: p.title_fa.clone(),
                    title_en: p.title_en.clone(),
                    holders: holdings
                        .iter()
                        .filter(|h| h.post_id == p.id)
                        .filter_map(|h| {
                            people.get(&h.user_id).map(|person| HoldingView {
                                name: format!("{} {}", person.first_name, person.last_name),
                                username: person.username.clone(),
                                started_at: h.started_at,
                                ended_at: h.ended_at,
                            })
                        })
                        .collect(),
                    retired_at: p.retired_at,
                })
                .collect(),
            retired_at: u.retired_at,
        };
        let mut walked = Vec::with_capacity(units.len());
        walk(&units, None, 0, &mut walked);
        let ordered = walked.into_iter().map(|(u, depth)| node(u, depth)).collect();
        Ok(OrganisationTree { units: ordered })
    }

    async fn add_unit(&self, who: &SessionUser, new: NewUnit) -> Result<(), AppError> {
        require_admin(who, "organisation change")?;
        let code = new.code.trim().to_lowercase();
        let mut problems = check_names(&code, "name_fa", &new.name_fa, "name_en", &new.name_en);
        let parent = unit::Entity::find_by_id(new.parent_id)
            .filter(unit::Column::RetiredAt.is_null())
            .one(&self.db)
            .await
            .map_err(|e| internal("parent unit", &e))?;
        if !parent.is_some_and(|p| kinds_fit(&p.kind, &new.kind)) {
            problems.push(FieldMessage {
                field: "kind".into(),
                message: "شرکت استانی فقط زیر سازمان ملی، و واحد زیر سازمان، شرکت استانی یا واحد دیگر ساخته می‌شود"
                    .into(),
            });
        }
        self.refuse_or_free(&code, problems).await?;
        let row = unit::ActiveModel {
            parent_id: Set(Some(new.parent_id)),
            kind: Set(new.kind.clone()),
            code: Set(code.clone()),
            name_fa: Set(new.name_fa.trim().to_owned()),
            name_en: Set(new.name_en.trim().to_owned()),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&self.db)
        .await;
        self.added(who, "unit", &code, row.map(|r| r.id)).await
    }

    async fn add_post(
        &self,
        who: &SessionUser,
        unit_id: i32,
        code: &str,
        title_fa: &str,
        title_en: &str,
    ) -> Result<(), AppError> {
        require_admin(who, "organisation change")?;
        let code = code.trim().to_lowercase();
        let mut problems = check_names(&code, "title_fa", title_fa, "title_en", title_en);
        let unit = unit::Entity::find_by_id(unit_id)
            .filter(unit::Column::RetiredAt.is_null())
            .one(&self.db)
            .await
            .map_err(|e| internal("unit", &e))?;
        if unit.is_none() {
            problems.push(FieldMessage {
                field: "unit_id".into(),
                message: "واحد را برگزینید".into(),
            });
        }
        self.refuse_or_free(&code, problems).await?;
        let row = post::ActiveModel {
            unit_id: Set(unit_id),
            code: Set(code.clone()),
            title_fa: Set(title_fa.trim().to_owned()),
            title_en: Set(title_en.trim().to_owned()),
            ..Default::default()
        }
        .insert(&self.db)
        .await;
        self.added(who, "post", &code, row.map(|r| r.id)).await
    }

    async fn change_unit(&self, who: &SessionUser, change: Placement) -> Result<(), AppError> {
        require_admin(who, "organisation change")?;
        self.change_unit_checked(who, change).await
    }

    async fn retire_unit(&self, who: &SessionUser, unit_id: i32) -> Result<(), AppError> {
        require_admin(who, "organisation change")?;
        self.retire_unit_checked(who, unit_id).await
    }

    async fn change_post(&self, who: &SessionUser, change: Placement) -> Result<(), AppError> {
        require_admin(who, "organisation change")?;
        self.change_post_checked(who, change).await
    }

    async fn retire_post(&self, who: &SessionUser, post_id: i32) -> Result<(), AppError> {
        require_admin(who, "organisation change")?;
        self.retire_post_checked(who, post_id).await
    }
}
