//! Plural categories (CLDR): which form of a word a count takes ("1 error",
//! "2 errors"; "1 ошибка", "3 ошибки", "5 ошибок"). Natively a compact rule per
//! language with a catalogue, for whole numbers (tests/plural.rs holds them to
//! Node's `Intl.PluralRules`); in the browser a table the wasm front fills from
//! `Intl.PluralRules` for any language (`web::intl`).

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// The categories in the order of [`Forms`], by their CLDR names.
pub const NAMES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
pub const ALL: [Category; 6] = [Category::Zero, Category::One, Category::Two, Category::Few, Category::Many, Category::Other];

/// A word's forms by category, in the order of [`NAMES`]; "" where the language
/// has no such category (the `other` form stands in).
pub type Forms = [&'static str; 6];

/// The forms of a language with `one` and `other` only.
pub const fn one_other(one: &'static str, other: &'static str) -> Forms {
    ["", one, "", "", "", other]
}

/// How a language picks the category of a whole number.
#[derive(Debug, Clone, Copy)]
pub enum Rule {
    /// A rule written here (CLDR's, for whole numbers).
    Fn(fn(u64) -> Category),
    /// The categories of 0 to 199 and, last, of a million, as `Intl.PluralRules`
    /// gives them: every CLDR rule for whole numbers looks only at n below 200,
    /// n mod 100 and whether n is a whole number of millions.
    Table(&'static [Category; TABLE]),
}

/// The length of a [`Rule::Table`]: 0..=199 and a million.
pub const TABLE: usize = 201;

impl Rule {
    pub fn select(&self, n: u64) -> Category {
        match self {
            Rule::Fn(f) => f(n),
            Rule::Table(t) if n < 200 => t[n as usize],
            Rule::Table(t) if n % 1_000_000 == 0 => t[200],
            Rule::Table(t) => t[100 + (n % 100) as usize],
        }
    }
}

/// The numbers a [`Rule::Table`] holds, in its order.
pub fn table_numbers() -> impl Iterator<Item = u64> {
    (0..200).chain([1_000_000])
}

/// English (and any language whose only forms are `one` for 1 and `other`).
pub const ENGLISH: Rule = Rule::Fn(english);

fn english(n: u64) -> Category {
    if n == 1 {
        Category::One
    } else {
        Category::Other
    }
}

/// The rule of a language (a BCP 47 tag's first subtag) that has a catalogue; None otherwise.
pub fn of(lang: &str) -> Option<Rule> {
    let f: fn(u64) -> Category = match lang {
        "en" | "de" | "kk" | "tr" => english,
        "ru" | "uk" => east_slavic,
        "pl" => polish,
        "fr" => |n| millions(if n < 2 { Category::One } else { Category::Other }, n),
        "pt" => |n| millions(if n < 2 { Category::One } else { Category::Other }, n),
        "es" | "it" => |n| millions(english(n), n),
        "ar" => arabic,
        "he" => hebrew,
        "zh" | "ja" => |_| Category::Other,
        "hi" => |n| if n < 2 { Category::One } else { Category::Other },
        _ => return None,
    };
    Some(Rule::Fn(f))
}

/// French, Spanish, Italian, Portuguese: a whole number of millions is `many` ("1 million de voix").
fn millions(c: Category, n: u64) -> Category {
    if n != 0 && n % 1_000_000 == 0 {
        Category::Many
    } else {
        c
    }
}

fn east_slavic(n: u64) -> Category {
    let (m10, m100) = (n % 10, n % 100);
    if m10 == 1 && m100 != 11 {
        Category::One
    } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
        Category::Few
    } else {
        Category::Many
    }
}

fn polish(n: u64) -> Category {
    let (m10, m100) = (n % 10, n % 100);
    if n == 1 {
        Category::One
    } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
        Category::Few
    } else {
        Category::Many
    }
}

fn arabic(n: u64) -> Category {
    match (n, n % 100) {
        (0, _) => Category::Zero,
        (1, _) => Category::One,
        (2, _) => Category::Two,
        (_, 3..=10) => Category::Few,
        (_, 11..=99) => Category::Many,
        _ => Category::Other,
    }
}

fn hebrew(n: u64) -> Category {
    match n {
        1 => Category::One,
        2 => Category::Two,
        _ => Category::Other,
    }
}

/// The form of `forms` that `n` takes under `rule` (the `other` form where the category has none).
pub fn form(n: u64, forms: &Forms, rule: &Rule) -> &'static str {
    let f = forms[rule.select(n) as usize];
    if f.is_empty() {
        forms[Category::Other as usize]
    } else {
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_agrees_with_its_rule_far_beyond_it() {
        for lang in ["ru", "pl", "ar", "fr", "he", "en"] {
            let rule = of(lang).unwrap();
            let mut t = [Category::Other; TABLE];
            for (i, n) in table_numbers().enumerate() {
                t[i] = rule.select(n);
            }
            let table = Rule::Table(Box::leak(Box::new(t)));
            for n in (0..3000).chain([1_000_000, 2_000_000, 1_000_001, 5_000_111, u64::MAX]) {
                assert_eq!(table.select(n), rule.select(n), "{lang} {n}");
            }
        }
    }

    #[test]
    fn russian_forms() {
        let forms = ["", "ошибка", "", "ошибки", "ошибок", "ошибки"];
        let f = |n| form(n, &forms, &of("ru").unwrap());
        assert_eq!([f(1), f(2), f(5), f(11), f(21), f(22), f(112)], ["ошибка", "ошибки", "ошибок", "ошибок", "ошибка", "ошибки", "ошибок"]);
        assert_eq!(form(3, &one_other("error", "errors"), &ENGLISH), "errors");
    }
}
