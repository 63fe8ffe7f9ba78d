#pragma once
// Which cohort table each loaded table is (patients, platelets, ...), and which canonical
// column each of its columns holds: from names (file stem or sheet, headers), else from the
// columns, always overridable by the user (docs/design.md §5: "the user confirms or changes the
// mapping"). What maps to nothing is listed, never dropped in silence.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/cohort/cohort.hpp"
#include "core/cohort/import_options.hpp"
#include "core/io/problem_log.hpp"
#include "core/io/text_table.hpp"

namespace itp {

struct MappedTable {
  const TextTable* table = nullptr;
  TableReport report;  // name, file, role, columns; row counts filled by the importer
  std::map<std::string, std::size_t> columns;  // canonical -> column index from 0
  // Patient-per-row sheets: platelet counts in columns named by day (column index, day).
  std::vector<std::pair<std::size_t, std::int64_t>> time_named_counts;
  // Canonical names that several columns claim, so that none is used, with those columns'
  // headers as in the file.
  std::map<std::string, std::vector<std::string>> ambiguous;
  // Patient-per-row sheets: 0/1 columns of prior treatments (column index, drug name).
  std::vector<std::pair<std::size_t, std::string>> prior_treatments;
};

// The role a table's name says (file stem or sheet), else the one its columns say, else nullopt.
std::optional<CohortTable> role_of_table(const TextTable& table);

// Maps every table. A table whose role cannot be told is left out of the result and listed in
// `ignored` with the reason (and a warning). Throws InputError when the user's mapping names a
// column the table does not have or a canonical name the table does not know.
std::vector<MappedTable> map_tables(const std::vector<const TextTable*>& tables,
                                    const ImportOptions& options, ProblemLog& log,
                                    std::vector<std::pair<std::string, std::string>>& ignored);

}  // namespace itp
