//! The seat rules of an election, replayed exactly: who qualifies (the
//! threshold, what exempts a list from it or holds it to more), the allocation
//! (the method, a minority factor, surplus agreements), the system (list,
//! mixed-member proportional, parallel) and the districts. One replay serves
//! the validator, `tallyboard seats` (with `--explain`) and the card.

use crate::allocation::{allocate_with, AllocError, Allocation, Params, Tie, MAX_SEATS};
use crate::contest::{Base, Contest, Method, Party, Role, System, Threshold};
use crate::number::Decimal;
use serde::Serialize;

mod districts;
use districts::districts;

/// Why a line does or does not take part in the allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "fate", rename_all = "kebab-case")]
pub enum Fate {
    /// There is no threshold.
    Open,
    /// At or above the threshold that applies to it.
    Passed { needed: Decimal },
    /// Below it.
    Below { needed: Decimal },
    /// A minority list, exempt from the threshold.
    Exempt,
    /// Qualified by this many single-member district seats.
    ByDistrictSeats { seats: u64 },
    /// Admitted because fewer than `min_qualifying` lists passed.
    Admitted,
    /// A line that takes no seats (others, against all, blank).
    NoSeats,
    /// An independent who holds district seats only (mmp, parallel).
    DistrictOnly,
}

impl Fate {
    pub fn qualifies(self) -> bool {
        matches!(self, Fate::Open | Fate::Passed { .. } | Fate::Exempt | Fate::ByDistrictSeats { .. } | Fate::Admitted)
    }
}

/// What the rules give one line of the results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineRun {
    pub fate: Fate,
    /// The method's seats (mmp: the entitlement), certain ones.
    pub list_seats: u64,
    /// Seats the rules give in all (list seats, plus district seats where they come on top).
    pub seats: u64,
    /// Overhang: district seats beyond the entitlement (mmp).
    pub overhang: u64,
    /// Whether a tie leaves one more seat possible.
    pub tied: bool,
}

/// One district's run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DistrictRun {
    pub district: usize,
    pub seats: u64,
    /// Index of each district line's national line.
    pub lines: Vec<Option<usize>>,
    pub allocation: Option<Allocation>,
    pub qualifies: Vec<bool>,
    /// No poll: as many candidates as seats, each elected unopposed.
    pub unopposed: bool,
    /// Two-round: the second round decided the seat (`allocation` is over the runoff's lines).
    pub runoff: Option<Vec<Option<usize>>>,
}

/// A surplus agreement that took part: the pair and the seats it won together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgreementRun {
    pub parties: [usize; 2],
    pub seats: u64,
    pub split: Allocation,
}

/// A rule key that contradicts the data: an error at `path` (under the contest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

/// The replay of a contest's seat rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replay {
    pub method: Method,
    pub system: System,
    /// The seats the method shares out (mmp: after taking off district seats of non-qualifying lines).
    pub pool: u64,
    /// The body the rules fill: seats + overhang (mmp) or + district seats (parallel).
    pub body: u64,
    pub overhang: u64,
    pub lines: Vec<LineRun>,
    /// The national run, over allocation units (a surplus agreement is one unit).
    pub allocation: Option<Allocation>,
    /// The unit of each unit's members: `units[u]` lists parties.
    pub units: Vec<Vec<usize>>,
    pub agreements: Vec<AgreementRun>,
    pub districts: Vec<DistrictRun>,
    pub tie: Option<Tie>,
}

/// Why the rules cannot be replayed (info), or what contradicts them (errors).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Outcome {
    Blocked { path: String, message: String },
    Problems(Vec<Problem>),
    Replayed(Replay),
}

/// The first divisor and a weight as exact fractions; at most 4 decimals, at most 100.
fn fraction(d: &Decimal) -> Option<(u128, u128)> {
    if d.scale > 4 || d.units <= 0 || d.cmp_int(100) == std::cmp::Ordering::Greater {
        return None;
    }
    Some((d.units as u128, 10u128.pow(d.scale)))
}

