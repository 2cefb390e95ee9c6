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
}

impl Method {
    pub const ALL: [Method; 6] = [
        Method::DHondt,
        Method::SainteLague,
        Method::ModifiedSainteLague,
        Method::Hare,
        Method::Droop,
        Method::HagenbachBischoff,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Method::DHondt => "dhondt",
            Method::SainteLague => "sainte-lague",
            Method::ModifiedSainteLague => "modified-sainte-lague",
            Method::Hare => "hare",
            Method::Droop => "droop",
            Method::HagenbachBischoff => "hagenbach-bischoff",
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Threshold {
    pub percent: Decimal,
    pub of: Base,
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
    pub fn key(self) -> &'static str {
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
}

/// A colour as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn parse(s: &str) -> Option<Rgb> {
        let h = s.strip_prefix('#')?;
        let hex = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
        match h.len() {
            6 => Some(Rgb(hex(0)?, hex(2)?, hex(4)?)),
            3 => {
                let d = |i: usize| u8::from_str_radix(h.get(i..i + 1)?, 16).ok().map(|v| v * 17);
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
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contest {
    pub kind: Kind,
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
    pub detail: crate::kinds::Detail,
}

impl Contest {
    pub fn new(kind: Kind) -> Contest {
        Contest {
            kind,
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
            detail: crate::kinds::Detail::None,
        }
    }

    /// Sum of the listed votes, if every line has its votes.
    pub fn listed_votes(&self) -> Option<u64> {
        let mut sum: u64 = 0;
        for p in &self.parties {
            sum = sum.checked_add(p.votes?)?;
        }
        Some(sum)
    }

    /// The valid-vote total: `ballots.valid` if given, else the sum of the listed votes.
    pub fn valid_total(&self) -> Option<u64> {
        self.ballots.valid.or_else(|| self.listed_votes())
    }

    /// Ballots cast: `ballots.cast`, else (votes) the participants.
    pub fn cast_total(&self) -> Option<u64> {
        self.ballots.cast.or(if self.kind == Kind::Vote { self.participants } else { None })
    }

    /// Seats needed for a majority: given, or more than half.
    pub fn majority_seats(&self) -> Option<u64> {
        self.majority.or(self.seats.map(|s| s / 2 + 1))
    }

    /// Total reported seats, if every line has its seats.
    pub fn reported_seats(&self) -> Option<Vec<u64>> {
        self.parties.iter().map(|p| p.seats).collect()
    }
}
