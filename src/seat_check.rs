//! Seat findings: the reported seats against the body and against the
//! declared rules replayed by [`crate::seats`], with each rule that decided a
//! list's fate said in words, and the districts against the national totals.

use crate::contest::{Contest, System};
use crate::format::{grouped, int, percent, EN};
use crate::report::Report;
use crate::seats::{replay, Fate, Outcome, Replay};

fn g(n: u64) -> String {
    grouped(n, &EN)
}

fn g128(n: u128) -> String {
    grouped(n.min(u64::MAX as u128) as u64, &EN) + if n > u64::MAX as u128 { "+" } else { "" }
}

fn q(name: &str) -> String {
    "\"".to_string() + name + "\""
}

/// Seats: each line against the body, the sum, the rules replayed, the districts.
pub fn seats(c: &Contest, path: &str, r: &mut Report) {
    let lp = path.to_string() + "/" + c.list_key + "/";
    let outcome = replay(c, false);
    let run = match &outcome {
        Outcome::Replayed(run) => Some(run),
        _ => None,
    };
    let body = run.map(|run| run.body).or_else(|| c.body_seats());
    if let (Some(m), Some(s)) = (c.majority, body) {
        if m > s {
            r.error("seats/majority-over-total", &(path.to_string() + "/majority"), || "a majority of ".to_string() + &g(m) + " is more than the " + &g(s) + " seats");
        }
    }
    // A line claiming more seats than its body is an error before any sum or drawing.
    let mut claims_fit = true;
    if let Some(b) = body {
        for (i, p) in c.parties.iter().enumerate() {
            if let Some(s) = p.seats.filter(|&s| s > b) {
                claims_fit = false;
                r.error("seats/over-body", &(lp.clone() + &int(i as u64) + "/seats"), || q(&p.name) + " is given " + &g(s) + " seats, more than the " + &g(b) + " of the whole body");
            }
        }
    }
    sum(c, path, body, run, r);
    if let Some(run) = run {
        if c.system != System::List {
            let what = if c.system == System::Mmp { " overhang" } else { " district seats" };
            let extra = run.body - c.seats.unwrap_or(0);
            r.info("seats/body", &(path.to_string() + "/seats"), || "the body: ".to_string() + &g(run.body) + " seats = " + &g(c.seats.unwrap_or(0)) + " + " + &g(extra) + what);
        }
    }
    match outcome {
        Outcome::Blocked { path: p, message } => {
            if c.parties.iter().any(|p| p.seats.is_some()) || c.method.is_some() {
                r.info("check/blocked", &(path.to_string() + &p), || message);
            }
        }
        Outcome::Problems(problems) => {
            for p in problems {
                r.error("seats/rule", &(path.to_string() + &p.path), || p.message);
            }
        }
        Outcome::Replayed(run) if claims_fit => {
            fates(c, path, &run, r);
            tie(c, path, &run, r);
            compare(c, path, &run, r);
            districts(c, path, &run, r);
        }
        Outcome::Replayed(_) => {}
    }
}

fn sum(c: &Contest, path: &str, body: Option<u64>, run: Option<&Replay>, r: &mut Report) {
    let any = c.parties.iter().any(|p| p.seats.is_some());
    let reported: Option<u128> = c.parties.iter().map(|p| p.seats.map(u128::from)).sum();
    match (body, reported) {
        // A count still open: fewer seats than the body is where it stands, not an error.
        (Some(total), Some(sum)) if c.count.open() && sum < total as u128 => r.info(
            "check/waiting",
            &(path.to_string() + "/seats"),
            || "the count is not over: the parties' seats add up to ".to_string() + &g128(sum) + " of the " + &g(total) + "; the seat sum waits for the final count",
        ),
        (Some(total), None) if c.count.open() && any => r.info(
            "check/waiting",
            &(path.to_string() + "/seats"),
            || "the count is not over: seats are given for some lines only (the rest of the ".to_string() + &g(total) + " are unassigned); the seat sum waits for the final count",
        ),
        (Some(total), Some(sum)) if sum != total as u128 => {
            let mut msg = "the parties' seats add up to ".to_string() + &g128(sum) + ", but the body has " + &g(total) + " seats";
            if let Some(run) = run.filter(|run| run.overhang > 0) {
                msg += " (";
                msg += &g(c.seats.unwrap_or(0));
                msg += " + ";
                msg += &g(run.overhang);
                msg += " overhang)";
            }
            r.error("seats/sum-mismatch", &(path.to_string() + "/seats"), || msg);
        }
        (None, Some(_)) if any => r.info("check/blocked", &(path.to_string() + "/seats"), || "the total number of seats is not given: the seat sum is not checked".to_string()),
        (Some(_), None) if any => {
            let missing = c.parties.iter().position(|p| p.seats.is_none()).unwrap_or(0);
            r.info(
                "check/blocked",
                &(path.to_string() + "/" + c.list_key + "/" + &int(missing as u64) + "/seats"),
                || "seats are not given for every line: the seat sum and the method are not checked against them".to_string(),
            )
        }
        _ => {}
    }
}

