//! Exports for pipelines and wikis that cannot run scripts: CSV (one row per
//! party, candidate or option) and Wikipedia wikitext (a wikitable in the
//! style of Wikipedia's election results tables). Text from data is never
//! interpreted: CSV cells that a spreadsheet would run as a formula are
//! neutralised, wikitext markup characters become HTML entities.

use crate::contest::{Document, Kind};
use crate::format::{self, grouped, int, Locale};
use crate::number::Decimal;
use crate::theme;

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 11] =
    ["contest", "contest_title", "kind", "name", "short", "votes", "percent", "seats", "previous_seats", "change", "color"];

/// A CSV cell: quoted when needed (RFC 4180); a text starting with `=`, `+`,
/// `-`, `@`, tab or carriage return gets a leading `'` so that spreadsheets
/// show it instead of evaluating it (OWASP's advice on CSV injection).
pub fn csv_cell(s: &str) -> String {
    let mut v = String::with_capacity(s.len() + 2);
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.push('\'');
    }
    v.push_str(s);
    if v.contains([',', '"', '\n', '\r']) || v.starts_with(' ') || v.ends_with(' ') {
        let mut q = String::with_capacity(v.len() + 2);
        q.push('"');
        q.push_str(&v.replace('"', "\"\""));
        q.push('"');
        q
    } else {
        v
    }
}

fn dec(d: &Decimal) -> String {
    format::decimal(d, &format::Locale { group: "", ..format::EN })
}

pub fn to_csv(doc: &Document) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for (ci, c) in doc.contests.iter().enumerate() {
        let id = c.id.clone().unwrap_or_else(|| "contest-".to_string() + &int(ci as u64 + 1));
        let kind = if c.kind == Kind::Vote { "vote" } else { "election" };
        for p in &c.parties {
            let change = match (p.seats, p.previous_seats) {
                (Some(s), Some(ps)) => format::signed(s as i64 - ps as i64),
                _ => String::new(),
            };
            let cells = [
                csv_cell(&id),
                csv_cell(c.title.as_deref().unwrap_or("")),
                kind.to_string(),
                csv_cell(&p.name),
                csv_cell(p.short.as_deref().unwrap_or("")),
                p.votes.map(int).unwrap_or_default(),
                p.percent.as_ref().map(dec).unwrap_or_default(),
                p.seats.map(int).unwrap_or_default(),
                p.previous_seats.map(int).unwrap_or_default(),
                change,
                p.color.map(|c| c.hex()).unwrap_or_default(),
            ];
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// Text safe in a wikitext table cell: markup characters as HTML entities,
/// newlines as spaces. `[[x]]`, `{{x}}`, `''x''`, `|`, `<tag>`, `~~~~`,
/// `__NOTOC__` all show as typed.
pub fn wiki_text(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut o = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        // Quotes and underscores are markup only in pairs (''italic'', __NOTOC__).
        let paired = |m: char| (i > 0 && chars[i - 1] == m) || chars.get(i + 1) == Some(&m);
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '[' => o.push_str("&#91;"),
            ']' => o.push_str("&#93;"),
            '{' => o.push_str("&#123;"),
            '}' => o.push_str("&#125;"),
            '|' => o.push_str("&#124;"),
            '!' => o.push_str("&#33;"),
            '~' => o.push_str("&#126;"),
            '\'' if paired('\'') => o.push_str("&#39;"),
            '_' if paired('_') => o.push_str("&#95;"),
            '\n' | '\r' | '\t' => o.push(' '),
            c if c.is_control() => {}
            c => o.push(c),
        }
    }
    o
}

