//! The results table: its model (the same rows for the canvas, the HTML table,
//! CSV and wikitext) and its drawing, paged at MAX_ROWS.

use crate::figures::{self, Mark};
use crate::contest::{Contest, Kind, Rgb};
use crate::format;
use crate::theme;
use super::builder::*;
use super::scene::*;

/// Rows of the canvas table; longer lists go to the HTML table and the CSV
/// (a canvas cannot be taller than about 32,000 pixels).
pub const MAX_ROWS: usize = 60;
/// The results table's text, cell by cell, formatted for the locale: drawn
/// on the canvas by [`card`] and given to the page as a real HTML `<table>`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TableModel {
    pub caption: String,
    /// Column headings: name, votes, %, then seats and change when shown.
    pub head: Vec<String>,
    pub names: Vec<String>,
    pub colors: Vec<String>,
    pub votes: Vec<String>,
    pub percent: Vec<String>,
    pub seats: Vec<String>,
    pub change: Vec<String>,
    /// Each row's line (index into the contest's list): lists first, then the other lines.
    pub party: Vec<usize>,
    /// Each row's seat count (0 where not given), for sums against the majority.
    pub seat_counts: Vec<u64>,
    /// Rows from this index on are not party lists (others, against all, blank, independents).
    pub lists_end: usize,
    /// District and list seats, when district seats are given.
    pub district: Vec<String>,
    pub list: Vec<String>,
    /// Footnotes to marks (`*`, `†`) after names.
    pub notes: Vec<String>,
    /// Summary rows: label, votes column, percent column.
    pub foot: Vec<[String; 3]>,
    /// The seat total row (the body), when seats are shown.
    pub seat_total: Option<String>,
    pub seat_total_label: String,
}

/// A coalition's seats against the majority, worded in the card's locale:
/// "60 of 100 seats: short of a majority (7)"; empty for no parties.
pub fn coalition_text(c: &Contest, parties: &[usize], o: &Options) -> String {
    if parties.is_empty() {
        return String::new();
    }
    let f = figures::of(c);
    let (sum, reached) = f.coalition(&|i| parties.contains(&i));
    let majority = f.majority.unwrap_or(f.body / 2 + 1);
    let mut s = num(sum, o) + " " + o.words.of + " " + &num(f.body, o) + " " + o.words.total_seats + ": ";
    if reached {
        s += o.words.has_majority;
    } else {
        s += o.words.short_of_majority;
        s += " (";
        s += &num(majority - sum, o);
        s += ")";
    }
    s
}

pub fn table_model(c: &Contest, o: &Options) -> TableModel {
    table_rows(c, o, 0..c.parties.len())
}

