//! `kozos bench-hello`: a bare axum server answering "hello" on the same tokio runtime and
//! build profile as `kozos serve`, no database, no middleware, no log line per request.
//! `scripts/bench.sh` loads it in the same run as the real pages, so their requests/s can
//! be read as a share of what the machine serves at best.

use std::net::SocketAddr;

pub async fn serve(bind: SocketAddr) -> Result<(), String> {
    let router = axum::Router::new().route("/", axum::routing::get(|| async { "hello" }));
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .map_err(|e| format!("bind {bind}: {e}"))?;
    tracing::info!(address = %bind, "bench-hello listening");
    axum::serve(listener, router)
        .with_graceful_shutdown(crate::cli::shutdown_signal())
        .await
        .map_err(|e| e.to_string())
}
