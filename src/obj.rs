//! Reading one JSON object of the format: typed getters that say what is wrong
//! and where (a finding at the JSON path), unknown keys with a did-you-mean.

use crate::format::int;
use crate::json::{pointer_escape, Member, Node, Value};
use crate::number::{count, CountError, Decimal};
use crate::contest::Source;
use crate::report::Report;

pub(crate) const SOURCE_KEYS: &[&str] = &["name", "url", "retrieved"];

pub(crate) const CONTEST_KEYS: &[&str] = &[
    "kind", "id", "title", "date", "body", "question", "notes", "source", "seats", "majority", "method", "threshold",
    "percent_of", "electorate", "ballots", "participants", "rule", "outcome", "turnout_percent", "parties",
    "candidates", "options", "system", "overhang", "minority_factor", "first_divisor", "surplus_agreements", "districts",
    "first_round_quorum_percent", "status", "counted", "as_of", "previous",
];

pub(crate) const PARTY_KEYS: &[&str] = &[
    "name", "short", "lang", "color", "votes", "percent", "seats", "previous_seats", "role", "lists", "district_seats", "minority",
    "alliance_of", "candidate", "previous_percent",
];

/// An object being read: its members, which of them were used, and where it is.
pub(crate) struct Obj<'a, 'r> {
    members: &'a [Member<'a>],
    used: Vec<bool>,
    pub(crate) path: String,
    pub(crate) report: &'r mut Report,
}

impl<'a, 'r> Obj<'a, 'r> {
    pub(crate) fn new(node: &'a Node<'a>, path: String, report: &'r mut Report, what: &str) -> Option<Obj<'a, 'r>> {
        match &node.value {
            Value::Object(members) => {
                // Duplicate keys: JSON parsers disagree on which wins; we take the first and say so.
                // Sorted (stably, so the first of equal keys leads its run), not compared pairwise.
                // (A small object, the usual kind, compares its keys pairwise: no allocation.) The
                // first paint's module reads the first too and leaves saying so to the full module.
                if cfg!(feature = "full") {
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
                            || "\"".to_string() + &m.key + "\" appears more than once in this object; the first is used",
                        );
                    }
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
        // (The first paint's module says where nothing is: no paths.)
        if !cfg!(feature = "full") {
            return String::new();
        }
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
                type_error(self.report, &p, said!("a string"), n);
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
                        _ => type_error(self.report, &self::item(&p, i), said!("a string"), item),
                    }
                }
                out
            }
            _ => {
                type_error(self.report, &p, said!("an array of strings"), n);
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
                let mut o = Obj::new(n, p, self.report, said!("an object like {\"name\": ..., \"url\": ...}"))?;
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
        // (The first paint's module needs to know only that a count does not read: the full module,
        // which the card is left to, says why.)
        if !cfg!(feature = "full") {
            let v = match &n.value {
                Value::Null => return None,
                Value::Number(lit) => count(lit).ok(),
                _ => None,
            };
            if v.is_none() {
                self.report.error("shape/type", &p, String::new);
            }
            return v;
        }
        match &n.value {
            Value::Null => None,
            Value::Number(lit) => match count(lit) {
                Ok(v) => Some(v),
                Err(CountError::Negative) => {
                    self.report.error("count/negative", &p, || "a count cannot be negative, found ".to_string() + lit);
                    None
                }
                Err(CountError::Fractional) => {
                    self.report.error("count/fractional", &p, || "a count must be a whole number, found ".to_string() + lit);
                    None
                }
                Err(CountError::TooLarge) => {
                    self.report.error("count/too-large", &p, || "this count is too large to be real: ".to_string() + lit);
                    None
                }
            },
            Value::String(s) => {
                // "5 148 074" or "5,148,074" from a spreadsheet: say how to write it.
                self.report.error("shape/type", &p, || {
                    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
                    let mut msg = "expected a number, found the string \"".to_string() + s + "\"";
                    if !digits.is_empty() && digits.len() + 4 >= s.chars().count() {
                        msg += "; write it without quotes or separators: ";
                        msg += &digits;
                    }
                    msg
                });
                None
            }
            _ => {
                type_error(self.report, &p, said!("a whole number or null"), n);
                None
            }
        }
    }

    /// Report each of `keys` that the object lacks (the schema's required keys).
    pub(crate) fn need(&mut self, keys: &[&str]) {
        for k in keys {
            if !self.has(k) {
                let p = self.child(k);
                self.report.error("shape/missing", &p, || "missing \"".to_string() + k + "\"");
            }
        }
    }

    /// A percentage from 0 to 100 (out of range: an error, and None).
    pub(crate) fn percent(&mut self, key: &str) -> Option<Decimal> {
        let d = self.decimal(key)?;
        let p = self.child(key);
        if d.is_negative() {
            self.report.error("percent/negative", &p, || "a percentage cannot be negative, found ".to_string() + &crate::format::percent(&d, &crate::format::EN));
            None
        } else if d.cmp_int(100) == std::cmp::Ordering::Greater {
            self.report.error("percent/over-100", &p, || "a percentage cannot exceed 100, found ".to_string() + &crate::format::percent(&d, &crate::format::EN));
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
            self.report.error("shape/range", &p, || "expected a number ".to_string() + &from + " to 100");
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
                type_error(self.report, &p, said!("true or false"), n);
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
                        || "expected a percentage with at most 12 decimals, found ".to_string() + lit,
                    );
                    None
                }
            },
            _ => {
                type_error(self.report, &p, said!("a number or null"), n);
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
        self.report.error("shape/keyword", &p, || {
            let mut msg = "unknown value \"".to_string() + &s + "\"; expected one of: " + &allowed.join(", ");
            if let Some(best) = suggest(&s, allowed) {
                msg += "; did you mean \"";
                msg += best;
                msg += "\"?";
            }
            msg
        });
        None
    }

    /// Each object of an array member, read by `f`.
    pub(crate) fn each(&mut self, key: &str, what: &str, f: &mut dyn FnMut(&mut Obj)) {
        let Some(n) = self.take(key) else { return };
        let p = self.child(key);
        match &n.value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if let Some(mut o) = Obj::new(item, self::item(&p, i), self.report, what) {
                        f(&mut o);
                    }
                }
            }
            _ => type_error(self.report, &p, said!("an array"), n),
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
        // (The first paint's module shows no warning: it does not look.)
        if !cfg!(feature = "full") {
            return;
        }
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
            self.report.warning("shape/unknown-key", &p, || msg);
            // Many unknown keys in one object must not each search the object again.
            if let Some(f) = self.report.findings.last_mut() {
                f.offset = Some(m.key_offset);
            }
        }
    }
}

pub(crate) fn show(n: &Node) -> String {
    match &n.value {
        Value::Number(l) => String::from(*l),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            "\"".to_string() + &short + if s.chars().count() > 40 { "…\"" } else { "\"" }
        }
        v => v.type_name().to_string(),
    }
}

/// The JSON path of item `i` of the array at `path` (none in the first paint's module, which says
/// where nothing is).
pub(crate) fn item(path: &str, i: usize) -> String {
    if cfg!(feature = "full") {
        path.to_string() + "/" + &int(i as u64)
    } else {
        String::new()
    }
}

pub(crate) fn type_error(report: &mut Report, path: &str, expected: &str, found: &Node) {
    report.error("shape/type", path, || {
        let mut msg = "expected ".to_string() + expected + ", found " + found.value.type_name();
        if let Value::String(_) | Value::Number(_) = &found.value {
            msg += " ";
            msg += &show(found);
        }
        msg
    });
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
    use crate::contest::Method;

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
