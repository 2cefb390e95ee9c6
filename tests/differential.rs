//! Differential test of our seat allocation against an independent
//! implementation: the PyPI package `apportionment` (1.0, M. Lackner), run
//! through `tests/differential/peer.py`. See `tests/differential/README.md`.
//!
//! One `#[test]` on purpose: every case (random and hand-checked) goes to
//! Python in ONE run of peer.py. The random cases come from a seeded
//! splitmix64, so a run is repeatable; `TALLYBOARD_DIFF_SEED=<u64>` and
//! `TALLYBOARD_DIFF_CASES=<n per method>` explore other cases;
//! `TALLYBOARD_DIFF_KEEP=1` keeps the JSON files passed to and from peer.py.
//!
//! Method mapping (the peer has no Droop and no Hagenbach-Bischoff; those two
//! are checked against peer.py's own exact Fraction reference instead):
//!   DHondt -> "dhondt", SainteLague -> "saintelague",
//!   ModifiedSainteLague -> "modified_saintelague" (its 1.4 is a float),
//!   Hare -> "largest_remainder".

use serde::Deserialize;
use std::process::Command;
use std::time::Instant;
use tallyboard::allocation::{allocate, passes_threshold, Allocation, Tie};
use tallyboard::contest::Method;
use tallyboard::number::{Decimal, MAX_COUNT};

const SEED: u64 = 0x7A11_B0A2_D5EE_D001;
const CASES_PER_METHOD: usize = 10_000;
/// The peer's methods in the order of `Method::ALL` (None: the peer lacks it).
const PEER_NAME: [Option<&str>; 6] =
    [Some("dhondt"), Some("saintelague"), Some("modified_saintelague"), Some("largest_remainder"), None, None];
const PEER_PY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/differential/peer.py");
const INSTALL_HINT: &str = "run `make setup` (scripts/setup.sh), or `python3 -m pip install apportionment`";

fn method_index(m: Method) -> usize {
    Method::ALL.iter().position(|&x| x == m).unwrap()
}

mod common;
use common::Rng;

fn gcd(a: u128, b: u128) -> u128 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// x with a * x = 1 (mod m), for gcd(a, m) = 1 and m > 1.
fn mod_inverse(a: u128, m: u128) -> u128 {
    let (mut r0, mut r1) = (m as i128, (a % m) as i128);
    let (mut t0, mut t1) = (0i128, 1i128);
    while r1 != 0 {
        let q = r0 / r1;
        (r0, r1) = (r1, r0 - q * r1);
        (t0, t1) = (t1, t0 - q * t1);
    }
    assert_eq!(r0, 1, "not invertible");
    t0.rem_euclid(m as i128) as u128
}

// ----------------------------------------------------------------- cases
struct Case {
    method: Method,
    shape: &'static str,
    /// Votes as cast (before the threshold).
    votes: Vec<u64>,
    seats: u64,
    threshold: Option<String>,
    eligible: Vec<bool>,
    ours: Allocation,
    /// Index into the hand-checked list.
    fixed: Option<usize>,
}

impl Case {
    /// What the peer gets: parties below our threshold set to 0 votes.
    fn peer_votes(&self) -> Vec<u64> {
        self.votes.iter().zip(&self.eligible).map(|(&v, &e)| if e { v } else { 0 }).collect()
    }
}

fn divisor(method: Method, k: u64) -> (u128, u128) {
    match method {
        Method::DHondt => (k as u128 + 1, 1),
        Method::ModifiedSainteLague if k == 0 => (7, 5),
        _ => (2 * k as u128 + 1, 1),
    }
}

fn pick_seats(rng: &mut Rng) -> u64 {
    match rng.below(100) {
        0..=44 => rng.range(1, 20),
        45..=74 => rng.range(1, 120),
        _ => rng.range(1, 500),
    }
}

fn pick_parties(rng: &mut Rng) -> usize {
    match rng.below(100) {
        0..=14 => rng.range(1, 3) as usize,
        15..=59 => rng.range(1, 10) as usize,
        _ => rng.range(1, 30) as usize,
    }
}

