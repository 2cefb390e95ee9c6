//! Vote-vs-seat bars: each line's share of the votes beside its share of the seats,
//! with the threshold drawn across.

use crate::figures::Figures;
use crate::contest::{Contest, Party, Rgb};
use crate::number::Decimal;
use super::builder::*;
use super::scene::*;

/// Vote share against seat share, one pair of bars per party.
/// Pairs of vote and seat bars.
pub use crate::sizes::MAX_BARS;

/// Which of `n` items are among the `k` largest by `key` (ties: earlier first).
/// One pass keeping the best `k` in order: for the card's small `k` and long
/// lists that is far cheaper than sorting the whole list.
pub(super) fn largest(n: usize, k: usize, key: &dyn Fn(usize) -> f64) -> Vec<bool> {
    let mut keep = vec![n <= k; n];
    if n > k && k > 0 {
        let mut top: Vec<(f64, usize)> = Vec::with_capacity(k + 1);
        for i in 0..n {
            let v = key(i);
            if top.len() == k && v <= top[k - 1].0 {
                continue;
            }
            // After every kept entry of the same or a larger key: earlier items win ties.
            let at = top.iter().position(|t| v > t.0).unwrap_or(top.len());
            top.insert(at, (v, i));
            top.truncate(k);
        }
        for (_, i) in top {
            keep[i] = true;
        }
    }
    keep
}

/// A label's x, moved right of the threshold line if it would cross it.
pub(super) fn clear_of(x: f64, w: f64, line: Option<f64>) -> f64 {
    match line {
        Some(l) if x < l + 3.0 && x + w > l - 3.0 => l + 4.0,
        _ => x,
    }
}

/// Where a column of bars is drawn and how long a share's bar is.
struct Axis {
    x0: f64,
    col: f64,
    /// The labels' font size.
    size: f64,
    bar_w: f64,
    /// The share (percent) a full bar stands for.
    scale_max: f64,
    /// Where the threshold's line crosses the bars, if one is drawn.
    threshold_x: Option<f64>,
}

