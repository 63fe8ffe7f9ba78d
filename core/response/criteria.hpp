#pragma once
// A response criteria set (docs/design.md §5 "Response criteria"): one parameterised rule that
// every preset fills in. Plain data, validated when read from JSON (parse_criteria), so that the
// rule itself (classify_response) never meets an inconsistent set.
#include <optional>
#include <string>
#include <vector>

#include "core/json/json_output.hpp"
#include "core/cohort/drug_dictionary.hpp"

namespace itp {

// A platelet threshold: a count meets it when above `value` (or at it, if inclusive).
struct Threshold {
  double value = 0;
  bool inclusive = true;
  bool met_by(double count) const { return inclusive ? count >= value : count > value; }
};

// How many counts make a finding, and how far apart the first and the last must be.
struct Confirmation {
  int counts = 1;
  int min_days_apart = 0;
};

struct BaselineRule {
  bool use_patient_value = true;  // patients.baseline_platelets when given
  bool use_day0 = true;           // else the count on D0
  int before_from = -7, before_to = -1;  // else the latest count on these days (both included)
};

struct LandmarkRule {
  int day = 91;                   // the landmark, for reports ("response at 3 months")
  int window_from = 42, window_to = 105;  // credited counts on these days (both included)
  enum class Mode { best, at } mode = Mode::best;  // best in the window, or the count nearest the day
};

struct LossRule {
  // Loss of R (and of CR): a count below this; `inclusive` makes a count at the value a loss.
  std::optional<Threshold> below = Threshold{30, false};
  std::optional<double> below_fold_of_baseline;  // or below this multiple of baseline
  // Loss of CR, reported per patient but not an RFS event: a count below this.
  std::optional<Threshold> cr_lost_below;
  bool bleeding = false;  // a count flagged bleeding is a loss
  Confirmation confirmation;
  bool subsequent_treatment = true;  // starting a subsequent ITP treatment is a loss
};

// k of n weekly counts at or above `threshold` in days [window_from, window_to], none within
// `no_rescue_days` after rescue therapy: a durable response (trials' rule).
struct DurableRule {
  double threshold = 50;
  int k = 6, n = 8;
  int window_from = 113, window_to = 168;
  int no_rescue_days = 28;
};

// Several credited counts on one day: each counts as it is (seed-2026), or the lowest stands
// for the day, bleeding if any count of that day was (IWG 2009).
enum class SameDayCounts { each, lowest };

struct ResponseCriteria {
  std::string name;   // "seed-2026"
  std::string label;  // for reports
  std::string reference;
  BaselineRule baseline;
  Threshold complete_response{100, false};
  Threshold response{30, true};
  std::optional<double> fold_over_baseline = 2.0;  // R also needs count >= fold x baseline
  bool bleeding_veto = false;  // a count with bleeding meets neither CR nor R
  Confirmation confirmation;
  SameDayCounts same_day_counts = SameDayCounts::each;
  LandmarkRule landmark;
  // Later landmarks reported per patient (6 and 12 months...): the same rule in other windows.
  std::vector<LandmarkRule> other_landmarks;
  int treatment_window_days = 42;  // concomitant: start within +-42 days of D0; subsequent: after
  bool subsequent_stops_crediting = true;  // counts on or after a subsequent treatment's start
  int rescue_exclusion_days = 0;  // counts within N days after rescue therapy are not credited
  std::vector<DrugClass> rescue_classes;  // treatment classes that are rescue therapy
  std::optional<int> exclude_death_before_day = 91;
  int time_to_response_from_day = 1;
  LossRule loss;
  enum class RfsOrigin { first_response, d0 } rfs_origin = RfsOrigin::first_response;
  bool rfs_event_loss = true, rfs_event_new_treatment = true, rfs_event_death = true;
  std::optional<DurableRule> durable;
};

// Reads and validates a criteria set. Every field is optional and defaults to seed-2026's value;
// an unknown field, a wrong type or an impossible value (R above CR, a window that ends before it
// starts, ...) throws InputError naming the field.
ResponseCriteria parse_criteria(const Json& json);
Json criteria_to_json(const ResponseCriteria& criteria);

}  // namespace itp
