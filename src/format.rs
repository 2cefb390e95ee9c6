//! Number formatting without `std::fmt` (it is large in wasm and we need
//! locale-aware grouping anyway). Integers and fixed-point decimals only.

use crate::number::Decimal;

/// Number and date conventions of a locale, as CLDR (`Intl`) has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    pub tag: &'static str,
    /// Digit group separator ("," in English, a no-break space in Russian and Kazakh).
    pub group: &'static str,
    pub decimal: &'static str,
    /// Before a negative number's digits: "-", or "\u{200e}-" (a left-to-right mark first) in Arabic and Hebrew.
    pub minus: &'static str,
    /// Around a percentage's number: ["", "%"] in English, ["", "\u{a0}%"] in Russian and German, ["%", ""] in Turkish.
    pub percent: [&'static str; 2],
    /// Digits in the first group (from the right), in each group after it (2 in Hindi: 12,34,567),
    /// and the fewest a group must have before the first separator (2 in Spanish: 1234 but 12.345).
    pub grouping: [u8; 3],
    /// The digit zero of the locale's numbering system ('0', or '٠' for Arabic-Indic digits).
    pub zero: char,
    /// A date's pattern with `{d}`, `{m}` and `{y}` ("{d} {m} {y}", "{y}年{m}月{d}日"), and the
    /// twelve months as the date writes them ("января", "1").
    pub date: &'static str,
    pub months: [&'static str; 12],
}

const MONTHS_EN: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// English: 5,148,074, 71.09% and 10 January 2021 (day first, as `Intl.DateTimeFormat("en-GB")`).
pub const EN: Locale =
    Locale { tag: "en", group: ",", decimal: ".", minus: "-", percent: ["", "%"], grouping: [3, 3, 1], zero: '0', date: "{d} {m} {y}", months: MONTHS_EN };

// Natively, and in the intl module (for a browser whose Intl lacks a catalogue language's data).
#[cfg(any(not(target_arch = "wasm32"), feature = "intl"))]
include!("../locales/cldr.rs");

impl Locale {
    /// The locale for a BCP 47 tag ("ru", "ru-RU", "pt-BR") when its language is one this crate
    /// writes numbers for natively (the languages with a catalogue); None for any other.
    /// (The wasm writes numbers for any tag through the browser's `Intl`: `web::intl`.)
    pub fn known(tag: &str) -> Option<Locale> {
        let lang = lang_of(tag);
        if lang == "en" {
            return Some(EN);
        }
        #[cfg(any(not(target_arch = "wasm32"), feature = "intl"))]
        if cfg!(feature = "full") {
            return NATIVE.into_iter().find(|l| l.tag == lang);
        }
        None
    }

    /// Whether these are CLDR's root conventions (1,234.5 and 50%), which a browser's `Intl` falls back
    /// to for a language it has no data for (Chromium's for Kazakh).
    pub fn is_root(&self) -> bool {
        self.group == "," && self.decimal == "." && self.percent == ["", "%"]
    }

    /// The locale for a BCP 47 tag; English for any this crate does not know.
    pub fn from_tag(tag: &str) -> Locale {
        Locale::known(tag).unwrap_or(EN)
    }
}

/// A BCP 47 tag's language (its first subtag, lower case): "pt" for "pt-BR".
pub fn lang_of(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// Plain decimal digits of `n`.
/// A template of the card's words with its placeholders (`{}`, `{party}`, …) filled in one pass over
/// the template: a value is never read as a template (a party named "{seats}" keeps its name), and no
/// substring searcher is linked for it (the first paint's module has none).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match values.iter().find(|(key, _)| rest.starts_with(key)) {
            Some((key, value)) => {
                out.push_str(value);
                rest = &rest[key.len()..];
            }
            None => {
                out.push('{');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `parts` with `sep` between them: `[…].join(sep)` without std's generic join (0.8 KB of the first
/// paint's module for its two instantiations).
pub fn join<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p.as_ref());
    }
    out
}

/// Whether `template` has the placeholder `key` (a `{…}`).
pub fn has(template: &str, key: &str) -> bool {
    template.match_indices('{').any(|(i, _)| template[i..].starts_with(key))
}

