#pragma once
// Reading dates from spreadsheet cells, and the calendar arithmetic behind it. Pure functions:
// no I/O, no locale, no C library time functions (their range, time zones and locale vary by
// platform, and WebAssembly builds must give the same answers as native ones).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace itp {

// A date of the proleptic Gregorian calendar. Month 1..12, day 1..31.
struct CivilDate {
  int year;
  int month;
  int day;
};

bool operator==(const CivilDate& a, const CivilDate& b);
bool operator!=(const CivilDate& a, const CivilDate& b);

// Days since 1970-01-01 (negative before it). Month must be 1..12; a day past the end of its
// month counts on into the next (2021-02-29 gives the number of 2021-03-01).
std::int64_t days_from_civil(CivilDate date);

// The inverse of days_from_civil for valid dates. The year must fit in an int, which holds for
// any |days| below 7.8e11.
CivilDate civil_from_days(std::int64_t days);

// How to read a cell with the day and the month in either place (03/04/2021). docs/design.md §5:
// day first unless the user chooses otherwise.
enum class DayMonthOrder { day_first, month_first };

struct DateReading {
  enum class Kind {
    not_a_date,  // Not shaped like a date (text, a number, empty), or a year outside 1800-2200.
    date,        // `date` holds a valid date.
    impossible,  // Shaped like a date, but its numbers are not one (31/02/2021, 2021-13-01).
  } kind;
  // Valid only when kind == date; {0, 0, 0} otherwise.
  CivilDate date;
  // Only for kind == date, and only for day/month cells: the other order would read a valid date
  // that differs (03/04/2021: true; 13/04/2021 and 04/04/2021: false). Always false for ISO.
  bool order_matters;
};

// Reads one cell, spaces and tabs around it ignored. Accepted shapes:
// - ISO yyyy-mm-dd, optionally followed by 'T' (or 't') or spaces and a time of day, which is
//   checked for shape (hh:mm[:ss[.fff]], optional Z or +hh:mm offset) and otherwise ignored;
// - dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy (month first instead when `order` says so), the same
//   separator twice;
// - dd/mm/yy with a two-digit year: 00-69 are 2000-2069, 70-99 are 1970-1999. Only with '/':
//   "21-03-04" and "21.03.04" are too ambiguous (yy-mm-dd is also written).
// Day and month take one or two digits everywhere. Years outside 1800-2200 are not_a_date, not
// impossible: a cell such as 01/01/0001 is a placeholder code rather than a mistyped date.
DateReading read_date(std::string_view cell, DayMonthOrder order = DayMonthOrder::day_first);

// "2021-03-04": a date, given as days since 1970-01-01, as ISO 8601 writes it.
std::string iso_date_text(std::int64_t days);

// Excel's 1900 date system (the Windows default): serial 1 is 1900-01-01 and 2958465 is
// 9999-12-31. Excel counts a 1900-02-29 that never was (serial 60, for which this gives nullopt),
// so serials from 61 on are days since 1899-12-30. The fractional part (time of day) is ignored,
// so 2958465.5 is still 9999-12-31. Below 1, from 2958466 on, and NaN: nullopt.
std::optional<CivilDate> date_from_excel_serial(double serial);

}  // namespace itp
