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
    /// A date, or `None` when the day does not exist (2022-02-30).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
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
    fn impossible_days_are_rejected() {
        assert!(Date::new(2022, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2022, 13, 1).is_none());
        assert!(Date::new(2022, 4, 31).is_none());
    }
}
