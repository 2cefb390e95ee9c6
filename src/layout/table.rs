//! The results table: its model (the same rows for the canvas, the HTML table,
//! CSV and wikitext) and its drawing, paged at MAX_ROWS.

use crate::figures::{Figures, Mark};
use crate::contest::{Contest, Kind, Party, Rgb};
use crate::format;
use crate::theme;
use super::builder::*;
use super::scene::*;

/// Rows of the canvas table; longer lists go to the HTML table and the CSV
/// (a canvas cannot be taller than about 32,000 pixels).
pub use crate::sizes::MAX_ROWS;
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
    /// The change of vote share since the previous election (±pp), when previous shares are given.
    pub swing: Vec<String>,
    /// On a count still open and when asked for: the seats the rules give on the votes so far.
    pub projection: Vec<String>,
    /// Every row's cells after its name, in the order of `head` (for the HTML table).
    pub cells: Vec<Vec<String>>,
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
    /// The card's direction ("rtl" or "ltr"), for the HTML table's `dir`.
    pub dir: &'static str,
    /// The language of the caption (the document's) and of each name (its own, else
    /// the document's): "" where the data does not say (unknown, never assumed English).
    pub lang: String,
    pub langs: Vec<String>,
}

/// A coalition's seats against the majority, worded in the card's locale:
/// "60 of 100 seats: short of a majority (7)"; empty for no parties.
pub fn coalition_text(f: &Figures, parties: &[usize], o: &Options) -> String {
    if parties.is_empty() {
        return String::new();
    }
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

/// The whole results table of contest `c`, with its figures `f`.
pub fn table_model(c: &Contest, f: &Figures, o: &Options) -> TableModel {
    table_rows(c, f, o, 0..c.parties.len())
}

/// The rows of the element's HTML table: all of them, or for a table longer
/// than [`crate::sizes::MAX_HTML_ROWS`] the page the card shows (`o.page`).
pub fn html_table(c: &Contest, f: &Figures, o: &Options) -> TableModel {
    let n = c.parties.len();
    if n <= crate::sizes::MAX_HTML_ROWS {
        return table_model(c, f, o);
    }
    let start = o.page.min(n.div_ceil(MAX_ROWS).max(1) - 1) * MAX_ROWS;
    table_rows(c, f, o, start..(start + MAX_ROWS).min(n))
}

/// [`table_model`] for some rows only (a page of the canvas table): the
/// columns, the headings and the summary rows are those of the whole table.
pub fn table_rows(c: &Contest, f: &Figures, o: &Options, rows: std::ops::Range<usize>) -> TableModel {
    let is_election = c.kind == Kind::Election;
    let show_seats = is_election && c.parties.iter().any(|p| p.seats.is_some());
    let show_change = show_seats && c.parties.iter().any(|p| p.previous_seats.is_some());
    let dash = || "—".to_string();
    let party: Vec<usize> = f.order[rows.start.min(f.order.len())..rows.end.min(f.order.len())].to_vec();
    let lists_end = f.lists_end.saturating_sub(rows.start).min(party.len());
    let show_swing = f.swing.iter().any(Option::is_some);
    let split = show_seats && f.any_district;
    // (A projection and the marks of qualified lists come from a replay of the rules: never in the first paint's module.)
    let projected = f.projection.as_ref().filter(|_| cfg!(feature = "full") && o.parts.projection);
    // Every column's cells, row by row, in one loop (not an iterator chain per column: less wasm
    // for the first paint's module).
    let count_or_dash = |n: Option<u64>| n.map(|v| num(v, o)).unwrap_or_else(dash);
    let (mut percent, mut votes, mut seats, mut change, mut swing) = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut district, mut list, mut projection, mut names, mut seat_counts) = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for &i in &party {
        let p = &c.parties[i];
        percent.push(f.vote_percent[i].map(|s| pct(&s, o)).unwrap_or_else(dash));
        votes.push(count_or_dash(p.votes));
        if show_seats {
            seats.push(count_or_dash(p.seats));
        }
        if show_change {
            change.push(seat_change(p));
        }
        if show_swing {
            swing.push(f.swing[i].map(|d| format::points(&d, &o.locale)).unwrap_or_else(dash));
        }
        if split {
            district.push(num(f.district_seats[i], o));
            list.push(num(f.seats[i].saturating_sub(f.district_seats[i]), o));
        }
        if let Some(pr) = projected {
            projection.push(num(pr[i], o));
        }
        names.push(row_name(p, f.marks[i].filter(|_| cfg!(feature = "full")), o));
        seat_counts.push(f.seats[i]);
    }
    let columns: [&Vec<String>; 8] = [&votes, &percent, &swing, &district, &list, &seats, &change, &projection];
    // (The HTML table's cells and the rows' colours as text: the full module's; the first paint's draws the columns.)
    let cells = if cfg!(feature = "full") { (0..party.len()).map(|k| columns.iter().filter(|c| !c.is_empty()).map(|c| c[k].clone()).collect()).collect() } else { Vec::new() };
    TableModel {
        caption: c.title.clone().unwrap_or_default(),
        head: {
            let mut h = headings(c, o, split, show_seats, show_change, show_swing);
            if projected.is_some() {
                h.push(o.words.projection.to_string());
            }
            h
        },
        cells,
        projection,
        swing,
        names,
        // (For the element's HTML table: the full module's.)
        langs: if cfg!(feature = "full") { party.iter().map(|&i| c.parties[i].lang.clone().unwrap_or_default()).collect() } else { Vec::new() },
        // As drawn on the card (lightened on a dark one where too dark to see).
        colors: if cfg!(feature = "full") {
            let keeps = theme::keeps_colors(o.theme.background);
            party.iter().map(|&i| theme::party_on_known(c.parties[i].color, i, o.theme.background, keeps).hex()).collect()
        } else {
            Vec::new()
        },
        votes,
        percent,
        seats,
        change,
        seat_counts,
        party,
        lists_end,
        district,
        list,
        notes: {
            let mut n = if cfg!(feature = "full") { mark_notes(f, o) } else { Vec::new() };
            if projected.is_some() {
                n.push(o.words.projection_note.to_string());
            }
            n
        },
        foot: ballot_rows(c, f, o),
        seat_total: show_seats.then(|| num(f.body, o)),
        seat_total_label: o.words.seat_total.to_string(),
        dir: if o.rtl { "rtl" } else { "ltr" },
        lang: c.lang.clone().unwrap_or_default(),
    }
}

