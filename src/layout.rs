//! Layout: from a checked document to a [`Scene`] of plain shapes in CSS
//! pixels (rects, circles, lines, text). No browser types: the same scene is
//! drawn into a canvas (wasm) and into SVG (native and wasm) by [`crate::draw`],
//! and tests read it directly (seat centres, hit regions, text).

use crate::figures::{self, Figures, Mark};
use crate::contest::{Contest, Document, Kind, Rgb};
use crate::format::{self, grouped, int, Locale};
use crate::hemicycle;
use crate::number::Decimal;
use crate::report::{Finding, Report, Severity};
use crate::theme::{self, Theme};
use crate::words::Words;

/// Text measurement: the canvas measures with the real font; natively we estimate.
pub trait Measure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64;
}

/// A width estimate from typical sans-serif advance widths (slightly
/// generous, so that text estimated to fit does fit).
pub struct Approx;

impl Measure for Approx {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        // Calibrated on DejaVu Sans, the widest common fallback (and the font
        // Wikimedia renders SVG with), so an estimate that fits does fit.
        let mut em = 0.0;
        for c in text.chars() {
            em += match c {
                '\u{2068}' | '\u{2069}' | '\u{200e}' | '\u{200f}' => 0.0,
                ' ' | 'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | '(' | ')' | '·' | 'і' => 0.34,
                'f' | 't' | 'r' => 0.42,
                'm' | 'w' | 'M' | 'W' | 'ш' | 'щ' | 'ж' | 'ю' | 'м' | 'ы' | 'Ш' | 'Щ' | 'Ж' | 'Ю' | 'М' | 'Ы' | '—' | '%' => 0.98,
                '0'..='9' => 0.64,
                'A'..='Z' => 0.74,
                'a'..='z' => 0.61,
                'А'..='Я' | 'Ә' | 'Ғ' | 'Қ' | 'Ң' | 'Ө' | 'Ұ' | 'Ү' | 'Һ' | 'І' | 'Ё' => 0.76,
                'а'..='я' | 'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'ё' => 0.63,
                c if (c as u32) < 0x2E80 => 0.66,
                _ => 1.0, // CJK and other wide scripts
            };
        }
        em * size * if bold { 1.12 } else { 1.0 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Rect { x: f64, y: f64, w: f64, h: f64, color: Rgb, alpha: f64 },
    Frame { x: f64, y: f64, w: f64, h: f64, color: Rgb, width: f64 },
    Circle { x: f64, y: f64, r: f64, color: Rgb },
    Line { x1: f64, y1: f64, x2: f64, y2: f64, color: Rgb, width: f64 },
    /// `y` is the vertical centre of the line of text.
    Text { x: f64, y: f64, text: String, size: f64, bold: bool, color: Rgb, align: Align },
}

/// What a region of the card stands for (for clicks, hovers and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Badge,
    Party { contest: usize, party: usize },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub hit: Hit,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeatMark {
    pub contest: usize,
    pub party: Option<usize>,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub color: Rgb,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub background: Rgb,
    pub shapes: Vec<Shape>,
    pub regions: Vec<Region>,
    pub seats: Vec<SeatMark>,
    /// A text summary for screen readers.
    pub summary: String,
    /// Pages of the longest results table ([`MAX_ROWS`] rows a page; 1 when it fits).
    pub pages: usize,
}

/// Which parts of the card to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    pub title: bool,
    pub badge: bool,
    pub hemicycle: bool,
    pub bars: bool,
    pub table: bool,
    pub source: bool,
    pub notes: bool,
}

impl Default for Parts {
    fn default() -> Self {
        Parts { title: true, badge: true, hemicycle: true, bars: true, table: true, source: true, notes: true }
    }
}

impl Parts {
    /// From a list like "title,hemicycle,table"; unknown words are ignored.
    pub fn from_list(list: &str) -> Parts {
        let has = |w: &str| list.split([',', ' ']).any(|p| p.trim() == w);
        Parts {
            title: has("title"),
            badge: has("badge") || has("findings"),
            hemicycle: has("hemicycle"),
            bars: has("bars"),
            table: has("table"),
            source: has("source"),
            notes: has("notes"),
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub width: f64,
    pub theme: Theme,
    pub locale: Locale,
    pub words: &'static Words,
    pub parts: Parts,
    /// Show the list of findings (default: open when there are errors).
    pub findings_open: Option<bool>,
    /// One party to bring forward (contest, party): the others fade.
    pub highlight: Option<(usize, usize)>,
    /// A coalition in one contest: (contest, bit mask of party indices < 64).
    /// Its seats are summed against the majority; the others fade.
    pub coalition: Option<(usize, u64)>,
    /// The page of long results tables to show (from 0; clamped to the last page).
    pub page: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 640.0,
            theme: theme::LIGHT,
            locale: format::EN,
            words: &crate::words::EN,
            parts: Parts::default(),
            findings_open: None,
            highlight: None,
            coalition: None,
            page: 0,
        }
    }
}

/// Narrowest and widest card laid out.
pub const MIN_WIDTH: f64 = 240.0;
pub const MAX_WIDTH: f64 = 4096.0;

struct Builder<'a> {
    o: &'a Options,
    m: &'a dyn Measure,
    shapes: Vec<Shape>,
    regions: Vec<Region>,
    seats: Vec<SeatMark>,
    pages: usize,
    y: f64,
    pad: f64,
    w: f64,
    /// Base font size.
    fs: f64,
}

