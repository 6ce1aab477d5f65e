//! The printable attendance sheet (jelenléti ív) as a PDF download. One sheet is drawn in
//! a few milliseconds, so it is made in the request rather than as a job.
//!
//! The sheet is a Hungarian document whatever the reader's language: it is signed at a
//! Hungarian event and filed with a Hungarian funder.

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::i18n::Lang;
use crate::mail::compose;
use crate::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use kozos_app::participation::sheet::{self, SheetFacts};
use kozos_domain::ActivityId;
use kozos_pdf::SheetActivity;
use serde::Deserialize;

/// Blank rows for walk-ins unless the link asks for another number …
pub const DEFAULT_BLANK_ROWS: usize = 10;
/// … and at most this many (a few pages).
pub const MAX_BLANK_ROWS: usize = 60;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SheetQuery {
    pub blank: Option<usize>,
}

pub async fn attendance_sheet(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<SheetQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let facts = sheet::attendance_sheet(&s.app, user, ActivityId(id)).await?;
    let blank = q.blank.unwrap_or(DEFAULT_BLANK_ROWS).min(MAX_BLANK_ROWS);
    let pdf = kozos_pdf::attendance_sheet(
        kozos_app::documents::publicity(&facts.programme).as_ref(),
        &activity(&facts),
        &facts.names,
        blank,
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                // The id is a number: the name is plain ASCII.
                format!(
                    "attachment; filename=\"jelenleti-iv-{}.pdf\"",
                    facts.activity.id.0
                ),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        pdf,
    )
        .into_response())
}

fn activity(f: &SheetFacts) -> SheetActivity {
    let a = &f.activity;
    let hu = Lang::Hu;
    SheetActivity {
        title: a.title.clone(),
        kind: hu.t(&format!("activity-kind-{}", a.kind.as_str())),
        when: compose::when(hu, a.starts_at, a.ends_at),
        place: compose::place(a).unwrap_or_default(),
        organiser: a
            .organiser_name
            .clone()
            .or_else(|| f.programme.beneficiary_name.clone())
            .unwrap_or_default(),
        programme: f.programme.title.clone(),
    }
}
