//! The binary as a service manager runs it: it refuses unsafe production
//! settings, starts on an empty folder, answers health checks, and stops
//! cleanly on SIGTERM.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mizekhedmat"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    command
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn health(port: u16) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    Some(answer)
}

fn wait_for_exit(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[test]
fn production_mode_without_its_own_secret_refuses_to_start_and_says_why() {
    let output = binary()
        .env("MIZEKHEDMAT_MODE", "production")
        .env("DATABASE_URL", "postgres://nowhere.invalid/desk")
        .output()
        .expect("binary runs");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("MIZEKHEDMAT_SECRET"));
}

#[test]
fn with_no_mode_set_the_binary_is_production_and_will_not_start_as_a_demo() {
    let data = tempfile::tempdir().expect("temporary folder");
    let output = binary()
        .env("MIZEKHEDMAT_DATA_DIR", data.path())
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{}", free_port()))
        .output()
        .expect("binary runs");
    assert!(
        !output.status.success(),
        "a forgotten MIZEKHEDMAT_MODE must not start a demo"
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("production mode needs MIZEKHEDMAT_SECRET"));
    assert!(
        std::fs::read_dir(data.path()).expect("folder").next().is_none(),
        "nothing was created, no demo data seeded"
    );
}

#[test]
fn the_demo_refuses_to_listen_beyond_this_machine_unless_told_to() {
    let output = binary()
        .env("MIZEKHEDMAT_MODE", "demo")
        .env("LEPTOS_SITE_ADDR", format!("0.0.0.0:{}", free_port()))
        .output()
        .expect("binary runs");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("MIZEKHEDMAT_DEMO_PUBLIC=yes"));
}

#[test]
fn the_demo_starts_on_an_empty_folder_answers_health_and_stops_cleanly_on_sigterm() {
    let data = tempfile::tempdir().expect("temporary folder");
    let port = free_port();
    let mut child = binary()
        .env("MIZEKHEDMAT_MODE", "demo")
        .env("MIZEKHEDMAT_DATA_DIR", data.path())
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", data.path())
        .env("MIZEKHEDMAT_LOG_FORMAT", "json")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");

    let start = Instant::now();
    let answer = loop {
        if let Some(answer) = health(port) {
            break answer;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no health answer within a minute"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        data.path().join("mizekhedmat.db").exists(),
        "the SQLite file is created in the data folder"
    );

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = wait_for_exit(&mut child, Duration::from_secs(10)).expect("stops within 10 s of SIGTERM");
    assert!(status.success(), "exit status {status:?}");

    let mut logs = String::new();
    child.stdout.take().map(|mut out| out.read_to_string(&mut logs));
    assert!(logs.contains("Demo accounts"), "the demo prints its accounts: {logs}");
    assert!(
        logs.contains("\"request_id\""),
        "requests are logged as JSON with their id: {logs}"
    );
    assert!(logs.contains("stopped cleanly"), "{logs}");
}
