//! A card on a canvas: its state, the calls on it (queued while it is busy),
//! resizing, clicks and the colour scheme, and what is under the pointer.

use super::measure::{canvas_measure, measurer};
use super::{check, font_of, get, options, text_of};
use crate::layout::{self, Hit, Options, Scene};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};


pub(super) struct State {
    host: Element,
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    text: String,
    pub(super) options: JsValue,
    findings_open: Option<bool>,
    highlight: Option<(usize, usize)>,
    coalition: Option<(usize, u64)>,
    pub(super) page: usize,
    pub(super) scene: Option<Rc<Scene>>,
    /// The last card drawn from readable data (shared with `scene`, not copied), and its document.
    last_good: Option<Rc<Scene>>,
    /// The time of the last good card's figures (its first contest's `as_of`).
    pub(super) last_good_as_of: Option<String>,
    pub(super) checked: Option<crate::Checked>,
    /// The times of the figures shown before the last update (to say figures older than them).
    before: Option<Vec<crate::count::Stamp>>,
    pub(super) width: f64,
    observer: Option<web_sys::ResizeObserver>,
    _on_resize: Option<Closure<dyn FnMut(js_sys::Array)>>,
    _on_click: Option<Closure<dyn FnMut(web_sys::MouseEvent)>>,
    _on_scheme: Option<(web_sys::MediaQueryList, Closure<dyn FnMut()>)>,
    /// A transition between two cards, and the frame callback that runs it.
    anim: Option<Anim>,
    animate_next: bool,
    _on_frame: Option<Closure<dyn FnMut(f64)>>,
}

/// A transition: from the card shown to the new one, from the first frame's time.
pub(super) struct Anim {
    from: Rc<Scene>,
    to: Rc<Scene>,
    start: Option<f64>,
}

/// The reader asks for less motion (prefers-reduced-motion: reduce).
fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// A call on a card; one made while the card is busy waits its turn (see [`crate::queue`]).
pub(super) enum Op {
    /// New results; `true`: move from the card shown to the new one.
    Update(String, bool),
    /// A frame of a transition (its timestamp).
    Frame(f64),
    Options(JsValue),
    Page(usize),
    Highlight(Option<(usize, usize)>),
    Coalition(Option<(usize, u64)>),
    Click(f64, f64),
    ToggleFindings,
    /// The container changed width.
    Resize,
    /// The system's colour scheme changed.
    Scheme,
    Destroy,
}

pub(super) type Shared = crate::queue::Queued<State, Op>;

impl State {
    fn new(host: &Element, canvas: HtmlCanvasElement, ctx: CanvasRenderingContext2d, text: String, options: JsValue) -> State {
        State {
            host: host.clone(),
            canvas,
            ctx,
            text,
            options,
            findings_open: None,
            highlight: None,
            coalition: None,
            page: 0,
            scene: None,
            last_good: None,
            last_good_as_of: None,
            checked: None,
            before: None,
            width: 0.0,
            observer: None,
            _on_resize: None,
            _on_click: None,
            _on_scheme: None,
            anim: None,
            animate_next: false,
            _on_frame: None,
        }
    }

    fn container_width(&self) -> f64 {
        let w = self.host.client_width() as f64;
        if w > 0.0 {
            w
        } else {
            crate::sizes::FALLBACK_WIDTH
        }
    }

    fn apply(&mut self, op: Op) {
        match op {
            Op::Frame(now) => return self.frame(now),
            Op::Update(text, animate) => {
                self.text = text;
                self.animate_next = animate;
                if let Some(doc) = self.checked.take().and_then(|c| c.document) {
                    self.before = Some(crate::count::stamps(&doc));
                }
                self.findings_open = None;
            }
            Op::Options(o) => self.options = o,
            Op::Page(p) => self.page = p,
            Op::Highlight(h) => self.highlight = h,
            Op::Coalition(c) => {
                self.coalition = c;
                self.highlight = None;
            }
            Op::Click(x, y) => return self.click(x, y),
            Op::ToggleFindings => {
                let errors = self.checked.as_ref().is_some_and(|c| c.report.has_errors());
                self.findings_open = Some(!self.findings_open.unwrap_or(errors));
            }
            Op::Resize if (self.container_width() - self.width).abs() < 1.0 => return,
            // Only a card that follows the system (theme "auto", or none given).
            Op::Scheme if matches!(get(&self.options, "theme").as_string().as_deref(), Some("light" | "dark")) => return,
            Op::Resize | Op::Scheme => {}
            Op::Destroy => return self.destroy(),
        }
        self.draw();
    }

