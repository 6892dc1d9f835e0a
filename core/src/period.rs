//! Reporting periods and the phrases derived from them (上半年, 1-6月, 前三季度, 下半年, 2023年).

use huibao_i18n::msg;
use std::fmt;

/// The period a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A calendar year: "2022".
    Year(i32),
    /// A half year: "2022-H1", "2022-H2".
    Half(i32, u8),
    /// A quarter: "2022-Q3".
    Quarter(i32, u8),
    /// Months of one year: "2022-01..2022-09".
    Months(i32, u8, u8),
}

/// Why a period string was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError(pub huibao_i18n::Message);

impl Period {
    /// Parses "2022", "2022-H1", "2022-Q3" or "2022-01..2022-09".
    pub fn parse(s: &str) -> Result<Period, PeriodError> {
        let err = |why: huibao_i18n::Message| {
            PeriodError(msg!("period-invalid", period = s, reason = why))
        };
        let year = |y: &str| -> Result<i32, PeriodError> {
            if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(msg!("period-year-digits")));
            }
            match y.parse() {
                Ok(0) => Err(err(msg!("period-year-zero"))),
                Ok(y) => Ok(y),
                Err(_) => Err(err(msg!("period-year-digits"))),
            }
        };
        let month = |m: &str| -> Result<u8, PeriodError> {
            match m.parse::<u8>() {
                Ok(v) if (1..=12).contains(&v) && m.len() == 2 => Ok(v),
                _ => Err(err(msg!("period-month-digits"))),
            }
        };
        let s = s.trim();
        if let Some((from, to)) = s.split_once("..") {
            let (y1, m1) = from
                .split_once('-')
                .ok_or_else(|| err(msg!("period-month-range-form")))?;
            let (y2, m2) = to
                .split_once('-')
                .ok_or_else(|| err(msg!("period-month-range-form")))?;
            let (y1, y2, m1, m2) = (year(y1)?, year(y2)?, month(m1)?, month(m2)?);
            if y1 != y2 {
                return Err(err(msg!("period-month-range-years")));
            }
            if m1 > m2 {
                return Err(err(msg!("period-month-range-order")));
            }
            return Ok(Period::Months(y1, m1, m2));
        }
        match s.split_once('-') {
            None => Ok(Period::Year(year(s)?)),
            Some((y, "H1")) => Ok(Period::Half(year(y)?, 1)),
            Some((y, "H2")) => Ok(Period::Half(year(y)?, 2)),
            Some((y, q))
                if q.len() == 2 && q.starts_with('Q') && ("1"..="4").contains(&&q[1..]) =>
            {
                Ok(Period::Quarter(year(y)?, q.as_bytes()[1] - b'0'))
            }
            Some(_) => Err(err(msg!("period-forms"))),
        }
    }

    /// The year of the period.
    pub fn year(&self) -> i32 {
        match *self {
            Period::Year(y)
            | Period::Half(y, _)
            | Period::Quarter(y, _)
            | Period::Months(y, _, _) => y,
        }
    }

    /// First and last month (1–12).
    pub fn months(&self) -> (u8, u8) {
        match *self {
            Period::Year(_) => (1, 12),
            Period::Half(_, h) => (6 * h - 5, 6 * h),
            Period::Quarter(_, q) => (3 * q - 2, 3 * q),
            Period::Months(_, a, b) => (a, b),
        }
    }

    /// Canonical form: the same period, a month range collapsed to a half, quarter or year
    /// where it is one.
    pub fn normalized(&self) -> Period {
        let y = self.year();
        match self.months() {
            (1, 12) => Period::Year(y),
            (1, 6) => Period::Half(y, 1),
            (7, 12) => Period::Half(y, 2),
            (a, b) if b == a + 2 && a % 3 == 1 => Period::Quarter(y, b / 3),
            (a, b) => Period::Months(y, a, b),
        }
    }

    /// The short name without the year: "全年", "上半年", "下半年", "第三季度", "前三季度", "1-5月".
    pub fn short_name(&self) -> String {
        match self.normalized() {
            Period::Year(_) => "全年".into(),
            Period::Half(_, 1) => "上半年".into(),
            Period::Half(_, _) => "下半年".into(),
            Period::Quarter(_, q) => format!("第{}季度", QUARTERS[q as usize - 1]),
            Period::Months(_, 1, 9) => "前三季度".into(),
            Period::Months(_, a, b) => month_range(a, b),
        }
    }

    /// The name with the year as titles use it: "2022年", "2022年上半年", "2022年前三季度".
    pub fn name(&self) -> String {
        match self.normalized() {
            Period::Year(y) => format!("{y}年"),
            p => format!("{}年{}", p.year(), p.short_name()),
        }
    }

    /// The month phrase used before figures: "1-6月", "1-12月", "7-9月".
    pub fn month_phrase(&self) -> String {
        let (a, b) = self.months();
        month_range(a, b)
    }

    /// The period that follows, for the plan: H1 → H2, a year → the next year,
    /// Q3 → Q4, 1-9月 → 10-12月 (第四季度).
    pub fn next(&self) -> Period {
        let y = self.year();
        match self.months() {
            (_, 12) => Period::Year(y + 1),
            (_, b) => Period::Months(y, b + 1, 12).normalized(),
        }
    }

    /// How the plan part names the next period: "下半年" within the same year, "2023年" for a new one.
    pub fn next_phrase(&self) -> String {
        let next = self.next();
        if next.year() == self.year() {
            next.short_name()
        } else {
            next.name()
        }
    }

    /// The period's last day: 2022-06-30 for 2022-H1.
    pub fn end(&self) -> crate::Date {
        let (_, last) = self.months();
        let day = crate::date::days_in_month(self.year(), last);
        crate::Date::new(self.year(), last, day).unwrap_or(crate::Date {
            year: self.year(),
            month: last,
            day,
        })
    }

    /// Whether the period ends the year (its plan looks at the next year).
    pub fn ends_year(&self) -> bool {
        self.months().1 == 12
    }

    /// The default title: "某园区管委会2022年上半年工作总结及下半年工作计划".
    pub fn default_title(&self, organization: &str) -> String {
        format!(
            "{organization}{}工作总结及{}工作计划",
            self.name(),
            self.next_phrase()
        )
    }
}