/// Two parties whose quotients `a / div(k1)` and `b / div(k2)` differ by the
/// least possible amount (or are equal), contested for the last seat.
fn near_tie_divisor(rng: &mut Rng, method: Method, hi: u64) -> Option<(Vec<u64>, u64)> {
    let (k1, k2) = (rng.below(40), rng.below(40));
    let ((n1, d1), (n2, d2)) = (divisor(method, k1), divisor(method, k2));
    // a / (n1/d1) vs b / (n2/d2)  <=>  a * (d1 n2) vs b * (d2 n1)
    let (ca, cb) = (d1 * n2, d2 * n1);
    let g = gcd(ca, cb);
    let (ca, cb) = (ca / g, cb / g);
    let e: i128 = *rng.pick(&[-1, 0, 1]);
    // b is about a * ca / cb: keep both within `hi`
    let hi_a = (hi as u128 * cb / ca).min(hi as u128) as u64;
    if hi_a < 1_000 {
        return None;
    }
    let target = rng.log_uniform(1_000, hi_a) as u128;
    // a * ca - b * cb = e  =>  a = e * ca^-1 (mod cb)
    let r = if cb == 1 { 0 } else { ((e.rem_euclid(cb as i128) as u128) * mod_inverse(ca, cb)) % cb };
    let mut a = target - target % cb + r;
    if a == 0 {
        a += cb;
    }
    let num = a as i128 * ca as i128 - e;
    assert_eq!(num % cb as i128, 0);
    let b = num / cb as i128;
    if b < 1 || b as u128 > MAX_COUNT as u128 || a > MAX_COUNT as u128 {
        return None;
    }
    let mut votes = vec![a as u64, b as u64];
    if rng.chance(50) {
        votes.swap(0, 1);
    }
    Some((votes, k1 + k2 + 1))
}

/// Three parties for Hare whose remainders are R, R+1 (or R, R) and
/// T-2R-1 over a total T: one leftover seat, decided by a difference of 1/T.
fn near_tie_hare(rng: &mut Rng, hi: u64) -> Option<(Vec<u64>, u64)> {
    let s = pick_seats(rng).max(2) as u128;
    let mut t = rng.log_uniform(1_000, hi) as u128;
    while gcd(s, t) != 1 {
        t += 1;
    }
    let inv = mod_inverse(s, t);
    let d: u128 = if rng.chance(25) { 0 } else { 1 };
    for j in 0..20u128 {
        let r = (t - 1) / 3 + 1 + j;
        let a = r * inv % t;
        let b = (r + d) * inv % t;
        if a == 0 || b == 0 || a + b >= t {
            continue;
        }
        let mut votes = vec![a as u64, b as u64, (t - a - b) as u64];
        let i = rng.below(3) as usize;
        votes.swap(i, 2);
        if rng.chance(50) {
            votes.swap(0, 1);
        }
        return Some((votes, s as u64));
    }
    None
}

/// Votes and seats of one random shape.
fn shape(rng: &mut Rng, method: Method) -> (&'static str, Vec<u64>, u64) {
    let n = pick_parties(rng);
    let seats = pick_seats(rng);
    let many = |rng: &mut Rng, f: &mut dyn FnMut(&mut Rng) -> u64| (0..n).map(|_| f(rng)).collect::<Vec<u64>>();
    match rng.below(100) {
        // 0-100 votes: many exact ties
        0..=19 => {
            let hi = rng.range(3, 100);
            ("tiny", many(rng, &mut |r| r.range(0, hi)), seats)
        }
        20..=29 => ("small", many(rng, &mut |r| r.range(0, 10_000)), seats),
        30..=39 => ("medium", many(rng, &mut |r| r.log_uniform(1_000, 10_000_000)), seats),
        // up to a billion a party
        40..=59 => ("large", many(rng, &mut |r| r.log_uniform(1, 1_000_000_000)), seats),
        // k * X + e: exact ties (e = 0) and near ties
        60..=74 => {
            let x = rng.log_uniform(1, 80_000_000);
            let v = many(rng, &mut |r| (r.range(1, 12) * x + r.range(0, 4)).saturating_sub(2));
            ("proportional", v, seats)
        }
        // up to our MAX_COUNT (10^15) a party: where float64 runs out of digits
        75..=82 => {
            if rng.chance(50) {
                ("huge", many(rng, &mut |r| r.log_uniform(1, MAX_COUNT)), seats)
            } else {
                let x = rng.log_uniform(1_000_000, MAX_COUNT / 12);
                let v = many(rng, &mut |r| (r.range(1, 12) * x + r.range(0, 4)).saturating_sub(2));
                ("huge-proportional", v, seats)
            }
        }
        // constructed near ties at the last seat, moderate or huge
        83..=96 => {
            let hi = if rng.chance(50) { 1_000_000_000 } else { MAX_COUNT };
            let built = match method {
                Method::DHondt | Method::SainteLague | Method::ModifiedSainteLague => near_tie_divisor(rng, method, hi),
                Method::Hare => near_tie_hare(rng, hi),
                _ => None,
            };
            match built {
                Some((v, s)) => (if hi == MAX_COUNT { "near-tie-huge" } else { "near-tie" }, v, s),
                None => ("small", many(rng, &mut |r| r.range(0, 10_000)), seats),
            }
        }
        // one party, or everything on one party
        _ => {
            let mut v = vec![0; n];
            v[rng.below(n as u64) as usize] = rng.log_uniform(1, 1_000_000);
            ("one-party", v, seats)
        }
    }
}

