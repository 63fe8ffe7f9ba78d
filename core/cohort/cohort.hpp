#pragma once
// The cohort model of docs/design.md §5: what the importer makes of a user's tables, and what the
// response engine and the report read. Plain data. Every record keeps the file and row it came
// from, so any number shown can be traced to the cells that made it.
//
// Dates are days since 1970-01-01 (core/io/dates); `day` fields count from the patient's D0
// (day 0), negative before it.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/cohort/column_names.hpp"
#include "core/cohort/drug_dictionary.hpp"

namespace itp {

using DateDays = std::int64_t;
// Records are held by the million: a day from D0 and a patient's index take 32 bits each.
using Day = std::int32_t;
using PatientIndex = std::uint32_t;  // index in Cohort::patients

// Where a record came from: the table (its place in Cohort::tables, which names the file) and
// the row as a spreadsheet shows it (header = 1). Eight bytes, as a cohort may hold millions.
struct SourceRow {
  std::uint32_t table = 0;
  std::uint32_t row = 0;
};

// A number as the file gave it: `below` marks a value censored at a limit ("<10"): it meets no
// threshold at or above `value`, which holds the value chosen for it (ImportOptions).
struct Measured {
  double value = 0;
  bool below = false;
  bool above = false;  // ">2000": meets every threshold up to `value`
};

struct Patient {
  std::string id;
  SourceRow source;
  std::optional<DateDays> d0;
  enum class D0Source { given, first_infusion, none } d0_source = D0Source::none;
  std::optional<std::string> sex;  // "M" or "F"
  std::optional<double> age;       // years: as given, else completed years from birth to D0
  std::optional<DateDays> birth_date;
  std::optional<double> itp_duration_months;
  std::optional<DateDays> itp_diagnosis_date;
  std::optional<bool> secondary_itp;
  // Causes of secondary ITP as written, several in one cell separated by ';', ',' or '+'
  // ("APS + Evans syndrome").
  std::vector<std::string> secondary_causes;
  std::optional<bool> splenectomy;
  std::optional<bool> cs_refractory;
  std::optional<bool> ivig_refractory;
  std::optional<bool> bleeding_month_before;
  std::optional<Measured> baseline_platelets;
  std::optional<DateDays> last_followup;
  std::optional<bool> death;  // true also when only a death date is given
  std::optional<DateDays> death_date;
  std::string death_cause;
  // The last follow-up, in days from D0: the later of `last_followup`, death and the patient's
  // latest dated record (count, infusion, treatment start, adverse event, lab). A treatment's
  // end does not extend it (it may be planned). What follow-up can be censored at.
  std::optional<Day> last_record_day;
  // Why the patient cannot be analysed (no D0), empty when they can.
  std::string not_evaluable_reason;
};

struct PlateletCount {
  PatientIndex patient;
  Day day;
  Measured platelets;  // G/L
  std::optional<bool> bleeding;
  std::optional<bool> rescue;
  SourceRow source;
};

struct Infusion {
  PatientIndex patient;
  Day day;
  std::optional<double> dose;
  std::string dose_unit;  // "mg", "mg/kg", ... as written, or "" when none
  std::string route;      // "SC", "IV", or the cell as written when it is neither
  SourceRow source;
};

struct Treatment {
  PatientIndex patient;
  std::string drug;                // as written
  std::optional<DrugMatch> match;  // nullopt: not in the dictionary (kept, and listed)
  std::optional<Day> start_day;
  std::optional<Day> end_day;  // nullopt: ongoing or not given
  // Given as a prior treatment without dates (a 0/1 "prior_<drug>" column of a
  // patient-per-row sheet).
  bool declared_prior = false;
  SourceRow source;
};

struct AdverseEvent {
  PatientIndex patient;
  std::optional<Day> day;
  std::string term;
  std::string category;
  std::optional<int> grade;  // CTCAE 1-5
  std::optional<bool> serious;
  SourceRow source;
};

struct LabValue {
  PatientIndex patient;
  Day day;
  std::string test;
  Measured value;
  std::string unit;  // after conversion (g/L, G/L), or as written when unknown
  SourceRow source;
};

// How one column of a table was read.
struct ColumnMapping {
  std::string column;  // as in the file
  std::size_t index;   // from 1, as a spreadsheet counts
  std::optional<std::string> canonical;
  // "name" (recognised), "user" (the request's mapping; with no canonical: ignored by the user),
  // "time_named" (a platelet count on day `day`), "prior_treatment" (a 0/1 column of a prior
  // drug), "ambiguous" (several columns name one canonical), or "" when unused.
  std::string how;
  std::optional<std::int64_t> day;
};

// What happened to one input table.
struct TableReport {
  std::string name;
  std::string file;
  std::optional<CohortTable> role;
  std::string role_how;  // "name", "columns", "user"
  std::vector<ColumnMapping> columns;
  std::size_t rows_read = 0;
  std::size_t rows_kept = 0;
  std::map<std::string, std::size_t> set_aside;  // reason code -> rows
};

struct Cohort {
  std::vector<Patient> patients;
  std::vector<PlateletCount> platelets;
  std::vector<Infusion> infusions;
  std::vector<Treatment> treatments;
  std::vector<AdverseEvent> adverse_events;
  std::vector<LabValue> labs;
  std::vector<TableReport> tables;
  // Loaded tables that were not used, with the reason.
  std::vector<std::pair<std::string, std::string>> ignored_tables;
  bool patient_per_row = false;
};

}  // namespace itp
