#include "core/response/classify_response.hpp"

#include <algorithm>
#include <cmath>

#include "core/numeric/decimal_format.hpp"
#include "core/response/confirmed_episodes.hpp"
#include "core/response/count_assessment.hpp"

namespace itp {
namespace {

std::string day_text(Day day) { return "day " + std::to_string(day); }

// The records of one patient: the cohort's counts in day order and their
// treatments.
struct PatientRecords {
  std::vector<const PlateletCount *> counts;
  std::vector<std::size_t> treatments;
};

std::vector<PatientRecords> records_by_patient(const Cohort &cohort) {
  std::vector<PatientRecords> by(cohort.patients.size());
  for (const PlateletCount &c : cohort.platelets)
    by[c.patient].counts.push_back(&c);
  for (std::size_t i = 0; i < cohort.treatments.size(); ++i)
    by[cohort.treatments[i].patient].treatments.push_back(i);
  for (PatientRecords &r : by)
    std::stable_sort(r.counts.begin(), r.counts.end(),
                     [](const PlateletCount *a, const PlateletCount *b) {
                       return a->day < b->day;
                     });
  return by;
}

std::optional<Day> death_day(const Patient &patient) {
  if (!patient.death_date || !patient.d0)
    return std::nullopt;
  return static_cast<Day>(*patient.death_date - *patient.d0);
}

// What the rule has read of a patient's counts, once: the inputs of every later
// step.
struct CountReading {
  const std::vector<AssessedCount> &counts;
  const ConfirmedLevels &levels;
  const TreatmentContext &context;
};

// The category at a landmark for a patient who is alive and evaluable, in the
// order of the rule: treatment failure, no count, no baseline, else the level
// of the confirmed response that a credited count in the window lies within.
// `count_day`: the count that set it.
LandmarkResult category_at(const LandmarkRule &landmark,
                           const CountReading &reading,
                           const ResponseCriteria &c,
                           std::optional<Day> &count_day) {
  const std::vector<AssessedCount> &counts = reading.counts;
  // What a count in the window says: the confirmed response it lies within,
  // else whether it is in the R range without a baseline to judge it, else
  // nothing.
  const auto says = [&](std::size_t i) {
    if (reading.levels.within[i] >= ResponseLevel::R)
      return reading.levels.within[i];
    return counts[i].level == ResponseLevel::R_without_baseline
               ? counts[i].level
               : ResponseLevel::none;
  };
  std::optional<std::size_t> chosen;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i].day < landmark.window_from ||
        counts[i].day > landmark.window_to)
      continue;
    if (landmark.mode == LandmarkRule::Mode::best) {
      if (!chosen || says(i) > says(*chosen))
        chosen = i;
    } else { // the count nearest the landmark day, the later one on a tie
      const auto distance = [&](std::size_t k) {
        return std::abs(counts[k].day - landmark.day);
      };
      if (!chosen || distance(i) <= distance(*chosen))
        chosen = i;
    }
  }
  const std::string window = "days " + std::to_string(landmark.window_from) +
                             "-" + std::to_string(landmark.window_to);
  const ResponseLevel level = chosen ? says(*chosen) : ResponseLevel::none;
  const std::optional<Day> &subsequent = reading.context.first_subsequent_day;
  if (chosen)
    count_day = counts[*chosen].day;
  if (subsequent && *subsequent <= landmark.window_to &&
      level < ResponseLevel::R)
    return {landmark.day, ResponseCategory::NR,
            "treatment failure: " + reading.context.first_subsequent_drug +
                " started on " + day_text(*subsequent) +
                " without a response on " + window};
  if (!chosen)
    return {landmark.day, ResponseCategory::NE,
            "no credited count on " + window};
  if (level == ResponseLevel::R_without_baseline)
    return {landmark.day, ResponseCategory::NE,
            "no baseline: a count on " + window +
                " is in the R range, but R needs " +
                decimal_text(c.fold_over_baseline.value_or(1)) + " x baseline"};
  const std::string at = "count on " + day_text(*count_day);
  const std::string confirmed = c.confirmation.counts > 1 ? ", confirmed," : "";
  if (level == ResponseLevel::CR)
    return {landmark.day, ResponseCategory::CR, at + confirmed + " meets CR"};
  if (level == ResponseLevel::R)
    return {landmark.day, ResponseCategory::R, at + confirmed + " meets R"};
  return {
      landmark.day, ResponseCategory::NR,
      "no credited count on " + window + " meets R or CR" +
          (c.confirmation.counts > 1 ? " within a confirmed response" : "")};
}

