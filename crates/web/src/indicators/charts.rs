//! Charts drawn on the server as SVG: an indicator's value against its target (with the
//! value expected by now marked), and its months. No script, no external fonts; colours
//! are presentation attributes (the CSP allows no inline styles) with at least 3:1
//! contrast against white, and every chart has a text title and a data table beside it.

use super::views::amount;
use crate::ctx::Ctx;
use kozos_domain::indicator::Unit;
use maud::{html, Markup};

const BAR: &str = "#1f5fa8";
const TRACK: &str = "#e8e8e8";
const INK: &str = "#1a1a1a";
const TARGET: &str = "#8a3b00";

/// `n` of `max` as a share of `width`, clamped to the drawing.
fn along(n: i64, max: i64, width: f64) -> f64 {
    if max <= 0 {
        return 0.0;
    }
    (n.max(0) as f64 / max as f64 * width).clamp(0.0, width)
}

/// The value as a bar against the target, with a tick where the value expected today is.
pub fn progress(
    ctx: &Ctx,
    id: &str,
    unit: Unit,
    value: i64,
    target: i64,
    expected: Option<i64>,
) -> Markup {
    let (w, h) = (600.0, 36.0);
    let max = target.max(value).max(expected.unwrap_or(0)).max(1);
    let title = match expected {
        Some(e) => ctx.lang.t_with(
            "ind-chart-progress-expected",
            &[
                ("value", amount(ctx, unit, value)),
                ("target", amount(ctx, unit, target)),
                ("expected", amount(ctx, unit, e)),
            ],
        ),
        None => ctx.lang.t_with(
            "ind-chart-progress",
            &[
                ("value", amount(ctx, unit, value)),
                ("target", amount(ctx, unit, target)),
            ],
        ),
    };
    let tx = along(target, max, w);
    html! {
        svg.chart.progress viewBox={ "0 0 " (w) " " (h) } role="img" aria-labelledby={ (id) "-t" } focusable="false" {
            title id={ (id) "-t" } { (title) }
            rect x="0" y="8" width=(w) height="20" fill=(TRACK) stroke="#767676" stroke-width="1" {}
            rect x="0" y="8" width=(format!("{:.1}", along(value, max, w))) height="20" fill=(BAR) {}
            line x1=(format!("{tx:.1}")) x2=(format!("{tx:.1}")) y1="2" y2="34" stroke=(TARGET) stroke-width="3" {}
            @if let Some(e) = expected {
                @let ex = along(e, max, w);
                line x1=(format!("{ex:.1}")) x2=(format!("{ex:.1}")) y1="4" y2="32" stroke=(INK) stroke-width="2" stroke-dasharray="4 3" {}
            }
        }
    }
}

/// Months as bars (the value added in each month) under the running total as a line,
/// with the target as a dashed line. Years are marked at January.
pub fn monthly(ctx: &Ctx, id: &str, unit: Unit, months: &[(String, i64)], target: i64) -> Markup {
    let (w, h) = (640.0, 220.0);
    let (left, right, top, bottom) = (56.0, 8.0, 12.0, 28.0);
    let (pw, ph) = (w - left - right, h - top - bottom);
    let mut running = 0i64;
    let totals: Vec<i64> = months
        .iter()
        .map(|(_, v)| {
            running += v;
            running
        })
        .collect();
    let max = totals
        .iter()
        .copied()
        .chain(months.iter().map(|(_, v)| *v))
        .chain([target, 1])
        .max()
        .unwrap_or(1);
    let n = months.len().max(1) as f64;
    let slot = pw / n;
    let x = |i: usize| left + slot * i as f64;
    let y = |v: i64| top + ph - along(v, max, ph);
    let line: String = totals
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{:.1},{:.1}", x(i) + slot / 2.0, y(*t)))
        .collect::<Vec<_>>()
        .join(" ");
    let title = ctx.lang.t_with(
        "ind-chart-months",
        &[
            (
                "from",
                months.first().map(|m| m.0.clone()).unwrap_or_default(),
            ),
            (
                "until",
                months.last().map(|m| m.0.clone()).unwrap_or_default(),
            ),
            ("total", amount(ctx, unit, running)),
            ("target", amount(ctx, unit, target)),
        ],
    );
    html! {
        svg.chart.months viewBox={ "0 0 " (w) " " (h) } role="img" aria-labelledby={ (id) "-t" } focusable="false" {
            title id={ (id) "-t" } { (title) }
            line x1=(left) x2=(left) y1=(top) y2=(top + ph) stroke="#767676" {}
            line x1=(left) x2=(w - right) y1=(top + ph) y2=(top + ph) stroke="#767676" {}
            text x=(left - 6.0) y=(top + 4.0) text-anchor="end" font-size="11" fill=(INK) { (amount(ctx, unit, max)) }
            text x=(left - 6.0) y=(top + ph) text-anchor="end" font-size="11" fill=(INK) { "0" }
            @for (i, (m, v)) in months.iter().enumerate() {
                @if *v > 0 {
                    rect x=(format!("{:.1}", x(i) + slot * 0.15)) y=(format!("{:.1}", y(*v)))
                        width=(format!("{:.1}", (slot * 0.7).max(0.5))) height=(format!("{:.1}", top + ph - y(*v))) fill=(BAR) {}
                }
                @if m.ends_with("-01") || (i == 0 && m.get(5..7).is_some_and(|mm| mm < "10")) {
                    text x=(format!("{:.1}", x(i))) y=(h - 8.0) font-size="11" fill=(INK) { (&m[..4]) }
                }
            }
            @if target > 0 {
                line x1=(left) x2=(w - right) y1=(format!("{:.1}", y(target))) y2=(format!("{:.1}", y(target)))
                    stroke=(TARGET) stroke-width="2" stroke-dasharray="6 4" {}
            }
            @if !totals.is_empty() {
                polyline points=(line) fill="none" stroke=(INK) stroke-width="2" {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_and_stay_inside() {
        assert_eq!(along(25, 50, 600.0), 300.0);
        assert_eq!(along(80, 50, 600.0), 600.0);
        assert_eq!(along(-3, 50, 600.0), 0.0);
        assert_eq!(along(3, 0, 600.0), 0.0);
    }
}