    /// The options of the next draw: the host's, with the card's own state.
    fn draw_options(&self) -> Options {
        // Reading the container's width makes the browser lay out the page: only when needed.
        let fixed = get(&self.options, "width").as_f64().is_some_and(|w| w.is_finite() && w > 0.0);
        let fallback = if fixed { crate::sizes::FALLBACK_WIDTH } else { self.container_width() };
        let mut opts = options(&self.options, fallback);
        if self.findings_open.is_some() {
            opts.findings_open = self.findings_open;
        }
        opts.highlight = self.highlight;
        opts.coalition = self.coalition;
        opts.page = self.page;
        opts
    }

    /// Device pixels per CSS pixel: the option, else the screen's, within what a canvas can hold.
    fn ratio(&self, scene: &Scene) -> f64 {
        let dpr = get(&self.options, "pixelRatio")
            .as_f64()
            .filter(|d| d.is_finite() && *d > 0.0 && *d <= 8.0)
            .or_else(|| web_sys::window().map(|w| w.device_pixel_ratio()))
            .filter(|d| *d > 0.0)
            .unwrap_or(1.0);
        crate::sizes::canvas_ratio(scene.width, scene.height, dpr)
    }

    fn draw(&mut self) {
        let opts = self.draw_options();
        self.width = opts.width;
        let font = font_of(&self.options);
        // The text is read and validated once per update(); a redraw reuses it.
        let fresh = self.checked.is_none() || self.last_good.is_none();
        let checked = match self.checked.take() {
            Some(c) => c,
            None => {
                let mut c = check(&self.text);
                // Between two updates: figures older than the ones shown before.
                if let (Some(before), Some(doc)) = (self.before.as_ref(), c.document.as_ref()) {
                    crate::count::check_update(before, doc, &mut c.report);
                    c.report.sort();
                }
                c
            }
        };
        // `estimate`: text laid out by the CLI's width estimate, as in its SVG (the element asks for
        // it when its live card replaces a CLI-rendered SVG: the same lines, the same height).
        let scene = if get(&self.options, "estimate").as_bool() == Some(true) {
            crate::scene_of(&checked, &opts, &layout::Approx, self.last_good.as_deref())
        } else {
            let ctx = measurer(self.host.owner_document(), &self.ctx);
            let measure = canvas_measure(&ctx, &font);
            crate::scene_of(&checked, &opts, &measure, self.last_good.as_deref())
        };
        let scene = Rc::new(scene);
        let readable = checked.document.as_ref().is_some_and(|d| !d.contests.is_empty());
        for (name, value) in super::canvas_marks(&scene, &checked) {
            let _ = self.canvas.set_attribute(name, &value);
        }
        self.canvas.set_text_content(Some(&scene.summary));
        // An update asked to move: from the card shown to the new one, unless the reader asks for less motion.
        let animate = std::mem::take(&mut self.animate_next) && readable && !reduced_motion();
        match self.scene.clone().filter(|_| animate) {
            Some(from) => {
                self.paint(&layout::tween::tween(&from, &scene, 0.0), &font);
                self.anim = Some(Anim { from, to: scene.clone(), start: None });
                self.next_frame();
            }
            None => {
                self.anim = None;
                self.paint(&scene, &font);
            }
        }
        if readable {
            self.last_good = Some(scene.clone());
            if fresh {
                // Once per update, not per redraw.
                self.last_good_as_of = checked.document.as_ref().and_then(|d| d.contests.iter().find_map(|c| c.count.as_of.clone()));
            }
        }
        self.scene = Some(scene);
        self.checked = Some(checked);
    }

