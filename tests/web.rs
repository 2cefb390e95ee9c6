//! Browser tests (wasm-pack test --headless --chrome): render each example
//! into a real canvas in Chromium and read the pixels back.
#![cfg(target_arch = "wasm32")]

use tallyboard::web::{render, to_svg, validate, Card};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const MAZHILIS: &str = include_str!("../www/data/kz-mazhilis-2021.json");
const CONGRESS: &str = include_str!("../www/data/nur-otan-21st-congress-2022.json");
const RENAMING: &str = include_str!("../www/data/amanat-renaming-congress-2022.json");

fn container(width: u32) -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    div.set_attribute("style", &format!("width: {width}px")).unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

fn canvas_of(div: &Element) -> HtmlCanvasElement {
    div.query_selector("canvas").unwrap().expect("a canvas was added").dyn_into().unwrap()
}

fn pixel(canvas: &HtmlCanvasElement, x: f64, y: f64) -> (u8, u8, u8) {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let dpr = canvas.width() as f64 / canvas.style().get_property_value("width").unwrap().trim_end_matches("px").parse::<f64>().unwrap();
    let d = ctx.get_image_data((x * dpr).round(), (y * dpr).round(), 1.0, 1.0).unwrap().data();
    (d[0], d[1], d[2])
}

fn hex(c: (u8, u8, u8)) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// Seats counted by the colour actually painted at each seat centre.
fn painted_seats(card: &Card, canvas: &HtmlCanvasElement, colors: &[&str]) -> Vec<usize> {
    let c = card.seat_centres();
    let mut counts = vec![0; colors.len()];
    for s in c.chunks(3) {
        let got = hex(pixel(canvas, s[0], s[1]));
        if let Some(i) = colors.iter().position(|&k| k == got) {
            counts[i] += 1;
        }
    }
    counts
}

const MAZHILIS_COLORS: [&str; 5] = ["#00a0e3", "#1c3f94", "#d62728", "#2e8b3d", "#f28c00"];

#[wasm_bindgen_test]
fn mazhilis_hemicycle_shows_each_party_in_its_seats() {
    let div = container(640);
    let card = render(div.clone(), JsValue::from_str(MAZHILIS), JsValue::UNDEFINED).unwrap();
    let canvas = canvas_of(&div);
    assert_eq!(card.seat_centres().len(), 98 * 3);
    assert_eq!(painted_seats(&card, &canvas, &MAZHILIS_COLORS), vec![76, 12, 10, 0, 0]);
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
    let label = canvas.get_attribute("aria-label").unwrap();
    assert!(label.contains("Nur Otan 76 of 98 seats, 77.55%"), "{label}");
    assert_eq!(canvas.get_attribute("data-state").as_deref(), Some("ok"));
    // The background between seats is the card's, not blank (transparent).
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(ctx.get_image_data(1.0, 1.0, 1.0, 1.0).unwrap().data()[3], 255);
    card.destroy();
    assert!(div.query_selector("canvas").unwrap().is_none());
}

#[wasm_bindgen_test]
fn canvas_is_scaled_for_the_device_pixel_ratio() {
    let div = container(500);
    let card = render(div.clone(), JsValue::from_str(MAZHILIS), JsValue::UNDEFINED).unwrap();
    let canvas = canvas_of(&div);
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!(canvas.style().get_property_value("width").unwrap(), "500px");
    assert_eq!(canvas.width(), (500.0 * dpr).round() as u32);
    card.destroy();
}

#[wasm_bindgen_test]
fn every_example_renders_and_validates() {
    for (name, text) in [("mazhilis", MAZHILIS), ("congress", CONGRESS), ("renaming", RENAMING)] {
        let div = container(375);
        let card = render(div.clone(), JsValue::from_str(text), JsValue::UNDEFINED).unwrap();
        let canvas = canvas_of(&div);
        assert_eq!(canvas.get_attribute("data-state").as_deref(), Some("ok"), "{name}");
        assert!(canvas.height() > 200, "{name}: {}", canvas.height());
        let report = card.report();
        let errors = js_sys::Reflect::get(&report, &"errors".into()).unwrap().as_f64().unwrap();
        assert_eq!(errors, 0.0, "{name}");
        // Something is drawn: count non-background pixels in the top area.
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        let d = ctx.get_image_data(0.0, 0.0, canvas.width() as f64, 120.0).unwrap().data();
        let inked = d.chunks(4).filter(|p| p[0] < 200 || p[1] < 200 || p[2] < 200).count();
        assert!(inked > 500, "{name}: only {inked} inked pixels");
        card.destroy();
    }
}

