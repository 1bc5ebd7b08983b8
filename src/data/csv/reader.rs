//! Records of CSV text, read with the `csv` crate one at a time, and the
//! delimiter guess.
//!
//! The crate reads RFC 4180 with the leniency real files need: a value that
//! starts with `"` is quoted and may hold delimiters, newlines and `""` for a
//! quote; text after its closing quote is kept (`"a" b` is `a b`); a `"`
//! inside an unquoted value is literal; records end at `\n`, `\r\n` or a lone
//! `\r`; a leading byte-order mark is dropped. A quote after spaces is
//! literal, as RFC 4180 has it. What the crate does otherwise is bridged
//! here: values are trimmed; rows are numbered as a spreadsheet numbers them
//! (one per record, blank ones included, so a quoted newline does not shift
//! the numbers), although the crate skips empty lines; and a quote left open
//! at the end of the text, which the crate reads as a value running to the
//! end, is reported as [`Unclosed`].
//!
//! One [`csv::StringRecord`] is reused from record to record, so memory is
//! the crate's 8 KB read buffer and one whole record (its text, unescaped,
//! and its field ends), however long the file; a single record can be as
//! long as the text.

use super::cell::{classify, Cell};
use csv::{ReaderBuilder, StringRecord, Terminator};

/// The delimiters the guess chooses among, in order of preference on a tie.
pub(crate) const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How much of the file the delimiter guess reads: this many non-blank
/// records after the first, or until this many bytes have been read.
const SAMPLE_RECORDS: usize = 50;
const SAMPLE_BYTES: usize = 1 << 20;

/// What `Records::next` says about the record it read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Record {
    /// Spreadsheet row number (the first record is row 1).
    pub row: usize,
    /// Number of fields.
    pub count: usize,
    /// The last field is empty (a trailing delimiter).
    pub last_empty: bool,
}

/// A quote opened in this row and never closed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Unclosed {
    pub row: usize,
}

pub(crate) struct Records<'a> {
    text: &'a [u8],
    delim: u8,
    reader: csv::Reader<&'a [u8]>,
    record: StringRecord,
    /// Where the record last read starts.
    start: usize,
    row: usize,
    /// Blank rows passed so far: empty lines (which the crate skips) and
    /// records whose every field is empty (spaces, bare delimiters).
    pub blank: usize,
}

