//! Word catalogues: the card's words in a language, as JSON (`locales/<tag>.json`,
//! the keys of [`crate::words::Words`], nested as there). Natively every catalogue
//! is embedded; the wasm is handed them (the element fetches the one its card
//! needs), so that no English reader downloads another language's words.
//!
//! A catalogue is read over the words before it (English, or another catalogue):
//! each word it gives replaces that word. A word that is not text, is empty or
//! too long, holds control characters or other placeholders than the English
//! word (`{}`, `{l}`, `{party}`…) is left out with a warning, as is an unknown key;
//! text that is not JSON is a warning and changes nothing. Never a panic.

use crate::format::lang_of;
use crate::json::{self, Node, Value};
use crate::plural::{self, Forms};
use crate::words::{Words, EN};

/// The languages with a catalogue (English is compiled in; its file is the template).
pub const TAGS: [&str; 16] = ["en", "ru", "kk", "uk", "de", "fr", "es", "pt", "it", "pl", "tr", "ar", "he", "zh", "ja", "hi"];

/// The longest word taken (characters) and the longest catalogue text (bytes).
pub const MAX_WORD: usize = 400;
pub const MAX_TEXT: usize = 64 * 1024;

/// The catalogue for a locale ("pt" for "pt-BR"), if its language has one.
pub fn supported(tag: &str) -> Option<&'static str> {
    let lang = lang_of(tag);
    TAGS.into_iter().find(|t| *t == lang)
}

/// The supported languages as a list for messages: "en, ru, …, ja and hi".
pub fn list() -> String {
    let (last, rest) = TAGS.split_last().unwrap_or((&"", &[]));
    rest.join(", ") + " and " + last
}

/// One place in [`Words`] a catalogue key fills.
enum Slot<'a> {
    Text(&'a mut &'static str),
    Forms(&'a mut Forms),
    List(&'a mut [&'static str]),
}

/// Where a key's words are in [`Words`].
type Place = for<'a> fn(&'a mut Words) -> Slot<'a>;

macro_rules! slots {
    ($($key:literal => $($field:ident).+ as $kind:ident),* $(,)?) => {
        /// Every key of a catalogue (a nested key as "element.coalition").
        pub const KEYS: &[&str] = &[$($key),*];
        /// The place of each key of [`KEYS`], in its order.
        const PLACES: &[Place] = &[$(|w| Slot::$kind(&mut w.$($field).+)),*];
    };
}

fn slot<'a>(w: &'a mut Words, key: &str) -> Option<Slot<'a>> {
    KEYS.iter().position(|k| *k == key).map(|i| PLACES[i](w))
}

