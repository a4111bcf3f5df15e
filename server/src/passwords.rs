//! Password hashing with argon2id at OWASP's parameters (19 MiB, t=2, p=1).
//! Hashing takes tens of milliseconds of CPU, so it runs on the blocking
//! pool, never on the async workers that serve other requests, and at most
//! half the cores hash at once: a flood of sign-ins waits its turn instead
//! of taking every core from the pages everyone else is loading.

use argon2::{
    Argon2,
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
};

/// Why a password could not be hashed.
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// The turns at hashing: half the cores, at least one.
fn turns() -> &'static tokio::sync::Semaphore {
    static TURNS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    TURNS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        tokio::sync::Semaphore::new((cores / 2).max(1))
    })
}

/// Hashes `password` with a fresh random salt into a PHC string.
pub async fn hash(password: String) -> Result<String, HashError> {
    let _turn = turns().acquire().await.map_err(|e| HashError(e.to_string()))?;
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(|e| HashError(e.to_string()))?
}

/// The same as [`hash`], for code that already runs off the async workers.
pub fn hash_blocking(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `password` matches the stored PHC string; a malformed hash never matches.
pub async fn verify(password: String, stored: String) -> bool {
    let Ok(_turn) = turns().acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored)
            .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_right_password_matches_and_a_wrong_one_does_not() {
        let stored = hash("کلمه عبور بلند و خوب".to_owned()).await.expect("hashes");
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("کلمه عبور بلند و خوب".to_owned(), stored.clone()).await);
        assert!(!verify("کلمه عبور بلند و خوب!".to_owned(), stored).await);
        assert!(!verify("anything".to_owned(), "not a hash".to_owned()).await);
    }

    #[tokio::test]
    async fn the_same_password_gets_a_different_salt_each_time() {
        let a = hash("same password".to_owned()).await.expect("hashes");
        let b = hash("same password".to_owned()).await.expect("hashes");
        assert_ne!(a, b);
    }
}
