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
    if let Some(v) = parse_f64(cell) {
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
    parse_f64(&format!("{sign}{digits}.{frac}"))
}

/// What Rust's `str::parse::<f64>` accepts (`1`, `-2.5`, `.5`, `1.`,
/// `1e-3`, `inf`, `NaN`), read without it: core's parser brings 15 KB of
/// power-of-five tables into the wasm, a twentieth of the download, for the
/// one job of reading CSV cells. Exact (correctly rounded) whenever the
/// significant digits fit 2^53 and the power of ten is within 10^±22 after
/// moving trailing zeros, which covers measured data; beyond that, within
/// a few units in the last place of an f64, invisible once stored as f32.
pub(crate) fn parse_f64(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let signed = |v: f64| if neg { -v } else { v };
    if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        return Some(signed(f64::INFINITY));
    }
    if body.eq_ignore_ascii_case("nan") {
        return Some(f64::NAN);
    }
    let b = body.as_bytes();
    let mut i = 0;
    let mut mant: u64 = 0;
    let mut exp: i64 = 0; // value = mant · 10^exp
    let mut digits = 0; // digits seen, before and after the point
    let take = |d: u8, after_point: bool, mant: &mut u64, exp: &mut i64| {
        // Past 19 significant digits a u64 overflows; the rest only round.
        if *mant < 1_000_000_000_000_000_000 {
            *mant = *mant * 10 + u64::from(d - b'0');
            *exp -= i64::from(after_point);
        } else {
            *exp += i64::from(!after_point);
        }
    };
    while i < b.len() && b[i].is_ascii_digit() {
        take(b[i], false, &mut mant, &mut exp);
        i += 1;
        digits += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            take(b[i], true, &mut mant, &mut exp);
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        let eneg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while i < b.len() && b[i].is_ascii_digit() {
            e = (e * 10 + i64::from(b[i] - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp += if eneg { -e } else { e };
    }
    if i != b.len() {
        return None;
    }
    Some(signed(scale(mant, exp)))
}

/// mant · 10^exp as the nearest f64 (see `parse_f64` for when exactly).
fn scale(mut mant: u64, mut exp: i64) -> f64 {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    const EXACT: u64 = 1 << 53;
    if mant == 0 {
        return 0.0;
    }
    // `12e30` is 12000000e25: an exact mantissa and a smaller power.
    while exp > 22 && mant < EXACT / 10 {
        mant *= 10;
        exp -= 1;
    }
    if mant < EXACT && (-22..=22).contains(&exp) {
        // Both operands exact: one rounding, the correct one.
        let p = POW10[exp.unsigned_abs() as usize];
        return if exp < 0 {
            mant as f64 / p
        } else {
            mant as f64 * p
        };
    }
    if exp > 308 + 20 {
        return f64::INFINITY;
    }
    if exp < -343 {
        return 0.0;
    }
    let mut v = mant as f64;
    while exp > 0 {
        let k = exp.min(22);
        v *= POW10[k as usize];
        exp -= k;
    }
    while exp < 0 {
        // Dividing by an exact power keeps each step correctly rounded;
        // going below the normal range first would lose digits.
        let k = (-exp).min(22);
        v /= POW10[k as usize];
        exp += k;
    }
    v
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
        let tiny = num("1e-300", b',').unwrap();
        assert!((tiny / 1e-300 - 1.0).abs() < 1e-14, "{tiny}");
    }

    /// std's parser is the reference (natively; the wasm does without it).
    #[test]
    fn parse_f64_agrees_with_std() {
        let exact = [
            "0",
            "1",
            "-1",
            "+7",
            "0.1",
            "-2.5e3",
            ".5",
            "5.",
            "1e22",
            "1E-22",
            "123456789012345",
            "9007199254740991",
            "0.000123",
            "3.14159265358979",
            "12e30",
            "-0.0",
            "00012.5000",
            "1e0",
            "4.9406564584124654e-300",
            "1.7976931348623157e308",
            "2.2250738585072014e-308",
            "123456789012345678901234567890",
            "0.1234567890123456789012",
            "1e-5",
            "6.02214076e23",
        ];
        for s in exact {
            let want: f64 = s.parse().unwrap();
            let got = parse_f64(s).unwrap_or_else(|| panic!("{s} refused"));
            let rel = if want == 0.0 {
                got.abs()
            } else {
                (got / want - 1.0).abs()
            };
            assert!(rel <= 4.0 * f64::EPSILON, "{s}: {got} vs {want}");
            assert_eq!(got as f32, want as f32, "{s} as f32");
        }
        for s in [
            "", "-", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "0x10", "--1", "1e5x",
            "in", "nana",
        ] {
            assert_eq!(parse_f64(s), None, "{s:?}");
            assert!(s.parse::<f64>().is_err(), "std takes {s:?}");
        }
        assert_eq!(parse_f64("-inf"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_f64("Infinity"), Some(f64::INFINITY));
        assert!(parse_f64("NaN").unwrap().is_nan());
        assert_eq!(parse_f64("1e999"), Some(f64::INFINITY));
        assert_eq!(parse_f64("1e-999"), Some(0.0));
    }

    /// Decimals as data files write them: exactly std's value.
    #[test]
    fn parse_f64_is_exact_on_ordinary_decimals() {
        let mut r = crate::rng::Mulberry32::new(7);
        for _ in 0..20_000 {
            let m = (r.next_f64() * 1e12) as u64;
            let scale = (r.next_f64() * 12.0) as i32;
            let neg = r.next_f64() < 0.5;
            let v = m as f64 / 10f64.powi(scale) * if neg { -1.0 } else { 1.0 };
            for s in [format!("{v}"), format!("{v:e}"), format!("{v:.3}")] {
                assert_eq!(parse_f64(&s), s.parse::<f64>().ok(), "{s}");
            }
        }
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
