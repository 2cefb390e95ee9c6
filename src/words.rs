//! The card's words in English, Russian and Kazakh.

#[cfg(test)]
mod tests {
    #[test]
    fn russian_plurals() {
        use super::{count_word, EN, RU};
        let f = |n| count_word(n, &RU.findings);
        assert_eq!((f(1), f(2), f(5), f(11), f(21), f(22), f(112)), ("замечание", "замечания", "замечаний", "замечаний", "замечание", "замечания", "замечаний"));
        assert_eq!((count_word(1, &EN.errors), count_word(2, &EN.errors), count_word(21, &EN.errors)), ("error", "errors", "errors"));
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Words {
    /// The language of these words (a BCP 47 tag), for `lang` attributes.
    pub lang: &'static str,
    pub party: &'static str,
    pub candidate: &'static str,
    pub option: &'static str,
    pub votes: &'static str,
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
    pub errors: [&'static str; 3],
    pub warnings: [&'static str; 3],
    /// What the validator says beside errors and warnings (its info findings).
    pub findings: [&'static str; 3],
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
    /// The element's controls around the card (js/tally-board.js shows them).
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
    /// A seat, counted: one, few, many (as [`count_word`] takes them).
    pub seat_forms: [&'static str; 3],
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
    party: "Party",
    candidate: "Candidate",
    option: "Option",
    votes: "Votes",
    seats: "Seats",
    change: "+/−",
    swing: "±pp",
    swing_title: "Change in vote share since the previous election (percentage points)",
    projection: "Projection",
    projection_note: "Projection: the seats the declared rules give on the votes counted so far. It is not the result.",
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
    checked: "Numbers checked",
    checking: "Checking the numbers…",
    no_errors: "no errors",
    at_line: "line {l}, column {c}",
    severity: ["Error", "Warning", "Finding"],
    errors: ["error", "errors", "errors"],
    warnings: ["warning", "warnings", "warnings"],
    findings: ["finding", "findings", "findings"],
    not_given: "not given",
    of: "of",
    took_part: "took part",
    unassigned: "Unassigned",
    cannot_read: "These results cannot be shown",
    kept: "The last good version is kept below.",
    more_errors: "more errors",
    more_findings: "more findings (all are in the report)",
    total_seats: "seats",
    seat_total: "Total seats",
    members: "members",
    voters: "voters",
    removed: "Removed",
    quota: "Quota",
    of_stage: "among",
    log_scale: "Bar widths on a logarithmic scale.",
    more_rows: "all rows are in the CSV and in the HTML table",
    more_rows_csv: "all rows are in the CSV",
    more_parties: "more, with smaller shares (all are in the table)",
    district: "District",
    list: "List",
    overhang: "overhang",
    other_lines: "Not party lists",
    exempt_note: "exempt from the threshold as a national-minority list",
    district_note: "qualified below the threshold by its district seats",
    has_majority: "has a majority",
    short_of_majority: "short of a majority",
    element: ElementWords {
        coalition: "Build a coalition",
        download: "Download",
        download_as: "Download {}",
        results_table: "Results table",
        rows: "Table rows",
        prev_rows: "Previous rows",
        next_rows: "Next rows",
        page: "Page",
        seat_forms: ["seat", "seats", "seats"],
        add_to_coalition: "add to the coalition",
        could_not_load: "could not load {}",
        loading: "Loading results\u{2026}",
        not_updated: "Not updated: {}.",
        shown_as_of: "These are the results as of {}.",
        leads_seats: "{party} leads with {seats} of {body} seats",
        majority_seats: "{party} has a majority: {seats} of {body} seats",
        leads_share: "{party} leads with {share}",
        failed: "These results could not be shown: tallyboard stopped with an internal error. The card below shows the last results it could show.",
    },
    count: CountWords { status: ["Partial results", "Preliminary", "Final", "Certified"], counted: "{} counted", units: "counting units", as_of: "as of {}" },
};

pub const RU: Words = Words {
    lang: "ru",
    party: "Партия",
    candidate: "Кандидат",
    option: "Вариант",
    votes: "Голоса",
    seats: "Места",
    change: "+/−",
    swing: "± п. п.",
    swing_title: "Изменение доли голосов с прошлых выборов (процентные пункты)",
    projection: "Прогноз",
    projection_note: "Прогноз: места, которые объявленные правила дают по уже подсчитанным голосам. Это не итог.",
    valid_votes: "Действительные голоса",
    listed_votes: "Сумма голосов в таблице",
    invalid: "Недействительные бюллетени",
    blank: "Пустые бюллетени",
    cast: "Подано бюллетеней",
    electorate: "Избирателей в списках",
    turnout: "Явка",
    participation: "Участие",
    source: "Источник",
    majority: "Большинство",
    vote_share: "Голоса",
    seat_share: "Места",
    threshold: "барьер",
    rule: "Правило",
    rule_unknown: "не указано в источнике",
    outcome: "Итог",
    no_outcome: "ни один вариант не набрал нужного числа",
    checked: "Цифры проверены",
    checking: "Проверяем цифры…",
    no_errors: "ошибок нет",
    at_line: "строка {l}, столбец {c}",
    severity: ["Ошибка", "Предупреждение", "Замечание"],
    errors: ["ошибка", "ошибки", "ошибок"],
    warnings: ["предупреждение", "предупреждения", "предупреждений"],
    findings: ["замечание", "замечания", "замечаний"],
    not_given: "нет данных",
    of: "из",
    took_part: "участвовали",
    unassigned: "Не распределены",
    cannot_read: "Эти результаты нельзя показать",
    kept: "Ниже сохранена последняя верная версия.",
    more_errors: "ещё ошибок",
    more_findings: "ещё результатов проверки (все — в отчёте)",
    total_seats: "мест",
    seat_total: "Всего мест",
    members: "членов",
    voters: "проголосовавших",
    removed: "Сняты",
    quota: "Квота",
    of_stage: "среди",
    log_scale: "Ширина полос в логарифмическом масштабе.",
    more_rows: "все строки — в CSV и HTML-таблице",
    more_rows_csv: "все строки — в CSV",
    more_parties: "ещё, с меньшими долями (все — в таблице)",
    district: "Округа",
    list: "Списки",
    overhang: "избыточных мандатов",
    other_lines: "Не партийные списки",
    exempt_note: "освобождён от барьера как список национального меньшинства",
    district_note: "прошёл ниже барьера благодаря мандатам в округах",
    has_majority: "большинство есть",
    short_of_majority: "до большинства не хватает",
    element: ElementWords {
        coalition: "Собрать коалицию",
        download: "Скачать",
        download_as: "Скачать {}",
        results_table: "Таблица результатов",
        rows: "Строки таблицы",
        prev_rows: "Предыдущие строки",
        next_rows: "Следующие строки",
        page: "Страница",
        seat_forms: ["место", "места", "мест"],
        add_to_coalition: "добавить в коалицию",
        could_not_load: "не удалось загрузить {}",
        loading: "Загрузка результатов\u{2026}",
        not_updated: "Не обновлено: {}.",
        shown_as_of: "Показаны результаты по состоянию на {}.",
        leads_seats: "{party} лидирует: {seats} из {body} мест",
        majority_seats: "{party} получает большинство: {seats} из {body} мест",
        leads_share: "{party} лидирует: {share}",
        failed: "Эти результаты не удалось показать: внутренняя ошибка tallyboard. Ниже — последние результаты, которые удалось показать.",
    },
    count: CountWords {
        status: ["Частичные итоги", "Предварительные итоги", "Окончательные итоги", "Утверждённые итоги"],
        counted: "подсчитано {}",
        units: "участков",
        as_of: "по состоянию на {}",
    },
};

pub const KK: Words = Words {
    lang: "kk",
    party: "Партия",
    candidate: "Кандидат",
    option: "Нұсқа",
    votes: "Дауыс",
    seats: "Орын",
    change: "+/−",
    swing: "± п.т.",
    swing_title: "Өткен сайлаудан бергі дауыс үлесінің өзгерісі (пайыздық тармақ)",
    projection: "Болжам",
    projection_note: "Болжам: жарияланған ережелер осы уақытқа дейін есептелген дауыстар бойынша беретін орындар. Бұл қорытынды емес.",
    valid_votes: "Жарамды дауыстар",
    listed_votes: "Кестедегі дауыстар сомасы",
    invalid: "Жарамсыз бюллетеньдер",
    blank: "Бос бюллетеньдер",
    cast: "Берілген бюллетеньдер",
    electorate: "Тізімдегі сайлаушылар",
    turnout: "Қатысу",
    participation: "Қатысу",
    source: "Дереккөз",
    majority: "Көпшілік",
    vote_share: "Дауыстар",
    seat_share: "Орындар",
    threshold: "шек",
    rule: "Ереже",
    rule_unknown: "дереккөзде көрсетілмеген",
    outcome: "Нәтиже",
    no_outcome: "бірде-бір нұсқа қажетті дауыс жинамады",
    checked: "Сандар тексерілді",
    checking: "Сандар тексерілуде…",
    no_errors: "қате жоқ",
    at_line: "{l}-жол, {c}-баған",
    severity: ["Қате", "Ескерту", "Байқау"],
    errors: ["қате", "қате", "қате"],
    warnings: ["ескерту", "ескерту", "ескерту"],
    findings: ["байқау", "байқау", "байқау"],
    not_given: "дерек жоқ",
    of: "/",
    took_part: "қатысты",
    unassigned: "Бөлінбеген",
    cannot_read: "Бұл нәтижелерді көрсету мүмкін емес",
    kept: "Төменде соңғы дұрыс нұсқасы сақталған.",
    more_errors: "тағы қателер",
    more_findings: "тағы тексеру нәтижелері (барлығы есепте)",
    total_seats: "орын",
    seat_total: "Барлық орын",
    members: "мүше",
    voters: "дауыс бергендер",
    removed: "Шығарылғандар",
    quota: "Квота",
    of_stage: "ішінде",
    log_scale: "Жолақ ені логарифмдік шкаламен.",
    more_rows: "барлық жол CSV мен HTML кестесінде",
    more_rows_csv: "барлық жол CSV файлында",
    more_parties: "тағы, үлесі кішірек (барлығы кестеде)",
    district: "Округтер",
    list: "Тізімдер",
    overhang: "артық мандат",
    other_lines: "Партиялық тізім емес",
    exempt_note: "ұлттық азшылық тізімі ретінде шектен босатылған",
    district_note: "округтердегі мандаттары арқылы шектен төмен өтті",
    has_majority: "көпшілік бар",
    short_of_majority: "көпшілікке жетпейді",
    element: ElementWords {
        coalition: "Коалиция құру",
        download: "Жүктеп алу",
        download_as: "{} жүктеп алу",
        results_table: "Нәтижелер кестесі",
        rows: "Кесте жолдары",
        prev_rows: "Алдыңғы жолдар",
        next_rows: "Келесі жолдар",
        page: "Бет",
        seat_forms: ["орын", "орын", "орын"],
        add_to_coalition: "коалицияға қосу",
        could_not_load: "{} жүктеу мүмкін болмады",
        loading: "Нәтижелер жүктелуде\u{2026}",
        not_updated: "Жаңартылмады: {}.",
        shown_as_of: "{} жағдай бойынша нәтижелер көрсетілген.",
        leads_seats: "{party} алда: {body} орынның {seats}",
        majority_seats: "{party} көпшілікке ие: {body} орынның {seats}",
        leads_share: "{party} алда: {share}",
        failed: "Бұл нәтижелерді көрсету мүмкін болмады: tallyboard ішкі қатесі. Төменде соңғы көрсетілген нәтижелер.",
    },
    count: CountWords {
        status: ["Ішінара нәтижелер", "Алдын ала нәтижелер", "Түпкілікті нәтижелер", "Бекітілген нәтижелер"],
        counted: "{} есептелді",
        units: "учаске",
        as_of: "{} жағдай бойынша",
    },
};

/// A count's word: one, few (2–4) or many forms; English and Kazakh have
/// one and many, Russian all three (1 ошибка, 3 ошибки, 5 ошибок, 21 ошибка).
pub fn count_word(n: u64, forms: &[&'static str; 3]) -> &'static str {
    // Only Russian has a distinct "few" form; in English and Kazakh it equals "many".
    if forms[1] == forms[2] {
        return if n == 1 { forms[0] } else { forms[2] };
    }
    let (m10, m100) = (n % 10, n % 100);
    if m10 == 1 && m100 != 11 {
        forms[0]
    } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
        forms[1]
    } else {
        forms[2]
    }
}

pub fn for_locale(tag: &str) -> &'static Words {
    // The first paint's module has the English words only (the full one has every locale).
    if !cfg!(feature = "full") {
        return &EN;
    }
    match crate::format::Locale::from_tag(tag).tag {
        "ru" => &RU,
        "kk" => &KK,
        _ => &EN,
    }
}
