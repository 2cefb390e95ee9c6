//! `make bench`, native part: how validation and seat allocation grow with
//! the size of a contest, and how checking and rendering grow with the size
//! of three hostile documents.
//!
//! Table 1, "Native": one election with 1,000 parties and 10,000 seats (1x);
//! then 2x, 5x and 10x both (10x = 10,000 parties, 100,000 seats). Votes come
//! from a fixed pseudo-random sequence, the reported seats from the library's
//! own D'Hondt run, so the documents validate clean and the validator does its
//! full work (names, shares, seat sum, re-running the method).
//!
//! Table 2, "Hostile scale": three documents whose checking used to be
//! quadratic (the duplicate check of contest ids, finding the line of each
//! finding, many parties), at the same factors:
//!
//! - many contests: 10,000 small D'Hondt contests (1x), each with 3 parties
//!   and a distinct id, validating clean;
//! - a finding on every line: one election pretty-printed one party per
//!   line, about 220 KB (1x), each party's `percent` wrong (one
//!   `percent/mismatch` error per line, whose line and column check finds);
//! - many parties: one Hare election with 10,000 parties (1x), one seat each
//!   (a body of as many seats), validating clean.
//!
//! Each is timed through `check(text)` and through rendering the checked
//! document (`scene_of` + `svg::to_svg` with the default options, check not
//! included). Past 20,000 seats (`hemicycle::MAX_SEATS`) a card draws no
//! hemicycle, so from 5x on the many-party card loses its hemicycle: its
//! extra line "render, no hemicycle" draws the same card at every size.
//!
//! Each figure is the median of repeated runs (at least 3, more while the
//! total stays under ~0.4 s; the fastest run is written to the JSON too: it is
//! not used for the growth because a small size gets thousands of runs and so
//! a luckier minimum than a large one with a dozen). Budget: roughly linear
//! growth, time(10x)/time(1x) <= 15 (n log n work, such as a heap of parties
//! or a sort, gives about 13 at 10x before cache effects).
//!
//!     bench-native [--json PATH] [--quick]
//!
//! prints both tables and, with --json, writes the figures for bench/run.mjs
//! (table 1 under "lines", table 2 under "hostile"). --quick: 1x and 2x only.

use std::hint::black_box;
use std::time::{Duration, Instant};

use tallyboard::allocation::{allocate, passes_threshold};
use tallyboard::contest::{Document, Method};
use tallyboard::layout::{Approx, Options};

const BASE_PARTIES: usize = 1_000;
const BASE_SEATS: u64 = 10_000;
const FACTORS: [usize; 4] = [1, 2, 5, 10];
const GROWTH_BUDGET: f64 = 15.0;

/// Hostile scale, 1x: contests in the many-contest document.
const BASE_CONTESTS: usize = 10_000;
/// Hostile scale, 1x: size of the finding-on-every-line document, bytes.
const BASE_FINDING_BYTES: usize = 220_000;
/// Hostile scale, 1x: parties (and seats) in the many-party document.
const BASE_MANY_PARTIES: usize = 10_000;

/// A small deterministic generator (SplitMix64): the same data every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Votes for `n` parties: a long tail (a few big parties, many small ones),
/// every party with at least one vote, distinct enough that ties are rare.
fn votes_for(n: usize) -> Vec<u64> {
    let mut rng = Rng(0x7A11_B0A2D ^ n as u64);
    (0..n)
        .map(|i| {
            let scale = 50_000_000 / (i as u64 + 1) + 1_000;
            scale + rng.next() % scale
        })
        .collect()
}

/// `"ballots":{...}` with every vote valid.
fn ballots(valid: u64) -> String {
    format!("\"ballots\":{{\"cast\":{valid},\"valid\":{valid},\"invalid\":0,\"blank\":0}}")
}

