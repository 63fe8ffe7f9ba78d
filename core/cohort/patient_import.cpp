// Step 2 of import_cohort: the patients tables. One row per patient; an empty or repeated id
// stops the import (every other table hangs on it), any other bad cell reads as missing.
#include <cmath>

#include "core/cohort/import_steps.hpp"
#include "core/io/problem.hpp"

namespace itp {
namespace {

// Keys under which a patient-per-row sheet's extra columns are read (not canonical names).
std::string count_key(std::size_t column) { return "count@" + std::to_string(column); }
std::string prior_key(std::size_t column) { return "prior@" + std::to_string(column); }

// "APS + Evans syndrome", "Evans; SAPL": one entry per cause, trimmed, none empty.
std::vector<std::string> split_causes(const std::string& cell) {
  std::vector<std::string> causes;
  std::string cause;
  const auto flush = [&] {
    const auto first = cause.find_first_not_of(" \t");
    if (first != std::string::npos)
      causes.push_back(cause.substr(first, cause.find_last_not_of(" \t") - first + 1));
    cause.clear();
  };
  for (char c : cell) {
    if (c == ';' || c == ',' || c == '+') flush();
    else cause += c;
  }
  flush();
  return causes;
}

[[noreturn]] void id_error(const TextTable& table, const RowReader& row,
                           const std::string& message, const std::string& column) {
  throw InputError({"bad_patient_id", message, table.file(), row.row(), column});
}

void read_patient(ImportState& state, std::size_t table_index, RowReader& row) {
  const MappedTable& table = state.tables[table_index];
  const std::string& id_column = row.column_name(row.field("patient_id"));
  const std::string id = row.text("patient_id");
  if (id.empty())
    id_error(*table.table, row,
             "the patient id is empty; every patient needs one, used in every other table",
             id_column);
  if (auto seen = state.patient_index.find(id); seen != state.patient_index.end()) {
    const SourceRow& first = state.cohort.patients[seen->second].source;
    const std::string& first_file = state.file_of(first);
    id_error(*table.table, row,
             "patient \"" + id + "\" appears twice: on row " + std::to_string(first.row) +
                 (first_file == table.table->file() ? "" : " of " + first_file) +
                 " and on this row; keep one row per patient",
             id_column);
  }
  Patient p;
  p.id = id;
  p.source = row.source();
  p.d0 = row.date("d0", Need::optional);
  p.sex = row.sex("sex");
  p.age = row.number("age", Need::optional, 0, 130);
  p.birth_date = row.date("birth_date", Need::optional);
  p.itp_duration_months = row.number("itp_duration_months", Need::optional, 0, 1200);
  p.itp_diagnosis_date = row.date("itp_diagnosis_date", Need::optional);
  p.secondary_itp = row.flag("secondary_itp", Need::optional);
  p.secondary_causes = split_causes(row.text("secondary_cause"));
  p.splenectomy = row.flag("splenectomy", Need::optional);
  p.cs_refractory = row.flag("cs_refractory", Need::optional);
  p.ivig_refractory = row.flag("ivig_refractory", Need::optional);
  p.bleeding_month_before = row.flag("bleeding_month_before", Need::optional);
  p.baseline_platelets = row.measured("baseline_platelets", Need::optional, Quantity::cell_count);
  p.last_followup = row.date("last_followup", Need::optional);
  p.death = row.flag("death", Need::optional);
  p.death_date = row.date("death_date", Need::optional);
  p.death_cause = row.text("death_cause");
  const auto index = static_cast<PatientIndex>(state.cohort.patients.size());

  for (const auto& [column, day] : table.time_named_counts) {
    const RowReader::Field field = row.field(count_key(column));
    if (row.is_missing(field)) continue;
    if (auto value = row.measured(field, Need::optional, Quantity::cell_count)) {
      state.cohort.platelets.push_back(
          {index, static_cast<Day>(day), *value, std::nullopt, std::nullopt, row.source()});
      state.count_kinds.push_back(RecordTime::Kind::day);
    }
  }
  for (const auto& [column, drug] : table.prior_treatments) {
    const RowReader::Field field = row.field(prior_key(column));
    if (row.flag(field, Need::optional) != true) continue;
    state.cohort.treatments.push_back({index, row.column_name(field), find_drug(drug),
                                       std::nullopt, std::nullopt, true, row.source()});
    state.treatment_times.emplace_back();
  }
  state.patient_index.emplace(id, index);
  state.cohort.patients.push_back(std::move(p));
}

}  // namespace

void import_patients(ImportState& state) {
  std::size_t rows = 0;
  for (const MappedTable& t : state.tables)
    if (t.report.role == CohortTable::patients) rows += t.table->record_count();
  state.cohort.patients.reserve(rows);
  for (std::size_t t = 0; t < state.tables.size(); ++t) {
    MappedTable& table = state.tables[t];
    if (table.report.role != CohortTable::patients) continue;
    if (!table.columns.count("patient_id"))
      throw InputError({"no_patient_id_column",
                        "the patients table has no patient id column (patient_id, id_patient, "
                        "...); name it so, or choose it in the column mapping",
                        table.table->file(), 1, std::nullopt});
    std::map<std::string, std::size_t> columns = table.columns;
    for (const auto& [column, day] : table.time_named_counts) columns[count_key(column)] = column;
    for (const auto& [column, drug] : table.prior_treatments) columns[prior_key(column)] = column;
    RowReader row(*table.table, static_cast<std::uint32_t>(t), std::move(columns), state.options,
                  state.log, table.report);
    for (std::size_t record = 0; record < table.table->record_count(); ++record) {
      row.read(record);
      if (row.all_missing()) {
        row.set_aside("blank_row", "the row is empty", std::nullopt);
      } else {
        read_patient(state, t, row);
      }
      row.finish();
    }
    row.finish_table();
  }
  if (state.cohort.patients.empty())
    throw InputError({"no_patients",
                      "no patients were read: load a patients table (one row per patient, with "
                      "patient_id and d0) or a patient-per-row sheet",
                      "", std::nullopt, std::nullopt});
}

}  // namespace itp
