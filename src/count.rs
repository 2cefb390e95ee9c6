//! Election night: where the count stands. A contest's `status` (partial,
//! preliminary, final, certified), how much is `counted`, the time of its
//! figures (`as_of`) and the `previous` election its change columns compare
//! with; read from the document, checked, and worded for the card.

use crate::contest::{Contest, Count, Document, Previous, Status};
use crate::format::{self, grouped, int, Locale, EN};
use crate::number::Decimal;
use crate::obj::Obj;
use crate::report::Report;

/// The contest keys this module reads.
pub const KEYS: [&str; 4] = ["status", "counted", "as_of", "previous"];
const COUNTED_KEYS: &[&str] = &["percent", "units", "of", "unit"];
const PREVIOUS_KEYS: &[&str] = &["date", "seats", "source"];

/// The count's keys of a contest object.
pub(crate) fn read(o: &mut Obj) -> Count {
    let status = o.keyword("status", &Status::KEYS).and_then(|k| Status::KEYS.iter().position(|s| *s == k)).map(|i| Status::ALL[i]);
    let mut c = Count { status, ..Count::default() };
    o.object("counted", said!("an object like {\"percent\": 87.4} or {\"units\": 1234, \"of\": 1412}"), &mut |m| {
        c.percent = m.percent("percent");
        c.units = m.count("units");
        c.of = m.count("of");
        c.unit = m.string("unit");
        m.finish(COUNTED_KEYS);
    });
    c.as_of = o.string("as_of");
    // (The previous election's figures: for the check only, the full module's.)
    if !cfg!(feature = "full") {
        return c;
    }
    c.previous = o.object("previous", said!("an object like {\"date\": \"2016-03-20\", \"seats\": 98}"), &mut |m| {
        let p = Previous { date: m.string("date"), seats: m.count("seats"), source: m.source("source") };
        m.finish(PREVIOUS_KEYS);
        p
    });
    c
}

/// A time as RFC 3339 writes it: its local fields and its offset from UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Time {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// Minutes east of UTC.
    pub offset: i32,
}

impl Time {
    /// "2021-01-10T23:41:00+06:00" (seconds optional, "Z" for UTC), or None.
    pub fn parse(s: &str) -> Option<Time> {
        let b = s.as_bytes();
        // (Two or four digits: folded by hand, no integer parser from core in the wasm.)
        let num = |r: std::ops::Range<usize>| -> Option<u32> { s.get(r).filter(|t| t.bytes().all(|c| c.is_ascii_digit())).map(|t| t.bytes().fold(0, |n, c| n * 10 + (c - b'0') as u32)) };
        if b.len() < 17 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' {
            return None;
        }
        let (year, month, day, hour, minute) = (num(0..4)? as i64, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?);
        let mut at = 16;
        let mut second = 0;
        if b.get(at) == Some(&b':') {
            second = num(17..19)?;
            at = 19;
            if b.get(at) == Some(&b'.') {
                at += 1;
                while b.get(at).is_some_and(|c| c.is_ascii_digit()) {
                    at += 1;
                }
            }
        }
        let offset = match b.get(at)? {
            b'Z' | b'z' if b.len() == at + 1 => 0,
            sign @ (b'+' | b'-') if b.len() == at + 6 && b[at + 3] == b':' => {
                let m = num(at + 1..at + 3)? as i32 * 60 + num(at + 4..at + 6)? as i32;
                if *sign == b'-' { -m } else { m }
            }
            _ => return None,
        };
        let days = [31, if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let ok = (1..=12).contains(&month) && day >= 1 && day <= days[month as usize - 1] && hour < 24 && minute < 60 && second < 61 && offset.abs() < 24 * 60;
        ok.then_some(Time { year, month, day, hour, minute, second, offset })
    }

    /// Seconds since 1970-01-01T00:00Z (for ordering two times).
    pub fn epoch(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        days * 86_400 + (self.hour * 3600 + self.minute * 60 + self.second) as i64 - self.offset as i64 * 60
    }

