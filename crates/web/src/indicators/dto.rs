//! The JSON shapes of indicator values and drill-down rows. Amounts are in the unit people
//! read (`hours`: decimal hours, `percent`: percent), so a client needs no scale table.

use kozos_domain::indicator::{Status, Unit};
use serde::Serialize;
use utoipa::ToSchema;

/// A stored amount in its unit.
pub fn in_unit(unit: Unit, n: i64) -> f64 {
    n as f64 / unit.scale() as f64
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorValueDto {
    /// The programme's indicator (programme reads) or the call template's roll-up key
    /// (place reads).
    pub id: i64,
    pub code: String,
    pub name_hu: String,
    pub name_en: String,
    /// `people`, `count`, `percent`, `hours`, `huf`.
    pub unit: String,
    /// In the period (to date without one); `null` where a public figure is withheld
    /// (people counted under five, or by quarter or month).
    pub value: Option<f64>,
    pub target: f64,
    /// Staff reads only: the value expected by the period's end (or today).
    pub expected: Option<f64>,
    /// `achieved`, `on_track`, `at_risk`, `behind`, `not_started`; staff reads only.
    pub status: Option<String>,
}

impl IndicatorValueDto {
    /// `value` as the reader may see it (already withheld for the public); the expected
    /// value and the status go to staff only.
    pub fn new(
        (id, code, name_hu, name_en): (i64, &str, &str, &str),
        unit: Unit,
        (value, target, expected, status): (Option<i64>, i64, Option<i64>, Status),
        staff: bool,
    ) -> Self {
        IndicatorValueDto {
            id,
            code: code.into(),
            name_hu: name_hu.into(),
            name_en: name_en.into(),
            unit: unit.as_str().into(),
            value: value.map(|v| in_unit(unit, v)),
            target: in_unit(unit, target),
            expected: expected.filter(|_| staff).map(|e| in_unit(unit, e)),
            status: staff.then(|| status.as_str().to_string()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorValuesDto {
    /// `2022`, `2022-Q3`, `2022-03`, or `null`: to date.
    pub period: Option<String>,
    /// The last day counted (`YYYY-MM-DD`).
    pub until: String,
    /// `true`: exact figures for staff; `false`: public aggregates.
    pub staff: bool,
    pub indicators: Vec<IndicatorValueDto>,
}

#[derive(Serialize, ToSchema)]
pub struct RecordDto {
    /// The counted item's id (a person, an activity, a place, an organisation …).
    pub item: i64,
    /// Who or what it is; `null` where names are withheld.
    pub label: Option<String>,
    /// The day it counts from (`YYYY-MM-DD`).
    pub day: String,
    pub amount: f64,
    /// The activity that made it count, if any.
    pub activity_id: Option<i64>,
    pub activity_title: Option<String>,
    /// Evidence files on that activity.
    pub evidence_files: i64,
}

#[derive(Serialize, ToSchema)]
pub struct RecordsDto {
    pub indicator_id: i64,
    pub code: String,
    pub unit: String,
    pub period: Option<String>,
    pub until: String,
    /// Rows in all: the indicator's count for the period.
    pub total: i64,
    /// The indicator's value for the period (the rows' amounts summed).
    pub value: f64,
    pub page: i64,
    pub pages: i64,
    pub names_hidden: bool,
    pub records: Vec<RecordDto>,
}
