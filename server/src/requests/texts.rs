//! The SMS an applicant gets whenever their request changes hands: sent to
//! staff, back with them, decided. Short, with the tracking code, and
//! queued in the same transaction as the change, so neither happens alone.

use app::domain::workflow::machine::Status;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

use crate::entities::user;
use crate::messages::{Channel, Message, enqueue};

/// What the applicant is told when staff move their request to `status`;
/// nothing for moves between staff, which the tracking page shows.
pub fn for_status(status: &Status, code: &str, verifies_identity: bool) -> Option<String> {
    let text = match status {
        Status::WithApplicant { .. } => format!(
            "میز خدمت: درخواست شما با کد رهگیری {code} برای اصلاح یا تکمیل مدارک به شما بازگشت. دلیل را در کارتابل خود ببینید."
        ),
        Status::Approved if verifies_identity => {
            format!("میز خدمت: هویت شما تأیید شد (کد رهگیری {code}). اکنون می‌توانید از خدمات الکترونیکی استفاده کنید.")
        }
        Status::Approved => format!("میز خدمت: درخواست شما با کد رهگیری {code} تأیید شد. ابلاغیه در کارتابل شماست."),
        Status::Rejected => {
            format!("میز خدمت: دربارهٔ درخواست شما با کد رهگیری {code} تصمیم گرفته شد. ابلاغیه در کارتابل شماست.")
        }
        _ => return None,
    };
    Some(text)
}

/// The SMS when the applicant sends a returned request again.
pub fn resent(code: &str) -> String {
    format!("میز خدمت: درخواست اصلاح‌شدهٔ شما با کد رهگیری {code} دوباره برای بررسی فرستاده شد.")
}

/// The receipt's SMS on first sending.
pub fn receipt(code: &str) -> String {
    format!("میز خدمت: درخواست شما با کد رهگیری {code} ثبت و برای بررسی فرستاده شد. این کد را برای پیگیری نگه دارید.")
}

/// Queues `text` to the applicant's mobile, on `db`.
pub async fn tell(db: &impl ConnectionTrait, applicant_id: i32, text: String) -> Result<(), DbErr> {
    if let Some(account) = user::Entity::find_by_id(applicant_id).one(db).await? {
        let message = Message {
            channel: Channel::Sms,
            recipient: account.mobile,
            subject: None,
            body: text,
        };
        enqueue(db, message).await?;
    }
    Ok(())
}
