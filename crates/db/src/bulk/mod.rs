//! Loading many rows at once (the national demo data set): multi-row INSERTs filled up to
//! the engines' limits on bound parameters (SQLite 32 766, PostgreSQL 65 535), with the
//! same statement text for every full batch, so each connection prepares it once. Rows are
//! buffered only up to one statement: a caller streams millions of rows through a writer
//! without holding them.
//!
//! These writers insert records as they are, without the per-row work the use cases do
//! (indicator maintenance, audit entries): whoever loads in bulk rebuilds the indicators
//! afterwards with `indicators::bulk`.

mod community;
pub use community::*;

use crate::{Conn, DbError};
use kozos_domain::activity::ActivityKind;
use kozos_domain::text::name_key;
use kozos_domain::time::Instant;
use kozos_domain::*;

/// Bound parameters per statement: under SQLite's limit (32 766), and so PostgreSQL's.
const MAX_BINDS: usize = 32_000;
/// Rows per statement at most, however narrow the row: very long statements cost more to
/// parse than they save.
const MAX_ROWS: usize = 4_000;

#[derive(Clone)]
pub(crate) enum Cell {
    Int(i64),
    OptInt(Option<i64>),
    Text(String),
    OptText(Option<String>),
}

/// A multi-row INSERT: `head` is `INSERT INTO t (a, b, c) VALUES `, `row` one row's tuple
/// with `?1`, `?2` … standing for its bound values (a value may appear twice, constants
/// are written in), `binds` how many values a row has.
///
/// On PostgreSQL the values are `$n`. On SQLite they are anonymous `?` (a value used
/// twice is bound twice): SQLite looks up numbered and named parameters by a linear scan,
/// so a statement with thousands of `$n` takes quadratic time to prepare and bind.
pub(crate) struct Inserter {
    head: String,
    /// The row's text between its values, and which value comes after each piece.
    pieces: Vec<String>,
    order: Vec<usize>,
    binds: usize,
    per_statement: usize,
    full: Option<(bool, String)>,
    cells: Vec<Cell>,
    /// Rows written so far.
    pub written: u64,
}

impl Inserter {
    pub(crate) fn new(head: &str, row: &str, binds: usize) -> Inserter {
        // Split the row at its ?n markers.
        let mut pieces = vec![String::new()];
        let mut order = Vec::new();
        let mut chars = row.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
                let mut n = 0usize;
                while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                    n = n * 10 + d as usize;
                    chars.next();
                }
                order.push(n);
                pieces.push(String::new());
            } else {
                pieces.last_mut().expect("one at least").push(c);
            }
        }
        let per_statement = (MAX_BINDS / binds.max(order.len())).min(MAX_ROWS);
        Inserter {
            head: head.to_string(),
            pieces,
            order,
            binds,
            per_statement,
            full: None,
            cells: Vec::with_capacity(per_statement * binds),
            written: 0,
        }
    }

    fn sql(&self, rows: usize, sqlite: bool) -> String {
        let mut sql = String::with_capacity(self.head.len() + rows * 64);
        sql.push_str(&self.head);
        for r in 0..rows {
            if r > 0 {
                sql.push(',');
            }
            for (i, piece) in self.pieces.iter().enumerate() {
                sql.push_str(piece);
                if let Some(n) = self.order.get(i) {
                    if sqlite {
                        sql.push('?');
                    } else {
                        sql.push_str(&format!("${}", r * self.binds + n));
                    }
                }
            }
        }
        sql
    }

    /// Add one row (exactly `binds` cells); writes a statement when the batch is full.
    pub(crate) async fn add(
        &mut self,
        conn: &mut Conn,
        row: impl IntoIterator<Item = Cell>,
    ) -> Result<(), DbError> {
        self.cells.extend(row);
        debug_assert_eq!(self.cells.len() % self.binds, 0);
        if self.cells.len() >= self.per_statement * self.binds {
            self.flush(conn).await?;
        }
        Ok(())
    }

    /// Write what is buffered.
    pub(crate) async fn flush(&mut self, conn: &mut Conn) -> Result<(), DbError> {
        let rows = self.cells.len() / self.binds;
        if rows == 0 {
            return Ok(());
        }
        let sqlite = conn.backend_name() == "SQLite";
        let sql = if rows == self.per_statement {
            match &self.full {
                Some((engine, sql)) if *engine == sqlite => sql.clone(),
                _ => {
                    let sql = self.sql(rows, sqlite);
                    self.full = Some((sqlite, sql.clone()));
                    sql
                }
            }
        } else {
            self.sql(rows, sqlite)
        };
        let mut q = sqlx::query(&sql);
        let cells = std::mem::take(&mut self.cells);
        if sqlite {
            for row in cells.chunks(self.binds) {
                for &n in &self.order {
                    q = bind(q, row[n - 1].clone());
                }
            }
        } else {
            for c in cells {
                q = bind(q, c);
            }
        }
        q.execute(&mut *conn).await?;
        self.cells = Vec::with_capacity(self.per_statement * self.binds);
        self.written += rows as u64;
        Ok(())
    }
}

