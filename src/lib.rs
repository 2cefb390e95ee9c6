//! tallyboard: checked election and congress-vote results.
//!
//! Data flows one way: JSON text → [`json`] tree → [`contest`] model (read by
//! [`read`]) → [`validate`] report (the seats replayed by [`seats`], judged by
//! [`seat_check`]) → [`figures`] → layout → scene → drawing. Everything up to
//! the scene is plain Rust, tested natively; the wasm binding and the CLI are
//! thin fronts over it.
//!
//! ```
//! // Austria's National Council, 29 September 2024 (the corpus file, which cites its source).
//! let text = include_str!("../tests/elections/at-nationalrat-2024.json");
//! let checked = tallyboard::check(text);
//! assert!(!checked.report.has_errors());
//! // The seats replayed from the declared rules (D'Hondt, 4% threshold): FPÖ 57 of 183.
//! let doc = checked.document.as_ref().unwrap();
//! let replay = tallyboard::seat_runs(doc, false).remove(0).replay.unwrap();
//! assert_eq!(replay.lines[0].seats, 57);
//! // The card as SVG.
//! let scene = tallyboard::scene_of(&checked, &tallyboard::layout::Options::default(), &tallyboard::layout::Approx, None);
//! assert!(tallyboard::svg::to_svg(&scene).starts_with("<svg"));
//! ```
#![forbid(unsafe_code)]

/// The wasm's allocator: talc, about 2.4 KB of wasm smaller than the default dlmalloc (in each of
/// the three modules), single-threaded (the page's wasm has no threads).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Words only the full module says (a reader's message given as an argument, the controls of a full
/// card): the first paint's module (built without `full`) words no finding and has no controls, so
/// they are `""` there and not in that module at all.
macro_rules! said {
    ($s:literal) => {
        if cfg!(feature = "full") {
            $s
        } else {
            ""
        }
    };
}

pub mod allocation;
pub mod backend;
pub mod catalogue;
pub mod contest;
pub mod count;
pub mod explain;
pub mod draw;
pub mod element;
pub mod export;
pub mod figures;
pub mod format;
pub mod hemicycle;
pub mod json;
pub mod kinds;
pub mod layout;
pub mod number;
pub mod obj;
pub mod plural;
pub mod queue;
pub mod read;
pub mod report;
pub mod seat_check;
pub mod seats;
pub mod sizes;
pub mod svg;
pub mod theme;
pub mod validate;
#[cfg(target_arch = "wasm32")]
pub mod web;
pub mod words;

use contest::Document;
use report::{Finding, Report, Severity};

/// A document read and checked: the model (absent when the text is not
/// JSON or not an object) and every finding, each with its line and column.
#[derive(Debug, Clone)]
pub struct Checked {
    pub document: Option<Document>,
    pub report: Report,
    /// The figures of each contest of the document, in its order (empty without a document).
    pub figures: Vec<figures::Figures>,
}

/// Read and validate a JSON document.
pub fn check(text: &str) -> Checked {
    read_checked(text, true)
}

/// Read a JSON document without validating it, for the first paint (the
/// validation is loaded after it): only what reading finds, and the report
/// marked pending, so that the card says "Checking the numbers…".
pub fn read_only(text: &str) -> Checked {
    let mut checked = read_checked(text, false);
    checked.report.pending = true;
    checked
}

fn read_checked(text: &str, validate: bool) -> Checked {
    let mut report = Report::default();
    if text.len() > json::MAX_BYTES {
        report.findings.push(Finding {
            severity: Severity::Error,
            code: "json/too-large",
            path: String::new(),
            message: if cfg!(feature = "full") {
                "the document is ".to_string() + &format::grouped(text.len() as u64, &format::EN)
                    + " bytes; the limit is 50 MiB (52,428,800 bytes): split it into several documents"
            } else {
                String::new()
            },
            line: None,
            column: None,
            offset: None,
        });
        return Checked { document: None, report, figures: Vec::new() };
    }
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(e) => {
            report.findings.push(Finding {
                severity: Severity::Error,
                code: if e.limit { "json/too-large" } else { "json/syntax" },
                path: String::new(),
                message: if e.limit { e.message.clone() } else { said!("not valid JSON: ").to_string() + &e.message },
                line: Some(e.line),
                column: Some(e.column),
                offset: None,
            });
            return Checked { document: None, report, figures: Vec::new() };
        }
    };
    let document = read::document(&root, &mut report);
    let is_object = matches!(root.value, json::Value::Object(_));
    // (In the first paint's module, which never validates, this is dead code, left out.)
    if validate && cfg!(feature = "full") {
        validate::validate_into(&document, &mut report);
    }
    report.sort();
    // (The first paint's module shows no finding: it needs no line and column.)
    if cfg!(feature = "full") {
        place(text, &root, &mut report);
    }
    let document = is_object.then_some(document);
    let figures = document.as_ref().map(|d| d.contests.iter().map(figures::of).collect()).unwrap_or_default();
    Checked { document, report, figures }
}

/// The line and column of every finding, in one pass over the text (minified
/// documents are one long line: no rescanning from the start per finding).
fn place(text: &str, root: &json::Node, report: &mut Report) {
    let offsets: Vec<usize> = report.findings.iter().map(|f| f.offset.or_else(|| locate(root, &f.path)).unwrap_or(0)).collect();
    let order = number::sorted_indices(offsets.len(), &|a, b| offsets[a] < offsets[b]);
    let mut walker = json::Positions::new(text);
    for i in order {
        let (line, column) = walker.at(offsets[i]);
        report.findings[i].line = Some(line);
        report.findings[i].column = Some(column);
    }
}

