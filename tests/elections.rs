//! The corpus of real national elections in tests/elections/ (each cites its
//! source): every one validates with no error and no unknown key, and a seat
//! moved between its two largest lists is caught.

use tallyboard::check;
use tallyboard::report::Severity;

fn corpus() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/elections");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn every_real_election_validates_clean() {
    let files = corpus();
    assert!(files.len() >= 5, "the corpus holds {} elections", files.len());
    for (name, text) in &files {
        let r = check(text).report;
        let bad: Vec<String> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error || f.code == "shape/unknown-key")
            .map(|f| format!("{} {}: {}", f.code, f.path, f.message))
            .collect();
        assert!(bad.is_empty(), "{name}: {bad:#?}");
    }
}

#[test]
fn a_seat_moved_between_the_two_largest_lists_is_caught() {
    for (name, text) in corpus() {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let parties = v["contests"][0]["parties"].as_array_mut().unwrap();
        let mut idx: Vec<usize> = (0..parties.len()).collect();
        idx.sort_by_key(|&i| std::cmp::Reverse(parties[i]["seats"].as_u64().unwrap_or(0)));
        let (a, b) = (idx[0], idx[1]);
        let sa = parties[a]["seats"].as_u64().unwrap();
        let sb = parties[b]["seats"].as_u64().unwrap();
        parties[a]["seats"] = (sa - 1).into();
        parties[b]["seats"] = (sb + 1).into();
        let r = check(&v.to_string()).report;
        let caught = r.findings.iter().any(|f| f.severity == Severity::Error && f.code == "seats/method-mismatch");
        assert!(caught, "{name}: a seat moved from line {a} to line {b} is not caught");
    }
}
