//! From a JSON tree to the model, reporting every shape problem with its
//! JSON Pointer: wrong types, missing members, unknown keys (with a
//! did-you-mean), duplicate keys, bad counts. Reading never stops at the first
//! problem; what cannot be read is left out and the report says so.

use crate::contest::*;
use crate::format::int;
use crate::json::{Node, Value};
use crate::number::count;
use crate::report::Report;
use crate::obj::*;

/// Most parties, candidates or options read in one contest.
pub const MAX_LINES: usize = 100_000;

/// The format version this reader understands.
pub const VERSION: u64 = 1;

const DOC_KEYS: &[&str] = &["tallyboard", "lang", "title", "source", "notes", "contests"];
const THRESHOLD_KEYS: &[&str] = &["percent", "of", "or_district_seats", "minorities_exempt", "alliances", "min_qualifying", "level"];
const DISTRICT_KEYS: &[&str] = &["name", "seats", "electorate", "ballots", "parties", "runoff"];
const BALLOT_KEYS: &[&str] = &["cast", "valid", "invalid", "blank", "uncounted", "issued"];

pub fn document(root: &Node, report: &mut Report) -> Document {
    let mut doc = Document::default();
    let Some(mut o) = Obj::new(root, String::new(), report, said!("an object (the results document)")) else {
        return doc;
    };
    match o.take("tallyboard") {
        None => o.report.error(
            "shape/version",
            "/tallyboard",
            || "missing \"tallyboard\": 1 (the format version) at the top of the document".to_string(),
        ),
        Some(n) => match &n.value {
            Value::Number(lit) if count(lit) == Ok(VERSION) => {}
            _ => o.report.error(
                "shape/version",
                "/tallyboard",
                || "unsupported format version: expected 1, found ".to_string() + &show(n),
            ),
        },
    }
    doc.lang = lang(&mut o);
    doc.title = o.string("title");
    doc.source = o.source("source");
    doc.notes = o.strings("notes");
    match o.take("contests") {
        None => {
            let path = o.child("contests");
            o.report.error("shape/missing", &path, || "missing \"contests\": expected an array of contests".to_string())
        }
        Some(n) => {
            let path = o.child("contests");
            match &n.value {
                Value::Array(items) => {
                    if items.is_empty() {
                        o.report.error("shape/empty", &path, || "\"contests\" is empty: expected at least one contest".to_string());
                    }
                    for (i, item) in items.iter().enumerate() {
                        let p = crate::obj::item(&path, i);
                        if let Some(c) = contest(item, p, o.report) {
                            doc.contests.push(c);
                        }
                    }
                }
                _ => type_error(o.report, &path, said!("an array of contests"), n),
            }
        }
    }
    o.finish(DOC_KEYS);
    // The document's language is its contests' and, unless they say, their lines'.
    for c in doc.contests.iter_mut().filter(|_| cfg!(feature = "full") && doc.lang.is_some()) {
        c.lang = doc.lang.clone();
        for p in &mut c.parties {
            p.lang = p.lang.take().or_else(|| doc.lang.clone());
        }
    }
    doc
}

/// `lang`: a BCP 47 language tag ("he", "ar-EG", "kk-Cyrl"); anything else is said and left out.
fn lang(o: &mut Obj) -> Option<String> {
    // The first paint's module draws no HTML table, where the languages are used.
    if !cfg!(feature = "full") {
        return None;
    }
    let s = o.string("lang")?;
    let subtags_ok = s.split('-').all(|t| (1..=8).contains(&t.len()) && t.chars().all(|c| c.is_ascii_alphanumeric()));
    let first = s.split('-').next().unwrap_or("");
    if subtags_ok && (2..=8).contains(&first.len()) && first.chars().all(|c| c.is_ascii_alphabetic()) {
        return Some(s);
    }
    let path = o.child("lang");
    o.report.warning("lang/invalid", &path, || "expected a language tag like \"he\" or \"ar-EG\", found \"".to_string() + &s + "\"; it is ignored");
    None
}

