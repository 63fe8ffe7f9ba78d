#include "core/report/summary_rows.hpp"

#include <cmath>

#include "core/stats/sample_quantiles.hpp"

namespace itp {

double percent_of(std::size_t n, std::size_t d) {
  if (d == 0) return std::nan("");
  return std::round(1000.0 * static_cast<double>(n) / static_cast<double>(d)) / 10.0;
}

void write_continuous_row(JsonWriter& out, const std::string& label, const std::string& variable,
                          const std::vector<double>& values, int quantile_type) {
  const FiveNumber s = summarize(SortedSample(values), itp::quantile_type(quantile_type));
  out.begin_object();
  out.key("label").value(label);
  out.key("variable").value(variable);
  out.key("kind").value("continuous");
  out.key("n").value(s.n);
  out.key("missing").value(s.missing);
  out.key("median").value(s.median);  // NaN is written as null
  out.key("q1").value(s.q1);
  out.key("q3").value(s.q3);
  out.key("min").value(s.min);
  out.key("max").value(s.max);
  out.key("quantile_type").value(quantile_type);
  out.end_object();
}

void write_categorical_row(JsonWriter& out, const std::string& label, const std::string& variable,
                           const std::string& level, std::size_t count, std::size_t denominator,
                           std::size_t missing) {
  out.begin_object();
  out.key("label").value(label);
  out.key("variable").value(variable);
  out.key("kind").value("categorical");
  out.key("level").value(level);
  out.key("count").value(count);
  out.key("denominator").value(denominator);
  out.key("missing").value(missing);
  out.key("percent").value(percent_of(count, denominator));
  out.end_object();
}

}  // namespace itp
