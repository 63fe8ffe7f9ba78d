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
