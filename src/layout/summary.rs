//! The screen-reader summary of a whole card, in words, from the figures.

use crate::figures::{self, Figures};
use crate::contest::{Composition, Contest, Detail, Document, Kind, Point, Primaries};
use crate::number::Decimal;
use super::builder::*;
use super::bars::*;

/// "Nur Otan 76 of 98 seats, 77.6%; ..." — what a screen reader says.
/// `figures`: those of each contest of `doc`, in its order.
pub fn summary(doc: &Document, figures: &[Figures], o: &Options) -> String {
    let w = o.words;
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = &doc.title {
        parts.push(t.clone());
    }
    for (c, f) in doc.contests.iter().zip(figures) {
        let mut s = c.title.clone().unwrap_or_default();
        if !s.is_empty() {
            s += ": ";
        }
        let mut items: Vec<String> = crate::count::status_line(c, w, &o.locale).into_iter().collect();
        items.extend(detail_items(c, o));
        items.extend(party_items(c, f, o));
        s += &crate::format::join(&items, "; ");
        if let Some(out) = &c.outcome {
            s += ". ";
            s += w.outcome;
            s += ": ";
            s += out;
        }
        parts.push(s);
    }
    crate::format::join(&parts, ". ")
}

/// What the other kinds of contest add: a composition's members and shares,
/// a series' points, primaries' voters and stages.
fn detail_items(c: &Contest, o: &Options) -> Vec<String> {
    match &c.detail {
        Detail::Composition(comp) => composition_items(comp, o),
        Detail::Series(se) => se.points.iter().map(|p| point_item(p, o)).collect(),
        Detail::Primaries(pr) => primaries_items(c, pr, o),
        Detail::None => Vec::new(),
    }
}

fn composition_items(comp: &Composition, o: &Options) -> Vec<String> {
    let mut items = Vec::new();
    if let Some(m) = comp.members {
        items.push(num(m, o) + " " + o.words.members);
    }
    for sh in &comp.shares {
        let mut it = sh.name.clone();
        if let Some(p) = &sh.percent {
            it += " ";
            it += &pct(p, o);
        }
        if let Some(m) = comp.members {
            it += " (";
            it += &num(figures::people(sh, m), o);
            it += ")";
        }
        items.push(it);
    }
    items
}

/// A series point: "2021 76 of 98 seats, 71.09%".
fn point_item(p: &Point, o: &Options) -> String {
    let w = o.words;
    let mut it = p.label.clone();
    if let Some(n) = p.seats {
        it += " ";
        it += &num(n, o);
        if let Some(of) = p.of {
            it += " ";
            it += w.of;
            it += " ";
            it += &num(of, o);
        }
        it += " ";
        it += w.total_seats;
    }
    if let Some(v) = &p.vote_percent {
        it += ", ";
        it += &pct(v, o);
    }
    it
}

fn primaries_items(c: &Contest, pr: &Primaries, o: &Options) -> Vec<String> {
    let w = o.words;
    let mut items = Vec::new();
    if let Some(v) = pr.voters {
        let mut it = pr.voters_qualifier.map(|q| q.word()).unwrap_or("").to_string() + &num(v, o) + " " + w.voters;
        if let Some(t) = &c.turnout_percent {
            it += ", ";
            it += w.turnout;
            it += " ";
            it += &pct(t, o);
        }
        items.push(it);
    }
    for st in &pr.stages {
        items.push(st.name.clone() + " " + st.qualifier.word() + &st.count.map(|n| num(n, o)).unwrap_or_default());
    }
    items
}

/// Each party's seats and votes. A long list is read out as its largest
/// entries and a count of the rest: the HTML table has them all.
fn party_items(c: &Contest, f: &Figures, o: &Options) -> Vec<String> {
    let total = (c.kind == Kind::Election && (c.seats.is_some() || c.reported_seats().is_some())).then_some(f.body);
    let n = c.parties.len();
    let keep = largest(n, MAX_BARS, &|i| c.parties[i].seats.or(c.parties[i].votes).unwrap_or(0) as f64);
    let mut items = Vec::new();
    for (i, (p, _)) in c.parties.iter().zip(&keep).enumerate().filter(|(_, (_, k))| **k) {
        let mut it = p.name.clone();
        match (p.seats, total) {
            (Some(seats), Some(tot)) if c.kind == Kind::Election => it += &seats_item(seats, tot, f.seat_percent[i], f.vote_percent[i], o),
            _ => it += &votes_item(p.votes, f.vote_percent[i], o),
        }
        items.push(it);
    }
    if n > MAX_BARS {
        items.push("+ ".to_string() + &num((n - MAX_BARS) as u64, o) + " " + o.words.more_parties);
    }
    items
}

/// " 76 of 98 seats, 77.55% (votes 71.09%)": a party's seats of the body, and its vote share.
fn seats_item(seats: u64, tot: u64, seat_share: Option<Decimal>, vote_share: Option<Decimal>, o: &Options) -> String {
    let w = o.words;
    let mut it = " ".to_string() + &num(seats, o) + " " + w.of + " " + &num(tot, o) + " " + w.total_seats;
    if let Some(s) = seat_share {
        it += ", ";
        it += &pct(&s, o);
    }
    if let Some(v) = vote_share {
        it += " (";
        it += w.votes_in_text;
        it += " ";
        it += &pct(&v, o);
        it += ")";
    }
    it
}

/// " 5,148,074 votes, 71.09%": a line's votes and share.
fn votes_item(votes: Option<u64>, vote_share: Option<Decimal>, o: &Options) -> String {
    let mut it = String::new();
    if let Some(v) = votes {
        it += " ";
        it += &num(v, o);
        it += " ";
        it += o.words.votes_in_text;
    }
    if let Some(d) = vote_share {
        it += ", ";
        it += &pct(&d, o);
    }
    it
}