slots! {
    "lang" => lang as Text, "party" => party as Text, "candidate" => candidate as Text, "option" => option as Text,
    "votes" => votes as Text, "votes_in_text" => votes_in_text as Text, "seats" => seats as Text, "change" => change as Text, "swing" => swing as Text,
    "swing_title" => swing_title as Text, "projection" => projection as Text, "projection_note" => projection_note as Text,
    "valid_votes" => valid_votes as Text, "listed_votes" => listed_votes as Text, "invalid" => invalid as Text,
    "blank" => blank as Text, "cast" => cast as Text, "electorate" => electorate as Text, "turnout" => turnout as Text,
    "participation" => participation as Text, "source" => source as Text, "majority" => majority as Text,
    "vote_share" => vote_share as Text, "seat_share" => seat_share as Text, "threshold" => threshold as Text,
    "rule" => rule as Text, "rule_unknown" => rule_unknown as Text, "outcome" => outcome as Text,
    "no_outcome" => no_outcome as Text, "checked" => checked as Text, "checking" => checking as Text,
    "no_errors" => no_errors as Text, "at_line" => at_line as Text, "severity" => severity as List,
    "errors" => errors as Forms, "warnings" => warnings as Forms, "findings" => findings as Forms,
    "not_given" => not_given as Text, "of" => of as Text, "took_part" => took_part as Text,
    "unassigned" => unassigned as Text, "cannot_read" => cannot_read as Text, "kept" => kept as Text,
    "more_errors" => more_errors as Text, "more_findings" => more_findings as Text, "total_seats" => total_seats as Text,
    "seat_total" => seat_total as Text, "members" => members as Text, "voters" => voters as Text,
    "removed" => removed as Text, "quota" => quota as Text, "of_stage" => of_stage as Text, "log_scale" => log_scale as Text,
    "more_rows" => more_rows as Text, "more_rows_csv" => more_rows_csv as Text, "more_parties" => more_parties as Text,
    "district" => district as Text, "list" => list as Text, "overhang" => overhang as Text,
    "other_lines" => other_lines as Text, "exempt_note" => exempt_note as Text, "district_note" => district_note as Text,
    "has_majority" => has_majority as Text, "short_of_majority" => short_of_majority as Text,
    "element.coalition" => element.coalition as Text, "element.download" => element.download as Text,
    "element.download_as" => element.download_as as Text, "element.results_table" => element.results_table as Text,
    "element.rows" => element.rows as Text, "element.prev_rows" => element.prev_rows as Text,
    "element.next_rows" => element.next_rows as Text, "element.page" => element.page as Text,
    "element.seat_forms" => element.seat_forms as Forms, "element.add_to_coalition" => element.add_to_coalition as Text,
    "element.could_not_load" => element.could_not_load as Text, "element.loading" => element.loading as Text,
    "element.not_updated" => element.not_updated as Text, "element.shown_as_of" => element.shown_as_of as Text,
    "element.leads_seats" => element.leads_seats as Text, "element.majority_seats" => element.majority_seats as Text,
    "element.leads_share" => element.leads_share as Text, "element.failed" => element.failed as Text,
    "count.status" => count.status as List, "count.counted" => count.counted as Text, "count.units" => count.units as Text,
    "count.as_of" => count.as_of as Text,
}

/// The texts at `key` in `w` (one, the forms by category, or the list), for checks and tests.
pub fn texts(w: &Words, key: &str) -> Vec<&'static str> {
    let mut w = *w;
    match slot(&mut w, key) {
        Some(Slot::Text(t)) => vec![*t],
        Some(Slot::Forms(f)) => f.to_vec(),
        Some(Slot::List(l)) => l.to_vec(),
        None => Vec::new(),
    }
}

/// The placeholders of a text, in order: `{}`, `{l}`, `{party}`…
fn placeholders(s: &str) -> impl Iterator<Item = &str> {
    s.match_indices('{').filter_map(|(i, _)| s[i..].find('}').map(|j| &s[i..=i + j]))
}

/// Whether two texts hold the same placeholders, each as often (in any order).
pub fn same_placeholders(a: &str, b: &str) -> bool {
    let each = |x: &str, y: &str| placeholders(x).all(|p| x.matches(p).count() == y.matches(p).count());
    each(a, b) && each(b, a)
}

/// `base` with the words of catalogue `text` over it; what was left out is said in `warn`.
pub fn read(base: &Words, text: &str, warn: &mut Vec<String>) -> Words {
    let mut w = *base;
    if text.len() > MAX_TEXT {
        warn.push("words: the catalogue is longer than 64 KiB: not read".to_string());
        return w;
    }
    match json::parse(text) {
        Ok(node) if matches!(node.value, Value::Object(_)) => fill(&mut w, "", &node, warn),
        Ok(_) => warn.push("words: a catalogue is a JSON object".to_string()),
        Err(e) => warn.push("words: not valid JSON: ".to_string() + &e.describe()),
    }
    w
}

fn fill(w: &mut Words, prefix: &str, node: &Node, warn: &mut Vec<String>) {
    let Value::Object(members) = &node.value else { return };
    for m in members {
        let key = prefix.to_string() + &m.key;
        let is_forms = matches!(slot(w, &key), Some(Slot::Forms(_)));
        if matches!(m.node.value, Value::Object(_)) && !is_forms && prefix.is_empty() {
            fill(w, &(key + "."), &m.node, warn);
        } else if let Err(why) = set(w, &key, &m.node) {
            warn.push("words: \"".to_string() + &key + "\" " + why + ": left as it was");
        }
    }
}

