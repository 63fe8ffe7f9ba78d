#pragma once
// One hand-built patient for the response rule's tests: D0 = 2021-01-01, follow-up to
// 2022-01-01 (day 365), counts written "day:value[:bleeding]" and other treatments
// "drug:start[:end]", separated by spaces.
#include <string>
#include <vector>

#include "core/cohort/cohort_import.hpp"
#include "core/io/text_table.hpp"
#include "core/response/classify_response.hpp"
#include "core/response/presets.hpp"

namespace itp_test {

struct Built {
  itp::Cohort cohort;
  std::vector<itp::PatientResponse> responses;
};

// Rows of patient P from a compact spec: items separated by spaces, fields by ':', each item
// padded with `missing` ("60:120" with missing {"", "", "no"} -> "P,60,120,no").
inline std::string rows_of(const std::string& spec, const std::vector<std::string>& missing) {
  std::string rows;
  std::size_t start = 0;
  while (start < spec.size()) {
    std::size_t end = spec.find(' ', start);
    if (end == std::string::npos) end = spec.size();
    std::vector<std::string> fields;
    const std::string item = spec.substr(start, end - start);
    for (std::size_t from = 0;;) {
      const std::size_t colon = item.find(':', from);
      fields.push_back(
          item.substr(from, colon == std::string::npos ? std::string::npos : colon - from));
      if (colon == std::string::npos) break;
      from = colon + 1;
    }
    for (std::size_t i = fields.size(); i < missing.size(); ++i) fields.push_back(missing[i]);
    rows += "P";
    for (const std::string& f : fields) rows += "," + f;
    rows += "\n";
    start = end + 1;
  }
  return rows;
}

// `baseline` "" leaves patients.baseline_platelets empty (then a count on D0 or days -7..-1,
// if any, is the baseline).
inline Built build(const itp::ResponseCriteria& criteria, const std::string& baseline,
                   const std::string& counts, const std::string& treatments = "",
                   const std::string& death_date = "") {
  const std::string patients =
      "patient_id,d0,baseline_platelets,last_followup,death_date\nP,2021-01-01," + baseline +
      ",2022-01-01," + death_date + "\n";
  const std::string platelets =
      "patient_id,day,platelets,bleeding\n" + rows_of(counts, {"", "", "no"});
  const std::string treatment_rows =
      "patient_id,drug,start,end\n" + rows_of(treatments, {"", "", ""});
  std::vector<itp::TextTable> tables;
  tables.push_back(itp::read_text_table("patients", "patients.csv", patients));
  tables.push_back(itp::read_text_table("platelets", "platelets.csv", platelets));
  tables.push_back(itp::read_text_table("treatments", "treatments.csv", treatment_rows));
  std::vector<const itp::TextTable*> pointers;
  for (const itp::TextTable& t : tables) pointers.push_back(&t);
  itp::ProblemLog log;
  Built built;
  built.cohort = itp::import_cohort(pointers, {}, log);
  built.responses = itp::classify_responses(built.cohort, criteria);
  return built;
}

inline Built build(const std::string& preset, double baseline, const std::string& counts,
                   const std::string& treatments = "", const std::string& death_date = "") {
  return build(itp::preset_criteria(preset), std::to_string(baseline), counts, treatments,
               death_date);
}

}  // namespace itp_test
