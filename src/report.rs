//! Findings: what validation says about a document.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One finding: a stable `code` (e.g. `seats/method-mismatch`), a JSON
/// Pointer `path` into the document, and a message giving expected and found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub code: &'static str,
    pub path: String,
    pub message: String,
    /// Position in the source text (1-based), where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// Byte offset in the source, when the reader knows it (else found from `path`).
    #[serde(skip)]
    pub offset: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// Read but not yet validated (the first paint, before the check has run):
    /// the card says "Checking the numbers…", never "checked".
    #[serde(skip)]
    pub pending: bool,
}

impl Report {
    pub fn push(&mut self, severity: Severity, code: &'static str, path: &str, message: String) {
        self.findings.push(Finding { severity, code, path: path.to_string(), message, line: None, column: None, offset: None });
    }
    /// A finding whose message is worded only when it will be read: the first paint's module
    /// (built without `full`) shows no finding and declines a document with an error, so it keeps
    /// a finding's severity and code only, and no message or path of the reader is built in it.
    #[inline(always)]
    fn lazy(&mut self, severity: Severity, code: &'static str, path: &str, message: impl FnOnce() -> String) {
        if cfg!(feature = "full") {
            self.push(severity, code, path, message())
        } else {
            self.push(severity, code, "", String::new())
        }
    }
    pub fn error(&mut self, code: &'static str, path: &str, message: impl FnOnce() -> String) {
        self.lazy(Severity::Error, code, path, message)
    }
    pub fn warning(&mut self, code: &'static str, path: &str, message: impl FnOnce() -> String) {
        self.lazy(Severity::Warning, code, path, message)
    }
    pub fn info(&mut self, code: &'static str, path: &str, message: impl FnOnce() -> String) {
        self.lazy(Severity::Info, code, path, message)
    }
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }
    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }
    /// Findings whose path is `path` or lies under it.
    pub fn under<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.path == path || (f.path.starts_with(path) && f.path.as_bytes().get(path.len()) == Some(&b'/')))
    }
    /// Errors first, then warnings, then info; stable within a severity.
    pub fn sort(&mut self) {
        // (The first paint's module lists no finding.)
        if !cfg!(feature = "full") {
            return;
        }
        let f = std::mem::take(&mut self.findings);
        let order = crate::number::sorted_indices(f.len(), &|a, b| f[a].severity < f[b].severity);
        let mut slots: Vec<Option<Finding>> = f.into_iter().map(Some).collect();
        self.findings = order.into_iter().filter_map(|i| slots[i].take()).collect();
    }
}
