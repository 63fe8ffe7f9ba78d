// Replays every case of tests/golden/cases.json through the core and compares the answer, field
// by field, with the JSON that R's survival package produced (tests/golden/make_golden.R).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "core/api/workspace.hpp"
#include "golden_fixtures.hpp"
#include "json_compare.hpp"

namespace {

// Ordered, so the first difference reported is the first in the expected file.
using json = nlohmann::ordered_json;

using itp::testing::kGoldenDir;
using itp::testing::load_golden_table;
using itp::testing::read_bytes;

// The survival request that `itp-analyze survival` would send for this case's arguments.
json survival_request(const json& golden_case, const std::string& table) {
  json request = {{"type", "survival"},
                  {"table", table},
                  {"time", golden_case.at("time")},
                  {"event", golden_case.at("event")},
                  {"conf_type", golden_case.at("conf_type")},
                  {"conf_level", golden_case.at("conf_level")},
                  {"times", golden_case.at("times")},
                  {"rho", golden_case.at("rho")}};
  for (const char* optional :
       {"group", "strata", "rmst_tau", "pairwise", "trend", "trend_scores", "landmark"}) {
    if (golden_case.contains(optional) && !golden_case.at(optional).is_null())
      request[optional] = golden_case.at(optional);
  }
  return request;
}

}  // namespace

TEST_CASE("survival agrees with R's survival package on every golden case", "[golden][survival]") {
  const json cases = json::parse(read_bytes(kGoldenDir + "cases.json"));
  REQUIRE(cases.is_array());
  REQUIRE(cases.size() >= 10);

  for (const json& golden_case : cases) {
    const std::string name = golden_case.at("case").get<std::string>();
    const std::string input = golden_case.at("input").get<std::string>();
    INFO("golden case " << name << " (" << input << ")");

    itp::Workspace workspace;
    const std::string table = load_golden_table(workspace, input);

    const json request = survival_request(golden_case, table);
    const std::string answer = workspace.run(request.dump());
    INFO("request " << request.dump());
    const json actual = json::parse(answer);
    const json expected = json::parse(read_bytes(kGoldenDir + "expected/" + name + ".json"));

    const auto difference = itp::testing::first_json_difference(expected, actual);
    INFO("first difference: " << difference.value_or("none"));
    CHECK_FALSE(difference.has_value());
  }
}

TEST_CASE("json comparison names the path of the first difference", "[golden][json_compare]") {
  using itp::testing::first_json_difference;
  const json expected = json::parse(R"({"a": [1, 2.5, null], "b": {"c": "x"}})");

  CHECK_FALSE(first_json_difference(
      expected, json::parse(R"({"a": [1.0, 2.5000000001, null], "b": {"c": "x"}, "extra": 1})")));
  CHECK(first_json_difference(expected, json::parse(R"({"a": [1, 2.6, null], "b": {"c": "x"}})"))
            .value()
            .rfind("$.a[1]:", 0) == 0);
  CHECK(first_json_difference(expected, json::parse(R"({"a": [1, 2.5, 0], "b": {"c": "x"}})"))
            .value()
            .rfind("$.a[2]:", 0) == 0);
  CHECK(first_json_difference(expected, json::parse(R"({"a": [1, 2.5], "b": {"c": "x"}})"))
            .value()
            .rfind("$.a:", 0) == 0);
  CHECK(first_json_difference(expected, json::parse(R"({"a": [1, 2.5, null], "b": {}})"))
            .value()
            .rfind("$.b: missing key", 0) == 0);
  CHECK(first_json_difference(json(3), json(4)).has_value());
  // Document order: "z" comes first in the expected text, so it is the first difference.
  CHECK(
      first_json_difference(json::parse(R"({"z": 1, "a": 1})"), json::parse(R"({"z": 2, "a": 2})"))
          .value()
          .rfind("$.z:", 0) == 0);
  CHECK_FALSE(first_json_difference(json(1e-14), json(0)));
}
