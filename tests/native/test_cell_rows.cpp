// Sheets as decoded rows of typed cells (core/io/cell_rows): each kind of cell, text that must
// survive CSV quoting, Excel serial dates in both date systems, the row numbers a sheet shows,
// and every malformed input, through to the same TextTable a CSV file makes.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/api/workspace.hpp"
#include "core/io/cell_rows.hpp"
#include "core/io/cell_values.hpp"
#include "core/io/dates.hpp"

using itp::CellRowsSource;
using itp::InputError;
using itp::Problem;
using itp::TextTable;

namespace {

CellRowsSource patients(int date_system = 1900, std::size_t first_row = 1) {
  CellRowsSource source;
  source.file = "cohort.xlsx";
  source.sheet = "patients";
  source.date_system = date_system;
  source.first_row = first_row;
  return source;
}

itp::CellRowsTable read(const std::string& json, const CellRowsSource& source = patients()) {
  return itp::read_cell_rows("patients", json, source);
}

std::vector<std::string> cells_of(const TextTable& table, std::size_t record) {
  std::vector<std::size_t> columns;
  for (std::size_t i = 0; i < table.header().size(); ++i) columns.push_back(i);
  std::vector<std::string_view> cells;
  std::string scratch;
  table.split_record(record, columns, cells, scratch);
  return std::vector<std::string>(cells.begin(), cells.end());
}

std::vector<std::string> codes(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const Problem& p : problems) out.push_back(p.code);
  return out;
}

Problem error_of(const std::string& json, const CellRowsSource& source = patients()) {
  try {
    read(json, source);
  } catch (const InputError& error) {
    return error.problem();
  }
  FAIL("no InputError for " << json.substr(0, 200));
  return {};
}

// The one cell of a one-column sheet whose header is "x".
std::string single_cell(const std::string& cell_json, const CellRowsSource& source = patients()) {
  const auto rows = read("[[\"x\"],[" + cell_json + "]]", source);
  REQUIRE(rows.table.record_count() == 1);
  return cells_of(rows.table, 0)[0];
}

std::vector<Problem> single_cell_warnings(const std::string& cell_json,
                                          const CellRowsSource& source = patients()) {
  return read("[[\"x\"],[" + cell_json + "]]", source).warnings;
}

}  // namespace

TEST_CASE("cell_rows: each kind of cell becomes the text a CSV file would hold") {
  const auto rows = read(R"([["id","age","weight","splenectomy","note"],
                              ["P1", 42, 71.5, true, null],
                              ["P2", -3, 1e-7, false, "ok"]])");
  const TextTable& table = rows.table;
  CHECK(table.header() == std::vector<std::string>{"id", "age", "weight", "splenectomy", "note"});
  CHECK(table.record_count() == 2);
  CHECK(table.file() == "cohort.xlsx \xE2\x80\xBA patients");
  CHECK(table.delimiter() == ',');
  CHECK(cells_of(table, 0) == std::vector<std::string>{"P1", "42", "71.5", "TRUE", ""});
  CHECK(cells_of(table, 1) == std::vector<std::string>{"P2", "-3", "1e-7", "FALSE", "ok"});
  CHECK(itp::parse_number("1e-7") == 1e-7);
  CHECK(itp::parse_event_code("TRUE") == itp::EventCode::event);
  CHECK(itp::parse_event_code("FALSE") == itp::EventCode::censored);
  CHECK(rows.warnings.empty());
  CHECK(table.warnings().empty());
}

TEST_CASE("cell_rows: quotes, delimiters, line ends and spaces survive as they were") {
  const std::vector<std::string> texts = {
      "a,b",        "say \"hi\"", "\"",         "\"\"", "line 1\nline 2", "cr\r\nlf",
      "semi;colon", "tab\there",  "  spaced  ", ",",    "trailing,",      "\n"};
  nlohmann::json rows = nlohmann::json::array();
  rows.push_back({"id", "text"});
  for (std::size_t i = 0; i < texts.size(); ++i) rows.push_back({std::to_string(i), texts[i]});
  const auto read_rows = read(rows.dump());
  REQUIRE(read_rows.table.record_count() == texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    INFO("cell " << i);
    CHECK(cells_of(read_rows.table, i)[1] == texts[i]);
  }
  // A header cell with a comma and a line end is one column name.
  const auto header = read(R"j([["time, days\n(from D0)","event"],[1,0]])j");
  CHECK(header.table.header() == std::vector<std::string>{"time, days\n(from D0)", "event"});
}

