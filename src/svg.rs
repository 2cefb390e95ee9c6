//! The card as an SVG document, through plotters-svg and the shared drawing
//! code. Drawn at 4× in the SVG's own coordinates (plotters' grid is integer)
//! and shown at 1× through `width`/`height`, so seats keep sub-pixel places.

use crate::layout::Scene;

/// SVG units per CSS pixel: the backend's grid is integer, so seats and
/// text keep sub-pixel places at 4x.
const OVERSAMPLE: f64 = 4.0;

pub fn to_svg(scene: &Scene) -> String {
    let mut out = String::new();
    let (w, h) = (scene.width.ceil() as u32, scene.height.ceil().max(1.0) as u32);
    let size = ((w as f64 * OVERSAMPLE) as u32, (h as f64 * OVERSAMPLE) as u32);
    let mut backend = crate::backend::svg::SvgBackend::new(&mut out, size, (w, h), &scene.summary);
    // Writing to a String cannot fail.
    let _ = crate::draw::draw(scene, &mut backend, crate::draw::Surface { scale: OVERSAMPLE, font: crate::draw::FONT });
    out
}

pub fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => o.push(c),
        }
    }
    o
}
