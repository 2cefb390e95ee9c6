//! The native number formatter against the browser's: every count and share in
//! the examples, in every locale this crate writes numbers for, formatted here
//! and by Node's `Intl.NumberFormat` (the ICU data browsers use), must be the same.
//! Node is part of what `make setup` installs; without it the test fails and says so.

use std::io::Write;
use std::process::{Command, Stdio};
use tallyboard::format::{decimal, grouped, percent, Locale};
use tallyboard::number::Decimal;

/// Every count and every decimal (with its printed precision) in www/data.
fn numbers() -> (Vec<u64>, Vec<String>) {
    let (mut counts, mut decimals) = (Vec::new(), Vec::new());
    fn walk(v: &serde_json::Value, key: &str, counts: &mut Vec<u64>, decimals: &mut Vec<String>) {
        match v {
            serde_json::Value::Number(n) if key != "tallyboard" => {
                let lit = n.to_string();
                if lit.contains('.') {
                    decimals.push(lit);
                } else if let Some(u) = n.as_u64() {
                    counts.push(u);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, key, counts, decimals)),
            serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| walk(x, k, counts, decimals)),
            _ => {}
        }
    }
    for e in std::fs::read_dir(format!("{}/www/data", env!("CARGO_MANIFEST_DIR"))).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            walk(&v, "", &mut counts, &mut decimals);
        }
    }
    counts.sort();
    counts.dedup();
    decimals.sort();
    decimals.dedup();
    (counts, decimals)
}

const NODE: &str = r#"
const { tags, counts, decimals } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = {};
for (const tag of tags) {
  const scale = (d) => (d.split('.')[1] || '').length;
  out[tag] = {
    counts: counts.map((n) => new Intl.NumberFormat(tag).format(n)),
    decimals: decimals.map((d) => new Intl.NumberFormat(tag, { minimumFractionDigits: scale(d), maximumFractionDigits: scale(d) }).format(Number(d))),
    percents: decimals.map((d) => new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: scale(d), maximumFractionDigits: scale(d) }).format(Number(d) / 100)),
  };
}
process.stdout.write(JSON.stringify(out));
"#;

#[test]
fn every_number_of_the_examples_is_written_as_intl_writes_it() {
    let (counts, decimals) = numbers();
    assert!(counts.len() > 50 && decimals.len() > 20, "{} counts, {} decimals", counts.len(), decimals.len());
    let tags = ["en", "ru", "kk", "de"];
    let input = serde_json::json!({ "tags": tags, "counts": counts, "decimals": decimals }).to_string();
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
    }
    assert!(differ.is_empty(), "{} differences, first: {:#?}", differ.len(), &differ);
}
