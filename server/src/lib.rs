//! The Mizekhedmat server: configuration, database, demo data, and the axum
//! application that renders the shared Leptos pages and answers server
//! functions. `main.rs` only calls [`run`].

pub mod accounts;
pub mod audit;
pub mod cartable;
pub mod catalogue;
pub mod config;
pub mod db;
pub mod demo;
pub mod design;
pub mod directory;
pub mod entities;
pub mod errors;
pub mod http;
pub mod messages;
pub mod networks;
pub mod organisation_admin;
pub mod passwords;
pub mod rate_limit;
pub mod registration;
pub mod requests;
pub mod second_factor;
pub mod sessions;
pub mod staff_admin;
pub mod state;
pub mod storage;
pub mod telemetry;
pub mod tracking;

use std::process::ExitCode;

use axum::serve::ListenerExt;

use crate::config::Config;
use crate::state::AppState;

/// Starts the service desk with the configuration in the environment and
/// serves until SIGTERM or Ctrl-C, finishing the requests under way.
pub async fn run() -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("mizekhedmat: configuration refused: {error}");
            return ExitCode::FAILURE;
        }
    };
    telemetry::init(&config);
    match serve(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(error = %error, "the server stopped with an error");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let leptos = config.leptos_options();
    let db = db::connect(&config).await?;
    if config.mode.is_demo() {
        demo::seed(&db).await?;
    }
    let address = leptos.site_addr;
    let state_is_demo = config.mode.is_demo();
    let transports = messages::Transports::from_config(&config.messaging)?;
    let worker = messages::worker::spawn(db.clone(), transports);
    let housekeeping = tokio::spawn(housekeeping(db.clone()));
    let state = AppState::new(config, db, leptos);
    let app = http::router(state);
    // Nagle's algorithm holds back the last small segment of a streamed page
    // until the browser's delayed ACK arrives (about 40 ms on Linux), on
    // every response of a kept-alive connection: send each write at once.
    let listener = tokio::net::TcpListener::bind(address).await?.tap_io(|stream| {
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!(%error, "TCP_NODELAY could not be set on a connection");
        }
    });
    tracing::info!(%address, "mizekhedmat is listening");
    if state_is_demo {
        println!("{}", demo::accounts_banner(&format!("http://{address}")));
    }
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    // Unsent messages stay in the outbox for the next start.
    worker.abort();
    housekeeping.abort();
    tracing::info!("mizekhedmat stopped cleanly");
    Ok(())
}

/// Deletes what can no longer be used and tells staff about overdue
/// steps, every ten minutes.
async fn housekeeping(db: sea_orm::DatabaseConnection) {
    loop {
        if let Err(error) = registration::captcha::delete_stale(&db).await {
            tracing::warn!(%error, "stale captchas could not be deleted");
        }
        let now = chrono::Utc::now();
        if let Err(error) = registration::codes::delete_stale(&db, now).await {
            tracing::warn!(%error, "expired one-time codes could not be deleted");
        }
        if let Err(error) = sessions::delete_stale_sessions(&db, now).await {
            tracing::warn!(%error, "ended sessions could not be deleted");
        }
        if let Err(error) = messages::secrets::redact_expired(&db, now).await {
            tracing::warn!(%error, "expired codes in the outbox could not be redacted");
        }
        match requests::overdue::sweep(&db, now).await {
            Ok(0) => {}
            Ok(told) => tracing::info!(told, "overdue steps reminded and escalated"),
            Err(error) => tracing::warn!(%error, "overdue steps could not be checked"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(600)).await;
    }
}

/// Resolves on SIGTERM (what service managers send) or Ctrl-C.
async fn shutdown_signal() {
    let ctrl_c = async {
        // If the handler cannot be installed there is no Ctrl-C to wait for.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested; finishing requests under way");
}
