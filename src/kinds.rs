//! The checks of the other kinds of results: a body's composition (members by
//! group, shares of members), a party's seats over time (series) and party
//! primaries (a selection funnel). Their model is in `contest`, their reading
//! in `read`, their drawing in `layout`.

use crate::contest::{Composition, Primaries, Qualifier, Quota, Removed, Series, Share};
use crate::format::{grouped, int, percent, EN};
use crate::number::Decimal;
use crate::report::Report;

fn g(n: u64) -> String {
    grouped(n, &EN)
}

/// A reported share must be some whole number of `whole` at its precision.
fn share_of_whole(s: &Share, whole: u64, path: &str, what: &str, r: &mut Report) {
    let Some(p) = &s.percent else { return };
    if let Some(n) = s.count {
        if !p.matches_share(n, whole) {
            r.error(
                "share/mismatch",
                &(path.to_string() + "/percent"),
                || "\"".to_string() + &s.name + "\": " + &g(n) + " of " + &g(whole) + " " + what + " is " + &percent(&Decimal::share(n, whole, p.scale), &EN) + ", reported " + &percent(p, &EN),
            );
        }
        return;
    }
    // Which whole numbers of people give this share at its precision?
    let near = (p.units.max(0) as u128 * whole as u128 / (100 * 10u128.pow(p.scale))) as u64;
    let fits: Vec<u64> = (near.saturating_sub(1)..=near.saturating_add(1).min(whole)).filter(|&k| p.matches_share(k, whole)).collect();
    if fits.is_empty() {
        let (lo, hi) = (near, (near + 1).min(whole));
        r.error(
            "share/impossible",
            &(path.to_string() + "/percent"),
            || "\"".to_string() + &s.name + "\": no whole number of the " + &g(whole) + " " + what + " is " + &percent(p, &EN) + " (" + &g(lo) + " would be "
                + &percent(&Decimal::share(lo, whole, p.scale), &EN) + ", " + &g(hi) + " would be " + &percent(&Decimal::share(hi, whole, p.scale), &EN) + ")",
        );
    } else {
        let list: Vec<String> = fits.iter().map(|&k| g(k)).collect();
        r.info(
            "share/members",
            &(path.to_string() + "/percent"),
            || "\"".to_string() + &s.name + "\": " + &percent(p, &EN) + " of " + &g(whole) + " " + what + " is " + &list.join(" or ") + if fits.len() == 1 && fits[0] == 1 { " person" } else { " people" },
        );
    }
}

pub fn validate_composition(c: &Composition, groups: &[crate::contest::Party], path: &str, r: &mut Report) {
    let Some(m) = c.members else {
        if !c.shares.is_empty() {
            r.info("check/blocked", &(path.to_string() + "/members"), || "the number of members is not given: the shares are not checked".to_string());
        }
        return;
    };
    for (i, s) in c.shares.iter().enumerate() {
        share_of_whole(s, m, &(path.to_string() + "/shares/" + &int(i as u64)), "members", r);
    }
    if !groups.is_empty() {
        if let Some(sum) = groups.iter().map(|p| p.seats).collect::<Option<Vec<u64>>>().map(|v| v.iter().sum::<u64>()) {
            if sum != m {
                r.error("members/sum-mismatch", &(path.to_string() + "/members"), || "the groups add up to ".to_string() + &g(sum) + " members, but the body has " + &g(m));
            }
        }
    }
}

pub fn validate_series(s: &Series, path: &str, r: &mut Report) {
    if s.points.is_empty() {
        r.error("list/empty", &(path.to_string() + "/points"), || "no points listed: expected at least one election".to_string());
    }
    for (i, p) in s.points.iter().enumerate() {
        let pp = path.to_string() + "/points/" + &int(i as u64);
        if let (Some(seats), Some(of)) = (p.seats, p.of) {
            if seats > of {
                r.error("seats/over-total", &(pp.clone() + "/seats"), || g(seats) + " seats of a body of " + &g(of));
            } else if let Some(sp) = &p.seat_percent {
                if !sp.matches_share(seats, of) {
                    r.error(
                        "percent/mismatch",
                        &(pp.clone() + "/seat_percent"),
                        || p.label.clone() + ": " + &g(seats) + " of " + &g(of) + " seats is " + &percent(&Decimal::share(seats, of, sp.scale), &EN) + ", reported " + &percent(sp, &EN),
                    );
                }
            }
        } else if p.seat_percent.is_some() {
            r.info("check/blocked", &(pp.clone() + "/seat_percent"), || "the seat share is not checked: seats or the body's size is not given".to_string());
        }
        if let (Some(v), Some(valid), Some(vp)) = (p.votes, p.valid, &p.vote_percent) {
            if !vp.matches_share(v, valid) {
                r.error(
                    "percent/mismatch",
                    &(pp.clone() + "/vote_percent"),
                    || p.label.clone() + ": " + &g(v) + " of " + &g(valid) + " votes is " + &percent(&Decimal::share(v, valid, vp.scale), &EN) + ", reported " + &percent(vp, &EN),
                );
            }
        }
        for (key, d) in [("vote_percent", &p.vote_percent), ("seat_percent", &p.seat_percent)] {
            if let Some(d) = d {
                if d.is_negative() || d.cmp_int(100) == std::cmp::Ordering::Greater {
                    r.error("percent/out-of-range", &(pp.clone() + "/" + key), || "a percentage must be between 0 and 100, found ".to_string() + &percent(d, &EN));
                }
            }
        }
    }
}

