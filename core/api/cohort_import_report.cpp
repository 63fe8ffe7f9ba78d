#include "core/api/cohort_import_report.hpp"

#include <map>
#include <tuple>

#include "core/io/dates.hpp"

namespace itp {
namespace {

Json iso_date(const std::optional<DateDays>& days) {
  if (!days) return nullptr;
  const CivilDate d = civil_from_days(*days);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

template <typename T>
Json optional_value(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json measured_json(const std::optional<Measured>& m) {
  if (!m) return nullptr;
  if (!m->below && !m->above) return m->value;
  Json j;
  j["value"] = m->value;
  j["censored"] = m->below ? "below" : "above";
  return j;
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

Json patient_json(const Patient& p, const std::map<std::size_t, std::map<std::string, int>>& counts,
                  std::size_t index) {
  Json j;
  j["patient_id"] = p.id;
  j["file"] = p.source.file;
  j["row"] = p.source.row;
  j["d0"] = iso_date(p.d0);
  j["d0_source"] = d0_source_name(p.d0_source) ? Json(d0_source_name(p.d0_source)) : Json(nullptr);
  j["sex"] = optional_value(p.sex);
  j["age"] = optional_value(p.age);
  j["baseline_platelets"] = measured_json(p.baseline_platelets);
  j["last_followup"] = iso_date(p.last_followup);
  j["death"] = optional_value(p.death);
  j["death_date"] = iso_date(p.death_date);
  j["last_record_day"] = optional_value(p.last_record_day);
  Json records = Json::object();
  for (const char* kind : {"platelets", "infusions", "treatments", "adverse_events", "labs"}) {
    auto it = counts.find(index);
    const int n = it == counts.end() || !it->second.count(kind) ? 0 : it->second.at(kind);
    records[kind] = n;
  }
  j["records"] = std::move(records);
  j["not_evaluable_reason"] =
      p.not_evaluable_reason.empty() ? Json(nullptr) : Json(p.not_evaluable_reason);
  return j;
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

Json cohort_import_report(const Cohort& cohort) {
  std::map<std::size_t, std::map<std::string, int>> counts;  // patient -> kind -> records
  for (const auto& r : cohort.platelets) ++counts[r.patient]["platelets"];
  for (const auto& r : cohort.infusions) ++counts[r.patient]["infusions"];
  for (const auto& r : cohort.treatments) ++counts[r.patient]["treatments"];
  for (const auto& r : cohort.adverse_events) ++counts[r.patient]["adverse_events"];
  for (const auto& r : cohort.labs) ++counts[r.patient]["labs"];

  Json j;
  j["layout"] = cohort.patient_per_row ? "patient_per_row" : "tables";
  Json tables = Json::array();
  for (const TableReport& t : cohort.tables) tables.push_back(table_json(t));
  j["tables"] = std::move(tables);
  Json ignored = Json::array();
  for (const auto& [name, reason] : cohort.ignored_tables)
    ignored.push_back({{"name", name}, {"reason", reason}});
  j["ignored_tables"] = std::move(ignored);
  j["records"] = {{"patients", cohort.patients.size()},
                  {"platelets", cohort.platelets.size()},
                  {"infusions", cohort.infusions.size()},
                  {"treatments", cohort.treatments.size()},
                  {"adverse_events", cohort.adverse_events.size()},
                  {"labs", cohort.labs.size()}};
  Json patients = Json::array();
  for (std::size_t i = 0; i < cohort.patients.size(); ++i)
    patients.push_back(patient_json(cohort.patients[i], counts, i));
  j["patients"] = std::move(patients);
  j["drugs"] = drugs_json(cohort.treatments);
  return j;
}

}  // namespace itp
