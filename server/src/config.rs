//! Configuration from environment variables. Every variable and its default
//! is listed in the README. Production is the default, so an operator who
//! forgets a variable gets a refusal rather than a demo that shows every
//! one-time code on `/dev/messages`; demo must be asked for, and refuses
//! to run where it could be mistaken for a real installation.

use std::{net::SocketAddr, path::PathBuf};

use leptos::config::{Env, LeptosOptions};

/// How the installation runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Invented data, messages kept on a page instead of sent, a banner on
    /// every page. What the README's run command starts; only when
    /// `MIZEKHEDMAT_MODE=demo` asks for it.
    Demo,
    /// A real agency's installation: what runs when nothing says otherwise.
    Production,
}

impl Mode {
    /// Demo installations seed data and say so on every page.
    pub fn is_demo(self) -> bool {
        self == Mode::Demo
    }
}

/// A secret that never appears in logs or debug output.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret read from elsewhere than the environment.
    pub fn new(value: &str) -> Self {
        Self(value.to_owned())
    }

    /// The secret's value, for what is signed with it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// Everything the server reads from its environment.
#[derive(Debug, Clone)]
pub struct Config {
    /// Demo or production.
    pub mode: Mode,
    /// `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// Where the SQLite file and uploaded files live by default.
    pub data_dir: PathBuf,
    /// The address people use, e.g. `https://desk.example.ir`; HSTS is sent
    /// only when it is https.
    pub public_url: Option<String>,
    /// Signs the links sent by e-mail (activation, password reset).
    /// Required in production from the start, so no installation ever
    /// runs on a default secret once those links exist.
    pub secret: Option<Secret>,
    /// `json` for log collectors, `pretty` for people.
    pub log_json: bool,
    /// Where to listen (`LEPTOS_SITE_ADDR`, default 127.0.0.1:3000).
    pub site_addr: SocketAddr,
    /// The built site: client, styles and public files (`LEPTOS_SITE_ROOT`).
    pub site_root: String,
    /// Where SMS and e-mail go.
    pub messaging: MessagingConfig,
    /// The largest upload accepted (`MIZEKHEDMAT_UPLOAD_MAX_MB`, default 5).
    pub upload_max_bytes: u64,
    /// Public holidays beyond the fixed solar ones, as Jalali dates
    /// (`MIZEKHEDMAT_HOLIDAYS`, e.g. `1405/01/14 1405/12/20`): the lunar
    /// holidays move every year, so each year's list is configured.
    pub holidays: std::collections::BTreeSet<chrono::NaiveDate>,
    /// The load balancers and reverse proxies whose `X-Forwarded-For` is
    /// believed (`MIZEKHEDMAT_TRUSTED_PROXIES`, addresses or blocks such as
    /// `10.0.0.0/8`); none by default, so a client cannot pick its own
    /// rate-limit key.
    pub trusted_proxies: Vec<crate::networks::Network>,
}

/// The SMS provider and mail server. Unset in demo mode, messages are only
/// kept in the outbox and shown on `/dev/messages`.
#[derive(Debug, Clone, Default)]
pub struct MessagingConfig {
    /// The SMS provider's send endpoint (`MIZEKHEDMAT_SMS_URL`).
    pub sms_url: Option<String>,
    /// The provider's API key (`MIZEKHEDMAT_SMS_KEY`), sent as a bearer token.
    pub sms_key: Option<Secret>,
    /// `smtp://host:587` or `smtps://user:password@host` (`MIZEKHEDMAT_SMTP_URL`).
    pub smtp_url: Option<Secret>,
    /// The sender of e-mails (`MIZEKHEDMAT_MAIL_FROM`).
    pub mail_from: String,
}

