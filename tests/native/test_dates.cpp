// Dates in cells: every accepted shape, impossible dates, day/month ambiguity, the calendar
// arithmetic and Excel's 1900 serial numbers.
#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "core/io/dates.hpp"

using itp::CivilDate;
using itp::civil_from_days;
using itp::date_from_excel_serial;
using itp::DateReading;
using itp::DayMonthOrder;
using itp::days_from_civil;
using itp::read_date;
using Kind = itp::DateReading::Kind;

namespace {

// The date a cell reads as, or a failure that names the cell.
void check_date(const std::string& cell, CivilDate expected,
                DayMonthOrder order = DayMonthOrder::day_first) {
  INFO("cell: '" << cell << "'");
  const DateReading reading = read_date(cell, order);
  REQUIRE(reading.kind == Kind::date);
  CHECK(reading.date.year == expected.year);
  CHECK(reading.date.month == expected.month);
  CHECK(reading.date.day == expected.day);
}

void check_kind(const std::string& cell, Kind expected,
                DayMonthOrder order = DayMonthOrder::day_first) {
  INFO("cell: '" << cell << "'");
  const DateReading reading = read_date(cell, order);
  CHECK(reading.kind == expected);
  if (reading.kind != Kind::date) {
    CHECK(reading.date == CivilDate{0, 0, 0});
    CHECK_FALSE(reading.order_matters);
  }
}

}  // namespace

TEST_CASE("days_from_civil at known days", "[dates]") {
  CHECK(days_from_civil({1970, 1, 1}) == 0);
  CHECK(days_from_civil({1970, 1, 2}) == 1);
  CHECK(days_from_civil({1969, 12, 31}) == -1);
  CHECK(days_from_civil({2000, 1, 1}) == 10957);
  CHECK(days_from_civil({2000, 3, 1}) == 11017);  // 2000-02-29 exists.
  CHECK(days_from_civil({2023, 1, 1}) == 19358);
  CHECK(days_from_civil({1899, 12, 30}) == -25569);
  CHECK(days_from_civil({1900, 3, 1}) - days_from_civil({1900, 2, 28}) == 1);  // no 1900-02-29
  CHECK(days_from_civil({2024, 3, 1}) - days_from_civil({2024, 2, 28}) == 2);
  CHECK(days_from_civil({2023, 3, 1}) - days_from_civil({2023, 2, 28}) == 1);
  CHECK(days_from_civil({1600, 1, 1}) == -135140);
  CHECK(days_from_civil({9999, 12, 31}) == 2932896);
  // A day past the end of its month counts on.
  CHECK(days_from_civil({2021, 2, 29}) == days_from_civil({2021, 3, 1}));
}

TEST_CASE("civil_from_days at known days", "[dates]") {
  CHECK(civil_from_days(0) == CivilDate{1970, 1, 1});
  CHECK(civil_from_days(-1) == CivilDate{1969, 12, 31});
  CHECK(civil_from_days(11016) == CivilDate{2000, 2, 29});
  CHECK(civil_from_days(19358) == CivilDate{2023, 1, 1});
  CHECK(civil_from_days(-25569) == CivilDate{1899, 12, 30});
  CHECK(civil_from_days(2932896) == CivilDate{9999, 12, 31});
  CHECK(civil_from_days(-135140) == CivilDate{1600, 1, 1});
  CHECK(CivilDate{2021, 3, 4} != CivilDate{2021, 4, 3});
}

TEST_CASE("days_from_civil and civil_from_days agree day by day over 1850-2100", "[dates]") {
  // Walk the calendar with an independent month-length table; every step is exactly one day.
  auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
  const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::int64_t expected = days_from_civil({1850, 1, 1});
  CHECK(expected == -43829);  // 120 years, 29 of them leap.
  std::int64_t checked = 0;
  for (int year = 1850; year <= 2100; ++year) {
    for (int month = 1; month <= 12; ++month) {
      const int length = month == 2 && leap(year) ? 29 : month_days[month - 1];
      for (int day = 1; day <= length; ++day, ++expected, ++checked) {
        const CivilDate date{year, month, day};
        const std::int64_t days = days_from_civil(date);
        if (days != expected || !(civil_from_days(days) == date)) {
          FAIL("mismatch at " << year << "-" << month << "-" << day);
        }
      }
    }
  }
  CHECK(expected == days_from_civil({2101, 1, 1}));
  CHECK(checked == 91676);  // 251 years, 61 of them leap (2000 yes; 1900, 2100 no).
}

