#pragma once
// The rows of a table a Cox model can use: time, event, stratum and each covariate's cell, read
// as R reads the file (read.csv) and the model (coxph's model.frame with na.omit). Every row
// left out is counted by reason and reported (up to a cap) with its row and column.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/io/problem_log.hpp"
#include "core/io/text_table.hpp"
#include "core/survival/cox_request.hpp"

namespace itp {

// One covariate column as read.csv types it: numeric when every present cell of the column
// (in any row) is a number, else a factor whose levels are every text present in the column,
// rows left out for other reasons included, sorted as R sorts them (byte order, LC_COLLATE=C).
struct CoxCovariate {
  std::string name;
  bool numeric = true;
  std::vector<double> value;          // numeric: per row used
  std::vector<std::uint32_t> level;   // factor: per row used, index into levels
  std::vector<std::string> levels;
};

struct CoxRows {
  // Per row used, in file order. Times are merged as survival::aeqSurv merges near-equal
  // times (coxph's timefix), each replaced by the smallest of its bin.
  std::vector<double> time;
  std::vector<std::uint8_t> event;     // 1 event, 0 censored
  std::vector<std::uint32_t> stratum;  // index into strata_names (all 0 without strata)
  std::vector<std::string> strata_names;
  std::vector<CoxCovariate> covariates;  // in the request's order

  std::size_t rows_read = 0;
  std::map<std::string, std::size_t> excluded;  // reason code -> rows left out
};

// Throws InputError for a column that does not exist, a covariate named twice or a negative
// time. A row with a missing or unreadable time or event, or a missing covariate or stratum,
// is left out with a warning naming its row and column (R's na.omit, which says nothing).
CoxRows read_cox_rows(const TextTable& table, const CoxRequest& request, ProblemLog& log);

}  // namespace itp
