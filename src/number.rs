//! Exact numbers: vote counts are integers, reported percentages are decimals
//! that keep the precision they were written with (`97.5` has one decimal,
//! `9.10` two). No floating point anywhere in the checks.

/// A decimal `units / 10^scale`, e.g. 97.5 = (975, 1), 9.10 = (910, 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Decimal {
    pub units: i128,
    pub scale: u32,
}

/// Largest number of decimals we keep (more is refused as unreasonable).
pub const MAX_SCALE: u32 = 12;
/// Largest count accepted (a quadrillion: far above any electorate, far below overflow).
pub const MAX_COUNT: u64 = 1_000_000_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountError {
    Negative,
    Fractional,
    TooLarge,
}

/// `n / d` rounded toward zero (as `/` does), for a divisor that fits in 64 bits (> 0): by 64-bit
/// division when `n` fits (every real count and share does), else one bit at a time. No general
/// 128-bit division then in the wasm (compiler_builtins' is 1.1 KB raw of the first paint's module).
pub fn div(n: i128, d: u64) -> i128 {
    let m = n.unsigned_abs();
    let q = match u64::try_from(m) {
        Ok(m) => (m / d) as u128,
        Err(_) => {
            let (mut q, mut r) = (0u128, 0u128);
            for i in (0..128).rev() {
                r = (r << 1) | ((m >> i) & 1);
                q <<= 1;
                if r >= d as u128 {
                    r -= d as u128;
                    q |= 1;
                }
            }
            q
        }
    };
    if n < 0 { -(q as i128) } else { q as i128 }
}

/// 10 to the power `k` (k <= 19: every scale the format allows and a margin).
fn ten(k: u32) -> u64 {
    10u64.pow(k)
}

/// A number too wide for 64 bits as a float: out of line, or the compiler, seeing that it equals the
/// 64-bit conversion wherever that applies, would make every conversion this one.
#[cold]
#[inline(never)]
fn wide_to_f64(units: i128) -> f64 {
    units as f64
}

/// Powers of ten up to [`MAX_SCALE`], each exact as a float.
const TENS: [f64; MAX_SCALE as usize + 1] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

impl Decimal {
    /// For drawing only (a bar's length, a share of a circle): the number as a float, the
    /// nearest to its units over ten to its scale. Without 128-bit arithmetic when the units
    /// fit in 64 bits (every count and share the reader takes): that is done in software in
    /// the wasm, and a page of a long table turned through it for every party.
    pub fn to_f64(&self) -> f64 {
        let units = match i64::try_from(self.units) {
            Ok(u) => u as f64,
            Err(_) => wide_to_f64(self.units),
        };
        match TENS.get(self.scale as usize) {
            Some(ten) => units / ten,
            None => units / 10f64.powi(self.scale as i32),
        }
    }

