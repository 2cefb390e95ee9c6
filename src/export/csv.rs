//! CSV: one row per line of every kind of contest, from the figures stage.

use super::csv_cell;
use crate::contest::{Contest, Document, Role};
use crate::figures::{self, Figures};
use crate::format::{self, int};
use crate::contest::Detail;

/// The CSV columns, in order. `percent` is the share as the source printed
/// it; `share` the figure the card shows (reported, else computed of the
/// contest's `percent_of` base, two decimals); `count` is a composition's
/// members, the people behind a share, the seats of the body a series point
/// is of, or the people at a primaries stage.
pub const CSV_COLUMNS: [&str; 19] = [
    "contest", "contest_title", "kind", "name", "short", "votes", "percent", "seats", "previous_seats", "change", "color", "share", "role",
    "district_seats", "count", "previous_percent", "swing", "status", "as_of",
];

/// One row's cells after the contest's own three.
#[derive(Default)]
struct Row {
    name: String,
    short: String,
    votes: Option<u64>,
    percent: String,
    seats: Option<u64>,
    previous: Option<u64>,
    color: String,
    share: String,
    role: &'static str,
    district_seats: Option<u64>,
    count: Option<u64>,
    previous_percent: String,
    swing: String,
}

/// The CSV of a document, with the figures of each of its contests (in its order):
/// comma-separated, decimal points.
pub fn to_csv(doc: &Document, figures: &[Figures]) -> String {
    to_csv_in(doc, figures, &format::EN)
}

/// The CSV as a spreadsheet in `loc` reads it: where decimals take a comma
/// (Russian, Kazakh, German, ...) cells are separated by `;` and shares are
/// written 71,09; counts are plain digits everywhere (no group separators).
pub fn to_csv_in(doc: &Document, figures: &[Figures], loc: &format::Locale) -> String {
    let sep = if loc.decimal == "," { ";" } else { "," };
    let plain = format::Locale { group: "", ..*loc };
    let mut out = CSV_COLUMNS.join(sep);
    out.push_str("\r\n");
    for (ci, (c, f)) in doc.contests.iter().zip(figures).enumerate() {
        let id = c.id.clone().unwrap_or_else(|| "contest-".to_string() + &int(ci as u64 + 1));
        let head = [csv_cell(&id), csv_cell(c.title.as_deref().unwrap_or("")), c.kind.key().to_string()];
        // Where the count stands, on every row of the contest (tidy data).
        let status = c.count.status.map_or("", |s| crate::contest::Status::KEYS[s as usize]).to_string();
        let as_of = csv_cell(c.count.as_of.as_deref().unwrap_or(""));
        for row in rows(c, f, &plain) {
            let change = match (row.seats, row.previous) {
                (Some(s), Some(p)) => format::signed(s as i64 - p as i64),
                _ => String::new(),
            };
            let n = |v: Option<u64>| v.map(int).unwrap_or_default();
            let cells = [
                csv_cell(&row.name),
                csv_cell(&row.short),
                n(row.votes),
                row.percent,
                n(row.seats),
                n(row.previous),
                change,
                row.color,
                row.share,
                row.role.to_string(),
                n(row.district_seats),
                n(row.count),
                row.previous_percent,
                row.swing,
                status.clone(),
                as_of.clone(),
            ];
            out.push_str(&head.join(sep));
            out.push_str(sep);
            out.push_str(&cells.join(sep));
            out.push_str("\r\n");
        }
    }
    out
}

fn rows(c: &Contest, f: &Figures, loc: &format::Locale) -> Vec<Row> {
    let dec = |d: &crate::number::Decimal| format::decimal(d, loc);
    let pct = |d: &Option<crate::number::Decimal>| d.as_ref().map(dec).unwrap_or_default();
    match &c.detail {
        Detail::Composition(comp) => {
            let mut out: Vec<Row> = c.parties.iter().map(|p| Row { name: p.name.clone(), count: p.seats, color: p.color.map(|c| c.hex()).unwrap_or_default(), ..Row::default() }).collect();
            out.extend(comp.shares.iter().map(|s| Row {
                name: s.name.clone(),
                percent: pct(&s.percent),
                count: s.count.or_else(|| comp.members.map(|m| figures::people(s, m))),
                ..Row::default()
            }));
            out
        }
        Detail::Series(se) => se
            .points
            .iter()
            .map(|p| Row { name: p.label.clone(), short: se.party.clone().unwrap_or_default(), votes: p.votes, percent: pct(&p.vote_percent), seats: p.seats, count: p.of, ..Row::default() })
            .collect(),
        Detail::Primaries(pr) => {
            let mut out: Vec<Row> = pr.stages.iter().map(|s| Row { name: s.name.clone(), count: s.count, ..Row::default() }).collect();
            if let Some(r) = &pr.removed {
                out.extend(r.reasons.iter().map(|(name, n)| Row { name: name.clone(), count: Some(*n), ..Row::default() }));
            }
            out.extend(pr.shares.iter().map(|s| Row { name: s.name.clone(), percent: pct(&s.percent), count: s.count, ..Row::default() }));
            out
        }
        Detail::None => c
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| Row {
                name: p.name.clone(),
                short: p.short.clone().unwrap_or_default(),
                votes: p.votes,
                percent: pct(&p.percent),
                seats: p.seats,
                previous: p.previous_seats,
                color: p.color.map(|c| c.hex()).unwrap_or_default(),
                share: f.vote_percent[i].map(|s| dec(&s)).unwrap_or_default(),
                role: if c.kind == crate::contest::Kind::Vote { "option" } else { Role::KEYS[p.role as usize] },
                district_seats: p.district_seats,
                count: None,
                previous_percent: pct(&p.previous_percent),
                // "-11.1": an ASCII minus, which spreadsheets read as a number.
                swing: f.swing[i].as_ref().map(dec).unwrap_or_default(),
            })
            .collect(),
    }
}
