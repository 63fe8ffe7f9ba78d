#include "core/report/table1_report.hpp"

#include <cmath>
#include <map>
#include <set>

#include "core/report/summary_rows.hpp"

namespace itp {
namespace {

constexpr double kDaysPerMonth = 30.4375;

bool is_prior(TreatmentRole role) {
  return role == TreatmentRole::prior || role == TreatmentRole::background;
}

bool counts_as_line(const Treatment& t) {
  if (!t.match) return true;  // an unknown drug is kept, and is a line
  switch (t.match->drug_class) {
    case DrugClass::corticosteroid:
    case DrugClass::ivig:
    case DrugClass::anti_d:
    case DrugClass::platelet_transfusion:
    case DrugClass::antifibrinolytic:
    case DrugClass::splenectomy:  // a procedure, reported on its own row
      return false;
    default:
      return true;
  }
}

std::string drug_key(const Treatment& t) {
  return t.match ? std::string(t.match->name) : t.drug;
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
  std::set<std::string> drugs;
  for (std::size_t i = 0; i < response.treatments.size(); ++i) {
    const Treatment& t = cohort.treatments[response.treatments[i]];
    if (is_prior(response.treatment_roles[i]) && counts_as_line(t)) drugs.insert(drug_key(t));
  }
  return drugs.size();
}

void write_table1(JsonWriter& out, const Cohort& cohort,
                  const std::vector<PatientResponse>& responses, const ReportOptions& options) {
  const double nan = std::nan("");
  const std::size_t n = cohort.patients.size();
  std::vector<double> age, duration, baseline, lines;
  std::size_t male = 0, female = 0;
  std::map<std::string, std::size_t> causes;
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
    if (p.secondary_itp == true)
      ++causes[p.secondary_cause.empty() ? "cause not given" : p.secondary_cause];
  }
  const int type = options.quantile_type;
  out.begin_array();
  write_continuous_row(out, "Age (years)", "age", age, type);
  write_categorical_row(out, "Sex", "sex", "Male", male, male + female, n - male - female);
  write_categorical_row(out, "Sex", "sex", "Female", female, male + female, n - male - female);
  write_continuous_row(out, "ITP duration (months)", "itp_duration_months", duration, type);
  yes_row(out, "Secondary ITP", "secondary_itp", cohort, &Patient::secondary_itp);
  std::size_t secondary = 0;
  for (const auto& [cause, count] : causes) secondary += count;
  for (const auto& [cause, count] : causes)
    write_categorical_row(out, "Cause of secondary ITP", "secondary_cause", cause, count,
                          secondary, 0);
  yes_row(out, "Splenectomy", "splenectomy", cohort, &Patient::splenectomy);
  yes_row(out, "Corticosteroid-refractory", "cs_refractory", cohort, &Patient::cs_refractory);
  yes_row(out, "IVIg-refractory", "ivig_refractory", cohort, &Patient::ivig_refractory);
  yes_row(out, "Bleeding in the month before D0", "bleeding_month_before", cohort,
          &Patient::bleeding_month_before);
  write_continuous_row(out, "Baseline platelets (G/L)", "baseline_platelets", baseline, type);
  write_continuous_row(out, "Prior lines (excluding corticosteroids and IVIg)", "prior_lines",
                       lines, type);
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
    for (std::size_t i = 0; i < r.treatments.size(); ++i) {
      if (!is_prior(r.treatment_roles[i])) continue;
      const Treatment& t = cohort.treatments[r.treatments[i]];
      const std::string drug = drug_key(t);
      by_drug[drug].insert(r.patient);
      const std::string cls = t.match ? std::string(drug_class_name(t.match->drug_class)) : "unknown";
      class_of_drug[drug] = cls;
      by_class[cls].insert(r.patient);
    }
  }
  out.begin_object();
  out.key("patients").value(n);
  out.key("lines");
  write_continuous_row(out, "Prior lines (excluding corticosteroids and IVIg)", "prior_lines",
                       lines, options.quantile_type);
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
