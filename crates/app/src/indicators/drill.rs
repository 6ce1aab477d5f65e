//! The rows behind a number. A value for a period is the count (or sum) of reach rows
//! with a day in it, and the drill-down lists exactly those rows, each with the activity
//! that made it count and that activity's evidence (attendance sheet, photos).
//!
//! Names of people are shown to those who may see the registry or the evidence; an
//! indicator that filters on sensitive data lists nobody by name to anyone who may not
//! read sensitive data (the number stays: it is an aggregate).

use super::days;
use crate::programmes::authorise;
use crate::{App, AppError, Result};
use kozos_db::indicators::{self as db, read};
use kozos_db::DbError;
use kozos_domain::indicator::rollup::programme_scope;
use kozos_domain::indicator::*;
use kozos_domain::policy::{allows, Action};
use kozos_domain::time::{Date, Instant};
use kozos_domain::user::User;
use kozos_domain::*;

pub const PAGE: i64 = 100;

#[derive(Debug, Clone)]
pub struct DrillRow {
    pub item: i64,
    /// `None` when the reader may not see who it is.
    pub label: Option<String>,
    pub day: Date,
    pub amount: i64,
    pub via: Option<(ActivityId, String, Instant)>,
    pub evidence: i64,
}

#[derive(Debug, Clone)]
pub struct Drill {
    pub indicator: Indicator,
    pub period: Option<ReportPeriod>,
    pub until: Date,
    /// Rows in all (the indicator's count for the period).
    pub total: i64,
    /// Sum of the rows' amounts (the value, for hours and manual values).
    pub value: i64,
    pub rows: Vec<DrillRow>,
    pub page: i64,
    pub pages: i64,
    /// Names withheld (sensitive filter, or a reader who may not see people).
    pub names_hidden: bool,
    pub can_view_evidence: bool,
}

pub async fn drill(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: IndicatorId,
    period: Option<ReportPeriod>,
    page: i64,
) -> Result<Drill> {
    let target = authorise(app, user, Action::ViewIndicators, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let indicator = db::get(&mut conn, programme, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let d = days(period, app.clock.today());
    let scope = programme_scope(programme);
    let total = read::row_count(&mut conn, indicator.key_id, scope, d).await?;
    let pages = ((total + PAGE - 1) / PAGE).max(1);
    let page = page.clamp(1, pages);
    let reach = read::rows(
        &mut conn,
        indicator.key_id,
        scope,
        d,
        PAGE,
        (page - 1) * PAGE,
    )
    .await?;
    let value = read::sums(&mut conn, Some(&[indicator.key_id]), &[scope], d)
        .await?
        .get(&(indicator.key_id, scope))
        .map_or(0, |s| s.amount);
    let item = indicator.source.kind().item();
    let may = |a| allows(&user.grants, a, &target);
    let personal = matches!(
        item,
        Some(ItemKind::Person | ItemKind::Certificate | ItemKind::Shift)
    );
    let names_hidden = (indicator.source.is_sensitive() && !may(Action::ViewSensitive))
        || (personal && !(may(Action::ManagePeople) || may(Action::ViewEvidence)));
    let ids: Vec<i64> = reach.iter().map(|r| r.item).collect();
    let labels = match item {
        Some(kind) if !names_hidden => read::labels(&mut conn, kind, &ids).await?,
        _ => Default::default(),
    };
    let vias: Vec<i64> = reach.iter().filter_map(|r| r.via.map(|a| a.0)).collect();
    let briefs = read::activity_briefs(&mut conn, &vias).await?;
    let rows = reach
        .iter()
        .map(|r| {
            let brief = r.via.and_then(|a| briefs.get(&a.0).map(|b| (a, b)));
            DrillRow {
                item: r.item,
                label: if names_hidden {
                    None
                } else {
                    labels.get(&r.item).cloned()
                },
                day: r.day,
                amount: r.amount,
                via: brief.and_then(|(a, b)| {
                    Instant::parse_stored(&b.starts_at).map(|t| (a, b.title.clone(), t))
                }),
                evidence: brief.map_or(0, |(_, b)| b.evidence),
            }
        })
        .collect();
    Ok(Drill {
        indicator,
        period,
        until: d.until,
        total,
        value,
        rows,
        page,
        pages,
        names_hidden,
        can_view_evidence: may(Action::ViewEvidence),
    })
}
