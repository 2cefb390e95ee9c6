//! From a JSON tree to the model, reporting every shape problem with its
//! JSON Pointer: wrong types, missing members, unknown keys (with a
//! did-you-mean), duplicate keys, bad counts. Reading never stops at the first
//! problem; what cannot be read is left out and the report says so.

use crate::contest::*;
use crate::format::int;
use crate::json::{pointer_escape, Member, Node, Value};
use crate::number::{count, CountError, Decimal};
use crate::report::Report;

/// Most parties, candidates or options read in one contest.
pub const MAX_LINES: usize = 100_000;

/// The format version this reader understands.
pub const VERSION: u64 = 1;

const DOC_KEYS: &[&str] = &["tallyboard", "title", "source", "notes", "contests"];
const SOURCE_KEYS: &[&str] = &["name", "url", "retrieved"];
const CONTEST_KEYS: &[&str] = &[
    "kind", "id", "title", "date", "body", "question", "notes", "source", "seats", "majority", "method", "threshold",
    "percent_of", "electorate", "ballots", "participants", "rule", "outcome", "turnout_percent", "parties",
    "candidates", "options", "system", "overhang", "minority_factor", "first_divisor", "surplus_agreements", "districts",
    "first_round_quorum_percent",
];
const THRESHOLD_KEYS: &[&str] = &["percent", "of", "or_district_seats", "minorities_exempt", "alliances", "min_qualifying", "level"];
const DISTRICT_KEYS: &[&str] = &["name", "seats", "electorate", "ballots", "parties", "runoff"];
const BALLOT_KEYS: &[&str] = &["cast", "valid", "invalid", "blank", "uncounted", "issued"];
const PARTY_KEYS: &[&str] = &[
    "name", "short", "color", "votes", "percent", "seats", "previous_seats", "role", "lists", "district_seats", "minority",
    "alliance_of", "candidate",
];

pub fn document(root: &Node, report: &mut Report) -> Document {
    let mut doc = Document::default();
    let Some(mut o) = Obj::new(root, String::new(), report, "an object (the results document)") else {
        return doc;
    };
    match o.take("tallyboard") {
        None => o.report.error(
            "shape/version",
            "/tallyboard",
            "missing \"tallyboard\": 1 (the format version) at the top of the document".to_string(),
        ),
        Some(n) => match &n.value {
            Value::Number(lit) if count(lit) == Ok(VERSION) => {}
            _ => o.report.error(
                "shape/version",
                "/tallyboard",
                "unsupported format version: expected 1, found ".to_string() + &show(n),
            ),
        },
    }
    doc.title = o.string("title");
    doc.source = o.source("source");
    doc.notes = o.strings("notes");
    match o.take("contests") {
        None => {
            let path = o.child("contests");
            o.report.error("shape/missing", &path, "missing \"contests\": expected an array of contests".to_string())
        }
        Some(n) => {
            let path = o.child("contests");
            match &n.value {
                Value::Array(items) => {
                    if items.is_empty() {
                        o.report.error("shape/empty", &path, "\"contests\" is empty: expected at least one contest".to_string());
                    }
                    for (i, item) in items.iter().enumerate() {
                        let p = path.clone() + "/" + &int(i as u64);
                        if let Some(c) = contest(item, p, o.report) {
                            doc.contests.push(c);
                        }
                    }
                }
                _ => type_error(o.report, &path, "an array of contests", n),
            }
        }
    }
    o.finish(DOC_KEYS);
    doc
}

