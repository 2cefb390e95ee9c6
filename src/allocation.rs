//! Seat allocation: divisor methods (D'Hondt, Sainte-Laguë, modified
//! Sainte-Laguë with any first divisor, each list's quotients optionally
//! weighted), largest remainder with a Hare, Droop, Hagenbach-Bischoff or
//! Imperiali quota, and plurality. Exact integer arithmetic throughout:
//! quotients are compared by cross-multiplication in `u128`, remainders over
//! a common denominator. A tie for the last seat(s) is reported, never broken.
//! Each run can keep a step log (which quotient won each seat; the quota and
//! the remainders) for `tallyboard seats --explain`.

use crate::contest::Method;
use crate::number::{sorted_indices, Decimal};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Parties tied for the last seats: `seats` of them go to some of `parties`
/// (each can take at most one), and nothing in the method says which.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tie {
    pub parties: Vec<usize>,
    pub seats: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Allocation {
    /// Seats each party is certain to get (input order). With no tie these
    /// add up to the seats allocated.
    pub seats: Vec<u64>,
    /// Whether each party took part in the allocation (passed the threshold and has votes).
    pub eligible: Vec<bool>,
    pub tie: Option<Tie>,
    /// How the seats were won, step by step (empty unless asked for).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}

/// One step of an allocation, as exact fractions `top / bottom`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum Step {
    /// A divisor method's seat: won by `party` with the quotient `top / bottom`.
    Seat { seat: u64, party: usize, top: u128, bottom: u128 },
    /// A largest-remainder method's quota (votes per seat).
    Quota { top: u128, bottom: u128 },
    /// Seats for whole quotas, and what is left over (as a fraction of a quota).
    Whole { party: usize, seats: u64, remainder_top: u128, remainder_bottom: u128 },
    /// A seat given for a remainder (or taken back, when the quota gave one too many).
    Remainder { party: usize, taken_back: bool },
    /// Plurality: a seat for one of the most votes.
    Plurality { party: usize, votes: u64 },
}

/// What a method needs beyond the votes: the first divisor and each list's weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Params {
    pub method: Method,
    /// Modified Sainte-Laguë's first divisor as `num / den` (default 7/5).
    pub first_divisor: (u128, u128),
    /// Each list's quotients are multiplied by `num / den` (minority factor); empty for none.
    pub weights: Vec<(u128, u128)>,
    /// Keep the step log.
    pub log: bool,
}

