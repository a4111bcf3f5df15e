//! What `/dev/messages` shows in demo mode: the outbox and the open captcha
//! answers, so a person trying the demo (or a browser test) can read their
//! code. Never provided in production.

use app::contracts::dev::DemoInbox;
use app::contracts::dev::{DevCaptcha, DevCode, DevMessage, DevMessages};
use app::domain::jalali::format_persian_datetime;
use app::errors::AppError;
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entities::{captcha, outbox_message, user};
use crate::errors::internal;

/// The demo's inbox over the database.
pub struct SeaOrmDemoInbox {
    db: DatabaseConnection,
}

impl SeaOrmDemoInbox {
    /// The inbox of `db`.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

#[async_trait]
impl DemoInbox for SeaOrmDemoInbox {
    async fn recent(&self) -> Result<DevMessages, AppError> {
        let messages = outbox_message::Entity::find()
            .order_by_desc(outbox_message::Column::Id)
            .limit(50)
            .all(&self.db)
            .await
            .map_err(|e| internal("demo outbox", &e))?;
        let captchas = captcha::Entity::find()
            .filter(captcha::Column::UsedAt.is_null())
            .filter(captcha::Column::ExpiresAt.gt(Utc::now()))
            .order_by_desc(captcha::Column::CreatedAt)
            .limit(20)
            .all(&self.db)
            .await
            .map_err(|e| internal("demo captchas", &e))?;
        let staff = user::Entity::find()
            .filter(user::Column::TotpEnabledAt.is_not_null())
            .filter(user::Column::Email.ends_with("@demo.example"))
            .all(&self.db)
            .await
            .map_err(|e| internal("demo staff", &e))?;
        let codes = staff
            .into_iter()
            .filter_map(|u| {
                let code =
                    crate::second_factor::usable_code(u.totp_secret.as_ref()?.expose(), &u.username, u.totp_last_step)?;
                Some(DevCode {
                    username: u.username,
                    code,
                })
            })
            .collect();
        Ok(DevMessages {
            codes,
            messages: messages
                .into_iter()
                .map(|m| DevMessage {
                    channel: m.channel,
                    recipient: m.recipient,
                    subject: m.subject,
                    body: crate::messages::secrets::readable(&m.body),
                    written_at: format_persian_datetime(m.created_at),
                    sent: m.sent_at.is_some(),
                })
                .collect(),
            captchas: captchas
                .into_iter()
                .map(|c| DevCaptcha {
                    id: c.id,
                    answer: c.answer.expose().to_owned(),
                })
                .collect(),
        })
    }
}