TEST_CASE("cell_rows: unicode text, names and escapes") {
  const auto rows = read(
      u8R"([["âge","décès","名前"],["72","oui","日本 😀"],["\u00e9\u0301","\ud83d\ude00",null]])");
  CHECK(rows.table.header() == std::vector<std::string>{u8"âge", u8"décès", u8"名前"});
  CHECK(cells_of(rows.table, 0) == std::vector<std::string>{"72", "oui", u8"日本 😀"});
  CHECK(cells_of(rows.table, 1)[0] == "\xC3\xA9\xCC\x81");  // é and a combining acute, kept
  CHECK(cells_of(rows.table, 1)[1] == u8"😀");
  CHECK(rows.table.warnings().empty());  // valid UTF-8 throughout, no Windows-1252 guess
}

TEST_CASE("cell_rows: a NUL character does not make the sheet a binary file") {
  CHECK(single_cell(R"("a\u0000b")") == std::string("a\xEF\xBF\xBD") + "b");  // U+FFFD
}

TEST_CASE("cell_rows: numbers read back as the same double") {
  const double values[] = {0.1,
                           0.1 + 0.2,
                           1.0 / 3.0,
                           2837.3,
                           1e21,
                           1.5e-7,
                           -0.0,
                           9007199254740993.0,  // 2^53 + 1 rounds to 2^53
                           123456789012345680000.0,
                           std::numeric_limits<double>::max(),
                           std::numeric_limits<double>::min(),
                           std::numeric_limits<double>::denorm_min(),
                           -45000.123456789012};
  for (const double value : values) {
    // nlohmann writes the shortest text that reads back, as JSON.stringify does.
    const std::string json_number = nlohmann::json(value).dump();
    INFO(json_number);
    const std::optional<double> back = itp::parse_number(single_cell(json_number));
    REQUIRE(back);
    CHECK(std::memcmp(&*back, &value, sizeof value) == 0);
  }
  CHECK(single_cell("18446744073709551615") == "18446744073709551615");
  CHECK(single_cell("-9223372036854775808") == "-9223372036854775808");
  CHECK(single_cell("1E+300") == "1E+300");
  CHECK(itp::parse_number("1E+300") == 1e300);
}

TEST_CASE("cell_rows: Excel serial dates, 1900 system") {
  CHECK(single_cell(R"({"excel_serial": 1})") == "1900-01-01");
  CHECK(single_cell(R"({"excel_serial": 59})") == "1900-02-28");
  CHECK(single_cell(R"({"excel_serial": 61})") == "1900-03-01");
  CHECK(single_cell(R"({"excel_serial": 44270})") == "2021-03-15");
  CHECK(single_cell(R"({"excel_serial": 44270.99999})") == "2021-03-15");  // time of day dropped
  CHECK(single_cell(R"({"excel_serial": 2958465})") == "9999-12-31");
  CHECK(single_cell_warnings(R"({"excel_serial": 44270})").empty());

  SECTION("serial 60, Excel's 29 February 1900, is an impossible date with a warning") {
    CHECK(single_cell(R"({"excel_serial": 60})") == "1900-02-29");
    CHECK(itp::read_date("1900-02-29").kind == itp::DateReading::Kind::impossible);
    const auto warnings = single_cell_warnings(R"({"excel_serial": 60.5})");
    REQUIRE(codes(warnings) == std::vector<std::string>{"excel_leap_day_1900"});
    CHECK(warnings[0].row == 2u);
    CHECK(warnings[0].column == "x");
    CHECK(warnings[0].file == "cohort.xlsx");
    CHECK_THAT(warnings[0].message, Catch::Contains("cohort.xlsx \xE2\x80\xBA patients, row 2"));
  }

  SECTION("values Excel cannot show as dates stay numbers, one warning per column") {
    CHECK(single_cell(R"({"excel_serial": 0})") == "0");
    CHECK(single_cell(R"({"excel_serial": 0.5})") == "0.5");
    CHECK(single_cell(R"({"excel_serial": -1})") == "-1");
    CHECK(single_cell(R"({"excel_serial": 2958466})") == "2958466");
    const auto rows = read(R"([["d0","other"],[{"excel_serial":0.25},null],
                              [{"excel_serial":44270},{"excel_serial":-3}],
                              [{"excel_serial":0.5},null]])");
    REQUIRE(codes(rows.warnings) ==
            std::vector<std::string>{"excel_serial_not_a_date", "excel_serial_not_a_date"});
    CHECK(rows.warnings[0].column == "d0");
    CHECK(rows.warnings[0].row == 2u);
    CHECK_THAT(rows.warnings[0].message, Catch::Contains("0.25") && Catch::Contains("1 more"));
    CHECK(rows.warnings[1].column == "other");
    CHECK(rows.warnings[1].row == 3u);
  }

  SECTION("a date in the header is the column's name, without warnings") {
    const auto rows = read(R"([[{"excel_serial":44270},{"excel_serial":0}],[1,2]])");
    CHECK(rows.table.header() == std::vector<std::string>{"2021-03-15", "0"});
    CHECK(rows.warnings.empty());
  }
}

