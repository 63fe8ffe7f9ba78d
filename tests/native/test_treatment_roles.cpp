// The role of another ITP treatment by its start day s and the 42-day window (docs/design.md
// §5): concomitant if -42 <= s <= 42, subsequent if s > 42, and if s < -42 prior when it ended
// before D0 (end < 0), else background (still given at D0). Each boundary on both sides.
#include <catch2/catch.hpp>
#include <optional>

#include "core/response/treatment_roles.hpp"

namespace {

using itp::TreatmentRole;

TreatmentRole role(std::optional<itp::Day> start, std::optional<itp::Day> end = std::nullopt) {
  itp::Treatment t{};
  t.drug = "eltrombopag";
  t.start_day = start;
  t.end_day = end;
  return itp::treatment_role(t, 42);
}

}  // namespace

TEST_CASE("treatment roles: the window is -42..42 days, both included", "[response][roles]") {
  CHECK(role(42) == TreatmentRole::concomitant);   // s = 42 <= 42
  CHECK(role(43) == TreatmentRole::subsequent);    // s = 43 > 42
  CHECK(role(0) == TreatmentRole::concomitant);
  CHECK(role(-42) == TreatmentRole::concomitant);  // s = -42 >= -42
  CHECK(role(-43) == TreatmentRole::background);   // s < -42, no end: still given at D0
}

TEST_CASE("treatment roles: started before the window, prior only if it ended before D0",
          "[response][roles]") {
  CHECK(role(-100, -1) == TreatmentRole::prior);       // ended the day before D0
  CHECK(role(-100, 0) == TreatmentRole::background);   // still given on D0 itself
  CHECK(role(-100, 30) == TreatmentRole::background);
  // Ended before D0 but started within the window: concomitant (the start decides first).
  CHECK(role(-42, -1) == TreatmentRole::concomitant);
}

TEST_CASE("treatment roles: declared prior, or without a start day", "[response][roles]") {
  itp::Treatment declared{};
  declared.drug = "rituximab";
  declared.declared_prior = true;
  CHECK(itp::treatment_role(declared, 42) == TreatmentRole::prior);
  CHECK(role(std::nullopt) == TreatmentRole::unknown);
  CHECK(itp::treatment_role_name(TreatmentRole::concomitant) == "concomitant");
}
