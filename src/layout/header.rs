//! The card's header and tail: the title, the validation badge and its findings,
//! each contest's heading, the document's notes and the source line.

use crate::contest::Contest;
use crate::format::{self, int};
use crate::report::{Finding, Report, Severity};
use super::builder::*;
use super::scene::*;

pub(super) fn source_line(b: &mut Builder, s: &crate::contest::Source) {
    let t = *b.t();
    let part = b.mark();
    let mut line = b.o.words.source.to_string() + ": ";
    if let Some(n) = &s.name {
        line += &b.data(n);
    }
    if let Some(u) = &s.url {
        if s.name.is_some() {
            line += " — ";
        }
        line += &b.data(u);
    }
    if let Some(r) = &s.retrieved {
        line += " (";
        line += &b.data(r);
        line += ")";
    }
    b.y += 4.0;
    let fs = b.fs - 2.0;
    b.paragraph(&line, b.pad, b.inner(), fs, false, t.muted);
    b.mirror_card(part);
}

/// Whether the numbers check out, in words: "Numbers checked: no errors, 2 findings".
pub(super) fn verdict(report: &Report, w: &crate::words::Words) -> String {
    let count = |n: usize, forms: &crate::plural::Forms| crate::words::counted(int(n as u64), n as u64, forms, w);
    let (e, wa, i) = (report.errors(), report.count(Severity::Warning), report.count(Severity::Info));
    // (The first paint's module never validates: it always says so.)
    if !cfg!(feature = "full") || (report.pending && e == 0) {
        return w.checking.to_string();
    }
    let mut s = w.checked.to_string() + ": " + &if e > 0 { count(e, &w.errors) } else { w.no_errors.to_string() };
    for (n, forms) in [(wa, &w.warnings), (i, &w.findings)] {
        if n > 0 {
            s += ", ";
            s += &count(n, forms);
        }
    }
    s
}

pub(super) fn badge(b: &mut Builder, report: &Report) {
    let part = b.mark();
    badge_and_findings(b, report);
    b.mirror_card(part);
}

fn badge_and_findings(b: &mut Builder, report: &Report) {
    use crate::words::counted;
    let t = *b.t();
    let w = b.o.words;
    let (e, wa, i) = (report.errors(), report.count(Severity::Warning), report.count(Severity::Info));
    // Not validated yet (the first paint): said, never "checked".
    let checking = !cfg!(feature = "full") || (report.pending && e == 0);
    let (mut label, color) = if checking {
        (w.checking.to_string(), t.muted)
    } else if e > 0 {
        ("✗ ".to_string() + &counted(int(e as u64), e as u64, &w.errors, w), t.error)
    } else if wa > 0 {
        ("! ".to_string() + &counted(int(wa as u64), wa as u64, &w.warnings, w), t.warn)
    } else {
        ("✓ ".to_string() + w.checked, t.ok)
    };
    if e > 0 && wa > 0 {
        label += " · ";
        label += &counted(int(wa as u64), wa as u64, &w.warnings, w);
    }
    if i > 0 && !checking {
        label += " · ";
        label += &counted(int(i as u64), i as u64, &w.findings, w);
    }
    let open = !checking && b.o.findings_open.unwrap_or(e > 0);
    let any = !report.findings.is_empty() && !checking;
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
        b.region(Region { x, y: b.y, w: bw, h, hit: Hit::Badge });
    }
    b.y += h + 6.0;
    if open {
        // The first MAX_FINDINGS (errors first); every one is in the report.
        for f in report.findings.iter().take(crate::sizes::MAX_FINDINGS) {
            finding(b, f);
        }
        let more = report.findings.len().saturating_sub(crate::sizes::MAX_FINDINGS);
        if more > 0 {
            let line = b.o.words.more_findings.to_string() + ": " + &num(more as u64, b.o);
            let (x, w, size) = (b.pad + 18.0, b.inner() - 18.0, b.fs - 1.0);
            b.paragraph(&line, x, w, size, false, b.t().muted);
        }
    }
}

/// Where a finding is: its JSON path and "line 20, column 17" in the card's words.
pub fn place(f: &Finding, w: &crate::words::Words) -> String {
    let mut at = f.path.clone();
    if let (Some(l), Some(c)) = (f.line, f.column) {
        if !at.is_empty() {
            at += " · ";
        }
        at += &crate::format::fill(w.at_line, &[("{l}", &int(l as u64)), ("{c}", &int(c as u64))]);
    }
    at
}

/// [`place`] with the JSON path isolated (a path is left-to-right text).
fn place_isolated(f: &Finding, w: &crate::words::Words) -> String {
    let path = crate::format::isolate(&f.path);
    place(&Finding { path, ..f.clone() }, w)
}

pub(super) fn finding(b: &mut Builder, f: &Finding) {
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
    let at = if b.rtl() { place_isolated(f, b.o.words) } else { place(f, b.o.words) };
    let fs = size - 2.0;
    b.paragraph(&at, x, b.inner() - 18.0, fs, false, t.muted);
    b.y += 4.0;
}

pub(super) fn heading(b: &mut Builder, c: &Contest) {
    let part = b.mark();
    heading_lines(b, c);
    b.mirror_card(part);
}

fn heading_lines(b: &mut Builder, c: &Contest) {
    let t = *b.t();
    if let Some(title) = &c.title {
        let fs = b.fs + 3.0;
        let title = b.data(title);
        b.paragraph(&title, b.pad, b.inner(), fs, true, t.text);
    }
    let mut sub = String::new();
    if let Some(d) = &c.date {
        sub += &format::date(d, &b.o.locale);
    }
    if let Some(body) = &c.body {
        if !sub.is_empty() {
            sub += " · ";
        }
        sub += &b.data(body);
    }
    if !sub.is_empty() {
        let fs = b.fs - 1.0;
        b.paragraph(&sub, b.pad, b.inner(), fs, false, t.muted);
    }
    // Where the count stands: "Preliminary · 87.4% counted · as of 23:41".
    if let Some(line) = crate::count::status_line(c, b.o.words, &b.o.locale) {
        let fs = b.fs - 1.0;
        b.y += 2.0;
        b.paragraph(&line, b.pad, b.inner(), fs, true, if c.count.open() { t.warn } else { t.muted });
    }
    b.y += 8.0;
}

pub(super) fn notes(b: &mut Builder, c: &Contest) {
    let t = *b.t();
    let part = b.mark();
    for n in &c.notes {
        b.y += 2.0;
        let fs = b.fs - 2.0;
        let n = b.data(n);
        b.paragraph(&n, b.pad, b.inner(), fs, false, t.muted);
    }
    b.mirror_card(part);
}
