//! Vietnamese public-holiday calendar.
//!
//! Used by rules that warn when a due date falls on a non-working day.
//!
//! # Lunar calendar
//!
//! Lunar dates are computed with Hồ Ngọc Đức's algorithm (new-moon and
//! sun-longitude formulas after Meeus) in the Vietnamese time zone, UTC+7.
//! The Vietnamese calendar therefore differs from the Chinese one (UTC+8) in
//! some years, e.g. Tết 1985 falls on 1985-01-21 in Vietnam but 1985-02-20 in
//! China, Tết 2007 on 2007-02-17 rather than 2007-02-18, and Tết 2030 on
//! 2030-02-02 rather than 2030-02-03. Lunar holidays
//! are computed for solar years [`MIN_YEAR`]`..=`[`MAX_YEAR`]; outside that
//! range [`tet`] and [`hung_kings`] return `None`.
//!
//! # Holiday reading (Bộ luật Lao động 2019, Điều 112)
//!
//! * Tết Dương lịch: 01/01.
//! * Tết Âm lịch: 5 days — the last day of the old lunar year (the day before
//!   mùng 1) and mùng 1 to mùng 4. The law grants 5 days and the Prime
//!   Minister fixes the exact days each year; this is the common reading.
//! * Giỗ Tổ Hùng Vương: 10/3 âm lịch (in the regular, non-leap 3rd month).
//! * Ngày Chiến thắng: 30/4.
//! * Ngày Quốc tế lao động: 01/5.
//! * Quốc khánh: 02/9 plus one adjacent day chosen yearly (01/9 or 03/9).
//!   This module treats **01/9 and 02/9** as days off (the choice made in
//!   2022, 2023 and 2025); 03/9 is a working day here.
//!
//! Compensatory days off (nghỉ bù) and swapped working days (làm bù), which
//! are decided yearly, are not modelled; callers can pass them as extra
//! holidays to [`working_day_on_or_before`].

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::f64::consts::PI;

/// Vietnamese time zone offset from UTC, in hours.
const TIME_ZONE: f64 = 7.0;

/// First solar year for which lunar holidays are computed.
pub const MIN_YEAR: i32 = 1800;
/// Last solar year for which lunar holidays are computed.
pub const MAX_YEAR: i32 = 2200;

/// Julian day number of 0001-01-01 (proleptic Gregorian) minus one, i.e. the
/// offset between chrono's "days from CE" and the Julian day number.
const JD_CE_OFFSET: i64 = 1_721_425;

/// Mean length of a synodic month, in days.
const SYNODIC_MONTH: f64 = 29.530_588_853;

/// Julian day of the new moon used as origin (k = 0) by the algorithm.
const NEW_MOON_EPOCH: f64 = 2_415_021.076_998_695;

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOff {
    /// Thứ Bảy.
    Saturday,
    /// Chủ nhật.
    Sunday,
    /// Tết Dương lịch, 01/01.
    NewYear,
    /// Tết Âm lịch (the day before mùng 1 to mùng 4).
    Tet,
    /// Giỗ Tổ Hùng Vương, 10/3 âm lịch.
    HungKings,
    /// Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước), 30/4.
    Reunification,
    /// Ngày Quốc tế lao động, 01/5.
    Labour,
    /// Quốc khánh, 02/9 and the adjacent day (01/9 in this reading).
    National,
}

impl DayOff {
    /// Vietnamese name.
    pub fn name_vi(self) -> &'static str {
        match self {
            DayOff::Saturday => "Thứ Bảy",
            DayOff::Sunday => "Chủ nhật",
            DayOff::NewYear => "Tết Dương lịch",
            DayOff::Tet => "Tết Âm lịch",
            DayOff::HungKings => "Giỗ Tổ Hùng Vương",
            DayOff::Reunification => "Ngày Chiến thắng 30/4",
            DayOff::Labour => "Ngày Quốc tế lao động 01/5",
            DayOff::National => "Quốc khánh 02/9",
        }
    }

    /// English name.
    pub fn name_en(self) -> &'static str {
        match self {
            DayOff::Saturday => "Saturday",
            DayOff::Sunday => "Sunday",
            DayOff::NewYear => "New Year's Day",
            DayOff::Tet => "Lunar New Year (Tết)",
            DayOff::HungKings => "Hung Kings Commemoration Day",
            DayOff::Reunification => "Reunification Day",
            DayOff::Labour => "International Labour Day",
            DayOff::National => "National Day",
        }
    }
}