TEST_CASE("ISO dates, with or without a time", "[dates]") {
  check_date("2021-03-04", {2021, 3, 4});
  check_date("  2021-03-04\t", {2021, 3, 4});
  check_date("2021-3-4", {2021, 3, 4});
  check_date("2021-12-31", {2021, 12, 31});
  check_date("2021-03-04T10:30", {2021, 3, 4});
  check_date("2021-03-04T10:30:15", {2021, 3, 4});
  check_date("2021-03-04T10:30:15.250Z", {2021, 3, 4});
  check_date("2021-03-04t10:30:15+01:00", {2021, 3, 4});
  check_date("2021-03-04T10:30:15-0500", {2021, 3, 4});
  check_date("2021-03-04 00:00:00", {2021, 3, 4});
  check_date("2021-03-04  0:00", {2021, 3, 4});
  // The day/month order does not apply to ISO, and ISO is never ambiguous.
  check_date("2021-03-04", {2021, 3, 4}, DayMonthOrder::month_first);
  CHECK_FALSE(read_date("2021-03-04").order_matters);
  check_date("2021-03-04T10:30+01", {2021, 3, 4});
  for (const char* cell :
       {"2021-03-04T", "2021-03-04 10", "2021-03-04T10:3", "2021-03-04 noon", "2021-03-04X10:30",
        "2021-03-04T 10:30", "2021-03-04T10:30:15.", "2021-03-04T10:30+1", "2021-03-04T10:30+010",
        "2021-03-04T10:30+0100:", "2021-03-04T10:30+01:0", "2021-03-04T10:30Z1",
        "2021-03-04T10:30:15:00", "2021-03-04-05", "2021-03-004", "2021-003-04", "2021/03/04",
        "21-03-04x", "2021-03", "02021-03-04"}) {
    check_kind(cell, Kind::not_a_date);
  }
}

TEST_CASE("day/month/year with each separator", "[dates]") {
  check_date("04/03/2021", {2021, 3, 4});
  check_date("04-03-2021", {2021, 3, 4});
  check_date("04.03.2021", {2021, 3, 4});
  check_date("4/3/2021", {2021, 3, 4});
  check_date(" 4.3.2021 ", {2021, 3, 4});
  check_date("31/12/1999", {1999, 12, 31});
  check_date("04/03/2021", {2021, 4, 3}, DayMonthOrder::month_first);
  check_date("12/31/1999", {1999, 12, 31}, DayMonthOrder::month_first);
  check_date("2-29-2024", {2024, 2, 29}, DayMonthOrder::month_first);
  check_kind("31/12/1999", Kind::impossible, DayMonthOrder::month_first);
  for (const char* cell : {"04/03-2021", "04.03/2021", "04 03 2021", "04/03/2021 10:30",
                           "004/03/2021", "04/003/2021", "04/03/02021", "04/03/202", "04/03/5",
                           "04:03:2021", "04/03/", "/03/2021", "04//2021"}) {
    check_kind(cell, Kind::not_a_date);
  }
}

TEST_CASE("two-digit years: 00-69 in the 2000s, 70-99 in the 1900s, with '/' only", "[dates]") {
  check_date("04/03/21", {2021, 3, 4});
  check_date("1/1/00", {2000, 1, 1});
  check_date("31/12/69", {2069, 12, 31});
  check_date("01/01/70", {1970, 1, 1});
  check_date("31/12/99", {1999, 12, 31});
  check_date("12/31/99", {1999, 12, 31}, DayMonthOrder::month_first);
  check_date("29/02/00", {2000, 2, 29});  // 2000 is a leap year.
  check_kind("29/02/70", Kind::impossible);
  check_kind("04-03-21", Kind::not_a_date);
  check_kind("04.03.21", Kind::not_a_date);
}

TEST_CASE("impossible dates: shaped like a date, values that cannot be one", "[dates]") {
  for (const char* cell : {"31/02/2021", "13/13/2020", "2021-02-30", "29/02/2023", "00/01/2021",
                           "01/00/2021", "32/01/2021", "31/04/2021", "2021-00-10", "2021-13-01",
                           "2021-01-00", "2021-01-32", "2021-04-31T10:00", "29/02/1900",
                           "29/02/2100", "99/99/2021", "31.11.2021", "31-06-2021"}) {
    check_kind(cell, Kind::impossible);
  }
  check_kind("02/31/2021", Kind::impossible, DayMonthOrder::month_first);
  check_kind("13/04/2021", Kind::impossible, DayMonthOrder::month_first);
}

TEST_CASE("leap years: 2000 and 2024 yes, 1900 and 2023 no", "[dates]") {
  check_date("29/02/2000", {2000, 2, 29});
  check_date("2024-02-29", {2024, 2, 29});
  check_date("29/02/2024", {2024, 2, 29});
  check_date("29/02/1904", {1904, 2, 29});
  check_kind("29/02/1900", Kind::impossible);
  check_kind("1900-02-29", Kind::impossible);
  check_kind("29/02/2023", Kind::impossible);
  check_kind("2023-02-29", Kind::impossible);
  check_date("28/02/1900", {1900, 2, 28});
}

