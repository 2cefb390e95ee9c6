//! The figures a reader sees, worked out once from the model: each line's
//! vote share at the contest's `percent_of` base, its seat share, the seat
//! totals (assigned, unassigned, the body), the majority, the turnout. Every
//! output (canvas, SVG, CSV, wikitext, the HTML table, tooltips, the summary)
//! reads these; nothing after this stage does arithmetic on the raw contest.
//! Sums saturate: a hostile document claiming more seats than a `u64` holds
//! gets a body too large to draw (the validator reports it), never a wrapped sum.

use crate::contest::{Base, Contest, Kind, Role, System};
use crate::seats::Fate;
use crate::number::Decimal;

/// A share as printed by the source, or exactly `part / whole`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Share {
    Reported(Decimal),
    Exact { part: u64, whole: u64 },
}

impl Share {
    /// The share in percent: as printed, or rounded half-up to `scale` decimals.
    pub fn at(&self, scale: u32) -> Decimal {
        match *self {
            Share::Reported(d) => d,
            Share::Exact { part, whole } => Decimal::share(part, whole, scale),
        }
    }
    /// For drawing only (bar lengths): the share as a float.
    pub fn approx(&self) -> f64 {
        match *self {
            Share::Reported(d) => d.to_f64(),
            Share::Exact { part, whole } => part as f64 * 100.0 / whole as f64,
        }
    }
}

/// The figures of one contest.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// What vote shares are taken of: valid votes or ballots cast (`percent_of`).
    pub base: Option<u64>,
    /// The one precision every share is shown at (decimals): the finest the
    /// source printed for a line, else 2. Shares printed by the source keep
    /// their own digits; computed ones are rounded half-up to this.
    pub scale: u32,
    /// Each line's vote share (reported, else computed of `base`).
    pub vote_share: Vec<Option<Share>>,
    /// Each line's vote share as every output prints it: `vote_share` at `scale`
    /// (worked out here once: a redraw or a page of a long table divides nothing again).
    pub vote_percent: Vec<Option<Decimal>>,
    /// Each line's share of the body's seats at `scale` (none when the body has no seats).
    pub seat_percent: Vec<Option<Decimal>>,
    /// The line with the most votes (then seats; the first on a tie): a long table's widest row.
    pub most_votes: Option<usize>,
    /// Each line's seats (0 where not given).
    pub seats: Vec<u64>,
    /// Seats given to lines (saturating).
    pub assigned: u64,
    /// The body: `seats` of the contest (with overhang or district seats), at least what is assigned.
    pub body: u64,
    pub unassigned: u64,
    /// Seats needed for a majority of the body.
    pub majority: Option<u64>,
    /// Turnout: reported, else ballots cast (participants in a vote) of the electorate.
    pub turnout: Option<Share>,
    /// Ballots cast (a vote: participants when cast is not given).
    pub cast: Option<u64>,
    /// The order lines are listed in: the lists first, then the lines that are
    /// not lists (others, against all, blank, independents), each in the data's order.
    pub order: Vec<usize>,
    /// Where the lines that are not lists begin in `order`.
    pub lists_end: usize,
    /// Each line's single-member district seats (0 where not given); `any_district` when some are given.
    pub district_seats: Vec<u64>,
    pub any_district: bool,
    /// Overhang seats the replayed rules give (mmp).
    pub overhang: u64,
    /// Each line's qualification, when a rule other than a plain pass decided it.
    pub marks: Vec<Option<Mark>>,
    /// Each line's change of vote share since the previous election, in
    /// percentage points (its share now less its `previous_percent`).
    pub swing: Vec<Option<crate::number::Decimal>>,
    /// On a count still open: the seats the declared rules give on the votes
    /// counted so far (a projection, never the result), when they can be run.
    pub projection: Option<Vec<u64>>,
}

/// Why a list took part though below the threshold: a footnote on the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A national-minority list, exempt from the threshold.
    Exempt,
    /// Qualified by its single-member district seats.
    ByDistrictSeats,
}

impl Figures {
    /// A share of ballots cast (for the ballots' rows of the table).
    pub fn of_cast(&self, n: u64) -> Option<Share> {
        self.cast.filter(|&c| c > 0).map(|c| Share::Exact { part: n, whole: c })
    }
    /// Seats of the lines picked by `member`, and whether they reach the majority.
    pub fn coalition(&self, member: &dyn Fn(usize) -> bool) -> (u64, bool) {
        let sum = (0..self.seats.len()).filter(|&i| member(i)).fold(0u64, |a, i| a.saturating_add(self.seats[i]));
        (sum, sum >= self.majority.unwrap_or(self.body / 2 + 1))
    }
}

/// Whether the figures of `c` need its seats replayed by the declared rules:
/// threshold exemptions and mixed-member overhang change what the card shows,
/// and an open count shows the seats projected from the votes so far. (The
/// first paint's module, which has no allocation, leaves such cards to the full one.)
pub fn replays(c: &Contest) -> bool {
    let exemptions = c.threshold.as_ref().is_some_and(|t| t.minorities_exempt || t.or_district_seats.is_some());
    let projects = c.count.open() && c.method.is_some();
    c.kind == Kind::Election && (exemptions || c.system == System::Mmp || projects)
}

