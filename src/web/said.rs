//! What a card says, worded in its locale: its report, summary and findings,
//! the tooltip at a point, the tables, the coalition's sum and buttons, the
//! live region's headline and the notice of an update that failed.

use super::card::Card;
use super::{options, report_value};
use crate::layout::{self, Hit};
use wasm_bindgen::prelude::*;

#[derive(serde::Serialize)]
struct HitView<'a> {
    kind: &'static str,
    contest: usize,
    party: usize,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    votes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    percent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seats: Option<u64>,
    /// The tooltip's lines in the card's locale (name; votes and share; seats).
    lines: Vec<String>,
}

#[wasm_bindgen]
impl Card {
    /// The pager's live text in the card's locale ("Page 2 of 17").
    #[wasm_bindgen(js_name = pageStatus)]
    pub fn page_status(&self) -> String {
        let Some(s) = self.shared.read() else { return String::new() };
        let pages = s.scene.as_ref().map_or(1, |sc| sc.pages).max(1);
        crate::element::page_status(options(&s.options, s.width).words, s.page.min(pages - 1), pages)
    }

    /// The validation report of the current data.
    #[wasm_bindgen(unchecked_return_type = "TallyboardReport | null")]
    pub fn report(&self) -> JsValue {
        self.shared.read().and_then(|s| s.checked.as_ref().map(|c| report_value(&c.report))).unwrap_or(JsValue::NULL)
    }

    /// The accessible text summary of the card.
    pub fn summary(&self) -> String {
        self.shared.read().and_then(|s| s.scene.as_ref().map(|sc| sc.summary.clone())).unwrap_or_default()
    }

    /// What is under CSS pixel (x, y): `{kind, contest, party, name, votes, percent, seats}` or null.
    #[wasm_bindgen(js_name = hitAt, unchecked_return_type = "TallyboardHit | null")]
    pub fn hit_at(&self, x: f64, y: f64) -> JsValue {
        let Some(s) = self.shared.read() else { return JsValue::NULL };
        let Some((kind, hit)) = s.hit(x, y) else { return JsValue::NULL };
        let (contest, party) = match hit {
            Hit::Party { contest, party } => (contest, party),
            Hit::Badge => (0, 0),
        };
        let doc = s.checked.as_ref().and_then(|c| c.document.as_ref());
        let line = doc.and_then(|d| d.contests.get(contest)).and_then(|c| c.parties.get(party).map(|p| (c, p)));
        let o = options(&s.options, s.width);
        let view = match (hit, line) {
            (Hit::Party { .. }, Some((c, p))) => {
                let (lines, share) = s.checked.as_ref().and_then(|k| k.figures.get(contest)).map(|f| crate::layout::tooltip(c, f, party, &o)).unwrap_or_default();
                HitView { kind, contest, party, name: &p.name, votes: p.votes, percent: share, seats: p.seats, lines }
            }
            _ => HitView { kind, contest, party, name: "", votes: None, percent: None, seats: None, lines: Vec::new() },
        };
        serde_wasm_bindgen::to_value(&view).unwrap_or(JsValue::NULL)
    }

    /// A coalition of parties (indices) in one contest against its majority, worded
    /// in the card's locale ("60 of 100 seats: short of a majority (7)"); "" for none.
    #[wasm_bindgen(js_name = coalitionText)]
    pub fn coalition_text(&self, contest: usize, parties: Vec<u32>) -> String {
        let Some(s) = self.shared.read() else { return String::new() };
        let Some(f) = s.checked.as_ref().and_then(|k| k.figures.get(contest)) else { return String::new() };
        let parties: Vec<usize> = parties.iter().map(|&p| p as usize).collect();
        layout::coalition_text(f, &parties, &options(&s.options, s.width))
    }

