#pragma once
// The steps of import_cohort and the state they share; internal to core/cohort.
//   1. table_mapping: roles and columns;
//   2. patient_import: the patients tables (and counts or prior treatments held in them);
//   3. record_import: the measurement tables, each row tied to a patient, its time as written;
//   4. record_placement: D0 and age derived, times turned into days from D0, checks across
//      tables (dates before birth or after death, infusions before D0, follow-up).
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/cohort/cohort.hpp"
#include "core/cohort/import_options.hpp"
#include "core/cohort/row_reader.hpp"
#include "core/cohort/table_mapping.hpp"
#include "core/io/problem_log.hpp"

namespace itp {

// The time of a record as its row gave it, kept beside the record until its patient's D0 is
// known: a date, a day from D0, or nothing (adverse events may have no time).
struct RecordTime {
  enum class Kind : std::uint8_t { none, day, date };
  std::int32_t value = 0;  // days; dates are days since 1970 (years 1800-2200 fit)
  Kind kind = Kind::none;

  static RecordTime of(const DayOrDate& when) {
    if (when.date) return {static_cast<std::int32_t>(*when.date), Kind::date};
    if (when.day) return {static_cast<std::int32_t>(*when.day), Kind::day};
    return {};
  }
};

struct TreatmentTimes {
  RecordTime start, end;
};

struct ImportState {
  const ImportOptions& options;
  ProblemLog& log;
  std::vector<MappedTable> tables;
  Cohort cohort;
  std::unordered_map<std::string, PatientIndex> patient_index;  // id -> index in cohort.patients
  // Beside each record of cohort.platelets, .infusions and .labs, what its `day` holds until
  // step 4 (a date or a day), one byte a record; beside the other records, their times.
  std::vector<RecordTime::Kind> count_kinds, infusion_kinds, lab_kinds;
  std::vector<RecordTime> event_times;
  std::vector<TreatmentTimes> treatment_times;

  // A row that a later step sets aside after it was counted as kept.
  void set_aside_later(std::size_t table, const std::string& code) {
    TableReport& report = tables[table].report;
    --report.rows_kept;
    ++report.set_aside[code];
  }
  const std::string& file_of(const SourceRow& source) const {
    return tables[source.table].table->file();
  }
  // The name, as in the file, of the column mapped to `canonical` in the record's table.
  std::optional<std::string> column_of(const SourceRow& source, const std::string& canonical) const {
    const MappedTable& t = tables[source.table];
    auto it = t.columns.find(canonical);
    if (it == t.columns.end()) return std::nullopt;
    return t.table->header()[it->second];
  }
};

void import_patients(ImportState& state);
void import_records(ImportState& state);
void place_records(ImportState& state);

}  // namespace itp
