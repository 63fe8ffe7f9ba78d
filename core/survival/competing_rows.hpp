#pragma once
// The rows of a table that a competing-risks analysis can use: a time, a status (the censoring
// code or a cause), a group and a stratum per row. Every row left out is counted by reason and
// reported (up to a cap) with its row and column, as for a survival analysis.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/io/problem_log.hpp"
#include "core/io/text_table.hpp"
#include "core/survival/cif_request.hpp"

namespace itp {

struct CompetingRows {
  std::vector<double> time;
  std::vector<std::uint32_t> status;   // 0 censored, else 1 + index into cause_names
  std::vector<std::uint32_t> group;    // index into group_names (0 without a group column)
  std::vector<std::uint32_t> stratum;  // index into strata_names (0 without a strata column)
  // Each sorted as R sorts factor levels (numeric order when every label is a number, else
  // byte order: R under LC_COLLATE=C), as survival_rows sorts groups.
  std::vector<std::string> group_names;   // {"all"} without a group column
  std::vector<std::string> cause_names;   // the status text as first written, censor code aside
  std::vector<std::string> strata_names;  // {"all"} without a strata column
  bool status_is_numeric = false;  // every status cell is a number: codes compared as numbers

  std::size_t rows_read = 0;
  std::size_t censored = 0;                     // rows used whose status is the censor code
  std::map<std::string, std::size_t> excluded;  // reason code -> rows left out
};

// Throws InputError for a column that does not exist or a negative time; reports missing or
// unreadable cells in `log` and leaves those rows out (cuminc's na.omit). A status cell that is
// present always reads: the censor code, or else a cause.
CompetingRows read_competing_rows(const TextTable& table, const CifRequest& request,
                                  ProblemLog& log);

}  // namespace itp