pub fn int(n: u64) -> String {
    if n == 0 {
        return "0".to_string();
    }
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    while n > 0 {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    // Only ASCII digits were written (pushed as chars: no UTF-8 check, whose code is ~750 bytes of wasm).
    buf[i..].iter().map(|&b| b as char).collect()
}

/// Signed integer.
pub fn signed(n: i64) -> String {
    if n < 0 {
        let mut s = String::from("-");
        s += &int(n.unsigned_abs());
        s
    } else {
        int(n as u64)
    }
}

/// `n` with digit groups: 662,687 (en) or 662 687 (ru, kk), 12,34,567 (hi).
pub fn grouped(n: u64, loc: &Locale) -> String {
    group_digits(&int(n), loc)
}

/// ASCII digits grouped as the locale groups them, in its digits.
fn group_digits(digits: &str, loc: &Locale) -> String {
    let len = digits.len();
    let [first, rest, min] = loc.grouping.map(|g| g.max(1) as usize);
    let grouped = len >= first + min;
    let mut out = String::with_capacity(len * 2);
    for (i, ch) in digits.chars().enumerate() {
        let left = len - i;
        if grouped && i > 0 && left >= first && (left - first) % rest == 0 {
            out.push_str(loc.group);
        }
        out.push(ch);
    }
    in_digits(out, loc.zero)
}

/// ASCII digits as the locale's digits (unchanged for '0').
pub fn in_digits(s: String, zero: char) -> String {
    if zero == '0' {
        return s;
    }
    s.chars().map(|c| if c.is_ascii_digit() { char::from_u32(zero as u32 + (c as u32 - '0' as u32)).unwrap_or(c) } else { c }).collect()
}

/// A decimal with its own number of decimals: 97.5, 9.10, 71,09 (ru).
pub fn decimal(d: &Decimal, loc: &Locale) -> String {
    let neg = d.units < 0;
    let mut digits = int(d.units.unsigned_abs().min(u64::MAX as u128) as u64);
    let scale = d.scale as usize;
    while digits.len() <= scale {
        digits.insert(0, '0');
    }
    let split = digits.len() - scale;
    let mut out = String::new();
    if neg {
        out += loc.minus;
    }
    out += &group_digits(&digits[..split], loc);
    if scale > 0 {
        out += loc.decimal;
        out += &in_digits(digits[split..].to_string(), loc.zero);
    }
    out
}

/// A percentage: "97.5%" (en), "97,5 %" (ru), "%97,5" (tr).
pub fn percent(d: &Decimal, loc: &Locale) -> String {
    loc.percent[0].to_string() + &decimal(d, loc) + loc.percent[1]
}

/// A change of share in percentage points with its sign: "+1.2", "−8.05" (true minus sign), "0.0".
pub fn points(d: &Decimal, loc: &Locale) -> String {
    let s = decimal(&Decimal { units: d.units.abs(), scale: d.scale }, loc);
    match d.units.signum() {
        1 => "+".to_string() + &s,
        -1 => "\u{2212}".to_string() + &s,
        _ => s,
    }
}

/// A seat change with its sign: "+3", "−8" (true minus sign), "0".
pub fn change(delta: i64) -> String {
    if delta > 0 {
        let mut s = String::from("+");
        s += &int(delta as u64);
        s
    } else if delta < 0 {
        let mut s = String::from("\u{2212}");
        s += &int(delta.unsigned_abs());
        s
    } else {
        "0".to_string()
    }
}

/// A `YYYY-MM-DD` date as the locale writes it: "28 January 2022", "1 марта 2022 г.",
/// "2021 ж. 10 қаңтар", "2021年1月10日". Anything else, or a day the month has not, is shown as given.
pub fn date(iso: &str, loc: &Locale) -> String {
    let b = iso.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let mut v = 0u32;
        for &c in b.get(r)? {
            if !c.is_ascii_digit() {
                return None;
            }
            v = v * 10 + (c - b'0') as u32;
        }
        Some(v)
    };
    let parsed = if b.len() == 10 && b[4] == b'-' && b[7] == b'-' { digits(0..4).zip(digits(5..7)).zip(digits(8..10)) } else { None };
    let Some(((y, m), d)) = parsed.filter(|((y, m), d)| (1..=12).contains(m) && (1..=days_in(*y, *m)).contains(d)) else {
        return iso.to_string();
    };
    let num = |n: u32| in_digits(int(n as u64), loc.zero);
    let month = in_digits(loc.months[(m - 1) as usize].to_string(), loc.zero);
    fill(loc.date, &[("{d}", &num(d)), ("{y}", &num(y)), ("{m}", &month)])
}