pub fn validate_primaries(p: &Primaries, electorate: Option<u64>, turnout: Option<&Decimal>, path: &str, r: &mut Report) {
    stages_never_grow(p, path, r);
    if let (Some(v), Some(t)) = (p.voters, turnout) {
        primaries_turnout(v, t, electorate, path, r);
    }
    if let Some(rem) = &p.removed {
        removals(rem, path, r);
    }
    stage_shares(p, path, r);
    if let Some(q) = &p.quota {
        quota(p, q, path, r);
    }
}

/// Stages never grow: each has at most the people of the stage before it
/// (a little more after an approximate count: "about 10,000" may be a little under).
fn stages_never_grow(p: &Primaries, path: &str, r: &mut Report) {
    for i in 1..p.stages.len() {
        let (a, b) = (&p.stages[i - 1], &p.stages[i]);
        if let (Some(x), Some(y)) = (a.count, b.count) {
            let lenient = a.qualifier != Qualifier::Exactly;
            if y > x && !(lenient && y <= x + x / 10) {
                r.error(
                    "stages/grow",
                    &(path.to_string() + "/stages/" + &int(i as u64) + "/count"),
                    || "\"".to_string() + &b.name + "\" (" + &g(y) + ") is more than the stage before it, \"" + &a.name + "\" (" + &g(x) + "): a selection never grows",
                );
            }
        }
    }
}

/// Turnout `t` of `v` voters: against the electorate, or the electorate it implies.
fn primaries_turnout(v: u64, t: &Decimal, electorate: Option<u64>, path: &str, r: &mut Report) {
    match electorate {
        Some(e) if e > 0 => {
            if !t.matches_share(v, e) {
                r.error(
                    "turnout/mismatch",
                    &(path.to_string() + "/turnout_percent"),
                    || "turnout: expected ".to_string() + &percent(&Decimal::share(v, e, t.scale), &EN) + " (" + &g(v) + " voters of " + &g(e) + "), found " + &percent(t, &EN),
                );
            }
        }
        _ if t.units > 0 => {
            // e such that v/e*100 rounds to t: v*100*10^s/(t+½) < e <= v*100*10^s/(t-½), in units of the last decimal.
            let num = v as u128 * 100 * 10u128.pow(t.scale) * 2;
            let hi_den = (2 * t.units - 1).max(1) as u128;
            let lo = num / (2 * t.units + 1) as u128 + 1;
            let hi = num / hi_den;
            r.info(
                "turnout/implied-electorate",
                &(path.to_string() + "/electorate"),
                || "the electorate is not given: ".to_string() + &g(v) + " voters at " + &percent(t, &EN) + " turnout imply " + &g(lo as u64) + " to " + &g(hi as u64) + " eligible voters",
            );
        }
        _ => {}
    }
}

/// Removals against their reasons: the reasons never add up to more than the removals.
fn removals(rem: &Removed, path: &str, r: &mut Report) {
    let sum: u64 = rem.reasons.iter().map(|(_, c)| c).sum();
    if let Some(n) = rem.count {
        if sum > n {
            r.error("removed/sum-exceeds", &(path.to_string() + "/removed/count"), || "the reasons add up to ".to_string() + &g(sum) + " removals, more than the " + &g(n) + " reported");
        } else if sum < n && !rem.reasons.is_empty() {
            r.info("removed/unexplained", &(path.to_string() + "/removed/count"), || g(n - sum) + " of the " + &g(n) + " removals are not broken down by reason");
        }
    }
}

/// Shares of a stage's people: a whole number of an exactly counted stage, and between 0 and 100%.
fn stage_shares(p: &Primaries, path: &str, r: &mut Report) {
    for (i, s) in p.shares.iter().enumerate() {
        let sp = path.to_string() + "/shares/" + &int(i as u64);
        let whole = s.stage.as_ref().and_then(|st| p.stages.iter().find(|x| &x.name == st)).filter(|x| x.qualifier == Qualifier::Exactly).and_then(|x| x.count);
        if let Some(w) = whole {
            share_of_whole(s, w, &sp, "people", r);
        }
        if let Some(d) = &s.percent {
            if d.is_negative() || d.cmp_int(100) == std::cmp::Ordering::Greater {
                r.error("percent/out-of-range", &(sp + "/percent"), || "a percentage must be between 0 and 100, found ".to_string() + &percent(d, &EN));
            }
        }
    }
}

/// Each share the quota names reaches the quota (checked where the share is given).
fn quota(p: &Primaries, q: &Quota, path: &str, r: &mut Report) {
    let qp = path.to_string() + "/quota";
    for name in &q.shares {
        let found = p.shares.iter().position(|s| &s.name == name && s.stage == q.stage);
        match found.and_then(|i| p.shares[i].percent.map(|d| (i, d))) {
            None => r.info(
                "check/blocked",
                &qp,
                || "the quota of ".to_string() + &percent(&q.percent, &EN) + " for \"" + name + "\" is not checked: no share of \"" + name + "\""
                    + &q.stage.as_ref().map(|s| " among \"".to_string() + s + "\"").unwrap_or_default() + " is given",
            ),
            Some((i, d)) => {
                // d >= q.percent, compared exactly across scales.
                let s = d.scale.max(q.percent.scale);
                let a = d.units * 10i128.pow(s - d.scale);
                let b = q.percent.units * 10i128.pow(s - q.percent.scale);
                if a < b {
                    r.error(
                        "quota/not-met",
                        &(path.to_string() + "/shares/" + &int(i as u64) + "/percent"),
                        || "\"".to_string() + name + "\" is " + &percent(&d, &EN) + ", under the quota of " + &percent(&q.percent, &EN),
                    );
                }
            }
        }
    }
}
