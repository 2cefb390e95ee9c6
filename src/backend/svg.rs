//! An SVG [`DrawingBackend`] writing into a `String`.

use super::{alpha, int_attr};
use crate::format::int;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};

#[derive(Debug)]
pub struct Never;
impl std::fmt::Display for Never {
    fn fmt(&self, _: &mut std::fmt::Formatter) -> std::fmt::Result {
        Ok(())
    }
}
impl std::error::Error for Never {}

pub struct SvgBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
    /// The root's font family (a text in it need not say it again).
    family: &'a str,
}

fn hex(c: &BackendColor) -> String {
    crate::contest::Rgb(c.rgb.0, c.rgb.1, c.rgb.2).hex()
}

impl<'a> SvgBackend<'a> {
    /// Start a document of `size` units shown at `shown` CSS pixels, labelled for
    /// assistive technology with `label` (also its `<title>`). `family`: the font of its
    /// text, said once on the root (a text in another family says its own).
    pub fn new(out: &'a mut String, size: (u32, u32), shown: (u32, u32), label: &str, family: &'a str) -> Self {
        out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" font-family=\"");
        *out += &xml_escape(family);
        out.push_str("\" width=\"");
        *out += &int(shown.0 as u64);
        out.push_str("\" height=\"");
        *out += &int(shown.1 as u64);
        out.push_str("\" viewBox=\"0 0 ");
        *out += &int(size.0 as u64);
        out.push(' ');
        *out += &int(size.1 as u64);
        out.push_str("\" role=\"img\" aria-label=\"");
        *out += &xml_escape(label);
        out.push_str("\"><title>");
        *out += &xml_escape(label);
        out.push_str("</title>\n");
        SvgBackend { out, size, family }
    }

    fn fill(&mut self, c: &BackendColor) {
        self.out.push_str(" fill=\"");
        *self.out += &hex(c);
        self.out.push('"');
        if c.alpha < 1.0 {
            self.out.push_str(" fill-opacity=\"");
            *self.out += &alpha(c.alpha);
            self.out.push('"');
        }
    }

    fn stroke(&mut self, c: &BackendColor, width: u32) {
        self.out.push_str(" fill=\"none\" stroke=\"");
        *self.out += &hex(c);
        self.out.push('"');
        if c.alpha < 1.0 {
            self.out.push_str(" stroke-opacity=\"");
            *self.out += &alpha(c.alpha);
            self.out.push('"');
        }
        int_attr(self.out, "stroke-width", width as i64);
    }

    /// Fill or stroke with the style, and close the element.
    fn paint<S: BackendStyle>(&mut self, s: &S, fill: bool) {
        if fill {
            self.fill(&s.color());
        } else {
            self.stroke(&s.color(), s.stroke_width());
        }
        self.out.push_str("/>\n");
    }
}

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        if !self.out.ends_with("</svg>\n") {
            self.out.push_str("</svg>\n");
        }
        Ok(())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<Never>> {
        self.draw_rect(p, (p.0 + 1, p.1 + 1), &c, true)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Result<(), DrawingErrorKind<Never>> {
        self.out.push_str("<line");
        int_attr(self.out, "x1", from.0 as i64);
        int_attr(self.out, "y1", from.1 as i64);
        int_attr(self.out, "x2", to.0 as i64);
        int_attr(self.out, "y2", to.1 as i64);
        self.stroke(&s.color(), s.stroke_width());
        self.out.push_str("/>\n");
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S, fill: bool) -> Result<(), DrawingErrorKind<Never>> {
        self.out.push_str("<rect");
        int_attr(self.out, "x", a.0.min(b.0) as i64);
        int_attr(self.out, "y", a.1.min(b.1) as i64);
        int_attr(self.out, "width", (b.0 - a.0).abs() as i64);
        int_attr(self.out, "height", (b.1 - a.1).abs() as i64);
        self.paint(s, fill);
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Result<(), DrawingErrorKind<Never>> {
        self.out.push_str("<circle");
        int_attr(self.out, "cx", c.0 as i64);
        int_attr(self.out, "cy", c.1 as i64);
        int_attr(self.out, "r", r as i64);
        self.paint(s, fill);
        Ok(())
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result<(), DrawingErrorKind<Never>> {
        self.out.push_str("<text");
        int_attr(self.out, "x", pos.0 as i64);
        int_attr(self.out, "y", pos.1 as i64);
        let anchor = style.anchor();
        self.out.push_str(match anchor.v_pos {
            VPos::Top => " dy=\"0.8em\"",
            VPos::Center => " dy=\"0.35em\"",
            VPos::Bottom => "",
        });
        self.out.push_str(match anchor.h_pos {
            HPos::Left => "",
            HPos::Center => " text-anchor=\"middle\"",
            HPos::Right => " text-anchor=\"end\"",
        });
        int_attr(self.out, "font-size", style.size().round() as i64);
        if let FontStyle::Bold = style.style() {
            self.out.push_str(" font-weight=\"bold\"");
        }
        let family = style.family();
        if family.as_str() != self.family {
            self.out.push_str(" font-family=\"");
            *self.out += &xml_escape(family.as_str());
            self.out.push('"');
        }
        self.fill(&style.color());
        self.out.push('>');
        *self.out += &xml_escape(text);
        self.out.push_str("</text>\n");
        Ok(())
    }
}

/// Text and attribute values escaped for XML; characters XML 1.0 forbids are dropped.
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
