#include "core/response/criteria.hpp"

#include <set>

#include "core/io/problem.hpp"
#include "core/numeric/decimal_format.hpp"

namespace itp {
namespace {

[[noreturn]] void bad(const std::string& path, const std::string& what) {
  throw InputError({"bad_criteria", "criteria: \"" + path + "\" " + what, "", std::nullopt,
                    std::nullopt});
}

// Reads the members of one JSON object, refusing those it was not asked about: a misspelt
// field must not be ignored, or a user's edited preset would silently keep the default.
class Fields {
 public:
  Fields(const Json& object, std::string path) : object_(object), path_(std::move(path)) {
    if (!object_.is_object()) bad(path_.empty() ? "criteria" : path_, "must be an object");
  }
  ~Fields() noexcept(false) {
    if (std::uncaught_exceptions() > 0) return;
    for (const auto& [key, value] : object_.items())
      if (!read_.count(key)) bad(at(key), "is not a criteria field");
  }

  std::string at(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  const Json* get(const std::string& key) {
    read_.insert(key);
    auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
  }
  void text(const std::string& key, std::string& out) {
    if (const Json* v = get(key)) {
      if (!v->is_string()) bad(at(key), "must be a text");
      out = v->get<std::string>();
    }
  }
  void flag(const std::string& key, bool& out) {
    if (const Json* v = get(key)) {
      if (!v->is_boolean()) bad(at(key), "must be true or false");
      out = v->get<bool>();
    }
  }
  void number(const std::string& key, double& out, double min, double max) {
    if (const Json* v = get(key)) {
      if (!v->is_number() || v->get<double>() < min || v->get<double>() > max)
        bad(at(key), "must be a number from " + decimal_text(min) + " to " + decimal_text(max));
      out = v->get<double>();
    }
  }
  void whole(const std::string& key, int& out, int min, int max) {
    if (const Json* v = get(key)) {
      if (!v->is_number_integer() || v->get<long long>() < min || v->get<long long>() > max)
        bad(at(key), "must be a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max));
      out = v->get<int>();
    }
  }
  // A member that may be null (the rule is off) or an object read by `read`.
  template <typename T, typename Read>
  void optional_object(const std::string& key, std::optional<T>& out, Read read) {
    const Json* v = get(key);
    if (!v) return;
    if (v->is_null()) {
      out.reset();
      return;
    }
    T value = out.value_or(T{});
    read(*v, at(key), value);
    out = value;
  }
  template <typename T, typename Read>
  void object(const std::string& key, T& out, Read read) {
    if (const Json* v = get(key)) read(*v, at(key), out);
  }

 private:
  const Json& object_;
  std::string path_;
  std::set<std::string> read_;
};

void read_threshold(const Json& j, const std::string& path, Threshold& t) {
  Fields f(j, path);
  f.number("value", t.value, 0, 1e6);
  f.flag("inclusive", t.inclusive);
}

void read_confirmation(const Json& j, const std::string& path, Confirmation& c) {
  Fields f(j, path);
  f.whole("counts", c.counts, 1, 10);
  f.whole("min_days_apart", c.min_days_apart, 0, 3650);
}

void read_landmark(const Json& j, const std::string& path, LandmarkRule& l) {
  Fields g(j, path);
  g.whole("day", l.day, 0, 3650);
  g.whole("window_from", l.window_from, 0, 3650);
  g.whole("window_to", l.window_to, 0, 3650);
  if (const Json* mode = g.get("mode")) {
    if (*mode == "best") l.mode = LandmarkRule::Mode::best;
    else if (*mode == "at") l.mode = LandmarkRule::Mode::at;
    else bad(g.at("mode"), "must be \"best\" or \"at\"");
  }
}

Json landmark_json(const LandmarkRule& l) {
  return {{"day", l.day},
          {"window_from", l.window_from},
          {"window_to", l.window_to},
          {"mode", l.mode == LandmarkRule::Mode::best ? "best" : "at"}};
}

Json threshold_json(const Threshold& t) { return {{"value", t.value}, {"inclusive", t.inclusive}}; }
Json confirmation_json(const Confirmation& c) {
  return {{"counts", c.counts}, {"min_days_apart", c.min_days_apart}};
}
template <typename T, typename ToJson>
Json optional_json(const std::optional<T>& v, ToJson to_json) {
  return v ? to_json(*v) : Json(nullptr);
}

std::optional<DrugClass> class_from_name(const std::string& name) {
  for (DrugClass c : kDrugClasses)
    if (drug_class_name(c) == name) return c;
  return std::nullopt;
}

void check_consistency(const ResponseCriteria& c) {
  if (c.response.value > c.complete_response.value)
    bad("response.value", "is above complete_response.value: R must start below CR");
  if (c.landmark.window_to < c.landmark.window_from)
    bad("landmark.window_to", "ends before landmark.window_from");
  if (c.baseline.before_to < c.baseline.before_from)
    bad("baseline.before_to", "ends before baseline.before_from");
  if (c.durable) {
    if (c.durable->k > c.durable->n) bad("durable.k", "is more than durable.n");
    if (c.durable->window_to < c.durable->window_from)
      bad("durable.window_to", "ends before durable.window_from");
  }
}

}  // namespace

ResponseCriteria parse_criteria(const Json& json) {
  ResponseCriteria c;
  c.rescue_classes = {DrugClass::ivig, DrugClass::platelet_transfusion};
  {
    Fields f(json, "");
    f.text("name", c.name);
    f.text("label", c.label);
    f.text("reference", c.reference);
    f.object("baseline", c.baseline, [](const Json& j, const std::string& p, BaselineRule& b) {
      Fields g(j, p);
      g.flag("use_patient_value", b.use_patient_value);
      g.flag("use_day0", b.use_day0);
      g.whole("before_from", b.before_from, -365, 0);
      g.whole("before_to", b.before_to, -365, 0);
    });
    f.object("complete_response", c.complete_response, read_threshold);
    f.object("response", c.response, read_threshold);
    if (const Json* fold = f.get("fold_over_baseline")) {
      if (fold->is_null()) c.fold_over_baseline.reset();
      else if (fold->is_number() && fold->get<double>() >= 1 && fold->get<double>() <= 100)
        c.fold_over_baseline = fold->get<double>();
      else bad("fold_over_baseline", "must be null or a number from 1 to 100");
    }
    f.flag("bleeding_veto", c.bleeding_veto);
    f.object("confirmation", c.confirmation, read_confirmation);
    if (const Json* same_day = f.get("same_day_counts")) {
      if (*same_day == "each") c.same_day_counts = SameDayCounts::each;
      else if (*same_day == "lowest") c.same_day_counts = SameDayCounts::lowest;
      else bad("same_day_counts", "must be \"each\" or \"lowest\"");
    }
    f.object("landmark", c.landmark, read_landmark);
    if (const Json* others = f.get("other_landmarks")) {
      if (!others->is_array()) bad("other_landmarks", "must be a list of landmarks");
      for (std::size_t i = 0; i < others->size(); ++i) {
        LandmarkRule l;
        read_landmark((*others)[i], "other_landmarks[" + std::to_string(i) + "]", l);
        if (l.window_to < l.window_from) bad("other_landmarks", "has a window that ends before it starts");
        c.other_landmarks.push_back(l);
      }
    }
    f.whole("treatment_window_days", c.treatment_window_days, 0, 365);
    f.flag("subsequent_stops_crediting", c.subsequent_stops_crediting);
    f.whole("rescue_exclusion_days", c.rescue_exclusion_days, 0, 365);
    if (const Json* classes = f.get("rescue_classes")) {
      if (!classes->is_array()) bad("rescue_classes", "must be a list of drug classes");
      c.rescue_classes.clear();
      for (const Json& name : *classes) {
        const auto parsed = name.is_string() ? class_from_name(name.get<std::string>()) : std::nullopt;
        if (!parsed) bad("rescue_classes", "holds " + name.dump() + ", not a drug class");
        c.rescue_classes.push_back(*parsed);
      }
    }
    if (const Json* death = f.get("exclude_death_before_day")) {
      if (death->is_null()) c.exclude_death_before_day.reset();
      else if (death->is_number_integer() && death->get<int>() >= 0)
        c.exclude_death_before_day = death->get<int>();
      else bad("exclude_death_before_day", "must be null or a day from 0");
    }
    f.whole("time_to_response_from_day", c.time_to_response_from_day, 0, 3650);
    f.object("loss", c.loss, [](const Json& j, const std::string& p, LossRule& l) {
      Fields g(j, p);
      g.optional_object("below", l.below, read_threshold);
      if (const Json* fold = g.get("below_fold_of_baseline")) {
        if (fold->is_null()) l.below_fold_of_baseline.reset();
        else if (fold->is_number() && fold->get<double>() > 0) l.below_fold_of_baseline = fold->get<double>();
        else bad(g.at("below_fold_of_baseline"), "must be null or a positive number");
      }
      g.optional_object("cr_lost_below", l.cr_lost_below, read_threshold);
      g.flag("bleeding", l.bleeding);
      g.object("confirmation", l.confirmation, read_confirmation);
      g.flag("subsequent_treatment", l.subsequent_treatment);
    });
    f.object("rfs", c, [](const Json& j, const std::string& p, ResponseCriteria& r) {
      Fields g(j, p);
      if (const Json* origin = g.get("origin")) {
        if (*origin == "first_response") r.rfs_origin = ResponseCriteria::RfsOrigin::first_response;
        else if (*origin == "d0") r.rfs_origin = ResponseCriteria::RfsOrigin::d0;
        else bad(g.at("origin"), "must be \"first_response\" or \"d0\"");
      }
      g.flag("event_loss", r.rfs_event_loss);
      g.flag("event_new_treatment", r.rfs_event_new_treatment);
      g.flag("event_death", r.rfs_event_death);
    });
    f.optional_object("durable", c.durable, [](const Json& j, const std::string& p, DurableRule& d) {
      Fields g(j, p);
      g.number("threshold", d.threshold, 0, 1e6);
      g.whole("k", d.k, 1, 52);
      g.whole("n", d.n, 1, 52);
      g.whole("window_from", d.window_from, 0, 3650);
      g.whole("window_to", d.window_to, 0, 3650);
      g.whole("no_rescue_days", d.no_rescue_days, 0, 365);
    });
  }
  check_consistency(c);
  return c;
}

Json criteria_to_json(const ResponseCriteria& c) {
  Json j;
  j["name"] = c.name;
  j["label"] = c.label;
  j["reference"] = c.reference;
  j["baseline"] = {{"use_patient_value", c.baseline.use_patient_value},
                   {"use_day0", c.baseline.use_day0},
                   {"before_from", c.baseline.before_from},
                   {"before_to", c.baseline.before_to}};
  j["complete_response"] = threshold_json(c.complete_response);
  j["response"] = threshold_json(c.response);
  j["fold_over_baseline"] = c.fold_over_baseline ? Json(*c.fold_over_baseline) : Json(nullptr);
  j["bleeding_veto"] = c.bleeding_veto;
  j["confirmation"] = confirmation_json(c.confirmation);
  j["same_day_counts"] = c.same_day_counts == SameDayCounts::lowest ? "lowest" : "each";
  j["landmark"] = landmark_json(c.landmark);
  j["other_landmarks"] = Json::array();
  for (const LandmarkRule& l : c.other_landmarks) j["other_landmarks"].push_back(landmark_json(l));
  j["treatment_window_days"] = c.treatment_window_days;
  j["subsequent_stops_crediting"] = c.subsequent_stops_crediting;
  j["rescue_exclusion_days"] = c.rescue_exclusion_days;
  Json classes = Json::array();
  for (DrugClass d : c.rescue_classes) classes.push_back(std::string(drug_class_name(d)));
  j["rescue_classes"] = classes;
  j["exclude_death_before_day"] =
      c.exclude_death_before_day ? Json(*c.exclude_death_before_day) : Json(nullptr);
  j["time_to_response_from_day"] = c.time_to_response_from_day;
  j["loss"] = {{"below", optional_json(c.loss.below, threshold_json)},
               {"below_fold_of_baseline", c.loss.below_fold_of_baseline
                                              ? Json(*c.loss.below_fold_of_baseline)
                                              : Json(nullptr)},
               {"cr_lost_below", optional_json(c.loss.cr_lost_below, threshold_json)},
               {"bleeding", c.loss.bleeding},
               {"confirmation", confirmation_json(c.loss.confirmation)},
               {"subsequent_treatment", c.loss.subsequent_treatment}};
  j["rfs"] = {{"origin", c.rfs_origin == ResponseCriteria::RfsOrigin::d0 ? "d0" : "first_response"},
              {"event_loss", c.rfs_event_loss},
              {"event_new_treatment", c.rfs_event_new_treatment},
              {"event_death", c.rfs_event_death}};
  j["durable"] = optional_json(c.durable, [](const DurableRule& d) {
    return Json{{"threshold", d.threshold}, {"k", d.k}, {"n", d.n},
                {"window_from", d.window_from}, {"window_to", d.window_to},
                {"no_rescue_days", d.no_rescue_days}};
  });
  return j;
}

}  // namespace itp
