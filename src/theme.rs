//! Colours: light and dark themes, and a colour-blind-safe fallback palette
//! (Okabe & Ito) for parties without a colour.

use crate::contest::Rgb;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub rule: Rgb,
    pub stripe: Rgb,
    pub ok: Rgb,
    pub warn: Rgb,
    pub error: Rgb,
    pub unassigned: Rgb,
    /// The focus ring of the element's controls (3:1 on the background).
    pub focus: Rgb,
    /// The border of the element's buttons (3:1 on the background).
    pub control: Rgb,
}

/// The colours a page can set (`colors` option, `--tallyboard-card-*` properties).
pub const COLOR_NAMES: [&str; 9] = ["background", "text", "muted", "rule", "stripe", "ok", "warn", "error", "unassigned"];

pub const LIGHT: Theme = Theme {
    background: Rgb(255, 255, 255),
    text: Rgb(0x1a, 0x1a, 0x1a),
    muted: Rgb(0x59, 0x59, 0x59), // 7:1 on white
    rule: Rgb(0xd0, 0xd0, 0xd0),
    stripe: Rgb(0xf4, 0xf4, 0xf4),
    ok: Rgb(0x1b, 0x6e, 0x20),
    warn: Rgb(0x8a, 0x5a, 0x00),
    error: Rgb(0xb0, 0x1c, 0x1c),
    unassigned: Rgb(0xc8, 0xc8, 0xc8),
    focus: Rgb(0x0b, 0x57, 0xd0),
    control: Rgb(0x76, 0x76, 0x76),
};

pub const DARK: Theme = Theme {
    background: Rgb(0x16, 0x18, 0x1c),
    text: Rgb(0xee, 0xee, 0xee),
    muted: Rgb(0xb0, 0xb4, 0xba),
    rule: Rgb(0x44, 0x48, 0x50),
    stripe: Rgb(0x20, 0x23, 0x28),
    ok: Rgb(0x7b, 0xd8, 0x83),
    warn: Rgb(0xf0, 0xc0, 0x50),
    error: Rgb(0xff, 0x8a, 0x80),
    unassigned: Rgb(0x55, 0x59, 0x60),
    focus: Rgb(0x8a, 0xb4, 0xf8),
    control: Rgb(0x8a, 0x8f, 0x98),
};

/// Okabe-Ito: distinguishable with the common colour-vision deficiencies.
pub const PALETTE: [Rgb; 8] = [
    Rgb(0x00, 0x72, 0xb2),
    Rgb(0xe6, 0x9f, 0x00),
    Rgb(0x00, 0x9e, 0x73),
    Rgb(0xd5, 0x5e, 0x00),
    Rgb(0x56, 0xb4, 0xe9),
    Rgb(0xcc, 0x79, 0xa7),
    Rgb(0xf0, 0xe4, 0x42),
    Rgb(0x99, 0x99, 0x99),
];

pub fn party_color(given: Option<Rgb>, index: usize) -> Rgb {
    given.unwrap_or(PALETTE[index % PALETTE.len()])
}

impl Theme {
    /// Override colours by name ("background", "text", "muted", "rule",
    /// "stripe", "ok", "warn", "error", "unassigned"); unknown names and
    /// colours that are not `#rrggbb` are ignored.
    pub fn with(mut self, name: &str, value: &str) -> Theme {
        let Some(c) = Rgb::parse(value.trim_ascii()) else { return self };
        match name {
            "background" => self.background = c,
            "text" => self.text = c,
            "muted" => self.muted = c,
            "rule" => self.rule = c,
            "stripe" => self.stripe = c,
            "ok" => self.ok = c,
            "warn" => self.warn = c,
            "error" => self.error = c,
            "unassigned" => self.unassigned = c,
            _ => {}
        }
        self
    }
}

/// A party's colour as every output draws it: its own (or the palette's for its
/// place in the list), made legible on `background` (see [`legible`]).
pub fn party_on(given: Option<Rgb>, index: usize, background: Rgb) -> Rgb {
    legible(party_color(given, index), background)
}

