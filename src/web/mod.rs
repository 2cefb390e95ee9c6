//! The wasm front: `render(element, data, options)`, `validate(data)`,
//! `toSvg(data, options)`. Thin: parsing, checking and layout are the core's;
//! this file owns the canvas, devicePixelRatio, resizing and clicks.

// The card on a canvas (its state, events and calls), and what the element asks of it: the full
// module's. The first paint's module draws into a display list that the element paints (`first`).
#[cfg(feature = "full")]
mod card;
#[cfg(not(feature = "full"))]
mod first;
// The locale's numbers, dates and words (the intl module's: the others write English).
mod console;
mod intl;
mod measure;
mod words;
#[cfg(feature = "full")]
mod said;

#[cfg(feature = "full")]
pub use card::{export_canvas, render, Card};

use crate::layout::{self, Options};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS: &'static str = r#"
/** Results in the tallyboard format v1: an object or its JSON text. */
export type TallyboardData = object | string;
export interface TallyboardOptions {
  /** CSS pixels; default: the container's width. */
  width?: number;
  /** "light", "dark" or "auto" (the default: follows prefers-color-scheme). */
  theme?: "light" | "dark" | "auto";
  /** A BCP 47 tag (default "en"). In tallyboard_intl.js: numbers, percentages and dates as the browser's Intl
   * writes them for it (English: the card's own, 5,148,074 and 10 January 2021), the words from `words`; an
   * unknown tag, or a language whose words were not given, is said by a console warning, and the words are
   * English. tallyboard.js writes English only (and says so on the console for any other locale). */
  locale?: string;
  /** The card's words over English: a catalogue (the package's `locales/<tag>.json`, e.g. fetched from
   * `new URL('./locales/de.json', import.meta.url)`, as an object or its JSON text), some words of it
   * (`{"seats": "Mandate", "element": {"coalition": "Koalition bauen"}}`), or a list of them, later ones over
   * earlier. A word that is not text, is empty, or has other placeholders than English's is left out with a
   * console warning. `catalogueOf(locale)` names the catalogue of a locale. */
  words?: TallyboardWords | string | (TallyboardWords | string)[];
  /** Parts to show, e.g. ["title", "badge", "hemicycle", "bars", "table", "source", "notes"]. */
  parts?: string[] | string;
  /** Open the list of findings (default: open when there are errors). */
  findings?: boolean;
  /** Device pixels per CSS pixel (default: window.devicePixelRatio); 2 for a 2x PNG export. */
  pixelRatio?: number;
  /** Font family for the canvas (a CSS font-family list). */
  font?: string;
  /** Lay the text out by the CLI's width estimate, as `tallyboard render --svg` does (default false):
   * the card then matches a CLI-rendered SVG line for line (the element sets it when it replaces one). */
  estimate?: boolean;
  /** Colours over the theme's, as #rrggbb: background, text, muted, rule, stripe, ok, warn, error, unassigned. */
  colors?: Partial<Record<"background" | "text" | "muted" | "rule" | "stripe" | "ok" | "warn" | "error" | "unassigned", string>>;
}
/** A catalogue, or part of one: the keys of `locales/en.json` (nested: "element", "count"); plural forms by CLDR category. */
export interface TallyboardWords {
  lang?: string;
  [key: string]: string | string[] | Partial<Record<"zero" | "one" | "two" | "few" | "many" | "other", string>> | TallyboardWords | undefined;
}
/** The tag of the catalogue that holds a locale's words ("pt" for "pt-BR"); "" for English and for a language without
 * one (and always "" from tallyboard.js, which writes English only: tallyboard_intl.js reads catalogues). */
