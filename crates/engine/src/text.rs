//! Text shown to people, in every language the product speaks.

use std::ops::{Index, IndexMut};

use serde::ser::{Serialize, SerializeMap, Serializer};

/// The languages the product speaks, in a fixed order: each one's code, its name in English (for
/// authors' messages) and its name in itself (for the switch people press). Adding a language is
/// adding it at the end of this list, its words for the app (`static/i18n/<code>.txt`) and its
/// texts in each trial; index.html's script lists the codes too (a test keeps them equal).
const LANGUAGES: [(&str, &str, &str); 2] =
    [("en", "English", "English"), ("it", "Italian", "Italiano")];

/// A language of the product, one of [`Lang::ALL`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Lang(u8);

impl Lang {
    /// How many languages there are.
    pub const COUNT: usize = LANGUAGES.len();

    /// Every language, in the list's order.
    pub const ALL: [Lang; Lang::COUNT] = {
        let mut all = [Lang(0); Lang::COUNT];
        let mut i = 0;
        while i < Lang::COUNT {
            all[i] = Lang(i as u8);
            i += 1;
        }
        all
    };

    /// English: the language shown when none is asked for, or none asked for is ours.
    pub const EN: Lang = Lang(0);

    /// Italian, named for tests and examples: nothing in the product depends on it.
    pub const IT: Lang = Lang(1);

    /// Its place in [`Lang::ALL`], which orders every list kept by language. A `Lang` is only
    /// ever one of the list, so the `%` changes nothing but lets the compiler drop the bounds
    /// checks of every list indexed by it (about 0.3 KB of the app's wasm).
    pub fn index(self) -> usize {
        usize::from(self.0) % Lang::COUNT
    }

    pub fn code(self) -> &'static str {
        LANGUAGES[self.index()].0
    }

    /// The language's name in English, as authors' messages give it.
    pub fn english_name(self) -> &'static str {
        LANGUAGES[self.index()].1
    }

    /// The language's name in itself, as the language switch shows it.
    pub fn own_name(self) -> &'static str {
        LANGUAGES[self.index()].2
    }

    /// Every code, for messages: `en or it`.
    pub fn codes_listed() -> String {
        let codes = Lang::ALL.map(Lang::code);
        match codes.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }

    /// Reads a language code such as `it`, `it-IT` or `en-GB`; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// One piece of text in every language, by [`Lang`]: `text[lang]` is the text as given, blank
/// where there is none.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Text([String; Lang::COUNT]);

/// `Text { en: "…", it: "…" }`, each language by its code.
impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = f.debug_struct("Text");
        for lang in Lang::ALL {
            out.field(lang.code(), &self[lang]);
        }
        out.finish()
    }
}

impl Text {
    /// The text in `lang`; in another language when a one-language definition or compiled trial
    /// has none in `lang`, rather than a blank.
    pub fn get(&self, lang: Lang) -> &str {
        let asked = &self[lang];
        if !asked.is_empty() {
            return asked;
        }
        self.0.iter().find(|text| !text.is_empty()).unwrap_or(asked)
    }

    /// Blanks the text in every language but `lang`.
    pub fn keep_only(&mut self, lang: Lang) {
        for other in Lang::ALL.into_iter().filter(|&other| other != lang) {
            self[other].clear();
        }
    }
}

impl Index<Lang> for Text {
    type Output = String;
    fn index(&self, lang: Lang) -> &String {
        &self.0[lang.index()]
    }
}

impl IndexMut<Lang> for Text {
    fn index_mut(&mut self, lang: Lang) -> &mut String {
        &mut self.0[lang.index()]
    }
}

/// As a map from language code to text: `{"en": "...", "it": "..."}`.
impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Lang::COUNT))?;
        for lang in Lang::ALL {
            map.serialize_entry(lang.code(), &self[lang])?;
        }
        map.end()
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
    use super::{number, parse_decimal, Lang, Text};

    #[test]
    fn every_language_is_found_by_its_code_and_named() {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["en", "it"]);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            let regional = format!("{}-XX", lang.code().to_uppercase());
            assert_eq!(Lang::from_code(&regional), Some(lang));
            assert!(!lang.english_name().is_empty() && !lang.own_name().is_empty());
        }
        assert_eq!((Lang::EN.code(), Lang::IT.code()), ("en", "it"));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::codes_listed(), "en or it");
    }

    #[test]
    fn a_text_falls_back_to_a_language_it_has() {
        let mut text = Text::default();
        text[Lang::IT] = "ciao".into();
        assert_eq!((text.get(Lang::EN), text.get(Lang::IT)), ("ciao", "ciao"));
        text[Lang::EN] = "hello".into();
        assert_eq!(text.get(Lang::EN), "hello");
        text.keep_only(Lang::EN);
        assert_eq!((&text[Lang::EN][..], &text[Lang::IT][..]), ("hello", ""));
        let json = serde_json::to_string(&text).unwrap();
        assert_eq!(json, r#"{"en":"hello","it":""}"#);
        assert_eq!(format!("{text:?}"), r#"Text { en: "hello", it: "" }"#);
    }

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
