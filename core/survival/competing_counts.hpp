#pragma once
// Rows of a competing-risks analysis tabulated at each distinct time: the sufficient statistics
// of the cumulative incidence (per group) and of Gray's test (per stratum). Built by one sort
// of each set's rows, so a curve costs O(n log n) in its rows whatever the number of causes.
#include <cstdint>
#include <utility>
#include <vector>

namespace itp {

// One set of rows at its distinct times, ascending and exact (cuminc compares times with ==;
// it has no tie tolerance). count[t * width + cell]: the rows at time t in that cell. Times are
// those of the rows, censorings included.
struct TimeTable {
  std::vector<double> time;
  std::size_t width = 0;
  std::vector<std::int32_t> count;

  std::int64_t at(std::size_t t, std::size_t cell) const { return count[t * width + cell]; }
  std::int64_t total() const;  // rows in the set
};

// One set's rows as (time, cell) pairs in time order: for Gray's test, whose counts per time
// would be a table of groups x (causes + 1) cells per time.
using TimeSortedRows = std::vector<std::pair<double, std::uint32_t>>;

// Row i goes to set set_of_row[i] with its cell_of_row[i].
std::vector<TimeSortedRows> sort_by_time(const std::vector<double>& time,
                                         const std::vector<std::uint32_t>& set_of_row,
                                         std::size_t sets,
                                         const std::vector<std::uint32_t>& cell_of_row);

// Tabulates row i into table set_of_row[i], cell cell_of_row[i] (< width). A set without rows
// gives an empty table.
std::vector<TimeTable> tabulate_by_time(const std::vector<double>& time,
                                        const std::vector<std::uint32_t>& set_of_row,
                                        std::size_t sets,
                                        const std::vector<std::uint32_t>& cell_of_row,
                                        std::size_t width);

}  // namespace itp