/// The JSON document for one election of that size, seats from D'Hondt.
fn document_text(votes: &[u64], seats: u64) -> String {
    let all = vec![true; votes.len()];
    let alloc = allocate(votes, seats, Method::DHondt, &all).expect("some party has votes");
    let valid: u64 = votes.iter().sum();
    let mut s = String::with_capacity(votes.len() * 80);
    s.push_str("{\"tallyboard\":1,\"title\":\"bench\",\"contests\":[{\"kind\":\"election\",\"id\":\"scale\",\"title\":\"Scale\",\"seats\":");
    s.push_str(&seats.to_string());
    s.push_str(",\"method\":\"dhondt\",");
    s.push_str(&ballots(valid));
    s.push_str(",\"parties\":[");
    for (i, (v, k)) in votes.iter().zip(&alloc.seats).enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!("{{\"name\":\"Party {}\",\"votes\":{},\"seats\":{}}}", i + 1, v, k));
    }
    s.push_str("]}]}");
    s
}

// ------------------------------------------------------------ hostile documents

/// Many contests: `n` small elections, one a line, each a valid 10-seat
/// D'Hondt contest of 3 parties (votes from the generator, seats from the
/// library's D'Hondt, redrawn on a tie) with its own id `c000001`, `c000002`, ...
/// Validates clean; the duplicate check of contest ids sees `n` distinct ids.
fn many_contests_text(n: usize) -> String {
    let mut rng = Rng(0xC0_2E575 ^ n as u64);
    let mut s = String::with_capacity(n * 260);
    s.push_str("{\"tallyboard\":1,\"title\":\"bench: many contests\",\"contests\":[\n");
    for i in 0..n {
        let (votes, seats) = loop {
            let votes = [3_000 + rng.next() % 2_000, 2_000 + rng.next() % 1_000, 500 + rng.next() % 1_000];
            match allocate(&votes, 10, Method::DHondt, &[true; 3]) {
                Ok(a) if a.tie.is_none() => break (votes, a.seats),
                _ => continue,
            }
        };
        if i > 0 {
            s.push_str(",\n");
        }
        s.push_str(&format!(
            "{{\"kind\":\"election\",\"id\":\"c{:06}\",\"title\":\"Contest {}\",\"seats\":10,\"method\":\"dhondt\",{},\"parties\":[",
            i + 1,
            i + 1,
            ballots(votes.iter().sum())
        ));
        for (j, (v, k)) in votes.iter().zip(&seats).enumerate() {
            let sep = if j > 0 { "," } else { "" };
            s.push_str(&format!("{sep}{{\"name\":\"{}\",\"votes\":{v},\"seats\":{k}}}", ["A", "B", "C"][j]));
        }
        s.push_str("]}");
    }
    s.push_str("\n]}\n");
    s
}

/// A finding on every line: one election, pretty-printed one party per line,
/// with party lines added until the text is about `bytes` long. Votes are the
/// long tail of `votes_for`, seats (a tenth of the parties) from D'Hondt, and
/// every party's `percent` is its true share plus one point: one
/// `percent/mismatch` error on each party line and nothing else.
fn finding_lines_text(bytes: usize) -> (String, String) {
    // About 78 bytes a party line; the exact count is what fits in `bytes`.
    let parties = (bytes / 78).max(1);
    let votes = votes_for(parties);
    let seats = (parties as u64 / 10).max(1);
    let alloc = allocate(&votes, seats, Method::DHondt, &vec![true; parties]).expect("some party has votes");
    let valid: u64 = votes.iter().sum();
    let mut s = String::with_capacity(bytes + 1_000);
    s.push_str("{\n  \"tallyboard\": 1,\n  \"title\": \"bench: a finding on every line\",\n  \"contests\": [\n    {\n");
    s.push_str(&format!("      \"kind\": \"election\",\n      \"id\": \"findings\",\n      \"title\": \"Every percent wrong\",\n      \"seats\": {seats},\n"));
    s.push_str(&format!("      \"method\": \"dhondt\",\n      {},\n      \"parties\": [\n", ballots(valid)));
    for (i, (v, k)) in votes.iter().zip(&alloc.seats).enumerate() {
        let share = *v as f64 * 100.0 / valid as f64;
        let comma = if i + 1 < parties { "," } else { "" };
        s.push_str(&format!(
            "        {{ \"name\": \"Party {}\", \"votes\": {v}, \"percent\": {:.2}, \"seats\": {k} }}{comma}\n",
            i + 1,
            share + 1.0
        ));
    }
    s.push_str("      ]\n    }\n  ]\n}\n");
    (s, " (one a line, each percent 1 point off)".to_string())
}

