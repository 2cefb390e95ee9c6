//! Drawing backends: plotters' [`DrawingBackend`](plotters_backend::DrawingBackend)
//! trait over an HTML canvas (wasm) and over SVG text (everywhere).
//!
//! Why not plotters-canvas and plotters-svg: both format every number with
//! `format!`, which links Rust's float-printing machinery (flt2dec, Grisu,
//! Dragon: about 22 KB of the 106 KB gzipped wasm we measured with them), and
//! the wasm budget is 50 KB for everything. These two write integers and
//! fixed-point alphas with [`crate::format`], and also do what the plotters
//! crates leave to us: a devicePixelRatio-scaled canvas, SVG text the same
//! size as canvas text, an accessible SVG root.

#[cfg(all(target_arch = "wasm32", feature = "full"))]
pub mod canvas;
pub mod list;
pub mod svg;

use crate::format::int;
use plotters_backend::BackendColor;

/// Append ` name="value"` for an integer value.
pub fn int_attr(out: &mut String, name: &str, value: i64) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    *out += &crate::format::signed(value);
    out.push('"');
}

/// "rgb(1,2,3)" or "rgba(1,2,3,0.4)".
pub fn css_color(c: &BackendColor) -> String {
    let (r, g, b) = c.rgb;
    let mut s = String::with_capacity(24);
    s += if c.alpha < 1.0 { "rgba(" } else { "rgb(" };
    s += &int(r as u64);
    s.push(',');
    s += &int(g as u64);
    s.push(',');
    s += &int(b as u64);
    if c.alpha < 1.0 {
        s.push(',');
        s += &alpha(c.alpha);
    }
    s.push(')');
    s
}

/// An opacity with three decimals: "0.4", "0.075", "1".
pub fn alpha(a: f64) -> String {
    let milli = (a.clamp(0.0, 1.0) * 1000.0).round() as u64;
    if milli >= 1000 {
        return "1".into();
    }
    let mut digits = int(milli);
    while digits.len() < 3 {
        digits.insert(0, '0');
    }
    while digits.ends_with('0') {
        digits.pop();
    }
    if digits.is_empty() {
        return "0".into();
    }
    "0.".to_string() + &digits
}

/// The CSS font shorthand: "bold 14px <family>" (size in whole device pixels).
pub fn css_font(bold: bool, size: f64, family: &str) -> String {
    let mut s = String::from(if bold { "bold " } else { "normal " });
    s += &int(size.round().max(1.0) as u64);
    s += "px ";
    s += family;
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colors_and_alphas() {
        assert_eq!(alpha(0.4), "0.4");
        assert_eq!(alpha(0.075), "0.075");
        assert_eq!(alpha(1.0), "1");
        assert_eq!(alpha(0.0), "0");
        assert_eq!(css_color(&BackendColor { alpha: 1.0, rgb: (0, 160, 227) }), "rgb(0,160,227)");
        assert_eq!(css_color(&BackendColor { alpha: 0.1, rgb: (1, 2, 3) }), "rgba(1,2,3,0.1)");
        assert_eq!(css_font(true, 27.6, "sans-serif"), "bold 28px sans-serif");
    }
}
