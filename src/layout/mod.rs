//! Layout: from a checked document to a [`Scene`] of plain shapes in CSS
//! pixels (rects, circles, lines, text). No browser types: the same scene is
//! drawn into a canvas (wasm) and into SVG (native and wasm) by [`crate::draw`],
//! and tests read it directly (seat centres, hit regions, text).

use crate::contest::{Document, Kind};
use crate::figures::Figures;
use crate::report::Report;

mod bars;
mod bidi;
mod builder;
mod election;
mod error;
mod funnel;
mod header;
mod parliament;
mod scene;
mod series;
mod summary;
mod swing;
mod table;
pub mod tween;
mod tooltip;
mod vote;
mod waffle;

pub use bars::MAX_BARS;
pub use builder::{Approx, Measure, Options, Parts, MAX_WIDTH, MIN_WIDTH};
use builder::*;
pub use error::error_card;
pub use scene::*;
pub use header::place;
pub use summary::summary;
pub use tooltip::tooltip;
pub use table::{coalition_text, html_table, table_model, table_rows, TableModel, MAX_ROWS};
use election::*;
use funnel::*;
use header::*;
use series::*;
use vote::*;
use waffle::*;

/// Lay out the card for a document, its figures (one per contest) and its report.
pub fn card(doc: &Document, figures: &[Figures], report: &Report, o: &Options, m: &dyn Measure) -> Scene {
    let mut b = Builder::new(o, m);
    let t = *b.t();
    if o.parts.title {
        if let Some(title) = &doc.title {
            let size = if b.w < crate::sizes::NARROW { 18.0 } else { 21.0 };
            let start = b.mark();
            let title = b.data(title);
            b.paragraph(&title, b.pad, b.inner(), size, true, t.text);
            b.mirror_card(start);
            b.y += 6.0;
        }
    }
    if o.parts.badge {
        badge(&mut b, report);
    }
    for (i, (c, f)) in doc.contests.iter().zip(figures).enumerate() {
        if i > 0 || (o.parts.title && doc.title.is_some()) || o.parts.badge {
            b.y += 8.0;
            b.hr();
            b.y += 12.0;
        }
        match c.kind {
            Kind::Election => election(&mut b, i, c, f),
            Kind::Vote => {
                // A vote has no graph with a political order: all of it is mirrored.
                let start = b.mark();
                vote(&mut b, i, c, f);
                b.mirror_card(start);
            }
            // The first paint's module leaves these kinds to the full one (see `first_paint`).
            _ if !cfg!(feature = "full") => {}
            Kind::Composition => composition(&mut b, i, c, f),
            Kind::Series => series(&mut b, i, c),
            Kind::Primaries => primaries(&mut b, i, c),
        }
    }
    if o.parts.notes && !doc.notes.is_empty() {
        b.y += 6.0;
        let start = b.mark();
        for n in &doc.notes {
            let fs = b.fs - 2.0;
            let n = b.data(n);
            b.paragraph(&n, b.pad, b.inner(), fs, false, t.muted);
            b.y += 3.0;
        }
        b.mirror_card(start);
    }
    // The document's source, unless its only contest already named one.
    let contest_source = doc.contests.len() == 1 && doc.contests[0].source.is_some();
    if o.parts.source && !contest_source {
        if let Some(s) = &doc.source {
            source_line(&mut b, s);
        }
    }
    b.y += b.pad * 0.75;
    // The screen reader's summary says first whether the numbers check out. The first paint's
    // module says the title and "Checking the numbers…" only: the full module's card, which
    // replaces it as soon as the check has run, reads out the figures with their verdict
    // (2 KB gzip less before an English card's first paint).
    let body = if cfg!(feature = "full") { summary(doc, figures, o) } else { doc.title.clone().unwrap_or_default() };
    let verdict = header::verdict(report, o.words);
    // ("Checking the numbers…" ends its own sentence.)
    let stop = if verdict.ends_with('…') { " " } else { ". " };
    let summary = match &doc.title {
        Some(t) if body.starts_with(t.as_str()) => {
            let rest = &body[t.len()..];
            t.clone() + ". " + &verdict + if stop == " " { rest.strip_prefix('.').unwrap_or(rest) } else { rest }
        }
        // (The first paint's card of a document without a title: its verdict alone.)
        _ if body.is_empty() => verdict,
        _ => verdict + stop + &body,
    };
    let rtl = b.rtl();
    Scene { width: b.w, height: b.y.ceil(), background: t.background, shapes: b.shapes, regions: b.regions, seats: b.seats, summary, pages: b.pages, rtl }
}

#[cfg(test)]
mod tests {
    use super::bars::largest;

    #[test]
    fn largest_keeps_the_k_largest_and_earlier_on_ties() {
        let v = [5.0, 1.0, 9.0, 5.0, 7.0, 5.0, 0.0];
        let k = |n: usize| largest(v.len(), n, &|i| v[i]);
        let on = |m: Vec<bool>| m.iter().enumerate().filter(|(_, k)| **k).map(|(i, _)| i).collect::<Vec<_>>();
        assert_eq!(on(k(3)), vec![0, 2, 4], "9, 7 and the first 5");
        assert_eq!(on(k(4)), vec![0, 2, 3, 4]);
        assert_eq!(on(k(0)), Vec::<usize>::new());
        assert_eq!(on(k(7)), (0..7).collect::<Vec<_>>());
        // Against a full sort on a longer list.
        let w: Vec<f64> = (0..1000u64).map(|i| ((i * 7919) % 1009) as f64).collect();
        let mut idx: Vec<usize> = (0..w.len()).collect();
        idx.sort_by(|&a, &b| w[b].partial_cmp(&w[a]).unwrap().then(a.cmp(&b)));
        let mut want = idx[..15].to_vec();
        want.sort();
        assert_eq!(on(largest(w.len(), 15, &|i| w[i])), want);
    }
}
