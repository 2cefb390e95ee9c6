//! Primaries: the selection funnel (applicants, shortlisted, selected) and the
//! shares among them.

use crate::contest::Contest;
use crate::theme;
use super::builder::*;
use super::scene::*;
use super::{header::*, waffle::*};

pub(super) fn primaries(b: &mut Builder, _ci: usize, c: &Contest) {
    let t = *b.t();
    let o = b.o;
    heading(b, c);
    let crate::contest::Detail::Primaries(p) = &c.detail else { return };
    let size = b.fs;
    // Voters and turnout.
    if let Some(v) = p.voters {
        let mut line = p.voters_qualifier.map(|q| q.word()).unwrap_or("").to_string() + &num(v, o) + " " + o.words.voters;
        if let Some(tp) = &c.turnout_percent {
            line += " · ";
            line += o.words.turnout;
            line += " ";
            line += &pct(tp, o);
        }
        let fs = size + 1.0;
        b.paragraph(&line, b.pad, b.inner(), fs, true, t.text);
        b.y += 8.0;
    }
    // The funnel: bar widths on a logarithmic scale, so that 78 of 10,000 still shows.
    let max = p.stages.iter().filter_map(|s| s.count).max().unwrap_or(1).max(2) as f64;
    let accent = theme::PALETTE[0];
    for s in &p.stages {
        let label = s.name.clone() + ": " + s.qualifier.word() + &s.count.map(|n| num(n, o)).unwrap_or_else(|| "—".into());
        let fs = size - 1.0;
        b.paragraph(&label, b.pad, b.inner(), fs, false, t.text);
        if let Some(n) = s.count {
            let w = (b.inner() * ((n.max(1) as f64).log10() + 1.0) / (max.log10() + 1.0)).max(4.0);
            b.shapes.push(Shape::Rect { x: b.pad + (b.inner() - w) / 2.0, y: b.y + 2.0, w, h: 16.0, color: accent, alpha: 1.0 });
        }
        b.y += 24.0;
    }
    if !p.stages.is_empty() {
        let fs = size - 3.0;
        b.paragraph(o.words.log_scale, b.pad, b.inner(), fs, false, t.muted);
        b.y += 6.0;
    }
    if let Some(r) = &p.removed {
        let mut line = o.words.removed.to_string() + ": " + &r.count.map(|n| num(n, o)).unwrap_or_else(|| "—".into());
        if !r.reasons.is_empty() {
            let parts: Vec<String> = r.reasons.iter().map(|(n, k)| n.clone() + " " + &num(*k, o)).collect();
            line += " (";
            line += &parts.join(", ");
            line += ")";
        }
        let fs = size - 1.0;
        b.paragraph(&line, b.pad, b.inner(), fs, false, t.text);
        b.y += 8.0;
    }
    let whole = |st: &Option<String>| st.as_ref().and_then(|name| p.stages.iter().find(|x| &x.name == name)).filter(|x| x.qualifier == crate::contest::Qualifier::Exactly).and_then(|x| x.count);
    for (i, s) in p.shares.iter().enumerate() {
        share_rows(b, std::slice::from_ref(s), whole(&s.stage), o.words.of_stage, i);
    }
    if let Some(q) = &p.quota {
        let mut line = o.words.quota.to_string() + ": " + &pct(&q.percent, o) + " · " + &q.shares.join(", ");
        if let Some(st) = &q.stage {
            line += " · ";
            line += o.words.of_stage;
            line += " ";
            line += st;
        }
        let fs = size - 1.0;
        b.paragraph(&line, b.pad, b.inner(), fs, false, t.muted);
        b.y += 6.0;
    }
    if o.parts.notes {
        notes(b, c);
    }
    if o.parts.source {
        if let Some(src) = &c.source {
            source_line(b, src);
        }
    }
}
