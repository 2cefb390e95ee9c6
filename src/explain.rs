//! The replay of an election's seat rules in words, round by round, for
//! `tallyboard seats --explain`: who qualified and why, each divisor seat with
//! the quotient that won it, the quota and the remainders, each agreement's
//! split, each district.

use crate::allocation::{Allocation, Step};
use crate::contest::{Contest, Party, System};
use crate::format::{grouped, int, percent, EN};
use crate::seats::{Fate, Replay};

fn g(n: u64) -> String {
    grouped(n, &EN)
}

/// `top / bottom` exactly when it has at most two decimals ("74,430.5"),
/// else rounded to two ("≈ 12,345.67").
fn fraction(top: u128, bottom: u128) -> String {
    if bottom == 0 {
        return "∞".into();
    }
    let whole = top / bottom;
    let rest = top % bottom;
    let w = grouped(whole.min(u64::MAX as u128) as u64, &EN);
    if rest == 0 {
        return w;
    }
    if (rest * 100) % bottom == 0 {
        let cents = rest * 100 / bottom;
        let digits = if cents % 10 == 0 { int((cents / 10) as u64) } else { (if cents < 10 { "0" } else { "" }).to_string() + &int(cents as u64) };
        return w + "." + &digits;
    }
    let cents = (rest * 200 / bottom + 1) / 2;
    let (w, cents) = if cents == 100 { (grouped((whole + 1).min(u64::MAX as u128) as u64, &EN), 0) } else { (w, cents) };
    "≈ ".to_string() + &w + "." + if cents < 10 { "0" } else { "" } + &int(cents as u64)
}

fn name(lines: &[Party], i: usize) -> &str {
    match &lines[i].candidate {
        Some(c) => c,
        None => &lines[i].name,
    }
}

/// The whole explanation of one contest's replay.
pub fn explain(c: &Contest, run: &Replay) -> String {
    let mut out = String::new();
    let title = c.title.as_deref().or(c.id.as_deref()).unwrap_or("(untitled)");
    out += &(title.to_string() + ": " + &crate::seat_check::how(c) + "\n");
    match c.system {
        System::List => {}
        System::Mmp => out += &("  mixed-member proportional: ".to_string() + &g(run.pool) + " seats shared as entitlements; body " + &g(run.body) + " (" + &g(run.overhang) + " overhang)\n"),
        System::Parallel => out += &("  parallel: ".to_string() + &g(run.pool) + " list seats; body " + &g(run.body) + " with the district seats\n"),
    }
    qualification(c, run, &mut out);
    if let Some(a) = &run.allocation {
        out += "  allocation:\n";
        let unit_names: Vec<String> = run.units.iter().map(|u| u.iter().map(|&i| name(&c.parties, i)).collect::<Vec<_>>().join(" + ")).collect();
        steps(a, &unit_names, "    ", &mut out);
        paradox(c, run, a, &unit_names, &mut out);
    }
    for ag in &run.agreements {
        let (a, b) = (ag.parties[0], ag.parties[1]);
        out += &("  surplus agreement ".to_string() + &c.parties[a].name + " + " + &c.parties[b].name + ": " + &g(ag.seats) + " seats split by the same method: "
            + &c.parties[a].name + " " + &g(ag.split.seats[0]) + ", " + &c.parties[b].name + " " + &g(ag.split.seats[1]) + "\n");
    }
    for d in &run.districts {
        let district = &c.districts[d.district];
        out += &("  district ".to_string() + &district.name + " (" + &g(d.seats) + " seat" + if d.seats == 1 { "" } else { "s" } + "):");
        let Some(a) = &d.allocation else {
            out += " no seats\n";
            continue;
        };
        let decided = match (&d.runoff, &district.runoff) {
            (Some(_), Some(r)) => &r.parties[..],
            _ => &district.parties[..],
        };
        let won: Vec<String> = (0..a.seats.len()).filter(|&j| a.seats[j] > 0).map(|j| name(decided, j).to_string() + " " + &g(a.seats[j])).collect();
        let how = if d.unopposed {
            " (elected unopposed, no poll)"
        } else if d.runoff.is_some() {
            " (second round)"
        } else if c.method == Some(crate::contest::Method::TwoRound) {
            " (first round)"
        } else {
            ""
        };
        out += &(" ".to_string() + &won.join(", ") + how + "\n");
        let names: Vec<String> = (0..decided.len()).map(|j| name(decided, j).to_string()).collect();
        steps(a, &names, "    ", &mut out);
    }
    out += "  result:";
    for (p, l) in c.parties.iter().zip(&run.lines) {
        if l.seats > 0 || l.tied {
            out += &(" ".to_string() + &p.name + " " + &g(l.seats) + if l.tied { "+?" } else { "" } + ";");
        }
    }
    out.pop();
    out += "\n";
    if let Some(t) = &run.tie {
        let names: Vec<&str> = t.parties.iter().map(|&i| c.parties[i].name.as_str()).collect();
        out += &("  tie: ".to_string() + &int(t.seats) + " seat(s) in doubt between " + &names.join(", ") + "\n");
    }
    out
}

