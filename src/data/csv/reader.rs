//! The tokenizer: records and fields of CSV text, one record at a time, and
//! the delimiter guess.
//!
//! RFC 4180 with the leniency real files need: a field that starts with `"`
//! (after spaces) is quoted and may hold delimiters, newlines and `""` for a
//! quote; text after its closing quote is kept; a `"` inside an unquoted
//! field is literal; records end at `\n`, `\r\n` or a lone `\r`. Fields are
//! trimmed. Quoted fields borrow from the text unless they hold `""`, so a
//! record costs one `Vec` of slices, reused. Records are numbered as a
//! spreadsheet numbers its rows: one per record, blank ones included, so a
//! quoted newline does not shift the numbers.
//!
//! Everything here works on bytes and cuts only at ASCII bytes (delimiters,
//! quotes, line ends), so every slice of the `&str` is on a char boundary.

use super::cell::{classify, Cell};
use std::borrow::Cow;

/// The delimiters the guess chooses among, in order of preference on a tie.
pub(crate) const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How much of the file the delimiter guess reads: this many non-blank
/// records after the first, or until this many bytes have been read.
const SAMPLE_RECORDS: usize = 50;
const SAMPLE_BYTES: usize = 1 << 20;

/// What `Records::next_into` says about the record it read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Record {
    /// Spreadsheet row number (the first record is row 1).
    pub row: usize,
    /// Number of fields, including those past `keep` that were not stored.
    pub count: usize,
    /// The last field is empty (a trailing delimiter, or a blank line).
    pub last_empty: bool,
    /// Every field is empty: a blank line, or a row of bare delimiters.
    pub all_empty: bool,
}

/// A quote opened in this row and never closed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Unclosed {
    pub row: usize,
}

pub(crate) struct Records<'a> {
    text: &'a str,
    delim: u8,
    pos: usize,
    row: usize,
    /// Quoted fields with text after their closing quote (`"a";"b` read
    /// with a comma): rare in a real file, the mark of a wrong delimiter.
    pub odd_quotes: usize,
}

impl<'a> Records<'a> {
    pub fn new(text: &'a str, delim: u8) -> Self {
        Records {
            text,
            delim,
            pos: 0,
            row: 0,
            odd_quotes: 0,
        }
    }

    /// Bytes consumed so far.
    pub fn pos(&self) -> usize {
        self.pos
    }

    fn is_space(&self, c: u8) -> bool {
        c == b' ' || (c == b'\t' && self.delim != b'\t')
    }

    /// Read the next record into `out` (cleared first), storing at most
    /// `keep` fields: the rest are counted, so a row with a million fields
    /// costs no memory. `None` at the end of the text.
    pub fn next_into(
        &mut self,
        out: &mut Vec<Cow<'a, str>>,
        keep: usize,
    ) -> Option<Result<Record, Unclosed>> {
        out.clear();
        let bytes = self.text.as_bytes();
        let n = bytes.len();
        if self.pos >= n {
            return None;
        }
        self.row += 1;
        let (mut count, mut all_empty) = (0usize, true);
        let mut last_empty;
        loop {
            let field = match self.field(count < keep) {
                Ok(f) => f,
                Err(e) => {
                    self.pos = n;
                    return Some(Err(e));
                }
            };
            count += 1;
            last_empty = field.is_empty();
            all_empty &= last_empty;
            if count <= keep {
                out.push(field);
            }
            if self.pos >= n {
                break;
            }
            match bytes[self.pos] {
                b'\r' => {
                    self.pos += 1;
                    if bytes.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    break;
                }
                b'\n' => {
                    self.pos += 1;
                    break;
                }
                // The delimiter: another field follows (an empty one at the
                // end of the text or line).
                _ => self.pos += 1,
            }
        }
        Some(Ok(Record {
            row: self.row,
            count,
            last_empty,
            all_empty,
        }))
    }

