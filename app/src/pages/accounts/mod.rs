//! Signing up, activating, signing in and passwords.

pub mod activate;
pub mod activate_email;
pub mod change_password;
pub mod forgot_password;
pub mod login;
pub mod reset_password;
pub mod sign_up;
pub mod two_factor;
