//! Reference outputs, in the style of resvg's tests: for every example in
//! www/data, the card as SVG (640 px, light, English, the approximate text
//! measure that needs no fonts), the CSV and the wikitext are kept beside one
//! another in tests/reference/, one test per example. A change to any output
//! fails here with the first differing lines; when the change is meant,
//! `TALLYBOARD_BLESS=1 cargo test --features cli --test reference` writes the
//! references again (review them in the diff before committing).

use std::path::PathBuf;
use tallyboard::layout::{Approx, Options};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The first lines where `want` and `got` differ, with a line of context.
fn diff(want: &str, got: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let first = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let mut out = format!("first difference at line {} ({} lines kept, {} now):\n", first + 1, a.len(), b.len());
    for i in first.saturating_sub(1)..(first + 4) {
        if let Some(x) = a.get(i) {
            out += &format!("  - {:5} {}\n", i + 1, x.chars().take(160).collect::<String>());
        }
        if let Some(y) = b.get(i) {
            out += &format!("  + {:5} {}\n", i + 1, y.chars().take(160).collect::<String>());
        }
    }
    out
}

fn outputs(stem: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(root().join("www/data").join(format!("{stem}.json"))).unwrap();
    let opts = Options { width: 640.0, ..Options::default() };
    let (scene, checked) = tallyboard::render_scene(&text, &opts, &Approx, None);
    let doc = checked.document.as_ref().expect("every example reads");
    vec![
        (format!("{stem}.svg"), tallyboard::svg::to_svg(&scene)),
        (format!("{stem}.csv"), tallyboard::export::to_csv(doc, &checked.figures)),
        (format!("{stem}.wikitext"), tallyboard::export::to_wikitext(doc, &checked.figures, &tallyboard::format::EN)),
    ]
}

fn check(stem: &str) {
    let bless = std::env::var("TALLYBOARD_BLESS").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    for (name, got) in outputs(stem) {
        let path = root().join("tests/reference").join(&name);
        if bless {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!("tests/reference/{name} changed; {}", diff(&want, &got))),
            Err(_) => failures.push(format!("tests/reference/{name} is missing: run with TALLYBOARD_BLESS=1, look at it, commit it")),
        }
    }
    assert!(failures.is_empty(), "{}\n(if the change is meant: TALLYBOARD_BLESS=1 cargo test --features cli --test reference)", failures.join("\n"));
}

macro_rules! reference {
    ($($test:ident => $stem:literal),* $(,)?) => {
        $( #[test] fn $test() { check($stem); } )*
        const STEMS: &[&str] = &[$($stem),*];
    };
}

reference! {
    amanat_renaming_congress_2022 => "amanat-renaming-congress-2022",
    il_knesset_2022 => "il-knesset-2022",
    kz_mazhilis_2021 => "kz-mazhilis-2021",
    kz_mazhilis_2023 => "kz-mazhilis-2023",
    nur_otan_21st_congress_2022 => "nur-otan-21st-congress-2022",
    nur_otan_mazhilis_seats => "nur-otan-mazhilis-seats",
    nur_otan_political_council_2022 => "nur-otan-political-council-2022",
    nur_otan_primaries => "nur-otan-primaries",
    nz_parliament_2014 => "nz-parliament-2014",
    pt_assembleia_2024 => "pt-assembleia-2024",
}

/// A new example cannot slip past: every www/data file has its test above.
#[test]
fn every_example_has_its_references() {
    let mut files: Vec<String> = std::fs::read_dir(root().join("www/data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".json"))
        .map(|f| f.trim_end_matches(".json").to_string())
        .collect();
    files.sort();
    let mut listed: Vec<String> = STEMS.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed, "add each new example of www/data to the reference! list in tests/reference.rs");
}
