//! Indicators: defining them (own, or adopted from the programme's call), reading a
//! programme's dashboard (each value against its target, month by month), and opening a
//! value to the rows behind it. Values are read from the tables maintained in every
//! writing transaction (`kozos_db::indicators::maintain`), so what is shown is what is
//! saved, on every instance.

mod define;
mod drill;
mod geo;
pub mod manual;
mod places;
pub mod report;

pub use define::{create, delete, form_choices, get, template, update, FormChoices};
pub use drill::{drill, Drill, DrillRow};
pub use places::{place_rollup, reached, Dot, PlaceLine, PlaceRollup};

use crate::programmes::authorise;
use crate::{App, AppError, Result};
use kozos_db::indicators as db;
use kozos_db::indicators::read::{self, Days};
use kozos_db::{programmes, DbError};
use kozos_domain::indicator::period::months_between;
use kozos_domain::indicator::rollup::programme_scope;
use kozos_domain::indicator::status::{expected_at, status};
use kozos_domain::indicator::*;
use kozos_domain::policy::Action;
use kozos_domain::programme::Programme;
use kozos_domain::project_code::ProjectCode;
use kozos_domain::time::Date;
use kozos_domain::user::User;
use kozos_domain::*;
use std::collections::HashMap;

/// One indicator on a dashboard.
#[derive(Debug, Clone)]
pub struct Line {
    pub indicator: Indicator,
    /// In the chosen period (to date when none), in stored units.
    pub value: i64,
    /// Everything up to today (or the period's end), for the status.
    pub to_date: i64,
    pub expected: Option<i64>,
    pub status: Status,
    /// The deadline the status is measured to (the indicator's, else the programme's end).
    pub deadline: Option<Date>,
    /// Month by month (`YYYY-MM`, value in that month), from the programme's first month
    /// with a value (or its start) to the period's end.
    pub months: Vec<(String, i64)>,
}

#[derive(Debug, Clone)]
pub struct Dashboard {
    pub programme: Programme,
    pub period: Option<ReportPeriod>,
    /// The last day counted: today, or the period's last day if it is over.
    pub until: Date,
    pub lines: Vec<Line>,
    pub can_manage: bool,
    /// The call's templates not adopted yet.
    pub templates: Vec<Template>,
}

pub(crate) fn days(period: Option<ReportPeriod>, today: Date) -> Days {
    match period {
        Some(p) => Days {
            from: Some(p.first()),
            until: p.last().min(today),
        },
        None => Days {
            from: None,
            until: today,
        },
    }
}

/// A ratio's value in hundredths of a percent, from its parts' values.
fn ratio(numerator: i64, denominator: i64) -> i64 {
    if denominator == 0 {
        0
    } else {
        ((numerator as i128 * 10_000 + denominator as i128 / 2) / denominator as i128) as i64
    }
}

