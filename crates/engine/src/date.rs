//! Calendar dates without a clock: the caller says what day it is.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Reads `YYYY-MM-DD`; `None` for anything else, including days that do not exist.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        (date.month >= 1
            && date.month <= 12
            && date.day >= 1
            && date.day <= days_in_month(date.year, date.month))
        .then_some(date)
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::to_days`].
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Moves by `days`, within ±2.7 million years of 1970, so no arithmetic can overflow.
    pub fn add_days(self, days: i64) -> Date {
        const LIMIT: i64 = 1_000_000_000;
        Date::from_days(self.to_days().saturating_add(days).clamp(-LIMIT, LIMIT))
    }

    /// Whole calendar months from `self` to the later date `to` (0 if `to` is earlier).
    pub fn whole_months_until(self, to: Date) -> i64 {
        let mut months = (i64::from(to.year) - i64::from(self.year)) * 12 + i64::from(to.month)
            - i64::from(self.month);
        // A month is complete on the same day of the next month, or on its last day when it is
        // shorter: 31 January to 28 February is one month, 29 February 2024 to 28 February 2025
        // a year.
        if to.day < self.day && to.day < days_in_month(to.year, to.month) {
            months -= 1;
        }
        months.max(0)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn parses_only_real_days() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-1",
            "yesterday",
            "",
            "2026-11-31",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(Date::parse("1970-01-01").unwrap().to_days(), 0);
        assert_eq!(Date::parse("2026-11-25").unwrap().to_days(), 20_782);
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
    }

    #[test]
    fn whole_months_count_only_completed_months() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("2026-05-25").whole_months_until(d("2026-11-25")), 6);
        assert_eq!(d("2026-05-26").whole_months_until(d("2026-11-25")), 5);
        assert_eq!(d("2026-12-01").whole_months_until(d("2026-11-25")), 0);
        assert_eq!(d("2026-01-31").whole_months_until(d("2026-02-28")), 1);
        assert_eq!(d("2026-01-31").whole_months_until(d("2026-02-27")), 0);
        assert_eq!(d("2024-02-29").whole_months_until(d("2025-02-28")), 12);
        assert_eq!(
            d("2026-11-25").add_days(i64::MAX).year,
            Date::from_days(1_000_000_000).year
        );
    }
}
