//! What one cell holds: nothing, a number, or text; and how cells and names
//! are shown in messages.

/// Numbers beyond this size are refused: they are typos or sentinels
/// (`1e300`, `9.99e+307`), and they would swamp normalization.
pub(crate) const MAX_ABS: f64 = 1e30;

/// Cells that mean "no value" in the files learners are likely to have
/// (spreadsheets, pandas, R, the UCI repository's `?`), in any case.
pub(crate) const MISSING_MARKERS: &[&str] = &["", "na", "n/a", "nan", "null", "none", "?"];

pub(crate) fn is_missing(cell: &str) -> bool {
    MISSING_MARKERS.iter().any(|m| cell.eq_ignore_ascii_case(m))
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cell {
    Missing,
    Number(f64),
    Text,
}

/// A number too large to be real (or infinite): the caller reports where.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Absurd;

/// Read a trimmed cell. Besides what Rust's `f64` parser takes (`1`, `-2.5`,
/// `.5`, `1e-3`), a comma-separated file may group thousands with commas
/// (`"1,234.5"`, as Excel writes them, quoted), and a file separated by
/// anything else may use a decimal comma (`1,5`, `1.234,5`).
pub(crate) fn classify(cell: &str, delim: u8) -> Result<Cell, Absurd> {
    if is_missing(cell) {
        return Ok(Cell::Missing);
    }
    let Some(v) = number(cell, delim) else {
        return Ok(Cell::Text);
    };
    if v.is_nan() {
        // `-nan` and the like: no value.
        Ok(Cell::Missing)
    } else if !v.is_finite() || v.abs() > MAX_ABS {
        Err(Absurd)
    } else {
        // -0 and 0 are one value (and one class).
        Ok(Cell::Number(v + 0.0))
    }
}

fn number(cell: &str, delim: u8) -> Option<f64> {
    let first = *cell.as_bytes().first()?;
    if !(first.is_ascii_digit()
        || matches!(first, b'+' | b'-' | b'.' | b',' | b'i' | b'I' | b'n' | b'N'))
    {
        return None;
    }
    if let Ok(v) = cell.parse::<f64>() {
        return Some(v);
    }
    if !cell.contains(',') {
        return None;
    }
    let (sign, body) = match cell.strip_prefix(['+', '-']) {
        Some(rest) => (&cell[..1], rest),
        None => ("", cell),
    };
    let (int, frac, group) = if delim == b',' {
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        (int, frac, ',')
    } else {
        let (int, frac) = body.split_once(',')?;
        (int, frac, '.')
    };
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = ungroup(int, group)?;
    format!("{sign}{digits}.{frac}").parse().ok()
}

/// `1,234,567` → `1234567` (with `sep` ','); digits without separators pass
/// as they are. `None` unless the groups after the first are of three.
fn ungroup(int: &str, sep: char) -> Option<String> {
    let mut groups = int.split(sep);
    let head = groups.next()?;
    let ok_head = !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit());
    let mut out = String::from(head);
    let mut grouped = false;
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) || head.len() > 3 {
            return None;
        }
        grouped = true;
        out.push_str(g);
    }
    (ok_head || (head.is_empty() && !grouped)).then_some(out)
}

/// A cell or name as a message shows it: control characters escaped (so a
/// newline inside a quoted cell shows as `\n`), cut at 40 characters.
pub(crate) fn show(s: &str) -> String {
    const MAX: usize = 40;
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// `'a', 'b', 'c'`, at most 20 of them and then how many more.
pub(crate) fn quoted<S: AsRef<str>>(names: &[S]) -> String {
    const MAX: usize = 20;
    let mut parts: Vec<String> = names
        .iter()
        .take(MAX)
        .map(|n| format!("'{}'", show(n.as_ref())))
        .collect();
    if names.len() > MAX {
        parts.push(format!("and {} more", names.len() - MAX));
    }
    parts.join(", ")
}

/// `1 value` / `3 values`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(cell: &str, d: u8) -> Option<f64> {
        match classify(cell, d) {
            Ok(Cell::Number(v)) => Some(v),
            _ => None,
        }
    }

    #[test]
    fn missing_in_every_spelling() {
        for m in [
            "", "NA", "na", "N/A", "n/a", "NaN", "nan", "NULL", "null", "None", "?",
        ] {
            assert_eq!(classify(m, b','), Ok(Cell::Missing), "{m}");
        }
        assert_eq!(classify("-nan", b','), Ok(Cell::Missing));
        assert_eq!(classify("n.a.", b','), Ok(Cell::Text));
    }

    #[test]
    fn numbers_and_their_spellings() {
        assert_eq!(num("1", b','), Some(1.0));
        assert_eq!(num("-2.5e3", b','), Some(-2500.0));
        assert_eq!(num(".5", b','), Some(0.5));
        assert_eq!(num("-0", b',').map(f64::to_bits), Some(0f64.to_bits()));
        // Thousands separators in a comma file; decimal commas elsewhere.
        assert_eq!(num("1,234.5", b','), Some(1234.5));
        assert_eq!(num("-12,345,678", b','), Some(-12345678.0));
        assert_eq!(num("1,5", b','), None);
        assert_eq!(num("1234,567", b','), None);
        assert_eq!(num("1,5", b';'), Some(1.5));
        assert_eq!(num("-1.234,5", b'\t'), Some(-1234.5));
        assert_eq!(num(",5", b';'), Some(0.5));
        assert_eq!(num("1,2,3", b';'), None);
        assert_eq!(num("1.23,4", b';'), None);
        for text in ["forty", "1 000", "50%", "0x10", "1e", "--1", "٣"] {
            assert_eq!(classify(text, b','), Ok(Cell::Text), "{text}");
        }
    }

    #[test]
    fn absurd_numbers() {
        for cell in ["inf", "-Infinity", "INF", "1e300", "-1e31", "1e999"] {
            assert_eq!(classify(cell, b','), Err(Absurd), "{cell}");
        }
        assert_eq!(num("1e30", b','), Some(1e30));
        assert_eq!(num("1e-300", b','), Some(1e-300));
    }

    #[test]
    fn shown_cells_are_short_and_visible() {
        assert_eq!(show("a\nb\u{0}"), "a\\nb\\u{0}");
        assert_eq!(show(&"x".repeat(50)), format!("{}…", "x".repeat(40)));
        assert_eq!(quoted(&["a", "b"]), "'a', 'b'");
        let many: Vec<String> = (0..25).map(|i| i.to_string()).collect();
        assert!(quoted(&many).ends_with("'19', and 5 more"));
    }
}