    /// Parse a JSON number literal exactly. `None` if it has more than
    /// [`MAX_SCALE`] decimals or is too large to be a count or a percentage.
    pub fn parse(lit: &str) -> Option<Decimal> {
        let (neg, rest) = match lit.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, lit),
        };
        let (mantissa, exp) = match rest.find(['e', 'E']) {
            // (An exponent: the full module's to read; the first paint's leaves such a card to it.)
            Some(_) if !cfg!(feature = "full") => return None,
            Some(i) => {
                let e = &rest[i + 1..];
                let e = e.strip_prefix('+').unwrap_or(e);
                let (eneg, edigits) = match e.strip_prefix('-') {
                    Some(d) => (true, d),
                    None => (false, e),
                };
                if edigits.len() > 4 {
                    return None;
                }
                let mut ev: i32 = 0;
                for b in edigits.bytes() {
                    ev = ev * 10 + (b - b'0') as i32;
                }
                (&rest[..i], if eneg { -ev } else { ev })
            }
            None => (rest, 0),
        };
        let (int_part, frac_part) = match mantissa.find('.') {
            Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
            None => (mantissa, ""),
        };
        // 10^30: a constant, not `10i128.pow(30)` per digit (not folded at opt-level "z").
        const LIMIT: i128 = 1_000_000_000_000_000_000_000_000_000_000;
        let mut units: i128 = 0;
        for b in int_part.bytes().chain(frac_part.bytes()) {
            units = units.checked_mul(10)?.checked_add((b - b'0') as i128)?;
            if units > LIMIT {
                return None;
            }
        }
        let mut scale = frac_part.len() as i32 - exp;
        while scale < 0 {
            units = units.checked_mul(10)?;
            if units > LIMIT {
                return None;
            }
            scale += 1;
        }
        if scale as u32 > MAX_SCALE {
            return None;
        }
        Some(Decimal { units: if neg { -units } else { units }, scale: scale as u32 })
    }

    pub fn is_negative(&self) -> bool {
        self.units < 0
    }

    /// Compare with an integer `n`: -1, 0 or 1.
    pub fn cmp_int(&self, n: i128) -> core::cmp::Ordering {
        self.units.cmp(&(n * 10i128.pow(self.scale)))
    }

    /// The value as a whole number, if it is one.
    pub fn as_integer(&self) -> Option<i128> {
        let q = div(self.units, ten(self.scale));
        (q * ten(self.scale) as i128 == self.units).then_some(q)
    }

    /// Whether this reported percentage is a correct rounding, at its own
    /// precision, of the exact share `part / whole * 100`. A reported value
    /// passes when it lies within half a unit of its last decimal of the
    /// exact value (so both round-half-up and round-half-even pass).
    pub fn matches_share(&self, part: u64, whole: u64) -> bool {
        if whole == 0 {
            return false;
        }
        // |part*100*10^s - units*whole| * 2 <= whole
        let lhs = (part as i128) * 100 * 10i128.pow(self.scale);
        let rhs = self.units * whole as i128;
        (lhs - rhs).abs() * 2 <= whole as i128
    }

    /// The exact share `part / whole * 100` rounded half-up to `scale` decimals.
    /// `self − other` rounded half away from zero to the coarser of the two
    /// precisions (a change between two printed shares means no more than the
    /// less precise of them).
    pub fn minus_at_coarser(&self, other: &Decimal) -> Decimal {
        let fine = self.scale.max(other.scale).min(12);
        let lift = |d: &Decimal| d.units * 10i128.pow(fine - d.scale.min(fine));
        let diff = lift(self) - lift(other);
        let coarse = self.scale.min(other.scale);
        let step = ten(fine - coarse);
        let half = (step / 2) as i128;
        let units = if diff >= 0 { div(diff + half, step) } else { -div(-diff + half, step) };
        Decimal { units, scale: coarse }
    }

    pub fn share(part: u64, whole: u64, scale: u32) -> Decimal {
        if whole == 0 {
            return Decimal { units: 0, scale };
        }
        let num = (part as i128) * 100 * 10i128.pow(scale);
        // Half up: (num + whole / 2) / whole, which is (2 num + whole) / (2 whole) for odd wholes too
        // (and 2 whole would not fit in 64 bits for a body near u64::MAX).
        let units = div(num + (whole / 2) as i128, whole);
        Decimal { units, scale }
    }
}