struct DurableResult {
  ResponseCategory category;
  std::string reason;
  bool durable;
};

// k of n weekly counts at or above the threshold in the window, none within the
// rescue days.
DurableResult durable_rule(const DurableRule &d,
                           const std::vector<CountAudit> &audit,
                           const std::vector<Day> &rescue_days) {
  std::vector<bool> week_met(static_cast<std::size_t>(d.n), false),
      week_seen = week_met;
  for (const CountAudit &a : audit) {
    if (a.day < d.window_from || a.day > d.window_to)
      continue;
    const auto week = static_cast<std::size_t>((a.day - d.window_from) / 7);
    if (week >= week_seen.size())
      continue;
    week_seen[week] = true;
    bool after_rescue = false;
    for (Day rescue : rescue_days)
      after_rescue = after_rescue ||
                     (a.day >= rescue && a.day - rescue <= d.no_rescue_days);
    if (a.credited && !a.censored_below && !after_rescue &&
        a.value >= d.threshold)
      week_met[week] = true;
  }
  const auto met = std::count(week_met.begin(), week_met.end(), true);
  const bool any =
      std::find(week_seen.begin(), week_seen.end(), true) != week_seen.end();
  const std::string window = "days " + std::to_string(d.window_from) + "-" +
                             std::to_string(d.window_to);
  if (!any)
    return {ResponseCategory::NE, "no count on " + window, false};
  if (met >= d.k)
    return {ResponseCategory::R,
            "durable response: " + std::to_string(met) + " of " +
                std::to_string(d.n) + " weeks with a count >= " +
                decimal_text(d.threshold) + " on " + window,
            true};
  return {ResponseCategory::NR,
          "no durable response: " + std::to_string(met) + " of " +
              std::to_string(d.n) + " weeks (" + std::to_string(d.k) +
              " needed) on " + window,
          false};
}

// The first day on or after `from_day` where a confirmed response (R or CR)
// starts.
std::optional<Day> first_response(const CountReading &reading, int from_day) {
  for (std::size_t i = 0; i < reading.counts.size(); ++i)
    if (reading.counts[i].day >= from_day &&
        reading.levels.starts[i] >= ResponseLevel::R)
      return reading.counts[i].day;
  return std::nullopt;
}

struct Loss {
  std::optional<Day> day;
  std::string reason;
  bool by_treatment = false;
};

// The first confirmed run of counts after day `after` that `ends` says end a
// response.
template <typename Ends>
Loss first_loss(const std::vector<AssessedCount> &counts, Day after, Ends ends,
                const LossRule &rule) {
  const Episodes lost = confirmed_episodes(counts, ends, rule.confirmation);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i].day <= after || !lost.starts[i])
      continue;
    return {counts[i].day,
            "count of " + decimal_text(counts[i].value) +
                (counts[i].censored_below ? " (below)" : "") +
                (rule.bleeding && counts[i].bleeding ? " with bleeding" : "") +
                " on " + day_text(counts[i].day)};
  }
  return {};
}

// Loss of response from the first response on: the first confirmed run of
// counts that end it, or the start of a subsequent treatment, whichever comes
// first.
Loss loss_of_response(const CountReading &reading, Day first_response_day,
                      const ResponseCriteria &c,
                      std::optional<double> baseline) {
  Loss loss = first_loss(
      reading.counts, first_response_day,
      [&](const AssessedCount &count) {
        return ends_response(count, c, baseline);
      },
      c.loss);
  const std::optional<Day> &subsequent = reading.context.first_subsequent_day;
  if (c.loss.subsequent_treatment && subsequent &&
      *subsequent > first_response_day &&
      (!loss.day || *subsequent < *loss.day))
    loss = {subsequent,
            reading.context.first_subsequent_drug + " started on " +
                day_text(*subsequent),
            true};
  return loss;
}

// A time to event, or why there is none.
struct Outcome {
  std::optional<TimeToEvent> time;
  std::string missing_reason;
};

