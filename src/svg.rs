//! The card as an SVG document, through plotters-svg and the shared drawing
//! code. Drawn at 4× in the SVG's own coordinates (plotters' grid is integer)
//! and shown at 1× through `width`/`height`, so seats keep sub-pixel places.

use crate::layout::Scene;
use plotters_svg::SVGBackend;

const OVERSAMPLE: f64 = 4.0;

pub fn to_svg(scene: &Scene) -> String {
    let mut out = String::new();
    let (w, h) = (scene.width.ceil() as u32, scene.height.ceil().max(1.0) as u32);
    {
        let mut backend = SVGBackend::with_string(&mut out, ((w as f64 * OVERSAMPLE) as u32, (h as f64 * OVERSAMPLE) as u32));
        // plotters-svg writes font-size = size / 1.24; undo that so SVG text
        // has the same size as canvas text.
        let surface = crate::draw::Surface { scale: OVERSAMPLE, text_scale: 1.24 };
        // Writing to a String cannot fail.
        let _ = crate::draw::draw(scene, &mut backend, surface);
    }
    // Show at 1×, label for assistive technology.
    let head_end = out.find('>').unwrap_or(0);
    let head = &out[..head_end];
    let mut fixed = String::with_capacity(out.len() + 256);
    let size_start = head.find("width=").unwrap_or(head.len());
    let after_size = head.find("viewBox=").unwrap_or(head.len());
    fixed.push_str(&head[..size_start]);
    fixed.push_str("width=\"");
    fixed.push_str(&crate::format::int(w as u64));
    fixed.push_str("\" height=\"");
    fixed.push_str(&crate::format::int(h as u64));
    fixed.push_str("\" ");
    fixed.push_str(&head[after_size..]);
    fixed.push_str(" role=\"img\" aria-label=\"");
    fixed.push_str(&xml_escape(&scene.summary));
    fixed.push_str("\">\n<title>");
    fixed.push_str(&xml_escape(&scene.summary));
    fixed.push_str("</title>");
    fixed.push_str(&out[head_end + 1..]);
    fixed
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
