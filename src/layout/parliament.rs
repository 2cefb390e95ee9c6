//! The hemicycle (seats as circles, district seats as squares), its centre total,
//! the majority line and the legend.

use crate::figures::Figures;
use crate::contest::{Contest, Rgb};
use crate::format;
use crate::hemicycle;
use crate::theme;
use super::builder::*;
use super::scene::*;

/// The seats a coalition or a highlighted party brings forward in contest `ci` (the others fade).
struct Focus {
    coalition: Option<u64>,
    highlight: Option<usize>,
}

impl Focus {
    fn of(o: &Options, ci: usize) -> Focus {
        // (The first paint's card has no pointer, keyboard or coalition builder: nothing in focus.)
        if !cfg!(feature = "full") {
            return Focus { coalition: None, highlight: None };
        }
        Focus { coalition: o.coalition.filter(|(c, _)| *c == ci).map(|(_, m)| m), highlight: o.highlight.filter(|(c, _)| *c == ci).map(|(_, p)| p) }
    }
    /// Whether party `p` is in the coalition.
    fn member(&self, p: usize) -> bool {
        self.coalition.is_some_and(|m| p < 64 && (m >> p) & 1 == 1)
    }
    /// Whether a seat of `party` (None: unassigned) fades.
    fn fades(&self, party: Option<usize>) -> bool {
        match (self.highlight, self.coalition, party) {
            (Some(hp), _, p) => p != Some(hp),
            (None, Some(_), Some(p)) => !self.member(p),
            (None, Some(_), None) => true,
            _ => false,
        }
    }
}

