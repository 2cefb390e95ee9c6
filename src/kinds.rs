//! The other kinds of results in the seeds: a body's **composition** (members
//! by group, shares of members), a party's seats over time (**series**) and
//! party **primaries** (a selection funnel). Model, reading and checks; the
//! drawing is in `layout`.

use crate::contest::Rgb;
use crate::format::{grouped, int, percent, EN};
use crate::number::Decimal;
use crate::read::Obj;
use crate::report::Report;
use serde::Serialize;

/// A share of a whole: "33.7% of the members are women".
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Share {
    pub name: String,
    pub percent: Option<Decimal>,
    pub count: Option<u64>,
    /// For primaries: the stage whose people the share is of.
    pub stage: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Composition {
    pub members: Option<u64>,
    pub shares: Vec<Share>,
}

/// One election in a series.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Point {
    pub label: String,
    pub date: Option<String>,
    pub seats: Option<u64>,
    /// Seats in the body (or in the part of it that was allocated).
    pub of: Option<u64>,
    pub vote_percent: Option<Decimal>,
    pub seat_percent: Option<Decimal>,
    pub votes: Option<u64>,
    pub valid: Option<u64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Series {
    pub party: Option<String>,
    pub color: Option<Rgb>,
    pub points: Vec<Point>,
}

/// A figure a source gives only roughly: "about 10,000", "over 340,000".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    Exactly,
    About,
    Over,
}

