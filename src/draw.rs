//! Drawing a [`Scene`] onto any plotters [`DrawingBackend`]: the one code path
//! behind the canvas (plotters-canvas) and SVG (plotters-svg) pictures.

use crate::contest::Rgb;
use crate::layout::{Align, Scene, Shape};
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle};

/// The card's font stack: the system UI font, with wide script coverage
/// (Cyrillic, Kazakh letters) in the fallbacks.
pub use crate::sizes::FONT;

fn color(c: Rgb, alpha: f64) -> BackendColor {
    BackendColor { alpha, rgb: (c.0, c.1, c.2) }
}

struct Stroke(BackendColor, u32);

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.0
    }
    fn stroke_width(&self) -> u32 {
        self.1
    }
}

struct Font<'a> {
    color: BackendColor,
    size: f64,
    bold: bool,
    family: &'a str,
    anchor: Pos,
}

impl BackendTextStyle for Font<'_> {
    type FontError = std::fmt::Error;
    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        use crate::layout::Measure;
        let w = crate::layout::Approx.width(text, self.size, self.bold) as i32;
        Ok(((0, 0), (w, self.size as i32)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(&self, _: &str, _: (i32, i32), _: F) -> Result<Result<(), E>, Self::FontError> {
        // Both backends we use draw text natively (canvas fillText, SVG <text>).
        Ok(Ok(()))
    }
}

/// How one backend draws: `scale` device pixels per CSS pixel, and the font family.
#[derive(Debug, Clone, Copy)]
pub struct Surface<'a> {
    pub scale: f64,
    pub font: &'a str,
}

/// Draw the scene. Coordinates are rounded to the backend's integer grid
/// after scaling, so a HiDPI canvas (scale = devicePixelRatio) stays crisp.
pub fn draw<B: DrawingBackend>(scene: &Scene, backend: &mut B, s: Surface<'_>) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    let k = s.scale;
    let p = |v: f64| (v * k).round() as i32;
    backend.ensure_prepared()?;
    let (w, h) = backend.get_size();
    backend.draw_rect((0, 0), (w as i32, h as i32), &color(scene.background, 1.0), true)?;
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { x, y, w, h, color: c, alpha } => {
                if *w <= 0.0 || *h <= 0.0 {
                    continue;
                }
                backend.draw_rect((p(*x), p(*y)), (p(x + w), p(y + h)), &color(*c, *alpha), true)?
            }
            Shape::Frame { x, y, w, h, color: c, width } => {
                let sw = ((width * k).round() as u32).max(1);
                backend.draw_rect((p(*x), p(*y)), (p(x + w), p(y + h)), &Stroke(color(*c, 1.0), sw), false)?
            }
            Shape::Circle { x, y, r, color: c } => {
                let rr = ((r * k).round() as u32).max(1);
                backend.draw_circle((p(*x), p(*y)), rr, &color(*c, 1.0), true)?
            }
            Shape::Line { x1, y1, x2, y2, color: c, width } => {
                let sw = ((width * k).round() as u32).max(1);
                backend.draw_line((p(*x1), p(*y1)), (p(*x2), p(*y2)), &Stroke(color(*c, 1.0), sw))?
            }
            Shape::Text { x, y, text, size, bold, color: c, align } => {
                let h_pos = match align {
                    Align::Left => HPos::Left,
                    Align::Center => HPos::Center,
                    Align::Right => HPos::Right,
                };
                let font = Font { color: color(*c, 1.0), size: size * k, bold: *bold, family: s.font, anchor: Pos::new(h_pos, VPos::Center) };
                backend.draw_text(text, &font, (p(*x), p(*y)))?
            }
        }
    }
    backend.present()
}