    /// Put a scene on the canvas, sized for it and the screen.
    fn paint(&self, scene: &Scene, font: &str) {
        let dpr = self.ratio(scene);
        self.canvas.set_width((scene.width * dpr).round() as u32);
        self.canvas.set_height((scene.height * dpr).round() as u32);
        let style = self.canvas.style();
        for (name, value) in super::canvas_style(scene) {
            let _ = style.set_property(name, &value);
        }
        // The card's direction on the context too (the canvas's dir is among its marks; a size
        // change resets the context).
        let _ = js_sys::Reflect::set(&self.ctx, &"direction".into(), &(if scene.rtl { "rtl" } else { "ltr" }).into());
        // The one draw() into a display list, replayed on the canvas (as the first paint's is by the element).
        let mut list = crate::backend::list::ListBackend::new(self.canvas.width(), self.canvas.height());
        let _ = crate::draw::draw(scene, &mut list, crate::draw::Surface { scale: dpr, font });
        crate::backend::canvas::replay(&self.ctx, &list);
    }

    /// A frame of the transition at `now` (the frame's timestamp, ms).
    fn frame(&mut self, now: f64) {
        let Some(anim) = self.anim.as_mut() else { return };
        let start = *anim.start.get_or_insert(now);
        let t = (now - start) / layout::tween::DURATION_MS;
        let (from, to) = (anim.from.clone(), anim.to.clone());
        let font = font_of(&self.options);
        if t >= 1.0 {
            self.anim = None;
            self.paint(&to, &font);
        } else {
            self.paint(&layout::tween::tween(&from, &to, layout::tween::ease(t)), &font);
            self.next_frame();
        }
    }

    fn next_frame(&self) {
        if let (Some(w), Some(cb)) = (web_sys::window(), self._on_frame.as_ref()) {
            let _ = w.request_animation_frame(cb.as_ref().unchecked_ref());
        }
    }

    /// What is at (x, y): a seat (its party), a party's row, legend entry or bars, or the badge.
    pub(super) fn hit(&self, x: f64, y: f64) -> Option<(&'static str, Hit)> {
        let scene = self.scene.as_ref()?;
        if let Some(m) = scene.seats.iter().find(|m| (m.x - x).powi(2) + (m.y - y).powi(2) <= (m.r + 1.0).powi(2)) {
            return m.party.map(|p| ("seat", Hit::Party { contest: m.contest, party: p }));
        }
        let r = scene.regions.iter().find(|r| x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h)?;
        Some((if r.hit == Hit::Badge { "badge" } else { "party" }, r.hit))
    }

    fn click(&mut self, x: f64, y: f64) {
        match self.hit(x, y) {
            Some((_, Hit::Badge)) => {
                let errors = self.checked.as_ref().is_some_and(|c| c.report.has_errors());
                self.findings_open = Some(!self.findings_open.unwrap_or(errors));
                self.draw();
            }
            // A party: bring it forward, or back again.
            Some((_, Hit::Party { contest, party })) => {
                self.highlight = if self.highlight == Some((contest, party)) { None } else { Some((contest, party)) };
                self.draw();
            }
            None if self.highlight.is_some() => {
                self.highlight = None;
                self.draw();
            }
            None => {}
        }
    }

    fn destroy(&mut self) {
        if let Some(o) = self.observer.take() {
            o.disconnect();
        }
        if let Some(cb) = self._on_click.take() {
            let _ = self.canvas.remove_event_listener_with_callback("click", cb.as_ref().unchecked_ref());
        }
        self._on_resize = None;
        if let Some((mq, cb)) = self._on_scheme.take() {
            let _ = mq.remove_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
        }
        self.canvas.remove();
        self.scene = None;
        self.last_good = None;
    }
}

/// A rendered card: call `update(data)` with new results, `destroy()` to remove it.
#[wasm_bindgen]
pub struct Card {
    pub(super) shared: Rc<Shared>,
}

/// A closure that sends `op` to the card, if it still exists.
fn sender<A: 'static>(shared: &Rc<Shared>, op: impl Fn(A) -> Op + 'static) -> impl FnMut(A) + 'static {
    let weak = Rc::downgrade(shared);
    move |a: A| {
        if let Some(s) = weak.upgrade() {
            s.apply(op(a), State::apply);
        }
    }
}

