//! What the server functions need from the backend, as traits.
//!
//! The server crate implements these and provides them through Leptos
//! context, so server functions stay a few lines and a change in the backend
//! never rebuilds the browser client.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::workflow::machine::Command;
use crate::domain::{catalogue::form::Fields, signup::SignUpInput};
use crate::errors::AppError;
use crate::serverfns::accounts::CaptchaChallenge;
use crate::serverfns::accounts::SecondFactorState;
use crate::serverfns::catalogue::{
    AdminCardRow, CardEditor, CardKind, CataloguePage, CatalogueQuery, PermitPage, PermitSummary, ServicePage,
};
use crate::serverfns::dev::DevMessages;
use crate::serverfns::requests::{Application, Case, FormPage};

/// Counts that show the organisation is loaded and the database answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationSummary {
    /// Provincial companies under the national organisation.
    pub provinces: u64,
    /// Units and specialty domains in all provinces.
    pub units: u64,
    /// Posts defined in those units.
    pub posts: u64,
    /// When the database answered.
    pub checked_at: DateTime<Utc>,
}

/// Read access to the organisation tree.
#[async_trait]
pub trait OrganisationDirectory: Send + Sync {
    /// Counts of the organisation's parts, straight from the database.
    async fn summary(&self) -> Result<OrganisationSummary, AppError>;
}

/// The backend handle server functions take from context.
pub type Directory = Arc<dyn OrganisationDirectory>;

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

/// Signing in and out, and who holds a session.
#[async_trait]
pub trait Accounts: Send + Sync {
    /// Checks the credentials of `username` and opens a session. `client`
    /// identifies the caller's network address for rate limiting.
    async fn sign_in(&self, username: &str, password: &str, client: &str) -> Result<NewSession, AppError>;
    /// The person holding the session `token`, if it is still valid.
    async fn session_user(&self, token: &str) -> Result<Option<SessionUser>, AppError>;
    /// Ends the session `token`; ending an unknown session is not an error.
    async fn sign_out(&self, token: &str) -> Result<(), AppError>;
    /// Replaces the password of the session's holder after checking the
    /// current one, ends every session of that person, and opens a new one
    /// for this browser.
    async fn change_password(&self, token: &str, change: PasswordChange) -> Result<NewSession, AppError>;
}

/// What the change-password form posts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordChange {
    /// The password in use now.
    pub current: String,
    /// The password wanted.
    pub new: String,
    /// The password wanted, typed again.
    pub repeat: String,
}

/// The accounts handle server functions take from context.
pub type AccountsHandle = Arc<dyn Accounts>;

/// Sign-up, activation and password reset: everything a person does before
/// they can sign in.
#[async_trait]
pub trait Registration: Send + Sync {
    /// A fresh captcha challenge; `spoken` asks for a question in words
    /// instead of an image, for people who cannot see it.
    async fn new_captcha(&self, spoken: bool, client: &str) -> Result<CaptchaChallenge, AppError>;
    /// Creates an applicant's account, not yet active, and sends the
    /// activation code by SMS and the link by e-mail. Returns the username.
    async fn sign_up(&self, input: SignUpInput, captcha: CaptchaAnswer, client: &str) -> Result<String, AppError>;
    /// Activates `username` with the code sent by SMS.
    async fn activate_by_code(&self, username: &str, code: &str, client: &str) -> Result<(), AppError>;
    /// Activates the account the e-mailed link was sent for.
    async fn activate_by_link(&self, token: &str, client: &str) -> Result<(), AppError>;
    /// Sends a new activation code and link, if the account is still inactive.
    async fn resend_activation(&self, username: &str, client: &str) -> Result<(), AppError>;
    /// Sends a reset code by SMS and a reset link by e-mail to the account
    /// named by `username` or its mobile number. Answers alike whether the
    /// account exists or not.
    async fn request_password_reset(&self, who: &str, client: &str) -> Result<(), AppError>;
    /// Sets a new password with a reset code (with `username`) or a link
    /// token (without), and ends every session of the account.
    async fn reset_password(&self, reset: PasswordReset, client: &str) -> Result<(), AppError>;
}

/// The answer typed to a captcha challenge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptchaAnswer {
    /// The challenge's id.
    pub id: String,
    /// What the person typed.
    pub answer: String,
}