    /// Who leads, worded in the card's locale, for a polite live region: the
    /// element reads it out when it changes from one update to the next.
    pub fn headline(&self) -> String {
        let Some(s) = self.shared.read() else { return String::new() };
        let Some(k) = s.checked.as_ref() else { return String::new() };
        let (Some(c), Some(f)) = (k.document.as_ref().and_then(|d| d.contests.first()), k.figures.first()) else { return String::new() };
        crate::element::headline(c, f, &options(&s.options, s.width))
    }

    /// An update that failed over this card, in its locale: the reason (e.g. from
    /// `loadError`) and when the card's figures are from: their `as_of`, else
    /// `loaded_ms` (when they were loaded, `Date.now()`) on the reader's clock
    /// (`timezone_offset`: `new Date().getTimezoneOffset()`).
    #[wasm_bindgen(js_name = notUpdated)]
    pub fn not_updated(&self, reason: &str, loaded_ms: f64, timezone_offset: i32) -> String {
        let Some(s) = self.shared.read() else { return String::new() };
        let o = options(&s.options, s.width);
        let as_of = s.last_good_as_of.as_deref();
        crate::element::not_updated(o.words, reason, as_of, (loaded_ms / 1000.0) as i64, -timezone_offset)
    }

    /// The validator's findings, worded in the card's locale, for an HTML list:
    /// `[{severity, label, message, place}]`.
    pub fn findings(&self) -> JsValue {
        let Some(s) = self.shared.read() else { return JsValue::NULL };
        let Some(k) = s.checked.as_ref() else { return js_sys::Array::new().into() };
        let list = crate::element::findings(&k.report, options(&s.options, s.width).words);
        serde_wasm_bindgen::to_value(&list).unwrap_or(JsValue::NULL)
    }

    /// The tooltip's lines for a party (for the keyboard: the element shows them
    /// for the party brought forward with the arrow keys).
    #[wasm_bindgen(js_name = partyLines)]
    pub fn party_lines(&self, contest: usize, party: usize) -> Vec<String> {
        let Some(s) = self.shared.read() else { return Vec::new() };
        let Some(k) = s.checked.as_ref() else { return Vec::new() };
        let (Some(c), Some(f)) = (k.document.as_ref().and_then(|d| d.contests.get(contest)), k.figures.get(contest)) else { return Vec::new() };
        if party >= c.parties.len() {
            return Vec::new();
        }
        crate::layout::tooltip(c, f, party, &options(&s.options, s.width)).0
    }

    /// The coalition builder's buttons for the first contest, in the card's locale:
    /// `{party, names, seats, colors, labels}`, or null when there is no builder.
    #[wasm_bindgen(js_name = coalitionButtons)]
    pub fn coalition_buttons(&self) -> JsValue {
        let Some(s) = self.shared.read() else { return JsValue::NULL };
        let Some(k) = s.checked.as_ref() else { return JsValue::NULL };
        let (Some(c), Some(f)) = (k.document.as_ref().and_then(|d| d.contests.first()), k.figures.first()) else { return JsValue::NULL };
        let o = options(&s.options, s.width);
        crate::element::coalition_buttons(c, f, &o).and_then(|b| serde_wasm_bindgen::to_value(&b).ok()).unwrap_or(JsValue::NULL)
    }

    /// The results tables (one per contest), formatted for the locale, for a real HTML `<table>`.
    #[wasm_bindgen(unchecked_return_type = "TallyboardTable[]")]
    pub fn tables(&self) -> JsValue {
        let Some(s) = self.shared.read() else { return JsValue::NULL };
        let mut opts = options(&s.options, s.width);
        opts.page = s.page;
        let Some(doc) = s.checked.as_ref().and_then(|c| c.document.as_ref()) else { return js_sys::Array::new().into() };
        let tables: Vec<layout::TableModel> = doc.contests.iter().zip(s.checked.iter().flat_map(|k| &k.figures)).map(|(c, f)| layout::html_table(c, f, &opts)).collect();
        serde_wasm_bindgen::to_value(&tables).unwrap_or(JsValue::NULL)
    }
}
