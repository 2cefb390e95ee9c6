//! What the tests share (`mod common;` in each): the example documents, and for the randomised
//! tests a seeded PRNG, so that every run is repeatable and a seed reproduces a case.
#![allow(dead_code)]

/// The file names of the example documents (`www/data/*.json`), sorted; at least six of them.
pub fn examples() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(format!("{}/www/data", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".json"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "{files:?}");
    files
}

/// The path of an example document.
pub fn example_path(name: &str) -> String {
    format!("{}/www/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// splitmix64: tiny, seedable, good enough to spread cases.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next() as u128 * n as u128) >> 64) as u64
    }
    /// Uniform in lo..=hi.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    /// Magnitude uniform between lo and hi (lo >= 1), then uniform within it.
    pub fn log_uniform(&mut self, lo: u64, hi: u64) -> u64 {
        let (elo, ehi) = (lo.ilog10(), hi.ilog10());
        let e = self.range(elo as u64, ehi as u64) as u32;
        let a = lo.max(10u64.pow(e));
        let b = hi.min(10u64.saturating_pow(e + 1) - 1);
        self.range(a, b)
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}
