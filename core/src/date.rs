//! Calendar dates as official documents print them: "2022年7月1日".

use serde::Serialize;
use std::fmt;

/// A calendar date (proleptic Gregorian), validated on construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    /// The year, e.g. 2022.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31 (never past the month's last day).
    pub day: u8,
}

impl Date {
    /// A date, or `None` when the day does not exist (2022-02-30, or any day of the year
    /// 0, which no calendar has: 1 BC is followed by AD 1).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid =
            year != 0 && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// "2022年7月1日": Arabic numerals, full year, no zero padding (GB/T 9704 7.3.5.3).
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// ISO 8601, "2022-07-01".
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// The first year a report can plausibly be about: the People's Republic's founding.
pub(crate) const FIRST_PLAUSIBLE_YEAR: i32 = 1949;

/// The year now (UTC), by the system clock; what the last plausible year of a report
/// (this year + 1, for a plan written ahead) is counted from.
pub(crate) fn current_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    year_of_unix_day((secs / 86_400) as i64)
}

/// The year of a day counted from 1970-01-01 (proleptic Gregorian).
fn year_of_unix_day(days: i64) -> i32 {
    // Howard Hinnant's civil_from_days, the year only.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month_from_march = mp;
    let year = yoe + era * 400 + i64::from(month_from_march >= 10);
    year as i32
}

/// Whether a report can be about `year`: from [`FIRST_PLAUSIBLE_YEAR`] to next year.
pub(crate) fn plausible_year(year: i32) -> bool {
    (FIRST_PLAUSIBLE_YEAR..=current_year() + 1).contains(&year)
}

/// Days in a month of a year.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_dates_have_no_zero_padding() {
        assert_eq!(Date::new(2022, 7, 1).unwrap().chinese(), "2022年7月1日");
        assert_eq!(Date::new(2023, 12, 31).unwrap().chinese(), "2023年12月31日");
    }

    #[test]
    fn years_of_days_and_plausible_years() {
        assert_eq!(year_of_unix_day(0), 1970);
        assert_eq!(year_of_unix_day(-1), 1969);
        assert_eq!(year_of_unix_day(19_357), 2022); // 2022-12-31
        assert_eq!(year_of_unix_day(19_358), 2023); // 2023-01-01
        assert_eq!(year_of_unix_day(11_016), 2000); // 2000-02-29
        assert!(current_year() >= 2024);
        assert!(plausible_year(2022) && plausible_year(1949));
        assert!(plausible_year(current_year() + 1));
        assert!(!plausible_year(1948) && !plausible_year(current_year() + 2) && !plausible_year(0));
    }

    #[test]
    fn impossible_days_are_rejected() {
        assert!(Date::new(0, 7, 8).is_none(), "there is no year 0");
        assert!(Date::new(2022, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2022, 13, 1).is_none());
        assert!(Date::new(2022, 4, 31).is_none());
    }
}
