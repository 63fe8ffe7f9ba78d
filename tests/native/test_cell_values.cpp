// Single cells as users type them: missing markers, numbers with either decimal mark, event codes.
#include <catch2/catch.hpp>
#include <cmath>
#include <optional>
#include <string>

#include "core/io/cell_values.hpp"

using itp::EventCode;
using itp::is_missing_marker;
using itp::parse_event_code;
using itp::parse_number;

TEST_CASE("every missing marker, in any letter case and with spaces", "[cell_values]") {
  for (const char* cell :
       {"",   " ",   "   ", "\t",  "NA", "na", "Na",   "N/A",     "n/a", "N/a", "ND",
        "nd", "NaN", "nan", "NAN", ".",  "-",  " NA ", "\tn/a\t", " . ", " - "}) {
    INFO("cell: '" << cell << "'");
    CHECK(is_missing_marker(cell));
  }
}

TEST_CASE("NR and other values are not missing", "[cell_values]") {
  // NR is a response category ("no response"), never a missing value.
  for (const char* cell :
       {"NR", "nr", "Nr", "0", "N", "--", "..", "NAA", "N.A", "none", "x", "-1", ".5", "NA1"}) {
    INFO("cell: '" << cell << "'");
    CHECK_FALSE(is_missing_marker(cell));
  }
}

TEST_CASE("numbers with a decimal point or a decimal comma", "[cell_values]") {
  CHECK(parse_number("1,5") == 1.5);
  CHECK(parse_number("1.5") == 1.5);
  CHECK(parse_number(" 12 ") == 12.0);
  CHECK(parse_number("\t12\t") == 12.0);
  CHECK(parse_number("1e3") == 1000.0);
  CHECK(parse_number("1E3") == 1000.0);
  CHECK(parse_number("2.5e-1") == 0.25);
  CHECK(parse_number("2,5E+1") == 25.0);
  CHECK(parse_number("-2,5") == -2.5);
  CHECK(parse_number("+3") == 3.0);
  CHECK(parse_number(".5") == 0.5);
  CHECK(parse_number(",5") == 0.5);
  CHECK(parse_number("5.") == 5.0);
  CHECK(parse_number("0") == 0.0);
  CHECK(parse_number("007") == 7.0);
  // Conversion is exact: the same double as the literal.
  CHECK(parse_number("0,1") == 0.1);
  CHECK(parse_number("123456,789") == 123456.789);
  CHECK(parse_number("1.7976931348623157e308") == 1.7976931348623157e308);
  const auto negative_zero = parse_number("-0");
  REQUIRE(negative_zero);
  CHECK(*negative_zero == 0.0);
  // A long decimal-comma number (beyond the stack buffer) still reads.
  const std::string long_number = "0," + std::string(100, '0') + "1";
  CHECK(parse_number(long_number) == 1e-101);
}

TEST_CASE("numbers out of the range of a double", "[cell_values]") {
  CHECK_FALSE(parse_number("1e400"));
  CHECK_FALSE(parse_number("-1e400"));
  CHECK(parse_number("1e-400") == 0.0);
  CHECK(parse_number("0,0001e-330") == 0.0);
}

TEST_CASE("thousands grouped where the grouping cannot be a decimal mark", "[cell_values]") {
  CHECK(parse_number("1 234") == 1234.0);
  CHECK(parse_number("-1 234 567") == -1234567.0);
  CHECK(parse_number("1\u00A0234,5") == 1234.5);  // no-break space, as French Excel writes
  CHECK(parse_number("1\u202F234") == 1234.0);    // narrow no-break space
  CHECK(parse_number("1'234.5") == 1234.5);
  CHECK(parse_number("1.234,5") == 1234.5);
  CHECK(parse_number("1,234.5") == 1234.5);
  CHECK(parse_number("12,345,678") == 12345678.0);
  CHECK(parse_number("1.234.567,89") == 1234567.89);
  CHECK(parse_number("+150 000") == 150000.0);
  // A lone comma is the decimal mark (1.234), and the importer says it might be thousands.
  CHECK(parse_number("1,234") == 1.234);
  CHECK(itp::reads_as_thousands("1,500"));
  CHECK(itp::reads_as_thousands(" -12,000 "));
  CHECK_FALSE(itp::reads_as_thousands("0,125"));
  CHECK_FALSE(itp::reads_as_thousands("1,5"));
  CHECK_FALSE(itp::reads_as_thousands("1,2345"));
  CHECK_FALSE(itp::reads_as_thousands("1234,567"));
  CHECK_FALSE(itp::reads_as_thousands("1.500"));
}

TEST_CASE("text that is not a number a user meant", "[cell_values]") {
  for (const char* cell :
       {"12abc", "",     " ",   "inf", "-inf", "Infinity", "nan", "NaN", "0x10", "--1", "+-1",
        "-",     "+",    ".",   ",",   "1e",   "1e+",      "e5",  "1,2,3", "1..2", "1.2.3",
        "abc",   "<10",  "10%", "1_000", "١٢",  "12 34",    "1 2345", "1,234,56", "1.234.5",
        "1 234 5", "1 234,", "1,234.567.8", "1.234,567,8", "1 234.567 8", "1e3 000"}) {
    INFO("cell: '" << cell << "'");
    CHECK_FALSE(parse_number(cell));
  }
}

TEST_CASE("a plain decimal taken apart reads as parse_number reads it", "[cell_values]") {
  const auto plain = itp::read_plain_decimal(" 12,50 ");
  REQUIRE(plain);
  CHECK(plain->digits == 1250);
  CHECK(plain->decimals == 2);
  for (const char* cell : {"0", "007", "12.5", "12,50", "\t2256.7 ", ".5", "5.", "0,1",
                           "123456,789", "999999999999999", "0.00000000000001"}) {
    INFO("cell: '" << cell << "'");
    const auto taken_apart = itp::read_plain_decimal(cell);
    REQUIRE(taken_apart);
    CHECK(taken_apart->value() == parse_number(cell));
  }
  // Signs, exponents, grouping, 16 digits and more: parse_number's other paths, not this one.
  for (const char* cell : {"-1", "+1", "-0", "1e3", "1 234", "1,234.5", "1234567890123456",
                           "0.000000000000001", "", ".", "1.2.3", "12 a"}) {
    INFO("cell: '" << cell << "'");
    CHECK_FALSE(itp::read_plain_decimal(cell));
  }
}

TEST_CASE("every event spelling", "[cell_values]") {
  for (const char* cell :
       {"1",   "true", "TRUE", "True", "yes",   "YES", "Yes", "y",    "Y",  "oui", "OUI",
        "Oui", "o",    "O",    " 1 ",  "\tyes", "1.0", "1,0", "1,00", "+1", "1e0"}) {
    INFO("cell: '" << cell << "'");
    CHECK(parse_event_code(cell) == EventCode::event);
  }
  for (const char* cell : {"0", "false", "FALSE", "False", "no", "NO", "No", "n", "N", "non", "NON",
                           "Non", " 0 ", "0.0", "0,0", "-0", "0e5"}) {
    INFO("cell: '" << cell << "'");
    CHECK(parse_event_code(cell) == EventCode::censored);
  }
  for (const char* cell : {"", " ", "2", "-1", "0.5", "NA", "yes!", "ja", "nein", "vrai", "t", "f",
                           "1 0", "oui non", "10"}) {
    INFO("cell: '" << cell << "'");
    CHECK(parse_event_code(cell) == EventCode::invalid);
  }
}
