//! The tooltip of a line under the pointer, in the card's locale: its name,
//! its votes with the share (at the figures' one precision and base), its seats.

use crate::contest::Contest;
use crate::figures::Figures;
use crate::format;
use super::builder::*;

/// The tooltip's lines for line `party` of contest `c` (with its figures `f`), and the share shown.
pub fn tooltip(c: &Contest, f: &Figures, party: usize, o: &Options) -> (Vec<String>, Option<String>) {
    let Some(p) = c.parties.get(party) else { return (Vec::new(), None) };
    let share = f.vote_percent[party].map(|d| format::percent(&d, &o.locale));
    let mut lines = vec![p.name.clone()];
    if let Some(v) = p.votes {
        let mut l = format::grouped(v, &o.locale) + " " + &format::fold_case(o.words.votes);
        if let Some(sh) = &share {
            l += " (";
            l += sh;
            l += ")";
        }
        lines.push(l);
    }
    if let Some(n) = p.seats {
        lines.push(format::grouped(n, &o.locale) + " " + o.words.total_seats);
    }
    (lines, share)
}
