#include "core/response/classify_response.hpp"

#include <algorithm>
#include <cmath>

#include "core/numeric/decimal_format.hpp"

namespace itp {
namespace {

std::string day_text(Day day) { return "day " + std::to_string(day); }

// The records of one patient: spans of the cohort's sorted vectors.
struct PatientRecords {
  std::vector<const PlateletCount*> counts;
  std::vector<std::size_t> treatments;
};

std::vector<PatientRecords> records_by_patient(const Cohort& cohort) {
  std::vector<PatientRecords> by(cohort.patients.size());
  for (const PlateletCount& c : cohort.platelets) by[c.patient].counts.push_back(&c);
  for (std::size_t i = 0; i < cohort.treatments.size(); ++i)
    by[cohort.treatments[i].patient].treatments.push_back(i);
  for (PatientRecords& r : by)
    std::stable_sort(r.counts.begin(), r.counts.end(),
                     [](const PlateletCount* a, const PlateletCount* b) { return a->day < b->day; });
  return by;
}

class PatientRule {
 public:
  PatientRule(const Cohort& cohort, const ResponseCriteria& criteria, PatientIndex index,
              const PatientRecords& records)
      : cohort_(cohort), c_(criteria), patient_(cohort.patients[index]), records_(records) {
    out_.patient = index;
  }

  PatientResponse run() {
    roles();
    baseline();
    audit_counts();
    best_overall();
    categorise();
    if (out_.category == ResponseCategory::CR || out_.category == ResponseCategory::R) {
      out_.time_to_response_days = out_.first_response_day;
      loss_of_response();
      relapse_free_survival();
    }
    overall_survival();
    return std::move(out_);
  }

 private:
  std::optional<Day> death_day() const {
    if (!patient_.death_date || !patient_.d0) return std::nullopt;
    return static_cast<Day>(*patient_.death_date - *patient_.d0);
  }

  void roles() {
    for (std::size_t i : records_.treatments) {
      const Treatment& t = cohort_.treatments[i];
      const TreatmentRole role = treatment_role(t, c_.treatment_window_days);
      out_.treatments.push_back(i);
      out_.treatment_roles.push_back(role);
      const bool rescue = t.match && std::find(c_.rescue_classes.begin(), c_.rescue_classes.end(),
                                                t.match->drug_class) != c_.rescue_classes.end();
      if (rescue && t.start_day) rescue_days_.push_back(*t.start_day);
      // Where the criteria set aside counts after rescue therapy, rescue is that, not a new
      // line of treatment; otherwise every treatment started after the window is one.
      const bool handled_as_rescue = rescue && c_.rescue_exclusion_days > 0;
      if (role == TreatmentRole::subsequent && !handled_as_rescue &&
          (!out_.first_subsequent_day || *t.start_day < *out_.first_subsequent_day)) {
        out_.first_subsequent_day = t.start_day;
        first_subsequent_drug_ = t.drug;
      }
    }
    for (const PlateletCount* count : records_.counts)
      if (count->rescue == true) rescue_days_.push_back(count->day);
  }

  // patients.baseline_platelets, else the count on D0, else the latest on days -7..-1; several
  // counts on that day: the lowest.
  void baseline() {
    BaselineUsed& b = out_.baseline;
    if (c_.baseline.use_patient_value && patient_.baseline_platelets) {
      b.value = patient_.baseline_platelets->value;
      b.censored_below = patient_.baseline_platelets->below;
      b.source = "patients table";
      b.row = patient_.source;
      return;
    }
    const auto lowest_on = [&](Day day) -> const PlateletCount* {
      const PlateletCount* lowest = nullptr;
      for (const PlateletCount* count : records_.counts)
        if (count->day == day && (!lowest || count->platelets.value < lowest->platelets.value))
          lowest = count;
      return lowest;
    };
    const PlateletCount* chosen = c_.baseline.use_day0 ? lowest_on(0) : nullptr;
    for (Day day = c_.baseline.before_to; !chosen && day >= c_.baseline.before_from; --day)
      chosen = lowest_on(day);
    if (!chosen) return;
    b.value = chosen->platelets.value;
    b.censored_below = chosen->platelets.below;
    b.source = "count on " + day_text(chosen->day);
    b.row = chosen->source;
  }

