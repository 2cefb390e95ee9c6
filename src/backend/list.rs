//! A recording [`DrawingBackend`]: the drawing as a display list of canvas
//! calls, which a small JavaScript painter replays on a 2D context
//! (`paint` in js/tally-board.js). The wasm then needs no canvas bindings,
//! and the card on the canvas is the card of [`crate::draw::draw`], the one
//! drawing path that the SVG backend takes too.
//!
//! The list is numbers (`ops`): each call is its [`Op`] code and then its
//! arguments; a text, colour, font or alignment is an index into `strings`.
//! Like the canvas backend it sets a style only when it changes, and fills the
//! seats of one colour as one path.

use super::{css_color, css_font};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};

/// The calls, in the painter's order (it keeps them in an array indexed by these codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `fillStyle = strings[a]`
    Fill = 0,
    /// `strokeStyle = strings[a]; lineWidth = b`
    Stroke,
    /// `font = strings[a]`
    Font,
    /// `textAlign = strings[a]; textBaseline = strings[b]`
    Anchor,
    /// `fillRect(x, y, w, h)`
    FillRect,
    /// `strokeRect(x, y, w, h)`
    StrokeRect,
    BeginPath,
    /// `moveTo(x, y)`
    MoveTo,
    /// `lineTo(x, y)`
    LineTo,
    /// `arc(x, y, r, start, end)`
    Arc,
    FillPath,
    StrokePath,
    /// `fillText(strings[a], x, y)` at the font's size times `k`: the font is set at one size
    /// ([`crate::sizes::TEXT_REFERENCE`]), the size the text was measured at, and the text is drawn
    /// scaled (`setTransform(k, 0, 0, k, x, y); fillText(text, 0, 0)`): shaped once, for the
    /// layout's measuring and the drawing (fillText of a card's 60 texts on the screen: 11.7 -> 5.1 ms
    /// cold, Chromium 156, 2026-12-07).
    Text,
}

impl Op {
    const ALL: [Op; 13] = [
        Op::Fill, Op::Stroke, Op::Font, Op::Anchor, Op::FillRect, Op::StrokeRect, Op::BeginPath, Op::MoveTo, Op::LineTo, Op::Arc,
        Op::FillPath, Op::StrokePath, Op::Text,
    ];

    /// The call of a code in the list (`None`: not a code).
    pub fn from_code(code: f64) -> Option<Op> {
        Op::ALL.iter().copied().find(|op| *op as u8 as f64 == code)
    }
}

/// A colour as a key: red, green, blue and the alpha in thousandths.
type Key = (u8, u8, u8, u16);

fn key(c: &BackendColor) -> Key {
    (c.rgb.0, c.rgb.1, c.rgb.2, (c.alpha.clamp(0.0, 1.0) * 1000.0).round() as u16)
}

/// The display list of one card, `width` × `height` device pixels.
#[derive(Debug, Default, Clone)]
pub struct ListBackend {
    pub width: u32,
    pub height: u32,
    pub ops: Vec<f64>,
    pub strings: Vec<String>,
    /// The texts wholly below `below` (device pixels: the bottom of the screen), each
    /// with its alignment, font and colour: the painter draws them after the first
    /// frame, which shows the rest (the texts are most of a cold paint's time).
    pub later: Vec<f64>,
    below: f64,
    fill: Option<Key>,
    stroke: Option<(Key, u32)>,
    font: Option<usize>,
    anchor: Option<(u8, u8)>,
    /// The colour of the open path of filled circles, if one is open.
    circles: Option<Key>,
}

impl ListBackend {
    pub fn new(width: u32, height: u32) -> Self {
        ListBackend { width, height, below: f64::INFINITY, ..Self::default() }
    }

    /// A list whose texts wholly below `below` (device pixels) go to [`ListBackend::later`].
    pub fn showing(width: u32, height: u32, below: f64) -> Self {
        ListBackend { below, ..Self::new(width, height) }
    }

    fn op(&mut self, op: Op, args: &[f64]) {
        self.ops.push(op as u8 as f64);
        self.ops.extend_from_slice(args);
    }

    /// The index of `s` in the strings (styles are few and repeat; texts are added as they come).
    fn string(&mut self, s: String, shared: bool) -> f64 {
        if shared {
            if let Some(i) = self.strings.iter().position(|t| *t == s) {
                return i as f64;
            }
        }
        self.strings.push(s);
        (self.strings.len() - 1) as f64
    }

    fn flush(&mut self) {
        if self.circles.take().is_some() {
            self.op(Op::FillPath, &[]);
        }
    }

    fn set_fill(&mut self, c: &BackendColor) {
        let k = key(c);
        if self.fill != Some(k) {
            let s = self.string(css_color(c), true);
            self.op(Op::Fill, &[s]);
            self.fill = Some(k);
        }
    }

    fn set_stroke(&mut self, c: &BackendColor, width: u32) {
        let k = (key(c), width);
        if self.stroke != Some(k) {
            let s = self.string(css_color(c), true);
            self.op(Op::Stroke, &[s, width as f64]);
            self.stroke = Some(k);
        }
    }
}

