#include "core/report/response_report.hpp"

#include <algorithm>
#include <cmath>

#include "core/report/summary_rows.hpp"
#include "core/report/time_units.hpp"
#include "core/stats/binomial_interval.hpp"
#include "core/stats/fisher_exact.hpp"
#include "core/stats/sample_quantiles.hpp"

namespace itp {
namespace {

bool evaluable(ResponseCategory c) {
  return c == ResponseCategory::CR || c == ResponseCategory::R || c == ResponseCategory::NR;
}
bool responded(ResponseCategory c) {
  return c == ResponseCategory::CR || c == ResponseCategory::R;
}

void category(JsonWriter& out, const char* name, std::size_t count, std::size_t denominator,
              const ReportOptions& options) {
  out.key(name).begin_object();
  out.key("count").value(count);
  out.key("percent").value(percent_of(count, denominator));
  if (denominator > 0) {
    const int x = static_cast<int>(count), n = static_cast<int>(denominator);
    const BinomialInterval ci = options.ci_method == ReportOptions::BinomialCi::wilson
                                    ? wilson(x, n, options.conf_level)
                                    : clopper_pearson(x, n, options.conf_level);
    out.key("ci_lower").value(ci.lower);
    out.key("ci_upper").value(ci.upper);
  } else {
    out.key("ci_lower").null();
    out.key("ci_upper").null();
  }
  out.end_object();
}

void patient_list(JsonWriter& out, const Cohort& cohort,
                  const std::vector<PatientResponse>& responses, ResponseCategory wanted) {
  out.begin_array();
  for (const PatientResponse& r : responses) {
    if (r.category != wanted) continue;
    out.begin_object();
    out.key("patient_id").value(cohort.patients[r.patient].id);
    out.key("reason").value(r.reason);
    out.end_object();
  }
  out.end_array();
}

// Overall response among evaluable patients with and without a treatment of `role`, and
// Fisher's exact test of the 2x2 table.
void by_treatment_role(JsonWriter& out, const std::vector<PatientResponse>& responses,
                       TreatmentRole role, const ReportOptions& options) {
  std::size_t with[2] = {0, 0}, without[2] = {0, 0};  // [responders, others]
  for (const PatientResponse& r : responses) {
    if (!evaluable(r.category)) continue;
    bool has = false;
    for (TreatmentRole t : r.treatment_roles) has = has || t == role;
    (has ? with : without)[responded(r.category) ? 0 : 1] += 1;
  }
  out.begin_object();
  out.key("role").value(treatment_role_name(role));
  for (const auto& [name, counts] : {std::pair<const char*, std::size_t*>{"with", with},
                                     std::pair<const char*, std::size_t*>{"without", without}}) {
    out.key(name).begin_object();
    const std::size_t d = counts[0] + counts[1];
    out.key("patients").value(d);
    category(out, "OR", counts[0], d, options);
    out.end_object();
  }
  out.key("fisher_p");
  const std::optional<double> p = fisher_exact_p(
      {{static_cast<int>(with[0]), static_cast<int>(with[1])},
       {static_cast<int>(without[0]), static_cast<int>(without[1])}});
  if (p && with[0] + with[1] > 0 && without[0] + without[1] > 0) out.value(*p);
  else out.null();
  out.end_object();
}

bool has_role(const PatientResponse& r, TreatmentRole role) {
  return std::find(r.treatment_roles.begin(), r.treatment_roles.end(), role) !=
         r.treatment_roles.end();
}

// The seed's subgroup of patients given daratumumab alone: evaluable, with neither a background
// nor a concomitant treatment. Its CR, R and OR, and the comparison with the others.
void neither_role(JsonWriter& out, const std::vector<PatientResponse>& responses,
                  const ReportOptions& options) {
  std::size_t alone[3] = {0, 0, 0}, others[2] = {0, 0};  // alone: CR, R, NR; others: OR, NR
  for (const PatientResponse& r : responses) {
    if (!evaluable(r.category)) continue;
    if (has_role(r, TreatmentRole::background) || has_role(r, TreatmentRole::concomitant)) {
      ++others[responded(r.category) ? 0 : 1];
    } else {
      ++alone[r.category == ResponseCategory::CR ? 0 : r.category == ResponseCategory::R ? 1 : 2];
    }
  }
  const std::size_t n = alone[0] + alone[1] + alone[2];
  out.begin_object();
  out.key("role").value("neither");
  out.key("patients").value(n);
  category(out, "CR", alone[0], n, options);
  category(out, "R", alone[1], n, options);
  category(out, "OR", alone[0] + alone[1], n, options);
  out.key("with").begin_object();
  out.key("patients").value(n);
  category(out, "OR", alone[0] + alone[1], n, options);
  out.end_object();
  out.key("without").begin_object();
  out.key("patients").value(others[0] + others[1]);
  category(out, "OR", others[0], others[0] + others[1], options);
  out.end_object();
  out.key("fisher_p");
  const std::optional<double> p = fisher_exact_p(
      {{static_cast<int>(alone[0] + alone[1]), static_cast<int>(alone[2])},
       {static_cast<int>(others[0]), static_cast<int>(others[1])}});
  if (p && n > 0 && others[0] + others[1] > 0) out.value(*p);
  else out.null();
  out.end_object();
}

// Patients in CR at the landmark who needed no new ITP treatment (a subsequent one) before a
// relapse, if any: how many relapsed (loss of response by counts) and when, in months from D0.
// Background and concomitant treatments do not count: the seed's 4 long-lasting CRs "without
// other treatment" are more than its 2 patients given neither.
void cr_without_other_treatment(JsonWriter& out, const Cohort& cohort,
                                const std::vector<PatientResponse>& responses) {
  std::vector<std::string> ids;
  std::vector<double> relapse_months;
  for (const PatientResponse& r : responses) {
    if (r.category != ResponseCategory::CR || r.loss_by_treatment) continue;
    bool other = false;
    for (std::size_t i = 0; i < r.treatments.size(); ++i) {
      if (r.treatment_roles[i] != TreatmentRole::subsequent) continue;
      const std::optional<Day>& start = cohort.treatments[r.treatments[i]].start_day;
      other = other || !r.loss_day || !start || *start < *r.loss_day;
    }
    if (other) continue;
    ids.push_back(cohort.patients[r.patient].id);
    if (r.loss_day) relapse_months.push_back(*r.loss_day / kDaysPerMonth);
  }
  out.begin_object();
  out.key("patients").value(ids.size());
  out.key("relapses").value(relapse_months.size());
  out.key("relapse_months").begin_array();
  for (double m : relapse_months) out.value(m);
  out.end_array();
  out.key("patient_ids").begin_array();
  for (const std::string& id : ids) out.value(id);
  out.end_array();
  out.end_object();
}

}  // namespace

void write_response(JsonWriter& out, const Cohort& cohort,
                    const std::vector<PatientResponse>& responses,
                    const ResponseCriteria& criteria, const ReportOptions& options) {
  std::size_t cr = 0, r = 0, nr = 0;
  for (const PatientResponse& p : responses) {
    if (p.category == ResponseCategory::CR) ++cr;
    if (p.category == ResponseCategory::R) ++r;
    if (p.category == ResponseCategory::NR) ++nr;
  }
  const std::size_t denominator = cr + r + nr;
  out.begin_object();
  out.key("landmark_day").value(criteria.landmark.day);
  out.key("window").begin_array().value(criteria.landmark.window_from)
      .value(criteria.landmark.window_to).end_array();
  out.key("denominator").value(denominator);
  out.key("categories").begin_object();
  category(out, "CR", cr, denominator, options);
  category(out, "R", r, denominator, options);
  category(out, "OR", cr + r, denominator, options);
  category(out, "NR", nr, denominator, options);
  out.end_object();
  out.key("ci_method").value(options.ci_method == ReportOptions::BinomialCi::wilson
                                 ? "wilson" : "clopper-pearson");
  out.key("conf_level").value(options.conf_level);
  out.key("excluded");
  patient_list(out, cohort, responses, ResponseCategory::excluded);
  out.key("not_evaluable");
  patient_list(out, cohort, responses, ResponseCategory::NE);
  // Later landmarks: the categories the patients evaluable at the main one reach there.
  out.key("other_landmarks").begin_array();
  for (std::size_t k = 0; k < criteria.other_landmarks.size(); ++k) {
    std::size_t counts[5] = {0, 0, 0, 0, 0};  // by ResponseCategory
    for (const PatientResponse& p : responses)
      if (k < p.other_landmarks.size()) ++counts[static_cast<int>(p.other_landmarks[k].category)];
    const std::size_t d = counts[0] + counts[1] + counts[2];
    out.begin_object();
    out.key("landmark_day").value(criteria.other_landmarks[k].day);
    out.key("window").begin_array().value(criteria.other_landmarks[k].window_from)
        .value(criteria.other_landmarks[k].window_to).end_array();
    out.key("denominator").value(d);
    out.key("categories").begin_object();
    category(out, "CR", counts[0], d, options);
    category(out, "R", counts[1], d, options);
    category(out, "OR", counts[0] + counts[1], d, options);
    category(out, "NR", counts[2], d, options);
    out.end_object();
    out.key("not_evaluable").value(counts[3]);
    out.key("died_before").value(counts[4]);
    out.end_object();
  }
  out.end_array();
  out.key("by_treatment").begin_array();
  by_treatment_role(out, responses, TreatmentRole::concomitant, options);
  by_treatment_role(out, responses, TreatmentRole::background, options);
  neither_role(out, responses, options);
  out.end_array();
  out.key("cr_without_other_treatment");
  cr_without_other_treatment(out, cohort, responses);
  out.end_object();
}

void write_time_to_response(JsonWriter& out, const std::vector<PatientResponse>& responses,
                            const ReportOptions& options) {
  std::vector<double> days;
  for (const PatientResponse& r : responses)
    if (r.time_to_response_days) days.push_back(*r.time_to_response_days);
  const FiveNumber s = summarize(SortedSample(days), quantile_type(options.quantile_type));
  out.begin_object();
  out.key("n").value(s.n);
  out.key("median").value(s.median);
  out.key("q1").value(s.q1);
  out.key("q3").value(s.q3);
  out.key("min").value(s.min);
  out.key("max").value(s.max);
  out.key("unit").value("days");
  out.key("quantile_type").value(options.quantile_type);
  out.end_object();
}

}  // namespace itp
