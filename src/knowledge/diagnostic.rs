//! Where a problem is (`file:line:column`) and what it is, for curators reading `nichiro check`.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A position in a fact-base file: 1-based line and 1-based column counted in characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file, as given to the loader (relative paths stay relative).
    pub path: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values, not bytes.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

/// One problem found in a fact base, with the place it was found.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Where the problem is.
    pub location: Location,
    /// A plain explanation for a curator.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// A file's text with an index of line starts, to turn byte offsets into [`Location`]s.
#[derive(Debug)]
pub(crate) struct SourceText {
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceText {
    pub fn new(path: &Path, text: String) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Self { path: path.to_path_buf(), text, line_starts }
    }

    /// The location of a byte offset (clamped to the text, rounded down to a character boundary).
    pub fn locate(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        Location { path: self.path.clone(), line, column }
    }

    /// A diagnostic at the start of `span`.
    pub fn error(&self, span: &Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { location: self.locate(span.start), message: message.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> SourceText {
        SourceText::new(Path::new("f.toml"), s.to_string())
    }

    #[test]
    fn locate_first_character() {
        let loc = text("abc\ndef").locate(0);
        assert_eq!((loc.line, loc.column), (1, 1));
    }

    #[test]
    fn locate_second_line() {
        let loc = text("abc\ndef").locate(5);
        assert_eq!((loc.line, loc.column), (2, 2));
    }

    #[test]
    fn locate_counts_characters_not_bytes() {
        // "日露" is six bytes; the byte offset of "x" is 6, its column 3.
        let loc = text("日露x").locate(6);
        assert_eq!((loc.line, loc.column), (1, 3));
    }

    #[test]
    fn locate_past_end_is_clamped() {
        let loc = text("ab\n").locate(99);
        assert_eq!((loc.line, loc.column), (2, 1));
    }

    #[test]
    fn diagnostic_display_is_file_line_column() {
        let d = text("a\nb").error(&(2..3), "bad");
        assert_eq!(d.to_string(), "f.toml:2:1: bad");
    }
}
