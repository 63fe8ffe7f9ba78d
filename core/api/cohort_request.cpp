#include "core/api/cohort_request.hpp"

#include <algorithm>

#include "core/io/problem.hpp"
#include "core/response/presets.hpp"

namespace itp {
namespace {

[[noreturn]] void bad_field(const std::string& field, const std::string& expected) {
  throw InputError({"bad_request", "\"report." + field + "\" must be " + expected, "",
                    std::nullopt, std::nullopt});
}

std::vector<double> times(const Json& value, const std::string& field) {
  if (!value.is_array() || value.empty()) bad_field(field, "a list of times");
  std::vector<double> list;
  for (const Json& t : value) {
    if (!t.is_number() || t.get<double>() < 0) bad_field(field, "a list of times from 0");
    list.push_back(t.get<double>());
  }
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
  return list;
}

}  // namespace

ResponseCriteria criteria_of_request(const Json& request) {
  if (!request.contains("criteria")) return preset_criteria("seed-2026");
  const Json& criteria = request["criteria"];
  if (criteria.is_string()) return preset_criteria(criteria.get<std::string>());
  return parse_criteria(criteria);
}

ReportOptions parse_report_options(const Json& request) {
  ReportOptions options;
  if (!request.contains("report")) return options;
  const Json& report = request["report"];
  if (!report.is_object()) bad_field("", "an object");
  for (const auto& [key, value] : report.items()) {
    if (key == "quantile_type") {
      if (!value.is_number_integer() || value.get<int>() < 1 || value.get<int>() > 9)
        bad_field(key, "a quantile type of R, 1 to 9 (7: R's default, 2: SAS, 6: SPSS/Stata)");
      options.quantile_type = value.get<int>();
    } else if (key == "ci_method") {
      if (value == "clopper-pearson") options.ci_method = ReportOptions::BinomialCi::clopper_pearson;
      else if (value == "wilson") options.ci_method = ReportOptions::BinomialCi::wilson;
      else bad_field(key, "\"clopper-pearson\" or \"wilson\"");
    } else if (key == "conf_level") {
      if (!value.is_number() || value.get<double>() <= 0 || value.get<double>() >= 1)
        bad_field(key, "a number between 0 and 1");
      options.conf_level = value.get<double>();
    } else if (key == "rfs_risk_weeks") {
      options.rfs_risk_weeks = times(value, key);
    } else if (key == "os_risk_months") {
      options.os_risk_months = times(value, key);
    } else if (key == "estimate_months") {
      options.estimate_months = times(value, key);
    } else if (key == "lab_thresholds") {
      if (!value.is_array()) bad_field(key, "a list of {\"test\", \"below\"}");
      options.lab_thresholds.clear();
      for (const Json& t : value) {
        if (!t.is_object() || !t.contains("test") || !t["test"].is_string() ||
            !t.contains("below") || !t["below"].is_number())
          bad_field(key, "a list of {\"test\": name, \"below\": number}");
        options.lab_thresholds.push_back({t["test"].get<std::string>(), t["below"].get<double>()});
      }
    } else {
      bad_field(key, "one of quantile_type, ci_method, conf_level, rfs_risk_weeks, "
                     "os_risk_months, estimate_months, lab_thresholds (it is not a report field)");
    }
  }
  return options;
}

Json report_options_to_json(const ReportOptions& options) {
  Json j;
  j["quantile_type"] = options.quantile_type;
  j["ci_method"] = options.ci_method == ReportOptions::BinomialCi::wilson ? "wilson"
                                                                          : "clopper-pearson";
  j["conf_level"] = options.conf_level;
  j["rfs_risk_weeks"] = options.rfs_risk_weeks;
  j["os_risk_months"] = options.os_risk_months;
  j["estimate_months"] = options.estimate_months;
  Json labs = Json::array();
  for (const LabThreshold& t : options.lab_thresholds)
    labs.push_back({{"test", t.test}, {"below", t.below}});
  j["lab_thresholds"] = labs;
  return j;
}

}  // namespace itp
