//! What the `<tally-board>` element shows around the card: its stylesheet (the
//! theme's colours, the card's sizes and font stack) and the words of its
//! controls in the card's locale. js/tally-board.js only hosts them: it holds
//! no word, colour, size or figure of its own (tests/element_source.rs).

use crate::contest::Rgb;
use crate::sizes;
use crate::theme::{Theme, DARK, LIGHT};
use crate::words::{counted, Words};

/// The element's words for one locale, as the element puts them on its controls.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Controls {
    /// The language of the words (for the `lang` attribute of the card's parts).
    pub lang: &'static str,
    /// The card's direction ("rtl" or "ltr": from the locale, not the words), for the `dir` of its parts.
    pub dir: &'static str,
    /// The labels of the groups of controls.
    pub coalition: String,
    pub download: String,
    pub rows: String,
    /// The caption of a results table that has none of its own.
    pub table: &'static str,
    pub prev: String,
    pub next: String,
    pub failed: &'static str,
    pub loading: &'static str,
    /// The export buttons: the format's name, the button's accessible name, the
    /// file kind, its media type and the downloaded file's name.
    pub exports: Vec<[String; 5]>,
}

/// The formats a card is exported in: the button's text, the file kind, its media type and file name.
const EXPORTS: [[&str; 4]; 4] = [
    ["PNG", "png", "image/png", "results.png"],
    ["SVG", "svg", "image/svg+xml", "results.svg"],
    ["CSV", "csv", "text/csv", "results.csv"],
    ["Wikitext", "wikitext", "text/plain", "results.txt"],
];

/// A group's label: the word and a colon.
fn label(word: &str) -> String {
    word.to_string() + ":"
}

pub fn controls(w: &Words) -> Controls {
    let e = &w.element;
    Controls {
        lang: w.lang,
        dir: "ltr",
        coalition: label(e.coalition),
        download: label(e.download),
        rows: label(e.rows),
        table: e.results_table,
        prev: "‹ ".to_string() + e.prev_rows,
        next: e.next_rows.to_string() + " ›",
        failed: e.failed,
        loading: e.loading,
        exports: EXPORTS
            .iter()
            .map(|[name, kind, media, file]| [name.to_string(), crate::format::fill(e.download_as, &[("{}", name)]), kind.to_string(), media.to_string(), file.to_string()])
            .collect(),
    }
}

/// The coalition builder's buttons: one per party with seats, in the table's
/// order, with the colour drawn on the card and the accessible name.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CoalitionButtons {
    /// Each button's line (index into the contest's list).
    pub party: Vec<usize>,
    pub names: Vec<String>,
    /// The language of each name, "" where the data does not say.
    pub langs: Vec<String>,
    pub seats: Vec<u64>,
    pub colors: Vec<String>,
    pub labels: Vec<String>,
}

/// The buttons of contest `c`, or none when no party has seats or when there
/// are more than [`sizes::MAX_COALITION`] (a row of thousands of buttons helps nobody).
pub fn coalition_buttons(c: &crate::contest::Contest, f: &crate::figures::Figures, o: &crate::layout::Options) -> Option<CoalitionButtons> {
    let party: Vec<usize> = f.order.iter().copied().filter(|&i| f.seats[i] > 0).collect();
    if !has_coalition(party.len()) {
        return None;
    }
    let color = |i: usize| crate::theme::party_on(c.parties[i].color, i, o.theme.background).hex();
    Some(CoalitionButtons {
        names: party.iter().map(|&i| c.parties[i].name.clone()).collect(),
        langs: if cfg!(feature = "full") { party.iter().map(|&i| c.parties[i].lang.clone().unwrap_or_default()).collect() } else { Vec::new() },
        seats: party.iter().map(|&i| f.seats[i]).collect(),
        colors: party.iter().map(|&i| color(i)).collect(),
        labels: party.iter().map(|&i| add_label(o.words, &c.parties[i].name, f.seats[i], &o.locale)).collect(),
        party,
    })
}

/// Whether a contest with `parties` parties with seats has a coalition builder: one or more, up to
/// [`sizes::MAX_COALITION`] (a row of thousands of buttons helps nobody).
fn has_coalition(parties: usize) -> bool {
    (1..=sizes::MAX_COALITION).contains(&parties)
}

/// The rows of the element's toolbars under its card (the canvas's `data-tools`): `pager` for a
/// table of more than one page, `coalition` where the builder has buttons (see
/// [`coalition_buttons`]), and `exports`; the page turns the last two off with the attributes of
/// those names.
pub fn tools(scene: &crate::layout::Scene, checked: &crate::Checked) -> &'static str {
    let coalition = checked.figures.first().is_some_and(|f| has_coalition(f.seats.iter().filter(|&&s| s > 0).count()));
    ["exports", "coalition exports", "pager exports", "pager coalition exports"][usize::from(scene.pages > 1) * 2 + usize::from(coalition)]
}