TEST_CASE("cell_rows: Excel serial dates, 1904 system") {
  const CellRowsSource mac = patients(1904);
  CHECK(single_cell(R"({"excel_serial": 0})", mac) == "1904-01-01");
  CHECK(single_cell(R"({"excel_serial": 60})", mac) == "1904-03-01");  // 1904 was a leap year
  CHECK(single_cell(R"({"excel_serial": 42808})", mac) == "2021-03-15");
  CHECK(single_cell(R"({"excel_serial": 2957003})", mac) == "9999-12-31");
  CHECK(single_cell_warnings(R"({"excel_serial": 60})", mac).empty());
  CHECK(single_cell(R"({"excel_serial": -1})", mac) == "-1");
  const auto warnings = single_cell_warnings(R"({"excel_serial": -1})", mac);
  REQUIRE(codes(warnings) == std::vector<std::string>{"excel_serial_not_a_date"});
  CHECK_THAT(warnings[0].message, Catch::Contains("1904"));
  CHECK_THROWS_AS(itp::cell_rows_to_csv("[[1]]", patients(1901)), std::invalid_argument);
}

TEST_CASE("cell_rows: ragged rows") {
  SECTION("short rows leave their last cells empty") {
    const auto rows = read(R"([["a","b","c"],["1"],[],["1","2","3"]])");
    CHECK(rows.table.record_count() == 3);
    CHECK(cells_of(rows.table, 0) == std::vector<std::string>{"1", "", ""});
    CHECK(cells_of(rows.table, 1) == std::vector<std::string>{"", "", ""});
    CHECK(rows.table.warnings().empty());
  }
  SECTION("cells past the header's last name get a column, named and reported") {
    const auto rows = read(R"([["a","b"],["1","2","3",null],["4"]])");
    CHECK(rows.table.header() == std::vector<std::string>{"a", "b", "column_3"});
    CHECK(cells_of(rows.table, 0) == std::vector<std::string>{"1", "2", "3"});
    CHECK(codes(rows.table.warnings()) == std::vector<std::string>{"empty_column_name"});
  }
  SECTION("empty cells at the end of every row add no column") {
    const auto rows = read(R"([["a","b",null,""],["1","2",null,null]])");
    CHECK(rows.table.header() == std::vector<std::string>{"a", "b"});
    CHECK(rows.table.warnings().empty());
  }
  SECTION("an empty header cell between names is column_N, as in a CSV file") {
    const auto rows = read(R"([["a",null,"c"],[1,2,3]])");
    CHECK(rows.table.header() == std::vector<std::string>{"a", "column_2", "c"});
  }
}

TEST_CASE("cell_rows: row numbers and the header's place in the sheet") {
  SECTION("empty rows between data rows keep their row; those at the bottom are dropped") {
    const auto rows = read(R"([["id","n"],["P1",1],[null,null],["P3",3],[],[null," "]])");
    CHECK(rows.table.record_count() == 3);
    CHECK(cells_of(rows.table, 2)[0] == "P3");
    CHECK(TextTable::spreadsheet_row(2) == 4);  // P3 is on row 4 of the sheet
  }
  SECTION("empty rows above the header: warned, and row numbers count the header as row 1") {
    const auto rows = read(R"([[],[null,"  "],["id","n"],["P1",1]])");
    CHECK(rows.table.header() == std::vector<std::string>{"id", "n"});
    CHECK(rows.table.record_count() == 1);
    REQUIRE(codes(rows.table.warnings()) == std::vector<std::string>{"blank_lines_before_header"});
    CHECK_THAT(rows.table.warnings()[0].message,
               Catch::Contains("cohort.xlsx \xE2\x80\xBA patients starts with 2 blank"));
  }
  SECTION("rows left out by the caller (first_row) count the same way") {
    const auto rows = read(R"([[],["id","n"],["P1",1]])", patients(1900, 3));
    REQUIRE(codes(rows.table.warnings()) == std::vector<std::string>{"blank_lines_before_header"});
    CHECK_THAT(rows.table.warnings()[0].message, Catch::Contains("starts with 3 blank"));
    CHECK(error_of(R"([["id"],[[1]]])", patients(1900, 10)).row == 11u);
  }
}

TEST_CASE("cell_rows: empty sheets") {
  for (const char* json : {"[]", "[[]]", R"([[null,""],[" ",null]])"}) {
    INFO(json);
    const Problem p = error_of(json);
    CHECK(p.code == "empty_sheet");
    CHECK(p.file == "cohort.xlsx");
    CHECK_THAT(p.message, Catch::Contains("cohort.xlsx \xE2\x80\xBA patients is empty"));
  }
  // A header alone is a table without data rows, as for CSV.
  CHECK(codes(read(R"([["id"]])").table.warnings()) == std::vector<std::string>{"no_data_rows"});
}

