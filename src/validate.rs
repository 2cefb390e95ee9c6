//! Validation: do the numbers add up? Each check says what it expected and
//! what it found; a check that a missing figure blocks says so as info.

use crate::contest::*;
use crate::format::{decimal, grouped, int, percent, EN};
use crate::number::Decimal;
use crate::report::Report;

/// Validate a whole document (shape problems are reported while reading).
pub fn validate(doc: &Document) -> Report {
    let mut report = Report::default();
    validate_into(doc, &mut report);
    report
}

pub fn validate_into(doc: &Document, r: &mut Report) {
    // Ids sorted once (stably: the first of equal ids leads), so a repeated
    // id is found beside its first use: n log n for 100,000 contests.
    let n = doc.contests.len();
    let order = crate::number::sorted_indices(n, &|a, b| doc.contests[a].id < doc.contests[b].id);
    let mut repeated = vec![false; n];
    for w in order.windows(2) {
        let (a, b) = (&doc.contests[w[0]].id, &doc.contests[w[1]].id);
        repeated[w[1]] = a.is_some() && a == b;
    }
    for (i, c) in doc.contests.iter().enumerate() {
        let path = "/contests/".to_string() + &int(i as u64);
        if let (true, Some(id)) = (repeated[i], &c.id) {
            r.warning("contest/duplicate-id", &(path.clone() + "/id"), || "another contest already has the id \"".to_string() + id + "\"");
        }
        contest(c, &path, r);
    }
}

fn g(n: u64) -> String {
    grouped(n, &EN)
}

fn pct(d: &Decimal) -> String {
    percent(d, &EN)
}

/// Where a contest's list lives: /contests/0/parties
fn list_path(c: &Contest, path: &str) -> String {
    path.to_string() + "/" + c.list_key
}

pub fn contest(c: &Contest, path: &str, r: &mut Report) {
    use crate::contest::Detail;
    use crate::kinds;
    match &c.detail {
        Detail::Composition(comp) => {
            percent_ranges(c, path, r);
            if !c.parties.is_empty() {
                names(c, path, r);
            }
            kinds::validate_composition(comp, &c.parties, path, r);
            return;
        }
        Detail::Series(s) => return kinds::validate_series(s, path, r),
        Detail::Primaries(p) => {
            percent_ranges(c, path, r);
            return kinds::validate_primaries(p, c.electorate, c.turnout_percent.as_ref(), path, r);
        }
        Detail::None => {}
    }
    names(c, path, r);
    percent_ranges(c, path, r);
    turnout(c, path, r);
    crate::count::check(c, path, r);
    match c.kind {
        Kind::Election => {
            ballots(c, path, r);
            shares(c, path, r);
            districts(c, path, r);
            crate::seat_check::seats(c, path, r);
        }
        Kind::Vote => {
            participation(c, path, r);
            shares(c, path, r);
            outcome(c, path, r);
        }
        _ => {}
    }
}

fn names(c: &Contest, path: &str, r: &mut Report) {
    let lp = list_path(c, path);
    if c.parties.is_empty() {
        r.error("list/empty", &lp, || "no ".to_string() + c.list_key + " listed: expected at least one");
    }
    // Folded names, sorted (stably: the first of equal names leads its run),
    // so duplicates sit side by side: n log n, not a comparison of every pair.
    let keys: Vec<String> = c.parties.iter().map(|p| crate::format::fold_case(p.name.trim())).collect();
    let order = crate::number::sorted_indices(keys.len(), &|a, b| keys[a] < keys[b]);
    let mut first_of: Vec<Option<usize>> = vec![None; keys.len()];
    let mut lead = 0;
    for (k, &i) in order.iter().enumerate() {
        if k == 0 || keys[i] != keys[order[k - 1]] {
            lead = i;
        } else {
            first_of[i] = Some(lead);
        }
    }
    for (i, p) in c.parties.iter().enumerate() {
        if keys[i].is_empty() {
            let pp = lp.clone() + "/" + &int(i as u64) + "/name";
            r.error("name/empty", &pp, || "the name is empty".to_string());
        } else if let Some(j) = first_of[i] {
            let pp = lp.clone() + "/" + &int(i as u64) + "/name";
            r.error(
                "name/duplicate",
                &pp,
                || "\"".to_string() + &p.name + "\" is listed twice (also at " + &lp + "/" + &int(j as u64) + ")",
            );
        }
    }
}