fn contest(node: &Node, path: String, report: &mut Report) -> Option<Contest> {
    let mut o = Obj::new(node, path, report, "a contest")?;
    let kind = match o.take("kind") {
        None => {
            // Infer, but say so: a contest without a kind is probably an election with parties.
            let kind = if o.has("options") { Kind::Vote } else { Kind::Election };
            let p = o.child("kind");
            o.report.error(
                "shape/missing",
                &p,
                "missing \"kind\": expected \"election\" or \"vote\"; read as ".to_string()
                    + if kind == Kind::Vote { "\"vote\"" } else { "\"election\"" },
            );
            kind
        }
        Some(n) => match &n.value {
            Value::String(s) if Kind::from_key(s).is_some() => Kind::from_key(s).unwrap_or(Kind::Election),
            _ => {
                let p = o.child("kind");
                let mut msg = "expected one of \"election\", \"vote\", \"composition\", \"series\", \"primaries\"; found ".to_string() + &show(n);
                if let Value::String(s) = &n.value {
                    if let Some(s) = suggest(s, &Kind::KEYS) {
                        msg += "; did you mean \"";
                        msg += s;
                        msg += "\"?";
                    }
                }
                o.report.error("shape/kind", &p, msg);
                return None;
            }
        },
    };
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
    if matches!(kind, Kind::Composition | Kind::Series | Kind::Primaries) {
        use crate::kinds::*;
        let own: &[&str] = match kind {
            Kind::Composition => {
                let comp = read_composition(&mut o);
                let mut groups = Vec::new();
                o.each("groups", "an object like {\"name\": \"Women\", \"members\": 31}", &mut |g| {
                    let mut p = Party { name: g.string("name").unwrap_or_default(), short: g.string("short"), ..Party::default() };
                    p.color = g.string("color").and_then(|s| Rgb::parse(&s));
                    g.need(&["name", "members"]);
                    p.seats = g.count("members");
                    g.finish(&["name", "short", "color", "members"]);
                    groups.push(p);
                });
                c.parties = groups;
                c.detail = Detail::Composition(comp);
                COMPOSITION_KEYS
            }
            Kind::Series => {
                c.detail = Detail::Series(read_series(&mut o));
                SERIES_KEYS
            }
            _ => {
                c.detail = Detail::Primaries(read_primaries(&mut o));
                PRIMARIES_KEYS
            }
        };
        let allowed: Vec<&str> = ["kind", "id", "title", "date", "body", "notes", "source", "electorate", "turnout_percent"].iter().chain(own).copied().collect();
        o.finish(&allowed);
        return Some(c);
    }
    if kind == Kind::Election {
        c.seats = o.count("seats");
        c.majority = o.count("majority");
        c.method = o.keyword("method", Method::ALL.map(|m| m.key()).as_slice()).and_then(|k| Method::from_key(&k));
        if let Some(n) = o.take("threshold") {
            let p = o.child("threshold");
            if let Some(mut t) = Obj::new(n, p, o.report, "an object like {\"percent\": 7, \"of\": \"valid\"}") {
                let percent = t.decimal("percent");
                if percent.is_none() {
                    let pp = t.child("percent");
                    t.report.error("shape/missing", &pp, "the threshold needs \"percent\"".to_string());
                }
                let of = match t.keyword("of", &["valid", "cast"]).as_deref() {
                    Some("cast") => Base::Cast,
                    _ => Base::Valid,
                };
                if let Some(percent) = percent {
                    c.threshold = Some(threshold_rules(&mut t, Threshold::new(percent, of)));
                }
                t.finish(THRESHOLD_KEYS);
            }
        }
        election_rules(&mut o, &mut c);
    } else {
        c.participants = o.count("participants");
        c.rule = o.keyword("rule", Rule::ALL.map(|r| r.key()).as_slice()).and_then(|k| Rule::from_key(&k));
        c.outcome = o.string("outcome");
    }
    // The list of lines.
    let keys: &[&'static str] = if kind == Kind::Vote { &["options", "candidates"] } else { &["parties", "candidates"] };
    let mut found = false;
    for &key in keys {
        if let Some(n) = o.take(key) {
            let p = o.child(key);
            if found {
                o.report.error("shape/duplicate-list", &p, "give one list of results, not both \"".to_string() + c.list_key + "\" and \"" + key + "\"");
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
                            "\"".to_string() + key + "\" has " + &crate::format::grouped(items.len() as u64, &crate::format::EN)
                                + " entries; the limit is 100,000: only the first 100,000 are read",
                        );
                    }
                    c.parties = lines(items, &p, o.report, kind);
                }
                _ => type_error(o.report, &p, "an array", n),
            }
        }
    }
    if !found {
        let p = o.child(keys[0]);
        o.report.error(
            "shape/missing",
            &p,
            "missing \"".to_string() + keys[0] + "\": expected an array of " + if kind == Kind::Vote { "options" } else { "parties" },
        );
    }
    let allowed: Vec<&str> = CONTEST_KEYS
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
        .collect();
    o.finish(&allowed);
    Some(c)
}

