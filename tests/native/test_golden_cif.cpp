// Replays every case of tests/golden/cif_cases.json through the core and compares the answer,
// number by number at 1e-9 relative (no absolute floor), with the JSON that R's cmprsk::cuminc
// gave (tests/golden/make_golden_cif.R).
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

// The cif request that `itp-analyze cif` would send for this case's arguments.
json cif_request(const json& golden_case, const std::string& table) {
  json request = {{"type", "cif"},
                  {"table", table},
                  {"time", golden_case.at("time")},
                  {"status", golden_case.at("status")},
                  {"conf_level", golden_case.at("conf_level")}};
  for (const char* optional : {"group", "strata", "censor_value", "times"})
    if (golden_case.contains(optional) && !golden_case.at(optional).is_null())
      request[optional] = golden_case.at(optional);
  return request;
}

}  // namespace

TEST_CASE("cif agrees with R's cmprsk::cuminc on every golden case", "[golden][cif]") {
  const json cases = json::parse(read_bytes(kGoldenDir + "cif_cases.json"));
  REQUIRE(cases.is_array());
  REQUIRE(cases.size() >= 6);

  for (const json& golden_case : cases) {
    const std::string name = golden_case.at("case").get<std::string>();
    const std::string input = golden_case.at("input").get<std::string>();
    INFO("golden case " << name << " (" << input << ")");

    itp::Workspace workspace;
    const std::string table = load_golden_table(workspace, input);

    const json request = cif_request(golden_case, table);
    INFO("request " << request.dump());
    const json actual = json::parse(workspace.run(request.dump()));
    const json expected = json::parse(read_bytes(kGoldenDir + "expected/cif_" + name + ".json"));

    // Every curve R gives is there, in R's order, and nothing more.
    REQUIRE(actual.at("cif").at("groups").size() == expected.at("cif").at("groups").size());
    const auto difference =
        itp::testing::first_json_difference(expected, actual, itp::testing::JsonTolerance{1e-9, 0});
    INFO("first difference: " << difference.value_or("none"));
    CHECK_FALSE(difference.has_value());
  }
}