/// Many parties: one Hare (largest remainder) election with `n` parties and
/// `n` seats. Votes are distinct, 1,100,000 down to 1,100,001 - n: every
/// party is under two quotas and over any remainder of a party above one
/// quota, so each wins exactly one seat (checked with `allocate` below).
fn many_parties_text(n: usize) -> (String, bool) {
    let votes: Vec<u64> = (0..n as u64).map(|i| 1_100_000 - i).collect();
    let one_each = allocate(&votes, n as u64, Method::Hare, &vec![true; n]).map(|a| a.tie.is_none() && a.seats.iter().all(|&k| k == 1)).unwrap_or(false);
    let mut s = String::with_capacity(n * 50);
    s.push_str(&format!(
        "{{\"tallyboard\":1,\"title\":\"bench: many parties\",\"contests\":[{{\"kind\":\"election\",\"id\":\"parties\",\"title\":\"One seat each\",\"seats\":{n},\"method\":\"hare\",{},\"parties\":[",
        ballots(votes.iter().sum())
    ));
    for (i, v) in votes.iter().enumerate() {
        let sep = if i > 0 { "," } else { "" };
        s.push_str(&format!("{sep}\n{{\"name\":\"Party {}\",\"votes\":{v},\"seats\":1}}", i + 1));
    }
    s.push_str("]}]}\n");
    (s, one_each)
}

// ------------------------------------------------------------------ timing

/// (median, fastest) seconds of `f`, repeated at least 3 times and while under ~0.4 s.
fn time<T>(mut f: impl FnMut() -> T) -> (f64, f64, usize) {
    black_box(f()); // warm-up
    let mut samples = Vec::new();
    let start = Instant::now();
    while samples.len() < 3 || (start.elapsed() < Duration::from_millis(400) && samples.len() < 5000) {
        let t = Instant::now();
        black_box(f());
        samples.push(t.elapsed().as_secs_f64());
    }
    samples.sort_by(|a, b| a.total_cmp(b));
    (samples[samples.len() / 2], samples[0], samples.len())
}

/// One line of a table: a median (and fastest run) per size.
struct Line {
    name: String,
    secs: Vec<f64>,
    fastest: Vec<f64>,
    runs: Vec<usize>,
    note: String,
}

impl Line {
    fn new(name: impl Into<String>) -> Line {
        Line { name: name.into(), secs: vec![], fastest: vec![], runs: vec![], note: String::new() }
    }
    /// Adds the result of `time`.
    fn push(&mut self, (median, fastest, runs): (f64, f64, usize)) {
        self.secs.push(median);
        self.fastest.push(fastest);
        self.runs.push(runs);
    }
    fn growth(&self) -> f64 {
        self.secs.last().copied().unwrap_or(f64::NAN) / self.secs.first().copied().unwrap_or(f64::NAN)
    }
}

/// Prints a table of `lines` and returns each line as JSON (for "lines" / "hostile").
fn print_table(title: &str, factors: &[usize], lines: &[Line]) -> Vec<String> {
    println!();
    println!("{title}");
    print!("  {:<46}", "");
    for f in factors {
        print!(" {:>10}", format!("{f}x"));
    }
    println!(" {:>8}  verdict", "growth");
    let mut out = Vec::new();
    for l in lines {
        let growth = l.growth();
        let pass = growth <= GROWTH_BUDGET;
        print!("  {:<46}", l.name);
        for s in &l.secs {
            print!(" {:>10.3}", s * 1e3);
        }
        println!(" {:>7.1}x  {}", growth, if pass { "PASS" } else { "MISS" });
        let ms = |xs: &[f64]| xs.iter().map(|s| format!("{:.6}", s * 1e3)).collect::<Vec<_>>().join(",");
        out.push(format!(
            "{{\"name\":{},\"ms\":[{}],\"min_ms\":[{}],\"runs\":[{}],\"growth\":{:.3},\"budget\":{},\"verdict\":\"{}\",\"note\":{}}}",
            json_str(&l.name),
            ms(&l.secs),
            ms(&l.fastest),
            l.runs.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(","),
            growth,
            GROWTH_BUDGET,
            if pass { "PASS" } else { "MISS" },
            json_str(&l.note)
        ));
    }
    out
}

