// Edges of the response rule that scripts/mutate found untested (issue 12): the first day of the
// baseline window, a response on day 1, a count exactly at the loss threshold, mode "at" on a
// tie, a subsequent treatment on the window's last day, the last day of the rescue exclusion
// and the durable rule's own rescue days. Each expectation is worked out in the comment beside
// it from the criteria as the presets write them (presets/*.json). Unless said otherwise: D0 =
// 2021-01-01, last follow-up day 365.
#include <catch2/catch.hpp>
#include <string>

#include "response_fixtures.hpp"

namespace {

using itp::PatientResponse;
using itp::ResponseCategory;

PatientResponse seed(const std::string& baseline, const std::string& counts,
                     const std::string& treatments = "") {
  return itp_test::build(itp::preset_criteria("seed-2026"), baseline, counts, treatments)
      .responses.at(0);
}

}  // namespace

TEST_CASE("seed-2026: a count on day -7 is a baseline, one on day -8 is not",
          "[response][edges]") {
  // No baseline in the patients table, no count on D0: the latest count on days -7..-1 is the
  // baseline. The only one is on day -7 (12), so R needs >= 30 and >= 2 x 12 = 24: 40 is R.
  const PatientResponse r = seed("", "-7:12 60:40");
  CHECK(r.baseline.value == 12);
  CHECK(r.baseline.source == "count on day -7");
  CHECK(r.category == ResponseCategory::R);
  // On day -8 it is outside the window: no baseline, and 40 (in the R range) cannot be judged.
  const PatientResponse none = seed("", "-8:12 60:40");
  CHECK_FALSE(none.baseline.value);
  CHECK(none.category == ResponseCategory::NE);
}

TEST_CASE("seed-2026: time to response counts from day 1, a response on day 1 included",
          "[response][edges]") {
  // Baseline 10: R needs >= 30 and >= 20. Day 0's 40 meets R but time to response starts on
  // day 1 (time_to_response_from_day 1); day 1's 35 meets R: the first response is day 1.
  // At the landmark (days 42-105) the 150 on day 60 is CR.
  const PatientResponse r = seed("10", "0:40 1:35 60:150");
  CHECK(r.category == ResponseCategory::CR);
  CHECK(r.first_response_day == 1);
  CHECK(r.time_to_response_days == 1);
}

TEST_CASE("seed-2026: loss of response is a count below 30, not one of 30", "[response][edges]") {
  // Baseline 10, CR on day 60 (the first response). Day 120: 30 is not below 30 (loss.below
  // 30, not inclusive): no loss. Day 200: 29 < 30, the loss. RFS from the first response:
  // 200 - 60 = 140 days, an event.
  const PatientResponse r = seed("10", "0:10 60:150 120:30 200:29");
  CHECK(r.category == ResponseCategory::CR);
  CHECK(r.first_response_day == 60);
  CHECK(r.loss_day == 200);
  REQUIRE(r.rfs);
  CHECK(r.rfs->days == 140);
  CHECK(r.rfs->event);
}

TEST_CASE("landmark mode \"at\": of two counts as near the landmark day, the later",
          "[response][edges]") {
  // seed-2026 with the landmark read "at" day 91: days 84 and 98 are both 7 days from it; the
  // later one (98: 150, CR) decides, not the earlier (84: 20, nothing).
  itp::ResponseCriteria at = itp::preset_criteria("seed-2026");
  at.landmark.mode = itp::LandmarkRule::Mode::at;
  const PatientResponse r = itp_test::build(at, "10", "0:10 84:20 98:150").responses.at(0);
  CHECK(r.landmark_count_day == 98);
  CHECK(r.category == ResponseCategory::CR);
  // Day 97 is nearer (6 days) than 84 (7 days): it decides alone.
  const PatientResponse nearer = itp_test::build(at, "10", "0:10 84:150 97:20").responses.at(0);
  CHECK(nearer.landmark_count_day == 97);
  CHECK(nearer.category == ResponseCategory::NR);
}