/// [`party_on`] where whether `background` keeps the parties' own colours ([`keeps_colors`]) is
/// already known: a long list of parties does not work out the background's luminance for each.
pub fn party_on_known(given: Option<Rgb>, index: usize, background: Rgb, keeps: bool) -> Rgb {
    if keeps {
        party_color(given, index)
    } else {
        party_on(given, index, background)
    }
}

/// `a` moved a fraction `t` of the way towards `b`.
pub fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let m = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * t).round().clamp(0.0, 255.0) as u8;
    Rgb(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// A party's colour as drawn on `background`: on a dark card a colour below
/// 3:1 against it (WCAG 1.4.11, graphical objects: a navy party on near-black)
/// is lightened, in steps of a tenth towards white, until it reaches 3:1. On a
/// light card the given colours are kept: they are the parties' own.
pub fn legible(c: Rgb, background: Rgb) -> Rgb {
    if keeps_colors(background) {
        return c;
    }
    let mut t = 0.0;
    let mut out = c;
    while contrast(out, background) < 3.0 && t < 1.0 {
        t += 0.1;
        out = mix(c, Rgb(255, 255, 255), t);
    }
    out
}

/// Whether parties' colours are drawn as given on `background` (a light card; see [`legible`]).
pub fn keeps_colors(background: Rgb) -> bool {
    luminance(background) >= 0.2
}

/// Relative luminance (WCAG 2), for picking a readable text colour on a fill.
pub fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            pow_2_4((s + 0.055) / 1.055)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// `x` (0 < x <= 1) to the power 2.4: x² times x^0.4, which is a product of repeated square
/// roots of x (0.4 in binary is 0.0110 0110…: a root for each 1). No libm `pow` in the wasm
/// (1.4 KB raw of the first paint's module); within 1e-14 of `powf` for every channel value (tested).
fn pow_2_4(x: f64) -> f64 {
    let (mut r, mut root, mut bits) = (x * x, x, 0.4f64);
    for _ in 0..53 {
        root = root.sqrt();
        bits *= 2.0;
        if bits >= 1.0 {
            r *= root;
            bits -= 1.0;
        }
    }
    r
}

pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod legible_tests {
    use super::*;

    #[test]
    fn dark_cards_lighten_dark_party_colours_to_three_to_one() {
        let navy = Rgb(0x1c, 0x3f, 0x94);
        assert!(contrast(navy, DARK.background) < 3.0);
        let l = legible(navy, DARK.background);
        assert!(contrast(l, DARK.background) >= 3.0, "{l:?}");
        // The least lightening that does it: a tenth less is not enough.
        assert!(contrast(mix(navy, Rgb(255, 255, 255), 0.0), DARK.background) < 3.0);
        // Already legible colours and light cards are left alone.
        assert_eq!(legible(Rgb(0x00, 0xa0, 0xe3), DARK.background), Rgb(0x00, 0xa0, 0xe3));
        assert_eq!(legible(navy, LIGHT.background), navy);
        assert!(contrast(legible(Rgb(0, 0, 0), Rgb(0, 0, 0)), Rgb(0, 0, 0)) >= 3.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_power_without_libm_is_powf_for_every_channel() {
        for v in 0..=255u8 {
            let x = (v as f64 / 255.0 + 0.055) / 1.055;
            let (ours, libm) = (pow_2_4(x), x.powf(2.4));
            assert!((ours - libm).abs() <= 1e-14 * libm, "{v}: {ours} vs {libm}");
        }
    }

    #[test]
    fn text_meets_wcag_aa() {
        for t in [LIGHT, DARK] {
            for fg in [t.text, t.muted, t.ok, t.warn, t.error] {
                assert!(contrast(fg, t.background) >= 4.5, "{fg:?} on {:?}: {}", t.background, contrast(fg, t.background));
            }
            // Focus rings and button borders (WCAG 1.4.11: 3:1).
            for fg in [t.focus, t.control] {
                assert!(contrast(fg, t.background) >= 3.0, "{fg:?} on {:?}", t.background);
            }
        }
    }
}
