// Numbers as the results write them: 15 significant digits, trailing zeros dropped.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <random>
#include <string>

#include "core/numeric/decimal_format.hpp"

namespace {

std::string formatted(double value) {
  char buffer[32];
  return std::string(buffer, itp::format_decimal(value, buffer));
}

}  // namespace

TEST_CASE("decimal format: the forms a reader expects", "[numeric][format]") {
  CHECK(formatted(0) == "0");
  CHECK(formatted(9) == "9");
  CHECK(formatted(-1) == "-1");
  CHECK(formatted(0.5) == "0.5");
  CHECK(formatted(2837.3) == "2837.3");
  CHECK(formatted(0.1) == "0.1");
  CHECK(formatted(0.3) == "0.3");
  CHECK(formatted(0.6712424429736299) == "0.67124244297363");
  CHECK(formatted(3.3963886989776011) == "3.3963886989776");  // aml's log-rank chisq, as R
  CHECK(formatted(0.00012) == "0.00012");
  CHECK(formatted(1.25e-7) == "1.25e-07");
  CHECK(formatted(999999999999999.9) == "1e+15");  // rounds up to the next power of ten
  CHECK(formatted(1.2345678901234568e17) == "1.23456789012346e+17");
  CHECK(formatted(1e300) == "1e+300");
  CHECK(formatted(4.9406564584124654e-324) == "4.94065645841247e-324");
}

TEST_CASE("decimal format: within 1e-14 of the value over the whole range", "[numeric][format]") {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> exponent(-300, 300);
  for (int i = 0; i < 200000; ++i) {
    const double x = std::pow(10.0, exponent(rng)) * (i % 2 ? 1 : -1);
    const double back = std::strtod(formatted(x).c_str(), nullptr);
    REQUIRE(std::fabs(back - x) <= 1e-14 * std::fabs(x));
  }
}