fn ballots(o: &mut Obj) -> Ballots {
    let mut out = Ballots::default();
    if let Some(n) = o.take("ballots") {
        let p = o.child("ballots");
        if let Some(mut b) = Obj::new(n, p, o.report, "an object of ballot counts") {
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
        out.push(party(item, path.to_string() + "/" + &int(i as u64), report, kind));
    }
    out
}

/// The threshold's qualifying rules beside its percent.
fn threshold_rules(t: &mut Obj, mut th: Threshold) -> Threshold {
    th.or_district_seats = t.count("or_district_seats");
    th.minorities_exempt = t.boolean("minorities_exempt").unwrap_or(false);
    th.min_qualifying = t.count("min_qualifying");
    if t.keyword("level", &["national", "district"]).as_deref() == Some("district") {
        th.level = Level::District;
    }
    let mut alliances = Vec::new();
    t.each("alliances", "an object like {\"min_parties\": 2, \"percent\": 7}", &mut |a| {
        let n = a.count("min_parties");
        let p = a.percent("percent");
        match (n, p) {
            (Some(n), Some(p)) if n >= 2 => alliances.push((n, p)),
            _ => {
                let path = a.path.clone();
                a.report.error("shape/missing", &path, "an alliance threshold needs \"min_parties\" (2 or more) and \"percent\"".to_string())
            }
        }
        a.finish(&["min_parties", "percent"]);
    });
    alliances.sort_by_key(|a| a.0);
    th.alliances = alliances;
    th
}

/// The election's system keys: system, overhang, minority factor, first divisor, agreements, districts.
fn election_rules(o: &mut Obj, c: &mut Contest) {
    match o.keyword("system", &System::KEYS).as_deref() {
        Some("mmp") => c.system = System::Mmp,
        Some("parallel") => c.system = System::Parallel,
        _ => {}
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
                            _ => type_error(o.report, &(p.clone() + "/" + &int(i as u64)), "a pair of list names", item),
                        },
                        _ => type_error(o.report, &(p.clone() + "/" + &int(i as u64)), "a pair of list names like [\"A\", \"B\"]", item),
                    }
                }
            }
            _ => type_error(o.report, &p, "an array of pairs of list names", n),
        }
    }
    let mut districts = Vec::new();
    o.each("districts", "an object like {\"name\": ..., \"seats\": ..., \"parties\": [...]}", &mut |d| {
        let mut district = District { name: d.string("name").unwrap_or_default(), seats: d.count("seats"), electorate: d.count("electorate"), ..District::default() };
        district.ballots = ballots(d);
        match d.take("parties") {
            Some(n) => {
                let p = d.child("parties");
                match &n.value {
                    Value::Array(items) => district.parties = lines(items, &p, d.report, Kind::Election),
                    _ => type_error(d.report, &p, "an array", n),
                }
            }
            None => {
                let p = d.child("parties");
                d.report.error("shape/missing", &p, "missing \"parties\": a district needs its results".to_string())
            }
        }
        if let Some(n) = d.take("runoff") {
            let p = d.child("runoff");
            if let Some(mut r) = Obj::new(n, p, d.report, "an object like {\"parties\": [...]} (the second round)") {
                let mut runoff = crate::contest::Runoff { ballots: ballots(&mut r), ..Default::default() };
                match r.take("parties") {
                    Some(n) => {
                        let p = r.child("parties");
                        match &n.value {
                            Value::Array(items) => runoff.parties = lines(items, &p, r.report, Kind::Election),
                            _ => type_error(r.report, &p, "an array", n),
                        }
                    }
                    None => {
                        let p = r.child("parties");
                        r.report.error("shape/missing", &p, "missing \"parties\": a second round needs its results".to_string())
                    }
                }
                r.finish(&["ballots", "parties"]);
                district.runoff = Some(runoff);
            }
        }
        d.finish(DISTRICT_KEYS);
        districts.push(district);
    });
    c.districts = districts;
}

fn party(node: &Node, path: String, report: &mut Report, kind: Kind) -> Party {
    let mut p = Party::default();
    let Some(mut o) = Obj::new(node, path, report, "an object with a \"name\"") else {
        return p;
    };
    match o.take("name") {
        None => {
            let path = o.child("name");
            o.report.error("name/missing", &path, "missing \"name\"".to_string());
        }
        Some(n) => match &n.value {
            Value::String(s) => p.name = crate::format::without_bidi_controls(s),
            // Spreadsheets turn numeric names into numbers: take the text.
            Value::Number(lit) => p.name = String::from(*lit),
            _ => {
                let path = o.child("name");
                type_error(o.report, &path, "a string", n)
            }
        },
    }
    p.short = o.string("short");
    if let Some(s) = o.string("color") {
        p.color = Rgb::parse(&s);
        if p.color.is_none() {
            let path = o.child("color");
            o.report.warning(
                "color/invalid",
                &path,
                "expected a colour like \"#1f77b4\", found \"".to_string() + &s + "\"; a palette colour is used",
            );
        }
    }
    p.votes = o.count("votes");
    p.percent = o.decimal("percent");
    if kind == Kind::Election {
        p.seats = o.count("seats");
        p.previous_seats = o.count("previous_seats");
        if let Some(r) = o.keyword("role", &Role::KEYS) {
            p.role = Role::from_key(&r).unwrap_or_default();
        }
        p.lists = o.count("lists");
        p.district_seats = o.count("district_seats");
        p.minority = o.boolean("minority").unwrap_or(false);
        p.alliance_of = o.count("alliance_of");
        p.candidate = o.string("candidate");
        o.finish(PARTY_KEYS);
    } else {
        o.finish(&["name", "short", "color", "votes", "percent"]);
    }
    p
}

