//! The first paint's card (the module built without `full`): the data read,
//! laid out and drawn into a display list ([`ListBackend`]) that the element
//! paints on its canvas. No canvas bindings, card state or event handlers: the
//! full module's card, which validates, replaces it right after.

use super::{canvas_marks, canvas_style, check, font_of, get, options, text_of};
use crate::backend::list::ListBackend;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The page's measuring function, `measure(font, text)`: the strings and the width
    /// cross in one call (not a call for each string, the call and the number).
    #[wasm_bindgen(extends = js_sys::Function)]
    type Measurer;
    #[wasm_bindgen(method, js_name = call)]
    fn width(this: &Measurer, this_arg: &JsValue, font: &str, text: &str) -> f64;
}

fn set(o: &js_sys::Object, key: &str, value: JsValue) {
    let _ = js_sys::Reflect::set(o, &key.into(), &value);
}

/// The first paint of an English election or vote card: `{width, height, ops,
/// strings, marks, style}` (the canvas's size in device pixels, the display
/// list, the canvas's attributes and its style as `[name, value]` pairs), or `undefined`
/// for a card it leaves to the full module (another language, a kind or a
/// replay of the rules it does not have, data it cannot read or with an error). `width`: the container's, in CSS
/// pixels, unless the options fix one; `ratio`: the screen's devicePixelRatio; `visible`: how much of the
/// card the screen shows from its top (CSS pixels): the texts wholly below it are in `later`, a second
/// display list that the painter draws after the first frame.
#[wasm_bindgen(js_name = firstPaint, skip_typescript)]
pub fn first_paint(data: JsValue, options_value: JsValue, width: f64, ratio: f64, measure: js_sys::Function, visible: f64) -> JsValue {
    if !super::english(&options_value) {
        return JsValue::UNDEFINED;
    }
    let checked = check(&text_of(&data));
    if !crate::first_paint(&checked) {
        return JsValue::UNDEFINED;
    }
    let fallback = if width.is_finite() && width > 0.0 { width } else { crate::sizes::FALLBACK_WIDTH };
    let opts = options(&options_value, fallback);
    let font = font_of(&options_value);
    // Text measured by the page: `measure(font, text)` is its width in pixels on the element's canvas.
    let measure: &Measurer = measure.unchecked_ref();
    let page = super::measure::Remembered::new(&font, |font: &str, text: &str| Some(measure.width(&JsValue::NULL, font, text)));
    // (Read, without an error: the card itself, never the error card.)
    let Some(doc) = checked.document.as_ref() else { return JsValue::UNDEFINED };
    let scene = crate::layout::card(doc, &checked.figures, &checked.report, &opts, &page);
    let dpr = get(&options_value, "pixelRatio").as_f64().unwrap_or(ratio);
    let dpr = crate::sizes::canvas_ratio(scene.width, scene.height, if dpr.is_finite() && dpr > 0.0 && dpr <= 8.0 { dpr } else { 1.0 });
    // (Not a number: everything at once.)
    let below = if visible.is_nan() { f64::INFINITY } else { visible * dpr };
    let mut list = ListBackend::showing((scene.width * dpr).round() as u32, (scene.height * dpr).round() as u32, below);
    let _ = crate::draw::draw(&scene, &mut list, crate::draw::Surface { scale: dpr, font: &font });
    let o = js_sys::Object::new();
    set(&o, "width", list.width.into());
    set(&o, "height", list.height.into());
    set(&o, "ops", js_sys::Float64Array::from(&list.ops[..]).into());
    set(&o, "later", js_sys::Float64Array::from(&list.later[..]).into());
    let strings: js_sys::Array = list.strings.iter().map(|s| JsValue::from_str(s)).collect();
    set(&o, "strings", strings.into());
    set(&o, "marks", pairs(&canvas_marks(&scene, &checked)));
    set(&o, "style", pairs(&canvas_style(&scene)));
    o.into()
}

fn pairs(list: &[(&str, String)]) -> JsValue {
    list.iter().map(|(k, v)| -> JsValue { js_sys::Array::of2(&(*k).into(), &v.into()).into() }).collect::<js_sys::Array>().into()
}
