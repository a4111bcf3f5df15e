//! Reading multipart posts: the text fields of a form, each with a limit,
//! since reading without one would let one post fill the memory.

use crate::errors::AppError;

/// The server functions that take a multipart post. Leptos panics on a post
/// to one of them that is not multipart, so the server refuses those before
/// they reach it; the server's test of bad bodies fails when one is missing.
pub const ENDPOINTS: [&str; 3] = ["/api/requests/file", "/api/design/save", "/api/catalogue/save"];

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

/// Every field of an editor's form, kept in order under its name. The
/// largest card is a few tens of kilobytes in a few hundred parts; more is
/// refused before it is all read.
pub async fn card_fields(
    data: leptos::server_fn::codec::MultipartData,
) -> Result<crate::domain::catalogue::form::Fields, AppError> {
    let mut multipart = data.into_inner().ok_or(AppError::Transport)?;
    let mut fields = crate::domain::catalogue::form::Fields::new();
    let (mut total, mut parts) = (0usize, 0usize);
    while let Some(field) = multipart.next_field().await.map_err(|_| AppError::Transport)? {
        let name = field.name().unwrap_or_default().to_owned();
        let value = text_field(field, 64 * 1024).await?;
        total += name.len() + value.len();
        parts += 1;
        if total > 256 * 1024 || parts > 3000 {
            return Err(AppError::invalid("form", "فرم بیش از اندازه بزرگ است"));
        }
        fields.entry(name).or_default().push(value);
    }
    Ok(fields)
}
