//! Text shown to people, in every language the product speaks.

use serde::Serialize;

/// A language of the product. Every text exists in each of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    It,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::It];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
        }
    }

    /// Reads a language code such as `it`, `it-IT` or `en-GB`; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "it" => Some(Lang::It),
            _ => None,
        }
    }
}

/// One piece of text in every language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    pub en: String,
    pub it: String,
}

impl Text {
    /// The text in `lang`; in the other language when a one-language definition file (its
    /// `languages` key) has none in `lang`, rather than a blank.
    pub fn get(&self, lang: Lang) -> &str {
        let (asked, other) = match lang {
            Lang::En => (&self.en, &self.it),
            Lang::It => (&self.it, &self.en),
        };
        if asked.is_empty() {
            other
        } else {
            asked
        }
    }

    /// Blanks the text in every language but `lang`.
    pub fn keep_only(&mut self, lang: Lang) {
        match lang {
            Lang::En => self.it.clear(),
            Lang::It => self.en.clear(),
        }
    }
}

/// A number as people write it: `54`, `5.5`, `-1`; at most six decimals. Written by hand rather
/// than with `f64`'s `Display`, whose shortest-round-trip printer is a large part of a small wasm
/// build, for numbers that never need it.
pub fn number(n: f64) -> String {
    if !n.is_finite() {
        return if n.is_nan() {
            "NaN".into()
        } else if n > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    if n.abs() >= 1e15 {
        // Beyond exact integers in an `i64` of millionths; such numbers are never answers.
        return (n as i64).to_string();
    }
    let millionths = (n * 1e6).round() as i64;
    let sign = if millionths < 0 { "-" } else { "" };
    let (whole, fraction) = (
        millionths.unsigned_abs() / 1_000_000,
        millionths.unsigned_abs() % 1_000_000,
    );
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:06}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// Reads a plain decimal number: an optional sign, digits, an optional fraction and an optional
/// exponent (`54`, `-5.5`, `6.022e23`). `None` for anything else, and for numbers whose digits an
/// `f64` cannot hold exactly before scaling (more than 15 significant digits, or a scale beyond
/// 10^±22): only then is one multiplication or division correctly rounded, so the result equals
/// what `str::parse` gives, without `core`'s general decimal-to-float code in the wasm build.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa_text, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], parse_exponent(&body[i + 1..])?),
        None => (body, 0),
    };
    let (whole, fraction) = mantissa_text.split_once('.').unwrap_or((mantissa_text, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        if mantissa > 0 || b != b'0' {
            significant += 1;
        }
        if significant > 15 {
            return None;
        }
        mantissa = mantissa * 10 + u64::from(b - b'0');
    }
    let scale = exponent - i32::try_from(fraction.len()).ok()?;
    let magnitude = mantissa as f64;
    let value = match scale {
        _ if mantissa == 0 => 0.0,
        0..=22 => magnitude * POWERS_OF_TEN[scale as usize],
        -22..=-1 => magnitude / POWERS_OF_TEN[(-scale) as usize],
        _ => return None,
    };
    Some(if negative { -value } else { value })
}

/// Every power of ten an `f64` holds exactly.
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

fn parse_exponent(text: &str) -> Option<i32> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i32 = digits.bytes().fold(0, |n, b| n * 10 + i32::from(b - b'0'));
    Some(if text.starts_with('-') { -n } else { n })
}

#[cfg(test)]
mod tests {
    use super::{number, parse_decimal};

    #[test]
    fn decimals_read_exactly_as_the_standard_parser_reads_them() {
        let same = [
            "0",
            "54",
            "-5.5",
            "+1.5",
            "0.1",
            "3.14159",
            "1e10",
            "1E-3",
            "6.022e23",
            "120",
            "17.999999",
            ".5",
            "5.",
            "0.000001",
            "123456789012345",
            "-0",
            "1e22",
            "9.9e-21",
            "36500",
        ];
        for text in same {
            assert_eq!(
                parse_decimal(text),
                Some(text.parse::<f64>().unwrap()),
                "{text}"
            );
        }
        for refused in [
            "",
            "-",
            ".",
            "e5",
            "1e",
            "1.2.3",
            "12a",
            "1e99999",
            "1234567890123456",
            "1e23",
            "1e-23",
            "inf",
            "nan",
            " 1",
        ] {
            assert_eq!(parse_decimal(refused), None, "{refused}");
        }
    }

    #[test]
    fn numbers_read_as_written() {
        let cases = [
            (54.0, "54"),
            (5.5, "5.5"),
            (0.1, "0.1"),
            (-1.0, "-1"),
            (-0.25, "-0.25"),
            (120.0, "120"),
            (17.999999, "17.999999"),
            (0.0, "0"),
            (1e20, "9223372036854775807"),
        ];
        for (n, text) in cases {
            assert_eq!(number(n), text, "{n}");
        }
        for n in [0.5, 3.25, 99.0, 6.0, 27.5, 365.0] {
            assert_eq!(number(n), n.to_string());
        }
    }
}
