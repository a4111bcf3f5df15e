//! Who calls a server function, read from the session cookie through the
//! accounts service: every server function that needs a signed-in person
//! starts here, so none reads a cookie of its own.

use crate::contracts::accounts::AccountsHandle;
use crate::contracts::contract;
use crate::contracts::session::SessionUser;
use crate::errors::AppError;

/// The signed-in caller, from the session cookie; refused (401) when there
/// is none.
pub async fn signed_in() -> Result<SessionUser, AppError> {
    let found = match crate::serverfns::accounts::session_cookie::read() {
        Some(token) => contract::<AccountsHandle>()?.session_user(&token).await?,
        None => None,
    };
    let found = match found {
        Some(user) if user.needs_second_factor => Err(AppError::SecondFactorRequired),
        Some(user) => Ok(user),
        None => Err(AppError::Unauthenticated),
    };
    super::status::with_status(found)
}

/// The person signed in with every factor, if any: for pages anyone may
/// see that show more to some (an administrator previewing a draft).
pub async fn viewer() -> Result<Option<SessionUser>, AppError> {
    let found = match crate::serverfns::accounts::session_cookie::read() {
        Some(token) => contract::<AccountsHandle>()?.session_user(&token).await?,
        None => None,
    };
    Ok(found.filter(|user| !user.needs_second_factor))
}