/// The byte offset of the value at a JSON Pointer, or of the deepest
/// existing ancestor's member (for a missing key: where it belongs).
pub fn locate(root: &json::Node, pointer: &str) -> Option<usize> {
    let mut node = root;
    if pointer.is_empty() {
        return Some(node.offset);
    }
    for raw in pointer.split('/').skip(1) {
        let key = raw.replace("~1", "/").replace("~0", "~");
        let next = match &node.value {
            json::Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.node),
            json::Value::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        };
        match next {
            Some(n) => node = n,
            None => return Some(node.offset),
        }
    }
    Some(node.offset)
}

/// Read and validate raw bytes: invalid UTF-8 is reported with its position.
pub fn check_bytes(bytes: &[u8]) -> Checked {
    match std::str::from_utf8(bytes) {
        Ok(text) => check(text),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let text = std::str::from_utf8(good).unwrap_or("");
            let (line, column) = json::line_column(text, text.len());
            let mut report = Report::default();
            report.findings.push(Finding {
                severity: Severity::Error,
                code: "json/encoding",
                path: String::new(),
                message: "the file is not UTF-8 text (save it as UTF-8)".to_string(),
                line: Some(line),
                column: Some(column),
                offset: None,
            });
            Checked { document: None, report, figures: Vec::new() }
        }
    }
}

/// What a contest's declared rules give, for display and the CLI.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SeatRun {
    pub contest: usize,
    pub id: Option<String>,
    pub method: contest::Method,
    pub seats: u64,
    pub replay: Option<seats::Replay>,
    /// Why the rules could not be run, if they could not.
    pub blocked: Option<String>,
}

/// Re-run each election's declared rules (`log`: keep each step, for `--explain`).
pub fn seat_runs(doc: &Document, log: bool) -> Vec<SeatRun> {
    let mut out = Vec::new();
    for (i, c) in doc.contests.iter().enumerate() {
        let (Some(method), contest::Kind::Election) = (c.method, c.kind) else { continue };
        let mut run = SeatRun { contest: i, id: c.id.clone(), method, seats: c.seats.unwrap_or(0), replay: None, blocked: None };
        match seats::replay(c, log) {
            seats::Outcome::Replayed(r) => run.replay = Some(r),
            seats::Outcome::Blocked { message, .. } => run.blocked = Some(message),
            seats::Outcome::Problems(p) => run.blocked = Some(p.into_iter().map(|p| p.message).collect::<Vec<_>>().join("; ")),
        }
        out.push(run);
    }
    out
}

/// One contest of a checked document as a document of its own (for one card
/// per contest): the document's title and source, that contest, its figures,
/// and its findings with their paths as in the one-contest document.
pub fn one_contest(checked: &Checked, i: usize) -> Checked {
    let Some(doc) = &checked.document else { return checked.clone() };
    let mut one = Document { lang: doc.lang.clone(), title: doc.title.clone(), source: doc.source.clone(), notes: doc.notes.clone(), contests: Vec::new() };
    one.contests.extend(doc.contests.get(i).cloned());
    let prefix = "/contests/".to_string() + &format::int(i as u64);
    let mut report = Report::default();
    for f in &checked.report.findings {
        if f.path == prefix || f.path.starts_with(&(prefix.clone() + "/")) {
            report.findings.push(Finding { path: "/contests/0".to_string() + &f.path[prefix.len()..], ..f.clone() });
        } else if !f.path.starts_with("/contests/") {
            report.findings.push(f.clone());
        }
    }
    Checked { document: Some(one), report, figures: checked.figures.get(i).cloned().into_iter().collect() }
}

/// Whether the first paint's module (built without the `full` feature: no
/// validation, allocation, other kinds or locales) draws this document as the
/// full module will: elections and votes whose figures need no replay of the
/// rules (see [`figures::replays`]), read without an error. A document that
/// cannot be read, or has an error already, is left to the full module, which
/// says what is wrong and where.
pub fn first_paint(checked: &Checked) -> bool {
    let plain = |c: &contest::Contest| matches!(c.kind, contest::Kind::Election | contest::Kind::Vote) && !figures::replays(c);
    !checked.report.has_errors() && checked.document.as_ref().is_some_and(|d| !d.contests.is_empty() && d.contests.iter().all(plain))
}

/// Check a document and lay out its card; a document that cannot be shown
/// gets an error card (with `last_good` below it, if given).
pub fn render_scene(text: &str, options: &layout::Options, measure: &dyn layout::Measure, last_good: Option<&layout::Scene>) -> (layout::Scene, Checked) {
    let checked = check(text);
    let scene = scene_of(&checked, options, measure, last_good);
    (scene, checked)
}

/// Lay out the card of a document already checked: a redraw (another width,
/// theme, page or highlight) does not read and validate the text again.
pub fn scene_of(checked: &Checked, options: &layout::Options, measure: &dyn layout::Measure, last_good: Option<&layout::Scene>) -> layout::Scene {
    // A line claiming more seats than its whole body makes every figure of the
    // card absurd (and its drawing as large as the claim): the error card instead.
    let absurd = checked.report.findings.iter().any(|f| f.code == "seats/over-body");
    match &checked.document {
        Some(doc) if !doc.contests.is_empty() && !absurd => layout::card(doc, &checked.figures, &checked.report, options, measure),
        _ => layout::error_card(&checked.report, options, measure, last_good),
    }
}