#[wasm_bindgen_test]
fn congress_vote_shows_participation_and_outcome() {
    let div = container(640);
    let card = render(div.clone(), JsValue::from_str(CONGRESS), JsValue::UNDEFINED).unwrap();
    let s = card.summary();
    assert!(s.contains("Kassym-Jomart Tokayev 389 votes, 100.0%"), "{s}");
    assert!(s.contains("Outcome: Kassym-Jomart Tokayev"), "{s}");
    card.destroy();
}

#[wasm_bindgen_test]
fn bad_input_draws_the_error() {
    let div = container(480);
    let card = render(div.clone(), JsValue::from_str("{\"tallyboard\": 1, \"contests\": [}"), JsValue::UNDEFINED).unwrap();
    let canvas = canvas_of(&div);
    assert_eq!(canvas.get_attribute("data-state").as_deref(), Some("error"));
    let label = canvas.get_attribute("aria-label").unwrap();
    assert!(label.contains("cannot be shown") && label.contains("not valid JSON"), "{label}");
    // The red frame of the error box is painted near the left edge.
    let red = (0..60).map(|x| pixel(&canvas, x as f64, 30.0)).filter(|&(r, g, b)| r > 150 && g < 80 && b < 80).count();
    assert!(red >= 1, "no error-red pixel on the row y = 30");
    let report = card.report();
    let f0 = js_sys::Reflect::get(&js_sys::Reflect::get(&report, &"findings".into()).unwrap(), &0.into()).unwrap();
    assert_eq!(js_sys::Reflect::get(&f0, &"line".into()).unwrap().as_f64(), Some(1.0));
    assert_eq!(js_sys::Reflect::get(&f0, &"column".into()).unwrap().as_f64(), Some(32.0));
    card.destroy();
}

#[wasm_bindgen_test]
fn update_with_bad_data_keeps_the_last_good_card() {
    let div = container(640);
    let card = render(div.clone(), JsValue::from_str(MAZHILIS), JsValue::UNDEFINED).unwrap();
    let canvas = canvas_of(&div);
    let before = card.seat_centres();
    card.update(JsValue::from_str("{ not json"), None);
    assert_eq!(canvas.get_attribute("data-state").as_deref(), Some("error"));
    // The seats are still drawn (lower down, under the error), in their colours.
    let after = card.seat_centres();
    assert_eq!(after.len(), before.len());
    assert!(after[1] > before[1]);
    assert_eq!(painted_seats(&card, &canvas, &MAZHILIS_COLORS), vec![76, 12, 10, 0, 0]);
    // A good update replaces the error.
    card.update(JsValue::from_str(MAZHILIS), None);
    assert_eq!(canvas.get_attribute("data-state").as_deref(), Some("ok"));
    assert_eq!(card.seat_centres(), before);
    card.destroy();
}

#[wasm_bindgen_test]
fn data_as_a_js_object_works_too() {
    let obj = js_sys::JSON::parse(MAZHILIS).unwrap();
    let div = container(640);
    let card = render(div.clone(), obj.clone(), JsValue::UNDEFINED).unwrap();
    assert_eq!(card.seat_centres().len(), 98 * 3);
    card.destroy();
    let report = validate(obj.clone());
    assert_eq!(js_sys::Reflect::get(&report, &"ok".into()).unwrap().as_bool(), Some(true));
    let svg = to_svg(obj, JsValue::UNDEFINED);
    assert_eq!(svg.matches("<circle").count(), 98);
}

#[wasm_bindgen_test]
fn a_moved_seat_is_an_error_in_the_report_and_on_the_badge() {
    let bad = MAZHILIS.replacen("\"seats\": 76", "\"seats\": 75", 1).replacen("\"seats\": 12", "\"seats\": 13", 1);
    assert_ne!(bad, MAZHILIS);
    let div = container(640);
    let card = render(div.clone(), JsValue::from_str(&bad), JsValue::UNDEFINED).unwrap();
    let canvas = canvas_of(&div);
    assert_eq!(canvas.get_attribute("data-state").as_deref(), Some("invalid"));
    let report = card.report();
    assert_eq!(js_sys::Reflect::get(&report, &"errors".into()).unwrap().as_f64(), Some(2.0));
    // The card still draws, with the reported seats.
    assert_eq!(painted_seats(&card, &canvas, &MAZHILIS_COLORS), vec![75, 13, 10, 0, 0]);
    card.destroy();
}

