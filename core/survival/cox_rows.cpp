#include "core/survival/cox_rows.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "core/io/cell_values.hpp"
#include "core/survival/column_labels.hpp"
#include "core/survival/event_cell.hpp"
#include "core/survival/required_column.hpp"
#include "core/survival/time_bins.hpp"

namespace itp {
namespace {

struct Exclusion {
  std::size_t record;
  const std::string* column;
  const char* code;
  std::string message;
};

// The cells of the request in the order read: time, event, covariates, strata.
struct Columns {
  std::vector<std::size_t> index;
  std::size_t first_covariate = 2;
  std::size_t strata_cell = 0;  // 0: no strata
};

}  // namespace

CoxRows read_cox_rows(const TextTable& table, const CoxRequest& request, ProblemLog& log) {
  Columns columns;
  columns.index = {require_column(table, request.time_column, "time"),
                   require_column(table, request.event_column, "event")};
  for (std::size_t c = 0; c < request.covariates.size(); ++c) {
    for (std::size_t before = 0; before < c; ++before)
      if (request.covariates[before] == request.covariates[c])
        throw InputError({"repeated_covariate",
                          "the covariate \"" + request.covariates[c] + "\" is named twice",
                          table.file(), 1, request.covariates[c]});
    columns.index.push_back(require_column(table, request.covariates[c], "covariate"));
  }
  if (request.strata_column) {
    columns.strata_cell = columns.index.size();
    columns.index.push_back(require_column(table, *request.strata_column, "strata"));
  }
  const std::size_t n_covariates = request.covariates.size();
  const std::size_t records = table.record_count();
  std::vector<std::string_view> cells;
  std::string scratch;

  // Pass 1, as read.csv types a column: numeric when every present cell is a number. The event
  // column's largest number decides its coding (Surv sees every row, before na.omit).
  std::vector<bool> numeric(n_covariates, true);
  bool any_two = false, above_two = false;
  std::size_t offset = records > 0 ? table.offset_of(0) : 0;
  for (std::size_t record = 0; record < records; ++record) {
    offset = table.split_at(offset, columns.index, cells, scratch);
    if (request.event_values.empty())
      if (const std::optional<double> e = parse_number(trim_whitespace(cells[1]))) {
        any_two = any_two || *e == 2;
        above_two = above_two || *e > 2;
      }
    for (std::size_t c = 0; c < n_covariates; ++c) {
      if (!numeric[c]) continue;
      const std::string_view cell = trim_whitespace(cells[columns.first_covariate + c]);
      numeric[c] = is_missing_marker(cell) || parse_number(cell).has_value();
    }
  }

  // Pass 2: each row's cells; a row is kept when every cell is there (na.omit). The reason a row
  // is left out is its first failing column in the order time, event, covariates, strata; a row
  // whose event says 2 and which fails later waits for the coding.
  CoxRows rows;
  rows.rows_read = records;
  std::vector<ColumnLabels> levels(n_covariates);
  ColumnLabels strata;
  rows.covariates.resize(n_covariates);
  for (std::size_t c = 0; c < n_covariates; ++c) {
    rows.covariates[c].name = request.covariates[c];
    rows.covariates[c].numeric = numeric[c];
  }
  std::vector<EventCell> code;  // per row kept so far
  std::vector<std::size_t> record_of;
  std::vector<Exclusion> exclusions;
  std::vector<Exclusion> two_and_missing;  // event 2, and a later cell missing
  bool zero_in_used = false;
  TimeIndex times;
  std::vector<std::uint32_t> time_id;
  const std::string* strata_name = request.strata_column ? &*request.strata_column : nullptr;
  offset = records > 0 ? table.offset_of(0) : 0;
  for (std::size_t record = 0; record < records; ++record) {
    offset = table.split_at(offset, columns.index, cells, scratch);
    // Factor levels come from every present cell, as read.csv makes them.
    for (std::size_t c = 0; c < n_covariates; ++c) {
      const std::string_view cell = trim_whitespace(cells[columns.first_covariate + c]);
      if (!numeric[c] && !is_missing_marker(cell)) levels[c].index_of(cell);
    }
    const std::string_view time_cell = trim_whitespace(cells[0]);
    const std::optional<double> time = parse_number(time_cell);
    if (!time) {
      if (is_missing_marker(time_cell))
        exclusions.push_back({record, &request.time_column, "missing_time",
                              "no time in this row, so it is left out of the model"});
      else
        exclusions.push_back({record, &request.time_column, "invalid_time",
                              "\"" + std::string(time_cell) +
                                  "\" is not a number of days, weeks or months; this row is "
                                  "left out of the model"});
      continue;
    }
    if (*time < 0)
      throw InputError({"negative_time",
                        "the time " + std::string(time_cell) +
                            " is negative: a survival time cannot be. Two dates may have been "
                            "swapped; correct this row and load the file again",
                        table.file(), TextTable::spreadsheet_row(record), request.time_column});
    const EventCell event = read_event_cell(cells[1], request.event_values, request.censor_values);
    if (event == EventCell::unreadable) {
      const std::string_view cell = trim_whitespace(cells[1]);
      if (is_missing_marker(cell))
        exclusions.push_back({record, &request.event_column, "missing_event",
                              "no event status in this row, so it is left out of the model"});
      else
        exclusions.push_back({record, &request.event_column, "invalid_event",
                              "\"" + std::string(cell) +
                                  "\" is not an event status (1/0, yes/no, true/false, oui/non); "
                                  "this row is left out of the model"});
      continue;
    }
    std::optional<Exclusion> missing;
    for (std::size_t c = 0; c < n_covariates && !missing; ++c)
      if (is_missing_marker(trim_whitespace(cells[columns.first_covariate + c])))
        missing = Exclusion{record, &request.covariates[c], "missing_covariate",
                            "no value of the covariate \"" + request.covariates[c] +
                                "\" in this row, so it is left out of the model"};
    if (!missing && strata_name && is_missing_marker(trim_whitespace(cells[columns.strata_cell])))
      missing = Exclusion{record, strata_name, "missing_strata",
                          "no stratum in this row, so it is left out of the model"};
    if (missing) {
      (event == EventCell::two ? two_and_missing : exclusions).push_back(std::move(*missing));
      continue;
    }
    zero_in_used = zero_in_used || event == EventCell::zero;
    code.push_back(event);
    record_of.push_back(record);
    time_id.push_back(times.id_of(*time + 0.0));  // -0 is 0
    for (std::size_t c = 0; c < n_covariates; ++c) {
      const std::string_view cell = trim_whitespace(cells[columns.first_covariate + c]);
      if (numeric[c]) rows.covariates[c].value.push_back(*parse_number(cell));
      else rows.covariates[c].level.push_back(levels[c].index_of(cell));
    }
    rows.stratum.push_back(
        strata_name ? strata.index_of(trim_whitespace(cells[columns.strata_cell])) : 0);
  }

  // The coding, as survival_rows reads it (docs/decisions.md, "Event coded 1/2"): 2 = event and
  // 1 = censored when the column's largest number is 2 and no row used says 0; otherwise a 2
  // is no status and its row is left out.
  const bool coded_1_2 = any_two && !above_two && !zero_in_used;
  if (coded_1_2)
    log.add({"event_coded_1_2",
             "the event column \"" + request.event_column +
                 "\" codes its status as 1 and 2 (its largest number is 2): read as 2 = event, "
                 "1 = censored, as R's Surv() does",
             table.file(), std::nullopt, request.event_column});
  const std::string why_not_two =
      above_two ? "\"2\" is not an event status where the column holds numbers above 2 (read as "
                  "1 = event, 0 = censored, as R's Surv() does); this row is left out"
                : "\"2\" is not an event status where the column also uses 0 and 1; this row is "
                  "left out";
  for (Exclusion& e : two_and_missing) {
    if (!coded_1_2) e = {e.record, &request.event_column, "invalid_event", why_not_two};
    exclusions.push_back(std::move(e));
  }
  std::vector<bool> keep(code.size(), true);
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == EventCell::two && !coded_1_2) {
      keep[i] = false;
      exclusions.push_back({record_of[i], &request.event_column, "invalid_event", why_not_two});
    }
  }
  std::stable_sort(exclusions.begin(), exclusions.end(),
                   [](const Exclusion& a, const Exclusion& b) { return a.record < b.record; });
  for (Exclusion& e : exclusions) {
    ++rows.excluded[e.code];
    log.add({e.code, std::move(e.message), table.file(), TextTable::spreadsheet_row(e.record),
             *e.column});
  }

  // Rows kept, their events and their times merged as aeqSurv merges them (over these rows).
  std::vector<bool> time_used(times.times().size(), false);
  for (std::size_t i = 0; i < code.size(); ++i)
    if (keep[i]) time_used[time_id[i]] = true;
  const TimeBins bins(times.times(), time_used);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (!keep[i]) continue;
    const EventCell c = code[i];
    rows.event.push_back(coded_1_2 ? (c == EventCell::two || c == EventCell::word_event)
                                   : (c == EventCell::one || c == EventCell::word_event));
    rows.time.push_back(bins.times()[bins.bin_of(time_id[i])]);
    rows.stratum[kept] = rows.stratum[i];
    for (CoxCovariate& covariate : rows.covariates) {
      if (covariate.numeric) covariate.value[kept] = covariate.value[i];
      else covariate.level[kept] = covariate.level[i];
    }
    ++kept;
  }
  rows.stratum.resize(kept);
  for (std::size_t c = 0; c < n_covariates; ++c) {
    CoxCovariate& covariate = rows.covariates[c];
    if (covariate.numeric) {
      covariate.value.resize(kept);
      continue;
    }
    covariate.level.resize(kept);
    number_in_r_order(levels[c].labels(), covariate.level, covariate.levels);
  }
  if (strata_name) {
    // Only the strata of rows used: an empty stratum adds nothing to the model.
    ColumnLabels used;
    std::vector<std::uint32_t> renumber(strata.labels().size(), UINT32_MAX);
    for (std::uint32_t& s : rows.stratum) {
      if (renumber[s] == UINT32_MAX) renumber[s] = used.index_of(strata.labels()[s]);
      s = renumber[s];
    }
    number_in_r_order(used.labels(), rows.stratum, rows.strata_names);
  } else {
    rows.strata_names = {"all"};
  }
  return rows;
}

}  // namespace itp