/// The chamber's geometry: its centre, its radius and a seat's radius.
struct Chamber {
    cx: f64,
    cy: f64,
    radius: f64,
    seat_r: f64,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn parliament(b: &mut Builder, ci: usize, f: &Figures, colors: &[Rgb], x0: f64, col: f64) {
    let t = *b.t();
    let h = hemicycle::layout(&f.seats, f.unassigned);
    let radius = col / 2.0 - 2.0;
    let seat_r = (h.seat_radius * radius).max(0.6);
    let majority_label = f.majority.map(|m| b.o.words.majority.to_string() + ": " + &num(m, b.o));
    let label_h = if majority_label.is_some() { b.fs + 6.0 } else { 0.0 };
    let chamber = Chamber { cx: x0 + col / 2.0, cy: b.y + label_h + radius + seat_r + 2.0, radius, seat_r };
    if let Some(label) = &majority_label {
        let fs = b.fs - 2.0;
        b.text(chamber.cx, b.y + label_h / 2.0, label, fs, false, t.muted, Align::Center);
        // The majority line: from the inner ring up through the top.
        b.shapes.push(Shape::Line { x1: chamber.cx, y1: b.y + label_h, x2: chamber.cx, y2: chamber.cy - radius * 0.42, color: t.muted, width: 1.0 });
    }
    let focus = Focus::of(b.o, ci);
    seat_marks(b, ci, f, colors, &h, &chamber, &focus);
    chamber_total(b, f, &chamber, &focus);
    b.y = chamber.cy + seat_r + 10.0;
    let part = b.mark();
    below_chamber(b, f, x0, col);
    b.mirror(part, x0, x0 + col);
}

/// Under the seats: the overhang, and the key to district and list seats.
fn below_chamber(b: &mut Builder, f: &Figures, x0: f64, col: f64) {
    let t = *b.t();
    let fs = b.fs - 2.0;
    // (Overhang comes from a replay of the rules: never in the first paint's module.)
    if cfg!(feature = "full") && f.overhang > 0 {
        // "121 seats: 120 + 1 overhang"
        let total = f.body;
        let line = num(total, b.o) + " " + b.o.words.total_seats + ": " + &num(total - f.overhang, b.o) + " + " + &num(f.overhang, b.o) + " " + b.o.words.overhang;
        b.paragraph(&line, x0, col, fs, false, t.muted);
    }
    if f.any_district {
        district_key(b, x0, fs);
    }
}

/// Each seat of the hemicycle: district seats are squares, list seats circles (told
/// apart by shape, not colour alone); seats out of focus fade.
fn seat_marks(b: &mut Builder, ci: usize, f: &Figures, colors: &[Rgb], h: &hemicycle::Hemicycle, ch: &Chamber, focus: &Focus) {
    let t = *b.t();
    let mut drawn = vec![0u64; f.seats.len()];
    for s in &h.seats {
        let mut color = s.party.map_or(t.unassigned, |p| colors[p]);
        let square = s.party.is_some_and(|p| {
            drawn[p] += 1;
            drawn[p] <= f.district_seats[p]
        });
        if focus.fades(s.party) {
            color = theme::mix(color, t.background, 0.75);
        }
        let (x, y) = (ch.cx + s.x * ch.radius, ch.cy - s.y * ch.radius);
        if square {
            let a = ch.seat_r * 0.9;
            b.shapes.push(Shape::Rect { x: x - a, y: y - a, w: 2.0 * a, h: 2.0 * a, color, alpha: 1.0 });
        } else {
            b.shapes.push(Shape::Circle { x, y, r: ch.seat_r, color });
        }
        b.seat_mark(SeatMark { contest: ci, party: s.party, x, y, r: ch.seat_r, color });
    }
}

/// The total in the well of the chamber; with a coalition, its seats against the majority.
fn chamber_total(b: &mut Builder, f: &Figures, ch: &Chamber, focus: &Focus) {
    let t = *b.t();
    let (cx, cy) = (ch.cx, ch.cy);
    let big = (ch.radius * 0.22).clamp(16.0, 44.0);
    let total = f.body;
    let fs = b.fs - 2.0;
    match focus.coalition {
        Some(_) => {
            let (sum, reached) = f.coalition(&|p| focus.member(p));
            let majority = f.majority.unwrap_or(total / 2 + 1);
            let color = if reached { t.ok } else { t.text };
            b.text(cx, cy - big * 0.75, &num(sum, b.o), big, true, color, Align::Center);
            let label = b.o.words.of.to_string() + " " + &num(total, b.o) + " · " + b.o.words.majority + " " + &num(majority, b.o);
            let label = b.wrap_lines(&label, ch.radius * 0.9, fs, false, 1).remove(0);
            b.text(cx, cy - big * 0.75 + big * 0.62 + 4.0, &label, fs, false, t.muted, Align::Center);
        }
        None => {
            b.text(cx, cy - big * 0.75, &num(total, b.o), big, true, t.text, Align::Center);
            b.text(cx, cy - big * 0.75 + big * 0.62 + 4.0, b.o.words.total_seats, fs, false, t.muted, Align::Center);
        }
    }
}

/// The key: a square for a district seat, a circle for a list seat.
fn district_key(b: &mut Builder, x0: f64, fs: f64) {
    let t = *b.t();
    let y = b.y + fs * 0.7;
    let a = 4.5;
    b.shapes.push(Shape::Rect { x: x0, y: y - a, w: 2.0 * a, h: 2.0 * a, color: t.muted, alpha: 1.0 });
    b.text(x0 + 14.0, y, b.o.words.district, fs, false, t.muted, Align::Left);
    let x2 = x0 + 14.0 + b.m.width(b.o.words.district, fs, false) + 16.0;
    b.shapes.push(Shape::Circle { x: x2 + a, y, r: a, color: t.muted });
    b.text(x2 + 14.0, y, b.o.words.list, fs, false, t.muted, Align::Left);
    b.y += fs * 1.4 + 4.0;
}

#[allow(clippy::too_many_arguments)]
pub(super) fn legend(b: &mut Builder, ci: usize, c: &Contest, counts: &[u64], unassigned: u64, colors: &[Rgb], x0: f64, col: f64) {
    let t = *b.t();
    let size = b.fs - 1.0;
    let lh = size + 8.0;
    let mut x = x0;
    // At most MAX_LEGEND entries, the most seats first kept (in the list's order).
    let shown = super::bars::largest(c.parties.len(), crate::sizes::MAX_LEGEND, &|i| counts[i] as f64);
    let hidden = (0..c.parties.len()).filter(|&i| counts[i] > 0 && !shown[i]).count();
    let mut items: Vec<(Option<usize>, String, Rgb)> = Vec::new();
    for (i, p) in c.parties.iter().enumerate() {
        if counts[i] > 0 && shown[i] {
            // The party's own name, shortened with an ellipsis if it must be, never its
            // count; not an editorial abbreviation ("NO 76") on a narrow card.
            let count = " ".to_string() + &num(counts[i], b.o);
            let room = col - 20.0 - b.m.width(&count, size, false);
            let name = b.wrap_lines(&p.name, room.max(40.0), size, false, 1).remove(0);
            items.push((Some(i), format::isolate(&name) + &count, colors[i]));
        }
    }
    if unassigned > 0 {
        items.push((None, b.o.words.unassigned.to_string() + " " + &num(unassigned, b.o), t.unassigned));
    }
    for (party, label, color) in items {
        let label = b.wrap_lines(&label, col - 20.0, size, false, 1).remove(0);
        let w = 16.0 + b.m.width(&label, size, false) + 14.0;
        if x > x0 && x + w > x0 + col {
            x = x0;
            b.y += lh;
        }
        b.shapes.push(Shape::Rect { x, y: b.y + lh / 2.0 - 5.0, w: 10.0, h: 10.0, color, alpha: 1.0 });
        b.text(x + 15.0, b.y + lh / 2.0, &label, size, false, t.text, Align::Left);
        if let Some(p) = party {
            b.region(Region { x, y: b.y, w: w - 8.0, h: lh, hit: Hit::Party { contest: ci, party: p } });
        }
        x += w;
    }
    b.y += lh + 4.0;
    if hidden > 0 {
        let line = "+ ".to_string() + &num(hidden as u64, b.o) + " " + b.o.words.more_parties;
        b.text(x0, b.y + size * 0.5, &line, size - 2.0, false, t.muted, Align::Left);
        b.y += size + 4.0;
    }
}