impl<'a> Builder<'a> {
    fn new(o: &'a Options, m: &'a dyn Measure) -> Self {
        let w = o.width.clamp(MIN_WIDTH, MAX_WIDTH);
        let narrow = w < 420.0;
        Builder {
            o,
            m,
            shapes: Vec::new(),
            regions: Vec::new(),
            seats: Vec::new(),
            pages: 1,
            y: if narrow { 12.0 } else { 16.0 },
            pad: if narrow { 12.0 } else { 20.0 },
            w,
            fs: if narrow { 13.0 } else { 14.0 },
        }
    }

    /// A party's colour on this card (see [`theme::legible`]).
    fn party(&self, given: Option<Rgb>, index: usize) -> Rgb {
        theme::legible(theme::party_color(given, index), self.t().background)
    }

    fn inner(&self) -> f64 {
        self.w - 2.0 * self.pad
    }

    fn t(&self) -> &Theme {
        &self.o.theme
    }

    fn text(&mut self, x: f64, y: f64, s: &str, size: f64, bold: bool, color: Rgb, align: Align) {
        if !s.is_empty() {
            // Control characters have no glyph and are not allowed in XML.
            let text: String = s.chars().filter(|c| !c.is_control()).collect();
            self.shapes.push(Shape::Text { x, y, text, size, bold, color, align });
        }
    }

    /// Greedy word wrap; a word wider than the line is cut by characters.
    fn wrap(&self, s: &str, max: f64, size: f64, bold: bool) -> Vec<String> {
        let mut lines = Vec::new();
        for para in s.split('\n') {
            // Most text fits on one line: one measurement (a call into the
            // browser's font engine) instead of one per word.
            let words: Vec<&str> = para.split(' ').filter(|w| !w.is_empty()).collect();
            let joined = words.join(" ");
            if !joined.is_empty() && self.m.width(&joined, size, bold) <= max {
                lines.push(joined);
                continue;
            }
            let mut line = String::new();
            for word in words {
                let candidate = if line.is_empty() { word.to_string() } else { line.clone() + " " + word };
                if self.m.width(&candidate, size, bold) <= max {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if self.m.width(word, size, bold) <= max {
                    line = word.to_string();
                } else {
                    for ch in word.chars() {
                        let mut next = line.clone();
                        next.push(ch);
                        if self.m.width(&next, size, bold) > max && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                            line.push(ch);
                        } else {
                            line = next;
                        }
                    }
                }
            }
            if !line.is_empty() || lines.is_empty() {
                lines.push(line);
            }
        }
        lines
    }

    /// At most `max_lines` lines; the last one ends with "…" if text was cut.
    fn wrap_lines(&self, s: &str, max: f64, size: f64, bold: bool, max_lines: usize) -> Vec<String> {
        let mut lines = self.wrap(s, max, size, bold);
        if lines.len() > max_lines {
            lines.truncate(max_lines);
            let last = lines.last_mut().unwrap_or_else(|| unreachable!());
            let mut cut = last.clone();
            while !cut.is_empty() && self.m.width(&(cut.clone() + "…"), size, bold) > max {
                cut.pop();
            }
            *last = cut.trim_end().to_string() + "…";
        }
        lines
    }

    /// A wrapped paragraph at the cursor; returns its height.
    fn paragraph(&mut self, s: &str, x: f64, max: f64, size: f64, bold: bool, color: Rgb) -> f64 {
        let lh = size * 1.35;
        let lines = self.wrap(s, max, size, bold);
        for (i, l) in lines.iter().enumerate() {
            self.text(x, self.y + lh * (i as f64 + 0.5), l, size, bold, color, Align::Left);
        }
        let h = lh * lines.len() as f64;
        self.y += h;
        h
    }

    fn hr(&mut self) {
        self.rule_to(self.inner());
    }

    /// A horizontal rule of width `w` from the left margin.
    fn rule_to(&mut self, w: f64) {
        let c = self.t().rule;
        self.shapes.push(Shape::Line { x1: self.pad, y1: self.y, x2: self.pad + w, y2: self.y, color: c, width: 1.0 });
    }
}

fn pct(d: &Decimal, o: &Options) -> String {
    format::percent(d, &o.locale)
}

fn num(n: u64, o: &Options) -> String {
    grouped(n, &o.locale)
}

/// Lay out the card for a document and its report.
pub fn card(doc: &Document, report: &Report, o: &Options, m: &dyn Measure) -> Scene {
    let mut b = Builder::new(o, m);
    let t = *b.t();
    if o.parts.title {
        if let Some(title) = &doc.title {
            let size = if b.w < 420.0 { 18.0 } else { 21.0 };
            b.paragraph(title, b.pad, b.inner(), size, true, t.text);
            b.y += 6.0;
        }
    }
    if o.parts.badge {
        badge(&mut b, report);
    }
    for (i, c) in doc.contests.iter().enumerate() {
        if i > 0 || (o.parts.title && doc.title.is_some()) || o.parts.badge {
            b.y += 8.0;
            b.hr();
            b.y += 12.0;
        }
        match c.kind {
            Kind::Election => election(&mut b, i, c),
            Kind::Vote => vote(&mut b, i, c),
            Kind::Composition => composition(&mut b, i, c),
            Kind::Series => series(&mut b, i, c),
            Kind::Primaries => primaries(&mut b, i, c),
        }
    }
    if o.parts.notes && !doc.notes.is_empty() {
        b.y += 6.0;
        for n in &doc.notes {
            let fs = b.fs - 2.0;
            b.paragraph(n, b.pad, b.inner(), fs, false, t.muted);
            b.y += 3.0;
        }
    }
    // The document's source, unless its only contest already named one.
    let contest_source = doc.contests.len() == 1 && doc.contests[0].source.is_some();
    if o.parts.source && !contest_source {
        if let Some(s) = &doc.source {
            source_line(&mut b, s);
        }
    }
    b.y += b.pad * 0.75;
    let summary = summary(doc, o);
    Scene { width: b.w, height: b.y.ceil(), background: t.background, shapes: b.shapes, regions: b.regions, seats: b.seats, summary, pages: b.pages }
}

