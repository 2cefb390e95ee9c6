//! Right to left: a part of the card mirrored (x positions, text aligned to the
//! other side), each line of text given the direction of the card's words, and
//! the isolates of data text kept whole on every line a paragraph wraps to.

use super::scene::*;

const FSI: char = '\u{2068}';
const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const PDI: char = '\u{2069}';

/// A line of a right-to-left card, isolated in its words' direction (English words
/// on a Hebrew card read left to right inside the card's right-to-left flow). The
/// direction is in the text itself, so that every renderer lays the line out the
/// same: the canvas (whose `direction` is set too), a browser's SVG, and resvg,
/// which takes an SVG `direction` for bidi but not for `text-anchor`.
pub(super) fn line(text: &str, words_lang: &str) -> String {
    let open = if crate::format::rtl(words_lang) { RLI } else { LRI };
    open.to_string() + text + &PDI.to_string()
}

/// Shapes and regions mirrored about x = `axis` / 2 (`axis` = left + right of the span).
pub(super) fn mirror(shapes: &mut [Shape], regions: &mut [Region], axis: f64) {
    for s in shapes {
        match s {
            Shape::Rect { x, w, .. } | Shape::Frame { x, w, .. } => *x = axis - *x - *w,
            Shape::Circle { x, .. } => *x = axis - *x,
            Shape::Line { x1, x2, .. } => {
                *x1 = axis - *x1;
                *x2 = axis - *x2;
            }
            Shape::Text { x, align, .. } => {
                *x = axis - *x;
                *align = match align {
                    Align::Left => Align::Right,
                    Align::Right => Align::Left,
                    Align::Center => Align::Center,
                };
            }
        }
    }
    for r in regions {
        r.x = axis - r.x - r.w;
    }
}

/// Each wrapped line with its isolates balanced: an isolate that a line break cut
/// is closed at the end of its first line and opened again on the next, so that
/// no line closes what it did not open and data text stays isolated on each line.
pub(super) fn balance(lines: &mut [String]) {
    if !lines.iter().any(|l| l.contains([FSI, LRI, RLI, PDI])) {
        return;
    }
    let mut open: Vec<char> = Vec::new();
    for l in lines.iter_mut() {
        let mut out: String = open.iter().collect();
        for c in l.chars() {
            match c {
                FSI | LRI | RLI => open.push(c),
                // A closer with nothing open is dropped.
                PDI if open.pop().is_none() => continue,
                _ => {}
            }
            out.push(c);
        }
        out.extend(open.iter().map(|_| PDI));
        *l = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_isolate_is_closed_and_opened_again_on_each_line() {
        let mut lines = vec!["Source: \u{2068}Central".to_string(), "Elections\u{2069} — x".to_string(), "\u{2069}end".to_string()];
        balance(&mut lines);
        assert_eq!(lines, ["Source: \u{2068}Central\u{2069}", "\u{2068}Elections\u{2069} — x", "end"]);
        let mut plain = vec!["a b".to_string()];
        balance(&mut plain);
        assert_eq!(plain, ["a b"]);
    }

    #[test]
    fn lines_take_the_direction_of_their_words() {
        assert_eq!(line("Seats", "en"), "\u{2066}Seats\u{2069}");
        assert_eq!(line("מושבים", "he"), "\u{2067}מושבים\u{2069}");
    }

    #[test]
    fn mirroring_moves_shapes_and_swaps_text_alignment() {
        let c = crate::contest::Rgb(0, 0, 0);
        let mut shapes = vec![
            Shape::Rect { x: 10.0, y: 0.0, w: 30.0, h: 5.0, color: c, alpha: 1.0 },
            Shape::Text { x: 20.0, y: 0.0, text: "a".into(), size: 10.0, bold: false, color: c, align: Align::Left },
            Shape::Line { x1: 0.0, y1: 0.0, x2: 100.0, y2: 0.0, color: c, width: 1.0 },
        ];
        let mut regions = vec![Region { x: 10.0, y: 0.0, w: 30.0, h: 5.0, hit: Hit::Badge }];
        mirror(&mut shapes, &mut regions, 100.0);
        assert!(matches!(shapes[0], Shape::Rect { x, .. } if x == 60.0));
        assert!(matches!(shapes[1], Shape::Text { x, align: Align::Right, .. } if x == 80.0));
        assert!(matches!(shapes[2], Shape::Line { x1, x2, .. } if x1 == 100.0 && x2 == 0.0));
        assert_eq!(regions[0].x, 60.0);
    }
}
