//! The calendar's query string: which view, which month or week, and the filters. Every
//! value comes from outside: a malformed one is a 400 with a translated page, never a
//! guess.

use kozos_app::activities::CalendarFilter;
use kozos_domain::activity::ActivityKind;
use kozos_domain::time::{Date, Period};
use kozos_domain::{OrganisationId, PlaceId, ProgrammeId, SeriesId};
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CalendarQuery {
    pub view: Option<String>,
    /// `2026-11`
    pub month: Option<String>,
    /// Any day of the week (`2026-11-16`).
    pub week: Option<String>,
    pub programme: Option<String>,
    pub settlement: Option<String>,
    pub kind: Option<String>,
    pub organisation: Option<String>,
    pub series: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Month,
    Week,
    List,
}

impl View {
    pub fn as_str(self) -> &'static str {
        match self {
            View::Month => "month",
            View::Week => "week",
            View::List => "list",
        }
    }
}

/// The filters, checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub programme: Option<ProgrammeId>,
    pub settlement: Option<PlaceId>,
    pub kind: Option<ActivityKind>,
    pub organisation: Option<OrganisationId>,
    pub series: Option<SeriesId>,
}

impl Filters {
    pub fn to_filter(&self) -> CalendarFilter {
        CalendarFilter {
            programme: self.programme,
            place: self.settlement,
            kind: self.kind,
            organisation: self.organisation,
            series: self.series,
            public_only: true,
            ..Default::default()
        }
    }

    /// The filters as a query string (`programme=1&kind=workshop`), for links that keep them.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(p) = self.programme {
            parts.push(format!("programme={p}"));
        }
        if let Some(p) = self.settlement {
            parts.push(format!("settlement={p}"));
        }
        if let Some(k) = self.kind {
            parts.push(format!("kind={}", k.as_str()));
        }
        if let Some(o) = self.organisation {
            parts.push(format!("organisation={o}"));
        }
        if let Some(s) = self.series {
            parts.push(format!("series={s}"));
        }
        parts.join("&")
    }

    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// What a calendar request asks for.
#[derive(Debug, Clone)]
pub struct Asked {
    pub view: View,
    /// The month shown (month view), or the month of the week shown.
    pub month: Period,
    /// The Monday of the week shown (week view).
    pub week: Date,
    pub filters: Filters,
}

fn id(v: &Option<String>) -> Result<Option<i64>, ()> {
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) if s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0') => {
            s.parse::<i64>().map(Some).map_err(|_| ())
        }
        _ => Err(()),
    }
}

fn month(v: &str) -> Option<Period> {
    let (y, m) = v.trim().split_once('-')?;
    if y.len() != 4 || m.is_empty() || m.len() > 2 {
        return None;
    }
    let (y, m) = (y.parse().ok()?, m.parse().ok()?);
    if !(1900..=2100).contains(&y) {
        return None;
    }
    Period::month(y, m)
}

impl CalendarQuery {
    /// Checked against `today` (the default month and week); `Err` for anything malformed.
    pub fn check(&self, today: Date) -> Result<Asked, ()> {
        let view = match self.view.as_deref().unwrap_or("") {
            "" | "month" => View::Month,
            "week" => View::Week,
            "list" => View::List,
            _ => return Err(()),
        };
        let week = match self
            .week
            .as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            Some(w) => {
                let d = Date::parse_stored(w).ok_or(())?;
                if !(1900..=2100).contains(&d.year()) {
                    return Err(());
                }
                d.monday()
            }
            None => today.monday(),
        };
        let month = match self
            .month
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
        {
            Some(m) => month(m).ok_or(())?,
            None if view == View::Week => Period::month(week.year(), week.month()).ok_or(())?,
            None => Period::month(today.year(), today.month()).ok_or(())?,
        };
        let kind = match self
            .kind
            .as_deref()
            .map(str::trim)
            .filter(|k| !k.is_empty())
        {
            Some(k) => Some(ActivityKind::parse(k).ok_or(())?),
            None => None,
        };
        Ok(Asked {
            view,
            month,
            week,
            filters: Filters {
                programme: id(&self.programme)?.map(ProgrammeId),
                settlement: id(&self.settlement)?.map(PlaceId),
                kind,
                organisation: id(&self.organisation)?.map(OrganisationId),
                series: id(&self.series)?.map(SeriesId),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Result<Asked, ()> {
        let query: CalendarQuery = serde_urlencoded::from_str(s).unwrap();
        query.check(Date::parse_stored("2026-11-22").unwrap())
    }

    #[test]
    fn defaults_to_this_month_and_week() {
        let a = q("").unwrap();
        assert_eq!(a.view, View::Month);
        assert_eq!(a.month.first.stored(), "2026-11-01");
        assert_eq!(a.week.stored(), "2026-11-16");
        let w = q("view=week&week=2027-01-01").unwrap();
        assert_eq!(
            (w.week.stored(), w.month.first.stored()),
            ("2026-12-28".into(), "2026-12-01".into())
        );
    }

    #[test]
    fn refuses_malformed_values() {
        for bad in [
            "view=year",
            "month=2026-13",
            "month=26-1",
            "month=9999-01",
            "week=2026-02-30",
            "programme=abc",
            "programme=-1",
            "programme=01",
            "programme=99999999999999999999",
            "kind=party",
            "settlement=1.5",
        ] {
            assert!(q(bad).is_err(), "{bad}");
        }
        let f = q("programme=3&kind=workshop&settlement=&series=2")
            .unwrap()
            .filters;
        assert_eq!(f.query(), "programme=3&kind=workshop&series=2");
    }
}