fn source_line(b: &mut Builder, s: &crate::contest::Source) {
    let t = *b.t();
    let mut line = b.o.words.source.to_string() + ": ";
    line += s.name.as_deref().unwrap_or("");
    if let Some(u) = &s.url {
        if s.name.is_some() {
            line += " — ";
        }
        line += u;
    }
    if let Some(r) = &s.retrieved {
        line += " (";
        line += r;
        line += ")";
    }
    b.y += 4.0;
    let fs = b.fs - 2.0;
    b.paragraph(&line, b.pad, b.inner(), fs, false, t.muted);
}

fn badge(b: &mut Builder, report: &Report) {
    let t = *b.t();
    let w = b.o.words;
    let (e, wa, i) = (report.errors(), report.count(Severity::Warning), report.count(Severity::Info));
    let (mut label, color) = if e > 0 {
        ("✗ ".to_string() + &int(e as u64) + " " + crate::words::count_word(e as u64, &w.errors), t.error)
    } else if wa > 0 {
        ("! ".to_string() + &int(wa as u64) + " " + crate::words::count_word(wa as u64, &w.warnings), t.warn)
    } else {
        ("✓ ".to_string() + w.checked, t.ok)
    };
    if e > 0 && wa > 0 {
        label += " · ";
        label += &int(wa as u64);
        label += " ";
        label += crate::words::count_word(wa as u64, &w.warnings);
    }
    if i > 0 {
        label += " · ";
        label += &int(i as u64);
        label += " ";
        label += crate::words::count_word(i as u64, &w.findings);
    }
    let open = b.o.findings_open.unwrap_or(e > 0);
    let any = !report.findings.is_empty();
    if any {
        label += if open { "  ▴" } else { "  ▾" };
    }
    let size = b.fs - 1.0;
    let tw = b.m.width(&label, size, true);
    let (h, x) = (size + 12.0, b.pad);
    let bw = (tw + 20.0).min(b.inner());
    b.shapes.push(Shape::Rect { x, y: b.y, w: bw, h, color, alpha: 0.1 });
    b.shapes.push(Shape::Frame { x, y: b.y, w: bw, h, color, width: 1.0 });
    b.text(x + 10.0, b.y + h / 2.0, &label, size, true, color, Align::Left);
    if any {
        b.regions.push(Region { x, y: b.y, w: bw, h, hit: Hit::Badge });
    }
    b.y += h + 6.0;
    if open {
        for f in &report.findings {
            finding(b, f);
        }
    }
}

fn finding(b: &mut Builder, f: &Finding) {
    let t = *b.t();
    let (mark, color) = match f.severity {
        Severity::Error => ("✗", t.error),
        Severity::Warning => ("!", t.warn),
        Severity::Info => ("i", t.muted),
    };
    let size = b.fs - 1.0;
    let x = b.pad + 18.0;
    b.text(b.pad + 4.0, b.y + size * 0.675, mark, size, true, color, Align::Left);
    b.paragraph(&f.message, x, b.inner() - 18.0, size, false, t.text);
    let mut at = f.path.clone();
    if let (Some(l), Some(c)) = (f.line, f.column) {
        if !at.is_empty() {
            at += " · ";
        }
        at += "line ";
        at += &int(l as u64);
        at += ", column ";
        at += &int(c as u64);
    }
    let fs = size - 2.0;
    b.paragraph(&at, x, b.inner() - 18.0, fs, false, t.muted);
    b.y += 4.0;
}

fn heading(b: &mut Builder, c: &Contest) {
    let t = *b.t();
    if let Some(title) = &c.title {
        let fs = b.fs + 3.0;
        b.paragraph(title, b.pad, b.inner(), fs, true, t.text);
    }
    let mut sub = String::new();
    if let Some(d) = &c.date {
        sub += &format::date(d, &b.o.locale);
    }
    if let Some(body) = &c.body {
        if !sub.is_empty() {
            sub += " · ";
        }
        sub += body;
    }
    if !sub.is_empty() {
        let fs = b.fs - 1.0;
        b.paragraph(&sub, b.pad, b.inner(), fs, false, t.muted);
    }
    b.y += 8.0;
}

