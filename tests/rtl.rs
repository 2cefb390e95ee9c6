//! Right-to-left cards (issue #17): the text parts and the table mirrored, the
//! hemicycle and the bars in their own left-to-right order ("tables are RTL,
//! graphs are LTR"), data and figures isolated so that bidi cannot reorder them,
//! and the same SVG (same shapes) as the left-to-right card. Real elections only:
//! Israel 2021 (tests/elections/il-knesset-2021.json: the Central Elections
//! Committee's lists, the small ones under their official Hebrew names) and the
//! Mazhilis 2021 (www/data, the Central Election Commission's figures).

mod common;
use tallyboard::layout::{Align, Approx, Measure, Options, Scene, Shape};
use tallyboard::svg::to_svg;

fn file(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn knesset() -> String {
    file("tests/elections/il-knesset-2021.json")
}

fn mazhilis() -> String {
    file("www/data/kz-mazhilis-2021.json")
}

fn scene(text: &str, width: f64, rtl: bool) -> Scene {
    let o = Options { width, rtl, ..Options::default() };
    tallyboard::render_scene(text, &o, &Approx, None).0
}

/// Text without bidi controls (the isolates the layout adds).
fn plain(s: &str) -> String {
    s.chars().filter(|&c| !tallyboard::format::is_bidi_control(c)).collect()
}

/// The text shapes: (x, y, text without controls, the text as drawn, align).
fn texts(s: &Scene) -> Vec<(f64, f64, String, String, Align)> {
    s.shapes
        .iter()
        .filter_map(|sh| match sh {
            Shape::Text { x, y, text, align, .. } => Some((*x, *y, plain(text), text.clone(), *align)),
            _ => None,
        })
        .collect()
}

/// The last text shape that reads `t` (the table comes after the legend and the bars).
fn find<'a>(all: &'a [(f64, f64, String, String, Align)], t: &str) -> &'a (f64, f64, String, String, Align) {
    all.iter().rev().find(|x| x.2 == t).unwrap_or_else(|| panic!("no text {t:?}"))
}

/// The last text's left and right edges that reads `t`, by the layout's estimate.
fn edges(s: &Scene, t: &str) -> (f64, f64) {
    for sh in s.shapes.iter().rev() {
        if let Shape::Text { x, text, size, bold, align, .. } = sh {
            if plain(text) == t {
                let w = Approx.width(text, *size, *bold);
                return match align {
                    Align::Left => (*x, x + w),
                    Align::Right => (x - w, *x),
                    Align::Center => (x - w / 2.0, x + w / 2.0),
                };
            }
        }
    }
    panic!("no text {t:?}")
}

#[test]
fn the_table_is_mirrored_names_at_the_right_numbers_to_their_left() {
    for width in [320.0, 375.0, 640.0, 1280.0] {
        let (ltr, rtl) = (scene(&mazhilis(), width, false), scene(&mazhilis(), width, true));
        let w = rtl.width;
        for name in ["Nur Otan", "Adal"] {
            let (l0, l1) = edges(&ltr, name);
            let (r0, r1) = edges(&rtl, name);
            assert!(l0 < w / 2.0 && r1 > w / 2.0, "{width}: {name} left on the LTR card ({l0}), right on the RTL one ({r1})");
            // The name starts where it started, seen in a mirror.
            assert!((r1 - (w - l0)).abs() < 0.01, "{width}: {name}: {r1} against {}", w - l0);
            assert!(r0 > l1 - 1.0 || width < 700.0, "{width}: the name moved across");
        }
        // Every figure of a row is left of its name, and the figures keep their order from the name outwards.
        let (n0, _) = edges(&rtl, "Nur Otan");
        let (v0, v1) = edges(&rtl, "5,148,074");
        let (p0, p1) = edges(&rtl, "71.09%");
        assert!(v1 < n0 && p1 < v0, "{width}: % | votes | name from left to right: {p0}-{p1} {v0}-{v1} {n0}");
        // Right-aligned figures: the votes of every row end at the same x (digits under digits).
        let all = texts(&rtl);
        let votes_x = find(&all, "5,148,074").0;
        assert_eq!(find(&all, "258,618").0, votes_x, "{width}");
        assert_eq!(find(&all, "5,148,074").4, Align::Right);
        // The heading "Votes" over its column, right-aligned with the figures.
        let head = find(&all, "Votes");
        assert_eq!((head.0, head.4), (votes_x, Align::Right), "{width}");
        // "−8" (Nur Otan: 84 -> 76) is drawn as one left-to-right run, isolated.
        if let Some(change) = all.iter().rev().find(|t| t.2 == "\u{2212}8") {
            assert!(change.3.contains("\u{2068}\u{2212}8\u{2069}"), "{:?}", change.3);
            assert!(change.0 < v0, "{width}: the change left of the votes");
        }
    }
}