fn percent_ranges(c: &Contest, path: &str, r: &mut Report) {
    let lp = list_path(c, path);
    let mut check = |d: &Option<Decimal>, p: String| {
        if let Some(d) = d {
            if d.is_negative() {
                r.error("percent/negative", &p, || "a percentage cannot be negative, found ".to_string() + &pct(d));
            } else if d.cmp_int(100) == std::cmp::Ordering::Greater {
                r.error("percent/over-100", &p, || "a percentage cannot exceed 100, found ".to_string() + &pct(d));
            }
        }
    };
    check(&c.turnout_percent, path.to_string() + "/turnout_percent");
    for (i, p) in c.parties.iter().enumerate() {
        check(&p.percent, lp.clone() + "/" + &int(i as u64) + "/percent");
    }
    if let Some(t) = &c.threshold {
        check(&Some(t.percent), path.to_string() + "/threshold/percent");
    }
}

fn turnout(c: &Contest, path: &str, r: &mut Report) {
    issued(c, path, r);
    let cast = c.turnout_count();
    let cast_word = if c.ballots.issued.is_some() {
        "voters issued a ballot"
    } else if c.kind == Kind::Vote && c.ballots.cast.is_none() {
        "participants"
    } else {
        "ballots cast"
    };
    if let (Some(cast), Some(el)) = (cast, c.electorate) {
        if cast > el {
            let p = if c.ballots.issued.is_some() {
                "/ballots/issued"
            } else if c.kind == Kind::Vote && c.ballots.cast.is_none() {
                "/participants"
            } else {
                "/ballots/cast"
            };
            r.error(
                "ballots/cast-exceeds-electorate",
                &(path.to_string() + p),
                || "more ".to_string() + cast_word + " (" + &g(cast) + ") than the electorate (" + &g(el) + ")",
            );
        }
    }
    let Some(t) = &c.turnout_percent else { return };
    let tp = path.to_string() + "/turnout_percent";
    match (cast, c.electorate) {
        (Some(cast), Some(el)) if el > 0 => {
            if !t.matches_share(cast, el) {
                let expected = Decimal::share(cast, el, t.scale);
                r.error(
                    "turnout/mismatch",
                    &tp,
                    || "turnout: expected ".to_string() + &pct(&expected) + " (" + &g(cast) + " " + cast_word + " of " + &g(el)
                        + "), found " + &pct(t),
                );
            }
        }
        (None, _) => r.info(
            "check/blocked",
            &tp,
            || "the reported turnout ".to_string() + &pct(t) + " is not checked: the number of " + cast_word + " is not given",
        ),
        _ => r.info(
            "check/blocked",
            &tp,
            || "the reported turnout ".to_string() + &pct(t) + " is not checked: the electorate is not given",
        ),
    }
}

/// Ballots found in the boxes cannot outnumber the voters issued one.
fn issued(c: &Contest, path: &str, r: &mut Report) {
    if let (Some(issued), Some(cast)) = (c.ballots.issued, c.ballots.cast) {
        if cast > issued {
            r.error(
                "ballots/cast-exceeds-issued",
                &(path.to_string() + "/ballots/cast"),
                || "more ballots cast (".to_string() + &g(cast) + ") than voters issued a ballot (" + &g(issued) + ")",
            );
        }
    }
}

/// The ballots add up: the listed votes, the valid, invalid and blank ballots, the ballots cast.
fn ballots(c: &Contest, path: &str, r: &mut Report) {
    let b = &c.ballots;
    let bp = path.to_string() + "/ballots";
    let listed = c.listed_votes();
    listed_against_valid(c, listed, path, r);
    if let (Some(cast), Some(valid)) = (b.cast, b.valid) {
        match b.invalid {
            Some(invalid) => ballots_against_cast(b, cast, valid, invalid, &bp, r),
            None => valid_against_cast(cast, valid, &bp, r),
        }
    }
    // With no valid total given, compare the listed votes with the ballots cast.
    if let (Some(cast), None, Some(sum)) = (b.cast, b.valid, listed) {
        listed_against_cast(b, cast, sum, &bp, r);
    }
}

