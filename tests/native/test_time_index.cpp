// TimeIndex gives each distinct time one id, in order of first appearance, whichever of its
// tables (whole units, tenths, hundredths, or the hash table for any other double) holds it.
// The reference is a std::map keyed by the double itself.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <vector>

#include "core/io/cell_values.hpp"
#include "core/survival/time_bins.hpp"

namespace {

// Ids by first appearance, as TimeIndex must give them. std::map compares with <, under which
// -0.0 and 0.0 are one key, as they are one time.
std::vector<std::uint32_t> reference_ids(const std::vector<double>& times) {
  std::map<double, std::uint32_t> first;
  std::vector<std::uint32_t> ids;
  for (double t : times) {
    const auto [it, added] = first.emplace(t, static_cast<std::uint32_t>(first.size()));
    ids.push_back(it->second);
  }
  return ids;
}

void check_against_reference(const std::vector<double>& times) {
  itp::TimeIndex index;
  std::vector<std::uint32_t> ids;
  for (double t : times) ids.push_back(index.id_of(t));
  const std::vector<std::uint32_t> expected = reference_ids(times);
  REQUIRE(ids.size() == expected.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    INFO("time " << times[i] << " at " << i);
    REQUIRE(ids[i] == expected[i]);
  }
  // Each id's time is the time first met with it.
  for (std::size_t i = 0; i < times.size(); ++i) REQUIRE(index.times()[ids[i]] == times[i]);
}

}  // namespace

TEST_CASE("a time and its nearest neighbours get different ids, in every table") {
  std::vector<double> times;
  for (double t : {0.0, 3.0, 123.4, 12.35, 0.1, 0.3, 1048575.0, 104857.5, 10485.75}) {
    times.push_back(t);
    times.push_back(std::nextafter(t, 1e300));
    if (t > 0) times.push_back(std::nextafter(t, 0.0));
    times.push_back(t);  // met again: the first id
  }
  times.push_back(0.1 + 0.2);  // 0.30000000000000004: not the 0.3 above
  check_against_reference(times);

  itp::TimeIndex index;
  const std::uint32_t tenth = index.id_of(123.4);
  CHECK(index.id_of(std::nextafter(123.4, 1e300)) != tenth);
  CHECK(index.id_of(std::nextafter(123.4, 0.0)) != tenth);
  CHECK(index.id_of(123.4) == tenth);
  CHECK(index.id_of(1234.0 / 10) == tenth);  // the same double, however it was made
}

TEST_CASE("zero and minus zero are one time, and times no table of decimals holds get ids too") {
  const double inf = std::numeric_limits<double>::infinity();
  check_against_reference({-0.0, 0.0, 5.0, -0.0, -2.5, -2.5, 1e300, inf, 1048576.0, 1048576.0,
                           1e7 + 0.5, 5e-324, 5e-324, 0.125, 0.125, 2.5, -2.5, inf, 0.0});
}

TEST_CASE("random times of none to four decimals, over small and large ranges, in any order") {
  std::mt19937_64 random(20261206);
  for (int round = 0; round < 20; ++round) {
    std::vector<double> times;
    const double range = round % 2 ? 3650 : 2e6;  // the second beyond the decimal tables
    std::uniform_real_distribution<double> value(0, range);
    std::uniform_int_distribution<int> decimals(0, 4);
    for (int i = 0; i < 20000; ++i) {
      const double scale = std::pow(10.0, decimals(random));
      times.push_back(std::round(value(random) * scale) / scale);
    }
    check_against_reference(times);
  }
}

// A row's time read as digits (read_plain_decimal) must find the id its double would: checked
// for every whole number, tenth and hundredth below the decimal tables' limit of 2^20, with a
// trailing zero too, and for digits beyond it. This is also where the claim id_of(PlainDecimal)
// rests on is proved: q tenths, times ten, give q back for every such q.
TEST_CASE("a time given as digits gets the id of its double, for every q of each table") {
  itp::TimeIndex by_double, by_digits;
  auto same_id = [&](std::uint64_t digits, unsigned decimals) {
    const itp::PlainDecimal time{digits, decimals};
    const std::uint32_t expected = by_double.id_of(time.value());
    const std::uint32_t id = by_digits.id_of(time);
    if (id != expected) {
      INFO(digits << " with " << decimals << " decimals");
      REQUIRE(id == expected);
    }
  };
  constexpr std::uint64_t kLimit = 1u << 20;
  for (std::uint64_t q = 0; q < kLimit; ++q) {
    same_id(q, 1);
    same_id(q * 10, 2);  // the same tenths written with a trailing zero
    same_id(kLimit - 1 - q, 0);
    same_id(q, 2);
  }
  for (const std::uint64_t q : {kLimit, kLimit + 1, 10 * kLimit + 7, kLimit * 953674316}) {
    for (unsigned decimals : {0u, 1u, 2u, 3u, 15u}) same_id(q, decimals);
  }
  // Not decomposed: Catch would print both lists of three million times.
  REQUIRE((by_digits.times() == by_double.times()));
}
