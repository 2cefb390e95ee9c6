//! A body's composition as unit squares (a waffle): members by group.

use crate::figures::{self, Figures};
use crate::contest::{Contest, Rgb};
use crate::hemicycle;
use crate::theme;
use super::builder::*;
use super::scene::*;
use super::{header::*, parliament::*};

/// A row of `total` small squares, the first `filled` in `color`: a
/// waffle that shows a share as people.
pub(super) fn unit_bar(b: &mut Builder, total: u64, filled: u64, color: Rgb) {
    let t = *b.t();
    if total == 0 {
        return;
    }
    if total > 400 {
        // Too many people for squares: a proportion bar.
        let w = b.inner();
        b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w, h: 10.0, color: t.unassigned, alpha: 0.6 });
        b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w: w * filled.min(total) as f64 / total as f64, h: 10.0, color, alpha: 1.0 });
        b.y += 16.0;
        return;
    }
    let cell = 9.0;
    let per_row = ((b.inner() + 2.0) / (cell + 2.0)).floor().max(1.0) as u64;
    for k in 0..total {
        let (row, col) = (k / per_row, k % per_row);
        let c = if k < filled { color } else { t.unassigned };
        b.shapes.push(Shape::Rect { x: b.pad + col as f64 * (cell + 2.0), y: b.y + row as f64 * (cell + 2.0), w: cell, h: cell, color: c, alpha: 1.0 });
    }
    b.y += ((total + per_row - 1) / per_row) as f64 * (cell + 2.0) + 6.0;
}

/// The whole number of people a share stands for: the count, or the first
/// whole number that rounds to the reported percentage.

pub(super) fn share_rows(b: &mut Builder, shares: &[crate::contest::Share], whole: Option<u64>, stage_word: &str, first_color: usize) {
    let t = *b.t();
    for (i, s) in shares.iter().enumerate() {
        let color = theme::PALETTE[(first_color + i + 1) % theme::PALETTE.len()];
        let mut label = s.name.clone();
        if let Some(p) = &s.percent {
            label += ": ";
            label += &pct(p, b.o);
        }
        let n = whole.map(|w| figures::people(s, w));
        if let (Some(n), Some(w)) = (n, whole) {
            label += " (";
            label += &num(n, b.o);
            label += " ";
            label += b.o.words.of;
            label += " ";
            label += &num(w, b.o);
            label += ")";
        } else if let Some(st) = &s.stage {
            label += " · ";
            label += stage_word;
            label += " ";
            label += st;
        }
        let fs = b.fs - 1.0;
        b.paragraph(&label, b.pad, b.inner(), fs, false, t.text);
        b.y += 2.0;
        match (n, whole) {
            (Some(n), Some(w)) => unit_bar(b, w, n, color),
            _ => {
                // No whole to count against: a bar of 100 squares, one per percent.
                let per = s.percent.map_or(0, |p| p.to_f64().max(0.0).round() as u64);
                unit_bar(b, 100, per.min(100), color);
            }
        }
        b.y += 4.0;
    }
}

pub(super) fn composition(b: &mut Builder, ci: usize, c: &Contest, f: &Figures) {
    let t = *b.t();
    heading(b, c);
    let crate::contest::Detail::Composition(comp) = &c.detail else { return };
    if let Some(m) = comp.members {
        let fs = b.fs + 1.0;
        let line = num(m, b.o) + " " + b.o.words.members;
        b.paragraph(&line, b.pad, b.inner(), fs, true, t.text);
        b.y += 6.0;
    }
    if !c.parties.is_empty() && b.o.parts.hemicycle {
        let colors = b.colors(c);
        if f.body > 0 && f.body <= hemicycle::MAX_SEATS {
            let col = b.inner().min(crate::sizes::MAX_WAFFLE);
            let x0 = b.pad + (b.inner() - col) / 2.0;
            parliament(b, ci, f, &colors, x0, col);
            legend(b, ci, c, &f.seats, 0, &colors, x0, col);
        }
    }
    share_rows(b, &comp.shares, comp.members, "", 0);
    if b.o.parts.notes {
        notes(b, c);
    }
    if b.o.parts.source {
        if let Some(s) = &c.source {
            source_line(b, s);
        }
    }
}
