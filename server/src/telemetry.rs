//! Structured logs: JSON for collectors in production, readable lines in the demo.

use tracing_subscriber::{EnvFilter, fmt, prelude::*};

use crate::config::Config;

/// Installs the global subscriber; `RUST_LOG` overrides the default levels.
pub fn init(config: &Config) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn,tower_http=info"));
    let registry = tracing_subscriber::registry().with(filter);
    // A second init (tests) keeps the first subscriber.
    let _ = if config.log_json {
        registry.with(fmt::layer().json().flatten_event(true)).try_init()
    } else {
        registry.with(fmt::layer().compact()).try_init()
    };
}
