//! The swing chart: each party's change of vote share since the previous
//! election, a bar right of the zero line for a gain and left of it for a
//! loss, with its value in points. Drawn when previous shares are given.

use crate::contest::{Contest, Rgb};
use crate::figures::Figures;
use super::builder::*;
use super::scene::*;

/// The chart across the card, for the lines with a swing (at most MAX_BARS, the largest shares).
pub(super) fn swing(b: &mut Builder, ci: usize, c: &Contest, f: &Figures, colors: &[Rgb]) {
    let with: Vec<usize> = f.order.iter().copied().filter(|&i| f.swing[i].is_some()).collect();
    if with.is_empty() {
        return;
    }
    let share = |i: usize| f.vote_share[i].map_or(0.0, |s| s.approx());
    let keep = super::bars::largest(with.len(), crate::sizes::MAX_BARS, &|k| share(with[k]));
    let mut rows: Vec<usize> = Vec::new();
    for (k, &i) in with.iter().enumerate() {
        if keep[k] {
            rows.push(i);
        }
    }
    let t = *b.t();
    let size = b.fs - 1.0;
    let title = b.o.words.swing_title.to_string();
    b.paragraph(&title, b.pad, b.inner(), size, true, t.text);
    b.y += 4.0;
    let points = |i: usize| f.swing[i].map_or(0.0, |d| d.to_f64());
    let max = rows.iter().map(|&i| points(i).abs()).fold(0.0, f64::max).max(1.0);
    // Names on the left, the bars' area to their right, the zero line in its middle.
    let name_w = (b.inner() * 0.32).min(220.0);
    let area = b.inner() - name_w;
    let zero = b.pad + name_w + area / 2.0;
    let half = area / 2.0 - 56.0;
    let lh = size * 1.5;
    let top = b.y;
    for &i in &rows {
        let p = &c.parties[i];
        let cy = b.y + lh / 2.0;
        let name = b.wrap_lines(p.short.as_deref().filter(|_| b.w < crate::sizes::NARROW).unwrap_or(&p.name), name_w - 8.0, size, false, 1).remove(0);
        b.text(b.pad, cy, &name, size, false, t.text, Align::Left);
        let v = points(i);
        let w = (v.abs() / max * half).max(1.0);
        let x = if v < 0.0 { zero - w } else { zero };
        b.shapes.push(Shape::Rect { x, y: cy - lh * 0.3, w, h: lh * 0.6, color: colors[i], alpha: 1.0 });
        let label = f.swing[i].map(|d| crate::format::points(&d, &b.o.locale)).unwrap_or_default();
        let (lx, align) = if v < 0.0 { (x - 4.0, Align::Right) } else { (x + w + 4.0, Align::Left) };
        b.text(lx, cy, &label, size - 1.0, false, t.muted, align);
        b.region(Region { x: b.pad, y: b.y, w: b.inner(), h: lh, hit: Hit::Party { contest: ci, party: i } });
        b.y += lh;
    }
    b.shapes.push(Shape::Line { x1: zero, y1: top - 2.0, x2: zero, y2: b.y + 2.0, color: t.muted, width: 1.0 });
    b.y += 8.0;
}
