//! Hostile documents (issue #13): claims far beyond the body, sums that would
//! wrap a u64. Each is an error at its JSON path, drawn as the error card (its
//! size bounded by the card, never by the claim), with no panic in the debug
//! build these tests run in. The time each takes is printed (a measured
//! figure, not a timed assertion).

use std::time::Instant;
use tallyboard::layout::{Approx, Options};
use tallyboard::number::MAX_COUNT;
use tallyboard::report::Severity;
use tallyboard::{check, render_scene};

fn doc(parties: Vec<serde_json::Value>, seats: u64) -> String {
    serde_json::json!({"tallyboard": 1, "title": "hostile", "source": {"name": "generated"},
        "contests": [{"kind": "election", "id": "h", "seats": seats, "method": "dhondt", "threshold": {"percent": 0}, "parties": parties}]})
    .to_string()
}

fn errors(text: &str) -> Vec<(String, String)> {
    check(text).report.findings.into_iter().filter(|f| f.severity == Severity::Error).map(|f| (f.code.to_string(), f.path)).collect()
}

#[test]
fn parties_claiming_more_seats_than_the_body_are_errors_and_get_the_error_card() {
    // 18,447 parties each claiming 10^15 seats of a body of 100: the sum,
    // 1.8447e19, is beyond u64::MAX (1.8446e19), each claim beyond the body.
    let parties: Vec<_> = (0..18_447).map(|i| serde_json::json!({"name": format!("Party {i}"), "votes": 1000 + i, "seats": MAX_COUNT})).collect();
    let text = doc(parties, 100);
    let t = Instant::now();
    let e = errors(&text);
    let checked_in = t.elapsed();
    assert!(e.contains(&("seats/over-body".into(), "/contests/0/parties/0/seats".into())), "{:?}", &e[..3]);
    assert!(e.iter().any(|(c, _)| c == "seats/sum-mismatch"));
    let t = Instant::now();
    let (scene, _) = render_scene(&text, &Options::default(), &Approx, None);
    let drawn_in = t.elapsed();
    assert!(scene.seats.is_empty(), "no seat is drawn for an absurd claim");
    assert!(scene.height < 2_000.0, "the error card lists a few errors and counts the rest: {} px", scene.height);
    let svg = tallyboard::svg::to_svg(&scene);
    assert!(svg.len() < 50_000, "the SVG is {} bytes", svg.len());
    assert!(svg.contains("more errors: 18,440"), "the card says how many errors it does not list");
    println!("hostile 18,447 x 10^15 seats ({} KB): checked in {checked_in:?}, drawn in {drawn_in:?} (debug build)", text.len() / 1024);
}

#[test]
fn counts_beyond_any_real_figure_are_refused_at_their_path() {
    // Two claims whose u64 sum would wrap to exactly 100.
    let text = doc(vec![serde_json::json!({"name": "A", "votes": 10, "seats": 1u64 << 63}), serde_json::json!({"name": "B", "votes": 9, "seats": (1u64 << 63) + 100})], 100);
    let e = errors(&text);
    assert!(e.contains(&("count/too-large".into(), "/contests/0/parties/0/seats".into())), "{e:?}");
    assert!(e.contains(&("count/too-large".into(), "/contests/0/parties/1/seats".into())), "{e:?}");
    let (scene, _) = render_scene(&text, &Options::default(), &Approx, None);
    assert!(scene.seats.len() <= 100);
}

#[test]
fn claims_at_the_body_size_are_drawn_with_at_most_their_sum() {
    // Every claim within the body but the sum three times it: a sum error,
    // and the drawing bounded by the claims (3 x 100 seats), not by a wrap.
    let parties: Vec<_> = (0..3).map(|i| serde_json::json!({"name": format!("P{i}"), "votes": 100 - i, "seats": 100})).collect();
    let text = doc(parties, 100);
    let e = errors(&text);
    assert!(e.iter().any(|(c, p)| c == "seats/sum-mismatch" && p == "/contests/0/seats"), "{e:?}");
    let (scene, _) = render_scene(&text, &Options::default(), &Approx, None);
    assert!(scene.seats.len() <= 300, "{} seats drawn", scene.seats.len());
}
