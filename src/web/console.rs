//! What a card says to the page's developer: a console warning, once per page for each
//! distinct message (an unsupported locale, a word a catalogue could not give).

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn console_warn(s: &str);
}

/// Messages said already (a few hundred at most: then every one is said).
const REMEMBERED: usize = 256;

thread_local! {
    static SAID: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// "tallyboard: " and the message on the console, unless said before.
pub(super) fn warn(message: &str) {
    let new = SAID.with(|s| {
        let mut s = s.borrow_mut();
        if s.iter().any(|m| m == message) {
            return false;
        }
        if s.len() < REMEMBERED {
            s.push(message.to_string());
        }
        true
    });
    if new {
        console_warn(&("tallyboard: ".to_string() + message));
    }
}
