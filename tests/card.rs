//! The card natively: the scene (layout) and its SVG. What a reader would
//! notice: every seat drawn in its party's colour, no text cut off or drawn
//! over other text at any width, text from data never read as markup.

mod common;
use tallyboard::layout::{Approx, Measure, Options, Scene, Shape};
use tallyboard::svg::to_svg;

fn data(name: &str) -> String {
    std::fs::read_to_string(common::example_path(name)).unwrap()
}

fn scene(text: &str, width: f64) -> Scene {
    let opts = Options { width, ..Options::default() };
    tallyboard::render_scene(text, &opts, &Approx, None).0
}

const WIDTHS: [f64; 6] = [320.0, 375.0, 480.0, 768.0, 1024.0, 1200.0];

/// Text boxes: (x0, y0, x1, y1, text).
fn text_boxes(s: &Scene) -> Vec<(f64, f64, f64, f64, String)> {
    s.shapes
        .iter()
        .filter_map(|sh| match sh {
            Shape::Text { x, y, text, size, bold, align, .. } => {
                let w = Approx.width(text, *size, *bold);
                let x0 = match align {
                    tallyboard::layout::Align::Left => *x,
                    tallyboard::layout::Align::Center => x - w / 2.0,
                    tallyboard::layout::Align::Right => x - w,
                };
                Some((x0, y - size * 0.5, x0 + w, y + size * 0.5, text.clone()))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn no_text_is_cut_or_overlaps_at_any_width() {
    let files = common::examples();
    for file in &files {
        for w in WIDTHS {
            let s = scene(&data(file), w);
            let boxes = text_boxes(&s);
            assert!(!boxes.is_empty());
            for b in &boxes {
                assert!(b.0 >= 0.0 && b.2 <= s.width + 0.5, "{file} at {w}px: {:?} runs off the card (width {})", b, s.width);
                assert!(b.3 <= s.height, "{file} at {w}px: {:?} below the card", b);
            }
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    let overlap_x = a.0.max(b.0) < a.2.min(b.2) - 0.5;
                    let overlap_y = a.1.max(b.1) < a.3.min(b.3) - 0.5;
                    assert!(!(overlap_x && overlap_y), "{file} at {w}px: {:?} overlaps {:?}", a.4, b.4);
                }
            }
        }
    }
}

#[test]
fn seats_do_not_overlap_text() {
    for w in WIDTHS {
        let s = scene(&data("kz-mazhilis-2021.json"), w);
        assert_eq!(s.seats.len(), 98);
        for (x0, y0, x1, y1, t) in text_boxes(&s) {
            for m in &s.seats {
                let inside = m.x + m.r > x0 && m.x - m.r < x1 && m.y + m.r > y0 && m.y - m.r < y1;
                assert!(!inside, "at {w}px the seat at ({}, {}) covers the text {t:?}", m.x, m.y);
            }
        }
    }
}

#[test]
fn svg_has_one_mark_per_seat_in_party_colours_and_is_well_formed() {
    let svg = to_svg(&scene(&data("kz-mazhilis-2021.json"), 640.0));
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    assert!(root.attribute("aria-label").unwrap().contains("Nur Otan 76 of 98 seats, 77.55%"));
    let circles: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("circle")).collect();
    assert_eq!(circles.len(), 98);
    let count = |c: &str| circles.iter().filter(|n| n.attribute("fill") == Some(c)).count();
    assert_eq!((count("#00a0e3"), count("#1c3f94"), count("#d62728")), (76, 12, 10));
    // Every text of the card is there as text.
    let texts: Vec<String> = doc.descendants().filter(|n| n.has_tag_name("text")).map(|n| n.text().unwrap_or("").to_string()).collect();
    assert!(texts.iter().any(|t| t == "5,148,074"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "71.09%"));
}

#[test]
fn svg_escapes_every_text_from_data() {
    let hostile = r#"<script>alert(1)</script> & "quotes" 'x' ]]> <!-- -->"#;
    let doc = serde_json::json!({"tallyboard": 1, "title": hostile, "source": {"name": hostile, "url": "javascript:alert(1)"},
        "contests": [{"kind": "election", "title": hostile, "seats": 3, "method": "dhondt",
            "parties": [{"name": hostile, "votes": 10, "seats": 2}, {"name": "B\u{1}\u{7f}", "votes": 5, "seats": 1}]}]});
    let svg = to_svg(&scene(&doc.to_string(), 640.0));
    let parsed = roxmltree::Document::parse(&svg).expect("still well-formed XML");
    assert!(!svg.contains("<script"), "no element came from data");
    assert!(parsed.descendants().all(|n| !n.has_tag_name("script")));
    // The hostile name is shown as text, exactly (it may be wrapped over lines).
    let all_text: String = parsed.descendants().filter(|n| n.has_tag_name("text")).map(|n| n.text().unwrap_or("").to_string() + " ").collect();
    assert!(all_text.contains("<script>alert(1)</script>"), "{all_text}");
    assert!(all_text.contains("\"quotes\""));
    assert!(parsed.root_element().attribute("aria-label").unwrap().contains("<script>"));
}

#[test]
fn cyrillic_and_kazakh_names_are_laid_out() {
    let doc = serde_json::json!({"tallyboard": 1, "title": "Мәжіліс сайлауы, 2021",
        "contests": [{"kind": "election", "seats": 98, "method": "hare", "threshold": {"percent": 7, "of": "valid"},
            "parties": [{"name": "«Нұр Отан» партиясы", "votes": 5148074, "seats": 76},
                        {"name": "«Ақ жол» демократиялық партиясы", "votes": 792828, "seats": 12},
                        {"name": "Қазақстан халық партиясы", "votes": 659019, "seats": 10},
                        {"name": "«Ауыл» партиясы", "votes": 383023, "seats": 0},
                        {"name": "«Адал» партиясы", "votes": 258618, "seats": 0}]}]});
    for w in WIDTHS {
        let s = scene(&doc.to_string(), w);
        assert_eq!(s.seats.len(), 98);
        assert!(text_boxes(&s).iter().any(|b| b.4.contains("Нұр")));
        for b in text_boxes(&s) {
            assert!(b.2 <= s.width + 0.5, "at {w}px {:?} runs off", b.4);
        }
    }
}

#[test]
fn locales_change_numbers_and_words() {
    let opts = Options { width: 640.0, locale: tallyboard::format::Locale::from_tag("ru"), words: tallyboard::catalogue::for_locale("ru"), ..Options::default() };
    let (s, _) = tallyboard::render_scene(&data("kz-mazhilis-2021.json"), &opts, &Approx, None);
    let texts: Vec<String> = text_boxes(&s).into_iter().map(|b| b.4).collect();
    assert!(texts.iter().any(|t| t == "5\u{a0}148\u{a0}074"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "71,09\u{a0}%"));
    assert!(texts.iter().any(|t| t == "Места"));
    assert!(s.summary.contains("76 из 98 мест"), "{}", s.summary);
    assert!(s.summary.contains("(голоса 71,09\u{a0}%)"), "{}", s.summary);
    // German writes its nouns with a capital, in a sentence too: "(Stimmen 71,09 %)", not "(stimmen …)".
    let de = Options { width: 640.0, locale: tallyboard::format::Locale::from_tag("de"), words: tallyboard::catalogue::for_locale("de"), ..Options::default() };
    let (s, _) = tallyboard::render_scene(&data("kz-mazhilis-2021.json"), &de, &Approx, None);
    assert!(s.summary.contains("(Stimmen 71,09\u{a0}%)"), "{}", s.summary);
}

#[test]
fn a_broken_document_gets_an_error_card_not_a_blank_one() {
    let s = scene("{\"tallyboard\": 1, \"contests\": [", 375.0);
    let texts: Vec<String> = text_boxes(&s).into_iter().map(|b| b.4).collect();
    assert!(texts.iter().any(|t| t.contains("cannot be shown")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("line 1, column 32")), "{texts:?}");
    let svg = to_svg(&s);
    roxmltree::Document::parse(&svg).unwrap();
}

#[test]
fn huge_and_tiny_bodies_render() {
    for seats in [1u64, 2, 5, 450, 3000] {
        let doc = serde_json::json!({"tallyboard": 1, "contests": [{"kind": "election", "seats": seats,
            "parties": [{"name": "A", "seats": seats / 2}, {"name": "B", "seats": seats - seats / 2}]}]});
        let s = scene(&doc.to_string(), 375.0);
        assert_eq!(s.seats.len() as u64, seats);
        assert!(s.seats.iter().all(|m| m.x - m.r >= 0.0 && m.x + m.r <= s.width));
    }
}

#[test]
fn ten_thousand_candidates_make_a_card_a_canvas_can_hold() {
    let parties: Vec<serde_json::Value> =
        (0..10_000).map(|i| serde_json::json!({"name": format!("Candidate {i}"), "votes": 10_000 - i, "seats": u64::from(i < 100)})).collect();
    let doc = serde_json::json!({"tallyboard": 1, "contests": [{"kind": "election", "seats": 100, "candidates": parties}]});
    let s = scene(&doc.to_string(), 640.0);
    // Chromium refuses canvases taller than 32,767 px: the card stays far below.
    assert!(s.height < 8000.0, "{}", s.height);
    assert_eq!(s.seats.len(), 100);
    let texts: Vec<String> = text_boxes(&s).into_iter().map(|b| b.4).collect();
    assert!(texts.iter().any(|t| t.starts_with("1\u{2013}60 / 10,000 \u{b7} all rows")), "the canvas table says which rows it shows: {:?}", &texts[texts.len() - 8..]);
    assert!(texts.iter().any(|t| t == "Candidate 59") && !texts.iter().any(|t| t == "Candidate 60"));
    assert!(texts.iter().any(|t| t.starts_with("+ 9,985 more")), "bars beyond the largest 15 are counted");
    assert_eq!(s.pages, 167, "10,000 rows are 167 pages of 60");
    // Another page: its rows, striped from its first row, and the hit regions name the real candidates.
    let checked = tallyboard::check(&doc.to_string());
    let page = |n: usize| tallyboard::scene_of(&checked, &Options { width: 640.0, page: n, ..Options::default() }, &Approx, None);
    let p2 = page(2);
    let t2: Vec<String> = text_boxes(&p2).into_iter().map(|b| b.4).collect();
    assert!(t2.iter().any(|t| t.starts_with("121\u{2013}180 / 10,000")));
    assert!(t2.iter().any(|t| t == "Candidate 120") && t2.iter().any(|t| t == "Candidate 179"));
    assert!(!t2.iter().any(|t| t == "Candidate 119" || t == "Candidate 180"));
    assert!(p2.regions.iter().any(|r| r.hit == tallyboard::layout::Hit::Party { contest: 0, party: 120 }));
    assert_eq!(p2.height, s.height, "every full page has the same height: the page does not jump");
    // A page past the end shows the last one (40 rows).
    let last: Vec<String> = text_boxes(&page(10_000)).into_iter().map(|b| b.4).collect();
    assert!(last.iter().any(|t| t.starts_with("9,961\u{2013}10,000 / 10,000")) && last.iter().any(|t| t == "Candidate 9999"));
    // ... and every candidate is still in the model the HTML table is built from.
    let checked = tallyboard::check(&doc.to_string());
    let model = tallyboard::layout::table_model(&checked.document.unwrap().contests[0], &checked.figures[0], &Options::default());
    assert_eq!(model.names.len(), 10_000);
}

/// At 320 px (WCAG 1.4.10 reflow) the legend keeps the parties' own names, with
/// their seats, instead of falling back to editorial short labels ("NO 76").
#[test]
fn a_narrow_legend_keeps_the_parties_names() {
    let text = std::fs::read_to_string(format!("{}/www/data/kz-mazhilis-2021.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let o = tallyboard::layout::Options { width: 320.0, ..tallyboard::layout::Options::default() };
    let svg = tallyboard::svg::to_svg(&tallyboard::render_scene(&text, &o, &tallyboard::layout::Approx, None).0);
    assert!(svg.contains(">\u{2068}Ak Zhol Democratic Party\u{2069} 12<"), "the full name and its seats");
    assert!(!svg.contains(">\u{2068}NO\u{2069} 76<") && svg.contains(">\u{2068}Nur Otan\u{2069} 76<"));
}
