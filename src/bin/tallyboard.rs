//! The tallyboard command line: validate results files, re-run seat
//! allocations, render cards. A thin front over the library.

use std::io::Write;
use std::process::ExitCode;
use tallyboard::format::{grouped, int, EN};
use tallyboard::report::Severity;

const USAGE: &str = "usage:
  tallyboard validate FILE... [--json]   check results files; exit 1 if any has an error
  tallyboard seats FILE... [--json] [--explain]
                                         the seats each election's declared rules give;
                                         --explain: round by round
  tallyboard render FILE [--svg OUT] [--png OUT] [--csv OUT] [--wikitext OUT]
                  [--width PX] [--theme light|dark] [--locale TAG] [--parts LIST]
                                         the card as SVG or PNG (2x), the results as CSV, a
                                         Wikipedia wikitable (OUT - for standard output)
                  [--embed [--src URL]]  the SVG inside a <tally-board src=URL> (default: FILE's
                                         name) for a page: shown at once, with the CLI's verdict,
                                         until the live card replaces it
  tallyboard render FILE|DIR... --out-dir OUT [--svg] [--png] [--csv] [--wikitext]
                                         one file of each kind per contest (default: SVG)
  tallyboard validate DIR                every .json file in DIR
  tallyboard --version                   the version
  tallyboard help                        this text (also COMMAND --help)";

