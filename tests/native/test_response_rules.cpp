// The response rule on hand-built patients, one boundary at a time (issue 5): thresholds at 30,
// at 100 and above it, exactly twice the baseline, counts on days 41/42/105/106, a subsequent
// treatment on the day of a count, death before the landmark, no count in the window, the
// bleeding veto and confirmation gaps of 6 and 7 days. Each expected category is worked out in
// the comment beside it from the rule as docs/design.md §5 writes it.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/io/text_table.hpp"
#include "core/response/classify_response.hpp"
#include "core/response/presets.hpp"
#include "response_fixtures.hpp"

namespace {

using itp::PatientResponse;
using itp::ResponseCategory;
using itp_test::build;

ResponseCategory seed(double baseline, const std::string& counts,
                      const std::string& treatments = "", const std::string& death = "") {
  return build("seed-2026", baseline, counts, treatments, death).responses.at(0).category;
}

}  // namespace

TEST_CASE("seed-2026: thresholds at 30, 100 and above 100", "[response]") {
  CHECK(seed(10, "0:10 60:30") == ResponseCategory::R);     // 30 >= 30 and >= 2 x 10
  CHECK(seed(10, "0:10 60:29") == ResponseCategory::NR);    // 29 < 30
  CHECK(seed(10, "0:10 60:100") == ResponseCategory::R);    // CR needs > 100: 100 is R
  CHECK(seed(10, "0:10 60:101") == ResponseCategory::CR);   // 101 > 100
  CHECK(seed(10, "0:10 60:100.5") == ResponseCategory::CR);
}

TEST_CASE("seed-2026: exactly twice the baseline", "[response]") {
  CHECK(seed(20, "0:20 60:40") == ResponseCategory::R);     // 40 = 2 x 20
  CHECK(seed(20, "0:20 60:39") == ResponseCategory::NR);    // 39 < 40, though >= 30
  CHECK(seed(60, "0:60 60:101") == ResponseCategory::CR);   // CR needs no fold rise
}

TEST_CASE("seed-2026: the window is days 42 to 105, both included", "[response]") {
  CHECK(seed(10, "0:10 41:150") == ResponseCategory::NE);   // day 41: before the window
  CHECK(seed(10, "0:10 42:150") == ResponseCategory::CR);
  CHECK(seed(10, "0:10 105:150") == ResponseCategory::CR);
  CHECK(seed(10, "0:10 106:150") == ResponseCategory::NE);  // day 106: after it
  CHECK(seed(10, "0:10 41:150 106:150") == ResponseCategory::NE);
  // The best credited count in the window counts, one count sufficing.
  CHECK(seed(10, "0:10 50:15 70:150 90:12") == ResponseCategory::CR);
}

TEST_CASE("seed-2026: a subsequent treatment stops crediting counts from its first day",
          "[response]") {
  // Eltrombopag from day 60: the 150 on day 60 itself is not credited, the 40 on day 50 is.
  CHECK(seed(10, "0:10 50:40 60:150", "eltrombopag:60") == ResponseCategory::R);
  // With no response before it, the patient is a treatment failure (NR), not NE.
  CHECK(seed(10, "0:10 60:150", "eltrombopag:60") == ResponseCategory::NR);
  CHECK(seed(10, "0:10 59:150", "eltrombopag:60") == ResponseCategory::CR);
  // Started on day 42 it is concomitant (within 42 days of D0), not subsequent.
  CHECK(seed(10, "0:10 60:150", "eltrombopag:42") == ResponseCategory::CR);
  // Started after the window, it says nothing about the landmark: no count there is NE.
  CHECK(seed(10, "0:10", "eltrombopag:150") == ResponseCategory::NE);
}

TEST_CASE("seed-2026: death before day 91 excludes, whatever the counts", "[response]") {
  // 2021-01-01 + 31 + 28 + 31 days = 2021-04-01, day 90.
  CHECK(seed(10, "0:10 45:150", "", "2021-03-31") == ResponseCategory::excluded);  // day 89
  CHECK(seed(10, "0:10 45:150", "", "2021-04-01") == ResponseCategory::excluded);  // day 90
  CHECK(seed(10, "0:10 45:150", "", "2021-04-02") == ResponseCategory::CR);        // day 91
}