Outcome relapse_free_survival(std::optional<Day> first_response_day,
                              const Loss &loss, const Patient &patient,
                              const TreatmentContext &context,
                              const ResponseCriteria &c) {
  if (!first_response_day)
    return {std::nullopt, "no confirmed response on or after " +
                              day_text(c.time_to_response_from_day) +
                              " to count RFS from"};
  const Day response_day = *first_response_day;
  const Day origin =
      c.rfs_origin == ResponseCriteria::RfsOrigin::d0 ? 0 : response_day;
  std::optional<Day> end;
  std::string why;
  const auto consider = [&](std::optional<Day> day, const std::string &reason) {
    if (day && (!end || *day < *end)) {
      end = day;
      why = reason;
    }
  };
  if (c.rfs_event_loss && loss.day && !loss.by_treatment)
    consider(loss.day, "loss of response");
  if (c.rfs_event_new_treatment && context.first_subsequent_day &&
      *context.first_subsequent_day > response_day)
    consider(context.first_subsequent_day, "new treatment");
  if (c.rfs_event_death)
    consider(death_day(patient), "death");
  if (end)
    return {TimeToEvent{static_cast<double>(*end - origin), true, why}, ""};
  if (patient.last_record_day)
    return {TimeToEvent{static_cast<double>(*patient.last_record_day - origin),
                        false, ""},
            ""};
  return {std::nullopt, "no follow-up date"};
}

// OS from D0 to death, else to the last follow-up.
Outcome overall_survival(const Patient &patient) {
  if (const std::optional<Day> death = death_day(patient))
    return {TimeToEvent{static_cast<double>(*death), true, "death"}, ""};
  if (patient.death == true)
    return {std::nullopt, "died, date of death unknown"};
  if (patient.last_record_day)
    return {
        TimeToEvent{static_cast<double>(*patient.last_record_day), false, ""},
        ""};
  return {std::nullopt, patient.d0 ? "no follow-up date" : "no D0"};
}

struct BestResponse {
  ResponseLevel level = ResponseLevel::none;
  std::optional<Day> day;
};

// The best confirmed level over every assessed count, and the first day it
// starts; "R?" when the best is a count in the R range without a baseline to
// judge it (no day then).
BestResponse best_response(const CountReading &reading) {
  BestResponse best;
  for (std::size_t i = 0; i < reading.counts.size(); ++i) {
    if (reading.levels.starts[i] > best.level)
      best = {reading.levels.starts[i], reading.counts[i].day};
  }
  if (best.level == ResponseLevel::none &&
      std::any_of(reading.counts.begin(), reading.counts.end(),
                  [](const AssessedCount &count) {
                    return count.level == ResponseLevel::R_without_baseline;
                  }))
    best.level = ResponseLevel::R_without_baseline;
  return best;
}

// The loss of a complete response, from the first confirmed CR on (not an RFS
// event).
Loss loss_of_complete_response(const CountReading &reading,
                               const ResponseCriteria &c) {
  const std::vector<ResponseLevel> &starts = reading.levels.starts;
  const auto first_cr =
      std::find(starts.begin(), starts.end(), ResponseLevel::CR);
  if (first_cr == starts.end())
    return {};
  return first_loss(
      reading.counts,
      reading.counts[static_cast<std::size_t>(first_cr - starts.begin())].day,
      [&](const AssessedCount &count) {
        return ends_complete_response(count, c);
      },
      c.loss);
}

struct Category {
  ResponseCategory category = ResponseCategory::NE;
  std::string reason;
  std::optional<Day> landmark_count_day;
  std::vector<LandmarkResult> other_landmarks;
  std::optional<bool> durable;
};

// The category at the landmark (and at the later landmarks) from what the
// counts say.
Category categorise(const Patient &patient, const CountReading &reading,
                    const std::vector<CountAudit> &audit,
                    const ResponseCriteria &c) {
  Category result;
  if (!patient.not_evaluable_reason.empty()) {
    result.reason = patient.not_evaluable_reason;
    return result;
  }
  const std::optional<Day> death = death_day(patient);
  for (const LandmarkRule &landmark : c.other_landmarks) {
    std::optional<Day> ignored;
    result.other_landmarks.push_back(
        death && *death < landmark.window_from
            ? LandmarkResult{landmark.day, ResponseCategory::excluded,
                             "died on " + day_text(*death)}
            : category_at(landmark, reading, c, ignored));
  }
  if (c.exclude_death_before_day && death &&
      *death < *c.exclude_death_before_day) {
    result.category = ResponseCategory::excluded;
    result.reason = "died on " + day_text(*death) + ", before " +
                    day_text(*c.exclude_death_before_day);
    return result;
  }
  if (c.durable) {
    DurableResult d =
        durable_rule(*c.durable, audit, reading.context.rescue_days);
    result.category = d.category;
    result.reason = std::move(d.reason);
    result.durable = d.durable;
    return result;
  }
  LandmarkResult at =
      category_at(c.landmark, reading, c, result.landmark_count_day);
  result.category = at.category;
  result.reason = std::move(at.reason);
  return result;
}

