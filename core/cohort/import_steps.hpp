#pragma once
// The steps of import_cohort and the state they share; internal to core/cohort.
//   1. table_mapping: roles and columns;
//   2. patient_import: the patients tables (and counts or prior treatments held in them);
//   3. record_import: the measurement tables, each row tied to a patient, its time as written;
//   4. record_placement: D0 and age derived, times turned into days from D0, checks across
//      tables (dates before birth or after death, infusions before D0, follow-up).
#include <map>
#include <string>
#include <vector>

#include "core/cohort/cohort.hpp"
#include "core/cohort/import_options.hpp"
#include "core/cohort/row_reader.hpp"
#include "core/cohort/table_mapping.hpp"
#include "core/io/problem_log.hpp"

namespace itp {

// A record read from its row, waiting for its patient's D0 to place it in time.
template <typename Record>
struct Pending {
  Record record;
  DayOrDate when;
  std::size_t table;        // index in ImportState::tables, for the row accounting
  std::string when_column;  // the column the time came from, for messages
};

struct PendingTreatment {
  Treatment record;
  DayOrDate start, end;
  std::size_t table;
  std::string start_column, end_column;
};

struct ImportState {
  const ImportOptions& options;
  ProblemLog& log;
  std::vector<MappedTable> tables;
  Cohort cohort;
  std::map<std::string, std::size_t> patient_index;  // id -> index in cohort.patients
  std::vector<Pending<PlateletCount>> counts;
  std::vector<Pending<Infusion>> infusions;
  std::vector<Pending<AdverseEvent>> adverse_events;
  std::vector<Pending<LabValue>> labs;
  std::vector<PendingTreatment> treatments;

  // A row that a later step sets aside after it was counted as kept.
  void set_aside_later(std::size_t table, const std::string& code) {
    TableReport& report = tables[table].report;
    --report.rows_kept;
    ++report.set_aside[code];
  }
};

void import_patients(ImportState& state);
void import_records(ImportState& state);
void place_records(ImportState& state);

}  // namespace itp
