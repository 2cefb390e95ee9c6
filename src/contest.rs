//! The results model: a document of contests (elections and votes), each with
//! its parties, candidates or options. Every figure is optional because
//! sources miss figures; validation says which checks a missing figure blocks.

use crate::number::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Source {
    pub name: Option<String>,
    pub url: Option<String>,
    pub retrieved: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    /// The language of the document's text (a BCP 47 tag), when it says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    pub title: Option<String>,
    pub source: Option<Source>,
    pub notes: Vec<String>,
    pub contests: Vec<Contest>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Election,
    Vote,
    Composition,
    Series,
    Primaries,
}

impl Kind {
    pub const KEYS: [&'static str; 5] = ["election", "vote", "composition", "series", "primaries"];
    pub fn from_key(k: &str) -> Option<Kind> {
        Some(match k {
            "election" => Kind::Election,
            "vote" => Kind::Vote,
            "composition" => Kind::Composition,
            "series" => Kind::Series,
            "primaries" => Kind::Primaries,
            _ => return None,
        })
    }
    pub fn key(self) -> &'static str {
        Kind::KEYS[self as usize]
    }
}

/// A seat-allocation method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Method {
    DHondt,
    SainteLague,
    ModifiedSainteLague,
    Hare,
    Droop,
    HagenbachBischoff,
    Imperiali,
    Plurality,
    /// Plurality in each district after a first round that elects only with an
    /// absolute majority (and a quorum of the electorate, where given).
    TwoRound,
}

impl Method {
    pub const ALL: [Method; 9] = [
        Method::DHondt,
        Method::SainteLague,
        Method::ModifiedSainteLague,
        Method::Hare,
        Method::Droop,
        Method::HagenbachBischoff,
        Method::Imperiali,
        Method::Plurality,
        Method::TwoRound,
    ];
    /// Highest-averages (divisor) methods.
    pub fn is_divisor(self) -> bool {
        matches!(self, Method::DHondt | Method::SainteLague | Method::ModifiedSainteLague)
    }
    /// The keys of ALL, in its order (made when compiling: no array of them built at run time).
    pub const KEYS: [&'static str; 9] = {
        let mut keys = [""; 9];
        let mut i = 0;
        while i < keys.len() {
            keys[i] = Method::ALL[i].key();
            i += 1;
        }
        keys
    };
    pub const fn key(self) -> &'static str {
        match self {
            Method::DHondt => "dhondt",
            Method::SainteLague => "sainte-lague",
            Method::ModifiedSainteLague => "modified-sainte-lague",
            Method::Hare => "hare",
            Method::Droop => "droop",
            Method::HagenbachBischoff => "hagenbach-bischoff",
            Method::Imperiali => "imperiali",
            Method::Plurality => "plurality",
            Method::TwoRound => "two-round",
        }
    }
    pub fn from_key(key: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.key() == key)
    }
    /// Name for people: "D'Hondt", "Hare largest remainder".
    pub fn label(self) -> &'static str {
        match self {
            Method::DHondt => "D'Hondt",
            Method::SainteLague => "Sainte-Laguë",
            Method::ModifiedSainteLague => "modified Sainte-Laguë",
            Method::Hare => "Hare largest remainder",
            Method::Droop => "Droop largest remainder",
            Method::HagenbachBischoff => "Hagenbach-Bischoff largest remainder",
            Method::Imperiali => "Imperiali largest remainder",
            Method::Plurality => "plurality",
            Method::TwoRound => "two-round system",
        }
    }
}

/// The base a threshold or a percentage is taken of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Base {
    Valid,
    Cast,
}

/// A threshold and the rules that qualify a list without it or hold it to more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Threshold {
    pub percent: Decimal,
    pub of: Base,
    /// A list with at least this many single-member district seats qualifies whatever its share.
    pub or_district_seats: Option<u64>,
    /// Lists with `minority: true` are not held to the threshold.
    pub minorities_exempt: bool,
    /// Higher thresholds for joint lists: (at least this many parties, percent), by `min_parties`.
    pub alliances: Vec<(u64, Decimal)>,
    /// When fewer lists pass, the largest others are admitted until this many take part.
    pub min_qualifying: Option<u64>,
    /// Where the threshold is taken: of the national totals or of each district's.
    pub level: Level,
}

impl Threshold {
    pub fn new(percent: Decimal, of: Base) -> Threshold {
        Threshold { percent, of, or_district_seats: None, minorities_exempt: false, alliances: Vec::new(), min_qualifying: None, level: Level::National }
    }
}

/// Where a threshold applies when the method runs in districts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    National,
    District,
}