/// One finding as the element lists it in HTML: its severity (a key and a
/// label), its message and where it is.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FindingItem {
    pub severity: &'static str,
    pub label: &'static str,
    pub message: String,
    pub place: String,
}

/// The validator's findings, for a real HTML list that assistive technology reads.
pub fn findings(report: &crate::report::Report, w: &Words) -> Vec<FindingItem> {
    use crate::report::Severity;
    report
        .findings
        .iter()
        .map(|f| {
            let k = match f.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            };
            FindingItem { severity: f.severity.word(), label: w.severity[k], message: f.message.clone(), place: crate::layout::place(f, w) }
        })
        .collect()
}

/// The accessible name of a party's coalition button: its visible text (the
/// name) first (WCAG 2.5.3), then its seats and what the button does.
pub fn add_label(w: &Words, party: &str, seats: u64, locale: &crate::format::Locale) -> String {
    let e = &w.element;
    party.to_string() + " (" + &counted(crate::format::grouped(seats, locale), seats, &e.seat_forms, w) + "): " + e.add_to_coalition
}

/// "Page 2 of 17" for the pager's live region.
pub fn page_status(w: &Words, page: usize, pages: usize) -> String {
    w.element.page.to_string() + " " + &crate::format::int(page as u64 + 1) + " " + w.of + " " + &crate::format::int(pages as u64)
}

/// The live region's line after an update (read out when it changes): who
/// leads, with how many seats of the body or with what share.
pub fn headline(c: &crate::contest::Contest, f: &crate::figures::Figures, o: &crate::layout::Options) -> String {
    let e = &o.words.element;
    let Some(&top) = f.order.iter().max_by_key(|&&i| (f.seats[i], std::cmp::Reverse(i))) else { return String::new() };
    let num = |n: u64| crate::format::grouped(n, &o.locale);
    if f.seats[top] > 0 {
        let reached = f.seats[top] >= f.majority.unwrap_or(f.body / 2 + 1);
        let t = if reached { e.majority_seats } else { e.leads_seats };
        return crate::format::fill(t, &[("{party}", &c.parties[top].name), ("{seats}", &num(f.seats[top])), ("{body}", &num(f.body))]);
    }
    // No seats yet: the largest share.
    let share = |i: usize| f.vote_share[i].map(|s| s.approx());
    let by_share = (0..c.parties.len()).filter(|&i| share(i).is_some()).max_by(|&a, &b| {
        share(a).partial_cmp(&share(b)).unwrap_or(std::cmp::Ordering::Equal).then(b.cmp(&a))
    });
    let line = by_share.and_then(|i| Some((i, f.vote_percent[i]?)));
    line.map(|(i, s)| crate::format::fill(e.leads_share, &[("{party}", &c.parties[i].name), ("{share}", &crate::format::percent(&s, &o.locale))]))
        .unwrap_or_default()
}

/// An update that failed over a card that is kept: the reason, and when the
/// card's figures are from (their `as_of`, else when they were loaded: `loaded`
/// seconds since 1970 at `offset` minutes east of UTC).
pub fn not_updated(w: &Words, reason: &str, as_of: Option<&str>, loaded: i64, offset: i32) -> String {
    let e = &w.element;
    let when = as_of.and_then(crate::count::Time::parse).unwrap_or_else(|| crate::count::Time::at(loaded, offset));
    crate::format::fill(e.not_updated, &[("{}", reason)]) + " " + &crate::format::fill(e.shown_as_of, &[("{}", &when.clock())])
}

/// A load that failed, said as one: "could not load results.json: HTTP 404".
pub fn load_error(w: &Words, src: &str, status: Option<u16>, reason: &str) -> String {
    let what = match status {
        Some(code) => "HTTP ".to_string() + &crate::format::int(code as u64),
        None => reason.chars().take(200).collect(),
    };
    crate::format::fill(w.element.could_not_load, &[("{}", src)]) + ": " + &what
}

/// The colours of the element's controls in a theme, as CSS custom properties.
fn colors(t: &Theme) -> String {
    let pairs: [(&str, Rgb); 10] = [
        ("text", t.text),
        ("background", t.background),
        ("focus", t.focus),
        ("button", t.background),
        ("button-text", t.text),
        ("border", t.control),
        ("pressed", t.text),
        ("pressed-text", t.background),
        ("rule", t.rule),
        ("error", t.error),
    ];
    pairs.iter().map(|(name, c)| "--_".to_string() + name + ": " + &c.hex() + "; ").collect()
}