/// Why a word is left out.
const NOT_A_KEY: &str = "is not a key of the catalogues";
const NOT_A_WORD: &str = "is not a word as the English one is: text (a list of as many, or plural forms by CLDR category with \"other\"), \
                          not empty, at most 400 characters, no control characters, the same placeholders ({}, {party}…)";

/// One key's value into `w`, or why not.
fn set(w: &mut Words, key: &str, node: &Node) -> Result<(), &'static str> {
    let mut en = EN;
    let english = slot(&mut en, key).ok_or(NOT_A_KEY)?;
    match (slot(w, key).ok_or(NOT_A_KEY)?, english, &node.value) {
        (Slot::Text(t), Slot::Text(en), Value::String(s)) => *t = word(s, key, en)?,
        (Slot::List(l), Slot::List(en), Value::Array(items)) if items.len() == l.len() => {
            let mut new = Vec::new();
            for (item, en) in items.iter().zip(en.iter()) {
                let Value::String(s) = &item.value else { return Err(NOT_A_WORD) };
                new.push(word(s, key, en)?);
            }
            l.copy_from_slice(&new);
        }
        (Slot::Forms(f), _, Value::Object(members)) => *f = forms(members, key)?,
        _ => return Err(NOT_A_WORD),
    }
    Ok(())
}

/// Plural forms by CLDR category; `other` is needed, and only `{}` may be in them (the number's place).
fn forms(members: &[json::Member], key: &str) -> Result<Forms, &'static str> {
    let mut f: Forms = [""; 6];
    for m in members {
        let at = plural::NAMES.iter().position(|n| *n == m.key).ok_or(NOT_A_WORD)?;
        let Value::String(s) = &m.node.value else { return Err(NOT_A_WORD) };
        f[at] = word(s, key, if s.contains("{}") { "{}" } else { "" })?;
    }
    if f[plural::Category::Other as usize].is_empty() {
        return Err(NOT_A_WORD);
    }
    Ok(f)
}

/// A word checked against the English one, kept for the program's life (a catalogue is
/// read once per language natively, once per distinct text in the wasm).
fn word(s: &str, key: &str, english: &str) -> Result<&'static str, &'static str> {
    let bad = s.trim().is_empty() || s.chars().count() > MAX_WORD || s.chars().any(|c| c.is_control() || crate::format::is_bidi_control(c));
    if bad || (key == "lang" && !is_tag(s)) || !same_placeholders(s, english) {
        return Err(NOT_A_WORD);
    }
    Ok(Box::leak(s.to_string().into_boxed_str()))
}

/// A language tag's shape: letters first, then letters, digits and hyphens.
fn is_tag(s: &str) -> bool {
    s.len() <= 35 && s.split('-').all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric())) && s.as_bytes()[0].is_ascii_alphabetic()
}

/// The words of a locale: English, or (natively) the catalogue of the tag's language,
/// embedded in the binary. The wasm is handed its catalogues (`web`, option `words`).
pub fn for_locale(tag: &str) -> &'static Words {
    // The first paint's module has the English words only.
    if !cfg!(feature = "full") {
        return &EN;
    }
    embedded(tag).unwrap_or(&EN)
}

/// The catalogues embedded in the native build.
#[cfg(not(target_arch = "wasm32"))]
const FILES: [(&str, &str); 15] = [
    ("ru", include_str!("../locales/ru.json")),
    ("kk", include_str!("../locales/kk.json")),
    ("uk", include_str!("../locales/uk.json")),
    ("de", include_str!("../locales/de.json")),
    ("fr", include_str!("../locales/fr.json")),
    ("es", include_str!("../locales/es.json")),
    ("pt", include_str!("../locales/pt.json")),
    ("it", include_str!("../locales/it.json")),
    ("pl", include_str!("../locales/pl.json")),
    ("tr", include_str!("../locales/tr.json")),
    ("ar", include_str!("../locales/ar.json")),
    ("he", include_str!("../locales/he.json")),
    ("zh", include_str!("../locales/zh.json")),
    ("ja", include_str!("../locales/ja.json")),
    ("hi", include_str!("../locales/hi.json")),
];

