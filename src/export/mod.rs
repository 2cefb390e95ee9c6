//! Exports for pipelines and wikis that cannot run scripts: CSV (one row per
//! line of every kind of contest, [`csv`]) and Wikipedia wikitext (a
//! wikitable in the style of Wikipedia's election results tables, in the
//! card's locale, [`wikitext`]). Both read the figures stage and the card's
//! table model. Text from data is never interpreted: CSV cells that a
//! spreadsheet would run as a formula are neutralised, cells with a comma or a
//! semicolon are quoted, wikitext markup characters become HTML entities.

mod csv;
mod wikitext;

pub use csv::{to_csv, to_csv_in, CSV_COLUMNS};
pub use wikitext::{to_wikitext, to_wikitext_with};


/// A CSV cell: quoted when needed (RFC 4180, and for the `;` that
/// spreadsheets in Russian, Kazakh, German and other locales separate cells
/// with); a text starting with `=`, `+`, `-`, `@`, tab or carriage return gets
/// a leading `'` so that spreadsheets show it instead of evaluating it (OWASP's
/// advice on CSV injection). Bidi controls cannot reach the cell.
pub fn csv_cell(s: &str) -> String {
    let mut v = String::with_capacity(s.len() + 2);
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.push('\'');
    }
    v.extend(s.chars().filter(|c| !crate::format::is_bidi_control(*c)));
    if v.contains([',', ';', '"', '\n', '\r']) || v.starts_with(' ') || v.ends_with(' ') {
        let mut q = String::with_capacity(v.len() + 2);
        q.push('"');
        q.push_str(&v.replace('"', "\"\""));
        q.push('"');
        q
    } else {
        v
    }
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
            c if c.is_control() || crate::format::is_bidi_control(c) => {}
            c => o.push(c),
        }
    }
    o
}

/// A URL with every character that wikitext or HTML could read as markup
/// percent-encoded: only letters, digits and `-.:/?#@!$&()*+,;=%` stay.
pub(crate) fn url_for_wikitext(u: &str) -> String {
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
        assert_eq!(csv_cell("A; B"), "\"A; B\"", "a semicolon-separated spreadsheet sees one cell");
        assert_eq!(csv_cell("Blue\u{202e}Party"), "BlueParty");
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
