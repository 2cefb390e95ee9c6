//! `make bench`, native part: how validation and seat allocation grow with
//! the size of a contest.
//!
//! Base size (1x): one election with 1,000 parties and 10,000 seats; then 2x,
//! 5x and 10x both (10x = 10,000 parties, 100,000 seats). Votes come from a
//! fixed pseudo-random sequence, the reported seats from the library's own
//! D'Hondt run, so the documents validate clean and the validator does its
//! full work (names, shares, seat sum, re-running the method).
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
//! prints a table and, with --json, writes the figures for bench/run.mjs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use tallyboard::allocation::{allocate, passes_threshold};
use tallyboard::contest::{Document, Method};

const BASE_PARTIES: usize = 1_000;
const BASE_SEATS: u64 = 10_000;
const FACTORS: [usize; 4] = [1, 2, 5, 10];
const GROWTH_BUDGET: f64 = 15.0;

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

/// The JSON document for one election of that size, seats from D'Hondt.
fn document_text(votes: &[u64], seats: u64) -> String {
    let all = vec![true; votes.len()];
    let alloc = allocate(votes, seats, Method::DHondt, &all).expect("some party has votes");
    let valid: u64 = votes.iter().sum();
    let mut s = String::with_capacity(votes.len() * 80);
    s.push_str("{\"tallyboard\":1,\"title\":\"bench\",\"contests\":[{\"kind\":\"election\",\"id\":\"scale\",\"title\":\"Scale\",\"seats\":");
    s.push_str(&seats.to_string());
    s.push_str(",\"method\":\"dhondt\",\"ballots\":{\"cast\":");
    s.push_str(&valid.to_string());
    s.push_str(",\"valid\":");
    s.push_str(&valid.to_string());
    s.push_str(",\"invalid\":0,\"blank\":0},\"parties\":[");
    for (i, (v, k)) in votes.iter().zip(&alloc.seats).enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!("{{\"name\":\"Party {}\",\"votes\":{},\"seats\":{}}}", i + 1, v, k));
    }
    s.push_str("]}]}");
    s
}

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

struct Line {
    name: String,
    secs: Vec<f64>,
    fastest: Vec<f64>,
    runs: Vec<usize>,
    note: String,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let json_path = args.iter().position(|a| a == "--json").and_then(|i| args.get(i + 1)).cloned();
    let quick = args.iter().any(|a| a == "--quick");
    let factors: Vec<usize> = if quick { vec![1, 2] } else { FACTORS.to_vec() };

    let methods = [Method::DHondt, Method::SainteLague, Method::ModifiedSainteLague, Method::Hare, Method::Droop, Method::HagenbachBischoff];
    let mut check_line = Line { name: "check(text): parse + read + validate".into(), secs: vec![], fastest: vec![], runs: vec![], note: String::new() };
    let mut validate_line = Line { name: "validate(&Document)".into(), secs: vec![], fastest: vec![], runs: vec![], note: String::new() };
    let mut threshold_line = Line { name: "passes_threshold (5%)".into(), secs: vec![], fastest: vec![], runs: vec![], note: String::new() };
    let mut alloc_lines: Vec<Line> = methods
        .iter()
        .map(|m| Line { name: format!("allocate: {}", m.label()), secs: vec![], fastest: vec![], runs: vec![], note: String::new() })
        .collect();
    let mut sizes = Vec::new();
    let mut findings = Vec::new();

    for &f in &factors {
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

        let (t, fast, n) = time(|| tallyboard::check(black_box(&text)));
        check_line.secs.push(t);
        check_line.fastest.push(fast);
        check_line.runs.push(n);
        let (t, fast, n) = time(|| tallyboard::validate::validate(black_box(&doc)));
        validate_line.secs.push(t);
        validate_line.fastest.push(fast);
        validate_line.runs.push(n);
        let valid: u64 = votes.iter().sum();
        let five = tallyboard::number::Decimal { units: 5, scale: 0 };
        let (t, fast, n) = time(|| passes_threshold(black_box(&votes), valid, Some(&five)));
        threshold_line.secs.push(t);
        threshold_line.fastest.push(fast);
        threshold_line.runs.push(n);
        let eligible = vec![true; parties];
        for (line, &m) in alloc_lines.iter_mut().zip(&methods) {
            let (t, fast, n) = time(|| allocate(black_box(&votes), seats, m, &eligible));
            line.secs.push(t);
            line.fastest.push(fast);
            line.runs.push(n);
        }
    }

    let mut lines = vec![check_line, validate_line, threshold_line];
    lines.append(&mut alloc_lines);
    for l in &mut lines {
        if l.name.starts_with("check") || l.name.starts_with("validate") {
            l.note = "includes one D'Hondt re-run".into();
        }
    }

    // Table.
    let head: Vec<String> = factors.iter().map(|f| format!("{f}x")).collect();
    println!();
    println!("Native: 1x = {BASE_PARTIES} parties, {BASE_SEATS} seats (median ms; growth = time(max)/time(1x), budget <= {GROWTH_BUDGET})");
    print!("  {:<46}", "");
    for h in &head {
        print!(" {h:>10}");
    }
    println!(" {:>8}  verdict", "growth");
    let mut out_lines = Vec::new();
    for l in &lines {
        let growth = l.secs.last().unwrap() / l.secs[0];
        let pass = growth <= GROWTH_BUDGET;
        print!("  {:<46}", l.name);
        for s in &l.secs {
            print!(" {:>10.3}", s * 1e3);
        }
        println!(" {:>7.1}x  {}", growth, if pass { "PASS" } else { "MISS" });
        out_lines.push(format!(
            "{{\"name\":{},\"ms\":[{}],\"min_ms\":[{}],\"runs\":[{}],\"growth\":{:.3},\"budget\":{},\"verdict\":\"{}\",\"note\":{}}}",
            json_str(&l.name),
            l.secs.iter().map(|s| format!("{:.6}", s * 1e3)).collect::<Vec<_>>().join(","),
            l.fastest.iter().map(|s| format!("{:.6}", s * 1e3)).collect::<Vec<_>>().join(","),
            l.runs.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(","),
            growth,
            GROWTH_BUDGET,
            if pass { "PASS" } else { "MISS" },
            json_str(&l.note)
        ));
    }
    for (f, e, n, tie) in &findings {
        if *e > 0 || *tie {
            println!("  note: {f}x document: {e} errors, {n} findings, D'Hondt tie: {tie}");
        }
    }

    if let Some(path) = json_path {
        let sizes_json: Vec<String> = sizes
            .iter()
            .zip(&findings)
            .map(|((f, p, s), (_, e, n, tie))| format!("{{\"factor\":{f},\"parties\":{p},\"seats\":{s},\"errors\":{e},\"findings\":{n},\"tie\":{tie}}}"))
            .collect();
        let text = format!(
            "{{\"base\":{{\"parties\":{BASE_PARTIES},\"seats\":{BASE_SEATS}}},\"sizes\":[{}],\"lines\":[{}]}}\n",
            sizes_json.join(","),
            out_lines.join(",")
        );
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("writing {path}: {e}"));
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