const QUARTERS: [&str; 4] = ["一", "二", "三", "四"];

fn month_range(a: u8, b: u8) -> String {
    if a == b {
        format!("{a}月")
    } else {
        format!("{a}-{b}月")
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Half(y, h) => write!(f, "{y}-H{h}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Period::Months(y, a, b) => write!(f, "{y}-{a:02}..{y}-{b:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form() {
        assert_eq!(Period::parse("2022"), Ok(Period::Year(2022)));
        assert_eq!(Period::parse("2022-H1"), Ok(Period::Half(2022, 1)));
        assert_eq!(Period::parse("2022-Q3"), Ok(Period::Quarter(2022, 3)));
        assert_eq!(
            Period::parse("2022-01..2022-09"),
            Ok(Period::Months(2022, 1, 9))
        );
        for bad in [
            "22",
            "2022-H3",
            "2022-Q5",
            "2022-13..2022-14",
            "2022-09..2022-01",
            "2022-01..2023-02",
            "上半年",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phrases() {
        let h1 = Period::Half(2022, 1);
        assert_eq!(h1.name(), "2022年上半年");
        assert_eq!(h1.month_phrase(), "1-6月");
        assert_eq!(h1.next_phrase(), "下半年");
        assert_eq!(
            h1.default_title("某园区管委会"),
            "某园区管委会2022年上半年工作总结及下半年工作计划"
        );
        let year = Period::Year(2022);
        assert_eq!(
            year.default_title("某科技城管委会"),
            "某科技城管委会2022年工作总结及2023年工作计划"
        );
        let nine = Period::Months(2022, 1, 9);
        assert_eq!(nine.name(), "2022年前三季度");
        assert_eq!(nine.month_phrase(), "1-9月");
        assert_eq!(nine.next_phrase(), "第四季度");
        assert_eq!(Period::Half(2022, 2).next_phrase(), "2023年");
        assert_eq!(Period::Quarter(2022, 3).short_name(), "第三季度");
        assert_eq!(Period::Months(2022, 1, 6).name(), "2022年上半年");
        assert_eq!(Period::Months(2022, 1, 5).next_phrase(), "6-12月");
    }
}