TEST_CASE("years 1800 to 2200 only", "[dates]") {
  check_date("01/01/1800", {1800, 1, 1});
  check_date("1800-01-01", {1800, 1, 1});
  check_date("31/12/2200", {2200, 12, 31});
  check_date("2200-12-31", {2200, 12, 31});
  for (const char* cell : {"31/12/1799", "1799-12-31", "01/01/2201", "2201-01-01", "01/01/0001",
                           "0000-01-01", "01/01/9999", "31/02/1700"}) {
    check_kind(cell, Kind::not_a_date);
  }
}

TEST_CASE("whether the day/month order matters", "[dates]") {
  CHECK(read_date("03/04/2021").order_matters);
  CHECK(read_date("03/04/2021", DayMonthOrder::month_first).order_matters);
  CHECK(read_date("1/12/21").order_matters);
  CHECK_FALSE(read_date("13/04/2021").order_matters);
  CHECK_FALSE(read_date("04/13/2021", DayMonthOrder::month_first).order_matters);
  CHECK_FALSE(read_date("04/04/2021").order_matters);
  CHECK_FALSE(read_date("31/12/2021").order_matters);
  CHECK_FALSE(read_date("2021-03-04").order_matters);
  // Impossible in the chosen order: no date, so no ambiguity reported.
  check_kind("04/13/2021", Kind::impossible);
}

TEST_CASE("text, numbers and empty cells are not dates", "[dates]") {
  for (const char* cell :
       {"", " ", "\t", "NA", "ND", "-", ".", "45000", "45000.5", "20210304", "2021", "3/4",
        "03/04", "hello", "04/03/2021x", "x04/03/2021", "+04/03/2021", "-04/03/2021",
        "04/+3/2021", "\xef\xbc\x90\x34/03/2021", "04/03/2021\n", "04\x00/03/2021",
        "Mar 4, 2021", "4 mars 2021", "1e3"}) {
    check_kind(cell, Kind::not_a_date);
  }
  // An embedded NUL must not end the cell early.
  check_kind(std::string("04/03/2021\0x", 12), Kind::not_a_date);
}

TEST_CASE("Excel 1900 serial numbers", "[dates]") {
  CHECK(date_from_excel_serial(1) == CivilDate{1900, 1, 1});
  CHECK(date_from_excel_serial(31) == CivilDate{1900, 1, 31});
  CHECK(date_from_excel_serial(32) == CivilDate{1900, 2, 1});
  CHECK(date_from_excel_serial(59) == CivilDate{1900, 2, 28});
  CHECK(date_from_excel_serial(60) == std::nullopt);  // Excel's 1900-02-29, which never was.
  CHECK(date_from_excel_serial(60.75) == std::nullopt);
  CHECK(date_from_excel_serial(61) == CivilDate{1900, 3, 1});
  CHECK(date_from_excel_serial(25569) == CivilDate{1970, 1, 1});
  CHECK(date_from_excel_serial(36526) == CivilDate{2000, 1, 1});
  CHECK(date_from_excel_serial(36585) == CivilDate{2000, 2, 29});
  CHECK(date_from_excel_serial(44927) == CivilDate{2023, 1, 1});
  CHECK(date_from_excel_serial(45000) == CivilDate{2023, 3, 15});
  CHECK(date_from_excel_serial(45351) == CivilDate{2024, 2, 29});
  CHECK(date_from_excel_serial(45000.99999) == CivilDate{2023, 3, 15});  // time ignored
  CHECK(date_from_excel_serial(1.5) == CivilDate{1900, 1, 1});
  CHECK(date_from_excel_serial(2958465) == CivilDate{9999, 12, 31});
  CHECK(date_from_excel_serial(2958465.5) == CivilDate{9999, 12, 31});
  for (double serial : {0.0, 0.999, -1.0, -45000.0, 2958466.0, 2958466.5, 1e300,
                        std::numeric_limits<double>::infinity(),
                        -std::numeric_limits<double>::infinity(),
                        std::numeric_limits<double>::quiet_NaN()}) {
    INFO("serial: " << serial);
    CHECK(date_from_excel_serial(serial) == std::nullopt);
  }
  // From 61 on, consecutive serials are consecutive days.
  for (double serial = 61; serial < 2958465; serial += 997) {
    const std::optional<CivilDate> date = date_from_excel_serial(serial);
    REQUIRE(date);
    CHECK(days_from_civil(*date) == static_cast<std::int64_t>(serial) - 25569);
  }
}
