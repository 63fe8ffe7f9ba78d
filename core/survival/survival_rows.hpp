#pragma once
// The rows of a table that a survival analysis can use, read from the user's columns. Every row
// left out is counted by reason and reported (up to a cap) with its row and column.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/survival/survival_request.hpp"
#include "core/io/problem_log.hpp"
#include "core/io/text_table.hpp"
#include "core/survival/time_bins.hpp"

namespace itp {

struct SurvivalRows {
  std::vector<std::uint32_t> time_id;  // index into distinct_times
  std::vector<double> distinct_times;   // each time once, in order of first appearance
  std::vector<std::uint8_t> event;    // 1 event, 0 censored
  std::vector<std::uint32_t> group;   // index into group_names; empty without a group column
  std::vector<std::string> group_names;     // sorted as R sorts factor levels (C locale)
  std::vector<std::uint32_t> stratum; // index into strata_names, or kNoCurve when missing
  std::vector<std::string> strata_names;

  std::size_t rows_read = 0;
  std::map<std::string, std::size_t> excluded;  // reason code -> rows left out of everything
  std::size_t excluded_from_test = 0;           // rows whose strata cell is missing
};

// Throws InputError for a column that does not exist or a negative time (which usually means
// two dates were swapped); reports missing or unreadable cells in `log` and leaves those rows
// out.
SurvivalRows read_survival_rows(const TextTable& table, const SurvivalRequest& request,
                                ProblemLog& log);

}  // namespace itp
