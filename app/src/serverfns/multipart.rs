//! Reading multipart posts: the text fields of a form, each with a limit,
//! since reading without one would let one post fill the memory.

use crate::errors::AppError;

/// A text field of a form of short answers, refused past 4 KB.
pub async fn short_text(field: multer::Field<'static>) -> Result<String, AppError> {
    text_field(field, 4 * 1024).await
}

/// A text field refused past `limit` bytes.
pub async fn text_field(mut field: multer::Field<'static>, limit: usize) -> Result<String, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|_| AppError::Transport)? {
        if bytes.len() + chunk.len() > limit {
            return Err(AppError::invalid("form", "یکی از بخش‌های فرم بیش از اندازه بلند است"));
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes).map_err(|_| AppError::Transport)
}
