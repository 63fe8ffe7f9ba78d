#include "core/report/infusions_report.hpp"

#include <cmath>
#include <map>

#include "core/report/summary_rows.hpp"
#include "core/report/time_units.hpp"
#include "core/report/survival_rows_from.hpp"
#include "core/survival/confidence_band.hpp"
#include "core/survival/event_counts.hpp"
#include "core/survival/kaplan_meier.hpp"
#include "core/survival/quantiles.hpp"

namespace itp {
namespace {


std::string dose_text(const Infusion& i) {
  if (!i.dose) return "not given";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%g", *i.dose);
  return i.dose_unit.empty() ? std::string(buffer) : std::string(buffer) + " " + i.dose_unit;
}

}  // namespace

void write_infusions(JsonWriter& out, const Cohort& cohort, const ReportOptions& options) {
  const std::size_t n = cohort.patients.size();
  std::vector<double> per_patient(n, 0);
  std::vector<std::map<std::string, std::size_t>> routes(n);
  std::map<std::string, std::map<std::string, std::size_t>> doses;  // route -> dose -> infusions
  for (const Infusion& i : cohort.infusions) {
    per_patient[i.patient] += 1;
    const std::string route = i.route.empty() ? "not given" : i.route;
    ++routes[i.patient][route];
    ++doses[route][dose_text(i)];
  }
  // A patient's route: the one of all their infusions, "mixed" when they had several.
  std::map<std::string, std::size_t> patients_by_route;
  std::size_t with_infusions = 0;
  for (const auto& r : routes) {
    if (r.empty()) continue;
    ++with_infusions;
    ++patients_by_route[r.size() == 1 ? r.begin()->first : "mixed"];
  }
  out.begin_object();
  out.key("total").value(cohort.infusions.size());
  out.key("per_patient");
  write_continuous_row(out, "Infusions per patient", "infusions", per_patient,
                       options.quantile_type);
  out.key("route").begin_array();
  for (const auto& [route, count] : patients_by_route)
    write_categorical_row(out, "Route", "route", route, count, with_infusions,
                          n - with_infusions);
  out.end_array();
  out.key("doses").begin_array();
  for (const auto& [route, by_dose] : doses)
    for (const auto& [dose, count] : by_dose)
      out.begin_object().key("route").value(route).key("dose").value(dose)
          .key("infusions").value(count).end_object();
  out.end_array();
  out.end_object();
}

void write_follow_up(JsonWriter& out, const std::vector<PatientResponse>& responses,
                     const ReportOptions& options) {
  std::vector<double> months, observed;
  std::vector<std::uint8_t> dead;
  const double nan = std::nan("");
  for (const PatientResponse& r : responses) {
    if (!r.os) {
      observed.push_back(nan);
      continue;
    }
    months.push_back(r.os->days / kDaysPerMonth);
    dead.push_back(r.os->event ? 1 : 0);
    observed.push_back(r.os->days / kDaysPerMonth);
  }
  out.begin_object();
  out.key("unit").value("months");
  out.key("reverse_km");
  if (months.empty()) {
    out.null();
  } else {
    // Follow-up by reverse Kaplan-Meier: being censored is the "event", death censors.
    const SurvivalRows rows = survival_rows_from(months, dead);
    const TimeBins bins(rows.distinct_times);
    const EventCounts everyone = tabulate_events(bins, rows.time_id, rows.event, {}, 1)[0];
    const KaplanMeier reverse = kaplan_meier(swap_events_and_censorings(everyone));
    const ConfidenceBand band = confidence_band(reverse.surv, reverse.std_err_log, ConfType::log,
                                                options.conf_level);
    const QuantileEstimate median = median_as_printed(reverse, band);
    out.begin_object();
    out.key("median").value(median.estimate);
    out.key("lower").value(median.lower);
    out.key("upper").value(median.upper);
    out.end_object();
  }
  out.key("observed");
  write_continuous_row(out, "Observed follow-up (months)", "follow_up", observed,
                       options.quantile_type);
  out.end_object();
}

}  // namespace itp