type Query<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

fn bind(q: Query<'_>, c: Cell) -> Query<'_> {
    match c {
        Cell::Int(v) => q.bind(v),
        Cell::OptInt(v) => q.bind(v),
        Cell::Text(v) => q.bind(v),
        Cell::OptText(v) => q.bind(v),
    }
}

/// The tables whose new ids a loader reads back.
#[derive(Debug, Clone, Copy)]
pub enum Table {
    People,
    Activities,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::People => "people",
            Table::Activities => "activities",
        }
    }
}

/// The highest id in the table (0 when empty): rows inserted after this read have
/// higher ones.
pub async fn max_id(conn: &mut Conn, table: Table) -> Result<i64, DbError> {
    let sql = format!("SELECT COALESCE(MAX(id), 0) FROM {}", table.name());
    Ok(sqlx::query_scalar::<_, i64>(&sql)
        .fetch_one(&mut *conn)
        .await?)
}

/// The ids above `after`, in order (a single writer inserting in order gets them in the
/// order it inserted).
pub async fn ids_after(conn: &mut Conn, table: Table, after: i64) -> Result<Vec<i64>, DbError> {
    let sql = format!("SELECT id FROM {} WHERE id > $1 ORDER BY id", table.name());
    Ok(sqlx::query_scalar::<_, i64>(&sql)
        .bind(after)
        .fetch_all(&mut *conn)
        .await?)
}

/// People of the registry: a name, a birth year and where they live.
pub struct PeopleWriter {
    rows: Inserter,
    now: String,
}

impl PeopleWriter {
    pub fn new(now: Instant) -> PeopleWriter {
        PeopleWriter {
            rows: Inserter::new(
                "INSERT INTO people (programme_id, name, name_key, birth_year, place_id, created_at, updated_at) VALUES ",
                "(?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                6,
            ),
            now: now.stored(),
        }
    }

    pub async fn add(
        &mut self,
        conn: &mut Conn,
        programme: Option<ProgrammeId>,
        name: &str,
        birth_year: Option<i32>,
        place: Option<PlaceId>,
    ) -> Result<(), DbError> {
        let row = [
            Cell::OptInt(programme.map(|p| p.0)),
            Cell::Text(name.to_string()),
            Cell::Text(name_key(name)),
            Cell::OptInt(birth_year.map(i64::from)),
            Cell::OptInt(place.map(|p| p.0)),
            Cell::Text(self.now.clone()),
        ];
        self.rows.add(conn, row).await
    }

    pub async fn finish(&mut self, conn: &mut Conn) -> Result<u64, DbError> {
        self.rows.flush(conn).await?;
        Ok(self.rows.written)
    }
}

/// One activity as a loader makes it: public, no capacity, no registration window.
pub struct NewActivity<'a> {
    pub programme: ProgrammeId,
    pub kind: ActivityKind,
    pub title: &'a str,
    pub starts_at: Instant,
    pub ends_at: Instant,
    pub place: Option<PlaceId>,
    pub organiser: Option<OrganisationId>,
    pub uid: &'a str,
}

pub struct ActivityWriter {
    rows: Inserter,
    now: String,
}

impl ActivityWriter {
    pub fn new(now: Instant) -> ActivityWriter {
        ActivityWriter {
            rows: Inserter::new(
                "INSERT INTO activities (programme_id, kind, title, starts_at, ends_at, place_id, organiser_id, public, uid, \
                 created_at, updated_at) VALUES ",
                "(?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9, ?9)",
                9,
            ),
            now: now.stored(),
        }
    }

    pub async fn add(&mut self, conn: &mut Conn, a: NewActivity<'_>) -> Result<(), DbError> {
        let row = [
            Cell::Int(a.programme.0),
            Cell::Text(a.kind.as_str().to_string()),
            Cell::Text(a.title.to_string()),
            Cell::Text(a.starts_at.stored()),
            Cell::Text(a.ends_at.stored()),
            Cell::OptInt(a.place.map(|p| p.0)),
            Cell::OptInt(a.organiser.map(|o| o.0)),
            Cell::Text(a.uid.to_string()),
            Cell::Text(self.now.clone()),
        ];
        self.rows.add(conn, row).await
    }