/// Standard output that a closed pipe (`tallyboard seats FILE | head`) ends
/// quietly, with the shell's status for it (128 + SIGPIPE), never a panic.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write;
        if writeln!(std::io::stdout().lock(), $($t)*).is_err() {
            std::process::exit(141);
        }
    }};
}
macro_rules! say_part {
    ($($t:tt)*) => {{
        use std::io::Write;
        if write!(std::io::stdout().lock(), $($t)*).is_err() {
            std::process::exit(141);
        }
    }};
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        say!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if matches!(args.first().map(String::as_str), Some("--version" | "-V" | "version")) {
        say!("tallyboard {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    let json = args.iter().any(|a| a == "--json");
    if args.first().map(String::as_str) == Some("render") {
        return render(&args[1..]);
    }
    let files = match inputs(args.iter().skip(1).filter(|a| !a.starts_with("--"))) {
        Ok(f) => f,
        Err(e) => return usage_error(&e),
    };
    let files: Vec<&String> = files.iter().collect();
    let explain = args.iter().any(|a| a == "--explain");
    if let Some(bad) = args.iter().skip(1).find(|a| a.starts_with("--") && *a != "--json" && *a != "--explain") {
        return usage_error(&("unknown option ".to_string() + bad));
    }
    match args.first().map(String::as_str) {
        Some("validate") if !files.is_empty() => validate(&files, json),
        Some("seats") if files.len() == 1 => seats(files[0], json, explain),
        Some("seats") if json && files.len() > 1 => usage_error("seats --json takes one FILE"),
        Some("seats") if !files.is_empty() => {
            // Each file in turn; the status is 1 if any of them failed.
            let failed = files.iter().map(|f| seats(f, false, explain)).filter(|c| *c != ExitCode::SUCCESS).count();
            if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) }
        }
        Some("help" | "--help" | "-h") => {
            say!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("validate") => usage_error("validate needs at least one FILE"),
        Some("seats") => usage_error("seats needs at least one FILE"),
        Some(other) => usage_error(&("unknown command ".to_string() + other)),
        None => usage_error("no command given"),
    }
}

/// The files named, with each directory's `.json` files (sorted) in its place.
fn inputs<'a>(names: impl Iterator<Item = &'a String>) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for name in names {
        if !std::path::Path::new(name).is_dir() {
            out.push(name.clone());
            continue;
        }
        let dir = std::fs::read_dir(name).map_err(|e| name.clone() + ": " + &e.to_string())?;
        let mut found: Vec<String> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if found.is_empty() {
            return Err(name.clone() + " holds no .json file");
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("tallyboard: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn read(path: &str) -> Result<tallyboard::Checked, String> {
    std::fs::read(path).map(|b| tallyboard::check_bytes(&b)).map_err(|e| "cannot read the file: ".to_string() + &e.to_string())
}

fn validate(files: &[&String], json: bool) -> ExitCode {
    let mut failed = false;
    let mut all = Vec::new();
    let out = std::io::stdout();
    let mut out = out.lock();
    for path in files {
        let checked = match read(path) {
            Ok(c) => c,
            Err(e) => {
                failed = true;
                if json {
                    all.push(serde_json::json!({"file": path, "error": e}));
                } else {
                    let _ = writeln!(out, "{path}: error: {e}");
                }
                continue;
            }
        };
        let r = &checked.report;
        failed |= r.has_errors();
        if json {
            all.push(serde_json::json!({"file": path, "errors": r.errors(), "warnings": r.count(Severity::Warning),
                "info": r.count(Severity::Info), "findings": r.findings}));
            continue;
        }
        let _ = writeln!(
            out,
            "{path}: {} {}, {} {}, {} info",
            r.errors(),
            if r.errors() == 1 { "error" } else { "errors" },
            r.count(Severity::Warning),
            if r.count(Severity::Warning) == 1 { "warning" } else { "warnings" },
            r.count(Severity::Info)
        );
        for f in &r.findings {
            let at = match (f.line, f.column) {
                (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
                _ => path.to_string(),
            };
            let pointer = if f.path.is_empty() { String::new() } else { format!(" {}", f.path) };
            // Text from the data reaches the terminal escaped: no control sequence runs.
            let line = format!("  {at}: {} [{}]{pointer}: {}", f.severity.word(), f.code, f.message);
            let _ = writeln!(out, "{}", tallyboard::format::terminal(&line));
        }
    }
    if json {
        let v = if files.len() == 1 { all.pop().unwrap_or_default() } else { serde_json::Value::Array(all) };
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn seats(path: &str, json: bool, explain: bool) -> ExitCode {
    let checked = match read(path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{path}: error: {e}");
            return ExitCode::from(1);
        }
    };
    let Some(doc) = &checked.document else {
        for f in &checked.report.findings {
            let at = f.line.map(|l| format!(":{l}:{}", f.column.unwrap_or(0))).unwrap_or_default();
            eprintln!("{}", tallyboard::format::terminal(&format!("{path}{at}: {}: {}", f.severity.word(), f.message)));
        }
        return ExitCode::from(1);
    };
    let runs = tallyboard::seat_runs(doc, explain);
    if json {
        let v: Vec<serde_json::Value> = runs.iter().map(|r| seat_run_json(doc, r, explain)).collect();
        say!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    if runs.is_empty() {
        say!("{path}: no election with a declared method");
    }
    for r in &runs {
        let c = &doc.contests[r.contest];
        let title = c.title.as_deref().or(c.id.as_deref()).unwrap_or("(untitled)");
        if !(explain && r.replay.is_some()) {
            say!("{title}: {} seats by {}", int(r.seats), r.method.label());
        }
        if let Some(why) = &r.blocked {
            say!("  not computed: {why}");
            continue;
        }
        let Some(a) = &r.replay else { continue };
        if explain {
            say_part!("{}", tallyboard::explain::explain(c, a));
        } else {
            print_seat_table(c, a);
        }
    }
    ExitCode::SUCCESS
}

/// One contest's seat run for `seats --json`: each party's fate and seats, the tie, what blocked it.
fn seat_run_json(doc: &tallyboard::contest::Document, r: &tallyboard::SeatRun, explain: bool) -> serde_json::Value {
    let c = &doc.contests[r.contest];
    let parties: Vec<serde_json::Value> = c
        .parties
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let line = r.replay.as_ref().map(|x| &x.lines[i]);
            serde_json::json!({"name": p.name, "votes": p.votes, "reported": p.seats,
                "eligible": line.map(|l| l.fate.qualifies()), "fate": line.map(|l| l.fate),
                "seats": line.map(|l| l.seats)})
        })
        .collect();
    let mut v = serde_json::json!({"contest": r.id, "path": format!("/contests/{}", r.contest), "method": r.method.key(),
        "seats": r.seats, "body": r.replay.as_ref().map(|x| x.body), "parties": parties,
        "tie": r.replay.as_ref().and_then(|x| x.tie.clone()), "blocked": r.blocked});
    if explain {
        v["explain"] = serde_json::to_value(&r.replay).unwrap_or_default();
    }
    v
}

/// The replayed seats of a contest's parties beside the reported ones, and the tie, if any.
fn print_seat_table(c: &tallyboard::contest::Contest, a: &tallyboard::seats::Replay) {
    let width = c.parties.iter().map(|p| p.name.chars().count()).max().unwrap_or(4).min(48);
    say!("  {:<width$}  {:>12}  {:>6}  {:>8}", "party", "votes", "seats", "reported");
    for (i, p) in c.parties.iter().enumerate() {
        let l = &a.lines[i];
        let seats = if l.tied { format!("{}+?", l.seats) } else if l.fate.qualifies() || l.seats > 0 { int(l.seats) } else { "-".into() };
        let name: String = p.name.chars().take(width).collect();
        let pad = width.saturating_sub(name.chars().count());
        say!(
            "  {name}{}  {:>12}  {:>6}  {:>8}",
            " ".repeat(pad),
            p.votes.map(|v| grouped(v, &EN)).unwrap_or_default(),
            seats,
            p.seats.map(int).unwrap_or_else(|| "-".into())
        );
    }
    if let Some(t) = &a.tie {
        let names: Vec<&str> = t.parties.iter().map(|&i| c.parties[i].name.as_str()).collect();
        say!("  tie: {} seat(s) in doubt between {}", t.seats, names.join(", "));
    }
}

/// What `render` was asked for: the input file, each output's path, the card's options.
struct RenderArgs {
    file: String,
    svg: Option<String>,
    png: Option<String>,
    csv: Option<String>,
    wikitext: Option<String>,
    /// `--embed`: the SVG inside a `<tally-board>` whose `src` is this (shown until the live card is ready).
    embed: Option<String>,
    opts: tallyboard::layout::Options,
}

/// `render`'s arguments, or the usage error they make.
fn render_args(args: &[String]) -> Result<RenderArgs, String> {
    let (mut file, mut svg, mut csv, mut png, mut wikitext) = (None, None, None, None, None);
    let (mut embed, mut src) = (false, None);
    let mut opts = tallyboard::layout::Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| name.to_string() + " needs a value");
        match a.as_str() {
            "--svg" => value("--svg").map(|v| svg = Some(v)),
            "--csv" => value("--csv").map(|v| csv = Some(v)),
            "--png" => value("--png").map(|v| png = Some(v)),
            "--wikitext" => value("--wikitext").map(|v| wikitext = Some(v)),
            "--embed" => Ok(embed = true),
            "--src" => value("--src").map(|v| src = Some(v)),
            "--width" => value("--width").and_then(|v| v.parse::<f64>().map(|w| opts.width = w).map_err(|_| "--width needs a number of pixels".to_string())),
            "--theme" => value("--theme").and_then(|v| match v.as_str() {
                "light" => Ok(opts.theme = tallyboard::theme::LIGHT),
                "dark" => Ok(opts.theme = tallyboard::theme::DARK),
                _ => Err("--theme is light or dark".to_string()),
            }),
            "--locale" => value("--locale").and_then(|v| match tallyboard::format::Locale::known(&v) {
                Some(l) => {
                    opts.locale = l;
                    opts.words = tallyboard::catalogue::for_locale(&v);
                    opts.rtl = tallyboard::format::rtl(&v);
                    Ok(())
                }
                None => Err("--locale ".to_string() + &v + ": the CLI has words and numbers for " + &tallyboard::catalogue::list() + " (a region is taken too: pt-BR, de-AT)"),
            }),
            "--parts" => value("--parts").and_then(|v| match tallyboard::layout::Parts::parse(&v) {
                Ok(p) => Ok(opts.parts = p),
                Err(bad) => Err("--parts: \"".to_string() + &bad + "\" is not a part; parts are " + &tallyboard::layout::Parts::NAMES.join(", ")),
            }),
            s if s.starts_with("--") => Err("unknown option ".to_string() + s),
            s if file.is_none() => {
                file = Some(s.to_string());
                Ok(())
            }
            s => Err("unexpected argument ".to_string() + s),
        }?;
    }
    let file = file.ok_or("render needs a FILE")?;
    if svg.is_none() && png.is_none() && csv.is_none() && wikitext.is_none() {
        return Err("render needs at least one of --svg OUT, --png OUT, --csv OUT, --wikitext OUT".to_string());
    }
    if src.is_some() && !embed {
        return Err("--src is the embedded card's data address: use it with --embed".to_string());
    }
    if embed && svg.is_none() {
        return Err("--embed writes the SVG inside a <tally-board> element: give --svg OUT".to_string());
    }
    // The element's src: the data beside the page, by its file name, unless given.
    let name = || std::path::Path::new(&file).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let embed = embed.then(|| src.unwrap_or_else(name));
    Ok(RenderArgs { file, svg, png, csv, wikitext, embed, opts })
}

fn render(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "--out-dir") {
        return render_dir(args);
    }
    let a = match render_args(args) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let file = &a.file;
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{file}: error: cannot read the file: {e}");
            return ExitCode::from(1);
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let (scene, checked) = tallyboard::render_scene(&text, &a.opts, &tallyboard::layout::Approx, None);
    let written = render_outputs(&a, &scene, &checked).and_then(write_outputs);
    if let Err(e) = written {
        eprintln!("{e}");
        return ExitCode::from(1);
    }
    print_render_errors(file, &checked.report);
    if checked.report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `render FILE... --out-dir DIR [--svg] [--png] [--csv] [--wikitext]` and the card's
/// options: one file of each kind per contest of each input, named after the input
/// and the contest's id (`mazhilis.svg`, or `doc-<id>.svg` when it has several).
fn render_dir(args: &[String]) -> ExitCode {
    let (mut names, mut out, mut kinds, mut rest) = (Vec::new(), None, Vec::new(), Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out-dir" => out = it.next().cloned(),
            "--svg" | "--png" | "--csv" | "--wikitext" => kinds.push(a[2..].to_string()),
            // The embedded card is the whole document (its every contest), as the element draws it.
            "--embed" => return usage_error("--embed writes one document's card: render FILE --svg OUT --embed"),
            "--width" | "--theme" | "--locale" | "--parts" => rest.extend([Some(a.clone()), it.next().cloned()].into_iter().flatten()),
            s if s.starts_with("--") => return usage_error(&("unknown option ".to_string() + s)),
            s => names.push(s.to_string()),
        }
    }
    let Some(out) = out else { return usage_error("--out-dir needs a folder") };
    if kinds.is_empty() {
        kinds.push("svg".to_string());
    }
    // The card's options, read as for one file.
    let one: Vec<String> = ["FILE", "--svg", "-"].iter().map(|s| s.to_string()).chain(rest).collect();
    let opts = match render_args(&one) {
        Ok(a) => a.opts,
        Err(e) => return usage_error(&e),
    };
    let files = match inputs(names.iter()) {
        Ok(f) if !f.is_empty() => f,
        Ok(_) => return usage_error("render needs a FILE"),
        Err(e) => return usage_error(&e),
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("{out}: error: cannot make the folder: {e}");
        return ExitCode::from(1);
    }
    let mut failed = false;
    let mut written = 0;
    for file in &files {
        match render_contests(file, &out, &kinds, &opts) {
            Ok((n, errors)) => {
                written += n;
                failed |= errors;
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    say!("{} written to {out}", if written == 1 { "1 file".to_string() } else { int(written as u64) + " files" });
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// One input's contests, each drawn on its own into `out`: how many files, and whether it has errors.
fn render_contests(file: &str, out: &str, kinds: &[String], opts: &tallyboard::layout::Options) -> Result<(usize, bool), String> {
    let checked = read(file).map_err(|e| file.to_string() + ": error: " + &e)?;
    print_render_errors(file, &checked.report);
    let Some(doc) = &checked.document else { return Ok((0, true)) };
    let stem = std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "results".to_string());
    let mut n = 0;
    for i in 0..doc.contests.len() {
        let one = tallyboard::one_contest(&checked, i);
        let mut name = stem.clone();
        if doc.contests.len() > 1 {
            let id = doc.contests[i].id.clone().unwrap_or_else(|| int(i as u64 + 1));
            name += "-";
            name.extend(id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }));
        }
        let scene = tallyboard::scene_of(&one, opts, &tallyboard::layout::Approx, None);
        let a = RenderArgs { file: file.to_string(), svg: None, png: None, csv: None, wikitext: None, embed: None, opts: *opts };
        let path = |ext: &str| std::path::Path::new(out).join(name.clone() + "." + ext).to_string_lossy().into_owned();
        let a = RenderArgs {
            svg: kinds.iter().any(|k| k == "svg").then(|| path("svg")),
            png: kinds.iter().any(|k| k == "png").then(|| path("png")),
            csv: kinds.iter().any(|k| k == "csv").then(|| path("csv")),
            wikitext: kinds.iter().any(|k| k == "wikitext").then(|| path("wiki")),
            ..a
        };
        let outputs = render_outputs(&a, &scene, &one)?;
        n += outputs.len();
        write_outputs(outputs)?;
    }
    Ok((n, checked.report.has_errors()))
}

/// Each output asked for, as the path and the bytes to write there (PNG, SVG, CSV, wikitext),
/// or the error line of a PNG that cannot be drawn.
fn render_outputs(a: &RenderArgs, scene: &tallyboard::layout::Scene, checked: &tallyboard::Checked) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut outputs: Vec<(String, Vec<u8>)> = Vec::new();
    let svg_text = tallyboard::svg::to_svg(scene);
    if let Some(path) = &a.png {
        let bytes = rasterise(&svg_text, 2.0).map_err(|e| format!("{path}: error: cannot draw the PNG: {e}"))?;
        outputs.push((path.clone(), bytes));
    }
    if let Some(path) = &a.svg {
        let text = match &a.embed {
            // The element's toolbar rows (the downloads, and the pager or coalition builder the data
            // has) keep their place under the card, a band of its background: nothing below moves
            // when the live card replaces the SVG.
            Some(src) => {
                let rows = tallyboard::element::tools(scene, checked).split_whitespace().count();
                let mut tall = scene.clone();
                tall.height += rows as f64 * tallyboard::sizes::TOOLS_ROW;
                tallyboard::svg::embed(&tallyboard::svg::to_svg(&tall), src)
            }
            None => svg_text,
        };
        outputs.push((path.clone(), text.into_bytes()));
    }
    if let Some(doc) = checked.document.as_ref() {
        if let Some(path) = &a.csv {
            outputs.push((path.clone(), tallyboard::export::to_csv_in(doc, &checked.figures, &a.opts.locale).into_bytes()));
        }
        if let Some(path) = &a.wikitext {
            outputs.push((path.clone(), tallyboard::export::to_wikitext(doc, &checked.figures, &a.opts.locale).into_bytes()));
        }
    }
    Ok(outputs)
}

