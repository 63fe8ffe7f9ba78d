// How the event column is read (docs/decisions.md, "Event coded 1/2"): as R's Surv() reads it,
// 2 = event and 1 = censored when the column's largest number is 2, else 1 = event and
// 0 = censored, rows with a missing time or group included in that choice; words keep their
// meaning; where a used row says 0 beside a 2, the 2s are left out. Each case is what R gives
// on the same file (checked by hand with survival 3.5.3), and the randomised cross-check
// (tests/crosscheck) compares the rest.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "core/api/workspace.hpp"

namespace {

using nlohmann::json;

json analyse(const std::string& csv, const std::string& extra = "") {
  itp::Workspace ws;
  const json loaded = json::parse(ws.load_table(R"({"type":"load_table","name":"t"})", csv));
  REQUIRE(loaded["ok"] == true);
  const json answer = json::parse(ws.run(
      R"({"type":"survival","table":"t","time":"time","event":"status")" + extra + "}"));
  INFO(answer.dump());
  REQUIRE(answer["ok"] == true);
  return answer;
}

// (n, events) of each curve, by name.
std::vector<std::tuple<std::string, long, long>> curves(const json& answer) {
  std::vector<std::tuple<std::string, long, long>> out;
  for (const json& g : answer["survival"]["groups"])
    out.emplace_back(g["name"].get<std::string>(), g["n"].get<long>(), g["events"].get<long>());
  return out;
}

std::vector<std::string> codes(const json& answer) {
  std::vector<std::string> out;
  for (const json& w : answer["warnings"]) out.push_back(w["code"].get<std::string>());
  return out;
}

bool has_code(const json& answer, const std::string& code) {
  const auto all = codes(answer);
  return std::find(all.begin(), all.end(), code) != all.end();
}

using Curves = std::vector<std::tuple<std::string, long, long>>;

}  // namespace

TEST_CASE("event coding: 1/2 with words, the words keep their meaning", "[survival][events]") {
  // R: "yes" is NA there. The core reads it as an event under either coding (it used to turn
  // every non-2 into "censored", so "yes" became censored).
  const json a = analyse("time,status,g\n1,1,A\n2,2,A\n3,yes,B\n4,2,B\n5,1,B\n6,no,B\n",
                         R"(,"group":"g")");
  CHECK(has_code(a, "event_coded_1_2"));
  CHECK(curves(a) == Curves{{"A", 2, 1}, {"B", 4, 2}});
  CHECK(a["survival"]["rows"]["used"] == 6);
}

TEST_CASE("event coding: a number above 2 means 1 = event, 0 = censored, and 2 is no status",
          "[survival][events]") {
  // R: Surv(time, c(1, 2, 3, 2, 1)) has max 3, so status = event: 1 stays 1 and 2, 3 are NA.
  const json a = analyse("time,status\n1,1\n2,2\n3,3\n4,2\n5,1\n");
  CHECK_FALSE(has_code(a, "event_coded_1_2"));
  CHECK(curves(a) == Curves{{"all", 2, 2}});
  CHECK(a["survival"]["rows"]["left_out"] == json{{"invalid_event", 3}});
  CHECK(a["survival"]["rows"]["used"] == 2);
}

TEST_CASE("event coding: decided on the whole column, rows left out for their time included",
          "[survival][events]") {
  // R's Surv sees the column before na.omit: the 2 on the row without a time makes the 1s
  // "censored" (the core read them as events when it looked at used rows only).
  const json a = analyse("time,status\n1,1\n,2\n3,1\n");
  CHECK(has_code(a, "event_coded_1_2"));
  CHECK(curves(a) == Curves{{"all", 2, 0}});
  CHECK(a["survival"]["rows"]["left_out"] == json{{"missing_time", 1}});
  // And a number above 2 on such a row makes the column 0/1 again, as in R.
  const json b = analyse("time,status\n1,1\n,3\n3,2\n");
  CHECK_FALSE(has_code(b, "event_coded_1_2"));
  CHECK(curves(b) == Curves{{"all", 1, 1}});
  CHECK(b["survival"]["rows"]["left_out"] == json{{"invalid_event", 1}, {"missing_time", 1}});
}

TEST_CASE("event coding: 0 beside 2 keeps 0/1 and leaves the 2s out, and nothing of theirs stays",
          "[survival][events]") {
  // Rows: A 0.1 (0), B 0.10000001 (2), A 0.10000002 (1), C 5 (2), A 2.8 (0). R would drop the
  // 0s; the core leaves out the two 2s (docs/decisions.md). Their times and labels must leave
  // with them: 0.10000001 would chain 0.1 and 0.10000002 into one tied time (aeqSurv: each
  // step of 1e-8 is within 1.5e-8 of the mean time, 0.78 with it; 2e-8 is not, of the mean
  // 1.0 without it), and C would be a curve of no row.
  const json a = analyse(
      "time,status,g\n0.1,0,A\n0.10000001,2,B\n0.10000002,1,A\n5,2,C\n2.8,0,A\n",
      R"(,"group":"g")");
  CHECK_FALSE(has_code(a, "event_coded_1_2"));
  CHECK(curves(a) == Curves{{"A", 3, 1}});
  CHECK(a["survival"]["rows"]["left_out"] == json{{"invalid_event", 2}});
  CHECK(a["survival"]["groups"][0]["table"]["time"] == json{0.1, 0.10000002, 2.8});
  CHECK(has_code(a, "one_group"));
}

TEST_CASE("event coding: a 2 without a group is left out once, for the first column that fails",
          "[survival][events]") {
  // 1/2 coding: the event is fine, the group is missing.
  const json a = analyse("time,status,g\n1,1,A\n2,2,\n3,2,B\n4,1,B\n", R"(,"group":"g")");
  CHECK(a["survival"]["rows"]["left_out"] == json{{"missing_group", 1}});
  CHECK(a["survival"]["rows"]["used"] == 3);
  // 0/1 coding (a 0 in a used row): the 2 is no status, and the event column comes first.
  const json b = analyse("time,status,g\n1,0,A\n2,2,\n3,1,B\n4,2,B\n", R"(,"group":"g")");
  CHECK(b["survival"]["rows"]["left_out"] == json{{"invalid_event", 2}});
  CHECK(b["survival"]["rows"]["used"] == 2);
}

TEST_CASE("event coding: a 2 without a stratum leaves the test only if the row is used",
          "[survival][events]") {
  const std::string strata = R"(,"group":"g","strata":"s")";
  // 1/2 coding: the row is in the curves and out of the test.
  const json a = analyse("time,status,g,s\n1,1,A,x\n2,2,A,\n3,2,B,x\n4,1,B,x\n", strata);
  CHECK(a["survival"]["test"]["rows_left_out"] == 1);
  CHECK(has_code(a, "missing_strata"));
  // 0/1 coding: the row is not used at all, so it is not counted nor named as out of the test.
  const json b = analyse("time,status,g,s\n1,0,A,x\n2,2,A,\n3,1,B,x\n4,1,B,x\n5,0,A,x\n", strata);
  CHECK(b["survival"]["test"]["rows_left_out"] == 0);
  CHECK_FALSE(has_code(b, "missing_strata"));
  CHECK(b["survival"]["rows"]["left_out"] == json{{"invalid_event", 1}});
  // A stratum only such rows had is no stratum of the test.
  const json c = analyse("time,status,g,s\n1,0,A,x\n2,2,A,y\n3,1,B,x\n4,1,B,x\n", strata);
  CHECK(c["survival"]["test"]["strata"] == json{"x"});
}