/// Read a count (a non-negative whole number) from a JSON number literal.
pub fn count(lit: &str) -> Result<u64, CountError> {
    // The common case, plain digits (a JSON integer has no leading zero), without 128-bit arithmetic.
    if lit.len() <= 15 && !lit.is_empty() && lit.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(lit.bytes().fold(0u64, |n, b| n * 10 + (b - b'0') as u64));
    }
    // (The first paint's module reads plain counts only: 1e6, 12.0 or a count too large for them is
    // the full module's to read or to refuse, and the card is left to it.)
    if !cfg!(feature = "full") {
        return Err(CountError::TooLarge);
    }
    let d = match Decimal::parse(lit) {
        Some(d) => d,
        // Too many decimals or too large to hold: say which.
        None if lit.starts_with('-') => return Err(CountError::Negative),
        None if lit.as_bytes().windows(2).any(|w| matches!(w, [b'e' | b'E', b'-'])) => return Err(CountError::Fractional),
        None if lit.contains('.') && !lit.contains(['e', 'E']) => return Err(CountError::Fractional),
        None => return Err(CountError::TooLarge),
    };
    if d.is_negative() {
        return Err(CountError::Negative);
    }
    let n = d.as_integer().ok_or(CountError::Fractional)?;
    if n > MAX_COUNT as i128 {
        return Err(CountError::TooLarge);
    }
    Ok(n as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decimal_as_a_float_is_its_units_over_ten_to_its_scale() {
        // The 64-bit way gives the float the 128-bit way did, at every scale it has a power of ten for and beyond.
        for units in [0i128, 1, -1, 5, 7_241_562, 71_09, 123_456_789_012_345, -98_765_432_109, i64::MAX as i128, i64::MAX as i128 + 1, i128::MAX / 3] {
            for scale in 0..=MAX_SCALE + 3 {
                let d = Decimal { units, scale };
                assert_eq!(d.to_f64(), units as f64 / 10f64.powi(scale as i32), "{units} at scale {scale}");
            }
        }
    }

    #[test]
    fn div_is_the_truncating_division_for_every_size() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..20_000 {
            let (a, b) = (next(), next());
            // Numerators of every width (up to the format's 10^30 and beyond), both signs.
            let n = ((a as i128) << (b % 64)) ^ (b as i128);
            let n = if a % 3 == 0 { -n } else { n };
            let d = match b % 4 {
                0 => 10u64.pow((a % 20) as u32),
                1 => (a % 1_000_000) + 1,
                2 => b | 1,
                _ => 2,
            };
            assert_eq!(div(n, d), n / d as i128, "{n} / {d}");
        }
        // Shares rounded half up as (2 part 100 10^s + whole) / (2 whole) rounds them, at any body size.
        for _ in 0..20_000 {
            let (whole, s) = (next() >> (next() % 64) | 1, (next() % 5) as u32);
            let part = next() % whole.saturating_add(1);
            let num = (part as i128) * 100 * 10i128.pow(s);
            let want = (2 * num + whole as i128) / (2 * whole as i128);
            assert_eq!(Decimal::share(part, whole, s).units, want, "{part} / {whole} at {s}");
        }
        assert_eq!(div(i128::MAX, 7), i128::MAX / 7);
        assert_eq!(div(-i128::MAX, 10), -i128::MAX / 10);
        assert_eq!(div(-19, 10), -1);
    }

    #[test]
    fn parses_literals_exactly() {
        assert_eq!(Decimal::parse("97.5"), Some(Decimal { units: 975, scale: 1 }));
        assert_eq!(Decimal::parse("9.10"), Some(Decimal { units: 910, scale: 2 }));
        assert_eq!(Decimal::parse("100"), Some(Decimal { units: 100, scale: 0 }));
        assert_eq!(Decimal::parse("-0.5"), Some(Decimal { units: -5, scale: 1 }));
        assert_eq!(Decimal::parse("1e3"), Some(Decimal { units: 1000, scale: 0 }));
        assert_eq!(Decimal::parse("7.125E1"), Some(Decimal { units: 7125, scale: 2 }));
        assert_eq!(Decimal::parse("1.5e-2"), Some(Decimal { units: 15, scale: 3 }));
        assert_eq!(Decimal::parse("1e99999"), None);
        assert_eq!(Decimal::parse("0.0000000000001"), None);
    }

    #[test]
    fn counts() {
        assert_eq!(count("389"), Ok(389));
        assert_eq!(count("389.0"), Ok(389));
        assert_eq!(count("1e3"), Ok(1000));
        assert_eq!(count("-1"), Err(CountError::Negative));
        assert_eq!(count("12.5"), Err(CountError::Fractional));
        assert_eq!(count("1e40"), Err(CountError::TooLarge));
        assert_eq!(count("0.00000000000001"), Err(CountError::Fractional));
    }

    #[test]
    fn shares_at_reported_precision() {
        let p = |s| Decimal::parse(s).unwrap();
        // 389 of 399 = 97.4937...%
        assert!(p("97.5").matches_share(389, 399));
        assert!(!p("97.6").matches_share(389, 399));
        assert!(!p("97.50").matches_share(389, 399)); // claims more precision than is true
        assert!(p("97.49").matches_share(389, 399));
        assert!(p("97").matches_share(389, 399));
        assert!(p("100.0").matches_share(389, 389));
        // exactly half: 1 of 8 = 12.5% reported as 13 or 12 both pass
        assert!(p("13").matches_share(1, 8));
        assert!(p("12").matches_share(1, 8));
        assert!(!p("14").matches_share(1, 8));
        assert_eq!(Decimal::share(389, 399, 1), p("97.5"));
        assert_eq!(Decimal::share(7539280, 11919241, 2), p("63.25"));
    }

    #[test]
    fn no_drift_at_a_billion_votes() {
        let p = |s| Decimal::parse(s).unwrap();
        // 333,333,333 of 999,999,999 is exactly a third.
        assert!(p("33.333333333").matches_share(333_333_333, 999_999_999));
        assert!(!p("33.333333334").matches_share(333_333_333, 999_999_999));
    }
}

/// A stable merge sort of indices `0..n` by `less`, shared by every sort in
/// the crate: one non-generic function instead of one standard-library sort
/// instantiation per element type and closure (which cost kilobytes of wasm each).
pub fn sorted_indices(n: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = vec![0usize; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Take from the right only when strictly less: stable.
                if less(a[j], a[i]) {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + (end - j)].copy_from_slice(&a[j..end]);
            start = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

#[cfg(test)]
mod sort_tests {
    #[test]
    fn sorts_stably() {
        let v = [5, 3, 5, 1, 3, 9, 0, 5];
        let idx = super::sorted_indices(v.len(), &|a, b| v[a] < v[b]);
        assert_eq!(idx, vec![6, 3, 1, 4, 0, 2, 7, 5]);
        assert!(super::sorted_indices(0, &|_, _| false).is_empty());
        let big: Vec<u32> = (0..1000).map(|i| (i * 7919) % 1009).collect();
        let idx = super::sorted_indices(big.len(), &|a, b| big[a] < big[b]);
        assert!(idx.windows(2).all(|w| big[w[0]] <= big[w[1]]));
    }
}
