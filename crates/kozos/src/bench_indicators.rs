//! `kozos bench-indicators` (see scripts/bench-indicators.sh): the national data set
//! loaded into the database (phase by phase, with the loader's peak memory and the
//! database's size), then the indicator reads timed warm as the national coordinator
//! reads them: the country's and a county's roll-up (`place_rollup`) and the busiest
//! programme's dashboard and its progress report as XLSX; then one check-in of a new person through the roster (so
//! indicator maintenance runs in its transaction), and the national figure read right
//! after the commit must have moved by exactly one.
//!
//! Run it twice: with `--load-only` into a fresh database (the loader's figures), then
//! without (the database is loaded, so it only reads: its peak memory is a server's).

use kozos_app::demo::national::{self, Options};
use kozos_app::indicators::{dashboard, place_rollup};
use kozos_app::App;
use kozos_domain::participation::PersonForm;
use kozos_domain::place::decode_lineage;
use kozos_domain::{PlaceId, ProgrammeId};
use std::time::{Duration, Instant};

const NATIONAL: &str = "orszagos@demo.kozos.hu";
const ADMIN: &str = "admin@demo.kozos.hu";
/// The participants of the local-identity call: the figure a check-in moves.
const KEY: &str = "TOP-5.3.1-16/T531-1";

pub(crate) fn e(x: impl std::fmt::Debug) -> String {
    format!("{x:?}")
}

pub(crate) async fn user(app: &App, email: &str) -> Result<kozos_domain::user::User, String> {
    let mut conn = app.db.pool.acquire().await.map_err(e)?;
    let id = kozos_db::users::id_by_email(&mut conn, email)
        .await
        .map_err(e)?
        .ok_or(format!("{email} missing: load the demo first"))?;
    drop(conn);
    kozos_db::users::get(&app.db, id)
        .await
        .map_err(e)?
        .ok_or(format!("{email} missing"))
}

/// Median and 95th percentile of `runs` timed calls after `warm` untimed ones.
pub(crate) async fn time<F, Fut>(
    warm: usize,
    runs: usize,
    mut f: F,
) -> Result<(Duration, Duration), String>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(), String>>,
{
    for _ in 0..warm {
        f().await?;
    }
    let mut took = Vec::with_capacity(runs);
    for _ in 0..runs {
        let at = Instant::now();
        f().await?;
        took.push(at.elapsed());
    }
    took.sort();
    let p95 = took[(runs * 95).div_ceil(100).max(1) - 1];
    Ok((took[runs / 2], p95))
}

pub(crate) fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// The country's T531-1 value as the national coordinator reads it.
async fn national_figure(
    app: &App,
    who: &kozos_domain::user::User,
    country: PlaceId,
) -> Result<i64, String> {
    let r = place_rollup(app, Some(who), country, None)
        .await
        .map_err(e)?;
    Ok(r.lines
        .iter()
        .find(|l| l.template.key == KEY)
        .and_then(|l| l.value)
        .unwrap_or(0))
}

pub async fn run(
    app: &App,
    options: Options,
    load_only: bool,
    warm: usize,
    runs: usize,
) -> Result<(), String> {
    if national::loaded(app).await.map_err(e)?.is_none() {
        let report = national::load(app, &options, &mut crate::progress::Line::default())
            .await
            .map_err(e)?;
        for p in &report.phases {
            println!(
                "load phase={} rows={} seconds={:.1}",
                p.name.replace(' ', "_"),
                p.rows,
                p.time.as_secs_f64()
            );
        }
        let mut conn = app.db.pool.acquire().await.map_err(e)?;
        let bytes = kozos_db::bulk::database_bytes(&mut conn).await.map_err(e)?;
        println!(
            "load total_seconds={:.1} database_bytes={bytes} peak_rss_kib={}",
            report.total().as_secs_f64(),
            crate::bench_certificates::peak_rss_kib()
        );
    }
    if load_only {
        return Ok(());
    }
    let reader = user(app, NATIONAL).await?;
    let admin = user(app, ADMIN).await?;
    let mut conn = app.db.pool.acquire().await.map_err(e)?;
    let (programme, lineage, activity) =
        kozos_db::bulk::busiest_programme(&mut conn, "TOP-5.3.1-16-", KEY, app.clock.instant())
            .await
            .map_err(e)?
            .ok_or("no programme with attendance: load the national data set")?;
    drop(conn);
    let lineage = decode_lineage(&lineage);
    let (country, county) = (lineage[0], lineage[1]);
    let one = |place: PlaceId| {
        let (app, reader) = (app, &reader);
        move || async move {
            place_rollup(app, Some(reader), place, None)
                .await
                .map(|_| ())
                .map_err(e)
        }
    };
    let (n_med, n_p95) = time(warm, runs, one(country)).await?;
    let (c_med, c_p95) = time(warm, runs, one(county)).await?;
    let (p_med, p_p95) = time(warm, runs, || async {
        dashboard(app, &reader, ProgrammeId(programme.0), None)
            .await
            .map(|_| ())
            .map_err(e)
    })
    .await?;
    println!(
        "read national median_ms={} p95_ms={} target_ms=500",
        ms(n_med),
        ms(n_p95)
    );
    println!(
        "read county place={} median_ms={} p95_ms={} target_ms=200",
        county.0,
        ms(c_med),
        ms(c_p95)
    );
    println!(
        "read programme id={} median_ms={} p95_ms={} target_ms=50",
        programme.0,
        ms(p_med),
        ms(p_p95)
    );
    // The busiest programme's progress report for this year, read and written as XLSX
    // the way its download does.
    let year = kozos_domain::indicator::ReportPeriod::Year(app.clock.today().year());
    let bytes = std::cell::Cell::new(0);
    let (x_med, x_p95) = time(1, 5, || async {
        let r = kozos_app::indicators::report::report(app, &reader, ProgrammeId(programme.0), year)
            .await
            .map_err(e)?;
        bytes.set(kozos_web::report_xlsx(&r)?.len());
        Ok(())
    })
    .await?;
    println!(
        "report xlsx id={} bytes={} median_ms={} p95_ms={} target_ms=2000",
        programme.0,
        bytes.get(),
        ms(x_med),
        ms(x_p95)
    );

    let before = national_figure(app, &reader, country).await?;
    let form = PersonForm {
        name: "Mérő Márta".into(),
        birth_year: "1980".into(),
        ..PersonForm::default()
    };
    let at = Instant::now();
    kozos_app::participation::roster::walk_in(app, &admin, activity, &form, None)
        .await
        .map_err(e)?;
    let checkin = at.elapsed();
    let after = national_figure(app, &reader, country).await?;
    println!(
        "checkin activity={} ms={} national_before={before} national_after={after} visible={}",
        activity.0,
        ms(checkin),
        after == before + 1
    );
    println!("peak_rss_kib={}", crate::bench_certificates::peak_rss_kib());
    println!(
        "summary {} national={}/{} county={}/{} programme={}/{} ms (median/p95) checkin_visible={} peak_rss_mib={}",
        match app.db.backend {
            kozos_db::Backend::Sqlite => "SQLite",
            kozos_db::Backend::Postgres => "PostgreSQL",
        },
        ms(n_med),
        ms(n_p95),
        ms(c_med),
        ms(c_p95),
        ms(p_med),
        ms(p_p95),
        after == before + 1,
        crate::bench_certificates::peak_rss_kib() / 1024
    );
    if after != before + 1 {
        return Err(format!(
            "the national figure went from {before} to {after} after one check-in"
        ));
    }
    Ok(())
}