/// An object being read: its members, which of them were used, and where it is.
pub(crate) struct Obj<'a, 'r> {
    members: &'a [Member<'a>],
    used: Vec<bool>,
    path: String,
    report: &'r mut Report,
}

impl<'a, 'r> Obj<'a, 'r> {
    pub(crate) fn new(node: &'a Node<'a>, path: String, report: &'r mut Report, what: &str) -> Option<Obj<'a, 'r>> {
        match &node.value {
            Value::Object(members) => {
                // Duplicate keys: JSON parsers disagree on which wins; we take the first and say so.
                // Sorted (stably, so the first of equal keys leads its run), not compared pairwise.
                // (A small object, the usual kind, compares its keys pairwise: no allocation.)
                let n = members.len();
                let mut again = vec![false; n];
                if n <= 16 {
                    for i in 1..n {
                        again[i] = members[..i].iter().any(|m| m.key == members[i].key);
                    }
                } else {
                    let order = crate::number::sorted_indices(n, &|a, b| members[a].key < members[b].key);
                    for w in order.windows(2) {
                        again[w[1]] = members[w[0]].key == members[w[1]].key;
                    }
                }
                for (m, _) in members.iter().zip(&again).filter(|(_, a)| **a) {
                    let p = path.clone() + "/" + &pointer_escape(&m.key);
                    report.error(
                        "shape/duplicate-key",
                        &p,
                        "\"".to_string() + &m.key + "\" appears more than once in this object; the first is used",
                    );
                }
                Some(Obj { used: vec![false; members.len()], members, path, report })
            }
            _ => {
                type_error(report, &path, what, node);
                None
            }
        }
    }

    pub(crate) fn child(&self, key: &str) -> String {
        self.path.clone() + "/" + &pointer_escape(key)
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.members.iter().any(|m| m.key == key)
    }

    pub(crate) fn take(&mut self, key: &str) -> Option<&'a Node<'a>> {
        let i = self.members.iter().position(|m| m.key == key)?;
        for (j, m) in self.members.iter().enumerate() {
            if m.key == key {
                self.used[j] = true;
            }
        }
        Some(&self.members[i].node)
    }

    pub(crate) fn string(&mut self, key: &str) -> Option<String> {
        let n = self.take(key)?;
        match &n.value {
            Value::String(s) => Some(crate::format::without_bidi_controls(s)),
            _ => {
                let p = self.child(key);
                type_error(self.report, &p, "a string", n);
                None
            }
        }
    }

