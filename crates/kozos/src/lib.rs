//! The kozos binary's wiring, as a library so the integration tests boot exactly what
//! `kozos serve` boots.

pub mod bench_certificates;
pub mod bench_hello;
pub mod bench_indicators;
pub mod bench_search;
pub mod cli;
pub mod gazetteer_file;
pub mod logs;
pub mod national;
pub mod progress;
pub mod request_log;

use kozos_app::{App, Clock, Db};

/// Connect, migrate and (optionally) load the demo.
pub async fn open(database_url: &str, clock: Clock) -> anyhow_like::Result<App> {
    if let Some(path) = database_url.strip_prefix("sqlite://") {
        let file = path.split('?').next().unwrap_or("");
        if let Some(dir) = std::path::Path::new(file).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
        }
    }
    let db = Db::connect(database_url).await.map_err(|e| e.to_string())?;
    let app = App::new(db, clock);
    app.migrate().await.map_err(|e| e.to_string())?;
    Ok(app)
}

/// Errors at the binary's edge are reported as text and end the process.
pub mod anyhow_like {
    pub type Result<T> = std::result::Result<T, String>;
}
