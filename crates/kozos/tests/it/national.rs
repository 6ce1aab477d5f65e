//! The national data set, tiny: its indicators are built in bulk, and the honesty check
//! of that bulk path is that every member, reach and daily row equals what the maintained
//! path (`touch`, indicator by indicator) computes from the same records, and that the
//! national coordinator reads the same figures from either.

use crate::both;
use crate::harness::*;
use kozos_app::demo::national::{self, Options, Quiet};
use kozos_app::indicators::{dashboard, place_rollup};
use kozos_db::indicators::{self as ind_db, Touch};
use kozos_domain::{PlaceId, ProgrammeId};
use sqlx::Row;

const NATIONAL: &str = "orszagos@demo.kozos.hu";

fn tiny() -> Options {
    Options {
        people: 3_000,
        activities: 160,
        attendance: 4_000,
        programmes: 14,
        mentors: 3,
        communities: 25,
        seed: 11,
    }
}

type Rows = Vec<Vec<String>>;

/// Every row of the three value tables, as text, in a fixed order.
async fn snapshot(t: &TestApp) -> [Rows; 3] {
    let mut out: [Rows; 3] = Default::default();
    let queries = [
        "SELECT indicator_id, item, place_id, on_date, amount, via FROM indicator_members \
         ORDER BY indicator_id, item, place_id",
        "SELECT key_id, scope, item, on_date, amount, via FROM indicator_reach ORDER BY key_id, scope, item",
        "SELECT key_id, scope, on_date, n, amount FROM indicator_daily ORDER BY key_id, scope, on_date",
    ];
    for (slot, sql) in out.iter_mut().zip(queries) {
        for r in sqlx::query(sql).fetch_all(&t.app.db.pool).await.unwrap() {
            let cols = (0..r.len())
                .map(|i| match r.try_get::<Option<i64>, _>(i) {
                    Ok(v) => format!("{v:?}"),
                    Err(_) => r.get::<String, _>(i),
                })
                .collect();
            slot.push(cols);
        }
    }
    out
}

fn same(what: &str, bulk: &Rows, maintained: &Rows) {
    if let Some(i) = (0..bulk.len().min(maintained.len())).find(|&i| bulk[i] != maintained[i]) {
        panic!(
            "{what}: row {i} differs: bulk {:?}, maintained {:?}",
            bulk[i], maintained[i]
        );
    }
    assert_eq!(bulk.len(), maintained.len(), "{what}: row counts differ");
}

/// What the national coordinator reads: the country, a county, a national programme.
async fn figures(t: &TestApp, county: PlaceId, programme: ProgrammeId) -> Vec<String> {
    let user = t.user(NATIONAL).await;
    let mut out = Vec::new();
    for place in [PlaceId(country(t).await), county] {
        let r = place_rollup(&t.app, Some(&user), place, None)
            .await
            .unwrap();
        assert!(r.staff);
        for l in &r.lines {
            out.push(format!(
                "{} {} {:?} {:?}",
                place.0, l.template.code, l.value, l.children
            ));
        }
    }
    let d = dashboard(&t.app, &user, programme, None).await.unwrap();
    for l in &d.lines {
        out.push(format!(
            "{} {} {} {:?}",
            l.indicator.code, l.value, l.to_date, l.months
        ));
    }
    out
}

async fn country(t: &TestApp) -> i64 {
    kozos_db::places::children(&t.app.db, None).await.unwrap()[0]
        .id
        .0
}

