#pragma once
// What the response rule concludes for one patient, with the counts that decided it, so that a
// clinician can check every classification by eye (docs/design.md §5, STYLE "every number traces
// back to the rows that made it").
#include <optional>
#include <string>
#include <vector>

#include "core/cohort/cohort.hpp"
#include "core/response/treatment_roles.hpp"

namespace itp {

enum class ResponseCategory { CR, R, NR, NE, excluded };
// The level one count (or a confirmed run of counts) reaches.
enum class ResponseLevel { none, R_without_baseline, R, CR };

std::string_view category_name(ResponseCategory category);  // "CR", "R", "NR", "NE", "excluded"
std::string_view level_name(ResponseLevel level);            // "none", "R?", "R", "CR"

struct BaselineUsed {
  std::optional<double> value;
  bool censored_below = false;  // "<10"
  std::string source;           // "patients table", "count on day 0", "count on day -3", ""
  std::optional<SourceRow> row;
  // What the counts say, for the checks a reader expects: the count the rule would take
  // (when the patients table's value is used instead), and how many counts share its day.
  std::optional<double> from_counts;
  std::optional<Day> counts_day;
  std::size_t counts_on_day = 0;
};

// One of the patient's counts, as the rule saw it.
struct CountAudit {
  Day day = 0;
  double value = 0;
  bool censored_below = false;
  bool bleeding = false;
  bool credited = true;
  std::string not_credited_because;  // "" when credited
  // A lower count of the same day stands for the day (criteria `same_day_counts: lowest`).
  bool same_day_lower = false;
  ResponseLevel level = ResponseLevel::none;      // of this count alone
  ResponseLevel confirmed = ResponseLevel::none;  // of the confirmed response it lies within
  bool in_window = false;                         // of the landmark
  SourceRow source{};
};

struct TimeToEvent {
  double days = 0;   // from the origin
  bool event = false;
  std::string event_reason;  // "loss of response", "new treatment", "death", "" when censored
};

struct LandmarkResult {
  int day;
  ResponseCategory category;  // "excluded" here: died before the window
  std::string reason;
};

struct PatientResponse {
  PatientIndex patient;
  ResponseCategory category = ResponseCategory::NE;
  std::string reason;  // why this category, in words
  BaselineUsed baseline;
  std::vector<CountAudit> counts;  // every count of the patient, in day order
  std::optional<Day> landmark_count_day;  // the count that set the landmark category
  std::vector<LandmarkResult> other_landmarks;  // the criteria's later landmarks, in order
  ResponseLevel best_level = ResponseLevel::none;  // best over every credited count
  std::optional<Day> first_response_day;  // first credited count meeting R or CR (from day 1)
  std::optional<Day> best_response_day;   // first day the best level was reached
  std::optional<Day> time_to_response_days;  // for CR and R at the landmark only
  std::optional<Day> loss_day;
  std::string loss_reason;
  bool loss_by_treatment = false;  // the loss is the start of a subsequent treatment
  std::optional<Day> cr_loss_day;  // loss of CR (criteria `loss.cr_lost_below`): not an RFS event
  std::string cr_loss_reason;
  std::optional<TimeToEvent> rfs;  // for CR and R at the landmark only
  std::string rfs_missing_reason;  // why a CR or R patient has no RFS, "" otherwise
  std::optional<TimeToEvent> os;   // from D0, when D0 and follow-up are known
  std::string os_missing_reason;   // why a patient has no OS, "" otherwise
  std::vector<TreatmentRole> treatment_roles;  // one per treatment of the patient, cohort order
  std::vector<std::size_t> treatments;         // their indices in Cohort::treatments
  std::optional<Day> first_subsequent_day;
  std::optional<bool> durable;  // durable rule only
};

}  // namespace itp