export function catalogueOf(locale: string): string;
export interface TallyboardFinding {
  severity: "error" | "warning" | "info";
  code: string;
  /** JSON Pointer into the data, e.g. "/contests/0/parties/1/seats". */
  path: string;
  message: string;
  line?: number;
  column?: number;
}
/** Render results into `element` (a canvas is added to it) and keep it up to date. */
export function render(element: Element, data: TallyboardData, options?: TallyboardOptions): Card;
export function validate(data: TallyboardData): TallyboardReport;
export function toSvg(data: TallyboardData, options?: TallyboardOptions): string;
/** The CSV as a spreadsheet in `options.locale` reads it: `;`-separated with decimal commas where decimals take a comma. */
export function toCsv(data: TallyboardData, options?: TallyboardOptions): string;
export function toWikitext(data: TallyboardData, options?: TallyboardOptions): string;
/** What is under a point of the card (see Card.hitAt). */
export interface TallyboardHit {
  kind: "party" | "seat" | "badge";
  contest: number;
  party: number;
  name: string;
  votes?: number;
  /** The vote share as the card shows it, in the card's locale. */
  percent?: string;
  seats?: number;
  /** The tooltip's lines, worded and formatted in the card's locale. */
  lines: string[];
}
/** One contest's results table, formatted for the locale (see Card.tables). */
export interface TallyboardTable {
  caption: string;
  head: string[];
  names: string[];
  colors: string[];
  votes: string[];
  percent: string[];
  seats: string[];
  change: string[];
  /** The change of vote share since the previous election (±pp), when previous shares are given. */
  swing: string[];
  /** On a count still open, with the "projection" part: the seats the rules give on the votes so far. */
  projection: string[];
  /** Every row's cells after its name, in the order of `head`. */
  cells: string[][];
  foot: [string, string, string][];
  /** Each row's line (index into the contest's list): party lists first, then the other lines. */
  party: number[];
  /** Each row's seats as a number. */
  seat_counts: number[];
  /** Rows from this index on are not party lists. */
  lists_end: number;
  district: string[];
  list: string[];
  /** Footnotes to the marks after names. */
  notes: string[];
  /** The seat total (the body), when seats are shown. */
  seat_total: string | null;
  seat_total_label: string;
}
export interface TallyboardReport {
  ok: boolean;
  errors: number;
  warnings: number;
  info: number;
  findings: TallyboardFinding[];
}
"#;

#[cfg(feature = "full")]
#[derive(serde::Serialize)]
struct ReportView<'a> {
    ok: bool,
    errors: usize,
    warnings: usize,
    info: usize,
    findings: &'a [crate::report::Finding],
}

#[cfg(feature = "full")]
fn report_value(r: &crate::report::Report) -> JsValue {
    let v = ReportView {
        ok: !r.has_errors(),
        errors: r.errors(),
        warnings: r.count(crate::report::Severity::Warning),
        info: r.count(crate::report::Severity::Info),
        findings: &r.findings,
    };
    serde_wasm_bindgen::to_value(&v).unwrap_or(JsValue::NULL)
}