fn election(b: &mut Builder, ci: usize, c: &Contest) {
    let o = b.o;
    heading(b, c);
    let colors: Vec<Rgb> = c.parties.iter().enumerate().map(|(i, p)| b.party(p.color, i)).collect();
    let f = figures::of(c);
    let counts = &f.seats;
    let total = f.body;
    let has_seats = total > 0 && total <= hemicycle::MAX_SEATS;
    let wide = b.w >= 760.0;
    let top = b.y;
    let mut bottom = b.y;
    if o.parts.hemicycle && has_seats {
        let col = if wide && o.parts.bars { (b.inner() * 0.52).min(560.0) } else { b.inner().min(560.0) };
        let x0 = if wide && o.parts.bars { b.pad } else { b.pad + (b.inner() - col) / 2.0 };
        parliament(b, ci, &f, &colors, x0, col);
        legend(b, ci, c, counts, f.unassigned, &colors, x0, col);
        bottom = b.y;
    }
    if o.parts.bars && c.parties.iter().any(|p| p.votes.is_some() || p.percent.is_some()) {
        let (x0, col) = if wide && o.parts.hemicycle && has_seats {
            let x0 = b.pad + (b.inner() * 0.52).min(560.0) + 28.0;
            b.y = top;
            (x0, b.w - b.pad - x0)
        } else {
            b.y += 6.0;
            (b.pad, b.inner())
        };
        bars(b, ci, c, &f, &colors, x0, col);
        bottom = bottom.max(b.y);
    }
    b.y = bottom + 10.0;
    if o.parts.table {
        table(b, ci, c, &colors);
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

fn notes(b: &mut Builder, c: &Contest) {
    let t = *b.t();
    for n in &c.notes {
        b.y += 2.0;
        let fs = b.fs - 2.0;
        b.paragraph(n, b.pad, b.inner(), fs, false, t.muted);
    }
}

#[allow(clippy::too_many_arguments)]
fn parliament(b: &mut Builder, ci: usize, f: &Figures, colors: &[Rgb], x0: f64, col: f64) {
    let t = *b.t();
    let h = hemicycle::layout(&f.seats, f.unassigned);
    let radius = col / 2.0 - 2.0;
    let seat_r = (h.seat_radius * radius).max(0.6);
    let majority_label = f.majority.map(|m| b.o.words.majority.to_string() + ": " + &num(m, b.o));
    let label_h = if majority_label.is_some() { b.fs + 6.0 } else { 0.0 };
    let cx = x0 + col / 2.0;
    let cy = b.y + label_h + radius + seat_r + 2.0;
    if let Some(label) = &majority_label {
        let fs = b.fs - 2.0;
        b.text(cx, b.y + label_h / 2.0, label, fs, false, t.muted, Align::Center);
        // The majority line: from the inner ring up through the top.
        b.shapes.push(Shape::Line { x1: cx, y1: b.y + label_h, x2: cx, y2: cy - radius * 0.42, color: t.muted, width: 1.0 });
    }
    let coalition = b.o.coalition.filter(|(c, _)| *c == ci).map(|(_, m)| m);
    let member = |p: usize| coalition.is_some_and(|m| p < 64 && (m >> p) & 1 == 1);
    let highlight = b.o.highlight.filter(|(c, _)| *c == ci).map(|(_, p)| p);
    // District seats are squares, list seats circles: told apart by shape, not colour alone.
    let mut drawn = vec![0u64; f.seats.len()];
    for s in &h.seats {
        let mut color = s.party.map_or(t.unassigned, |p| colors[p]);
        let square = s.party.is_some_and(|p| {
            drawn[p] += 1;
            drawn[p] <= f.district_seats[p]
        });
        let faded = match (highlight, coalition, s.party) {
            (Some(hp), _, p) => p != Some(hp),
            (None, Some(_), Some(p)) => !member(p),
            (None, Some(_), None) => true,
            _ => false,
        };
        if faded {
            color = theme::mix(color, t.background, 0.75);
        }
        let (x, y) = (cx + s.x * radius, cy - s.y * radius);
        if square {
            let a = seat_r * 0.9;
            b.shapes.push(Shape::Rect { x: x - a, y: y - a, w: 2.0 * a, h: 2.0 * a, color, alpha: 1.0 });
        } else {
            b.shapes.push(Shape::Circle { x, y, r: seat_r, color });
        }
        b.seats.push(SeatMark { contest: ci, party: s.party, x, y, r: seat_r, color });
    }
    // The total in the well of the chamber; with a coalition, its seats against the majority.
    let big = (radius * 0.22).clamp(16.0, 44.0);
    let total = f.body;
    let fs = b.fs - 2.0;
    match coalition {
        Some(_) => {
            let (sum, reached) = f.coalition(&member);
            let majority = f.majority.unwrap_or(total / 2 + 1);
            let color = if reached { t.ok } else { t.text };
            b.text(cx, cy - big * 0.75, &num(sum, b.o), big, true, color, Align::Center);
            let label = b.o.words.of.to_string() + " " + &num(total, b.o) + " · " + b.o.words.majority + " " + &num(majority, b.o);
            let label = b.wrap_lines(&label, radius * 0.9, fs, false, 1).remove(0);
            b.text(cx, cy - big * 0.75 + big * 0.62 + 4.0, &label, fs, false, t.muted, Align::Center);
        }
        None => {
            b.text(cx, cy - big * 0.75, &num(total, b.o), big, true, t.text, Align::Center);
            b.text(cx, cy - big * 0.75 + big * 0.62 + 4.0, b.o.words.total_seats, fs, false, t.muted, Align::Center);
        }
    }
    b.y = cy + seat_r + 10.0;
    let fs = b.fs - 2.0;
    if f.overhang > 0 {
        // "121 seats: 120 + 1 overhang"
        let line = num(total, b.o) + " " + b.o.words.total_seats + ": " + &num(total - f.overhang, b.o) + " + " + &num(f.overhang, b.o) + " " + b.o.words.overhang;
        b.paragraph(&line, x0, col, fs, false, t.muted);
    }
    if f.any_district {
        // The key: a square for a district seat, a circle for a list seat.
        let y = b.y + fs * 0.7;
        let a = 4.5;
        b.shapes.push(Shape::Rect { x: x0, y: y - a, w: 2.0 * a, h: 2.0 * a, color: t.muted, alpha: 1.0 });
        b.text(x0 + 14.0, y, b.o.words.district, fs, false, t.muted, Align::Left);
        let x2 = x0 + 14.0 + b.m.width(b.o.words.district, fs, false) + 16.0;
        b.shapes.push(Shape::Circle { x: x2 + a, y, r: a, color: t.muted });
        b.text(x2 + 14.0, y, b.o.words.list, fs, false, t.muted, Align::Left);
        b.y += fs * 1.4 + 4.0;
    }
}

#[allow(clippy::too_many_arguments)]
fn legend(b: &mut Builder, ci: usize, c: &Contest, counts: &[u64], unassigned: u64, colors: &[Rgb], x0: f64, col: f64) {
    let t = *b.t();
    let size = b.fs - 1.0;
    let lh = size + 8.0;
    let mut x = x0;
    let mut items: Vec<(Option<usize>, String, Rgb)> = c
        .parties
        .iter()
        .enumerate()
        .filter(|(i, _)| counts[*i] > 0)
        .map(|(i, p)| (Some(i), format::isolate(p.short.as_ref().filter(|_| col < 300.0).unwrap_or(&p.name)) + " " + &num(counts[i], b.o), colors[i]))
        .collect();
    if unassigned > 0 {
        items.push((None, b.o.words.unassigned.to_string() + " " + &num(unassigned, b.o), t.unassigned));
    }
    for (party, label, color) in items {
        let label = b.wrap_lines(&label, col - 20.0, size, false, 1).remove(0);
        let w = 16.0 + b.m.width(&label, size, false) + 14.0;
        if x > x0 && x + w > x0 + col {
            x = x0;
            b.y += lh;
        }
        b.shapes.push(Shape::Rect { x, y: b.y + lh / 2.0 - 5.0, w: 10.0, h: 10.0, color, alpha: 1.0 });
        b.text(x + 15.0, b.y + lh / 2.0, &label, size, false, t.text, Align::Left);
        if let Some(p) = party {
            b.regions.push(Region { x, y: b.y, w: w - 8.0, h: lh, hit: Hit::Party { contest: ci, party: p } });
        }
        x += w;
    }
    b.y += lh + 4.0;
}

/// Vote share against seat share, one pair of bars per party.
#[allow(clippy::too_many_arguments)]
fn bars(b: &mut Builder, ci: usize, c: &Contest, f: &Figures, colors: &[Rgb], x0: f64, col: f64) {
    let t = *b.t();
    let o = b.o;
    let total_seats = f.body;
    let size = b.fs - 1.0;
    // Legend: light bar = votes, solid bar = seats.
    let key_y = b.y + size / 2.0 + 2.0;
    b.shapes.push(Shape::Rect { x: x0, y: key_y - 4.0, w: 14.0, h: 8.0, color: t.muted, alpha: 0.35 });
    b.text(x0 + 18.0, key_y, o.words.vote_share, size, false, t.muted, Align::Left);
    let kx = x0 + 18.0 + b.m.width(o.words.vote_share, size, false) + 14.0;
    if total_seats > 0 {
        b.shapes.push(Shape::Rect { x: kx, y: key_y - 4.0, w: 14.0, h: 8.0, color: t.muted, alpha: 1.0 });
        b.text(kx + 18.0, key_y, o.words.seat_share, size, false, t.muted, Align::Left);
    }
    b.y += size + 10.0;
    let widest = "100.".to_string() + &"0".repeat(f.scale.max(1) as usize) + "%";
    let value_w = b.m.width(&widest, size, false) + 6.0;
    let bar_w = (col - value_w).max(40.0);
    // Scale: the largest share, rounded up to ten.
    let mut shares: Vec<(Option<Decimal>, Option<Decimal>)> = Vec::new();
    let mut max_units = 0.0f64;
    for (i, p) in c.parties.iter().enumerate() {
        let vote = f.vote_share[i].map(|s| s.at(f.scale));
        let seat = if p.seats.is_some() && p.role.takes_seats() { f.seat_share(i).map(|s| s.at(f.scale)) } else { None };
        for d in [vote, seat].into_iter().flatten() {
            max_units = max_units.max(d.units as f64 / 10f64.powi(d.scale as i32));
        }
        shares.push((vote, seat));
    }
    let scale_max = ((max_units / 10.0).ceil() * 10.0).clamp(10.0, 100.0);
    let px = |d: &Decimal| (d.units as f64 / 10f64.powi(d.scale as i32)) / scale_max * bar_w;
    // A 0% threshold (the format's way of saying "none") draws no line.
    let threshold = c.threshold.as_ref().filter(|th| th.percent.units > 0);
    let threshold_x = threshold.map(|th| x0 + px(&th.percent));
    let mut bar_rows: Vec<(f64, f64)> = Vec::new();
    // At most MAX_BARS pairs: the largest vote shares, in the list's order.
    let shown = largest(c.parties.len(), MAX_BARS, &|i| shares[i].0.map_or(0.0, |d| d.units as f64 / 10f64.powi(d.scale as i32)));
    for (i, p) in c.parties.iter().enumerate() {
        if !shown[i] {
            continue;
        }
        let (vote, seat) = shares[i];
        let name = b.wrap_lines(&p.name, col, size, false, 1).remove(0);
        b.text(x0, b.y + size * 0.6, &name, size, false, t.text, Align::Left);
        let row_top = b.y;
        b.y += size * 1.2 + 2.0;
        let bh = 9.0;
        bar_rows.push((b.y - 2.0, b.y + 2.0 * bh + 4.0));
        if let Some(v) = vote {
            b.shapes.push(Shape::Rect { x: x0, y: b.y, w: px(&v).max(1.0), h: bh, color: colors[i], alpha: 0.4 });
            let label = pct(&v, o);
            let lx = clear_of(x0 + px(&v) + 4.0, b.m.width(&label, size - 2.0, false), threshold_x);
            b.text(lx, b.y + bh / 2.0, &label, size - 2.0, false, t.muted, Align::Left);
        }
        b.y += bh + 2.0;
        if let Some(s) = seat {
            b.shapes.push(Shape::Rect { x: x0, y: b.y, w: px(&s).max(if p.seats == Some(0) { 0.0 } else { 1.0 }), h: bh, color: colors[i], alpha: 1.0 });
            let label = pct(&s, o);
            let lx = clear_of(x0 + px(&s) + 4.0, b.m.width(&label, size - 2.0, false), threshold_x);
            b.text(lx, b.y + bh / 2.0, &label, size - 2.0, false, t.text, Align::Left);
        }
        b.y += bh + 8.0;
        b.regions.push(Region { x: x0, y: row_top, w: col, h: b.y - row_top, hit: Hit::Party { contest: ci, party: i } });
    }
    let hidden = shown.iter().filter(|&&v| !v).count();
    if hidden > 0 {
        let line = "+ ".to_string() + &num(hidden as u64, o) + " " + o.words.more_parties;
        b.text(x0, b.y + size * 0.5, &line, size - 2.0, false, t.muted, Align::Left);
        b.y += size + 4.0;
    }
    // The threshold, as a line across the bars.
    if let Some(th) = threshold {
        let x = x0 + px(&th.percent);
        // Across the bars only, not through the party names.
        for (y1, y2) in bar_rows {
            b.shapes.push(Shape::Line { x1: x, y1, x2: x, y2, color: t.muted, width: 1.0 });
        }
        let label = pct(&th.percent, o) + " " + o.words.threshold;
        b.text(x + 3.0, b.y + 2.0, &label, size - 2.0, false, t.muted, Align::Left);
        b.y += size;
    }
}

/// Rows of the canvas table; longer lists go to the HTML table and the CSV
/// (a canvas cannot be taller than about 32,000 pixels).
pub const MAX_ROWS: usize = 60;
/// Pairs of vote and seat bars.
pub const MAX_BARS: usize = 15;

/// Which of `n` items are among the `k` largest by `key` (ties: earlier first).
/// One pass keeping the best `k` in order: for the card's small `k` and long
/// lists that is far cheaper than sorting the whole list.
fn largest(n: usize, k: usize, key: &dyn Fn(usize) -> f64) -> Vec<bool> {
    let mut keep = vec![n <= k; n];
    if n > k && k > 0 {
        let mut top: Vec<(f64, usize)> = Vec::with_capacity(k + 1);
        for i in 0..n {
            let v = key(i);
            if top.len() == k && v <= top[k - 1].0 {
                continue;
            }
            // After every kept entry of the same or a larger key: earlier items win ties.
            let at = top.iter().position(|t| v > t.0).unwrap_or(top.len());
            top.insert(at, (v, i));
            top.truncate(k);
        }
        for (_, i) in top {
            keep[i] = true;
        }
    }
    keep
}

/// A label's x, moved right of the threshold line if it would cross it.
fn clear_of(x: f64, w: f64, line: Option<f64>) -> f64 {
    match line {
        Some(l) if x < l + 3.0 && x + w > l - 3.0 => l + 4.0,
        _ => x,
    }
}

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
fn table(b: &mut Builder, ci: usize, c: &Contest, colors: &[Rgb]) {
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

fn vote(b: &mut Builder, ci: usize, c: &Contest) {
    let t = *b.t();
    let o = b.o;
    let w = o.words;
    heading(b, c);
    if let Some(q) = &c.question {
        let fs = b.fs + 1.0;
        b.paragraph(q, b.pad, b.inner(), fs, true, t.text);
        b.y += 8.0;
    }
    let colors: Vec<Rgb> = c.parties.iter().enumerate().map(|(i, p)| b.party(p.color, i)).collect();
    // Outcome box.
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
    // Rule and participation.
    let rule = w.rule.to_string() + ": " + c.rule.map(|r| r.label()).unwrap_or(w.rule_unknown);
    let fs = b.fs - 1.0;
    b.paragraph(&rule, b.pad, b.inner(), fs, false, t.muted);
    let f = figures::of(c);
    if let (Some(p), Some(e), Some(turnout)) = (f.cast, c.electorate, f.turnout) {
        let mut s = w.participation.to_string() + ": " + &num(p, o) + " " + w.of + " " + &num(e, o) + " " + w.took_part;
        let tp = turnout.at(f.scale);
        s += " (";
        s += &pct(&tp, o);
        s += ")";
        b.paragraph(&s, b.pad, b.inner(), fs, false, t.muted);
        // Participation bar.
        b.y += 4.0;
        let frac = if e > 0 { p as f64 / e as f64 } else { 0.0 };
        b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w: b.inner(), h: 8.0, color: t.unassigned, alpha: 0.5 });
        b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w: b.inner() * frac.min(1.0), h: 8.0, color: t.muted, alpha: 1.0 });
        b.y += 14.0;
    }
    b.y += 6.0;
    // Options with votes and share bars.
    for (i, p) in c.parties.iter().enumerate() {
        let share = f.vote_share[i].map(|s| s.at(f.scale));
        let right = match (p.votes, share) {
            (None, None) => w.not_given.to_string(),
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
            let frac = d.units as f64 / 10f64.powi(d.scale as i32) / 100.0;
            b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w: b.inner(), h: 12.0, color: t.stripe, alpha: 1.0 });
            if frac > 0.0 {
                b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w: b.inner() * frac.min(1.0), h: 12.0, color: colors[i], alpha: 1.0 });
            }
            b.y += 20.0;
        } else {
            b.y += 4.0;
        }
        b.regions.push(Region { x: b.pad, y: row_top, w: b.inner(), h: b.y - row_top, hit: Hit::Party { contest: ci, party: i } });
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