PatientResponse classify_patient(const Cohort &cohort,
                                 const ResponseCriteria &c, PatientIndex index,
                                 const PatientRecords &records) {
  const Patient &patient = cohort.patients[index];
  PatientResponse r;
  r.patient = index;
  const TreatmentContext context =
      treatment_context(cohort, c, records.treatments, records.counts);
  r.treatments = context.treatments;
  r.treatment_roles = context.roles;
  r.first_subsequent_day = context.first_subsequent_day;
  r.baseline = find_baseline(patient, c.baseline, records.counts);
  r.counts = audit_counts(records.counts, c, r.baseline, context);
  const std::vector<AssessedCount> counts =
      assessed_counts(r.counts, c, r.baseline.value);
  const ConfirmedLevels levels = confirmed_levels(counts, c.confirmation);
  for (std::size_t i = 0; i < counts.size(); ++i)
    r.counts[counts[i].audit].confirmed = levels.within[i];
  const CountReading reading{counts, levels, context};

  const BestResponse best = best_response(reading);
  r.best_level = best.level;
  r.best_response_day = best.day;
  r.first_response_day = first_response(reading, c.time_to_response_from_day);
  Category category = categorise(patient, reading, r.counts, c);
  r.category = category.category;
  r.reason = std::move(category.reason);
  r.landmark_count_day = category.landmark_count_day;
  r.other_landmarks = std::move(category.other_landmarks);
  r.durable = category.durable;
  if (r.category == ResponseCategory::CR || r.category == ResponseCategory::R) {
    r.time_to_response_days = r.first_response_day;
    Loss loss;
    if (r.first_response_day)
      loss =
          loss_of_response(reading, *r.first_response_day, c, r.baseline.value);
    r.loss_day = loss.day;
    r.loss_reason = loss.reason;
    r.loss_by_treatment = loss.by_treatment;
    if (r.category == ResponseCategory::CR) {
      Loss cr_loss = loss_of_complete_response(reading, c);
      r.cr_loss_day = cr_loss.day;
      r.cr_loss_reason = std::move(cr_loss.reason);
    }
    Outcome rfs =
        relapse_free_survival(r.first_response_day, loss, patient, context, c);
    r.rfs = rfs.time;
    r.rfs_missing_reason = std::move(rfs.missing_reason);
  }
  Outcome os = overall_survival(patient);
  r.os = os.time;
  r.os_missing_reason = std::move(os.missing_reason);
  return r;
}

} // namespace

std::string_view category_name(ResponseCategory category) {
  switch (category) {
  case ResponseCategory::CR:
    return "CR";
  case ResponseCategory::R:
    return "R";
  case ResponseCategory::NR:
    return "NR";
  case ResponseCategory::NE:
    return "NE";
  case ResponseCategory::excluded:
    break;
  }
  return "excluded";
}

std::string_view level_name(ResponseLevel level) {
  switch (level) {
  case ResponseLevel::none:
    return "none";
  case ResponseLevel::R_without_baseline:
    return "R?";
  case ResponseLevel::R:
    return "R";
  case ResponseLevel::CR:
    break;
  }
  return "CR";
}

std::vector<PatientResponse>
classify_responses(const Cohort &cohort, const ResponseCriteria &criteria) {
  const std::vector<PatientRecords> records = records_by_patient(cohort);
  std::vector<PatientResponse> responses;
  responses.reserve(cohort.patients.size());
  for (PatientIndex i = 0; i < cohort.patients.size(); ++i)
    responses.push_back(classify_patient(cohort, criteria, i, records[i]));
  return responses;
}

} // namespace itp
