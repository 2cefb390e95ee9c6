//! What every part of the card is built with: the options, the text measure, and
//! the builder that places shapes top to bottom.

use crate::contest::Rgb;
use crate::format::{self, grouped, Locale};
use crate::number::Decimal;
use crate::theme::{self, Theme};
use crate::words::Words;
use super::scene::*;

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
                '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => 0.0,
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
    /// The swing chart (when previous shares are given).
    pub swing: bool,
    /// On a count still open, the seats the rules give on the votes so far, as a
    /// table column labelled as a projection (off unless asked for).
    pub projection: bool,
}

impl Default for Parts {
    fn default() -> Self {
        Parts { title: true, badge: true, hemicycle: true, bars: true, table: true, source: true, notes: true, swing: true, projection: false }
    }
}

impl Parts {
    /// From a list like "title,hemicycle,table"; unknown words are ignored.
    /// The names a parts list takes.
    pub const NAMES: [&'static str; 10] = ["title", "badge", "findings", "hemicycle", "bars", "table", "source", "notes", "swing", "projection"];

    /// A parts list, or the first name in it that is not a part.
    pub fn parse(list: &str) -> Result<Parts, String> {
        match list.split([',', ' ']).map(str::trim).find(|p| !p.is_empty() && !Self::NAMES.contains(p)) {
            Some(bad) => Err(bad.to_string()),
            None => Ok(Self::from_list(list)),
        }
    }

    pub fn from_list(list: &str) -> Parts {
        let has = |w: &str| list.split([',', ' ']).any(|p| p.trim_ascii() == w);
        Parts {
            title: has("title"),
            badge: has("badge") || has("findings"),
            hemicycle: has("hemicycle"),
            bars: has("bars"),
            table: has("table"),
            source: has("source"),
            notes: has("notes"),
            swing: has("swing"),
            projection: has("projection"),
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
    /// A right-to-left card (the locale's language is written so: [`format::rtl`]): its
    /// text parts and table mirrored, its graphs (hemicycle, bars) in their own
    /// left-to-right order.
    pub rtl: bool,
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
            rtl: false,
        }
    }
}

pub use crate::sizes::{MAX_WIDTH, MIN_WIDTH};
use crate::sizes;

/// Where a text part of the card begins in the lists of shapes and regions
/// (None: inside another part).
pub(super) type Mark = Option<(usize, usize)>;

pub(super) struct Builder<'a> {
    pub(super) o: &'a Options,
    pub(super) m: &'a dyn Measure,
    pub(super) shapes: Vec<Shape>,
    pub(super) regions: Vec<Region>,
    pub(super) seats: Vec<SeatMark>,
    pub(super) pages: usize,
    pub(super) y: f64,
    pub(super) pad: f64,
    pub(super) w: f64,
    /// Base font size.
    pub(super) fs: f64,
    /// Inside a text part that is mirrored as a whole on a right-to-left card.
    in_part: bool,
    /// Parties' colours drawn as given (a light card: no contrast to work out per line).
    keeps_colors: bool,
}

impl<'a> Builder<'a> {
    pub(super) fn new(o: &'a Options, m: &'a dyn Measure) -> Self {
        let w = o.width.clamp(MIN_WIDTH, MAX_WIDTH);
        let narrow = w < sizes::NARROW;
        Builder {
            o,
            m,
            shapes: Vec::new(),
            regions: Vec::new(),
            seats: Vec::new(),
            pages: 1,
            y: if narrow { sizes::TOP_NARROW } else { sizes::TOP },
            pad: if narrow { sizes::PAD_NARROW } else { sizes::PAD },
            w,
            fs: if narrow { sizes::TYPE_NARROW } else { sizes::TYPE },
            keeps_colors: theme::keeps_colors(o.theme.background),
            in_part: false,
        }
    }

    /// A right-to-left card (never in the first paint's module, which is English only:
    /// there the mirroring code is left out).
    pub(super) fn rtl(&self) -> bool {
        cfg!(feature = "full") && self.o.rtl
    }

    /// A party's colour on this card (see [`theme::legible`]).
    pub(super) fn party(&self, given: Option<Rgb>, index: usize) -> Rgb {
        theme::party_on_known(given, index, self.t().background, self.keeps_colors)
    }

