//! Any bytes → check_bytes → (if a document) the card at a width taken from the input →
//! SVG that must be well-formed XML with only the elements and attributes we draw → CSV and
//! wikitext. A panic anywhere, or a failed assertion, is a crash.
#![no_main]
use libfuzzer_sys::fuzz_target;

const SVG_ELEMENTS: &[&str] = &["svg", "title", "rect", "circle", "line", "text"];
const SVG_ATTRIBUTES: &[&str] = &[
    "xmlns", "width", "height", "viewBox", "role", "aria-label", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "fill",
    "fill-opacity", "stroke", "stroke-opacity", "stroke-width", "dy", "text-anchor", "font-size", "font-weight", "font-family",
];

fuzz_target!(|data: &[u8]| {
    let checked = tallyboard::check_bytes(data);
    for f in &checked.report.findings {
        if f.code.starts_with("json/") {
            assert!(f.line.is_some() && f.column.is_some(), "a syntax finding without a position: {f:?}");
        }
    }
    let Some(doc) = &checked.document else { return };
    // A document implies UTF-8 text.
    let text = std::str::from_utf8(data).expect("a document from text that is not UTF-8");
    // The width: 0..=5000 CSS px from the input's last two bytes (below and above the
    // card's 240..4096 clamp), so that the same document is laid out at many widths.
    let w = match data {
        [.., a, b] => u16::from_le_bytes([*a, *b]) % 5001,
        _ => 640,
    };
    let opts = tallyboard::layout::Options { width: w as f64, ..Default::default() };
    let (scene, again) = tallyboard::render_scene(text, &opts, &tallyboard::layout::Approx, None);
    assert_eq!(again.report.findings.len(), checked.report.findings.len(), "check is not deterministic");
    let svg = tallyboard::svg::to_svg(&scene);
    let xml = match roxmltree::Document::parse(&svg) {
        Ok(x) => x,
        Err(e) => panic!("the SVG is not well-formed XML: {e}\n{svg}"),
    };
    for n in xml.descendants().filter(|n| n.is_element()) {
        assert!(SVG_ELEMENTS.contains(&n.tag_name().name()), "an element we do not draw: <{}>", n.tag_name().name());
        for a in n.attributes() {
            assert!(SVG_ATTRIBUTES.contains(&a.name()), "an attribute we do not write: {}", a.name());
        }
    }
    let csv = tallyboard::export::to_csv(doc, &checked.figures);
    assert!(csv.starts_with("contest,"), "CSV without its header");
    let wiki = tallyboard::export::to_wikitext(doc, &checked.figures, &tallyboard::format::EN);
    assert!(!wiki.contains("[[") && !wiki.contains("{{"), "wiki links or templates from data:\n{wiki}");
});
