//! The tallyboard command line: validate results files, re-run seat
//! allocations, render cards. A thin front over the library.

use std::io::Write;
use std::process::ExitCode;
use tallyboard::format::{grouped, int, EN};
use tallyboard::report::Severity;

const USAGE: &str = "usage:
  tallyboard validate FILE... [--json]   check results files; exit 1 if any has an error
  tallyboard seats FILE [--json]         the seats each election's declared method gives
  tallyboard help                        this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().skip(1).filter(|a| !a.starts_with("--")).collect();
    if let Some(bad) = args.iter().skip(1).find(|a| a.starts_with("--") && *a != "--json") {
        return usage_error(&("unknown option ".to_string() + bad));
    }
    match args.first().map(String::as_str) {
        Some("validate") if !files.is_empty() => validate(&files, json),
        Some("seats") if files.len() == 1 => seats(files[0], json),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("validate") => usage_error("validate needs at least one FILE"),
        Some("seats") => usage_error("seats needs exactly one FILE"),
        Some(other) => usage_error(&("unknown command ".to_string() + other)),
        None => usage_error("no command given"),
    }
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
            let _ = writeln!(out, "  {at}: {} [{}]{pointer}: {}", f.severity.word(), f.code, f.message);
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

fn seats(path: &str, json: bool) -> ExitCode {
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
            eprintln!("{path}{at}: {}: {}", f.severity.word(), f.message);
        }
        return ExitCode::from(1);
    };
    let runs = tallyboard::seat_runs(doc);
    if json {
        let v: Vec<serde_json::Value> = runs
            .iter()
            .map(|r| {
                let c = &doc.contests[r.contest];
                let parties: Vec<serde_json::Value> = c
                    .parties
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        serde_json::json!({"name": p.name, "votes": p.votes, "reported": p.seats,
                            "eligible": r.allocation.as_ref().map(|a| a.eligible[i]),
                            "seats": r.allocation.as_ref().map(|a| a.seats[i])})
                    })
                    .collect();
                serde_json::json!({"contest": r.id, "path": format!("/contests/{}", r.contest), "method": r.method.key(),
                    "seats": r.seats, "parties": parties, "tie": r.allocation.as_ref().and_then(|a| a.tie.clone()),
                    "blocked": r.blocked})
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    if runs.is_empty() {
        println!("{path}: no election with a declared method");
    }
    for r in &runs {
        let c = &doc.contests[r.contest];
        let title = c.title.as_deref().or(c.id.as_deref()).unwrap_or("(untitled)");
        println!("{title}: {} seats by {}", int(r.seats), r.method.label());
        if let Some(why) = &r.blocked {
            println!("  not computed: {why}");
            continue;
        }
        let Some(a) = &r.allocation else { continue };
        let width = c.parties.iter().map(|p| p.name.chars().count()).max().unwrap_or(4).min(48);
        println!("  {:<width$}  {:>12}  {:>6}  {:>8}", "party", "votes", "seats", "reported");
        for (i, p) in c.parties.iter().enumerate() {
            let tied = a.tie.as_ref().is_some_and(|t| t.parties.contains(&i));
            let seats = if tied { format!("{}+?", a.seats[i]) } else if a.eligible[i] { int(a.seats[i]) } else { "-".into() };
            let name: String = p.name.chars().take(width).collect();
            let pad = width.saturating_sub(name.chars().count());
            println!(
                "  {name}{}  {:>12}  {:>6}  {:>8}",
                " ".repeat(pad),
                p.votes.map(|v| grouped(v, &EN)).unwrap_or_default(),
                seats,
                p.seats.map(int).unwrap_or_else(|| "-".into())
            );
        }
        if let Some(t) = &a.tie {
            let names: Vec<&str> = t.parties.iter().map(|&i| c.parties[i].name.as_str()).collect();
            println!("  tie: {} seat(s) in doubt between {}", t.seats, names.join(", "));
        }
    }
    ExitCode::SUCCESS
}
