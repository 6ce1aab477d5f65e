//! Hungary's counties as an SVG drawn on the server (no tile server, no script): each
//! county a link to its page, shaded by the chosen indicator's value, settlements reached
//! as dots. The shapes are Natural Earth admin-1 (public domain), simplified and committed
//! with their attribution in `map/`. The list beside the map carries the same numbers.

use crate::ctx::Ctx;
use kozos_app::indicators::Dot;
use maud::{html, Markup};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Shapes {
    counties: Vec<County>,
}

#[derive(Deserialize)]
struct County {
    name: String,
    d: String,
    cx: f32,
    cy: f32,
}

/// The shapes, parsed once from data compiled into the binary.
fn shapes() -> &'static Shapes {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES.get_or_init(|| {
        serde_json::from_str(include_str!("map/counties.json")).expect("counties.json is valid")
    })
}

/// Light to dark blue; the darkest classes take white text in the legend.
const CLASSES: [&str; 5] = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
const NONE: &str = "#f2f2f2";

/// The class of a value among five equal steps up to the largest.
fn class(value: i64, max: i64) -> usize {
    if max <= 0 || value <= 0 {
        return 0;
    }
    (((value as f64 / max as f64) * 5.0).ceil() as usize).clamp(1, 5) - 1
}

/// One county on the map: where it links, its figure as text, and its value for shading
/// (`None`: hidden or not counted).
pub struct Area {
    pub name: String,
    pub href: Option<String>,
    pub label: String,
    pub value: Option<i64>,
    pub current: bool,
}

pub fn map(ctx: &Ctx, title: &str, areas: &[Area], dots: &[(Dot, String)]) -> Markup {
    let max = areas.iter().filter_map(|a| a.value).max().unwrap_or(0);
    html! {
        figure.map {
            svg viewBox="0 0 1000 621" role="group" aria-labelledby="map-title" {
                title #map-title { (title) }
                @for c in &shapes().counties {
                    @let area = areas.iter().find(|a| a.name == c.name);
                    @let fill = match area.and_then(|a| a.value) { Some(v) if v > 0 => CLASSES[class(v, max)], _ => NONE };
                    @let stroke_w = if area.is_some_and(|a| a.current) { "4" } else { "1.2" };
                    @match area.and_then(|a| a.href.as_ref().map(|h| (a, h))) {
                        Some((a, href)) => {
                            a href=(href) aria-label=(a.label) {
                                path d=(c.d) fill=(fill) stroke="#333" stroke-width=(stroke_w) {
                                    title { (a.label) }
                                }
                            }
                        }
                        None => {
                            path d=(c.d) fill=(fill) stroke="#333" stroke-width=(stroke_w) {
                                title { (area.map_or(c.name.as_str(), |a| a.label.as_str())) }
                            }
                        }
                    }
                }
                @for c in &shapes().counties {
                    text x=(c.cx) y=(c.cy) text-anchor="middle" font-size="13" fill="#111" stroke="#fff" stroke-width="3" paint-order="stroke" aria-hidden="true" { (short(&c.name)) }
                }
                @for (d, label) in dots {
                    circle cx=(format!("{:.1}", d.x)) cy=(format!("{:.1}", d.y)) r="3.2" fill="#b3261e" stroke="#fff" stroke-width="1" {
                        title { (label) }
                    }
                }
            }
            figcaption {
                (ctx.t("map-legend"))
                ul.legend {
                    li { span.swatch.none {} (ctx.t("map-none")) }
                    @for (i, _) in CLASSES.iter().enumerate() {
                        @if let Some(range) = legend_range(ctx, i, max) {
                            li { span class={ "swatch c" (i) } {} (range) }
                        }
                    }
                    @if !dots.is_empty() { li { span.swatch.dot {} (ctx.t("map-dot")) } }
                }
                small { (ctx.t("map-attribution")) }
            }
        }
    }
}

/// The values class `i` shades (those `class` puts in it); `None` when no whole number
/// falls in it (small maxima leave some classes empty).
fn legend_range(ctx: &Ctx, i: usize, max: i64) -> Option<String> {
    let (lo, hi) = class_bounds(i, max)?;
    Some(if lo == hi {
        ctx.lang.number(lo)
    } else {
        format!("{}–{}", ctx.lang.number(lo), ctx.lang.number(hi))
    })
}

fn class_bounds(i: usize, max: i64) -> Option<(i64, i64)> {
    if max <= 0 {
        return None;
    }
    let lo = (max as f64 * i as f64 / 5.0).floor() as i64 + 1;
    let hi = (max as f64 * (i + 1) as f64 / 5.0).floor() as i64;
    (lo <= hi).then_some((lo, hi))
}

/// Budapest and the long county names, short enough to sit inside their shapes.
fn short(name: &str) -> &str {
    name.split('-').next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_county_and_the_capital_has_a_shape() {
        assert_eq!(shapes().counties.len(), 20);
        assert!(shapes().counties.iter().any(|c| c.name == "Budapest"));
        assert!(shapes().counties.iter().all(|c| c.d.starts_with('M')));
    }

    #[test]
    fn classes_rise_with_the_value() {
        assert_eq!(class(0, 100), 0);
        assert_eq!(class(1, 100), 0);
        assert_eq!(class(100, 100), 4);
        assert!(class(50, 100) < class(90, 100));
    }

    #[test]
    fn the_legend_names_exactly_the_values_each_class_shades() {
        for max in [1, 3, 7, 100, 1234] {
            for v in 1..=max {
                let (lo, hi) = class_bounds(class(v, max), max).expect("a used class has bounds");
                assert!(lo <= v && v <= hi, "v={v} max={max} in {lo}..={hi}");
            }
        }
        assert_eq!(class_bounds(0, 1), None);
    }
}
