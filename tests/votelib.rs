//! The second differential oracle: whole elections replayed by tallyboard's
//! `seats::replay` (through `seat_runs`, as `tallyboard seats` does) against
//! the PyPI package `votelib` (J. Šimbera), run through
//! `tests/differential/votelib_peer.py`.
//!
//! Where `apportionment` (tests/differential.rs) checks one method on one
//! vote vector, votelib composes the rules the way an election law does, so
//! this test covers what the first oracle cannot:
//! - a threshold of the valid votes (`RelativeThreshold`) before every method,
//!   including Droop, Hagenbach-Bischoff and Imperiali quotas and modified
//!   Sainte-Laguë with a first divisor of 1.4 or 1.2 (Sweden);
//! - mixed-member proportional elections (New Zealand's rule: 5% or one
//!   district seat, Sainte-Laguë, overhang kept: `AllowOverhang`);
//! - first-past-the-post in many districts (`Plurality` per district);
//! - list elections run district by district (`ByConstituency`).
//!
//! Cases come from a seeded splitmix64 (repeatable; `TALLYBOARD_VOTELIB_SEED`
//! and `TALLYBOARD_VOTELIB_CASES` explore others). A case either side calls a
//! tie, in which a share sits exactly on the threshold (votelib's
//! `accept_equal` compares a vote count with the fraction, so it never accepts
//! an exact hit), or in which a quota's whole seats exceed the seats (votelib
//! 0.4's over-award subtraction returns a wrong total), is counted and
//! skipped, never compared; the counts are printed.

use serde_json::{json, Value};
use std::process::Command;
use tallyboard::{check, seat_runs};

const PEER_PY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/differential/votelib_peer.py");

mod common;
use common::Rng;

/// Votes with a realistic spread: a few large lists and a tail of small ones.
fn votes(rng: &mut Rng, n: usize, scale: u64) -> Vec<u64> {
    (0..n)
        .map(|i| {
            let big = scale / (1 + i as u64 * rng.range(1, 4));
            rng.range(big / 4, big.max(1)).max(1)
        })
        .collect()
}

fn party(name: &str, votes: u64) -> Value {
    json!({"name": name, "votes": votes, "seats": null})
}

fn document(contest: Value) -> String {
    json!({"tallyboard": 1, "title": "differential case", "source": {"name": "generated"}, "contests": [contest]}).to_string()
}

/// Our seats per line for the document's one election, or why there are none.
fn ours(doc: &str) -> Result<(Vec<u64>, bool), String> {
    let checked = check(doc);
    let Some(d) = checked.document else { return Err(format!("not read: {:?}", checked.report.findings)) };
    let runs = seat_runs(&d, false);
    let run = runs.into_iter().next().ok_or("no seat run")?;
    let r = run.replay.ok_or_else(|| run.blocked.unwrap_or_default())?;
    let tied = r.tie.is_some() || r.lines.iter().any(|l| l.tied) || r.districts.iter().any(|d| d.allocation.as_ref().is_some_and(|a| a.tie.is_some()));
    Ok((r.lines.iter().map(|l| l.seats).collect(), tied))
}

const METHODS: [(&str, &str); 8] = [
    ("dhondt", "dhondt"),
    ("sainte-lague", "sainte-lague"),
    ("modified-sainte-lague", "msl-1.4"),
    ("modified-sainte-lague", "msl-1.2"),
    ("hare", "hare"),
    ("droop", "droop"),
    ("hagenbach-bischoff", "hagenbach-bischoff"),
    ("imperiali", "imperiali"),
];

fn list_case(rng: &mut Rng, id: usize) -> (Value, String) {
    let (method, peer) = METHODS[id % METHODS.len()];
    let n = rng.range(2, 12) as usize;
    let scale = rng.range(1_000, 5_000_000);
    let v = votes(rng, n, scale);
    let seats = rng.range(1, 200);
    let threshold = [None, Some("3"), Some("5"), Some("3.25"), Some("7")][rng.below(5) as usize];
    let parties: Vec<Value> = v.iter().enumerate().map(|(i, &x)| party(&format!("P{i}"), x)).collect();
    let valid: u64 = v.iter().sum();
    let mut c = json!({"kind": "election", "id": "c", "seats": seats, "method": method,
        "ballots": {"valid": valid}, "parties": parties});
    if let Some(t) = threshold {
        c["threshold"] = json!({"percent": t.parse::<f64>().unwrap(), "of": "valid"});
    }
    if peer == "msl-1.2" {
        c["first_divisor"] = json!(1.2);
    }
    let case = json!({"id": id, "kind": "list", "method": peer, "seats": seats, "votes": v, "threshold": threshold});
    (case, document(c))
}

