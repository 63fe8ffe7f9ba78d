#include "core/report/platelet_course_report.hpp"

#include <map>

#include "core/stats/sample_quantiles.hpp"

namespace itp {

void write_platelets_by_week(JsonWriter& out, const Cohort& cohort, const ReportOptions& options) {
  // week -> patient -> that patient's counts in the week
  std::map<Day, std::map<PatientIndex, std::vector<double>>> by_week;
  for (const PlateletCount& count : cohort.platelets)
    if (count.day >= 0) by_week[count.day / 7][count.patient].push_back(count.platelets.value);
  const QuantileType type = quantile_type(options.quantile_type);
  std::vector<double> week, patients, median, q1, q3;
  for (const auto& [w, counts_by_patient] : by_week) {
    std::vector<double> values;
    for (const auto& [patient, counts] : counts_by_patient)
      values.push_back(summarize(SortedSample(counts), type).median);
    const FiveNumber s = summarize(SortedSample(values), type);
    week.push_back(static_cast<double>(w));
    patients.push_back(static_cast<double>(s.n));
    median.push_back(s.median);
    q1.push_back(s.q1);
    q3.push_back(s.q3);
  }
  out.begin_object();
  out.key("unit").value("weeks");
  out.key("quantile_type").value(options.quantile_type);
  out.key("week").array(week);
  out.key("patients").array(patients);
  out.key("median").array(median);
  out.key("q1").array(q1);
  out.key("q3").array(q3);
  out.end_object();
}

}  // namespace itp
