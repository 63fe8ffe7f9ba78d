#pragma once
// Writes JSON text straight into a string. Survival tables can hold hundreds of thousands of
// numbers; building a JSON tree for them first cost more than the statistics. Numbers have 15
// significant digits (core/numeric/decimal_format.hpp), written alike natively and in wasm.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace itp {

class JsonWriter {
 public:
  using Sink = std::function<void(std::string_view)>;

  JsonWriter() = default;
  // Hands the text to `sink` in pieces of about 64 KB as it is written, so a large result is
  // never held whole; take() then gives what is left.
  explicit JsonWriter(Sink sink) : sink_(std::move(sink)) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

  JsonWriter& value(double number);  // NaN and infinities are written as null (R's NA)
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(std::size_t number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& null();
  // A value that may be absent: null when it is (R's NA, a cell left empty).
  template <typename T>
  JsonWriter& value(const std::optional<T>& maybe) {
    return maybe ? value(*maybe) : null();
  }
  JsonWriter& raw(std::string_view serialized_value);  // a value already in JSON form

  template <typename T>
  JsonWriter& array(const std::vector<T>& values) {
    begin_array();
    for (const T& v : values) value(v);
    return end_array();
  }

  void reserve(std::size_t bytes) {
    if (!sink_) out_.reserve(bytes);
  }
  std::string take() { return std::move(out_); }
  bool has_flushed() const { return flushed_; }

 private:
  static constexpr std::size_t kPiece = std::size_t{1} << 16;
  void before_value();
  Sink sink_;
  bool flushed_ = false;
  std::string out_;
  std::vector<bool> has_members_;  // per open container: a comma is due before the next item
  bool after_key_ = false;
};

}  // namespace itp
