//! Staff administration: the `StaffAdmin` contract of `app`. Only
//! administrators; every change goes to the audit log, and post changes
//! close the old holding so the history of who held which post stays.

use app::contracts::admin::{NewStaff, StaffAdmin};
use app::contracts::admin::{PostOption, StaffPage, StaffRow};
use app::contracts::session::SessionUser;
use app::domain::{
    email::Email, mobile::Mobile, national_id::NationalId, person_name::parse_persian_name, role::Role,
    signup::FieldProblem, username::parse_username,
};
use app::errors::AppError;
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait, sea_query::Expr,
};

use crate::audit::audit;
use crate::entities::{organisation_unit as unit, post, post_holding, user};
use crate::errors::{internal, require_admin};
use crate::registration::codes::{Purpose, send_codes};

/// Staff administration over the database.
#[derive(Clone)]
pub struct SeaOrmStaffAdmin {
    db: DatabaseConnection,
    base_url: String,
}

impl SeaOrmStaffAdmin {
    /// Staff administration over `db`; links in e-mails start with `base_url`.
    pub fn new(db: DatabaseConnection, base_url: &str) -> Self {
        Self {
            db,
            base_url: base_url.trim_end_matches('/').to_owned(),
        }
    }
}

/// Closes the person's current holdings and opens one of `post_id`.
async fn hold(db: &impl ConnectionTrait, user_id: i32, post_id: i32) -> Result<(), DbErr> {
    let now = Utc::now();
    post_holding::Entity::update_many()
        .col_expr(post_holding::Column::EndedAt, Expr::value(now))
        .filter(post_holding::Column::UserId.eq(user_id))
        .filter(post_holding::Column::EndedAt.is_null())
        .exec(db)
        .await?;
    post_holding::ActiveModel {
        user_id: Set(user_id),
        post_id: Set(post_id),
        started_at: Set(now),
        ended_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}

#[async_trait]
impl StaffAdmin for SeaOrmStaffAdmin {
    async fn list(&self, who: &SessionUser) -> Result<StaffPage, AppError> {
        require_admin(who, "staff administration")?;
        let db = &self.db;
        let units = unit::Entity::find().all(db).await.map_err(|e| internal("units", &e))?;
        let posts = post::Entity::find()
            .filter(post::Column::RetiredAt.is_null())
            .order_by_asc(post::Column::Id)
            .all(db)
            .await
            .map_err(|e| internal("posts", &e))?;
        // Provinces have units of the same name, so a unit under a
        // provincial company is named with it.
        let title = |p: &post::Model| {
            let unit = units.iter().find(|u| u.id == p.unit_id);
            let company = unit
                .and_then(|u| u.parent_id)
                .and_then(|parent| units.iter().find(|u| u.id == parent))
                .filter(|parent| parent.kind == unit::KIND_PROVINCIAL_COMPANY);
            let unit = unit.map(|u| u.name_fa.as_str()).unwrap_or_default();
            match company {
                Some(company) => format!("{} › {unit} — {}", company.name_fa, p.title_fa),
                None => format!("{unit} — {}", p.title_fa),
            }
        };
        let staff = user::Entity::find()
            .filter(user::Column::Role.ne(Role::Applicant.as_str()))
            .order_by_asc(user::Column::Username)
            .all(db)
            .await
            .map_err(|e| internal("staff", &e))?;
        let holdings = post_holding::Entity::find()
            .filter(post_holding::Column::EndedAt.is_null())
            .all(db)
            .await
            .map_err(|e| internal("holdings", &e))?;
        Ok(StaffPage {
            staff: staff
                .into_iter()
                .map(|u| StaffRow {
                    id: u.id,
                    post: holdings
                        .iter()
                        .find(|h| h.user_id == u.id)
                        .and_then(|h| posts.iter().find(|p| p.id == h.post_id))
                        .map(title),
                    name: format!("{} {}", u.first_name, u.last_name),
                    role: u.role,
                    username: u.username,
                    active: u.is_active,
                })
                .collect(),
            posts: posts
                .iter()
                .map(|p| PostOption {
                    id: p.id,
                    title: title(p),
                })
                .collect(),
        })
    }

    async fn create(&self, who: &SessionUser, staff: NewStaff) -> Result<(), AppError> {
        require_admin(who, "staff administration")?;
        let mut problems = Vec::new();
        let mut note = |field: &'static str, message: String| problems.push(FieldProblem { field, message });
        let username = parse_username(&staff.username)
            .map_err(|e| note("username", e.to_string()))
            .ok();
        let first_name = parse_persian_name(&staff.first_name)
            .map_err(|e| note("first_name", e.to_string()))
            .ok();
        let last_name = parse_persian_name(&staff.last_name)
            .map_err(|e| note("last_name", e.to_string()))
            .ok();
        let email = Email::parse(&staff.email)
            .map_err(|e| note("email", e.to_string()))
            .ok();
        let mobile = Mobile::parse(&staff.mobile)
            .map_err(|e| note("mobile", e.to_string()))
            .ok();
        let national_id = NationalId::parse(&staff.national_id)
            .map_err(|e| note("national_id", e.to_string()))
            .ok();
        let role = Role::parse(&staff.role).filter(|r| r.is_staff());
        if role.is_none() {
            note("role", "نقش کارمند را برگزینید".to_owned());
        }
        let post = post::Entity::find_by_id(staff.post_id)
            .filter(post::Column::RetiredAt.is_null())
            .one(&self.db)
            .await
            .map_err(|e| internal("post", &e))?;
        if post.is_none() {
            note("post_id", "پست سازمانی را برگزینید".to_owned());
        }
        let (
            Some(username),
            Some(first_name),
            Some(last_name),
            Some(email),
            Some(mobile),
            Some(national_id),
            Some(role),
            Some(post),
        ) = (username, first_name, last_name, email, mobile, national_id, role, post)
        else {
            return Err(problems.into());
        };
        let taken = user::Entity::find()
            .filter(
                Condition::any()
                    .add(user::Column::Username.eq(&username))
                    .add(user::Column::Email.eq(email.as_str()))
                    .add(user::Column::Mobile.eq(mobile.as_str()))
                    .add(user::Column::NationalId.eq(national_id.as_str())),
            )
            .one(&self.db)
            .await
            .map_err(|e| internal("staff duplicates", &e))?;
        if taken.is_some() {
            return Err(AppError::invalid(
                "username",
                "نام کاربری، ایمیل، موبایل یا کد ملی برای حساب دیگری ثبت شده است",
            ));
        }
        // The person chooses their own password from the link and code sent
        // to them; until then the account has a password nobody knows.
        let unusable = crate::passwords::hash(uuid::Uuid::new_v4().to_string())
            .await
            .map_err(|e| internal("staff password", &e))?;
        let created = async {
            let txn = self.db.begin().await?;
            let now = Utc::now();
            let account = user::ActiveModel {
                username: Set(username),
                email: Set(email.to_string()),
                mobile: Set(mobile.to_string()),
                national_id: Set(national_id.to_string()),
                first_name: Set(first_name),
                last_name: Set(last_name),
                password_hash: Set(unusable.into()),
                role: Set(role.as_str().to_owned()),
                is_active: Set(true),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            hold(&txn, account.id, post.id).await?;
            send_codes(&txn, &account, Purpose::Reset, &self.base_url).await?;
            audit(
                &txn,
                Some(who.user_id),
                "staff.created",
                &format!("user:{}", account.id),
                Some(role.as_str().to_owned()),
            )
            .await?;
            txn.commit().await
        };
        created.await.map_err(|e| internal("staff creation", &e))
    }

    async fn assign(&self, who: &SessionUser, user_id: i32, post_id: i32) -> Result<(), AppError> {
        require_admin(who, "staff administration")?;
        let account = user::Entity::find_by_id(user_id)
            .one(&self.db)
            .await
            .map_err(|e| internal("staff", &e))?;
        let post = post::Entity::find_by_id(post_id)
            .filter(post::Column::RetiredAt.is_null())
            .one(&self.db)
            .await
            .map_err(|e| internal("post", &e))?;
        if !account.is_some_and(|a| Role::parse(&a.role).is_some_and(Role::is_staff)) || post.is_none() {
            return Err(AppError::invalid("post_id", "کارمند و پست سازمانی را برگزینید"));
        }
        let assigned = async {
            let txn = self.db.begin().await?;
            hold(&txn, user_id, post_id).await?;
            audit(
                &txn,
                Some(who.user_id),
                "staff.assigned",
                &format!("user:{user_id}"),
                Some(format!("post:{post_id}")),
            )
            .await?;
            txn.commit().await
        };
        assigned.await.map_err(|e| internal("post assignment", &e))
    }

    async fn set_active(&self, who: &SessionUser, user_id: i32, active: bool) -> Result<(), AppError> {
        require_admin(who, "staff administration")?;
        if user_id == who.user_id {
            return Err(AppError::invalid("active", "حساب خودتان را نمی‌توانید غیرفعال کنید"));
        }
        let changed = async {
            let txn = self.db.begin().await?;
            let done = user::Entity::update_many()
                .col_expr(user::Column::IsActive, Expr::value(active))
                .col_expr(user::Column::DeactivatedAt, Expr::value((!active).then(Utc::now)))
                .filter(user::Column::Id.eq(user_id))
                .filter(user::Column::Role.ne(Role::Applicant.as_str()))
                .exec(&txn)
                .await?;
            if done.rows_affected != 1 {
                return Ok(0);
            }
            if !active {
                crate::sessions::end_sessions(&txn, user_id).await?;
            }
            let action = if active {
                "staff.reactivated"
            } else {
                "staff.deactivated"
            };
            audit(&txn, Some(who.user_id), action, &format!("user:{user_id}"), None).await?;
            txn.commit().await?;
            Ok::<_, DbErr>(done.rows_affected)
        };
        match changed.await {
            Ok(1) => Ok(()),
            Ok(_) => Err(AppError::Forbidden),
            Err(e) => Err(internal("staff activation", &e)),
        }
    }

    async fn set_role(&self, who: &SessionUser, user_id: i32, role: &str) -> Result<(), AppError> {
        require_admin(who, "staff administration")?;
        if user_id == who.user_id {
            return Err(AppError::invalid("role", "نقش خودتان را نمی‌توانید تغییر دهید"));
        }
        let Some(role) = Role::parse(role).filter(|r| r.is_staff()) else {
            return Err(AppError::invalid("role", "نقش کارمند را برگزینید"));
        };
        let changed = async {
            let txn = self.db.begin().await?;
            let done = user::Entity::update_many()
                .col_expr(user::Column::Role, Expr::value(role.as_str()))
                .col_expr(user::Column::UpdatedAt, Expr::value(Utc::now()))
                .filter(user::Column::Id.eq(user_id))
                .filter(user::Column::Role.ne(Role::Applicant.as_str()))
                .exec(&txn)
                .await?;
            if done.rows_affected != 1 {
                return Ok(0);
            }
            crate::sessions::end_sessions(&txn, user_id).await?;
            audit(
                &txn,
                Some(who.user_id),
                "staff.role_changed",
                &format!("user:{user_id}"),
                Some(role.as_str().to_owned()),
            )
            .await?;
            txn.commit().await?;
            Ok::<_, DbErr>(done.rows_affected)
        };
        match changed.await {
            Ok(1) => Ok(()),
            Ok(_) => Err(AppError::Forbidden),
            Err(e) => Err(internal("staff role", &e)),
        }
    }
}
