// Properties every survival result must have, checked on random data sets through the same
// JSON API the CLI and the page use.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/api/workspace.hpp"

namespace {

using nlohmann::json;

struct Row {
  double time;
  int event;
  std::string group;
};

std::vector<Row> random_rows(std::mt19937& rng) {
  std::uniform_int_distribution<int> size(1, 120), groups(1, 4), day(0, 60);
  std::bernoulli_distribution event(0.6), whole_days(0.5);
  std::uniform_real_distribution<double> continuous(0, 60);
  const int n = size(rng), g = groups(rng);
  const bool ties = whole_days(rng);
  std::vector<Row> rows;
  for (int i = 0; i < n; ++i)
    rows.push_back({ties ? day(rng) : continuous(rng), event(rng) ? 1 : 0,
                    std::string(1, static_cast<char>('A' + rng() % g))});
  return rows;
}

std::string to_csv(const std::vector<Row>& rows) {
  std::ostringstream csv;
  csv.precision(17);
  csv << "time,event,arm\n";
  for (const Row& r : rows) csv << r.time << "," << r.event << "," << r.group << "\n";
  return csv.str();
}

std::string survival_of(const std::string& csv, bool grouped) {
  itp::Workspace ws;
  REQUIRE(json::parse(ws.load_table(R"({"type":"load_table","name":"t","file":"t.csv"})", csv))["ok"]);
  json request = {{"type", "survival"}, {"table", "t"}, {"time", "time"}, {"event", "event"},
                  {"times", {5, 10, 30}}};
  if (grouped) request["group"] = "arm";
  return ws.run(request.dump());
}

}  // namespace

TEST_CASE("S is non-increasing within [0, 1] and the risk sets add up", "[properties]") {
  std::mt19937 rng(20261126);
  for (int trial = 0; trial < 200; ++trial) {
    const auto rows = random_rows(rng);
    const json result = json::parse(survival_of(to_csv(rows), true));
    REQUIRE(result["ok"] == true);
    std::size_t subjects = 0;
    for (const json& group : result["survival"]["groups"]) {
      const json& t = group["table"];
      const std::size_t n = t["time"].size();
      subjects += group["n"].get<std::size_t>();
      REQUIRE(t["n_risk"][0] == group["n"]);
      double previous = 1.0;
      for (std::size_t i = 0; i < n; ++i) {
        const double s = t["surv"][i];
        CHECK(s <= previous);
        CHECK(s >= 0.0);
        previous = s;
        const long at_risk = t["n_risk"][i], events = t["n_event"][i], censored = t["n_censor"][i];
        CHECK(events + censored >= 1);  // a row per time with an event or a censoring
        if (i + 1 < n) CHECK(t["n_risk"][i + 1] == at_risk - events - censored);
        else CHECK(at_risk == events + censored);
        if (!t["lower"][i].is_null()) CHECK(t["lower"][i].get<double>() <= s + 1e-12);
        if (!t["upper"][i].is_null()) CHECK(t["upper"][i].get<double>() >= s - 1e-12);
      }
    }
    CHECK(subjects == rows.size());
  }
}

TEST_CASE("the result does not depend on the order of the rows", "[properties]") {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 100; ++trial) {
    auto rows = random_rows(rng);
    const std::string original = survival_of(to_csv(rows), trial % 2 == 0);
    std::shuffle(rows.begin(), rows.end(), rng);
    CHECK(survival_of(to_csv(rows), trial % 2 == 0) == original);
  }
}

TEST_CASE("a table big enough to be read on several threads is read whole", "[properties]") {
  // 420,000 rows: natively read as two or more ranges. Bad cells are spread over all of them;
  // the counts of the answer must be exactly those of the file.
  std::ostringstream csv;
  csv << "time,event,arm\n";
  const int rows = 420000;
  int missing_time = 0, invalid_event = 0, used = 0;
  std::vector<int> per_arm(3, 0);
  for (int i = 0; i < rows; ++i) {
    const bool no_time = i % 9973 == 0, bad_event = !no_time && i % 7919 == 0;
    missing_time += no_time;
    invalid_event += bad_event;
    if (!no_time && !bad_event) {
      ++used;
      ++per_arm[i % 3];
    }
    csv << (no_time ? std::string("NA") : std::to_string(i % 3650) + "." + std::to_string(i % 10))
        << "," << (bad_event ? "maybe" : (i % 3 ? "1" : "0")) << "," << "ABC"[i % 3] << "\n";
  }
  itp::Workspace ws;
  REQUIRE(json::parse(ws.load_table(R"({"type":"load_table","name":"big","file":"big.csv"})",
                                    csv.str()))["ok"]);
  const json result = json::parse(ws.run(
      R"({"type":"survival","table":"big","time":"time","event":"event","group":"arm"})"));
  REQUIRE(result["ok"] == true);
  const json& counts = result["survival"]["rows"];
  CHECK(counts["read"] == rows);
  CHECK(counts["used"] == used);
  CHECK(counts["left_out"]["missing_time"] == missing_time);
  CHECK(counts["left_out"]["invalid_event"] == invalid_event);
  for (int g = 0; g < 3; ++g) CHECK(result["survival"]["groups"][g]["n"] == per_arm[g]);
  // The first 20 warnings of a kind come in row order, then one line says how many more.
  std::vector<std::size_t> missing_rows;
  for (const json& w : result["warnings"])
    if (w["code"] == "missing_time" && !w["row"].is_null()) missing_rows.push_back(w["row"]);
  REQUIRE(missing_rows.size() == 20);
  CHECK(std::is_sorted(missing_rows.begin(), missing_rows.end()));
  CHECK(missing_rows.front() == 2);  // record 0, the first data row
}
