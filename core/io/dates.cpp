#include "core/io/dates.hpp"

#include <cstdio>

#include <cmath>
#include <cstddef>

#include "core/io/cell_values.hpp"

namespace itp {
namespace {

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2200;

// Days from 0000-03-01 to 1970-01-01 in the shifted calendar used below.
constexpr std::int64_t kEpochShift = 719468;
// A 400-year cycle of the Gregorian calendar has exactly this many days, so the arithmetic
// reduces any date to an era and an offset within it.
constexpr std::int64_t kDaysPerEra = 146097;

bool is_leap_year(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_valid(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A run of digits starting at `pos`. Its value is kept only up to 4 digits, which is all any
// accepted field has; longer runs are rejected by their length.
struct DigitRun {
  std::size_t length = 0;
  int value = 0;
};

DigitRun read_digits(std::string_view s, std::size_t& pos) {
  DigitRun run;
  for (; pos < s.size() && is_digit(s[pos]); ++pos, ++run.length) {
    if (run.length < 4) run.value = run.value * 10 + (s[pos] - '0');
  }
  return run;
}

// Exactly `min`..`max` digits at `pos`, advancing past them.
bool skip_digits(std::string_view s, std::size_t& pos, std::size_t min, std::size_t max) {
  const std::size_t length = read_digits(s, pos).length;
  return length >= min && length <= max;
}

// The time after an ISO date: hh:mm[:ss[.fff]] then optionally Z, +hh, +hh:mm or +hhmm (or -).
// Only its shape is checked: the date is what is read, and a time should not make it text.
bool is_time_of_day(std::string_view s) {
  std::size_t pos = 0;
  if (!skip_digits(s, pos, 1, 2) || pos == s.size() || s[pos++] != ':') return false;
  if (!skip_digits(s, pos, 2, 2)) return false;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!skip_digits(s, pos, 2, 2)) return false;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      if (!skip_digits(s, pos, 1, 9)) return false;
    }
  }
  if (pos == s.size()) return true;
  if (s[pos] == 'Z' || s[pos] == 'z') return pos + 1 == s.size();
  if (s[pos] != '+' && s[pos] != '-') return false;
  ++pos;
  const std::size_t hours_start = pos;
  if (!skip_digits(s, pos, 2, 4) || pos - hours_start == 3) return false;
  if (pos == s.size()) return true;  // +hh or +hhmm
  if (pos - hours_start == 4 || s[pos++] != ':') return false;
  return skip_digits(s, pos, 2, 2) && pos == s.size();
}

DateReading not_a_date() { return {DateReading::Kind::not_a_date, {0, 0, 0}, false}; }

DateReading reading_of(int year, int month, int day, bool order_matters) {
  if (year < kMinYear || year > kMaxYear) return not_a_date();
  if (!is_valid(year, month, day)) return {DateReading::Kind::impossible, {0, 0, 0}, false};
  return {DateReading::Kind::date, {year, month, day}, order_matters};
}

}  // namespace

bool operator==(const CivilDate& a, const CivilDate& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

bool operator!=(const CivilDate& a, const CivilDate& b) { return !(a == b); }

// Counting years from March makes February, with its leap day, the last month of the year, so
// the day of the year no longer depends on whether the year is a leap year.
std::int64_t days_from_civil(CivilDate date) {
  const std::int64_t year = static_cast<std::int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
  // Floor division, so that years before 0 fall in the era below rather than era 0.
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;                        // 0..399
  const std::int64_t month_from_march = date.month > 2 ? date.month - 3 : date.month + 9;
  // 153 days per 5 months (31 30 31 30 31) from March: this linear form gives each month's start.
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * kDaysPerEra + day_of_era - kEpochShift;
}

CivilDate civil_from_days(std::int64_t days) {
  const std::int64_t shifted = days + kEpochShift;
  const std::int64_t era = (shifted >= 0 ? shifted : shifted - (kDaysPerEra - 1)) / kDaysPerEra;
  const std::int64_t day_of_era = shifted - era * kDaysPerEra;  // 0..146096
  // Leap days before day_of_era are removed (one per 1460 days, back one per 36524, one more
  // on the era's last day) so that dividing by 365 gives the year of the era, 0..399.
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // 0..365
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;          // 0..11
  const int day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  const int month = static_cast<int>(month_from_march < 10 ? month_from_march + 3
                                                           : month_from_march - 9);
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {static_cast<int>(year), month, day};
}

DateReading read_date(std::string_view cell, DayMonthOrder order) {
  const std::string_view s = trim_blanks(cell);
  std::size_t pos = 0;
  const DigitRun first = read_digits(s, pos);
  if (first.length == 0 || pos == s.size()) return not_a_date();
  const char separator = s[pos++];
  const DigitRun second = read_digits(s, pos);
  if (second.length == 0 || second.length > 2 || pos == s.size() || s[pos++] != separator) {
    return not_a_date();
  }
  const DigitRun third = read_digits(s, pos);
  if (third.length == 0) return not_a_date();
  const std::string_view rest = s.substr(pos);

  if (first.length == 4 && separator == '-') {
    if (third.length > 2) return not_a_date();
    if (!rest.empty()) {
      // 'T' joins date and time directly (ISO 8601); spreadsheets write one space or more.
      const bool joined = rest[0] == 'T' || rest[0] == 't';
      if (!joined && !is_blank(rest[0])) return not_a_date();
      if (!is_time_of_day(joined ? rest.substr(1) : trim_blanks(rest))) return not_a_date();
    }
    return reading_of(first.value, second.value, third.value, false);
  }

  if (first.length > 2 || !rest.empty()) return not_a_date();
  if (separator != '/' && separator != '-' && separator != '.') return not_a_date();
  int year;
  if (third.length == 4) {
    year = third.value;
  } else if (third.length == 2 && separator == '/') {
    year = third.value < 70 ? 2000 + third.value : 1900 + third.value;
  } else {
    return not_a_date();
  }
  const bool day_first = order == DayMonthOrder::day_first;
  const int day = day_first ? first.value : second.value;
  const int month = day_first ? second.value : first.value;
  const bool order_matters = day != month && is_valid(year, day, month);
  return reading_of(year, month, day, order_matters);
}

std::optional<CivilDate> date_from_excel_serial(double serial) {
  // Comparisons with NaN are false, so NaN leaves here too.
  if (!(serial >= 1.0 && serial < 2958466.0)) return std::nullopt;
  const auto whole = static_cast<std::int64_t>(std::floor(serial));
  // 1899-12-31 + serial up to 1900-02-28; after Excel's fictitious 1900-02-29, one day less.
  constexpr std::int64_t kDay0 = -25568;  // days_from_civil of 1899-12-31
  if (whole < 60) return civil_from_days(kDay0 + whole);
  if (whole == 60) return std::nullopt;
  return civil_from_days(kDay0 - 1 + whole);
}

std::string iso_date_text(std::int64_t days) {
  const CivilDate d = civil_from_days(days);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

}  // namespace itp