/// The figures of a contest.
pub fn of(c: &Contest) -> Figures {
    let base = match c.percent_of {
        Base::Valid => c.valid_total(),
        Base::Cast => c.cast_total(),
    };
    // Each line's share, seats and district seats, in one pass (loops, not iterator chains: less
    // wasm for the first paint's module).
    let n = c.parties.len();
    let (mut vote_share, mut seats, mut district_seats) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    for p in &c.parties {
        vote_share.push(match (p.percent, p.votes, base) {
            (Some(d), _, _) => Some(Share::Reported(d)),
            (None, Some(v), Some(b)) if b > 0 => Some(Share::Exact { part: v, whole: b }),
            _ => None,
        });
        seats.push(p.seats.unwrap_or(0));
        district_seats.push(p.district_seats.unwrap_or(0));
    }
    let assigned = seats.iter().fold(0u64, |a, &s| a.saturating_add(s));
    let body = if c.kind == Kind::Election { c.body_seats().unwrap_or(assigned).max(assigned) } else { assigned };
    let cast = c.turnout_count().or(if c.kind == Kind::Vote { c.participants } else { None });
    let turnout = c.turnout_percent.map(Share::Reported).or_else(|| match (cast, c.electorate) {
        (Some(n), Some(e)) if e > 0 => Some(Share::Exact { part: n, whole: e }),
        _ => None,
    });
    // (Loops, not iterator chains: less wasm for the first paint's module.)
    let (mut order, mut lists_end) = (Vec::with_capacity(n), 0);
    for lists in [true, false] {
        for (i, p) in c.parties.iter().enumerate() {
            if (p.role == Role::List) == lists {
                order.push(i);
            }
        }
        if lists {
            lists_end = order.len();
        }
    }
    let any_district = c.parties.iter().any(|p| p.district_seats.is_some());
    let (mut overhang, mut marks, mut projection) = (0, vec![None; c.parties.len()], None);
    let mut body = body;
    // The replay only where it changes what the card shows (it is linear in the lines and the seats), once.
    if cfg!(feature = "full") && replays(c) {
        if let crate::seats::Outcome::Replayed(run) = crate::seats::replay(c, false) {
            overhang = run.overhang;
            if c.system == System::Mmp {
                body = body.max(run.body);
            }
            for (m, l) in marks.iter_mut().zip(&run.lines) {
                *m = match l.fate {
                    Fate::Exempt => Some(Mark::Exempt),
                    Fate::ByDistrictSeats { .. } => Some(Mark::ByDistrictSeats),
                    _ => None,
                };
            }
            // On a count still open: the seats the declared rules give on the votes so far.
            if c.count.open() {
                projection = Some(run.lines.iter().map(|l| l.seats).collect());
            }
        }
    }
    let scale = c.parties.iter().filter_map(|p| p.percent.map(|d| d.scale)).max().unwrap_or(2).min(4);
    // The shares as printed, the swings, the line with the most votes (then seats; the first on a tie).
    let (mut vote_percent, mut seat_percent, mut swing) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    let mut most_votes: Option<usize> = None;
    for (i, p) in c.parties.iter().enumerate() {
        let printed = vote_share[i].map(|s| s.at(scale));
        vote_percent.push(printed);
        seat_percent.push((body > 0).then(|| Decimal::share(seats[i], body, scale)));
        // The change of share since the previous election: its share now less its previous_percent.
        swing.push(printed.zip(p.previous_percent).map(|(now, before)| now.minus_at_coarser(&before)));
        if most_votes.is_none_or(|m| (p.votes, p.seats) > (c.parties[m].votes, c.parties[m].seats)) {
            most_votes = Some(i);
        }
    }
    Figures {
        vote_percent,
        seat_percent,
        most_votes,
        projection,
        swing,
        order,
        lists_end,
        district_seats,
        any_district,
        overhang,
        marks,
        base,
        scale,
        vote_share,
        seats,
        assigned,
        body,
        unassigned: body - assigned,
        majority: c.majority.or(if c.kind == Kind::Election { c.seats.filter(|_| body > 0).map(|_| body / 2 + 1) } else { None }),
        turnout,
        cast,
    }
}

/// The people behind a share of `whole` (a composition's members, a stage's
/// people): the count if given, else the whole number the printed percent
/// rounds from (the nearest, when none does).
pub fn people(s: &crate::contest::Share, whole: u64) -> u64 {
    if let Some(n) = s.count {
        return n;
    }
    let Some(p) = &s.percent else { return 0 };
    let near = (p.units.max(0) as u128 * whole as u128 / (100 * 10u128.pow(p.scale))) as u64;
    (near.saturating_sub(1)..=near.saturating_add(1).min(whole)).find(|&k| p.matches_share(k, whole)).unwrap_or(near.min(whole))
}
