//! An HTML canvas [`DrawingBackend`] (wasm only). The canvas's backing store
//! is sized by the caller in device pixels; coordinates arrive scaled.

use super::{css_color, css_font};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A colour as a cache key: red, green, blue and the alpha in thousandths.
type Key = (u8, u8, u8, u16);

fn key(c: &BackendColor) -> Key {
    (c.rgb.0, c.rgb.1, c.rgb.2, (c.alpha.clamp(0.0, 1.0) * 1000.0).round() as u16)
}

/// Each call into the canvas crosses from wasm to JavaScript, and setting a
/// style makes the browser parse a CSS string (a font especially), so the
/// backend remembers what the context already has and sets only changes.
/// Filled circles of one colour (a hemicycle's seats) go into one path and are
/// filled once: 3,000 seats of 20 parties are 20 fills, not 3,000.
pub struct CanvasBackend {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    fill: Option<Key>,
    stroke: Option<Key>,
    line_width: u32,
    font: String,
    anchor: Option<(u8, u8)>,
    /// The colour of the open path of filled circles, if one is open.
    circles: Option<Key>,
}

impl CanvasBackend {
    pub fn new(canvas: HtmlCanvasElement, ctx: CanvasRenderingContext2d) -> Self {
        CanvasBackend { canvas, ctx, fill: None, stroke: None, line_width: 0, font: String::new(), anchor: None, circles: None }
    }

    /// Fill the open path of circles, if any.
    fn flush(&mut self) {
        if self.circles.take().is_some() {
            self.ctx.fill();
        }
    }

    fn set_fill(&mut self, c: &BackendColor) {
        let k = key(c);
        if self.fill != Some(k) {
            self.ctx.set_fill_style_str(&css_color(c));
            self.fill = Some(k);
        }
    }

    fn set_stroke(&mut self, c: &BackendColor, width: u32) {
        let k = key(c);
        if self.stroke != Some(k) {
            self.ctx.set_stroke_style_str(&css_color(c));
            self.stroke = Some(k);
        }
        if self.line_width != width {
            self.ctx.set_line_width(width as f64);
            self.line_width = width;
        }
    }
}

impl DrawingBackend for CanvasBackend {
    type ErrorType = super::svg::Never;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.flush();
        Ok(())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.flush();
        self.set_fill(&c);
        self.ctx.fill_rect(p.0 as f64, p.1 as f64, 1.0, 1.0);
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        // Odd widths sit on half pixels to stay crisp.
        let off = if s.stroke_width() % 2 == 1 { 0.5 } else { 0.0 };
        self.flush();
        self.set_stroke(&s.color(), s.stroke_width());
        self.ctx.begin_path();
        self.ctx.move_to(from.0 as f64 + off, from.1 as f64 + off);
        self.ctx.line_to(to.0 as f64 + off, to.1 as f64 + off);
        self.ctx.stroke();
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S, fill: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (x, y) = (a.0.min(b.0) as f64, a.1.min(b.1) as f64);
        let (w, h) = ((b.0 - a.0).abs() as f64, (b.1 - a.1).abs() as f64);
        self.flush();
        if fill {
            self.set_fill(&s.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            let off = if s.stroke_width() % 2 == 1 { 0.5 } else { 0.0 };
            self.set_stroke(&s.color(), s.stroke_width());
            self.ctx.stroke_rect(x + off, y + off, w - 2.0 * off, h - 2.0 * off);
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (x, y, r) = (c.0 as f64, c.1 as f64, r as f64);
        if fill {
            let k = key(&s.color());
            if self.circles != Some(k) {
                self.flush();
                self.set_fill(&s.color());
                self.ctx.begin_path();
                self.circles = Some(k);
            }
            // A new subpath per circle, so no line joins one seat to the next.
            self.ctx.move_to(x + r, y);
            let _ = self.ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
        } else {
            self.flush();
            self.set_stroke(&s.color(), s.stroke_width());
            self.ctx.begin_path();
            let _ = self.ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
            self.ctx.stroke();
        }
        Ok(())
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.flush();
        let anchor = style.anchor();
        let (v, h) = (anchor.v_pos as u8, anchor.h_pos as u8);
        if self.anchor != Some((v, h)) {
            self.ctx.set_text_baseline(match anchor.v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            });
            self.ctx.set_text_align(match anchor.h_pos {
                HPos::Left => "left",
                HPos::Center => "center",
                HPos::Right => "right",
            });
            self.anchor = Some((v, h));
        }
        let font = css_font(matches!(style.style(), FontStyle::Bold), style.size(), style.family().as_str());
        if font != self.font {
            self.ctx.set_font(&font);
            self.font = font;
        }
        self.set_fill(&style.color());
        let _ = self.ctx.fill_text(text, pos.0 as f64, pos.1 as f64);
        Ok(())
    }
}
