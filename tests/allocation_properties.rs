//! Allocation held to account as the Dutch Electoral Council's Abacus holds
//! its own: properties every correct run must have, over random elections
//! (proptest; `PROPTEST_CASES` runs more). Behind the `props` feature:
//! `cargo test --features cli,props` (`make test-native` does).
//! - anonymity: the order of the lists changes nothing (ties included);
//! - house monotonicity: under a divisor method one more seat never takes a
//!   seat from a list;
//! - the quota rule: under Hare's largest remainder each list gets its exact
//!   share rounded down or up;
//! - the Alabama paradox, which largest remainder is known for, is found and
//!   reported as such by `allocation::alabama` (and said by `seats --explain`),
//!   never raised as an error: every loss of a seat found here is one it names.

#![cfg(feature = "props")]

use proptest::prelude::*;
use tallyboard::allocation::{alabama, allocate, allocate_with, Allocation, Params};
use tallyboard::contest::Method;

const METHODS: [Method; 7] = [
    Method::DHondt,
    Method::SainteLague,
    Method::ModifiedSainteLague,
    Method::Hare,
    Method::Droop,
    Method::HagenbachBischoff,
    Method::Imperiali,
];

fn election() -> impl Strategy<Value = (Vec<u64>, u64, usize)> {
    (prop::collection::vec(0u64..2_000_000, 1..12), 1u64..300, 0..METHODS.len())
}

fn run(votes: &[u64], seats: u64, m: Method) -> Option<Allocation> {
    allocate(votes, seats, m, &vec![true; votes.len()]).ok()
}

proptest! {
    #[test]
    fn the_order_of_the_lists_changes_nothing((votes, seats, m) in election(), rot in 0usize..12, rev in any::<bool>()) {
        let m = METHODS[m];
        let n = votes.len();
        // A permutation: rotate, and maybe reverse.
        let perm: Vec<usize> = (0..n).map(|i| { let j = (i + rot) % n; if rev { n - 1 - j } else { j } }).collect();
        let shuffled: Vec<u64> = perm.iter().map(|&j| votes[j]).collect();
        let (Some(a), Some(b)) = (run(&votes, seats, m), run(&shuffled, seats, m)) else {
            prop_assert!(run(&votes, seats, m).is_none() && run(&shuffled, seats, m).is_none());
            return Ok(());
        };
        for (i, &j) in perm.iter().enumerate() {
            prop_assert_eq!(b.seats[i], a.seats[j], "{:?}: list {} moved to {}", m, j, i);
        }
        let tied = |x: &Allocation| x.tie.as_ref().map(|t| (t.seats, t.parties.len()));
        prop_assert_eq!(tied(&a), tied(&b));
        if let (Some(ta), Some(tb)) = (&a.tie, &b.tie) {
            let mut back: Vec<usize> = tb.parties.iter().map(|&i| perm[i]).collect();
            back.sort();
            prop_assert_eq!(&back, &ta.parties);
        }
    }

    #[test]
    fn one_more_seat_never_takes_a_seat_under_a_divisor_method((votes, seats, m) in election()) {
        let m = METHODS[m % 3];
        let (Some(a), Some(b)) = (run(&votes, seats, m), run(&votes, seats + 1, m)) else { return Ok(()) };
        // A tie at either size: compare the seats each list is certain of
        // with the most it could hold at the smaller size.
        for i in 0..votes.len() {
            let most_before = a.seats[i] + u64::from(a.tie.as_ref().is_some_and(|t| t.parties.contains(&i)));
            let certain_after = b.seats[i];
            prop_assert!(certain_after + 1 >= most_before, "{:?}: list {} holds {} of {} but {} of {}", m, i, most_before, seats, certain_after, seats + 1);
            if a.tie.is_none() && b.tie.is_none() {
                prop_assert!(b.seats[i] >= a.seats[i], "{:?}: list {} loses a seat from {} to {} seats", m, i, seats, seats + 1);
            }
        }
        prop_assert!(alabama(&votes, seats, &Params::new(m), &vec![true; votes.len()]).is_empty());
    }

    #[test]
    fn hare_gives_each_list_its_share_rounded_down_or_up((votes, seats, _m) in election()) {
        let Some(a) = run(&votes, seats, Method::Hare) else { return Ok(()) };
        let total: u128 = votes.iter().map(|&v| v as u128).sum();
        for (i, &v) in votes.iter().enumerate() {
            // exact share v * seats / total
            let num = v as u128 * seats as u128;
            let (lo, hi) = (num / total, num.div_ceil(total));
            let s = a.seats[i] as u128;
            let s_hi = s + u128::from(a.tie.as_ref().is_some_and(|t| t.parties.contains(&i)));
            prop_assert!(lo <= s && s_hi <= hi, "list {} with {} of {} votes: {} seats, share {}..{}", i, v, total, s, lo, hi);
        }
    }

    #[test]
    fn every_seat_lost_to_one_more_seat_is_named_as_the_alabama_paradox((votes, seats, m) in election()) {
        let m = METHODS[3 + m % 4];
        let all = vec![true; votes.len()];
        let (Some(a), Some(b)) = (run(&votes, seats, m), run(&votes, seats + 1, m)) else { return Ok(()) };
        let named = alabama(&votes, seats, &Params::new(m), &all);
        if a.tie.is_none() && b.tie.is_none() {
            let lost: Vec<usize> = (0..votes.len()).filter(|&i| b.seats[i] < a.seats[i]).collect();
            prop_assert_eq!(named, lost);
        } else {
            prop_assert!(named.is_empty());
        }
    }

    #[test]
    fn the_seats_add_up_and_only_eligible_lists_take_them((votes, seats, m) in election(), mask in any::<u16>()) {
        let m = METHODS[m];
        let eligible: Vec<bool> = (0..votes.len()).map(|i| mask & (1 << i) != 0).collect();
        let Ok(a) = allocate_with(&votes, seats, &Params::new(m), &eligible) else {
            prop_assert!(!votes.iter().zip(&eligible).any(|(&v, &e)| e && v > 0));
            return Ok(());
        };
        let sum: u64 = a.seats.iter().sum();
        prop_assert_eq!(sum + a.tie.as_ref().map_or(0, |t| t.seats), seats);
        for i in 0..votes.len() {
            if !(eligible[i] && votes[i] > 0) {
                prop_assert_eq!(a.seats[i], 0);
            }
        }
    }
}

/// The textbook case of the paradox (three lists of 6, 6 and 2 votes): 10 seats
/// give 4, 4, 2; 11 seats give 5, 5, 1. It is named, and the method still
/// returns the lawful result at each size.
#[test]
fn the_textbook_alabama_paradox_is_named() {
    let votes = [6, 6, 2];
    let all = [true; 3];
    assert_eq!(run(&votes, 10, Method::Hare).unwrap().seats, vec![4, 4, 2]);
    assert_eq!(run(&votes, 11, Method::Hare).unwrap().seats, vec![5, 5, 1]);
    assert_eq!(alabama(&votes, 10, &Params::new(Method::Hare), &all), vec![2]);
    assert!(alabama(&votes, 10, &Params::new(Method::DHondt), &all).is_empty());
}
