#include "core/cohort/units.hpp"

#include <array>
#include <utility>

#include "core/cohort/column_names.hpp"
#include "core/io/cell_values.hpp"

namespace itp {
namespace {

using namespace std::string_view_literals;

// The unit as compared: ASCII lower case; spaces, '^', '*' and '.' dropped; µ and μ as 'u',
// superscripts 3 and 9 as digits, '×' as 'x'. "x10^9 /L" -> "x109/l", "/mm³" -> "/mm3".
std::string comparable_unit(std::string_view unit) {
  static const std::array<std::pair<std::string_view, char>, 5> kMultiByte = {{
      {"\xC2\xB5"sv, 'u'},      // µ micro sign
      {"\xCE\xBC"sv, 'u'},      // μ Greek mu
      {"\xC2\xB3"sv, '3'},      // ³
      {"\xE2\x81\xB9"sv, '9'},  // ⁹
      {"\xC3\x97"sv, 'x'},      // ×
  }};
  std::string out;
  for (std::size_t i = 0; i < unit.size();) {
    bool replaced = false;
    for (const auto& [bytes, ascii] : kMultiByte) {
      if (unit.substr(i, bytes.size()) == bytes) {
        out += ascii;
        i += bytes.size();
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    const char c = unit[i++];
    if (c == ' ' || c == '^' || c == '*' || c == '.' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

struct UnitFactor {
  std::string_view unit;  // comparable form
  double factor;
};

// 1 G/L = 10^9 cells per litre = 10^3 per µL = 10^3 per mm³.
constexpr std::array<UnitFactor, 21> kCellCountUnits = {{
    {"g/l", 1},       {"giga/l", 1},     {"x109/l", 1},      {"109/l", 1},
    {"x10e9/l", 1},   {"10e9/l", 1},     {"x103/ul", 1},     {"103/ul", 1},
    {"x103/mm3", 1},  {"103/mm3", 1},    {"k/ul", 1},        {"g/litre", 1},
    {"/mm3", 0.001},  {"mm3", 0.001},    {"/ul", 0.001},     {"ul", 0.001},
    {"cells/ul", 0.001}, {"cellules/mm3", 0.001}, {"elements/mm3", 0.001},
    {"/mm3sang", 0.001}, {"permm3", 0.001},
}};

constexpr std::array<UnitFactor, 7> kMassConcentrationUnits = {{
    {"g/l", 1}, {"g/litre", 1}, {"mg/ml", 1}, {"g/dl", 10}, {"mg/dl", 0.01}, {"mg/l", 0.001},
    {"mg/100ml", 0.01},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<double> factor_to_base_unit(Quantity quantity, std::string_view unit) {
  const std::string wanted = comparable_unit(unit);
  const auto find = [&](const auto& table) -> std::optional<double> {
    for (const UnitFactor& u : table)
      if (u.unit == wanted) return u.factor;
    return std::nullopt;
  };
  return quantity == Quantity::cell_count ? find(kCellCountUnits) : find(kMassConcentrationUnits);
}

std::string_view base_unit(Quantity quantity) {
  return quantity == Quantity::cell_count ? "G/L"sv : "g/L"sv;
}

NumberWithUnit split_unit(std::string_view cell) {
  const std::string_view text = trim_whitespace(cell);
  // The number is the longest leading run of what a number may hold; the unit starts at the
  // first letter, '/', or a multi-byte character (µ, ×) after it.
  std::size_t end = 0;
  while (end < text.size()) {
    const char c = text[end];
    const bool numeric = is_digit(c) || c == '.' || c == ',' || c == '+' || c == '-' ||
                         c == '<' || c == '>' || c == '=' || c == ' ' ||
                         ((c == 'e' || c == 'E') && end > 0 && end + 1 < text.size() &&
                          (is_digit(text[end + 1]) || text[end + 1] == '-') &&
                          is_digit(text[end - 1]));
    if (!numeric) break;
    ++end;
  }
  return {trim_whitespace(text.substr(0, end)), trim_whitespace(text.substr(end))};
}

std::string_view header_unit(std::string_view header) {
  const std::string_view text = trim_whitespace(header);
  if (text.empty() || (text.back() != ')' && text.back() != ']')) return {};
  const char open = text.back() == ')' ? '(' : '[';
  const std::size_t start = text.rfind(open);
  if (start == std::string_view::npos) return {};
  return trim_whitespace(text.substr(start + 1, text.size() - start - 2));
}

std::optional<LabTest> known_lab_test(std::string_view test) {
  struct Entry {
    std::string_view name;
    Quantity quantity;
    std::array<std::string_view, 8> spellings;  // normalize_name forms
  };
  static const std::array<Entry, 6> kTests = {{
      {"gammaglobulins", Quantity::mass_concentration,
       {"gammaglobulins", "gammaglobulines", "gammaglobulin", "gammaglobuline",
        "gamma_globulins", "gamma_globulines", "gammaglobulinemie", "gamma"}},
      {"igg", Quantity::mass_concentration,
       {"igg", "ig_g", "immunoglobulin_g", "immunoglobulines_g", "immunoglobuline_g",
        "serum_igg", "igg_serique", ""}},
      {"neutrophils", Quantity::cell_count,
       {"neutrophils", "neutrophiles", "neutrophil_count", "anc", "pnn",
        "polynucleaires_neutrophiles", "polynucleaires_neutrophils", "neutrophil"}},
      {"lymphocytes", Quantity::cell_count,
       {"lymphocytes", "lymphocyte_count", "lymphocyte", "lymphocytes_totaux", "", "", "", ""}},
      {"leukocytes", Quantity::cell_count,
       {"leukocytes", "leucocytes", "wbc", "white_blood_cells", "globules_blancs", "gb",
        "white_cell_count", ""}},
      {"hemoglobin", Quantity::mass_concentration,
       {"hemoglobin", "haemoglobin", "hemoglobine", "hb", "hgb", "", "", ""}},
  }};
  const std::string name = normalize_name(test);
  if (name.empty()) return std::nullopt;
  for (const Entry& e : kTests)
    for (std::string_view spelling : e.spellings)
      if (!spelling.empty() && spelling == name) return LabTest{e.name, e.quantity};
  return std::nullopt;
}

}  // namespace itp
