//! Signing in and out, and who is signed in.

mod change_password;
mod current_user;
mod login;
mod logout;
#[cfg(feature = "ssr")]
pub mod session_cookie;

pub use change_password::{ChangePassword, change_password};
pub use current_user::{CurrentUser, Viewer, current_user};
pub use login::{Login, login};
pub use logout::{Logout, logout};