/// The embedded catalogue of a locale's language (read once), over English; None for
/// English and for a language without one. The wasm has none embedded.
pub fn embedded(tag: &str) -> Option<&'static Words> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::Mutex;
        static READ: Mutex<Vec<(&str, &Words)>> = Mutex::new(Vec::new());
        let (lang, text) = FILES.iter().find(|(t, _)| Some(*t) == supported(tag))?;
        let mut read = READ.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, w)) = read.iter().find(|(t, _)| t == lang) {
            return Some(w);
        }
        let mut w = self::read(&EN, text, &mut Vec::new());
        w.plural = plural::of(lang).unwrap_or(plural::ENGLISH);
        let w: &'static Words = Box::leak(Box::new(w));
        read.push((lang, w));
        Some(w)
    }
    #[cfg(target_arch = "wasm32")]
    {
        let _ = tag;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hostile_catalogue_is_warned_about_never_taken() {
        let mut warn = Vec::new();
        let w = read(&EN, r#"{"seats": "Sitze", "party": "", "votes": 3, "turnout": "{party}", "nope": "x", "element": {"loading": "Lädt…"},
            "errors": {"one": "Fehler"}, "severity": ["a"], "lang": "<b>", "count": {"status": ["a", "b", "c", "d"]}}"#, &mut warn);
        assert_eq!((w.seats, w.party, w.votes, w.turnout, w.element.loading, w.lang), ("Sitze", "Party", "Votes", "Turnout", "Lädt…", "en"));
        assert_eq!(w.errors, EN.errors);
        assert_eq!(w.count.status, ["a", "b", "c", "d"]);
        assert_eq!(warn.len(), 7, "{warn:#?}");
        assert!(warn.iter().any(|m| m.starts_with("words: \"turnout\" is not a word as the English one is")), "{warn:#?}");
        assert!(warn.iter().any(|m| m.starts_with("words: \"nope\" is not a key")), "{warn:#?}");
        assert!(same_placeholders("{party}: {seats} / {body}", "{body} {seats} {party}") && !same_placeholders("{} {}", "{}"));
        let mut warn = Vec::new();
        assert_eq!(read(&EN, "{\"seats\": ", &mut warn).seats, "Seats");
        assert!(warn[0].starts_with("words: not valid JSON"), "{warn:?}");
        assert_eq!(read(&EN, "[]", &mut Vec::new()).seats, "Seats");
        assert_eq!(read(&EN, &" ".repeat(MAX_TEXT + 1), &mut Vec::new()).seats, "Seats");
    }

    #[test]
    fn counts_take_their_plural_form() {
        use crate::words::{counted, EN};
        let ru = for_locale("ru");
        let f = |n| counted(crate::format::int(n), n, &ru.findings, ru);
        assert_eq!([f(1), f(2), f(5), f(11), f(21), f(22), f(112)], ["1 замечание", "2 замечания", "5 замечаний", "11 замечаний", "21 замечание", "22 замечания", "112 замечаний"]);
        assert_eq!(counted("21".into(), 21, &EN.errors, &EN), "21 errors");
        assert_eq!(counted("1".into(), 1, &EN.errors, &EN), "1 error");
    }

    #[test]
    fn locales_find_their_catalogue() {
        assert_eq!((supported("pt-BR"), supported("ZH_hant"), supported("nl"), supported("")), (Some("pt"), Some("zh"), None, None));
        assert_eq!(embedded("de-AT").map(|w| w.seats), Some("Sitze"));
        assert!(embedded("en-GB").is_none() && embedded("nl").is_none());
    }
}
