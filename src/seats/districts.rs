//! The seat rules replayed in each district: the method on national or district
//! qualification, candidates elected unopposed, two-round districts.

use super::{base_of, blocked, g, qualify, run_units, units, DistrictRun, Fate, LineRun, Outcome, Problem, Replay};
use crate::allocation::{allocate_with, Allocation, Params, Tie};
use crate::contest::{Contest, District, Level, Method, Party};

/// What every district's run shares: the contest, its parameters, its lines found by
/// name, the threshold's level and the national qualification (at the national level).
struct Rules<'a> {
    c: &'a Contest,
    params: &'a Params,
    find: &'a dyn Fn(&str) -> Option<usize>,
    level: Level,
    national_fates: Option<Vec<Fate>>,
}

/// The districts' runs so far: each national line's seats, the lines a tie leaves in
/// doubt, each district's run and what contradicts the rules.
struct Tally {
    list: Vec<u64>,
    tied_lines: Vec<usize>,
    runs: Vec<DistrictRun>,
    problems: Vec<Problem>,
}

impl Tally {
    /// Credit each district line's seats to its national line (`lines`), noting the tied ones.
    fn credit(&mut self, lines: &[Option<usize>], seats: &[u64], tie: Option<&Tie>) {
        for (j, l) in lines.iter().enumerate() {
            if let Some(i) = *l {
                self.list[i] = self.list[i].saturating_add(seats[j]);
                if tie.is_some_and(|t| t.parties.contains(&j)) {
                    self.tied_lines.push(i);
                }
            }
        }
    }
}

/// The method in each district, on national or district qualification.
pub(super) fn districts(c: &Contest, seats: u64, params: &Params) -> Outcome {
    let names = crate::number::sorted_indices(c.parties.len(), &|a, b| c.parties[a].name < c.parties[b].name);
    let find = |name: &str| -> Option<usize> {
        let k = names.partition_point(|&i| c.parties[i].name.as_str() < name);
        names.get(k).copied().filter(|&i| c.parties[i].name == name)
    };
    let level = c.threshold.as_ref().map_or(Level::National, |t| t.level);
    let national_fates = match national_qualification(c, level) {
        Ok(f) => f,
        Err(o) => return *o,
    };
    let rules = Rules { c, params, find: &find, level, national_fates };
    let mut tally = Tally { list: vec![0u64; c.parties.len()], tied_lines: Vec::new(), runs: Vec::with_capacity(c.districts.len()), problems: Vec::new() };
    let mut sum_seats = 0u64;
    for (d, district) in c.districts.iter().enumerate() {
        let dp = "/districts/".to_string() + &crate::format::int(d as u64);
        let Some(dseats) = district.seats else {
            return blocked(&(dp + "/seats"), "a district's seats are not given: the method cannot be re-run in it");
        };
        sum_seats = sum_seats.saturating_add(dseats);
        if let Err(o) = district_run(&rules, d, district, dseats, &dp, &mut tally) {
            return *o;
        }
    }
    if sum_seats != seats {
        tally.problems.push(Problem { path: "/seats".into(), message: "the districts' seats add up to ".to_string() + &g(sum_seats) + ", but the contest has " + &g(seats) });
    }
    if !tally.problems.is_empty() {
        return Outcome::Problems(tally.problems);
    }
    let fates: Vec<Fate> = match rules.national_fates {
        Some(f) => f,
        None => c.parties.iter().map(|p| if p.role.takes_seats() { Fate::Open } else { Fate::NoSeats }).collect(),
    };
    let Tally { list, tied_lines, runs, .. } = tally;
    let lines = c
        .parties
        .iter()
        .enumerate()
        .map(|(i, _)| LineRun { fate: fates[i], list_seats: list[i], seats: list[i], overhang: 0, tied: tied_lines.contains(&i) })
        .collect();
    let tie = if tied_lines.is_empty() { None } else { Some(Tie { parties: tied_lines, seats: 1 }) };
    Outcome::Replayed(Replay { method: params.method, system: c.system, pool: seats, body: seats, overhang: 0, lines, allocation: None, units: Vec::new(), agreements: Vec::new(), districts: runs, tie })
}