/// Days in month `m` (1-12) of year `y` (proleptic Gregorian).
fn days_in(y: u32, m: u32) -> u32 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Explicit bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069): in data they could reorder the card's own text around them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069)
}

/// Text from data without bidi controls (the reader strips them from every string).
pub fn without_bidi_controls(s: &str) -> String {
    s.chars().filter(|&c| !is_bidi_control(c)).collect()
}

/// A name from data isolated from the text around it (first-strong isolate):
/// a Hebrew or Arabic name cannot pull the seat count beside it into its run.
pub fn isolate(s: &str) -> String {
    "\u{2068}".to_string() + s + "\u{2069}"
}

/// Whether text in the language of a BCP 47 tag is written right to left: the
/// script subtag when there is one ("az-Arab", "pa-Arab": yes; "ku-Latn": no),
/// else the language's usual script (Arabic, Hebrew, Persian, Urdu, Pashto,
/// Sindhi, Uyghur, Yiddish, Dhivehi, Central Kurdish, Syriac, N'Ko...).
pub fn rtl(tag: &str) -> bool {
    const RTL_SCRIPTS: [&str; 9] = ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr"];
    const RTL_LANGUAGES: [&str; 17] = ["ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr", "arc", "nqo", "ks", "prs", "pnb"];
    let mut parts = tag.split(['-', '_']);
    let lang = parts.next().unwrap_or("").to_ascii_lowercase();
    // The script subtag: four letters, after the language (and any extended language).
    match parts.take_while(|p| p.len() != 1).find(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic())) {
        Some(script) => RTL_SCRIPTS.contains(&script.to_ascii_lowercase().as_str()),
        None => RTL_LANGUAGES.contains(&lang.as_str()),
    }
}

/// Whether the text has a letter of a right-to-left script (Hebrew, Arabic,
/// Syriac, Thaana, N'Ko and the presentation forms).
pub fn has_rtl(s: &str) -> bool {
    s.chars().any(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF))
}

/// Text for a terminal: control characters (C0, DEL, C1) and bidi controls
/// shown as `\u{..}` escapes, never sent to the terminal as they are.
pub fn terminal(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        if (c.is_control() && c != '\n') || is_bidi_control(c) {
            o.push_str("\\u{");
            o.push_str(&hex(c as u32));
            o.push('}');
        } else {
            o.push(c);
        }
    }
    o
}

fn hex(mut n: u32) -> String {
    const H: &[u8; 16] = b"0123456789abcdef";
    let mut v = Vec::new();
    loop {
        v.push(H[(n & 15) as usize]);
        n >>= 4;
        if n == 0 {
            break;
        }
    }
    v.reverse();
    String::from_utf8(v).unwrap_or_default()
}