fn mmp_case(rng: &mut Rng, id: usize) -> (Value, String) {
    let n = rng.range(3, 10) as usize;
    let scale = rng.range(100_000, 3_000_000);
    let v = votes(rng, n, scale);
    let seats = rng.range(20, 140);
    let districts = seats / 2;
    // District seats: mostly the two largest, now and then a small party's one seat.
    let mut ds = vec![0u64; n];
    for _ in 0..districts {
        let k = match rng.below(10) {
            0..=5 => 0,
            6..=8 => 1,
            _ => rng.below(n as u64) as usize,
        };
        ds[k] += 1;
    }
    let parties: Vec<Value> = (0..n)
        .map(|i| json!({"name": format!("P{i}"), "votes": v[i], "seats": null, "district_seats": ds[i]}))
        .collect();
    let valid: u64 = v.iter().sum();
    let c = json!({"kind": "election", "id": "c", "seats": seats, "method": "sainte-lague", "system": "mmp",
        "threshold": {"percent": 5, "of": "valid", "or_district_seats": 1},
        "ballots": {"valid": valid}, "parties": parties});
    let case = json!({"id": id, "kind": "mmp", "method": "sainte-lague", "seats": seats, "votes": v, "district_seats": ds, "threshold": "5"});
    (case, document(c))
}

fn plurality_case(rng: &mut Rng, id: usize) -> (Value, String) {
    let n = rng.range(2, 6) as usize;
    let nd = rng.range(1, 60) as usize;
    let mut dvotes = Vec::new();
    let mut national = vec![0u64; n];
    let mut districts = Vec::new();
    for d in 0..nd {
        let v: Vec<u64> = (0..n).map(|_| rng.range(0, 40_000)).collect();
        for (t, x) in national.iter_mut().zip(&v) {
            *t += x;
        }
        let lines: Vec<Value> = v.iter().enumerate().map(|(i, &x)| party(&format!("P{i}"), x)).collect();
        districts.push(json!({"name": format!("D{d}"), "seats": 1, "parties": lines}));
        dvotes.push(v);
    }
    let parties: Vec<Value> = national.iter().enumerate().map(|(i, &x)| party(&format!("P{i}"), x)).collect();
    let valid: u64 = national.iter().sum();
    let c = json!({"kind": "election", "id": "c", "seats": nd, "method": "plurality",
        "ballots": {"valid": valid}, "parties": parties, "districts": districts});
    let case = json!({"id": id, "kind": "plurality", "method": "plurality", "districts": dvotes, "seats": vec![1; nd]});
    (case, document(c))
}

fn district_list_case(rng: &mut Rng, id: usize) -> (Value, String) {
    let method = ["dhondt", "sainte-lague", "hare"][id % 3];
    let n = rng.range(2, 8) as usize;
    let nd = rng.range(2, 12) as usize;
    let mut dvotes = Vec::new();
    let mut dseats = Vec::new();
    let mut national = vec![0u64; n];
    let mut districts = Vec::new();
    for d in 0..nd {
        let scale = rng.range(10_000, 400_000);
    let v = votes(rng, n, scale);
        let s = rng.range(1, 40);
        for (t, x) in national.iter_mut().zip(&v) {
            *t += x;
        }
        let lines: Vec<Value> = v.iter().enumerate().map(|(i, &x)| party(&format!("P{i}"), x)).collect();
        let valid: u64 = v.iter().sum();
        districts.push(json!({"name": format!("D{d}"), "seats": s, "ballots": {"valid": valid}, "parties": lines}));
        dvotes.push(v);
        dseats.push(s);
    }
    let parties: Vec<Value> = national.iter().enumerate().map(|(i, &x)| party(&format!("P{i}"), x)).collect();
    let valid: u64 = national.iter().sum();
    let c = json!({"kind": "election", "id": "c", "seats": dseats.iter().sum::<u64>(), "method": method,
        "threshold": {"percent": 3, "of": "valid", "level": "district"},
        "ballots": {"valid": valid}, "parties": parties, "districts": districts});
    let case = json!({"id": id, "kind": "districts", "method": method, "districts": dvotes, "seats": dseats, "threshold": "3"});
    (case, document(c))
}

