//! A card's words from its options: English, then each catalogue of the `words`
//! option over it (an object, its JSON text, or a list of them, later ones over
//! earlier: the element passes the language's catalogue, then the page's own
//! words). Read once per distinct text; what a catalogue cannot give, and a
//! locale whose words were not given, is said on the console: the words are English.

use super::console::warn;
use super::{get, text_of};
use crate::catalogue;
use crate::format::lang_of;
use crate::words::{Words, EN};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// The most distinct word sets kept on one page (each lives as long as the page).
const MOST: usize = 16;

thread_local! {
    static READ: RefCell<Vec<(String, &'static Words)>> = const { RefCell::new(Vec::new()) };
}

/// The most catalogues in one `words` option.
const LAYERS: usize = 8;

/// The texts of the `words` option, in order: at most [`LAYERS`], each at most [`catalogue::MAX_TEXT`]
/// bytes (a longer one is left out, said), so that what is kept for the page stays small.
fn layers(o: &JsValue) -> Vec<String> {
    let w = get(o, "words");
    let all: Vec<JsValue> = if js_sys::Array::is_array(&w) { js_sys::Array::from(&w).iter().take(LAYERS).collect() } else { vec![w] };
    let texts = all.iter().map(text_of).filter(|t| !t.is_empty());
    texts
        .filter(|t| {
            let fits = t.len() <= catalogue::MAX_TEXT;
            if !fits {
                warn("words: a catalogue longer than 64 KiB is not read");
            }
            fits
        })
        .collect()
}

/// The words for a card in `locale` with the options `o`.
pub(super) fn of(o: &JsValue, locale: &str) -> &'static Words {
    let layers = layers(o);
    let w = if layers.is_empty() { &EN } else { read(&layers) };
    let lang = lang_of(locale);
    if lang != "en" && !lang.is_empty() && lang_of(w.lang) != lang {
        let why = if catalogue::supported(locale).is_some() { ": its catalogue (catalogueOf) was not given as option words" } else { ": no catalogue has its words" };
        warn(&("locale \"".to_string() + locale + "\"" + why + "; the words are English"));
    }
    w
}

fn read(layers: &[String]) -> &'static Words {
    let key = layers.join("\u{0}");
    if let Some(w) = READ.with(|r| r.borrow().iter().find(|(k, _)| *k == key).map(|(_, w)| *w)) {
        return w;
    }
    if READ.with(|r| r.borrow().len()) >= MOST {
        warn("more than 16 different word sets on one page: the words of the others are English");
        return &EN;
    }
    let mut warnings = Vec::new();
    let mut w = layers.iter().fold(EN, |w, text| catalogue::read(&w, text, &mut warnings));
    warnings.iter().for_each(|m| warn(m));
    w.plural = super::intl::plural(w.lang);
    let w: &'static Words = Box::leak(Box::new(w));
    READ.with(|r| r.borrow_mut().push((key, w)));
    w
}
