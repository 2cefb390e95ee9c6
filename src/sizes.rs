//! The card's measures in one place: widths, the narrow breakpoint, margins,
//! the table's page, the font stack, the export scale and the largest canvas.
//! The layout, the drawing, the wasm front and the element's stylesheet
//! (see [`crate::element`]) all read them from here.

/// Narrowest and widest card laid out (CSS pixels).
pub const MIN_WIDTH: f64 = 240.0;
pub const MAX_WIDTH: f64 = 4096.0;
/// Below this width a card is narrow: smaller type and margins.
pub const NARROW: f64 = 420.0;
/// The card's side margin: narrow, and from [`NARROW`] on.
pub const PAD_NARROW: f64 = 12.0;
pub const PAD: f64 = 20.0;
/// A wide card: the hemicycle and the bars side by side, the table at its widest.
pub const WIDE: f64 = 760.0;
/// The widest a column of the card grows (hemicycle, bars); a table; a waffle.
pub const MAX_COLUMN: f64 = 560.0;
pub const MAX_TABLE: f64 = 760.0;
pub const MAX_WAFFLE: f64 = 480.0;
/// The top margin and base type size: narrow, and from [`NARROW`] on.
pub const TOP_NARROW: f64 = 12.0;
pub const TOP: f64 = 16.0;
pub const TYPE_NARROW: f64 = 13.0;
pub const TYPE: f64 = 14.0;
/// Caps that keep a card's height bounded by the screen, not by the data (the
/// rest is in the HTML table, the CSV and the report): bar pairs, legend
/// entries and findings listed under the badge.
pub const MAX_BARS: usize = 15;
pub const MAX_LEGEND: usize = 24;
pub const MAX_FINDINGS: usize = 12;
/// Parties with seats the element's coalition builder offers a button each (beyond: no builder).
pub const MAX_COALITION: usize = 40;
/// The height of each row of the element's toolbars under the card (the pager, the coalition
/// builder, the downloads; CSS pixels): fixed, so that the first paint and the CLI's SVG keep their
/// place before they come (no layout shift when they do).
pub const TOOLS_ROW: f64 = 50.0;
/// The one size a canvas's text is measured and drawn at (CSS pixels: scaled to its own size when
/// drawn). One font size for all: the font engine sets up each size of a font afresh, and shapes a text
/// once for the measuring and the drawing (src/web/measure.rs, backend::list).
pub const TEXT_REFERENCE: f64 = 100.0;
/// The width a card takes when its container has none (and for exports).
pub const FALLBACK_WIDTH: f64 = 640.0;
/// Rows of a results table on one page of the card (every row is in the HTML table and the CSV).
pub const MAX_ROWS: usize = 60;
/// Rows the element's HTML table holds at most: a longer table follows the
/// card's pages there too (a browser lays out 100,000 rows in seconds); every row is in the CSV.
pub const MAX_HTML_ROWS: usize = 2_000;
/// The font stack of the card (canvas, SVG and the element's controls).
pub const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
/// Device pixels per CSS pixel of a PNG export.
pub const PNG_SCALE: f64 = 2.0;
/// The largest canvas side browsers draw (Chromium and Firefox: 32,767 device
/// pixels) and the largest area (Safari: 16,777,216 pixels); a card beyond them is
/// drawn at fewer device pixels per CSS pixel, never blank.
pub const MAX_CANVAS_SIDE: f64 = 32_767.0;
pub const MAX_CANVAS_AREA: f64 = 16_777_216.0;
/// The tooltip: its offset from the pointer and its margin from the card's right edge.
pub const TIP_DX: f64 = 12.0;
pub const TIP_DY: f64 = 14.0;
pub const TIP_MARGIN: f64 = 4.0;
/// How far outside the viewport a card starts drawing (CSS `rootMargin`).
pub const DRAW_AHEAD: &str = "400px";

/// Device pixels per CSS pixel for a card of `width` × `height` CSS pixels on a
/// screen of `ratio`: the screen's, unless the canvas would exceed what browsers draw.
pub fn canvas_ratio(width: f64, height: f64, ratio: f64) -> f64 {
    let side = MAX_CANVAS_SIDE / width.max(height).max(1.0);
    let area = (MAX_CANVAS_AREA / (width.max(1.0) * height.max(1.0))).sqrt();
    ratio.min(side).min(area)
}

/// Where the tooltip goes for the pointer at (`x`, `y`): right of and below it,
/// kept inside a card `card_width` wide for a tip `tip_width` wide.
pub fn tip_place(x: f64, y: f64, tip_width: f64, card_width: f64) -> (f64, f64) {
    ((x + TIP_DX).min(card_width - tip_width - TIP_MARGIN).max(0.0), y + TIP_DY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tall_card_gets_fewer_device_pixels_never_too_many() {
        // An ordinary card keeps the screen's ratio.
        assert_eq!(canvas_ratio(640.0, 900.0, 2.0), 2.0);
        // 20,000 rows' worth of height on a 2x screen: within both limits.
        for (w, h) in [(640.0, 40_000.0), (4096.0, 4096.0), (320.0, 1_000_000.0)] {
            let r = canvas_ratio(w, h, 2.0);
            assert!(w * r <= MAX_CANVAS_SIDE && h * r <= MAX_CANVAS_SIDE, "{w}x{h}: {r}");
            assert!(w * r * h * r <= MAX_CANVAS_AREA * 1.000001, "{w}x{h}: {r}");
            assert!(r > 0.0);
        }
    }

    #[test]
    fn the_tooltip_stays_inside_the_card() {
        assert_eq!(tip_place(10.0, 20.0, 100.0, 640.0), (22.0, 34.0));
        // Near the right edge: pulled back so that it ends 4 px inside.
        assert_eq!(tip_place(600.0, 20.0, 100.0, 640.0), (536.0, 34.0));
        // A tip wider than the card starts at its left edge.
        assert_eq!(tip_place(100.0, 0.0, 900.0, 640.0), (0.0, 14.0));
    }
}
