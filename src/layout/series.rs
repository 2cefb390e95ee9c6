//! A party's seats over time: a line of seat shares by year.

use crate::contest::Contest;
use crate::number::Decimal;
use super::builder::*;
use super::scene::*;
use super::header::*;

pub(super) fn series(b: &mut Builder, ci: usize, c: &Contest) {
    let t = *b.t();
    let o = b.o;
    heading(b, c);
    let crate::contest::Detail::Series(s) = &c.detail else { return };
    let color = b.party(s.color, 0);
    let size = b.fs - 1.0;
    if let Some(p) = &s.party {
        b.shapes.push(Shape::Rect { x: b.pad, y: b.y + 3.0, w: 10.0, h: 10.0, color, alpha: 1.0 });
        let fs = b.fs + 1.0;
        b.paragraph(p, b.pad + 16.0, b.inner() - 16.0, fs, true, t.text);
    }
    // Key: light = vote share, solid = seat share; the line is a majority (50%).
    let key_y = b.y + size / 2.0 + 4.0;
    b.shapes.push(Shape::Rect { x: b.pad, y: key_y - 4.0, w: 14.0, h: 8.0, color, alpha: 0.4 });
    b.text(b.pad + 18.0, key_y, o.words.vote_share, size, false, t.muted, Align::Left);
    let kx = b.pad + 18.0 + b.m.width(o.words.vote_share, size, false) + 14.0;
    b.shapes.push(Shape::Rect { x: kx, y: key_y - 4.0, w: 14.0, h: 8.0, color, alpha: 1.0 });
    b.text(kx + 18.0, key_y, o.words.seat_share, size, false, t.muted, Align::Left);
    b.y += size + 14.0;
    let label_w = s.points.iter().map(|p| b.m.width(&p.label, size, true)).fold(0.0, f64::max).min(b.inner() * 0.3) + 10.0;
    let value_w = b.m.width("100.0%", size - 2.0, false) + 8.0;
    let x0 = b.pad + label_w;
    let bar_w = (b.inner() - label_w - value_w).max(40.0);
    let top = b.y;
    for (i, p) in s.points.iter().enumerate() {
        let seat = p.seat_percent.or(match (p.seats, p.of) {
            (Some(n), Some(of)) if of > 0 => Some(Decimal::share(n, of, 1)),
            _ => None,
        });
        let row_top = b.y;
        let label = b.wrap_lines(&p.label, label_w - 8.0, size, true, 1).remove(0);
        b.text(b.pad, b.y + 10.0, &label, size, true, t.text, Align::Left);
        let bh = 9.0;
        let frac = |d: &Decimal| (d.to_f64() / 100.0).clamp(0.0, 1.0);
        if let Some(v) = &p.vote_percent {
            b.shapes.push(Shape::Rect { x: x0, y: b.y, w: (bar_w * frac(v)).max(1.0), h: bh, color, alpha: 0.4 });
            b.text(x0 + bar_w * frac(v) + 4.0, b.y + bh / 2.0, &pct(v, o), size - 2.0, false, t.muted, Align::Left);
        }
        b.y += bh + 2.0;
        if let Some(sp) = &seat {
            b.shapes.push(Shape::Rect { x: x0, y: b.y, w: (bar_w * frac(sp)).max(1.0), h: bh, color, alpha: 1.0 });
            let mut v = pct(sp, o);
            if let (Some(n), Some(of)) = (p.seats, p.of) {
                v = num(n, o) + "/" + &num(of, o);
            }
            b.text(x0 + bar_w * frac(sp) + 4.0, b.y + bh / 2.0, &v, size - 2.0, false, t.text, Align::Left);
        } else if let Some(n) = p.seats {
            // Seats without the body's size: the count alone, no share to draw.
            let v = num(n, o) + " " + o.words.total_seats;
            b.text(x0, b.y + bh / 2.0, &v, size - 2.0, false, t.text, Align::Left);
        }
        b.y += bh + 10.0;
        b.region(Region { x: b.pad, y: row_top, w: b.inner(), h: b.y - row_top, hit: Hit::Party { contest: ci, party: i } });
    }
    // The majority line at 50%.
    let xm = x0 + bar_w * 0.5;
    b.shapes.push(Shape::Line { x1: xm, y1: top - 4.0, x2: xm, y2: b.y - 6.0, color: t.muted, width: 1.0 });
    let label = o.words.majority.to_string() + " 50%";
    b.text(xm, b.y + 2.0, &label, size - 2.0, false, t.muted, Align::Center);
    b.y += size + 6.0;
    if o.parts.notes {
        notes(b, c);
    }
    if o.parts.source {
        if let Some(src) = &c.source {
            source_line(b, src);
        }
    }
}