fn contest(node: &Node, path: String, report: &mut Report) -> Option<Contest> {
    let mut o = Obj::new(node, path, report, said!("a contest"))?;
    let kind = contest_kind(&mut o)?;
    let mut c = Contest::new(kind);
    c.id = o.string("id");
    c.title = o.string("title");
    c.date = o.string("date");
    c.body = o.string("body");
    c.question = o.string("question");
    c.notes = o.strings("notes");
    c.source = o.source("source");
    c.electorate = o.count("electorate");
    c.turnout_percent = o.decimal("turnout_percent");
    if let Some(k) = o.keyword("percent_of", &["valid", "cast"]) {
        c.percent_of = if k == "cast" { Base::Cast } else { Base::Valid };
    }
    c.ballots = ballots(&mut o);
    if matches!(kind, Kind::Election | Kind::Vote) {
        c.count = crate::count::read(&mut o);
    }
    if matches!(kind, Kind::Composition | Kind::Series | Kind::Primaries) {
        // The first paint's module leaves these kinds to the full one (`lib::first_paint`): unread there.
        if !cfg!(feature = "full") {
            return Some(c);
        }
        let own = other_kind(&mut o, &mut c);
        let allowed: Vec<&str> = ["kind", "id", "title", "date", "body", "notes", "source", "electorate", "turnout_percent"].iter().chain(own).copied().collect();
        o.finish(&allowed);
        return Some(c);
    }
    if kind == Kind::Election {
        c.seats = o.count("seats");
        c.majority = o.count("majority");
        c.method = o.keyword("method", &Method::KEYS).and_then(|k| Method::from_key(&k));
        c.threshold = threshold(&mut o);
        election_rules(&mut o, &mut c);
    } else {
        c.participants = o.count("participants");
        c.rule = o.keyword("rule", &Rule::KEYS).and_then(|k| Rule::from_key(&k));
        c.outcome = o.string("outcome");
    }
    result_lines(&mut o, &mut c);
    if cfg!(feature = "full") {
        o.finish(&contest_keys(kind));
    }
    Some(c)
}

/// The contest's `kind`: when missing, inferred (and reported); when unknown, reported
/// with a did-you-mean, and the contest is not read.
fn contest_kind(o: &mut Obj) -> Option<Kind> {
    match o.take("kind") {
        None => {
            // Infer, but say so: a contest without a kind is probably an election with parties.
            let kind = if o.has("options") { Kind::Vote } else { Kind::Election };
            let p = o.child("kind");
            o.report.error(
                "shape/missing",
                &p,
                || "missing \"kind\": expected \"election\" or \"vote\"; read as ".to_string()
                    + if kind == Kind::Vote { "\"vote\"" } else { "\"election\"" },
            );
            Some(kind)
        }
        Some(n) => match &n.value {
            Value::String(s) if Kind::from_key(s).is_some() => Some(Kind::from_key(s).unwrap_or(Kind::Election)),
            _ => {
                let p = o.child("kind");
                o.report.error("shape/kind", &p, || {
                    let mut msg = "expected one of \"election\", \"vote\", \"composition\", \"series\", \"primaries\"; found ".to_string() + &show(n);
                    if let Value::String(s) = &n.value {
                        if let Some(s) = suggest(s, &Kind::KEYS) {
                            msg += "; did you mean \"";
                            msg += s;
                            msg += "\"?";
                        }
                    }
                    msg
                });
                None
            }
        },
    }
}

/// A composition's, a series' or primaries' own members; returns their keys.
fn other_kind(o: &mut Obj, c: &mut Contest) -> &'static [&'static str] {
    match c.kind {
        Kind::Composition => {
            let comp = read_composition(o);
            c.parties = groups(o);
            c.detail = Detail::Composition(comp);
            COMPOSITION_KEYS
        }
        Kind::Series => {
            c.detail = Detail::Series(read_series(o));
            SERIES_KEYS
        }
        _ => {
            c.detail = Detail::Primaries(read_primaries(o));
            PRIMARIES_KEYS
        }
    }
}