#[test]
fn the_hemicycle_and_the_bars_keep_their_left_to_right_order() {
    for width in [375.0, 1280.0] {
        let (ltr, rtl) = (scene(&knesset(), width, false), scene(&knesset(), width, true));
        // Every seat where it was, in the same party's colour.
        assert_eq!(ltr.seats, rtl.seats, "{width}: the seats");
        // Likud's seats at the left end of the chamber, Meretz's... as on the LTR card.
        let first = rtl.seats.iter().min_by(|a, b| a.x.partial_cmp(&b.x).unwrap()).unwrap();
        let first_ltr = ltr.seats.iter().min_by(|a, b| a.x.partial_cmp(&b.x).unwrap()).unwrap();
        assert_eq!(first.party, first_ltr.party);
        // The bars: the same rectangles (the bars grow from the left).
        let bars = |s: &Scene| s.shapes.iter().filter(|sh| matches!(sh, Shape::Rect { h, .. } if *h == 9.0)).cloned().collect::<Vec<_>>();
        assert!(!bars(&ltr).is_empty());
        assert_eq!(bars(&ltr), bars(&rtl), "{width}: the bars");
    }
}

#[test]
fn the_text_parts_are_right_aligned_at_the_right_margin() {
    let rtl = scene(&knesset(), 1280.0, true);
    let w = rtl.width;
    let all = texts(&rtl);
    for t in ["Israel, election to the 24th Knesset, 23 March 2021", "24th Knesset, national list vote"] {
        let x = find(&all, t);
        assert_eq!(x.4, Align::Right, "{t}");
        assert!(w - x.0 <= 20.5, "{t} at the right margin: {}", x.0);
    }
    // The badge: its box at the right margin.
    let rtl = scene(&mazhilis(), 1280.0, true);
    let badge = rtl.regions.iter().find(|r| r.hit == tallyboard::layout::Hit::Badge).unwrap();
    assert!((badge.x + badge.w - (w - 20.0)).abs() < 0.01, "{badge:?}");
    // The source line, right-aligned.
    let all = texts(&rtl);
    let source = all.iter().find(|t| t.2.starts_with("Source: ")).unwrap();
    assert_eq!(source.4, Align::Right);
}

#[test]
fn mixed_text_is_isolated_and_no_data_injects_an_override() {
    let rtl = scene(&knesset(), 640.0, true);
    let all = texts(&rtl);
    // A Hebrew list's official name, and a Latin name with parentheses, each an isolate of its own.
    for name in ["קמ\"ה – קידום מעמד הפרט", "United Arab List (Ra'am)", "Yesh Atid"] {
        let t = all.iter().find(|t| t.2 == name).unwrap_or_else(|| panic!("{name}"));
        assert!(t.3.contains(&format!("\u{2068}{name}\u{2069}")), "{:?}", t.3);
    }
    // English words (no Hebrew catalogue yet) read left to right inside the card's
    // right-to-left flow: every line starts with LRI and ends with PDI.
    for t in &all {
        assert!(t.3.starts_with('\u{2066}') && t.3.ends_with('\u{2069}'), "{:?}", t.3);
        // Isolates balanced on every line; no embedding or override anywhere.
        let opens = t.3.chars().filter(|c| matches!(c, '\u{2066}'..='\u{2068}')).count();
        assert_eq!(opens, t.3.matches('\u{2069}').count(), "{:?}", t.3);
        assert!(!t.3.contains(['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}']), "{:?}", t.3);
    }
    // A name that tries to override the direction: the reader strips it, the card isolates what is left.
    let hostile = knesset().replace("\"name\": \"Yesh Atid\"", "\"name\": \"Yesh \u{202e}Atid\u{202c}\"");
    let s = scene(&hostile, 640.0, true);
    let svg = to_svg(&s);
    assert!(!svg.contains('\u{202e}') && svg.contains("\u{2068}Yesh Atid\u{2069}"));
}