/// Replay the seat rules of an election (`log`: keep the step log for `--explain`).
pub fn replay(c: &Contest, log: bool) -> Outcome {
    let Some(method) = c.method else {
        return blocked("/method", "no allocation method is declared: the seats are not re-computed from the votes");
    };
    let Some(seats) = c.seats else {
        return blocked("/seats", "the total number of seats is not given: the method cannot be re-run");
    };
    if seats > MAX_SEATS {
        return blocked("/seats", "the seats are not re-computed for a body of more than 100,000 seats");
    }
    let problems = rule_problems(c, method);
    if !problems.is_empty() {
        return Outcome::Problems(problems);
    }
    let params = params(c, method, log);
    if !c.districts.is_empty() {
        return districts(c, seats, &params);
    }
    let votes: Vec<u64> = match c.parties.iter().map(|p| if p.district_only() { Some(0) } else { p.votes }).collect() {
        Some(v) => v,
        None => return blocked("/method", "votes are not given for every party: the method cannot be re-run"),
    };
    let fates = match qualify(c, &c.parties, &votes, base_of(c, None)) {
        Ok(f) => f,
        Err(o) => return o,
    };
    national(c, seats, &params, votes, fates)
}

fn blocked(path: &str, message: &str) -> Outcome {
    Outcome::Blocked { path: path.to_string(), message: message.to_string() }
}

/// The rule keys that contradict the data.
fn rule_problems(c: &Contest, method: Method) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |path: String, message: String| out.push(Problem { path, message });
    let lp = "/".to_string() + c.list_key + "/";
    if let Some(f) = &c.minority_factor {
        if fraction(f).is_none() || f.cmp_int(1) == std::cmp::Ordering::Less {
            push("/minority_factor".into(), "a minority factor is a number from 1 to 100 with at most 4 decimals".into());
        } else if !c.parties.iter().any(|p| p.minority) {
            push("/minority_factor".into(), "a minority factor is given, but no list is marked \"minority\": true".into());
        } else if !method.is_divisor() {
            push("/minority_factor".into(), "a minority factor multiplies quotients: it needs a divisor method (D'Hondt or Sainte-Laguë), not ".to_string() + method.label());
        }
    }
    if let Some(f) = &c.first_divisor {
        if fraction(f).is_none() {
            push("/first_divisor".into(), "a first divisor is a number above 0, at most 100, with at most 4 decimals".into());
        } else if method != Method::ModifiedSainteLague {
            push("/first_divisor".into(), "a first divisor belongs to \"modified-sainte-lague\", not ".to_string() + method.label());
        }
    }
    for (i, p) in c.parties.iter().enumerate() {
        let here = lp.clone() + &crate::format::int(i as u64);
        if let (Some(d), Some(s)) = (p.district_seats, p.seats) {
            if d > s {
                push(here.clone() + "/district_seats", "\"".to_string() + &p.name + "\": " + &g(d) + " district seats, more than its " + &g(s) + " seats");
            }
        }
        if !p.role.takes_seats() && p.seats.is_some_and(|s| s > 0) {
            push(here.clone() + "/seats", "\"".to_string() + &p.name + "\" is a line of role \"" + Role::KEYS[p.role as usize] + "\", which takes no seats, but it has " + &g(p.seats.unwrap_or(0)));
        }
        if p.alliance_of.is_some_and(|n| n < 2) {
            push(here + "/alliance_of", "a joint list is of 2 or more parties".into());
        }
    }
    for (k, pair) in c.surplus_agreements.iter().enumerate() {
        for (j, name) in pair.iter().enumerate() {
            if !c.parties.iter().any(|p| &p.name == name) {
                push("/surplus_agreements/".to_string() + &crate::format::int(k as u64) + "/" + &crate::format::int(j as u64), "the agreement names \"".to_string() + name + "\", which is not a list of this contest");
            }
        }
        if pair[0] == pair[1] {
            push("/surplus_agreements/".to_string() + &crate::format::int(k as u64), "an agreement is between two different lists".into());
        }
    }
    out
}

fn params(c: &Contest, method: Method, log: bool) -> Params {
    let mut p = Params::new(method);
    p.log = log;
    if let Some(f) = c.first_divisor.as_ref().and_then(fraction) {
        p.first_divisor = f;
    }
    if let Some(w) = c.minority_factor.as_ref().and_then(fraction) {
        p.weights = c.parties.iter().map(|l| if l.minority { w } else { (1, 1) }).collect();
    }
    p
}