async fn programme(app: &App, id: ProgrammeId) -> Result<Programme> {
    programmes::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The programme's call, from its project ID (`TOP-5.3.1-16` of `TOP-5.3.1-16-KO1-…`).
fn call_of(p: &Programme) -> Option<String> {
    p.code
        .as_deref()
        .and_then(|c| ProjectCode::parse(c).ok())
        .map(|c| c.call_code().to_string())
}

/// A programme's indicators with their values, in a period or to date.
pub async fn dashboard(
    app: &App,
    user: &User,
    id: ProgrammeId,
    period: Option<ReportPeriod>,
) -> Result<Dashboard> {
    let target = authorise(app, user, Action::ViewIndicators, id).await?;
    let can_manage = kozos_domain::policy::allows(&user.grants, Action::ManageIndicators, &target);
    let programme = programme(app, id).await?;
    let today = app.clock.today();
    let d = days(period, today);
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let indicators = db::of_programme(&mut conn, id).await?;
    let lines = lines(&mut conn, &programme, indicators, period, d).await?;
    let templates = match (can_manage, call_of(&programme)) {
        (true, Some(call)) => db::templates_of_call(&mut conn, &call)
            .await?
            .into_iter()
            .filter(|t| !lines.iter().any(|l| l.indicator.template_id == Some(t.id)))
            .collect(),
        _ => Vec::new(),
    };
    Ok(Dashboard {
        programme,
        period,
        until: d.until,
        lines,
        can_manage,
        templates,
    })
}

/// Values, statuses and month series of these indicators of one programme.
pub(crate) async fn lines(
    conn: &mut kozos_db::Conn,
    programme: &Programme,
    indicators: Vec<Indicator>,
    period: Option<ReportPeriod>,
    d: Days,
) -> Result<Vec<Line>> {
    let scope = programme_scope(programme.id);
    let keys: Vec<i64> = indicators.iter().map(|i| i.key_id).collect();
    let all_time = Days {
        from: None,
        until: d.until,
    };
    let in_period = read::sums(conn, Some(&keys), &[scope], d).await?;
    let to_date = read::sums(conn, Some(&keys), &[scope], all_time).await?;
    let mut monthly = read::monthly(conn, &keys, scope, all_time).await?;
    let amount =
        |m: &HashMap<(i64, i64), read::Sum>, k: i64| m.get(&(k, scope)).map_or(0, |s| s.amount);
    let by_code: HashMap<&str, i64> = indicators
        .iter()
        .map(|i| (i.code.as_str(), i.key_id))
        .collect();
    let start = programme
        .start_date
        .or_else(|| period.map(|p| p.first()))
        .unwrap_or(d.until);
    let mut out = Vec::with_capacity(indicators.len());
    for ind in &indicators {
        let (value, total) = match &ind.source {
            Source::Ratio {
                numerator,
                denominator,
            } => {
                let part = |m: &HashMap<(i64, i64), read::Sum>, code: &str| {
                    by_code.get(code).map_or(0, |k| amount(m, *k))
                };
                (
                    ratio(part(&in_period, numerator), part(&in_period, denominator)),
                    ratio(part(&to_date, numerator), part(&to_date, denominator)),
                )
            }
            _ => (amount(&in_period, ind.key_id), amount(&to_date, ind.key_id)),
        };
        let deadline = ind.deadline.or(programme.end_date);
        let expected = expected_at(
            ind.baseline,
            ind.target,
            programme.start_date,
            deadline,
            &ind.milestones,
            d.until,
        );
        let st = status(
            total,
            ind.baseline,
            ind.target,
            programme.start_date,
            deadline,
            &ind.milestones,
            d.until,
        );
        let months = if matches!(ind.source, Source::Ratio { .. }) {
            Vec::new()
        } else {
            let got: HashMap<String, i64> = monthly
                .remove(&ind.key_id)
                .unwrap_or_default()
                .into_iter()
                .map(|(m, s)| (m, s.amount))
                .collect();
            // From the programme's start, or its first value if that came earlier.
            let first = got
                .keys()
                .min()
                .and_then(|m| Date::parse_stored(&format!("{m}-01")))
                .map_or(start, |f| f.min(start));
            months_between(first.min(d.until), d.until)
                .iter()
                .map(|(y, m)| {
                    let k = format!("{y}-{m:02}");
                    let v = got.get(&k).copied().unwrap_or(0);
                    (k, v)
                })
                .collect()
        };
        out.push(Line {
            indicator: ind.clone(),
            value,
            to_date: total,
            expected,
            status: st,
            deadline,
            months,
        });
    }
    Ok(out)
}

/// The values of a programme's indicators for a period, for the API.
pub async fn values(
    app: &App,
    user: Option<&User>,
    id: ProgrammeId,
    period: Option<ReportPeriod>,
) -> Result<(Programme, Vec<Line>, bool)> {
    let staff = match user {
        Some(u) => rights(app, u, id).await?.0,
        None => false,
    };
    let programme = programme(app, id).await?;
    let today = app.clock.today();
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let indicators = db::of_programme(&mut conn, id).await?;
    let lines = lines(
        &mut conn,
        &programme,
        indicators,
        period,
        days(period, today),
    )
    .await?;
    Ok((programme, lines, staff))
}

/// Who may see a programme's indicator pages, and manage them (for links and menus).
pub async fn rights(app: &App, user: &User, id: ProgrammeId) -> Result<(bool, bool)> {
    let t = programmes::target(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        kozos_domain::policy::allows(&user.grants, Action::ViewIndicators, &t),
        kozos_domain::policy::allows(&user.grants, Action::ManageIndicators, &t),
    ))
}

/// The programme, for those who may read its indicators (page headings, breadcrumbs).
pub async fn programme_for(app: &App, user: &User, id: ProgrammeId) -> Result<Programme> {
    authorise(app, user, Action::ViewIndicators, id).await?;
    programme(app, id).await
}

/// A programme's figure as the public may read it: counts of people only for a year or to
/// date, and never from 1 to 4 (nor a ratio built on them). Other figures are public as
/// they are.
pub fn public_value(line: &Line, period: Option<ReportPeriod>, value: i64) -> Option<i64> {
    let personal = matches!(
        line.indicator.source.kind().item(),
        Some(ItemKind::Person | ItemKind::Certificate)
    ) || matches!(line.indicator.source, Source::Ratio { .. });
    if !personal {
        return Some(value);
    }
    let yearly = matches!(period, None | Some(ReportPeriod::Year(_)));
    let small = value > 0 && value < kozos_domain::indicator::suppression::THRESHOLD;
    (yearly && !small && !matches!(line.indicator.source, Source::Ratio { .. })).then_some(value)
}

/// The rows behind an indicator's value, found by the indicator's id alone (the API).
pub async fn drill_by_id(
    app: &App,
    user: &User,
    id: IndicatorId,
    period: Option<ReportPeriod>,
    page: i64,
) -> Result<Drill> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let programme = db::programme_of(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    drill(app, user, programme, id, period, page).await
}

/// The last day a period's figures count: its last day, or today while it runs.
pub fn until(app: &App, period: Option<ReportPeriod>) -> Date {
    days(period, app.clock.today()).until
}