both!(
    the_bulk_built_indicators_are_what_touch_maintains,
    |t: TestApp| async move {
        let report = national::load(&t.app, &tiny(), &mut Quiet).await.unwrap();
        // Tiny pools (a few people per district) cap the turnouts below what was asked.
        let attendance = report.rows("attendance");
        assert!(attendance >= 1_000, "{attendance} attendance rows");
        // The community records went in, and everything is in the search index.
        assert!(
            report.rows("community") > 14 * 4,
            "memos, 3 initiatives and an item a programme"
        );
        // (An occurrence of a series that is just the series is found as the series.)
        for (records, indexed) in [
            ("SELECT COUNT(*) FROM memos", "kind = 'memo'"),
            ("SELECT COUNT(*) FROM initiatives", "kind = 'initiative'"),
            (
                "SELECT COUNT(*) FROM knowledge_items",
                "kind IN ('practice', 'publication', 'video', 'study')",
            ),
            (
                "SELECT COUNT(*) FROM activities WHERE series_id IS NULL",
                "kind = 'activity' AND ref_id IN (SELECT id FROM activities WHERE series_id IS NULL)",
            ),
        ] {
            let count = |sql: String| {
                let pool = t.app.db.pool.clone();
                async move { sqlx::query_scalar::<_, i64>(&sql).fetch_one(&pool).await.unwrap() }
            };
            let made = count(records.to_string()).await;
            let found = count(format!("SELECT COUNT(*) FROM search_docs WHERE {indexed}")).await;
            assert_eq!(found, made, "{records}: all in the index");
        }
        let found = kozos_app::search::search(
            &t.app,
            None,
            &kozos_app::search::Request {
                q: "lakok kozosseg".into(),
                kind: Some(kozos_domain::search::DocKind::Memo),
                programme: None,
                place: None,
                page: 1,
            },
        )
        .await
        .unwrap();
        assert!(found.total > 0, "the national memos are found");
        let stored: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM attendance WHERE route = 'roster' AND recorded_by IS NULL",
        )
        .fetch_one(&t.app.db.pool)
        .await
        .unwrap();
        assert!(stored as u64 >= attendance);
        // Every settlement of the country is in the tree.
        let settlements: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM places WHERE kind = 'settlement'")
                .fetch_one(&t.app.db.pool)
                .await
                .unwrap();
        assert!(settlements >= 3_177, "{settlements} settlements");

        // The busiest national programme of the local-identity call, and its county.
        let row = sqlx::query(
            "SELECT a.programme_id, pl.lineage FROM attendance t JOIN activities a ON a.id = t.activity_id \
             JOIN programmes p ON p.id = a.programme_id JOIN places pl ON pl.id = p.place_id \
             WHERE p.code LIKE 'TOP-5.3.1-16-%' AND p.description LIKE 'Országos mintaadat%' \
             GROUP BY a.programme_id, pl.lineage ORDER BY COUNT(*) DESC, a.programme_id LIMIT 1",
        )
        .fetch_one(&t.app.db.pool)
        .await
        .unwrap();
        let programme = ProgrammeId(row.get::<i64, _>(0));
        let county = PlaceId(kozos_domain::place::decode_lineage(&row.get::<String, _>(1))[1].0);
        let seen = figures(&t, county, programme).await;
        let bulk = snapshot(&t).await;
        assert!(!bulk[0].is_empty() && !bulk[1].is_empty() && !bulk[2].is_empty());

        // Forget everything computed, then let touch compute every indicator again.
        for table in ["indicator_members", "indicator_reach", "indicator_daily"] {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&t.app.db.pool)
                .await
                .unwrap();
        }
        let all: Vec<(i64, i64)> =
            sqlx::query_as("SELECT programme_id, id FROM indicators ORDER BY id")
                .fetch_all(&t.app.db.pool)
                .await
                .unwrap();
        for (p, id) in all {
            let mut tx = t.app.db.begin().await.unwrap();
            ind_db::touch(
                &mut tx,
                ProgrammeId(p),
                Touch::Indicator(kozos_domain::IndicatorId(id)),
            )
            .await
            .unwrap();
            tx.commit().await.unwrap();
        }
        let maintained = snapshot(&t).await;
        same("indicator_members", &bulk[0], &maintained[0]);
        same("indicator_reach", &bulk[1], &maintained[1]);
        same("indicator_daily", &bulk[2], &maintained[2]);
        assert_eq!(figures(&t, county, programme).await, seen);

        // The data set goes in once.
        let again = national::load(&t.app, &tiny(), &mut Quiet)
            .await
            .unwrap_err();
        assert!(again.to_string().contains("not loaded twice"), "{again}");
    }
);