#[test]
fn a_right_to_left_svg_has_the_same_shapes_and_says_its_direction() {
    for data in [mazhilis(), knesset()] {
        let (ltr, rtl) = (to_svg(&scene(&data, 640.0, false)), to_svg(&scene(&data, 640.0, true)));
        let tags = |svg: &str| svg.lines().map(|l| l.split([' ', '>']).next().unwrap_or("").to_string()).collect::<Vec<_>>();
        assert_eq!(tags(&ltr), tags(&rtl), "the same elements in the same order");
        // The direction is in each text (an isolate), not in attributes that renderers
        // read differently (resvg flips no `text-anchor` for `direction="rtl"`).
        assert!(!ltr.contains("direction=") && !rtl.contains("direction="));
        let text_lines: Vec<&str> = rtl.lines().filter(|l| l.starts_with("<text")).collect();
        assert!(text_lines.iter().all(|l| l.contains(">\u{2066}") && l.ends_with("\u{2069}</text>")), "{:?}", text_lines.iter().find(|l| !l.contains(">\u{2066}")));
        // The table's names are right-aligned: anchored at their end.
        let nur = text_lines.iter().rev().find(|l| l.contains(">\u{2066}\u{2068}Nur Otan\u{2069}\u{2069}<"));
        if let Some(l) = nur {
            assert!(l.contains("text-anchor=\"end\""), "{l}");
        }
        // Parsed as XML.
        roxmltree::Document::parse(&rtl).unwrap();
    }
}

#[test]
fn a_left_to_right_card_is_unchanged_by_the_flag_off() {
    // The scene of an English card has no bidi control it did not have (the legend's isolates).
    let s = scene(&mazhilis(), 640.0, false);
    assert!(!s.rtl);
    for t in texts(&s) {
        assert!(!t.3.contains(['\u{2066}', '\u{2067}']), "{:?}", t.3);
    }
}

/// Whether `piece` is a whole word of `words`, or a piece of one broken after a hyphen or a slash.
fn whole_or_hyphenated(piece: &str, words: &std::collections::BTreeSet<&str>) -> bool {
    let breaks = ['-', '\u{2010}', '\u{2013}', '/'];
    words.contains(piece)
        || words.iter().any(|w| {
            (piece.ends_with(breaks) && w.starts_with(piece)) || w.match_indices(piece).any(|(at, _)| at > 0 && w[..at].ends_with(breaks) && (at + piece.len() == w.len() || piece.ends_with(breaks)))
        })
}

#[test]
fn at_320_px_names_wrap_between_words_not_inside_them() {
    let portugal = file("www/data/pt-assembleia-2024.json");
    for (data, rtl) in [(mazhilis(), false), (mazhilis(), true), (knesset(), false), (knesset(), true), (portugal.clone(), false), (portugal, true)] {
        let s = scene(&data, 320.0, rtl);
        let doc = tallyboard::check(&data);
        let names: Vec<String> = doc.document.unwrap().contests[0].parties.iter().map(|p| p.name.clone()).collect();
        let words: std::collections::BTreeSet<&str> = names.iter().flat_map(|n| n.split(' ')).collect();
        // Every drawn word that is part of a name is one of the names' whole words (or ends with "…").
        for t in texts(&s) {
            let drawn = t.2.trim();
            let in_name = names.iter().any(|n| n.contains(drawn)) && !drawn.is_empty();
            if !in_name {
                continue;
            }
            for word in drawn.split(' ') {
                assert!(whole_or_hyphenated(word, &words) || word.ends_with('…'), "rtl {rtl}: {word:?} of {drawn:?} is a broken word");
            }
        }
    }
}