// ---------------------------------------------------------------------------
// Astronomical core (Hồ Ngọc Đức's algorithm)
// ---------------------------------------------------------------------------

/// Julian day number of a solar date.
fn jd_from_date(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) + JD_CE_OFFSET
}

/// Solar date of a Julian day number, if chrono can represent it.
fn date_from_jd(jd: i64) -> Option<NaiveDate> {
    let days = i32::try_from(jd - JD_CE_OFFSET).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// Julian day (with fraction, UTC) of the k-th new moon after 1900-01-01.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let sin = |deg: f64| (deg * dr).sin();

    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * sin(166.56 + 132.87 * t - 0.009_173 * t2);

    // Mean anomalies of the sun and the moon, and the moon's latitude argument.
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;

    let c1 = (0.1734 - 0.000_393 * t) * sin(m) + 0.0021 * sin(2.0 * m) - 0.4068 * sin(mpr)
        + 0.0161 * sin(2.0 * mpr)
        - 0.0004 * sin(3.0 * mpr)
        + 0.0104 * sin(2.0 * f)
        - 0.0051 * sin(m + mpr)
        - 0.0074 * sin(m - mpr)
        + 0.0004 * sin(2.0 * f + m)
        - 0.0004 * sin(2.0 * f - m)
        - 0.0006 * sin(2.0 * f + mpr)
        + 0.0010 * sin(2.0 * f - mpr)
        + 0.0005 * sin(2.0 * mpr + m);

    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd1 + c1 - delta_t
}

/// Julian day number of the local day containing the k-th new moon.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k) + 0.5 + TIME_ZONE / 24.0).floor() as i64
}

/// Sun's apparent longitude in radians, in `[0, 2π)`, at Julian day `jdn`.
fn sun_longitude_rad(jdn: f64) -> f64 {
    let t = (jdn - 2_451_545.0) / 36_525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin()
        + (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin()
        + 0.000_290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l.rem_euclid(2.0 * PI)
}

/// Sun-longitude sector (0..=11, 30° each) at the start of local day `day`.
fn sun_sector(day: i64) -> i64 {
    let jd = day as f64 - 0.5 - TIME_ZONE / 24.0;
    (sun_longitude_rad(jd) / PI * 6.0).floor() as i64
}

/// Index k of the new moon nearest to Julian day `jd`.
fn new_moon_index(jd: i64) -> i64 {
    ((jd as f64 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5).floor() as i64
}

/// Julian day number of the first day of lunar month 11 (the month that
/// contains the winter solstice) around the end of solar year `year`.
fn lunar_month_11(year: i32) -> Option<i64> {
    let dec31 = NaiveDate::from_ymd_opt(year, 12, 31)?;
    let off = jd_from_date(dec31) - 2_415_021;
    let k = (off as f64 / SYNODIC_MONTH).floor() as i64;
    let nm = new_moon_day(k);
    // If the sun is already past 270° the solstice fell in the previous month.
    if sun_sector(nm) >= 9 {
        Some(new_moon_day(k - 1))
    } else {
        Some(nm)
    }
}

/// Offset (in months after month 11 starting at `a11`) of the leap month: the
/// first month that contains no major solar term.
fn leap_month_offset(a11: i64) -> i64 {
    let k = new_moon_index(a11);
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i));
        if arc == last || i >= 14 {
            return i - 1;
        }
    }
}