const PERCENTS: [&str; 14] = ["0.5", "1", "2", "3", "3.25", "4", "5", "6.5", "7", "10", "12.5", "15", "20", "33.333"];

/// Make party `i` sit exactly on the threshold (or one vote below it):
/// v * 100 * 10^scale = units * (R + v), R = the other parties' votes.
fn put_on_threshold(rng: &mut Rng, votes: &mut [u64], pct: &Decimal) {
    let n = votes.len();
    if n < 2 {
        return;
    }
    let i = rng.below(n as u64) as usize;
    let j = (i + 1 + rng.below(n as u64 - 1) as usize) % n;
    let u = pct.units as u128;
    let d = 100 * 10u128.pow(pct.scale) - u; // v * d = u * R
    let step = d / gcd(u, d);
    let mut rest: u128 = votes.iter().enumerate().filter(|&(k, _)| k != i).map(|(_, &v)| v as u128).sum();
    if rest == 0 {
        votes[j] = 1;
        rest = 1;
    }
    let add = (step - rest % step) % step;
    let v = u * (rest + add) / d;
    let v = if rng.chance(30) && v > 0 { v - 1 } else { v };
    if v <= MAX_COUNT as u128 && votes[j] as u128 + add <= MAX_COUNT as u128 {
        votes[j] += add as u64;
        votes[i] = v as u64;
    }
}

fn gen_case(rng: &mut Rng, method: Method) -> Case {
    loop {
        let (shape, mut votes, seats) = shape(rng, method);
        if rng.chance(20) {
            for v in votes.iter_mut() {
                if rng.chance(30) {
                    *v = 0;
                }
            }
        }
        if rng.chance(10) && votes.len() < 30 {
            votes.insert(rng.below(votes.len() as u64 + 1) as usize, 0);
        }
        let mut threshold = None;
        let mut eligible = vec![true; votes.len()];
        if rng.chance(30) {
            let pct_text = *rng.pick(&PERCENTS);
            let pct = Decimal::parse(pct_text).unwrap();
            if rng.chance(50) {
                put_on_threshold(rng, &mut votes, &pct);
            }
            let base: u64 = votes.iter().sum();
            eligible = passes_threshold(&votes, base, Some(&pct));
            threshold = Some(pct_text.to_string());
        }
        if let Ok(ours) = allocate(&votes, seats, method, &eligible) {
            return Case { method, shape, votes, seats, threshold, eligible, ours, fixed: None };
        }
    }
}