/// National qualification, from the national totals (at the national threshold level only);
/// the outcome that stops the replay, if any.
fn national_qualification(c: &Contest, level: Level) -> Result<Option<Vec<Fate>>, Box<Outcome>> {
    if level != Level::National {
        return Ok(None);
    }
    let votes: Option<Vec<u64>> = c.parties.iter().map(|p| p.votes).collect();
    let Some(votes) = votes else {
        return Err(Box::new(blocked(&("/".to_string() + c.list_key), "national votes are not given for every list: the national threshold cannot be applied")));
    };
    Ok(Some(qualify(c, &c.parties, &votes, base_of(c, None))?))
}

/// District `d` (at `dp`) with its `dseats` seats: its lines found among the national
/// lines, then its seats, as elected unopposed, by two rounds or by the method;
/// the outcome that stops the replay, if any.
fn district_run(rules: &Rules, d: usize, district: &District, dseats: u64, dp: &str, tally: &mut Tally) -> Result<(), Box<Outcome>> {
    let lines: Vec<Option<usize>> = district.parties.iter().map(|p| (rules.find)(&p.name)).collect();
    for (j, l) in lines.iter().enumerate() {
        if l.is_none() {
            tally.problems.push(Problem { path: dp.to_string() + "/parties/" + &crate::format::int(j as u64) + "/name", message: "\"".to_string() + &district.parties[j].name + "\" is not one of the contest's lists (a district's lines name the national lists they count for)" });
        }
    }
    // Elected unopposed (no poll: as many candidates as seats, no votes):
    // each candidate takes a seat, which is checked; nothing to count.
    let standing = district.parties.iter().filter(|p| p.role.takes_seats()).count() as u64;
    if standing == dseats && district.parties.iter().all(|p| p.votes.is_none()) {
        let won: Vec<u64> = district.parties.iter().map(|p| u64::from(p.role.takes_seats())).collect();
        tally.credit(&lines, &won, None);
        let eligible = won.iter().map(|&w| w == 1).collect::<Vec<bool>>();
        let a = Allocation { seats: won, eligible: eligible.clone(), tie: None, steps: Vec::new() };
        tally.runs.push(DistrictRun { district: d, seats: dseats, lines, allocation: Some(a), qualifies: eligible, unopposed: true, runoff: None });
        return Ok(());
    }
    if rules.params.method == Method::TwoRound {
        match two_round(rules.c, district, dseats, rules.params.log, rules.find, dp) {
            Ok((a, runoff)) => {
                tally.credit(runoff.as_ref().unwrap_or(&lines), &a.seats, a.tie.as_ref());
                let qualifies = vec![true; district.parties.len()];
                tally.runs.push(DistrictRun { district: d, seats: dseats, lines, allocation: Some(a), qualifies, unopposed: false, runoff });
            }
            Err(p) => tally.problems.push(p),
        }
        return Ok(());
    }
    method_run(rules, d, district, dseats, lines, dp, tally)
}

/// The method over a district's lines that qualify (nationally or in the district).
fn method_run(rules: &Rules, d: usize, district: &District, dseats: u64, lines: Vec<Option<usize>>, dp: &str, tally: &mut Tally) -> Result<(), Box<Outcome>> {
    let (c, params) = (rules.c, rules.params);
    // A line that takes no seats (write-ins, against all) changes nothing
    // unless a district threshold is taken of all the votes: its unknown
    // votes count as none.
    let unknown_ok = |p: &Party| !p.role.takes_seats() && rules.level != Level::District;
    let Some(votes) = district.parties.iter().map(|p| p.votes.or(if unknown_ok(p) { Some(0) } else { None })).collect::<Option<Vec<u64>>>() else {
        let j = district.parties.iter().position(|p| p.votes.is_none() && !unknown_ok(p)).unwrap_or(0);
        return Err(Box::new(blocked(&(dp.to_string() + "/parties/" + &crate::format::int(j as u64) + "/votes"), "votes are not given for every line of a district: the method cannot be re-run in it")));
    };
    let qualifies: Vec<bool> = match &rules.national_fates {
        Some(f) => lines.iter().zip(&district.parties).map(|(l, p)| p.role.takes_seats() && l.is_some_and(|i| f[i].qualifies())).collect(),
        None => qualify(c, &district.parties, &votes, base_of(c, Some(d)))?.iter().map(|f| f.qualifies()).collect(),
    };
    let mut dparams = params.clone();
    dparams.weights = lines.iter().map(|l| l.and_then(|i| params.weights.get(i).copied()).unwrap_or((1, 1))).collect();
    let units = units(c, &district.parties, &qualifies);
    match run_units(&votes, &qualifies, &units, dseats, &dparams) {
        Ok((a, dl, tie, _)) => {
            tally.credit(&lines, &dl, tie.as_ref());
            let mut a = a;
            a.seats = dl;
            a.tie = tie;
            tally.runs.push(DistrictRun { district: d, seats: dseats, lines, allocation: Some(a), qualifies, unopposed: false, runoff: None });
        }
        Err(_) if dseats == 0 => tally.runs.push(DistrictRun { district: d, seats: 0, lines, allocation: None, qualifies, unopposed: false, runoff: None }),
        Err(_) => tally.problems.push(Problem { path: dp.to_string(), message: "no line of this district qualifies with a vote, so its seats cannot be allocated".into() }),
    }
    Ok(())
}