/// Re-lay out when the container changes width (unless a width is fixed).
fn watch_width(shared: &Rc<Shared>, element: &Element) -> Result<(), JsValue> {
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(sender(shared, |_: js_sys::Array| Op::Resize));
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    observer.observe(element);
    if let Some(mut s) = shared.write() {
        s.observer = Some(observer);
        s._on_resize = Some(on_resize);
    }
    Ok(())
}

/// Clicks on the canvas; theme "auto" follows the system's light or dark mode as it changes.
fn watch_clicks_and_scheme(shared: &Rc<Shared>, canvas: &HtmlCanvasElement) -> Result<(), JsValue> {
    let on_click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(sender(shared, |e: web_sys::MouseEvent| Op::Click(e.offset_x() as f64, e.offset_y() as f64)));
    canvas.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
    let scheme = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
    let mut on_scheme = None;
    if let Some(mq) = scheme {
        let cb = Closure::<dyn FnMut()>::new({
            let mut send = sender(shared, |_: ()| Op::Scheme);
            move || send(())
        });
        mq.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref())?;
        on_scheme = Some((mq, cb));
    }
    if let Some(mut s) = shared.write() {
        s._on_click = Some(on_click);
        s._on_scheme = on_scheme;
    }
    Ok(())
}

/// What a page must stop without calling into this instance if it ever traps
/// (the <tally-board> element then starts a fresh one): the observer and the
/// colour-scheme listener, as `element.tallyboardStop`.
fn stop_handles(shared: &Shared, element: &Element) {
    let stop = js_sys::Object::new();
    if let Some(s) = shared.read() {
        if let Some(o) = &s.observer {
            let _ = js_sys::Reflect::set(&stop, &"observer".into(), o);
        }
        if let Some((mq, cb)) = &s._on_scheme {
            let _ = js_sys::Reflect::set(&stop, &"media".into(), mq);
            let _ = js_sys::Reflect::set(&stop, &"onChange".into(), cb.as_ref());
        }
    }
    let _ = js_sys::Reflect::set(element, &"tallyboardStop".into(), &stop);
}

/// Render results into `element` (a canvas is added to it) and keep it up to date.
#[wasm_bindgen(skip_typescript)]
pub fn render(element: Element, data: JsValue, options_value: JsValue) -> Result<Card, JsValue> {
    mount(element, text_of(&data), options_value, None)
}

/// A card in `element` for `text`, read already (`checked`) or not.
fn mount(element: Element, text: String, options_value: JsValue, checked: Option<crate::Checked>) -> Result<Card, JsValue> {
    let document = element.owner_document().ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    element.append_child(&canvas)?;
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d canvas context"))?
        .dyn_into()?;
    let fixed_width = get(&options_value, "width").as_f64().is_some();
    let mut state = State::new(&element, canvas.clone(), ctx, text, options_value);
    // (The draw reads the text when it has not been read.)
    state.checked = checked;
    let shared = Rc::new(Shared::new(state));
    if let Some(mut s) = shared.write() {
        s.draw();
    }
    if !fixed_width {
        watch_width(&shared, &element)?;
    }
    watch_clicks_and_scheme(&shared, &canvas)?;
    let on_frame = Closure::<dyn FnMut(f64)>::new(sender(&shared, Op::Frame));
    if let Some(mut s) = shared.write() {
        s._on_frame = Some(on_frame);
    }
    stop_handles(&shared, &element);
    Ok(Card { shared })
}

/// The card drawn at the export scale (2x) into a new canvas that is in no page, for a PNG.
#[wasm_bindgen(js_name = exportCanvas)]
pub fn export_canvas(data: JsValue, options_value: JsValue, width: f64) -> Result<HtmlCanvasElement, JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))?;
    let holder = document.create_element("div")?;
    let o = js_sys::Object::assign(&js_sys::Object::new(), &js_sys::Object::from(options_value));
    js_sys::Reflect::set(&o, &"pixelRatio".into(), &crate::sizes::PNG_SCALE.into())?;
    let width = if width.is_finite() && width > 0.0 { width } else { crate::sizes::FALLBACK_WIDTH };
    js_sys::Reflect::set(&o, &"width".into(), &width.into())?;
    let card = render(holder, data, o.into())?;
    let canvas = card.shared.read().map(|s| s.canvas.clone()).ok_or_else(|| JsValue::from_str("the card is busy"))?;
    card.destroy();
    Ok(canvas)
}

