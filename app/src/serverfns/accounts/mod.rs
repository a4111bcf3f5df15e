//! Signing up, activating, signing in and out, passwords, and who is
//! signed in.

mod activate;
mod change_password;
mod current_user;
mod forgot_password;
mod login;
mod logout;
mod new_captcha;
mod resend_activation;
mod reset_password;
mod second_factor;
#[cfg(feature = "ssr")]
pub mod session_cookie;
mod sign_up;

pub use crate::contracts::registration::CaptchaChallenge;
pub use crate::contracts::second_factor::SecondFactorState;
pub use activate::{Activate, activate};
pub use change_password::{ChangePassword, change_password};
pub use current_user::{CurrentUser, Viewer, current_user};
pub use forgot_password::{ForgotPassword, forgot_password};
pub use login::{Login, login};
pub use logout::{Logout, logout};
pub use new_captcha::{NewCaptcha, new_captcha};
pub use resend_activation::{ResendActivation, resend_activation};
pub use reset_password::{ResetPassword, reset_password};
pub use second_factor::{SecondFactorStatus, VerifySecondFactor, second_factor_status, verify_second_factor};
pub use sign_up::{SIGN_UP_FORM, SignUp, sign_up};
