//! Seat allocation from bytes: votes, seats, method and threshold are read from the input,
//! then the invariants every method must keep are asserted:
//!
//! * no tie: the seats add up to the total; a tie: the certain seats plus the tie's seats do;
//! * no party under the threshold or with 0 votes gets a seat or is in a tie;
//! * a tie is between at least one more party than it has seats for, all eligible;
//! * Hare without a tie keeps the quota rule (each party floor or ceiling of its quota);
//! * divisor methods (D'Hondt, Sainte-Laguë, modified Sainte-Laguë) are house monotone:
//!   one more seat never takes a seat from a party (checked when neither run has a tie).
#![no_main]
use libfuzzer_sys::fuzz_target;
use tallyboard::allocation::{allocate, passes_threshold, AllocError};
use tallyboard::contest::Method;
use tallyboard::number::Decimal;

struct Bytes<'a>(&'a [u8]);
impl Bytes<'_> {
    fn u8(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }
    fn uint(&mut self, n: usize) -> Option<u64> {
        let mut v = 0u64;
        for _ in 0..n {
            v = v << 8 | self.u8()? as u64;
        }
        Some(v)
    }
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes(data);
    let Some(head) = b.u8() else { return };
    let method = Method::ALL[(head % 6) as usize];
    let Some(seats) = b.uint(2).map(|s| s % 1001) else { return };
    // Threshold: none, or 0.0..25.5 % of the valid total or of a larger "cast" total.
    let Some(t) = b.u8() else { return };
    let percent = (t & 1 == 1).then(|| Decimal { units: (b.u8().unwrap_or(50) as i128), scale: 1 });
    let extra_cast = if t & 2 == 2 { b.uint(2).unwrap_or(0) } else { 0 };
    let mut votes = Vec::new();
    while votes.len() < 40 {
        let Some(tag) = b.u8() else { break };
        let v = match tag % 5 {
            0 => 0,
            1 => (tag / 5) as u64,                          // small: ties are likely
            2 => b.uint(1).unwrap_or(1) * 100,              // round numbers: exact quotients
            3 => b.uint(2).unwrap_or(7),
            _ => b.uint(5).unwrap_or(11) % 1_000_000_000_001, // up to 10^12
        };
        votes.push(v);
    }
    if votes.is_empty() {
        return;
    }
    let base: u64 = votes.iter().sum::<u64>() + extra_cast;
    let ok = passes_threshold(&votes, base, percent.as_ref());
    assert_eq!(ok.len(), votes.len());
    let run = |s: u64| allocate(&votes, s, method, &ok);
    let a = match run(seats) {
        Ok(a) => a,
        Err(AllocError::NoEligibleParty) => {
            assert!(seats > 0 && !votes.iter().zip(&ok).any(|(&v, &e)| e && v > 0), "NoEligibleParty with an eligible party");
            return;
        }
    };
    let n = votes.len();
    assert_eq!(a.seats.len(), n);
    assert_eq!(a.eligible.len(), n);
    for i in 0..n {
        assert_eq!(a.eligible[i], ok[i] && votes[i] > 0, "eligibility of party {i}");
        if !a.eligible[i] {
            assert_eq!(a.seats[i], 0, "party {i} (votes {}, passes {}) got seats: {a:?}", votes[i], ok[i]);
        }
    }
    let certain: u64 = a.seats.iter().sum();
    match &a.tie {
        None => assert_eq!(certain, seats, "{method:?}: seats add up to {certain}, not {seats}: {votes:?} -> {a:?}"),
        Some(tie) => {
            assert_eq!(certain + tie.seats, seats, "{method:?}: certain {certain} + tied {} != {seats}: {votes:?} -> {a:?}", tie.seats);
            assert!(tie.seats >= 1 && (tie.seats as usize) < tie.parties.len(), "{method:?}: a tie of {} seats among {:?}", tie.seats, tie.parties);
            assert!(tie.parties.windows(2).all(|w| w[0] < w[1]), "tie parties not sorted and distinct: {:?}", tie.parties);
            for &p in &tie.parties {
                assert!(p < n && a.eligible[p], "{method:?}: ineligible party {p} in a tie: {votes:?} -> {a:?}");
            }
            // Any resolution of the tie is accepted, and the certain seats alone are not.
            let mut resolved = a.seats.clone();
            for &p in tie.parties.iter().take(tie.seats as usize) {
                resolved[p] += 1;
            }
            assert!(a.accepts(&resolved), "{method:?}: a resolution of the tie is refused: {resolved:?} by {a:?}");
            assert!(!a.accepts(&a.seats), "the certain seats alone are accepted although seats are tied");
        }
    }
    if method == Method::Hare && a.tie.is_none() && seats > 0 {
        let total: u128 = (0..n).filter(|&i| a.eligible[i]).map(|i| votes[i] as u128).sum();
        for i in (0..n).filter(|&i| a.eligible[i]) {
            let q = votes[i] as u128 * seats as u128;
            let (lo, hi) = (q / total, q.div_ceil(total));
            let s = a.seats[i] as u128;
            assert!(s == lo || s == hi, "Hare breaks the quota rule for party {i}: {s} seats, quota {q}/{total}: {votes:?} -> {a:?}");
        }
    }
    if matches!(method, Method::DHondt | Method::SainteLague | Method::ModifiedSainteLague) && a.tie.is_none() {
        if let Ok(b) = run(seats + 1) {
            if b.tie.is_none() {
                for i in 0..n {
                    assert!(b.seats[i] >= a.seats[i], "{method:?}: one more seat ({}) takes a seat from party {i}: {:?} -> {:?} (votes {votes:?})", seats + 1, a.seats, b.seats);
                }
            }
        }
    }
});
