#include "core/report/cohort_report.hpp"

#include "core/api/patient_responses_json.hpp"
#include "core/report/infusions_report.hpp"
#include "core/report/response_report.hpp"
#include "core/report/safety_report.hpp"
#include "core/report/table1_report.hpp"
#include "core/report/time_to_event_report.hpp"

namespace itp {
namespace {

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
  warn_left_out(cohort, responses, log);
  out.key("rfs");
  write_time_to_event(out, responses, &PatientResponse::rfs, options.rfs_risk_weeks,
                      options.os_risk_months, options, log);
  out.key("os");
  write_time_to_event(out, responses, &PatientResponse::os, options.rfs_risk_weeks,
                      options.os_risk_months, options, log);
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
  out.value(std::string("Response rates with ") +
            (options.ci_method == ReportOptions::BinomialCi::wilson
                 ? "Wilson score" : "Clopper-Pearson exact") +
            " confidence intervals; excluded and not evaluable patients are outside the "
            "denominator.");
  out.end_array();
}

}  // namespace itp