// ------------------------------------------------------------------ table 1

struct Table1 {
    lines: Vec<Line>,
    sizes: Vec<(usize, usize, u64)>,
    /// (factor, errors, findings, D'Hondt tie) of each document.
    findings: Vec<(usize, usize, usize, bool)>,
}

fn table1(factors: &[usize]) -> Table1 {
    let methods = [Method::DHondt, Method::SainteLague, Method::ModifiedSainteLague, Method::Hare, Method::Droop, Method::HagenbachBischoff];
    let mut check_line = Line::new("check(text): parse + read + validate");
    let mut validate_line = Line::new("validate(&Document)");
    let mut threshold_line = Line::new("passes_threshold (5%)");
    let mut alloc_lines: Vec<Line> = methods.iter().map(|m| Line::new(format!("allocate: {}", m.label()))).collect();
    let mut sizes = Vec::new();
    let mut findings = Vec::new();

    for &f in factors {
        let parties = BASE_PARTIES * f;
        let seats = BASE_SEATS * f as u64;
        sizes.push((f, parties, seats));
        let votes = votes_for(parties);
        let text = document_text(&votes, seats);
        let checked = tallyboard::check(&text);
        let doc: Document = checked.document.clone().expect("the generated document reads");
        let errors = checked.report.errors();
        let tie = allocate(&votes, seats, Method::DHondt, &vec![true; parties]).ok().and_then(|a| a.tie).is_some();
        findings.push((f, errors, checked.report.findings.len(), tie));
        eprintln!("  native {f:>2}x: {parties} parties, {seats} seats, {} KB of JSON, {errors} errors, {} findings", text.len() / 1024, checked.report.findings.len());

        check_line.push(time(|| tallyboard::check(black_box(&text))));
        validate_line.push(time(|| tallyboard::validate::validate(black_box(&doc))));
        let valid: u64 = votes.iter().sum();
        let five = tallyboard::number::Decimal { units: 5, scale: 0 };
        threshold_line.push(time(|| passes_threshold(black_box(&votes), valid, Some(&five))));
        let eligible = vec![true; parties];
        for (line, &m) in alloc_lines.iter_mut().zip(&methods) {
            line.push(time(|| allocate(black_box(&votes), seats, m, &eligible)));
        }
    }

    check_line.note = "includes one D'Hondt re-run".into();
    validate_line.note = "includes one D'Hondt re-run".into();
    let mut lines = vec![check_line, validate_line, threshold_line];
    lines.append(&mut alloc_lines);
    Table1 { lines, sizes, findings }
}

// ------------------------------------------------------------------ table 2

/// What one hostile document holds, as checked (printed, and kept for the note).
fn describe(kind: &str, f: usize, text: &str, checked: &tallyboard::Checked, svg_bytes: usize, extra: &str) -> String {
    let doc = checked.document.as_ref();
    let contests = doc.map_or(0, |d| d.contests.len());
    let parties: usize = doc.map_or(0, |d| d.contests.iter().map(|c| c.parties.len()).sum());
    let mut lines: Vec<usize> = checked.report.findings.iter().filter_map(|x| x.line).collect();
    lines.sort_unstable();
    lines.dedup();
    let s = format!(
        "{f}x: {contests} contests, {parties} parties{extra}, {} bytes in {} lines, {} errors, {} findings on {} distinct lines, SVG {} bytes",
        text.len(),
        text.lines().count(),
        checked.report.errors(),
        checked.report.findings.len(),
        lines.len(),
        svg_bytes
    );
    eprintln!("  hostile {kind} {s}");
    s
}