/// Lower case for comparing names, without Unicode's large case tables:
/// ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic (Russian and Kazakh letters).
pub fn fold_case(s: &str) -> String {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let l = match u {
                0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A9 | 0x410..=0x42F => u + 0x20,
                0x400..=0x40F => u + 0x50,
                0x100..=0x137 | 0x14A..=0x177 | 0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF if u % 2 == 0 => u + 1,
                0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
                0x178 => 0xFF,
                _ => u,
            };
            char::from_u32(l).unwrap_or(c)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_template_is_filled_in_one_pass() {
        use super::{fill, has};
        let t = "{party} leads with {seats} of {body} seats";
        // A value is never read as a template: a party may be named like a placeholder.
        assert_eq!(fill(t, &[("{party}", "{seats} {body}"), ("{seats}", "76"), ("{body}", "98")]), "{seats} {body} leads with 76 of 98 seats");
        assert_eq!(fill("{} counted", &[("{}", "87.4%")]), "87.4% counted");
        // An unknown or unclosed brace stays as it is written.
        assert_eq!(fill("a {x} {", &[("{}", "1")]), "a {x} {");
        assert_eq!(fill("エラー {} 件", &[("{}", "3")]), "エラー 3 件");
        assert!(has("エラー {} 件", "{}") && !has("errors", "{}") && !has("{ }", "{}"));
    }

    #[test]
    fn dates() {
        use super::{date, Locale, EN};
        assert_eq!(date("2022-01-28", &EN), "28 January 2022");
        assert_eq!(date("2022-03-01", &Locale::from_tag("ru")), "1 марта 2022 г.");
        assert_eq!(date("2021-01-10", &Locale::from_tag("kk-KZ")), "2021 ж. 10 қаңтар");
        assert_eq!(date("2021-01-10", &Locale::from_tag("ja")), "2021年1月10日");
        assert_eq!(date("2021-02-29", &EN), "2021-02-29");
        assert_eq!(date("2024-02-29", &EN), "29 February 2024");
        assert_eq!(date("2021", &EN), "2021");
        assert_eq!(date("2021-13-01", &EN), "2021-13-01");
        assert_eq!(date("２０２１-01-10", &EN), "２０２１-01-10");
    }

    #[test]
    fn data_text_is_isolated_and_escaped() {
        use super::{isolate, terminal, without_bidi_controls};
        assert_eq!(without_bidi_controls("Blue\u{202e}Party"), "BlueParty");
        assert_eq!(isolate("שלום"), "\u{2068}שלום\u{2069}");
        assert_eq!(terminal("a\u{1b}[31mb\u{202e}"), "a\\u{1b}[31mb\\u{202e}");
    }

    #[test]
    fn right_to_left_is_decided_by_the_tag() {
        use super::rtl;
        for tag in ["ar", "he", "he-IL", "fa-IR", "ur", "ar-EG", "iw", "yi", "ckb", "az-Arab", "pa-Arab-PK", "ps_AF", "HE"] {
            assert!(rtl(tag), "{tag}");
        }
        for tag in ["en", "ru", "kk", "de", "", "ku-Latn", "ar-Latn", "sd-Deva", "hi", "ja", "fr-x-arab", "en-u-nu-arab"] {
            assert!(!rtl(tag), "{tag}");
        }
    }

    #[test]
    fn case_folding() {
        use super::fold_case;
        assert_eq!(fold_case("Nur Otan"), "nur otan");
        assert_eq!(fold_case("НҰР ОТАН"), "нұр отан");
        assert_eq!(fold_case("ӘҒҚҢӨҰҮҺІЁ"), "әғқңөұүһіё");
        assert_eq!(fold_case("ÉLAN Ÿ ŁÓDŹ"), "élan ÿ łódź");
    }

    use super::*;

    #[test]
    fn integers() {
        assert_eq!(int(0), "0");
        assert_eq!(int(389), "389");
        assert_eq!(int(u64::MAX), "18446744073709551615");
        assert_eq!(signed(-12), "-12");
        assert_eq!(grouped(662_687, &EN), "662,687");
        assert_eq!(grouped(662_687, &Locale::from_tag("ru")), "662\u{a0}687");
        assert_eq!(grouped(1_234_567, &Locale::from_tag("hi")), "12,34,567");
        assert_eq!((grouped(1234, &Locale::from_tag("es")), grouped(12345, &Locale::from_tag("es"))), ("1234".into(), "12.345".into()));
        let arab = Locale { zero: '\u{660}', group: "\u{66c}", ..EN };
        assert_eq!(grouped(1234, &arab), "\u{661}\u{66c}\u{662}\u{663}\u{664}");
        assert_eq!(grouped(11_919_241, &EN), "11,919,241");
        assert_eq!(grouped(999, &EN), "999");
        assert_eq!(grouped(1000, &Locale::from_tag("kk")), "1\u{a0}000");
    }

    #[test]
    fn decimals() {
        let d = |s| Decimal::parse(s).unwrap();
        assert_eq!(decimal(&d("97.5"), &EN), "97.5");
        assert_eq!(decimal(&d("9.10"), &EN), "9.10");
        assert_eq!(decimal(&d("0.05"), &EN), "0.05");
        assert_eq!(decimal(&d("-0.5"), &EN), "-0.5");
        assert_eq!(decimal(&d("1234.5"), &EN), "1,234.5");
        assert_eq!(percent(&d("71.09"), &EN), "71.09%");
        assert_eq!(percent(&d("71.09"), &Locale::from_tag("ru")), "71,09\u{a0}%");
        assert_eq!(percent(&d("71.09"), &Locale::from_tag("tr")), "%71,09");
        assert_eq!(decimal(&d("-0.5"), &Locale::from_tag("he")), "\u{200e}-0.5");
        assert_eq!(change(-8), "\u{2212}8");
        assert_eq!(change(3), "+3");
        assert_eq!(Locale::from_tag("de-AT").tag, "de");
        assert_eq!(Locale::from_tag("nl"), EN);
        assert_eq!(Locale::known("nl"), None);
    }
}
