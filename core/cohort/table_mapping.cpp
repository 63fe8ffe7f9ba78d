#include "core/cohort/table_mapping.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "core/cohort/column_names.hpp"
#include "core/cohort/drug_dictionary.hpp"
#include "core/io/problem.hpp"

namespace itp {
namespace {

constexpr CohortTable kAllTables[] = {CohortTable::patients,   CohortTable::platelets,
                                      CohortTable::infusions,  CohortTable::treatments,
                                      CohortTable::adverse_events, CohortTable::labs};

Problem table_problem(const TextTable& table, std::string code, std::string message,
                      std::optional<std::string> column = std::nullopt) {
  return {std::move(code), std::move(message), table.file(), std::nullopt, std::move(column)};
}

// The role that the most headers support, patient_id among them; none on a tie, which the
// user must settle.
std::optional<CohortTable> role_from_columns(const TextTable& table, std::string& why_not) {
  std::optional<CohortTable> best;
  std::size_t best_score = 0;
  bool tie = false;
  for (CohortTable role : kAllTables) {
    std::set<std::string> found;
    for (const std::string& header : table.header())
      if (auto canonical = canonical_column(role, header)) found.insert(*canonical);
    if (!found.count("patient_id") || found.size() < 2) continue;
    if (found.size() > best_score) {
      best = role;
      best_score = found.size();
      tie = false;
    } else if (found.size() == best_score) {
      tie = true;
    }
  }
  if (tie) {
    why_not = "its columns fit two kinds of cohort table";
    return std::nullopt;
  }
  if (!best) why_not = "neither its name nor its columns (a patient id and one more) say which";
  return best;
}

// "prior_rituximab", "previous_ivig", "ttt_anterieur_romiplostim": the drug's name, else "".
std::string prior_treatment_drug(const std::string& header) {
  const std::string name = normalize_name(header);
  for (std::string_view prefix : {"prior_", "previous_", "ttt_anterieur_", "traitement_anterieur_",
                                  "anterieur_", "antecedent_"}) {
    if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0)
      return name.substr(prefix.size());
  }
  return "";
}

void map_columns(MappedTable& mapped, const std::map<std::string, std::string>* user,
                 ProblemLog& log) {
  const TextTable& table = *mapped.table;
  const CohortTable role = *mapped.report.role;
  const std::vector<std::string>& header = table.header();
  std::map<std::string, std::vector<std::size_t>> claims;  // canonical -> columns naming it

  if (user) {
    for (const auto& [column, canonical] : *user) {
      if (std::find(header.begin(), header.end(), column) == header.end())
        throw InputError(table_problem(table, "unknown_column",
                                       "the mapping names a column \"" + column +
                                           "\" that is not in the table; its columns are in the "
                                           "describe_table answer", column));
      const auto known = canonical_columns(role);
      if (!canonical.empty() &&
          std::find(known.begin(), known.end(), canonical) == known.end()) {
        std::string list;
        for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        throw InputError(table_problem(table, "unknown_canonical_column",
                                       "\"" + canonical + "\" is not a column of " +
                                           std::string(table_name(role)) + " (" + list + ")",
                                       column));
      }
    }
  }

  for (std::size_t c = 0; c < header.size(); ++c) {
    ColumnMapping m{header[c], c + 1, std::nullopt, "", std::nullopt};
    const auto user_choice = user ? user->find(header[c]) : decltype(user->end()){};
    if (user && user_choice != user->end()) {
      m.how = "user";
      if (!user_choice->second.empty()) m.canonical = user_choice->second;
    } else if (auto canonical = canonical_column(role, header[c])) {
      m.canonical = *canonical;
      m.how = "name";
    }
    if (role == CohortTable::patients && m.how != "user") {
      // plt_d0, plaq_s6: counts of a patient-per-row sheet. "plaquettes_J0" is both the
      // baseline and a day-0 count; it is used as both when the sheet has other counts.
      if (const auto day = day_of_time_named_column(header[c])) {
        mapped.time_named_counts.emplace_back(c, *day);
        if (!m.canonical) {
          m.how = "time_named";
          m.day = *day;
        }
      } else if (!m.canonical) {
        const std::string drug = prior_treatment_drug(header[c]);
        if (!drug.empty()) {
          mapped.prior_treatments.emplace_back(c, drug);
          m.how = "prior_treatment";
        }
      }
    }
    if (m.canonical) claims[*m.canonical].push_back(c);
    mapped.report.columns.push_back(std::move(m));
  }
  // A column that is itself canonical counts as time-named only beside other such columns.
  if (mapped.time_named_counts.size() == 1 &&
      mapped.report.columns[mapped.time_named_counts[0].first].canonical)
    mapped.time_named_counts.clear();

  for (const auto& [canonical, columns] : claims) {
    if (columns.size() == 1) {
      mapped.columns[canonical] = columns[0];
      continue;
    }
    std::vector<std::string>& claimants = mapped.ambiguous[canonical];
    std::string names;
    for (std::size_t c : columns) {
      claimants.push_back(header[c]);
      names += (names.empty() ? "\"" : ", \"") + header[c] + "\"";
      mapped.report.columns[c].canonical.reset();
      mapped.report.columns[c].how = "ambiguous";
    }
    log.add(table_problem(table, "ambiguous_column",
                          "columns " + names + " all name " + canonical +
                              ": none is used; choose one in the column mapping",
                          header[columns[0]]));
  }
  for (const ColumnMapping& m : mapped.report.columns) {
    if (m.how.empty())
      log.add(table_problem(table, "unmapped_column",
                            "column \"" + m.column + "\" is not a column of " +
                                std::string(table_name(role)) + "; it is not used",
                            m.column));
  }
}

}  // namespace

std::optional<CohortTable> role_of_table(const TextTable& table) {
  if (auto by_name = table_from_name(table.name())) return by_name;
  std::string why_not;
  return role_from_columns(table, why_not);
}

std::vector<MappedTable> map_tables(const std::vector<const TextTable*>& tables,
                                    const ImportOptions& options, ProblemLog& log,
                                    std::vector<std::pair<std::string, std::string>>& ignored) {
  std::vector<MappedTable> mapped;
  for (const TextTable* table : tables) {
    MappedTable m;
    m.table = table;
    m.report.name = table->name();
    m.report.file = table->file();
    m.report.rows_read = table->record_count();
    std::string why_not;
    if (auto user = options.roles.find(table->name()); user != options.roles.end()) {
      m.report.role = user->second;
      m.report.role_how = "user";
    } else if (auto by_name = table_from_name(table->name())) {
      m.report.role = by_name;
      m.report.role_how = "name";
    } else if (auto by_columns = role_from_columns(*table, why_not)) {
      m.report.role = by_columns;
      m.report.role_how = "columns";
    } else {
      ignored.emplace_back(table->name(), why_not);
      log.add(table_problem(*table, "unrecognised_table",
                            "table \"" + table->name() + "\" is not used: " + why_not +
                                "; name the file or sheet patients, platelets, infusions, "
                                "treatments, adverse_events or labs, or choose its role"));
      continue;
    }
    auto user_mapping = options.mapping.find(table->name());
    map_columns(m, user_mapping == options.mapping.end() ? nullptr : &user_mapping->second, log);
    mapped.push_back(std::move(m));
  }
  return mapped;
}

}  // namespace itp
