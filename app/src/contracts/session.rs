//! Who is calling: the signed-in person as every contract receives them,
//! and a new session's token as sign-in and the second factor hand it back.

use chrono::{DateTime, Utc};

/// The signed-in person as pages show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionUser {
    /// The account's id.
    pub user_id: i32,
    /// First and last name.
    pub display_name: String,
    /// What the account may do.
    pub role: crate::domain::role::Role,
    /// Whether a desk officer has verified the applicant's identity.
    pub identity_verified: bool,
    /// A staff member signed in with the password alone: nothing but the
    /// second-factor step is open to them yet.
    pub needs_second_factor: bool,
}

/// A new session: the token goes into the cookie and nowhere else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    /// The secret the cookie carries.
    pub token: String,
    /// When the session ends at the latest, whatever the activity.
    pub expires_at: DateTime<Utc>,
    /// Staff must still pass the second factor.
    pub second_factor_required: bool,
}

/// The caller's network address, put into each request by the server so
/// that rate limits can count per address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddress(pub String);