  std::string not_credited_because(const PlateletCount& count) const {
    if (c_.subsequent_stops_crediting && out_.first_subsequent_day &&
        count.day >= *out_.first_subsequent_day)
      return "on or after the start of " + first_subsequent_drug_ + " (" +
             day_text(*out_.first_subsequent_day) + ")";
    if (c_.rescue_exclusion_days > 0)
      for (Day rescue : rescue_days_)
        if (count.day >= rescue && count.day - rescue <= c_.rescue_exclusion_days)
          return "within " + std::to_string(c_.rescue_exclusion_days) +
                 " days after rescue therapy on " + day_text(rescue);
    return "";
  }

  ResponseLevel level_of(const PlateletCount& count) const {
    if (c_.bleeding_veto && count.bleeding == true) return ResponseLevel::none;
    // A count censored below its limit ("<10") meets no threshold.
    if (count.platelets.below) return ResponseLevel::none;
    const double value = count.platelets.value;
    if (c_.complete_response.met_by(value)) return ResponseLevel::CR;
    if (!c_.response.met_by(value)) return ResponseLevel::none;
    if (!c_.fold_over_baseline) return ResponseLevel::R;
    if (!out_.baseline.value) return ResponseLevel::R_without_baseline;
    return value >= *c_.fold_over_baseline * *out_.baseline.value ? ResponseLevel::R
                                                                    : ResponseLevel::none;
  }

  void audit_counts() {
    for (const PlateletCount* count : records_.counts) {
      CountAudit a{count->day, count->platelets.value, count->platelets.below, true, "",
                   level_of(*count), false, count->source};
      a.not_credited_because = not_credited_because(*count);
      a.credited = a.not_credited_because.empty();
      a.in_window = count->day >= c_.landmark.window_from && count->day <= c_.landmark.window_to;
      out_.counts.push_back(std::move(a));
    }
  }

  // The level the count at `i` reaches with the confirmation the criteria ask: itself and
  // enough later credited counts at that level or above, the last far enough from it.
  ResponseLevel confirmed_level(std::size_t i) const {
    const std::vector<CountAudit>& counts = out_.counts;
    if (!counts[i].credited) return ResponseLevel::none;
    ResponseLevel level = counts[i].level;
    while (level != ResponseLevel::none) {
      int seen = 1;
      Day last = counts[i].day;
      for (std::size_t j = i + 1; j < counts.size(); ++j) {
        if (!counts[j].credited || counts[j].level < level) continue;
        ++seen;
        last = counts[j].day;
      }
      if (seen >= c_.confirmation.counts && last - counts[i].day >= c_.confirmation.min_days_apart)
        return level;
      level = level == ResponseLevel::CR ? ResponseLevel::R : ResponseLevel::none;
    }
    return ResponseLevel::none;
  }

  void best_overall() {
    for (std::size_t i = 0; i < out_.counts.size(); ++i) {
      const ResponseLevel level = confirmed_level(i);
      const Day day = out_.counts[i].day;
      if (level >= ResponseLevel::R && day >= c_.time_to_response_from_day &&
          !out_.first_response_day)
        out_.first_response_day = day;
      if (level > out_.best_level) {
        out_.best_level = level;
        out_.best_response_day = day;
      }
    }
    if (out_.best_level < ResponseLevel::R) out_.best_response_day.reset();
  }

  // The level in a landmark's window, and the day of the count that set it; nullopt: no
  // credited count in the window.
  std::optional<ResponseLevel> level_in(const LandmarkRule& landmark, std::optional<Day>& count_day) {
    std::optional<ResponseLevel> best;
    std::optional<std::size_t> chosen;
    for (std::size_t i = 0; i < out_.counts.size(); ++i) {
      const CountAudit& a = out_.counts[i];
      if (!a.credited || a.day < landmark.window_from || a.day > landmark.window_to) continue;
      const ResponseLevel level = confirmed_level(i);
      if (landmark.mode == LandmarkRule::Mode::best) {
        if (!best || level > *best) {
          best = level;
          chosen = i;
        }
      } else {  // the count nearest the landmark day, the later one on a tie
        const auto distance = [&](std::size_t k) {
          return std::abs(out_.counts[k].day - landmark.day);
        };
        if (!chosen || distance(i) <= distance(*chosen)) {
          best = level;
          chosen = i;
        }
      }
    }
    if (chosen) count_day = out_.counts[*chosen].day;
    return best;
  }

  static std::string window_text(const LandmarkRule& landmark) {
    return "days " + std::to_string(landmark.window_from) + "-" +
           std::to_string(landmark.window_to);
  }