/// What the reset-password form posts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordReset {
    /// The account, when a code from an SMS is given.
    pub username: String,
    /// The SMS code or the e-mail link's token.
    pub code: String,
    /// The password wanted.
    pub new: String,
    /// The password wanted, typed again.
    pub repeat: String,
}

/// The registration handle server functions take from context.
pub type RegistrationHandle = Arc<dyn Registration>;

/// What demo installations show on `/dev/messages`.
#[async_trait]
pub trait DemoInbox: Send + Sync {
    /// The latest messages in the outbox and captcha answers, newest first.
    async fn recent(&self) -> Result<DevMessages, AppError>;
}

/// The demo inbox handle; present in context only in demo mode.
pub type DemoInboxHandle = Arc<dyn DemoInbox>;

/// An upload's body as it arrives, chunk by chunk.
pub type ByteStream = std::pin::Pin<Box<dyn futures::Stream<Item = Result<bytes::Bytes, String>> + Send>>;

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
    crate::errors::with_status(found)
}

/// The staff's second factor.
#[async_trait]
pub trait SecondFactor: Send + Sync {
    /// The state of the session holder's authenticator app, creating the
    /// secret to enrol with on first use.
    async fn status(&self, token: &str) -> Result<SecondFactorState, AppError>;
    /// Checks a code and marks the session as having passed both steps,
    /// under a new token: the one that carried only the password stops
    /// working, so a token seen before the second step is worth nothing.
    async fn verify(&self, token: &str, code: &str) -> Result<NewSession, AppError>;
}

/// The second-factor handle server functions take from context.
pub type SecondFactorHandle = Arc<dyn SecondFactor>;

/// A staff account to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStaff {
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub mobile: String,
    pub national_id: String,
    /// A staff role's stored name.
    pub role: String,
    /// The post they take up.
    pub post_id: i32,
}

/// Staff administration; administrators only.
#[async_trait]
pub trait StaffAdmin: Send + Sync {
    /// Every staff account and post.
    async fn list(&self, who: &SessionUser) -> Result<crate::serverfns::admin::StaffPage, AppError>;
    /// Creates a staff account in a post and sends them a link to set a password.
    async fn create(&self, who: &SessionUser, staff: NewStaff) -> Result<(), AppError>;
    /// Moves a staff member to another post, closing the one they held.
    async fn assign(&self, who: &SessionUser, user_id: i32, post_id: i32) -> Result<(), AppError>;
    /// Deactivates (ending every session) or reactivates a staff account.
    async fn set_active(&self, who: &SessionUser, user_id: i32, active: bool) -> Result<(), AppError>;
    /// Gives a staff member another staff role, ending their sessions so
    /// the new rights start from a fresh sign-in with the second factor.
    async fn set_role(&self, who: &SessionUser, user_id: i32, role: &str) -> Result<(), AppError>;
}

/// The staff administration handle server functions take from context.
pub type StaffAdminHandle = Arc<dyn StaffAdmin>;

/// The person signed in with every factor, if any: for pages anyone may
/// see that show more to some (an administrator previewing a draft).
pub async fn viewer() -> Result<Option<SessionUser>, AppError> {
    let found = match crate::serverfns::accounts::session_cookie::read() {
        Some(token) => contract::<AccountsHandle>()?.session_user(&token).await?,
        None => None,
    };
    Ok(found.filter(|user| !user.needs_second_factor))
}

/// A unit an administrator adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUnit {
    /// The unit it belongs under.
    pub parent_id: i32,
    /// `provincial_company` or `unit`.
    pub kind: String,
    /// A short Latin code, unique (`tehran.water`).
    pub code: String,
    pub name_fa: String,
    pub name_en: String,
}

/// A unit's or post's new names and place: the parent unit of a unit, or
/// the unit of a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The unit or post changed.
    pub id: i32,
    /// Where it now belongs (ignored for the national organisation).
    pub under: i32,
    pub name_fa: String,
    pub name_en: String,
}