TEST_CASE("seed-2026: no baseline leaves an R-range count unjudged", "[response]") {
  // No baseline in patients and no count on D0 or days -7..-1.
  std::vector<itp::TextTable> tables;
  tables.push_back(itp::read_text_table("patients", "p.csv", "patient_id,d0\nP,2021-01-01\n"));
  tables.push_back(itp::read_text_table(
      "platelets", "c.csv", "patient_id,day,platelets\nP,-8,10\nP,60,40\nP,70,120\n"));
  std::vector<const itp::TextTable*> pointers{&tables[0], &tables[1]};
  itp::ProblemLog log;
  const itp::Cohort cohort = itp::import_cohort(pointers, {}, log);
  auto criteria = itp::preset_criteria("seed-2026");
  CHECK(itp::classify_responses(cohort, criteria)[0].category == ResponseCategory::CR);
  tables[1] = itp::read_text_table("platelets", "c.csv",
                                   "patient_id,day,platelets\nP,-8,10\nP,60,40\n");
  pointers = {&tables[0], &tables[1]};
  const itp::Cohort without_cr = itp::import_cohort(pointers, {}, log);
  const PatientResponse r = itp::classify_responses(without_cr, criteria)[0];
  CHECK(r.category == ResponseCategory::NE);
  CHECK(r.reason.find("no baseline") != std::string::npos);
  // The latest count on days -7..-1 is the baseline when D0 has none; the lowest of a day.
  tables[1] = itp::read_text_table(
      "platelets", "c.csv", "patient_id,day,platelets\nP,-7,25\nP,-3,14\nP,-3,12\nP,60,24\n");
  pointers = {&tables[0], &tables[1]};
  const itp::Cohort with_window = itp::import_cohort(pointers, {}, log);
  const PatientResponse w = itp::classify_responses(with_window, criteria)[0];
  CHECK(w.baseline.value == 12);
  CHECK(w.baseline.source == "count on day -3");
  CHECK(w.category == ResponseCategory::NR);  // 24 < 30
}

TEST_CASE("seed-2026: time to response, loss of response and RFS", "[response]") {
  // First response on day 7 (before the window counts too), CR on day 60, loss: 20 on day 200.
  itp_test::Built b = build("seed-2026", 10, "0:10 7:35 60:150 120:80 200:20 300:90");
  const PatientResponse& r = b.responses.at(0);
  CHECK(r.category == ResponseCategory::CR);
  CHECK(r.time_to_response_days == 7);
  CHECK(r.best_response_day == 60);
  CHECK(r.loss_day == 200);
  REQUIRE(r.rfs);
  CHECK(r.rfs->days == 193);  // from the first response (day 7) to the loss (day 200)
  CHECK(r.rfs->event);
  CHECK(r.rfs->event_reason == "loss of response");
  REQUIRE(r.os);
  CHECK(r.os->days == 365);  // censored at last follow-up, 2022-01-01
  CHECK_FALSE(r.os->event);
}

TEST_CASE("iwg-2009: bleeding veto and confirmation 7 days apart", "[response]") {
  const auto iwg = [](const std::string& counts) {
    return build("iwg-2009", 10, counts).responses.at(0).category;
  };
  CHECK(iwg("0:10 60:120 67:110") == ResponseCategory::CR);  // two counts 7 days apart
  CHECK(iwg("0:10 60:120 66:110") == ResponseCategory::NR);  // 6 days: not confirmed
  CHECK(iwg("0:10 60:100 67:100") == ResponseCategory::CR);  // IWG CR is >= 100
  CHECK(iwg("0:10 60:40 67:35") == ResponseCategory::R);
  // A count with bleeding meets nothing, so it cannot start or confirm a response.
  CHECK(iwg("0:10 60:120:yes 67:110") == ResponseCategory::NR);
  CHECK(iwg("0:10 60:120:yes 67:110 74:105") == ResponseCategory::CR);
  // Neither CR nor R is confirmed: the bleeding count on day 67 lies between 60 and 74.
  CHECK(iwg("0:10 60:120 67:110:yes 74:40") == ResponseCategory::NR);
}

TEST_CASE("durable-6-of-8: six of eight weekly counts >= 50 on days 113-168, no rescue",
          "[response]") {
  const auto durable = [](const std::string& counts, const std::string& treatments = "") {
    return build("durable-6-of-8", 10, counts, treatments).responses.at(0).category;
  };
  // Weeks start on days 113, 120, 127, 134, 141, 148, 155, 162.
  CHECK(durable("0:10 113:60 120:60 127:60 134:60 141:60 148:60 155:20 162:20") ==
        ResponseCategory::R);
  CHECK(durable("0:10 113:60 120:60 127:60 134:60 141:60 148:49 155:20 162:20") ==
        ResponseCategory::NR);  // 5 weeks
  // IVIg is rescue here (not a new line of treatment): counts within 28 days after it do not
  // count. On day 92 it removes days 113 and 120 (6 weeks left); on day 99 also 127 (5 left).
  const std::string all = "0:10 113:60 120:60 127:60 134:60 141:60 148:60 155:60 162:60";
  CHECK(durable(all, "IVIg:92") == ResponseCategory::R);
  CHECK(durable(all, "IVIg:99") == ResponseCategory::NR);
  CHECK(durable("0:10 60:200") == ResponseCategory::NE);  // no count in the window
}
