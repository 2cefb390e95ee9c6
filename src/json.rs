//! A small JSON reader that keeps what the data journalist wrote.
//!
//! Why not serde_json: we need (1) line and column of a syntax error,
//! (2) the byte offset of every value so findings can point into the text,
//! (3) the literal text of numbers, because a reported `9.10` carries two
//! decimals of precision that an `f64` forgets, and (4) duplicate keys and
//! key order. It is also far smaller in wasm than serde_json.
//!
//! Limits: nesting depth (a hostile `[[[[...` must not overflow the stack).

/// Maximum nesting of arrays and objects.
pub const MAX_DEPTH: usize = 64;
/// Largest document read: 50 MiB.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// Most values in a document (every number, string, array, object): enough for
/// 100,000 parties with all their figures, far from what would exhaust memory.
pub const MAX_VALUES: usize = 3_000_000;

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// The number exactly as written in the source, e.g. `"97.50"`.
    Number(&'a str),
    String(String),
    Array(Vec<Node<'a>>),
    /// Members in source order; duplicates are kept (the model reports them).
    Object(Vec<Member<'a>>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub value: Value<'a>,
    /// Byte offset of the value's first character.
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    pub key: String,
    pub key_offset: usize,
    pub node: Node<'a>,
}

impl Value<'_> {
    /// The JSON type name, for messages ("expected a number, found a string").
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// A syntax error with its position (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    /// A limit was passed (too many values), rather than a syntax error.
    pub limit: bool,
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

impl SyntaxError {
    /// "line 3, column 14: expected ',' or '}' after an object member"
    pub fn describe(&self) -> String {
        let mut s = String::from("line ");
        s += &crate::format::int(self.line as u64);
        s += ", column ";
        s += &crate::format::int(self.column as u64);
        s += ": ";
        s += &self.message;
        s
    }
}

/// Line and column (1-based; column counts characters, not bytes) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    // Count characters (UTF-8 lead bytes) between line start and offset.
    let column = 1 + before[line_start..].iter().filter(|&&b| (b & 0xC0) != 0x80).count();
    (line, column)
}

/// Line and column of increasing offsets, in one walk over the text.
pub struct Positions<'a> {
    text: &'a [u8],
    pos: usize,
    line: usize,
    column: usize,
}

impl<'a> Positions<'a> {
    pub fn new(text: &'a str) -> Self {
        Positions { text: text.as_bytes(), pos: 0, line: 1, column: 1 }
    }

    /// The (line, column) of `offset`; offsets must come in increasing order.
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        while self.pos < offset {
            let b = self.text[self.pos];
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if (b & 0xC0) != 0x80 {
                self.column += 1;
            }
            self.pos += 1;
        }
        (self.line, self.column)
    }
}

pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    let mut p = Parser { src: text.as_bytes(), text, pos: 0, depth: 0, values: 0 };
    // A UTF-8 byte order mark is tolerated (spreadsheet exports write one).
    if text.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.skip_ws();
    if p.pos >= p.src.len() {
        return Err(p.error_at(p.pos, "the document is empty: expected a JSON object"));
    }
    let node = p.value()?;
    p.skip_ws();
    if p.pos < p.src.len() {
        return Err(p.error_at(p.pos, "unexpected text after the end of the JSON document"));
    }
    Ok(node)
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
    values: usize,
}

impl<'a> Parser<'a> {
    /// The first paint's module (without `full`) words no syntax error (it leaves data it cannot
    /// read to the full module): inlined, so that its messages are not in that module at all.
    #[inline(always)]
    fn error_at(&self, offset: usize, message: &'static str) -> SyntaxError {
        self.error(offset, if cfg!(feature = "full") { message } else { "" })
    }

