//! Wikitext: a wikitable per contest in the style of Wikipedia's election
//! results, with the card's own table model (its cells, its words in the
//! card's locale, its ballot rows and seat total), so that the wikitable and
//! the card never disagree.

use super::{url_for_wikitext, wiki_text};
use crate::contest::{Contest, Document};
use crate::figures::Figures;
use crate::format::{self, grouped, int, Locale};
use crate::contest::Detail;
use crate::layout::{table_model, Options, TableModel};
use crate::theme;

/// A wikitable per contest (with its figures, in the document's order), labelled in the locale's words.
pub fn to_wikitext(doc: &Document, figures: &[Figures], loc: &Locale) -> String {
    to_wikitext_with(doc, figures, loc, crate::catalogue::for_locale(loc.tag))
}

/// The same with words of its own (the wasm's: handed a catalogue, see `web`).
pub fn to_wikitext_with(doc: &Document, figures: &[Figures], loc: &Locale, words: &'static crate::words::Words) -> String {
    let o = Options { locale: *loc, words, ..Options::default() };
    let mut out = String::new();
    for (ci, (c, f)) in doc.contests.iter().zip(figures).enumerate() {
        if ci > 0 {
            out.push('\n');
        }
        out.push_str("{| class=\"wikitable\" style=\"text-align:right\"\n");
        let caption = c.title.as_deref().or(doc.title.as_deref()).unwrap_or("");
        // Where the count stands, under the caption: "Preliminary · 87.4% counted · as of 23:41".
        let status = crate::count::status_line(c, o.words, loc);
        if !caption.is_empty() || status.is_some() {
            out.push_str("|+ ");
            out.push_str(&wiki_text(caption));
            if let Some(s) = status {
                if !caption.is_empty() {
                    out.push_str("<br />");
                }
                out.push_str("<small>");
                out.push_str(&wiki_text(&s));
                out.push_str("</small>");
            }
            out.push('\n');
        }
        let cols = match &c.detail {
            Detail::None => results(&table_model(c, f, &o), &mut out),
            _ => other_kind(c, &o, &mut out),
        };
        if let Some(s) = c.source.as_ref().or(doc.source.as_ref()) {
            out.push_str("|-\n| colspan=\"");
            out.push_str(&int(cols as u64));
            out.push_str("\" style=\"text-align:left\" | ");
            out.push_str(o.words.source);
            out.push_str(": ");
            out.push_str(&wiki_text(s.name.as_deref().unwrap_or("")));
            if let Some(u) = &s.url {
                if u.starts_with("https://") || u.starts_with("http://") {
                    out.push_str(" [");
                    out.push_str(&url_for_wikitext(u));
                    out.push(']');
                }
            }
            out.push('\n');
        }
        out.push_str("|}\n");
    }
    out
}

/// A percentage cell as Wikipedia's tables print it: the number, under a "%" heading.
fn bare(p: &str) -> &str {
    p.strip_suffix('%').map_or(p, |n| n.trim_end_matches(['\u{a0}', '\u{202f}', ' ']))
}

fn cells(out: &mut String, cells: &[&str]) {
    out.push_str(&cells.iter().map(|c| wiki_text(c)).collect::<Vec<_>>().join(" || "));
    out.push('\n');
}

