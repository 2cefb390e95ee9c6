//! The crate's shape: no import loop between its modules (top-level ones, and
//! the files of each folder), and the README's map names every module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Source text without comments (so a doc comment naming a module is no import).
fn code(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap().lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// Every identifier after `prefix` (`crate::x`, `super::x`), and in `prefix{a, b}` groups.
fn refs(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (at, _) in text.match_indices(prefix) {
        let rest = &text[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(0)];
            out.extend(inner.split(',').map(|p| p.trim().split("::").next().unwrap_or("").trim().to_string()));
        } else {
            out.insert(rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// A loop in `graph`, if any, as the path around it.
fn find_loop(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(n: &str, g: &BTreeMap<String, BTreeSet<String>>, state: &mut BTreeMap<String, u8>, path: &mut Vec<String>) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        path.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            match state.get(m.as_str()) {
                Some(1) => {
                    let from = path.iter().position(|p| p == m).unwrap();
                    return Some(path[from..].iter().cloned().chain([m.clone()]).collect());
                }
                None => {
                    if let Some(l) = visit(m, g, state, path) {
                        return Some(l);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if !state.contains_key(n) {
            if let Some(l) = visit(n, graph, &mut state, &mut Vec::new()) {
                return Some(l);
            }
        }
    }
    None
}

fn src() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level modules and what each uses of the others.
fn top_level() -> BTreeMap<String, BTreeSet<String>> {
    let mut files: BTreeMap<String, Vec<std::path::PathBuf>> = BTreeMap::new();
    for entry in std::fs::read_dir(src()).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        if name == "lib" || name == "bin" {
            continue;
        }
        if p.is_dir() {
            let inner: Vec<_> = std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()).filter(|f| f.extension().is_some_and(|x| x == "rs")).collect();
            files.entry(name).or_default().extend(inner);
        } else if p.extension().is_some_and(|x| x == "rs") {
            files.entry(name).or_default().push(p);
        }
    }
    let names: BTreeSet<String> = files.keys().cloned().collect();
    files
        .iter()
        .map(|(m, fs)| {
            let used = fs.iter().flat_map(|f| refs(&code(f), "crate::")).filter(|r| r != m && names.contains(r)).collect();
            (m.clone(), used)
        })
        .collect()
}

#[test]
fn no_two_modules_import_each_other() {
    let graph = top_level();
    assert!(graph.len() > 20, "{graph:?}");
    assert_eq!(find_loop(&graph), None, "an import loop between top-level modules");
    // Inside each folder: its files through `super::`.
    for entry in std::fs::read_dir(src()).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() || dir.ends_with("bin") {
            continue;
        }
        let files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|f| f.extension().is_some_and(|x| x == "rs")).collect();
        let names: BTreeSet<String> = files.iter().map(|f| f.file_stem().unwrap().to_string_lossy().to_string()).filter(|n| n != "mod").collect();
        let graph: BTreeMap<String, BTreeSet<String>> = files
            .iter()
            .map(|f| {
                let n = f.file_stem().unwrap().to_string_lossy().to_string();
                let used = refs(&code(f), "super::").into_iter().filter(|r| *r != n && names.contains(r)).collect();
                (n, used)
            })
            .collect();
        assert_eq!(find_loop(&graph), None, "an import loop inside {}", dir.display());
    }
    // The check finds a loop when there is one.
    let l: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a")].iter().map(|(x, y)| (x.to_string(), [y.to_string()].into())).collect();
    assert_eq!(find_loop(&l).map(|p| p.len()), Some(4));
}

#[test]
fn the_readme_maps_every_module() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let map = readme.split("## Map of the code").nth(1).expect("README.md has a \"## Map of the code\" section");
    let map = map.split("\n## ").next().unwrap();
    for m in top_level().keys() {
        assert!(map.contains(&format!("`{m}`")), "the README's map does not name `{m}`");
    }
}
