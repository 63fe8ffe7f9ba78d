// describe_table on a French cohort sheet: types, canonical names, missing counts, samples, and
// each cell that does not fit, with its row and column.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "core/api/workspace.hpp"

namespace {

using nlohmann::json;

json describe(const std::string& name, const std::string& csv) {
  itp::Workspace ws;
  const json loaded = json::parse(ws.load_table(
      json{{"type", "load_table"}, {"name", name}, {"file", name + ".csv"}}.dump(), csv));
  REQUIRE(loaded["ok"] == true);
  const json described =
      json::parse(ws.run(json{{"type", "describe_table"}, {"table", name}}.dump()));
  REQUIRE(described["ok"] == true);
  return described;
}

const json& column(const json& described, const std::string& name) {
  for (const json& c : described["table"]["columns"])
    if (c["name"] == name) return c;
  FAIL("no column " << name);
  throw;
}

}  // namespace

TEST_CASE("describe_table: a French patients sheet", "[describe]") {
  const json d = describe("patients",
                          "id_patient;date_J0;âge;sexe;plaquettes_J0;décès;notes\n"
                          "SYN-01;03/04/2021;68;H;<10;non;a\n"
                          "SYN-02;31/02/2021;NA;F;15,5;oui;\n"
                          "SYN-03;05/06/2021;abc;H;22;non;b\n"
                          "SYN-04;01/02/2021;71;F;8;non;\n");
  CHECK(d["table"]["name"] == "patients");
  CHECK(d["table"]["rows"] == 4);
  CHECK(column(d, "id_patient")["canonical"] == "patient_id");
  CHECK(column(d, "id_patient")["type"] == "text");
  CHECK(column(d, "date_J0")["type"] == "date");
  CHECK(column(d, "date_J0")["canonical"] == "d0");
  CHECK(column(d, "âge")["type"] == "number");
  CHECK(column(d, "âge")["canonical"] == "age");
  CHECK(column(d, "âge")["missing"] == 1);
  CHECK(column(d, "âge")["index"] == 3);
  CHECK(column(d, "plaquettes_J0")["type"] == "number");  // "<10" keeps it a number column
  CHECK(column(d, "décès")["type"] == "boolean");
  CHECK(column(d, "décès")["canonical"] == "death");
  CHECK(column(d, "sexe")["samples"] == json::array({"H", "F"}));
  CHECK(column(d, "notes")["canonical"].is_null());
  CHECK(column(d, "notes")["missing"] == 2);

  // One warning per cell that does not fit, located as a spreadsheet shows it.
  const json& w = d["warnings"];
  REQUIRE(w.size() == 4);
  CHECK(w[0]["code"] == "censored_value");
  CHECK(w[0]["row"] == 2);
  CHECK(w[0]["column"] == "plaquettes_J0");
  CHECK(w[1]["code"] == "impossible_date");
  CHECK(w[1]["row"] == 3);
  CHECK(w[2]["code"] == "unexpected_value");
  CHECK(w[2]["row"] == 4);
  CHECK(w[2]["column"] == "âge");
  CHECK(w[2]["file"] == "patients.csv");
  // Every date would also be valid month first: the user must check the order.
  CHECK(w[3]["code"] == "ambiguous_date_order");
  CHECK(w[3]["column"] == "date_J0");
}

TEST_CASE("describe_table: types of a table that is not a cohort table", "[describe]") {
  const json d = describe("study", "t,status,arm,blank\n5,1,A,\n8,0,B,\n13,1,A,\n");
  CHECK(column(d, "t")["type"] == "number");
  CHECK(column(d, "status")["type"] == "boolean");  // only 0 and 1
  CHECK(column(d, "arm")["type"] == "text");
  CHECK(column(d, "blank")["type"] == "empty");
  CHECK(column(d, "t")["canonical"].is_null());  // no cohort table is named "study"
  CHECK(d["warnings"].empty());
}

TEST_CASE("describe_table: an unknown table is an error", "[describe]") {
  itp::Workspace ws;
  const json r = json::parse(ws.run(R"({"type":"describe_table","table":"nope"})"));
  CHECK(r["ok"] == false);
  CHECK(r["error"]["code"] == "unknown_table");
}

TEST_CASE("describe_table: a sheet with no cohort name is recognised by its columns",
          "[describe]") {
  const json d = describe("Sheet1", "Patient ID,day,Platelets (G/L),Visit\nP1,0,12,V0\n");
  CHECK(column(d, "Patient ID")["canonical"] == "patient_id");
  CHECK(column(d, "Platelets (G/L)")["canonical"] == "platelets");
  CHECK(column(d, "Visit")["canonical"].is_null());
}