/// The listed votes (`listed`: their sum, when every line has votes) against the valid total.
fn listed_against_valid(c: &Contest, listed: Option<u64>, path: &str, r: &mut Report) {
    let bp = path.to_string() + "/ballots";
    match (c.ballots.valid, listed) {
        (Some(valid), Some(sum)) if sum != valid => {
            let msg = "the listed votes add up to ".to_string() + &g(sum) + ", but ballots.valid is " + &g(valid) + " ("
                + &if sum > valid { g(sum - valid) + " too many" } else { g(valid - sum) + " missing; is an \"Others\" line left out?" }
                + ")";
            r.error("votes/sum-mismatch", &(bp + "/valid"), || msg);
        }
        (None, Some(sum)) => r.info(
            "votes/valid-from-sum",
            &(bp + "/valid"),
            || "ballots.valid is not given: the valid total is taken as the sum of the listed votes, ".to_string() + &g(sum),
        ),
        (_, None) if !c.parties.is_empty() => {
            let missing = c.parties.iter().position(|p| p.votes.is_none()).unwrap_or(0);
            r.info(
                "check/blocked",
                &(list_path(c, path) + "/" + &int(missing as u64) + "/votes"),
                || "votes are not given for every line: the vote totals, shares and seats are not checked against them".to_string(),
            )
        }
        _ => {}
    }
}

/// valid + invalid + blank (+ uncounted) ballots against the ballots cast.
fn ballots_against_cast(b: &Ballots, cast: u64, valid: u64, invalid: u64, bp: &str, r: &mut Report) {
    let blank = b.blank.unwrap_or(0);
    let sum = valid as u128 + invalid as u128 + blank as u128 + b.uncounted.unwrap_or(0) as u128;
    if b.uncounted_unknown && sum < cast as u128 {
        r.info(
            "ballots/unaccounted",
            &(bp.to_string() + "/uncounted"),
            || "ballots.uncounted is null: ".to_string() + &grouped((cast as u128 - sum) as u64, &EN)
                + " of the ballots cast are neither valid nor invalid, and the source does not say how many were left uncounted",
        );
    } else if sum != cast as u128 {
        let mut msg = "valid + invalid".to_string();
        if b.blank.is_some() {
            msg += " + blank";
        }
        if b.uncounted.is_some() {
            msg += " + uncounted";
        }
        msg += " ballots = ";
        msg += &grouped(sum.min(u64::MAX as u128) as u64, &EN);
        msg += ", but ballots.cast is ";
        msg += &g(cast);
        r.error("ballots/sum-mismatch", &(bp.to_string() + "/cast"), || msg);
    }
}

/// Valid ballots against the ballots cast, when the invalid ones are not given.
fn valid_against_cast(cast: u64, valid: u64, bp: &str, r: &mut Report) {
    if valid > cast {
        r.error(
            "ballots/valid-exceeds-cast",
            &(bp.to_string() + "/valid"),
            || "more valid ballots (".to_string() + &g(valid) + ") than ballots cast (" + &g(cast) + ")",
        );
    } else if valid < cast {
        r.info(
            "ballots/unaccounted",
            &(bp.to_string() + "/invalid"),
            || "ballots.invalid is not given: ".to_string() + &g(cast - valid) + " of the ballots cast are not valid votes and not broken down",
        );
    }
}

