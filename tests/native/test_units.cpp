// Units of counts and concentrations: each conversion factor written out (1 G/L = 10^9/L =
// 10^3/µL = 10^3/mm³; 1 g/dL = 10 g/L; 1 mg/dL = 0.01 g/L), and the parts of a cell or header
// that carry a unit.
#include <catch2/catch.hpp>

#include "core/cohort/units.hpp"

using itp::Quantity;

TEST_CASE("units: cell counts to G/L", "[units]") {
  for (const char* unit : {"G/L", "g/l", "giga/L", "x10^9/L", "10^9/L", "×10⁹/L", "x 10^3/µL",
                           "10^3/uL", "10³/mm³", "k/µL"}) {
    INFO(unit);
    CHECK(itp::factor_to_base_unit(Quantity::cell_count, unit) == 1.0);
  }
  for (const char* unit : {"/mm3", "/mm³", "mm3", "/µL", "/μL", "/ul", "cells/µL", "/ mm 3"}) {
    INFO(unit);
    CHECK(itp::factor_to_base_unit(Quantity::cell_count, unit) == 0.001);
  }
  for (const char* unit : {"mg/dL", "kg", "%", "", "10^6/L"}) {
    INFO(unit);
    CHECK_FALSE(itp::factor_to_base_unit(Quantity::cell_count, unit));
  }
}

TEST_CASE("units: mass concentrations to g/L", "[units]") {
  CHECK(itp::factor_to_base_unit(Quantity::mass_concentration, "g/L") == 1.0);
  CHECK(itp::factor_to_base_unit(Quantity::mass_concentration, "mg/mL") == 1.0);
  CHECK(itp::factor_to_base_unit(Quantity::mass_concentration, "g/dL") == 10.0);
  CHECK(itp::factor_to_base_unit(Quantity::mass_concentration, "mg/dL") == 0.01);
  CHECK(itp::factor_to_base_unit(Quantity::mass_concentration, "mg/L") == 0.001);
  CHECK_FALSE(itp::factor_to_base_unit(Quantity::mass_concentration, "mmol/L"));
  CHECK_FALSE(itp::factor_to_base_unit(Quantity::mass_concentration, "/mm3"));
}

TEST_CASE("units: the number and the unit of a cell, the unit of a header", "[units]") {
  const auto split = itp::split_unit(" 150 G/L ");
  CHECK(split.number == "150");
  CHECK(split.unit == "G/L");
  CHECK(itp::split_unit("150000/mm3").number == "150000");
  CHECK(itp::split_unit("150000/mm3").unit == "/mm3");
  CHECK(itp::split_unit("1,5e5").number == "1,5e5");
  CHECK(itp::split_unit("1,5e5").unit.empty());
  CHECK(itp::split_unit("<10 G/L").number == "<10");
  CHECK(itp::split_unit("16 mg/kg").unit == "mg/kg");
  CHECK(itp::split_unit("many").number.empty());
  CHECK(itp::header_unit("Plaquettes (G/L)") == "G/L");
  CHECK(itp::header_unit("platelets [/mm3]") == "/mm3");
  CHECK(itp::header_unit("platelets").empty());
}

TEST_CASE("units: lab tests by name, English and French", "[units]") {
  CHECK(itp::known_lab_test("Gammaglobulines")->name == "gammaglobulins");
  CHECK(itp::known_lab_test("gamma-globulins")->quantity == Quantity::mass_concentration);
  CHECK(itp::known_lab_test("PNN")->name == "neutrophils");
  CHECK(itp::known_lab_test("Polynucléaires neutrophiles")->quantity == Quantity::cell_count);
  CHECK(itp::known_lab_test("IgG")->name == "igg");
  CHECK(itp::known_lab_test("Hémoglobine")->name == "hemoglobin");
  CHECK_FALSE(itp::known_lab_test("CRP"));
  CHECK_FALSE(itp::known_lab_test(""));
}
