#include "core/report/safety_report.hpp"

#include <cmath>
#include <map>
#include <set>

#include "core/cohort/column_names.hpp"
#include "core/report/summary_rows.hpp"

namespace itp {
namespace {

// "Infusion reaction", "Réaction à la perfusion", "infusion-related reaction", "IRR".
bool is_infusion_reaction(const AdverseEvent& e) {
  for (const std::string* text : {&e.category, &e.term}) {
    const std::string name = normalize_name(*text);
    if (name == "irr" || name == "rap") return true;
    const bool infusion = name.find("infusion") != std::string::npos ||
                          name.find("perfusion") != std::string::npos ||
                          name.find("injection") != std::string::npos;
    const bool reaction = name.find("reaction") != std::string::npos;
    if (infusion && reaction) return true;
  }
  return false;
}

void count_row(JsonWriter& out, const std::string& label, std::size_t n, std::size_t d) {
  out.begin_object();
  out.key("label").value(label);
  out.key("count").value(n);
  out.key("denominator").value(d);
  out.key("percent").value(percent_of(n, d));
  out.end_object();
}

}  // namespace

void write_safety(JsonWriter& out, const Cohort& cohort, const ReportOptions& options) {
  const std::size_t n = cohort.patients.size();
  std::set<PatientIndex> any, serious, grade3, reactions;
  std::map<std::string, std::set<PatientIndex>> by_category, grade3_by_category;
  std::size_t events = 0, undated = 0;
  std::vector<const AdverseEvent*> before_d0;
  for (const AdverseEvent& e : cohort.adverse_events) {
    // From D0 on, as the labs are: an event before the first infusion is not a safety finding
    // of the treatment. It is listed apart; an undated one is counted, and said to be.
    if (e.day && *e.day < 0) {
      before_d0.push_back(&e);
      continue;
    }
    if (!e.day) ++undated;
    ++events;
    const std::string category = e.category.empty() ? e.term : e.category;
    any.insert(e.patient);
    by_category[category].insert(e.patient);
    if (e.serious == true) serious.insert(e.patient);
    if (e.grade && *e.grade >= 3) {
      grade3.insert(e.patient);
      grade3_by_category[category].insert(e.patient);
    }
    if (is_infusion_reaction(e)) reactions.insert(e.patient);
  }
  out.begin_object();
  out.key("patients").value(n);
  out.key("events").value(events);
  out.key("undated_events").value(undated);
  out.key("before_d0").begin_array();
  for (const AdverseEvent* e : before_d0) {
    out.begin_object();
    out.key("patient_id").value(cohort.patients[e->patient].id);
    out.key("day").value(static_cast<std::int64_t>(*e->day));
    out.key("term").value(e->term);
    out.key("category").value(e->category);
    out.key("grade").value(e->grade);
    out.end_object();
  }
  out.end_array();
  out.key("any_adverse_event");
  count_row(out, "Any adverse event", any.size(), n);
  out.key("grade_3_or_more");
  count_row(out, "Grade 3 or more", grade3.size(), n);
  out.key("serious");
  count_row(out, "Serious", serious.size(), n);
  out.key("infusion_reactions");
  count_row(out, "Infusion reactions", reactions.size(), n);
  out.key("by_category").begin_array();
  for (const auto& [category, patients] : by_category) {
    out.begin_object();
    out.key("category").value(category);
    out.key("patients").value(patients.size());
    out.key("percent").value(percent_of(patients.size(), n));
    const auto g3 = grade3_by_category.find(category);
    out.key("grade_3_or_more").value(g3 == grade3_by_category.end() ? 0 : g3->second.size());
    out.end_object();
  }
  out.end_array();

  std::map<std::string, std::size_t> deaths;
  std::size_t dead = 0;
  for (const Patient& p : cohort.patients) {
    if (p.death != true) continue;
    ++dead;
    ++deaths[p.death_cause.empty() ? "unknown cause" : p.death_cause];
  }
  out.key("deaths").begin_object();
  out.key("count").value(dead);
  out.key("percent").value(percent_of(dead, n));
  out.key("by_cause").begin_array();
  for (const auto& [cause, count] : deaths) {
    out.begin_object().key("cause").value(cause).key("count").value(count).end_object();
  }
  out.end_array();
  out.end_object();

  // Lab values below thresholds from D0 on: patients with any, among those measured.
  out.key("lab_thresholds").begin_array();
  for (const LabThreshold& threshold : options.lab_thresholds) {
    std::set<PatientIndex> measured, below;
    std::string unit;
    for (const LabValue& lab : cohort.labs) {
      if (lab.test != threshold.test || lab.day < 0) continue;
      measured.insert(lab.patient);
      unit = lab.unit;
      // "<0.5" is below 6; "<10" may not be: a censored value counts when its limit does.
      const bool under = lab.value.below ? lab.value.value <= threshold.below
                                         : lab.value.value < threshold.below;
      if (under) below.insert(lab.patient);
    }
    out.begin_object();
    out.key("test").value(threshold.test);
    out.key("below").value(threshold.below);
    out.key("unit").value(unit);
    out.key("patients_below").value(below.size());
    out.key("patients_measured").value(measured.size());
    out.key("percent").value(percent_of(below.size(), measured.size()));
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

}  // namespace itp