/// How the rules were applied, as a label ("Sainte-Laguë with a 5% threshold").
pub fn how(c: &Contest) -> String {
    let mut s = c.method.map_or("", |m| m.label()).to_string();
    if let Some(t) = c.threshold.as_ref().filter(|t| t.percent.units != 0) {
        s += " with a ";
        s += &percent(&t.percent, &EN);
        s += " threshold";
    }
    s
}

/// The rules that decided a list's fate other than a plain pass or fail, in words.
fn fates(c: &Contest, path: &str, run: &Replay, r: &mut Report) {
    let lp = path.to_string() + "/" + c.list_key + "/";
    let Some(t) = &c.threshold else { return };
    let tp = percent(&t.percent, &EN);
    for (i, (p, l)) in c.parties.iter().zip(&run.lines).enumerate() {
        let here = lp.clone() + &int(i as u64);
        let msg = match l.fate {
            Fate::Exempt => q(&p.name) + ": exempt from the " + &tp + " threshold as a national-minority list",
            Fate::ByDistrictSeats { seats } => {
                q(&p.name) + ": below the " + &tp + " threshold, qualifies by its " + &g(seats) + " district seat" + if seats == 1 { "" } else { "s" }
            }
            Fate::Admitted => q(&p.name) + ": below the threshold, admitted because fewer than " + &g(t.min_qualifying.unwrap_or(0)) + " lists passed it",
            Fate::Passed { needed } | Fate::Below { needed } if needed != t.percent => {
                q(&p.name) + ": a joint list of " + &g(p.alliance_of.unwrap_or(0)) + " parties needs " + &percent(&needed, &EN)
                    + if matches!(l.fate, Fate::Passed { .. }) { " and reaches it" } else { " and does not reach it" }
            }
            _ => String::new(),
        };
        if !msg.is_empty() {
            r.info("seats/rule", &here, || msg);
        }
        if l.overhang > 0 {
            let ds = p.district_seats.unwrap_or(0);
            r.info(
                "seats/overhang",
                &(here + "/district_seats"),
                || q(&p.name) + ": " + &g(ds) + " district seat" + if ds == 1 { "" } else { "s" } + ", entitled to " + &g(l.list_seats) + ": "
                    + &g(l.overhang) + " overhang seat" + if l.overhang == 1 { "" } else { "s" },
            );
        }
    }
}

fn tie(c: &Contest, path: &str, run: &Replay, r: &mut Report) {
    let Some(t) = &run.tie else { return };
    let names: Vec<String> = t.parties.iter().map(|&i| q(&c.parties[i].name)).collect();
    r.warning(
        "seats/tie",
        &(path.to_string() + "/method"),
        || how(c) + " leaves a tie: " + &int(t.seats) + if t.seats == 1 { " seat" } else { " seats" } + " in doubt between " + &names.join(", ")
            + "; the method alone does not decide it (by law, a lot or a rule of precedence does)",
    );
}

/// Each line's reported seats against the replay.
fn compare(c: &Contest, path: &str, run: &Replay, r: &mut Report) {
    let lp = path.to_string() + "/" + c.list_key + "/";
    for (i, (p, l)) in c.parties.iter().zip(&run.lines).enumerate() {
        let Some(got) = p.seats else { continue };
        if got == l.seats || (l.tied && got == l.seats + 1) {
            continue;
        }
        let expected = if l.tied { int(l.seats) + " or " + &int(l.seats + 1) } else { int(l.seats) };
        let mut msg = q(&p.name) + ": " + &how(c) + " gives " + &expected + " seats, reported " + &int(got);
        match (c.system, l.fate) {
            (_, Fate::Below { .. }) if got > p.district_seats.unwrap_or(0) => msg += " (it is below the threshold)",
            (System::Parallel, _) => {
                msg += " (";
                msg += &g(l.list_seats);
                msg += " list + ";
                msg += &g(p.district_seats.unwrap_or(0));
                msg += " district)";
            }
            (System::Mmp, _) => {
                msg += " (entitled to ";
                msg += &g(l.list_seats);
                msg += " of ";
                msg += &g(run.pool);
                msg += ")";
            }
            _ if p.votes == Some(0) && got > 0 => msg += " (it has no votes)",
            _ => {}
        }
        if c.count.open() {
            // On a partial count the reported seats are a projection: a newsroom's
            // model may differ from the method on the votes counted so far.
            msg += " on the votes counted so far (a projection: the count is not over)";
            r.warning("seats/projection", &(lp.clone() + &int(i as u64) + "/seats"), || msg);
        } else {
            r.error("seats/method-mismatch", &(lp.clone() + &int(i as u64) + "/seats"), || msg);
        }
    }
}