    /// The local time at `epoch` seconds for a place `offset` minutes east of UTC.
    pub fn at(epoch: i64, offset: i32) -> Time {
        let local = epoch + offset as i64 * 60;
        let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400));
        let (year, month, day) = civil_from_days(days);
        Time { year, month, day, hour: (secs / 3600) as u32, minute: (secs / 60 % 60) as u32, second: (secs % 60) as u32, offset }
    }

    /// "23:41".
    pub fn clock(&self) -> String {
        two(self.hour) + ":" + &two(self.minute)
    }

    /// "2021-01-10".
    pub fn date(&self) -> String {
        int(self.year.max(0) as u64) + "-" + &two(self.month) + "-" + &two(self.day)
    }
}

/// Two digits: "07".
fn two(n: u32) -> String {
    if n < 10 { "0".to_string() + &int(n as u64) } else { int(n as u64) }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The checks of a contest's count: counted units within their total, a time
/// that parses, a final status with everything counted, previous shares that
/// can be shares.
pub fn check(c: &Contest, path: &str, r: &mut Report) {
    let k = &c.count;
    if let (Some(u), Some(of)) = (k.units, k.of) {
        if u > of {
            r.error("count/units-over", &(path.to_string() + "/counted/units"), || grouped(u, &EN) + " units counted of " + &grouped(of, &EN));
        }
    }
    let all = k.percent.is_none_or(|p| p.cmp_int(100).is_eq()) && k.units.zip(k.of).is_none_or(|(u, of)| u == of);
    if matches!(k.status, Some(Status::Final | Status::Certified)) && !all {
        r.warning("count/status", &(path.to_string() + "/status"), || "the status is final, but the count is not complete (".to_string() + &counted_en(k) + ")");
    }
    if let Some(t) = &k.as_of {
        if Time::parse(t).is_none() {
            r.error("count/as-of", &(path.to_string() + "/as_of"), || "as_of is a date and time with its offset, like 2021-01-10T23:41:00+06:00; found \"".to_string() + t + "\"");
        }
    }
    previous_shares(c, path, r);
}

fn counted_en(k: &Count) -> String {
    match (k.percent, k.units, k.of) {
        (Some(p), _, _) => format::percent(&p, &EN) + " counted",
        (None, Some(u), Some(of)) => grouped(u, &EN) + " of " + &grouped(of, &EN),
        _ => "how much is counted is not given".to_string(),
    }
}

/// Previous shares, like shares: their sum is at most 100, beyond what their rounding allows.
fn previous_shares(c: &Contest, path: &str, r: &mut Report) {
    let given: Vec<Decimal> = c.parties.iter().filter_map(|p| p.previous_percent).collect();
    if given.is_empty() {
        return;
    }
    // At one digit finer than the finest printed share, so that half a unit is whole.
    let fine = given.iter().map(|d| d.scale).max().unwrap_or(0).min(6) + 1;
    let lift = |d: &Decimal| 10i128.pow(fine - d.scale.min(fine));
    let sum: i128 = given.iter().map(|d| d.units * lift(d)).sum();
    // Each printed share can be up to half a unit of its last digit above its true value.
    let slack: i128 = given.iter().map(|d| lift(d) >> 1).sum();
    if sum > 100 * 10i128.pow(fine) + slack {
        let total = Decimal { units: crate::number::div(sum, 10), scale: fine - 1 };
        r.error(
            "previous/over-100",
            &(path.to_string() + "/" + c.list_key),
            || "the previous shares add up to ".to_string() + &format::percent(&total, &EN) + ", more than 100% and more than their rounding allows",
        );
    }
}

/// A contest's id and the time of its figures: what a card keeps of the
/// document it showed, to compare the next update with.
pub type Stamp = (Option<String>, Option<String>);

/// The stamps of a document's contests, in its order.
pub fn stamps(doc: &Document) -> Vec<Stamp> {
    doc.contests.iter().map(|c| (c.id.clone(), c.count.as_of.clone())).collect()
}

/// Between two updates of one card: a contest whose figures are older than the
/// ones shown before (its `as_of` went back) is said, as a warning.
pub fn check_update(before: &[Stamp], after: &Document, r: &mut Report) {
    for (i, c) in after.contests.iter().enumerate() {
        let prev = match &c.id {
            Some(id) => before.iter().find(|p| p.0.as_ref() == Some(id)),
            None => before.get(i),
        };
        let old_text = prev.and_then(|p| p.1.as_deref());
        let times = (old_text.and_then(Time::parse), c.count.as_of.as_deref().and_then(Time::parse));
        if let (Some(old), Some(new)) = times {
            if new.epoch() < old.epoch() {
                let path = "/contests/".to_string() + &int(i as u64) + "/as_of";
                let msg = "these figures are older (".to_string() + c.count.as_of.as_deref().unwrap_or("") + ") than the ones shown before (" + old_text.unwrap_or("") + ")";
                r.warning("count/as-of-backwards", &path, || msg);
            }
        }
    }
}

/// The card's status line: "Preliminary · 87.4% counted · as of 23:41", or None
/// when the contest says nothing of its count.
pub fn status_line(c: &Contest, w: &crate::words::Words, loc: &Locale) -> Option<String> {
    let k = &c.count;
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = k.status {
        parts.push(w.count.status[s as usize].to_string());
    }
    if let Some(p) = k.percent {
        parts.push(format::fill(w.count.counted, &[("{}", &format::percent(&p, loc))]));
    }
    if let (Some(u), Some(of)) = (k.units, k.of) {
        let unit = k.unit.as_deref().unwrap_or(w.count.units);
        parts.push(grouped(u, loc) + " " + w.of + " " + &grouped(of, loc) + " " + &format::isolate(unit));
    }
    if let Some(t) = k.as_of.as_deref().and_then(Time::parse) {
        let mut at = String::new();
        // The date too when it is not the contest's own.
        if c.date.as_deref() != Some(t.date().as_str()) {
            at += &format::date(&t.date(), loc);
            at += ", ";
        }
        at += &t.clock();
        parts.push(format::fill(w.count.as_of, &[("{}", &at)]));
    }
    (!parts.is_empty()).then(|| format::join(&parts, " \u{b7} "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_parse_with_their_offset_and_order_across_zones() {
        let t = Time::parse("2021-01-10T23:41:00+06:00").unwrap();
        assert_eq!((t.hour, t.minute, t.offset, t.clock(), t.date()), (23, 41, 360, "23:41".to_string(), "2021-01-10".to_string()));
        let z = Time::parse("2021-01-10T17:41Z").unwrap();
        assert_eq!(t.epoch(), z.epoch(), "the same instant in Almaty and in UTC");
        assert_eq!(Time::parse("1970-01-01T00:00:00Z").unwrap().epoch(), 0);
        assert_eq!(Time::parse("2024-03-10T21:05:30.25-03:00").unwrap().second, 30);
        for bad in ["2021-01-10", "2021-13-01T00:00Z", "2021-02-30T00:00Z", "2021-01-10T23:41", "2021-01-10T24:00Z", "2021-01-10T23:41+6"] {
            assert_eq!(Time::parse(bad), None, "{bad}");
        }
        // Back from seconds to a local time: 1 March 2024 follows 29 February.
        let leap = Time::parse("2024-02-29T23:30:00+00:00").unwrap();
        assert_eq!(Time::at(leap.epoch() + 3600, 0).date(), "2024-03-01");
        assert_eq!(Time::at(leap.epoch(), 330).clock(), "05:00");
    }

    #[test]
    fn the_status_line_says_what_is_counted_and_when() {
        let mut c = Contest::new(crate::contest::Kind::Election);
        c.date = Some("2021-01-10".into());
        c.count = Count {
            status: Some(Status::Preliminary),
            percent: Some(Decimal { units: 874, scale: 1 }),
            units: Some(1234),
            of: Some(1412),
            unit: Some("precincts".into()),
            as_of: Some("2021-01-10T23:41:00+06:00".into()),
            previous: None,
        };
        let line = status_line(&c, &crate::words::EN, &EN).unwrap();
        assert_eq!(line, "Preliminary \u{b7} 87.4% counted \u{b7} 1,234 of 1,412 \u{2068}precincts\u{2069} \u{b7} as of 23:41");
        c.count.as_of = Some("2021-01-11T02:15:00+06:00".into());
        let ru = status_line(&c, crate::catalogue::for_locale("ru"), &crate::format::Locale::from_tag("ru")).unwrap();
        assert!(ru.starts_with("Предварительные итоги \u{b7} подсчитано 87,4\u{a0}%") && ru.ends_with("по состоянию на 11 января 2021 г., 02:15"), "{ru}");
        assert_eq!(status_line(&Contest::new(crate::contest::Kind::Election), &crate::words::EN, &EN), None);
    }
}