    pub(crate) fn strings(&mut self, key: &str) -> Vec<String> {
        let Some(n) = self.take(key) else { return Vec::new() };
        let p = self.child(key);
        match &n.value {
            Value::String(s) => vec![crate::format::without_bidi_controls(s)],
            Value::Array(items) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match &item.value {
                        Value::String(s) => out.push(crate::format::without_bidi_controls(s)),
                        _ => type_error(self.report, &(p.clone() + "/" + &int(i as u64)), "a string", item),
                    }
                }
                out
            }
            _ => {
                type_error(self.report, &p, "an array of strings", n);
                Vec::new()
            }
        }
    }

    pub(crate) fn source(&mut self, key: &str) -> Option<Source> {
        let n = self.take(key)?;
        let p = self.child(key);
        match &n.value {
            // A bare string is taken as the source's name.
            Value::String(s) => Some(Source { name: Some(s.clone()), ..Source::default() }),
            _ => {
                let mut o = Obj::new(n, p, self.report, "an object like {\"name\": ..., \"url\": ...}")?;
                o.need(&["name"]);
                let s = Source { name: o.string("name"), url: o.string("url"), retrieved: o.string("retrieved") };
                o.finish(SOURCE_KEYS);
                Some(s)
            }
        }
    }

    /// A count: a non-negative whole number, or null.
    pub(crate) fn count(&mut self, key: &str) -> Option<u64> {
        let n = self.take(key)?;
        let p = self.child(key);
        match &n.value {
            Value::Null => None,
            Value::Number(lit) => match count(lit) {
                Ok(v) => Some(v),
                Err(CountError::Negative) => {
                    self.report.error("count/negative", &p, "a count cannot be negative, found ".to_string() + lit);
                    None
                }
                Err(CountError::Fractional) => {
                    self.report.error("count/fractional", &p, "a count must be a whole number, found ".to_string() + lit);
                    None
                }
                Err(CountError::TooLarge) => {
                    self.report.error("count/too-large", &p, "this count is too large to be real: ".to_string() + lit);
                    None
                }
            },
            Value::String(s) => {
                // "5 148 074" or "5,148,074" from a spreadsheet: say how to write it.
                let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
                let mut msg = "expected a number, found the string \"".to_string() + s + "\"";
                if !digits.is_empty() && digits.len() + 4 >= s.chars().count() {
                    msg += "; write it without quotes or separators: ";
                    msg += &digits;
                }
                self.report.error("shape/type", &p, msg);
                None
            }
            _ => {
                type_error(self.report, &p, "a whole number or null", n);
                None
            }
        }
    }

    /// Report each of `keys` that the object lacks (the schema's required keys).
    pub(crate) fn need(&mut self, keys: &[&str]) {
        for k in keys {
            if !self.has(k) {
                let p = self.child(k);
                self.report.error("shape/missing", &p, "missing \"".to_string() + k + "\"");
            }
        }
    }

    /// A percentage from 0 to 100 (out of range: an error, and None).
    pub(crate) fn percent(&mut self, key: &str) -> Option<Decimal> {
        let d = self.decimal(key)?;
        let p = self.child(key);
        if d.is_negative() {
            self.report.error("percent/negative", &p, "a percentage cannot be negative, found ".to_string() + &crate::format::percent(&d, &crate::format::EN));
            None
        } else if d.cmp_int(100) == std::cmp::Ordering::Greater {
            self.report.error("percent/over-100", &p, "a percentage cannot exceed 100, found ".to_string() + &crate::format::percent(&d, &crate::format::EN));
            None
        } else {
            Some(d)
        }
    }

    /// A number from `min` (above it if `open`) to 100, such as a factor or a divisor.
    pub(crate) fn factor(&mut self, key: &str, min: i128, open: bool) -> Option<Decimal> {
        let d = self.decimal(key)?;
        let low = d.cmp_int(min);
        if low == std::cmp::Ordering::Less || (open && low == std::cmp::Ordering::Equal) || d.cmp_int(100) == std::cmp::Ordering::Greater {
            let p = self.child(key);
            let from = if open { "above ".to_string() } else { "from ".to_string() } + &int(min as u64);
            self.report.error("shape/range", &p, "expected a number ".to_string() + &from + " to 100");
            return None;
        }
        Some(d)
    }

    /// A boolean, or null.
    pub(crate) fn boolean(&mut self, key: &str) -> Option<bool> {
        let n = self.take(key)?;
        match &n.value {
            Value::Bool(b) => Some(*b),
            _ => {
                let p = self.child(key);
                type_error(self.report, &p, "true or false", n);
                None
            }
        }
    }

    /// A reported decimal (a percentage), kept with its precision.
    pub(crate) fn decimal(&mut self, key: &str) -> Option<Decimal> {
        let n = self.take(key)?;
        let p = self.child(key);
        match &n.value {
            Value::Null => None,
            Value::Number(lit) => match Decimal::parse(lit) {
                Some(d) => Some(d),
                None => {
                    self.report.error(
                        "percent/unreadable",
                        &p,
                        "expected a percentage with at most 12 decimals, found ".to_string() + lit,
                    );
                    None
                }
            },
            _ => {
                type_error(self.report, &p, "a number or null", n);
                None
            }
        }
    }

    /// One of a fixed set of words; an unknown word gets a did-you-mean.
    pub(crate) fn keyword(&mut self, key: &str, allowed: &[&str]) -> Option<String> {
        let s = self.string(key)?;
        if allowed.contains(&s.as_str()) {
            return Some(s);
        }
        let p = self.child(key);
        let mut msg = "unknown value \"".to_string() + &s + "\"; expected one of: " + &allowed.join(", ");
        if let Some(best) = suggest(&s, allowed) {
            msg += "; did you mean \"";
            msg += best;
            msg += "\"?";
        }
        self.report.error("shape/keyword", &p, msg);
        None
    }

    /// Each object of an array member, read by `f`.
    pub(crate) fn each(&mut self, key: &str, what: &str, f: &mut dyn FnMut(&mut Obj)) {
        let Some(n) = self.take(key) else { return };
        let p = self.child(key);
        match &n.value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if let Some(mut o) = Obj::new(item, p.clone() + "/" + &int(i as u64), self.report, what) {
                        f(&mut o);
                    }
                }
            }
            _ => type_error(self.report, &p, "an array", n),
        }
    }

    /// An object member, read by `f`.
    pub(crate) fn object<T>(&mut self, key: &str, what: &str, f: &mut dyn FnMut(&mut Obj) -> T) -> Option<T> {
        let n = self.take(key)?;
        let p = self.child(key);
        let mut o = Obj::new(n, p, self.report, what)?;
        Some(f(&mut o))
    }

    /// Report members that were never read: typos get a suggestion.
    pub(crate) fn finish(&mut self, allowed: &[&str]) {
        for (m, used) in self.members.iter().zip(&self.used) {
            if *used {
                continue;
            }
            let p = self.path.clone() + "/" + &pointer_escape(&m.key);
            let mut msg = "unknown key \"".to_string() + &m.key + "\" is ignored";
            if let Some(best) = suggest(&m.key, allowed) {
                msg += "; did you mean \"";
                msg += best;
                msg += "\"?";
            } else if CONTEST_KEYS.contains(&m.key.as_str()) || PARTY_KEYS.contains(&m.key.as_str()) {
                msg += " here";
            }
            self.report.warning("shape/unknown-key", &p, msg);
            // Many unknown keys in one object must not each search the object again.
            if let Some(f) = self.report.findings.last_mut() {
                f.offset = Some(m.key_offset);
            }
        }
    }
}