    /// A hit region (the pointer's and the keyboard's): none in the first paint's module, which has neither.
    pub(super) fn region(&mut self, r: Region) {
        if cfg!(feature = "full") {
            self.regions.push(r);
        }
    }

    /// A seat as hit-testing and the tests find it: none in the first paint's module, likewise.
    pub(super) fn seat_mark(&mut self, s: SeatMark) {
        if cfg!(feature = "full") {
            self.seats.push(s);
        }
    }

    /// Every line's colour as drawn (see [`Builder::party`]).
    pub(super) fn colors(&self, c: &crate::contest::Contest) -> Vec<Rgb> {
        let mut colors = Vec::with_capacity(c.parties.len());
        for (i, p) in c.parties.iter().enumerate() {
            colors.push(self.party(p.color, i));
        }
        colors
    }

    pub(super) fn inner(&self) -> f64 {
        self.w - 2.0 * self.pad
    }

    pub(super) fn t(&self) -> &Theme {
        &self.o.theme
    }

    pub(super) fn text(&mut self, x: f64, y: f64, s: &str, size: f64, bold: bool, color: Rgb, align: Align) {
        if !s.is_empty() {
            // Control characters have no glyph and are not allowed in XML.
            let mut text: String = s.chars().filter(|c| !c.is_control()).collect();
            if self.rtl() {
                text = super::bidi::line(&text, self.o.words.lang);
            }
            self.shapes.push(Shape::Text { x, y, text, size, bold, color, align });
        }
    }

    /// Text from data (a name, a title, a note) or a figure, isolated from the text
    /// around it on a right-to-left card or where it has right-to-left letters.
    pub(super) fn data(&self, s: &str) -> String {
        // (The first paint's module leaves this to the full one, which draws the card again at once.)
        if self.rtl() || (cfg!(feature = "full") && format::has_rtl(s)) {
            format::isolate(s)
        } else {
            s.to_string()
        }
    }

    /// A text part of the card begins (see [`Builder::mirror`]); inside another
    /// part it is that part's own (mirrored with it, not twice).
    pub(super) fn mark(&mut self) -> Mark {
        if self.in_part || !self.rtl() {
            return None;
        }
        self.in_part = true;
        Some((self.shapes.len(), self.regions.len()))
    }

    /// On a right-to-left card, the part drawn since `from` mirrored about the middle
    /// of `left..right` (x positions, and text aligned to the other side).
    pub(super) fn mirror(&mut self, from: Mark, left: f64, right: f64) {
        if let Some((shapes, regions)) = from {
            self.in_part = false;
            if self.rtl() {
                super::bidi::mirror(&mut self.shapes[shapes..], &mut self.regions[regions..], left + right);
            }
        }
    }

    /// [`Builder::mirror`] about the whole card.
    pub(super) fn mirror_card(&mut self, from: Mark) {
        let w = self.w;
        self.mirror(from, 0.0, w);
    }

    /// Greedy word wrap; a word wider than the line is cut by characters.
    pub(super) fn wrap(&self, s: &str, max: f64, size: f64, bold: bool) -> Vec<String> {
        self.wrap_at(s, max, size, bold, false)
    }

