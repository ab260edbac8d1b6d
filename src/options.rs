//! The page address's options: how a registry that embeds the pre-screener wants it shown
//! (`?trial=interact&lang=it&mode=clinician&compact=true&accent=%23005ea5&embed=1`).
//!
//! Every option is checked here. A bad one never breaks the page: it becomes a [`Problem`] that
//! the pre-screener shows inside itself, and the option falls back to its default. The trial and
//! the language are chosen by index.html's script alone (`dom::chosen`), which fetches the trial
//! before this code has come; a language it could not use is still reported here.

use crate::state::Mode;
use prescreen_engine::text::Lang;

/// What the address asks for, after checking.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub mode: Option<Mode>,
    pub compact: bool,
    pub accent: Option<Accent>,
    /// Shown inside a registry's page (the embed loader sets `embed=1`): the page reports its
    /// height to the host and has no scrollbar of its own.
    pub embedded: bool,
    pub problems: Vec<Problem>,
}

/// An option that could not be used, with what was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Lang(String),
    Mode(String),
    Compact(String),
    Accent(String),
    /// The colour is valid but white text on it is too faint: its contrast ratio, times ten.
    AccentContrast(String, u32),
}

/// A registry's accent colour for the buttons and the banner's stripe, as `#rrggbb`, with a
/// darker shade for hover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accent {
    pub colour: String,
    pub hover: String,
}

impl Options {
    /// Reads the options through `param`, which gives a query parameter's value by name.
    pub fn read(param: impl Fn(&str) -> Option<String>) -> Options {
        let mut problems = Vec::new();
        if let Some(code) = param("lang").filter(|code| Lang::from_code(code).is_none()) {
            problems.push(Problem::Lang(code));
        }
        let mode = param("mode").and_then(|id| {
            let mode = Mode::from_id(&id);
            if mode.is_none() {
                problems.push(Problem::Mode(id));
            }
            mode
        });
        let compact = param("compact").is_some_and(|text| {
            flag(&text).unwrap_or_else(|| {
                problems.push(Problem::Compact(text));
                false
            })
        });
        let accent = param("accent").and_then(|text| match Accent::parse(&text) {
            Ok(accent) => Some(accent),
            Err(problem) => {
                problems.push(problem);
                None
            }
        });
        let embedded = param("embed").is_some_and(|text| flag(&text) == Some(true));
        Options {
            mode,
            compact,
            accent,
            embedded,
            problems,
        }
    }
}

/// What of a rejected value the page may repeat: short, plain values as given (`fr`, `#ffdd00`),
/// and nothing else, so that an address cannot make the pre-screener show a sentence of
/// someone else's choosing ("call this number to confirm...").
pub fn shown(value: &str) -> &str {
    let plain = value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'#' | b'_' | b'-' | b'.'));
    if plain && (1..=24).contains(&value.len()) {
        value
    } else {
        "…"
    }
}

