//! The `mizekhedmat` binary.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    server::run().await
}
