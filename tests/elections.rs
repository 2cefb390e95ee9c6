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
    assert!(files.len() >= 30, "the corpus holds {} elections", files.len());
    let countries: std::collections::BTreeSet<&str> = files.iter().map(|(n, _)| &n[..2]).collect();
    assert!(countries.len() >= 20, "the corpus covers {} countries: {countries:?}", countries.len());
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

/// In every multi-district election, a seat moved between two lines inside one
/// district (the national lines moved with it) is caught in that district.
#[test]
fn a_seat_moved_inside_a_district_is_caught_there() {
    let mut checked = 0;
    for (name, text) in corpus() {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let c = &mut v["contests"][0];
        let Some(districts) = c["districts"].as_array() else { continue };
        // The first district where one line holds a seat and another line has votes but fewer seats.
        let found = districts.iter().enumerate().find_map(|(k, d)| {
            let lines = d["parties"].as_array()?;
            let winner = lines.iter().position(|l| l["seats"].as_u64().unwrap_or(0) > 0)?;
            let other = lines.iter().position(|l| l["name"] != lines[winner]["name"] && l["votes"].as_u64().unwrap_or(0) > 0 && l["role"].as_str().unwrap_or("list") == "list")?;
            Some((k, winner, other))
        });
        let Some((k, w, o)) = found else { panic!("{name}: no district with a seat to move") };
        let (wn, on) = (c["districts"][k]["parties"][w]["name"].clone(), c["districts"][k]["parties"][o]["name"].clone());
        let d = &mut c["districts"][k]["parties"];
        d[w]["seats"] = (d[w]["seats"].as_u64().unwrap() - 1).into();
        d[o]["seats"] = (d[o]["seats"].as_u64().unwrap_or(0) + 1).into();
        for line in c["parties"].as_array_mut().unwrap() {
            if line["name"] == wn {
                line["seats"] = (line["seats"].as_u64().unwrap() - 1).into();
            } else if line["name"] == on {
                line["seats"] = (line["seats"].as_u64().unwrap_or(0) + 1).into();
            }
        }
        let r = check(&v.to_string()).report;
        let at = format!("/contests/0/districts/{k}/");
        let caught = r.findings.iter().any(|f| f.severity == Severity::Error && f.code == "seats/method-mismatch" && f.path.starts_with(&at));
        assert!(caught, "{name}: a seat moved from {wn} to {on} in district {k} is not caught there: {:#?}", r.findings);
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} multi-district elections in the corpus");
}

/// A district's own figures are checked: its lines against its valid votes,
/// and each printed share against the district's votes.
#[test]
fn a_district_s_own_figures_are_checked() {
    let text = corpus().into_iter().find(|(n, _)| n == "gb-commons-2024.json").unwrap().1;
    let base: serde_json::Value = serde_json::from_str(&text).unwrap();
    let errors_at = |v: &serde_json::Value| -> Vec<String> {
        check(&v.to_string()).report.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.code.to_string() + " " + &f.path).collect()
    };
    let mut v = base.clone();
    let valid = v["contests"][0]["districts"][0]["ballots"]["valid"].as_u64().unwrap();
    v["contests"][0]["districts"][0]["ballots"]["valid"] = (valid + 1).into();
    assert!(errors_at(&v).iter().any(|e| e.starts_with("votes/sum-mismatch /contests/0/districts/0/")), "{:?}", errors_at(&v));
    let mut v = base.clone();
    let line = &mut v["contests"][0]["districts"][0]["parties"][0];
    let p = line["percent"].as_f64().unwrap();
    line["percent"] = serde_json::json!(((p + 0.1) * 10000.0).round() / 10000.0);
    assert!(errors_at(&v).iter().any(|e| e == "percent/mismatch /contests/0/districts/0/parties/0/percent"), "{:?}", errors_at(&v));
}

/// The gallery's real elections (www/data) are the corpus files themselves,
/// byte for byte: one source, checked here.
#[test]
fn the_gallery_shows_the_corpus_files_unchanged() {
    let www = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data");
    let corpus = corpus();
    let mut shown = 0;
    for (name, text) in &corpus {
        if let Ok(copy) = std::fs::read_to_string(format!("{www}/{name}")) {
            assert!(copy == *text, "www/data/{name} differs from tests/elections/{name}: copy it again");
            shown += 1;
        }
    }
    assert!(shown >= 4, "only {shown} corpus elections in the gallery");
}

/// France 2024, two rounds: a district without its second round is an error
/// when its first-round leader has no majority; the quorum of the electorate is
/// applied; a seat given in the first round where a second was held is caught.
#[test]
fn two_round_rules_are_held() {
    let text = corpus().into_iter().find(|(n, _)| n == "fr-assemblee-2024.json").unwrap().1;
    let base: serde_json::Value = serde_json::from_str(&text).unwrap();
    let errors = |v: &serde_json::Value| -> Vec<(String, String)> {
        check(&v.to_string()).report.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| (f.code.to_string(), f.path.clone())).collect()
    };
    let districts = base["contests"][0]["districts"].as_array().unwrap();
    let with_runoff = districts.iter().position(|d| d.get("runoff").is_some()).unwrap();
    let first_round = districts.iter().position(|d| d.get("runoff").is_none()).unwrap();
    // 1. The second round left out: the leader had no majority.
    let mut v = base.clone();
    v["contests"][0]["districts"][with_runoff].as_object_mut().unwrap().remove("runoff");
    let e = errors(&v);
    let at = format!("/contests/0/districts/{with_runoff}/");
    assert!(e.iter().any(|(c, p)| c == "seats/rule" && p.starts_with(&at)), "{e:?}");
    // 2. A quorum no first-round winner reaches.
    let mut v = base.clone();
    v["contests"][0]["first_round_quorum_percent"] = 60.into();
    let e = errors(&v);
    let at = format!("/contests/0/districts/{first_round}/");
    assert!(e.iter().any(|(c, p)| c == "seats/rule" && p.starts_with(&at)), "{e:?}");
    // 3. The seat given to a first-round line where a second round was held.
    let mut v = base.clone();
    let d = &mut v["contests"][0]["districts"][with_runoff];
    d["parties"][0]["seats"] = 1.into();
    let e = errors(&v);
    assert!(e.contains(&("seats/method-mismatch".to_string(), format!("/contests/0/districts/{with_runoff}/parties/0/seats"))), "{e:?}");
    // 4. The second round's seat moved to its loser.
    let mut v = base.clone();
    let r = &mut v["contests"][0]["districts"][with_runoff]["runoff"]["parties"];
    let w = r.as_array().unwrap().iter().position(|l| l["seats"] == 1).unwrap();
    let l = (w + 1) % r.as_array().unwrap().len();
    r[w]["seats"] = 0.into();
    r[l]["seats"] = 1.into();
    let e = errors(&v);
    assert!(e.iter().any(|(c, p)| c == "seats/method-mismatch" && p.starts_with(&format!("/contests/0/districts/{with_runoff}/runoff/"))), "{e:?}");
}
