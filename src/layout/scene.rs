//! The resolved scene the renderers only read: shapes in CSS pixels, hit regions,
//! seat marks, the screen-reader summary.

use crate::contest::Rgb;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Rect { x: f64, y: f64, w: f64, h: f64, color: Rgb, alpha: f64 },
    Frame { x: f64, y: f64, w: f64, h: f64, color: Rgb, width: f64 },
    Circle { x: f64, y: f64, r: f64, color: Rgb },
    Line { x1: f64, y1: f64, x2: f64, y2: f64, color: Rgb, width: f64 },
    /// `y` is the vertical centre of the line of text.
    Text { x: f64, y: f64, text: String, size: f64, bold: bool, color: Rgb, align: Align },
}

/// What a region of the card stands for (for clicks, hovers and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Badge,
    Party { contest: usize, party: usize },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub hit: Hit,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeatMark {
    pub contest: usize,
    pub party: Option<usize>,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub color: Rgb,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub background: Rgb,
    pub shapes: Vec<Shape>,
    pub regions: Vec<Region>,
    pub seats: Vec<SeatMark>,
    /// A text summary for screen readers.
    pub summary: String,
    /// Pages of the longest results table ([`MAX_ROWS`] rows a page; 1 when it fits).
    pub pages: usize,
    /// The card's text direction is right to left (the canvas's `direction`; each line
    /// of text carries its own direction as an isolate, for the SVG).
    pub rtl: bool,
}