TEST_CASE("cell_rows: malformed rows JSON is refused with its place") {
  SECTION("not JSON") {
    for (const char* json : {"", "[[1,2]", R"([["a"]] x)", "[[tru]]", "[[1e999]]"}) {
      INFO(json);
      const Problem p = error_of(json);
      CHECK(p.code == "invalid_rows");
      CHECK(p.file == "cohort.xlsx");
      CHECK_THAT(p.message, Catch::Contains("not valid JSON"));
    }
    CHECK(error_of(R"([["a","b"],["x",tru]])").row == 2u);
  }
  SECTION("not an array of arrays") {
    CHECK(error_of(R"({"rows":[]})").code == "invalid_rows");
    CHECK(error_of("42").code == "invalid_rows");
    const Problem p = error_of(R"([["a"],"b"])");
    CHECK(p.code == "invalid_rows");
    CHECK(p.row == 2u);
    CHECK(error_of(R"([["a"],{"b":1}])").row == 2u);
  }
  SECTION("cells of no known kind") {
    const Problem nested = error_of(R"([["id","d0"],["P1",[44270]]])");
    CHECK(nested.code == "invalid_cell");
    CHECK(nested.row == 2u);
    CHECK(nested.column == "d0");
    CHECK_THAT(nested.message, Catch::Contains("row 2, column B (\"d0\")"));
    for (const char* cell : {R"({"serial":1})", R"({"excel_serial":"44270"})", "{}",
                             R"({"excel_serial":1,"excel_serial":2})", R"({"excel_serial":null})",
                             R"({"excel_serial":[1]})", R"({"excel_serial":{"a":1}})"}) {
      INFO(cell);
      CHECK(error_of(std::string(R"([["x"],[)") + cell + "]]").code == "invalid_cell");
    }
  }
}

TEST_CASE("cell_rows: sheets past Excel's limits") {
  std::string wide = "[[";
  for (int i = 0; i <= 16384; ++i) wide += i ? ",1" : "1";
  wide += "]]";
  CHECK(error_of(wide).code == "too_many_columns");
  // 1 MB of text in a row is still read, as read_text_table reads such a CSV line; a byte more
  // is not.
  const std::string long_text(std::size_t{1} << 20, 'x');
  CHECK(read(R"([["a"],[")" + long_text + R"("]])").table.record_count() == 1);
  CHECK(error_of(R"([["a"],[")" + long_text + R"(x"]])").code == "row_too_long");
  CHECK(error_of(R"([["a"],[")" + long_text.substr(1) + R"(",1]])").code == "row_too_long");
}

TEST_CASE("cell_rows: load_table with \"cells\": \"rows\" through the workspace") {
  itp::Workspace ws;
  const auto load = [&](const std::string& request, const std::string& bytes) {
    return nlohmann::json::parse(ws.load_table(request, bytes));
  };
  const std::string request =
      R"({"type":"load_table","name":"patients","file":"cohort.xlsx","sheet":"patients","cells":"rows"})";
  const auto loaded = load(
      request, R"([["patient_id","d0"],["P1",{"excel_serial":44270}],["P2",{"excel_serial":60}]])");
  REQUIRE(loaded["ok"] == true);
  CHECK(loaded["table"]["rows"] == 2);
  CHECK(loaded["table"]["sheet"] == "patients");
  CHECK(loaded["table"]["file"] == "cohort.xlsx \xE2\x80\xBA patients");
  REQUIRE(loaded["warnings"].size() == 1);
  CHECK(loaded["warnings"][0]["code"] == "excel_leap_day_1900");
  CHECK(loaded["warnings"][0]["row"] == 3);

  const auto described =
      nlohmann::json::parse(ws.run(R"({"type":"describe_table","table":"patients"})"));
  REQUIRE(described["ok"] == true);
  CHECK(described["table"]["columns"][1]["type"] == "date");

  const auto bad = load(request, "[[1,2]");
  CHECK(bad["ok"] == false);
  CHECK(bad["error"]["code"] == "invalid_rows");
  const auto mac = load(
      R"({"type":"load_table","name":"m","file":"mac.xlsx","sheet":"s","cells":"rows","date_system":1904})",
      R"([["d"],[{"excel_serial":0}]])");
  CHECK(mac["ok"] == true);
  for (const char* field : {R"("date_system":1901)", R"("date_system":"1904")", R"("first_row":0)",
                            R"("first_row":1.5)", R"("cells":"columns")", R"("sheet":"")"}) {
    INFO(field);
    const auto refused =
        load(std::string(R"({"type":"load_table","name":"m","file":"f.xlsx","cells":"rows",)") +
                 field + "}",
             R"([["d"],[1]])");
    CHECK(refused["ok"] == false);
    CHECK(refused["error"]["code"] == "bad_request");
  }
}
