//! The indicators API: a programme's values, a place's roll-up (both `?period=`), and the
//! records behind one value. Staff read exact figures within their grants; anyone else
//! reads public aggregates with small counts of people withheld.

use super::dto::*;
use crate::api::{ApiError, ApiErrorBody, ApiLang, ApiPath, ApiQuery, ApiUser, MaybeApiUser};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use kozos_app::indicators;
use kozos_domain::indicator::ReportPeriod;
use kozos_domain::{IndicatorId, PlaceId, ProgrammeId};
use serde::Deserialize;
use utoipa::IntoParams;

type ApiResult<T> = Result<T, ApiError>;

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct PeriodParams {
    /// A year (`2022`), quarter (`2022-Q3`) or month (`2022-03`), Europe/Budapest; without
    /// it, everything to date.
    pub period: Option<String>,
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct RecordParams {
    /// As for the values.
    pub period: Option<String>,
    /// 1-based; 100 records a page.
    #[param(minimum = 1)]
    pub page: Option<i64>,
}

fn period(lang: &ApiLang, raw: Option<&str>) -> ApiResult<Option<ReportPeriod>> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => ReportPeriod::parse(t)
            .map(Some)
            .ok_or_else(|| ApiError::bad_query(lang.0)),
    }
}

#[utoipa::path(get, path = "/api/v1/programmes/{id}/indicators", params(("id" = i64, Path), PeriodParams), security((), ("bearer" = [])),
    responses((status = 200, body = IndicatorValuesDto, description = "Exact values for the programme's staff, auditors and coordinators above it; public aggregates for anyone else."),
        (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn programme_values(
    State(s): State<AppState>,
    lang: ApiLang,
    MaybeApiUser(user): MaybeApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<PeriodParams>,
) -> ApiResult<Json<IndicatorValuesDto>> {
    let p = period(&lang, q.period.as_deref())?;
    let (_, lines, staff) = indicators::values(&s.app, user.as_ref(), ProgrammeId(id), p).await?;
    let until = indicators::until(&s.app, p);
    let indicators = lines
        .iter()
        .map(|l| {
            let i = &l.indicator;
            let value = if staff {
                Some(l.value)
            } else {
                indicators::public_value(l, p, l.value)
            };
            IndicatorValueDto::new(
                (i.id.0, &i.code, &i.name_hu, &i.name_en),
                i.unit(),
                (value, i.target, l.expected, l.status),
                staff,
            )
        })
        .collect();
    Ok(Json(IndicatorValuesDto {
        period: p.map(|p| p.key()),
        until: until.stored(),
        staff,
        indicators,
    }))
}

#[utoipa::path(get, path = "/api/v1/places/{id}/indicators", params(("id" = i64, Path), PeriodParams), security((), ("bearer" = [])),
    responses((status = 200, body = IndicatorValuesDto, description = "The calls' indicators summed over the place (distinct counts counted once); exact for staff whose grants cover the place, public aggregates for anyone else."),
        (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn place_values(
    State(s): State<AppState>,
    lang: ApiLang,
    MaybeApiUser(user): MaybeApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<PeriodParams>,
) -> ApiResult<Json<IndicatorValuesDto>> {
    let p = period(&lang, q.period.as_deref())?;
    let r = indicators::place_rollup(&s.app, user.as_ref(), PlaceId(id), p).await?;
    let indicators = r
        .lines
        .iter()
        .map(|l| {
            let t = &l.template;
            IndicatorValueDto::new(
                (l.key_id, &t.code, &t.name_hu, &t.name_en),
                l.unit,
                (l.value, l.target, l.expected, l.status),
                r.staff,
            )
        })
        .collect();
    Ok(Json(IndicatorValuesDto {
        period: p.map(|p| p.key()),
        until: r.until.stored(),
        staff: r.staff,
        indicators,
    }))
}

#[utoipa::path(get, path = "/api/v1/indicators/{id}/records", params(("id" = i64, Path), RecordParams), security(("bearer" = [])),
    responses((status = 200, body = RecordsDto, description = "The rows the value sums, 100 a page; names withheld from readers who may not see them."),
        (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn records(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<RecordParams>,
) -> ApiResult<Json<RecordsDto>> {
    let p = period(&lang, q.period.as_deref())?;
    let page = match q.page {
        None => 1,
        Some(n) if n >= 1 => n,
        Some(_) => return Err(ApiError::bad_query(lang.0)),
    };
    let d = indicators::drill_by_id(&s.app, &user, IndicatorId(id), p, page).await?;
    let u = d.indicator.unit();
    Ok(Json(RecordsDto {
        indicator_id: d.indicator.id.0,
        code: d.indicator.code.clone(),
        unit: u.as_str().into(),
        period: p.map(|p| p.key()),
        until: d.until.stored(),
        total: d.total,
        value: in_unit(u, d.value),
        page: d.page,
        pages: d.pages,
        names_hidden: d.names_hidden,
        records: d
            .rows
            .iter()
            .map(|r| RecordDto {
                item: r.item,
                label: r.label.clone(),
                day: r.day.stored(),
                amount: in_unit(u, r.amount),
                activity_id: r.via.as_ref().map(|v| v.0 .0),
                activity_title: r.via.as_ref().map(|v| v.1.clone()),
                evidence_files: r.evidence,
            })
            .collect(),
    }))
}
