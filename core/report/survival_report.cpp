#include "core/report/survival_report.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/numeric/distributions.hpp"
#include "core/report/rows_json.hpp"

#include "core/survival/kaplan_meier.hpp"
#include "core/survival/log_rank.hpp"
#include "core/survival/pairwise_log_rank.hpp"
#include "core/survival/quantiles.hpp"
#include "core/survival/risk_table.hpp"
#include "core/survival/rmst.hpp"
#include "core/survival/summary_at_times.hpp"
#include "core/survival/trend_test.hpp"
#include "core/stats/p_adjust.hpp"

namespace itp {
namespace {

void write_quantile(JsonWriter& out, const QuantileEstimate& q, bool with_probability) {
  out.begin_object();
  if (with_probability) out.key("probability").value(q.probability);
  out.key("estimate").value(q.estimate);
  out.key("lower").value(q.lower);
  out.key("upper").value(q.upper);
  out.end_object();
}

// The eight columns of summary.survfit, shared by the curve's table and its values at chosen
// times. std_err(i) is that of S at row i: the table computes it as it writes, rather than
// holding another column of a curve that can have 10^5 rows.
template <typename StdErr>
void write_summary_columns(JsonWriter& out, const std::vector<double>& time,
                           const std::vector<std::int64_t>& n_risk,
                           const std::vector<std::int64_t>& n_event,
                           const std::vector<std::int64_t>& n_censor,
                           const std::vector<double>& surv, StdErr std_err,
                           const std::vector<double>& lower, const std::vector<double>& upper) {
  out.begin_object();
  out.key("time").array(time);
  out.key("n_risk").array(n_risk);
  out.key("n_event").array(n_event);
  out.key("n_censor").array(n_censor);
  out.key("surv").array(surv);
  out.key("std_err").begin_array();
  for (std::size_t i = 0; i < time.size(); ++i) out.value(std_err(i));
  out.end_array();
  out.key("lower").array(lower);
  out.key("upper").array(upper);
  out.end_object();
}

void write_curve_table(JsonWriter& out, const KaplanMeier& km, const ConfidenceBand& band) {
  write_summary_columns(
      out, km.time, km.n_risk, km.n_event, km.n_censor, km.surv,
      [&](std::size_t i) { return km.std_err_log[i] * km.surv[i]; }, band.lower, band.upper);
}

void write_at_times(JsonWriter& out, const SummaryAtTimes& s) {
  write_summary_columns(out, s.time, s.n_risk, s.n_event, s.n_censor, s.surv,
                        [&](std::size_t i) { return s.std_err[i]; }, s.lower, s.upper);
}

void write_risk_table(JsonWriter& out, const RiskTable& r) {
  out.begin_object();
  out.key("time").array(r.time);
  out.key("n_risk").array(r.n_risk);
  out.key("cumulative_events").array(r.cumulative_events);
  out.key("cumulative_censored").array(r.cumulative_censored);
  out.end_object();
}

// The rows a figure can show when a curve has more than `max`: the first and the last row of
// each of max/2 equal spans of time, the events and censorings of the rows between added to
// the next row kept, so the counts still add up and every kept row's S, standard error and
// limits are exact. A figure drawn from it is the curve at its resolution.
void thin_for_display(KaplanMeier& km, ConfidenceBand& band, std::size_t max) {
  const std::size_t n = km.size();
  if (n <= max || n == 0) return;
  const std::size_t spans = std::max<std::size_t>(1, max / 2);
  const double last = km.time.back() > 0 ? km.time.back() : 1;
  const auto span_of = [&](std::size_t i) {
    return std::min(spans - 1, static_cast<std::size_t>(km.time[i] / last * spans));
  };
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < n; ++i)
    if (i == 0 || i + 1 == n || span_of(i) != span_of(i - 1) || span_of(i) != span_of(i + 1))
      kept.push_back(i);
  KaplanMeier thin;
  ConfidenceBand thin_band;
  thin_band.type = band.type;
  std::size_t from = 0;
  for (std::size_t i : kept) {
    std::int64_t events = 0, censored = 0;
    for (std::size_t j = from; j <= i; ++j) {
      events += km.n_event[j];
      censored += km.n_censor[j];
    }
    from = i + 1;
    thin.time.push_back(km.time[i]);
    thin.n_risk.push_back(km.n_risk[i]);
    thin.n_event.push_back(events);
    thin.n_censor.push_back(censored);
    thin.surv.push_back(km.surv[i]);
    thin.std_err_log.push_back(km.std_err_log[i]);
    thin_band.lower.push_back(band.lower[i]);
    thin_band.upper.push_back(band.upper[i]);
  }
  km = std::move(thin);
  band = std::move(thin_band);
}

// The restricted mean with its standard error and limits estimate ± z·se at the request's
// level, whatever its CI type (as print(fit, rmean = tau) and the design ask).
void write_rmst(JsonWriter& out, const RestrictedMean& rmst, double conf_level) {
  const double se = std::sqrt(rmst.variance);
  const double z = quantile(StandardNormal{}, 0.5 + conf_level / 2);
  out.begin_object();
  out.key("tau").value(rmst.tau);
  out.key("estimate").value(rmst.estimate);
  out.key("std_err").value(se);
  out.key("lower").value(rmst.estimate - z * se);
  out.key("upper").value(rmst.estimate + z * se);
  out.end_object();
}

// Each later group against the first: the difference of restricted means, its standard error
// (the root of the summed variances: the groups are independent), limits and two-sided p.
void write_rmst_differences(JsonWriter& out, const std::vector<std::string>& names,
                            const std::vector<RestrictedMean>& rmst, double conf_level) {
  const double z = quantile(StandardNormal{}, 0.5 + conf_level / 2);
  out.begin_array();
  for (std::size_t g = 1; g < rmst.size(); ++g) {
    const double estimate = rmst[g].estimate - rmst[0].estimate;
    const double se = std::sqrt(rmst[g].variance + rmst[0].variance);
    out.begin_object();
    out.key("group").value(names[g]);
    out.key("reference").value(names[0]);
    out.key("estimate").value(estimate);
    out.key("std_err").value(se);
    out.key("lower").value(estimate - z * se);
    out.key("upper").value(estimate + z * se);
    out.key("p");
    if (se > 0) out.value(2 * upper_tail(StandardNormal{}, std::fabs(estimate) / se));
    else out.null();
    out.end_object();
  }
  out.end_array();
}

std::optional<RestrictedMean> write_group(JsonWriter& out, const std::string& name,
                                          EventCounts counts, const SurvivalRequest& request,
                                          const std::vector<double>& risk_times) {
  const std::int64_t subjects = counts.total();
  const KaplanMeier km = kaplan_meier(std::move(counts));
  const ConfidenceBand band =
      confidence_band(km.surv, km.std_err_log, request.conf_type, request.conf_level);
  std::int64_t events = 0;
  for (std::int64_t d : km.n_event) events += d;

  out.begin_object();
  out.key("name").value(name);
  out.key("n").value(subjects);
  out.key("events").value(events);
  out.key("table");
  if (request.table_rows_max && km.size() > *request.table_rows_max) {
    KaplanMeier shown = km;
    ConfidenceBand shown_band = band;
    thin_for_display(shown, shown_band, *request.table_rows_max);
    write_curve_table(out, shown, shown_band);
    out.key("table_rows").value(km.size());
  } else {
    write_curve_table(out, km, band);
  }
  out.key("median");
  write_quantile(out, median_as_printed(km, band), false);
  out.key("quantiles").begin_array();
  for (double p : {0.25, 0.75}) write_quantile(out, quantile_as_computed(km, band, p), true);
  out.end_array();
  out.key("at_times");
  write_at_times(out, summary_at_times(km, band, request.times));
  out.key("risk_table");
  write_risk_table(out, risk_table(km, risk_times));
  std::optional<RestrictedMean> rmst;
  if (request.rmst_tau) {
    rmst = restricted_mean(km, *request.rmst_tau);
    out.key("rmst");
    write_rmst(out, *rmst, request.conf_level);
  }
  out.end_object();
  return rmst;
}

// survdiff(Surv(time, event) ~ group + strata(stratum)) on the rows with a stratum. Without
// strata the test's counts are the curves' own; with strata, rows are tabulated per (stratum,
// group), and the tie rule is applied to the test's rows alone as survdiff does.
struct TestResult {
  LogRankTest test;
  std::vector<std::size_t> tested_groups;  // a group none of whose rows has a stratum is not
};

TestResult run_test(const SurvivalRows& rows, const SurvivalRequest& request, const TimeBins& bins,
                    std::vector<EventCounts>& curves, ProblemLog& log) {
  std::vector<std::vector<EventCounts>> by_stratum;
  if (!request.strata_column) {
    by_stratum.push_back(std::move(curves));  // lent to the test, given back below
  } else {
    const std::size_t g_count = rows.group_names.size();
    const std::size_t s_count = rows.strata_names.size();
    std::vector<std::uint32_t> curve(rows.time_id.size());
    std::vector<bool> used(rows.distinct_times.size(), false);
    for (std::size_t i = 0; i < rows.time_id.size(); ++i) {
      if (rows.stratum[i] == kNoCurve) {
        curve[i] = kNoCurve;
      } else {
        curve[i] = static_cast<std::uint32_t>(rows.stratum[i] * g_count + rows.group[i]);
        used[rows.time_id[i]] = true;
      }
    }
    const std::vector<EventCounts> flat =
        rows.excluded_from_test == 0
            ? tabulate_events(bins, rows.time_id, rows.event, curve, s_count * g_count)
            : tabulate_events(TimeBins(rows.distinct_times, used), rows.time_id, rows.event,
                              curve, s_count * g_count);
    for (std::size_t s = 0; s < s_count; ++s)
      by_stratum.emplace_back(flat.begin() + s * g_count, flat.begin() + (s + 1) * g_count);
  }

  TestResult result{log_rank_test(by_stratum, request.rho), {}};
  if (result.test.df < 1)
    log.add({"no_test", "fewer than two groups have expected events, so no test can be made", "",
             std::nullopt, std::nullopt});
  if (result.test.singular)
    log.add({"singular_test",
             "the variance of the test is singular, so no chi-squared can be given", "",
             std::nullopt, std::nullopt});
  // As in survdiff, a group none of whose rows has a stratum is not in the test at all.
  for (std::size_t g = 0; g < rows.group_names.size(); ++g) {
    std::int64_t subjects = 0;
    for (const std::vector<EventCounts>& stratum : by_stratum) subjects += stratum[g].total();
    if (subjects > 0) result.tested_groups.push_back(g);
  }
  if (!request.strata_column) curves = std::move(by_stratum.front());
  return result;
}

void write_test(JsonWriter& out, const SurvivalRows& rows, const SurvivalRequest& request,
                const TestResult& result) {
  const LogRankTest& test = result.test;
  out.begin_object();
  out.key("method").value(request.rho == 0 ? "log-rank" : "Harrington-Fleming");
  out.key("rho").value(request.rho);
  out.key("chisq").value(test.chisq);
  out.key("df").value(test.df);
  out.key("p").value(test.p);
  out.key("groups").begin_array();
  for (std::size_t g : result.tested_groups) out.value(rows.group_names[g]);
  out.end_array();
  out.key("observed").begin_array();
  for (std::size_t g : result.tested_groups) out.value(test.observed[g]);
  out.end_array();
  out.key("expected").begin_array();
  for (std::size_t g : result.tested_groups) out.value(test.expected[g]);
  out.end_array();
  out.key("strata");
  if (request.strata_column) out.array(rows.strata_names);
  else out.null();
  out.key("rows_left_out").value(rows.excluded_from_test);
  out.end_object();
}

// Each pair of groups on its own rows; p adjusted over the pairs that have one.
void write_pairwise(JsonWriter& out, const SurvivalRows& rows, const SurvivalRequest& request,
                    ProblemLog& log) {
  const std::vector<PairTest> pairs =
      pairwise_log_rank(rows, request.strata_column.has_value(), request.rho);
  std::vector<double> p;
  for (const PairTest& pair : pairs) p.push_back(pair.test.p);
  const std::vector<double> adjusted =
      p_adjust(p, *p_adjust_method_from_name(*request.pairwise));
  out.begin_array();
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const PairTest& pair = pairs[k];
    const std::string& a = rows.group_names[pair.first];
    const std::string& b = rows.group_names[pair.second];
    if (std::isnan(pair.test.p))
      log.add({"pairwise_no_test",
               "groups \"" + a + "\" and \"" + b + "\" cannot be compared on their own rows (" +
                   (pair.test.singular ? "the test's variance is singular"
                                       : "fewer than two of them have expected events") +
                   "), so the pair has no p-value",
               "", std::nullopt, request.group_column});
    out.begin_object();
    out.key("groups").begin_array().value(a).value(b).end_array();
    out.key("chisq").value(pair.test.chisq);
    out.key("df").value(pair.test.df);
    out.key("p").value(pair.test.p);
    out.key("p_adjusted").value(adjusted[k]);
    out.end_object();
  }
  out.end_array();
}

