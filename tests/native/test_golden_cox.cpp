// Replays every case of tests/golden/cox_cases.json through the core and compares the answer,
// number by number at 1e-9 relative (no absolute floor), with the JSON that R's survival::coxph
// gave (tests/golden/make_golden_cox.R).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "core/api/workspace.hpp"
#include "golden_fixtures.hpp"
#include "json_compare.hpp"

namespace {

using json = nlohmann::ordered_json;

using itp::testing::kGoldenDir;
using itp::testing::load_golden_table;
using itp::testing::read_bytes;

// The cox request that `itp-analyze cox` would send for this case's arguments.
json cox_request(const json& golden_case, const std::string& table) {
  json request = {{"type", "cox"},
                  {"table", table},
                  {"time", golden_case.at("time")},
                  {"event", golden_case.at("event")},
                  {"covariates", golden_case.at("covariates")},
                  {"ties", golden_case.at("ties")},
                  {"conf_level", golden_case.at("conf_level")}};
  if (!golden_case.at("strata").is_null()) request["strata"] = golden_case.at("strata");
  return request;
}

}  // namespace

TEST_CASE("cox agrees with R's survival::coxph on every golden case", "[golden][cox]") {
  const json cases = json::parse(read_bytes(kGoldenDir + "cox_cases.json"));
  REQUIRE(cases.is_array());
  REQUIRE(cases.size() >= 8);

  for (const json& golden_case : cases) {
    const std::string name = golden_case.at("case").get<std::string>();
    const std::string input = golden_case.at("input").get<std::string>();
    INFO("golden case " << name << " (" << input << ")");

    itp::Workspace workspace;
    const std::string table = load_golden_table(workspace, input);

    const json request = cox_request(golden_case, table);
    INFO("request " << request.dump());
    const json actual = json::parse(workspace.run(request.dump()));
    const json expected = json::parse(read_bytes(kGoldenDir + "expected/cox_" + name + ".json"));

    const auto difference =
        itp::testing::first_json_difference(expected, actual, itp::testing::JsonTolerance{1e-9, 0});
    INFO("first difference: " << difference.value_or("none"));
    CHECK_FALSE(difference.has_value());
    // R's fits converge without a warning on these data: the core says nothing either, beyond
    // the rows it left out.
    for (const json& warning : actual.at("warnings"))
      CHECK(warning.at("code").get<std::string>().rfind("missing_", 0) == 0);
  }
}