/// A party's change of seats since the last election, "—" when either count is not given.
fn seat_change(p: &Party) -> String {
    match (p.seats, p.previous_seats) {
        (Some(s), Some(ps)) => format::change(s as i64 - ps as i64),
        _ => "—".to_string(),
    }
}

/// A row's name: with the number of lists of an "others" line, and the mark of a list
/// that took part though below the threshold.
fn row_name(p: &Party, mark: Option<Mark>, o: &Options) -> String {
    let mut n = p.name.clone();
    if let Some(l) = p.lists.filter(|_| p.role == crate::contest::Role::Others) {
        n += " (";
        n += &num(l, o);
        n += ")";
    }
    match mark {
        Some(Mark::Exempt) => n += " *",
        Some(Mark::ByDistrictSeats) => n += " †",
        None => {}
    }
    n
}

/// The footnotes to the marks after names, for the marks the contest has.
fn mark_notes(f: &Figures, o: &Options) -> Vec<String> {
    const MARKS: [&str; 2] = ["*", "†"];
    let w = o.words;
    let mut notes = Vec::new();
    for (k, (mark, text)) in [(Mark::Exempt, w.exempt_note), (Mark::ByDistrictSeats, w.district_note)].into_iter().enumerate() {
        if f.marks.contains(&Some(mark)) {
            notes.push(MARKS[k].to_string() + " " + text);
        }
    }
    notes
}

