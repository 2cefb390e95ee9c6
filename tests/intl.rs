//! The native formatter against the browser's: every count and share in the
//! examples, every date of the examples and of each month, and the plural
//! category of every count up to 1,000 and some millions, in every locale the
//! CLI supports (the languages with a catalogue), written here and by Node's
//! `Intl.NumberFormat`, `Intl.DateTimeFormat` and `Intl.PluralRules` (the ICU
//! data browsers use), must be the same. Node is part of what `make setup`
//! installs; without it the test fails and says so.

use std::io::Write;
use std::process::{Command, Stdio};
use tallyboard::catalogue::TAGS;
use tallyboard::format::{date, decimal, grouped, percent, Locale};
use tallyboard::plural::{self, NAMES};
use tallyboard::number::Decimal;

/// Every count and every decimal (with its printed precision) in www/data, and every date.
fn numbers() -> (Vec<u64>, Vec<String>, Vec<String>) {
    let (mut counts, mut decimals, mut dates) = (Vec::new(), Vec::new(), Vec::new());
    fn walk(v: &serde_json::Value, key: &str, counts: &mut Vec<u64>, decimals: &mut Vec<String>, dates: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) if key == "date" => dates.push(s.clone()),
            serde_json::Value::Number(n) if key != "tallyboard" => {
                let lit = n.to_string();
                if lit.contains('.') {
                    decimals.push(lit);
                } else if let Some(u) = n.as_u64() {
                    counts.push(u);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, key, counts, decimals, dates)),
            serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| walk(x, k, counts, decimals, dates)),
            _ => {}
        }
    }
    for e in std::fs::read_dir(format!("{}/www/data", env!("CARGO_MANIFEST_DIR"))).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            walk(&v, "", &mut counts, &mut decimals, &mut dates);
        }
    }
    counts.sort();
    counts.dedup();
    decimals.sort();
    decimals.dedup();
    // Each month, a leap day and a year with fewer digits, beside the examples' own dates.
    dates.extend((1..=12).map(|m| format!("2024-{m:02}-{:02}", m + 10)).chain(["2024-02-29".into(), "0999-01-01".into()]));
    dates.sort();
    dates.dedup();
    (counts, decimals, dates)
}

const NODE: &str = r#"
const { tags, counts, decimals, dates, plurals } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = {};
for (const tag of tags) {
  const scale = (d) => (d.split('.')[1] || '').length;
  // English cards write the day first, as British English does.
  const day = new Intl.DateTimeFormat(tag === 'en' ? 'en-GB' : tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const rules = new Intl.PluralRules(tag);
  out[tag] = {
    dates: dates.map((d) => day.format(new Date(d + 'T00:00:00Z'))),
    plurals: plurals.map((n) => rules.select(n)),
    counts: counts.map((n) => new Intl.NumberFormat(tag).format(n)),
    decimals: decimals.map((d) => new Intl.NumberFormat(tag, { minimumFractionDigits: scale(d), maximumFractionDigits: scale(d) }).format(Number(d))),
    percents: decimals.map((d) => new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: scale(d), maximumFractionDigits: scale(d) }).format(Number(d) / 100)),
  };
}
process.stdout.write(JSON.stringify(out));
"#;

#[test]
fn every_number_of_the_examples_is_written_as_intl_writes_it() {
    let (counts, decimals, dates) = numbers();
    assert!(counts.len() > 50 && decimals.len() > 20 && dates.len() > 20, "{} counts, {} decimals, {} dates", counts.len(), decimals.len(), dates.len());
    let plurals: Vec<u64> = (0..=1000).chain([1_000_000, 2_000_000, 1_000_001, 3_000_000_000]).collect();
    let tags = TAGS;
    let input = serde_json::json!({ "tags": tags, "counts": counts, "decimals": decimals, "dates": dates, "plurals": plurals }).to_string();
    let mut node = Command::new("node").arg("-e").arg(NODE).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("node (installed by make setup) runs");
    node.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = node.wait_with_output().unwrap();
    let intl: serde_json::Value = serde_json::from_slice(&out.stdout).expect("node printed JSON");
    let mut differ = Vec::new();
    for tag in tags {
        let loc = Locale::known(tag).unwrap();
        for (i, n) in counts.iter().enumerate() {
            let (ours, theirs) = (grouped(*n, &loc), intl[tag]["counts"][i].as_str().unwrap().to_string());
            if ours != theirs {
                differ.push(format!("{tag} {n}: ours {ours:?}, Intl {theirs:?}"));
            }
        }
        for (i, lit) in decimals.iter().enumerate() {
            let d = Decimal::parse(lit).unwrap();
            for (kind, ours) in [("decimals", decimal(&d, &loc)), ("percents", percent(&d, &loc))] {
                let theirs = intl[tag][kind][i].as_str().unwrap().to_string();
                if ours != theirs {
                    differ.push(format!("{tag} {kind} {lit}: ours {ours:?}, Intl {theirs:?}"));
                }
            }
        }
        for (i, d) in dates.iter().enumerate() {
            let (ours, theirs) = (date(d, &loc), intl[tag]["dates"][i].as_str().unwrap().to_string());
            if ours != theirs {
                differ.push(format!("{tag} date {d}: ours {ours:?}, Intl {theirs:?}"));
            }
        }
        let rule = plural::of(tag).unwrap();
        for (i, n) in plurals.iter().enumerate() {
            let (ours, theirs) = (NAMES[rule.select(*n) as usize], intl[tag]["plurals"][i].as_str().unwrap());
            if ours != theirs {
                differ.push(format!("{tag} plural of {n}: ours {ours}, Intl {theirs}"));
            }
        }
    }
    assert!(differ.is_empty(), "{} differences, first: {:#?}", differ.len(), &differ);
}
