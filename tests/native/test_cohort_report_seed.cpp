// The report as the seed study reports it (issue 11), on four hand-built patients, each number
// worked out below from the rows. D0 = 2021-01-01 for all, follow-up to 2022-01-01.
//   A: secondary ITP "APS + Evans syndrome", splenectomy; baseline_platelets 14 but 20 on D0;
//      rituximab days -100..-60 (prior), eltrombopag from day -20 (concomitant, before D0),
//      romiplostim from day 10 (concomitant, after D0: not history); 150 on day 50: CR.
//   B: secondary "evans syndrome"; prednisone -200..-150, IVIg -50..-49; counts 10 and 8 on D0
//      (baseline 8, the lowest); 120 on day 60: CR, no other treatment; 20 on day 200: relapse.
//   C: not secondary; 25 on day 60: NR.
//   D: secondary, no cause given; 50 on day 60: R (>= 30 and >= 2 x 10); eltrombopag day 120.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "core/api/workspace.hpp"

namespace {

using nlohmann::json;

json report() {
  itp::Workspace ws;
  const auto load = [&](const std::string& name, const std::string& csv) {
    const json answer = json::parse(ws.load_table(
        json{{"type", "load_table"}, {"name", name}, {"file", name + ".csv"}}.dump(), csv));
    REQUIRE(answer["ok"] == true);
  };
  load("patients",
       "patient_id,d0,secondary_itp,secondary_cause,splenectomy,baseline_platelets,last_followup\n"
       "A,2021-01-01,yes,APS + Evans syndrome,yes,14,2022-01-01\n"
       "B,2021-01-01,yes,evans syndrome,no,,2022-01-01\n"
       "C,2021-01-01,no,,no,,2022-01-01\n"
       "D,2021-01-01,yes,,no,,2022-01-01\n");
  load("platelets",
       "patient_id,day,platelets\n"
       "A,0,20\nA,50,150\n"
       "B,0,10\nB,0,8\nB,60,120\nB,200,20\n"
       "C,0,10\nC,60,25\n"
       "D,0,10\nD,60,50\n");
  load("treatments",
       "patient_id,drug,start,end\n"
       "A,rituximab,-100,-60\nA,eltrombopag,-20,\nA,romiplostim,10,\n"
       "B,prednisone,-200,-150\nB,IVIg,-50,-49\n"
       "D,eltrombopag,120,\n");
  load("adverse_events",
       "patient_id,day,term,grade\n"
       "A,-5,headache,1\nA,10,infusion reaction,2\nB,,infection,3\n");
  const json answer = json::parse(ws.run(json{
      {"type", "cohort"},
      {"tables", {"patients", "platelets", "treatments", "adverse_events"}},
      {"criteria", "seed-2026"}}.dump()));
  REQUIRE(answer["ok"] == true);
  return answer;
}

const json& row_of(const json& table1, const std::string& variable, const std::string& level) {
  for (const json& row : table1)
    if (row["variable"] == variable && row.value("level", "") == level) return row;
  FAIL("no Table 1 row " << variable << " " << level);
  static const json none;
  return none;
}

}  // namespace

TEST_CASE("seed report: secondary causes, one row per cause, percent of all patients",
          "[report][seed]") {
  const json r = report();
  const json& t1 = r["table1"];
  CHECK(row_of(t1, "secondary_itp", "Yes")["count"] == 3);  // A, B, D
  // Evans: A and B (case aside) of all 4 patients, 50 %, not 2 of the 3 secondary.
  const json& evans = row_of(t1, "secondary_cause", "Evans syndrome");
  CHECK(evans["count"] == 2);
  CHECK(evans["denominator"] == 4);
  CHECK(evans["percent"] == 50.0);
  CHECK(row_of(t1, "secondary_cause", "APS")["count"] == 1);
  CHECK(row_of(t1, "secondary_cause", "cause not given")["count"] == 1);
  // A has two causes: the causes (4) add up to more than the secondary patients (3).
  bool footnote = false;
  for (const json& note : r["footnotes"])
    footnote = footnote ||
               note.get<std::string>().find("1 patient has several causes") != std::string::npos;
  CHECK(footnote);
}