    #[inline(never)]
    fn error(&self, offset: usize, message: &str) -> SyntaxError {
        // (The first paint's module says nothing of it: no line and column to find.)
        if !cfg!(feature = "full") {
            return SyntaxError { message: String::new(), offset, line: 0, column: 0, limit: false };
        }
        let (line, column) = line_column(self.text, offset);
        SyntaxError { message: message.to_string(), offset, line, column, limit: false }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn value(&mut self) -> Result<Node<'a>, SyntaxError> {
        let offset = self.pos;
        self.values += 1;
        if self.values > MAX_VALUES {
            let mut e = self.error_at(offset, "the document has more than 3,000,000 values, the limit: split it into several documents");
            e.limit = true;
            return Err(e);
        }
        let value = match self.peek() {
            None => return Err(self.error_at(offset, "unexpected end of the document: expected a value")),
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b'\'') => return Err(self.error_at(offset, "strings must use double quotes (\"), not single quotes")),
            Some(b',') | Some(b']') | Some(b'}') => {
                return Err(self.error_at(offset, "expected a value here (a trailing comma?)"))
            }
            Some(_) => return Err(self.error_at(offset, "expected a value: an object, array, string, number, true, false or null")),
        };
        Ok(Node { value, offset })
    }

    fn literal(&mut self, word: &str, v: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(self.error_at(self.pos, "expected a value: an object, array, string, number, true, false or null"))
        }
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_at(self.pos, "nested too deeply (more than 64 levels of arrays and objects)"));
        }
        Ok(())
    }

    fn object(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        self.pos += 1; // {
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            let key_offset = self.pos;
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => return Err(self.error_at(key_offset, "trailing comma before '}'")),
                None => return Err(self.error_at(key_offset, "unexpected end of the document inside an object")),
                _ => return Err(self.error_at(key_offset, "expected a member name in double quotes")),
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error_at(self.pos, "expected ':' after the member name"));
            }
            self.pos += 1;
            self.skip_ws();
            let node = self.value()?;
            members.push(Member { key, key_offset, node });
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                None => return Err(self.error_at(self.pos, "unexpected end of the document: expected ',' or '}'")),
                _ => return Err(self.error_at(self.pos, "expected ',' or '}' after an object member")),
            }
        }
        self.depth -= 1;
        Ok(Value::Object(members))
    }

    fn array(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        self.pos += 1; // [
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            if self.peek() == Some(b']') {
                return Err(self.error_at(self.pos, "trailing comma before ']'"));
            }
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                None => return Err(self.error_at(self.pos, "unexpected end of the document: expected ',' or ']'")),
                _ => return Err(self.error_at(self.pos, "expected ',' or ']' after an array item")),
            }
        }
        self.depth -= 1;
        Ok(Value::Array(items))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let start = self.pos;
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.error_at(start, "\\u must be followed by four hexadecimal digits")),
            };
            v = v * 16 + d as u32;
            self.pos += 1;
        }
        Ok(v)
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        let start = self.pos;
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            // Copy a run of plain bytes at once (the input is valid UTF-8: it is a &str).
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.peek() {
                None => return Err(self.error_at(start, "this string is never closed (missing '\"')")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let esc = self.pos;
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if self.src[self.pos..].starts_with(b"\\u") {
                                    self.pos += 2;
                                    let lo = self.hex4()?;
                                    if !(0xDC00..0xE000).contains(&lo) {
                                        return Err(self.error_at(esc, "invalid UTF-16 surrogate pair in \\u escape"));
                                    }
                                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                                } else {
                                    return Err(self.error_at(esc, "lone UTF-16 surrogate in \\u escape"));
                                }
                            } else if (0xDC00..0xE000).contains(&hi) {
                                return Err(self.error_at(esc, "lone UTF-16 surrogate in \\u escape"));
                            } else {
                                hi
                            };
                            // Surrogates were excluded above, so this is a valid scalar.
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                            continue;
                        }
                        _ => return Err(self.error_at(esc, "invalid escape in string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                Some(_) => {
                    return Err(self.error_at(self.pos, "control character inside a string (write newlines as \\n)"))
                }
            }
        }
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error_at(start, "numbers must not have leading zeros"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error_at(start, "expected digits after '-'")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error_at(self.pos, "expected digits after the decimal point"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error_at(self.pos, "expected digits in the exponent"));
            }
            self.digits();
        }
        Ok(Value::Number(&self.text[start..self.pos]))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }
}

/// Escape a key for use in a JSON Pointer (RFC 6901).
pub fn pointer_escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Serialise a string as a JSON string literal (used when embedding data).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' || c == '<' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let v = c as u32;
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(HEX[((v >> shift) & 15) as usize] as char);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
