//! `kozos bench-certificates` (see scripts/bench-certificates.sh): the bulk issue of a
//! training's certificates, timed, with the process's peak memory before and after.

/// Issue `completers` certificates the way the training page does (a batch, run by the
/// job) and report: seconds, certificates, stored PDF bytes, peak resident memory before
/// and after. Peak memory is the process's high-water mark (VmHWM), so the difference is
/// what issuing added at its worst moment.
pub async fn run(
    app: &kozos_app::App,
    programme: kozos_domain::ProgrammeId,
    completers: usize,
) -> Result<(), String> {
    let activity = kozos_app::demo::bench::certificate_fixture(app, programme, completers)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let mut conn = app.db.pool.acquire().await.map_err(|e| e.to_string())?;
    let admin_id = kozos_db::users::id_by_email(&mut conn, "admin@demo.kozos.hu")
        .await
        .map_err(|e| e.to_string())?
        .ok_or("load the demo first")?;
    drop(conn);
    let admin = kozos_db::users::get(&app.db, admin_id)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("no administrator")?;
    let before = peak_rss_kib();
    let started = std::time::Instant::now();
    let batch = kozos_app::participation::certificates::issue(app, &admin, activity)
        .await
        .map_err(|e| format!("{e:?}"))?;
    kozos_app::jobs::drain(app)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let seconds = started.elapsed().as_secs_f64();
    let after = peak_rss_kib();
    let (issued, bytes) = kozos_db::participation::certificates::totals(&app.db, activity)
        .await
        .map_err(|e| e.to_string())?;
    println!(
        "batch={} issued={issued} seconds={seconds:.3} pdf_bytes={bytes} peak_rss_before_kib={before} peak_rss_after_kib={after}",
        batch.id
    );
    Ok(())
}

/// The process's peak resident memory in KiB (Linux `VmHWM`; 0 where there is none).
pub(crate) fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
