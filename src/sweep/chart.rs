//! chart.svg: one measure (a statistic, or the wall time `seconds`) against
//! one varied option, one line per combination of the other options. The x
//! axis lists the option's values in the order given, numbers or not.

use super::point::PointResult;
use anyhow::{Result, anyhow};
use plotters::prelude::*;
use std::path::Path;

/// Matplotlib's tab10: ten colours that stay apart on white.
const TAB10: [(u8, u8, u8); 10] = [
    (31, 119, 180),
    (255, 127, 14),
    (44, 160, 44),
    (214, 39, 40),
    (148, 103, 189),
    (140, 86, 75),
    (227, 119, 194),
    (127, 127, 127),
    (188, 189, 34),
    (23, 190, 207),
];

/// The measure of a point: `seconds`, `exit_code`, or a statistic.
pub fn measure(r: &PointResult, y: &str) -> Option<f64> {
    match y {
        "seconds" => r.seconds,
        "exit_code" => r.exit_code.map(f64::from),
        _ => r.stats.get(y)?.parse().ok(),
    }
}

/// One line: its label and its (x position, value) points.
pub type Series = (String, Vec<(usize, f64)>);

/// The lines of the chart: points grouped by their values of every option
/// but `x`, placed at the position of their `x` value.
pub fn series(results: &[PointResult], xs: &[String], x: &str, y: &str) -> Vec<Series> {
    let mut out: Vec<Series> = Vec::new();
    for r in results {
        let Some(value) = measure(r, y) else { continue };
        let vals = &r.point.values;
        let Some(pos) = vals
            .iter()
            .find(|(k, _)| k == x)
            .and_then(|(_, v)| xs.iter().position(|a| a == v))
        else {
            continue;
        };
        let others: Vec<String> = vals
            .iter()
            .filter(|(k, _)| k != x)
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let label = if others.is_empty() {
            y.to_string()
        } else {
            others.join(" ")
        };
        match out.iter_mut().find(|(l, _)| *l == label) {
            Some((_, pts)) => pts.push((pos, value)),
            None => out.push((label, vec![(pos, value)])),
        }
    }
    out
}

/// Draws the chart; `xs` are the values of `x` in order.
pub fn draw(path: &Path, results: &[PointResult], xs: &[String], x: &str, y: &str) -> Result<()> {
    let lines = series(results, xs, x, y);
    let top = lines
        .iter()
        .flat_map(|(_, p)| p.iter().map(|(_, v)| *v))
        .fold(0.0_f64, f64::max);
    let top = if top > 0.0 { top * 1.1 } else { 1.0 };
    let err = |e: &dyn std::fmt::Display| anyhow!("drawing {}: {e}", path.display());
    let root = SVGBackend::new(path, (800, 500)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| err(&e))?;
    let n = xs.len().max(1);
    let mut chart = ChartBuilder::on(&root)
        .caption(format!("{y} by {x}"), ("sans-serif", 22))
        .margin(15)
        .x_label_area_size(40)
        .y_label_area_size(70)
        .build_cartesian_2d(-0.5_f64..(n as f64 - 0.5), 0.0..top)
        .map_err(|e| err(&e))?;
    let label_of = |v: &f64| {
        let i = v.round();
        if (v - i).abs() < 1e-9 && i >= 0.0 {
            xs.get(i as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    };
    chart
        .configure_mesh()
        .x_labels(n * 2 + 1)
        .x_label_formatter(&label_of)
        .x_desc(x)
        .y_desc(y)
        .draw()
        .map_err(|e| err(&e))?;
    for (i, (label, pts)) in lines.iter().enumerate() {
        let (r, g, b) = TAB10[i % TAB10.len()];
        let color = RGBColor(r, g, b).to_rgba();
        let data: Vec<(f64, f64)> = pts.iter().map(|(p, v)| (*p as f64, *v)).collect();
        chart
            .draw_series(LineSeries::new(data.clone(), color.stroke_width(2)))
            .map_err(|e| err(&e))?
            .label(label.clone())
            .legend(move |(a, b)| PathElement::new(vec![(a, b), (a + 20, b)], color));
        chart
            .draw_series(data.iter().map(|p| Circle::new(*p, 4, color.filled())))
            .map_err(|e| err(&e))?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .margin(20)
        .border_style(BLACK)
        .background_style(WHITE.mix(0.8))
        .draw()
        .map_err(|e| err(&e))?;
    root.present().map_err(|e| err(&e))?;
    Ok(())
}
