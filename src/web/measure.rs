//! Text measured by the page's font engine, for the layout: the canvas's own
//! (the full module's cards) or the element's measuring function (the first
//! paint's module), each remembered per layout.

use crate::layout::{self, Measure};
use std::cell::RefCell;

/// The one size text is measured at (CSS pixels), whatever size it is drawn at (and drawn at, scaled).
const REFERENCE: f64 = crate::sizes::TEXT_REFERENCE;

/// A measure that asks `raw(font, text)` (the width in pixels of `text` in a CSS
/// `font`, or `None`) once per text, size and weight in a layout, at one size
/// ([`REFERENCE`] pixels) for every size, scaled to the size asked; the estimate
/// when `raw` has no answer.
///
/// One size: the font engine sets up each size of a font afresh (its glyphs'
/// metrics), and a card has eight sizes; measured at one, the first paint's
/// measuring took 7.9 ms instead of 15.9 (medians of 11 cold pages, Chromium,
/// 2026-12-07). A large size keeps a tenth of a pixel at the card's sizes (the
/// font string takes whole pixels), as the 10x of each size did before.
pub(super) struct Remembered<'a, F: Fn(&str, &str) -> Option<f64>> {
    family: &'a str,
    raw: F,
    seen: RefCell<Vec<(String, f64, f64)>>,
}

impl<'a, F: Fn(&str, &str) -> Option<f64>> Remembered<'a, F> {
    pub(super) fn new(family: &'a str, raw: F) -> Self {
        Remembered { family, raw, seen: RefCell::new(Vec::new()) }
    }
}

impl<F: Fn(&str, &str) -> Option<f64>> Measure for Remembered<'_, F> {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        // The key's size is negative for bold.
        let key = if bold { -size } else { size };
        // (The first paint's module asks the element's function, which remembers a card's widths itself.)
        if let Some(&(_, _, w)) = self.seen.borrow().iter().find(|(t, k, _)| cfg!(feature = "full") && *k == key && t == text) {
            return w;
        }
        let font = crate::backend::css_font(bold, REFERENCE, self.family);
        let w = (self.raw)(&font, text)
            .filter(|w| w.is_finite() && *w >= 0.0)
            // (No answer from the font engine: the CLI's estimate; in the first paint's module, whose
            // card the full module's replaces at once, a plain one, without the estimate's tables.)
            .map_or_else(|| if cfg!(feature = "full") { layout::Approx.width(text, size, bold) } else { text.chars().map(|_| 0.66).sum::<f64>() * size }, |w| w * size / REFERENCE);
        let mut seen = self.seen.borrow_mut();
        if cfg!(feature = "full") && seen.len() < 512 {
            seen.push((text.to_string(), key, w));
        }
        w
    }
}

#[cfg(feature = "full")]
pub(super) use canvas::{canvas_measure, measurer};

#[cfg(feature = "full")]
mod canvas {
    use super::Remembered;
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;
    use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

    thread_local! {
        /// One detached canvas measures text for every card of the page: a new
        /// context resolves each font afresh (milliseconds per font in Chromium),
        /// so the second card and every redraw find them ready.
        static MEASURER: RefCell<Option<CanvasRenderingContext2d>> = const { RefCell::new(None) };
    }

    /// The page's measuring context (made once), or `fallback` if it cannot be made.
    pub(in super::super) fn measurer(doc: Option<web_sys::Document>, fallback: &CanvasRenderingContext2d) -> CanvasRenderingContext2d {
        MEASURER.with(|m| {
            let mut m = m.borrow_mut();
            if m.is_none() {
                *m = doc
                    .and_then(|d| d.create_element("canvas").ok())
                    .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
                    .and_then(|c| c.get_context("2d").ok().flatten())
                    .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
            }
            m.clone().unwrap_or_else(|| fallback.clone())
        })
    }

    /// Text measured with the canvas's own font engine. The font is set only when
    /// it changes (the browser parses every font string it is given).
    pub(in super::super) fn canvas_measure<'a>(ctx: &'a CanvasRenderingContext2d, family: &'a str) -> Remembered<'a, impl Fn(&str, &str) -> Option<f64> + 'a> {
        let set = RefCell::new(String::new());
        Remembered::new(family, move |font: &str, text: &str| {
            if *set.borrow() != font {
                ctx.set_font(font);
                *set.borrow_mut() = font.to_string();
            }
            ctx.measure_text(text).ok().map(|m| m.width())
        })
    }
}
