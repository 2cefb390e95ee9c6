//! An election contest: the hemicycle, the vote-vs-seat bars and the table, in
//! one or two columns.

use crate::figures::Figures;
use crate::contest::Contest;
use crate::hemicycle;
use super::builder::*;
use super::{bars::*, header::*, parliament::*, table::*};

pub(super) fn election(b: &mut Builder, ci: usize, c: &Contest, f: &Figures) {
    let o = b.o;
    heading(b, c);
    let colors = b.colors(c);
    let counts = &f.seats;
    let total = f.body;
    let has_seats = total > 0 && total <= hemicycle::MAX_SEATS;
    let wide = b.w >= crate::sizes::WIDE;
    let top = b.y;
    let mut bottom = b.y;
    if o.parts.hemicycle && has_seats {
        let col = if wide && o.parts.bars { (b.inner() * 0.52).min(crate::sizes::MAX_COLUMN) } else { b.inner().min(crate::sizes::MAX_COLUMN) };
        let x0 = if wide && o.parts.bars { b.pad } else { b.pad + (b.inner() - col) / 2.0 };
        parliament(b, ci, f, &colors, x0, col);
        // The legend is text: mirrored under its hemicycle, whose seats keep their order.
        let part = b.mark();
        legend(b, ci, c, counts, f.unassigned, &colors, x0, col);
        b.mirror(part, x0, x0 + col);
        bottom = b.y;
    }
    if o.parts.bars && c.parties.iter().any(|p| p.votes.is_some() || p.percent.is_some()) {
        let (x0, col) = if wide && o.parts.hemicycle && has_seats {
            let x0 = b.pad + (b.inner() * 0.52).min(crate::sizes::MAX_COLUMN) + 28.0;
            b.y = top;
            (x0, b.w - b.pad - x0)
        } else {
            b.y += 6.0;
            (b.pad, b.inner())
        };
        bars(b, ci, c, f, &colors, x0, col);
        bottom = bottom.max(b.y);
    }
    b.y = bottom + 10.0;
    if o.parts.swing {
        super::swing::swing(b, ci, c, f, &colors);
    }
    if o.parts.table {
        table(b, ci, c, f, &colors);
    }
    if o.parts.notes {
        notes(b, c);
    }
    if o.parts.source {
        if let Some(s) = &c.source {
            source_line(b, s);
        }
    }
}