/// The organisation tree and its posts; administrators only. Who holds a
/// post is changed on the staff page ([`StaffAdmin::assign`]).
#[async_trait]
pub trait OrganisationAdmin: Send + Sync {
    /// Every unit, its posts and their holders, parents first.
    async fn tree(&self, who: &SessionUser) -> Result<crate::serverfns::admin::OrganisationTree, AppError>;
    /// Adds a unit under another.
    async fn add_unit(&self, who: &SessionUser, unit: NewUnit) -> Result<(), AppError>;
    /// Adds a post to a unit.
    async fn add_post(
        &self,
        who: &SessionUser,
        unit_id: i32,
        code: &str,
        title_fa: &str,
        title_en: &str,
    ) -> Result<(), AppError>;
    /// Renames a unit or moves it under another; the tree's rules hold.
    async fn change_unit(&self, who: &SessionUser, change: Placement) -> Result<(), AppError>;
    /// Closes a unit that has no open units or posts left under it.
    async fn retire_unit(&self, who: &SessionUser, unit_id: i32) -> Result<(), AppError>;
    /// Renames a post or moves it to another unit; its holders go with it.
    async fn change_post(&self, who: &SessionUser, change: Placement) -> Result<(), AppError>;
    /// Closes a post nobody holds.
    async fn retire_post(&self, who: &SessionUser, post_id: i32) -> Result<(), AppError>;
}

/// The organisation administration handle server functions take from context.
pub type OrganisationAdminHandle = Arc<dyn OrganisationAdmin>;

/// The public catalogue, the permit register and their editor.
#[async_trait]
pub trait Catalogue: Send + Sync {
    /// Published services matching a search and filters.
    async fn search(&self, query: &CatalogueQuery) -> Result<CataloguePage, AppError>;
    /// A service's page: published ones for anyone, drafts for administrators.
    async fn service(&self, viewer: Option<&SessionUser>, id: i32) -> Result<ServicePage, AppError>;
    /// Published permits matching a search.
    async fn permits(&self, query: &str) -> Result<Vec<PermitSummary>, AppError>;
    /// A permit's page: published ones for anyone, drafts for administrators.
    async fn permit(&self, viewer: Option<&SessionUser>, id: i32) -> Result<PermitPage, AppError>;
    /// Every card of a register, drafts included. Administrators only.
    async fn admin_list(&self, who: &SessionUser, kind: CardKind) -> Result<Vec<AdminCardRow>, AppError>;
    /// A card's editor. Administrators only.
    async fn editor(&self, who: &SessionUser, kind: CardKind, id: i32) -> Result<CardEditor, AppError>;
    /// Starts a new, unpublished card and gives its id. Administrators only.
    async fn create(&self, who: &SessionUser, kind: CardKind) -> Result<i32, AppError>;
    /// Saves an edit: a valid card becomes the next revision; an invalid
    /// one is kept as it was typed and its problems returned.
    async fn save(&self, who: &SessionUser, kind: CardKind, id: i32, fields: Fields) -> Result<(), AppError>;
    /// Throws away a refused edit.
    async fn discard(&self, who: &SessionUser, kind: CardKind, id: i32) -> Result<(), AppError>;
    /// Publishes (only a complete card) or withdraws a card.
    async fn set_published(&self, who: &SessionUser, kind: CardKind, id: i32, published: bool) -> Result<(), AppError>;
}

/// The catalogue handle server functions take from context.
pub type CatalogueHandle = Arc<dyn Catalogue>;

/// Public tracking by tracking code and national id.
#[async_trait]
pub trait Tracking: Send + Sync {
    /// Checks the pair and gives the formatted code with a signed,
    /// short-lived token for its page. Every wrong pair gets the same
    /// answer; `client` is the caller's address, for rate limiting.
    async fn find(&self, tracking_code: &str, national_id: &str, client: &str) -> Result<(String, String), AppError>;
    /// The request's progress, for a valid token.
    async fn view(
        &self,
        tracking_code: &str,
        token: &str,
    ) -> Result<crate::serverfns::tracking::TrackingView, AppError>;
}

/// The tracking handle server functions take from context.
pub type TrackingHandle = Arc<dyn Tracking>;

