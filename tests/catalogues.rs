//! The word catalogues (locales/*.json): one per supported language, each with
//! every key of the English words, the same placeholders, no empty word, a form
//! for every plural category its language uses, and nothing the reader warns
//! about; locales/en.json (the template for a host's own) is the compiled-in English.

use tallyboard::catalogue::{self, read, same_placeholders, texts, KEYS, TAGS};
use tallyboard::plural::{self, Category, ALL, NAMES};
use tallyboard::words::EN;

fn file(tag: &str) -> String {
    std::fs::read_to_string(format!("{}/locales/{tag}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The value at a dotted key of the raw JSON ("element.coalition").
fn raw<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    key.split('.').try_fold(v, |v, k| v.get(k))
}

#[test]
fn every_catalogue_has_every_key_with_the_english_placeholders() {
    let mut problems = Vec::new();
    for tag in TAGS {
        let text = file(tag);
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut warn = Vec::new();
        let w = read(&EN, &text, &mut warn);
        problems.extend(warn.into_iter().map(|m| format!("{tag}: {m}")));
        assert_eq!(w.lang, tag);
        for key in KEYS {
            if raw(&json, key).is_none() {
                problems.push(format!("{tag}: no \"{key}\""));
                continue;
            }
            let (ours, english) = (texts(&w, key), texts(&EN, key));
            for (i, s) in ours.iter().enumerate() {
                let en = english.get(i).copied().unwrap_or("");
                // Plural forms may take the number's place ({}); nothing else.
                let fine = same_placeholders(s, en) || (NAMES.len() == ours.len() && same_placeholders(s, "{}"));
                if !fine || (s.trim().is_empty() && !(ours.len() == NAMES.len() && i != Category::Other as usize)) {
                    problems.push(format!("{tag}: \"{key}\" {s:?} against {en:?}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_plural_category_a_language_uses_has_its_form() {
    for tag in TAGS {
        let w = tallyboard::catalogue::for_locale(tag);
        let rule = plural::of(tag).unwrap();
        let used: Vec<Category> = ALL.into_iter().filter(|c| (0..=1000).chain([1_000_000]).any(|n| rule.select(n) == *c)).collect();
        for forms in [&w.errors, &w.warnings, &w.findings, &w.element.seat_forms] {
            for c in &used {
                assert!(!forms[*c as usize].is_empty(), "{tag}: no {} form in {forms:?}", NAMES[*c as usize]);
            }
        }
    }
}

#[test]
fn the_english_template_is_the_compiled_in_english() {
    let mut warn = Vec::new();
    let en = read(&EN, &file("en"), &mut warn);
    assert!(warn.is_empty(), "{warn:?}");
    for key in KEYS {
        assert_eq!(texts(&en, key), texts(&EN, key), "{key}");
    }
    // And a catalogue really changes the words it has (Russian over English).
    let ru = read(&EN, &file("ru"), &mut Vec::new());
    assert_eq!((ru.seats, ru.element.loading), ("Места", "Загрузка результатов…"));
}

#[test]
fn the_files_are_the_supported_languages() {
    let mut files: Vec<String> = std::fs::read_dir(format!("{}/locales", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().into_string().ok()?.strip_suffix(".json").map(str::to_string))
        .collect();
    files.sort();
    let mut tags: Vec<String> = TAGS.iter().map(|t| t.to_string()).collect();
    tags.sort();
    assert_eq!(files, tags);
    assert!(catalogue::list().ends_with("ja and hi"));
}
