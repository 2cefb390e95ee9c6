//! js/tally-board.js only hosts the card: it holds no word of any language, no
//! colour, no size or breakpoint and no arithmetic on figures. Every one of them
//! comes from the wasm (src/element.rs, src/sizes.rs, the layout), so the
//! element, the canvas and the SVG cannot drift apart. This test reads the file
//! as JavaScript (comments aside, strings and code apart) and looks for them.

const SOURCE: &str = include_str!("../js/tally-board.js");
/// The element's parts that only a full card uses, loaded with the full module.
const PARTS: &str = include_str!("../js/tally-board-card.js");
/// The first paint's loader and painter, put in front of the element (and of the API) by scripts/package.sh.
const FIRST: &str = include_str!("../js/first-paint.js");

/// The words that may appear in the element's strings: names of DOM elements,
/// attributes, events, ARIA roles and states, CSS classes and parts, module
/// files and the glue's exports. None is shown to a reader.
const CODE_WORDS: &[&str] = &[
    // elements, attributes and their values
    "div", "span", "slot", "button", "output", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "br", "a", "script",
    "type", "application", "json", "id", "class", "part", "role", "hidden", "scope", "col", "row", "download", "data", "index", "lang",
    "aria", "label", "labelledby", "live", "atomic", "pressed", "disabled", "polite", "status", "alert", "tooltip", "group", "true", "false",
    "open", "change", "click", "keydown", "pointermove", "pointerleave", "Escape", "px", "src", "theme", "locale", "parts", "exports",
    "coalition", "state", "error", "function", "string", "canvas", "badge", "visible", "off", "IntersectionObserver",
    // the findings list (elements, class, part, data attribute) and the keys and events of the keyboard
    "ul", "li", "strong", "findings", "list", "severity", "Enter", "blur",
    // right to left: the isolate of a name or a tooltip line, the direction attribute
    "bdi", "dir", "auto",
    // the export kinds the glue takes
    "png", "svg", "csv", "wikitext",
    // CSS classes and parts of the shadow tree, custom properties read from the page
    "fallback", "notice", "card", "tip", "tools", "pager", "buttons", "sum", "tables", "swatch", "tallyboard", "font",
    // events the element fires, the custom element, the glue
    "ready", "report", "tally", "board", "js", "wbg", "reset",
    // live cards: the refresh attribute, the events and the shadow tree's live regions, the page's
    // visibilitychange, the conditional request's HTTP headers and fetch's cache mode
    "refresh", "update", "stale", "headline", "visibilitychange", "if", "none", "match", "modified", "since", "etag", "last", "no",
    "store",
    // the first paint's module (tallyboard_first.js) and the language tag of its words (a BCP 47
    // tag the element matches the card's locale against, never shown)
    "first", "en",
    // the width attribute of a CLI-rendered SVG the element holds
    "width",
    // the words attribute (the page's own words, JSON) and the package's folder of word catalogues,
    // fetched as data for the wasm (the element shows none of their words itself)
    "words", "locales",
    // the module for cards in other languages than English (tallyboard_intl.js), and the first
    // paint's wasm file (tallyboard_first_bg.wasm), compiled while its glue is imported
    "intl", "bg", "wasm",
    // the full module's glue (tallyboard_full.js), which the element loads after the first paint
    "full",
];

/// CSS colour keywords: none may be a word of the element's strings.
const COLOR_WORDS: &[&str] = &[
    "red", "green", "blue", "black", "white", "gray", "grey", "silver", "navy", "orange", "yellow", "purple", "maroon", "teal", "olive",
    "lime", "aqua", "fuchsia", "transparent", "currentcolor",
];

#[derive(Debug, Default)]
struct Parts {
    strings: Vec<(usize, String)>,
    /// The code with strings blanked and comments removed, line by line.
    code: Vec<String>,
}