#[test]
fn names_carry_their_language_where_the_data_gives_it() {
    // Israel 2021 as published: English names, the small lists' official Hebrew names.
    let mut doc: serde_json::Value = serde_json::from_str(&knesset()).unwrap();
    doc["lang"] = "en".into();
    let parties = doc["contests"][0]["parties"].as_array_mut().unwrap();
    for p in parties.iter_mut() {
        if tallyboard::format::has_rtl(p["name"].as_str().unwrap()) {
            p["lang"] = "he".into();
        }
    }
    let checked = tallyboard::check(&doc.to_string());
    assert!(!checked.report.findings.iter().any(|f| f.code == "shape/unknown-key"), "lang is a key of the format");
    let o = Options { rtl: true, ..Options::default() };
    let model = tallyboard::layout::table_model(&checked.document.as_ref().unwrap().contests[0], &checked.figures[0], &o);
    assert_eq!(model.dir, "rtl");
    assert_eq!(model.lang, "en");
    let at = |name: &str| model.langs[model.names.iter().position(|n| n == name).unwrap()].clone();
    assert_eq!(at("Likud"), "en");
    assert_eq!(at("הפיראטים"), "he");
    // Without `lang` the language is unknown: "", never the card's words' "en".
    let plain = tallyboard::check(&knesset());
    let model = tallyboard::layout::table_model(&plain.document.as_ref().unwrap().contests[0], &plain.figures[0], &Options::default());
    assert!(model.langs.iter().all(String::is_empty) && model.lang.is_empty());
    assert_eq!(model.dir, "ltr");
    // Not a language tag: said, and left out (never put into an attribute).
    doc["lang"] = "en\" onclick=\"x".into();
    let bad = tallyboard::check(&doc.to_string());
    let f = bad.report.findings.iter().find(|f| f.code == "lang/invalid").expect("a warning");
    assert_eq!(f.path, "/lang");
    assert_eq!(bad.document.unwrap().lang, None);
}

/// Every example, mirrored at every width: no text off the card, none over another, the same
/// boxes as the left-to-right card seen in a mirror where a part is mirrored.
#[test]
fn every_example_mirrored_stays_on_the_card_without_overlaps() {
    let files = common::examples();
    for file in &files {
        for w in [320.0, 375.0, 480.0, 768.0, 1024.0, 1280.0] {
            let (l, s) = (scene(&file_of(file), w, false), scene(&file_of(file), w, true));
            // The same seats (narrow right-to-left tables may wrap their names otherwise).
            assert_eq!(l.seats, s.seats, "{file} at {w}");
            let boxes: Vec<(f64, f64, f64, f64, String)> = s
                .shapes
                .iter()
                .filter_map(|sh| match sh {
                    Shape::Text { x, y, text, size, bold, align, .. } => {
                        let tw = Approx.width(text, *size, *bold);
                        let x0 = match align {
                            Align::Left => *x,
                            Align::Center => x - tw / 2.0,
                            Align::Right => x - tw,
                        };
                        Some((x0, y - size * 0.5, x0 + tw, y + size * 0.5, plain(text)))
                    }
                    _ => None,
                })
                .collect();
            for b in &boxes {
                assert!(b.0 >= -0.5 && b.2 <= s.width + 0.5, "{file} at {w}px: {:?} runs off the card", b);
            }
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    let overlap = a.0.max(b.0) < a.2.min(b.2) - 0.5 && a.1.max(b.1) < a.3.min(b.3) - 0.5;
                    assert!(!overlap, "{file} at {w}px: {:?} overlaps {:?}", a.4, b.4);
                }
            }
        }
    }
}

fn file_of(name: &str) -> String {
    file(&format!("www/data/{name}"))
}
