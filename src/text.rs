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
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::It => &self.it,
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

#[cfg(test)]
mod tests {
    use super::number;

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
