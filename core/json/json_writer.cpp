#include "core/json/json_writer.hpp"

#include <algorithm>

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/numeric/decimal_format.hpp"

namespace itp {

void JsonWriter::before_value() {
  if (sink_ && out_.size() >= kPiece) {
    sink_(out_);
    out_.clear();
    flushed_ = true;
  }
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_members_.empty()) {
    if (has_members_.back()) out_ += ',';
    has_members_.back() = true;
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  has_members_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  out_ += '}';
  has_members_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  has_members_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  out_ += ']';
  has_members_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  value(name);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  if (!std::isfinite(number)) return null();
  before_value();
  char buffer[32];
  out_.append(buffer, format_decimal(number, buffer));
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  before_value();
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  out_.append(buffer, result.ptr);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  // Most texts (ids, dates, codes) need no escaping: printable ASCII without quote or backslash.
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    return c >= 0x20 && c <= 0x7e && c != '"' && c != '\\';
  });
  if (plain) {
    out_ += '"';
    out_ += text;
    out_ += '"';
    return *this;
  }
  // Escaping (and replacing invalid UTF-8 from a user's file) is nlohmann's job.
  out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace);
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view serialized_value) {
  before_value();
  out_ += serialized_value;
  return *this;
}

}  // namespace itp