/// How the list seats relate to single-member district seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum System {
    /// The method shares the body among lists (today's meaning).
    List,
    /// Compensatory (mixed-member proportional): the method gives each list its entitlement of `seats`;
    /// district seats count toward it; district seats beyond it are overhang.
    Mmp,
    /// The method shares `seats` among lists; district seats come on top.
    Parallel,
}

impl System {
    pub const KEYS: [&'static str; 3] = ["list", "mmp", "parallel"];
}

/// What a line of the results is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A party list (or a candidate) that can take seats.
    #[default]
    List,
    /// An independent candidate (or several, as one line).
    Independent,
    /// An aggregate of lists not shown one by one: counted in every total, never takes a seat.
    Others,
    /// A ballot option against all candidates: takes no seats.
    AgainstAll,
    /// Blank ballots counted in the valid total (as in Spain): take no seats.
    Blank,
}

impl Role {
    pub const KEYS: [&'static str; 5] = ["list", "independent", "others", "against-all", "blank"];
    pub fn from_key(k: &str) -> Option<Role> {
        Some([Role::List, Role::Independent, Role::Others, Role::AgainstAll, Role::Blank][Role::KEYS.iter().position(|&x| x == k)?])
    }
    /// Whether the line can take seats at all.
    pub fn takes_seats(self) -> bool {
        matches!(self, Role::List | Role::Independent)
    }
}

/// A district in which the method runs on its own (Spain, Portugal, Poland, first-past-the-post).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct District {
    pub name: String,
    pub seats: Option<u64>,
    pub electorate: Option<u64>,
    pub ballots: Ballots,
    pub parties: Vec<Party>,
    /// The second round, where one was held (`method: "two-round"`).
    pub runoff: Option<Runoff>,
}

/// A district's second round: its ballots and lines.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Runoff {
    pub ballots: Ballots,
    pub parties: Vec<Party>,
}

/// The decision rule of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Rule {
    MajorityOfVotesCast,
    MajorityOfElectorate,
    TwoThirdsOfVotesCast,
    Unanimous,
}

impl Rule {
    pub const ALL: [Rule; 4] = [Rule::MajorityOfVotesCast, Rule::MajorityOfElectorate, Rule::TwoThirdsOfVotesCast, Rule::Unanimous];
    /// The keys of ALL, in its order (made when compiling).
    pub const KEYS: [&'static str; 4] = [Rule::ALL[0].key(), Rule::ALL[1].key(), Rule::ALL[2].key(), Rule::ALL[3].key()];
    pub const fn key(self) -> &'static str {
        match self {
            Rule::MajorityOfVotesCast => "majority-of-votes-cast",
            Rule::MajorityOfElectorate => "majority-of-electorate",
            Rule::TwoThirdsOfVotesCast => "two-thirds-of-votes-cast",
            Rule::Unanimous => "unanimous",
        }
    }
    pub fn from_key(key: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            Rule::MajorityOfVotesCast => "majority of votes cast",
            Rule::MajorityOfElectorate => "majority of the electorate",
            Rule::TwoThirdsOfVotesCast => "two thirds of votes cast",
            Rule::Unanimous => "unanimity",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Ballots {
    pub cast: Option<u64>,
    pub valid: Option<u64>,
    pub invalid: Option<u64>,
    pub blank: Option<u64>,
    /// Ballots cast but counted neither valid nor invalid (New Zealand's
    /// disallowed special votes); they enter the sum that makes up `cast`.
    pub uncounted: Option<u64>,
    /// `uncounted` is given as `null`: some ballots cast were not counted, how many is not known.
    pub uncounted_unknown: bool,
    /// Voters issued a ballot, where the source takes turnout from them
    /// rather than from the ballots found in the boxes (Russia, Kazakhstan).
    pub issued: Option<u64>,
}

/// A colour as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn parse(s: &str) -> Option<Rgb> {
        // Hex digits only (`u8::from_str_radix` would take "+f" too, which CSS and the schema do not).
        let h = s.strip_prefix('#')?.as_bytes();
        let digit = |i: usize| (h[i] as char).to_digit(16).map(|v| v as u8);
        match h.len() {
            6 => {
                let hex = |i: usize| Some(digit(i)? * 16 + digit(i + 1)?);
                Some(Rgb(hex(0)?, hex(2)?, hex(4)?))
            }
            3 => {
                let d = |i: usize| Some(digit(i)? * 17);
                Some(Rgb(d(0)?, d(1)?, d(2)?))
            }
            _ => None,
        }
    }
    pub fn hex(self) -> String {
        const H: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::from("#");
        for v in [self.0, self.1, self.2] {
            s.push(H[(v >> 4) as usize] as char);
            s.push(H[(v & 15) as usize] as char);
        }
        s
    }
}