impl Card {
    fn send(&self, op: Op) {
        self.shared.apply(op, State::apply);
    }
}

// What the element asks of a card it shows.
#[wasm_bindgen]
impl Card {
    /// New results. Bad data keeps the last good card and shows the error above it.
    pub fn update(
        &self,
        #[wasm_bindgen(unchecked_param_type = "TallyboardData")] data: JsValue,
        #[wasm_bindgen(unchecked_param_type = "{ animate?: boolean }")] options: Option<JsValue>,
    ) {
        let animate = options.as_ref().and_then(|o| get(o, "animate").as_bool()).unwrap_or(false);
        self.send(Op::Update(text_of(&data), animate));
    }

    /// New options (width, theme, locale, parts, findings).
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&self, #[wasm_bindgen(unchecked_param_type = "TallyboardOptions")] options_value: JsValue) {
        self.send(Op::Options(options_value));
    }

    /// Show page `page` (from 0) of long results tables (60 rows a page; a
    /// page past the end shows the last). Redraws without reading the data again.
    #[wasm_bindgen(js_name = setPage)]
    pub fn set_page(&self, page: u32) {
        self.send(Op::Page(page as usize));
    }

    /// How many pages the longest results table has (1 when it fits).
    pub fn pages(&self) -> u32 {
        self.shared.read().and_then(|s| s.scene.as_ref().map(|sc| sc.pages as u32)).unwrap_or(1)
    }

    /// The page shown (from 0, never past the last).
    pub fn page(&self) -> u32 {
        self.shared.read().map(|s| s.page.min(s.scene.as_ref().map_or(1, |sc| sc.pages).max(1) - 1) as u32).unwrap_or(0)
    }

    /// The width of the card in CSS pixels.
    pub fn width(&self) -> f64 {
        self.shared.read().map_or(crate::sizes::FALLBACK_WIDTH, |s| s.width)
    }

    /// Where a tooltip `tip_width` wide goes for the pointer at (x, y): `[left, top]` in CSS pixels.
    #[wasm_bindgen(js_name = tipPlace)]
    pub fn tip_place(&self, x: f64, y: f64, tip_width: f64) -> Vec<f64> {
        let (left, top) = crate::sizes::tip_place(x, y, tip_width, self.width());
        vec![left, top]
    }

    /// Seat centres in CSS pixels as a flat array [x, y, partyIndex (−1: unassigned), ...].
    #[wasm_bindgen(js_name = seatCentres)]
    pub fn seat_centres(&self) -> Vec<f64> {
        let Some(s) = self.shared.read() else { return Vec::new() };
        let Some(scene) = &s.scene else { return Vec::new() };
        scene.seats.iter().flat_map(|m| [m.x, m.y, m.party.map_or(-1.0, |p| p as f64)]).collect()
    }

    /// Bring one party forward (the others fade); `party` < 0 clears it.
    pub fn highlight(&self, contest: usize, party: i32) {
        self.send(Op::Highlight(if party < 0 { None } else { Some((contest, party as usize)) }));
    }

    /// A coalition of parties (indices) in one contest: the hemicycle sums its
    /// seats against the majority; an empty list clears it.
    #[wasm_bindgen(js_name = setCoalition)]
    pub fn set_coalition(&self, contest: usize, parties: Vec<u32>) {
        let mask = parties.iter().filter(|&&p| p < 64).fold(0u64, |m, &p| m | (1 << p));
        self.send(Op::Coalition(if parties.is_empty() { None } else { Some((contest, mask)) }));
    }

    /// Open or close the card's list of findings (what a click on the badge does).
    #[wasm_bindgen(js_name = toggleFindings)]
    pub fn toggle_findings(&self) {
        self.send(Op::ToggleFindings);
    }

    /// Simulate a click at CSS pixel (x, y) of the card (what a user's click does).
    pub fn click(&self, x: f64, y: f64) {
        self.send(Op::Click(x, y));
    }
}

#[wasm_bindgen]
impl Card {
    /// Remove the canvas and stop observing the container.
    pub fn destroy(&self) {
        self.send(Op::Destroy);
    }
}