// The test for trend from the overall test's observed, expected and variance.
void write_trend(JsonWriter& out, const SurvivalRows& rows, const SurvivalRequest& request,
                 const LogRankTest& test, ProblemLog& log) {
  std::vector<double> scores = request.trend_scores;
  if (scores.empty())
    for (std::size_t g = 0; g < rows.group_names.size(); ++g) scores.push_back(double(g + 1));
  const TrendTest trend = trend_test(test, scores);
  if (std::isnan(trend.chisq))
    log.add({"no_trend_test",
             "the groups' scores carry no information in the test's variance (the groups tested "
             "all have the same score, or too few events), so there is no test for trend",
             "", std::nullopt, request.group_column});
  out.begin_object();
  out.key("chisq").value(trend.chisq);
  out.key("df").value(1);
  out.key("p").value(trend.p);
  out.key("scores").array(trend.scores);
  out.key("groups").array(rows.group_names);
  out.end_object();
}

void write_follow_up(JsonWriter& out, const EventCounts& everyone, const SurvivalRequest& request) {
  const KaplanMeier reverse = kaplan_meier(swap_events_and_censorings(everyone));
  const ConfidenceBand band =
      confidence_band(reverse.surv, reverse.std_err_log, request.conf_type, request.conf_level);
  const QuantileEstimate median = median_as_printed(reverse, band);
  out.begin_object();
  out.key("method").value("reverse Kaplan-Meier");
  out.key("median").value(median.estimate);
  out.key("lower").value(median.lower);
  out.key("upper").value(median.upper);
  out.end_object();
}

}  // namespace