/// Splits JavaScript into string contents and code (comments dropped). Template
/// literals' text is a string; their `${…}` is code. Regular expression literals
/// are taken as strings (they are text the file matches against).
fn split(src: &str) -> Parts {
    let b: Vec<char> = src.chars().collect();
    let mut out = Parts::default();
    let mut code = String::new();
    let mut line = 1;
    let mut i = 0;
    // Template nesting: for each open `${`, the brace depth at which it closes.
    let mut templates: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut in_template_text = false;
    let mut s = String::new();
    let mut last_code = ' ';
    while i < b.len() {
        let c = b[i];
        if in_template_text {
            if c == '\\' {
                s.push(c);
                s.push(*b.get(i + 1).unwrap_or(&' '));
                i += 2;
                continue;
            }
            if c == '`' {
                out.strings.push((line, std::mem::take(&mut s)));
                in_template_text = false;
                code.push_str("``");
                i += 1;
                continue;
            }
            if c == '$' && b.get(i + 1) == Some(&'{') {
                out.strings.push((line, std::mem::take(&mut s)));
                in_template_text = false;
                depth += 1;
                templates.push(depth);
                code.push_str("${");
                i += 2;
                continue;
            }
            if c == '\n' {
                line += 1;
            }
            s.push(c);
            i += 1;
            continue;
        }
        match c {
            '/' if b.get(i + 1) == Some(&'/') => {
                while i < b.len() && b[i] != '\n' {
                    i += 1;
                }
            }
            '/' if b.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                    if b[i] == '\n' {
                        line += 1;
                        code.push('\n');
                    }
                    i += 1;
                }
                i += 2;
            }
            // A string, or a regular expression literal (where an operand can start).
            '\'' | '"' => {
                let (t, next) = delimited(&b, i + 1, c);
                (i, last_code) = (next, '\'');
                out.strings.push((line, t));
                code.push_str("''");
            }
            '/' if "(,=:[!&|?{};".contains(last_code) => {
                let (t, next) = delimited(&b, i + 1, '/');
                (i, last_code) = (next, '\'');
                out.strings.push((line, t));
                code.push_str("''");
            }
            '`' => {
                in_template_text = true;
                i += 1;
            }
            '{' => {
                depth += 1;
                code.push(c);
                last_code = c;
                i += 1;
            }
            '}' => {
                if templates.last() == Some(&depth) {
                    templates.pop();
                    in_template_text = true;
                }
                depth = depth.saturating_sub(1);
                code.push(c);
                last_code = c;
                i += 1;
            }
            _ => {
                if c == '\n' {
                    line += 1;
                }
                if !c.is_whitespace() {
                    last_code = c;
                }
                code.push(c);
                i += 1;
            }
        }
    }
    out.code = code.lines().map(str::to_string).collect();
    out
}

/// The text from `start` up to the unescaped `end`, and where scanning goes on (past `end`).
fn delimited(b: &[char], start: usize, end: char) -> (String, usize) {
    let (mut t, mut i) = (String::new(), start);
    while i < b.len() && b[i] != end {
        // An escape keeps the character it escapes, even a delimiter.
        let n = if b[i] == '\\' { 2 } else { 1 };
        t.extend(b[i..(i + n).min(b.len())].iter());
        i += n;
    }
    (t, i + 1)
}

fn words_of(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty())
}

