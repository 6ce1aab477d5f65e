//! The professional part of the progress report (projekt előrehaladási jelentés) for a
//! period: the activities held in it, the indicator table (baseline, target, the value at
//! the period's end, its deviation from what was expected by then, the explanation), and
//! the evidence files behind them. Formats are drawn by the web layer from this.

use super::{days, lines, Line};
use crate::programmes::authorise;
use crate::{App, Result};
use kozos_db::indicators::report::{self as db, ReportActivity, ReportFile};
use kozos_db::indicators::{self as indicators, ManualValue};
use kozos_db::DbError;
use kozos_domain::indicator::*;
use kozos_domain::policy::{allows, Action};
use kozos_domain::programme::Programme;
use kozos_domain::time::Date;
use kozos_domain::user::User;
use kozos_domain::*;

#[derive(Debug, Clone)]
pub struct ReportLine {
    pub line: Line,
    /// The value at the period's end less the value expected by then.
    pub deviation: Option<i64>,
    pub explanation: String,
    /// The explanation's version (0: none written yet), for its form.
    pub explanation_version: i64,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub programme: Programme,
    pub period: ReportPeriod,
    /// The last day counted: the period's last day, or today if it is not over.
    pub until: Date,
    pub lines: Vec<ReportLine>,
    pub activities: Vec<ReportActivity>,
    pub files: Vec<ReportFile>,
    /// Manual values recorded in the period, with their indicator's code.
    pub manual: Vec<(String, ManualValue)>,
    pub can_manage: bool,
}

pub async fn report(
    app: &App,
    user: &User,
    id: ProgrammeId,
    period: ReportPeriod,
) -> Result<Report> {
    let target = authorise(app, user, Action::ViewIndicators, id).await?;
    let programme = super::programme(app, id).await?;
    let d = days(Some(period), app.clock.today());
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let all = indicators::of_programme(&mut conn, id).await?;
    let explanations = indicators::explanations(&mut conn, id, &period.key()).await?;
    let mut manual = Vec::new();
    for ind in all.iter().filter(|i| matches!(i.source, Source::Manual(_))) {
        for v in indicators::manual_values(&mut conn, ind.id).await? {
            if v.on >= period.first() && v.on <= period.last() {
                manual.push((ind.code.clone(), v));
            }
        }
    }
    let lines = lines(&mut conn, &programme, all, Some(period), d).await?;
    let (from, until) = (period.first().start(), period.last().next().start());
    let activities = db::activities(&mut conn, id, from, until).await?;
    let files = db::files(&mut conn, id, from, until).await?;
    let lines = lines
        .into_iter()
        .map(|line| {
            let (explanation, explanation_version) = explanations
                .get(&line.indicator.id)
                .cloned()
                .unwrap_or_default();
            ReportLine {
                deviation: line.expected.map(|e| line.to_date - e),
                line,
                explanation,
                explanation_version,
            }
        })
        .collect();
    Ok(Report {
        programme,
        period,
        until: d.until,
        lines,
        activities,
        files,
        manual,
        can_manage: allows(&user.grants, Action::ManageIndicators, &target),
    })
}
