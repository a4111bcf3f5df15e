//! The outbox and its worker against real servers: e-mail to a local SMTP
//! server (aiosmtpd, from Debian), SMS to an HTTP endpoint standing in for
//! the provider. Messages written while a provider is down, or before a
//! crash, are sent later.

mod support;

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine as _;
use chrono::{TimeDelta, Utc};
use sea_orm::EntityTrait;
use server::config::MessagingConfig;
use server::entities::outbox_message;
use server::messages::{Channel, Message, Transports, enqueue, worker::deliver_due};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("address")
        .port()
}

/// A real SMTP server writing every message it accepts into a Maildir.
struct SmtpServer {
    child: Child,
    port: u16,
    maildir: tempfile::TempDir,
}

impl SmtpServer {
    fn start() -> Self {
        let maildir = tempfile::tempdir().expect("maildir");
        let port = free_port();
        let child = Command::new("/usr/bin/python3")
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(maildir.path().join("mail"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd runs: `.ci/setup --test` installs python3-aiosmtpd");
        // Dropping the server stops the process, whether it started or not.
        let server = Self { child, port, maildir };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return server;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("aiosmtpd did not start listening on {port}");
    }

    /// Every message received, as raw RFC 5322 text.
    fn received(&self) -> Vec<String> {
        let new = self.maildir.path().join("mail").join("new");
        read_dir(&new)
    }
}

fn read_dir(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// The decoded text body of a single-part message.
fn body_of(raw: &str) -> String {
    let (headers, body) = raw
        .split_once("\n\n")
        .or_else(|| raw.split_once("\r\n\r\n"))
        .expect("headers and body");
    if headers.to_lowercase().contains("content-transfer-encoding: base64") {
        let joined: String = body.split_whitespace().collect();
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(joined)
                .expect("base64"),
        )
        .expect("utf-8")
    } else {
        body.to_owned()
    }
}

/// A stand-in SMS provider: records each request's authorisation and body.
async fn sms_provider(port: u16) -> Arc<Mutex<Vec<(String, serde_json::Value)>>> {
    use axum::{Json, Router, extract::State, http::HeaderMap, routing::post};
    let seen: Arc<Mutex<Vec<(String, serde_json::Value)>>> = Arc::default();
    let app =
        Router::new()
            .route(
                "/send",
                post(
                    |State(seen): State<Arc<Mutex<Vec<_>>>>,
                     headers: HeaderMap,
                     Json(body): Json<serde_json::Value>| async move {
                        let auth = headers
                            .get("authorization")
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or_default()
                            .to_owned();
                        seen.lock().expect("lock").push((auth, body));
                        "ok"
                    },
                ),
            )
            .with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .expect("provider port");
    tokio::spawn(async move { axum::serve(listener, app).await.ok() });
    seen
}

fn messaging(sms_port: u16, smtp_port: u16) -> MessagingConfig {
    MessagingConfig {
        sms_url: Some(format!("http://127.0.0.1:{sms_port}/send")),
        sms_key: Some(server::config::Secret::new("provider-key")),
        smtp_url: Some(server::config::Secret::new(&format!("smtp://127.0.0.1:{smtp_port}"))),
        mail_from: "Mizekhedmat <no-reply@desk.example.ir>".to_owned(),
    }
}

#[tokio::test]
async fn an_email_reaches_a_real_smtp_server_with_its_persian_text_intact() {
    let smtp = SmtpServer::start();
    for t in support::databases().await {
        let transports = Transports::from_config(&messaging(free_port(), smtp.port)).expect("transports");
        let body = format!(
            "سلام {}؛ پیوند فعال‌سازی: https://desk.example.ir/activate/email?token=abc",
            t.engine
        );
        enqueue(
            &t.db,
            Message {
                channel: Channel::Email,
                recipient: "sara@example.ir".into(),
                subject: Some("فعال‌سازی حساب".into()),
                body: body.clone(),
            },
        )
        .await
        .expect("queued");
        assert_eq!(
            deliver_due(&t.db, &transports, Utc::now()).await.expect("delivered"),
            1,
            "{}",
            t.engine
        );
        let received = smtp.received();
        let mail = received
            .iter()
            .find(|m| body_of(m).contains(t.engine))
            .expect("the mail arrived");
        assert!(mail.contains("sara@example.ir"), "{mail}");
        assert_eq!(body_of(mail).trim_end(), body);
        let row = outbox_message::Entity::find()
            .one(&t.db)
            .await
            .expect("read")
            .expect("row");
        assert!(row.sent_at.is_some(), "marked sent");
    }
}

#[tokio::test]
async fn an_sms_written_while_the_provider_is_down_is_sent_after_a_restart_once_it_is_back() {
    for t in support::databases().await {
        let sms_port = free_port();
        // Nothing listens on the provider's port yet, as when it is down.
        let down = Transports::from_config(&messaging(sms_port, free_port())).expect("transports");
        enqueue(
            &t.db,
            Message {
                channel: Channel::Sms,
                recipient: "09120000001".into(),
                subject: None,
                body: format!("کد: {}", server::messages::secrets::mark("۱۲۳۴۵۶")),
            },
        )
        .await
        .expect("queued with the change that caused it");
        assert_eq!(deliver_due(&t.db, &down, Utc::now()).await.expect("tried"), 0);
        let row = outbox_message::Entity::find()
            .one(&t.db)
            .await
            .expect("read")
            .expect("row");
        assert_eq!(row.attempts, 1);
        assert!(
            row.sent_at.is_none() && row.last_error.is_some(),
            "{}: kept for a retry",
            t.engine
        );
        assert!(
            row.next_attempt_at > Utc::now(),
            "retried after a back-off, not at once"
        );
        assert_eq!(
            deliver_due(&t.db, &down, Utc::now()).await.expect("tried"),
            0,
            "not before the back-off"
        );

        // The process restarts with new transports; the provider is back.
        let seen = sms_provider(sms_port).await;
        let restarted = Transports::from_config(&messaging(sms_port, free_port())).expect("transports");
        let later = row.next_attempt_at + TimeDelta::seconds(1);
        assert_eq!(
            deliver_due(&t.db, &restarted, later).await.expect("sent"),
            1,
            "{}",
            t.engine
        );
        let seen = seen.lock().expect("lock").clone();
        assert_eq!(seen.len(), 1, "sent exactly once");
        assert_eq!(seen[0].0, "Bearer provider-key");
        assert_eq!(seen[0].1["to"], "09120000001");
        assert_eq!(seen[0].1["text"], "کد: ۱۲۳۴۵۶", "the person gets the code itself");
        let kept = outbox_message::Entity::find()
            .one(&t.db)
            .await
            .expect("read")
            .expect("row")
            .body;
        assert!(
            !kept.contains("۱۲۳۴۵۶") && kept.contains(server::messages::secrets::REDACTED),
            "{}: the code is not kept once delivered: {kept}",
            t.engine
        );
        assert_eq!(
            deliver_due(&t.db, &restarted, later + TimeDelta::hours(2))
                .await
                .expect("idle"),
            0,
            "never twice"
        );
    }
}

#[tokio::test]
async fn the_demo_keeps_its_codes_readable_since_it_sends_nothing() {
    for t in support::databases().await {
        enqueue(
            &t.db,
            Message {
                channel: Channel::Sms,
                recipient: "09120000003".into(),
                subject: None,
                body: format!("کد: {}", server::messages::secrets::mark("۶۵۴۳۲۱")),
            },
        )
        .await
        .expect("queued");
        let kept = Transports::from_config(&MessagingConfig::default()).expect("the demo's keeper");
        assert_eq!(deliver_due(&t.db, &kept, Utc::now()).await.expect("kept"), 1);
        let row = outbox_message::Entity::find()
            .one(&t.db)
            .await
            .expect("read")
            .expect("row");
        assert!(row.sent_at.is_some(), "{}", t.engine);
        assert_eq!(
            server::messages::secrets::readable(&row.body),
            "کد: ۶۵۴۳۲۱",
            "{}: /dev/messages is the demo's only way to the code",
            t.engine
        );
    }
}