async fn next_frames() {
    for _ in 0..3 {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_resize_redraws_at_the_new_width() {
    let div = container(900);
    let card = render(div.clone(), JsValue::from_str(MAZHILIS), JsValue::UNDEFINED).unwrap();
    let canvas = canvas_of(&div);
    assert_eq!(canvas.style().get_property_value("width").unwrap(), "900px");
    div.set_attribute("style", "width: 320px").unwrap();
    next_frames().await;
    assert_eq!(canvas.style().get_property_value("width").unwrap(), "320px");
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!(canvas.width(), (320.0 * dpr).round() as u32);
    // Still every seat in its colour at the new layout.
    assert_eq!(painted_seats(&card, &canvas, &MAZHILIS_COLORS), vec![76, 12, 10, 0, 0]);
    card.destroy();
}

#[wasm_bindgen_test]
fn clicking_the_badge_opens_the_findings() {
    let div = container(640);
    let card = render(div.clone(), JsValue::from_str(MAZHILIS), JsValue::UNDEFINED).unwrap();
    let canvas = canvas_of(&div);
    let h0 = canvas.height();
    // The badge sits under the title, at the left.
    let mut opened = false;
    for y in (40..140).step_by(4) {
        card.click(30.0, y as f64);
        if canvas.height() > h0 {
            opened = true;
            break;
        }
    }
    assert!(opened, "the findings list opened and made the card taller");
    card.destroy();
}

fn get(v: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(v, &k.into()).unwrap()
}

#[wasm_bindgen_test]
fn hovering_a_seat_tells_party_votes_percent_and_seats() {
    let div = container(640);
    let card = render(div.clone(), JsValue::from_str(MAZHILIS), JsValue::UNDEFINED).unwrap();
    let c = card.seat_centres();
    // The last seat drawn belongs to the People's Party (rightmost, third party).
    let n = c.len() / 3;
    let (x, y) = (c[(n - 1) * 3], c[(n - 1) * 3 + 1]);
    let hit = card.hit_at(x, y);
    assert_eq!(get(&hit, "kind").as_string().as_deref(), Some("seat"));
    assert_eq!(get(&hit, "name").as_string().as_deref(), Some("People's Party of Kazakhstan"));
    assert_eq!(get(&hit, "votes").as_f64(), Some(659019.0));
    assert_eq!(get(&hit, "seats").as_f64(), Some(10.0));
    assert_eq!(get(&hit, "percent").as_string().as_deref(), Some("9.1%"));
    assert!(card.hit_at(1.0, 1.0).is_null());
    card.destroy();
}

#[wasm_bindgen_test]
fn a_coalition_fades_the_others_and_a_click_highlights_a_party() {
    let div = container(640);
    let card = render(div.clone(), JsValue::from_str(MAZHILIS), JsValue::UNDEFINED).unwrap();
    let canvas = canvas_of(&div);
    card.set_coalition(0, vec![1, 2]);
    // Ak Zhol and the People's Party keep their colours; Nur Otan's seats fade.
    assert_eq!(painted_seats(&card, &canvas, &MAZHILIS_COLORS), vec![0, 12, 10, 0, 0]);
    card.set_coalition(0, vec![]);
    assert_eq!(painted_seats(&card, &canvas, &MAZHILIS_COLORS), vec![76, 12, 10, 0, 0]);
    // A click on a seat of Nur Otan brings Nur Otan forward; a second click clears it.
    let c = card.seat_centres();
    card.click(c[0], c[1]);
    assert_eq!(painted_seats(&card, &canvas, &MAZHILIS_COLORS), vec![76, 0, 0, 0, 0]);
    card.click(c[0], c[1]);
    assert_eq!(painted_seats(&card, &canvas, &MAZHILIS_COLORS), vec![76, 12, 10, 0, 0]);
    card.destroy();
}

#[wasm_bindgen_test]
fn tables_give_the_text_for_an_html_table() {
    let div = container(640);
    let card = render(div.clone(), JsValue::from_str(MAZHILIS), JsValue::UNDEFINED).unwrap();
    let t = js_sys::Array::from(&card.tables()).get(0);
    let names = js_sys::Array::from(&get(&t, "names"));
    assert_eq!(names.length(), 5);
    assert_eq!(names.get(0).as_string().as_deref(), Some("Nur Otan"));
    let votes = js_sys::Array::from(&get(&t, "votes"));
    assert_eq!(votes.get(0).as_string().as_deref(), Some("5,148,074"));
    card.destroy();
}

/// The options of a card in `locale` with the words of `catalogue` (and more words over them).
#[cfg(feature = "intl")]
fn in_locale(locale: &str, words: &[&str]) -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"locale".into(), &locale.into()).unwrap();
    let list: js_sys::Array = words.iter().map(|w| JsValue::from_str(w)).collect();
    js_sys::Reflect::set(&o, &"words".into(), &list).unwrap();
    o.into()
}