/// A row of `total` small squares, the first `filled` in `color`: a
/// waffle that shows a share as people.
fn unit_bar(b: &mut Builder, total: u64, filled: u64, color: Rgb) {
    let t = *b.t();
    if total == 0 {
        return;
    }
    if total > 400 {
        // Too many people for squares: a proportion bar.
        let w = b.inner();
        b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w, h: 10.0, color: t.unassigned, alpha: 0.6 });
        b.shapes.push(Shape::Rect { x: b.pad, y: b.y, w: w * filled.min(total) as f64 / total as f64, h: 10.0, color, alpha: 1.0 });
        b.y += 16.0;
        return;
    }
    let cell = 9.0;
    let per_row = ((b.inner() + 2.0) / (cell + 2.0)).floor().max(1.0) as u64;
    for k in 0..total {
        let (row, col) = (k / per_row, k % per_row);
        let c = if k < filled { color } else { t.unassigned };
        b.shapes.push(Shape::Rect { x: b.pad + col as f64 * (cell + 2.0), y: b.y + row as f64 * (cell + 2.0), w: cell, h: cell, color: c, alpha: 1.0 });
    }
    b.y += ((total + per_row - 1) / per_row) as f64 * (cell + 2.0) + 6.0;
}

/// The whole number of people a share stands for: the count, or the first
/// whole number that rounds to the reported percentage.