fn flag(text: &str) -> Option<bool> {
    match text {
        "" | "1" | "true" | "yes" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

impl Accent {
    /// `#rgb` or `#rrggbb` (the `#` may be left out), dark enough for white text: the 4.5:1 that
    /// WCAG 2.2 AA asks of normal text (1.4.3), for the white button text on the accent.
    pub fn parse(text: &str) -> Result<Accent, Problem> {
        let hex = text.strip_prefix('#').unwrap_or(text);
        let digits: Vec<u8> = hex.bytes().filter_map(hex_digit).collect();
        let rgb = match (hex.len(), digits.len()) {
            (3, 3) => [digits[0] * 17, digits[1] * 17, digits[2] * 17],
            (6, 6) => [
                digits[0] * 16 + digits[1],
                digits[2] * 16 + digits[3],
                digits[4] * 16 + digits[5],
            ],
            _ => return Err(Problem::Accent(text.to_string())),
        };
        let (contrast, passes) = contrast_with_white(rgb);
        if !passes {
            return Err(Problem::AccentContrast(text.to_string(), contrast));
        }
        // Hover: the same hue at four fifths of the brightness, darker still, so still readable.
        let hover = rgb.map(|c| (c as u32 * 4 / 5) as u8);
        Ok(Accent {
            colour: css_hex(rgb),
            hover: css_hex(hover),
        })
    }
}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn css_hex(rgb: [u8; 3]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::from("#");
    for c in rgb {
        out.push(DIGITS[(c >> 4) as usize] as char);
        out.push(DIGITS[(c & 15) as usize] as char);
    }
    out
}

/// WCAG's contrast ratio of white on `rgb`, times ten and rounded down: (1.05) / (L + 0.05), with
/// L the relative luminance; and whether it is at least 4.5:1 for certain. Integer arithmetic on
/// a table of linear values keeps floating-point powers (and their code) out of the web build.
fn contrast_with_white(rgb: [u8; 3]) -> (u32, bool) {
    let [r, g, b] = rgb.map(|c| linear(c) as u64);
    // L × 10^8: channel weights × 10^4 times linear values × 10^4.
    let luminance = 2126 * r + 7152 * g + 722 * b;
    let ratio_times_ten = (10 * 105_000_000 / (luminance + 5_000_000)) as u32;
    // 4.5:1 means L ≤ 1.05 / 4.5 − 0.05. The table's rounding can make L up to 0.5 × 10^-4 too
    // small, so that much is added back: a colour passes only if it passes for certain.
    let passes = 3 * (luminance + 5_000) <= 55_000_000;
    (ratio_times_ten, passes)
}

/// An sRGB channel in linear light, × 10,000: ((c/255 + 0.055) / 1.055)^2.4, or c/255/12.92 at
/// the dark end (WCAG 2.2's definition of relative luminance), read from a table built from it.
fn linear(c: u8) -> u16 {
    LINEAR[c as usize]
}

#[rustfmt::skip]
const LINEAR: [u16; 256] = [
    0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 37, 40, 44, 48, 52, 56, 60, 65, 70, 75, 80, 86, 91,
    97, 103, 110, 116, 123, 130, 137, 144, 152, 160, 168, 176, 185, 194, 203, 212, 222, 232, 242,
    252, 262, 273, 284, 296, 307, 319, 331, 343, 356, 369, 382, 395, 409, 423, 437, 452, 467, 482,
    497, 513, 529, 545, 561, 578, 595, 612, 630, 648, 666, 685, 704, 723, 742, 762, 782, 802, 823,
    844, 865, 887, 908, 931, 953, 976, 999, 1022, 1046, 1070, 1095, 1119, 1144, 1170, 1195, 1221,
    1248, 1274, 1301, 1329, 1356, 1384, 1413, 1441, 1470, 1500, 1529, 1559, 1590, 1620, 1651, 1683,
    1714, 1746, 1779, 1812, 1845, 1878, 1912, 1946, 1981, 2016, 2051, 2086, 2122, 2159, 2195, 2232,
    2270, 2307, 2346, 2384, 2423, 2462, 2502, 2542, 2582, 2623, 2664, 2705, 2747, 2789, 2831, 2874,
    2918, 2961, 3005, 3050, 3095, 3140, 3185, 3231, 3278, 3325, 3372, 3419, 3467, 3515, 3564, 3613,
    3663, 3712, 3763, 3813, 3864, 3916, 3968, 4020, 4072, 4125, 4179, 4233, 4287, 4342, 4397, 4452,
    4508, 4564, 4621, 4678, 4735, 4793, 4851, 4910, 4969, 5029, 5089, 5149, 5210, 5271, 5333, 5395,
    5457, 5520, 5583, 5647, 5711, 5776, 5841, 5906, 5972, 6038, 6105, 6172, 6240, 6308, 6376, 6445,
    6514, 6584, 6654, 6724, 6795, 6867, 6939, 7011, 7084, 7157, 7231, 7305, 7379, 7454, 7529, 7605,
    7682, 7758, 7835, 7913, 7991, 8070, 8148, 8228, 8308, 8388, 8469, 8550, 8632, 8714, 8796, 8879,
    8963, 9047, 9131, 9216, 9301, 9387, 9473, 9560, 9647, 9734, 9823, 9911, 10000,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn read(query: &[(&str, &str)]) -> Options {
        Options::read(|name| {
            query
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn no_options_means_patients_and_the_full_page() {
        let o = read(&[]);
        assert_eq!((o.mode, o.compact, o.embedded), (None, false, false));
        assert!(o.accent.is_none() && o.problems.is_empty());
    }

    #[test]
    fn every_option_is_read() {
        let o = read(&[
            ("trial", "demo_cardio"),
            ("lang", "it"),
            ("mode", "clinician"),
            ("compact", "true"),
            ("accent", "#005EA5"),
            ("embed", "1"),
        ]);
        assert_eq!(o.mode, Some(Mode::Clinician));
        assert!(o.compact && o.embedded);
        assert_eq!(o.accent.unwrap().colour, "#005ea5");
        assert!(o.problems.is_empty());
    }

    #[test]
    fn bad_options_become_problems_and_fall_back() {
        let o = read(&[
            ("lang", "fr"),
            ("mode", "nurse"),
            ("compact", "sometimes"),
            ("accent", "blue"),
        ]);
        assert_eq!((o.mode, o.compact), (None, false));
        assert!(o.accent.is_none());
        assert_eq!(
            o.problems,
            vec![
                Problem::Lang("fr".into()),
                Problem::Mode("nurse".into()),
                Problem::Compact("sometimes".into()),
                Problem::Accent("blue".into()),
            ]
        );
    }

    #[test]
    fn accent_colours_need_contrast_with_white_text() {
        // GOV.UK's blue and green pass; yellow and white fail, with their ratio.
        assert!(Accent::parse("#1d70b8").is_ok());
        assert!(Accent::parse("00703c").is_ok());
        assert_eq!(Accent::parse("#000").unwrap().colour, "#000000");
        assert_eq!(
            Accent::parse("#ffdd00"),
            Err(Problem::AccentContrast("#ffdd00".into(), 13))
        );
        assert_eq!(
            Accent::parse("#fff"),
            Err(Problem::AccentContrast("#fff".into(), 10))
        );
        // #767676 is the classic threshold grey: 4.54:1 on white.
        assert!(Accent::parse("#767676").is_ok());
        assert!(Accent::parse("#777777").is_err());
        for bad in ["#12345", "#ggg", "rgb(0,0,0)", "#1d70b8;x", "#١٢٣"] {
            assert_eq!(
                Accent::parse(bad),
                Err(Problem::Accent(bad.into())),
                "{bad}"
            );
        }
    }

    #[test]
    fn only_short_plain_values_are_repeated() {
        assert_eq!(shown("fr"), "fr");
        assert_eq!(shown("#ffdd00"), "#ffdd00");
        assert_eq!(shown("demo_cardio-2"), "demo_cardio-2");
        for hidden in [
            "",
            "../secrets",
            "Pay $50 at evil.example to confirm eligibility",
            "a-very-long-value-of-many-words",
            "<b>",
        ] {
            assert_eq!(shown(hidden), "…", "{hidden}");
        }
    }

    #[test]
    fn the_hover_shade_is_darker() {
        let accent = Accent::parse("#1d70b8").unwrap();
        assert_eq!(accent.hover, "#175993");
    }

    #[test]
    fn a_colour_that_passes_has_at_least_4_5_to_1_by_the_exact_formula() {
        let exact = |c: u8| {
            let s = c as f64 / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        for r in (0..=255u8).step_by(3) {
            for g in (0..=255u8).step_by(3) {
                for b in (0..=255u8).step_by(3) {
                    let l = 0.2126 * exact(r) + 0.7152 * exact(g) + 0.0722 * exact(b);
                    let ratio = 1.05 / (l + 0.05);
                    let (shown, passes) = contrast_with_white([r, g, b]);
                    if passes {
                        assert!(ratio >= 4.5, "{r} {g} {b}: {ratio}");
                    }
                    assert!(
                        (shown as f64) <= ratio * 10.0 + 1.0,
                        "{r} {g} {b}: shown {shown}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_linear_table_follows_the_wcag_formula() {
        for c in 0..=255u8 {
            let s = c as f64 / 255.0;
            let l = if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            };
            let expected = (l * 10_000.0).round() as i32;
            assert!(
                (linear(c) as i32 - expected).abs() <= 1,
                "{c}: {} vs {expected}",
                linear(c)
            );
        }
    }
}
