//! A card's display list ([`super::list`]) replayed on an HTML canvas (wasm, the
//! full module): call for call what the element's JavaScript painter does with
//! the first paint's list, so the two modules' canvases are drawn alike. The
//! list already holds coordinates in device pixels, styles set only when they
//! change and the seats of one colour as one path.

use super::list::{ListBackend, Op};
use web_sys::CanvasRenderingContext2d;

/// Replay `list` on `ctx`.
pub fn replay(ctx: &CanvasRenderingContext2d, list: &ListBackend) {
    let s = |k: f64| list.strings.get(k as usize).map_or("", |t| t.as_str());
    let mut it = list.ops.iter().copied();
    while let Some(code) = it.next() {
        let Some(op) = Op::from_code(code) else { return };
        // The call's next argument, and the string an argument points at.
        let mut n = || it.next().unwrap_or(0.0);
        match op {
            Op::Fill => ctx.set_fill_style_str(s(n())),
            Op::Stroke => {
                ctx.set_stroke_style_str(s(n()));
                ctx.set_line_width(n());
            }
            Op::Font => ctx.set_font(s(n())),
            Op::Anchor => {
                ctx.set_text_align(s(n()));
                ctx.set_text_baseline(s(n()));
            }
            Op::FillRect => ctx.fill_rect(n(), n(), n(), n()),
            Op::StrokeRect => ctx.stroke_rect(n(), n(), n(), n()),
            Op::BeginPath => ctx.begin_path(),
            Op::MoveTo => ctx.move_to(n(), n()),
            Op::LineTo => ctx.line_to(n(), n()),
            Op::Arc => {
                let _ = ctx.arc(n(), n(), n(), n(), n());
            }
            Op::FillPath => ctx.fill(),
            Op::StrokePath => ctx.stroke(),
            Op::Text => {
                let t = s(n());
                let (x, y, k) = (n(), n(), n());
                let _ = ctx.set_transform(k, 0.0, 0.0, k, x, y);
                let _ = ctx.fill_text(t, 0.0, 0.0);
                let _ = ctx.reset_transform();
            }
        }
    }
}