/// The data as JSON text: a string is taken as is, anything else is stringified.
fn text_of(data: &JsValue) -> String {
    if let Some(s) = data.as_string() {
        return s;
    }
    if data.is_undefined() || data.is_null() {
        return String::new();
    }
    js_sys::JSON::stringify(data).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

fn get(o: &JsValue, key: &str) -> JsValue {
    if !o.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(o, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

#[wasm_bindgen]
extern "C" {
    /// The page's `matchMedia(query)`, called by name (not through web-sys's window, whose lookup
    /// of the global object the first paint's module would carry: 0.5 KB); an error where there is none.
    #[wasm_bindgen(js_name = matchMedia, catch)]
    fn match_media(query: &str) -> Result<JsValue, JsValue>;
}

fn prefers_dark() -> bool {
    match_media("(prefers-color-scheme: dark)").is_ok_and(|m| get(&m, "matches").as_bool() == Some(true))
}

/// Options from a JS object; `fallback_width` when no width is given.
fn options(o: &JsValue, fallback_width: f64) -> Options {
    let mut opts = Options { width: fallback_width, ..Options::default() };
    if let Some(w) = get(o, "width").as_f64() {
        if w.is_finite() && w > 0.0 {
            opts.width = w;
        }
    }
    // No theme given: the reader's system setting, as "auto".
    opts.theme = match get(o, "theme").as_string().as_deref() {
        Some("dark") => crate::theme::DARK,
        Some("light") => crate::theme::LIGHT,
        _ if prefers_dark() => crate::theme::DARK,
        _ => crate::theme::LIGHT,
    };
    // Any locale in the intl module; the others write English (Options' default): the first
    // paint's module draws English cards only, the full one says so of any other.
    let locale = get(o, "locale").as_string().unwrap_or_default();
    if cfg!(feature = "intl") {
        opts.locale = intl::locale(&locale);
        opts.words = words::of(o, &locale);
        opts.rtl = crate::format::rtl(&locale);
    } else if cfg!(feature = "full") {
        english_only(o, &locale);
    }
    let parts = get(o, "parts");
    if let Some(s) = parts.as_string() {
        opts.parts = layout::Parts::from_list(&s);
    } else if cfg!(feature = "full") && js_sys::Array::is_array(&parts) {
        // (A list of parts: the API's render(); the element, which the first paint's module draws for, gives text.)
        let list: Vec<String> = js_sys::Array::from(&parts).iter().filter_map(|v| v.as_string()).collect();
        opts.parts = layout::Parts::from_list(&crate::format::join(&list, ","));
    }
    // (The first paint's card lists no finding.)
    opts.findings_open = if cfg!(feature = "full") { get(o, "findings").as_bool() } else { None };
    // Colours from the page (e.g. CSS custom properties read by the element).
    let colors = get(o, "colors");
    if colors.is_object() {
        for name in crate::theme::COLOR_NAMES {
            if let Some(v) = get(&colors, name).as_string() {
                opts.theme = opts.theme.with(name, &v);
            }
        }
    }
    opts
}

/// Read (and, in the full module, validate) the data of a card.
fn check(text: &str) -> crate::Checked {
    if cfg!(feature = "full") {
        crate::check(text)
    } else {
        crate::read_only(text)
    }
}

/// Where the card stands: it cannot be read ("error"), it has errors ("invalid"), it is read but
/// not yet validated (the first paint: "checking"), or its numbers check out ("ok").
fn card_state(checked: &crate::Checked) -> &'static str {
    let readable = checked.document.as_ref().is_some_and(|d| !d.contests.is_empty());
    match (readable, checked.report.has_errors(), checked.report.pending) {
        (false, _, _) => "error",
        (true, true, _) => "invalid",
        (true, false, true) => "checking",
        (true, false, false) => "ok",
    }
}

/// The canvas's attributes: an image, its direction (always set: an English card on a
/// right-to-left page would otherwise inherit `direction: rtl` and reorder its text, "−8" as "8−"),
/// its class, its label (the card's summary, which opens with the verdict) and where the card stands.
fn canvas_marks(scene: &layout::Scene, checked: &crate::Checked) -> [(&'static str, String); 6] {
    [
        ("data-tools", crate::element::tools(scene, checked).into()),
        ("role", "img".into()),
        ("dir", (if scene.rtl { "rtl" } else { "ltr" }).into()),
        ("class", "tallyboard-canvas".into()),
        ("aria-label", scene.summary.clone()),
        ("data-state", card_state(checked).into()),
    ]
}

/// The canvas's size on the page, in CSS pixels (its backing store is that times the pixel ratio).
fn canvas_style(scene: &layout::Scene) -> [(&'static str, String); 3] {
    [
        ("width", crate::format::int(scene.width as u64) + "px"),
        ("height", crate::format::int(scene.height as u64) + "px"),
        ("display", "block".into()),
    ]
}

/// The first paint's module draws English cards only (see [`crate::first_paint`] for the rest).
#[cfg(not(feature = "full"))]
fn english(o: &JsValue) -> bool {
    // (No locale, or an empty one from a page with no `lang`: English, the default.)
    get(o, "locale").as_string().is_none_or(|l| l.is_empty() || l.split(['-', '_']).next().is_some_and(|lang| lang.eq_ignore_ascii_case("en")))
}

/// The font family from the options, or the card's default stack.
fn font_of(o: &JsValue) -> String {
    get(o, "font").as_string().filter(|f| !f.trim_ascii().is_empty() && f.len() < 300).unwrap_or_else(|| crate::draw::FONT.to_string())
}

#[cfg(feature = "full")]
/// Validate results; returns `{ok, errors, warnings, info, findings}`.
#[wasm_bindgen(skip_typescript)]
pub fn validate(data: JsValue) -> JsValue {
    report_value(&check(&text_of(&data)).report)
}

#[cfg(feature = "full")]
/// The card as an SVG string (text measured by estimate, as in the CLI).
#[wasm_bindgen(js_name = toSvg, skip_typescript)]
pub fn to_svg(data: JsValue, options_value: JsValue) -> String {
    let opts = options(&options_value, crate::sizes::FALLBACK_WIDTH);
    let (scene, _) = crate::render_scene(&text_of(&data), &opts, &layout::Approx, None);
    crate::svg::to_svg(&scene)
}

#[cfg(feature = "full")]
/// The results as CSV: one row per party, candidate or option (formula-safe), as a
/// spreadsheet in the options' locale reads it (`;` and decimal commas where decimals take a comma).
#[wasm_bindgen(js_name = toCsv, skip_typescript)]
pub fn to_csv(data: JsValue, options_value: JsValue) -> String {
    let opts = options(&options_value, crate::sizes::FALLBACK_WIDTH);
    let checked = check(&text_of(&data));
    checked.document.as_ref().map(|d| crate::export::to_csv_in(d, &checked.figures, &opts.locale)).unwrap_or_default()
}

#[cfg(feature = "full")]
/// The results as a Wikipedia wikitable (markup in names is escaped).
#[wasm_bindgen(js_name = toWikitext, skip_typescript)]
pub fn to_wikitext(data: JsValue, options_value: JsValue) -> String {
    let opts = options(&options_value, crate::sizes::FALLBACK_WIDTH);
    let checked = check(&text_of(&data));
    checked.document.as_ref().map(|d| crate::export::to_wikitext_with(d, &checked.figures, &opts.locale, opts.words)).unwrap_or_default()
}

/// The element's stylesheet (CSS text for a constructable stylesheet).
#[wasm_bindgen(js_name = elementStyle)]
pub fn element_style() -> String {
    crate::element::style()
}

/// The element's settings: `{colorNames, drawAhead}` (the colours a page can set, how far ahead cards draw).
#[wasm_bindgen(js_name = elementSettings)]
pub fn element_settings() -> JsValue {
    // Built by hand, not through serde: the first paint's module carries no serializer.
    let o = js_sys::Object::new();
    let names: js_sys::Array = crate::theme::COLOR_NAMES.iter().map(|n| JsValue::from_str(n)).collect();
    let _ = js_sys::Reflect::set(&o, &"colorNames".into(), &names);
    let _ = js_sys::Reflect::set(&o, &"drawAhead".into(), &crate::sizes::DRAW_AHEAD.into());
    o.into()
}

/// The words of the element's calls: `{locale, words}` as in the options (or the locale alone, as text).
fn words_of(o: &JsValue) -> &'static crate::words::Words {
    // Only the intl module reads words; the others have English only.
    if !cfg!(feature = "intl") {
        return &crate::words::EN;
    }
    let locale = o.as_string().or_else(|| get(o, "locale").as_string()).unwrap_or_default();
    words::of(o, &locale)
}

/// Another locale, or words, asked of a module that writes English: said once, drawn in English.
fn english_only(o: &JsValue, locale: &str) {
    let lang = crate::format::lang_of(locale);
    let words = get(o, "words");
    let no_words = words.is_undefined() || words.is_null() || (js_sys::Array::is_array(&words) && js_sys::Array::from(&words).length() == 0);
    if (!lang.is_empty() && lang != "en") || !no_words {
        console::warn("this module (tallyboard.js) writes English only: tallyboard_intl.js writes any locale and takes words");
    }
}

#[cfg(feature = "full")]
/// The words of the element's controls: `{lang, dir, coalition, download, table, rows, prev, next, failed, exports}`.
#[wasm_bindgen(js_name = elementControls)]
pub fn element_controls(#[wasm_bindgen(unchecked_param_type = "TallyboardOptions | string")] options: JsValue) -> JsValue {
    let mut controls = crate::element::controls(words_of(&options));
    let locale = options.as_string().or_else(|| get(&options, "locale").as_string()).unwrap_or_default();
    if cfg!(feature = "intl") && crate::format::rtl(&locale) {
        controls.dir = "rtl";
    }
    serde_wasm_bindgen::to_value(&controls).unwrap_or(JsValue::NULL)
}

#[cfg(feature = "full")]
/// The catalogue that holds a locale's words, as `locales/<tag>.json` in the package: "pt" for
/// "pt-BR"; "" for English (compiled in) and for a language without one.
#[wasm_bindgen(js_name = catalogueOf, skip_typescript)]
pub fn catalogue_of(locale: &str) -> String {
    let tag = if cfg!(feature = "intl") { crate::catalogue::supported(locale) } else { None };
    tag.filter(|t| *t != "en").unwrap_or("").to_string()
}

/// The first load's text ("Loading results…"), in the words of `{locale, words}` (or of a locale).
#[wasm_bindgen(js_name = loadingText)]
pub fn loading_text(#[wasm_bindgen(unchecked_param_type = "TallyboardOptions | string")] options: JsValue) -> String {
    words_of(&options).element.loading.to_string()
}

/// A load that failed, worded as `{locale, words}` say: "could not load results.json: HTTP 404" (`status` 0: no answer).
/// (Not in the first paint's module: the element words a failure with the full module, which it loads for it.)
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = loadError)]
pub fn load_error(#[wasm_bindgen(unchecked_param_type = "TallyboardOptions | string")] options: JsValue, src: &str, status: u16, reason: &str) -> String {
    crate::element::load_error(words_of(&options), src, (status > 0).then_some(status), reason)
}