#[test]
fn whole_elections_agree_with_votelib() {
    let seed = std::env::var("TALLYBOARD_VOTELIB_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5EA7_5EA7u64);
    let per_kind: usize = std::env::var("TALLYBOARD_VOTELIB_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(400);
    let mut rng = Rng(seed);
    let makers: [(&str, fn(&mut Rng, usize) -> (Value, String)); 4] =
        [("list", list_case), ("mmp", mmp_case), ("plurality", plurality_case), ("districts", district_list_case)];
    let mut cases = Vec::new();
    let mut mine = Vec::new();
    for (k, (_, make)) in makers.iter().enumerate() {
        let n = if k == 0 { per_kind * 4 } else { per_kind };
        for _ in 0..n {
            let id = cases.len();
            let (case, doc) = make(&mut rng, id);
            let ours = ours(&doc).unwrap_or_else(|e| panic!("case {id} ({}): our replay did not run: {e}\n{doc}", case["kind"]));
            cases.push(case);
            mine.push(ours);
        }
    }
    let results = peer(&cases, "random");
    let results = results.as_slice();
    assert_eq!(results.len(), cases.len());
    let mut compared = std::collections::BTreeMap::<String, (usize, usize)>::new();
    let mut differ = Vec::new();
    for ((case, (seats, tied)), res) in cases.iter().zip(&mine).zip(results) {
        let key = format!("{} {}", case["kind"].as_str().unwrap(), case["method"].as_str().unwrap());
        let entry = compared.entry(key).or_default();
        if *tied || res["skip"].is_string() {
            entry.1 += 1;
            continue;
        }
        entry.0 += 1;
        let theirs: Vec<u64> = res["seats"].as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect();
        if &theirs != seats {
            differ.push(format!("case {}: ours {seats:?}, votelib {theirs:?}: {case}", case["id"]));
        }
    }
    println!("votelib {}: compared / skipped (tie, exact threshold, over-award) per kind and method:", results_version(results));
    for (k, (c, s)) in &compared {
        println!("  {k:32} {c:5} / {s}");
    }
    assert!(differ.is_empty(), "{} cases differ from votelib:\n{}", differ.len(), differ[..differ.len().min(10)].join("\n"));
    for (k, (c, _)) in &compared {
        assert!(*c >= per_kind / 8, "{k}: only {c} cases compared; the generator makes too many ties or edges");
    }
}

/// One run of votelib_peer.py for all `cases`.
fn peer(cases: &[Value], tag: &str) -> Vec<Value> {
    let dir = std::env::temp_dir().join(format!("tallyboard-votelib-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (inp, out) = (dir.join("in.json"), dir.join("out.json"));
    std::fs::write(&inp, json!({"cases": cases}).to_string()).unwrap();
    let status = Command::new("python3").arg(PEER_PY).arg(&inp).arg(&out).status().expect("python3 runs");
    assert!(status.success(), "votelib_peer.py failed: run `make setup`, or `python3 -m pip install votelib`");
    let results: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let results = results["results"].as_array().unwrap().clone();
    assert_eq!(results.len(), cases.len());
    results
}

/// Every real election of tests/elections whose allocation votelib implements
/// (all but minority factors): the lines our replay lets qualify, shared by
/// votelib (nationally, district by district, or for surplus agreements the
/// units and then each pair's split; mixed-member with overhang kept), give the
/// seats our replay gives.
#[test]
fn the_real_elections_agree_with_votelib() {
    use tallyboard::contest::System;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/elections");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    let mut cases = Vec::new();
    let mut ours: Vec<(String, Vec<u64>)> = Vec::new();
    let mut skipped = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let checked = check(&std::fs::read_to_string(f).unwrap());
        let doc = checked.document.unwrap();
        let c = &doc.contests[0];
        let run = seat_runs(&doc, false).into_iter().next().and_then(|r| r.replay).unwrap_or_else(|| panic!("{name}: no replay"));
        if c.minority_factor.is_some() {
            skipped.push(name + " (a minority factor: not in votelib)");
            continue;
        }
        if !c.surplus_agreements.is_empty() {
            // Bader-Ofer in two steps, each a plain allocation: the units (a
            // pair counts as one list), then each pair's seats between the two.
            let a = run.allocation.as_ref().unwrap();
            let unit_votes: Vec<u64> = run.units.iter().zip(&a.eligible).map(|(u, &e)| if e { u.iter().map(|&i| c.parties[i].votes.unwrap_or(0)).sum() } else { 0 }).collect();
            cases.push(json!({"id": cases.len(), "kind": "list", "method": run.method.key(), "seats": run.pool, "votes": unit_votes, "threshold": null}));
            ours.push((name.clone(), a.seats.clone()));
            for ag in &run.agreements {
                let votes: Vec<u64> = ag.parties.iter().map(|&i| c.parties[i].votes.unwrap_or(0)).collect();
                cases.push(json!({"id": cases.len(), "kind": "list", "method": run.method.key(), "seats": ag.seats, "votes": votes, "threshold": null}));
                ours.push((format!("{name}, agreement {} + {}", c.parties[ag.parties[0]].name, c.parties[ag.parties[1]].name), ag.split.seats.clone()));
            }
            continue;
        }
        let method = run.method.key();
        let first_divisor = (run.method == tallyboard::contest::Method::ModifiedSainteLague).then(|| c.first_divisor.map_or(json!([7, 5]), |d| json!([d.units, 10i64.pow(d.scale)])));
        if !run.districts.is_empty() {
            for d in run.districts.iter().filter(|d| !d.unopposed && d.allocation.is_some()) {
                let district = &c.districts[d.district];
                // Two rounds: the round that decided, by plurality (the
                // first round's majority rule is tests/elections.rs's to hold).
                let two_round = run.method == tallyboard::contest::Method::TwoRound;
                let (lines, method) = match (&d.runoff, &district.runoff) {
                    (Some(_), Some(r)) => (&r.parties[..], "plurality"),
                    _ => (&district.parties[..], if two_round { "plurality" } else { method }),
                };
                let votes: Vec<u64> = lines.iter().enumerate().map(|(j, p)| if two_round || d.qualifies[j] { p.votes.unwrap_or(0) } else { 0 }).collect();
                cases.push(json!({"id": cases.len(), "kind": "list", "method": method, "first_divisor": first_divisor, "seats": d.seats, "votes": votes, "threshold": null}));
                ours.push((format!("{name}, district {}", district.name), d.allocation.as_ref().unwrap().seats.clone()));
            }
            continue;
        }
        let qualifies: Vec<bool> = run.lines.iter().map(|l| l.fate.qualifies()).collect();
        let votes: Vec<u64> = c.parties.iter().zip(&qualifies).map(|(p, &q)| if q { p.votes.unwrap_or(0) } else { 0 }).collect();
        match c.system {
            System::Mmp => {
                let ds: Vec<u64> = c.parties.iter().zip(&qualifies).map(|(p, &q)| if q { p.district_seats.unwrap_or(0) } else { 0 }).collect();
                cases.push(json!({"id": cases.len(), "kind": "mmp", "method": method, "seats": run.pool, "votes": votes, "district_seats": ds, "threshold": null}));
                ours.push((name, c.parties.iter().zip(&run.lines).zip(&qualifies).map(|((_, l), &q)| if q { l.seats } else { 0 }).collect()));
            }
            _ => {
                cases.push(json!({"id": cases.len(), "kind": "list", "method": method, "first_divisor": first_divisor, "seats": run.pool, "votes": votes, "threshold": null}));
                ours.push((name, run.lines.iter().map(|l| l.list_seats).collect()));
            }
        }
    }
    let results = peer(&cases, "corpus");
    let mut differ = Vec::new();
    let mut compared = std::collections::BTreeSet::new();
    let mut skipped_cases = 0;
    for ((case, (what, seats)), res) in cases.iter().zip(&ours).zip(&results) {
        if res["skip"].is_string() {
            skipped_cases += 1;
            continue;
        }
        let theirs: Vec<u64> = res["seats"].as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect();
        compared.insert(what.split(',').next().unwrap().to_string());
        if &theirs != seats {
            differ.push(format!("{what}: ours {seats:?}, votelib {theirs:?} ({case})"));
        }
    }
    println!("votelib on the corpus: {} elections compared ({} allocations, {skipped_cases} skipped as ties); not comparable: {skipped:?}", compared.len(), cases.len() - skipped_cases);
    assert!(differ.is_empty(), "{} allocations differ from votelib:\n{}", differ.len(), differ.join("\n"));
    assert!(compared.len() >= 30, "only {} corpus elections compared with votelib", compared.len());
}

fn results_version(results: &[Value]) -> String {
    results.first().and_then(|r| r["version"].as_str()).unwrap_or("?").to_string()
}
