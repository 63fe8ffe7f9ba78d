// The core's one exception policy (core/api/error_boundary.hpp): whatever is thrown, the answer
// is {"ok": false, "error": {...}} with a code a program can read.
#include <catch2/catch.hpp>
#include <new>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/api/error_boundary.hpp"
#include "core/io/problem.hpp"

namespace {

nlohmann::json error_of(const std::string& answer) {
  const nlohmann::json j = nlohmann::json::parse(answer);
  REQUIRE(j["ok"] == false);
  return j["error"];
}

}  // namespace

TEST_CASE("error boundary: each kind of exception becomes an error answer", "[api]") {
  CHECK(itp::answer_or_error([] { return std::string("fine"); }) == "fine");
  const auto input = error_of(itp::answer_or_error([]() -> std::string {
    throw itp::InputError({"bad_cell", "row 3 is bad", "a.csv", 3, std::string("time")});
  }));
  CHECK(input["code"] == "bad_cell");
  CHECK(input["file"] == "a.csv");
  CHECK(input["row"] == 3);
  CHECK(input["column"] == "time");
  CHECK(error_of(itp::answer_or_error([]() -> std::string { throw std::bad_alloc(); }))["code"] ==
        "out_of_memory");
  const auto internal = error_of(
      itp::answer_or_error([]() -> std::string { throw std::logic_error("a broken promise"); }));
  CHECK(internal["code"] == "internal_error");
  CHECK(internal["message"] == "internal error: a broken promise");
  CHECK(error_of(itp::answer_or_error([]() -> std::string { throw 42; }))["code"] ==
        "internal_error");
}
