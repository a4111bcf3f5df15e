//! Counting attempts per key (an address, an account) in a fixed window.
//!
//! The counts live in this instance's memory: with several instances behind
//! a load balancer each counts on its own, which still bounds guessing to a
//! small multiple of the limit.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Allows `limit` attempts per key in each `window`.
#[derive(Debug)]
pub struct RateLimiter {
    limit: u32,
    window: Duration,
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    counts: HashMap<String, (Instant, u32)>,
    last_sweep: Instant,
}

impl RateLimiter {
    /// A limiter allowing `limit` attempts per key in each `window`.
    pub fn new(limit: u32, window: Duration) -> Self {
        let state = State {
            counts: HashMap::new(),
            last_sweep: Instant::now(),
        };
        Self {
            limit,
            window,
            state: Mutex::new(state),
        }
    }

    /// Counts an attempt for `key` and says whether it is within the limit.
    /// Checking and counting happen under one lock, so a burst of parallel
    /// attempts cannot all pass before the first is counted.
    pub fn try_acquire(&self, key: &str) -> bool {
        let now = Instant::now();
        let mut state = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        // Forget finished windows at most ten times a window, so a flood of
        // new keys cannot turn every attempt into a scan of the whole map.
        if now.duration_since(state.last_sweep) >= self.window / 10 {
            let window = self.window;
            state.counts.retain(|_, (start, _)| now.duration_since(*start) < window);
            state.last_sweep = now;
        }
        let entry = state.counts.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.limit {
            return false;
        }
        entry.1 += 1;
        true
    }

    /// Takes back one counted attempt, for attempts that should not count
    /// (a successful sign-in from a busy shared address).
    pub fn forgive(&self, key: &str) {
        let mut state = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(entry) = state.counts.get_mut(key) {
            entry.1 = entry.1.saturating_sub(1);
        }
    }

    /// Forgets `key`, e.g. an account's failures after a successful sign-in.
    pub fn reset(&self, key: &str) {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .counts
            .remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_refused_after_its_limit_and_others_are_not() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        assert!(limiter.try_acquire("a"));
        assert!(limiter.try_acquire("a"));
        assert!(!limiter.try_acquire("a"));
        assert!(limiter.try_acquire("b"));
        limiter.reset("a");
        assert!(limiter.try_acquire("a"));
    }

    #[test]
    fn a_forgiven_attempt_frees_its_place() {
        let limiter = RateLimiter::new(1, Duration::from_secs(60));
        assert!(limiter.try_acquire("a"));
        limiter.forgive("a");
        assert!(limiter.try_acquire("a"));
    }

    #[test]
    fn a_new_window_starts_fresh() {
        let limiter = RateLimiter::new(1, Duration::from_millis(20));
        assert!(limiter.try_acquire("a"));
        assert!(!limiter.try_acquire("a"));
        std::thread::sleep(Duration::from_millis(30));
        assert!(limiter.try_acquire("a"));
    }

    #[test]
    fn parallel_attempts_never_exceed_the_limit() {
        let limiter = std::sync::Arc::new(RateLimiter::new(5, Duration::from_secs(60)));
        let admitted: usize = (0..50)
            .map(|_| {
                let limiter = limiter.clone();
                std::thread::spawn(move || limiter.try_acquire("account"))
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|handle| usize::from(handle.join().unwrap_or(false)))
            .sum();
        assert_eq!(admitted, 5);
    }
}