/// Every problem in a source: words, colours, sizes and arithmetic on figures.
fn problems(src: &str) -> Vec<String> {
    let parts = split(src);
    let mut out = Vec::new();
    for (line, s) in &parts.strings {
        // The canvas's context type (getContext('2d'): the first card's painter and the text measure).
        if s == "2d" {
            continue;
        }
        if let Some(c) = s.chars().find(|c| !c.is_ascii()) {
            out.push(format!("line {line}: a character of a language or a symbol ({c:?}) in {s:?}"));
        }
        for w in words_of(s) {
            // camelCase and kebab-case names count word by word.
            let lower = w.to_ascii_lowercase();
            if COLOR_WORDS.contains(&lower.as_str()) {
                out.push(format!("line {line}: a colour ({w}) in {s:?}"));
            } else if !CODE_WORDS.contains(&w) {
                out.push(format!("line {line}: a word ({w:?}) in {s:?}: words come from the wasm"));
            }
        }
        let hex = s.match_indices('#').any(|(at, _)| {
            let run = s[at + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>();
            (3..=8).contains(&run.len()) && run.chars().all(|c| c.is_ascii_hexdigit())
        });
        if hex || s.contains("rgb(") || s.contains("hsl(") {
            out.push(format!("line {line}: a colour in {s:?}"));
        }
        // Numbers with their unit: 420px, 1.5em, 50%.
        let mut rest = s.as_str();
        while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
            let run: String = rest[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '%').collect();
            out.push(format!("line {line}: a number ({run}) in {s:?}: sizes come from src/sizes.rs"));
            rest = &rest[at + run.len()..];
        }
    }
    let figures = ["seat", "vote", "percent", "share", "majority", "total", "turnout", "count"];
    for (n, code) in parts.code.iter().enumerate() {
        let line = n + 1;
        let timing = code.trim_start().starts_with("const ")
            && code.split_whitespace().nth(1).is_some_and(|name| name.ends_with("_MS") || name.ends_with("_TRIES"));
        for token in code.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')).filter(|t| !t.is_empty()) {
            let digits = token.trim_start_matches('.');
            if digits.starts_with(|c: char| c.is_ascii_digit()) && !["0", "1"].contains(&digits) && !timing {
                out.push(format!("line {line}: a number ({token}) in code: sizes come from src/sizes.rs"));
            }
            if ["Math", "Intl", "toLocaleString", "toFixed", "parseFloat", "parseInt", "toPrecision"].iter().any(|f| token.split('.').any(|t| t == *f)) {
                out.push(format!("line {line}: number work ({token}): figures come from the wasm"));
            }
        }
        // A figure as an operand of arithmetic: seats + 1, votes / total, ...
        let ops: Vec<char> = code.chars().collect();
        for (k, c) in ops.iter().enumerate() {
            if !"+-*/%".contains(*c) || ops.get(k + 1).is_some_and(|n| "+-=>".contains(*n)) || (k > 0 && "+-".contains(ops[k - 1])) {
                continue;
            }
            let before: String = ops[..k].iter().rev().skip_while(|c| c.is_whitespace()).take_while(|c| c.is_alphanumeric() || **c == '_' || **c == '.' || **c == ']' || **c == '[').collect::<String>().chars().rev().collect();
            let after: String = ops[k + 1..].iter().skip_while(|c| c.is_whitespace()).take_while(|c| c.is_alphanumeric() || **c == '_' || **c == '.').collect();
            for side in [&before, &after] {
                let l = side.to_ascii_lowercase();
                if figures.iter().any(|f| l.contains(f)) {
                    out.push(format!("line {line}: arithmetic on a figure ({}): figures come from the wasm", code.trim()));
                }
            }
        }
    }
    out
}

#[test]
fn the_element_holds_no_word_colour_size_or_figure_work() {
    let found = problems(SOURCE);
    assert!(found.is_empty(), "js/tally-board.js:\n{}", found.join("\n"));
    let found = problems(PARTS);
    assert!(found.is_empty(), "js/tally-board-card.js:\n{}", found.join("\n"));
    let found = problems(FIRST);
    assert!(found.is_empty(), "js/first-paint.js:\n{}", found.join("\n"));
    // The parts are the element's methods on a class that the element installs: none is left behind.
    for method in ["_wire(m)", "_afterDraw()", "_table(t)", "_coalitionTools()", "_exportTools()", "_export(kind)", "_download(kind)"] {
        assert!(PARTS.contains(method) && !SOURCE.contains(&format!("  {method} {{")), "{method}");
    }
}

#[test]
fn the_scan_finds_what_the_element_used_to_hold() {
    // Lines from the element as it was (before the words moved to the wasm).
    let old = r#"
const WORDS = { en: { coalition: 'Build a coalition' }, ru: { coalition: 'Собрать коалицию' } };
function seatsWord(lang, n) { const d = n % 10; return d === 1 ? 'seat' : 'seats'; }
const majority = Math.floor(total / 2) + 1;
const STYLE = `:host { --_text: #1a1a1a; } @container (min-width: 420px) { .tools { padding: 0 20px; } }`;
tip.textContent = `${votes.toLocaleString()} votes`;
holder.style.left = '-100000px';
const x = Math.min(e.offsetX + 12, canvas.clientWidth - tip.offsetWidth - 4);
"#;
    let found = problems(old).join("\n");
    for want in [
        "a word (\"Build\")",
        "character of a language",
        "a word (\"seat\")",
        "number work (Math.floor)",
        "arithmetic on a figure (const majority",
        "a colour in",
        "a number (420px)",
        "toLocaleString",
        "a number (100000px)",
        "a number (12)",
    ] {
        assert!(found.contains(want), "the scan misses {want}:\n{found}");
    }
    // And what it must not take for a word: code around strings, templates, comments.
    assert!(problems("// Build a coalition\nconst a = `${x}-label`; /* Download */ el('div', { class: `tools ${name}` });").is_empty());
}
