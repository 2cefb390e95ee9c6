//! Text measured with the canvas's own font engine, for the layout.

use crate::layout::{self, Measure};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Measures text with the canvas's own font engine. The font is set only
/// when it changes (the browser parses every font string it is given), and a
/// text measured once in a layout is not measured again.
pub(super) struct CanvasMeasure<'a> {
    ctx: &'a CanvasRenderingContext2d,
    family: &'a str,
    font: RefCell<String>,
    seen: RefCell<Vec<(String, f64, f64)>>,
}

thread_local! {
    /// One detached canvas measures text for every card of the page: a new
    /// context resolves each font afresh (milliseconds per font in Chromium),
    /// so the second card and every redraw find them ready.
    static MEASURER: RefCell<Option<CanvasRenderingContext2d>> = const { RefCell::new(None) };
}

/// The page's measuring context (made once), or `fallback` if it cannot be made.
pub(super) fn measurer(doc: Option<web_sys::Document>, fallback: &CanvasRenderingContext2d) -> CanvasRenderingContext2d {
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

impl<'a> CanvasMeasure<'a> {
    pub(super) fn new(ctx: &'a CanvasRenderingContext2d, family: &'a str) -> Self {
        CanvasMeasure { ctx, family, font: RefCell::new(String::new()), seen: RefCell::new(Vec::new()) }
    }
}

impl Measure for CanvasMeasure<'_> {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        // The key's size is negative for bold.
        let key = if bold { -size } else { size };
        if let Some(&(_, _, w)) = self.seen.borrow().iter().find(|(t, k, _)| *k == key && t == text) {
            return w;
        }
        // Measured at 10x and scaled back: the font string takes whole pixels.
        let font = crate::backend::css_font(bold, size * 10.0, self.family);
        if *self.font.borrow() != font {
            self.ctx.set_font(&font);
            *self.font.borrow_mut() = font;
        }
        let w = self.ctx.measure_text(text).map(|m| m.width() / 10.0).unwrap_or_else(|_| layout::Approx.width(text, size, bold));
        let mut seen = self.seen.borrow_mut();
        if seen.len() < 512 {
            seen.push((text.to_string(), key, w));
        }
        w
    }
}
