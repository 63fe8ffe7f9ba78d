// The cohort report's cumulative incidence of response with a new treatment and death as
// competing events (core/report/response_incidence_report.hpp): who is in it, each patient's
// first event, and the curve by hand, with the variance cmprsk::cuminc gives.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/json/json_writer.hpp"
#include "core/report/response_incidence_report.hpp"

namespace {

using itp::PatientResponse;
using itp::ResponseCategory;

PatientResponse patient(ResponseCategory category, std::optional<itp::Day> response,
                        std::optional<itp::Day> new_treatment, double end_day, bool died) {
  PatientResponse r;
  r.category = category;
  r.first_response_day = response;
  r.first_subsequent_day = new_treatment;
  r.os = itp::TimeToEvent{end_day, died, died ? "death" : ""};
  return r;
}

nlohmann::json incidence(const std::vector<PatientResponse>& responses) {
  itp::JsonWriter out;
  itp::ReportOptions options;
  options.incidence_months = {1, 3};
  write_response_incidence(out, responses, options);
  return nlohmann::json::parse(out.take());
}

}  // namespace

TEST_CASE("cumulative incidence of response by hand, new treatment competing", "[incidence]") {
  // Days 10 (response), 20 (new treatment), 30 (response), 40 (censored), in months of 30.4375
  // days. Four at risk: F_response = 1/4 after day 10. Day 20 takes one of the three left by
  // the competing cause: event-free S = 3/4 x 2/3 = 1/2. Day 30: F_response += S(30-) x 1/2
  // = 1/4, so 1/2. F_new_treatment = S(20-) x 1/3 = 1/4.
  // cuminc(c(10, 20, 30, 40) / 30.4375, c(1, 2, 1, 0))$var: 0.0625 then 0.105902777777777679
  // for response, 0.069444444444444448 for the new treatment.
  const auto r = incidence({
      patient(ResponseCategory::CR, 10, std::nullopt, 100, false),
      patient(ResponseCategory::NR, std::nullopt, 20, 200, false),
      patient(ResponseCategory::R, 30, 60, 300, true),          // the response comes first
      patient(ResponseCategory::NR, std::nullopt, std::nullopt, 40, false),
      patient(ResponseCategory::excluded, 5, std::nullopt, 50, false),  // not evaluable
      patient(ResponseCategory::NE, std::nullopt, std::nullopt, 60, false),
  });
  CHECK(r["n"] == 4);
  // The last time followed is the censored patient's day 40, not the not-evaluable ones' 50, 60.
  CHECK(r["last_time"].get<double>() == Approx(40 / 30.4375).epsilon(1e-15));
  CHECK(r["events"] == nlohmann::json({{"response", 2}, {"new_treatment", 1}, {"death", 0},
                                       {"censored", 1}}));
  CHECK(r["left_out"] == nlohmann::json({{"NE", 1}, {"excluded", 1}}));
  const auto& response = r["curves"][0];
  REQUIRE(response["cause"] == "response");
  CHECK(response["table"]["time"][0].get<double>() == Approx(10 / 30.4375));
  CHECK(response["table"]["estimate"] == nlohmann::json::array({0.25, 0.5}));
  CHECK(response["table"]["variance"][0].get<double>() == Approx(0.0625).epsilon(1e-12));
  CHECK(response["table"]["variance"][1].get<double>() ==
        Approx(0.105902777777777679).epsilon(1e-12));
  const auto& treatment = r["curves"][1];
  CHECK(treatment["cause"] == "new_treatment");
  CHECK(treatment["table"]["estimate"] == nlohmann::json::array({0.25}));
  CHECK(treatment["table"]["variance"][0].get<double>() ==
        Approx(0.069444444444444448).epsilon(1e-12));
  CHECK(r["curves"][2]["events"] == 0);
  // At 1 month (30.4 days) the value after day 30; at 3 months, past the last time (40 days),
  // none, as cmprsk::timepoints gives NA there.
  CHECK(response["at_times"]["estimate"][0] == 0.5);
  CHECK(response["at_times"]["estimate"][1].is_null());
}

TEST_CASE("first events: death before anything, follow-up ending first, no follow-up", "[incidence]") {
  const auto r = incidence({
      patient(ResponseCategory::NR, std::nullopt, std::nullopt, 15, true),   // death
      patient(ResponseCategory::NR, std::nullopt, 90, 45, false),           // censored at 45
      patient(ResponseCategory::CR, 20, 20, 80, false),                      // same day: response
  });
  CHECK(r["events"] == nlohmann::json({{"response", 1}, {"new_treatment", 0}, {"death", 1},
                                       {"censored", 1}}));
  PatientResponse without_follow_up;
  without_follow_up.category = ResponseCategory::R;
  const auto none = incidence({without_follow_up});
  CHECK(none.is_null());
}