/// What the browser's Intl writes for a number in a locale (the test's oracle).
#[cfg(feature = "intl")]
fn intl(locale: &str, n: f64) -> String {
    let f = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&locale.into()), &js_sys::Object::new());
    f.format().call1(&f, &n.into()).unwrap().as_string().unwrap()
}

#[cfg(feature = "intl")]
const KK: &str = include_str!("../locales/kk.json");
#[cfg(feature = "intl")]
const RU: &str = include_str!("../locales/ru.json");
#[cfg(feature = "intl")]
const DE: &str = include_str!("../locales/de.json");
#[cfg(feature = "intl")]
const PT: &str = include_str!("../locales/pt.json");

#[cfg(feature = "intl")]
#[wasm_bindgen_test]
fn a_catalogue_and_intl_word_and_number_the_table() {
    let div = container(640);
    let card = render(div.clone(), JsValue::from_str(MAZHILIS), in_locale("kk", &[KK])).unwrap();
    let t = js_sys::Array::from(&card.tables()).get(0);
    let votes = js_sys::Array::from(&get(&t, "votes"));
    // Chromium's ICU has no Kazakh number symbols (its Intl writes CLDR's root "5,148,074"): the
    // crate's own table writes them, as Node's full ICU and the CLI do.
    assert_eq!(votes.get(0).as_string().as_deref(), Some("5\u{a0}148\u{a0}074"));
    let head = js_sys::Array::from(&get(&t, "head"));
    assert_eq!(head.get(3).as_string().as_deref(), Some("Орын"));
    // Any tag the browser knows: its numbers as its Intl writes them (Dutch has no catalogue:
    // English words; Hindi groups by lakh; Egyptian Arabic in Arabic-Indic digits).
    for tag in ["nl", "hi", "ar-EG", "pt-BR", "de-CH"] {
        card.set_options(in_locale(tag, &[]));
        let t = js_sys::Array::from(&card.tables()).get(0);
        let votes = js_sys::Array::from(&get(&t, "votes"));
        assert_eq!(votes.get(0).as_string().unwrap(), intl(tag, 5_148_074.0), "{tag}");
        assert_eq!(js_sys::Array::from(&get(&t, "head")).get(3).as_string().as_deref(), Some("Seats"), "{tag}");
    }
    card.destroy();
}

