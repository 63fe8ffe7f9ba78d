// "table_rows_max": a curve of many rows thinned for a figure keeps, at every row it keeps, the
// exact values of the full table, and its counts still add up to the curve's.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "core/api/workspace.hpp"

namespace {

nlohmann::json survival(itp::Workspace& ws, const std::string& extra) {
  const auto answer = nlohmann::json::parse(ws.run(
      R"({"type":"survival","table":"t","time":"time","event":"status","group":"g")" + extra + "}"));
  REQUIRE(answer["ok"] == true);
  return answer["survival"];
}

}  // namespace

TEST_CASE("survival: a table thinned for display keeps exact rows and whole counts",
          "[survival][display]") {
  std::mt19937 random(7);
  std::string csv = "time,status,g\n";
  for (int i = 0; i < 20000; ++i)
    csv += std::to_string(std::uniform_int_distribution<int>(0, 50000)(random) / 10.0) + "," +
           std::to_string(std::uniform_int_distribution<int>(0, 1)(random)) + "," +
           (i % 2 ? "a" : "b") + "\n";
  itp::Workspace ws;
  REQUIRE(nlohmann::json::parse(ws.load_table(R"({"type":"load_table","name":"t"})", csv))["ok"] ==
          true);
  const auto full = survival(ws, "");
  const auto thin = survival(ws, R"(,"table_rows_max":300)");
  for (std::size_t g = 0; g < 2; ++g) {
    const auto& all = full["groups"][g]["table"];
    const auto& kept = thin["groups"][g]["table"];
    REQUIRE(all["time"].size() > 300);
    CHECK(kept["time"].size() <= 300);
    CHECK(thin["groups"][g]["table_rows"] == all["time"].size());
    CHECK(kept["time"].front() == all["time"].front());
    CHECK(kept["time"].back() == all["time"].back());
    std::size_t j = 0;
    long events = 0, censored = 0;
    for (std::size_t i = 0; i < kept["time"].size(); ++i) {
      while (all["time"][j] != kept["time"][i]) ++j;
      for (const char* column : {"n_risk", "surv", "std_err", "lower", "upper"}) {
        INFO(column << " at " << kept["time"][i]);
        CHECK(kept[column][i] == all[column][j]);
      }
      events += kept["n_event"][i].get<long>();
      censored += kept["n_censor"][i].get<long>();
    }
    CHECK(events == full["groups"][g]["events"].get<long>());
    CHECK(events + censored == full["groups"][g]["n"].get<long>());
    // Everything else is the full analysis's.
    CHECK(thin["groups"][g]["median"] == full["groups"][g]["median"]);
    CHECK(thin["groups"][g]["risk_table"] == full["groups"][g]["risk_table"]);
  }
  CHECK(thin["test"] == full["test"]);
}
