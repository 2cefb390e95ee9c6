//! The error card: what cannot be shown and where, with the last good card kept
//! below it.

use crate::report::{Report, Severity};
use super::builder::*;
use super::scene::*;
use super::header::*;

/// A card for a document that cannot be shown: what is wrong and where;
/// with the last good scene below it when there is one.
pub fn error_card(report: &Report, o: &Options, m: &dyn Measure, last_good: Option<&Scene>) -> Scene {
    let mut b = Builder::new(o, m);
    let start = b.mark();
    let t = *b.t();
    let top = b.y;
    b.y += 10.0;
    let fs = b.fs + 1.0;
    b.paragraph(&("✗ ".to_string() + o.words.cannot_read), b.pad + 12.0, b.inner() - 24.0, fs, true, t.error);
    b.y += 4.0;
    const SHOWN: usize = 8;
    let all = report.count(Severity::Error);
    for f in report.findings.iter().filter(|f| f.severity == Severity::Error).take(SHOWN) {
        finding(&mut b, f);
    }
    if all > SHOWN {
        let fs = b.fs - 1.0;
        let line = o.words.more_errors.to_string() + ": " + &num((all - SHOWN) as u64, o);
        b.paragraph(&line, b.pad + 12.0, b.inner() - 24.0, fs, false, t.muted);
    }
    if last_good.is_some() {
        let fs = b.fs - 1.0;
        b.paragraph(o.words.kept, b.pad + 12.0, b.inner() - 24.0, fs, false, t.muted);
    }
    b.y += 6.0;
    let h = b.y - top;
    b.shapes.insert(0, Shape::Frame { x: b.pad, y: top, w: b.inner(), h, color: t.error, width: 2.0 });
    b.shapes.insert(0, Shape::Rect { x: b.pad, y: top, w: b.inner(), h, color: t.error, alpha: 0.06 });
    b.y += 8.0;
    b.mirror_card(start);
    let rtl = b.rtl();
    let mut scene = Scene { width: b.w, height: 0.0, background: t.background, shapes: b.shapes, regions: b.regions, seats: b.seats, summary: String::new(), pages: 1, rtl };
    let mut summary = o.words.cannot_read.to_string();
    if let Some(f) = report.findings.first() {
        summary += ": ";
        summary += &f.message;
    }
    if let Some(g) = last_good {
        let dy = b.y;
        for s in &g.shapes {
            scene.shapes.push(shift(s, dy));
        }
        scene.regions.extend(g.regions.iter().map(|r| Region { y: r.y + dy, ..*r }));
        scene.seats.extend(g.seats.iter().map(|s| SeatMark { y: s.y + dy, ..*s }));
        scene.height = (dy + g.height).ceil();
        summary += ". ";
        summary += &g.summary;
    } else {
        scene.height = b.y.ceil();
    }
    scene.summary = summary;
    scene
}

pub(super) fn shift(s: &Shape, dy: f64) -> Shape {
    let mut s = s.clone();
    match &mut s {
        Shape::Rect { y, .. } | Shape::Frame { y, .. } | Shape::Circle { y, .. } | Shape::Text { y, .. } => *y += dy,
        Shape::Line { y1, y2, .. } => {
            *y1 += dy;
            *y2 += dy;
        }
    }
    s
}