/// A wikitable per contest, in the style of Wikipedia's election results.
pub fn to_wikitext(doc: &Document, loc: &Locale) -> String {
    let mut out = String::new();
    for (ci, c) in doc.contests.iter().enumerate() {
        if ci > 0 {
            out.push('\n');
        }
        let election = c.kind == Kind::Election;
        let show_seats = election && c.parties.iter().any(|p| p.seats.is_some());
        let show_change = show_seats && c.parties.iter().any(|p| p.previous_seats.is_some());
        let cols = 4 + usize::from(show_seats) + usize::from(show_change);
        out.push_str("{| class=\"wikitable\" style=\"text-align:right\"\n");
        let caption = c.title.as_deref().or(doc.title.as_deref()).unwrap_or("");
        if !caption.is_empty() {
            out.push_str("|+ ");
            out.push_str(&wiki_text(caption));
            out.push('\n');
        }
        let head = match (c.kind, c.list_key) {
            (Kind::Vote, _) => "Option",
            (_, "candidates") => "Candidate",
            _ => "Party",
        };
        out.push_str("! colspan=\"2\" | ");
        out.push_str(head);
        out.push_str(" !! Votes !! %");
        if show_seats {
            out.push_str(" !! Seats");
        }
        if show_change {
            out.push_str(" !! +/−");
        }
        out.push('\n');
        let valid = c.valid_total();
        for (i, p) in c.parties.iter().enumerate() {
            out.push_str("|-\n| style=\"background:");
            out.push_str(&theme::party_color(p.color, i).hex());
            out.push_str("; width:5px;\" |\n| style=\"text-align:left\" | ");
            out.push_str(&wiki_text(&p.name));
            out.push_str(" || ");
            out.push_str(&p.votes.map(|v| grouped(v, loc)).unwrap_or_else(|| "—".into()));
            out.push_str(" || ");
            let pct = p.percent.or_else(|| match (p.votes, valid) {
                (Some(v), Some(t)) if t > 0 => Some(Decimal::share(v, t, 2)),
                _ => None,
            });
            out.push_str(&pct.map(|d| format::decimal(&d, loc)).unwrap_or_else(|| "—".into()));
            if show_seats {
                out.push_str(" || ");
                out.push_str(&p.seats.map(|s| grouped(s, loc)).unwrap_or_else(|| "—".into()));
            }
            if show_change {
                out.push_str(" || ");
                out.push_str(&match (p.seats, p.previous_seats) {
                    (Some(s), Some(ps)) => format::change(s as i64 - ps as i64),
                    _ => "—".into(),
                });
            }
            out.push('\n');
        }
        let foot = |out: &mut String, label: &str, value: Option<u64>, pct: Option<Decimal>| {
            out.push_str("|-\n| colspan=\"2\" style=\"text-align:left\" | ");
            out.push_str(label);
            out.push_str(" || ");
            out.push_str(&value.map(|v| grouped(v, loc)).unwrap_or_default());
            out.push_str(" || ");
            out.push_str(&pct.map(|d| format::decimal(&d, loc)).unwrap_or_default());
            for _ in 4..cols {
                out.push_str(" || ");
            }
            out.push('\n');
        };
        if election {
            foot(&mut out, if c.ballots.valid.is_some() { "Valid votes" } else { "Total" }, valid, None);
            let cast = c.ballots.cast;
            let share = |n: Option<u64>| match (n, cast) {
                (Some(n), Some(t)) if t > 0 => Some(Decimal::share(n, t, 2)),
                _ => None,
            };
            if c.ballots.invalid.is_some() {
                foot(&mut out, "Invalid ballots", c.ballots.invalid, share(c.ballots.invalid));
            }
            if c.ballots.blank.is_some() {
                foot(&mut out, "Blank ballots", c.ballots.blank, share(c.ballots.blank));
            }
            if cast.is_some() {
                foot(&mut out, "Ballots cast", cast, None);
            }
        } else if c.participants.is_some() {
            foot(&mut out, "Participants", c.participants, None);
        }
        if c.electorate.is_some() {
            let turnout = c.turnout_percent.or_else(|| match (c.cast_total(), c.electorate) {
                (Some(n), Some(e)) if e > 0 => Some(Decimal::share(n, e, 2)),
                _ => None,
            });
            foot(&mut out, "Registered voters/turnout", c.electorate, turnout);
        }
        if let Some(s) = c.source.as_ref().or(doc.source.as_ref()) {
            out.push_str("|-\n| colspan=\"");
            out.push_str(&int(cols as u64));
            out.push_str("\" style=\"text-align:left\" | Source: ");
            out.push_str(&wiki_text(s.name.as_deref().unwrap_or("")));
            if let Some(u) = &s.url {
                if u.starts_with("https://") || u.starts_with("http://") {
                    out.push_str(" [");
                    out.push_str(&url_for_wikitext(u));
                    out.push(']');
                }
            }
            out.push('\n');
        }
        out.push_str("|}\n");
    }
    out
}

/// A URL with every character that wikitext or HTML could read as markup
/// percent-encoded: only letters, digits and `-.:/?#@!$&()*+,;=%` stay.
fn url_for_wikitext(u: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut o = String::with_capacity(u.len());
    for b in u.bytes() {
        if b.is_ascii_alphanumeric() || b"-.:/?#@!$&()*+,;=%".contains(&b) {
            o.push(b as char);
        } else {
            o.push('%');
            o.push(HEX[(b >> 4) as usize] as char);
            o.push(HEX[(b & 15) as usize] as char);
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells() {
        assert_eq!(csv_cell("Nur Otan"), "Nur Otan");
        assert_eq!(csv_cell("A, B"), "\"A, B\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
    }

    #[test]
    fn wiki_escapes() {
        assert_eq!(wiki_text("[[Main Page]] {{Delete}} ''x'' a|b"), "&#91;&#91;Main Page&#93;&#93; &#123;&#123;Delete&#125;&#125; &#39;&#39;x&#39;&#39; a&#124;b");
        assert_eq!(wiki_text("<script>~~~~"), "&lt;script&gt;&#126;&#126;&#126;&#126;");
        assert_eq!(wiki_text("Нұр Отан"), "Нұр Отан");
        assert_eq!(wiki_text("People's Party"), "People's Party");
        assert_eq!(wiki_text("__NOTOC__ a_b"), "&#95;&#95;NOTOC&#95;&#95; a_b");
    }
}