    /// [`Builder::wrap`], where a word wider than the line may first break after its
    /// hyphens and slashes (`at_hyphens`: a name in the table).
    fn wrap_at(&self, s: &str, max: f64, size: f64, bold: bool, at_hyphens: bool) -> Vec<String> {
        let mut lines = Vec::new();
        for para in s.split('\n') {
            // Most text fits on one line: one measurement (a call into the
            // browser's font engine) instead of one per word. Not a text far longer
            // than the line (a third of an em a character): a note's paragraph, whose
            // own measurement would be thrown away (the words give the same lines). (Its
            // bytes, not its characters: a text in another script may take a word's way sooner.)
            let words: Vec<&str> = para.split(' ').filter(|w| !w.is_empty()).collect();
            let joined = crate::format::join(&words, " ");
            let hopeless = joined.len() as f64 * size > 3.0 * max;
            if !joined.is_empty() && !hopeless && self.m.width(&joined, size, bold) <= max {
                lines.push(joined);
                continue;
            }
            // A line's width is the sum of its words' and spaces' (each word measured once, and
            // remembered: a call into the font engine per word, not per growing line; shaping and
            // kerning do not cross a space).
            let w = |t: &str| self.m.width(t, size, bold);
            let space = w(" ");
            let mut line = String::new();
            let mut line_w = 0.0;
            for word in words {
                let word_w = w(word);
                let gap = if line.is_empty() { 0.0 } else { space };
                if line_w + gap + word_w <= max {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    line_w += gap + word_w;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line_w = 0.0;
                if word_w <= max {
                    line.push_str(word);
                    line_w = word_w;
                    continue;
                }
                // Too wide for a line: broken after its hyphens and slashes if that is enough,
                // else (the last resort) between characters.
                let breaks = ['-', '\u{2010}', '\u{2013}', '/'];
                let by_hyphens = at_hyphens && word.contains(breaks) && word.split_inclusive(breaks).all(|p| w(p) <= max);
                let mut place = |p: &str| {
                    let p_w = w(p);
                    if !line.is_empty() && line_w + p_w > max {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0.0;
                    }
                    line.push_str(p);
                    line_w += p_w;
                };
                if by_hyphens {
                    word.split_inclusive(breaks).for_each(&mut place);
                } else {
                    for (i, c) in word.char_indices() {
                        place(&word[i..i + c.len_utf8()]);
                    }
                }
            }
            if !line.is_empty() || lines.is_empty() {
                lines.push(line);
            }
        }
        if self.rtl() {
            super::bidi::balance(&mut lines);
        }
        lines
    }

    /// At most `max_lines` lines; the last one ends with "…" if text was cut.
    pub(super) fn wrap_lines(&self, s: &str, max: f64, size: f64, bold: bool, max_lines: usize) -> Vec<String> {
        self.lines_at(s, max, size, bold, max_lines, false)
    }

    /// [`Builder::wrap_lines`] for a name in the table: a word too wide for the
    /// column breaks after a hyphen or a slash before it is cut between characters.
    pub(super) fn name_lines(&self, s: &str, max: f64, size: f64, bold: bool, max_lines: usize) -> Vec<String> {
        self.lines_at(s, max, size, bold, max_lines, true)
    }

    fn lines_at(&self, s: &str, max: f64, size: f64, bold: bool, max_lines: usize, at_hyphens: bool) -> Vec<String> {
        let mut lines = self.wrap_at(s, max, size, bold, at_hyphens);
        if lines.len() > max_lines {
            lines.truncate(max_lines);
            let last = lines.last_mut().unwrap_or_else(|| unreachable!());
            let mut cut = last.clone();
            while !cut.is_empty() && self.m.width(&(cut.clone() + "…"), size, bold) > max {
                cut.pop();
            }
            *last = cut.trim_ascii_end().to_string() + "…";
        }
        lines
    }

    /// A wrapped paragraph at the cursor; returns its height.
    pub(super) fn paragraph(&mut self, s: &str, x: f64, max: f64, size: f64, bold: bool, color: Rgb) -> f64 {
        let lh = size * 1.35;
        let lines = self.wrap(s, max, size, bold);
        for (i, l) in lines.iter().enumerate() {
            self.text(x, self.y + lh * (i as f64 + 0.5), l, size, bold, color, Align::Left);
        }
        let h = lh * lines.len() as f64;
        self.y += h;
        h
    }

    pub(super) fn hr(&mut self) {
        self.rule_to(self.inner());
    }

    /// A horizontal rule of width `w` from the left margin.
    pub(super) fn rule_to(&mut self, w: f64) {
        let c = self.t().rule;
        self.shapes.push(Shape::Line { x1: self.pad, y1: self.y, x2: self.pad + w, y2: self.y, color: c, width: 1.0 });
    }
}

pub(super) fn pct(d: &Decimal, o: &Options) -> String {
    format::percent(d, &o.locale)
}

pub(super) fn num(n: u64, o: &Options) -> String {
    grouped(n, &o.locale)
}
