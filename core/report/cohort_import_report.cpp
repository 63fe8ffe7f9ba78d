#include "core/report/cohort_import_report.hpp"

#include <map>
#include <tuple>

#include "core/io/dates.hpp"

namespace itp {
namespace {

void write_date(JsonWriter& out, const std::optional<DateDays>& days) {
  if (days) out.value(iso_date_text(*days));
  else out.null();
}

void write_measured(JsonWriter& out, const std::optional<Measured>& m) {
  if (!m) {
    out.null();
  } else if (!m->below && !m->above) {
    out.value(m->value);
  } else {
    out.begin_object().key("value").value(m->value);
    out.key("censored").value(m->below ? "below" : "above").end_object();
  }
}

const char* d0_source_name(Patient::D0Source source) {
  switch (source) {
    case Patient::D0Source::given: return "given";
    case Patient::D0Source::first_infusion: return "first_infusion";
    case Patient::D0Source::none: break;
  }
  return nullptr;
}

Json table_json(const TableReport& t) {
  Json j;
  j["name"] = t.name;
  j["file"] = t.file;
  j["role"] = t.role ? Json(std::string(table_name(*t.role))) : Json(nullptr);
  j["role_from"] = t.role_how;
  // What a column of this table can be used as, for the page's mapping menus.
  j["canonical_columns"] = Json::array();
  if (t.role)
    for (std::string_view c : canonical_columns(*t.role)) j["canonical_columns"].push_back(std::string(c));
  j["rows"] = {{"read", t.rows_read}, {"kept", t.rows_kept}, {"set_aside", Json::object()}};
  for (const auto& [reason, count] : t.set_aside) j["rows"]["set_aside"][reason] = count;
  Json columns = Json::array();
  for (const ColumnMapping& m : t.columns) {
    Json c;
    c["name"] = m.column;
    c["index"] = m.index;
    c["canonical"] = m.canonical ? Json(*m.canonical) : Json(nullptr);
    c["how"] = m.how.empty() ? Json(nullptr) : Json(m.how);
    if (m.day) c["day"] = *m.day;
    columns.push_back(std::move(c));
  }
  j["columns"] = std::move(columns);
  return j;
}

struct RecordCounts {
  std::size_t platelets = 0, infusions = 0, treatments = 0, adverse_events = 0, labs = 0;
};

void write_patient(JsonWriter& out, const Cohort& cohort, const Patient& p,
                   const RecordCounts& records) {
  out.begin_object();
  out.key("patient_id").value(p.id);
  out.key("file").value(cohort.tables[p.source.table].file);
  out.key("row").value(static_cast<std::size_t>(p.source.row));
  out.key("d0");
  write_date(out, p.d0);
  out.key("d0_source");
  if (const char* source = d0_source_name(p.d0_source)) out.value(source);
  else out.null();
  out.key("sex").value(p.sex);
  out.key("age").value(p.age);
  out.key("baseline_platelets");
  write_measured(out, p.baseline_platelets);
  out.key("last_followup");
  write_date(out, p.last_followup);
  out.key("death").value(p.death);
  out.key("death_date");
  write_date(out, p.death_date);
  out.key("last_record_day").value(p.last_record_day);
  out.key("records").begin_object();
  out.key("platelets").value(records.platelets);
  out.key("infusions").value(records.infusions);
  out.key("treatments").value(records.treatments);
  out.key("adverse_events").value(records.adverse_events);
  out.key("labs").value(records.labs);
  out.end_object();
  out.key("not_evaluable_reason");
  if (p.not_evaluable_reason.empty()) out.null();
  else out.value(p.not_evaluable_reason);
  out.end_object();
}

const char* how_name(DrugMatch::How how) {
  switch (how) {
    case DrugMatch::How::exact: return "exact";
    case DrugMatch::How::synonym: return "synonym";
    case DrugMatch::How::typo: break;
  }
  return "typo";
}

Json drugs_json(const std::vector<Treatment>& treatments) {
  // By spelling as written: what it was read as, and how many rows.
  std::map<std::string, std::tuple<const Treatment*, std::size_t>> by_drug;
  for (const Treatment& t : treatments) {
    auto& [first, rows] = by_drug.try_emplace(t.drug, &t, 0).first->second;
    ++rows;
  }
  Json recognised = Json::array(), unknown = Json::array();
  for (const auto& [drug, entry] : by_drug) {
    const auto& [t, rows] = entry;
    Json j;
    j["drug"] = drug;
    if (t->match) {
      j["name"] = std::string(t->match->name);
      j["class"] = std::string(drug_class_name(t->match->drug_class));
      j["match"] = how_name(t->match->how);
      j["rows"] = rows;
      recognised.push_back(std::move(j));
    } else {
      j["rows"] = rows;
      unknown.push_back(std::move(j));
    }
  }
  return {{"recognised", std::move(recognised)}, {"unknown", std::move(unknown)}};
}

}  // namespace

void write_cohort_import_report(JsonWriter& out, const Cohort& cohort, const Json& options) {
  std::vector<RecordCounts> counts(cohort.patients.size());
  for (const auto& r : cohort.platelets) ++counts[r.patient].platelets;
  for (const auto& r : cohort.infusions) ++counts[r.patient].infusions;
  for (const auto& r : cohort.treatments) ++counts[r.patient].treatments;
  for (const auto& r : cohort.adverse_events) ++counts[r.patient].adverse_events;
  for (const auto& r : cohort.labs) ++counts[r.patient].labs;

  out.begin_object();
  out.key("layout").value(cohort.patient_per_row ? "patient_per_row" : "tables");
  out.key("tables").begin_array();
  for (const TableReport& t : cohort.tables) out.raw(serialize(table_json(t)));
  out.end_array();
  Json ignored = Json::array();
  for (const auto& [name, reason] : cohort.ignored_tables)
    ignored.push_back({{"name", name}, {"reason", reason}});
  out.key("ignored_tables").raw(serialize(ignored));
  out.key("records").begin_object();
  out.key("patients").value(cohort.patients.size());
  out.key("platelets").value(cohort.platelets.size());
  out.key("infusions").value(cohort.infusions.size());
  out.key("treatments").value(cohort.treatments.size());
  out.key("adverse_events").value(cohort.adverse_events.size());
  out.key("labs").value(cohort.labs.size());
  out.end_object();
  out.key("patients").begin_array();
  for (std::size_t i = 0; i < cohort.patients.size(); ++i)
    write_patient(out, cohort, cohort.patients[i], counts[i]);
  out.end_array();
  out.key("drugs").raw(serialize(drugs_json(cohort.treatments)));
  out.key("options").raw(serialize(options));
  out.end_object();
}

}  // namespace itp