/// A composition's groups, read as lines whose seats are the group's members.
fn groups(o: &mut Obj) -> Vec<Party> {
    let mut groups = Vec::new();
    o.each("groups", said!("an object like {\"name\": \"Women\", \"members\": 31}"), &mut |g| {
        let mut p = Party { name: g.string("name").unwrap_or_default(), short: g.string("short"), lang: lang(g), ..Party::default() };
        p.color = g.string("color").and_then(|s| Rgb::parse(&s));
        g.need(&["name", "members"]);
        p.seats = g.count("members");
        g.finish(&["name", "short", "lang", "color", "members"]);
        groups.push(p);
    });
    groups
}

/// An election's threshold: its percent (required), what it is of, its qualifying rules.
fn threshold(o: &mut Obj) -> Option<Threshold> {
    let n = o.take("threshold")?;
    let p = o.child("threshold");
    let mut t = Obj::new(n, p, o.report, said!("an object like {\"percent\": 7, \"of\": \"valid\"}"))?;
    let percent = t.decimal("percent");
    if percent.is_none() {
        let pp = t.child("percent");
        t.report.error("shape/missing", &pp, || "the threshold needs \"percent\"".to_string());
    }
    let of = match t.keyword("of", &["valid", "cast"]).as_deref() {
        Some("cast") => Base::Cast,
        _ => Base::Valid,
    };
    let threshold = percent.map(|percent| threshold_rules(&mut t, Threshold::new(percent, of)));
    t.finish(THRESHOLD_KEYS);
    threshold
}

/// The list of lines: `parties` or `candidates` (a vote's `options` or `candidates`), one of them.
fn result_lines(o: &mut Obj, c: &mut Contest) {
    let kind = c.kind;
    let keys: &[&'static str] = if kind == Kind::Vote { &["options", "candidates"] } else { &["parties", "candidates"] };
    let mut found = false;
    for &key in keys {
        if let Some(n) = o.take(key) {
            let p = o.child(key);
            if found {
                o.report.error("shape/duplicate-list", &p, || "give one list of results, not both \"".to_string() + c.list_key + "\" and \"" + key + "\"");
                continue;
            }
            found = true;
            c.list_key = key;
            match &n.value {
                Value::Array(items) => {
                    if items.len() > MAX_LINES {
                        o.report.error(
                            "list/too-long",
                            &p,
                            || "\"".to_string() + key + "\" has " + &crate::format::grouped(items.len() as u64, &crate::format::EN)
                                + " entries; the limit is 100,000: only the first 100,000 are read",
                        );
                    }
                    c.parties = lines(items, &p, o.report, kind);
                }
                _ => type_error(o.report, &p, said!("an array"), n),
            }
        }
    }
    if !found {
        let p = o.child(keys[0]);
        o.report.error(
            "shape/missing",
            &p,
            || "missing \"".to_string() + keys[0] + "\": expected an array of " + if kind == Kind::Vote { "options" } else { "parties" },
        );
    }
}

/// The keys an election or a vote may have.
fn contest_keys(kind: Kind) -> Vec<&'static str> {
    CONTEST_KEYS
        .iter()
        .copied()
        .filter(|k| match kind {
            Kind::Election => !matches!(*k, "participants" | "rule" | "outcome" | "options"),
            _ => !matches!(
                *k,
                "seats" | "majority" | "method" | "threshold" | "parties" | "system" | "overhang" | "minority_factor"
                    | "first_divisor" | "surplus_agreements" | "districts" | "first_round_quorum_percent"
            ),
        })
        .collect()
}

fn ballots(o: &mut Obj) -> Ballots {
    let mut out = Ballots::default();
    if let Some(n) = o.take("ballots") {
        let p = o.child("ballots");
        if let Some(mut b) = Obj::new(n, p, o.report, said!("an object of ballot counts")) {
            out.cast = b.count("cast");
            out.valid = b.count("valid");
            out.invalid = b.count("invalid");
            out.blank = b.count("blank");
            out.uncounted_unknown = b.has("uncounted");
            out.uncounted = b.count("uncounted");
            out.uncounted_unknown &= out.uncounted.is_none();
            out.issued = b.count("issued");
            b.finish(BALLOT_KEYS);
        }
    }
    out
}

