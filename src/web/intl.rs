//! The browser's `Intl` for a card's locale, for any BCP 47 tag it knows: the
//! number conventions and the date's pattern and months (`NumberFormat` and
//! `DateTimeFormat`'s `formatToParts`, read once per tag into a
//! [`crate::format::Locale`]) and the plural rule (`PluralRules`, as a table).
//! English is the crate's own (the first paint's module draws it the same way).
//! Every call into `Intl` is caught: a tag the browser refuses is English, said.

use super::console::warn;
use crate::format::{self, Locale};
use crate::plural::{Category, Rule, ALL, NAMES, TABLE};
use js_sys::{Array, Function, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// The most tags read on one page (each keeps a few hundred bytes for the page's life).
const MOST: usize = 32;

thread_local! {
    static LOCALES: RefCell<Vec<(String, Locale)>> = const { RefCell::new(Vec::new()) };
    static RULES: RefCell<Vec<(String, Rule)>> = const { RefCell::new(Vec::new()) };
}

/// The locale of `tag` as the browser writes numbers and dates; English for an English tag.
/// A catalogue language whose data the browser lacks (its `Intl` falls back to CLDR's root,
/// as Chromium's does for Kazakh) is written by the crate's own table (`locales/cldr.rs`); a tag
/// the browser does not know otherwise, as English, with a warning.
pub(super) fn locale(tag: &str) -> Locale {
    if format::lang_of(tag) == "en" || tag.is_empty() {
        return format::EN;
    }
    let own = Locale::known(tag);
    match (cached(&LOCALES, tag, || read_locale(tag)), own) {
        (Some(l), Some(o)) if l.is_root() && !o.is_root() => o,
        (Some(l), _) => l,
        (None, Some(o)) => o,
        (None, None) => {
            warn(&("locale \"".to_string() + tag + "\": the browser's Intl has no numbers or dates for it (or more than 32 locales are on the page): they are written as in English"));
            format::EN
        }
    }
}

/// The plural rule of a language as `Intl.PluralRules` has it (English's own for English).
pub(super) fn plural(lang: &str) -> Rule {
    if format::lang_of(lang) == "en" {
        return crate::plural::ENGLISH;
    }
    cached(&RULES, lang, || read_rule(lang)).unwrap_or(crate::plural::ENGLISH)
}

fn cached<T: Copy>(cache: &'static std::thread::LocalKey<RefCell<Vec<(String, T)>>>, tag: &str, read: impl FnOnce() -> Option<T>) -> Option<T> {
    if let Some(v) = cache.with(|c| c.borrow().iter().find(|(t, _)| t == tag).map(|(_, v)| *v)) {
        return Some(v);
    }
    if tag.len() > 64 || cache.with(|c| c.borrow().len()) >= MOST {
        return None;
    }
    let v = read()?;
    cache.with(|c| c.borrow_mut().push((tag.to_string(), v)));
    Some(v)
}

/// `new Intl[class](tag, options)` for a tag the browser supports, or None.
fn make(class: &str, tag: &str, options: &str) -> Option<JsValue> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: Function = Reflect::get(&intl, &class.into()).ok()?.dyn_into().ok()?;
    let supported = call(&ctor.clone().into(), "supportedLocalesOf", &tag.into())?;
    if Array::from(&supported).length() == 0 {
        return None;
    }
    let options = js_sys::JSON::parse(options).ok()?;
    Reflect::construct(&ctor, &Array::of2(&tag.into(), &options)).ok()
}

fn call(this: &JsValue, method: &str, arg: &JsValue) -> Option<JsValue> {
    let f: Function = Reflect::get(this, &method.into()).ok()?.dyn_into().ok()?;
    f.call1(this, arg).ok()
}