/// Each district's seats against its run, and the national lines against the districts' sums.
fn districts(c: &Contest, path: &str, run: &Replay, r: &mut Report) {
    let n = c.parties.len();
    let (mut votes, mut seats) = (vec![0u128; n], vec![0u128; n]);
    let mut seats_given = vec![true; n];
    for d in &run.districts {
        let district = &c.districts[d.district];
        let dp = path.to_string() + "/districts/" + &int(d.district as u64);
        if d.unopposed {
            let (n, s) = if d.seats == 1 { ("1 candidate", "1 seat") } else { ("as many candidates", "seats") };
            r.info("seats/unopposed", &dp, || district.name.clone() + ": " + n + " for " + s + ", elected unopposed with no poll: each takes a seat");
        }
        // The seats sit on the second round's lines when one was held.
        let (decided, decided_lines, at) = match (&d.runoff, &district.runoff) {
            (Some(rl), Some(r)) => (&r.parties[..], &rl[..], dp.clone() + "/runoff"),
            _ => (&district.parties[..], &d.lines[..], dp.clone()),
        };
        for (line, l) in district.parties.iter().zip(&d.lines) {
            if let Some(i) = *l {
                votes[i] += line.votes.unwrap_or(0) as u128;
            }
        }
        if d.runoff.is_some() {
            for (j, line) in district.parties.iter().enumerate() {
                if let Some(s) = line.seats.filter(|&s| s > 0) {
                    r.error("seats/method-mismatch", &(dp.clone() + "/parties/" + &int(j as u64) + "/seats"), || q(line.candidate.as_ref().unwrap_or(&line.name)) + " in " + &district.name + ": a second round was held, so the first round elects no one, reported " + &int(s));
                }
            }
        }
        for (j, (line, l)) in decided.iter().zip(decided_lines).enumerate() {
            let Some(i) = *l else { continue };
            match line.seats {
                Some(s) => seats[i] += s as u128,
                None => seats_given[i] = false,
            }
            let Some(a) = &d.allocation else { continue };
            let want = a.seats[j];
            let tied = a.tie.as_ref().is_some_and(|t| t.parties.contains(&j));
            match line.seats {
                Some(got) if got != want && !(tied && got == want + 1) => {
                    let expected = if tied { int(want) + " or " + &int(want + 1) } else { int(want) };
                    let who = match &line.candidate {
                        Some(cand) => q(cand) + " (" + &line.name + ")",
                        None => q(&line.name),
                    };
                    r.error(
                        "seats/method-mismatch",
                        &(at.clone() + "/parties/" + &int(j as u64) + "/seats"),
                        || who + " in " + &district.name + ": " + &how(c) + " gives " + &expected + " seats, reported " + &int(got),
                    );
                }
                _ => {}
            }
        }
    }
    if run.districts.is_empty() {
        return;
    }
    let lp = path.to_string() + "/" + c.list_key + "/";
    for (i, p) in c.parties.iter().enumerate() {
        if let Some(v) = p.votes.filter(|&v| v as u128 != votes[i]) {
            r.error("districts/votes-mismatch", &(lp.clone() + &int(i as u64) + "/votes"), || q(&p.name) + ": the districts' votes add up to " + &g128(votes[i]) + ", the national line says " + &g(v));
        }
        if let Some(s) = p.seats.filter(|&s| seats_given[i] && s as u128 != seats[i]) {
            r.error("districts/seats-mismatch", &(lp.clone() + &int(i as u64) + "/seats"), || q(&p.name) + ": the districts' seats add up to " + &g128(seats[i]) + ", the national line says " + &g(s));
        }
    }
}