/// The summary rows below the lines: the ballots (valid, invalid, blank, cast) or
/// participation, the electorate and the turnout.
fn ballot_rows(c: &Contest, f: &Figures, o: &Options) -> Vec<[String; 3]> {
    let w = o.words;
    let mut foot: Vec<[String; 3]> = Vec::new();
    let share_of_cast = |n: u64| f.of_cast(n).map(|s| pct(&s.at(f.scale), o)).unwrap_or_default();
    if c.kind == Kind::Election {
        match (c.ballots.valid, c.valid_total()) {
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
    foot
}

/// The column headings: the line's word (party, candidate or option), votes, %,
/// then district and list seats, seats and change when shown.
fn headings(c: &Contest, o: &Options, split: bool, show_seats: bool, show_change: bool, show_swing: bool) -> Vec<String> {
    let w = o.words;
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
    if show_swing {
        head.push(w.swing.to_string());
    }
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
    head
}

/// The drawn table's columns: the name column's width, each number column's
/// width and right edge, and which of the optional columns are drawn.
struct Columns {
    /// The table's width.
    tw: f64,
    swatch: f64,
    /// The name column's and the votes column's widths.
    wn: f64,
    wv: f64,
    x_name: f64,
    x_votes: f64,
    x_pct: f64,
    x_swing: f64,
    x_district: f64,
    x_list: f64,
    x_seats: f64,
    x_change: f64,
    x_projection: f64,
    /// District and list seats apart (not on a narrow card).
    split: bool,
    seats: bool,
    /// The change column, unless the names needed its room.
    change: bool,
    /// The swing column, likewise.
    swing: bool,
    /// The projection column (asked for), likewise.
    projection: bool,
    /// The space before a number column's figures.
    gap: f64,
    /// The widths of the number columns, in the order of the right edges above.
    widths: [f64; 8],
    rtl: bool,
}

impl Columns {
    /// Where a figure of number column `k` ([`VOTES`], [`PCT`], ...) is drawn. On a
    /// right-to-left card the table is mirrored as a whole afterwards, and its
    /// figures stay right-aligned within their columns (digits under digits): here
    /// that is the mirror image, left-aligned after the column's space.
    fn cell(&self, k: usize) -> (f64, Align) {
        let edges = [self.x_votes, self.x_pct, self.x_swing, self.x_district, self.x_list, self.x_seats, self.x_change, self.x_projection];
        if cfg!(feature = "full") && self.rtl {
            (edges[k] - self.widths[k] + self.gap, Align::Left)
        } else {
            (edges[k], Align::Right)
        }
    }
}

/// The space before a figure when a right-to-left table needs room for a long word.
const TIGHT_GAP: f64 = 4.0;

/// The number columns, as [`Columns::cell`] takes them.
const VOTES: usize = 0;
const PCT: usize = 1;
const SWING: usize = 2;
const DISTRICT: usize = 3;
const LIST: usize = 4;
const SEATS: usize = 5;
const CHANGE: usize = 6;
const PROJECTION: usize = 7;

/// A figure or a name, isolated from the text around it on a right-to-left card ("−8"
/// stays "−8" in a right-to-left line) or where it has right-to-left letters.
fn cell_text(b: &Builder, s: &str) -> String {
    if s.is_empty() {
        String::new()
    } else {
        b.data(s)
    }
}

/// The widest word of the names (a name is wrapped at spaces, never inside a word
/// while the optional columns can give the room).
fn widest_word(b: &Builder, names: &[String]) -> f64 {
    let words = names.iter().flat_map(|n| n.split(' '));
    words.map(|w| b.m.width(w, b.fs, false)).fold(0.0, f64::max)
}

/// The table's columns, their widths from content: this page's cells, the summary
/// rows and, for a paged table, the row with the most votes (`widest`, the widest
/// numbers), so that the columns keep their places from page to page.
fn columns(b: &Builder, model: &TableModel, widest: Option<&TableModel>) -> Columns {
    let w = b.o.words;
    let size = b.fs;
    let small = b.w < crate::sizes::NARROW;
    let col_w = |header: &str, cells: &[&String]| -> f64 {
        cells.iter().map(|s| b.m.width(s, size, false)).fold(b.m.width(header, size, true), f64::max) + if small { 10.0 } else { 18.0 }
    };
    let with_widest = |cells, pick| with(cells, widest, pick);
    let (show_seats, show_change) = (!model.seats.is_empty(), !model.change.is_empty());
    let mut all_votes = with_widest(&model.votes, |m| &m.votes);
    all_votes.extend(model.foot.iter().map(|f| &f[1]));
    let mut all_pct = with_widest(&model.percent, |m| &m.percent);
    all_pct.extend(model.foot.iter().map(|f| &f[2]));
    let mut wv = col_w(w.votes, &all_votes);
    let mut wp = col_w("%", &all_pct);
    let mut ws = if show_seats { col_w(w.seats, &with_widest(&model.seats, |m| &m.seats)) } else { 0.0 };
    let split = !model.district.is_empty() && !small;
    let mut wd = if split { col_w(w.district, &with_widest(&model.district, |m| &m.district)) } else { 0.0 };
    let mut wl = if split { col_w(w.list, &with_widest(&model.list, |m| &m.list)) } else { 0.0 };
    let mut wc = if show_change { col_w(w.change, &with_widest(&model.change, |m| &m.change)) } else { 0.0 };
    let mut wpr = if model.projection.is_empty() { 0.0 } else { col_w(w.projection, &with_widest(&model.projection, |m| &m.projection)) };
    let mut wsw = if model.swing.is_empty() { 0.0 } else { col_w(w.swing, &with_widest(&model.swing, |m| &m.swing)) };
    let swatch = 16.0;
    let tw = b.inner().min(crate::sizes::MAX_TABLE);
    let mut wn = tw - swatch - wv - wp - wsw - wd - wl - ws - wc - wpr;
    // Room for the names: at least 80 px, and their widest word whole (WCAG 1.4.10).
    let least = widest_word(b, &model.names) + 8.0;
    let short = |wn: f64| wn < 80.0 || wn < least;
    if short(wn) && show_change {
        wn += wc;
        wc = 0.0;
    }
    if short(wn) && wsw > 0.0 {
        wn += wsw;
        wsw = 0.0;
    }
    if short(wn) && wpr > 0.0 {
        wn += wpr;
        wpr = 0.0;
    }
    let mut gap = if small { 10.0 } else { 18.0 };
    // Right to left, a row's name has no room left over by its figures (they are right-aligned,
    // beside it): a narrower space before each figure instead.
    if b.rtl() && short(wn) {
        let cut = gap - TIGHT_GAP;
        let mut widths = [&mut wv, &mut wp, &mut wsw, &mut wd, &mut wl, &mut ws, &mut wc, &mut wpr];
        for w in widths.iter_mut().filter(|w| ***w > 0.0) {
            **w -= cut;
            wn += cut;
        }
        gap = TIGHT_GAP;
    }
    let x_name = b.pad + swatch;
    let x_votes = x_name + wn + wv; // right edges
    let x_pct = x_votes + wp;
    let x_swing = x_pct + wsw;
    let x_district = x_swing + wd;
    let x_list = x_district + wl;
    let x_seats = x_list + ws;
    let x_change = x_seats + wc;
    let x_projection = x_change + wpr;
    let widths = [wv, wp, wsw, wd, wl, ws, wc, wpr];
    Columns { tw, swatch, wn, wv, x_name, x_votes, x_pct, x_swing, x_district, x_list, x_seats, x_change, x_projection, split, seats: show_seats, change: wc > 0.0, swing: wsw > 0.0, projection: wpr > 0.0, gap, widths, rtl: b.rtl() }
}

/// A column's cells on this page and, for a paged table, in the widest row.
fn with<'a>(cells: &'a [String], widest: Option<&'a TableModel>, pick: fn(&TableModel) -> &Vec<String>) -> Vec<&'a String> {
    let mut all: Vec<&String> = cells.iter().collect();
    if let Some(m) = widest {
        all.extend(pick(m));
    }
    all
}

/// The results table.
pub(super) fn table(b: &mut Builder, ci: usize, c: &Contest, f: &Figures, colors: &[Rgb]) {
    let o = b.o;
    // A long table shows one page of MAX_ROWS rows (options.page); every row
    // is in the HTML table and the CSV.
    let n = c.parties.len();
    let pages = n.div_ceil(MAX_ROWS).max(1);
    b.pages = b.pages.max(pages);
    let start = o.page.min(pages - 1) * MAX_ROWS;
    let model = table_rows(c, f, o, start..(start + MAX_ROWS).min(n));
    let widest = (pages > 1).then(|| {
        let top = f.most_votes.unwrap_or(0);
        let at = f.order.iter().position(|&i| i == top).unwrap_or(0);
        table_rows(c, f, o, at..at + 1)
    });
    let cols = columns(b, &model, widest.as_ref());
    let part = b.mark();
    header_row(b, &model, &cols);
    for (k, &i) in model.party.iter().enumerate() {
        line_row(b, ci, &model, k, i, colors[i], &cols);
    }
    let size = b.fs;
    let t = *b.t();
    if pages > 1 {
        // "61–120 / 10,000 · all rows are in the CSV and in the HTML table"
        let end = (start + MAX_ROWS).min(n);
        let more = if n > crate::sizes::MAX_HTML_ROWS { o.words.more_rows_csv } else { o.words.more_rows };
        let line = num(start as u64 + 1, o) + "\u{2013}" + &num(end as u64, o) + " / " + &num(n as u64, o) + " \u{b7} " + more;
        let fs = size - 1.0;
        b.paragraph(&line, b.pad, cols.tw, fs, false, t.muted);
        b.y += 4.0;
    }
    if cols.seats {
        seat_total_row(b, &model, &cols);
    }
    if !model.foot.is_empty() {
        foot_rows(b, &model, &cols);
    }
    for note in &model.notes {
        let fs = size - 2.0;
        b.paragraph(note, b.pad, cols.tw, fs, false, t.muted);
    }
    b.mirror_card(part);
    b.y += 6.0;
}

/// The headings, and the rule below them.
fn header_row(b: &mut Builder, model: &TableModel, cols: &Columns) {
    let t = *b.t();
    let w = b.o.words;
    let lh = b.fs * 1.3;
    let hs = b.fs - 1.0;
    let hy = b.y + lh / 2.0;
    b.text(cols.x_name, hy, &model.head[0], hs, true, t.muted, Align::Left);
    let head = |b: &mut Builder, k: usize, text: &str, color| {
        let (x, align) = cols.cell(k);
        b.text(x, hy, text, hs, true, color, align);
    };
    head(b, VOTES, w.votes, t.muted);
    head(b, PCT, "%", t.muted);
    if cols.swing {
        head(b, SWING, w.swing, t.muted);
    }
    if cols.split {
        head(b, DISTRICT, w.district, t.muted);
        head(b, LIST, w.list, t.muted);
    }
    if cols.seats {
        head(b, SEATS, w.seats, t.muted);
    }
    if cols.change {
        head(b, CHANGE, w.change, t.muted);
    }
    if cols.projection {
        head(b, PROJECTION, w.projection, t.warn);
    }
    b.y += lh + 4.0;
    b.rule_to(cols.tw);
    b.y += 2.0;
}

/// A figure of number column `k` at height `y` (isolated on a right-to-left card).
#[allow(clippy::too_many_arguments)]
fn figure(b: &mut Builder, cols: &Columns, k: usize, y: f64, s: &str, size: f64, bold: bool, color: Rgb) {
    let (x, align) = cols.cell(k);
    let s = cell_text(b, s);
    b.text(x, y, &s, size, bold, color, align);
}

/// Row `k` of the page, line `i` of the contest: its swatch, its name (wrapped), its cells.
/// The lines that are not party lists come in their own part below the lists.
fn line_row(b: &mut Builder, ci: usize, model: &TableModel, k: usize, i: usize, color: Rgb, cols: &Columns) {
    let t = *b.t();
    let size = b.fs;
    let lh = size * 1.3;
    if k == model.lists_end && k > 0 {
        b.rule_to(cols.tw);
        let fs = size - 2.0;
        b.text(cols.x_name, b.y + lh / 2.0 + 2.0, b.o.words.other_lines, fs, false, t.muted, Align::Left);
        b.y += lh + 2.0;
    }
    let name = cell_text(b, &model.names[k]);
    let lines = b.name_lines(&name, name_room(b, model, k, cols), size, false, 3);
    let rh = lh * lines.len() as f64 + 8.0;
    let row_top = b.y;
    if k % 2 == 1 {
        b.shapes.push(Shape::Rect { x: b.pad, y: row_top, w: cols.tw, h: rh, color: t.stripe, alpha: 1.0 });
    }
    b.shapes.push(Shape::Rect { x: b.pad + 2.0, y: row_top + 4.0 + lh / 2.0 - 6.0, w: 10.0, h: 12.0, color, alpha: 1.0 });
    for (k, l) in lines.iter().enumerate() {
        b.text(cols.x_name, row_top + 4.0 + lh * (k as f64 + 0.5), l, size, false, t.text, Align::Left);
    }
    let cy = row_top + 4.0 + lh / 2.0;
    figure(b, cols, VOTES, cy, &model.votes[k], size, false, t.text);
    figure(b, cols, PCT, cy, &model.percent[k], size, false, t.text);
    if cols.swing {
        figure(b, cols, SWING, cy, &model.swing[k], size, false, t.muted);
    }
    if cols.split {
        figure(b, cols, DISTRICT, cy, &model.district[k], size, false, t.text);
        figure(b, cols, LIST, cy, &model.list[k], size, false, t.text);
    }
    if cols.seats {
        figure(b, cols, SEATS, cy, &model.seats[k], size, true, t.text);
    }
    if cols.change {
        figure(b, cols, CHANGE, cy, &model.change[k], size, false, t.muted);
    }
    if cols.projection {
        figure(b, cols, PROJECTION, cy, &model.projection[k], size, false, t.warn);
    }
    b.region(Region { x: b.pad, y: row_top, w: cols.tw, h: rh, hit: Hit::Party { contest: ci, party: i } });
    b.y += rh;
}

/// How wide row `k`'s name may be: its column, or, when a word of it is wider than
/// that, up to this row's own votes (narrower than the column's widest figures),
/// so that a name is wrapped between words rather than inside one. (Right to left,
/// the figures are right-aligned beside the name: no room there.)
fn name_room(b: &Builder, model: &TableModel, k: usize, cols: &Columns) -> f64 {
    let room = cols.wn - 8.0;
    if cols.rtl || widest_word(b, &model.names[k..=k]) <= room {
        return room;
    }
    let votes = b.m.width(&model.votes[k], b.fs, false);
    room.max(cols.x_votes - cols.x_name - votes - 8.0)
}

/// The seat total row (the body).
fn seat_total_row(b: &mut Builder, model: &TableModel, cols: &Columns) {
    let t = *b.t();
    let size = b.fs;
    let lh = size * 1.3;
    b.rule_to(cols.tw);
    let cy = b.y + lh / 2.0 + 3.0;
    b.text(b.pad, cy, b.o.words.seat_total, size - 1.0, false, t.muted, Align::Left);
    figure(b, cols, SEATS, cy, model.seat_total.as_deref().unwrap_or(""), size, true, t.text);
    b.y += lh + 4.0;
}

/// The summary rows (ballots, electorate, turnout): a label over the name column, its votes and share.
fn foot_rows(b: &mut Builder, model: &TableModel, cols: &Columns) {
    let t = *b.t();
    let size = b.fs;
    let lh = size * 1.3;
    b.rule_to(cols.tw);
    b.y += 4.0;
    for [label, v, p] in &model.foot {
        let lines = b.wrap_lines(label, cols.wn + cols.swatch - 8.0 + (cols.wv - b.m.width(v, size, false) - 12.0).max(0.0), size - 1.0, false, 2);
        for (k, l) in lines.iter().enumerate() {
            b.text(b.pad, b.y + lh * (k as f64 + 0.5), l, size - 1.0, false, t.muted, Align::Left);
        }
        figure(b, cols, VOTES, b.y + lh / 2.0, v, size - 1.0, false, t.text);
        figure(b, cols, PCT, b.y + lh / 2.0, p, size - 1.0, false, t.text);
        b.y += lh * lines.len() as f64 + 2.0;
    }
}
