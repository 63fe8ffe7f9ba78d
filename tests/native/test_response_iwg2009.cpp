// The iwg-2009 preset at each boundary of Rodeghiero et al. (Blood 2009;113:2386-93) as
// docs/design.md settles it (issue 11): CR >= 100, R >= 30 and >= 2x baseline, no bleeding;
// a response confirmed by two counts >= 7 days apart with every count between them at the level;
// the landmark category from a window count lying within a confirmed response; loss on two
// consecutive counts on different days at level none. Each expectation is worked out by hand in
// the comment beside it. Unless said otherwise: baseline 10 (so R needs >= 30), D0 = 2021-01-01,
// last follow-up day 365.
#include <catch2/catch.hpp>
#include <string>

#include "response_fixtures.hpp"

namespace {

using itp::PatientResponse;
using itp::ResponseCategory;

PatientResponse iwg(const std::string& counts, const std::string& treatments = "",
                    const std::string& baseline = "10") {
  return itp_test::build(itp::preset_criteria("iwg-2009"), baseline, counts, treatments)
      .responses.at(0);
}

ResponseCategory category(const std::string& counts, const std::string& treatments = "",
                          const std::string& baseline = "10") {
  return iwg(counts, treatments, baseline).category;
}

}  // namespace

TEST_CASE("iwg-2009: confirmation needs 7 days, not 6", "[response][iwg]") {
  CHECK(category("0:10 50:40 56:40") == ResponseCategory::NR);  // 56 - 50 = 6 days
  CHECK(category("0:10 50:40 57:40") == ResponseCategory::R);   // 57 - 50 = 7 days
  CHECK(category("0:10 60:120 66:110") == ResponseCategory::NR);
  CHECK(category("0:10 60:120 67:110") == ResponseCategory::CR);
}

TEST_CASE("iwg-2009: every count between the two confirming counts must be at the level",
          "[response][iwg]") {
  // 20 on day 64 breaks the run: 60 and 67 stand alone, neither confirmed.
  CHECK(category("0:10 60:120 64:20 67:110") == ResponseCategory::NR);
  // 50 on day 64 is R, not CR: no CR run of 7 days, but 60-64-67 is an R run of 7 days.
  CHECK(category("0:10 60:120 64:50 67:110") == ResponseCategory::R);
  // A count with bleeding between them is level none too.
  CHECK(category("0:10 60:120 64:120:yes 67:110") == ResponseCategory::NR);
}

TEST_CASE("iwg-2009: the confirmed response may start before the window and end after it",
          "[response][iwg]") {
  // Day 100 is in the window (42-105); its confirming count on day 110 is after it.
  CHECK(category("0:10 100:120 110:120") == ResponseCategory::CR);
  CHECK(category("0:10 100:120 106:120") == ResponseCategory::NR);          // 6 days
  CHECK(category("0:10 100:120 106:120 107:120") == ResponseCategory::CR);  // 100-107: 7 days
  // Confirmed from day 35 (before the window) by day 45 (in it): day 45 lies within it.
  CHECK(category("0:10 35:120 45:120") == ResponseCategory::CR);
  // ... so eltrombopag on day 80 ends a response: it is no treatment failure.
  const PatientResponse r = iwg("0:10 35:120 45:120", "eltrombopag:80");
  CHECK(r.category == ResponseCategory::CR);
  CHECK(r.time_to_response_days == 35);
  CHECK(r.loss_day == 80);
  REQUIRE(r.rfs);
  CHECK(r.rfs->days == 45);  // day 35 to day 80
  CHECK(r.rfs->event_reason == "new treatment");
  // Without any count in the window at all, the response before it says nothing: NE.
  CHECK(category("0:10 20:120 30:120") == ResponseCategory::NE);
}

TEST_CASE("iwg-2009: CR needs no fold rise, and a CR count is never lost by the fold rule",
          "[response][iwg]") {
  // Baseline 60: 110 is below 2 x 60 = 120 but >= 100, so CR; it is no loss either.
  const PatientResponse r = iwg("0:60 60:110 67:110 80:110 90:110", "", "60");
  CHECK(r.category == ResponseCategory::CR);
  CHECK_FALSE(r.loss_day);
  REQUIRE(r.rfs);
  CHECK_FALSE(r.rfs->event);
  CHECK(r.rfs->days == 305);  // first response day 60 to the last follow-up, day 365
  // 90 is short of CR and below 120: two such counts on days 80 and 81 lose the response.
  const PatientResponse lost = iwg("0:60 60:110 67:110 80:90 81:90", "", "60");
  CHECK(lost.category == ResponseCategory::CR);
  CHECK(lost.loss_day == 80);
  // With baseline 20, R needs 40: 35 on days 80 and 81 is a loss, 45 is not.
  CHECK(iwg("0:20 60:50 67:50 80:35 81:35", "", "20").loss_day == 80);
  CHECK_FALSE(iwg("0:20 60:50 67:50 80:45 81:45", "", "20").loss_day);
}

