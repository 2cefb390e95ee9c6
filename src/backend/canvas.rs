//! An HTML canvas [`DrawingBackend`] (wasm only). The canvas's backing store
//! is sized by the caller in device pixels; coordinates arrive scaled.

use super::{css_color, css_font};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub struct CanvasBackend {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
}

impl CanvasBackend {
    pub fn new(canvas: HtmlCanvasElement, ctx: CanvasRenderingContext2d) -> Self {
        CanvasBackend { canvas, ctx }
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
        Ok(())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.ctx.set_fill_style_str(&css_color(&c));
        self.ctx.fill_rect(p.0 as f64, p.1 as f64, 1.0, 1.0);
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let w = s.stroke_width() as f64;
        // Odd widths sit on half pixels to stay crisp.
        let off = if s.stroke_width() % 2 == 1 { 0.5 } else { 0.0 };
        self.ctx.set_stroke_style_str(&css_color(&s.color()));
        self.ctx.set_line_width(w);
        self.ctx.begin_path();
        self.ctx.move_to(from.0 as f64 + off, from.1 as f64 + off);
        self.ctx.line_to(to.0 as f64 + off, to.1 as f64 + off);
        self.ctx.stroke();
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S, fill: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (x, y) = (a.0.min(b.0) as f64, a.1.min(b.1) as f64);
        let (w, h) = ((b.0 - a.0).abs() as f64, (b.1 - a.1).abs() as f64);
        let c = css_color(&s.color());
        if fill {
            self.ctx.set_fill_style_str(&c);
            self.ctx.fill_rect(x, y, w, h);
        } else {
            let off = if s.stroke_width() % 2 == 1 { 0.5 } else { 0.0 };
            self.ctx.set_stroke_style_str(&c);
            self.ctx.set_line_width(s.stroke_width() as f64);
            self.ctx.stroke_rect(x + off, y + off, w - 2.0 * off, h - 2.0 * off);
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.ctx.begin_path();
        let _ = self.ctx.arc(c.0 as f64, c.1 as f64, r as f64, 0.0, std::f64::consts::TAU);
        let col = css_color(&s.color());
        if fill {
            self.ctx.set_fill_style_str(&col);
            self.ctx.fill();
        } else {
            self.ctx.set_stroke_style_str(&col);
            self.ctx.set_line_width(s.stroke_width() as f64);
            self.ctx.stroke();
        }
        Ok(())
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let anchor = style.anchor();
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
        self.ctx.set_font(&css_font(matches!(style.style(), FontStyle::Bold), style.size(), style.family().as_str()));
        self.ctx.set_fill_style_str(&css_color(&style.color()));
        let _ = self.ctx.fill_text(text, pos.0 as f64, pos.1 as f64);
        Ok(())
    }
}
