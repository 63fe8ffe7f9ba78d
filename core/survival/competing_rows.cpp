#include "core/survival/competing_rows.hpp"

#include <optional>
#include <string_view>

#include "core/io/cell_values.hpp"
#include "core/survival/column_labels.hpp"
#include "core/survival/required_column.hpp"

namespace itp {
namespace {

constexpr std::uint32_t kUnset = UINT32_MAX;

// What each distinct status text means. As R's read.csv reads the column: numbers when every
// status cell present (in any row) is a number, so "1" and "1.0" are one cause and the censor
// code 0 matches "0.0"; else texts, compared exactly. A cause is named by its first text.
struct StatusCoding {
  bool numeric = true;
  std::vector<bool> censored;        // by status label
  std::vector<std::uint32_t> cause;  // by status label: index into names (kUnset if censored)
  std::vector<std::string> names;
};

StatusCoding code_statuses(const std::vector<std::string>& labels,
                           const std::vector<bool>& label_used, const std::string& censor_text) {
  StatusCoding coding;
  std::vector<std::optional<double>> value(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    value[i] = parse_number(labels[i]);
    coding.numeric = coding.numeric && value[i].has_value();
  }
  const std::string_view censor = trim_whitespace(censor_text);
  const std::optional<double> censor_number = parse_number(censor);
  coding.censored.resize(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i)
    coding.censored[i] = coding.numeric && censor_number ? *value[i] == *censor_number
                                                         : labels[i] == censor;

  // One cause per distinct code among the rows used (cuminc's uclab), labelled by the first
  // text met that reads as it.
  std::vector<std::uint32_t> first_label_of_cause;
  coding.cause.assign(labels.size(), kUnset);
  for (std::uint32_t i = 0; i < labels.size(); ++i) {
    if (!label_used[i] || coding.censored[i]) continue;
    for (std::uint32_t c = 0; c < first_label_of_cause.size(); ++c) {
      const std::uint32_t first = first_label_of_cause[c];
      if (coding.numeric ? *value[first] == *value[i] : labels[first] == labels[i]) {
        coding.cause[i] = c;
        break;
      }
    }
    if (coding.cause[i] == kUnset) {
      coding.cause[i] = static_cast<std::uint32_t>(first_label_of_cause.size());
      first_label_of_cause.push_back(i);
    }
  }
  std::vector<std::string> first_names;
  for (std::uint32_t label : first_label_of_cause) first_names.push_back(labels[label]);
  const std::vector<std::uint32_t> rank = rank_in_r_order(first_names, coding.names);
  for (std::uint32_t& c : coding.cause)
    if (c != kUnset) c = rank[c];
  return coding;
}

Problem cell_problem(const TextTable& table, std::size_t record, const std::string& column,
                     std::string code, std::string message) {
  return {std::move(code), std::move(message), table.file(), TextTable::spreadsheet_row(record),
          column};
}

}  // namespace

CompetingRows read_competing_rows(const TextTable& table, const CifRequest& request,
                                  ProblemLog& log) {
  const bool has_group = request.group_column.has_value();
  const bool has_strata = request.strata_column.has_value();
  std::vector<std::size_t> columns = {require_column(table, request.time_column, "time"),
                                      require_column(table, request.status_column, "status")};
  if (has_group) columns.push_back(require_column(table, *request.group_column, "group"));
  if (has_strata) columns.push_back(require_column(table, *request.strata_column, "strata"));
  const std::size_t strata_index = has_group ? 3 : 2;

  CompetingRows rows;
  rows.rows_read = table.record_count();
  rows.time.reserve(rows.rows_read);
  rows.status.reserve(rows.rows_read);
  rows.group.reserve(rows.rows_read);
  rows.stratum.reserve(rows.rows_read);
  auto exclude = [&](std::size_t record, const std::string& column, const char* code,
                     std::string message) {
    ++rows.excluded[code];
    log.add(cell_problem(table, record, column, code, std::move(message)));
  };

  ColumnLabels statuses, groups, strata;
  std::vector<std::string_view> cells;
  std::string scratch;
  std::size_t offset = table.record_count() > 0 ? table.offset_of(0) : 0;
  for (std::size_t record = 0; record < table.record_count(); ++record) {
    offset = table.split_at(offset, columns, cells, scratch);
    // Every status cell present counts towards the column's type, as in read.csv.
    const std::string_view status_cell = trim_whitespace(cells[1]);
    const bool status_missing = is_missing_marker(status_cell);
    const std::uint32_t status = status_missing ? kUnset : statuses.index_of(status_cell);

    const std::string_view time_cell = trim_whitespace(cells[0]);
    const std::optional<double> time = parse_number(time_cell);
    if (!time) {
      if (is_missing_marker(time_cell))
        exclude(record, request.time_column, "missing_time",
                "no time in this row, so it is left out of the analysis");
      else
        exclude(record, request.time_column, "invalid_time",
                "\"" + std::string(time_cell) +
                    "\" is not a number of days, weeks or months; this row is left out");
      continue;
    }
    if (*time < 0)
      throw InputError(cell_problem(
          table, record, request.time_column, "negative_time",
          "the time " + std::string(time_cell) +
              " is negative: a time to an event cannot be. Two dates may have been swapped; "
              "correct this row and load the file again"));
    if (status_missing) {
      exclude(record, request.status_column, "missing_status",
              "no status in this row (the censoring code or a cause), so it is left out of "
              "the analysis");
      continue;
    }
    const std::string_view group_cell = has_group ? trim_whitespace(cells[2]) : "all";
    if (is_missing_marker(group_cell)) {
      exclude(record, *request.group_column, "missing_group",
              "no group in this row, so it is left out of the curves and the test");
      continue;
    }
    const std::string_view strata_cell = has_strata ? trim_whitespace(cells[strata_index]) : "all";
    if (is_missing_marker(strata_cell)) {
      exclude(record, *request.strata_column, "missing_strata",
              "no stratum in this row: it is left out of the curves and the test, as cuminc "
              "leaves out every row with a missing value");
      continue;
    }
    rows.time.push_back(*time + 0.0);  // -0 is 0
    rows.status.push_back(status);
    rows.group.push_back(groups.index_of(group_cell));
    rows.stratum.push_back(strata.index_of(strata_cell));
  }

  std::vector<bool> label_used(statuses.labels().size(), false);
  for (std::uint32_t s : rows.status) label_used[s] = true;
  const StatusCoding coding =
      code_statuses(statuses.labels(), label_used, request.censor_value);
  rows.status_is_numeric = coding.numeric;
  rows.cause_names = coding.names;
  for (std::uint32_t& s : rows.status) {
    if (coding.censored[s]) {
      s = 0;
      ++rows.censored;
    } else {
      s = coding.cause[s] + 1;
    }
  }
  number_in_r_order(groups.labels(), rows.group, rows.group_names);
  number_in_r_order(strata.labels(), rows.stratum, rows.strata_names);
  return rows;
}

}  // namespace itp
