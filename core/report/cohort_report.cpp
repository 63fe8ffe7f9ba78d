#include "core/report/cohort_report.hpp"

#include "core/report/patient_responses_json.hpp"
#include "core/numeric/decimal_format.hpp"
#include "core/report/infusions_report.hpp"
#include "core/report/platelet_course_report.hpp"
#include "core/report/response_report.hpp"
#include "core/report/safety_report.hpp"
#include "core/report/table1_report.hpp"
#include "core/report/response_incidence_report.hpp"
#include "core/report/time_to_event_report.hpp"

namespace itp {
namespace {

// The column of `canonical` in the table a record came from, as the file names it.
std::optional<std::string> column_of(const Cohort& cohort, const SourceRow& row,
                                     const std::string& canonical) {
  for (const ColumnMapping& c : cohort.tables[row.table].columns)
    if (c.canonical == canonical) return c.column;
  return std::nullopt;
}

// The baseline as the counts give it, checked against what the rule took: a value in the
// patients table that differs from the counts, several counts on the baseline's day.
void warn_baseline(const Cohort& cohort, const std::vector<PatientResponse>& responses,
                   ProblemLog& log) {
  for (const PatientResponse& r : responses) {
    const Patient& p = cohort.patients[r.patient];
    const BaselineUsed& b = r.baseline;
    if (!b.counts_day) continue;
    const std::string on_day = "day " + std::to_string(*b.counts_day);
    if (b.source == "patients table" && b.value && b.from_counts && *b.value != *b.from_counts) {
      Problem problem{"baseline_differs_from_counts",
                      "patient " + p.id + ": baseline_platelets " + decimal_text(*b.value) +
                          " differs from the count on " + on_day + " (" +
                          decimal_text(*b.from_counts) +
                          "); the patients table's value is the baseline",
                      cohort.tables[p.source.table].file, static_cast<std::size_t>(p.source.row),
                      column_of(cohort, p.source, "baseline_platelets")};
      problem.row_kept = true;
      log.add(std::move(problem));
    }
    if (b.counts_on_day > 1) {
      Problem problem{"several_baseline_counts",
                      "patient " + p.id + ": " + std::to_string(b.counts_on_day) +
                          " counts on " + on_day + "; the lowest (" +
                          decimal_text(*b.from_counts) + ") is " +
                          (b.source == "patients table" ? "what the counts give"
                                                        : "the baseline"),
                      cohort.tables[p.source.table].file, static_cast<std::size_t>(p.source.row),
                      std::nullopt};
      if (b.source != "patients table" && b.row) {
        problem.file = cohort.tables[b.row->table].file;
        problem.row = static_cast<std::size_t>(b.row->row);
        problem.column = column_of(cohort, *b.row, "platelets");
      }
      problem.row_kept = true;
      log.add(std::move(problem));
    }
  }
}

// A patient left out of a survival curve is named, with the reason, never dropped in silence.
void warn_left_out(const Cohort& cohort, const std::vector<PatientResponse>& responses,
                   ProblemLog& log) {
  for (const PatientResponse& r : responses) {
    const Patient& p = cohort.patients[r.patient];
    const auto warn = [&](const std::string& code, const std::string& curve,
                          const std::string& reason) {
      log.add({code, "patient " + p.id + " (" + std::string(category_name(r.category)) +
                         ") is left out of the " + curve + " curve: " + reason,
               cohort.tables[p.source.table].file, static_cast<std::size_t>(p.source.row),
               std::nullopt});
    };
    if (!r.rfs_missing_reason.empty()) warn("rfs_left_out", "RFS", r.rfs_missing_reason);
    if (!r.os_missing_reason.empty()) warn("os_left_out", "OS", r.os_missing_reason);
  }
}

}  // namespace

void write_cohort_report(JsonWriter& out, const Cohort& cohort,
                         const std::vector<PatientResponse>& responses,
                         const ResponseCriteria& criteria, const ReportOptions& options,
                         ProblemLog& log) {
  out.key("patients");
  write_patient_responses(out, cohort, responses);
  out.key("table1");
  write_table1(out, cohort, responses, options);
  out.key("prior_treatments");
  write_prior_treatments(out, cohort, responses, options);
  out.key("infusions");
  write_infusions(out, cohort, options);
  out.key("follow_up");
  write_follow_up(out, responses, options);
  out.key("response");
  write_response(out, cohort, responses, criteria, options);
  out.key("time_to_response");
  write_time_to_response(out, responses, options);
  warn_baseline(cohort, responses, log);
  warn_left_out(cohort, responses, log);
  out.key("response_incidence");
  write_response_incidence(out, responses, options);
  out.key("rfs");
  write_time_to_event(out, responses, &PatientResponse::rfs, options.rfs_risk_weeks,
                      options.os_risk_months, options, log);
  out.key("os");
  write_time_to_event(out, responses, &PatientResponse::os, options.rfs_risk_weeks,
                      options.os_risk_months, options, log);
  out.key("platelets_by_week");
  write_platelets_by_week(out, cohort, options);
  out.key("safety");
  write_safety(out, cohort, options);
  out.key("footnotes").begin_array();
  out.value("Continuous variables: median [IQR] (min-max), quantiles by R's type " +
            std::to_string(options.quantile_type) + " (Hyndman & Fan 1996" +
            (options.quantile_type == 7   ? "; R's default)"
             : options.quantile_type == 2 ? "; SAS's default)"
             : options.quantile_type == 6 ? "; SPSS's and Stata's)"
                                          : ")"));
  out.value("Categorical variables: n (%) of the patients whose value is known (the denominator).");
  if (const std::size_t several = patients_with_several_causes(cohort))
    out.value("Causes of secondary ITP: " + std::to_string(several) +
              (several == 1 ? " patient has" : " patients have") +
              " several causes, so the causes add up to more than the patients with secondary "
              "ITP; each percent is of all patients.");
  out.value(std::string("Response rates with ") +
            (options.ci_method == ReportOptions::BinomialCi::wilson
                 ? "Wilson score" : "Clopper-Pearson exact") +
            " confidence intervals; excluded and not evaluable patients are outside the "
            "denominator.");
  out.end_array();
}

}  // namespace itp
