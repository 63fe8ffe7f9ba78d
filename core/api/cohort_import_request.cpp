#include "core/api/cohort_import_request.hpp"

#include "core/io/problem.hpp"

namespace itp {
namespace {

[[noreturn]] void bad_field(const std::string& field, const std::string& expected) {
  throw InputError({"bad_request", "\"" + field + "\" must be " + expected, "", std::nullopt,
                    std::nullopt});
}

DayMonthOrder parse_order(const Json& value, const std::string& field) {
  if (value == "day_first") return DayMonthOrder::day_first;
  if (value == "month_first") return DayMonthOrder::month_first;
  bad_field(field, "\"day_first\" (dd/mm/yyyy) or \"month_first\" (mm/dd/yyyy)");
}

std::vector<std::string> text_list(const Json& request, const char* field) {
  std::vector<std::string> list;
  if (!request.contains(field)) return list;
  const Json& value = request[field];
  if (!value.is_array()) bad_field(field, "a list of texts");
  for (const Json& item : value) {
    if (item.is_string()) list.push_back(item.get<std::string>());
    else if (item.is_number()) list.push_back(item.dump());  // 9999 as a number
    else bad_field(field, "a list of texts");
  }
  return list;
}

const char* censored_name(CensoredValues c) {
  switch (c) {
    case CensoredValues::at_limit: return "at_limit";
    case CensoredValues::half_limit: return "half_limit";
    case CensoredValues::set_aside: break;
  }
  return "set_aside";
}

const char* order_name(DayMonthOrder order) {
  return order == DayMonthOrder::day_first ? "day_first" : "month_first";
}

}  // namespace

ImportOptions parse_import_options(const Json& request) {
  ImportOptions options;
  options.tables = text_list(request, "tables");
  options.missing_codes = text_list(request, "missing_codes");
  if (request.contains("date_order")) {
    const Json& order = request["date_order"];
    if (order.is_object()) {
      for (const auto& [table, value] : order.items())
        options.date_order_by_table[table] = parse_order(value, "date_order." + table);
    } else {
      options.date_order = parse_order(order, "date_order");
    }
  }
  if (request.contains("censored_values")) {
    const Json& c = request["censored_values"];
    if (c == "at_limit") options.censored_values = CensoredValues::at_limit;
    else if (c == "half_limit") options.censored_values = CensoredValues::half_limit;
    else if (c == "set_aside") options.censored_values = CensoredValues::set_aside;
    else bad_field("censored_values", "\"at_limit\", \"half_limit\" or \"set_aside\"");
  }
  if (request.contains("roles")) {
    if (!request["roles"].is_object()) bad_field("roles", "an object {table: role}");
    for (const auto& [table, role] : request["roles"].items()) {
      const auto parsed = role.is_string() ? table_from_canonical_name(role.get<std::string>())
                                           : std::nullopt;
      if (!parsed)
        bad_field("roles." + table,
                  "one of patients, platelets, infusions, treatments, adverse_events, labs");
      options.roles[table] = *parsed;
    }
  }
  if (request.contains("mapping")) {
    if (!request["mapping"].is_object())
      bad_field("mapping", "an object {table: {column: canonical or null}}");
    for (const auto& [table, columns] : request["mapping"].items()) {
      if (!columns.is_object()) bad_field("mapping." + table, "an object {column: canonical}");
      for (const auto& [column, canonical] : columns.items()) {
        if (canonical.is_null()) options.mapping[table][column] = "";
        else if (canonical.is_string()) options.mapping[table][column] = canonical.get<std::string>();
        else bad_field("mapping." + table + "." + column, "a canonical column name or null");
      }
    }
  }
  return options;
}

Json import_options_to_json(const ImportOptions& options) {
  Json j;
  j["date_order"] = order_name(options.date_order);
  if (!options.date_order_by_table.empty()) {
    Json by_table = Json::object();
    for (const auto& [table, order] : options.date_order_by_table) by_table[table] = order_name(order);
    j["date_order_by_table"] = std::move(by_table);
  }
  j["missing_codes"] = options.missing_codes;
  j["censored_values"] = censored_name(options.censored_values);
  return j;
}

}  // namespace itp
