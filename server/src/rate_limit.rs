//! Counting attempts per key (an address, an account) in a fixed window.
//!
//! The counts live in this instance's memory: with several instances behind
//! a load balancer each counts on its own, which still bounds guessing to a
//! small multiple of the limit.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Allows `limit` events per key in each `window`.
#[derive(Debug)]
pub struct RateLimiter {
    limit: u32,
    window: Duration,
    counts: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    /// A limiter allowing `limit` events per key in each `window`.
    pub fn new(limit: u32, window: Duration) -> Self {
        Self {
            limit,
            window,
            counts: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `key` is still under its limit, without counting anything.
    pub fn allows(&self, key: &str) -> bool {
        let now = Instant::now();
        let counts = self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        counts
            .get(key)
            .is_none_or(|(start, n)| now.duration_since(*start) >= self.window || *n < self.limit)
    }

    /// Counts one event for `key`.
    pub fn record(&self, key: &str) {
        let now = Instant::now();
        let mut counts = self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        // Forget finished windows now and then so the map cannot grow without bound.
        if counts.len() > 10_000 {
            counts.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = counts.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
    }

    /// Forgets `key`, e.g. an account's failures after a successful sign-in.
    pub fn reset(&self, key: &str) {
        self.counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_refused_after_its_limit_and_others_are_not() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        limiter.record("a");
        assert!(limiter.allows("a"));
        limiter.record("a");
        assert!(!limiter.allows("a"));
        assert!(limiter.allows("b"));
        limiter.reset("a");
        assert!(limiter.allows("a"));
    }

    #[test]
    fn a_new_window_starts_fresh() {
        let limiter = RateLimiter::new(1, Duration::from_millis(20));
        limiter.record("a");
        assert!(!limiter.allows("a"));
        std::thread::sleep(Duration::from_millis(30));
        assert!(limiter.allows("a"));
    }
}