/// Why the configuration was refused.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// `MIZEKHEDMAT_MODE` holds something other than `demo` or `production`.
    #[error("MIZEKHEDMAT_MODE must be `demo` or `production`, not `{0}`")]
    UnknownMode(String),
    /// Production needs a real secret of its own.
    #[error("production mode needs MIZEKHEDMAT_SECRET: at least 32 random characters, not a demo value")]
    MissingSecret,
    /// Production needs an explicit database.
    #[error("production mode needs DATABASE_URL to be set explicitly")]
    MissingDatabase,
    /// `LEPTOS_SITE_ADDR` is not an address and port.
    #[error("LEPTOS_SITE_ADDR must be an address with a port, such as 127.0.0.1:3000")]
    BadAddress,
    /// Production must send real SMS and e-mail.
    #[error("production mode needs MIZEKHEDMAT_SMS_URL, MIZEKHEDMAT_SMS_KEY and MIZEKHEDMAT_SMTP_URL")]
    MissingMessaging,
    /// Demo data and `/dev/messages` on a database a real agency could use.
    #[error(
        "demo mode runs only on its own SQLite file, not on PostgreSQL: unset DATABASE_URL or choose MIZEKHEDMAT_MODE=production"
    )]
    DemoOnPostgres,
    /// Demo mode never sends: a configured provider means a real installation.
    #[error(
        "demo mode keeps messages on /dev/messages and never sends them: unset MIZEKHEDMAT_SMS_URL and MIZEKHEDMAT_SMTP_URL or choose MIZEKHEDMAT_MODE=production"
    )]
    DemoWithMessaging,
    /// Demo mode would publish its accounts and codes to the network.
    #[error(
        "demo mode listens only on a loopback address (such as 127.0.0.1:3000); set MIZEKHEDMAT_DEMO_PUBLIC=yes to show it on {0} anyway"
    )]
    DemoOnNetwork(SocketAddr),
    /// The database URL names an engine we do not run on.
    #[error("DATABASE_URL must start with sqlite:// or postgres://")]
    UnsupportedDatabase,
    /// An entry of `MIZEKHEDMAT_TRUSTED_PROXIES` is not an address or block.
    #[error("MIZEKHEDMAT_TRUSTED_PROXIES: `{0}` is not an address or a block such as 10.0.0.0/8")]
    BadProxy(String),
    /// A holiday is not a Jalali date.
    #[error("MIZEKHEDMAT_HOLIDAYS: {0}")]
    BadHolidays(String),
}

