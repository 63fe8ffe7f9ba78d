#include "core/report/cif_report.hpp"

#include <optional>

#include "core/report/rows_json.hpp"
#include "core/survival/competing_counts.hpp"
#include "core/survival/cumulative_incidence.hpp"
#include "core/survival/gray_test.hpp"

namespace itp {
namespace {

Problem notice(std::string code, std::string message,
               std::optional<std::string> column = std::nullopt) {
  return {std::move(code), std::move(message), "", std::nullopt, std::move(column)};
}

// Gray's test per cause, computed before the curves so the strata's tables are freed first.
std::vector<GrayTest> run_tests(const CompetingRows& rows, const CifRequest& request,
                                ProblemLog& log) {
  const std::size_t groups = rows.group_names.size(), causes = rows.cause_names.size();
  std::vector<GrayTest> tests;
  if (!request.group_column || causes == 0) return tests;
  if (groups < 2) {
    log.add(notice("one_group",
                   "the group column holds a single group, so there is nothing to test",
                   request.group_column));
    return tests;
  }
  std::vector<std::uint32_t> cell(rows.time.size());
  for (std::size_t i = 0; i < cell.size(); ++i)
    cell[i] = static_cast<std::uint32_t>(rows.group[i] * (causes + 1) + rows.status[i]);
  const std::vector<TimeSortedRows> by_stratum =
      sort_by_time(rows.time, rows.stratum, rows.strata_names.size(), cell);
  for (std::size_t c = 0; c < causes; ++c) {
    tests.push_back(gray_test(by_stratum, groups, causes, c));
    if (tests.back().singular)
      log.add(notice("singular_test",
                     "for cause \"" + rows.cause_names[c] +
                         "\" the variance of Gray's test is singular, so no chi-squared can be "
                         "given (cuminc reports -1)"));
  }
  return tests;
}

}  // namespace

void write_incidence_columns(JsonWriter& out, const std::vector<double>& time,
                             const std::vector<double>& estimate,
                             const std::vector<double>& variance, double conf_level) {
  const IncidenceLimits limits = log_log_limits(estimate, variance, conf_level);
  out.begin_object();
  out.key("time").array(time);
  out.key("estimate").array(estimate);
  out.key("variance").array(variance);
  out.key("lower").array(limits.lower);
  out.key("upper").array(limits.upper);
  out.end_object();
}

void write_cif_report(JsonWriter& out, const CompetingRows& rows, const CifRequest& request,
                      ProblemLog& log) {
  if (rows.time.empty())
    throw InputError({"no_usable_rows",
                      "no row has both a time and a status that can be read; check the column "
                      "choice and the warnings",
                      "", std::nullopt, std::nullopt});
  // Each curve's counts hold a cell per cause at each time: a status column with hundreds of
  // values is most likely not a status column, and would cost that many times the rows.
  constexpr std::size_t kMaxCauses = 50;
  if (rows.cause_names.size() > kMaxCauses)
    throw InputError({"too_many_causes",
                      "the status column \"" + request.status_column + "\" holds " +
                          std::to_string(rows.cause_names.size()) +
                          " different values besides the censor code \"" + request.censor_value +
                          "\"; a competing-risks analysis takes at most 50 causes. Is it the "
                          "status column?",
                      "", std::nullopt, request.status_column});
  if (rows.cause_names.empty())
    log.add(notice("no_events",
                   "every row used has the censor code \"" + request.censor_value +
                       "\": there is no event of any cause, so no incidence to estimate",
                   request.status_column));
  else if (rows.censored == 0)
    log.add(notice("no_censored_rows",
                   "no row has the censor code \"" + request.censor_value +
                       "\", so every row counts as an event of the cause its status names",
                   request.status_column));

  const std::vector<GrayTest> tests = run_tests(rows, request, log);
  const std::size_t causes = rows.cause_names.size();

  out.begin_object();
  out.key("conf_level").value(request.conf_level);
  out.key("censor_value").value(request.censor_value);
  out.key("causes").array(rows.cause_names);
  out.key("strata");
  if (request.strata_column) out.array(rows.strata_names);
  else out.null();
  out.key("rows");
  write_rows_json(out, rows.rows_read, rows.excluded, rows.censored);

  // In cuminc's order: causes outer, groups inner.
  const std::vector<TimeTable> by_group =
      tabulate_by_time(rows.time, rows.group, rows.group_names.size(), rows.status, causes + 1);
  out.key("groups").begin_array();
  for (std::size_t c = 0; c < causes; ++c) {
    for (std::size_t g = 0; g < by_group.size(); ++g) {
      const CumulativeIncidence curve = cumulative_incidence(by_group[g], c);
      std::int64_t events = 0;
      for (std::size_t t = 0; t < by_group[g].time.size(); ++t) events += by_group[g].at(t, c + 1);
      out.begin_object();
      out.key("name").value(rows.group_names[g]);
      out.key("cause").value(rows.cause_names[c]);
      out.key("n").value(by_group[g].total());
      out.key("events").value(events);
      out.key("last_time").value(curve.last_time);
      out.key("table");
      write_incidence_columns(out, curve.time, curve.estimate, curve.variance, request.conf_level);
      if (!request.times.empty()) {
        const IncidenceAtTimes at = incidence_at_times(curve, request.times);
        out.key("at_times");
        write_incidence_columns(out, at.time, at.estimate, at.variance, request.conf_level);
      }
      out.end_object();
    }
  }
  out.end_array();

  out.key("gray").begin_array();
  for (std::size_t c = 0; c < tests.size(); ++c) {
    out.begin_object();
    out.key("cause").value(rows.cause_names[c]);
    out.key("stat").value(tests[c].stat);
    out.key("df").value(tests[c].df);
    out.key("p").value(tests[c].p);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

}  // namespace itp