TEST_CASE("iwg-2009: loss needs two consecutive counts on different days", "[response][iwg]") {
  // One count of 20, then back to 120: no loss.
  CHECK_FALSE(iwg("0:10 60:120 67:120 80:20 90:120 100:120").loss_day);
  // Two counts of 20 and 25 on the same day are one count (the lowest): still no loss.
  CHECK_FALSE(iwg("0:10 60:120 67:120 80:20 80:25 90:120").loss_day);
  // On two days, consecutive: lost on the first of them, day 80.
  const PatientResponse r = iwg("0:10 60:120 67:120 80:20 81:25 90:120");
  CHECK(r.loss_day == 80);
  REQUIRE(r.rfs);
  CHECK(r.rfs->days == 20);  // 60 to 80
  CHECK(r.rfs->event_reason == "loss of response");
  // Two low counts with a CR count between them are not consecutive: no loss.
  CHECK_FALSE(iwg("0:10 60:120 67:120 80:20 85:120 90:20").loss_day);
}

TEST_CASE("iwg-2009: bleeding vetoes a response and is a loss", "[response][iwg]") {
  const PatientResponse r = iwg("0:10 60:120 67:120 80:120:yes 81:120:yes");
  CHECK(r.category == ResponseCategory::CR);
  CHECK(r.loss_day == 80);
  CHECK(r.loss_reason.find("bleeding") != std::string::npos);
  CHECK_FALSE(iwg("0:10 60:120 67:120 80:120:yes 90:120").loss_day);  // one bleeding count
  // Two counts on day 67: the lowest (120) stands for the day, bleeding since one of them bled,
  // so day 67 is level none and CR on day 60 is not confirmed.
  CHECK(category("0:10 60:120 67:120 67:130:yes") == ResponseCategory::NR);
}

TEST_CASE("iwg-2009: a subsequent treatment ends a response", "[response][iwg]") {
  const PatientResponse r = iwg("0:10 60:120 67:120 100:120", "eltrombopag:150");
  CHECK(r.category == ResponseCategory::CR);
  CHECK(r.loss_day == 150);
  CHECK(r.loss_reason == "eltrombopag started on day 150");
  REQUIRE(r.rfs);
  CHECK(r.rfs->days == 90);  // 60 to 150
  CHECK(r.rfs->event_reason == "new treatment");
  // Started within the window after a confirmed response: still CR, not a treatment failure.
  CHECK(category("0:10 60:120 67:120", "romiplostim:90") == ResponseCategory::CR);
  // Started in the window with no confirmed response before it: treatment failure, NR.
  CHECK(category("0:10 60:120", "romiplostim:64") == ResponseCategory::NR);
}

TEST_CASE("iwg-2009: time to response is the first confirmed response on day >= 1",
          "[response][iwg]") {
  // R from day 7 (7, 14, 60, 67 are all >= 30: one run from day 7), CR from day 60.
  const PatientResponse r = iwg("0:10 7:50 14:50 60:120 67:120");
  CHECK(r.category == ResponseCategory::CR);
  CHECK(r.time_to_response_days == 7);
  CHECK(r.best_response_day == 60);
  // A run that begins on D0 counts from day 5, its first count on day >= 1.
  CHECK(iwg("0:10 0:50 5:50 12:50 60:50 70:50").time_to_response_days == 5);
}

TEST_CASE("iwg-2009: loss of CR is reported but is not an RFS event", "[response][iwg]") {
  // 60 on days 80 and 85: below 100 (CR lost on day 80) but >= 30 and >= 20 (R kept).
  const PatientResponse r = iwg("0:10 60:120 67:120 80:60 85:60 200:120");
  CHECK(r.category == ResponseCategory::CR);
  CHECK(r.cr_loss_day == 80);
  CHECK_FALSE(r.loss_day);
  REQUIRE(r.rfs);
  CHECK_FALSE(r.rfs->event);
  CHECK(r.rfs->days == 305);
  // An R patient has no CR to lose.
  CHECK_FALSE(iwg("0:10 60:60 67:60 80:40 85:40").cr_loss_day);
}

TEST_CASE("iwg-2009: without a baseline a count of 30-99 is not judged", "[response][iwg]") {
  // No baseline in the patients table, no count on D0 or days -7..-1.
  const PatientResponse unjudged = iwg("60:50 67:50", "", "");
  CHECK(unjudged.category == ResponseCategory::NE);
  CHECK(unjudged.reason.find("no baseline") != std::string::npos);
  CHECK(category("60:120 67:120", "", "") == ResponseCategory::CR);
  CHECK(category("60:20 67:20", "", "") == ResponseCategory::NR);
}

TEST_CASE("a criteria set the validator accepts always gives an answer", "[response]") {
  // Time to response counted from day 200: a CR patient whose counts end on day 67 has no
  // first response day, so no time to response and no RFS, and says why.
  itp::ResponseCriteria late = itp::preset_criteria("seed-2026");
  late.time_to_response_from_day = 200;
  const PatientResponse r = itp_test::build(late, "10", "0:10 60:120 67:120").responses.at(0);
  CHECK(r.category == ResponseCategory::CR);
  CHECK_FALSE(r.time_to_response_days);
  CHECK_FALSE(r.loss_day);
  CHECK_FALSE(r.rfs);
  CHECK(r.rfs_missing_reason.find("day 200") != std::string::npos);
  // A durable rule whose threshold (40) is below the response threshold (50): R by the
  // durable rule with no count meeting R.
  itp::ResponseCriteria durable = itp::preset_criteria("durable-6-of-8");
  durable.durable->threshold = 40;
  const PatientResponse d =
      itp_test::build(durable, "10", "0:10 113:45 120:45 127:45 134:45 141:45 148:45 155:45 162:45")
          .responses.at(0);
  CHECK(d.category == ResponseCategory::R);
  CHECK_FALSE(d.rfs);
  CHECK_FALSE(d.rfs_missing_reason.empty());
}