const DEMO_SECRET_MARKER: &str = "demo";

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|key| std::env::var(key).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Reads configuration through `lookup`, so tests need not touch the
    /// process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let mode = match lookup("MIZEKHEDMAT_MODE").as_deref() {
            Some("demo") => Mode::Demo,
            None | Some("production") => Mode::Production,
            Some(other) => return Err(ConfigError::UnknownMode(other.to_owned())),
        };
        let data_dir = PathBuf::from(lookup("MIZEKHEDMAT_DATA_DIR").unwrap_or_else(|| "data".to_owned()));
        let explicit_database = lookup("DATABASE_URL");
        let secret = lookup("MIZEKHEDMAT_SECRET").map(Secret);
        let messaging = MessagingConfig {
            sms_url: lookup("MIZEKHEDMAT_SMS_URL"),
            sms_key: lookup("MIZEKHEDMAT_SMS_KEY").map(Secret),
            smtp_url: lookup("MIZEKHEDMAT_SMTP_URL").map(Secret),
            mail_from: lookup("MIZEKHEDMAT_MAIL_FROM").unwrap_or_else(|| "Mizekhedmat <no-reply@localhost>".to_owned()),
        };
        if mode == Mode::Production {
            let weak = secret
                .as_ref()
                .is_none_or(|s| s.0.len() < 32 || s.0.to_lowercase().contains(DEMO_SECRET_MARKER));
            if weak {
                return Err(ConfigError::MissingSecret);
            }
            if explicit_database.is_none() {
                return Err(ConfigError::MissingDatabase);
            }
            if messaging.sms_url.is_none() || messaging.sms_key.is_none() || messaging.smtp_url.is_none() {
                return Err(ConfigError::MissingMessaging);
            }
        }
        let database_url = explicit_database
            .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", data_dir.join("mizekhedmat.db").display()));
        if !(database_url.starts_with("sqlite:") || database_url.starts_with("postgres")) {
            return Err(ConfigError::UnsupportedDatabase);
        }
        let site_addr: SocketAddr = lookup("LEPTOS_SITE_ADDR")
            .unwrap_or_else(|| "127.0.0.1:3000".to_owned())
            .parse()
            .map_err(|_| ConfigError::BadAddress)?;
        if mode == Mode::Demo {
            if database_url.starts_with("postgres") {
                return Err(ConfigError::DemoOnPostgres);
            }
            if messaging.sms_url.is_some() || messaging.smtp_url.is_some() {
                return Err(ConfigError::DemoWithMessaging);
            }
            let shown_anyway = lookup("MIZEKHEDMAT_DEMO_PUBLIC").is_some_and(|v| v == "yes");
            if !site_addr.ip().is_loopback() && !shown_anyway {
                return Err(ConfigError::DemoOnNetwork(site_addr));
            }
        }
        let trusted_proxies = lookup("MIZEKHEDMAT_TRUSTED_PROXIES")
            .unwrap_or_default()
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|entry| !entry.is_empty())
            .map(|entry| crate::networks::Network::parse(entry).ok_or_else(|| ConfigError::BadProxy(entry.to_owned())))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            mode,
            trusted_proxies,
            database_url,
            data_dir,
            public_url: lookup("MIZEKHEDMAT_PUBLIC_URL"),
            secret,
            log_json: lookup("MIZEKHEDMAT_LOG_FORMAT").map_or(mode == Mode::Production, |f| f == "json"),
            site_addr,
            site_root: lookup("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".to_owned()),
            messaging,
            upload_max_bytes: lookup("MIZEKHEDMAT_UPLOAD_MAX_MB")
                .and_then(|mb| mb.parse::<u64>().ok())
                .unwrap_or(5)
                * 1024
                * 1024,
            holidays: app::domain::working_days::parse_holidays(&lookup("MIZEKHEDMAT_HOLIDAYS").unwrap_or_default())
                .map_err(ConfigError::BadHolidays)?,
        })
    }

    /// How Leptos finds the built client. The names match the workspace's
    /// `[[workspace.metadata.leptos]]`, so the binary runs the same whether
    /// cargo-leptos started it or a service manager did.
    pub fn leptos_options(&self) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("mizekhedmat")
            .site_root(self.site_root.as_str())
            .site_pkg_dir("pkg")
            .site_addr(self.site_addr)
            .env(Env::PROD)
            .build()
    }

    /// Whether people reach the server over https, so HSTS is safe to send.
    pub fn served_over_https(&self) -> bool {
        self.public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let env: HashMap<String, String> = pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Config::from_lookup(|key| env.get(key).cloned())
    }

    /// What the demo scripts set: the demo, asked for.
    const DEMO: (&str, &str) = ("MIZEKHEDMAT_MODE", "demo");

    #[test]
    fn an_empty_environment_is_production_and_refuses_to_start_without_its_secret() {
        assert!(matches!(config(&[]), Err(ConfigError::MissingSecret)));
    }

    #[test]
    fn the_demo_asked_for_runs_on_a_local_sqlite_file() {
        let c = config(&[DEMO]).expect("demo defaults are complete");
        assert_eq!(c.mode, Mode::Demo);
        assert!(c.database_url.starts_with("sqlite://data/"));
        assert!(!c.served_over_https());
    }

    #[test]
    fn the_demo_refuses_postgres_a_real_provider_and_the_network() {
        assert!(matches!(
            config(&[DEMO, ("DATABASE_URL", "postgres://db/desk")]),
            Err(ConfigError::DemoOnPostgres)
        ));
        for provider in ["MIZEKHEDMAT_SMS_URL", "MIZEKHEDMAT_SMTP_URL"] {
            assert!(
                matches!(
                    config(&[DEMO, (provider, "smtp://mail.example.ir")]),
                    Err(ConfigError::DemoWithMessaging)
                ),
                "{provider}"
            );
        }
        let open = config(&[DEMO, ("LEPTOS_SITE_ADDR", "0.0.0.0:3000")]);
        assert!(matches!(open, Err(e) if e.to_string().contains("MIZEKHEDMAT_DEMO_PUBLIC=yes")));
        let allowed = config(&[
            DEMO,
            ("LEPTOS_SITE_ADDR", "0.0.0.0:3000"),
            ("MIZEKHEDMAT_DEMO_PUBLIC", "yes"),
        ]);
        assert_eq!(allowed.expect("explicitly allowed").mode, Mode::Demo);
        assert!(config(&[DEMO, ("LEPTOS_SITE_ADDR", "[::1]:3000")]).is_ok());
    }

    #[test]
    fn trusted_proxies_are_read_and_a_wrong_entry_is_named() {
        let read = config(&[DEMO, ("MIZEKHEDMAT_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1 fd00::/8")]).expect("read");
        assert_eq!(read.trusted_proxies.len(), 3);
        assert!(
            config(&[DEMO]).expect("read").trusted_proxies.is_empty(),
            "none unless named"
        );
        let refused = config(&[DEMO, ("MIZEKHEDMAT_TRUSTED_PROXIES", "10.0.0.0/8 balancer")]);
        assert!(matches!(refused, Err(ConfigError::BadProxy(e)) if e == "balancer"));
    }

    #[test]
    fn holidays_are_read_as_jalali_dates_and_a_bad_one_is_named() {
        let read = config(&[DEMO, ("MIZEKHEDMAT_HOLIDAYS", "۱۴۰۵/۰۱/۱۴, 1405-12-20")]).expect("read");
        assert_eq!(read.holidays.len(), 2);
        let refused = config(&[DEMO, ("MIZEKHEDMAT_HOLIDAYS", "1405/01/14 1405/13/01")]);
        assert!(matches!(refused, Err(ConfigError::BadHolidays(m)) if m.contains("1405/13/01")));
    }

    #[test]
    fn production_without_a_secret_refuses_to_start() {
        let result = config(&[
            ("MIZEKHEDMAT_MODE", "production"),
            ("DATABASE_URL", "postgres://db/desk"),
        ]);
        assert!(matches!(result, Err(ConfigError::MissingSecret)));
    }

    #[test]
    fn production_refuses_a_demo_or_short_secret() {
        for secret in ["short", "demo-secret-demo-secret-demo-secret-42"] {
            let result = config(&[
                ("MIZEKHEDMAT_MODE", "production"),
                ("DATABASE_URL", "postgres://db/desk"),
                ("MIZEKHEDMAT_SECRET", secret),
            ]);
            assert!(matches!(result, Err(ConfigError::MissingSecret)), "{secret}");
        }
    }

    #[test]
    fn production_refuses_the_default_database() {
        let result = config(&[
            ("MIZEKHEDMAT_MODE", "production"),
            ("MIZEKHEDMAT_SECRET", "a8f3k2m9q4w7e1r6t5y0u3i8o2p7a4s9"),
        ]);
        assert!(matches!(result, Err(ConfigError::MissingDatabase)));
    }

    #[test]
    fn production_with_its_own_secret_and_database_starts_and_sends_hsts_over_https() {
        let c = config(&[
            ("MIZEKHEDMAT_MODE", "production"),
            ("MIZEKHEDMAT_SECRET", "a8f3k2m9q4w7e1r6t5y0u3i8o2p7a4s9"),
            ("DATABASE_URL", "postgres://db/desk"),
            ("MIZEKHEDMAT_PUBLIC_URL", "https://desk.example.ir"),
            ("MIZEKHEDMAT_SMS_URL", "https://sms.example.ir/send"),
            ("MIZEKHEDMAT_SMS_KEY", "provider-key"),
            ("MIZEKHEDMAT_SMTP_URL", "smtps://desk:pw@mail.example.ir"),
        ])
        .expect("complete production configuration");
        assert!(c.served_over_https());
        assert!(c.log_json);
        assert!(!format!("{c:?}").contains("a8f3k2"), "the secret must not reach logs");
    }

    #[test]
    fn production_without_an_sms_provider_or_mail_server_refuses_to_start() {
        let result = config(&[
            ("MIZEKHEDMAT_MODE", "production"),
            ("MIZEKHEDMAT_SECRET", "a8f3k2m9q4w7e1r6t5y0u3i8o2p7a4s9"),
            ("DATABASE_URL", "postgres://db/desk"),
            ("MIZEKHEDMAT_SMTP_URL", "smtps://desk:pw@mail.example.ir"),
        ]);
        assert!(matches!(result, Err(ConfigError::MissingMessaging)));
    }

    #[test]
    fn an_unknown_mode_or_database_is_refused() {
        assert!(matches!(
            config(&[("MIZEKHEDMAT_MODE", "staging")]),
            Err(ConfigError::UnknownMode(_))
        ));
        assert!(matches!(
            config(&[DEMO, ("DATABASE_URL", "mysql://x")]),
            Err(ConfigError::UnsupportedDatabase)
        ));
    }
}