    /// One field from `self.pos`, leaving `pos` at the delimiter, line end
    /// or end of text that follows it. `store: false` skips building the
    /// text of quoted fields that hold `""`.
    fn field(&mut self, store: bool) -> Result<Cow<'a, str>, Unclosed> {
        let text = self.text;
        let bytes = text.as_bytes();
        let n = bytes.len();
        let is_end = |c: u8| c == self.delim || c == b'\n' || c == b'\r';
        let start = self.pos;
        let mut i = start;
        while i < n && self.is_space(bytes[i]) {
            i += 1;
        }
        if i >= n || bytes[i] != b'"' {
            let mut e = i;
            while e < n && !is_end(bytes[e]) {
                e += 1;
            }
            self.pos = e;
            return Ok(Cow::Borrowed(text[i..e].trim()));
        }
        // Quoted: find the closing quote, unescaping `""` on the way.
        let mut owned: Option<String> = None;
        let mut seg = i + 1;
        let mut j = seg;
        let close = loop {
            let Some(k) = bytes[j..].iter().position(|&c| c == b'"') else {
                return Err(Unclosed { row: self.row });
            };
            let q = j + k;
            if bytes.get(q + 1) == Some(&b'"') {
                if store {
                    // Keep one of the two quotes.
                    owned
                        .get_or_insert_with(String::new)
                        .push_str(&text[seg..=q]);
                }
                j = q + 2;
                seg = j;
            } else {
                break q;
            }
        };
        // Anything between the closing quote and the delimiter is kept, as
        // spreadsheets do with `"a" b`.
        let mut e = close + 1;
        while e < n && !is_end(bytes[e]) {
            e += 1;
        }
        self.pos = e;
        let tail = &text[close + 1..e];
        if !tail.trim().is_empty() {
            self.odd_quotes += 1;
        }
        let field = match owned {
            None if tail.trim().is_empty() => Cow::Borrowed(text[seg..close].trim()),
            None => Cow::Owned(format!("{}{}", &text[seg..close], tail).trim().to_string()),
            Some(mut s) => {
                s.push_str(&text[seg..close]);
                s.push_str(tail);
                let t = s.trim();
                if t.len() == s.len() {
                    Cow::Owned(s)
                } else {
                    Cow::Owned(t.to_string())
                }
            }
        };
        Ok(field)
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
/// more than one field, prefer (quotes respected throughout):
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
    let mut fields = Vec::new();
    for d in CANDIDATES {
        let mut records = Records::new(text, d);
        let mut header: Option<(usize, bool)> = None;
        let (mut sampled, mut agree) = (0usize, 0usize);
        let (mut numbers, mut values) = (0usize, 0usize);
        while sampled < SAMPLE_RECORDS && records.pos() < SAMPLE_BYTES {
            let rec = match records.next_into(&mut fields, SAMPLE_FIELDS) {
                Some(Ok(rec)) => rec,
                // An unclosed quote is reported by the real pass.
                Some(Err(_)) | None => break,
            };
            if rec.all_empty {
                continue;
            }
            let Some((w, w_last_empty)) = header else {
                header = Some((rec.count, rec.last_empty));
                continue;
            };
            sampled += 1;
            agree += usize::from(fits(w, w_last_empty, rec.count, rec.last_empty));
            for f in &fields {
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
        let odd = -(records.odd_quotes.min(isize::MAX as usize) as isize);
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every record as owned fields, or the row of an unclosed quote.
    fn all(text: &str, d: u8) -> Result<Vec<Vec<String>>, usize> {
        let mut r = Records::new(text, d);
        let mut out = Vec::new();
        let mut rows = Vec::new();
        while let Some(rec) = r.next_into(&mut out, usize::MAX) {
            let rec = rec.map_err(|u| u.row)?;
            assert_eq!(rec.count, out.len());
            rows.push(out.iter().map(|f| f.to_string()).collect());
        }
        Ok(rows)
    }

    #[test]
    fn quotes_newlines_and_line_ends() {
        let text = "a,\"b, \"\"c\"\"\nd\",e\r\nf,g\rh,\n\n x , \"y\" z";
        assert_eq!(
            all(text, b',').unwrap(),
            vec![
                vec!["a", "b, \"c\"\nd", "e"],
                vec!["f", "g"],
                vec!["h", ""],
                vec![""],
                vec!["x", "y z"],
            ]
        );
        // A quote inside an unquoted field is literal; an unclosed one is
        // reported in the row it opens.
        assert_eq!(all("5'11\",x\n", b',').unwrap(), vec![vec!["5'11\"", "x"]]);
        assert_eq!(all("a,b\n1,\"2\n3,4\n", b','), Err(2));
    }

    #[test]
    fn rows_are_records_not_lines() {
        let mut r = Records::new("h\n\"a\nb\"\n\nc\n", b',');
        let mut out = Vec::new();
        let rows: Vec<usize> = std::iter::from_fn(|| r.next_into(&mut out, 1))
            .map(|rec| rec.unwrap().row)
            .collect();
        assert_eq!(rows, vec![1, 2, 3, 4]);
    }

    #[test]
    fn fields_past_keep_are_counted_not_stored() {
        let mut r = Records::new("1,2,3,\"4\"\"\",5\n", b',');
        let mut out = Vec::new();
        let rec = r.next_into(&mut out, 2).unwrap().unwrap();
        assert_eq!((rec.count, out.len()), (5, 2));
    }

    #[test]
    fn tab_delimited_fields_keep_their_spaces_trimmed() {
        assert_eq!(
            all(" a \t b\t\t\"c\td\"\n", b'\t').unwrap(),
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
            prop_assert_eq!(all(&text, d).unwrap(), grid);
        }

        /// Any text: records end, counts are consistent, nothing panics.
        #[test]
        fn any_text_is_tokenized(text in "[a1 ,;\t|\"\r\n\u{feff}\u{fffd}é]{0,64}") {
            for d in CANDIDATES {
                let mut r = Records::new(&text, d);
                let mut out = Vec::new();
                let mut last = 0;
                while let Some(Ok(rec)) = r.next_into(&mut out, 3) {
                    prop_assert_eq!(out.len(), rec.count.min(3));
                    prop_assert!(r.pos() > last || r.pos() == text.len());
                    last = r.pos();
                }
            }
            detect(&text);
        }
    }
}
