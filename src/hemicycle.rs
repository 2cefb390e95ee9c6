//! Hemicycle (parliament diagram) geometry, after the layout of Wikipedia's
//! parliament diagram tool (parliamentarch): seats in concentric half rings,
//! row thickness t = 1/(4·rows − 2), row r at radius 0.5 + 2rt holding at most
//! ⌊π·radius / 2t⌋ seats, the fewest rows that hold every seat, seats spread
//! over rows in proportion to their room, then filled with parties left to
//! right in the order given. Unit coordinates: centre (0, 0), outer radius 1,
//! y upwards.

use std::f64::consts::PI;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seat {
    pub x: f64,
    pub y: f64,
    /// Index into the party list, or `None` for an unassigned seat.
    pub party: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hemicycle {
    pub rows: usize,
    /// Seat circle radius (unit coordinates).
    pub seat_radius: f64,
    /// Radius of the innermost row's centres.
    pub inner_radius: f64,
    pub seats: Vec<Seat>,
}

/// The most seats a diagram is drawn for; beyond it a bar replaces it.
pub const MAX_SEATS: u64 = 20_000;

/// (cos, sin) of an angle in [0, π], by Taylor series after folding to
/// [−π/4, π/4]: accurate to 1e-9, and without libm's large-argument reduction
/// (5 KB of wasm for angles we never have).
fn cos_sin(angle: f64) -> (f64, f64) {
    // Fold: t = angle − π/2 ∈ [−π/2, π/2]; cos(angle) = −sin t, sin(angle) = cos t.
    let t = angle - PI / 2.0;
    let series = |x: f64| {
        let x2 = x * x;
        let s = x * (1.0 - x2 / 6.0 * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0 * (1.0 - x2 / 110.0)))));
        let c = 1.0 - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0 * (1.0 - x2 / 90.0))));
        (s, c)
    };
    let (sin_t, cos_t) = if t.abs() <= PI / 4.0 {
        series(t)
    } else {
        // u = π/2 − |t| ≤ π/4: sin t = ±cos u, cos t = sin u.
        let sign = if t > 0.0 { 1.0 } else { -1.0 };
        let u = PI / 2.0 - t.abs();
        let (su, cu) = series(u);
        (sign * cu, su)
    };
    (-sin_t, cos_t)
}

fn row_capacity(rows: usize, r: usize) -> u64 {
    let t = 1.0 / (4.0 * rows as f64 - 2.0);
    let radius = 0.5 + 2.0 * r as f64 * t;
    (PI * radius / (2.0 * t)).floor().max(1.0) as u64
}

/// Rows needed for `seats`.
pub fn rows_for(seats: u64) -> usize {
    let mut rows = 1;
    loop {
        let total: u64 = (0..rows).map(|r| row_capacity(rows, r)).sum();
        if total >= seats || rows >= 400 {
            return rows;
        }
        rows += 1;
    }
}