void write_survival_report(JsonWriter& out, const SurvivalRows& rows,
                           const SurvivalRequest& request, ProblemLog& log) {
  if (rows.time_id.empty())
    throw InputError({"no_usable_rows",
                      "no row has both a time and an event status that can be read; check the "
                      "column choice and the warnings",
                      "", std::nullopt, std::nullopt});
  if (request.trend && !request.trend_scores.empty() &&
      request.trend_scores.size() != rows.group_names.size()) {
    std::string names;
    for (const std::string& name : rows.group_names) names += (names.empty() ? "" : ", ") + name;
    throw InputError({"bad_request",
                      "the test for trend has " + std::to_string(request.trend_scores.size()) +
                          " scores but the group column has " +
                          std::to_string(rows.group_names.size()) + " groups (" + names +
                          ", in this order): give one score per group",
                      "", std::nullopt, request.group_column});
  }
  // One tie rule for all curves, over all used rows, as survfit applies aeqSurv to the data.
  const TimeBins bins(rows.distinct_times);
  std::vector<EventCounts> curves =
      tabulate_events(bins, rows.time_id, rows.event, rows.group, rows.group_names.size());
  const EventCounts everyone = pool_curves(curves);

  // About 8 numbers of up to 20 characters for each row of each curve's table.
  std::size_t table_rows = 0;
  for (const EventCounts& c : curves) table_rows += c.time.size();
  out.reserve(table_rows * 8 * 20 + 4096);

  const double last_time = bins.times().back();
  const std::vector<double> risk_times =
      request.risk_times ? *request.risk_times : nice_time_ticks(last_time);

  // The test first, while the curves' counts are whole; each group's counts then go to its
  // Kaplan-Meier estimate instead of being copied.
  std::optional<TestResult> test;
  if (request.group_column && rows.group_names.size() >= 2) {
    test = run_test(rows, request, bins, curves, log);
  } else if (request.group_column) {
    log.add({"one_group", "the group column holds a single group, so there is nothing to test", "",
             std::nullopt, request.group_column});
  } else if (request.pairwise || request.trend) {
    log.add({"no_groups_to_compare",
             "pairwise tests and the test for trend compare groups: choose a group column", "",
             std::nullopt, std::nullopt});
  }

  out.begin_object();
  out.key("conf_type").value(conf_type_name(request.conf_type));
  out.key("conf_level").value(request.conf_level);
  if (request.landmark) out.key("landmark").value(*request.landmark);
  out.key("rows");
  write_rows_json(out, rows.rows_read, rows.excluded);
  out.key("groups").begin_array();
  std::vector<RestrictedMean> rmst;
  for (std::size_t g = 0; g < curves.size(); ++g) {
    if (std::optional<RestrictedMean> r =
            write_group(out, rows.group_names[g], std::move(curves[g]), request, risk_times))
      rmst.push_back(*r);
  }
  out.end_array();
  if (rmst.size() >= 2) {
    out.key("rmst_difference");
    write_rmst_differences(out, rows.group_names, rmst, request.conf_level);
  }
  out.key("test");
  if (test) write_test(out, rows, request, *test);
  else out.null();
  if (request.pairwise && test) {
    out.key("pairwise_adjustment").value(request.pairwise->c_str());
    out.key("pairwise");
    write_pairwise(out, rows, request, log);
  }
  if (request.trend && test) {
    out.key("trend");
    write_trend(out, rows, request, test->test, log);
  }
  out.key("follow_up");
  write_follow_up(out, everyone, request);
  out.end_object();
}

}  // namespace itp
