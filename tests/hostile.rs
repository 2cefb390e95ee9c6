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

/// A card's height is bounded by the screen, not by the data: 20,000 one-seat
/// parties (a legend entry each, before) and 1,000 findings (each listed under
/// the badge, before) made cards 106,844 and 42,388 px tall, beyond what a
/// canvas draws on a 2x screen (32,767 device pixels), so the browser showed
/// nothing. Now the legend, the bars and the findings list are capped (the rest
/// is in the HTML table, the CSV and the report) and the table is paged.
#[test]
fn cards_of_many_parties_or_findings_stay_within_one_canvas() {
    use tallyboard::sizes::{canvas_ratio, MAX_CANVAS_SIDE, MAX_FINDINGS, MAX_LEGEND};
    let many: Vec<_> = (0..20_000).map(|i| serde_json::json!({"name": format!("Party {i}"), "votes": 1000 + i, "seats": 1})).collect();
    let wrong: Vec<_> = (0..1_000).map(|i| serde_json::json!({"name": format!("P{i}"), "votes": 1000, "seats": 1, "percent": 50})).collect();
    for (what, text, findings) in [("20,000 one-seat parties", doc(many, 20_000), false), ("1,000 wrong percentages", doc(wrong, 1_000), true)] {
        let o = Options { findings_open: Some(findings), ..Options::default() };
        let (scene, checked) = render_scene(&text, &o, &Approx, None);
        assert!(scene.height * 2.0 <= MAX_CANVAS_SIDE, "{what}: {} px tall", scene.height);
        assert_eq!(canvas_ratio(scene.width, scene.height, 2.0), 2.0, "{what}: drawn at the screen's full resolution");
        let svg = tallyboard::svg::to_svg(&scene);
        if findings {
            assert!(checked.report.findings.len() > MAX_FINDINGS);
            let more = (checked.report.findings.len() - MAX_FINDINGS).to_string();
            assert!(svg.contains("more findings (all are in the report): ") && svg.contains(&more[..1]), "{what}: says how many it does not list");
        } else {
            // Party 0..MAX_LEGEND are listed, the rest counted.
            assert!(svg.contains("Party 0") && !svg.contains(&format!("Party {}\u{2069} 1", MAX_LEGEND + 100)), "{what}: legend capped");
            assert!(svg.contains("19,976 more"), "{what}: the legend counts the rest");
        }
        println!("{what}: {} x {} px", scene.width, scene.height);
    }
}