fn lines(items: &[Node], path: &str, report: &mut Report, kind: Kind) -> Vec<Party> {
    let mut out = Vec::with_capacity(items.len().min(MAX_LINES));
    for (i, item) in items.iter().enumerate().take(MAX_LINES) {
        out.push(party(item, crate::obj::item(path, i), report, kind));
    }
    out
}

/// The threshold's qualifying rules beside its percent.
fn threshold_rules(t: &mut Obj, mut th: Threshold) -> Threshold {
    th.or_district_seats = t.count("or_district_seats");
    th.minorities_exempt = t.boolean("minorities_exempt").unwrap_or(false);
    // (What only the check and the replay read: the full module's.)
    if !cfg!(feature = "full") {
        return th;
    }
    th.min_qualifying = t.count("min_qualifying");
    if t.keyword("level", &["national", "district"]).as_deref() == Some("district") {
        th.level = Level::District;
    }
    let mut alliances = Vec::new();
    t.each("alliances", said!("an object like {\"min_parties\": 2, \"percent\": 7}"), &mut |a| {
        let n = a.count("min_parties");
        let p = a.percent("percent");
        match (n, p) {
            (Some(n), Some(p)) if n >= 2 => alliances.push((n, p)),
            _ => {
                let path = a.path.clone();
                a.report.error("shape/missing", &path, || "an alliance threshold needs \"min_parties\" (2 or more) and \"percent\"".to_string())
            }
        }
        a.finish(&["min_parties", "percent"]);
    });
    // (The crate's one sort, not a std sort instantiated for this pair: 3.4 KB less wasm.)
    th.alliances = crate::number::sorted_indices(alliances.len(), &|a, b| alliances[a].0 < alliances[b].0).into_iter().map(|i| alliances[i].clone()).collect();
    th
}

/// The election's system keys: system, overhang, minority factor, first divisor, agreements, districts.
fn election_rules(o: &mut Obj, c: &mut Contest) {
    match o.keyword("system", &System::KEYS).as_deref() {
        Some("mmp") => c.system = System::Mmp,
        Some("parallel") => c.system = System::Parallel,
        _ => {}
    }
    // (The first paint's module replays no rules: what only the check and the replay read is the full module's.)
    if !cfg!(feature = "full") {
        return;
    }
    o.keyword("overhang", &["kept"]);
    c.minority_factor = o.factor("minority_factor", 1, false);
    c.first_divisor = o.factor("first_divisor", 0, true);
    c.first_round_quorum = o.percent("first_round_quorum_percent");
    if let Some(n) = o.take("surplus_agreements") {
        let p = o.child("surplus_agreements");
        match &n.value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    match &item.value {
                        Value::Array(pair) if pair.len() == 2 => match (&pair[0].value, &pair[1].value) {
                            (Value::String(a), Value::String(b)) => c.surplus_agreements.push([a.clone(), b.clone()]),
                            _ => type_error(o.report, &(p.clone() + "/" + &int(i as u64)), said!("a pair of list names"), item),
                        },
                        _ => type_error(o.report, &(p.clone() + "/" + &int(i as u64)), said!("a pair of list names like [\"A\", \"B\"]"), item),
                    }
                }
            }
            _ => type_error(o.report, &p, said!("an array of pairs of list names"), n),
        }
    }
    let mut districts = Vec::new();
    o.each("districts", said!("an object like {\"name\": ..., \"seats\": ..., \"parties\": [...]}"), &mut |d| {
        let mut district = District { name: d.string("name").unwrap_or_default(), seats: d.count("seats"), electorate: d.count("electorate"), ..District::default() };
        district.ballots = ballots(d);
        district.parties = required_lines(d, said!("a district"));
        if let Some(n) = d.take("runoff") {
            let p = d.child("runoff");
            if let Some(mut r) = Obj::new(n, p, d.report, said!("an object like {\"parties\": [...]} (the second round)")) {
                let ballots = ballots(&mut r);
                let runoff = crate::contest::Runoff { ballots, parties: required_lines(&mut r, said!("a second round")) };
                r.finish(&["ballots", "parties"]);
                district.runoff = Some(runoff);
            }
        }
        d.finish(DISTRICT_KEYS);
        districts.push(district);
    });
    c.districts = districts;
}