fn share_rows(b: &mut Builder, shares: &[crate::kinds::Share], whole: Option<u64>, stage_word: &str, first_color: usize) {
    let t = *b.t();
    for (i, s) in shares.iter().enumerate() {
        let color = theme::PALETTE[(first_color + i + 1) % theme::PALETTE.len()];
        let mut label = s.name.clone();
        if let Some(p) = &s.percent {
            label += ": ";
            label += &pct(p, b.o);
        }
        let n = whole.map(|w| figures::people(s, w));
        if let (Some(n), Some(w)) = (n, whole) {
            label += " (";
            label += &num(n, b.o);
            label += " ";
            label += b.o.words.of;
            label += " ";
            label += &num(w, b.o);
            label += ")";
        } else if let Some(st) = &s.stage {
            label += " · ";
            label += stage_word;
            label += " ";
            label += st;
        }
        let fs = b.fs - 1.0;
        b.paragraph(&label, b.pad, b.inner(), fs, false, t.text);
        b.y += 2.0;
        match (n, whole) {
            (Some(n), Some(w)) => unit_bar(b, w, n, color),
            _ => {
                // No whole to count against: a bar of 100 squares, one per percent.
                let per = s.percent.map_or(0, |p| ((p.units.max(0) as f64) / 10f64.powi(p.scale as i32)).round() as u64);
                unit_bar(b, 100, per.min(100), color);
            }
        }
        b.y += 4.0;
    }
}