/// Requests for catalogue sub-services on their defined forms and
/// workflows. Every method checks the caller's rights itself: applicants
/// reach only their own requests, staff only what their posts hold or held.
#[async_trait]
pub trait RequestDesk: Send + Sync {
    /// A decision notice by its number, for anyone verifying it.
    async fn notice(&self, number: &str) -> Result<Option<crate::serverfns::requests::Notice>, AppError>;
    /// Published sub-services that have an electronic form.
    async fn offered(&self) -> Result<Vec<crate::serverfns::requests::SubServiceName>, AppError>;
    /// The empty form of a published sub-service, for a signed-in applicant.
    async fn new_form(&self, who: &SessionUser, service_id: i32, sub_code: &str) -> Result<FormPage, AppError>;
    /// Creates the applicant's draft for a sub-service; gives its id.
    async fn start(&self, who: &SessionUser, service_id: i32, sub_code: &str) -> Result<i32, AppError>;
    /// Streams a file into field `slot` of the applicant's editable request.
    async fn upload(
        &self,
        who: &SessionUser,
        request_id: i32,
        slot: &str,
        file_name: &str,
        body: ByteStream,
    ) -> Result<(), AppError>;
    /// Takes a file off the applicant's editable request.
    async fn remove_file(&self, who: &SessionUser, request_id: i32, file_id: i32) -> Result<(), AppError>;
    /// Saves what the applicant typed; with `send`, checks everything and
    /// sends it (a draft) or sends it back (a returned request).
    async fn save(&self, who: &SessionUser, draft: Draft, send: bool) -> Result<(), AppError>;
    /// The applicant's own request.
    async fn application(&self, who: &SessionUser, request_id: i32) -> Result<Application, AppError>;
    /// A request as staff see it, for staff whose post holds or held it,
    /// and managers and administrators.
    async fn case(&self, who: &SessionUser, request_id: i32) -> Result<Case, AppError>;
    /// A staff action on the revision the actor saw; a later revision means
    /// someone else acted first ([`crate::domain::workflow::machine::Refusal::Superseded`]).
    async fn act(&self, who: &SessionUser, request_id: i32, revision: i32, command: Command) -> Result<(), AppError>;
}

/// What an applicant's save carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The request.
    pub request_id: i32,
    /// The provincial company chosen, by unit code.
    pub province: String,
    /// Every posted value by name.
    pub fields: Fields,
}

/// The request desk handle server functions take from context.
pub type RequestDeskHandle = Arc<dyn RequestDesk>;

/// The designer of sub-services' forms and workflows, for administrators
/// only; each method checks that itself.
#[async_trait]
pub trait FormDesigns: Send + Sync {
    /// The designer of one sub-service: the unfinished draft with its
    /// problems, or else the latest versions written out as rows.
    async fn designer(
        &self,
        who: &SessionUser,
        service_id: i32,
        sub_code: &str,
    ) -> Result<crate::serverfns::design::DesignPage, AppError>;
    /// Keeps the rows as typed after `change`; with `publish`, reads and
    /// checks them and adds the next form and workflow versions, giving the
    /// new form version's number.
    async fn save(
        &self,
        who: &SessionUser,
        target: crate::serverfns::design::DesignTarget,
        rows: Fields,
        change: crate::domain::design::Change,
        publish: bool,
    ) -> Result<Option<i32>, AppError>;
    /// Throws the unpublished draft away, back to the latest versions.
    async fn discard(&self, who: &SessionUser, target: crate::serverfns::design::DesignTarget) -> Result<(), AppError>;
}

/// The designer handle server functions take from context.
pub type FormDesignsHandle = Arc<dyn FormDesigns>;

/// The cartable of every signed-in person.
#[async_trait]
pub trait Cartables: Send + Sync {
    /// The folders and rows `query` asks for, of requests `who` may see.
    async fn page(
        &self,
        who: &SessionUser,
        query: &crate::serverfns::cartable::CartableQuery,
    ) -> Result<crate::serverfns::cartable::CartablePage, AppError>;
}

/// The cartable handle server functions take from context.
pub type CartablesHandle = Arc<dyn Cartables>;

/// Takes a contract from the request's context; a missing one is a wiring
/// bug in the server, reported as an internal error rather than a panic.
pub fn contract<T: Clone + Send + Sync + 'static>() -> Result<T, AppError> {
    leptos::prelude::use_context::<T>().ok_or_else(|| AppError::Internal {
        reference: "missing-context".to_owned(),
    })
}

/// Sets the Content-Security-Policy of a rendered page. It carries the page's
/// nonce so the one inline script Leptos needs for hydration may run and no
/// other inline script can.
pub fn send_security_policy() {
    use leptos::prelude::use_context;
    let nonce = leptos::nonce::use_nonce().map(|n| n.to_string()).unwrap_or_default();
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        let policy = content_security_policy(&nonce);
        if let Ok(value) = policy.parse() {
            response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
}

/// The policy for pages; static files get the same policy without a nonce.
pub fn content_security_policy(nonce: &str) -> String {
    let script = if nonce.is_empty() {
        "script-src 'self' 'wasm-unsafe-eval'".to_owned()
    } else {
        format!("script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'")
    };
    format!(
        "default-src 'self'; {script}; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; \
         connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}
