#include "core/report/response_incidence_report.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>

#include "core/report/cif_report.hpp"
#include "core/report/time_units.hpp"
#include "core/survival/competing_counts.hpp"
#include "core/survival/cumulative_incidence.hpp"

namespace itp {
namespace {

// Cells of the time table: 0 censored, then one per cause in this order.
constexpr std::array<const char*, 3> kCauses = {"response", "new_treatment", "death"};

struct FirstEvent {
  double days;
  std::uint32_t cell;
};

std::optional<FirstEvent> first_event(const PatientResponse& r) {
  if (!r.os) return std::nullopt;
  const double end = r.os->days;  // death or last follow-up
  if (r.first_response_day && *r.first_response_day <= end &&
      (!r.first_subsequent_day || *r.first_response_day <= *r.first_subsequent_day))
    return FirstEvent{double(*r.first_response_day), 1};
  if (r.first_subsequent_day && *r.first_subsequent_day <= end)
    return FirstEvent{double(*r.first_subsequent_day), 2};
  return FirstEvent{end, r.os->event ? 3u : 0u};
}

}  // namespace

void write_response_incidence(JsonWriter& out, const std::vector<PatientResponse>& responses,
                              const ReportOptions& options) {
  std::vector<double> months;
  std::vector<std::uint32_t> cell;
  std::map<std::string, std::size_t> left_out;
  for (const PatientResponse& r : responses) {
    const bool evaluable = r.category == ResponseCategory::CR ||
                           r.category == ResponseCategory::R || r.category == ResponseCategory::NR;
    if (!evaluable) {
      ++left_out[std::string(category_name(r.category))];
      continue;
    }
    const std::optional<FirstEvent> event = first_event(r);
    if (!event) {
      ++left_out["no_follow_up"];
      continue;
    }
    months.push_back(event->days / kDaysPerMonth);
    cell.push_back(event->cell);
  }
  if (months.empty()) {
    out.null();
    return;
  }
  const std::vector<std::uint32_t> one_set(months.size(), 0);
  const TimeTable table = tabulate_by_time(months, one_set, 1, cell, kCauses.size() + 1).front();
  std::array<std::int64_t, kCauses.size() + 1> events{};
  for (std::uint32_t c : cell) ++events[c];

  out.begin_object();
  out.key("n").value(months.size());
  out.key("unit").value("months");
  // Where the curves end: each stays flat from its last event to the longest first-event time.
  out.key("last_time").value(*std::max_element(months.begin(), months.end()));
  out.key("events").begin_object();
  for (std::size_t c = 0; c < kCauses.size(); ++c) out.key(kCauses[c]).value(events[c + 1]);
  out.key("censored").value(events[0]);
  out.end_object();
  out.key("left_out").begin_object();
  for (const auto& [reason, count] : left_out) out.key(reason).value(count);
  out.end_object();
  out.key("curves").begin_array();
  for (std::size_t c = 0; c < kCauses.size(); ++c) {
    const CumulativeIncidence curve = cumulative_incidence(table, c);
    const IncidenceAtTimes at = incidence_at_times(curve, options.incidence_months);
    out.begin_object();
    out.key("cause").value(kCauses[c]);
    out.key("events").value(events[c + 1]);
    out.key("table");
    write_incidence_columns(out, curve.time, curve.estimate, curve.variance, options.conf_level);
    out.key("at_times");
    write_incidence_columns(out, at.time, at.estimate, at.variance, options.conf_level);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

}  // namespace itp
