//! `kozos bench-search` (see scripts/bench-search.sh): on a database holding the national
//! data set (loaded by `kozos bench-indicators --load-only`, which now also writes the
//! community records and builds the search index), searches timed warm through the same
//! use case the search page and the API call: 3 warm-ups, then the median and 95th
//! percentile of 20 runs per query. The queries are what readers type: a very common
//! word, its inflected form, two words, a rare word, words without accents, a word cut
//! short while typing, a filtered search, and staff searches (a project manager sees
//! their programme's internal records too, the national coordinator everything).
//! It also names the programme and settlement with the most memos, for the script's
//! load test of their Information Points.

use crate::bench_indicators::{e, ms, time, user};
use kozos_app::search::{search, Request};
use kozos_app::App;
use kozos_domain::search::DocKind;

/// What a warm search may take at the 95th percentile.
const TARGET_MS: f64 = 50.0;

pub async fn run(app: &App, warm: usize, runs: usize) -> Result<(), String> {
    let national = user(app, "orszagos@demo.kozos.hu").await?;
    let pm = user(app, "projektmenedzser@demo.kozos.hu").await?;
    let mut conn = app.db.pool.acquire().await.map_err(e)?;
    let (programme, place) = kozos_db::bulk::most_memos(&mut conn)
        .await
        .map_err(e)?
        .ok_or("no published memos: load the national data set first")?;
    let (docs, postings) = kozos_db::search::size(&mut conn).await.map_err(e)?;
    drop(conn);
    println!(
        "index docs={docs} postings={postings} busiest_programme={programme} its_place={}",
        place.map_or(0, |p| p.0)
    );
    let ask = |q: &str| Request {
        q: q.to_string(),
        kind: None,
        programme: None,
        place: None,
        page: 1,
    };
    let cases = [
        ("common word", None, ask("közösség")),
        ("inflected", None, ask("közösségekkel")),
        ("two words", None, ask("közösségi kert")),
        ("rare word", None, ask("kosárfonás")),
        ("no accents", None, ask("kozossegi haz")),
        ("typing a prefix", None, ask("helytört")),
        (
            "memos of one programme",
            None,
            Request {
                kind: Some(DocKind::Memo),
                programme: Some(programme),
                ..ask("lakók")
            },
        ),
        (
            "page 5",
            None,
            Request {
                page: 5,
                ..ask("program")
            },
        ),
        ("staff: project manager", Some(&pm), ask("beszélgetés")),
        (
            "staff: national coordinator",
            Some(&national),
            ask("közösség"),
        ),
    ];
    let mut worst = 0.0f64;
    for (name, who, req) in &cases {
        let total = search(app, *who, req).await.map_err(e)?.total;
        let (median, p95) = time(warm, runs, || async {
            search(app, *who, req).await.map(|_| ()).map_err(e)
        })
        .await?;
        worst = worst.max(p95.as_secs_f64() * 1000.0);
        println!(
            "search case=\"{name}\" q=\"{}\" total={total} median_ms={} p95_ms={}",
            req.q,
            ms(median),
            ms(p95)
        );
    }
    println!(
        "summary search worst_p95_ms={worst:.1} target_ms={TARGET_MS} {}",
        if worst < TARGET_MS { "met" } else { "MISSED" }
    );
    Ok(())
}
