//! Composition, series and primaries: the checks fire on real mutations of
//! the examples built from the seeds, and the cards draw what they say.

use serde_json::{json, Value};
use tallyboard::report::{Finding, Severity};

fn example(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{}/www/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()).unwrap()
}

fn findings(doc: &Value) -> Vec<Finding> {
    tallyboard::check(&doc.to_string()).report.findings
}

fn find<'a>(fs: &'a [Finding], code: &str) -> Option<&'a Finding> {
    fs.iter().find(|f| f.code == code)
}

#[test]
fn an_impossible_share_of_92_is_an_error_with_its_path() {
    let mut d = example("nur-otan-political-council-2022.json");
    assert!(findings(&d).iter().all(|f| f.severity != Severity::Error));
    // 34.0% of 92: 31 is 33.7%, 32 is 34.8%; no whole number of members is 34.0%.
    let text = d.to_string().replace("\"percent\":33.7", "\"percent\":34.0");
    assert!(text.contains("34.0"));
    let fs = tallyboard::check(&text).report.findings;
    let f = find(&fs, "share/impossible").expect("34.0% of 92 is impossible");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.path, "/contests/0/shares/0/percent");
    assert!(f.message.contains("31 would be 33.7%") && f.message.contains("32 would be 34.8%"), "{}", f.message);
    assert!(f.line.is_some());
    // 34% (no decimal) is possible: 31 of 92 rounds to 34.
    d["contests"][0]["shares"][0]["percent"] = json!(34);
    assert!(find(&findings(&d), "share/impossible").is_none());
}

#[test]
fn groups_must_add_up_to_the_members() {
    let mut d = example("nur-otan-political-council-2022.json");
    d["contests"][0]["groups"] = json!([{"name": "Women", "members": 31}, {"name": "Men", "members": 60}]);
    let fs = findings(&d);
    let f = find(&fs, "members/sum-mismatch").unwrap();
    assert!(f.message.contains("91") && f.message.contains("92"), "{}", f.message);
    d["contests"][0]["groups"][1]["members"] = json!(61);
    assert!(find(&findings(&d), "members/sum-mismatch").is_none());
    // With groups, the card has a hemicycle of 92 seats.
    let (scene, _) = tallyboard::render_scene(&d.to_string(), &Default::default(), &tallyboard::layout::Approx, None);
    assert_eq!(scene.seats.len(), 92);
}

#[test]
fn series_seats_and_shares_are_consistent() {
    let mut d = example("nur-otan-mazhilis-seats.json");
    assert!(findings(&d).iter().all(|f| f.severity != Severity::Error));
    d["contests"][0]["points"][2]["seat_percent"] = json!(84.7); // 83 of 107 is 77.6%
    d["contests"][0]["points"][1]["seats"] = json!(99); // of 98
    d["contests"][0]["points"][4]["vote_percent"] = json!(71.9); // 5,148,074 of 7,241,562 is 71.09%
    let fs = findings(&d);
    assert!(fs.iter().any(|f| f.code == "percent/mismatch" && f.path == "/contests/0/points/2/seat_percent" && f.message.contains("77.6%")));
    assert!(fs.iter().any(|f| f.code == "seats/over-total" && f.path == "/contests/0/points/1/seats"));
    assert!(fs.iter().any(|f| f.code == "percent/mismatch" && f.path == "/contests/0/points/4/vote_percent"));
}

#[test]
fn primaries_stages_never_grow_and_quotas_are_checked() {
    let d = example("nur-otan-primaries.json");
    let fs = findings(&d);
    assert!(fs.iter().all(|f| f.severity != Severity::Error), "{fs:#?}");
    // The electorate is not given: what the 84.2% turnout implies is said.
    let f = find(&fs, "turnout/implied-electorate").unwrap();
    assert!(f.message.contains("786,573 to 787,506"), "{}", f.message);
    assert!(find(&fs, "removed/unexplained").unwrap().message.contains("3 of the 37"));
    let mut m = d.clone();
    m["contests"][0]["stages"][2]["count"] = json!(300); // more selected than shortlisted
    let fs = findings(&m);
    let f = find(&fs, "stages/grow").unwrap();
    assert_eq!(f.path, "/contests/0/stages/2/count");
    // A list make-up under the quota is an error; at or above it passes.
    let mut m = d.clone();
    m["contests"][0]["shares"] = json!([{"name": "Women", "percent": 28.2, "stage": "Selected"}, {"name": "Under 35", "percent": 30, "stage": "Selected"}]);
    let fs = findings(&m);
    let f = find(&fs, "quota/not-met").unwrap();
    assert_eq!(f.path, "/contests/0/shares/0/percent");
    assert!(f.message.contains("28.2%") && f.message.contains("30%"));
    assert_eq!(fs.iter().filter(|f| f.code == "quota/not-met").count(), 1);
    // 28.2% of the 78 selected is 22 people; 28.3% is no whole number of 78.
    m["contests"][0]["shares"][0]["percent"] = json!(28.3);
    assert!(find(&findings(&m), "share/impossible").is_some());
    // With the electorate given, the turnout is checked.
    let mut m = d.clone();
    m["contests"][0]["electorate"] = json!(700000);
    assert!(find(&findings(&m), "turnout/mismatch").is_some());
    let mut m = d;
    m["contests"][0]["removed"]["reasons"][0]["count"] = json!(17);
    assert!(find(&findings(&m), "removed/sum-exceeds").is_some());
}

#[test]
fn the_waffle_shows_31_of_92_women() {
    let text = std::fs::read_to_string(format!("{}/www/data/nur-otan-political-council-2022.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let (scene, _) = tallyboard::render_scene(&text, &Default::default(), &tallyboard::layout::Approx, None);
    let squares: Vec<tallyboard::contest::Rgb> = scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            tallyboard::layout::Shape::Rect { w, h, color, .. } if *w == 9.0 && *h == 9.0 => Some(*color),
            _ => None,
        })
        .collect();
    assert_eq!(squares.len(), 4 * 92, "four rows of 92 members");
    let first = squares[0];
    assert_eq!(squares[..92].iter().filter(|&&c| c == first).count(), 31);
    let svg = tallyboard::svg::to_svg(&scene);
    roxmltree::Document::parse(&svg).unwrap();
}

#[test]
fn unknown_kind_suggests_the_new_ones() {
    let fs = findings(&json!({"tallyboard": 1, "contests": [{"kind": "primary"}]}));
    let f = find(&fs, "shape/kind").unwrap();
    assert!(f.message.contains("did you mean \"primaries\""), "{}", f.message);
}
