// Step 3 of import_cohort: the measurement tables (platelets, infusions, treatments,
// adverse_events, labs). A row whose patient, time or value cannot be read is set aside with
// its reason, exactly as if it were not in the file (docs/design.md §5); other bad cells read as
// missing. Records go straight into the cohort, their times as written beside them (RecordTime)
// until step 4 places them: a file of millions of counts is held once, in its final form.
#include "core/cohort/import_steps.hpp"
#include "core/cohort/units.hpp"
#include "core/io/cell_values.hpp"
#include "core/io/problem.hpp"

namespace itp {
namespace {

using Field = RowReader::Field;

// The patient the row belongs to, or nullopt when the row is set aside.
std::optional<PatientIndex> row_patient(ImportState& state, RowReader& row, Field id_field,
                                       std::string& id) {
  id = row.text(id_field);
  if (id.empty()) {
    row.set_aside("missing_patient_id", "the row has no patient id", row.column_name(id_field));
    return std::nullopt;
  }
  auto it = state.patient_index.find(id);
  if (it == state.patient_index.end()) {
    row.set_aside("unknown_patient",
                  "patient \"" + id + "\" is not in the patients table; add them there or "
                  "correct the id",
                  row.column_name(id_field));
    return std::nullopt;
  }
  return it->second;
}

// "SC", "sous-cutané", "subcutaneous" -> "SC"; "IV", "intraveineux", "i.v." -> "IV".
std::string route_of(RowReader& row, Field route) {
  const std::string text = row.text(route);
  if (text.empty()) return "";
  const std::string name = normalize_name(text);
  for (const char* sc : {"sc", "s_c", "sous_cutane", "sous_cutanee", "subcutaneous", "subcut",
                         "sub_cutaneous"})
    if (name == sc) return "SC";
  for (const char* iv : {"iv", "i_v", "intraveineux", "intraveineuse", "intravenous",
                         "intra_veineux", "ivl"})
    if (name == iv) return "IV";
  row.note("unknown_route", "\"" + text + "\" is neither SC nor IV; kept as written",
           row.column_name(route));
  return text;
}

// Reads every row of one measurement table: `read_row(row, patient)` reads the rest of a row
// whose patient is known and stores its record unless the row was set aside.
template <typename ReadRow>
void for_each_row(ImportState& state, std::size_t t, RowReader& row, ReadRow read_row) {
  const MappedTable& table = state.tables[t];
  const Field id_field = row.field("patient_id");
  std::string id;
  for (std::size_t record = 0; record < table.table->record_count(); ++record) {
    row.read(record);
    if (row.all_missing()) {
      row.set_aside("blank_row", "the row is empty", std::nullopt);
    } else if (const auto patient = row_patient(state, row, id_field, id)) {
      read_row(*patient);
    }
    row.finish();
  }
  row.finish_table();
}

void read_platelets(ImportState& state, std::size_t t, RowReader& row) {
  const Field date = row.field("date"), day = row.field("day"),
              platelets = row.field("platelets"), bleeding = row.field("bleeding"),
              rescue = row.field("rescue");
  for_each_row(state, t, row, [&](PatientIndex patient) {
    const DayOrDate when = row.when(date, day, Need::required);
    const auto value = row.measured(platelets, Need::required, Quantity::cell_count);
    if (value && value->value < 0)
      row.set_aside("negative_value", "a platelet count cannot be negative",
                    row.column_name(platelets));
    else if (value && value->value > 2000 && !value->below)
      row.set_aside("implausible_platelets",
                    "a count above 2000 G/L is not plausible" +
                        std::string(value->value >= 10000
                                        ? ": if counts are per mm³, write the unit in the "
                                          "header (\"platelets (/mm3)\") to convert them"
                                        : ""),
                    row.column_name(platelets));
    const auto bled = row.flag(bleeding, Need::optional);
    const auto rescued = row.flag(rescue, Need::optional);
    if (row.is_set_aside()) return;
    const RecordTime time = RecordTime::of(when);
    state.cohort.platelets.push_back({patient, time.value, *value, bled, rescued, row.source()});
    state.count_kinds.push_back(time.kind);
  });
}

void read_infusions(ImportState& state, std::size_t t, RowReader& row) {
  const Field date = row.field("date"), day = row.field("day"), dose_field = row.field("dose"),
              route = row.field("route");
  for_each_row(state, t, row, [&](PatientIndex patient) {
    const DayOrDate when = row.when(date, day, Need::required);
    const RecordTime time = RecordTime::of(when);
    Infusion infusion{patient, time.value, std::nullopt, "", route_of(row, route), row.source()};
    const std::string dose = row.text(dose_field);
    if (!dose.empty()) {
      const NumberWithUnit split = split_unit(dose);
      if (const auto value = parse_number(split.number); value && *value >= 0) {
        infusion.dose = *value;
        infusion.dose_unit = std::string(
            split.unit.empty() ? header_unit(row.column_name(dose_field)) : split.unit);
      } else {
        row.note("not_a_number", "\"" + dose + "\" is not a dose (a number and a unit such as "
                 "1800 mg or 16 mg/kg); read as missing", row.column_name(dose_field));
      }
    }
    if (row.is_set_aside()) return;
    state.cohort.infusions.push_back(std::move(infusion));
    state.infusion_kinds.push_back(time.kind);
  });
}

void read_treatments(ImportState& state, std::size_t t, RowReader& row) {
  const Field drug_field = row.field("drug"), start = row.field("start"), end = row.field("end");
  for_each_row(state, t, row, [&](PatientIndex patient) {
    const std::string drug = row.text(drug_field);
    if (drug.empty())
      row.set_aside("missing_value", "the row names no drug", row.column_name(drug_field));
    const DayOrDate started = row.day_or_date(start, Need::required);
    const DayOrDate ended = row.day_or_date(end, Need::optional);
    if (row.is_set_aside()) return;
    state.cohort.treatments.push_back(
        {patient, drug, find_drug(drug), std::nullopt, std::nullopt, false, row.source()});
    state.treatment_times.push_back({RecordTime::of(started), RecordTime::of(ended)});
  });
}

void read_adverse_events(ImportState& state, std::size_t t, RowReader& row) {
  const Field date = row.field("date"), day = row.field("day"), term = row.field("term"),
              category = row.field("category"), grade = row.field("grade"),
              serious = row.field("serious");
  for_each_row(state, t, row, [&](PatientIndex patient) {
    const DayOrDate when = row.when(date, day, Need::optional);
    AdverseEvent event{patient, std::nullopt, row.text(term), row.text(category),
                       row.whole_number(grade, Need::optional, 1, 5),
                       row.flag(serious, Need::optional), row.source()};
    if (event.term.empty() && event.category.empty())
      row.set_aside("missing_value", "the row names no event (term or category)",
                    row.column_if_any(term));
    if (row.is_set_aside()) return;
    state.cohort.adverse_events.push_back(std::move(event));
    state.event_times.push_back(RecordTime::of(when));
  });
}

void read_labs(ImportState& state, std::size_t t, RowReader& row) {
  const Field date = row.field("date"), day = row.field("day"), test_field = row.field("test"),
              value_field = row.field("value"), unit_field = row.field("unit");
  for_each_row(state, t, row, [&](PatientIndex patient) {
    const DayOrDate when = row.when(date, day, Need::required);
    const std::string test = row.text(test_field);
    if (test.empty()) row.set_aside("missing_value", "the row names no test", row.column_name(test_field));
    const std::string unit = row.text(unit_field);
    const std::optional<LabTest> known = known_lab_test(test);
    std::optional<Measured> value;
    if (known) {
      value = row.measured(value_field, Need::required, known->quantity, unit);
    } else if (const auto plain = row.number(value_field, Need::required, -1e300, 1e300)) {
      value = Measured{*plain, false, false};
    }
    if (row.is_set_aside() || !value) return;
    const RecordTime time = RecordTime::of(when);
    state.cohort.labs.push_back({patient, time.value, known ? std::string(known->name) : test,
                                 *value, known ? std::string(base_unit(known->quantity)) : unit,
                                 row.source()});
    state.lab_kinds.push_back(time.kind);
  });
}

using TableReader = void (*)(ImportState&, std::size_t, RowReader&);

TableReader reader_of(CohortTable role) {
  switch (role) {
    case CohortTable::platelets: return read_platelets;
    case CohortTable::infusions: return read_infusions;
    case CohortTable::treatments: return read_treatments;
    case CohortTable::adverse_events: return read_adverse_events;
    case CohortTable::labs: return read_labs;
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
  const std::string what = "the " + std::string(table_name(*table.report.role)) + " table \"" +
                           table.report.name + "\" has ";
  for (const std::vector<std::string>& any_of : required_columns(*table.report.role)) {
    bool found = false;
    for (const std::string& c : any_of) found = found || table.columns.count(c);
    if (found) continue;
    // Several columns name what the row needs, so none is used: say which, at the first.
    for (const std::string& c : any_of) {
      const auto claimed = table.ambiguous.find(c);
      if (claimed == table.ambiguous.end()) continue;
      std::string headers;
      for (const std::string& h : claimed->second)
        headers += (headers.empty() ? "\"" : ", \"") + h + "\"";
      throw InputError({"ambiguous_column",
                        what + "several columns that name " + c + " (" + headers +
                            "), so none is used; choose one in the column mapping",
                        table.table->file(), 1, claimed->second.front()});
    }
    std::string names;
    for (const std::string& c : any_of) names += (names.empty() ? "" : " or ") + c;
    throw InputError({"missing_column",
                      what + "no " + names + " column; choose one in the column mapping",
                      table.table->file(), 1, std::nullopt});
  }
}

// Room for every row of the tables of `role`, so that a large file is not copied as it grows.
template <typename Record>
void reserve(const ImportState& state, CohortTable role, std::vector<Record>& records,
             std::vector<RecordTime::Kind>& kinds) {
  std::size_t rows = 0;
  for (const MappedTable& t : state.tables)
    if (t.report.role == role) rows += t.table->record_count();
  records.reserve(records.size() + rows);
  kinds.reserve(kinds.size() + rows);
}

}  // namespace

void import_records(ImportState& state) {
  reserve(state, CohortTable::platelets, state.cohort.platelets, state.count_kinds);
  reserve(state, CohortTable::infusions, state.cohort.infusions, state.infusion_kinds);
  reserve(state, CohortTable::labs, state.cohort.labs, state.lab_kinds);
  for (std::size_t t = 0; t < state.tables.size(); ++t) {
    MappedTable& table = state.tables[t];
    const TableReader reader = reader_of(*table.report.role);
    if (!reader) continue;
    check_required_columns(table);
    RowReader row(*table.table, static_cast<std::uint32_t>(t), table.columns, state.options,
                  state.log, table.report);
    reader(state, t, row);
  }
}

}  // namespace itp