impl<'a> Records<'a> {
    pub fn new(text: &'a str, delim: u8) -> Self {
        let reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delim)
            .quoting(true)
            .double_quote(true)
            .terminator(Terminator::CRLF)
            .from_reader(text.as_bytes());
        Records {
            text: text.as_bytes(),
            delim,
            reader,
            record: StringRecord::new(),
            start: 0,
            row: 0,
            blank: 0,
        }
    }

    /// Bytes consumed so far.
    pub fn pos(&self) -> usize {
        self.reader.position().byte() as usize
    }

    /// Field `i` of the record last read, trimmed; empty past its end.
    pub fn get(&self, i: usize) -> &str {
        self.record.get(i).map_or("", str::trim)
    }

    /// The first `used` fields of the record last read (see [`Fields`]).
    pub fn fields(&self, used: usize) -> Fields<'_> {
        Fields {
            record: &self.record,
            used,
        }
    }

    /// Read the next record that is not blank (blank ones are counted in
    /// `blank`). `None` at the end of the text.
    pub fn next(&mut self) -> Option<Result<Record, Unclosed>> {
        loop {
            let from = self.pos();
            // Reading a byte slice cannot fail, and the text is UTF-8 cut
            // only at ASCII bytes; `flexible` allows any field count.
            let more = self.reader.read_record(&mut self.record).unwrap_or(false);
            self.start = self.skip_empty_lines(from);
            if !more {
                return None;
            }
            self.row += 1;
            if self.pos() == self.text.len() && self.unclosed() {
                return Some(Err(Unclosed { row: self.row }));
            }
            if self.record.iter().all(|f| f.trim().is_empty()) {
                self.blank += 1;
                continue;
            }
            let count = self.record.len();
            return Some(Ok(Record {
                row: self.row,
                count,
                last_empty: self.get(count - 1).is_empty(),
            }));
        }
    }

    /// Count the empty lines the crate skipped from byte `from` (where the
    /// record it read starts looking) as rows, and return where the record
    /// starts. A `\n` after a `\r` ends the same line: the previous record's
    /// or a blank one's.
    fn skip_empty_lines(&mut self, from: usize) -> usize {
        let b = self.text;
        let mut i = from;
        if i == 0 && b.starts_with("\u{feff}".as_bytes()) {
            i = 3;
        }
        while let Some(&c) = b.get(i).filter(|c| matches!(c, b'\r' | b'\n')) {
            if !(c == b'\n' && i > 0 && b[i - 1] == b'\r') {
                self.row += 1;
                self.blank += 1;
            }
            i += 1;
        }
        i
    }

    /// Whether the record just read, which ran to the end of the text, ends
    /// in a quote that was never closed. The crate then reads the rest of
    /// the text as the last value, so that value's raw text is `"` and the
    /// value with each `"` doubled, at the record's start or after a
    /// delimiter. No other value is written so: a closed one has an
    /// undoubled closing quote, an unquoted one does not start with `"`.
    fn unclosed(&self) -> bool {
        let start = self.start;
        let Some(last) = self.record.iter().next_back() else {
            return false;
        };
        let quotes = last.bytes().filter(|&c| c == b'"').count();
        let Some(at) = self.text.len().checked_sub(1 + last.len() + quotes) else {
            return false;
        };
        if at < start || (at > start && self.text[at - 1] != self.delim) || self.text[at] != b'"' {
            return false;
        }
        let mut raw = self.text[at + 1..].iter();
        last.bytes()
            .all(|c| raw.next() == Some(&c) && (c != b'"' || raw.next() == Some(&b'"')))
    }

    /// Quoted fields of the record last read with text after their closing
    /// quote (`"a";"b` read with a comma): rare in a real file, the mark of
    /// a wrong delimiter. Found by walking the record's raw text alongside
    /// the fields the crate made of it.
    fn odd_quotes(&self) -> usize {
        let b = self.text;
        let (mut i, mut odd) = (self.start, 0);
        for f in self.record.iter() {
            // Bytes of `f` inside the quotes.
            let mut k = 0;
            if b.get(i) == Some(&b'"') {
                i += 1;
                // Up to the closing quote: `""` in the text is `"` in `f`.
                while k < f.len() && !(b.get(i) == Some(&b'"') && b.get(i + 1) != Some(&b'"')) {
                    i += 1 + usize::from(f.as_bytes()[k] == b'"');
                    k += 1;
                }
                i += 1;
                odd += usize::from(!f.get(k..).unwrap_or("").trim().is_empty());
            }
            // The rest of the field as it is, then the delimiter.
            i += f.len() - k + 1;
        }
        odd
    }
}

/// The first `used` fields of a record, trimmed; a record shorter than that
/// (a header with a trailing delimiter) reads as empty past its end.
#[derive(Clone, Copy)]
pub(crate) struct Fields<'r> {
    record: &'r StringRecord,
    used: usize,
}

impl<'r> Fields<'r> {
    pub fn get(&self, i: usize) -> &'r str {
        self.record.get(i).map_or("", str::trim)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'r str> + '_ {
        (0..self.used).map(|i| self.get(i))
    }
}

/// Whether a record of `count` fields fits a header of `width`, allowing for
/// a trailing delimiter on the row (one extra, empty field) or on the header
/// only (its last name empty, the row one field short).
pub(crate) fn fits(width: usize, header_last_empty: bool, count: usize, last_empty: bool) -> bool {
    count == width
        || (count == width + 1 && last_empty)
        || (header_last_empty && count + 1 == width)
}

/// Guess the delimiter. Among `CANDIDATES`, for which the first record has
/// more than one field, prefer (fields counted by the `csv` crate, so quotes
/// are respected throughout):
/// 1. one for which every sampled record after the first fits that count;
/// 2. fewer quoted fields with text after the closing quote (`"1";"2,5"`
///    read with commas splits every row alike, but `"1";"2` is no field a
///    writer would make);
/// 3. a larger share of the values that read as numbers (`1,5;2` is two
///    numbers with `;` and none with `,`);
/// 4. more columns, then the order of `CANDIDATES`.
///
/// With none consistent, the one most rows agree with wins, so the ragged
/// row is then reported by number; with no count above one, a comma.
pub(crate) fn detect(text: &str) -> u8 {
    /// Fields per record looked at for the share of numbers.
    const SAMPLE_FIELDS: usize = 64;
    let mut best: Option<((u8, isize, usize, usize), u8)> = None;
    for d in CANDIDATES {
        let mut records = Records::new(text, d);
        let mut header: Option<(usize, bool)> = None;
        let (mut sampled, mut agree) = (0usize, 0usize);
        let (mut numbers, mut values, mut odd) = (0usize, 0usize, 0usize);
        while sampled < SAMPLE_RECORDS && records.pos() < SAMPLE_BYTES {
            let next = records.next();
            odd += records.odd_quotes();
            // An unclosed quote is reported by the real pass.
            let Some(Ok(rec)) = next else {
                break;
            };
            let Some((w, w_last_empty)) = header else {
                header = Some((rec.count, rec.last_empty));
                continue;
            };
            sampled += 1;
            agree += usize::from(fits(w, w_last_empty, rec.count, rec.last_empty));
            for f in records.fields(rec.count.min(SAMPLE_FIELDS)).iter() {
                match classify(f, d) {
                    Ok(Cell::Missing) => {}
                    Ok(Cell::Number(_)) | Err(_) => {
                        numbers += 1;
                        values += 1;
                    }
                    Ok(Cell::Text) => values += 1,
                }
            }
        }
        let Some((w, w_last_empty)) = header else {
            continue;
        };
        let columns = if w_last_empty && w > 1 { w - 1 } else { w };
        if columns < 2 {
            continue;
        }
        let odd = -(odd.min(isize::MAX as usize) as isize);
        let share = numbers * 1000 / values.max(1);
        let score = if agree == sampled {
            (2, odd, share, columns)
        } else {
            (1, odd, agree, share)
        };
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, d));
        }
    }
    best.map_or(b',', |(_, d)| d)
}