  // The category at a landmark for a patient who is alive and evaluable: treatment failure,
  // no count, no baseline, or the level reached. The order is DESIGN §5's.
  LandmarkResult category_at(const LandmarkRule& landmark, std::optional<Day>& count_day) {
    const std::optional<ResponseLevel> level = level_in(landmark, count_day);
    const std::string window = window_text(landmark);
    const bool responded = level && *level >= ResponseLevel::R;
    if (out_.first_subsequent_day && *out_.first_subsequent_day <= landmark.window_to &&
        !responded)
      return {landmark.day, ResponseCategory::NR,
              "treatment failure: " + first_subsequent_drug_ + " started on " +
                  day_text(*out_.first_subsequent_day) + " without a response on " + window};
    if (!level) return {landmark.day, ResponseCategory::NE, "no credited count on " + window};
    if (*level == ResponseLevel::R_without_baseline)
      return {landmark.day, ResponseCategory::NE,
              "no baseline: a count on " + window + " is in the R range, but R needs " +
                  decimal_text(*c_.fold_over_baseline) + " x baseline"};
    const std::string at = " on " + day_text(*count_day);
    if (*level == ResponseLevel::CR)
      return {landmark.day, ResponseCategory::CR, "count" + at + " meets CR"};
    if (*level == ResponseLevel::R)
      return {landmark.day, ResponseCategory::R, "count" + at + " meets R"};
    return {landmark.day, ResponseCategory::NR, "no credited count on " + window + " meets R or CR"};
  }

  void categorise() {
    const std::optional<Day> death = death_day();
    if (!patient_.not_evaluable_reason.empty()) {
      out_.category = ResponseCategory::NE;
      out_.reason = patient_.not_evaluable_reason;
      return;
    }
    for (const LandmarkRule& landmark : c_.other_landmarks) {
      std::optional<Day> ignored;
      out_.other_landmarks.push_back(
          death && *death < landmark.window_from
              ? LandmarkResult{landmark.day, ResponseCategory::excluded,
                               "died on " + day_text(*death)}
              : category_at(landmark, ignored));
    }
    if (c_.exclude_death_before_day && death && *death < *c_.exclude_death_before_day) {
      out_.category = ResponseCategory::excluded;
      out_.reason =
          "died on " + day_text(*death) + ", before " + day_text(*c_.exclude_death_before_day);
      return;
    }
    if (c_.durable) return durable_rule();
    LandmarkResult result = category_at(c_.landmark, out_.landmark_count_day);
    out_.category = result.category;
    out_.reason = std::move(result.reason);
  }

  // k of n weekly counts at or above the threshold in the window, none within the rescue days.
  void durable_rule() {
    const DurableRule& d = *c_.durable;
    std::vector<bool> week_met(static_cast<std::size_t>(d.n), false), week_seen = week_met;
    for (const CountAudit& a : out_.counts) {
      if (a.day < d.window_from || a.day > d.window_to) continue;
      const auto week = static_cast<std::size_t>((a.day - d.window_from) / 7);
      if (week >= week_seen.size()) continue;
      week_seen[week] = true;
      bool after_rescue = false;
      for (Day rescue : rescue_days_)
        after_rescue = after_rescue || (a.day >= rescue && a.day - rescue <= d.no_rescue_days);
      if (a.credited && !a.censored_below && !after_rescue && a.value >= d.threshold)
        week_met[week] = true;
    }
    const auto met = std::count(week_met.begin(), week_met.end(), true);
    const bool any = std::find(week_seen.begin(), week_seen.end(), true) != week_seen.end();
    out_.durable = met >= d.k;
    const std::string window = "days " + std::to_string(d.window_from) + "-" +
                               std::to_string(d.window_to);
    if (!any) {
      out_.category = ResponseCategory::NE;
      out_.reason = "no count on " + window;
    } else if (met >= d.k) {
      out_.category = ResponseCategory::R;
      out_.reason = "durable response: " + std::to_string(met) + " of " + std::to_string(d.n) +
                    " weeks with a count >= " + decimal_text(d.threshold) + " on " + window;
    } else {
      out_.category = ResponseCategory::NR;
      out_.reason = "no durable response: " + std::to_string(met) + " of " + std::to_string(d.n) +
                    " weeks (" + std::to_string(d.k) + " needed) on " + window;
    }
  }

  bool is_loss(const CountAudit& a) const {
    const LossRule& l = c_.loss;
    if (!a.credited) return false;
    if (l.bleeding && a.level == ResponseLevel::none && c_.bleeding_veto) return true;
    if (l.below && (a.censored_below ||
                    (l.below->inclusive ? a.value <= l.below->value : a.value < l.below->value)))
      return true;
    if (l.below_fold_of_baseline && out_.baseline.value &&
        a.value < *l.below_fold_of_baseline * *out_.baseline.value)
      return true;
    return false;
  }

