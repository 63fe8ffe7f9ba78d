// Fisher's exact test (core/stats/fisher_exact) by hand, by its invariances, at its limit and
// on bad input; the comparison with R's fisher.test is in test_stats_golden_r.cpp.
#include <catch2/catch.hpp>
#include <vector>

#include "core/stats/fisher_exact.hpp"

using Catch::Matchers::WithinRel;
using Table = std::vector<std::vector<int>>;

namespace {

Table transpose(const Table& table) {
  Table out(table.front().size(), std::vector<int>(table.size()));
  for (std::size_t i = 0; i < table.size(); ++i) {
    for (std::size_t j = 0; j < table[i].size(); ++j) out[j][i] = table[i][j];
  }
  return out;
}

}  // namespace

TEST_CASE("Fisher's tea tasting by hand", "[stats][fisher]") {
  // Margins 4/4: P(x) = C(4,x) C(4,4-x) / C(8,4) = 1, 16, 36, 16, 1 (/70); x = 3 is as likely
  // as x = 1, so p = (1 + 16 + 16 + 1) / 70.
  CHECK_THAT(*itp::fisher_exact_p({{3, 1}, {1, 3}}), WithinRel(34.0 / 70, 1e-14));
  CHECK_THAT(*itp::fisher_exact_p({{4, 0}, {0, 4}}), WithinRel(2.0 / 70, 1e-14));
  CHECK_THAT(*itp::fisher_exact_p({{2, 2}, {2, 2}}), WithinRel(1.0, 1e-15));
  // The same table with an empty third column goes through the r x c enumeration.
  CHECK_THAT(*itp::fisher_exact_p({{3, 1, 0}, {1, 3, 0}}), WithinRel(34.0 / 70, 1e-14));
  CHECK_THAT(*itp::fisher_exact_p({{3, 0, 1}, {0, 0, 0}, {1, 0, 3}}), WithinRel(34.0 / 70, 1e-14));
}

TEST_CASE("Fisher's p does not depend on the order or orientation of the table",
          "[stats][fisher]") {
  const Table table = {{8, 3}, {5, 6}, {13, 10}};
  const double p = *itp::fisher_exact_p(table);
  CHECK_THAT(*itp::fisher_exact_p(transpose(table)), WithinRel(p, 1e-12));
  CHECK_THAT(*itp::fisher_exact_p({{13, 10}, {8, 3}, {5, 6}}), WithinRel(p, 1e-12));
  CHECK_THAT(*itp::fisher_exact_p({{3, 8}, {6, 5}, {10, 13}}), WithinRel(p, 1e-12));
  const Table two_by_two = {{10, 2}, {3, 15}};
  CHECK_THAT(*itp::fisher_exact_p(transpose(two_by_two)),
             WithinRel(*itp::fisher_exact_p(two_by_two), 1e-12));
}

TEST_CASE("Fisher's test on degenerate tables", "[stats][fisher]") {
  CHECK(*itp::fisher_exact_p({{0, 0}, {0, 0}}) == 1);
  CHECK(*itp::fisher_exact_p({{0, 0}, {3, 4}}) == 1);
  CHECK(*itp::fisher_exact_p({{0, 0, 0}, {0, 0, 0}}) == 1);
  CHECK(*itp::fisher_exact_p({{5, 0, 0}, {0, 0, 0}}) == 1);
  // A table of many cells but one possible arrangement, without recursion to exhaust.
  Table wide(2, std::vector<int>(5000, 0));
  wide[0][0] = 1;
  wide[1][1] = 1;
  CHECK_THAT(*itp::fisher_exact_p(wide), WithinRel(1.0, 1e-15));
}

TEST_CASE("Fisher's test is not computed beyond its limit", "[stats][fisher]") {
  // 883 tables have the margins 50/50 and 34/34/32.
  const Table balanced = {{17, 17, 16}, {17, 17, 16}};
  CHECK(itp::fisher_exact_p(balanced, 883).has_value());
  CHECK_FALSE(itp::fisher_exact_p(balanced, 882).has_value());
  // A 2 x 2 table has min(row, column total) + 1 of them: here 11.
  CHECK(itp::fisher_exact_p({{5, 5}, {5, 5}}, 11).has_value());
  CHECK_FALSE(itp::fisher_exact_p({{5, 5}, {5, 5}}, 10).has_value());
  // 1.2 billion tables: stops after the first kFisherMaxTables.
  const Table four_by_four(4, std::vector<int>(4, 5));
  CHECK_FALSE(itp::fisher_exact_p(four_by_four, 100000).has_value());
}

TEST_CASE("Fisher's test checks its table", "[stats][fisher]") {
  CHECK_THROWS_AS(itp::fisher_exact_p({{1, 2}}), std::domain_error);
  CHECK_THROWS_AS(itp::fisher_exact_p({{1}, {2}}), std::domain_error);
  CHECK_THROWS_AS(itp::fisher_exact_p({{1, 2}, {3}}), std::domain_error);
  CHECK_THROWS_AS(itp::fisher_exact_p({{1, -2}, {3, 4}}), std::domain_error);
  CHECK_THROWS_AS(itp::fisher_exact_p({{2000000000, 2000000000}, {1, 1}}), std::domain_error);
}
