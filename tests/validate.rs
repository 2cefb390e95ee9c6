//! Validation, end to end from JSON text: every check fires on a real
//! mutation of a real example, and the examples themselves pass.

use serde_json::{json, Value};
use tallyboard::report::{Finding, Severity};

fn example(name: &str) -> Value {
    let text = std::fs::read_to_string(format!("{}/www/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn findings(doc: &Value) -> Vec<Finding> {
    tallyboard::check(&doc.to_string()).report.findings
}

fn has(fs: &[Finding], sev: Severity, code: &str, path: &str) -> bool {
    fs.iter().any(|f| f.severity == sev && f.code == code && f.path == path)
}

fn errors(fs: &[Finding]) -> Vec<&Finding> {
    fs.iter().filter(|f| f.severity == Severity::Error).collect()
}

fn mazhilis() -> Value {
    example("kz-mazhilis-2021.json")
}

fn congress() -> Value {
    example("nur-otan-21st-congress-2022.json")
}

#[test]
fn every_example_validates_without_error() {
    let dir = format!("{}/www/data", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let checked = tallyboard::check(&std::fs::read_to_string(&path).unwrap());
        assert!(checked.document.is_some(), "{path:?}");
        let errs: Vec<_> = checked.report.findings.iter().filter(|f| f.severity != Severity::Info).collect();
        assert!(errs.is_empty(), "{path:?}: {errs:#?}");
        n += 1;
    }
    assert!(n >= 3, "expected at least three examples, found {n}");
}

#[test]
fn mazhilis_gap_is_reported_as_info() {
    let fs = findings(&mazhilis());
    let gap = fs.iter().find(|f| f.code == "ballots/unaccounted").expect("the 297,718 gap is reported");
    assert_eq!(gap.severity, Severity::Info);
    assert!(gap.message.contains("297,718"), "{}", gap.message);
    assert!(has(&fs, Severity::Info, "votes/valid-from-sum", "/contests/0/ballots/valid"));
}

#[test]
fn a_moved_seat_names_both_parties() {
    let mut d = mazhilis();
    d["contests"][0]["parties"][0]["seats"] = json!(75);
    d["contests"][0]["parties"][1]["seats"] = json!(13);
    let fs = findings(&d);
    let e = errors(&fs);
    assert_eq!(e.len(), 2, "{e:#?}");
    assert!(has(&fs, Severity::Error, "seats/method-mismatch", "/contests/0/parties/0/seats"));
    assert!(has(&fs, Severity::Error, "seats/method-mismatch", "/contests/0/parties/1/seats"));
    let m = &e.iter().find(|f| f.path.ends_with("0/seats")).unwrap().message;
    assert!(m.contains("Nur Otan") && m.contains("gives 76 seats, reported 75") && m.contains("7% threshold"), "{m}");
}

#[test]
fn a_seat_for_a_party_below_the_threshold() {
    let mut d = mazhilis();
    d["contests"][0]["parties"][0]["seats"] = json!(75);
    d["contests"][0]["parties"][3]["seats"] = json!(1);
    let fs = findings(&d);
    let f = fs.iter().find(|f| f.path == "/contests/0/parties/3/seats").unwrap();
    assert!(f.message.contains("below the threshold"), "{}", f.message);
}

#[test]
fn seat_total_must_match() {
    let mut d = mazhilis();
    d["contests"][0]["seats"] = json!(99);
    let fs = findings(&d);
    assert!(has(&fs, Severity::Error, "seats/sum-mismatch", "/contests/0/seats"));
}

#[test]
fn declared_method_matters() {
    let mut d = mazhilis();
    d["contests"][0]["method"] = json!("dhondt");
    let fs = findings(&d);
    // D'Hondt gives 77/12/9, not the reported 76/12/10.
    assert!(has(&fs, Severity::Error, "seats/method-mismatch", "/contests/0/parties/0/seats"));
    assert!(has(&fs, Severity::Error, "seats/method-mismatch", "/contests/0/parties/2/seats"));
    assert!(!has(&fs, Severity::Error, "seats/method-mismatch", "/contests/0/parties/1/seats"));
}

#[test]
fn turnout_at_reported_precision() {
    let mut d = congress();
    assert!(errors(&findings(&d)).is_empty());
    d["contests"][0]["turnout_percent"] = json!(97.6);
    let fs = findings(&d);
    let f = fs.iter().find(|f| f.code == "turnout/mismatch").expect("97.6 fails");
    assert_eq!(f.path, "/contests/0/turnout_percent");
    assert!(f.message.contains("expected 97.5%") && f.message.contains("found 97.6%"), "{}", f.message);
    // 97.49 is right at two decimals; 97.50 claims a precision that is false.
    let text = congress().to_string().replace("\"turnout_percent\":97.5", "\"turnout_percent\":97.50");
    assert!(text.contains("97.50"));
    assert!(tallyboard::check(&text).report.findings.iter().any(|f| f.code == "turnout/mismatch"));
}

#[test]
fn party_percent_checked_and_base_hinted() {
    let mut d = mazhilis();
    d["contests"][0]["parties"][1]["percent"] = json!(10.96);
    let fs = findings(&d);
    let f = fs.iter().find(|f| f.code == "percent/mismatch").unwrap();
    assert_eq!(f.path, "/contests/0/parties/1/percent");
    assert!(f.message.contains("expected 10.95%"), "{}", f.message);
    // Shares of ballots cast instead of valid votes: the message says so.
    let mut d = mazhilis();
    d["contests"][0]["parties"][0]["percent"] = json!(68.28); // 5,148,074 / 7,539,280
    let fs = findings(&d);
    let f = fs.iter().find(|f| f.code == "percent/mismatch").unwrap();
    assert!(f.message.contains("percent_of"), "{}", f.message);
}

#[test]
fn ballots_must_add_up() {
    let mut d = mazhilis();
    d["contests"][0]["ballots"] = json!({"cast": 7539280, "valid": 7241562, "invalid": 297717, "blank": null});
    let fs = findings(&d);
    assert!(has(&fs, Severity::Error, "ballots/sum-mismatch", "/contests/0/ballots/cast"), "{fs:#?}");
    d["contests"][0]["ballots"]["invalid"] = json!(297718);
    assert!(errors(&findings(&d)).is_empty());
    d["contests"][0]["ballots"]["valid"] = json!(7241563);
    d["contests"][0]["ballots"]["invalid"] = json!(297717);
    let fs = findings(&d);
    assert!(has(&fs, Severity::Error, "votes/sum-mismatch", "/contests/0/ballots/valid"), "{fs:#?}");
}

#[test]
fn cast_cannot_exceed_electorate() {
    let mut d = mazhilis();
    d["contests"][0]["electorate"] = json!(7_000_000);
    let fs = findings(&d);
    assert!(has(&fs, Severity::Error, "ballots/cast-exceeds-electorate", "/contests/0/ballots/cast"));
    let mut d = congress();
    d["contests"][0]["participants"] = json!(400);
    let fs = findings(&d);
    assert!(has(&fs, Severity::Error, "ballots/cast-exceeds-electorate", "/contests/0/participants"));
}

#[test]
fn bad_counts_and_percents() {
    let mut d = mazhilis();
    d["contests"][0]["parties"][0]["votes"] = json!(-5);
    d["contests"][0]["parties"][1]["votes"] = json!(792828.5);
    d["contests"][0]["parties"][2]["percent"] = json!(109.1);
    d["contests"][0]["parties"][3]["votes"] = json!("383 023");
    let fs = findings(&d);
    assert!(has(&fs, Severity::Error, "count/negative", "/contests/0/parties/0/votes"));
    assert!(has(&fs, Severity::Error, "count/fractional", "/contests/0/parties/1/votes"));
    assert!(has(&fs, Severity::Error, "percent/over-100", "/contests/0/parties/2/percent"));
    let f = fs.iter().find(|f| f.path == "/contests/0/parties/3/votes").unwrap();
    assert!(f.message.contains("383023"), "suggests the number: {}", f.message);
    // The seat re-run is blocked, and the report says so rather than going quiet.
    assert!(has(&fs, Severity::Info, "check/blocked", "/contests/0/method"));
}

#[test]
fn names_empty_or_duplicate() {
    let mut d = mazhilis();
    d["contests"][0]["parties"][4]["name"] = json!("  ");
    d["contests"][0]["parties"][3]["name"] = json!("nur otan");
    let fs = findings(&d);
    assert!(has(&fs, Severity::Error, "name/empty", "/contests/0/parties/4/name"));
    let f = fs.iter().find(|f| f.code == "name/duplicate").unwrap();
    assert_eq!(f.path, "/contests/0/parties/3/name");
    assert!(f.message.contains("/contests/0/parties/0"));
}

#[test]
fn unknown_keys_warn_with_did_you_mean() {
    let mut d = mazhilis();
    let p = d["contests"][0]["parties"][0].as_object_mut().unwrap();
    let v = p.remove("votes").unwrap();
    p.insert("vots".into(), v);
    d["contests"][0]["metod"] = json!("hare");
    let fs = findings(&d);
    let f = fs.iter().find(|f| f.path == "/contests/0/parties/0/vots").unwrap();
    assert_eq!((f.severity, f.code), (Severity::Warning, "shape/unknown-key"));
    assert!(f.message.contains("did you mean \"votes\""), "{}", f.message);
    assert!(fs.iter().any(|f| f.path == "/contests/0/metod" && f.message.contains("\"method\"")));
    // ... and the missing votes block the checks that need them, as info.
    assert!(fs.iter().any(|f| f.severity == Severity::Info && f.code == "check/blocked"));
}

#[test]
fn unknown_method_gets_a_suggestion() {
    let mut d = mazhilis();
    d["contests"][0]["method"] = json!("dhont");
    let fs = findings(&d);
    let f = fs.iter().find(|f| f.path == "/contests/0/method").unwrap();
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.contains("did you mean \"dhondt\""), "{}", f.message);
}

#[test]
fn outcome_follows_the_rule() {
    let mut d = congress();
    d["contests"][0]["rule"] = json!("majority-of-votes-cast");
    assert!(errors(&findings(&d)).is_empty());
    d["contests"][0]["options"] = json!([
        {"name": "A", "votes": 190}, {"name": "B", "votes": 150}, {"name": "Against all", "votes": 49}
    ]);
    d["contests"][0]["outcome"] = json!("A");
    let fs = findings(&d);
    // 190 of 389 is not a majority of votes cast.
    let f = fs.iter().find(|f| f.code == "outcome/mismatch").expect("no majority");
    assert!(f.message.contains("\"none\"") && f.message.contains("190 of 389"), "{}", f.message);
    d["contests"][0]["outcome"] = json!("none");
    assert!(errors(&findings(&d)).is_empty(), "{:#?}", findings(&d));
    d["contests"][0]["rule"] = json!("majority-of-electorate");
    d["contests"][0]["options"][0]["votes"] = json!(200);
    d["contests"][0]["options"][2]["votes"] = json!(39);
    d["contests"][0]["outcome"] = json!("A");
    assert!(errors(&findings(&d)).is_empty(), "200 of 399 is a majority of the electorate");
    d["contests"][0]["rule"] = json!("unanimous");
    assert!(findings(&d).iter().any(|f| f.code == "outcome/mismatch"));
    d["contests"][0]["outcome"] = json!("Nobody");
    assert!(findings(&d).iter().any(|f| f.code == "outcome/unknown-option"));
}

#[test]
fn options_cannot_outnumber_participants() {
    let mut d = congress();
    d["contests"][0]["options"][0]["votes"] = json!(390);
    let fs = findings(&d);
    assert!(has(&fs, Severity::Error, "votes/sum-exceeds-participants", "/contests/0/participants"), "{fs:#?}");
}

#[test]
fn missing_figures_are_info_never_silent() {
    let d = example("amanat-renaming-congress-2022.json");
    let fs = findings(&d);
    assert!(errors(&fs).is_empty());
    assert!(has(&fs, Severity::Info, "check/blocked", "/contests/0/rule"));
    assert!(has(&fs, Severity::Info, "check/blocked", "/contests/0/options/0/votes"));
    let mut d = mazhilis();
    d["contests"][0]["electorate"] = json!(null);
    let fs = findings(&d);
    let f = fs.iter().find(|f| f.path == "/contests/0/turnout_percent").unwrap();
    assert_eq!((f.severity, f.code), (Severity::Info, "check/blocked"));
    assert!(f.message.contains("electorate"));
}

#[test]
fn ties_are_warned() {
    let d = json!({"tallyboard": 1, "contests": [{"kind": "election", "seats": 1, "method": "dhondt",
        "parties": [{"name": "A", "votes": 100, "seats": 1}, {"name": "B", "votes": 100, "seats": 0}]}]});
    let fs = findings(&d);
    assert!(errors(&fs).is_empty(), "{fs:#?}");
    let f = fs.iter().find(|f| f.code == "seats/tie").unwrap();
    assert!(f.message.contains("1 seat in doubt between \"A\", \"B\""), "{}", f.message);
}

#[test]
fn syntax_errors_have_line_and_column() {
    let text = "{\n  \"tallyboard\": 1,\n  \"contests\": [\n    {\"kind\": \"vote\",}\n  ]\n}";
    let c = tallyboard::check(text);
    assert!(c.document.is_none());
    let f = &c.report.findings[0];
    assert_eq!(f.code, "json/syntax");
    assert_eq!((f.line, f.column), (Some(4), Some(21)), "{f:?}");
    assert!(f.message.contains("trailing comma"), "{}", f.message);
    let c = tallyboard::check_bytes(b"{\"title\": \"\xff\"}");
    assert_eq!(c.report.findings[0].code, "json/encoding");
    assert_eq!(c.report.findings[0].column, Some(12));
    // Kazakh text before the error: the column counts letters, not bytes.
    let c = tallyboard::check("{\"title\": \"Қазақстан\" \"x\"}");
    assert_eq!(c.report.findings[0].column, Some(23));
}

#[test]
fn wrong_shapes_have_pointers_and_positions() {
    let text = "{\"tallyboard\": 1, \"contests\": [{\"kind\": \"election\", \"seats\": \"98\",\n \"parties\": {\"name\": \"x\"}}]}";
    let fs = tallyboard::check(text).report.findings;
    let f = fs.iter().find(|f| f.path == "/contests/0/seats").unwrap();
    assert_eq!(f.code, "shape/type");
    assert_eq!(f.line, Some(1));
    let f = fs.iter().find(|f| f.path == "/contests/0/parties").unwrap();
    assert!(f.message.contains("expected an array, found an object"), "{}", f.message);
    assert_eq!(f.line, Some(2));
    for bad in ["[]", "42", "\"x\"", "{}", "{\"tallyboard\": 2, \"contests\": []}"] {
        let c = tallyboard::check(bad);
        assert!(c.report.has_errors(), "{bad}");
    }
    let fs = tallyboard::check("{\"tallyboard\": 1, \"contests\": [{\"kind\": \"referendum\", \"options\": []}]}").report.findings;
    assert!(fs.iter().any(|f| f.code == "shape/kind" && f.path == "/contests/0/kind"));
}

#[test]
fn duplicate_keys_are_errors() {
    let text = "{\"tallyboard\": 1, \"contests\": [{\"kind\": \"election\", \"seats\": 2, \"seats\": 3, \"parties\": [{\"name\": \"A\", \"votes\": 1}]}]}";
    let fs = tallyboard::check(text).report.findings;
    assert!(fs.iter().any(|f| f.code == "shape/duplicate-key" && f.path == "/contests/0/seats"));
}