fn px(v: f64) -> String {
    crate::format::int(v as u64) + "px"
}

/// The element's stylesheet (adopted by its shadow root: no inline style, so a
/// `style-src 'self'` policy allows it). Every colour can be set from the page
/// with a `--tallyboard-*` custom property.
pub fn style() -> String {
    let mut css = String::new();
    css += ":host { display: block; position: relative; container-type: inline-size; font-family: var(--tallyboard-font, ";
    css += sizes::FONT;
    css += "); ";
    css += &colors(&LIGHT);
    css += "color: var(--tallyboard-text, var(--_text)); background: var(--tallyboard-background, var(--_background)); }\n";
    css += ":host([theme=\"dark\"]) { ";
    css += &colors(&DARK);
    css += "}\n@media (prefers-color-scheme: dark) { :host([theme=\"auto\"]), :host(:not([theme])) { ";
    css += &colors(&DARK);
    css += "} }\n";
    css += CARD;
    if !cfg!(feature = "full") {
        return css;
    }
    css += CONTROLS;
    // The card's own side margin, narrow and from the breakpoint on (as the layout's).
    css += ".tools { padding: 0 var(--tallyboard-padding, ";
    css += &px(sizes::PAD_NARROW);
    css += "); }\n@container (min-width: ";
    css += &px(sizes::NARROW);
    css += ") { .tools { padding: 0 var(--tallyboard-padding, ";
    css += &px(sizes::PAD);
    css += "); } th, td { padding: 3px 8px; } }\n";
    css
}

/// The rules that do not depend on the theme or the card's sizes: the card's (the first paint's too).
/// (Under the first paint's card, the rows its toolbars will take: `--_tools`, set by the element,
/// times sizes::TOOLS_ROW, as the toolbars' own height in CONTROLS; a test holds them to it.)
const CARD: &str = r#".card { position: relative; min-height: 40px; margin-bottom: calc(var(--_tools, 0) * 50px); }
.card canvas { display: block; max-width: 100%; }
.fallback[hidden] { display: none; }
.notice { margin: var(--tallyboard-gap, 8px) 0; padding: 8px 12px; font-size: 14px; border-inline-start: 4px solid var(--tallyboard-error, var(--_error));
  background: var(--tallyboard-background, var(--_background)); color: var(--tallyboard-text, var(--_text)); }
.notice[hidden] { display: none; }
"#;

/// The rules of a full card's controls, tooltip and HTML tables (not in the first paint's module:
/// the element replaces the first paint's stylesheet with the full module's; a card that starts
/// from a CLI SVG starts with the full module: its rules are here too).
const CONTROLS: &str = r#"::slotted(svg) { max-width: 100%; height: auto; }
.card.svg-first { min-height: 0; }
.card canvas:focus-visible, button:focus-visible { outline: 3px solid var(--tallyboard-focus, var(--_focus)); outline-offset: 2px; }
.card canvas:focus-visible { outline-offset: -3px; }
.tip { position: absolute; pointer-events: none; background: var(--tallyboard-tip-background, var(--_text)); color: var(--tallyboard-tip-text, var(--_background));
  font-size: 13px; line-height: 1.35; padding: 6px 8px; border-radius: 4px; max-width: 260px; z-index: 2; white-space: normal; }
.tip[hidden] { display: none; }
.tools { display: flex; flex-wrap: wrap; column-gap: var(--tallyboard-gap, 8px); align-items: center; margin: 0; min-height: 50px; font-size: 14px; box-sizing: border-box; }
.tools[hidden] { display: none; }
button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 4px; cursor: pointer;
  border: 1px solid var(--tallyboard-border, var(--_border)); background: var(--tallyboard-button, var(--_button)); color: var(--tallyboard-button-text, var(--_button-text)); }
button[aria-pressed="true"] { background: var(--tallyboard-pressed, var(--_pressed)); color: var(--tallyboard-pressed-text, var(--_pressed-text));
  border-color: var(--tallyboard-pressed, var(--_pressed)); }
button[aria-disabled="true"] { opacity: 0.55; cursor: default; }
button[aria-pressed="true"]::after { content: "\2713" / ""; margin-inline-start: 6px; }
/* One row each, of a fixed height (sizes::TOOLS_ROW): buttons that do not fit scroll sideways, their
   scroll bar inside the row (the buttons, centred, move up for it; the padding keeps their focus ring
   in), and a coalition's sum, once asked for, goes below them. */
