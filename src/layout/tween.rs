//! Between two states of a card: the shapes the two scenes share move and
//! change colour together, as Flourish's charts do between updates. Seats
//! (circles) pair up in order when both hemicycles have as many, bars and
//! other rectangles likewise, and lines; a kind of shape whose count changed
//! is drawn as in the new scene. Text is always the new scene's.

use super::scene::{Scene, Shape};
use crate::contest::Rgb;

/// How long a transition takes (ms).
pub const DURATION_MS: f64 = 400.0;

/// Ease in and out (cubic): slow at both ends.
pub fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

fn mix(a: f64, b: f64, t: f64) -> f64 {
    a + (b - a) * t
}

fn color(a: Rgb, b: Rgb, t: f64) -> Rgb {
    crate::theme::mix(a, b, t)
}

/// Which kind a shape is, for pairing: circles, rectangles, frames, lines, text.
fn kind(s: &Shape) -> usize {
    match s {
        Shape::Circle { .. } => 0,
        Shape::Rect { .. } => 1,
        Shape::Frame { .. } => 2,
        Shape::Line { .. } => 3,
        Shape::Text { .. } => 4,
    }
}

/// The scene a fraction `t` (0 to 1, already eased) of the way from `from` to `to`.
pub fn tween(from: &Scene, to: &Scene, t: f64) -> Scene {
    let mut out = to.clone();
    for k in 0..4 {
        let old: Vec<&Shape> = from.shapes.iter().filter(|x| kind(x) == k).collect();
        if old.len() != out.shapes.iter().filter(|x| kind(x) == k).count() {
            continue;
        }
        for (new, old) in out.shapes.iter_mut().filter(|x| kind(x) == k).zip(old) {
            *new = between(old, new, t);
        }
    }
    out
}

fn between(a: &Shape, b: &Shape, t: f64) -> Shape {
    match (a.clone(), b.clone()) {
        (Shape::Circle { x, y, r, color: c }, Shape::Circle { x: x2, y: y2, r: r2, color: c2 }) => {
            Shape::Circle { x: mix(x, x2, t), y: mix(y, y2, t), r: mix(r, r2, t), color: color(c, c2, t) }
        }
        (Shape::Rect { x, y, w, h, color: c, alpha }, Shape::Rect { x: x2, y: y2, w: w2, h: h2, color: c2, alpha: a2 }) => {
            Shape::Rect { x: mix(x, x2, t), y: mix(y, y2, t), w: mix(w, w2, t), h: mix(h, h2, t), color: color(c, c2, t), alpha: mix(alpha, a2, t) }
        }
        (Shape::Frame { x, y, w, h, color: c, width }, Shape::Frame { x: x2, y: y2, w: w2, h: h2, color: c2, width: w3 }) => {
            Shape::Frame { x: mix(x, x2, t), y: mix(y, y2, t), w: mix(w, w2, t), h: mix(h, h2, t), color: color(c, c2, t), width: mix(width, w3, t) }
        }
        (Shape::Line { x1, y1, x2, y2, color: c, width }, Shape::Line { x1: a1, y1: b1, x2: a2, y2: b2, color: c2, width: w2 }) => {
            Shape::Line { x1: mix(x1, a1, t), y1: mix(y1, b1, t), x2: mix(x2, a2, t), y2: mix(y2, b2, t), color: color(c, c2, t), width: mix(width, w2, t) }
        }
        (_, b) => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Approx, Options};

    /// The 2021 Mazhilis card on a partial count (Nur Otan's 76 seats only) and final.
    fn states() -> (Scene, Scene) {
        let text = include_str!("../../www/data/kz-mazhilis-2021.json");
        let mut partial: serde_json_lite::Doc = serde_json_lite::Doc(text.to_string());
        partial.blank_seats_after_first();
        let o = Options::default();
        let a = crate::render_scene(&partial.0, &o, &Approx, None).0;
        let b = crate::render_scene(text, &o, &Approx, None).0;
        (a, b)
    }

    /// A tiny text edit of the example (no JSON library in the crate's own tests).
    mod serde_json_lite {
        pub struct Doc(pub String);
        impl Doc {
            pub fn blank_seats_after_first(&mut self) {
                for seats in ["\"seats\": 12", "\"seats\": 10"] {
                    self.0 = self.0.replacen(seats, "\"seats\": null", 1);
                }
            }
        }
    }

    #[test]
    fn halfway_the_seats_change_colour_and_the_ends_are_the_two_cards() {
        let (a, b) = states();
        assert_eq!(a.seats.len(), b.seats.len(), "the same hemicycle");
        assert_eq!(tween(&a, &b, 0.0).shapes.iter().filter(|s| kind(s) == 0).collect::<Vec<_>>(), a.shapes.iter().filter(|s| kind(s) == 0).collect::<Vec<_>>());
        assert_eq!(tween(&a, &b, 1.0), b);
        // A seat that was unassigned (grey) and becomes Ak Zhol's is between the two colours halfway.
        let circles = |s: &Scene| s.shapes.iter().filter_map(|x| if let Shape::Circle { color, .. } = x { Some(*color) } else { None }).collect::<Vec<_>>();
        let (ca, cb, cm) = (circles(&a), circles(&b), circles(&tween(&a, &b, 0.5)));
        let k = (0..ca.len()).find(|&i| ca[i] != cb[i]).expect("some seat changes party");
        assert_eq!(cm[k], crate::theme::mix(ca[k], cb[k], 0.5));
        assert!(cm[k] != ca[k] && cm[k] != cb[k]);
        // The text is the new card's from the start.
        let texts = |s: &Scene| s.shapes.iter().filter(|x| kind(x) == 4).cloned().collect::<Vec<_>>();
        assert_eq!(texts(&tween(&a, &b, 0.1)), texts(&b));
    }

    #[test]
    fn easing_starts_and_ends_slowly() {
        assert_eq!((ease(0.0), ease(0.5), ease(1.0)), (0.0, 0.5, 1.0));
        assert!(ease(0.1) < 0.1 && ease(0.9) > 0.9);
    }
}