#[cfg(feature = "intl")]
#[wasm_bindgen_test]
fn plural_forms_dates_and_the_pages_own_words() {
    // Russian: "2 замечания" (few), as Intl.PluralRules("ru") says, in the canvas label.
    let div = container(640);
    let card = render(div.clone(), JsValue::from_str(MAZHILIS), in_locale("ru-RU", &[RU])).unwrap();
    let label = canvas_of(&div).get_attribute("aria-label").unwrap();
    assert!(label.contains("Цифры проверены: ошибок нет, 2 замечания"), "{label}");
    card.destroy();
    // Brazilian Portuguese from Portuguese's catalogue; the date as Intl writes it.
    let svg = to_svg(JsValue::from_str(MAZHILIS), in_locale("pt-BR", &[PT]));
    assert!(svg.contains("Cadeiras") && svg.contains("10 de janeiro de 2021") && svg.contains("5.148.074"), "{svg}");
    // The page's own words over the catalogue; a word that is not one is left out (German's kept).
    let svg = to_svg(JsValue::from_str(MAZHILIS), in_locale("de", &[DE, r#"{"party": "Liste", "votes": 5, "seats": "{party}"}"#]));
    assert!(svg.contains(">Liste<") && svg.contains(">Stimmen<") && svg.contains(">Sitze<"), "{svg}");
}

#[cfg(feature = "intl")]
#[wasm_bindgen_test]
fn hostile_locales_and_words_fall_back_to_english_without_a_trap() {
    let div = container(480);
    let card = render(div.clone(), JsValue::from_str(MAZHILIS), in_locale("xx-!!-\u{202e}", &["{\"seats\": ", "[1, 2]", "\"x\""])).unwrap();
    let t = js_sys::Array::from(&card.tables()).get(0);
    assert_eq!(js_sys::Array::from(&get(&t, "votes")).get(0).as_string().as_deref(), Some("5,148,074"));
    assert_eq!(js_sys::Array::from(&get(&t, "head")).get(3).as_string().as_deref(), Some("Seats"));
    // A huge words text, a catalogue of a language not the locale's, a words object with a getter that throws.
    let huge = "{\"seats\": \"".to_string() + &"x".repeat(200_000) + "\"}";
    card.set_options(in_locale("ru", &[&huge, DE]));
    let t = js_sys::Array::from(&card.tables()).get(0);
    assert_eq!(js_sys::Array::from(&get(&t, "head")).get(3).as_string().as_deref(), Some("Sitze"));
    let o = js_sys::JSON::parse(r#"{"locale": "de"}"#).unwrap();
    let words = js_sys::Function::new_no_args("return {get seats() { throw new Error('no'); }};").call0(&JsValue::NULL).unwrap();
    js_sys::Reflect::set(&o, &"words".into(), &words).unwrap();
    card.set_options(o);
    assert_eq!(painted_seats(&card, &canvas_of(&div), &MAZHILIS_COLORS), vec![76, 12, 10, 0, 0]);
    card.destroy();
}

#[wasm_bindgen_test]
fn colours_and_font_come_from_the_page() {
    let div = container(480);
    let opts = js_sys::JSON::parse(r##"{"colors": {"background": "#102030", "text": "#fafafa"}, "font": "serif"}"##).unwrap();
    let card = render(div.clone(), JsValue::from_str(MAZHILIS), opts).unwrap();
    let canvas = canvas_of(&div);
    assert_eq!(hex(pixel(&canvas, 1.0, 1.0)), "#102030");
    // Party colours stay the data's, but for one too dark to see on this dark
    // card (Ak Zhol's navy, 1.6:1): lightened to 3:1 (WCAG 1.4.11).
    use tallyboard::theme::{contrast, legible};
    use tallyboard::contest::Rgb;
    let navy = Rgb(0x1c, 0x3f, 0x94);
    let lighter = legible(navy, Rgb(0x10, 0x20, 0x30));
    assert!(contrast(navy, Rgb(0x10, 0x20, 0x30)) < 3.0 && contrast(lighter, Rgb(0x10, 0x20, 0x30)) >= 3.0);
    let lighter = lighter.hex();
    let colors = ["#00a0e3", lighter.as_str(), "#d62728", "#2e8b3d", "#f28c00"];
    assert_eq!(painted_seats(&card, &canvas, &colors), vec![76, 12, 10, 0, 0]);
    card.destroy();
}

const COUNCIL: &str = include_str!("../www/data/nur-otan-political-council-2022.json");
const SERIES: &str = include_str!("../www/data/nur-otan-mazhilis-seats.json");
const PRIMARIES: &str = include_str!("../www/data/nur-otan-primaries.json");

fn count_colour(canvas: &HtmlCanvasElement, rgb: (u8, u8, u8)) -> usize {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let d = ctx.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64).unwrap().data();
    d.chunks(4).filter(|p| (p[0], p[1], p[2]) == rgb).count()
}

#[wasm_bindgen_test]
fn composition_waffle_paints_31_of_92_women() {
    let div = container(640);
    let card = render(div.clone(), JsValue::from_str(COUNCIL), JsValue::UNDEFINED).unwrap();
    let canvas = canvas_of(&div);
    assert_eq!(canvas.get_attribute("data-state").as_deref(), Some("ok"));
    let s = card.summary();
    assert!(s.contains("92 members") && s.contains("Women 33.7% (31)"), "{s}");
    // The "Women" row uses the palette's second colour (#e69f00): 31 squares of 9x9 CSS px.
    let k = canvas.width() as f64 / 640.0;
    let per_square = (9.0 * k).round() as usize * (9.0 * k).round() as usize;
    assert_eq!(count_colour(&canvas, (0xe6, 0x9f, 0x00)), 31 * per_square);
    card.destroy();
}

#[wasm_bindgen_test]
fn series_and_primaries_render_and_read_out() {
    for (text, expect) in [(SERIES, "2012 83 of 107 seats, 80.99%"), (PRIMARIES, "662,687 voters, Turnout 84.2%")] {
        let div = container(480);
        let card = render(div.clone(), JsValue::from_str(text), JsValue::UNDEFINED).unwrap();
        let canvas = canvas_of(&div);
        assert_eq!(canvas.get_attribute("data-state").as_deref(), Some("ok"));
        assert!(card.summary().contains(expect), "{}", card.summary());
        // The series' and the funnel's bars are painted in their colour.
        let painted = count_colour(&canvas, (0x00, 0xa0, 0xe3)) + count_colour(&canvas, (0x00, 0x72, 0xb2));
        assert!(painted > 1000, "{painted} bar pixels");
        card.destroy();
    }
}
