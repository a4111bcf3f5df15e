//! Demo data: an invented organisation with two provinces, a few units and
//! posts, and one account per role. Nothing here is a real person: names are
//! made up, national ids are built from invented digits with a valid check
//! digit, and mobiles sit in one unused block.

use app::domain::{national_id::with_check_digit, role::Role};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set, TransactionTrait,
};

use crate::entities::{organisation_unit as unit, post, post_holding, user};

mod catalogue;
mod forms;

pub use catalogue::{permits as catalogue_permits, seed_catalogue, services as catalogue_cards};
pub use forms::{DemoForm, forms as demo_forms, seed_forms};

/// The one password of every demo account, printed when the demo starts.
pub const DEMO_PASSWORD: &str = "Mizekhedmat-1405";

/// A demo account as printed for people trying the demo.
#[derive(Debug, Clone, Copy)]
pub struct DemoAccount {
    /// The login name.
    pub username: &'static str,
    /// What the account may do.
    pub role: Role,
    /// Invented first and last name.
    pub name: (&'static str, &'static str),
    /// The post it holds, by post code; applicants hold none.
    pub post: Option<&'static str>,
}

/// One account per role of the product, plus a second desk officer so that
/// province boundaries can be tried.
pub const ACCOUNTS: [DemoAccount; 8] = [
    DemoAccount {
        username: "applicant",
        role: Role::Applicant,
        name: ("نگار", "امیرخانی"),
        post: None,
    },
    DemoAccount {
        username: "desk.tehran",
        role: Role::DeskOfficer,
        name: ("بهرام", "کاظم‌زاده"),
        post: Some("tehran.desk.officer"),
    },
    DemoAccount {
        username: "desk.isfahan",
        role: Role::DeskOfficer,
        name: ("لیلا", "سبحان‌پور"),
        post: Some("isfahan.desk.officer"),
    },
    DemoAccount {
        username: "expert.tehran",
        role: Role::DomainExpert,
        name: ("کامران", "نوروزپور"),
        post: Some("tehran.investment.expert"),
    },
    DemoAccount {
        username: "ministry",
        role: Role::MinistryExpert,
        name: ("فرشته", "یزدان‌مهر"),
        post: Some("ministry.statistics.expert"),
    },
    DemoAccount {
        username: "counter.tehran",
        role: Role::CounterClerk,
        name: ("حمید", "رستم‌نژاد"),
        post: Some("tehran.desk.counter"),
    },
    DemoAccount {
        username: "manager.tehran",
        role: Role::Manager,
        name: ("مریم", "توکل‌پور"),
        post: Some("tehran.management.manager"),
    },
    DemoAccount {
        username: "admin",
        role: Role::Administrator,
        name: ("پرویز", "شریف‌زاده"),
        post: Some("national.systems.administrator"),
    },
];

/// Units of the tree: code, parent code, kind, Persian and English names.
const UNITS: [(&str, Option<&str>, &str, &str, &str); 12] = [
    (
        "national",
        None,
        unit::KIND_NATIONAL,
        "سازمان نمونه صنایع و شهرک‌های صنعتی",
        "Sample Organisation of Industries and Industrial Parks",
    ),
    (
        "national.systems",
        Some("national"),
        unit::KIND_UNIT,
        "اداره راهبری سامانه‌ها",
        "Systems administration office",
    ),
    (
        "ministry.statistics",
        Some("national"),
        unit::KIND_UNIT,
        "دفتر آمار و اطلاعات وزارت",
        "Ministry statistics office",
    ),
    (
        "tehran",
        Some("national"),
        unit::KIND_PROVINCIAL_COMPANY,
        "شرکت شهرک‌های صنعتی استان تهران",
        "Tehran Province Industrial Parks Company",
    ),
    (
        "tehran.desk",
        Some("tehran"),
        unit::KIND_UNIT,
        "میز خدمت استان تهران",
        "Tehran service desk",
    ),
    (
        "tehran.investment",
        Some("tehran"),
        unit::KIND_UNIT,
        "حوزه سرمایه‌گذاری و صدور مجوز",
        "Investment and permits domain",
    ),
    (
        "tehran.land",
        Some("tehran"),
        unit::KIND_UNIT,
        "حوزه واگذاری زمین",
        "Land allocation domain",
    ),
    (
        "tehran.management",
        Some("tehran"),
        unit::KIND_UNIT,
        "مدیریت شرکت استانی",
        "Provincial company management",
    ),
    (
        "isfahan",
        Some("national"),
        unit::KIND_PROVINCIAL_COMPANY,
        "شرکت شهرک‌های صنعتی استان اصفهان",
        "Isfahan Province Industrial Parks Company",
    ),
    (
        "isfahan.desk",
        Some("isfahan"),
        unit::KIND_UNIT,
        "میز خدمت استان اصفهان",
        "Isfahan service desk",
    ),
    (
        "isfahan.investment",
        Some("isfahan"),
        unit::KIND_UNIT,
        "حوزه سرمایه‌گذاری و صدور مجوز",
        "Investment and permits domain",
    ),
    (
        "isfahan.land",
        Some("isfahan"),
        unit::KIND_UNIT,
        "حوزه واگذاری زمین",
        "Land allocation domain",
    ),
];

