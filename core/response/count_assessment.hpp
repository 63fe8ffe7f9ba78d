#pragma once
// The first steps of classifying one patient (docs/design.md, "The response rule"): which count
// is the baseline, how the rule sees each count (credited or not, the level it reaches alone),
// and the sequence of counts that confirmation and loss read (one per day where the criteria
// say so). Each step takes values and returns values.
#include <optional>
#include <string>
#include <vector>

#include "core/cohort/cohort.hpp"
#include "core/response/criteria.hpp"
#include "core/response/patient_response.hpp"

namespace itp {

// What the patient's other ITP treatments mean for the rule.
struct TreatmentContext {
  std::vector<std::size_t> treatments;      // indices in Cohort::treatments, cohort order
  std::vector<TreatmentRole> roles;         // one per treatment
  std::optional<Day> first_subsequent_day;  // the first new line of treatment after the window
  std::string first_subsequent_drug;
  std::vector<Day> rescue_days;  // rescue therapy: treatments of a rescue class, flagged counts
};

TreatmentContext treatment_context(const Cohort& cohort, const ResponseCriteria& criteria,
                                   const std::vector<std::size_t>& treatments,
                                   const std::vector<const PlateletCount*>& counts);

// patients.baseline_platelets, else the count on D0, else the latest count on the days before;
// several counts on that day: the lowest. `counts` in day order.
BaselineUsed find_baseline(const Patient& patient, const BaselineRule& rule,
                           const std::vector<const PlateletCount*>& counts);

// The level one count reaches alone. A count censored below its limit ("<10") meets nothing.
ResponseLevel count_level(double value, bool censored_below, bool bleeding,
                          const ResponseCriteria& criteria, std::optional<double> baseline);

// Every count of the patient as the rule sees it, in day order.
std::vector<CountAudit> audit_counts(const std::vector<const PlateletCount*>& counts,
                                     const ResponseCriteria& criteria, const BaselineUsed& baseline,
                                     const TreatmentContext& context);

// A credited count as confirmation and loss read it.
struct AssessedCount {
  Day day;
  double value;
  bool censored_below;
  bool bleeding;
  ResponseLevel level;
  std::size_t audit;  // its index in the audit
};

// The credited counts in day order; with `same_day_counts: lowest`, one per day: the lowest of
// that day, bleeding if any count of the day was. Marks the counts set aside in the audit.
std::vector<AssessedCount> assessed_counts(std::vector<CountAudit>& audit,
                                           const ResponseCriteria& criteria,
                                           std::optional<double> baseline);

// A count that ends a response under the loss rule: bleeding (when the rule says so), below the
// loss threshold, or below the fold of baseline while short of CR (a CR count needs no fold
// rise; without a baseline a count short of CR cannot be shown to be a response).
bool ends_response(const AssessedCount& count, const ResponseCriteria& criteria,
                   std::optional<double> baseline);

// A count that ends a complete response: below `loss.cr_lost_below`, or bleeding when the loss
// rule counts bleeding.
bool ends_complete_response(const AssessedCount& count, const ResponseCriteria& criteria);

}  // namespace itp
