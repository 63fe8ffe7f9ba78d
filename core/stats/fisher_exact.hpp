#pragma once
// Fisher's exact test of independence in an r x c table of counts (e.g. response category by
// treatment group), two-sided, as R's fisher.test(table)$p.value.
#include <cstdint>
#include <optional>
#include <vector>

namespace itp {

// Above this many tables with the observed margins, the test is not computed: enumeration
// visits every one, about 30 ns each natively (more in the page), so the limit keeps an answer
// within about a third of a second natively. For scale: a 2 x 3 table of 100 patients has a few
// hundred tables (883 with margins 50/50 and 34/34/32), a 3 x 3 table of 90 has 123,256, a
// 3 x 4 table of 84 has 6.2 million, a 4 x 4 table of 80 has 1.2 billion (not computed).
// A 2 x 2 table has min(row total, column total) + 1 or fewer, each about 10 ns up to 100,000
// subjects (log factorials from a table) and 0.15 us beyond.
inline constexpr std::int64_t kFisherMaxTables = 10'000'000;

// table[i][j]: count of row i, column j; at least 2 rows and 2 columns, all rows the same length,
// no negative count (std::domain_error otherwise). Rows or columns of zeros are allowed (they
// change nothing). nullopt when the tables with these margins are more than max_tables: the
// caller reports the test as not computed.
//
// The p-value is the probability, under independence given both margins (the multivariate
// hypergeometric distribution), of the tables no more probable than the observed one: Fisher
// (1935), Freeman & Halton (1951). "No more probable" carries R's tolerance for rounding:
// for a 2 x 2 table, P(table) <= P(observed) (1 + 1e-7) (fisher.test's relErr); for larger
// tables, log P(table) <= log P(observed) + 3.45254e-7 (FEXACT's TOL, Mehta & Patel 1986,
// which R uses there), so tables tied with the observed one are counted whatever the rounding.
std::optional<double> fisher_exact_p(const std::vector<std::vector<int>>& table,
                                     std::int64_t max_tables = kFisherMaxTables);

}  // namespace itp
