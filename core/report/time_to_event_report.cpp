#include "core/report/time_to_event_report.hpp"

#include "core/report/survival_report.hpp"
#include "core/report/survival_rows_from.hpp"

namespace itp {
namespace {

void write_in_unit(JsonWriter& out, const std::vector<double>& days,
                   const std::vector<std::uint8_t>& events, double days_per_unit,
                   const std::vector<double>& risk_times, const std::vector<double>& at_times,
                   const ReportOptions& options, ProblemLog& log) {
  std::vector<double> time(days.size());
  for (std::size_t i = 0; i < days.size(); ++i) time[i] = days[i] / days_per_unit;
  SurvivalRequest request;
  request.conf_level = options.conf_level;
  request.risk_times = risk_times;
  request.times = at_times;
  write_survival_report(out, survival_rows_from(time, events), request, log);
}

}  // namespace

void write_time_to_event(JsonWriter& out, const std::vector<PatientResponse>& responses,
                         std::optional<TimeToEvent> PatientResponse::*which,
                         const std::vector<double>& risk_weeks,
                         const std::vector<double>& risk_months, const ReportOptions& options,
                         ProblemLog& log) {
  std::vector<double> days;
  std::vector<std::uint8_t> events;
  for (const PatientResponse& r : responses) {
    const std::optional<TimeToEvent>& t = r.*which;
    if (!t) continue;
    days.push_back(t->days);
    events.push_back(t->event ? 1 : 0);
  }
  if (days.empty()) {
    out.null();
    return;
  }
  std::vector<double> at_weeks;
  for (double m : options.estimate_months) at_weeks.push_back(m * kDaysPerMonth / kDaysPerWeek);
  out.begin_object();
  out.key("n").value(days.size());
  out.key("weeks");
  write_in_unit(out, days, events, kDaysPerWeek, risk_weeks, at_weeks, options, log);
  out.key("months");
  write_in_unit(out, days, events, kDaysPerMonth, risk_months, options.estimate_months, options,
                log);
  out.end_object();
}

}  // namespace itp
