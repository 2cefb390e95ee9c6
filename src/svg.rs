//! The card as an SVG document, through plotters-svg and the shared drawing
//! code. Drawn at 4× in the SVG's own coordinates (plotters' grid is integer)
//! and shown at 1× through `width`/`height`, so seats keep sub-pixel places.

use crate::layout::Scene;
/// Escape text for XML (text and attribute values); the SVG backend owns it.
pub use crate::backend::svg::xml_escape;

/// SVG units per CSS pixel: the backend's grid is integer, so seats and
/// text keep sub-pixel places at 4x.
const OVERSAMPLE: f64 = 4.0;

pub fn to_svg(scene: &Scene) -> String {
    let mut out = String::new();
    let (w, h) = (scene.width.ceil() as u32, scene.height.ceil().max(1.0) as u32);
    let size = ((w as f64 * OVERSAMPLE) as u32, (h as f64 * OVERSAMPLE) as u32);
    let mut backend = crate::backend::svg::SvgBackend::new(&mut out, size, (w, h), &scene.summary, crate::draw::FONT);
    // Writing to a String cannot fail.
    let _ = crate::draw::draw(scene, &mut backend, crate::draw::Surface { scale: OVERSAMPLE, font: crate::draw::FONT });
    out
}

/// The card's SVG inside a `<tally-board>` element whose data is at `src`, for a
/// page (`tallyboard render FILE --svg OUT --embed`): the SVG is shown at once, with
/// the verdict the CLI's check found, and replaced by the live card when that is
/// ready, at the SVG's width and with its text laid out as here (no layout shift).
/// `display="block"`: the SVG's box is the same before the element is defined
/// (inline content would add a line's descent below it) and after; a presentation
/// attribute, not a style, so that a `style-src 'self'` policy keeps it.
pub fn embed(svg: &str, src: &str) -> String {
    let body = svg.strip_prefix("<svg").map_or_else(|| svg.to_string(), |rest| "<svg display=\"block\"".to_string() + rest);
    "<tally-board src=\"".to_string() + &xml_escape(src) + "\">\n" + body.trim_end() + "\n</tally-board>\n"
}