fn show(n: &Node) -> String {
    match &n.value {
        Value::Number(l) => String::from(*l),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            "\"".to_string() + &short + if s.chars().count() > 40 { "…\"" } else { "\"" }
        }
        v => v.type_name().to_string(),
    }
}

fn type_error(report: &mut Report, path: &str, expected: &str, found: &Node) {
    let mut msg = "expected ".to_string() + expected + ", found " + found.value.type_name();
    if let Value::String(_) | Value::Number(_) = &found.value {
        msg += " ";
        msg += &show(found);
    }
    report.error("shape/type", path, msg);
}

/// The allowed word closest to `word`, if it is a plausible typo
/// (Damerau-Levenshtein distance at most 2, and less than half the length).
pub fn suggest<'a>(word: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let w = crate::format::fold_case(word);
    let mut best: Option<(&str, usize)> = None;
    for &a in allowed {
        let d = distance(&w, a);
        let limit = if a.chars().count() <= 4 { 1 } else { 2 };
        if d <= limit && d * 2 < a.chars().count().max(2) && best.map_or(true, |(_, bd)| d < bd) {
            best = Some((a, d));
        }
    }
    // A stem of the word ("primary" for "primaries", "candidate" for "candidates").
    best.map(|(a, _)| a).or_else(|| {
        allowed.iter().copied().find(|a| {
            let common = w.chars().zip(a.chars()).take_while(|(x, y)| x == y).count();
            common >= 5 && common * 10 >= w.chars().count().min(a.chars().count()) * 7
        })
    })
}

fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 3 || a.len() > 64 {
        return usize::MAX / 2;
    }
    // Optimal string alignment distance.
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for j in 0..=b.len() {
        d[j] = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1).min(d[i * w + j - 1] + 1).min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(suggest("vots", PARTY_KEYS), Some("votes"));
        assert_eq!(suggest("seat", PARTY_KEYS), Some("seats"));
        assert_eq!(suggest("precent", PARTY_KEYS), Some("percent"));
        assert_eq!(suggest("colour", PARTY_KEYS), Some("color"));
        assert_eq!(suggest("dhont", &Method::ALL.map(|m| m.key())), Some("dhondt"));
        assert_eq!(suggest("wikidata", PARTY_KEYS), None);
        assert_eq!(suggest("id", PARTY_KEYS), None);
    }
}