fn composition(b: &mut Builder, ci: usize, c: &Contest) {
    let t = *b.t();
    heading(b, c);
    let crate::kinds::Detail::Composition(comp) = &c.detail else { return };
    if let Some(m) = comp.members {
        let fs = b.fs + 1.0;
        let line = num(m, b.o) + " " + b.o.words.members;
        b.paragraph(&line, b.pad, b.inner(), fs, true, t.text);
        b.y += 6.0;
    }
    if !c.parties.is_empty() && b.o.parts.hemicycle {
        let colors: Vec<Rgb> = c.parties.iter().enumerate().map(|(i, p)| b.party(p.color, i)).collect();
        let f = figures::of(c);
        if f.body > 0 && f.body <= hemicycle::MAX_SEATS {
            let col = b.inner().min(480.0);
            let x0 = b.pad + (b.inner() - col) / 2.0;
            parliament(b, ci, &f, &colors, x0, col);
            legend(b, ci, c, &f.seats, 0, &colors, x0, col);
        }
    }
    share_rows(b, &comp.shares, comp.members, "", 0);
    if b.o.parts.notes {
        notes(b, c);
    }
    if b.o.parts.source {
        if let Some(s) = &c.source {
            source_line(b, s);
        }
    }
}

fn series(b: &mut Builder, ci: usize, c: &Contest) {
    let t = *b.t();
    let o = b.o;
    heading(b, c);
    let crate::kinds::Detail::Series(s) = &c.detail else { return };
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
        let frac = |d: &Decimal| (d.units as f64 / 10f64.powi(d.scale as i32) / 100.0).clamp(0.0, 1.0);
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
        b.regions.push(Region { x: b.pad, y: row_top, w: b.inner(), h: b.y - row_top, hit: Hit::Party { contest: ci, party: i } });
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

fn primaries(b: &mut Builder, _ci: usize, c: &Contest) {
    let t = *b.t();
    let o = b.o;
    heading(b, c);
    let crate::kinds::Detail::Primaries(p) = &c.detail else { return };
    let size = b.fs;
    // Voters and turnout.
    if let Some(v) = p.voters {
        let mut line = p.voters_qualifier.map(|q| q.word()).unwrap_or("").to_string() + &num(v, o) + " " + o.words.voters;
        if let Some(tp) = &c.turnout_percent {
            line += " · ";
            line += o.words.turnout;
            line += " ";
            line += &pct(tp, o);
        }
        let fs = size + 1.0;
        b.paragraph(&line, b.pad, b.inner(), fs, true, t.text);
        b.y += 8.0;
    }
    // The funnel: bar widths on a logarithmic scale, so that 78 of 10,000 still shows.
    let max = p.stages.iter().filter_map(|s| s.count).max().unwrap_or(1).max(2) as f64;
    let accent = theme::PALETTE[0];
    for s in &p.stages {
        let label = s.name.clone() + ": " + s.qualifier.word() + &s.count.map(|n| num(n, o)).unwrap_or_else(|| "—".into());
        let fs = size - 1.0;
        b.paragraph(&label, b.pad, b.inner(), fs, false, t.text);
        if let Some(n) = s.count {
            let w = (b.inner() * ((n.max(1) as f64).log10() + 1.0) / (max.log10() + 1.0)).max(4.0);
            b.shapes.push(Shape::Rect { x: b.pad + (b.inner() - w) / 2.0, y: b.y + 2.0, w, h: 16.0, color: accent, alpha: 1.0 });
        }
        b.y += 24.0;
    }
    if !p.stages.is_empty() {
        let fs = size - 3.0;
        b.paragraph(o.words.log_scale, b.pad, b.inner(), fs, false, t.muted);
        b.y += 6.0;
    }
    if let Some(r) = &p.removed {
        let mut line = o.words.removed.to_string() + ": " + &r.count.map(|n| num(n, o)).unwrap_or_else(|| "—".into());
        if !r.reasons.is_empty() {
            let parts: Vec<String> = r.reasons.iter().map(|(n, k)| n.clone() + " " + &num(*k, o)).collect();
            line += " (";
            line += &parts.join(", ");
            line += ")";
        }
        let fs = size - 1.0;
        b.paragraph(&line, b.pad, b.inner(), fs, false, t.text);
        b.y += 8.0;
    }
    let whole = |st: &Option<String>| st.as_ref().and_then(|name| p.stages.iter().find(|x| &x.name == name)).filter(|x| x.qualifier == crate::kinds::Qualifier::Exactly).and_then(|x| x.count);
    for (i, s) in p.shares.iter().enumerate() {
        share_rows(b, std::slice::from_ref(s), whole(&s.stage), o.words.of_stage, i);
    }
    if let Some(q) = &p.quota {
        let mut line = o.words.quota.to_string() + ": " + &pct(&q.percent, o) + " · " + &q.shares.join(", ");
        if let Some(st) = &q.stage {
            line += " · ";
            line += o.words.of_stage;
            line += " ";
            line += st;
        }
        let fs = size - 1.0;
        b.paragraph(&line, b.pad, b.inner(), fs, false, t.muted);
        b.y += 6.0;
    }
    if o.parts.notes {
        notes(b, c);
    }
    if o.parts.source {
        if let Some(src) = &c.source {
            source_line(b, src);
        }
    }
}

/// A card for a document that cannot be shown: what is wrong and where;
/// with the last good scene below it when there is one.
pub fn error_card(report: &Report, o: &Options, m: &dyn Measure, last_good: Option<&Scene>) -> Scene {
    let mut b = Builder::new(o, m);
    let t = *b.t();
    let top = b.y;
    b.y += 10.0;
    let fs = b.fs + 1.0;
    b.paragraph(&("✗ ".to_string() + o.words.cannot_read), b.pad + 12.0, b.inner() - 24.0, fs, true, t.error);
    b.y += 4.0;
    const SHOWN: usize = 8;
    let all = report.count(Severity::Error);
    for f in report.findings.iter().filter(|f| f.severity == Severity::Error).take(SHOWN) {
        finding(&mut b, f);
    }
    if all > SHOWN {
        let fs = b.fs - 1.0;
        let line = o.words.more_errors.to_string() + ": " + &num((all - SHOWN) as u64, o);
        b.paragraph(&line, b.pad + 12.0, b.inner() - 24.0, fs, false, t.muted);
    }
    if last_good.is_some() {
        let fs = b.fs - 1.0;
        b.paragraph(o.words.kept, b.pad + 12.0, b.inner() - 24.0, fs, false, t.muted);
    }
    b.y += 6.0;
    let h = b.y - top;
    b.shapes.insert(0, Shape::Frame { x: b.pad, y: top, w: b.inner(), h, color: t.error, width: 2.0 });
    b.shapes.insert(0, Shape::Rect { x: b.pad, y: top, w: b.inner(), h, color: t.error, alpha: 0.06 });
    b.y += 8.0;
    let mut scene = Scene { width: b.w, height: 0.0, background: t.background, shapes: b.shapes, regions: b.regions, seats: b.seats, summary: String::new(), pages: 1 };
    let mut summary = o.words.cannot_read.to_string();
    if let Some(f) = report.findings.first() {
        summary += ": ";
        summary += &f.message;
    }
    if let Some(g) = last_good {
        let dy = b.y;
        for s in &g.shapes {
            scene.shapes.push(shift(s, dy));
        }
        scene.regions.extend(g.regions.iter().map(|r| Region { y: r.y + dy, ..*r }));
        scene.seats.extend(g.seats.iter().map(|s| SeatMark { y: s.y + dy, ..*s }));
        scene.height = (dy + g.height).ceil();
        summary += ". ";
        summary += &g.summary;
    } else {
        scene.height = b.y.ceil();
    }
    scene.summary = summary;
    scene
}

fn shift(s: &Shape, dy: f64) -> Shape {
    let mut s = s.clone();
    match &mut s {
        Shape::Rect { y, .. } | Shape::Frame { y, .. } | Shape::Circle { y, .. } | Shape::Text { y, .. } => *y += dy,
        Shape::Line { y1, y2, .. } => {
            *y1 += dy;
            *y2 += dy;
        }
    }
    s
}

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
            crate::kinds::Detail::Composition(comp) => {
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
            crate::kinds::Detail::Series(se) => {
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
            crate::kinds::Detail::Primaries(pr) => {
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
            crate::kinds::Detail::None => {}
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

#[cfg(test)]
mod tests {
    use super::largest;

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