/// Solar date of a lunar date in a regular (non-leap) month.
///
/// `lunar_year` is the year of the lunar calendar; months 11 and 12 of that
/// lunar year fall at the end of solar year `lunar_year` or early the next.
fn lunar_to_solar(day: u32, month: u32, lunar_year: i32) -> Option<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&lunar_year) || !(1..=12).contains(&month) {
        return None;
    }
    if !(1..=30).contains(&day) {
        return None;
    }
    let (a11, b11) = if month < 11 {
        (lunar_month_11(lunar_year - 1)?, lunar_month_11(lunar_year)?)
    } else {
        (lunar_month_11(lunar_year)?, lunar_month_11(lunar_year + 1)?)
    };
    let k = new_moon_index(a11);
    let mut off = (i64::from(month) + 12 - 11) % 12;
    // A lunar year with 13 months: months at or after the leap month shift.
    if b11 - a11 > 365 && off >= leap_month_offset(a11) {
        off += 1;
    }
    let month_start = new_moon_day(k + off);
    date_from_jd(month_start + i64::from(day) - 1)
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/// Lunar new year's day (mùng 1 Tết) of the lunar year that starts in solar
/// year `year`.
pub fn tet(year: i32) -> Option<NaiveDate> {
    lunar_to_solar(1, 1, year)
}

/// Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month, in solar year `year`.
pub fn hung_kings(year: i32) -> Option<NaiveDate> {
    lunar_to_solar(10, 3, year)
}

/// Whether `date` is within the Tết holiday: the day before mùng 1 through
/// mùng 4.
fn is_tet_holiday(date: NaiveDate) -> bool {
    // Tết always falls between 21/01 and 20/02, so the window never spans
    // two solar years and only this year's Tết needs checking.
    tet(date.year()).is_some_and(|first| {
        let offset = (date - first).num_days();
        (-1..=3).contains(&offset)
    })
}

/// The fixed-date (solar calendar) public holiday on `date`, if any.
fn solar_holiday(date: NaiveDate) -> Option<DayOff> {
    match (date.month(), date.day()) {
        (1, 1) => Some(DayOff::NewYear),
        (4, 30) => Some(DayOff::Reunification),
        (5, 1) => Some(DayOff::Labour),
        (9, 1) | (9, 2) => Some(DayOff::National),
        _ => None,
    }
}

/// The public holiday on `date`, if any (Bộ luật Lao động 2019, Điều 112),
/// ignoring weekends. See the module documentation for the reading used.
pub fn public_holiday(date: NaiveDate) -> Option<DayOff> {
    if let Some(day) = solar_holiday(date) {
        return Some(day);
    }
    if is_tet_holiday(date) {
        return Some(DayOff::Tet);
    }
    if hung_kings(date.year()) == Some(date) {
        return Some(DayOff::HungKings);
    }
    None
}

/// Weekend or public holiday. A public holiday on a weekend is reported as
/// the holiday, which is the more informative reason.
pub fn day_off(date: NaiveDate) -> Option<DayOff> {
    public_holiday(date).or(match date.weekday() {
        Weekday::Sat => Some(DayOff::Saturday),
        Weekday::Sun => Some(DayOff::Sunday),
        _ => None,
    })
}

