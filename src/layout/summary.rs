//! The screen-reader summary of a whole card, in words, from the figures.

use crate::figures;
use crate::contest::{Document, Kind};
use crate::number::Decimal;
use super::builder::*;
use super::bars::*;

/// "Nur Otan 76 of 98 seats, 77.6%; ..." — what a screen reader says.
pub fn summary(doc: &Document, o: &Options) -> String {
    let w = o.words;
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = &doc.title {
        parts.push(t.clone());
    }
    for c in &doc.contests {
        let mut s = c.title.clone().unwrap_or_default();
        if !s.is_empty() {
            s += ": ";
        }
        let mut items = Vec::new();
        match &c.detail {
            crate::contest::Detail::Composition(comp) => {
                if let Some(m) = comp.members {
                    items.push(num(m, o) + " " + w.members);
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
            }
            crate::contest::Detail::Series(se) => {
                for p in &se.points {
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
                    items.push(it);
                }
            }
            crate::contest::Detail::Primaries(pr) => {
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
            }
            crate::contest::Detail::None => {}
        }
        let f = figures::of(c);
        let total = (c.kind == Kind::Election && (c.seats.is_some() || c.reported_seats().is_some())).then_some(f.body);
        // A long list is read out as its largest entries and a count of the
        // rest: the HTML table has them all.
        let n = c.parties.len();
        let keep = largest(n, MAX_BARS, &|i| c.parties[i].seats.or(c.parties[i].votes).unwrap_or(0) as f64);
        for (i, (p, _)) in c.parties.iter().zip(&keep).enumerate().filter(|(_, (_, k))| **k) {
            let mut it = p.name.clone();
            match (p.seats, total) {
                (Some(seats), Some(tot)) if c.kind == Kind::Election => {
                    it += " ";
                    it += &num(seats, o);
                    it += " ";
                    it += w.of;
                    it += " ";
                    it += &num(tot, o);
                    it += " ";
                    it += w.total_seats;
                    if tot > 0 {
                        it += ", ";
                        it += &pct(&Decimal::share(seats, tot, f.scale), o);
                    }
                    if let Some(v) = f.vote_share[i] {
                        it += " (";
                        it += &crate::format::fold_case(w.votes);
                        it += " ";
                        it += &pct(&v.at(f.scale), o);
                        it += ")";
                    }
                }
                _ => {
                    if let Some(v) = p.votes {
                        it += " ";
                        it += &num(v, o);
                        it += " ";
                        it += &crate::format::fold_case(w.votes);
                    }
                    if let Some(d) = f.vote_share[i] {
                        it += ", ";
                        it += &pct(&d.at(f.scale), o);
                    }
                }
            }
            items.push(it);
        }
        if n > MAX_BARS {
            items.push("+ ".to_string() + &num((n - MAX_BARS) as u64, o) + " " + w.more_parties);
        }
        s += &items.join("; ");
        if let Some(out) = &c.outcome {
            s += ". ";
            s += w.outcome;
            s += ": ";
            s += out;
        }
        parts.push(s);
    }
    parts.join(". ")
}