/// The listed votes' `sum` (with the invalid and blank ballots) against the ballots cast.
fn listed_against_cast(b: &Ballots, cast: u64, sum: u64, bp: &str, r: &mut Report) {
    if sum > cast {
        r.error(
            "votes/sum-exceeds-cast",
            &(bp.to_string() + "/cast"),
            || "the listed votes add up to ".to_string() + &g(sum) + ", more than the " + &g(cast) + " ballots cast",
        );
    } else if sum < cast {
        let given = b.invalid.unwrap_or(0).saturating_add(b.blank.unwrap_or(0)).saturating_add(b.uncounted.unwrap_or(0));
        if given == 0 {
            r.info(
                "ballots/unaccounted",
                &(bp.to_string() + "/cast"),
                || "the listed votes add up to ".to_string() + &g(sum) + ", " + &g(cast - sum) + " fewer than the "
                    + &g(cast) + " ballots cast; no invalid or blank ballots are given to account for them",
            );
        } else if sum as u128 + given as u128 != cast as u128 {
            r.error(
                "ballots/sum-mismatch",
                &(bp.to_string() + "/cast"),
                || "listed votes + invalid + blank ballots = ".to_string() + &g(sum.saturating_add(given)) + ", but ballots.cast is " + &g(cast),
            );
        }
    }
}

fn shares(c: &Contest, path: &str, r: &mut Report) {
    let lp = list_path(c, path);
    let (base, base_word, other, other_word) = match c.percent_of {
        Base::Valid => (c.valid_total(), "valid votes", c.cast_total(), "ballots cast"),
        Base::Cast => (c.cast_total(), "ballots cast", c.valid_total(), "valid votes"),
    };
    for (i, p) in c.parties.iter().enumerate() {
        let Some(reported) = &p.percent else { continue };
        let pp = lp.clone() + "/" + &int(i as u64) + "/percent";
        let Some(votes) = p.votes else {
            r.info("check/blocked", &pp, || "the reported ".to_string() + &pct(reported) + " is not checked: the votes are not given");
            continue;
        };
        let Some(base) = base.filter(|&b| b > 0) else {
            r.info("check/blocked", &pp, || "the reported ".to_string() + &pct(reported) + " is not checked: the total of " + base_word + " is not known");
            continue;
        };
        if reported.matches_share(votes, base) {
            continue;
        }
        let expected = Decimal::share(votes, base, reported.scale);
        let mut msg = "\"".to_string() + &p.name + "\": expected " + &pct(&expected) + " (" + &g(votes) + " of " + &g(base) + " "
            + base_word + "), found " + &pct(reported);
        if let Some(o) = other.filter(|&o| o > 0 && o != base) {
            if reported.matches_share(votes, o) {
                msg += "; it matches the share of ";
                msg += other_word;
                msg += ": set \"percent_of\": \"";
                msg += if c.percent_of == Base::Valid { "cast" } else { "valid" };
                msg += "\"";
            }
        }
        r.error("percent/mismatch", &pp, || msg);
    }
}

/// Each district's own figures, checked as a contest's are: its lines against
/// its valid votes, its ballots against its electorate, each printed share
/// against the district's votes. One copy of the contest serves every
/// district (its lines and ballots swapped in), so the cost stays linear.
fn districts(c: &Contest, path: &str, r: &mut Report) {
    if c.districts.is_empty() {
        return;
    }
    let mut one = c.clone();
    one.districts = Vec::new();
    one.list_key = "parties";
    one.turnout_percent = None;
    one.threshold = None;
    for (k, d) in c.districts.iter().enumerate() {
        let dp = path.to_string() + "/districts/" + &int(k as u64);
        one.parties.clone_from(&d.parties);
        one.ballots = d.ballots.clone();
        one.electorate = d.electorate;
        percent_ranges(&one, &dp, r);
        turnout(&one, &dp, r);
        let b = &d.ballots;
        if b.cast.is_some() || b.valid.is_some() || b.invalid.is_some() || b.blank.is_some() {
            ballots(&one, &dp, r);
        }
        shares(&one, &dp, r);
        if let Some(run) = &d.runoff {
            let rp = dp.clone() + "/runoff";
            one.parties.clone_from(&run.parties);
            one.ballots = run.ballots.clone();
            percent_ranges(&one, &rp, r);
            turnout(&one, &rp, r);
            let b = &run.ballots;
            if b.cast.is_some() || b.valid.is_some() || b.invalid.is_some() || b.blank.is_some() {
                ballots(&one, &rp, r);
            }
            shares(&one, &rp, r);
        }
    }
}