    pub async fn finish(&mut self, conn: &mut Conn) -> Result<u64, DbError> {
        self.rows.flush(conn).await?;
        Ok(self.rows.written)
    }
}

/// Attendance ticked on the roster (no session, no registration, no scanner id),
/// recorded when it was scanned.
pub struct AttendanceWriter {
    rows: Inserter,
}

impl Default for AttendanceWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl AttendanceWriter {
    pub fn new() -> AttendanceWriter {
        AttendanceWriter {
            rows: Inserter::new(
                "INSERT INTO attendance (activity_id, session_id, person_id, route, scanned_at, recorded_at) VALUES ",
                "(?1, 0, ?2, 'roster', ?3, ?3)",
                3,
            ),
        }
    }

    pub async fn add(
        &mut self,
        conn: &mut Conn,
        activity: ActivityId,
        person: PersonId,
        scanned_at: Instant,
    ) -> Result<(), DbError> {
        let row = [
            Cell::Int(activity.0),
            Cell::Int(person.0),
            Cell::Text(scanned_at.stored()),
        ];
        self.rows.add(conn, row).await
    }

    /// Write what is buffered; the rows written so far.
    pub async fn flush(&mut self, conn: &mut Conn) -> Result<u64, DbError> {
        self.rows.flush(conn).await?;
        Ok(self.rows.written)
    }
}

/// How many bytes the database takes (SQLite: its pages; PostgreSQL: the database).
pub async fn database_bytes(conn: &mut Conn) -> Result<i64, DbError> {
    let sql = if conn.backend_name() == "PostgreSQL" {
        "SELECT CAST(pg_database_size(current_database()) AS BIGINT)"
    } else {
        "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"
    };
    Ok(sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(&mut *conn)
        .await?)
}

/// The programme with the most attendance among those whose project ID starts with
/// `code_prefix` and that hold an indicator under `rollup_key`, its place's lineage and
/// its last activity that has ended by `now` (for the indicator benchmark).
pub async fn busiest_programme(
    conn: &mut Conn,
    code_prefix: &str,
    rollup_key: &str,
    now: Instant,
) -> Result<Option<(ProgrammeId, String, ActivityId)>, DbError> {
    use crate::row::*;
    let Some(row) = sqlx::query(
        "SELECT a.programme_id, pl.lineage FROM attendance t JOIN activities a ON a.id = t.activity_id \
         JOIN programmes p ON p.id = a.programme_id JOIN places pl ON pl.id = p.place_id \
         WHERE p.code LIKE $1 AND EXISTS (SELECT 1 FROM indicators i JOIN indicator_keys k ON k.id = i.key_id \
         WHERE i.programme_id = p.id AND k.rollup_key = $2) \
         GROUP BY a.programme_id, pl.lineage ORDER BY COUNT(*) DESC, a.programme_id LIMIT 1",
    )
    .bind(format!("{code_prefix}%"))
    .bind(rollup_key)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let programme = ProgrammeId(i(&row, "programme_id")?);
    let lineage = s(&row, "lineage")?;
    let activity: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM activities WHERE programme_id = $1 AND ends_at <= $2 AND place_id IS NOT NULL \
         ORDER BY starts_at DESC, id DESC LIMIT 1",
    )
    .bind(programme.0)
    .bind(now.stored())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(activity.map(|a| (programme, lineage, ActivityId(a))))
}

/// Update the planner's statistics of every table after a bulk load (`ANALYZE` on both
/// engines).
pub async fn analyse(db: &crate::Db) -> Result<(), DbError> {
    sqlx::query("ANALYZE").execute(&db.pool).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_number_each_row_on_postgres_and_are_anonymous_on_sqlite() {
        let i = Inserter::new("INSERT INTO t (a, b, c) VALUES ", "(?1, 0, ?2, ?2)", 2);
        assert_eq!(
            i.sql(2, false),
            "INSERT INTO t (a, b, c) VALUES ($1, 0, $2, $2),($3, 0, $4, $4)"
        );
        assert_eq!(
            i.sql(2, true),
            "INSERT INTO t (a, b, c) VALUES (?, 0, ?, ?),(?, 0, ?, ?)"
        );
        let wide = Inserter::new(
            "INSERT INTO t VALUES ",
            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            12,
        );
        assert!(wide
            .sql(2, false)
            .ends_with("($13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)"));
        assert!(wide.per_statement * 12 <= 32_766);
    }
}
