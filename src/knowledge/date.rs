//! Calendar dates to year, month or day precision, as curators write them.

use std::fmt;

/// A Gregorian date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("`{0}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")]
    Format(String),
    /// A month outside 1–12.
    #[error("`{0}` has no such month (months run 01–12)")]
    Month(String),
    /// A day that the month does not have.
    #[error("`{0}` has no such day in that month")]
    Day(String),
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    ///
    /// ```
    /// use nichiro::knowledge::Date;
    /// let d = Date::parse("1956-10-19").unwrap();
    /// assert_eq!(d.year(), 1956);
    /// assert!(Date::parse("1956-13").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let format_error = || DateError::Format(text.to_string());
        let mut parts = text.split('-');
        let year = parts.next().filter(|p| p.len() == 4).ok_or_else(format_error)?;
        let year: i32 = digits(year).ok_or_else(format_error)?;
        let month = match parts.next() {
            None => None,
            Some(p) if p.len() == 2 => Some(digits(p).ok_or_else(format_error)?),
            Some(_) => return Err(format_error()),
        };
        let day = match parts.next() {
            None => None,
            Some(p) if p.len() == 2 => Some(digits(p).ok_or_else(format_error)?),
            Some(_) => return Err(format_error()),
        };
        if parts.next().is_some() {
            return Err(format_error());
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(DateError::Month(text.to_string()));
        }
        if let (Some(m), Some(d)) = (month, day)
            && !(1..=days_in_month(year, m)).contains(&d)
        {
            return Err(DateError::Day(text.to_string()));
        }
        Ok(Date { year, month, day })
    }

    /// The year.
    ///
    /// ```
    /// assert_eq!(nichiro::knowledge::Date::parse("1905").unwrap().year(), 1905);
    /// ```
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month (1–12), when known.
    ///
    /// ```
    /// assert_eq!(nichiro::knowledge::Date::parse("1905-09").unwrap().month(), Some(9));
    /// ```
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when known.
    ///
    /// ```
    /// assert_eq!(nichiro::knowledge::Date::parse("1905-09-05").unwrap().day(), Some(5));
    /// ```
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// The first day this date can mean, as (year, month, day).
    ///
    /// ```
    /// assert_eq!(nichiro::knowledge::Date::parse("1945").unwrap().earliest(), (1945, 1, 1));
    /// ```
    pub fn earliest(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date can mean, as (year, month, day).
    ///
    /// ```
    /// assert_eq!(nichiro::knowledge::Date::parse("1945-02").unwrap().latest(), (1945, 2, 28));
    /// ```
    pub fn latest(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn digits<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse().ok())?
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_year_only() {
        let d = Date::parse("1855").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (1855, None, None));
    }

    #[test]
    fn parse_full_date_roundtrips() {
        assert_eq!(Date::parse("1941-04-13").unwrap().to_string(), "1941-04-13");
    }

    #[test]
    fn parse_rejects_bad_shapes() {
        for bad in ["", "56", "1956-1", "1956/10/19", "1956-10-19-1", "19x6", "+956", "1956-"] {
            assert!(matches!(Date::parse(bad), Err(DateError::Format(_))), "{bad}");
        }
    }

    #[test]
    fn parse_rejects_month_13() {
        assert_eq!(Date::parse("1956-13"), Err(DateError::Month("1956-13".into())));
    }

    #[test]
    fn parse_leap_day() {
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
        assert_eq!(Date::parse("2023-04-31"), Err(DateError::Day("2023-04-31".into())));
    }

    #[test]
    fn latest_of_month_and_year() {
        assert_eq!(Date::parse("2024-02").unwrap().latest(), (2024, 2, 29));
        assert_eq!(Date::parse("1945").unwrap().latest(), (1945, 12, 31));
    }
}
