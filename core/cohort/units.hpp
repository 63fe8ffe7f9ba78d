#pragma once
// Units of the measurements a cohort holds, and their conversion to the units the analysis
// uses: cell counts in G/L (10^9/L), mass concentrations in g/L.
#include <optional>
#include <string>
#include <string_view>

namespace itp {

enum class Quantity { cell_count, mass_concentration };

// The factor that turns a value written in `unit` into the base unit of `quantity` (G/L for
// counts, g/L for concentrations), or nullopt when the unit is not one of that quantity.
// Case, spaces, "µ"/"u", "³"/"3", "^" and "x"/"×" are forgiven; for a cell count "g/L" is read
// as G/L, since grams cannot be meant. Counts: G/L, giga/L, x10^9/L, 10^3/µL, k/µL (1),
// /mm3, /µL, cells/µL (0.001). Concentrations: g/L, mg/mL (1), g/dL (10), mg/dL (0.01),
// mg/L (0.001).
std::optional<double> factor_to_base_unit(Quantity quantity, std::string_view unit);

std::string_view base_unit(Quantity quantity);  // "G/L" or "g/L"

// A cell such as "150 G/L" or "150000/mm3": the number's text and the unit after it. A cell
// without letters or '/' after its number gives an empty unit.
struct NumberWithUnit {
  std::string_view number;
  std::string_view unit;
};
NumberWithUnit split_unit(std::string_view cell);

// The unit in a header's trailing brackets: "Plaquettes (G/L)" -> "G/L"; "" when none.
std::string_view header_unit(std::string_view header);

// Lab tests the report uses, recognised by name in English and French; others are kept as
// written, their values unconverted.
struct LabTest {
  std::string_view name;  // "gammaglobulins", "igg", "neutrophils", "lymphocytes", ...
  Quantity quantity;
};
std::optional<LabTest> known_lab_test(std::string_view test);

}  // namespace itp