/// A party, a candidate or an option: a line of the results.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Party {
    pub name: String,
    pub short: Option<String>,
    pub color: Option<Rgb>,
    pub votes: Option<u64>,
    pub percent: Option<Decimal>,
    pub seats: Option<u64>,
    pub previous_seats: Option<u64>,
    /// The share at the previous election of the same body, as printed there.
    pub previous_percent: Option<Decimal>,
    pub role: Role,
    /// For an aggregate (`role: others`): how many lists it holds.
    pub lists: Option<u64>,
    /// Of `seats`, those won in single-member districts.
    pub district_seats: Option<u64>,
    pub minority: bool,
    /// A joint list of this many parties.
    pub alliance_of: Option<u64>,
    /// A candidate's own name (a district's line in first-past-the-post).
    pub candidate: Option<String>,
    /// The language of the name (a BCP 47 tag): its own `lang`, else the document's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl Party {
    /// An independent (or a line of them) known only by district seats, with no list votes.
    pub fn district_only(&self) -> bool {
        self.role == Role::Independent && self.votes.is_none() && self.district_seats.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contest {
    pub kind: Kind,
    /// The language of the contest's text: the document's `lang`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    pub id: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub body: Option<String>,
    pub question: Option<String>,
    pub notes: Vec<String>,
    pub source: Option<Source>,
    // Elections
    pub seats: Option<u64>,
    pub majority: Option<u64>,
    pub method: Option<Method>,
    pub threshold: Option<Threshold>,
    pub system: System,
    /// Quotients of minority lists are multiplied by this factor (Serbia 1.35).
    pub minority_factor: Option<Decimal>,
    /// Modified Sainte-Laguë's first divisor (default 1.4).
    pub first_divisor: Option<Decimal>,
    /// Two-round: the share of the electorate a first-round winner also needs (France 25).
    pub first_round_quorum: Option<Decimal>,
    /// Pairs of list names that count as one list in the allocation (Bader-Ofer).
    pub surplus_agreements: Vec<[String; 2]>,
    /// Where the method runs in each district.
    pub districts: Vec<District>,
    /// What party percentages are shares of (default: valid votes).
    pub percent_of: Base,
    pub ballots: Ballots,
    // Votes
    pub participants: Option<u64>,
    pub rule: Option<Rule>,
    pub outcome: Option<String>,
    // Both
    pub electorate: Option<u64>,
    pub turnout_percent: Option<Decimal>,
    /// The list key used in the source: "parties", "candidates" or "options".
    pub list_key: &'static str,
    pub parties: Vec<Party>,
    /// What the other kinds (composition, series, primaries) carry.
    pub detail: Detail,
    /// Where the count stands (election night; read and checked by [`crate::count`]).
    pub count: Count,
}

/// Where the count stands: its status, how much is counted, the time of the
/// figures and the election the change columns compare with.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Count {
    pub status: Option<Status>,
    /// The share of the count reported, as printed.
    pub percent: Option<Decimal>,
    /// Counting units (precincts, polling stations) reported, of how many, and their name.
    pub units: Option<u64>,
    pub of: Option<u64>,
    pub unit: Option<String>,
    /// The time of the figures, as written (RFC 3339 with its offset).
    pub as_of: Option<String>,
    pub previous: Option<Previous>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Status {
    Partial,
    Preliminary,
    Final,
    Certified,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Partial, Status::Preliminary, Status::Final, Status::Certified];
    pub const KEYS: [&'static str; 4] = ["partial", "preliminary", "final", "certified"];
}

impl Count {
    /// The count is not over: sums that need every vote and seat wait for it.
    pub fn open(&self) -> bool {
        matches!(self.status, Some(Status::Partial | Status::Preliminary))
    }
}

/// The previous election of the same body: when, its size, where its figures are.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Previous {
    pub date: Option<String>,
    pub seats: Option<u64>,
    pub source: Option<Source>,
}

impl Contest {
    pub fn new(kind: Kind) -> Contest {
        Contest {
            kind,
            lang: None,
            id: None,
            title: None,
            date: None,
            body: None,
            question: None,
            notes: Vec::new(),
            source: None,
            seats: None,
            majority: None,
            method: None,
            threshold: None,
            system: System::List,
            minority_factor: None,
            first_divisor: None,
            first_round_quorum: None,
            surplus_agreements: Vec::new(),
            districts: Vec::new(),
            percent_of: Base::Valid,
            ballots: Ballots::default(),
            participants: None,
            rule: None,
            outcome: None,
            electorate: None,
            turnout_percent: None,
            list_key: match kind {
                Kind::Vote => "options",
                Kind::Composition => "groups",
                _ => "parties",
            },
            parties: Vec::new(),
            detail: Detail::None,
            count: Count::default(),
        }
    }

