#include "core/report/rows_json.hpp"

namespace itp {

void write_rows_json(JsonWriter& out, std::size_t rows_read,
                     const std::map<std::string, std::size_t>& left_out_by_reason,
                     std::optional<std::size_t> censored) {
  std::size_t left_out = 0;
  for (const auto& reason_count : left_out_by_reason) left_out += reason_count.second;
  out.begin_object();
  out.key("read").value(rows_read);
  out.key("used").value(rows_read - left_out);
  if (censored) out.key("censored").value(*censored);
  out.key("left_out").begin_object();
  for (const auto& [reason, count] : left_out_by_reason) out.key(reason).value(count);
  out.end_object();
  out.end_object();
}

}  // namespace itp