TEST_CASE("seed report: the treatment history and its lines", "[report][seed]") {
  const json r = report();
  // Lines of A: rituximab, eltrombopag (concomitant, started before D0) and splenectomy = 3;
  // romiplostim started after D0 is not history. B: prednisone and IVIg are not lines = 0.
  // Lines 3, 0, 0, 0: median 0, max 3.
  const json& lines = r["prior_treatments"]["lines"];
  CHECK(lines["median"] == 0);
  CHECK(lines["max"] == 3);
  std::map<std::string, int> drugs;
  for (const json& d : r["prior_treatments"]["drugs"]) drugs[d["drug"]] = d["count"];
  CHECK(drugs.count("romiplostim") == 0);
  CHECK(drugs["eltrombopag"] == 1);  // A's; D's starts on day 120
  CHECK(drugs["rituximab"] == 1);
  CHECK(drugs["splenectomy"] == 1);
  CHECK(drugs["prednisone"] == 1);  // history, though not a line
}

TEST_CASE("seed report: the 'neither' subgroup and CR without other treatment", "[report][seed]") {
  const json r = report();
  json neither;
  for (const json& b : r["response"]["by_treatment"])
    if (b["role"] == "neither") neither = b;
  REQUIRE(neither.is_object());
  // B (CR), C (NR), D (R): neither background nor concomitant; A has concomitant ones.
  CHECK(neither["patients"] == 3);
  CHECK(neither["CR"]["count"] == 1);
  CHECK(neither["R"]["count"] == 1);
  CHECK(neither["OR"]["count"] == 2);
  CHECK(neither["without"]["patients"] == 1);
  // CR with no new (subsequent) treatment: A (its concomitant ones do not count) and B; B
  // relapses on day 200, that is 200 / 30.4375 = 6.5708... months from D0.
  const json& cr = r["response"]["cr_without_other_treatment"];
  CHECK(cr["patients"] == 2);
  CHECK(cr["relapses"] == 1);
  CHECK(cr["relapse_months"][0].get<double>() == Approx(200 / 30.4375).epsilon(1e-12));
}

TEST_CASE("seed report: adverse events from D0 on, earlier ones apart", "[report][seed]") {
  const json s = report()["safety"];
  CHECK(s["events"] == 2);  // day 10, and the undated one
  CHECK(s["undated_events"] == 1);
  REQUIRE(s["before_d0"].size() == 1);
  CHECK(s["before_d0"][0]["patient_id"] == "A");
  CHECK(s["before_d0"][0]["day"] == -5);
  CHECK(s["any_adverse_event"]["count"] == 2);  // A (day 10) and B
}

TEST_CASE("seed report: baseline warnings", "[report][seed]") {
  const json r = report();
  json differs, several;
  for (const json& w : r["warnings"]) {
    if (w["code"] == "baseline_differs_from_counts") differs = w;
    if (w["code"] == "several_baseline_counts") several = w;
  }
  // A: 14 in the patients table (row 2), 20 on D0.
  REQUIRE(differs.is_object());
  CHECK(differs["file"] == "patients.csv");
  CHECK(differs["row"] == 2);
  CHECK(differs["column"] == "baseline_platelets");
  // B: 10 and 8 on D0; the 8 (platelets.csv row 5) is the baseline.
  REQUIRE(several.is_object());
  CHECK(several["file"] == "platelets.csv");
  CHECK(several["row"] == 5);
  CHECK(several["message"].get<std::string>().find("lowest (8)") != std::string::npos);
}

TEST_CASE("seed report: platelet counts by week, median and IQR across patients",
          "[report][seed]") {
  const json w = report()["platelets_by_week"];
  // Week 0: A 20, B median(10, 8) = 9, C 10, D 10 -> sorted 9, 10, 10, 20; type 7:
  // q1 = 9 + 0.75 x (10 - 9) = 9.75, median 10, q3 = 10 + 0.25 x (20 - 10) = 12.5.
  REQUIRE(w["week"][0] == 0);
  CHECK(w["patients"][0] == 4);
  CHECK(w["median"][0] == 10);
  CHECK(w["q1"][0] == 9.75);
  CHECK(w["q3"][0] == 12.5);
  // Week 7 (days 49-55): A's 150 alone. Week 8 (days 56-62): 120, 25, 50 -> median 50.
  CHECK(w["week"][1] == 7);
  CHECK(w["median"][1] == 150);
  CHECK(w["week"][2] == 8);
  CHECK(w["patients"][2] == 3);
  CHECK(w["median"][2] == 50);
}