impl Qualifier {
    pub fn word(self) -> &'static str {
        match self {
            Qualifier::Exactly => "",
            Qualifier::About => "about ",
            Qualifier::Over => "over ",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stage {
    pub name: String,
    pub count: Option<u64>,
    pub qualifier: Qualifier,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Removed {
    pub count: Option<u64>,
    pub reasons: Vec<(String, u64)>,
}

/// A required minimum share: e.g. 30% of a list for women and young people.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quota {
    pub percent: Decimal,
    /// The names of the shares it applies to.
    pub shares: Vec<String>,
    /// The stage whose people it applies to (e.g. "Selected").
    pub stage: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Primaries {
    pub voters: Option<u64>,
    pub voters_qualifier: Option<Qualifier>,
    pub stages: Vec<Stage>,
    pub removed: Option<Removed>,
    pub shares: Vec<Share>,
    pub quota: Option<Quota>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub enum Detail {
    #[default]
    None,
    Composition(Composition),
    Series(Series),
    Primaries(Primaries),
}

pub const COMPOSITION_KEYS: &[&str] = &["members", "groups", "shares"];
pub const SERIES_KEYS: &[&str] = &["party", "color", "points"];
pub const PRIMARIES_KEYS: &[&str] = &["voters", "voters_qualifier", "stages", "removed", "shares", "quota"];

fn qualifier(o: &mut Obj, key: &str) -> Option<Qualifier> {
    match o.keyword(key, &["exactly", "about", "over"]).as_deref() {
        Some("about") => Some(Qualifier::About),
        Some("over") => Some(Qualifier::Over),
        Some("exactly") => Some(Qualifier::Exactly),
        _ => None,
    }
}

fn shares(o: &mut Obj, key: &str) -> Vec<Share> {
    let mut out = Vec::new();
    o.each(key, "an object like {\"name\": \"Women\", \"percent\": 33.7}", &mut |item| {
        item.need(&["name"]);
        let s = Share { name: item.string("name").unwrap_or_default(), percent: item.percent("percent"), count: item.count("count"), stage: item.string("stage") };
        item.finish(&["name", "percent", "count", "stage"]);
        out.push(s);
    });
    out
}

pub(crate) fn read_composition(o: &mut Obj) -> Composition {
    Composition { members: o.count("members"), shares: shares(o, "shares") }
}

pub(crate) fn read_series(o: &mut Obj) -> Series {
    let party = o.string("party");
    let color = o.string("color").and_then(|s| Rgb::parse(&s));
    let mut points = Vec::new();
    o.each("points", "an object like {\"label\": \"2021\", \"seats\": 76, \"of\": 98}", &mut |item| {
        item.need(&["label"]);
        let p = Point {
            label: item.string("label").unwrap_or_default(),
            date: item.string("date"),
            seats: item.count("seats"),
            of: item.count("of"),
            vote_percent: item.percent("vote_percent"),
            seat_percent: item.percent("seat_percent"),
            votes: item.count("votes"),
            valid: item.count("valid"),
        };
        item.finish(&["label", "date", "seats", "of", "vote_percent", "seat_percent", "votes", "valid"]);
        points.push(p);
    });
    Series { party, color, points }
}

pub(crate) fn read_primaries(o: &mut Obj) -> Primaries {
    let voters = o.count("voters");
    let voters_qualifier = qualifier(o, "voters_qualifier");
    let mut stages = Vec::new();
    o.each("stages", "an object like {\"name\": \"Shortlisted\", \"count\": 267}", &mut |item| {
        item.need(&["name"]);
        let s = Stage {
            name: item.string("name").unwrap_or_default(),
            count: item.count("count"),
            qualifier: qualifier(item, "qualifier").unwrap_or(Qualifier::Exactly),
        };
        item.finish(&["name", "count", "qualifier"]);
        stages.push(s);
    });
    let removed = o.object("removed", "an object like {\"count\": 37, \"reasons\": [...]}", &mut |item| {
        let count = item.count("count");
        let mut reasons = Vec::new();
        item.each("reasons", "an object like {\"name\": \"falsification\", \"count\": 7}", &mut |r| {
            r.need(&["name", "count"]);
            if let (Some(n), Some(c)) = (r.string("name"), r.count("count")) {
                reasons.push((n, c));
            }
            r.finish(&["name", "count"]);
        });
        item.finish(&["count", "reasons"]);
        Removed { count, reasons }
    });
    let shares = shares(o, "shares");
    let quota = o
        .object("quota", "an object like {\"percent\": 30, \"shares\": [\"Women\"], \"stage\": \"Selected\"}", &mut |q| {
            q.need(&["percent", "shares"]);
            let percent = q.percent("percent");
            let names = q.strings("shares");
            let stage = q.string("stage");
            q.finish(&["percent", "shares", "stage"]);
            percent.map(|percent| Quota { percent, shares: names, stage })
        })
        .flatten();
    Primaries { voters, voters_qualifier, stages, removed, shares, quota }
}

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
                "\"".to_string() + &s.name + "\": " + &g(n) + " of " + &g(whole) + " " + what + " is " + &percent(&Decimal::share(n, whole, p.scale), &EN) + ", reported " + &percent(p, &EN),
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
            "\"".to_string() + &s.name + "\": no whole number of the " + &g(whole) + " " + what + " is " + &percent(p, &EN) + " (" + &g(lo) + " would be "
                + &percent(&Decimal::share(lo, whole, p.scale), &EN) + ", " + &g(hi) + " would be " + &percent(&Decimal::share(hi, whole, p.scale), &EN) + ")",
        );
    } else {
        let list: Vec<String> = fits.iter().map(|&k| g(k)).collect();
        r.info(
            "share/members",
            &(path.to_string() + "/percent"),
            "\"".to_string() + &s.name + "\": " + &percent(p, &EN) + " of " + &g(whole) + " " + what + " is " + &list.join(" or ") + if fits.len() == 1 && fits[0] == 1 { " person" } else { " people" },
        );
    }
}

pub fn validate_composition(c: &Composition, groups: &[crate::contest::Party], path: &str, r: &mut Report) {
    let Some(m) = c.members else {
        if !c.shares.is_empty() {
            r.info("check/blocked", &(path.to_string() + "/members"), "the number of members is not given: the shares are not checked".to_string());
        }
        return;
    };
    for (i, s) in c.shares.iter().enumerate() {
        share_of_whole(s, m, &(path.to_string() + "/shares/" + &int(i as u64)), "members", r);
    }
    if !groups.is_empty() {
        if let Some(sum) = groups.iter().map(|p| p.seats).collect::<Option<Vec<u64>>>().map(|v| v.iter().sum::<u64>()) {
            if sum != m {
                r.error("members/sum-mismatch", &(path.to_string() + "/members"), "the groups add up to ".to_string() + &g(sum) + " members, but the body has " + &g(m));
            }
        }
    }
}

pub fn validate_series(s: &Series, path: &str, r: &mut Report) {
    if s.points.is_empty() {
        r.error("list/empty", &(path.to_string() + "/points"), "no points listed: expected at least one election".to_string());
    }
    for (i, p) in s.points.iter().enumerate() {
        let pp = path.to_string() + "/points/" + &int(i as u64);
        if let (Some(seats), Some(of)) = (p.seats, p.of) {
            if seats > of {
                r.error("seats/over-total", &(pp.clone() + "/seats"), g(seats) + " seats of a body of " + &g(of));
            } else if let Some(sp) = &p.seat_percent {
                if !sp.matches_share(seats, of) {
                    r.error(
                        "percent/mismatch",
                        &(pp.clone() + "/seat_percent"),
                        p.label.clone() + ": " + &g(seats) + " of " + &g(of) + " seats is " + &percent(&Decimal::share(seats, of, sp.scale), &EN) + ", reported " + &percent(sp, &EN),
                    );
                }
            }
        } else if p.seat_percent.is_some() {
            r.info("check/blocked", &(pp.clone() + "/seat_percent"), "the seat share is not checked: seats or the body's size is not given".to_string());
        }
        if let (Some(v), Some(valid), Some(vp)) = (p.votes, p.valid, &p.vote_percent) {
            if !vp.matches_share(v, valid) {
                r.error(
                    "percent/mismatch",
                    &(pp.clone() + "/vote_percent"),
                    p.label.clone() + ": " + &g(v) + " of " + &g(valid) + " votes is " + &percent(&Decimal::share(v, valid, vp.scale), &EN) + ", reported " + &percent(vp, &EN),
                );
            }
        }
        for (key, d) in [("vote_percent", &p.vote_percent), ("seat_percent", &p.seat_percent)] {
            if let Some(d) = d {
                if d.is_negative() || d.cmp_int(100) == std::cmp::Ordering::Greater {
                    r.error("percent/out-of-range", &(pp.clone() + "/" + key), "a percentage must be between 0 and 100, found ".to_string() + &percent(d, &EN));
                }
            }
        }
    }
}

pub fn validate_primaries(p: &Primaries, electorate: Option<u64>, turnout: Option<&Decimal>, path: &str, r: &mut Report) {
    // Stages never grow.
    for i in 1..p.stages.len() {
        let (a, b) = (&p.stages[i - 1], &p.stages[i]);
        if let (Some(x), Some(y)) = (a.count, b.count) {
            let lenient = a.qualifier != Qualifier::Exactly; // "about 10,000" may be a little under
            if y > x && !(lenient && y <= x + x / 10) {
                r.error(
                    "stages/grow",
                    &(path.to_string() + "/stages/" + &int(i as u64) + "/count"),
                    "\"".to_string() + &b.name + "\" (" + &g(y) + ") is more than the stage before it, \"" + &a.name + "\" (" + &g(x) + "): a selection never grows",
                );
            }
        }
    }
    // Turnout: voters against the electorate, or the electorate it implies.
    if let (Some(v), Some(t)) = (p.voters, turnout) {
        match electorate {
            Some(e) if e > 0 => {
                if !t.matches_share(v, e) {
                    r.error(
                        "turnout/mismatch",
                        &(path.to_string() + "/turnout_percent"),
                        "turnout: expected ".to_string() + &percent(&Decimal::share(v, e, t.scale), &EN) + " (" + &g(v) + " voters of " + &g(e) + "), found " + &percent(t, &EN),
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
                    "the electorate is not given: ".to_string() + &g(v) + " voters at " + &percent(t, &EN) + " turnout imply " + &g(lo as u64) + " to " + &g(hi as u64) + " eligible voters",
                );
            }
            _ => {}
        }
    }
    // Removals and their reasons.
    if let Some(rem) = &p.removed {
        let sum: u64 = rem.reasons.iter().map(|(_, c)| c).sum();
        if let Some(n) = rem.count {
            if sum > n {
                r.error("removed/sum-exceeds", &(path.to_string() + "/removed/count"), "the reasons add up to ".to_string() + &g(sum) + " removals, more than the " + &g(n) + " reported");
            } else if sum < n && !rem.reasons.is_empty() {
                r.info("removed/unexplained", &(path.to_string() + "/removed/count"), g(n - sum) + " of the " + &g(n) + " removals are not broken down by reason");
            }
        }
    }
    // Shares of a stage's people, and the quota.
    for (i, s) in p.shares.iter().enumerate() {
        let sp = path.to_string() + "/shares/" + &int(i as u64);
        let whole = s.stage.as_ref().and_then(|st| p.stages.iter().find(|x| &x.name == st)).filter(|x| x.qualifier == Qualifier::Exactly).and_then(|x| x.count);
        if let Some(w) = whole {
            share_of_whole(s, w, &sp, "people", r);
        }
        if let Some(d) = &s.percent {
            if d.is_negative() || d.cmp_int(100) == std::cmp::Ordering::Greater {
                r.error("percent/out-of-range", &(sp + "/percent"), "a percentage must be between 0 and 100, found ".to_string() + &percent(d, &EN));
            }
        }
    }
    if let Some(q) = &p.quota {
        let qp = path.to_string() + "/quota";
        for name in &q.shares {
            let found = p.shares.iter().position(|s| &s.name == name && s.stage == q.stage);
            match found.and_then(|i| p.shares[i].percent.map(|d| (i, d))) {
                None => r.info(
                    "check/blocked",
                    &qp,
                    "the quota of ".to_string() + &percent(&q.percent, &EN) + " for \"" + name + "\" is not checked: no share of \"" + name + "\""
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
                            "\"".to_string() + name + "\" is " + &percent(&d, &EN) + ", under the quota of " + &percent(&q.percent, &EN),
                        );
                    }
                }
            }
        }
    }
}