// -------------------------------------------------- hand-checked cases
struct Fixed {
    name: &'static str,
    method: Method,
    votes: &'static [u64],
    seats: u64,
    percent: Option<&'static str>,
    /// Our expected certain seats and tie (checked by hand).
    seats_expect: &'static [u64],
    tie_expect: Option<(&'static [usize], u64)>,
    note: &'static str,
}

const FIXED: &[Fixed] = &[
    Fixed {
        name: "Kazakhstan 2021, Hare, 7%",
        method: Method::Hare,
        votes: &[5_148_074, 792_828, 659_019, 383_023, 258_618],
        seats: 98,
        percent: Some("7"),
        seats_expect: &[76, 12, 10, 0, 0],
        tie_expect: None,
        note: "official result",
    },
    Fixed {
        name: "Kazakhstan 2021, D'Hondt, 7%",
        method: Method::DHondt,
        votes: &[5_148_074, 792_828, 659_019, 383_023, 258_618],
        seats: 98,
        percent: Some("7"),
        seats_expect: &[77, 12, 9, 0, 0],
        tie_expect: None,
        note: "",
    },
    Fixed {
        name: "Wikipedia D'Hondt example",
        method: Method::DHondt,
        votes: &[100_000, 80_000, 30_000, 20_000],
        seats: 8,
        percent: None,
        seats_expect: &[4, 3, 1, 0],
        tie_expect: None,
        note: "",
    },
    Fixed {
        name: "Wikipedia Sainte-Lague example",
        method: Method::SainteLague,
        votes: &[100_000, 80_000, 30_000, 20_000],
        seats: 8,
        percent: None,
        seats_expect: &[3, 3, 1, 1],
        tie_expect: None,
        note: "",
    },
    Fixed {
        // quotas 3.478 2.783 1.043 0.696: floors 3 2 1 0, two left to .783 and .696
        name: "same votes, Hare",
        method: Method::Hare,
        votes: &[100_000, 80_000, 30_000, 20_000],
        seats: 8,
        percent: None,
        seats_expect: &[3, 3, 1, 1],
        tie_expect: None,
        note: "",
    },
    Fixed {
        name: "Wikipedia largest remainder example, Hare",
        method: Method::Hare,
        votes: &[47_000, 16_000, 15_800, 12_000, 6_100, 3_100],
        seats: 10,
        percent: None,
        seats_expect: &[5, 2, 1, 1, 1, 0],
        tie_expect: None,
        note: "",
    },
    Fixed {
        // 1000/1,3,5,7,9,11 = 1000 333 200 143 111 91; 100/1 = 100 beats 91
        name: "Sainte-Lague lets a small party in",
        method: Method::SainteLague,
        votes: &[1000, 100],
        seats: 7,
        percent: None,
        seats_expect: &[6, 1],
        tie_expect: None,
        note: "",
    },
    Fixed {
        // 100/1.4 = 71.4 < 1000/13 = 76.9
        name: "modified Sainte-Lague keeps it out",
        method: Method::ModifiedSainteLague,
        votes: &[1000, 100],
        seats: 7,
        percent: None,
        seats_expect: &[7, 0],
        tie_expect: None,
        note: "",
    },
    Fixed {
        name: "two equal parties, one seat",
        method: Method::DHondt,
        votes: &[100, 100],
        seats: 1,
        percent: None,
        seats_expect: &[0, 0],
        tie_expect: Some((&[0, 1], 1)),
        note: "the peer raises TiesException / gives it to the first party",
    },
    Fixed {
        // quotients 300, then 200 200 200 for two seats
        name: "three parties tied for two seats",
        method: Method::DHondt,
        votes: &[300, 200, 200, 200],
        seats: 3,
        percent: None,
        seats_expect: &[1, 0, 0, 0],
        tie_expect: Some((&[1, 2, 3], 2)),
        note: "",
    },
    Fixed {
        // 45/1.4 = 32.1 first; then 21/1.4 = 15 = 45/3 exactly
        name: "modified Sainte-Lague exact tie the peer's float 1.4 misses",
        method: Method::ModifiedSainteLague,
        votes: &[21, 45],
        seats: 2,
        percent: None,
        seats_expect: &[0, 1],
        tie_expect: Some((&[0, 1], 1)),
        note: "peer: 21/1.4 = 15.000000000000002 > 15, seat to party 0 with no tie reported",
    },
    Fixed {
        // quotas 1.6 1.6 0.8: floors 1 1 0, two left: party 2 (.8) and one of 0/1 (.6)
        name: "Hare tie behind a larger remainder",
        method: Method::Hare,
        votes: &[2, 2, 1],
        seats: 4,
        percent: None,
        seats_expect: &[1, 1, 1],
        tie_expect: Some((&[0, 1], 1)),
        note: "peer bug: gives both tied parties a seat and none to the largest remainder ([2, 2, 0])",
    },
    Fixed {
        // 7 is exactly 7% of 100; quotas 0.7 and 9.3
        name: "party exactly on a 7% threshold",
        method: Method::Hare,
        votes: &[7, 93],
        seats: 10,
        percent: Some("7"),
        seats_expect: &[1, 9],
        tie_expect: None,
        note: "the peer's own threshold=0.07 would drop it (7 < 100 * 0.07 = 7.000000000000001)",
    },
    Fixed {
        name: "a billion votes apart by one",
        method: Method::DHondt,
        votes: &[3_000_000_003, 3_000_000_000],
        seats: 1,
        percent: None,
        seats_expect: &[1, 0],
        tie_expect: None,
        note: "",
    },
    Fixed {
        // 503674277200047/40 vs 214061567810020/17: differ by 1/680, same float64
        name: "D'Hondt near tie at 5*10^14 votes",
        method: Method::DHondt,
        votes: &[503_674_277_200_047, 214_061_567_810_020],
        seats: 56,
        percent: None,
        seats_expect: &[39, 17],
        tie_expect: None,
        note: "peer float error: float64 cannot tell the two quotients apart, seat to party 0 ([40, 16])",
    },
];

fn fixed_case(i: usize, f: &Fixed) -> Case {
    let votes = f.votes.to_vec();
    let eligible = match f.percent {
        Some(p) => passes_threshold(&votes, votes.iter().sum(), Some(&Decimal::parse(p).unwrap())),
        None => vec![true; votes.len()],
    };
    let ours = allocate(&votes, f.seats, f.method, &eligible).unwrap();
    Case {
        method: f.method,
        shape: "fixed",
        votes,
        seats: f.seats,
        threshold: f.percent.map(str::to_string),
        eligible,
        ours,
        fixed: Some(i),
    }
}

// ------------------------------------------------------------ the peer
fn require_peer() {
    let out = Command::new("python3").args(["-c", "import numpy, apportionment.methods"]).output();
    match out {
        Err(e) => panic!(
            "the differential test needs python3 with the PyPI package `apportionment`, \
             but python3 could not be run ({e}); {INSTALL_HINT}"
        ),
        Ok(o) if !o.status.success() => panic!(
            "the differential test needs the PyPI package `apportionment` for python3, \
             which cannot import it:\n{}\n{INSTALL_HINT}",
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Ok(_) => {}
    }
}

/// JSON list of integers.
fn list<T: std::fmt::Display>(items: &[T]) -> String {
    let parts: Vec<String> = items.iter().map(|x| x.to_string()).collect();
    format!("[{}]", parts.join(","))
}

/// One case for peer.py (written by hand: serde_json::Value is slow in a debug build).
fn case_json(id: usize, c: &Case) -> String {
    let shared = PEER_NAME[method_index(c.method)].is_some();
    // fractions=True is ignored by the peer for modified Sainte-Lague, and
    // costs milliseconds a case for bigger divisor cases: only small ones.
    let exact_mode = shared
        && c.method != Method::ModifiedSainteLague
        && (c.votes.len() as u64 * c.seats <= 60 || c.fixed.is_some());
    let (tie, tie_seats) = match &c.ours.tie {
        Some(t) => (list(&t.parties), t.seats),
        None => ("[]".to_string(), 0),
    };
    let threshold = match &c.threshold {
        Some(p) => format!(r#"{{"percent":"{p}","votes":{}}}"#, list(&c.votes)),
        None => "null".into(),
    };
    format!(
        r#"{{"id":{id},"method":"{}","votes":{},"seats":{},"peer":{shared},"exact_mode":{exact_mode},"always_check":{},"ours":{{"seats":{},"tie":{tie},"tie_seats":{tie_seats}}},"threshold":{threshold}}}"#,
        c.method.key(),
        list(&c.peer_votes()),
        c.seats,
        c.fixed.is_some(),
        list(&c.ours.seats),
    )
}

/// What peer.py writes (see its docstring).
#[derive(Deserialize)]
struct PeerOutput {
    peer_version: String,
    numpy_version: String,
    python_version: String,
    results: Vec<CaseResult>,
}

#[derive(Deserialize, Debug)]
struct CaseResult {
    id: usize,
    /// The peer in its default float mode.
    peer: Option<Run>,
    /// The peer with fractions=True.
    peer_exact: Option<Run>,
    /// peer.py's independent exact Fraction allocation (computed when needed).
    exact: Option<Exact>,
    threshold: Option<ThresholdResult>,
}

#[derive(Deserialize, Debug)]
struct Run {
    seats: Option<Vec<u64>>,
    tie: bool,
    error: Option<String>,
    warning: Option<String>,
    /// peer.py's own reading of Allocation::accepts (cross-checked here).
    accepted: bool,
    witness: Option<String>,
    witness_text: String,
    /// "raised" / "no" / "error: ..." when tiesallowed=False was also tried.
    #[serde(default)]
    tie_exception: Option<String>,
}

#[derive(Deserialize, Debug)]
struct Exact {
    seats: Vec<u64>,
    tie: Vec<usize>,
    tie_seats: u64,
}

impl Exact {
    fn tie(&self) -> Option<Tie> {
        (!self.tie.is_empty()).then(|| Tie { parties: self.tie.clone(), seats: self.tie_seats })
    }
    fn equals(&self, a: &Allocation) -> bool {
        self.seats == a.seats && self.tie() == a.tie
    }
}

#[derive(Deserialize, Debug)]
struct ThresholdResult {
    /// Passes by exact Fractions: votes * 100 / base >= percent.
    exact: Vec<bool>,
    /// Passes by the peer's apply_threshold with a float (None: 0 votes).
    peer: Vec<Option<bool>>,
}

fn run_peer(cases: &[Case]) -> (PeerOutput, f64) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("differential-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (input, output) = (dir.join("cases.json"), dir.join("peer.json"));
    let body: Vec<String> = cases.iter().enumerate().map(|(i, c)| case_json(i, c)).collect();
    std::fs::write(&input, format!("{{\"cases\":[\n{}\n]}}\n", body.join(",\n"))).unwrap();
    let t = Instant::now();
    let out = Command::new("python3")
        .arg(PEER_PY)
        .arg(&input)
        .arg(&output)
        .output()
        .unwrap_or_else(|e| panic!("python3 could not be run ({e}); {INSTALL_HINT}"));
    let secs = t.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "peer.py failed ({}):\n{}\n{}\n{INSTALL_HINT}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&output).unwrap();
    let parsed: PeerOutput = serde_json::from_str(&text).expect("peer.py's output");
    if std::env::var_os("TALLYBOARD_DIFF_KEEP").is_some() {
        println!("differential: cases and peer results kept in {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    (parsed, secs)
}

// --------------------------------------------------------- comparison
#[derive(Debug, Clone, PartialEq)]
enum Class {
    /// We report no tie and the peer gives exactly our seats.
    Exact,
    /// We report a tie and the peer's seats are one allowed resolution.
    TieAllowed,
    /// We report a tie, the peer reports one too, but its pick is outside the
    /// allowed set, confirmed in exact arithmetic as a defect of the peer's
    /// tie-breaking logic (our allocation equals the Fraction reference).
    PeerTieBug,
    /// The peer's float64 arithmetic mis-orders quotients or remainders that
    /// differ in exact arithmetic (confirmed with Fractions; ours = reference).
    PeerFloatError,
    Disagreement(String),
}

/// Ours vs one peer run (the float run, or the fractions=True run).
fn classify(ours: &Allocation, run: &Run, exact: Option<&Exact>, float_ok: bool) -> Class {
    if let Some(e) = &run.error {
        return Class::Disagreement(format!("the peer raised {e}"));
    }
    let Some(seats) = &run.seats else {
        return Class::Disagreement("the peer gave no seats".into());
    };
    if let Some(raised) = &run.tie_exception {
        if (raised == "raised") != run.tie || !(raised == "raised" || raised == "no") {
            return Class::Disagreement(format!(
                "harness: the peer's printed tie flag ({}) and tiesallowed=False ({raised}) disagree",
                run.tie
            ));
        }
    }
    let accepted = ours.accepts(seats);
    if run.accepted != accepted {
        return Class::Disagreement(format!("harness: peer.py's accepts() says {}, ours {accepted}", run.accepted));
    }
    if accepted {
        return if ours.tie.is_none() { Class::Exact } else { Class::TieAllowed };
    }
    let Some(exact) = exact else {
        return Class::Disagreement("peer.py computed no exact reference".into());
    };
    if !exact.equals(ours) {
        return Class::Disagreement(format!(
            "OUR allocation differs from the exact Fraction reference: seats {:?} tie {:?}",
            exact.seats,
            exact.tie()
        ));
    }
    match run.witness.as_deref() {
        Some("float") if float_ok => Class::PeerFloatError,
        Some("logic") if ours.tie.is_some() && run.tie => Class::PeerTieBug,
        w => Class::Disagreement(format!("the peer differs (witness {w:?}: {})", run.witness_text)),
    }
}

#[derive(Default)]
struct Tally {
    cases: usize,
    exact: usize,
    /// exact matches where the peer nevertheless reported a tie
    exact_peer_tie: usize,
    ties: usize,
    ties_peer_flagged: usize,
    peer_tie_bug: usize,
    peer_float: usize,
    disagreements: usize,
    peer_warnings: usize,
}

impl Tally {
    fn add(&mut self, class: &Class, peer_tie: bool) {
        self.cases += 1;
        match class {
            Class::Exact => {
                self.exact += 1;
                self.exact_peer_tie += peer_tie as usize;
            }
            Class::TieAllowed => {
                self.ties += 1;
                self.ties_peer_flagged += peer_tie as usize;
            }
            Class::PeerTieBug => self.peer_tie_bug += 1,
            Class::PeerFloatError => self.peer_float += 1,
            Class::Disagreement(_) => self.disagreements += 1,
        }
    }
    fn line(&self) -> String {
        format!(
            "{:>6} cases | exact {:>6} (peer also flagged a tie in {}) | ties {:>5} (peer flagged {}, picked an allowed result in all) \
             | peer tie-break bug {:>4} | peer float errors {:>3} | disagreements {}",
            self.cases,
            self.exact,
            self.exact_peer_tie,
            self.ties,
            self.ties_peer_flagged,
            self.peer_tie_bug,
            self.peer_float,
            self.disagreements
        )
    }
}

fn describe(c: &Case, r: &CaseResult, why: &str) -> String {
    format!(
        "  {} ({}{}) seats {} threshold {:?}\n    votes    {:?}\n    eligible {:?}\n    ours     seats {:?} tie {:?}\n    peer     {:?}\n    peer fractions=True {:?}\n    exact reference {:?}\n    => {why}",
        c.method.key(),
        c.shape,
        c.fixed.map(|i| format!(": {}", FIXED[i].name)).unwrap_or_default(),
        c.seats,
        c.threshold,
        c.votes,
        c.eligible,
        c.ours.seats,
        c.ours.tie,
        r.peer,
        r.peer_exact,
        r.exact,
    )
}

#[test]
fn allocation_matches_the_apportionment_package() {
    let start = Instant::now();
    require_peer();
    let seed = std::env::var("TALLYBOARD_DIFF_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(SEED);
    let per_method =
        std::env::var("TALLYBOARD_DIFF_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(CASES_PER_METHOD);
    let mut rng = Rng(seed);

    let mut cases: Vec<Case> = FIXED.iter().enumerate().map(|(i, f)| fixed_case(i, f)).collect();
    for m in Method::ALL.into_iter().filter(|m| method_index(*m) < PEER_NAME.len()) {
        // Droop and Hagenbach-Bischoff have no peer (reference only): fewer.
        let n = if PEER_NAME[method_index(m)].is_some() { per_method } else { per_method / 2 };
        for _ in 0..n {
            cases.push(gen_case(&mut rng, m));
        }
    }
    let generated = start.elapsed().as_secs_f64();

    let (peer, py_secs) = run_peer(&cases);
    let results = &peer.results;
    assert_eq!(results.len(), cases.len(), "peer.py returned a result per case");

    let mut float_tally: Vec<Tally> = (0..6).map(|_| Tally::default()).collect();
    let mut exact_tally: Vec<Tally> = (0..6).map(|_| Tally::default()).collect();
    let mut reference = [(0usize, 0usize, 0usize); 6]; // (cases, equal, ties)
    let mut failures: Vec<String> = Vec::new();
    let mut float_examples: Vec<String> = Vec::new();
    let mut tie_bug_examples: Vec<String> = Vec::new();
    let (mut thr_cases, mut thr_peer_differs) = (0usize, 0usize);
    let mut thr_example = String::new();

    for (id, (c, r)) in cases.iter().zip(results).enumerate() {
        assert_eq!(r.id, id, "results in case order");
        let mi = method_index(c.method);

        // Hand-checked: our allocation must be what was worked out by hand.
        if let Some(fi) = c.fixed {
            let f = &FIXED[fi];
            let tie = f.tie_expect.map(|(p, s)| Tie { parties: p.to_vec(), seats: s });
            if c.ours.seats != f.seats_expect || c.ours.tie != tie {
                failures.push(describe(c, r, &format!("hand-checked {:?} tie {:?}", f.seats_expect, tie)));
            }
            if r.exact.as_ref().is_some_and(|x| !x.equals(&c.ours)) {
                failures.push(describe(c, r, "ours differs from the exact Fraction reference"));
            }
        }

        // Threshold: ours against exact Fractions; how the peer's own float threshold would do.
        if let (Some(t), Some(pct)) = (&r.threshold, &c.threshold) {
            thr_cases += 1;
            let ours_pass = passes_threshold(&c.votes, c.votes.iter().sum(), Some(&Decimal::parse(pct).unwrap()));
            if ours_pass != t.exact {
                failures.push(describe(
                    c,
                    r,
                    &format!("passes_threshold {ours_pass:?} but exact Fractions say {:?}", t.exact),
                ));
            }
            if t.peer.iter().zip(&t.exact).any(|(p, &x)| p.is_some_and(|p| p != x)) {
                thr_peer_differs += 1;
                if thr_example.is_empty() {
                    thr_example =
                        format!("votes {:?} at {pct}%: exact {:?}, peer float {:?}", c.votes, t.exact, t.peer);
                }
            }
        }

        let Some(p) = &r.peer else {
            // No peer: our allocation must equal peer.py's exact Fraction reference.
            reference[mi].0 += 1;
            match &r.exact {
                Some(x) if x.equals(&c.ours) => {
                    reference[mi].1 += 1;
                    reference[mi].2 += c.ours.tie.is_some() as usize;
                }
                _ => failures.push(describe(c, r, "ours differs from the exact Fraction reference")),
            }
            continue;
        };
        if p.warning.is_some() {
            float_tally[mi].peer_warnings += 1;
        }
        let class = classify(&c.ours, p, r.exact.as_ref(), true);
        float_tally[mi].add(&class, p.tie);
        match &class {
            Class::Disagreement(why) => failures.push(describe(c, r, why)),
            Class::PeerFloatError if float_examples.len() < 3 => float_examples.push(describe(c, r, &p.witness_text)),
            Class::PeerTieBug if tie_bug_examples.len() < 2 => tie_bug_examples.push(describe(c, r, &p.witness_text)),
            _ => {}
        }
        if let Some(pe) = &r.peer_exact {
            let class = classify(&c.ours, pe, r.exact.as_ref(), false);
            exact_tally[mi].add(&class, pe.tie);
            if let Class::Disagreement(why) = &class {
                failures.push(describe(c, r, &format!("(peer with fractions=True) {why}")));
            }
        }
        if let Some(fi) = c.fixed {
            let verdict = match &class {
                Class::Exact => "exact".to_string(),
                Class::TieAllowed => "allowed tie resolution".to_string(),
                other => format!("{other:?}"),
            };
            let note = if FIXED[fi].note.is_empty() { String::new() } else { format!(" -- {}", FIXED[fi].note) };
            println!(
                "fixed: {:<62} ours {:?}{} | peer {:?} tie={} | {verdict}{note}",
                FIXED[fi].name,
                c.ours.seats,
                c.ours.tie.as_ref().map(|t| format!(" + {} of {:?}", t.seats, t.parties)).unwrap_or_default(),
                p.seats.as_deref().unwrap_or_default(),
                p.tie,
            );
        }
    }

    println!(
        "\ndifferential: seed {seed:#x}, {} cases ({} hand-checked + {per_method} random per peer method); peer apportionment {} \
         (numpy {}, python {}), run in its default float mode",
        cases.len(),
        FIXED.len(),
        peer.peer_version,
        peer.numpy_version,
        peer.python_version,
    );
    for (mi, m) in Method::ALL.iter().enumerate().take(PEER_NAME.len()) {
        match PEER_NAME[mi] {
            Some(name) => {
                println!("  {:<22} vs {:<21} {}", m.key(), name, float_tally[mi].line());
                if float_tally[mi].peer_warnings > 0 {
                    println!("  {:<22}    numpy warnings in {} cases", "", float_tally[mi].peer_warnings);
                }
                if exact_tally[mi].cases > 0 {
                    println!("  {:<22}    {:<21} {}", "", "(fractions=True)", exact_tally[mi].line());
                }
            }
            None => {
                let (n, eq, ties) = reference[mi];
                println!(
                    "  {:<22} (no peer method) vs peer.py's exact Fraction reference: {n} cases, {eq} equal ({ties} with a tie), {} differ",
                    m.key(),
                    n - eq
                );
            }
        }
    }
    println!(
        "  thresholds: {thr_cases} cases; ours equal exact Fractions in all checked; the peer's own float threshold \
         (compute(threshold=p/100)) would decide differently in {thr_peer_differs}{}",
        if thr_example.is_empty() { String::new() } else { format!(" (e.g. {thr_example})") }
    );
    let floats: usize = float_tally.iter().map(|t| t.peer_float).sum();
    if floats > 0 {
        println!("\n{floats} peer float errors (confirmed with exact Fractions in peer.py; ours equals the exact reference), e.g.:");
        for e in &float_examples {
            println!("{e}");
        }
    }
    let bugs: usize = float_tally.iter().map(|t| t.peer_tie_bug).sum();
    if bugs > 0 {
        println!("\n{bugs} cases of the peer's largest-remainder tie-break bug (it reports a tie, and hands the seat to a tied party ahead of one with a strictly larger remainder), e.g.:");
        for e in &tie_bug_examples {
            println!("{e}");
        }
    }
    println!(
        "\ntime: {:.1}s total ({generated:.2}s generating and allocating, {py_secs:.1}s in peer.py)",
        start.elapsed().as_secs_f64()
    );

    assert!(
        failures.is_empty(),
        "{} disagreement(s); the first ones in full:\n{}",
        failures.len(),
        failures.iter().take(5).cloned().collect::<Vec<_>>().join("\n")
    );
}