/// The threshold's base for the national totals (`None`) or a district's.
fn base_of(c: &Contest, district: Option<usize>) -> Option<u64> {
    let of = c.threshold.as_ref().map_or(Base::Valid, |t| t.of);
    let (ballots, lines) = match district {
        None => (&c.ballots, &c.parties),
        Some(d) => (&c.districts[d].ballots, &c.districts[d].parties),
    };
    match of {
        Base::Cast => ballots.cast,
        Base::Valid => ballots.valid.or_else(|| lines.iter().filter(|p| !p.district_only()).try_fold(0u64, |a, p| a.checked_add(p.votes?))),
    }
}

/// The percent a line must reach: the alliance threshold for a joint list, else the threshold's.
fn needed(t: &Threshold, p: &Party) -> Decimal {
    let n = p.alliance_of.unwrap_or(1);
    t.alliances.iter().rev().find(|a| n >= a.0).map_or(t.percent, |a| a.1)
}

fn reaches(votes: u64, base: u64, p: &Decimal) -> bool {
    (votes as u128) * 100 * 10u128.pow(p.scale) >= (p.units.max(0) as u128) * base as u128
}

/// Each line's fate under the threshold (national totals, or one district's lines).
fn qualify(c: &Contest, lines: &[Party], votes: &[u64], base: Option<u64>) -> Result<Vec<Fate>, Outcome> {
    let separate = c.system != System::List;
    let mut fates: Vec<Fate> = lines
        .iter()
        .map(|p| match p.role {
            Role::Others | Role::AgainstAll | Role::Blank => Fate::NoSeats,
            Role::Independent if separate => Fate::DistrictOnly,
            _ => Fate::Open,
        })
        .collect();
    let Some(t) = &c.threshold else { return Ok(fates) };
    let Some(base) = base else {
        return Err(blocked("/threshold/of", "the threshold's base (ballots cast) is not given: the method cannot be re-run"));
    };
    for (i, p) in lines.iter().enumerate() {
        if fates[i] != Fate::Open {
            continue;
        }
        let need = needed(t, p);
        fates[i] = if reaches(votes[i], base, &need) {
            Fate::Passed { needed: need }
        } else if t.minorities_exempt && p.minority {
            Fate::Exempt
        } else if t.or_district_seats.is_some_and(|n| p.district_seats.unwrap_or(0) >= n) {
            Fate::ByDistrictSeats { seats: p.district_seats.unwrap_or(0) }
        } else {
            Fate::Below { needed: need }
        };
    }
    if let Some(min) = t.min_qualifying {
        let mut have = fates.iter().filter(|f| f.qualifies()).count() as u64;
        let order = crate::number::sorted_indices(lines.len(), &|a, b| votes[a] > votes[b]);
        for i in order {
            if have >= min {
                break;
            }
            if matches!(fates[i], Fate::Below { .. }) && votes[i] > 0 {
                fates[i] = Fate::Admitted;
                have += 1;
            }
        }
    }
    Ok(fates)
}

/// Allocation units: each qualifying line alone, or two in a surplus agreement.
fn units(c: &Contest, lines: &[Party], ok: &[bool]) -> Vec<Vec<usize>> {
    let mut unit_of: Vec<Option<usize>> = vec![None; lines.len()];
    let mut units: Vec<Vec<usize>> = Vec::new();
    for pair in &c.surplus_agreements {
        let a = lines.iter().position(|p| p.name == pair[0]);
        let b = lines.iter().position(|p| p.name == pair[1]);
        if let (Some(a), Some(b)) = (a, b) {
            if ok[a] && ok[b] && unit_of[a].is_none() && unit_of[b].is_none() && a != b {
                unit_of[a] = Some(units.len());
                unit_of[b] = Some(units.len());
                units.push(vec![a, b]);
            }
        }
    }
    for i in 0..lines.len() {
        if unit_of[i].is_none() {
            units.push(vec![i]);
        }
    }
    units
}