// Native only: proptest does not build for wasm32 (getrandom), and the
// wasm test builds compile the unit tests too.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Rows as their number and trimmed fields.
    type Rows = Vec<(usize, Vec<String>)>;

    /// Every non-blank record, and the blank rows; or the row of an
    /// unclosed quote.
    fn all(text: &str, d: u8) -> Result<(Rows, usize), usize> {
        let mut r = Records::new(text, d);
        let mut rows = Vec::new();
        while let Some(rec) = r.next() {
            let rec = rec.map_err(|u| u.row)?;
            let fields: Vec<String> = r.fields(rec.count).iter().map(String::from).collect();
            assert_eq!(rec.last_empty, fields.last().is_none_or(|f| f.is_empty()));
            rows.push((rec.row, fields));
        }
        Ok((rows, r.blank))
    }

    fn fields(text: &str, d: u8) -> Vec<Vec<String>> {
        all(text, d)
            .unwrap()
            .0
            .into_iter()
            .map(|(_, f)| f)
            .collect()
    }

    #[test]
    fn quotes_newlines_and_line_ends() {
        let text = "a,\"b, \"\"c\"\"\nd\",e\r\nf,g\rh,\n\n x , \"y\" z,\"w\" v";
        assert_eq!(
            fields(text, b','),
            vec![
                vec!["a", "b, \"c\"\nd", "e"],
                vec!["f", "g"],
                vec!["h", ""],
                // Text after a closing quote is kept; a quote after a space
                // is literal.
                vec!["x", "\"y\" z", "w v"],
            ]
        );
        // A quote inside an unquoted field is literal; an unclosed one is
        // reported in the row it opens, whatever it holds.
        assert_eq!(fields("5'11\",x\n", b','), vec![vec!["5'11\"", "x"]]);
        assert_eq!(fields("a,5'11\"", b','), vec![vec!["a", "5'11\""]]);
        assert_eq!(fields("a,\"b\"", b','), vec![vec!["a", "b"]]);
        assert_eq!(fields("a,\"b\"\"\"", b','), vec![vec!["a", "b\""]]);
        assert_eq!(fields("a,\"b\"c\"", b','), vec![vec!["a", "bc\""]]);
        assert_eq!(all("a,b\n1,\"2\n3,4\n", b','), Err(2));
        assert_eq!(all("a,b\n\n1,\"2\"\"\n", b','), Err(3));
        assert_eq!(all("\"", b','), Err(1));
        assert_eq!(all("\u{feff}\"a", b','), Err(1));
        assert_eq!(all("a;\"b,c", b';'), Err(1));
    }

    #[test]
    fn rows_are_records_not_lines() {
        let (rows, blank) = all("h\n\"a\nb\"\n\nc\n", b',').unwrap();
        let rows: Vec<usize> = rows.iter().map(|(r, _)| *r).collect();
        assert_eq!((rows, blank), (vec![1, 2, 4], 1));
        // Empty lines with every line end, lines of spaces or bare
        // delimiters, and a byte-order mark: blank rows, counted.
        let (rows, blank) = all("\u{feff}\n\r\n\r,\n  \na\r\n\r\nb\r\r\n\n", b',').unwrap();
        let rows: Vec<usize> = rows.iter().map(|(r, _)| *r).collect();
        assert_eq!((rows, blank), (vec![6, 8], 8));
    }

    #[test]
    fn fields_read_empty_past_the_end() {
        let mut r = Records::new("a,\"b\"\"\", c ,\n", b',');
        let rec = r.next().unwrap().unwrap();
        assert_eq!((rec.count, rec.last_empty), (4, true));
        let f = r.fields(6);
        assert_eq!(f.iter().collect::<Vec<_>>(), ["a", "b\"", "c", "", "", ""]);
        assert_eq!((f.get(1), f.get(5)), ("b\"", ""));
        // A quoted last field is not taken for a trailing delimiter.
        let mut r = Records::new("a,\"\"\"\"", b',');
        assert!(!r.next().unwrap().unwrap().last_empty);
    }

    #[test]
    fn tab_delimited_fields_keep_their_spaces_trimmed() {
        assert_eq!(
            fields(" a \t b\t\t\"c\td\"\n", b'\t'),
            vec![vec!["a", "b", "", "c\td"]]
        );
    }

    #[test]
    fn delimiter_guess() {
        assert_eq!(detect("a,b,c\n1,2,3\n"), b',');
        assert_eq!(detect("a;b;c\n1,5;2,5;3\n"), b';');
        assert_eq!(detect("a\tb\n1\t2\n"), b'\t');
        assert_eq!(detect("a|b\n1|2\n"), b'|');
        // Delimiters inside quotes do not count.
        assert_eq!(detect("\"x;y\",b\n\"1;2;3\",2\n"), b',');
        // Every value quoted, decimal commas: the commas split every row
        // alike, but only at the cost of text after closing quotes.
        assert_eq!(detect("\"0\";\"0,1\"\n\"2\";\"-0,5\"\n"), b';');
        assert_eq!(detect("\"a\";\"b,c\"\n\"d\";\"e,f\"\n"), b';');
        // Decimal commas: both readings split every row alike; only `;`
        // makes numbers.
        assert_eq!(detect("0,1;0\n-1594550;-0,1\n"), b';');
        assert_eq!(detect("0,5;1,5\n2,5;3,5\n"), b';');
        // Trailing delimiters and blank lines do not break the count.
        assert_eq!(detect("a;b;\n\n1;2;\n3;4\n"), b';');
        // One column, or nothing: a comma.
        assert_eq!(detect("y\n1\n2\n"), b',');
        assert_eq!(detect(""), b',');
        // Ragged everywhere: the delimiter most rows agree with.
        assert_eq!(detect("a;b;c\n1;2;3\n1;2\n4;5;6\n"), b';');
    }

    fn quote(field: &str, d: u8) -> String {
        let special = |c: char| c == d as char || matches!(c, '"' | '\n' | '\r');
        if field.contains(special) || field.trim() != field || field.is_empty() {
            format!("\"{}\"", field.replace('"', "\"\""))
        } else {
            field.to_string()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Quoting a grid and reading it back gives the grid (fields are
        /// trimmed, so the grid's fields are generated without outer spaces).
        #[test]
        fn written_grids_read_back(
            grid in prop::collection::vec(
                prop::collection::vec("[a-c1 ,;\t|\"\r\n]{0,6}", 2..5), 1..6),
            d in prop::sample::select(CANDIDATES.to_vec()),
            crlf in any::<bool>(),
        ) {
            let grid: Vec<Vec<String>> = grid
                .into_iter()
                .map(|row| row.into_iter().map(|f| f.trim().to_string()).collect())
                .collect();
            let eol = if crlf { "\r\n" } else { "\n" };
            let text: String = grid
                .iter()
                .map(|row| {
                    let fields: Vec<String> = row.iter().map(|f| quote(f, d)).collect();
                    fields.join(&(d as char).to_string()) + eol
                })
                .collect();
            // A row of empty fields is a blank row.
            let grid: Vec<Vec<String>> =
                grid.into_iter().filter(|row| row.iter().any(|f| !f.is_empty())).collect();
            prop_assert_eq!(fields(&text, d), grid);
        }

        /// Any text: records end, rows only grow, counts are consistent,
        /// nothing panics.
        #[test]
        fn any_text_is_read(text in "[a1 ,;\t|\"\r\n\u{feff}\u{fffd}é]{0,64}") {
            for d in CANDIDATES {
                let mut r = Records::new(&text, d);
                let (mut last_pos, mut last_row) = (0, 0);
                while let Some(Ok(rec)) = r.next() {
                    prop_assert!(rec.row > last_row && rec.count >= 1);
                    prop_assert!(r.pos() > last_pos || r.pos() == text.len());
                    last_pos = r.pos();
                    last_row = rec.row;
                }
                prop_assert!(last_row.max(r.blank) <= text.len());
            }
            detect(&text);
        }
    }
}