TEST_CASE("seed-2026: a subsequent treatment started on day 105 is a treatment failure",
          "[response][edges]") {
  // Eltrombopag on day 105 starts after the concomitant window (> 42) and on the landmark
  // window's last day (<= 105): without a response on days 42-105 the patient is NR, a
  // treatment failure, though no count lies in the window.
  const PatientResponse failure = seed("10", "0:10", "eltrombopag:105");
  CHECK(failure.category == ResponseCategory::NR);
  CHECK(failure.reason.rfind("treatment failure", 0) == 0);
  // On day 106 it starts after the window and says nothing about it: no count there, NE.
  CHECK(seed("10", "0:10", "eltrombopag:106").category == ResponseCategory::NE);
}

TEST_CASE("rescue exclusion: a count 28 days after rescue is not credited, 29 days after is",
          "[response][edges]") {
  // seed-2026 with rescue_exclusion_days 28: IVIg on day 50 is rescue (a rescue class), not a
  // subsequent treatment. A count on day 78 is 28 days after it: not credited, so the window
  // has no credited count (NE). On day 79 (29 days after) it is credited: 150 is CR.
  itp::ResponseCriteria c = itp::preset_criteria("seed-2026");
  c.rescue_exclusion_days = 28;
  const PatientResponse at_28 = itp_test::build(c, "10", "0:10 78:150", "IVIg:50").responses.at(0);
  REQUIRE(at_28.counts.size() == 2);
  CHECK_FALSE(at_28.counts[1].credited);
  CHECK(at_28.counts[1].not_credited_because == "within 28 days after rescue therapy on day 50");
  CHECK(at_28.category == ResponseCategory::NE);
  const PatientResponse at_29 = itp_test::build(c, "10", "0:10 79:150", "IVIg:50").responses.at(0);
  CHECK(at_29.counts[1].credited);
  CHECK(at_29.category == ResponseCategory::CR);
}

TEST_CASE("durable rule: its own 28 days after rescue, apart from the crediting rule",
          "[response][edges]") {
  // durable-6-of-8 with rescue_exclusion_days 0 and subsequent_stops_crediting false: every
  // count is credited, so only the durable rule's no_rescue_days (28) sets counts aside.
  // Weeks start on days 113, 120, ..., 162, one count of 60 in each. IVIg on day 99: 113 (14
  // days after), 120 (21) and 127 (28) are within 28 days: 5 weeks of 8 left, 6 needed: NR.
  // IVIg on day 98: 127 is 29 days after it: 6 weeks, R.
  itp::ResponseCriteria c = itp::preset_criteria("durable-6-of-8");
  c.rescue_exclusion_days = 0;
  c.subsequent_stops_crediting = false;
  const std::string weekly = "0:10 113:60 120:60 127:60 134:60 141:60 148:60 155:60 162:60";
  CHECK(itp_test::build(c, "10", weekly, "IVIg:99").responses.at(0).category ==
        ResponseCategory::NR);
  CHECK(itp_test::build(c, "10", weekly, "IVIg:98").responses.at(0).category ==
        ResponseCategory::R);
}

TEST_CASE("iwg-2009: of two counts on one day, the lower stands for the day",
          "[response][edges]") {
  // Baseline 10. Day 60: 120 (CR). Day 67: 110 and 20; with same_day_counts "lowest" the day is
  // 20 (level none), so the 120 on day 60 has no count 7 days later at CR or R: NR. Were the
  // 110 to stand for day 67, 60 and 67 would confirm a CR.
  const PatientResponse r =
      itp_test::build(itp::preset_criteria("iwg-2009"), "10", "0:10 60:120 67:110 67:20")
          .responses.at(0);
  CHECK(r.category == ResponseCategory::NR);
  REQUIRE(r.counts.size() == 4);
  CHECK(r.counts[2].value == 110);
  CHECK(r.counts[2].same_day_lower);  // a lower count of its day stands for it
  CHECK_FALSE(r.counts[3].same_day_lower);
  // The same counts under seed-2026 (each count as it is): 120 on day 60 is CR on its own.
  CHECK(seed("10", "0:10 60:120 67:110 67:20").category == ResponseCategory::CR);
}