.buttons { display: flex; align-items: center; gap: var(--tallyboard-gap, 8px); flex: 1 1 0; min-width: 0; height: 50px; box-sizing: border-box;
  overflow-x: auto; overflow-y: hidden; padding: 0 6px; margin: 0 -6px; scrollbar-width: thin; }
.buttons > button { flex: none; white-space: nowrap; }
.sum { flex-basis: 100%; padding-bottom: 6px; font-weight: bold; }
.sum:empty { display: none; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-inline-end: 6px; border-radius: 2px; vertical-align: baseline; box-shadow: 0 0 0 1px var(--_background); }
table { border-collapse: collapse; font-size: 14px; margin: 8px 0; overflow-wrap: normal; word-break: normal; hyphens: manual; }
caption { text-align: start; font-weight: bold; padding: 4px 0; }
th, td { padding: 3px 4px; text-align: end; border-bottom: 1px solid var(--tallyboard-rule, var(--_rule)); }
th:first-child, td:first-child { text-align: start; }
td { white-space: nowrap; }
table[dir="rtl"] th, table[dir="rtl"] td { text-align: right; }
.tables:not(.hidden-table) { max-width: 100%; overflow-x: auto; }
.hidden-table { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.findings-list { margin: 8px 0; padding-inline-start: 20px; font-size: 14px; }
.findings-list:empty { display: none; }
.findings-list [data-severity="error"] strong { color: var(--tallyboard-error, var(--_error)); }
@media print { .tools, .tip, .notice[role="status"] { display: none; } .card canvas { max-width: 100%; height: auto !important; } }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_coalition_row_is_kept_where_the_builder_has_buttons() {
        // (An election with three parties with seats, and a congress's vote, which has none.)
        for (text, has) in [(include_str!("../www/data/kz-mazhilis-2021.json"), true), (include_str!("../www/data/amanat-renaming-congress-2022.json"), false)] {
            let checked = crate::check(text);
            let o = crate::layout::Options::default();
            let scene = crate::scene_of(&checked, &o, &crate::layout::Approx, None);
            let buttons = coalition_buttons(&checked.document.as_ref().unwrap().contests[0], &checked.figures[0], &o);
            assert_eq!((tools(&scene, &checked).contains("coalition"), buttons.is_some()), (has, has), "{}", tools(&scene, &checked));
            assert!(tools(&scene, &checked).ends_with("exports"));
        }
    }

    #[test]
    fn the_rows_kept_for_the_toolbars_are_as_high_as_the_toolbars() {
        let row = format!("{}px", sizes::TOOLS_ROW);
        assert!(CARD.contains(&format!("margin-bottom: calc(var(--_tools, 0) * {row})")), "{CARD}");
        assert!(CONTROLS.contains(&format!(".tools {{ display: flex; flex-wrap: wrap; column-gap: var(--tallyboard-gap, 8px); align-items: center; margin: 0; min-height: {row};")));
        assert!(CONTROLS.contains(&format!("flex: 1 1 0; min-width: 0; height: {row}; box-sizing: border-box;")));
    }
    use crate::catalogue::for_locale;
    use crate::words::EN;
    use crate::format::Locale;

    #[test]
    fn the_stylesheet_carries_the_themes_colours_and_the_cards_sizes() {
        let css = style();
        for t in [LIGHT, DARK] {
            assert!(css.contains(&("--_text: ".to_string() + &t.text.hex())), "{css}");
            assert!(css.contains(&("--_focus: ".to_string() + &t.focus.hex())));
        }
        assert!(css.contains("@container (min-width: 420px)"));
        assert!(css.contains(sizes::FONT));
        // Braces balance: one rule never swallows the next.
        assert_eq!(css.matches('{').count(), css.matches('}').count());
    }

    #[test]
    fn coalition_buttons_are_named_with_the_plural_of_their_language() {
        let (ru_w, kk_w, ru) = (for_locale("ru"), for_locale("kk"), Locale::from_tag("ru"));
        assert_eq!(add_label(ru_w, "Аманат", 62, &ru), "Аманат (62 места): добавить в коалицию");
        assert_eq!(add_label(ru_w, "Ак жол", 1, &ru), "Ак жол (1 место): добавить в коалицию");
        assert_eq!(add_label(ru_w, "Ауыл", 5, &ru), "Ауыл (5 мест): добавить в коалицию");
        assert_eq!(add_label(&EN, "Amanat", 1, &crate::format::EN), "Amanat (1 seat): add to the coalition");
        assert_eq!(add_label(kk_w, "Аманат", 62, &Locale::from_tag("kk")), "Аманат (62 орын): коалицияға қосу");
    }

    #[test]
    fn the_coalition_builder_offers_the_parties_with_seats_in_the_cards_colours() {
        let checked = crate::check(include_str!("../www/data/kz-mazhilis-2021.json"));
        let (c, f) = (&checked.document.as_ref().unwrap().contests[0], &checked.figures[0]);
        let dark = crate::layout::Options { theme: DARK, ..crate::layout::Options::default() };
        let b = coalition_buttons(c, f, &dark).unwrap();
        assert_eq!(b.seats, [76, 12, 10]);
        assert_eq!(b.labels[0], "Nur Otan (76 seats): add to the coalition");
        // Ak Zhol's navy, lightened on the dark card as the canvas draws it.
        assert_eq!(b.colors[1], crate::theme::legible(Rgb(0x1c, 0x3f, 0x94), DARK.background).hex());
        assert_ne!(b.colors[1], "#1c3f94");
        // A hundred parties with seats: no row of a hundred buttons.
        let parties: Vec<String> = (0..100).map(|i| format!(r#"{{"name":"P{i}","votes":{},"seats":1}}"#, 100 + i)).collect();
        let text = format!(r#"{{"tallyboard":1,"title":"t","contests":[{{"kind":"election","id":"x","seats":100,"parties":[{}]}}]}}"#, parties.join(","));
        let many = crate::check(&text);
        let o = crate::layout::Options::default();
        assert!(coalition_buttons(&many.document.as_ref().unwrap().contests[0], &many.figures[0], &o).is_none());
    }

    #[test]
    fn the_live_region_says_who_leads_and_a_failed_update_when_the_card_is_from() {
        let checked = crate::check(include_str!("../www/data/kz-mazhilis-2021.json"));
        let (c, f) = (&checked.document.as_ref().unwrap().contests[0], &checked.figures[0]);
        let o = crate::layout::Options::default();
        assert_eq!(headline(c, f, &o), "Nur Otan has a majority: 76 of 98 seats");
        let ru = crate::layout::Options { locale: Locale::from_tag("ru"), words: for_locale("ru"), ..o };
        assert_eq!(headline(c, f, &ru), "Nur Otan получает большинство: 76 из 98 мест");
        // A name that looks like a placeholder is said as it is.
        let mut named = c.clone();
        named.parties[0].name = "{seats} of {body}".to_string();
        assert_eq!(headline(&named, f, &o), "{seats} of {body} has a majority: 76 of 98 seats");
        let reason = load_error(&EN, "results.json", Some(500), "");
        assert_eq!(not_updated(&EN, &reason, Some("2021-01-10T23:41:00+06:00"), 0, 0), "Not updated: could not load results.json: HTTP 500. These are the results as of 23:41.");
        // No as_of: the time it was loaded, on the reader's clock (UTC+5:30 here).
        assert_eq!(not_updated(&EN, &reason, None, 1_610_300_460, 330), "Not updated: could not load results.json: HTTP 500. These are the results as of 23:11.");
    }

    #[test]
    fn findings_are_listed_with_severity_message_and_place() {
        let checked = crate::check("{\"tallyboard\": 1, \"contests\": [}");
        let list = findings(&checked.report, for_locale("ru"));
        assert_eq!((list[0].severity, list[0].label), ("error", "Ошибка"));
        assert!(list[0].place.contains("строка 1, столбец"), "{:?}", list[0]);
        let en = findings(&checked.report, &EN);
        assert!(en[0].message.starts_with("not valid JSON") && en[0].place.starts_with("line 1, column "), "{:?}", en[0]);
    }

    #[test]
    fn controls_pager_and_load_errors_are_worded_per_locale() {
        let kk = controls(for_locale("kk"));
        assert_eq!(kk.exports[0][1], "PNG жүктеп алу");
        let en = controls(&EN);
        assert_eq!(en.exports[3][..3], ["Wikitext".to_string(), "Download Wikitext".to_string(), "wikitext".to_string()]);
        assert_eq!((en.coalition.as_str(), en.prev.as_str()), ("Build a coalition:", "‹ Previous rows"));
        assert_eq!(page_status(for_locale("ru"), 1, 17), "Страница 2 из 17");
        assert_eq!(load_error(&EN, "results.json", Some(404), "Not Found"), "could not load results.json: HTTP 404");
        assert_eq!(load_error(for_locale("ru-RU"), "r.json", None, "Failed to fetch"), "не удалось загрузить r.json: Failed to fetch");
        assert_eq!((for_locale("de-AT").lang, for_locale("nl").lang), ("de", "en"));
    }
}
