//! The card's words: English compiled in; every other language from its
//! catalogue (`locales/<tag>.json`, read by [`crate::catalogue`]).

use crate::plural::{self, one_other, Forms};

#[derive(Debug, Clone, Copy)]
pub struct Words {
    /// The language of these words (a BCP 47 tag), for `lang` attributes.
    pub lang: &'static str,
    /// How a count picks its word's form (the plural rule of `lang`).
    pub plural: plural::Rule,
    pub party: &'static str,
    pub candidate: &'static str,
    pub option: &'static str,
    pub votes: &'static str,
    /// "votes" inside a sentence ("5,148,074 votes", "(votes 71.09%)"): lower case where the
    /// language writes it so (German keeps "Stimmen").
    pub votes_in_text: &'static str,
    pub seats: &'static str,
    pub change: &'static str,
    /// The change of vote share since the previous election, in percentage points (a column).
    pub swing: &'static str,
    /// The swing chart's title.
    pub swing_title: &'static str,
    /// The projection column's heading and its footnote.
    pub projection: &'static str,
    pub projection_note: &'static str,
    pub valid_votes: &'static str,
    pub listed_votes: &'static str,
    pub invalid: &'static str,
    pub blank: &'static str,
    pub cast: &'static str,
    pub electorate: &'static str,
    pub turnout: &'static str,
    pub participation: &'static str,
    pub source: &'static str,
    pub majority: &'static str,
    pub vote_share: &'static str,
    pub seat_share: &'static str,
    pub threshold: &'static str,
    pub rule: &'static str,
    pub rule_unknown: &'static str,
    pub outcome: &'static str,
    pub no_outcome: &'static str,
    pub checked: &'static str,
    /// The badge until the numbers are validated (the first paint).
    pub checking: &'static str,
    /// After "Numbers checked:" when there is no error.
    pub no_errors: &'static str,
    /// Where a finding is: "line {l}, column {c}".
    pub at_line: &'static str,
    /// A finding's severity as a label: error, warning, finding.
    pub severity: [&'static str; 3],
    pub errors: Forms,
    pub warnings: Forms,
    /// What the validator says beside errors and warnings (its info findings).
    pub findings: Forms,
    pub not_given: &'static str,
    pub of: &'static str,
    pub took_part: &'static str,
    pub unassigned: &'static str,
    pub cannot_read: &'static str,
    pub kept: &'static str,
    /// Before the count of errors an error card does not list ("more errors: 18,440").
    pub more_errors: &'static str,
    /// Before the count of findings the card does not list under its badge (all are in the report).
    pub more_findings: &'static str,
    pub total_seats: &'static str,
    /// The label of the table's seat total row.
    pub seat_total: &'static str,
    pub members: &'static str,
    pub voters: &'static str,
    pub removed: &'static str,
    pub quota: &'static str,
    pub of_stage: &'static str,
    pub log_scale: &'static str,
    pub more_rows: &'static str,
    /// The same for a table too long for the HTML table (it follows the pages).
    pub more_rows_csv: &'static str,
    pub more_parties: &'static str,
    /// Seats won in single-member districts (a column and the hemicycle's key).
    pub district: &'static str,
    /// Seats won from the lists.
    pub list: &'static str,
    pub overhang: &'static str,
    /// The table's part for lines that are not lists (others, against all, blank, independents).
    pub other_lines: &'static str,
    /// Footnotes: a minority list exempt from the threshold; a list qualified by district seats.
    pub exempt_note: &'static str,
    pub district_note: &'static str,
    /// A coalition's sum against the majority.
    pub has_majority: &'static str,
    pub short_of_majority: &'static str,
    /// The element's controls around the card (js/tally-board.js shows them). Those of a full
    /// card only are `said!`: the first paint's module shows none of them.
    pub element: ElementWords,
    /// Where the count stands (election night).
    pub count: CountWords,
}

/// The words of the count's status line: "Preliminary · 87.4% counted · as of 23:41".
#[derive(Debug, Clone, Copy)]
pub struct CountWords {
    /// Partial, preliminary, final, certified (as the press names such results).
    pub status: [&'static str; 4],
    /// "{} counted" with the share counted for `{}`.
    pub counted: &'static str,
    /// Counting units, when the data does not name them.
    pub units: &'static str,
    /// "as of {}" with the time for `{}`.
    pub as_of: &'static str,
}

/// The words of the `<tally-board>` element's controls: the coalition builder,
/// the table pager, the export buttons and its notices.
#[derive(Debug, Clone, Copy)]
pub struct ElementWords {
    pub coalition: &'static str,
    pub download: &'static str,
    /// "Download {}" with the format's name for `{}`.
    pub download_as: &'static str,
    pub results_table: &'static str,
    pub rows: &'static str,
    pub prev_rows: &'static str,
    pub next_rows: &'static str,
    pub page: &'static str,
    /// A seat, counted: its forms by plural category (as [`counted`] takes them).
    pub seat_forms: Forms,
    pub add_to_coalition: &'static str,
    /// "could not load {}" with the address for `{}`.
    pub could_not_load: &'static str,
    /// On a first load, before anything is drawn.
    pub loading: &'static str,
    /// An update that failed over a card kept: "{}" the reason, then when its figures are from.
    pub not_updated: &'static str,
    pub shown_as_of: &'static str,
    /// The live region's line after an update: who leads, and with what.
    pub leads_seats: &'static str,
    pub majority_seats: &'static str,
    pub leads_share: &'static str,
    pub failed: &'static str,
}

pub const EN: Words = Words {
    lang: "en",
    plural: plural::ENGLISH,
    party: "Party",
    candidate: "Candidate",
    option: "Option",
    votes: "Votes",
    votes_in_text: "votes",
    seats: "Seats",
    change: "+/−",
    swing: "±pp",
    swing_title: "Change in vote share since the previous election (percentage points)",
    projection: said!("Projection"),
    projection_note: said!("Projection: the seats the declared rules give on the votes counted so far. It is not the result."),
    valid_votes: "Valid votes",
    listed_votes: "Total of listed votes",
    invalid: "Invalid ballots",
    blank: "Blank ballots",
    cast: "Ballots cast",
    electorate: "Registered voters",
    turnout: "Turnout",
    participation: "Participation",
    source: "Source",
    majority: "Majority",
    vote_share: "Votes",
    seat_share: "Seats",
    threshold: "threshold",
    rule: "Rule",
    rule_unknown: "not stated in the source",
    outcome: "Outcome",
    no_outcome: "no option reached the rule",
    checked: said!("Numbers checked"),
    checking: "Checking the numbers…",
    no_errors: said!("no errors"),
    at_line: said!("line {l}, column {c}"),
    severity: [said!("Error"), said!("Warning"), said!("Finding")],
    errors: one_other(said!("error"), said!("errors")),
    warnings: one_other(said!("warning"), said!("warnings")),
    findings: one_other(said!("finding"), said!("findings")),
    not_given: "not given",
    of: "of",
    took_part: "took part",
    unassigned: "Unassigned",
    cannot_read: said!("These results cannot be shown"),
    kept: said!("The last good version is kept below."),
    more_errors: said!("more errors"),
    more_findings: said!("more findings (all are in the report)"),
    total_seats: "seats",
    seat_total: "Total seats",
    members: said!("members"),
    voters: said!("voters"),
    removed: said!("Removed"),
    quota: said!("Quota"),
    of_stage: said!("among"),
    log_scale: said!("Bar widths on a logarithmic scale."),
    more_rows: "all rows are in the CSV and in the HTML table",
    more_rows_csv: "all rows are in the CSV",
    more_parties: "more, with smaller shares (all are in the table)",
    district: "District",
    list: "List",
    overhang: said!("overhang"),
    other_lines: "Not party lists",
    exempt_note: said!("exempt from the threshold as a national-minority list"),
    district_note: said!("qualified below the threshold by its district seats"),
    has_majority: said!("has a majority"),
    short_of_majority: said!("short of a majority"),
    element: ElementWords {
        coalition: said!("Build a coalition"),
        download: said!("Download"),
        download_as: said!("Download {}"),
        results_table: said!("Results table"),
        rows: said!("Table rows"),
        prev_rows: said!("Previous rows"),
        next_rows: said!("Next rows"),
        page: said!("Page"),
        seat_forms: one_other(said!("seat"), said!("seats")),
        add_to_coalition: said!("add to the coalition"),
        could_not_load: said!("could not load {}"),
        loading: "Loading results\u{2026}",
        not_updated: said!("Not updated: {}."),
        shown_as_of: said!("These are the results as of {}."),
        leads_seats: said!("{party} leads with {seats} of {body} seats"),
        majority_seats: said!("{party} has a majority: {seats} of {body} seats"),
        leads_share: said!("{party} leads with {share}"),
        failed: said!("These results could not be shown: tallyboard stopped with an internal error. The card below shows the last results it could show."),
    },
    count: CountWords { status: ["Partial results", "Preliminary", "Final", "Certified"], counted: "{} counted", units: "counting units", as_of: "as of {}" },
};

/// A count with its word: "3 errors", "5 ошибок"; a form with `{}` takes the number there ("エラー {} 件").
pub fn counted(number: String, n: u64, forms: &Forms, w: &Words) -> String {
    let form = plural::form(n, forms, &w.plural);
    if crate::format::has(form, "{}") {
        crate::format::fill(form, &[("{}", &number)])
    } else {
        number + " " + form
    }
}