/// Lay out `counts[i]` seats for party i, then `unassigned` grey seats.
pub fn layout(counts: &[u64], unassigned: u64) -> Hemicycle {
    let total: u64 = counts.iter().sum::<u64>() + unassigned;
    let rows = rows_for(total.max(1));
    let t = 1.0 / (4.0 * rows as f64 - 2.0);
    let caps: Vec<u64> = (0..rows).map(|r| row_capacity(rows, r)).collect();
    let cap_total: u64 = caps.iter().sum();
    // Seats per row, in proportion to room (largest remainder, capped).
    let mut per_row: Vec<u64> = caps.iter().map(|&c| total * c / cap_total).collect();
    let mut left = total - per_row.iter().sum::<u64>();
    // Largest remainder first; outer rows first between equals.
    let rem = |r: usize| (total * caps[r]) % cap_total;
    let order: Vec<usize> = crate::number::sorted_indices(rows, &|a, b| rem(a) > rem(b) || (rem(a) == rem(b) && a > b));
    while left > 0 {
        let mut gave = false;
        for &r in &order {
            if left > 0 && per_row[r] < caps[r] {
                per_row[r] += 1;
                left -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
    // Seat positions with their angles.
    let mut spots: Vec<(f64, usize, f64, f64)> = Vec::with_capacity(total as usize);
    for (r, &n) in per_row.iter().enumerate() {
        let radius = 0.5 + 2.0 * r as f64 * t;
        for k in 0..n {
            let angle = if n == 1 { PI / 2.0 } else { PI * (1.0 - k as f64 / (n - 1) as f64) };
            let (c, s) = cos_sin(angle);
            spots.push((angle, r, radius * c, radius * s));
        }
    }
    // Left to right (angle from π down to 0); inner rows first at equal angle.
    let order = crate::number::sorted_indices(spots.len(), &|a, b| spots[a].0 > spots[b].0 || (spots[a].0 == spots[b].0 && spots[a].1 < spots[b].1));
    let mut seats = Vec::with_capacity(spots.len());
    let mut it = order.into_iter().map(|i| spots[i]);
    for (i, &n) in counts.iter().enumerate() {
        for _ in 0..n {
            if let Some((_, _, x, y)) = it.next() {
                seats.push(Seat { x, y, party: Some(i) });
            }
        }
    }
    for (_, _, x, y) in it {
        seats.push(Seat { x, y, party: None });
    }
    Hemicycle { rows, seat_radius: t * 0.8, inner_radius: 0.5, seats }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seat_placed_once_and_apart() {
        for total in [1u64, 2, 3, 9, 15, 98, 107, 150, 450, 751, 3000] {
            let h = layout(&[total / 2, total - total / 2], 0);
            assert_eq!(h.seats.len() as u64, total);
            // No two seats overlap.
            let mut pts: Vec<(f64, f64)> = h.seats.iter().map(|s| (s.x, s.y)).collect();
            pts.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap());
            for i in 0..pts.len() {
                for j in i + 1..pts.len() {
                    if pts[j].0 - pts[i].0 > 2.0 * h.seat_radius {
                        break;
                    }
                    let d = ((pts[i].0 - pts[j].0).powi(2) + (pts[i].1 - pts[j].1).powi(2)).sqrt();
                    assert!(d >= 2.0 * h.seat_radius * 0.99, "{total}: seats overlap ({d})");
                }
            }
            // Inside the unit half disc (centres), on or above the floor.
            assert!(h.seats.iter().all(|s| s.y >= -1e-9 && (s.x * s.x + s.y * s.y).sqrt() <= 1.0 + 1e-9));
        }
    }

    #[test]
    fn parties_fill_left_to_right() {
        let h = layout(&[76, 12, 10], 0);
        assert_eq!(h.seats.len(), 98);
        let mean_x = |p: usize| {
            let xs: Vec<f64> = h.seats.iter().filter(|s| s.party == Some(p)).map(|s| s.x).collect();
            xs.iter().sum::<f64>() / xs.len() as f64
        };
        assert!(mean_x(0) < mean_x(1) && mean_x(1) < mean_x(2));
        assert_eq!(h.seats.iter().filter(|s| s.party == Some(0)).count(), 76);
        // The leftmost seat is the first party's, the rightmost the last's.
        let leftmost = h.seats.iter().min_by(|a, b| a.x.partial_cmp(&b.x).unwrap()).unwrap();
        let rightmost = h.seats.iter().max_by(|a, b| a.x.partial_cmp(&b.x).unwrap()).unwrap();
        assert_eq!((leftmost.party, rightmost.party), (Some(0), Some(2)));
    }

    #[test]
    fn cos_sin_matches_libm() {
        for i in 0..=10_000 {
            let a = PI * i as f64 / 10_000.0;
            let (c, s) = cos_sin(a);
            assert!((c - a.cos()).abs() < 1e-9 && (s - a.sin()).abs() < 1e-9, "{a}: {c} {s}");
        }
    }

    #[test]
    fn rows_grow_with_seats() {
        assert_eq!(rows_for(1), 1);
        assert!(rows_for(98) >= 4 && rows_for(98) <= 6, "{}", rows_for(98));
        assert!(rows_for(650) > rows_for(98));
    }
}