/// One district of a two-round election: the second round's most votes when
/// it was held; else the first round's leader, who needs more than half the
/// valid votes (and the quorum of the electorate, where one is given).
#[allow(clippy::type_complexity)]
fn two_round(c: &Contest, district: &District, seats: u64, log: bool, find: &dyn Fn(&str) -> Option<usize>, dp: &str) -> Result<(Allocation, Option<Vec<Option<usize>>>), Problem> {
    let problem = |path: String, message: String| Problem { path, message };
    let plurality = |parties: &[Party], at: &str| -> Result<Allocation, Problem> {
        let Some(votes) = parties.iter().map(|p| p.votes.or(if p.role.takes_seats() { None } else { Some(0) })).collect::<Option<Vec<u64>>>() else {
            return Err(problem(at.to_string(), "votes are not given for every candidate: the seat cannot be re-computed".into()));
        };
        let eligible: Vec<bool> = parties.iter().map(|p| p.role.takes_seats()).collect();
        allocate_with(&votes, seats, &Params { log, ..Params::new(Method::Plurality) }, &eligible).map_err(|_| problem(at.to_string(), "no candidate has a vote".into()))
    };
    if let Some(r) = &district.runoff {
        let runoff_lines: Vec<Option<usize>> = r.parties.iter().map(|p| find(&p.name)).collect();
        if let Some(j) = runoff_lines.iter().position(|l| l.is_none()) {
            return Err(problem(dp.to_string() + "/runoff/parties/" + &crate::format::int(j as u64) + "/name", "\"".to_string() + &r.parties[j].name + "\" is not one of the contest's lines"));
        }
        let a = plurality(&r.parties, &(dp.to_string() + "/runoff"))?;
        return Ok((a, Some(runoff_lines)));
    }
    let a = plurality(&district.parties, dp)?;
    // Who leads, and whether the first round was enough.
    let Some(top) = (0..district.parties.len()).filter(|&j| a.seats[j] > 0).max_by_key(|&j| district.parties[j].votes.unwrap_or(0)) else {
        return Ok((a, None));
    };
    let votes = district.parties[top].votes.unwrap_or(0) as u128;
    let valid = district.ballots.valid.unwrap_or_else(|| district.parties.iter().map(|p| p.votes.unwrap_or(0)).sum()) as u128;
    let who = district.parties[top].candidate.clone().unwrap_or_else(|| district.parties[top].name.clone());
    if seats == 1 && votes * 2 <= valid {
        return Err(problem(dp.to_string() + "/parties/" + &crate::format::int(top as u64) + "/votes",
            who + " leads the first round with " + &g(votes as u64) + " of " + &g(valid as u64) + " valid votes, not more than half, and no second round (\"runoff\") is given"));
    }
    if let (Some(q), Some(e), 1) = (&c.first_round_quorum, district.electorate, seats) {
        // votes / electorate >= q / 100  <=>  votes * 100 * 10^scale >= units * electorate
        if votes * 100 * 10u128.pow(q.scale) < (q.units.max(0) as u128) * e as u128 {
            return Err(problem(dp.to_string() + "/parties/" + &crate::format::int(top as u64) + "/votes",
                who + " has a first-round majority but " + &g(votes as u64) + " votes are under " + &crate::format::percent(q, &crate::format::EN) + " of the " + &g(e) + " registered voters, and no second round (\"runoff\") is given"));
        }
    }
    Ok((a, None))
}