impl Params {
    pub fn new(method: Method) -> Params {
        Params { method, first_divisor: (7, 5), weights: Vec::new(), log: false }
    }
    fn weight(&self, party: usize) -> (u128, u128) {
        self.weights.get(party).copied().unwrap_or((1, 1))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllocError {
    /// No party passed the threshold with a vote.
    NoEligibleParty,
}

impl Allocation {
    /// Whether `reported` seats are one of the results the method allows
    /// (any resolution of a tie is allowed).
    pub fn accepts(&self, reported: &[u64]) -> bool {
        if reported.len() != self.seats.len() {
            return false;
        }
        let mut extra = 0u64;
        for (i, (&r, &c)) in reported.iter().zip(&self.seats).enumerate() {
            if r == c {
                continue;
            }
            let tied = self.tie.as_ref().is_some_and(|t| t.parties.contains(&i));
            if tied && r == c + 1 {
                extra += 1;
            } else {
                return false;
            }
        }
        extra == self.tie.as_ref().map_or(0, |t| t.seats)
    }
}

/// The most seats re-computed: divisor methods work seat by seat, and no
/// body is this large (the largest, China's NPC, has under 3,000).
pub const MAX_SEATS: u64 = 100_000;

/// Which parties pass a threshold of `percent` of `base` votes (at least that share).
pub fn passes_threshold(votes: &[u64], base: u64, percent: Option<&Decimal>) -> Vec<bool> {
    votes
        .iter()
        .map(|&v| match percent {
            None => true,
            // v / base >= units / 10^scale / 100  <=>  v * 100 * 10^scale >= units * base
            Some(p) => (v as u128) * 100 * 10u128.pow(p.scale) >= (p.units.max(0) as u128) * base as u128,
        })
        .collect()
}

/// Allocate `seats` among parties with `votes`; only `eligible` parties (and
/// only those with at least one vote) take part.
pub fn allocate(votes: &[u64], seats: u64, method: Method, eligible: &[bool]) -> Result<Allocation, AllocError> {
    allocate_with(votes, seats, &Params::new(method), eligible)
}

/// [`allocate`] with a first divisor, weights and the step log.
pub fn allocate_with(votes: &[u64], seats: u64, params: &Params, eligible: &[bool]) -> Result<Allocation, AllocError> {
    let eligible: Vec<bool> = votes.iter().zip(eligible).map(|(&v, &e)| e && v > 0).collect();
    if seats > 0 && !eligible.iter().any(|&e| e) {
        return Err(AllocError::NoEligibleParty);
    }
    let mut steps = Vec::new();
    let log = if params.log { Some(&mut steps) } else { None };
    let (seats, tie) = match params.method {
        Method::DHondt | Method::SainteLague | Method::ModifiedSainteLague => highest_averages(votes, seats, params, &eligible, log),
        Method::Plurality | Method::TwoRound => plurality(votes, seats, &eligible, log),
        _ => largest_remainder(votes, seats, params.method, &eligible, log),
    };
    Ok(Allocation { seats, eligible, tie, steps })
}

/// The Alabama paradox: the parties that would hold fewer seats if the body
/// had one seat more (largest-remainder methods only; divisor methods are
/// house-monotone and never show it). Ties either way are not counted.
pub fn alabama(votes: &[u64], seats: u64, params: &Params, eligible: &[bool]) -> Vec<usize> {
    if params.method.is_divisor() || matches!(params.method, Method::Plurality | Method::TwoRound) || seats >= MAX_SEATS {
        return Vec::new();
    }
    let quiet = Params { log: false, ..params.clone() };
    let (Ok(now), Ok(more)) = (allocate_with(votes, seats, &quiet, eligible), allocate_with(votes, seats + 1, &quiet, eligible)) else {
        return Vec::new();
    };
    if now.tie.is_some() || more.tie.is_some() {
        return Vec::new();
    }
    (0..votes.len()).filter(|&i| more.seats[i] < now.seats[i]).collect()
}

/// The divisor for a party's next seat after it holds `held`, as a fraction
/// `num / den` (modified Sainte-Laguë's first divisor is 1.4 = 7/5 unless given).
fn divisor_at(params: &Params, held: u64) -> (u128, u128) {
    let h = held as u128;
    match params.method {
        Method::DHondt => (h + 1, 1),
        Method::ModifiedSainteLague if held == 0 => params.first_divisor,
        _ => (2 * h + 1, 1),
    }
}

/// A party's next quotient `votes / divisor` = `votes * den / num`.
#[derive(Clone, Copy)]
struct Quotient {
    party: usize,
    top: u128, // votes * den
    bottom: u128, // num
}

impl Quotient {
    fn cmp_value(&self, other: &Self) -> Ordering {
        (self.top * other.bottom).cmp(&(other.top * self.bottom))
    }
}

impl PartialEq for Quotient {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Quotient {}
impl PartialOrd for Quotient {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Quotient {
    fn cmp(&self, other: &Self) -> Ordering {
        // Larger quotient first; between equals, the lower index (only to be
        // deterministic: equal quotients at the cut are reported as a tie).
        self.cmp_value(other).then_with(|| other.party.cmp(&self.party))
    }
}

fn quotient(votes: &[u64], params: &Params, party: usize, held: u64) -> Quotient {
    let (num, den) = divisor_at(params, held);
    let (wn, wd) = params.weight(party);
    Quotient { party, top: votes[party] as u128 * den * wn, bottom: num * wd }
}

fn highest_averages(votes: &[u64], seats: u64, params: &Params, eligible: &[bool], mut log: Option<&mut Vec<Step>>) -> (Vec<u64>, Option<Tie>) {
    let mut held = vec![0u64; votes.len()];
    let mut heap: BinaryHeap<Quotient> =
        (0..votes.len()).filter(|&i| eligible[i]).map(|i| quotient(votes, params, i, 0)).collect();
    // The winners of the last run of equal quotients (candidates for a tie).
    let mut last: Option<Quotient> = None;
    let mut run: Vec<usize> = Vec::new();
    for _ in 0..seats {
        let Some(q) = heap.pop() else { break };
        match last {
            Some(l) if l.cmp_value(&q) == Ordering::Equal => run.push(q.party),
            _ => {
                run.clear();
                run.push(q.party);
            }
        }
        last = Some(q);
        held[q.party] += 1;
        if let Some(log) = log.as_deref_mut() {
            log.push(Step::Seat { seat: log.len() as u64 + 1, party: q.party, top: q.top, bottom: q.bottom });
        }
        heap.push(quotient(votes, params, q.party, held[q.party]));
    }
    let Some(last) = last else { return (held, None) };
    // Parties whose next quotient equals the last winning one were tied with it.
    let losers: Vec<usize> = heap.iter().filter(|q| q.cmp_value(&last) == Ordering::Equal).map(|q| q.party).collect();
    if losers.is_empty() {
        return (held, None);
    }
    for &p in &run {
        held[p] -= 1;
    }
    let mut parties: Vec<usize> = run.iter().chain(&losers).copied().collect();
    sort_usize(&mut parties);
    (held, Some(Tie { parties, seats: run.len() as u64 }))
}

/// Plurality: the `seats` lines with the most votes win one seat each.
fn plurality(votes: &[u64], seats: u64, eligible: &[bool], log: Option<&mut Vec<Step>>) -> (Vec<u64>, Option<Tie>) {
    let n = votes.len();
    let mut held = vec![0u64; n];
    let order: Vec<usize> = sorted_indices(n, &|a, b| votes[a] > votes[b]).into_iter().filter(|&i| eligible[i]).collect();
    let k = (seats as usize).min(order.len());
    if k == 0 {
        return (held, None);
    }
    let cut = votes[order[k - 1]];
    let tied: Vec<usize> = order.iter().copied().filter(|&i| votes[i] == cut).collect();
    let won_in_tie = order[..k].iter().filter(|&&i| votes[i] == cut).count();
    let mut log = log;
    for &i in &order[..k] {
        if votes[i] != cut || tied.len() == won_in_tie {
            held[i] = 1;
            if let Some(log) = log.as_deref_mut() {
                log.push(Step::Plurality { party: i, votes: votes[i] });
            }
        }
    }
    if tied.len() == won_in_tie {
        return (held, None);
    }
    let mut tied = tied;
    sort_usize(&mut tied);
    (held, Some(Tie { parties: tied, seats: won_in_tie as u64 }))
}

fn largest_remainder(votes: &[u64], seats: u64, method: Method, eligible: &[bool], mut log: Option<&mut Vec<Step>>) -> (Vec<u64>, Option<Tie>) {
    let n = votes.len();
    let total: u128 = (0..n).filter(|&i| eligible[i]).map(|i| votes[i] as u128).sum();
    let s = seats as u128;
    // seats_i = floor(num_i / den), remainder num_i mod den, one common den.
    let (mult, den) = match method {
        Method::Hare => (s, total),
        Method::HagenbachBischoff => (s + 1, total),
        Method::Imperiali => (s + 2, total),
        _ => (1, total / (s + 1) + 1), // Droop: quota = floor(total / (seats + 1)) + 1
    };
    // The quota as votes per seat: den / mult.
    if let Some(log) = log.as_deref_mut() {
        log.push(Step::Quota { top: den, bottom: mult.max(1) });
    }
    let mut held = vec![0u64; n];
    let mut rem = vec![0u128; n];
    let mut given: u128 = 0;
    for i in (0..n).filter(|&i| eligible[i]) {
        let num = votes[i] as u128 * mult;
        held[i] = (num / den) as u64;
        rem[i] = num % den;
        given += held[i] as u128;
        if let Some(log) = log.as_deref_mut() {
            log.push(Step::Whole { party: i, seats: held[i], remainder_top: rem[i], remainder_bottom: den });
        }
    }
    let parties: Vec<usize> = (0..n).filter(|&i| eligible[i]).collect();
    if parties.is_empty() {
        return (held, None);
    }
    if given <= s {
        let mut left = (s - given) as u64;
        // More seats left than parties (only with absurdly few votes): a seat each, in rounds.
        let rounds = left / parties.len() as u64;
        if rounds > 0 {
            for &i in &parties {
                held[i] += rounds;
            }
            left -= rounds * parties.len() as u64;
        }
        if left == 0 {
            return (held, None);
        }
        // Largest remainders first.
        // Largest remainder first; party order between equals (stable).
        let order: Vec<usize> = sorted_indices(parties.len(), &|a, b| rem[parties[a]] > rem[parties[b]]).into_iter().map(|i| parties[i]).collect();
        let cut = rem[order[left as usize - 1]];
        let tied: Vec<usize> = order.iter().copied().filter(|&i| rem[i] == cut).collect();
        let won_in_tie = order[..left as usize].iter().filter(|&&i| rem[i] == cut).count();
        for &i in &order[..left as usize] {
            if rem[i] != cut || tied.len() == won_in_tie {
                held[i] += 1;
                if let Some(log) = log.as_deref_mut() {
                    log.push(Step::Remainder { party: i, taken_back: false });
                }
            }
        }
        if tied.len() == won_in_tie {
            return (held, None);
        }
        let mut tied = tied;
        sort_usize(&mut tied);
        (held, Some(Tie { parties: tied, seats: won_in_tie as u64 }))
    } else {
        // A low quota (Imperiali; Hagenbach-Bischoff when votes divide
        // exactly) can hand out more whole seats than there are: take them
        // back one at a time from the smallest remainder among seat holders; a
        // seat taken back leaves one more whole quota over, so in rounds.
        let over = (given - s) as usize;
        take_back(held, rem, den, over, &parties, log)
    }
}

/// Take `over` seats back from the holders with the smallest remainders
/// (round by round); a tie at the cut is reported with each tied party's
/// certain seats one lower.
fn take_back(mut held: Vec<u64>, mut rem: Vec<u128>, den: u128, mut over: usize, parties: &[usize], mut log: Option<&mut Vec<Step>>) -> (Vec<u64>, Option<Tie>) {
    while over > 0 {
        let holders: Vec<usize> = parties.iter().copied().filter(|&i| held[i] > 0).collect();
        if holders.is_empty() {
            break;
        }
        let order: Vec<usize> = sorted_indices(holders.len(), &|a, b| rem[holders[a]] < rem[holders[b]]).into_iter().map(|i| holders[i]).collect();
        let take = over.min(order.len());
        let cut = rem[order[take - 1]];
        let tied: Vec<usize> = order.iter().copied().filter(|&i| rem[i] == cut).collect();
        let lost_in_tie = order[..take].iter().filter(|&&i| rem[i] == cut).count();
        let whole_tie = tied.len() == lost_in_tie;
        for &i in &order[..take] {
            if rem[i] != cut || whole_tie {
                held[i] -= 1;
                rem[i] += den;
                if let Some(log) = log.as_deref_mut() {
                    log.push(Step::Remainder { party: i, taken_back: true });
                }
            }
        }
        over -= take;
        if !whole_tie {
            // Every tied party may be the one to lose a seat: certain = held - 1.
            for &i in &tied {
                held[i] -= 1;
            }
            let mut tied = tied;
            sort_usize(&mut tied);
            let keep = (tied.len() - lost_in_tie) as u64;
            return (held, Some(Tie { parties: tied, seats: keep }));
        }
    }
    (held, None)
}

fn sort_usize(v: &mut Vec<usize>) {
    let w = v.clone();
    *v = sorted_indices(w.len(), &|a, b| w[a] < w[b]).into_iter().map(|i| w[i]).collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(votes: &[u64], seats: u64, m: Method) -> Allocation {
        allocate(votes, seats, m, &vec![true; votes.len()]).unwrap()
    }

    #[test]
    fn kazakhstan_2021() {
        // Nur Otan, Ak Zhol, QHP, Auyl, Adal; 7% threshold of the valid total.
        let votes = [5_148_074, 792_828, 659_019, 383_023, 258_618];
        let total: u64 = votes.iter().sum();
        let pct = Decimal::parse("7").unwrap();
        let ok = passes_threshold(&votes, total, Some(&pct));
        assert_eq!(ok, [true, true, true, false, false]);
        let hare = allocate(&votes, 98, Method::Hare, &ok).unwrap();
        assert_eq!(hare.seats, [76, 12, 10, 0, 0]);
        assert_eq!(hare.tie, None);
        let dh = allocate(&votes, 98, Method::DHondt, &ok).unwrap();
        assert_eq!(dh.seats, [77, 12, 9, 0, 0]);
    }

    #[test]
    fn textbook_cases() {
        // Wikipedia's D'Hondt example: 100k/80k/30k/20k, 8 seats -> 4/3/1/0
        assert_eq!(run(&[100_000, 80_000, 30_000, 20_000], 8, Method::DHondt).seats, [4, 3, 1, 0]);
        // Sainte-Laguë, same votes -> 3/3/1/1
        assert_eq!(run(&[100_000, 80_000, 30_000, 20_000], 8, Method::SainteLague).seats, [3, 3, 1, 1]);
        // Largest remainder (Wikipedia): 47,000/16,000/15,800/12,000/6,100/3,100, 10 seats
        let v = [47_000, 16_000, 15_800, 12_000, 6_100, 3_100];
        assert_eq!(run(&v, 10, Method::Hare).seats, [5, 2, 1, 1, 1, 0]);
        assert_eq!(run(&v, 10, Method::Droop).seats, [5, 2, 2, 1, 0, 0]);
        // Modified Sainte-Laguë's 1.4 first divisor holds back small parties.
        assert_eq!(run(&[1000, 100], 7, Method::SainteLague).seats, [6, 1]);
        assert_eq!(run(&[1000, 100], 7, Method::ModifiedSainteLague).seats, [7, 0]);
    }

    #[test]
    fn ties_are_reported_not_broken() {
        let a = run(&[100, 100], 1, Method::DHondt);
        assert_eq!(a.seats, [0, 0]);
        assert_eq!(a.tie, Some(Tie { parties: vec![0, 1], seats: 1 }));
        assert!(a.accepts(&[1, 0]) && a.accepts(&[0, 1]));
        assert!(!a.accepts(&[1, 1]) && !a.accepts(&[0, 0]));

        let h = run(&[100, 100, 100], 4, Method::Hare);
        assert_eq!(h.seats, [1, 1, 1]);
        assert_eq!(h.tie, Some(Tie { parties: vec![0, 1, 2], seats: 1 }));

        // Three parties tied for two seats under D'Hondt.
        let d = run(&[300, 200, 200, 200], 3, Method::DHondt);
        // quotients: 300, 200, 200, 200, 150 -> 300 first, then 2 of the three 200s
        assert_eq!(d.seats, [1, 0, 0, 0]);
        assert_eq!(d.tie, Some(Tie { parties: vec![1, 2, 3], seats: 2 }));
    }

    #[test]
    fn hagenbach_bischoff_exact_overallocation_is_a_tie() {
        // total 200, 1 seat, quota 100: both floors are 1.
        let a = run(&[100, 100], 1, Method::HagenbachBischoff);
        assert_eq!(a.seats, [0, 0]);
        assert_eq!(a.tie, Some(Tie { parties: vec![0, 1], seats: 1 }));
    }

    #[test]
    fn exact_at_a_billion_votes() {
        // A float would call these equal: 1,000,000,001 / 3 vs 1,000,000,000 / 3.
        let a = run(&[3_000_000_003, 3_000_000_000], 1, Method::DHondt);
        assert_eq!(a.seats, [1, 0]);
        assert_eq!(a.tie, None);
        let a = run(&[999_999_999_999, 999_999_999_998, 1], 3, Method::Hare);
        assert_eq!(a.seats, [2, 1, 0]);
    }

    #[test]
    fn zero_vote_and_ineligible_parties_get_nothing() {
        let a = allocate(&[10, 0, 5], 3, Method::DHondt, &[true, true, false]).unwrap();
        assert_eq!(a.seats, [3, 0, 0]);
        assert_eq!(allocate(&[0, 0], 3, Method::Hare, &[true, true]), Err(AllocError::NoEligibleParty));
        assert_eq!(run(&[5, 5], 0, Method::Hare).seats, [0, 0]);
    }
}