/// `formatToParts` as (type, value) pairs.
fn parts(formatter: &JsValue, x: f64) -> Vec<(String, String)> {
    let got = call(formatter, "formatToParts", &x.into()).map(|a| Array::from(&a)).unwrap_or_default();
    let field = |p: &JsValue, k: &str| Reflect::get(p, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    got.iter().map(|p| (field(&p, "type"), field(&p, "value"))).collect()
}

fn joined(parts: &[(String, String)]) -> String {
    parts.iter().map(|(_, v)| v.as_str()).collect()
}

fn keep(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// The conventions of `tag`: symbols and grouping from -1234567.5, grouping's threshold
/// from 1234, digits from 0 to 9, the percent sign's place from 50.0%, the date from
/// 22 November 2001 and the months from the 15th of each (the derivation
/// `scripts/cldr.mjs` makes for the native table, which tests/intl.rs holds to Node).
fn read_locale(tag: &str) -> Option<Locale> {
    let plain = make("NumberFormat", tag, r#"{"minimumFractionDigits":1,"maximumFractionDigits":1}"#)?;
    let p = parts(&plain, -1_234_567.5);
    let value = |t: &str| p.iter().find(|(k, _)| k == t).map(|(_, v)| v.clone()).unwrap_or_default();
    let first_int = p.iter().position(|(k, _)| k == "integer")?;
    let ints: Vec<usize> = p.iter().filter(|(k, _)| k == "integer").map(|(_, v)| v.chars().count()).collect();
    let primary = *ints.last()?;
    let secondary = if ints.len() > 2 { ints[ints.len() - 2] } else { primary };
    let min = if parts(&plain, 1234.0).iter().any(|(k, _)| k == "group") { 1 } else { 2 };
    let percent = make("NumberFormat", tag, r#"{"style":"percent","minimumFractionDigits":1}"#)?;
    let pc = parts(&percent, 0.5);
    let (a, b) = (pc.iter().position(|(k, _)| k == "integer")?, pc.iter().position(|(k, _)| k == "fraction")?);
    let (date, months) = read_date(tag)?;
    Some(Locale {
        tag: keep(tag.to_string()),
        group: keep(value("group")),
        decimal: keep(value("decimal")),
        minus: keep(joined(&p[..first_int])),
        percent: [keep(joined(&pc[..a])), keep(joined(&pc[b + 1..]))],
        grouping: [primary.min(9) as u8, secondary.min(9) as u8, min],
        zero: zero(&plain),
        date,
        months,
    })
}

/// The locale's zero when its ten digits follow it in Unicode (all decimal systems but
/// a few of Han numerals, which are written with Latin digits here).
fn zero(plain: &JsValue) -> char {
    let digit = |d: u32| parts(plain, d as f64).into_iter().find(|(k, _)| k == "integer").and_then(|(_, v)| v.chars().next());
    let Some(z) = digit(0) else { return '0' };
    let follows = (1..10).all(|d| digit(d) == char::from_u32(z as u32 + d));
    if follows {
        z
    } else {
        '0'
    }
}

/// Milliseconds since 1970 of a day of 2001 (not a leap year): day `d` of month `m` (0-11).
fn in_2001(m: usize, d: u32) -> f64 {
    const BEFORE: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    ((11_323 + BEFORE[m] + d - 1) as f64) * 86_400_000.0
}

fn read_date(tag: &str) -> Option<(&'static str, [&'static str; 12])> {
    let f = make("DateTimeFormat", tag, r#"{"year":"numeric","month":"long","day":"numeric","timeZone":"UTC"}"#)?;
    let place = |k: &str, v: &str| match k {
        "day" => "{d}".to_string(),
        "month" => "{m}".to_string(),
        "year" => "{y}".to_string(),
        // As format() writes it: V8 writes formatToParts' narrow no-break space as a space there.
        _ => v.replace('\u{202f}', " "),
    };
    let pattern: String = parts(&f, in_2001(10, 22)).iter().map(|(k, v)| place(k, v)).collect();
    let mut months = [""; 12];
    for (m, name) in months.iter_mut().enumerate() {
        *name = keep(parts(&f, in_2001(m, 15)).into_iter().find(|(k, _)| k == "month")?.1);
    }
    pattern.contains("{d}").then_some((keep(pattern), months))
}

/// The categories of 0..=199 and of a million, from `Intl.PluralRules`.
fn read_rule(lang: &str) -> Option<Rule> {
    let rules = make("PluralRules", lang, "{}")?;
    let mut table = [Category::Other; TABLE];
    for (slot, n) in table.iter_mut().zip(crate::plural::table_numbers()) {
        let name = call(&rules, "select", &(n as f64).into())?.as_string()?;
        *slot = ALL[NAMES.iter().position(|c| *c == name)?];
    }
    Some(Rule::Table(Box::leak(Box::new(table))))
}
