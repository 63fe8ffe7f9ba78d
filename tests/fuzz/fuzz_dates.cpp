// libFuzzer harness for the date reader. The input is one cell's bytes: it is read in both
// day/month orders, and its first 8 bytes, taken as a double, go through the Excel serial
// conversion. A crash, a sanitizer report or a broken invariant is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>

#include "core/io/dates.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

// An oracle independent of the code under test: the calendar's rules as written.
bool is_valid_date(const itp::CivilDate& date) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  return date.day <= (date.month == 2 && leap ? 29 : kDays[date.month - 1]);
}

void check_valid_and_round_trips(const itp::CivilDate& date) {
  require(is_valid_date(date));
  const std::int64_t days = itp::days_from_civil(date);
  require(itp::civil_from_days(days) == date);
  // Neighbouring days are one apart, and the next day is still a valid date.
  const itp::CivilDate next = itp::civil_from_days(days + 1);
  require(is_valid_date(next) && itp::days_from_civil(next) == days + 1);
}

void check_reading(const itp::DateReading& reading) {
  using Kind = itp::DateReading::Kind;
  require(reading.kind == Kind::not_a_date || reading.kind == Kind::date ||
          reading.kind == Kind::impossible);
  if (reading.kind != Kind::date) {
    require(reading.date == itp::CivilDate{0, 0, 0} && !reading.order_matters);
    return;
  }
  require(reading.date.year >= 1800 && reading.date.year <= 2200);
  check_valid_and_round_trips(reading.date);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view cell(reinterpret_cast<const char*>(data), size);
  const itp::DateReading day_first = itp::read_date(cell, itp::DayMonthOrder::day_first);
  const itp::DateReading month_first = itp::read_date(cell, itp::DayMonthOrder::month_first);
  check_reading(day_first);
  check_reading(month_first);
  // Both orders accept the same shapes, so a cell is a date-like shape in both or in neither.
  require((day_first.kind == itp::DateReading::Kind::not_a_date) ==
          (month_first.kind == itp::DateReading::Kind::not_a_date));
  // The order matters exactly when both orders read valid dates that differ.
  const bool both_dates = day_first.kind == itp::DateReading::Kind::date &&
                          month_first.kind == itp::DateReading::Kind::date;
  const bool differ = both_dates && !(day_first.date == month_first.date);
  require(day_first.order_matters == differ && month_first.order_matters == differ);

  double serial = 0;
  if (size >= sizeof serial) {
    std::memcpy(&serial, data, sizeof serial);
    const std::optional<itp::CivilDate> date = itp::date_from_excel_serial(serial);
    if (date) {
      require(serial >= 1 && serial < 2958466);
      require(date->year >= 1900 && date->year <= 9999);
      check_valid_and_round_trips(*date);
      // Serial s is day s - 25569 since 1970 from 61 on, one day later before Excel's 1900-02-29.
      const auto whole = static_cast<std::int64_t>(serial);
      require(whole != 60);
      require(itp::days_from_civil(*date) == whole - 25569 + (whole < 60 ? 1 : 0));
    }
  }
  return 0;
}