/// Write each output (`-`: standard output), stopping at the first that cannot be written.
fn write_outputs(outputs: Vec<(String, Vec<u8>)>) -> Result<(), String> {
    for (path, content) in outputs {
        let written = if path == "-" { std::io::stdout().write_all(&content) } else { std::fs::write(&path, content) };
        written.map_err(|e| format!("{path}: error: cannot write: {e}"))?;
    }
    Ok(())
}

/// The first errors of the report, which say what is wrong; `validate` lists them all.
fn print_render_errors(file: &str, report: &tallyboard::report::Report) {
    const SHOWN: usize = 20;
    let errors: Vec<_> = report.findings.iter().filter(|f| f.severity == Severity::Error).collect();
    for f in errors.iter().take(SHOWN) {
        let at = f.line.map(|l| format!(":{l}:{}", f.column.unwrap_or(0))).unwrap_or_default();
        eprintln!("{}", tallyboard::format::terminal(&format!("{file}{at}: error [{}] {}: {}", f.code, f.path, f.message)));
    }
    if errors.len() > SHOWN {
        eprintln!("{}", tallyboard::format::terminal(&format!("{file}: and {} more errors (tallyboard validate {file} lists them all)", errors.len() - SHOWN)));
    }
}

/// Our SVG drawn to PNG pixels at `scale` (2 = twice the card's CSS size),
/// with the system's fonts (DejaVu Sans covers Cyrillic and Kazakh letters).
fn rasterise(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut opt = usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| e.to_string())?;
    let size = tree.size().to_int_size().scale_by(scale).ok_or("the card has no size")?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("the card is too large for a PNG")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}
