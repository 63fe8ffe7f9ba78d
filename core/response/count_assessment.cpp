#include "core/response/count_assessment.hpp"

#include <algorithm>

namespace itp {
namespace {

std::string day_text(Day day) { return "day " + std::to_string(day); }

bool below(const Threshold& t, double value) {
  return t.inclusive ? value <= t.value : value < t.value;
}

}  // namespace

TreatmentContext treatment_context(const Cohort& cohort, const ResponseCriteria& criteria,
                                   const std::vector<std::size_t>& treatments,
                                   const std::vector<const PlateletCount*>& counts) {
  TreatmentContext context;
  for (std::size_t i : treatments) {
    const Treatment& t = cohort.treatments[i];
    const TreatmentRole role = treatment_role(t, criteria.treatment_window_days);
    context.treatments.push_back(i);
    context.roles.push_back(role);
    const bool rescue =
        t.match && std::find(criteria.rescue_classes.begin(), criteria.rescue_classes.end(),
                             t.match->drug_class) != criteria.rescue_classes.end();
    if (rescue && t.start_day) context.rescue_days.push_back(*t.start_day);
    // Where the criteria set aside counts after rescue therapy, rescue is that, not a new line
    // of treatment; otherwise every treatment started after the window is one.
    const bool handled_as_rescue = rescue && criteria.rescue_exclusion_days > 0;
    if (role == TreatmentRole::subsequent && !handled_as_rescue &&
        (!context.first_subsequent_day || *t.start_day < *context.first_subsequent_day)) {
      context.first_subsequent_day = t.start_day;
      context.first_subsequent_drug = t.drug;
    }
  }
  for (const PlateletCount* count : counts)
    if (count->rescue == true) context.rescue_days.push_back(count->day);
  return context;
}

BaselineUsed find_baseline(const Patient& patient, const BaselineRule& rule,
                           const std::vector<const PlateletCount*>& counts) {
  BaselineUsed b;
  const auto lowest_on = [&](Day day) -> const PlateletCount* {
    const PlateletCount* lowest = nullptr;
    for (const PlateletCount* count : counts)
      if (count->day == day && (!lowest || count->platelets.value < lowest->platelets.value))
        lowest = count;
    return lowest;
  };
  const PlateletCount* chosen = rule.use_day0 ? lowest_on(0) : nullptr;
  for (Day day = rule.before_to; !chosen && day >= rule.before_from; --day) chosen = lowest_on(day);
  if (chosen) {
    b.from_counts = chosen->platelets.value;
    b.counts_day = chosen->day;
    b.counts_on_day = static_cast<std::size_t>(
        std::count_if(counts.begin(), counts.end(),
                      [&](const PlateletCount* count) { return count->day == chosen->day; }));
  }
  if (rule.use_patient_value && patient.baseline_platelets) {
    b.value = patient.baseline_platelets->value;
    b.censored_below = patient.baseline_platelets->below;
    b.source = "patients table";
    b.row = patient.source;
    return b;
  }
  if (!chosen) return b;
  b.value = chosen->platelets.value;
  b.censored_below = chosen->platelets.below;
  b.source = "count on " + day_text(chosen->day);
  b.row = chosen->source;
  return b;
}

ResponseLevel count_level(double value, bool censored_below, bool bleeding,
                          const ResponseCriteria& c, std::optional<double> baseline) {
  if (c.bleeding_veto && bleeding) return ResponseLevel::none;
  if (censored_below) return ResponseLevel::none;
  if (c.complete_response.met_by(value)) return ResponseLevel::CR;
  if (!c.response.met_by(value)) return ResponseLevel::none;
  if (!c.fold_over_baseline) return ResponseLevel::R;
  if (!baseline) return ResponseLevel::R_without_baseline;
  return value >= *c.fold_over_baseline * *baseline ? ResponseLevel::R : ResponseLevel::none;
}

std::vector<CountAudit> audit_counts(const std::vector<const PlateletCount*>& counts,
                                     const ResponseCriteria& c, const BaselineUsed& baseline,
                                     const TreatmentContext& context) {
  const auto not_credited_because = [&](const PlateletCount& count) -> std::string {
    if (c.subsequent_stops_crediting && context.first_subsequent_day &&
        count.day >= *context.first_subsequent_day)
      return "on or after the start of " + context.first_subsequent_drug + " (" +
             day_text(*context.first_subsequent_day) + ")";
    if (c.rescue_exclusion_days > 0)
      for (Day rescue : context.rescue_days)
        if (count.day >= rescue && count.day - rescue <= c.rescue_exclusion_days)
          return "within " + std::to_string(c.rescue_exclusion_days) +
                 " days after rescue therapy on " + day_text(rescue);
    return "";
  };
  std::vector<CountAudit> audit;
  audit.reserve(counts.size());
  for (const PlateletCount* count : counts) {
    CountAudit a;
    a.day = count->day;
    a.value = count->platelets.value;
    a.censored_below = count->platelets.below;
    a.bleeding = count->bleeding == true;
    a.not_credited_because = not_credited_because(*count);
    a.credited = a.not_credited_because.empty();
    a.level = count_level(a.value, a.censored_below, a.bleeding, c, baseline.value);
    a.in_window = count->day >= c.landmark.window_from && count->day <= c.landmark.window_to;
    a.source = count->source;
    audit.push_back(std::move(a));
  }
  return audit;
}

std::vector<AssessedCount> assessed_counts(std::vector<CountAudit>& audit,
                                           const ResponseCriteria& c,
                                           std::optional<double> baseline) {
  std::vector<AssessedCount> assessed;
  for (std::size_t i = 0; i < audit.size(); ++i) {
    const CountAudit& a = audit[i];
    if (!a.credited) continue;
    const AssessedCount count{a.day, a.value, a.censored_below, a.bleeding, a.level, i};
    if (c.same_day_counts == SameDayCounts::each || assessed.empty() ||
        assessed.back().day != a.day) {
      assessed.push_back(count);
      continue;
    }
    // A second count of the day: the lower one stands for the day ("<10" is below 10).
    AssessedCount& kept = assessed.back();
    const bool lower = a.value < kept.value || (a.value == kept.value && a.censored_below);
    const bool bleeding = kept.bleeding || a.bleeding;
    audit[lower ? kept.audit : i].same_day_lower = true;
    if (lower) kept = count;
    kept.bleeding = bleeding;
    kept.level = count_level(kept.value, kept.censored_below, kept.bleeding, c, baseline);
  }
  return assessed;
}

bool ends_response(const AssessedCount& count, const ResponseCriteria& c,
                   std::optional<double> baseline) {
  const LossRule& loss = c.loss;
  if (loss.bleeding && count.bleeding) return true;
  if (loss.below && (count.censored_below || below(*loss.below, count.value))) return true;
  if (loss.below_fold_of_baseline && !c.complete_response.met_by(count.value))
    return count.censored_below || !baseline ||
           count.value < *loss.below_fold_of_baseline * *baseline;
  return false;
}

bool ends_complete_response(const AssessedCount& count, const ResponseCriteria& c) {
  if (!c.loss.cr_lost_below) return false;
  if (c.loss.bleeding && count.bleeding) return true;
  return count.censored_below || below(*c.loss.cr_lost_below, count.value);
}

}  // namespace itp
