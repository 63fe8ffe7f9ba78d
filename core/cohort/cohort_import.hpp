#pragma once
// Loaded tables in, a validated cohort out (docs/design.md §5). Bad cells and rows are reported
// with file, row, column and fate; the rest is analysed. Only what makes the cohort unusable as a
// whole (no patients table, an empty or repeated patient id, a mapping naming nothing) throws.
#include <vector>

#include "core/cohort/cohort.hpp"
#include "core/cohort/import_options.hpp"
#include "core/io/problem_log.hpp"
#include "core/io/text_table.hpp"

namespace itp {

Cohort import_cohort(const std::vector<const TextTable*>& tables, const ImportOptions& options,
                     ProblemLog& log);

}  // namespace itp