impl DrawingBackend for ListBackend {
    type ErrorType = super::svg::Never;

    fn get_size(&self) -> (u32, u32) {
        (self.width, self.height)
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
        self.op(Op::FillRect, &[p.0 as f64, p.1 as f64, 1.0, 1.0]);
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        // Odd widths sit on half pixels to stay crisp.
        let off = if s.stroke_width() % 2 == 1 { 0.5 } else { 0.0 };
        self.flush();
        self.set_stroke(&s.color(), s.stroke_width());
        self.op(Op::BeginPath, &[]);
        self.op(Op::MoveTo, &[from.0 as f64 + off, from.1 as f64 + off]);
        self.op(Op::LineTo, &[to.0 as f64 + off, to.1 as f64 + off]);
        self.op(Op::StrokePath, &[]);
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S, fill: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (x, y) = (a.0.min(b.0) as f64, a.1.min(b.1) as f64);
        let (w, h) = ((b.0 - a.0).abs() as f64, (b.1 - a.1).abs() as f64);
        self.flush();
        if fill {
            self.set_fill(&s.color());
            self.op(Op::FillRect, &[x, y, w, h]);
        } else {
            let off = if s.stroke_width() % 2 == 1 { 0.5 } else { 0.0 };
            self.set_stroke(&s.color(), s.stroke_width());
            self.op(Op::StrokeRect, &[x + off, y + off, w - 2.0 * off, h - 2.0 * off]);
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
                self.op(Op::BeginPath, &[]);
                self.circles = Some(k);
            }
            // A new subpath per circle, so no line joins one seat to the next.
            self.op(Op::MoveTo, &[x + r, y]);
            self.op(Op::Arc, &[x, y, r, 0.0, std::f64::consts::TAU]);
        } else {
            self.flush();
            self.set_stroke(&s.color(), s.stroke_width());
            self.op(Op::BeginPath, &[]);
            self.op(Op::Arc, &[x, y, r, 0.0, std::f64::consts::TAU]);
            self.op(Op::StrokePath, &[]);
        }
        Ok(())
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.flush();
        let anchor = style.anchor();
        let font = self.string(css_font(matches!(style.style(), FontStyle::Bold), crate::sizes::TEXT_REFERENCE, style.family().as_str()), true);
        let k = style.size() / crate::sizes::TEXT_REFERENCE;
        let t = self.string(text.to_string(), false);
        let (x, y) = (pos.0 as f64, pos.1 as f64);
        // Wholly below the screen whatever its baseline (its letters are within a size of its y):
        // later, with every style it needs (the painter's state is the main list's by then).
        if y - style.size() > self.below {
            let [a, b] = self.anchor_strings(anchor.h_pos, anchor.v_pos);
            let fill = self.string(css_color(&style.color()), true);
            let code = |op: Op| op as u8 as f64;
            self.later.extend([code(Op::Anchor), a, b, code(Op::Font), font, code(Op::Fill), fill, code(Op::Text), t, x, y, k]);
            return Ok(());
        }
        let (v, h) = (anchor.v_pos as u8, anchor.h_pos as u8);
        if self.anchor != Some((v, h)) {
            let ab = self.anchor_strings(anchor.h_pos, anchor.v_pos);
            self.op(Op::Anchor, &ab);
            self.anchor = Some((v, h));
        }
        if self.font != Some(font as usize) {
            self.op(Op::Font, &[font]);
            self.font = Some(font as usize);
        }
        self.set_fill(&style.color());
        self.op(Op::Text, &[t, x, y, k]);
        Ok(())
    }
}