/// An election's or a vote's rows, from the card's table model; returns the column count.
fn results(m: &TableModel, out: &mut String) -> usize {
    let cols = 1 + m.head.len();
    out.push_str("! colspan=\"2\" | ");
    out.push_str(&m.head.iter().map(|h| wiki_text(h)).collect::<Vec<_>>().join(" !! "));
    out.push('\n');
    for i in 0..m.names.len() {
        out.push_str("|-\n| style=\"background:");
        out.push_str(&m.colors[i]);
        out.push_str("; width:5px;\" |\n| style=\"text-align:left\" | ");
        let mut row = vec![m.names[i].as_str(), &m.votes[i], bare(&m.percent[i])];
        if !m.swing.is_empty() {
            row.push(&m.swing[i]);
        }
        if !m.district.is_empty() {
            row.push(&m.district[i]);
            row.push(&m.list[i]);
        }
        if !m.seats.is_empty() {
            row.push(&m.seats[i]);
        }
        if !m.change.is_empty() {
            row.push(&m.change[i]);
        }
        if !m.projection.is_empty() {
            row.push(&m.projection[i]);
        }
        cells(out, &row);
    }
    let foot = |out: &mut String, label: &str, votes: &str, pct: &str, seats: &str| {
        out.push_str("|-\n| colspan=\"2\" style=\"text-align:left\" | ");
        let mut row = vec![label, votes, bare(pct)];
        if !m.swing.is_empty() {
            row.push("");
        }
        if !m.district.is_empty() {
            row.push("");
            row.push("");
        }
        if !m.seats.is_empty() {
            row.push(seats);
        }
        if !m.change.is_empty() {
            row.push("");
        }
        if !m.projection.is_empty() {
            row.push("");
        }
        cells(out, &row);
    };
    if let Some(total) = &m.seat_total {
        foot(out, &m.seat_total_label, "", "", total);
    }
    for [label, votes, pct] in &m.foot {
        foot(out, label, votes, pct, "");
    }
    for note in &m.notes {
        out.push_str("|-\n| colspan=\"");
        out.push_str(&int(cols as u64));
        out.push_str("\" style=\"text-align:left\" | ");
        out.push_str(&wiki_text(note));
        out.push('\n');
    }
    cols
}

/// A composition, a series or primaries as a plain table; returns the column count.
fn other_kind(c: &Contest, o: &Options, out: &mut String) -> usize {
    let w = o.words;
    let n = |v: Option<u64>| v.map(|v| grouped(v, &o.locale)).unwrap_or_else(|| "—".into());
    let p = |d: &Option<crate::number::Decimal>| d.as_ref().map(|d| format::decimal(d, &o.locale)).unwrap_or_else(|| "—".into());
    let mut rows: Vec<Vec<String>> = Vec::new();
    let head: Vec<&str> = match &c.detail {
        Detail::Composition(comp) => {
            for (i, g) in c.parties.iter().enumerate() {
                rows.push(vec![theme::party_color(g.color, i).hex(), g.name.clone(), n(g.seats), String::new()]);
            }
            for s in &comp.shares {
                let people = s.count.or_else(|| comp.members.map(|m| crate::figures::people(s, m)));
                rows.push(vec![String::new(), s.name.clone(), n(people), p(&s.percent)]);
            }
            vec!["", w.members, "%"]
        }
        Detail::Series(se) => {
            for pt in &se.points {
                rows.push(vec![String::new(), pt.label.clone(), n(pt.seats), n(pt.of), p(&pt.vote_percent)]);
            }
            vec!["", w.seats, w.total_seats, w.vote_share]
        }
        Detail::Primaries(pr) => {
            for s in &pr.stages {
                rows.push(vec![String::new(), s.name.clone(), s.qualifier.word().to_string() + &n(s.count), String::new()]);
            }
            if let Some(r) = &pr.removed {
                rows.push(vec![String::new(), w.removed.to_string(), n(r.count), String::new()]);
            }
            for s in &pr.shares {
                rows.push(vec![String::new(), s.name.clone(), n(s.count), p(&s.percent)]);
            }
            vec!["", "", "%"]
        }
        Detail::None => Vec::new(),
    };
    out.push_str("! colspan=\"2\" | ");
    out.push_str(&head.iter().map(|h| wiki_text(h)).collect::<Vec<_>>().join(" !! "));
    out.push('\n');
    for r in &rows {
        out.push_str("|-\n| style=\"");
        if !r[0].is_empty() {
            out.push_str("background:");
            out.push_str(&r[0]);
            out.push_str("; ");
        }
        out.push_str("width:5px;\" |\n| style=\"text-align:left\" | ");
        let rest: Vec<&str> = r[1..].iter().map(String::as_str).collect();
        cells(out, &rest);
    }
    1 + head.len()
}