  // The first credited count after the first response that is a loss (confirmed as the
  // criteria ask), or the start of a subsequent treatment, whichever comes first.
  void loss_of_response() {
    const Day from = *out_.first_response_day;
    for (std::size_t i = 0; i < out_.counts.size() && !out_.loss_day; ++i) {
      const CountAudit& a = out_.counts[i];
      if (a.day <= from || !is_loss(a)) continue;
      int seen = 1;
      Day last = a.day;
      for (std::size_t j = i + 1; j < out_.counts.size(); ++j) {
        if (!is_loss(out_.counts[j])) continue;
        ++seen;
        last = out_.counts[j].day;
      }
      if (seen >= c_.loss.confirmation.counts &&
          last - a.day >= c_.loss.confirmation.min_days_apart) {
        out_.loss_day = a.day;
        out_.loss_reason = "count of " + decimal_text(a.value) + (a.censored_below ? " (below)" : "") +
                           " on " + day_text(a.day);
      }
    }
    if (c_.loss.subsequent_treatment && out_.first_subsequent_day &&
        *out_.first_subsequent_day > from &&
        (!out_.loss_day || *out_.first_subsequent_day < *out_.loss_day)) {
      out_.loss_day = out_.first_subsequent_day;
      out_.loss_reason = first_subsequent_drug_ + " started on " +
                         day_text(*out_.first_subsequent_day);
    }
  }

  void relapse_free_survival() {
    const Day origin =
        c_.rfs_origin == ResponseCriteria::RfsOrigin::d0 ? 0 : *out_.first_response_day;
    std::optional<Day> end;
    std::string why;
    const auto consider = [&](std::optional<Day> day, const std::string& reason) {
      if (day && (!end || *day < *end)) {
        end = day;
        why = reason;
      }
    };
    if (c_.rfs_event_loss && out_.loss_day) {
      const bool by_treatment = out_.loss_day == out_.first_subsequent_day &&
                                c_.loss.subsequent_treatment;
      if (!by_treatment) consider(out_.loss_day, "loss of response");
    }
    if (c_.rfs_event_new_treatment && out_.first_subsequent_day &&
        *out_.first_subsequent_day > *out_.first_response_day)
      consider(out_.first_subsequent_day, "new treatment");
    if (c_.rfs_event_death) consider(death_day(), "death");
    TimeToEvent rfs;
    if (end) {
      rfs = {static_cast<double>(*end - origin), true, why};
    } else if (patient_.last_record_day) {
      rfs = {static_cast<double>(*patient_.last_record_day - origin), false, ""};
    } else {
      return;
    }
    out_.rfs = rfs;
  }

  void overall_survival() {
    if (const std::optional<Day> death = death_day()) {
      out_.os = TimeToEvent{static_cast<double>(*death), true, "death"};
    } else if (patient_.last_record_day && patient_.death != true) {
      out_.os = TimeToEvent{static_cast<double>(*patient_.last_record_day), false, ""};
    }
  }

  const Cohort& cohort_;
  const ResponseCriteria& c_;
  const Patient& patient_;
  const PatientRecords& records_;
  PatientResponse out_;
  std::string first_subsequent_drug_;
  std::vector<Day> rescue_days_;
};

}  // namespace

std::string_view category_name(ResponseCategory category) {
  switch (category) {
    case ResponseCategory::CR: return "CR";
    case ResponseCategory::R: return "R";
    case ResponseCategory::NR: return "NR";
    case ResponseCategory::NE: return "NE";
    case ResponseCategory::excluded: break;
  }
  return "excluded";
}

std::string_view level_name(ResponseLevel level) {
  switch (level) {
    case ResponseLevel::none: return "none";
    case ResponseLevel::R_without_baseline: return "R?";
    case ResponseLevel::R: return "R";
    case ResponseLevel::CR: break;
  }
  return "CR";
}

std::vector<PatientResponse> classify_responses(const Cohort& cohort,
                                                const ResponseCriteria& criteria) {
  const std::vector<PatientRecords> records = records_by_patient(cohort);
  std::vector<PatientResponse> responses;
  responses.reserve(cohort.patients.size());
  for (PatientIndex i = 0; i < cohort.patients.size(); ++i)
    responses.push_back(PatientRule(cohort, criteria, i, records[i]).run());
  return responses;
}

}  // namespace itp
