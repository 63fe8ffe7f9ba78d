// Step 3 of import_cohort: the measurement tables (platelets, infusions, treatments,
// adverse_events, labs). A row whose patient, time or value cannot be read is set aside with
// its reason, exactly as if it were not in the file (DESIGN §5); other bad cells read as missing.
#include "core/cohort/import_steps.hpp"
#include "core/cohort/units.hpp"
#include "core/io/cell_values.hpp"
#include "core/io/problem.hpp"

namespace itp {
namespace {

// The patient the row belongs to, or nullopt when the row is set aside.
std::optional<std::size_t> row_patient(ImportState& state, RowReader& row) {
  if (!row.has("patient_id")) return std::nullopt;  // checked per table, below
  const std::string id = row.text("patient_id");
  if (id.empty()) {
    row.set_aside("missing_patient_id", "the row has no patient id", row.column_name("patient_id"));
    return std::nullopt;
  }
  auto it = state.patient_index.find(id);
  if (it == state.patient_index.end()) {
    row.set_aside("unknown_patient",
                  "patient \"" + id + "\" is not in the patients table; add them there or "
                  "correct the id",
                  row.column_name("patient_id"));
    return std::nullopt;
  }
  return it->second;
}

std::string when_column(const RowReader& row) {
  if (row.has("date") && !row.is_missing("date")) return row.column_name("date");
  if (row.has("day")) return row.column_name("day");
  return row.has("date") ? row.column_name("date") : "";
}

// "SC", "sous-cutané", "subcutaneous" -> "SC"; "IV", "intraveineux", "i.v." -> "IV".
std::string route_of(RowReader& row) {
  const std::string text = row.text("route");
  if (text.empty()) return "";
  const std::string name = normalize_name(text);
  for (const char* sc : {"sc", "s_c", "sous_cutane", "sous_cutanee", "subcutaneous", "subcut",
                         "sub_cutaneous", "s_c"})
    if (name == sc) return "SC";
  for (const char* iv : {"iv", "i_v", "intraveineux", "intraveineuse", "intravenous",
                         "intra_veineux", "ivl", "ivse"})
    if (name == iv) return "IV";
  row.note("unknown_route", "\"" + text + "\" is neither SC nor IV; kept as written",
           row.column_name("route"));
  return text;
}

void read_platelets(ImportState& state, std::size_t t, RowReader& row, std::size_t patient) {
  const DayOrDate when = row.when(Need::required);
  const auto value = row.measured("platelets", Need::required, Quantity::cell_count);
  if (value && value->value < 0)
    row.set_aside("negative_value", "a platelet count cannot be negative",
                  row.column_name("platelets"));
  else if (value && value->value > 2000 && !value->below)
    row.set_aside("implausible_platelets",
                  "a count above 2000 G/L is not plausible" +
                      std::string(value->value >= 10000
                                      ? ": if counts are per mm³, write the unit in the header "
                                        "(\"platelets (/mm3)\") to convert them"
                                      : ""),
                  row.column_name("platelets"));
  const auto bleeding = row.flag("bleeding", Need::optional);
  const auto rescue = row.flag("rescue", Need::optional);
  if (row.is_set_aside()) return;
  Pending<PlateletCount>& pending = state.counts.emplace_back();
  pending.record = PlateletCount{patient, 0, *value, bleeding, rescue, row.source()};
  pending.when = when;
  pending.table = t;
  pending.when_column = when_column(row);
}

void read_infusion(ImportState& state, std::size_t t, RowReader& row, std::size_t patient) {
  const DayOrDate when = row.when(Need::required);
  Infusion infusion{patient, 0, std::nullopt, "", route_of(row), row.source()};
  const std::string dose = row.text("dose");
  if (!dose.empty()) {
    const NumberWithUnit split = split_unit(dose);
    if (const auto value = parse_number(split.number); value && *value >= 0) {
      infusion.dose = *value;
      infusion.dose_unit = std::string(split.unit.empty() ? header_unit(row.column_name("dose"))
                                                          : split.unit);
    } else {
      row.note("not_a_number", "\"" + dose + "\" is not a dose (a number and a unit such as "
               "1800 mg or 16 mg/kg); read as missing", row.column_name("dose"));
    }
  }
  if (row.is_set_aside()) return;
  state.infusions.push_back({std::move(infusion), when, t, when_column(row)});
}

void read_treatment(ImportState& state, std::size_t t, RowReader& row, std::size_t patient) {
  const std::string drug = row.text("drug");
  if (drug.empty())
    row.set_aside("missing_value", "the row names no drug", row.has("drug")
                                                                ? std::optional<std::string>(row.column_name("drug"))
                                                                : std::nullopt);
  const DayOrDate start = row.day_or_date("start", Need::required);
  const DayOrDate end = row.day_or_date("end", Need::optional);
  if (row.is_set_aside()) return;
  Treatment treatment{patient, drug, find_drug(drug), std::nullopt, std::nullopt, false,
                      row.source()};
  state.treatments.push_back({std::move(treatment), start, end, t, row.column_name("start"),
                              row.has("end") ? row.column_name("end") : ""});
}

void read_adverse_event(ImportState& state, std::size_t t, RowReader& row, std::size_t patient) {
  const DayOrDate when = row.when(Need::optional);
  AdverseEvent event{patient, std::nullopt, row.text("term"), row.text("category"),
                     row.whole_number("grade", Need::optional, 1, 5),
                     row.flag("serious", Need::optional), row.source()};
  if (event.term.empty() && event.category.empty())
    row.set_aside("missing_value", "the row names no event (term or category)",
                  row.has("term") ? std::optional<std::string>(row.column_name("term"))
                                  : std::nullopt);
  if (row.is_set_aside()) return;
  state.adverse_events.push_back({std::move(event), when, t, when_column(row)});
}

void read_lab(ImportState& state, std::size_t t, RowReader& row, std::size_t patient) {
  const DayOrDate when = row.when(Need::required);
  const std::string test = row.text("test");
  if (test.empty())
    row.set_aside("missing_value", "the row names no test",
                  row.has("test") ? std::optional<std::string>(row.column_name("test"))
                                  : std::nullopt);
  const std::string unit = row.text("unit");
  const std::optional<LabTest> known = known_lab_test(test);
  std::optional<Measured> value;
  std::string stored_unit = unit;
  if (known) {
    value = row.measured("value", Need::required, known->quantity, unit);
    stored_unit = std::string(base_unit(known->quantity));
  } else if (const auto plain = row.number("value", Need::required, -1e300, 1e300)) {
    value = Measured{*plain, false, false};
  }
  if (row.is_set_aside() || !value) return;
  Pending<LabValue>& pending = state.labs.emplace_back();
  pending.record = LabValue{patient, 0, known ? std::string(known->name) : test, *value,
                            stored_unit, row.source()};
  pending.when = when;
  pending.table = t;
  pending.when_column = when_column(row);
}

using RowHandler = void (*)(ImportState&, std::size_t, RowReader&, std::size_t);

RowHandler handler_of(CohortTable role) {
  switch (role) {
    case CohortTable::platelets: return read_platelets;
    case CohortTable::infusions: return read_infusion;
    case CohortTable::treatments: return read_treatment;
    case CohortTable::adverse_events: return read_adverse_event;
    case CohortTable::labs: return read_lab;
    case CohortTable::patients: break;
  }
  return nullptr;
}

// The columns without which no row of the table can be used.
std::vector<std::vector<std::string>> required_columns(CohortTable role) {
  switch (role) {
    case CohortTable::platelets: return {{"patient_id"}, {"date", "day"}, {"platelets"}};
    case CohortTable::infusions: return {{"patient_id"}, {"date", "day"}};
    case CohortTable::treatments: return {{"patient_id"}, {"drug"}, {"start"}};
    case CohortTable::adverse_events: return {{"patient_id"}, {"term", "category"}};
    case CohortTable::labs: return {{"patient_id"}, {"date", "day"}, {"test"}, {"value"}};
    case CohortTable::patients: break;
  }
  return {};
}

void check_required_columns(const MappedTable& table) {
  for (const std::vector<std::string>& any_of : required_columns(*table.report.role)) {
    bool found = false;
    for (const std::string& c : any_of) found = found || table.columns.count(c);
    if (found) continue;
    std::string names;
    bool ambiguous = false;
    for (const std::string& c : any_of) {
      names += (names.empty() ? "" : " or ") + c;
      ambiguous = ambiguous || table.ambiguous.count(c);
    }
    throw InputError({"missing_column",
                      "the " + std::string(table_name(*table.report.role)) + " table \"" +
                          table.report.name + "\" has " +
                          (ambiguous ? "several columns that name " + names
                                     : "no " + names + " column") +
                          "; choose one in the column mapping",
                      table.table->file(), 1, std::nullopt});
  }
}

}  // namespace

void import_records(ImportState& state) {
  for (std::size_t t = 0; t < state.tables.size(); ++t) {
    MappedTable& table = state.tables[t];
    const RowHandler handler = handler_of(*table.report.role);
    if (!handler) continue;
    check_required_columns(table);
    RowReader row(*table.table, table.columns, state.options, state.log, table.report);
    for (std::size_t record = 0; record < table.table->record_count(); ++record) {
      row.read(record);
      if (row.all_missing()) {
        row.set_aside("blank_row", "the row is empty", std::nullopt);
      } else if (const auto patient = row_patient(state, row)) {
        handler(state, t, row, *patient);
      }
      row.finish();
    }
    row.finish_table();
  }
}

}  // namespace itp
