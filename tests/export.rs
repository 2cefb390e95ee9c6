//! CSV and wikitext exports: they round-trip, have one row per party, and
//! never let text from data act as a formula or as markup.

use tallyboard::export::{to_csv, to_wikitext, CSV_COLUMNS};

/// The CSV of a document's text.
fn csv(text: &str) -> String {
    let checked = tallyboard::check(text);
    to_csv(checked.document.as_ref().unwrap(), &checked.figures)
}

/// The wikitext of a document's text.
fn wikitext(text: &str, loc: &tallyboard::format::Locale) -> String {
    let checked = tallyboard::check(text);
    to_wikitext(checked.document.as_ref().unwrap(), &checked.figures, loc)
}

fn mazhilis() -> String {
    std::fs::read_to_string(format!("{}/www/data/kz-mazhilis-2021.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A strict RFC 4180 reader, written here so the test does not trust the writer.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    rows
}

#[test]
fn csv_round_trips() {
    let text = mazhilis();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rows = parse_csv(&csv(&text));
    assert_eq!(rows[0], CSV_COLUMNS);
    let parties = v["contests"][0]["parties"].as_array().unwrap();
    assert_eq!(rows.len(), 1 + parties.len());
    for (row, p) in rows[1..].iter().zip(parties) {
        assert_eq!(row.len(), CSV_COLUMNS.len());
        assert_eq!(row[3], p["name"].as_str().unwrap());
        assert_eq!(row[5], p["votes"].to_string());
        assert_eq!(row[7], p["seats"].to_string());
        // Percentages keep the source's literal.
        assert_eq!(row[6].parse::<f64>().unwrap(), p["percent"].as_f64().unwrap());
    }
    assert_eq!(rows[1][9], "-8", "Nur Otan 84 -> 76");
    assert!(text.contains("\"percent\": 9.1,") && rows[3][6] == "9.1");
}

#[test]
fn csv_neutralises_formulas_and_keeps_the_text() {
    let names = ["=HYPERLINK(\"http://evil\",\"x\")", "+SUM(A1:A9)", "-1+2", "@cmd", "a,b", "line\nbreak", "\"quoted\"", "Нұр Отан"];
    let parties: Vec<serde_json::Value> = names.iter().enumerate().map(|(i, n)| serde_json::json!({"name": n, "votes": i + 1})).collect();
    let d = serde_json::json!({"tallyboard": 1, "contests": [{"kind": "vote", "options": parties}]});
    let rows = parse_csv(&csv(&d.to_string()));
    for (row, name) in rows[1..].iter().zip(names) {
        let cell = &row[3];
        assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?} would run as a formula");
        let shown = if name.starts_with(['=', '+', '-', '@']) { format!("'{name}") } else { name.to_string() };
        assert_eq!(cell, &shown);
    }
}

#[test]
fn wikitext_has_one_row_per_party_and_the_totals() {
    let w = wikitext(&mazhilis(), &tallyboard::format::EN);
    assert!(w.starts_with("{| class=\"wikitable\""));
    assert!(w.trim_end().ends_with("|}"));
    let party_rows = w.lines().filter(|l| l.starts_with("| style=\"text-align:left\" | ")).count();
    assert_eq!(party_rows, 5);
    assert!(w.contains("| style=\"text-align:left\" | Nur Otan || 5,148,074 || 71.09 || 76 || −8"), "{w}");
    // The card's own table model: its ballot rows, its seat total, its words.
    assert!(w.contains("| Registered voters || 11,919,241 ||  ||  || \n"), "{w}");
    assert!(w.contains("| Turnout ||  || 63.25 ||  || \n"), "{w}");
    assert!(w.contains("| Total seats ||  ||  || 98 || \n"), "{w}");
    let ru = wikitext(&mazhilis(), &tallyboard::format::Locale::from_tag("ru"));
    assert!(ru.contains("5\u{a0}148\u{a0}074 || 71,09 || 76"), "{ru}");
    assert!(!ru.contains("Registered voters") && !ru.contains("Valid votes"), "{ru}");
    // Every row has the same number of cells as the header.
    let header_cells = 1 + w.lines().find(|l| l.starts_with("! ")).unwrap().matches("!!").count() + 1; // colspan=2
    for l in w.lines().filter(|l| l.starts_with("| style=\"text-align:left\" | ")) {
        assert_eq!(2 + l.matches("||").count(), header_cells, "{l}");
    }
}

#[test]
fn wikitext_escapes_markup_from_data() {
    let hostile = "[[Category:X]] {{Delete}} ''bold'' a|b <script>x</script> ~~~~ __NOTOC__ !! ||";
    let d = serde_json::json!({"tallyboard": 1, "title": hostile, "source": {"name": hostile, "url": "https://example.org/a b]|x"},
        "contests": [{"kind": "election", "title": hostile, "seats": 1, "parties": [{"name": hostile, "votes": 1, "seats": 1}]}]});
    let w = wikitext(&d.to_string(), &tallyboard::format::EN);
    for bad in ["[[", "{{", "''", "<script", "~~~", "__", "a|b", "!!"] {
        let data_lines: Vec<&str> = w.lines().filter(|l| l.contains("Category")).collect();
        for l in &data_lines {
            assert!(!l.contains(bad) || bad == "!!" && l.starts_with('!'), "{bad:?} survives in {l:?}");
        }
    }
    assert!(w.contains("[https://example.org/a%20b%5D%7Cx]"), "{w}");
}

#[test]
fn a_share_of_ballots_cast_is_the_same_in_every_output() {
    // The 2021 Mazhilis with its percentages taken of the 7,539,280 ballots cast:
    // Nur Otan's 5,148,074 votes are 68.28% of them (71.09% of the listed votes).
    let mut d: serde_json::Value = serde_json::from_str(&mazhilis()).unwrap();
    d["contests"][0]["percent_of"] = "cast".into();
    for p in d["contests"][0]["parties"].as_array_mut().unwrap() {
        p["percent"] = serde_json::Value::Null;
    }
    let text = d.to_string();
    let checked = tallyboard::check(&text);
    let (doc, figures) = (checked.document.as_ref().unwrap(), &checked.figures);
    let w = to_wikitext(doc, figures, &tallyboard::format::EN);
    assert!(w.contains("Nur Otan || 5,148,074 || 68.28 ||"), "{w}");
    let rows = parse_csv(&to_csv(doc, figures));
    let share = CSV_COLUMNS.iter().position(|&c| c == "share").unwrap();
    assert_eq!(rows[1][share], "68.28");
    let o = tallyboard::layout::Options::default();
    let table = tallyboard::layout::table_model(&doc.contests[0], &figures[0], &o);
    assert_eq!(table.percent[0], "68.28%");
    let (tip, _) = tallyboard::layout::tooltip(&doc.contests[0], &figures[0], 0, &o);
    assert_eq!(tip[1], "5,148,074 votes (68.28%)", "the tooltip: {tip:?}");
    let ru = tallyboard::layout::Options { locale: tallyboard::format::Locale::from_tag("ru"), ..tallyboard::layout::Options::default() };
    let (tip_ru, _) = tallyboard::layout::tooltip(&doc.contests[0], &figures[0], 0, &ru);
    assert!(tip_ru[1].contains("5\u{a0}148\u{a0}074") && tip_ru[1].contains("68,28"), "the Russian tooltip: {tip_ru:?}");
    let summary = tallyboard::layout::summary(doc, figures, &o);
    assert!(summary.contains("68.28%") && !summary.contains("71.09"), "{summary}");
    let svg = tallyboard::svg::to_svg(&tallyboard::render_scene(&text, &o, &tallyboard::layout::Approx, None).0);
    assert!(svg.contains(">68.28%<") && !svg.contains(">71.09%<"), "the bars show the share of ballots cast, at the table's precision");
}

/// Every number a reader sees in one locale's format: the card's table, the
/// tooltip, the CSV (as that locale's spreadsheets read it) and the wikitext.
/// Nur Otan, Mazhilis 2021: 5,148,074 votes, 71.09 % (the CEC's printed share).
#[test]
fn german_russian_and_kazakh_cards_write_every_number_in_their_format() {
    use tallyboard::layout::{table_model, tooltip, Options};
    let text = mazhilis();
    let checked = tallyboard::check(&text);
    let doc = checked.document.as_ref().unwrap();
    let (c, f) = (&doc.contests[0], &checked.figures[0]);
    for (tag, votes, share, csv_share) in [
        ("de", "5.148.074", "71,09\u{a0}%", "71,09"),
        ("ru", "5\u{a0}148\u{a0}074", "71,09\u{a0}%", "71,09"),
        ("kk", "5\u{a0}148\u{a0}074", "71,09%", "71,09"),
        ("en", "5,148,074", "71.09%", "71.09"),
    ] {
        let loc = tallyboard::format::Locale::from_tag(tag);
        let o = Options { locale: loc, words: tallyboard::catalogue::for_locale(tag), ..Options::default() };
        let t = table_model(c, f, &o);
        let row = t.names.iter().position(|n| n == "Nur Otan").unwrap();
        assert_eq!(t.votes[row], votes, "{tag}: table votes");
        assert_eq!(t.percent[row], share, "{tag}: table share");
        let (lines, tip_share) = tooltip(c, f, row, &o);
        assert_eq!(tip_share.as_deref(), Some(share), "{tag}: tooltip share");
        assert!(lines.iter().any(|l| l.contains(votes)), "{tag}: tooltip votes in {lines:?}");
        let csv = tallyboard::export::to_csv_in(doc, &checked.figures, &loc);
        let sep = if tag == "en" { "," } else { ";" };
        let nur = csv.lines().find(|l| l.contains("Nur Otan")).unwrap();
        // From the name on (the title before it is quoted: it holds a comma).
        let cells: Vec<&str> = nur[nur.find("Nur Otan").unwrap()..].split(sep).collect();
        assert_eq!(cells.len(), CSV_COLUMNS.len() - 3, "{tag}: {nur}");
        assert_eq!((cells[2], cells[3], cells[8]), ("5148074", csv_share, csv_share), "{tag}: {nur}");
        assert!(csv.starts_with(&CSV_COLUMNS.join(sep)), "{tag}: header");
        let wiki = to_wikitext(doc, &checked.figures, &loc);
        let line = wiki.lines().skip_while(|l| !l.contains("Nur Otan")).take(4).collect::<Vec<_>>().join(" ");
        assert!(line.contains(votes) && line.contains(share.trim_end_matches('%').trim_end_matches('\u{a0}')), "{tag}: wikitext {line}");
    }
}
