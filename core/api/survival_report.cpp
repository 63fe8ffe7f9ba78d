#include "core/api/survival_report.hpp"

#include <algorithm>

#include "core/survival/kaplan_meier.hpp"
#include "core/survival/log_rank.hpp"
#include "core/survival/quantiles.hpp"
#include "core/survival/risk_table.hpp"
#include "core/survival/summary_at_times.hpp"

namespace itp {
namespace {

Json quantile_json(const QuantileEstimate& q, bool with_probability) {
  Json j;
  if (with_probability) j["probability"] = q.probability;
  j["estimate"] = number_or_null(q.estimate);
  j["lower"] = number_or_null(q.lower);
  j["upper"] = number_or_null(q.upper);
  return j;
}

Json curve_table_json(const KaplanMeier& km, const ConfidenceBand& band) {
  std::vector<double> std_err(km.size());
  for (std::size_t i = 0; i < km.size(); ++i) std_err[i] = km.std_err_log[i] * km.surv[i];
  Json j;
  j["time"] = array_of(km.time);
  j["n_risk"] = array_of(km.n_risk);
  j["n_event"] = array_of(km.n_event);
  j["n_censor"] = array_of(km.n_censor);
  j["surv"] = array_of(km.surv);
  j["std_err"] = array_of(std_err);
  j["lower"] = array_of(band.lower);
  j["upper"] = array_of(band.upper);
  return j;
}

Json at_times_json(const SummaryAtTimes& s) {
  Json j;
  j["time"] = array_of(s.time);
  j["n_risk"] = array_of(s.n_risk);
  j["n_event"] = array_of(s.n_event);
  j["n_censor"] = array_of(s.n_censor);
  j["surv"] = array_of(s.surv);
  j["std_err"] = array_of(s.std_err);
  j["lower"] = array_of(s.lower);
  j["upper"] = array_of(s.upper);
  return j;
}

Json risk_table_json(const RiskTable& r) {
  Json j;
  j["time"] = array_of(r.time);
  j["n_risk"] = array_of(r.n_risk);
  j["cumulative_events"] = array_of(r.cumulative_events);
  j["cumulative_censored"] = array_of(r.cumulative_censored);
  return j;
}

Json group_json(const std::string& name, const EventCounts& counts,
                const SurvivalRequest& request, const std::vector<double>& risk_times) {
  const KaplanMeier km = kaplan_meier(counts);
  const ConfidenceBand band =
      confidence_band(km.surv, km.std_err_log, request.conf_type, request.conf_level);
  std::int64_t events = 0;
  for (std::int64_t d : km.n_event) events += d;

  Json j;
  j["name"] = name;
  j["n"] = counts.total();
  j["events"] = events;
  j["table"] = curve_table_json(km, band);
  j["median"] = quantile_json(median_as_printed(km, band), false);
  Json quantiles = Json::array();
  for (double p : {0.25, 0.75}) quantiles.push_back(quantile_json(quantile_as_computed(km, band, p), true));
  j["quantiles"] = quantiles;
  j["at_times"] = at_times_json(summary_at_times(km, band, request.times));
  j["risk_table"] = risk_table_json(risk_table(km, risk_times));
  return j;
}

// survdiff(Surv(time, event) ~ group + strata(stratum)), on the rows with a stratum, with the
// tie rule applied to those rows alone as survdiff does.
Json test_json(const SurvivalRows& rows, const SurvivalRequest& request, ProblemLog& log) {
  const std::size_t g_count = rows.group_names.size();
  const std::size_t s_count = request.strata_column ? rows.strata_names.size() : 1;
  std::vector<double> time;
  std::vector<std::uint8_t> event;
  std::vector<std::uint32_t> curve;
  for (std::size_t i = 0; i < rows.time.size(); ++i) {
    const std::uint32_t s = request.strata_column ? rows.stratum[i] : 0;
    if (s == kNoCurve) continue;
    time.push_back(rows.time[i]);
    event.push_back(rows.event[i]);
    curve.push_back(static_cast<std::uint32_t>(s * g_count + rows.group[i]));
  }
  const std::vector<EventCounts> flat = tabulate_events(bin_times(time), event, curve, s_count * g_count);
  std::vector<std::vector<EventCounts>> by_stratum(s_count);
  for (std::size_t s = 0; s < s_count; ++s)
    by_stratum[s].assign(flat.begin() + s * g_count, flat.begin() + (s + 1) * g_count);

  const LogRankTest test = log_rank_test(by_stratum, request.rho);
  if (test.df < 1)
    log.add({"no_test", "fewer than two groups have expected events, so no test can be made", "",
             std::nullopt, std::nullopt});
  if (test.singular)
    log.add({"singular_test", "the variance of the test is singular, so no chi-squared can be given",
             "", std::nullopt, std::nullopt});

  Json j;
  j["method"] = request.rho == 0 ? "log-rank" : "Harrington-Fleming";
  j["rho"] = request.rho;
  j["chisq"] = number_or_null(test.chisq);
  j["df"] = test.df;
  j["p"] = number_or_null(test.p);
  j["groups"] = rows.group_names;
  j["observed"] = array_of(test.observed);
  j["expected"] = array_of(test.expected);
  j["strata"] = request.strata_column ? Json(rows.strata_names) : Json(nullptr);
  j["rows_left_out"] = rows.excluded_from_test;
  return j;
}

Json follow_up_json(const EventCounts& everyone, const SurvivalRequest& request) {
  const KaplanMeier reverse = kaplan_meier(swap_events_and_censorings(everyone));
  const ConfidenceBand band =
      confidence_band(reverse.surv, reverse.std_err_log, request.conf_type, request.conf_level);
  Json j;
  j["method"] = "reverse Kaplan-Meier";
  const QuantileEstimate median = median_as_printed(reverse, band);
  j["median"] = number_or_null(median.estimate);
  j["lower"] = number_or_null(median.lower);
  j["upper"] = number_or_null(median.upper);
  return j;
}

Json rows_json(const SurvivalRows& rows) {
  Json excluded = Json::object();
  std::size_t left_out = 0;
  for (const auto& [reason, count] : rows.excluded) {
    excluded[reason] = count;
    left_out += count;
  }
  Json j;
  j["read"] = rows.rows_read;
  j["used"] = rows.rows_read - left_out;
  j["left_out"] = excluded;
  return j;
}

}  // namespace

Json survival_report(const SurvivalRows& rows, const SurvivalRequest& request, ProblemLog& log) {
  if (rows.time.empty())
    throw InputError({"no_usable_rows",
                      "no row has both a time and an event status that can be read; check the "
                      "column choice and the warnings",
                      "", std::nullopt, std::nullopt});
  // One tie rule for all curves, over all used rows, as survfit applies aeqSurv to the data.
  const TimeBins bins = bin_times(rows.time);
  const std::vector<EventCounts> curves =
      tabulate_events(bins, rows.event, rows.group, rows.group_names.size());

  const double last_time = *std::max_element(rows.time.begin(), rows.time.end());
  const std::vector<double> risk_times =
      request.risk_times ? *request.risk_times : nice_time_ticks(last_time);

  Json survival;
  survival["conf_type"] = conf_type_name(request.conf_type);
  survival["conf_level"] = request.conf_level;
  survival["rows"] = rows_json(rows);
  Json groups = Json::array();
  for (std::size_t g = 0; g < curves.size(); ++g)
    groups.push_back(group_json(rows.group_names[g], curves[g], request, risk_times));
  survival["groups"] = groups;

  if (request.group_column && rows.group_names.size() >= 2) {
    survival["test"] = test_json(rows, request, log);
  } else {
    if (request.group_column)
      log.add({"one_group", "the group column holds a single group, so there is nothing to test",
               "", std::nullopt, request.group_column});
    survival["test"] = nullptr;
  }

  const std::vector<std::uint32_t> everyone_curve(rows.time.size(), 0);
  survival["follow_up"] = follow_up_json(tabulate_events(bins, rows.event, everyone_curve, 1)[0], request);
  return survival;
}

}  // namespace itp