/// Posts: code, unit code, Persian and English titles.
const POSTS: [(&str, &str, &str, &str); 10] = [
    (
        "national.systems.administrator",
        "national.systems",
        "راهبر سامانه",
        "System administrator",
    ),
    (
        "ministry.statistics.expert",
        "ministry.statistics",
        "کارشناس آمار وزارت",
        "Ministry statistics expert",
    ),
    ("tehran.desk.officer", "tehran.desk", "مسئول میز خدمت", "Desk officer"),
    ("tehran.desk.counter", "tehran.desk", "کارمند باجه", "Counter clerk"),
    (
        "tehran.investment.expert",
        "tehran.investment",
        "نماینده پیگیری‌کننده سرمایه‌گذاری",
        "Investment follow-up representative",
    ),
    (
        "tehran.land.expert",
        "tehran.land",
        "کارشناس واگذاری زمین",
        "Land allocation expert",
    ),
    (
        "tehran.management.manager",
        "tehran.management",
        "مدیرعامل شرکت استانی",
        "Provincial company manager",
    ),
    ("isfahan.desk.officer", "isfahan.desk", "مسئول میز خدمت", "Desk officer"),
    (
        "isfahan.investment.expert",
        "isfahan.investment",
        "نماینده پیگیری‌کننده سرمایه‌گذاری",
        "Investment follow-up representative",
    ),
    (
        "isfahan.land.expert",
        "isfahan.land",
        "کارشناس واگذاری زمین",
        "Land allocation expert",
    ),
];

/// Loads the demo data unless it is already there; safe to call at every start.
pub async fn seed(db: &DatabaseConnection) -> Result<(), DbErr> {
    seed_organisation(db).await?;
    seed_catalogue(db).await?;
    seed_forms(db).await
}

async fn seed_organisation(db: &DatabaseConnection) -> Result<(), DbErr> {
    let present = unit::Entity::find()
        .filter(unit::Column::Code.eq("national"))
        .one(db)
        .await?;
    if present.is_some() {
        return Ok(());
    }
    // Hash before the transaction: a SQLite write lock should not wait on CPU work.
    let password_hash = crate::passwords::hash(DEMO_PASSWORD.to_owned())
        .await
        .map_err(|e| DbErr::Custom(e.to_string()))?;
    let txn = db.begin().await?;
    let now = Utc::now();
    let mut unit_ids = std::collections::HashMap::new();
    for (code, parent, kind, name_fa, name_en) in UNITS {
        let row = unit::ActiveModel {
            parent_id: Set(parent.and_then(|p| unit_ids.get(p).copied())),
            kind: Set(kind.to_owned()),
            code: Set(code.to_owned()),
            name_fa: Set(name_fa.to_owned()),
            name_en: Set(name_en.to_owned()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        unit_ids.insert(code, row.id);
    }
    let mut post_ids = std::collections::HashMap::new();
    for (code, unit_code, title_fa, title_en) in POSTS {
        let row = post::ActiveModel {
            unit_id: Set(unit_ids[unit_code]),
            code: Set(code.to_owned()),
            title_fa: Set(title_fa.to_owned()),
            title_en: Set(title_en.to_owned()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        post_ids.insert(code, row.id);
    }
    for (i, account) in ACCOUNTS.iter().enumerate() {
        let n = i + 1;
        let national_id =
            with_check_digit(&format!("0000{n:05}")).ok_or_else(|| DbErr::Custom("demo national id".into()))?;
        let row = user::ActiveModel {
            username: Set(account.username.to_owned()),
            email: Set(format!("{}@demo.example", account.username)),
            mobile: Set(format!("0990000{n:04}")),
            national_id: Set(national_id),
            first_name: Set(account.name.0.to_owned()),
            last_name: Set(account.name.1.to_owned()),
            password_hash: Set(password_hash.clone().into()),
            role: Set(account.role.as_str().to_owned()),
            is_active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            // The demo applicant is already verified, so the e-services
            // side can be tried at once; new sign-ups verify themselves.
            identity_verified_at: Set((account.role == Role::Applicant).then_some(now)),
            // Staff are enrolled in the second factor; the demo shows their
            // current codes on /dev/messages.
            totp_secret: Set(account
                .role
                .is_staff()
                .then(|| crate::second_factor::new_secret().into())),
            totp_enabled_at: Set(account.role.is_staff().then_some(now)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        if let Some(post_code) = account.post {
            post_holding::ActiveModel {
                user_id: Set(row.id),
                post_id: Set(post_ids[post_code]),
                started_at: Set(now),
                ended_at: Set(None),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    txn.commit().await
}

/// The lines the run command prints so a newcomer can sign in.
pub fn accounts_banner(url: &str) -> String {
    let mut text =
        format!("\nMizekhedmat demo is running: open {url}\nDemo accounts (password for all: {DEMO_PASSWORD}):\n");
    for account in ACCOUNTS {
        text.push_str(&format!(
            "  {:<16} {} ({})\n",
            account.username,
            account.role.title_fa(),
            account.role.as_str()
        ));
    }
    text
}
