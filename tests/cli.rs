//! The command line, run as a user runs it.
#![cfg(feature = "cli")]

mod common;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tallyboard"))
}

fn data(name: &str) -> String {
    format!("{}/www/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("tallyboard-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn examples_validate_with_exit_0() {
    let files: Vec<String> = common::examples().iter().map(|f| common::example_path(f)).collect();
    let args: Vec<&str> = std::iter::once("validate").chain(files.iter().map(String::as_str)).collect();
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("kz-mazhilis-2021.json: 0 errors"), "{out}");
    assert!(out.contains("297,718"), "the gap is shown as info: {out}");
}

#[test]
fn a_moved_seat_exits_1_and_names_both_parties() {
    let text = std::fs::read_to_string(data("kz-mazhilis-2021.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["contests"][0]["parties"][0]["seats"] = 75.into();
    v["contests"][0]["parties"][2]["seats"] = 11.into();
    let f = temp("moved.json", &serde_json::to_string_pretty(&v).unwrap());
    let (code, out, _) = run(&["validate", &f]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("/contests/0/parties/0/seats") && out.contains("Nur Otan"), "{out}");
    assert!(out.contains("/contests/0/parties/2/seats") && out.contains("People's Party"), "{out}");
    // Each finding carries file:line:column.
    assert!(out.contains("moved.json:"), "{out}");
    let (code, out, _) = run(&["validate", &f, "--json"]);
    assert_eq!(code, 1);
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["errors"], 2);
    let paths: Vec<&str> = r["findings"].as_array().unwrap().iter().filter(|f| f["severity"] == "error").map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["/contests/0/parties/0/seats", "/contests/0/parties/2/seats"]);
}

#[test]
fn invalid_json_gets_file_line_and_column() {
    let f = temp("broken.json", "{\n  \"tallyboard\": 1,\n  \"contests\": [\n    {\"kind\": \"election\" \"seats\": 3}\n  ]\n}\n");
    let (code, out, err) = run(&["validate", &f]);
    assert_eq!(code, 1);
    assert!(out.contains("broken.json:4:25: error [json/syntax]"), "{out}");
    assert!(out.contains("expected ',' or '}'"), "{out}");
    assert!(!err.contains("panicked") && !out.contains("panicked"));
}

#[test]
fn wrong_shape_gets_the_pointer() {
    let f = temp("shape.json", r#"{"tallyboard": 1, "contests": [{"kind": "election", "parties": [{"name": "A", "votes": "many"}]}]}"#);
    let (code, out, _) = run(&["validate", &f]);
    assert_eq!(code, 1);
    assert!(out.contains("/contests/0/parties/0/votes: expected a number"), "{out}");
}

#[test]
fn missing_file_and_bad_usage() {
    let (code, out, err) = run(&["validate", "/nonexistent/x.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("cannot read the file"), "{out}{err}");
    assert_eq!(run(&["frobnicate"]).0, 2);
    assert_eq!(run(&["validate"]).0, 2);
    assert_eq!(run(&["validate", "--jsno", "x"]).0, 2);
}

#[test]
fn seats_prints_what_the_method_gives() {
    let (code, out, _) = run(&["seats", &data("kz-mazhilis-2021.json")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("98 seats by Hare largest remainder"), "{out}");
    let (code, out, _) = run(&["seats", &data("kz-mazhilis-2021.json"), "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let seats: Vec<u64> = v[0]["parties"].as_array().unwrap().iter().map(|p| p["seats"].as_u64().unwrap()).collect();
    assert_eq!(seats, [76, 12, 10, 0, 0]);
    assert_eq!(v[0]["parties"][3]["eligible"], false);
}

#[test]
fn non_utf8_and_binary_input_never_panic() {
    let dir = std::env::temp_dir().join(format!("tallyboard-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("binary.json");
    std::fs::write(&p, [0xff, 0xfe, 0x00, 0x7b]).unwrap();
    let (code, out, err) = run(&["validate", p.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("not UTF-8"), "{out}");
    assert!(!err.contains("panicked"));
    let deep = "[".repeat(100_000);
    let f = temp("deep.json", &deep);
    let (code, out, err) = run(&["validate", &f]);
    assert_eq!(code, 1);
    assert!(out.contains("nested too deeply"), "{out}{err}");
}

#[test]
fn render_writes_svg_with_98_seat_marks_png_csv_and_wikitext() {
    let dir = std::env::temp_dir().join(format!("tallyboard-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = |n: &str| dir.join(n).to_string_lossy().into_owned();
    let (code, o, e) = run(&["render", &data("kz-mazhilis-2021.json"), "--svg", &out("out.svg"), "--png", &out("out.png"),
        "--csv", &out("out.csv"), "--wikitext", &out("out.wiki"), "--width", "375", "--locale", "ru"]);
    assert_eq!(code, 0, "{o}{e}");
    let svg = std::fs::read_to_string(out("out.svg")).unwrap();
    assert_eq!(svg.matches("<circle").count(), 98);
    assert!(svg.contains("width=\"375\""));
    let png = std::fs::read(out("out.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    assert_eq!(width, 750, "PNG at 2x");
    assert_eq!(std::fs::read_to_string(out("out.csv")).unwrap().lines().count(), 6);
    let wiki = std::fs::read_to_string(out("out.wiki")).unwrap();
    assert!(wiki.contains("5\u{a0}148\u{a0}074"), "Russian grouping in the wikitable");
    // A bad document: the error card is still drawn, and the exit code says so.
    let bad = temp("bad-render.json", "{\"tallyboard\": 1, \"contests\": [}");
    let (code, _, e) = run(&["render", &bad, "--svg", &out("bad.svg")]);
    assert_eq!(code, 1);
    assert!(e.contains("bad-render.json:1:32"), "{e}");
    assert!(std::fs::read_to_string(out("bad.svg")).unwrap().contains("cannot be shown"));
}

/// What a newcomer tries first: the version, help on a command, a directory,
/// several files, and a mistyped locale or part (said, never ignored).
#[test]
fn version_help_directories_and_mistyped_options() {
    let (code, out, _) = run(&["--version"]);
    assert_eq!((code, out.trim()), (0, concat!("tallyboard ", env!("CARGO_PKG_VERSION"))));
    for cmd in ["render", "validate", "seats"] {
        let (code, out, err) = run(&[cmd, "--help"]);
        assert_eq!(code, 0, "{cmd} --help: {err}");
        assert!(out.contains("tallyboard render FILE"), "{cmd} --help prints the usage: {out}");
    }
    // validate DIR: every .json file in it.
    let dir = format!("{}/www/data", env!("CARGO_MANIFEST_DIR"));
    let (code, out, err) = run(&["validate", &dir]);
    let files = std::fs::read_dir(&dir).unwrap().filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "json")).count();
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().filter(|l| !l.starts_with(' ')).count(), files, "one summary line per file: {out}");
    // seats with several files.
    let (code, out, err) = run(&["seats", &data("kz-mazhilis-2021.json"), &data("kz-mazhilis-2023.json")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.matches("D'Hondt").count() + out.matches("Hare").count() + out.matches("largest remainder").count() >= 2, "{out}");
    // A locale or a part the CLI does not know is an error that says which.
    let (code, _, err) = run(&["render", &data("kz-mazhilis-2021.json"), "--svg", "-", "--locale", "xx"]);
    assert_eq!(code, 2);
    assert!(err.contains("--locale xx") && err.contains("en, ru, kk, uk, de, fr, es, pt, it, pl, tr, ar, he, zh, ja and hi"), "{err}");
    let (code, _, err) = run(&["render", &data("kz-mazhilis-2021.json"), "--svg", "-", "--parts", "title,hemicycel"]);
    assert_eq!(code, 2);
    assert!(err.contains("\"hemicycel\" is not a part") && err.contains("hemicycle"), "{err}");
    // German is known: numbers and words as German readers write them; Brazilian Portuguese
    // from Portuguese's catalogue; Hindi groups by lakh and crore.
    let (code, out, _) = run(&["render", &data("kz-mazhilis-2021.json"), "--wikitext", "-", "--locale", "de"]);
    assert_eq!(code, 0);
    assert!(out.contains("5.148.074") && out.contains("Sitze") && out.contains("Wahlbeteiligung"), "{out}");
    let (code, out, _) = run(&["render", &data("kz-mazhilis-2021.json"), "--svg", "-", "--locale", "pt-BR"]);
    assert_eq!(code, 0);
    assert!(out.contains("5.148.074") && out.contains("Cadeiras") && out.contains("10 de janeiro de 2021"), "{out}");
    let (code, out, _) = run(&["render", &data("kz-mazhilis-2021.json"), "--wikitext", "-", "--locale", "hi"]);
    assert_eq!(code, 0);
    assert!(out.contains("51,48,074"), "{out}");
}

/// `render FILE|DIR... --out-dir OUT --svg`: one card per contest of each input,
/// named after the input (and the contest's id when it has several).
#[test]
fn render_writes_one_file_per_contest_into_a_folder() {
    let out = std::env::temp_dir().join(format!("tallyboard-out-{}", std::process::id()));
    let out = out.to_string_lossy().into_owned();
    let (code, said, err) = run(&["render", &data("kz-mazhilis-2021.json"), &data("nur-otan-primaries.json"), "--out-dir", &out, "--svg", "--csv"]);
    assert_eq!(code, 0, "{err}");
    let mut names: Vec<String> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert!(names.contains(&"kz-mazhilis-2021.svg".to_string()) && names.contains(&"kz-mazhilis-2021.csv".to_string()), "{names:?}");
    // The primaries file holds three contests: three cards, each with only its own.
    let prim: Vec<&String> = names.iter().filter(|n| n.starts_with("nur-otan-primaries-") && n.ends_with(".svg")).collect();
    assert_eq!(prim.len(), 3, "{names:?}");
    let almaty = std::fs::read_to_string(format!("{out}/nur-otan-primaries-primaries-2016-almaty.svg")).unwrap();
    assert!(almaty.contains("Almaty") && !almaty.contains("Primaries of 2020"), "one contest a card");
    assert!(said.contains("8 files written"), "{said}");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn render_embed_writes_the_svg_inside_a_tally_board_element() {
    let file = data("kz-mazhilis-2021.json");
    let (code, out, err) = run(&["render", &file, "--svg", "-", "--embed"]);
    assert_eq!(code, 0, "{err}");
    // The element's src is the data file's name (beside the page), the SVG inside with its box set.
    assert!(out.starts_with("<tally-board src=\"kz-mazhilis-2021.json\">\n<svg display=\"block\" xmlns="), "{}", &out[..120]);
    assert!(out.trim_end().ends_with("</svg>\n</tally-board>"), "{}", &out[out.len() - 60..]);
    // The CLI's verdict is in it (the element shows it until the live card has validated the data).
    assert!(out.contains("Numbers checked: no errors"), "the verdict");
    let doc = roxmltree::Document::parse(out.trim_start_matches(|c| c != '\n').trim().trim_end_matches("</tally-board>")).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    // --src: any address, escaped as an attribute value.
    let (code, out, _) = run(&["render", &file, "--svg", "-", "--embed", "--src", "/results/a\"b&c.json"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("<tally-board src=\"/results/a&quot;b&amp;c.json\">"), "{}", &out[..80]);
    // What it does not take, said.
    let (code, _, err) = run(&["render", &file, "--svg", "-", "--src", "x.json"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--src") && err.contains("--embed"), "{err}");
    let (code, _, err) = run(&["render", &file, "--csv", "-", "--embed"]);
    assert_eq!(code, 2);
    assert!(err.contains("give --svg OUT"), "{err}");
    let (code, _, err) = run(&["render", &file, "--out-dir", "/tmp/x", "--embed"]);
    assert_eq!(code, 2);
    assert!(err.contains("one document's card"), "{err}");
}