impl Axis {
    fn px(&self, d: &Decimal) -> f64 {
        d.to_f64() / self.scale_max * self.bar_w
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn bars(b: &mut Builder, ci: usize, c: &Contest, f: &Figures, colors: &[Rgb], x0: f64, col: f64) {
    let o = b.o;
    let size = b.fs - 1.0;
    bars_key(b, x0, size, f.body > 0);
    // The widest label: 100% at the card's precision (1 to 4 decimals).
    let widest = ["100.0%", "100.00%", "100.000%", "100.0000%"][(f.scale.clamp(1, 4) - 1) as usize];
    let value_w = b.m.width(widest, size, false) + 6.0;
    // Each party's vote share as a float, once: for the scale and for which bars are drawn (a page
    // of a long table lays the card out again, every party's share with it).
    let votes: Vec<f64> = f.vote_percent.iter().map(|d| d.map_or(0.0, |d| d.to_f64())).collect();
    // Scale: the largest share, rounded up to ten.
    let mut max_units = 0.0f64;
    for (i, &vote) in votes.iter().enumerate() {
        max_units = max_units.max(vote).max(seat_share(c, f, i).map_or(0.0, |d| d.to_f64()));
    }
    let mut axis = Axis { x0, col, size, bar_w: (col - value_w).max(40.0), scale_max: ((max_units / 10.0).ceil() * 10.0).clamp(10.0, 100.0), threshold_x: None };
    // A 0% threshold (the format's way of saying "none") draws no line.
    let threshold = c.threshold.as_ref().filter(|th| th.percent.units > 0);
    axis.threshold_x = threshold.map(|th| x0 + axis.px(&th.percent));
    // At most MAX_BARS pairs: the largest vote shares, in the list's order.
    let shown = largest(c.parties.len(), MAX_BARS, &|i| votes[i]);
    let mut bar_rows: Vec<(f64, f64)> = Vec::new();
    for (i, p) in c.parties.iter().enumerate().filter(|&(i, _)| shown[i]) {
        bar_rows.push(party_bars(b, ci, i, p, (f.vote_percent[i], seat_share(c, f, i)), colors[i], &axis));
    }
    let hidden = shown.iter().filter(|&&v| !v).count();
    if hidden > 0 {
        let line = "+ ".to_string() + &num(hidden as u64, o) + " " + o.words.more_parties;
        b.text(x0, b.y + size * 0.5, &line, size - 2.0, false, b.t().muted, Align::Left);
        b.y += size + 4.0;
    }
    if let (Some(th), Some(x)) = (threshold, axis.threshold_x) {
        threshold_line(b, &th.percent, x, &bar_rows, size);
    }
}

/// The bars' key: light bar = votes, solid bar = seats (when the body has seats).
fn bars_key(b: &mut Builder, x0: f64, size: f64, seats: bool) {
    let t = *b.t();
    let words = b.o.words;
    let key_y = b.y + size / 2.0 + 2.0;
    b.shapes.push(Shape::Rect { x: x0, y: key_y - 4.0, w: 14.0, h: 8.0, color: t.muted, alpha: 0.35 });
    b.text(x0 + 18.0, key_y, words.vote_share, size, false, t.muted, Align::Left);
    let kx = x0 + 18.0 + b.m.width(words.vote_share, size, false) + 14.0;
    if seats {
        b.shapes.push(Shape::Rect { x: kx, y: key_y - 4.0, w: 14.0, h: 8.0, color: t.muted, alpha: 1.0 });
        b.text(kx + 18.0, key_y, words.seat_share, size, false, t.muted, Align::Left);
    }
    b.y += size + 10.0;
}

/// A party's seat share, for a party given seats in the body.
fn seat_share(c: &Contest, f: &Figures, i: usize) -> Option<Decimal> {
    let p = &c.parties[i];
    if p.seats.is_some() && p.role.takes_seats() { f.seat_percent[i] } else { None }
}

/// One party's name with its vote bar and seat bar; returns the bars' top and bottom (for the threshold's line).
fn party_bars(b: &mut Builder, ci: usize, i: usize, p: &Party, (vote, seat): (Option<Decimal>, Option<Decimal>), color: Rgb, a: &Axis) -> (f64, f64) {
    let t = *b.t();
    let o = b.o;
    let (x0, size) = (a.x0, a.size);
    let name = b.data(&p.name);
    let name = b.wrap_lines(&name, a.col, size, false, 1).remove(0);
    b.text(x0, b.y + size * 0.6, &name, size, false, t.text, Align::Left);
    let row_top = b.y;
    b.y += size * 1.2 + 2.0;
    let bh = 9.0;
    let rows = (b.y - 2.0, b.y + 2.0 * bh + 4.0);
    if let Some(v) = vote {
        b.shapes.push(Shape::Rect { x: x0, y: b.y, w: a.px(&v).max(1.0), h: bh, color, alpha: 0.4 });
        let label = pct(&v, o);
        let lx = clear_of(x0 + a.px(&v) + 4.0, b.m.width(&label, size - 2.0, false), a.threshold_x);
        b.text(lx, b.y + bh / 2.0, &label, size - 2.0, false, t.muted, Align::Left);
    }
    b.y += bh + 2.0;
    if let Some(s) = seat {
        b.shapes.push(Shape::Rect { x: x0, y: b.y, w: a.px(&s).max(if p.seats == Some(0) { 0.0 } else { 1.0 }), h: bh, color, alpha: 1.0 });
        let label = pct(&s, o);
        let lx = clear_of(x0 + a.px(&s) + 4.0, b.m.width(&label, size - 2.0, false), a.threshold_x);
        b.text(lx, b.y + bh / 2.0, &label, size - 2.0, false, t.text, Align::Left);
    }
    b.y += bh + 8.0;
    b.region(Region { x: x0, y: row_top, w: a.col, h: b.y - row_top, hit: Hit::Party { contest: ci, party: i } });
    rows
}

/// The threshold, as a line at `x` across the bars (not through the party names), with its label.
fn threshold_line(b: &mut Builder, percent: &Decimal, x: f64, bar_rows: &[(f64, f64)], size: f64) {
    let t = *b.t();
    for &(y1, y2) in bar_rows {
        b.shapes.push(Shape::Line { x1: x, y1, x2: x, y2, color: t.muted, width: 1.0 });
    }
    let label = pct(percent, b.o) + " " + b.o.words.threshold;
    b.text(x + 3.0, b.y + 2.0, &label, size - 2.0, false, t.muted, Align::Left);
    b.y += size;
}
