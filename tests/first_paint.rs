//! Render first, validate after (issue #15): the first paint's card is read but not validated.
//! It says "Checking the numbers…" and never "checked"; it is the validated card in every shape
//! but the badge's (so the verdict replaces it with no layout shift); and the documents the first
//! paint's module leaves to the full one are the ones whose figures need the rules replayed.

use tallyboard::layout::{Approx, Options, Scene, Shape};

fn texts(s: &Scene) -> Vec<String> {
    s.shapes.iter().filter_map(|sh| if let Shape::Text { text, .. } = sh { Some(text.clone()) } else { None }).collect()
}

fn file(name: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

/// Every shape but the badge's (its rect, frame and label: the label is the shape `is_label` finds).
fn outside_badge(s: &Scene, is_label: &dyn Fn(&str) -> bool) -> Vec<Shape> {
    let at = s.shapes.iter().position(|sh| matches!(sh, Shape::Text { text, .. } if is_label(text))).expect("a badge");
    assert!(matches!(s.shapes[at - 2], Shape::Rect { .. }) && matches!(s.shapes[at - 1], Shape::Frame { .. }));
    s.shapes.iter().enumerate().filter(|(i, _)| !(at - 2..=at).contains(i)).map(|(_, sh)| sh.clone()).collect()
}

#[test]
fn the_first_card_says_checking_and_never_checked() {
    let text = file("www/data/kz-mazhilis-2021.json");
    let first = tallyboard::read_only(&text);
    assert!(first.report.pending && !first.report.has_errors());
    let scene = tallyboard::scene_of(&first, &Options::default(), &Approx, None);
    let t = texts(&scene);
    assert!(t.iter().any(|s| s == "Checking the numbers…"), "{t:?}");
    assert!(t.iter().all(|s| !s.contains("checked") && !s.starts_with('✓')), "{t:?}");
    assert!(scene.summary.starts_with("Kazakhstan Mazhilis election, 10 January 2021 (party-list seats). Checking the numbers… Mazhilis"), "{}", scene.summary);
    assert!(!scene.summary.contains("checked"), "{}", scene.summary);
    // The badge cannot be opened before there is a verdict (no findings to show yet).
    assert!(scene.regions.iter().all(|r| r.hit != tallyboard::layout::Hit::Badge));

    let checked = tallyboard::check(&text);
    let verdict = tallyboard::scene_of(&checked, &Options::default(), &Approx, None);
    assert!(texts(&verdict).iter().any(|s| s.starts_with("✓ Numbers checked")), "{:?}", texts(&verdict));
    assert!(verdict.summary.contains("Numbers checked: no errors"), "{}", verdict.summary);
    // The same card but the badge: the same height, every other shape in the same place.
    assert_eq!(scene.height, verdict.height);
    assert_eq!(scene.seats, verdict.seats);
    assert!(outside_badge(&scene, &|t| t == "Checking the numbers…") == outside_badge(&verdict, &|t| t.starts_with("✓ Numbers checked")));
}

#[test]
fn reading_errors_are_shown_before_the_check() {
    // A document that cannot be read says so at once: an error is an error, checked or not.
    let first = tallyboard::read_only("{\"tallyboard\": 1, \"contests\": [");
    assert!(first.report.has_errors());
    let scene = tallyboard::scene_of(&first, &Options::default(), &Approx, None);
    assert!(texts(&scene).iter().any(|s| s.starts_with("not valid JSON")), "{:?}", texts(&scene));
}

#[test]
fn the_first_module_leaves_replayed_rules_and_other_kinds_to_the_full_one() {
    let first = |name: &str| tallyboard::first_paint(&tallyboard::read_only(&file(name)));
    // Largest remainder with a 7% threshold, final count: nothing to replay for the card.
    assert!(first("www/data/kz-mazhilis-2021.json"));
    assert!(first("www/data/kz-mazhilis-2023.json"));
    // A congress vote.
    assert!(first("www/data/nur-otan-21st-congress-2022.json"));
    // Mixed-member proportional: the overhang and the body come from the replayed rules.
    assert!(!first("www/data/nz-parliament-2014.json"));
    // An open count: the projection comes from the replayed rules.
    assert!(!first("www/data/night/nz-parliament-2020-01.json"));
    // A candidate primary and a series: kinds the first module does not lay out.
    assert!(!first("www/data/nur-otan-primaries.json"));
    // What cannot be read, or has an error when read, goes to the full module, which says what and
    // where (the first module builds no message: tests/e2e/first.mjs sees that card's frames).
    assert!(!tallyboard::first_paint(&tallyboard::read_only("not json")));
    assert!(!tallyboard::first_paint(&tallyboard::read_only(r#"{"tallyboard": 1, "contests": []}"#)));
    let negative = file("www/data/kz-mazhilis-2021.json").replacen("\"votes\": ", "\"votes\": -", 1);
    assert!(tallyboard::read_only(&negative).report.has_errors());
    assert!(!tallyboard::first_paint(&tallyboard::read_only(&negative)));
}
