//! Public tracking: the `Tracking` contract of `app`. A tracking code and
//! its applicant's national id open a signed link to the request's progress
//! for half an hour; the national id never appears in an address, and
//! guessing is slowed per address and per code, every wrong pair answered
//! alike so nothing tells which half was wrong.

use std::time::Duration;

use app::contracts::tracking::Tracking;
use app::contracts::tracking::{TrackedEvent, TrackingView};
use app::domain::workflow::machine::EventKind;
use app::domain::{national_id::NationalId, tracking_code};
use app::errors::{AppError, FieldMessage};
use async_trait::async_trait;
use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::Utc;
use hmac::{Hmac, Mac};
use rand::RngCore as _;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use sha2::{Digest, Sha256};

use crate::entities::{organisation_unit as unit, post, request, request_event, user};
use crate::errors::internal;
use crate::rate_limit::RateLimiter;

/// How long a tracking link stays open.
const LINK_LIFETIME_SECONDS: i64 = 30 * 60;
/// The same answer for an unknown code and a wrong national id.
const NOT_FOUND: &str = "درخواستی با این کد رهگیری و کد ملی پیدا نشد؛ هر دو را با رسید مقایسه کنید";

/// Tracking over the database.
pub struct SeaOrmTracking {
    db: DatabaseConnection,
    key: [u8; 32],
    per_address: RateLimiter,
    per_code: RateLimiter,
}

impl SeaOrmTracking {
    /// Tracking over `db`. Links are
    /// signed with a key drawn from `secret`, so every instance of an
    /// installation accepts them; without one (demo), a key of this process.
    pub fn new(db: DatabaseConnection, secret: Option<&str>) -> Self {
        let key = match secret {
            Some(secret) => Sha256::digest(format!("tracking-links|{secret}")).into(),
            None => {
                let mut key = [0u8; 32];
                rand::rng().fill_bytes(&mut key);
                key
            }
        };
        Self {
            db,
            key,
            // Enough for a family checking a few requests, too few to guess.
            per_address: RateLimiter::new(30, Duration::from_secs(15 * 60)),
            per_code: RateLimiter::new(10, Duration::from_secs(60 * 60)),
        }
    }

    fn signature(&self, code: &str, expires: i64) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(format!("{code}|{expires}").as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    fn token(&self, code: &str) -> String {
        let expires = Utc::now().timestamp() + LINK_LIFETIME_SECONDS;
        format!("{expires}.{}", self.signature(code, expires))
    }

    fn token_is_valid(&self, code: &str, token: &str) -> bool {
        let Some((expires, signature)) = token.split_once('.') else {
            return false;
        };
        let Ok(expires) = expires.parse::<i64>() else {
            return false;
        };
        let Ok(given) = URL_SAFE_NO_PAD.decode(signature) else {
            return false;
        };
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(format!("{code}|{expires}").as_bytes());
        expires >= Utc::now().timestamp() && mac.verify_slice(&given).is_ok()
    }

    async fn request(&self, code: &str) -> Result<Option<request::Model>, AppError> {
        request::Entity::find()
            .filter(request::Column::TrackingCode.eq(code))
            .one(&self.db)
            .await
            .map_err(|e| internal("tracked request", &e))
    }
}

impl SeaOrmTracking {
    /// A request: its stored promise, the step's unit and every step but
    /// staff's internal comments.
    async fn service_view(&self, found: request::Model) -> Result<TrackingView, AppError> {
        let events = request_event::Entity::find()
            .filter(request_event::Column::RequestId.eq(found.id))
            .filter(request_event::Column::Action.ne(EventKind::Commented.as_str()))
            .order_by_asc(request_event::Column::Id)
            .all(&self.db)
            .await
            .map_err(|e| internal("tracked events", &e))?
            .into_iter()
            .map(|e| TrackedEvent {
                action: e.action,
                at: e.at,
            })
            .collect();
        let with_staff = found.status == "in_progress";
        let holder = match found.holder_post_id.filter(|_| with_staff) {
            Some(post_id) => self.unit_of(post_id).await?,
            None => None,
        };
        let service = match found.service_id {
            Some(id) => crate::entities::service::Entity::find_by_id(id)
                .one(&self.db)
                .await
                .map_err(|e| internal("tracked service", &e))?
                .map(|s| s.title),
            None => None,
        };
        Ok(TrackingView {
            tracking_code: found.tracking_code,
            status: found.status,
            service,
            unit_fa: holder.as_ref().map(|u| u.name_fa.clone()),
            unit_en: holder.map(|u| u.name_en),
            received_at: found.submitted_at,
            promised_at: found.promised_at.filter(|_| with_staff),
            events,
        })
    }

    /// The unit a post belongs to.
    async fn unit_of(&self, post_id: i32) -> Result<Option<unit::Model>, AppError> {
        let Some(held) = post::Entity::find_by_id(post_id)
            .one(&self.db)
            .await
            .map_err(|e| internal("holder post", &e))?
        else {
            return Ok(None);
        };
        unit::Entity::find_by_id(held.unit_id)
            .one(&self.db)
            .await
            .map_err(|e| internal("holder unit", &e))
    }
}

fn field(name: &str, message: &str) -> AppError {
    AppError::Fields(vec![FieldMessage {
        field: name.to_owned(),
        message: message.to_owned(),
    }])
}

#[async_trait]
impl Tracking for SeaOrmTracking {
    async fn find(&self, typed_code: &str, national_id: &str, client: &str) -> Result<(String, String), AppError> {
        if !self.per_address.try_acquire(client) {
            return Err(AppError::TooManyAttempts);
        }
        let code = tracking_code::parse(typed_code).ok_or_else(|| {
            field(
                "tracking_code",
                "کد رهگیری درست نیست؛ یک نویسه اشتباه است یا جا افتاده. آن را دوباره با رسید مقایسه کنید",
            )
        })?;
        let national_id = NationalId::parse(national_id)
            .map_err(|_| field("national_id", "کد ملی ده رقم است و رقم آخرش باید درست باشد"))?;
        if !self.per_code.try_acquire(&code) {
            return Err(AppError::TooManyAttempts);
        }
        let Some(found) = self.request(&code).await? else {
            return Err(AppError::invalid("form", NOT_FOUND));
        };
        let applicant = user::Entity::find_by_id(found.applicant_id)
            .one(&self.db)
            .await
            .map_err(|e| internal("applicant", &e))?;
        if applicant.is_none_or(|a| a.national_id != national_id.as_str()) {
            return Err(AppError::invalid("form", NOT_FOUND));
        }
        let token = self.token(&code);
        Ok((code, token))
    }

    async fn view(&self, typed_code: &str, token: &str) -> Result<TrackingView, AppError> {
        let code = tracking_code::parse(typed_code).ok_or(AppError::NotFound)?;
        if !self.token_is_valid(&code, token) {
            return Err(AppError::invalid(
                "form",
                "این پیوند پیگیری کهنه شده است؛ کد رهگیری و کد ملی را دوباره وارد کنید",
            ));
        }
        let found = self.request(&code).await?.ok_or(AppError::NotFound)?;
        self.service_view(found).await
    }
}