fn participation(c: &Contest, path: &str, r: &mut Report) {
    let listed = c.listed_votes();
    let cast = c.cast_total();
    match (listed, cast) {
        (Some(sum), Some(cast)) if sum > cast => r.error(
            "votes/sum-exceeds-participants",
            &(path.to_string() + if c.ballots.cast.is_some() { "/ballots/cast" } else { "/participants" }),
            || "the options' votes add up to ".to_string() + &g(sum) + ", more than the " + &g(cast) + " who voted",
        ),
        _ => {}
    }
    if let (Some(p), Some(bc)) = (c.participants, c.ballots.cast) {
        if bc > p {
            r.error("ballots/cast-exceeds-participants", &(path.to_string() + "/ballots/cast"), || "more ballots cast (".to_string() + &g(bc) + ") than participants (" + &g(p) + ")");
        }
    }
}

/// The outcome a rule gives: the option that meets it, or none.
pub fn decide(c: &Contest, rule: Rule) -> Option<Result<Option<usize>, &'static str>> {
    let votes: Vec<u64> = c.parties.iter().map(|p| p.votes).collect::<Option<Vec<u64>>>()?;
    let cast = c.cast_total().or_else(|| c.listed_votes())?;
    let winner = votes.iter().position(|&v| {
        let v = v as u128;
        match rule {
            Rule::MajorityOfVotesCast => v * 2 > cast as u128,
            Rule::TwoThirdsOfVotesCast => v * 3 >= cast as u128 * 2 && cast > 0,
            Rule::Unanimous => v == cast as u128 && cast > 0,
            Rule::MajorityOfElectorate => match c.electorate {
                Some(e) => v * 2 > e as u128,
                None => false,
            },
        }
    });
    if rule == Rule::MajorityOfElectorate && c.electorate.is_none() {
        return Some(Err("the electorate is not given"));
    }
    Some(Ok(winner))
}

fn outcome(c: &Contest, path: &str, r: &mut Report) {
    let op = path.to_string() + "/outcome";
    if let Some(o) = &c.outcome {
        if o != "none" && !c.parties.iter().any(|p| &p.name == o) {
            r.error("outcome/unknown-option", &op, || "the outcome \"".to_string() + o + "\" is not one of the options (or \"none\")");
            return;
        }
    }
    let Some(rule) = c.rule else {
        r.info("check/blocked", &(path.to_string() + "/rule"), || "no decision rule is given: the outcome is not checked".to_string());
        if let Some(i) = c.parties.iter().position(|p| p.votes.is_none()) {
            r.info("check/blocked", &(list_path(c, path) + "/" + &int(i as u64) + "/votes"), || "votes are not given for every option: the outcome cannot be computed from them".to_string());
        }
        return;
    };
    let decided = match decide(c, rule) {
        None => {
            r.info("check/blocked", &op, || "votes are not given for every option: the outcome is not checked against the ".to_string() + rule.label());
            return;
        }
        Some(Err(why)) => {
            r.info("check/blocked", &op, || "the outcome is not checked: ".to_string() + why);
            return;
        }
        Some(Ok(w)) => w,
    };
    let computed = decided.map_or("none", |i| c.parties[i].name.as_str());
    match &c.outcome {
        None => r.info("outcome/computed", &op, || "no outcome is reported; under the ".to_string() + rule.label() + " it is \"" + computed + "\""),
        Some(o) if o != computed => {
            let mut msg = "under the ".to_string() + rule.label() + " the outcome is \"" + computed + "\", reported \"" + o + "\"";
            if let Some(i) = c.parties.iter().position(|p| &p.name == o) {
                if let (Some(v), Some(cast)) = (c.parties[i].votes, c.cast_total().or_else(|| c.listed_votes())) {
                    msg += " (";
                    msg += &g(v);
                    msg += " of ";
                    msg += &g(cast);
                    msg += " votes";
                    if cast > 0 {
                        msg += ", ";
                        msg += &decimal(&Decimal::share(v, cast, 1), &EN);
                        msg += "%";
                    }
                    msg += ")";
                }
            }
            r.error("outcome/mismatch", &op, || msg);
        }
        _ => {}
    }
}