impl ListBackend {
    /// The indices of a text's `textAlign` and `textBaseline` in the strings (looked up only when the
    /// list needs them: every string is searched, a long table's texts too).
    fn anchor_strings(&mut self, h: HPos, v: VPos) -> [f64; 2] {
        let align = match h {
            HPos::Left => "left",
            HPos::Center => "center",
            HPos::Right => "right",
        };
        let baseline = match v {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        [self.string(align.into(), true), self.string(baseline.into(), true)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Align, Scene, Shape};
    use crate::contest::Rgb;

    /// How many arguments each call takes (the painter's reading of the list).
    const ARITY: [usize; 13] = [1, 2, 1, 2, 4, 4, 0, 2, 2, 5, 0, 0, 4];

    #[test]
    fn records_the_calls_with_styles_set_once() {
        let red = Rgb(200, 0, 0);
        let shapes = vec![
            Shape::Circle { x: 1.0, y: 1.0, r: 1.0, color: red },
            Shape::Circle { x: 4.0, y: 1.0, r: 1.0, color: red },
            Shape::Text { x: 2.0, y: 3.0, text: "a".into(), size: 10.0, bold: false, color: red, align: Align::Left },
            Shape::Text { x: 2.0, y: 5.0, text: "a".into(), size: 10.0, bold: false, color: red, align: Align::Left },
        ];
        let scene = Scene { width: 10.0, height: 10.0, background: Rgb(255, 255, 255), shapes, regions: vec![], seats: vec![], summary: String::new(), pages: 1, rtl: false };
        let mut b = ListBackend::new(20, 20);
        crate::draw::draw(&scene, &mut b, crate::draw::Surface { scale: 2.0, font: "serif" }).unwrap();
        let codes: Vec<u8> = {
            let mut out = Vec::new();
            let mut i = 0;
            let arity = |op: u8| ARITY[op as usize];
            while i < b.ops.len() {
                let op = b.ops[i] as u8;
                out.push(op);
                i += 1 + arity(op);
            }
            out
        };
        assert!(Op::ALL.iter().enumerate().all(|(i, op)| *op as usize == i && Op::from_code(i as f64) == Some(*op)));
        assert_eq!(Op::from_code(13.0), None);
        use Op::*;
        let want = [Fill, FillRect, Fill, BeginPath, MoveTo, Arc, MoveTo, Arc, FillPath, Anchor, Font, Text, Text];
        assert_eq!(codes, want.iter().map(|o| *o as u8).collect::<Vec<_>>());
        // The background, the red, the two anchors and the font once each; the texts each time.
        assert_eq!(b.strings.iter().filter(|s| s.as_str() == "rgb(200,0,0)").count(), 1);
        assert_eq!(b.strings.iter().filter(|s| s.as_str() == "a").count(), 2);
        // The font at the one size text is measured at, and each text scaled to its own (20 px: 0.2).
        assert!(b.strings.contains(&"normal 100px serif".to_string()));
        assert!(calls(&b.ops).iter().filter(|(op, _)| *op == Text).all(|(_, a)| a[3] == 0.2));
    }

    /// The calls of a list, each with its arguments.
    fn calls(ops: &[f64]) -> Vec<(Op, Vec<f64>)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < ops.len() {
            let op = Op::from_code(ops[i]).unwrap();
            let n = ARITY[op as usize];
            out.push((op, ops[i + 1..i + 1 + n].to_vec()));
            i += 1 + n;
        }
        out
    }

    #[test]
    fn texts_wholly_below_the_screen_come_later_with_their_styles() {
        let (red, blue) = (Rgb(200, 0, 0), Rgb(0, 0, 200));
        let text = |y: f64, color: Rgb, bold: bool, t: &str| Shape::Text { x: 2.0, y, text: t.into(), size: 10.0, bold, color, align: Align::Left };
        // Drawn at scale 2 with the screen's bottom at 100 device pixels (50 CSS pixels).
        let shapes = vec![text(10.0, red, false, "top"), text(54.0, blue, true, "edge"), text(70.0, blue, true, "below"), text(20.0, red, false, "up again"), text(90.0, red, false, "last")];
        let scene = Scene { width: 10.0, height: 100.0, background: Rgb(255, 255, 255), shapes, regions: vec![], seats: vec![], summary: String::new(), pages: 1, rtl: false };
        let mut b = ListBackend::showing(20, 200, 100.0);
        crate::draw::draw(&scene, &mut b, crate::draw::Surface { scale: 2.0, font: "serif" }).unwrap();
        let texts = |ops: &[f64]| calls(ops).into_iter().filter(|(op, _)| *op == Op::Text).map(|(_, a)| b.strings[a[0] as usize].clone()).collect::<Vec<_>>();
        // "edge" (y 108, size 20: its letters may reach up to 88) is drawn now; "below" (y 140) and "last" later.
        assert_eq!(texts(&b.ops), ["top", "edge", "up again"]);
        assert_eq!(texts(&b.later), ["below", "last"]);
        // Each later text sets its alignment, font and colour itself: the painter's state is whatever the first list left.
        let later = calls(&b.later);
        assert_eq!(later.iter().map(|(op, _)| *op).collect::<Vec<_>>(), [Op::Anchor, Op::Font, Op::Fill, Op::Text, Op::Anchor, Op::Font, Op::Fill, Op::Text]);
        let s = |i: f64| b.strings[i as usize].as_str();
        assert_eq!((s(later[1].1[0]), s(later[2].1[0])), ("bold 100px serif", "rgb(0,0,200)"));
        assert_eq!((s(later[5].1[0]), s(later[6].1[0])), ("normal 100px serif", "rgb(200,0,0)"));
        assert_eq!((later[3].1[3], later[7].1[3]), (0.2, 0.2));
        // The first list does not count the later texts' styles as set: "up again" sets its own after "edge".
        assert_eq!(calls(&b.ops).iter().filter(|(op, _)| *op == Op::Font).count(), 3);
        // Without a screen, everything at once.
        let mut all = ListBackend::new(20, 200);
        crate::draw::draw(&scene, &mut all, crate::draw::Surface { scale: 2.0, font: "serif" }).unwrap();
        assert_eq!(texts(&all.ops).len(), 5);
        assert!(all.later.is_empty());
    }
}