/// Said, not raised: a largest-remainder result that one more seat would
/// take from a list (the Alabama paradox) is lawful, and worth knowing.
fn paradox(c: &Contest, run: &Replay, a: &Allocation, names: &[String], out: &mut String) {
    let votes: Vec<u64> = run.units.iter().map(|u| u.iter().map(|&i| c.parties[i].votes.unwrap_or(0)).sum()).collect();
    let params = crate::allocation::Params::new(run.method);
    let losers = crate::allocation::alabama(&votes, run.pool, &params, &a.eligible);
    if !losers.is_empty() {
        let who: Vec<&str> = losers.iter().map(|&i| names[i].as_str()).collect();
        *out += &("  the Alabama paradox: with ".to_string() + &g(run.pool + 1) + " seats, " + &who.join(", ") + " would hold one seat fewer (lawful under a largest-remainder method)\n");
    }
}

fn qualification(c: &Contest, run: &Replay, out: &mut String) {
    let Some(t) = &c.threshold else { return };
    // No threshold to speak of (0%, as first-past-the-post documents state it): nothing to say.
    if t.percent.units == 0 && run.lines.iter().all(|l| matches!(l.fate, Fate::Open | Fate::Passed { .. } | Fate::NoSeats | Fate::DistrictOnly)) {
        return;
    }
    let mut passed = Vec::new();
    let mut below = Vec::new();
    for (p, l) in c.parties.iter().zip(&run.lines) {
        match l.fate {
            Fate::Passed { .. } | Fate::Open => passed.push(p.name.clone()),
            Fate::Below { needed } => below.push(p.name.clone() + " (needs " + &percent(&needed, &EN) + ")"),
            Fate::Exempt => passed.push(p.name.clone() + " (minority, exempt)"),
            Fate::ByDistrictSeats { seats } => passed.push(p.name.clone() + " (by " + &g(seats) + " district seats)"),
            Fate::Admitted => passed.push(p.name.clone() + " (admitted: fewer than " + &g(t.min_qualifying.unwrap_or(0)) + " passed)"),
            Fate::NoSeats | Fate::DistrictOnly => {}
        }
    }
    if c.districts.is_empty() || t.level == crate::contest::Level::National {
        *out += &("  qualify: ".to_string() + &passed.join(", ") + "\n");
        if !below.is_empty() {
            *out += &("  below the threshold: ".to_string() + &below.join(", ") + "\n");
        }
    } else {
        *out += "  the threshold is applied in each district\n";
    }
}

/// A run's steps: each divisor seat with its quotient, or the quota, the whole seats and the remainders.
fn steps(a: &Allocation, names: &[String], indent: &str, out: &mut String) {
    for s in &a.steps {
        let line = match s {
            Step::Seat { seat, party, top, bottom } => "seat ".to_string() + &g(*seat) + ": " + &names[*party] + ", quotient " + &fraction(*top, *bottom),
            Step::Quota { top, bottom } => "quota: ".to_string() + &fraction(*top, *bottom) + " votes per seat",
            Step::Whole { party, seats, remainder_top, remainder_bottom } => {
                if *seats == 0 && *remainder_top == 0 {
                    continue;
                }
                names[*party].clone() + ": " + &g(*seats) + " whole quota" + if *seats == 1 { "" } else { "s" } + ", remainder " + &fraction(*remainder_top * 100, *remainder_bottom) + "% of a quota"
            }
            Step::Remainder { party, taken_back: false } => "a remainder seat: ".to_string() + &names[*party],
            Step::Remainder { party, taken_back: true } => "one seat too many, taken back from the smallest remainder: ".to_string() + &names[*party],
            Step::Plurality { party, votes } => names[*party].clone() + " wins with " + &g(*votes) + " votes",
        };
        *out += indent;
        *out += &line;
        *out += "\n";
    }
}