/// The nearest working day on or before `date` (skipping weekends, public
/// holidays and the extra `holidays`).
///
/// If no earlier date is representable, the earliest date reached is
/// returned.
pub fn working_day_on_or_before(date: NaiveDate, holidays: &[NaiveDate]) -> NaiveDate {
    let mut current = date;
    while day_off(current).is_some() || holidays.contains(&current) {
        match current.checked_sub_signed(Duration::days(1)) {
            Some(previous) => current = previous,
            None => break,
        }
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a date in tests; the literals used are all valid dates.
    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date literal")
    }

    #[test]
    fn tet_known_dates() {
        let known = [
            (2018, 2, 16),
            (2019, 2, 5),
            (2020, 1, 25),
            (2021, 2, 12),
            (2022, 2, 1),
            (2023, 1, 22),
            (2024, 2, 10),
            (2025, 1, 29),
            (2026, 2, 17),
            (2027, 2, 6),
            (2028, 1, 26),
            (2029, 2, 13),
            // New moon 2030-02-02 16:07 UTC = 23:07 in Vietnam, so Tết is
            // 02/02 in Vietnam (03/02 is the Chinese, UTC+8, date).
            (2030, 2, 2),
            (2031, 1, 23),
            (2032, 2, 11),
            (2033, 1, 31),
            (2034, 2, 19),
            (2035, 2, 8),
        ];
        for (y, m, day) in known {
            assert_eq!(tet(y), Some(d(y, m, day)), "Tết {y}");
        }
    }

    #[test]
    fn tet_differs_from_chinese_calendar() {
        // UTC+7 vs UTC+8: Vietnam celebrates on these dates, China on
        // 1968-01-30, 1985-02-20, 2007-02-18, 2030-02-03 and 2053-02-19.
        assert_eq!(tet(1968), Some(d(1968, 1, 29)));
        assert_eq!(tet(1985), Some(d(1985, 1, 21)));
        assert_eq!(tet(2007), Some(d(2007, 2, 17)));
        assert_eq!(tet(2030), Some(d(2030, 2, 2)));
        assert_eq!(tet(2053), Some(d(2053, 2, 18)));
    }

    #[test]
    fn hung_kings_known_dates() {
        let known = [
            (2018, 4, 25),
            (2019, 4, 14),
            (2020, 4, 2),
            (2021, 4, 21),
            (2022, 4, 10),
            (2023, 4, 29), // lunar year with a leap 2nd month
            (2024, 4, 18),
            (2025, 4, 7),
            (2026, 4, 26),
        ];
        for (y, m, day) in known {
            assert_eq!(hung_kings(y), Some(d(y, m, day)), "Giỗ Tổ {y}");
            assert_eq!(public_holiday(d(y, m, day)), Some(DayOff::HungKings));
        }
        assert_eq!(public_holiday(d(2026, 4, 25)), None);
        assert_eq!(public_holiday(d(2026, 4, 27)), None);
    }

    #[test]
    fn tet_window_edges() {
        // Tết 2026: mùng 1 is Tuesday 2026-02-17.
        assert_eq!(public_holiday(d(2026, 2, 15)), None);
        assert_eq!(public_holiday(d(2026, 2, 16)), Some(DayOff::Tet));
        assert_eq!(public_holiday(d(2026, 2, 17)), Some(DayOff::Tet));
        assert_eq!(public_holiday(d(2026, 2, 20)), Some(DayOff::Tet));
        // Mùng 5 (Saturday) is only a weekend day.
        assert_eq!(public_holiday(d(2026, 2, 21)), None);
        assert_eq!(day_off(d(2026, 2, 21)), Some(DayOff::Saturday));
        // Tết 2027: mùng 1 is Saturday 2027-02-06; mùng 5 is a Wednesday.
        assert_eq!(day_off(d(2027, 2, 5)), Some(DayOff::Tet));
        assert_eq!(day_off(d(2027, 2, 9)), Some(DayOff::Tet));
        assert_eq!(day_off(d(2027, 2, 10)), None);
        assert_eq!(day_off(d(2027, 2, 4)), None);
    }

    #[test]
    fn weekends() {
        assert_eq!(day_off(d(2026, 11, 28)), Some(DayOff::Saturday));
        assert_eq!(day_off(d(2026, 11, 29)), Some(DayOff::Sunday));
        assert_eq!(day_off(d(2026, 11, 27)), None);
        assert_eq!(public_holiday(d(2026, 11, 28)), None);
    }

    #[test]
    fn fixed_holidays() {
        assert_eq!(public_holiday(d(2026, 1, 1)), Some(DayOff::NewYear));
        assert_eq!(public_holiday(d(2026, 4, 30)), Some(DayOff::Reunification));
        assert_eq!(public_holiday(d(2026, 5, 1)), Some(DayOff::Labour));
        assert_eq!(public_holiday(d(2026, 9, 1)), Some(DayOff::National));
        assert_eq!(public_holiday(d(2026, 9, 2)), Some(DayOff::National));
        assert_eq!(public_holiday(d(2026, 9, 3)), None);
        assert_eq!(public_holiday(d(2026, 5, 2)), None);
        assert_eq!(public_holiday(d(2026, 12, 31)), None);
        // A holiday on a weekend is reported as the holiday.
        assert_eq!(day_off(d(2027, 5, 1)), Some(DayOff::Labour));
    }

    #[test]
    fn names_are_non_empty() {
        let all = [
            DayOff::Saturday,
            DayOff::Sunday,
            DayOff::NewYear,
            DayOff::Tet,
            DayOff::HungKings,
            DayOff::Reunification,
            DayOff::Labour,
            DayOff::National,
        ];
        for day in all {
            assert!(!day.name_vi().is_empty());
            assert!(!day.name_en().is_empty());
        }
        assert_eq!(DayOff::Tet.name_vi(), "Tết Âm lịch");
    }

    #[test]
    fn working_day_across_weekend() {
        // Sunday 2026-11-29 -> Friday 2026-11-27.
        assert_eq!(
            working_day_on_or_before(d(2026, 11, 29), &[]),
            d(2026, 11, 27)
        );
        // A working day maps to itself.
        assert_eq!(
            working_day_on_or_before(d(2026, 11, 26), &[]),
            d(2026, 11, 26)
        );
    }

    #[test]
    fn working_day_across_tet() {
        // Tết 2026 runs Mon 16/02 to Fri 20/02, then the weekend; the last
        // working day before it is Friday 2026-02-13.
        assert_eq!(
            working_day_on_or_before(d(2026, 2, 22), &[]),
            d(2026, 2, 13)
        );
        assert_eq!(
            working_day_on_or_before(d(2026, 2, 23), &[]),
            d(2026, 2, 23)
        );
    }

    #[test]
    fn working_day_with_extra_holidays() {
        let extra = [d(2026, 11, 27), d(2026, 11, 26)];
        assert_eq!(
            working_day_on_or_before(d(2026, 11, 29), &extra),
            d(2026, 11, 25)
        );
        // 30/4 and 01/5 2026 are Thu and Fri; add a compensatory Wednesday.
        let bridge = [d(2026, 4, 29)];
        assert_eq!(
            working_day_on_or_before(d(2026, 5, 3), &bridge),
            d(2026, 4, 28)
        );
    }

    #[test]
    fn working_day_at_minimum_date_does_not_panic() {
        let min = NaiveDate::MIN;
        let _ = working_day_on_or_before(min, &[min]);
    }

    #[test]
    fn no_panic_over_wide_range() {
        // `expect` below cannot fail: 1900..=2200 is inside MIN_YEAR..=MAX_YEAR.
        for year in 1900..=2200 {
            let first = tet(year).expect("Tết is computed in the supported range");
            // Tết always falls between 21/01 and 20/02.
            assert!(
                first >= d(year, 1, 21) && first <= d(year, 2, 20),
                "Tết {year}"
            );
            let gio_to = hung_kings(year).expect("Giỗ Tổ is computed in the supported range");
            assert!(gio_to > first, "Giỗ Tổ {year}");
            let _ = day_off(d(year, 2, 1));
        }
        assert_eq!(tet(MIN_YEAR - 1), None);
        assert_eq!(tet(MAX_YEAR + 1), None);
        assert_eq!(tet(i32::MAX), None);
        assert_eq!(hung_kings(i32::MIN), None);
    }

    #[test]
    fn tet_is_consistent_with_year_length() {
        // Consecutive Tết dates are 12 or 13 lunar months apart.
        for year in 1900..2200 {
            let (Some(a), Some(b)) = (tet(year), tet(year + 1)) else {
                panic!("Tết missing around {year}");
            };
            let len = (b - a).num_days();
            assert!(matches!(len, 353..=355 | 383..=385), "{year}: {len}");
        }
    }
}
