//! Counting the SQL statements a request runs (and the rows they return), from sqlx's own
//! per-statement log events. The counter is process-wide: the test runner (nextest) runs
//! every test in its own process, so one test's queries are not counted in another's.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Once;
use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

static STATEMENTS: AtomicU64 = AtomicU64::new(0);
static ROWS: AtomicU64 = AtomicU64::new(0);
static MEASURING: AtomicBool = AtomicBool::new(false);

struct Counter;

/// What one statement's log event says: its first words and the rows it returned.
#[derive(Default)]
struct Statement {
    summary: String,
    rows: u64,
}

impl Visit for Statement {
    fn record_u64(&mut self, field: &Field, value: u64) {
        if field.name() == "rows_returned" {
            self.rows = value;
        }
    }
    fn record_i64(&mut self, field: &Field, value: i64) {
        if field.name() == "rows_returned" {
            self.rows = value.max(0) as u64;
        }
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "summary" {
            self.summary = value.to_ascii_lowercase();
        }
    }
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "summary" {
            self.summary = format!("{value:?}").trim_matches('"').to_ascii_lowercase();
        }
    }
}

impl<S: Subscriber> Layer<S> for Counter {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        if MEASURING.load(Ordering::SeqCst) && event.metadata().target() == "sqlx::query" {
            let mut st = Statement::default();
            event.record(&mut st);
            // Reads and writes only: a new pooled connection's PRAGMAs and transaction
            // BEGIN/COMMIT come and go with the pool, not with the page.
            let data = ["select", "insert", "update", "delete", "with"]
                .iter()
                .any(|w| st.summary.trim_start().starts_with(w));
            if data {
                STATEMENTS.fetch_add(1, Ordering::SeqCst);
                ROWS.fetch_add(st.rows, Ordering::SeqCst);
            }
        }
    }
}

/// Install the counting subscriber once per process.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let filter = tracing_subscriber::filter::Targets::new()
            .with_target("sqlx::query", tracing::Level::TRACE);
        let subscriber = tracing_subscriber::registry().with(Counter.with_filter(filter));
        let _ = tracing::subscriber::set_global_default(subscriber);
    });
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub statements: u64,
    pub rows: u64,
}

/// Run `f` and count the statements and rows it caused.
pub async fn measure<T>(f: impl std::future::Future<Output = T>) -> (T, Stats) {
    install();
    STATEMENTS.store(0, Ordering::SeqCst);
    ROWS.store(0, Ordering::SeqCst);
    MEASURING.store(true, Ordering::SeqCst);
    let out = f.await;
    MEASURING.store(false, Ordering::SeqCst);
    let stats = Stats {
        statements: STATEMENTS.load(Ordering::SeqCst),
        rows: ROWS.load(Ordering::SeqCst),
    };
    (out, stats)
}
