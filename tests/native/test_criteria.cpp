// Criteria sets: every preset reads back as itself, and a user's edited set is checked, with a
// message naming the field that is wrong.
#include <catch2/catch.hpp>
#include <string>

#include "core/io/problem.hpp"
#include "core/response/presets.hpp"

namespace {

// The message of the InputError parse_criteria throws for `json`, or "" when it accepts it.
std::string error_of(const std::string& json) {
  try {
    itp::parse_criteria(itp::Json::parse(json));
  } catch (const itp::InputError& e) {
    return e.problem().message;
  }
  return "";
}

}  // namespace

TEST_CASE("criteria: each preset reads back as itself", "[criteria]") {
  REQUIRE(itp::preset_texts().size() == 3);
  for (const itp::PresetText& preset : itp::preset_texts()) {
    INFO(preset.name);
    const itp::ResponseCriteria c = itp::parse_criteria(itp::Json::parse(preset.json));
    CHECK(c.name == preset.name);
    const itp::Json written = itp::criteria_to_json(c);
    CHECK(itp::criteria_to_json(itp::parse_criteria(written)) == written);
    // The file spells out every field, so what it says is what runs.
    CHECK(itp::Json::parse(preset.json) == written);
  }
}

TEST_CASE("criteria: seed-2026 as docs/design.md §5 states it", "[criteria]") {
  const itp::ResponseCriteria c = itp::preset_criteria("seed-2026");
  CHECK_FALSE(c.complete_response.met_by(100));
  CHECK(c.complete_response.met_by(100.5));
  CHECK(c.response.met_by(30));
  CHECK(c.fold_over_baseline == 2.0);
  CHECK(c.landmark.window_from == 42);
  CHECK(c.landmark.window_to == 105);
  CHECK(c.exclude_death_before_day == 91);
  CHECK(c.treatment_window_days == 42);
  CHECK_FALSE(c.bleeding_veto);
  CHECK(c.confirmation.counts == 1);
}

TEST_CASE("criteria: an edited set is checked, naming the field", "[criteria]") {
  CHECK(error_of(R"({"name": "mine", "response": {"value": 50}})") == "");
  CHECK(error_of(R"({"respons": {"value": 50}})") ==
        "criteria: \"respons\" is not a criteria field");
  CHECK(error_of(R"({"response": {"valeu": 50}})") ==
        "criteria: \"response.valeu\" is not a criteria field");
  CHECK(error_of(R"({"response": {"value": "30"}})") ==
        "criteria: \"response.value\" must be a number from 0 to 1000000");
  CHECK(error_of(R"({"response": {"value": 150}})") ==
        "criteria: \"response.value\" is above complete_response.value: R must start below CR");
  CHECK(error_of(R"({"landmark": {"window_from": 100, "window_to": 42}})") ==
        "criteria: \"landmark.window_to\" ends before landmark.window_from");
  CHECK(error_of(R"({"confirmation": {"counts": 0}})") ==
        "criteria: \"confirmation.counts\" must be a whole number from 1 to 10");
  CHECK(error_of(R"({"rescue_classes": ["ivig", "aspirin"]})") ==
        "criteria: \"rescue_classes\" holds \"aspirin\", not a drug class");
  CHECK(error_of(R"({"durable": {"k": 9, "n": 8}})") == "criteria: \"durable.k\" is more than durable.n");
  CHECK(error_of(R"([1, 2])") == "criteria: \"criteria\" must be an object");
}

TEST_CASE("criteria: an unknown preset name lists the presets", "[criteria]") {
  try {
    itp::preset_criteria("iwg-2019");
    FAIL("no error");
  } catch (const itp::InputError& e) {
    CHECK(e.problem().code == "unknown_criteria");
    CHECK(e.problem().message ==
          "no criteria preset named \"iwg-2019\" (presets: durable-6-of-8, iwg-2009, "
          "seed-2026); or give the criteria as a JSON object");
  }
}