/// The required `parties` of a district or a second round (`what`), read as election lines.
fn required_lines(o: &mut Obj, what: &str) -> Vec<Party> {
    let p = o.child("parties");
    match o.take("parties") {
        Some(n) => match &n.value {
            Value::Array(items) => lines(items, &p, o.report, Kind::Election),
            _ => {
                type_error(o.report, &p, said!("an array"), n);
                Vec::new()
            }
        },
        None => {
            o.report.error("shape/missing", &p, || "missing \"parties\": ".to_string() + what + " needs its results");
            Vec::new()
        }
    }
}

fn party(node: &Node, path: String, report: &mut Report, kind: Kind) -> Party {
    let mut p = Party::default();
    let Some(mut o) = Obj::new(node, path, report, said!("an object with a \"name\"")) else {
        return p;
    };
    match o.take("name") {
        None => {
            let path = o.child("name");
            o.report.error("name/missing", &path, || "missing \"name\"".to_string());
        }
        Some(n) => match &n.value {
            Value::String(s) => p.name = crate::format::without_bidi_controls(s),
            // Spreadsheets turn numeric names into numbers: take the text.
            Value::Number(lit) => p.name = String::from(*lit),
            _ => {
                let path = o.child("name");
                type_error(o.report, &path, said!("a string"), n)
            }
        },
    }
    p.short = o.string("short");
    // (A name's language: for the full module's HTML table.)
    p.lang = if cfg!(feature = "full") { lang(&mut o) } else { None };
    if let Some(s) = o.string("color") {
        p.color = Rgb::parse(&s);
        if p.color.is_none() {
            let path = o.child("color");
            o.report.warning(
                "color/invalid",
                &path,
                || "expected a colour like \"#1f77b4\", found \"".to_string() + &s + "\"; a palette colour is used",
            );
        }
    }
    p.votes = o.count("votes");
    p.percent = o.decimal("percent");
    p.previous_percent = o.percent("previous_percent");
    if kind == Kind::Election {
        p.seats = o.count("seats");
        p.previous_seats = o.count("previous_seats");
        if let Some(r) = o.keyword("role", &Role::KEYS) {
            p.role = Role::from_key(&r).unwrap_or_default();
        }
        p.lists = o.count("lists");
        p.district_seats = o.count("district_seats");
        // (For the check and the replay only: the full module's.)
        if cfg!(feature = "full") {
            p.minority = o.boolean("minority").unwrap_or(false);
            p.alliance_of = o.count("alliance_of");
            p.candidate = o.string("candidate");
        }
        o.finish(PARTY_KEYS);
    } else {
        o.finish(&["name", "short", "lang", "color", "votes", "percent", "previous_percent"]);
    }
    p
}

// ---------------------------------------------------------------- the other kinds

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
    o.each(key, said!("an object like {\"name\": \"Women\", \"percent\": 33.7}"), &mut |item| {
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
    o.each("points", said!("an object like {\"label\": \"2021\", \"seats\": 76, \"of\": 98}"), &mut |item| {
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
    o.each("stages", said!("an object like {\"name\": \"Shortlisted\", \"count\": 267}"), &mut |item| {
        item.need(&["name"]);
        let s = Stage {
            name: item.string("name").unwrap_or_default(),
            count: item.count("count"),
            qualifier: qualifier(item, "qualifier").unwrap_or(Qualifier::Exactly),
        };
        item.finish(&["name", "count", "qualifier"]);
        stages.push(s);
    });
    let removed = o.object("removed", said!("an object like {\"count\": 37, \"reasons\": [...]}"), &mut |item| {
        let count = item.count("count");
        let mut reasons = Vec::new();
        item.each("reasons", said!("an object like {\"name\": \"falsification\", \"count\": 7}"), &mut |r| {
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
        .object("quota", said!("an object like {\"percent\": 30, \"shares\": [\"Women\"], \"stage\": \"Selected\"}"), &mut |q| {
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