/// The lines of one hostile document over `factors`: `check`, then one
/// render line per entry of `renders` (name, options); `make(factor)` gives
/// the text and what to add to its description.
fn hostile_lines(kind: &str, factors: &[usize], renders: &[(&str, Options)], make: &dyn Fn(usize) -> (String, String)) -> Vec<Line> {
    let mut check = Line::new(format!("{kind}: check"));
    let mut render: Vec<Line> = renders.iter().map(|(name, _)| Line::new(format!("{kind}: {name}"))).collect();
    let measure = Approx;
    let mut notes = Vec::new();
    for &f in factors {
        let (text, extra) = make(f);
        let checked = tallyboard::check(&text);
        let svg_bytes = tallyboard::svg::to_svg(&tallyboard::scene_of(&checked, &renders[0].1, &measure, None)).len();
        notes.push(describe(kind, f, &text, &checked, svg_bytes, &extra));
        check.push(time(|| tallyboard::check(black_box(&text))));
        for (line, (_, options)) in render.iter_mut().zip(renders) {
            line.push(time(|| tallyboard::svg::to_svg(&tallyboard::scene_of(black_box(&checked), options, &measure, None))));
        }
    }
    check.note = notes.join("; ");
    for l in &mut render {
        l.note = "scene_of(checked) + svg::to_svg, check not included; ".to_string() + &check.note;
    }
    let mut lines = vec![check];
    lines.append(&mut render);
    lines
}

fn table2(factors: &[usize]) -> Vec<Line> {
    let render = ("render (scene + SVG)", Options::default());
    let mut flat = Options::default();
    flat.parts.hemicycle = false;
    let render_flat = ("render, no hemicycle", flat);
    let many_contests = |f: usize| (many_contests_text(BASE_CONTESTS * f), String::new());
    let finding_lines = |f: usize| finding_lines_text(BASE_FINDING_BYTES * f);
    let many_parties = |f: usize| {
        let n = BASE_MANY_PARTIES * f;
        let (text, one_each) = many_parties_text(n);
        let seats = if one_each { "one Hare seat each" } else { "NOT one Hare seat each" };
        // Past hemicycle::MAX_SEATS the card draws no hemicycle: the plain
        // render line then lays out less, the no-hemicycle line is the same card at every size.
        let hemi = if n as u64 <= tallyboard::hemicycle::MAX_SEATS { "hemicycle drawn" } else { "no hemicycle drawn (over hemicycle::MAX_SEATS)" };
        (text, format!(" ({seats}, {hemi})"))
    };
    let mut lines = Vec::new();
    lines.extend(hostile_lines("many contests", factors, &[render], &many_contests));
    lines.extend(hostile_lines("a finding on every line", factors, &[render], &finding_lines));
    lines.extend(hostile_lines("many parties", factors, &[render, render_flat], &many_parties));
    lines
}

// ------------------------------------------------------------------ main

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let json_path = args.iter().position(|a| a == "--json").and_then(|i| args.get(i + 1)).cloned();
    let quick = args.iter().any(|a| a == "--quick");
    let factors: Vec<usize> = if quick { vec![1, 2] } else { FACTORS.to_vec() };

    let t1 = table1(&factors);
    let out_lines = print_table(
        &format!("Native: 1x = {BASE_PARTIES} parties, {BASE_SEATS} seats (median ms; growth = time(max)/time(1x), budget <= {GROWTH_BUDGET})"),
        &factors,
        &t1.lines,
    );
    for (f, e, n, tie) in &t1.findings {
        if *e > 0 || *tie {
            println!("  note: {f}x document: {e} errors, {n} findings, D'Hondt tie: {tie}");
        }
    }

    let hostile = table2(&factors);
    let hostile_lines = print_table(
        &format!(
            "Hostile scale: 1x = {BASE_CONTESTS} contests / {} KB with a finding on every line / {BASE_MANY_PARTIES} parties (median ms; growth = time(max)/time(1x), budget <= {GROWTH_BUDGET})",
            BASE_FINDING_BYTES / 1000
        ),
        &factors,
        &hostile,
    );

    if let Some(path) = json_path {
        let sizes_json: Vec<String> = t1
            .sizes
            .iter()
            .zip(&t1.findings)
            .map(|((f, p, s), (_, e, n, tie))| format!("{{\"factor\":{f},\"parties\":{p},\"seats\":{s},\"errors\":{e},\"findings\":{n},\"tie\":{tie}}}"))
            .collect();
        let text = format!(
            "{{\"base\":{{\"parties\":{BASE_PARTIES},\"seats\":{BASE_SEATS}}},\"sizes\":[{}],\"lines\":[{}],\"hostile\":[{}]}}\n",
            sizes_json.join(","),
            out_lines.join(","),
            hostile_lines.join(",")
        );
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("bench-native: writing {path}: {e}");
            std::process::exit(1);
        }
    }
}

fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}
