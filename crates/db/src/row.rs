//! Reading portable columns back into Rust types.

use crate::DbError;
use kozos_domain::time::Date;
use sqlx::any::AnyRow;
use sqlx::Row;

pub fn s(row: &AnyRow, col: &str) -> Result<String, DbError> {
    Ok(row.try_get::<String, _>(col)?)
}
pub fn os(row: &AnyRow, col: &str) -> Result<Option<String>, DbError> {
    Ok(row.try_get::<Option<String>, _>(col)?)
}
pub fn i(row: &AnyRow, col: &str) -> Result<i64, DbError> {
    Ok(row.try_get::<i64, _>(col)?)
}
pub fn oi(row: &AnyRow, col: &str) -> Result<Option<i64>, DbError> {
    Ok(row.try_get::<Option<i64>, _>(col)?)
}
pub fn od(row: &AnyRow, col: &str) -> Result<Option<Date>, DbError> {
    match os(row, col)? {
        None => Ok(None),
        Some(t) => Date::parse_stored(&t)
            .map(Some)
            .ok_or_else(|| DbError::Corrupt(format!("{col}={t}"))),
    }
}
/// Parse a stored enum string with the domain's parser.
pub fn e<T>(row: &AnyRow, col: &str, parse: fn(&str) -> Option<T>) -> Result<T, DbError> {
    let v = s(row, col)?;
    parse(&v).ok_or_else(|| DbError::Corrupt(format!("{col}={v}")))
}
pub fn oe<T>(row: &AnyRow, col: &str, parse: fn(&str) -> Option<T>) -> Result<Option<T>, DbError> {
    match os(row, col)? {
        None => Ok(None),
        Some(v) => parse(&v)
            .map(Some)
            .ok_or_else(|| DbError::Corrupt(format!("{col}={v}"))),
    }
}
pub fn date_text(d: Option<Date>) -> Option<String> {
    d.map(Date::stored)
}