/// [`table_model`] for some rows only (a page of the canvas table): the
/// columns, the headings and the summary rows are those of the whole table.
pub fn table_rows(c: &Contest, o: &Options, rows: std::ops::Range<usize>) -> TableModel {
    let w = o.words;
    let is_election = c.kind == Kind::Election;
    let show_seats = is_election && c.parties.iter().any(|p| p.seats.is_some());
    let show_change = show_seats && c.parties.iter().any(|p| p.previous_seats.is_some());
    let f = figures::of(c);
    let valid = c.valid_total();
    let dash = || "—".to_string();
    let party: Vec<usize> = f.order[rows.start.min(f.order.len())..rows.end.min(f.order.len())].to_vec();
    let lists_end = f.lists_end.saturating_sub(rows.start).min(party.len());
    let percent = party.iter().map(|&i| f.vote_share[i].map(|s| pct(&s.at(f.scale), o)).unwrap_or_else(dash)).collect();
    let ps: Vec<&crate::contest::Party> = party.iter().map(|&i| &c.parties[i]).collect();
    let votes = ps.iter().map(|p| p.votes.map(|v| num(v, o)).unwrap_or_else(dash)).collect();
    let seats = if show_seats { ps.iter().map(|p| p.seats.map(|s| num(s, o)).unwrap_or_else(dash)).collect() } else { Vec::new() };
    let change = if show_change {
        ps.iter()
            .map(|p| match (p.seats, p.previous_seats) {
                (Some(s), Some(ps)) => format::change(s as i64 - ps as i64),
                _ => dash(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let split = show_seats && f.any_district;
    let district = if split { party.iter().map(|&i| num(f.district_seats[i], o)).collect() } else { Vec::new() };
    let list = if split { party.iter().map(|&i| num(f.seats[i].saturating_sub(f.district_seats[i]), o)).collect() } else { Vec::new() };
    const MARKS: [&str; 2] = ["*", "†"];
    let mut notes = Vec::new();
    for (k, (mark, text)) in [(Mark::Exempt, w.exempt_note), (Mark::ByDistrictSeats, w.district_note)].into_iter().enumerate() {
        if f.marks.contains(&Some(mark)) {
            notes.push(MARKS[k].to_string() + " " + text);
        }
    }
    let names = party
        .iter()
        .map(|&i| {
            let p = &c.parties[i];
            let mut n = p.name.clone();
            if let Some(l) = p.lists.filter(|_| p.role == crate::contest::Role::Others) {
                n += " (";
                n += &num(l, o);
                n += ")";
            }
            match f.marks[i] {
                Some(Mark::Exempt) => n += " *",
                Some(Mark::ByDistrictSeats) => n += " †",
                None => {}
            }
            n
        })
        .collect();
    let mut foot: Vec<[String; 3]> = Vec::new();
    let share_of_cast = |n: u64| f.of_cast(n).map(|s| pct(&s.at(f.scale), o)).unwrap_or_default();
    if is_election {
        match (c.ballots.valid, valid) {
            (Some(v), _) => foot.push([w.valid_votes.into(), num(v, o), share_of_cast(v)]),
            (None, Some(v)) => foot.push([w.listed_votes.into(), num(v, o), String::new()]),
            _ => {}
        }
        match c.ballots.invalid {
            Some(n) => foot.push([w.invalid.into(), num(n, o), share_of_cast(n)]),
            None => foot.push([w.invalid.into(), w.not_given.into(), String::new()]),
        }
        if let Some(n) = c.ballots.blank {
            foot.push([w.blank.into(), num(n, o), share_of_cast(n)]);
        }
        if let Some(cv) = c.ballots.cast {
            foot.push([w.cast.into(), num(cv, o), String::new()]);
        }
    } else if let Some(p) = c.participants {
        foot.push([w.participation.into(), num(p, o), String::new()]);
    }
    if let Some(e) = c.electorate {
        let turnout = f.turnout.map(|s| pct(&s.at(f.scale), o));
        foot.push([w.electorate.into(), num(e, o), String::new()]);
        if let Some(tp) = turnout {
            foot.push([w.turnout.into(), String::new(), tp]);
        }
    }
    let mut head = vec![
        match (c.kind, c.list_key) {
            (Kind::Vote, _) => w.option,
            (_, "candidates") => w.candidate,
            _ => w.party,
        }
        .to_string(),
        w.votes.to_string(),
        "%".to_string(),
    ];
    if split {
        head.push(w.district.to_string());
        head.push(w.list.to_string());
    }
    if show_seats {
        head.push(w.seats.to_string());
    }
    if show_change {
        head.push(w.change.to_string());
    }
    TableModel {
        caption: c.title.clone().unwrap_or_default(),
        head,
        names,
        colors: party.iter().map(|&i| theme::party_color(c.parties[i].color, i).hex()).collect(),
        votes,
        percent,
        seats,
        change,
        seat_counts: party.iter().map(|&i| f.seats[i]).collect(),
        party,
        lists_end,
        district,
        list,
        notes,
        foot,
        seat_total: show_seats.then(|| num(f.body, o)),
        seat_total_label: w.seat_total.to_string(),
    }
}

/// The results table.
pub(super) fn table(b: &mut Builder, ci: usize, c: &Contest, colors: &[Rgb]) {
    let t = *b.t();
    let o = b.o;
    let w = o.words;
    let size = b.fs;
    let small = b.w < 420.0;
    // A long table shows one page of MAX_ROWS rows (options.page); every row
    // is in the HTML table and the CSV.
    let n = c.parties.len();
    let pages = n.div_ceil(MAX_ROWS).max(1);
    b.pages = b.pages.max(pages);
    let start = o.page.min(pages - 1) * MAX_ROWS;
    let model = table_rows(c, o, start..(start + MAX_ROWS).min(n));
    let show_seats = !model.seats.is_empty();
    let show_change = !model.change.is_empty();
    let (cell_votes, cell_pct, cell_seats, cell_change) = (&model.votes, &model.percent, &model.seats, &model.change);
    let foot: Vec<(String, String, String)> = model.foot.iter().map(|[a, b, c]| (a.clone(), b.clone(), c.clone())).collect();
    // Column widths from content: this page's cells, the summary rows and, for
    // a paged table, the row with the most votes (the widest numbers), so that
    // the columns keep their places from page to page.
    let widest = if pages > 1 {
        let top = (0..n).max_by_key(|&i| (c.parties[i].votes, c.parties[i].seats, std::cmp::Reverse(i))).unwrap_or(0);
        let at = figures::of(c).order.iter().position(|&i| i == top).unwrap_or(0);
        Some(table_rows(c, o, at..at + 1))
    } else {
        None
    };
    let col_w = |header: &str, cells: &[&String], m: &dyn Measure| -> f64 {
        cells.iter().map(|s| m.width(s, size, false)).fold(m.width(header, size, true), f64::max) + if small { 10.0 } else { 18.0 }
    };
    fn with<'a>(cells: &'a [String], widest: Option<&'a TableModel>, pick: fn(&TableModel) -> &Vec<String>) -> Vec<&'a String> {
        cells.iter().chain(widest.map(pick).into_iter().flatten()).collect()
    }
    let widest = widest.as_ref();
    let with_widest = |cells, pick| with(cells, widest, pick);
    let mut all_votes = with_widest(cell_votes, |m| &m.votes);
    all_votes.extend(foot.iter().map(|f| &f.1));
    let mut all_pct = with_widest(cell_pct, |m| &m.percent);
    all_pct.extend(foot.iter().map(|f| &f.2));
    let wv = col_w(w.votes, &all_votes, b.m);
    let wp = col_w("%", &all_pct, b.m);
    let ws = if show_seats { col_w(w.seats, &with_widest(cell_seats, |m| &m.seats), b.m) } else { 0.0 };
    let split = !model.district.is_empty() && !small;
    let wd = if split { col_w(w.district, &with_widest(&model.district, |m| &m.district), b.m) } else { 0.0 };
    let wl = if split { col_w(w.list, &with_widest(&model.list, |m| &m.list), b.m) } else { 0.0 };
    let mut wc = if show_change { col_w(w.change, &with_widest(cell_change, |m| &m.change), b.m) } else { 0.0 };
    let swatch = 16.0;
    let tw = b.inner().min(760.0);
    let mut wn = tw - swatch - wv - wp - wd - wl - ws - wc;
    if wn < 80.0 && show_change {
        wn += wc;
        wc = 0.0;
    }
    let x_name = b.pad + swatch;
    let x_votes = x_name + wn + wv; // right edges
    let x_pct = x_votes + wp;
    let x_district = x_pct + wd;
    let x_list = x_district + wl;
    let x_seats = x_list + ws;
    let x_change = x_seats + wc;
    let lh = size * 1.3;
    // Header.
    let hs = size - 1.0;
    let hy = b.y + lh / 2.0;
    b.text(x_name, hy, &model.head[0], hs, true, t.muted, Align::Left);
    b.text(x_votes, hy, w.votes, hs, true, t.muted, Align::Right);
    b.text(x_pct, hy, "%", hs, true, t.muted, Align::Right);
    if split {
        b.text(x_district, hy, w.district, hs, true, t.muted, Align::Right);
        b.text(x_list, hy, w.list, hs, true, t.muted, Align::Right);
    }
    if show_seats {
        b.text(x_seats, hy, w.seats, hs, true, t.muted, Align::Right);
    }
    if wc > 0.0 {
        b.text(x_change, hy, w.change, hs, true, t.muted, Align::Right);
    }
    b.y += lh + 4.0;
    b.rule_to(tw);
    b.y += 2.0;
    for (k, &i) in model.party.iter().enumerate() {
        if k == model.lists_end && k > 0 {
            // The lines that are not party lists, in their own part below the lists.
            b.rule_to(tw);
            let fs = size - 2.0;
            b.text(x_name, b.y + lh / 2.0 + 2.0, w.other_lines, fs, false, t.muted, Align::Left);
            b.y += lh + 2.0;
        }
        let lines = b.wrap_lines(&model.names[k], wn - 8.0, size, false, 3);
        let rh = lh * lines.len() as f64 + 8.0;
        let row_top = b.y;
        if k % 2 == 1 {
            b.shapes.push(Shape::Rect { x: b.pad, y: row_top, w: tw, h: rh, color: t.stripe, alpha: 1.0 });
        }
        b.shapes.push(Shape::Rect { x: b.pad + 2.0, y: row_top + 4.0 + lh / 2.0 - 6.0, w: 10.0, h: 12.0, color: colors[i], alpha: 1.0 });
        for (k, l) in lines.iter().enumerate() {
            b.text(x_name, row_top + 4.0 + lh * (k as f64 + 0.5), l, size, false, t.text, Align::Left);
        }
        let cy = row_top + 4.0 + lh / 2.0;
        b.text(x_votes, cy, &cell_votes[k], size, false, t.text, Align::Right);
        b.text(x_pct, cy, &cell_pct[k], size, false, t.text, Align::Right);
        if split {
            b.text(x_district, cy, &model.district[k], size, false, t.text, Align::Right);
            b.text(x_list, cy, &model.list[k], size, false, t.text, Align::Right);
        }
        if show_seats {
            b.text(x_seats, cy, &cell_seats[k], size, true, t.text, Align::Right);
        }
        if wc > 0.0 {
            b.text(x_change, cy, &cell_change[k], size, false, t.muted, Align::Right);
        }
        b.regions.push(Region { x: b.pad, y: row_top, w: tw, h: rh, hit: Hit::Party { contest: ci, party: i } });
        b.y += rh;
    }
    if pages > 1 {
        // "61–120 / 10,000 · all rows are in the CSV and in the HTML table"
        let end = (start + MAX_ROWS).min(n);
        let line = num(start as u64 + 1, o) + "\u{2013}" + &num(end as u64, o) + " / " + &num(n as u64, o) + " \u{b7} " + w.more_rows;
        let fs = size - 1.0;
        b.paragraph(&line, b.pad, tw, fs, false, t.muted);
        b.y += 4.0;
    }
    if show_seats {
        // Seat total row.
        b.rule_to(tw);
        let cy = b.y + lh / 2.0 + 3.0;
        b.text(b.pad, cy, w.seat_total, size - 1.0, false, t.muted, Align::Left);
        b.text(x_seats, cy, model.seat_total.as_deref().unwrap_or(""), size, true, t.text, Align::Right);
        b.y += lh + 4.0;
    }
    if !foot.is_empty() {
        b.rule_to(tw);
        b.y += 4.0;
        for (label, v, p) in &foot {
            let lines = b.wrap_lines(label, wn + swatch - 8.0 + (wv - b.m.width(v, size, false) - 12.0).max(0.0), size - 1.0, false, 2);
            for (k, l) in lines.iter().enumerate() {
                b.text(b.pad, b.y + lh * (k as f64 + 0.5), l, size - 1.0, false, t.muted, Align::Left);
            }
            b.text(x_votes, b.y + lh / 2.0, v, size - 1.0, false, t.text, Align::Right);
            b.text(x_pct, b.y + lh / 2.0, p, size - 1.0, false, t.text, Align::Right);
            b.y += lh * lines.len() as f64 + 2.0;
        }
    }
    for note in &model.notes {
        let fs = size - 2.0;
        b.paragraph(note, b.pad, tw, fs, false, t.muted);
    }
    b.y += 6.0;
}
