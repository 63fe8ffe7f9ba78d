#include "core/report/table1_report.hpp"

#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "core/report/summary_rows.hpp"
#include "core/report/time_units.hpp"

namespace itp {
namespace {

constexpr const char* kLinesLabel =
    "Prior lines (excluding corticosteroids and IVIg; splenectomy counted)";

// The treatment history: every ITP treatment started before D0, whatever its role for the
// response (prior, background, or concomitant from the weeks before D0), and those declared
// prior without dates.
bool in_history(const Treatment& t) {
  return t.declared_prior || (t.start_day && *t.start_day < 0);
}

bool counts_as_line(const Treatment& t) {
  if (!t.match) return true;  // an unknown drug is kept, and is a line
  switch (t.match->drug_class) {
    case DrugClass::corticosteroid:
    case DrugClass::ivig:
    case DrugClass::anti_d:
    case DrugClass::platelet_transfusion:
    case DrugClass::antifibrinolytic:
      return false;
    default:  // splenectomy included: it is a line in every ITP paper
      return true;
  }
}

constexpr const char* kSplenectomy = "splenectomy";  // the dictionary's name of the procedure

std::string drug_key(const Treatment& t) {
  return t.match ? std::string(t.match->name) : t.drug;
}

// The drugs of a patient's history, by name (the dictionary's, else as written), and their
// class; a splenectomy recorded in the patients table is one too.
std::map<std::string, std::string> history_of(const Cohort& cohort,
                                              const PatientResponse& response, bool lines_only) {
  std::map<std::string, std::string> drugs;
  for (std::size_t index : response.treatments) {
    const Treatment& t = cohort.treatments[index];
    if (!in_history(t) || (lines_only && !counts_as_line(t))) continue;
    drugs[drug_key(t)] = t.match ? std::string(drug_class_name(t.match->drug_class)) : "unknown";
  }
  if (cohort.patients[response.patient].splenectomy == true)
    drugs[kSplenectomy] = std::string(drug_class_name(DrugClass::splenectomy));
  return drugs;
}

// Causes as written, grouped without regard to case; each patient once per cause.
std::map<std::string, std::size_t> patients_by_cause(const Cohort& cohort) {
  std::map<std::string, std::size_t> count;
  std::map<std::string, std::string> spelling;  // lower case -> first spelling seen
  for (const Patient& p : cohort.patients) {
    if (p.secondary_itp == false) continue;
    std::set<std::string> seen;
    for (const std::string& cause : p.secondary_causes) {
      std::string key = cause;
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!seen.insert(key).second) continue;
      ++count[spelling.emplace(key, cause).first->second];
    }
    if (p.secondary_itp == true && p.secondary_causes.empty()) ++count["cause not given"];
  }
  return count;
}

// A yes/no variable as one row: patients with "yes" among those whose answer is known.
void yes_row(JsonWriter& out, const std::string& label, const std::string& variable,
             const Cohort& cohort, std::optional<bool> Patient::*field) {
  std::size_t yes = 0, known = 0;
  for (const Patient& p : cohort.patients) {
    if (!(p.*field)) continue;
    ++known;
    if (*(p.*field)) ++yes;
  }
  write_categorical_row(out, label, variable, "Yes", yes, known, cohort.patients.size() - known);
}

}  // namespace

std::size_t prior_lines(const Cohort& cohort, const PatientResponse& response) {
  return history_of(cohort, response, /*lines_only=*/true).size();
}

std::size_t patients_with_several_causes(const Cohort& cohort) {
  std::size_t several = 0;
  for (const Patient& p : cohort.patients)
    if (p.secondary_itp != false && p.secondary_causes.size() > 1) ++several;
  return several;
}

void write_table1(JsonWriter& out, const Cohort& cohort,
                  const std::vector<PatientResponse>& responses, const ReportOptions& options) {
  const double nan = std::nan("");
  const std::size_t n = cohort.patients.size();
  std::vector<double> age, duration, baseline, lines;
  std::size_t male = 0, female = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Patient& p = cohort.patients[i];
    age.push_back(p.age.value_or(nan));
    double months = p.itp_duration_months.value_or(nan);
    if (!p.itp_duration_months && p.itp_diagnosis_date && p.d0)
      months = static_cast<double>(*p.d0 - *p.itp_diagnosis_date) / kDaysPerMonth;
    duration.push_back(months);
    baseline.push_back(responses[i].baseline.value.value_or(nan));
    lines.push_back(static_cast<double>(prior_lines(cohort, responses[i])));
    if (p.sex == "M") ++male;
    if (p.sex == "F") ++female;
  }
  const int type = options.quantile_type;
  out.begin_array();
  write_continuous_row(out, "Age (years)", "age", age, type);
  write_categorical_row(out, "Sex", "sex", "Male", male, male + female, n - male - female);
  write_categorical_row(out, "Sex", "sex", "Female", female, male + female, n - male - female);
  write_continuous_row(out, "ITP duration (months)", "itp_duration_months", duration, type);
  yes_row(out, "Secondary ITP", "secondary_itp", cohort, &Patient::secondary_itp);
  // One row per cause, as a share of all patients: a patient may have several causes.
  for (const auto& [cause, count] : patients_by_cause(cohort))
    write_categorical_row(out, "Cause of secondary ITP", "secondary_cause", cause, count, n, 0);
  yes_row(out, "Splenectomy", "splenectomy", cohort, &Patient::splenectomy);
  yes_row(out, "Corticosteroid-refractory", "cs_refractory", cohort, &Patient::cs_refractory);
  yes_row(out, "IVIg-refractory", "ivig_refractory", cohort, &Patient::ivig_refractory);
  yes_row(out, "Bleeding in the month before D0", "bleeding_month_before", cohort,
          &Patient::bleeding_month_before);
  write_continuous_row(out, "Baseline platelets (G/L)", "baseline_platelets", baseline, type);
  write_continuous_row(out, kLinesLabel, "prior_lines", lines, type);
  out.end_array();
}

void write_prior_treatments(JsonWriter& out, const Cohort& cohort,
                            const std::vector<PatientResponse>& responses,
                            const ReportOptions& options) {
  const std::size_t n = cohort.patients.size();
  std::map<std::string, std::set<PatientIndex>> by_drug;
  std::map<std::string, std::string> class_of_drug;
  std::map<std::string, std::set<PatientIndex>> by_class;
  std::vector<double> lines;
  for (const PatientResponse& r : responses) {
    lines.push_back(static_cast<double>(prior_lines(cohort, r)));
    for (const auto& [drug, cls] : history_of(cohort, r, /*lines_only=*/false)) {
      by_drug[drug].insert(r.patient);
      class_of_drug[drug] = cls;
      by_class[cls].insert(r.patient);
    }
  }
  out.begin_object();
  out.key("patients").value(n);
  out.key("lines");
  write_continuous_row(out, kLinesLabel, "prior_lines", lines, options.quantile_type);
  out.key("drugs").begin_array();
  for (const auto& [drug, patients] : by_drug) {
    out.begin_object();
    out.key("drug").value(drug);
    out.key("class").value(class_of_drug[drug]);
    out.key("count").value(patients.size());
    out.key("denominator").value(n);
    out.key("percent").value(percent_of(patients.size(), n));
    out.end_object();
  }
  out.end_array();
  out.key("classes").begin_array();
  for (const auto& [cls, patients] : by_class) {
    out.begin_object();
    out.key("class").value(cls);
    out.key("count").value(patients.size());
    out.key("denominator").value(n);
    out.key("percent").value(percent_of(patients.size(), n));
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

}  // namespace itp