/// Run the method over units, then split each agreement's seats by the same method.
/// Returns the seats of each line, the tie (over lines) and the agreements' runs.
fn run_units(
    votes: &[u64],
    ok: &[bool],
    units: &[Vec<usize>],
    pool: u64,
    params: &Params,
) -> Result<(Allocation, Vec<u64>, Option<Tie>, Vec<AgreementRun>), AllocError> {
    let uv: Vec<u64> = units.iter().map(|u| u.iter().map(|&i| votes[i]).sum()).collect();
    let uok: Vec<bool> = units.iter().map(|u| u.iter().all(|&i| ok[i])).collect();
    let mut up = params.clone();
    up.weights = units.iter().map(|u| if u.len() == 1 { params.weights.get(u[0]).copied().unwrap_or((1, 1)) } else { (1, 1) }).collect();
    let a = allocate_with(&uv, pool, &up, &uok)?;
    let mut seats = vec![0u64; votes.len()];
    let mut tied: Vec<usize> = Vec::new();
    let mut agreements = Vec::new();
    for (k, u) in units.iter().enumerate() {
        if u.len() == 1 {
            seats[u[0]] = a.seats[k];
            continue;
        }
        let mut sp = Params::new(params.method);
        sp.log = params.log;
        sp.first_divisor = params.first_divisor;
        let pv = [votes[u[0]], votes[u[1]]];
        let split = allocate_with(&pv, a.seats[k], &sp, &[true, true]).unwrap_or(Allocation { seats: vec![0, 0], eligible: vec![true, true], tie: None, steps: Vec::new() });
        seats[u[0]] = split.seats[0];
        seats[u[1]] = split.seats[1];
        if split.tie.is_some() {
            tied.extend_from_slice(u);
        }
        agreements.push(AgreementRun { parties: [u[0], u[1]], seats: a.seats[k], split });
    }
    let mut tie_seats = 0;
    if let Some(t) = &a.tie {
        tie_seats = t.seats;
        for &k in &t.parties {
            tied.extend_from_slice(&units[k]);
        }
    }
    let tie = if tied.is_empty() { None } else { Some(Tie { parties: tied, seats: tie_seats.max(1) }) };
    Ok((a, seats, tie, agreements))
}

fn national(c: &Contest, seats: u64, params: &Params, votes: Vec<u64>, fates: Vec<Fate>) -> Outcome {
    let ok: Vec<bool> = fates.iter().map(|f| f.qualifies()).collect();
    // mmp: district seats of lines that do not take part come off the seats shared.
    let mut pool = seats;
    if c.system == System::Mmp {
        let off: u64 = c.parties.iter().zip(&ok).filter(|(_, &q)| !q).map(|(p, _)| p.district_seats.unwrap_or(0)).fold(0u64, |a, b| a.saturating_add(b));
        pool = seats.saturating_sub(off);
    }
    let units = units(c, &c.parties, &ok);
    let (allocation, list, tie, agreements) = match run_units(&votes, &ok, &units, pool, params) {
        Ok(r) => r,
        Err(AllocError::NoEligibleParty) => {
            return Outcome::Problems(vec![Problem { path: "/threshold".into(), message: "no party passes the threshold with a vote, so no seats can be allocated".into() }])
        }
    };
    let mut lines = Vec::with_capacity(c.parties.len());
    let (mut overhang, mut district_total) = (0u64, 0u64);
    for (i, p) in c.parties.iter().enumerate() {
        let ds = p.district_seats.unwrap_or(0);
        district_total = district_total.saturating_add(ds);
        let tied = tie.as_ref().is_some_and(|t| t.parties.contains(&i));
        let (total, over) = match c.system {
            System::List => (list[i], 0),
            System::Parallel => (list[i].saturating_add(ds), 0),
            System::Mmp if ok[i] => (list[i].max(ds), ds.saturating_sub(list[i])),
            System::Mmp => (ds, 0),
        };
        overhang = overhang.saturating_add(over);
        lines.push(LineRun { fate: fates[i], list_seats: list[i], seats: total, overhang: over, tied });
    }
    let body = match c.system {
        System::List => seats,
        System::Parallel => seats.saturating_add(district_total),
        System::Mmp => seats.saturating_add(overhang),
    };
    Outcome::Replayed(Replay { method: params.method, system: c.system, pool, body, overhang, lines, allocation: Some(allocation), units, agreements, districts: Vec::new(), tie })
}

fn g(n: u64) -> String {
    crate::format::grouped(n, &crate::format::EN)
}
