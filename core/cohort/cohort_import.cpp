#include "core/cohort/cohort_import.hpp"

#include <algorithm>
#include <map>

#include "core/cohort/import_steps.hpp"

namespace itp {
namespace {

// One warning per distinct drug name that is unknown or read as a typo, with its first row:
// an unknown drug is kept (its class unknown), never dropped (issue 4), and the warning says
// that its row was kept, as every warning about a row does.
void report_drugs(const ImportState& state, ProblemLog& log) {
  const Cohort& cohort = state.cohort;
  struct Seen {
    const Treatment* first;
    std::size_t rows = 0;
  };
  std::map<std::string, Seen> unknown, typos;
  for (const Treatment& t : cohort.treatments) {
    if (t.match && t.match->how != DrugMatch::How::typo) continue;
    Seen& seen = (t.match ? typos : unknown).try_emplace(t.drug, Seen{&t}).first->second;
    ++seen.rows;
  }
  const auto drug_column = [&](const Treatment& t) -> std::optional<std::string> {
    if (t.declared_prior) return t.drug;  // a prior_<drug> column: the drug is its name
    return state.column_of(t.source, "drug");
  };
  const auto rows_text = [](std::size_t rows) {
    return rows == 1 ? std::string("1 row") : std::to_string(rows) + " rows";
  };
  for (const auto& [drug, seen] : unknown)
    log.add({"unknown_drug",
             "\"" + drug + "\" is not in the drug dictionary (" + rows_text(seen.rows) +
                 "): kept, without a class; check the spelling",
             state.file_of(seen.first->source), seen.first->source.row, drug_column(*seen.first),
             true});
  for (const auto& [drug, seen] : typos)
    log.add({"drug_spelling",
             "\"" + drug + "\" is read as " + std::string(seen.first->match->name) + " (" +
                 rows_text(seen.rows) + "); correct it if that is wrong",
             state.file_of(seen.first->source), seen.first->source.row, drug_column(*seen.first),
             true});
}

}  // namespace

Cohort import_cohort(const std::vector<const TextTable*>& tables, const ImportOptions& options,
                     ProblemLog& log) {
  ImportState state{options, log, {}, {}, {}, {}, {}, {}, {}, {}};
  for (const TextTable* table : tables)
    for (const Problem& p : table->warnings()) log.add(p);
  state.tables = map_tables(tables, options, log, state.cohort.ignored_tables);
  bool has_patients = false;
  for (const MappedTable& t : state.tables) has_patients |= t.report.role == CohortTable::patients;
  if (!has_patients)
    throw InputError({"no_patients_table",
                      "no table is a patients table: name a file or sheet \"patients\" (one "
                      "row per patient with patient_id and d0), or choose a table's role",
                      "", std::nullopt, std::nullopt});
  import_patients(state);
  import_records(state);
  place_records(state);
  report_drugs(state, log);
  for (MappedTable& t : state.tables) {
    t.report.columns.shrink_to_fit();
    state.cohort.tables.push_back(std::move(t.report));
  }
  for (const TableReport& t : state.cohort.tables)
    state.cohort.patient_per_row |= t.role == CohortTable::patients &&
                                    std::any_of(t.columns.begin(), t.columns.end(),
                                                [](const ColumnMapping& m) {
                                                  return m.how == "time_named";
                                                });
  return std::move(state.cohort);
}

}  // namespace itp