    /// Sum of the listed votes, if every line in the vote has its votes
    /// (an independent who only won a district seat is not in the list vote).
    pub fn listed_votes(&self) -> Option<u64> {
        let mut sum: u64 = 0;
        for p in self.parties.iter().filter(|p| !p.district_only()) {
            sum = sum.checked_add(p.votes?)?;
        }
        Some(sum)
    }

    /// The seats of the body this contest fills: `seats` for a list system, `seats`
    /// plus the district seats for a parallel one; for mmp, `seats` plus overhang
    /// (the reported seats, when they add up to more).
    pub fn body_seats(&self) -> Option<u64> {
        let seats = self.seats?;
        match self.system {
            System::List => Some(seats),
            System::Parallel => seats.checked_add(self.parties.iter().try_fold(0u64, |a, p| a.checked_add(p.district_seats.unwrap_or(0)))?),
            System::Mmp => {
                let reported = self.parties.iter().try_fold(0u64, |a, p| a.checked_add(p.seats.unwrap_or(0)));
                Some(reported.map_or(seats, |r| r.max(seats)))
            }
        }
    }

    /// The valid-vote total: `ballots.valid` if given, else the sum of the listed votes.
    pub fn valid_total(&self) -> Option<u64> {
        self.ballots.valid.or_else(|| self.listed_votes())
    }

    /// Ballots cast: `ballots.cast`, else (votes) the participants.
    pub fn cast_total(&self) -> Option<u64> {
        self.ballots.cast.or(if self.kind == Kind::Vote { self.participants } else { None })
    }

    /// What turnout is a share of: the voters issued a ballot when given, else the ballots cast.
    pub fn turnout_count(&self) -> Option<u64> {
        self.ballots.issued.or(self.cast_total())
    }

    /// Seats needed for a majority: given, or more than half.
    pub fn majority_seats(&self) -> Option<u64> {
        self.majority.or(self.body_seats().map(|s| s / 2 + 1))
    }

    /// Total reported seats, if every line has its seats.
    pub fn reported_seats(&self) -> Option<Vec<u64>> {
        self.parties.iter().map(|p| p.seats).collect()
    }
}

// ---------------------------------------------------------------- the other kinds
// A body's composition (members by group), a party's seats over time (series)
// and party primaries (a selection funnel).

/// A share of a whole: "33.7% of the members are women".
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Share {
    pub name: String,
    pub percent: Option<Decimal>,
    pub count: Option<u64>,
    /// For primaries: the stage whose people the share is of.
    pub stage: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Composition {
    pub members: Option<u64>,
    pub shares: Vec<Share>,
}

/// One election in a series.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Point {
    pub label: String,
    pub date: Option<String>,
    pub seats: Option<u64>,
    /// Seats in the body (or in the part of it that was allocated).
    pub of: Option<u64>,
    pub vote_percent: Option<Decimal>,
    pub seat_percent: Option<Decimal>,
    pub votes: Option<u64>,
    pub valid: Option<u64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Series {
    pub party: Option<String>,
    pub color: Option<Rgb>,
    pub points: Vec<Point>,
}

/// A figure a source gives only roughly: "about 10,000", "over 340,000".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    Exactly,
    About,
    Over,
}

impl Qualifier {
    pub fn word(self) -> &'static str {
        match self {
            Qualifier::Exactly => "",
            Qualifier::About => "about ",
            Qualifier::Over => "over ",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stage {
    pub name: String,
    pub count: Option<u64>,
    pub qualifier: Qualifier,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Removed {
    pub count: Option<u64>,
    pub reasons: Vec<(String, u64)>,
}

/// A required minimum share: e.g. 30% of a list for women and young people.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quota {
    pub percent: Decimal,
    /// The names of the shares it applies to.
    pub shares: Vec<String>,
    /// The stage whose people it applies to (e.g. "Selected").
    pub stage: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Primaries {
    pub voters: Option<u64>,
    pub voters_qualifier: Option<Qualifier>,
    pub stages: Vec<Stage>,
    pub removed: Option<Removed>,
    pub shares: Vec<Share>,
    pub quota: Option<Quota>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub enum Detail {
    #[default]
    None,
    Composition(Composition),
    Series(Series),
    Primaries(Primaries),
}

#[cfg(test)]
mod tests {
    use super::Rgb;

    #[test]
    fn colours_are_hex_digits_only() {
        assert_eq!(Rgb::parse("#1f77B4"), Some(Rgb(0x1f, 0x77, 0xb4)));
        assert_eq!(Rgb::parse("#fa0"), Some(Rgb(0xff, 0xaa, 0x00)));
        for bad in ["#+f+f+f", "1f77b4", "#1f77b", "#1f77b4f", "#ggg", "#ééé", "#"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }
}
