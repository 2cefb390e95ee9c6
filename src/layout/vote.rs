//! A vote (a congress's decision): the question, the outcome, participation and
//! each option's votes.

use crate::figures::Figures;
use crate::contest::{Contest, Party, Rgb};
use crate::number::Decimal;
use super::builder::*;
use super::scene::*;
use super::header::*;

pub(super) fn vote(b: &mut Builder, ci: usize, c: &Contest, f: &Figures) {
    let t = *b.t();
    let o = b.o;
    heading(b, c);
    if let Some(q) = &c.question {
        let fs = b.fs + 1.0;
        b.paragraph(q, b.pad, b.inner(), fs, true, t.text);
        b.y += 8.0;
    }
    let colors = b.colors(c);
    outcome_box(b, c);
    // Rule and participation.
    let rule = o.words.rule.to_string() + ": " + c.rule.map(|r| r.label()).unwrap_or(o.words.rule_unknown);
    let fs = b.fs - 1.0;
    b.paragraph(&rule, b.pad, b.inner(), fs, false, t.muted);
    if let (Some(p), Some(e), Some(turnout)) = (f.cast, c.electorate, f.turnout) {
        participation(b, p, e, &turnout.at(f.scale));
    }
    b.y += 6.0;
    for (i, p) in c.parties.iter().enumerate() {
        option_row(b, ci, i, p, f.vote_percent[i], colors[i]);
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

/// The outcome: as reported, else as the rule decides it from the votes; ticked when the two agree.
fn outcome_box(b: &mut Builder, c: &Contest) {
    let t = *b.t();
    let w = b.o.words;
    let computed = c.rule.and_then(|r| crate::validate::decide(c, r)).and_then(|r| r.ok());
    let outcome_text = match (&c.outcome, computed) {
        (Some(o), _) if o == "none" => w.no_outcome.to_string(),
        (Some(o), _) => o.clone(),
        (None, Some(Some(i))) => c.parties[i].name.clone(),
        (None, Some(None)) => w.no_outcome.to_string(),
        (None, None) => w.not_given.to_string(),
    };
    let agrees = match (&c.outcome, computed) {
        (Some(o), Some(Some(i))) => *o == c.parties[i].name,
        (Some(o), Some(None)) => o == "none",
        _ => false,
    };
    let size = b.fs;
    let label = w.outcome.to_string() + ":";
    let lw = b.m.width(&label, size, false) + 8.0;
    let lines = b.wrap_lines(&outcome_text, b.inner() - lw - 44.0, size + 2.0, true, 3);
    let bh = (size + 2.0) * 1.35 * lines.len() as f64 + 16.0;
    let accent = if agrees { t.ok } else { t.text };
    b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w: b.inner(), h: bh, color: accent, alpha: 0.08 });
    b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w: 4.0, h: bh, color: accent, alpha: 1.0 });
    b.text(b.pad + 14.0, b.y + 8.0 + (size + 2.0) * 0.675, &label, size, false, t.muted, Align::Left);
    for (k, l) in lines.iter().enumerate() {
        b.text(b.pad + 14.0 + lw, b.y + 8.0 + (size + 2.0) * 1.35 * (k as f64 + 0.5), l, size + 2.0, true, t.text, Align::Left);
    }
    if agrees {
        b.text(b.w - b.pad - 12.0, b.y + bh / 2.0, "✓", size + 4.0, true, t.ok, Align::Right);
    }
    b.y += bh + 10.0;
}

/// "Participation: 350 of 400 took part (87.50%)" and its bar.
fn participation(b: &mut Builder, p: u64, e: u64, turnout: &Decimal) {
    let t = *b.t();
    let o = b.o;
    let w = o.words;
    let fs = b.fs - 1.0;
    let mut s = w.participation.to_string() + ": " + &num(p, o) + " " + w.of + " " + &num(e, o) + " " + w.took_part;
    s += " (";
    s += &pct(turnout, o);
    s += ")";
    b.paragraph(&s, b.pad, b.inner(), fs, false, t.muted);
    b.y += 4.0;
    let frac = if e > 0 { p as f64 / e as f64 } else { 0.0 };
    b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w: b.inner(), h: 8.0, color: t.unassigned, alpha: 0.5 });
    b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w: b.inner() * frac.min(1.0), h: 8.0, color: t.muted, alpha: 1.0 });
    b.y += 14.0;
}

/// An option's name, its votes and share, and its share bar.
fn option_row(b: &mut Builder, ci: usize, i: usize, p: &Party, share: Option<Decimal>, color: Rgb) {
    let t = *b.t();
    let o = b.o;
    let size = b.fs;
    let right = match (p.votes, share) {
        (None, None) => o.words.not_given.to_string(),
        _ => p.votes.map(|v| num(v, o)).unwrap_or_else(|| "—".into()) + "   " + &share.map(|d| pct(&d, o)).unwrap_or_else(|| "—".into()),
    };
    let rw = b.m.width(&right, size, false);
    let row_top = b.y;
    let lines = b.wrap_lines(&p.name, b.inner() - rw - 16.0, size, true, 2);
    for (k, l) in lines.iter().enumerate() {
        b.text(b.pad, b.y + size * 1.3 * (k as f64 + 0.5), l, size, true, t.text, Align::Left);
    }
    b.text(b.w - b.pad, b.y + size * 0.65, &right, size, false, t.text, Align::Right);
    b.y += size * 1.3 * lines.len() as f64 + 4.0;
    // No share to draw: no empty bar that would read as a broken chart.
    if let Some(d) = share {
        let frac = d.to_f64() / 100.0;
        b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w: b.inner(), h: 12.0, color: t.stripe, alpha: 1.0 });
        if frac > 0.0 {
            b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w: b.inner() * frac.min(1.0), h: 12.0, color, alpha: 1.0 });
        }
        b.y += 20.0;
    } else {
        b.y += 4.0;
    }
    b.region(Region { x: b.pad, y: row_top, w: b.inner(), h: b.y - row_top, hit: Hit::Party { contest: ci, party: i } });
}
