//! Captcha challenges: five digits drawn as a distorted image by the
//! `captcha` crate, or, for people who cannot see it, a sum asked in words.
//! Challenges live in the database so any instance can check them, and each
//! is used once, right or wrong.

use app::contracts::registration::CaptchaChallenge;
use app::domain::normalize::digits_only;
use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{TimeDelta, Utc};
use rand::{Rng as _, RngCore as _};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set, sea_query::Expr};

use crate::entities::captcha;

/// How long a challenge may be answered.
const LIFETIME: TimeDelta = TimeDelta::minutes(15);
/// Digits that cannot be mistaken for letters in the captcha's font.
const DIGITS: [char; 8] = ['2', '3', '4', '5', '6', '7', '8', '9'];
const WORDS: [&str; 9] = ["یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"];

/// Stores a new challenge and returns what the form shows.
pub async fn issue(db: &impl ConnectionTrait, spoken: bool) -> Result<CaptchaChallenge, DbErr> {
    let (id, answer, question) = challenge(spoken);
    let now = Utc::now();
    captcha::ActiveModel {
        id: Set(id.clone()),
        answer: Set(answer.into()),
        question: Set(question.clone()),
        created_at: Set(now),
        expires_at: Set(now + LIFETIME),
        used_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(CaptchaChallenge { id, question })
}

/// A fresh id with its answer and, when spoken, the question.
fn challenge(spoken: bool) -> (String, String, Option<String>) {
    let mut rng = rand::rng();
    let mut id = [0u8; 18];
    rng.fill_bytes(&mut id);
    let id = URL_SAFE_NO_PAD.encode(id);
    let (answer, question) = if spoken {
        let (a, b) = (rng.random_range(1..=9_usize), rng.random_range(1..=9_usize));
        let question = format!(
            "حاصل جمع {} و {} چند می‌شود؟ پاسخ را با رقم بنویسید.",
            WORDS[a - 1],
            WORDS[b - 1]
        );
        ((a + b).to_string(), Some(question))
    } else {
        (
            (0..5).map(|_| DIGITS[rng.random_range(0..DIGITS.len())]).collect(),
            None,
        )
    };
    (id, answer, question)
}

/// The PNG of an image challenge that is still open.
pub async fn image(db: &impl ConnectionTrait, id: &str) -> Result<Option<Vec<u8>>, DbErr> {
    let open = captcha::Entity::find_by_id(id.to_owned())
        .filter(captcha::Column::UsedAt.is_null())
        .filter(captcha::Column::ExpiresAt.gt(Utc::now()))
        .filter(captcha::Column::Question.is_null())
        .one(db)
        .await?;
    let Some(row) = open else { return Ok(None) };
    Ok(tokio::task::spawn_blocking(move || draw(row.answer.expose()))
        .await
        .ok()
        .flatten())
}

/// Draws `answer` with noise and waves; CPU work, run off the async runtime.
fn draw(answer: &str) -> Option<Vec<u8>> {
    use ::captcha::filters::{Dots, Noise, Wave};
    let mut image = ::captcha::Captcha::new();
    for digit in answer.chars() {
        image.set_chars(&[digit]).add_char();
    }
    image
        .apply_filter(Noise::new(0.25))
        .apply_filter(Wave::new(2.0, 12.0))
        .view(200, 70)
        .apply_filter(Dots::new(10));
    image.as_png()
}

/// Uses up challenge `id` and tells whether `answer` was right. A challenge
/// is spent by any answer, so guessing needs a new challenge each time.
pub async fn consume(db: &impl ConnectionTrait, id: &str, answer: &str) -> Result<bool, DbErr> {
    let now = Utc::now();
    let Some(row) = captcha::Entity::find_by_id(id.to_owned()).one(db).await? else {
        return Ok(false);
    };
    let spent = captcha::Entity::update_many()
        .col_expr(captcha::Column::UsedAt, Expr::value(now))
        .filter(captcha::Column::Id.eq(id))
        .filter(captcha::Column::UsedAt.is_null())
        .filter(captcha::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    Ok(spent.rows_affected == 1 && digits_only(answer) == row.answer.expose())
}

/// Deletes challenges that can no longer be answered.
pub async fn delete_stale(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    captcha::Entity::delete_many()
        .filter(captcha::Column::ExpiresAt.lt(Utc::now() - TimeDelta::hours(1)))
        .exec(db)
        .await
        .map(|r| r.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_is_drawn_for_any_answer_of_the_allowed_digits() {
        let png = draw("29375").expect("a png");
        assert_eq!(&png[1..4], b"PNG");
        assert!(png.len() > 1_000, "a real picture, not an empty image");
    }
}
