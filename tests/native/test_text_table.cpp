// Reading delimited text: encodings, delimiters, quotes, line ends, ragged and blank rows, and
// every error a file can raise, with the row and column a spreadsheet would show.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "core/io/text_table.hpp"

#ifndef ITP_TEST_DATA_DIR
#define ITP_TEST_DATA_DIR "tests"
#endif

using itp::InputError;
using itp::Problem;
using itp::TextReadOptions;
using itp::TextTable;

namespace {

TextTable read(const std::string& bytes, TextReadOptions options = {}) {
  return itp::read_text_table("t", "t.csv", bytes, options);
}

// Every cell of a record, as many as the header has columns plus `extra`.
std::vector<std::string> cells_of(const TextTable& table, std::size_t record,
                                  std::size_t extra = 0) {
  std::vector<std::size_t> columns;
  for (std::size_t i = 0; i < table.header().size() + extra; ++i) columns.push_back(i);
  std::vector<std::string_view> cells;
  std::string scratch;
  table.split_record(record, columns, cells, scratch);
  return std::vector<std::string>(cells.begin(), cells.end());
}

std::vector<std::string> warning_codes(const TextTable& table) {
  std::vector<std::string> codes;
  for (const Problem& warning : table.warnings()) codes.push_back(warning.code);
  return codes;
}

Problem error_of(const std::string& bytes) {
  try {
    read(bytes);
  } catch (const InputError& error) {
    return error.problem();
  }
  FAIL("no InputError for this input");
  return {};
}

std::string utf16(const std::u16string& text, bool big_endian) {
  std::string bytes = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (const char16_t unit : text) {
    const char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
    bytes += big_endian ? high : low;
    bytes += big_endian ? low : high;
  }
  return bytes;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

using Row = std::vector<std::string>;

}  // namespace

TEST_CASE("each delimiter is detected", "[text_table]") {
  const TextTable comma = read("id,day,platelets\nP1,0,12\nP2,42,150\n");
  CHECK(comma.delimiter() == ',');
  CHECK(comma.header() == Row{"id", "day", "platelets"});
  CHECK(comma.record_count() == 2);
  CHECK(cells_of(comma, 1) == Row{"P2", "42", "150"});
  CHECK(comma.warnings().empty());
  CHECK(comma.name() == "t");
  CHECK(comma.file() == "t.csv");

  const TextTable semicolon = read("id;day;platelets\nP1;0;12,5\nP2;42;150\n");
  CHECK(semicolon.delimiter() == ';');
  CHECK(cells_of(semicolon, 0) == Row{"P1", "0", "12,5"});

  const TextTable tab = read("id\tday\tnote\nP1\t0\ta, b; c\n");
  CHECK(tab.delimiter() == '\t');
  CHECK(cells_of(tab, 0) == Row{"P1", "0", "a, b; c"});
}

TEST_CASE("detection ignores delimiters inside quotes", "[text_table]") {
  const TextTable comma = read("\"a;b\",\"c;d\"\n\"1;2\",\"3;4\"\n\"5;6\",\"7;8\"\n");
  CHECK(comma.delimiter() == ',');
  CHECK(comma.header() == Row{"a;b", "c;d"});
  CHECK(cells_of(comma, 1) == Row{"5;6", "7;8"});

  const TextTable semicolon = read("name;value\n\"Smith, J\";1,5\n\"Doe, A\";2,5\n");
  CHECK(semicolon.delimiter() == ';');
  CHECK(cells_of(semicolon, 0) == Row{"Smith, J", "1,5"});
}

TEST_CASE("detection prefers the delimiter consistent on most lines, then tab, ';', ','",
          "[text_table]") {
  // ',' gives 3 cells on the header only; ';' gives 2 on every line.
  CHECK(read("a;b,c\n1;2\n3;4\n").delimiter() == ';');
  // Both give 2 cells on every line: tab wins, then ';'.
  CHECK(read("a\tb;c\n1\t2;3\n").delimiter() == '\t');
  CHECK(read("a;b,c\n1;2,3\n").delimiter() == ';');
  // A header-only file still finds its delimiter.
  CHECK(read("a;b;c\n").delimiter() == ';');
}

TEST_CASE("a one-column file", "[text_table]") {
  const TextTable plain = read("id\nP1\nP2\n");
  CHECK(plain.delimiter() == ',');
  CHECK(plain.header() == Row{"id"});
  CHECK(plain.record_count() == 2);
  // Decimal commas are not taken for a delimiter.
  const TextTable decimals = read("value\n1,5\n2,5\n");
  CHECK(decimals.header() == Row{"value"});
  CHECK(cells_of(decimals, 0) == Row{"1,5"});
  CHECK(decimals.warnings().empty());
}

TEST_CASE("a delimiter given in the options is used as is", "[text_table]") {
  TextReadOptions options;
  options.delimiter = '|';
  const TextTable table = read("a|b\n1,5|x;y\n", options);
  CHECK(table.delimiter() == '|');
  CHECK(cells_of(table, 0) == Row{"1,5", "x;y"});
}

TEST_CASE("UTF-8 byte-order mark is removed", "[text_table]") {
  const TextTable table = read("\xEF\xBB\xBFid,x\n1,2\n");
  CHECK(table.header() == Row{"id", "x"});
  CHECK(table.column_index("id") == 0);
  CHECK(table.warnings().empty());
}

TEST_CASE("UTF-16 LE and BE with byte-order mark become UTF-8", "[text_table]") {
  // U+1D11E needs a surrogate pair.
  const std::u16string text = u"id;nom\r\n1;\u00E9l\u00E8ve \U0001D11E\r\n";
  for (const bool big_endian : {false, true}) {
    INFO("big endian: " << big_endian);
    const TextTable table = read(utf16(text, big_endian));
    CHECK(table.delimiter() == ';');
    CHECK(table.header() == Row{"id", "nom"});
    REQUIRE(table.record_count() == 1);
    CHECK(cells_of(table, 0) == Row{"1", "\xC3\xA9l\xC3\xA8ve \xF0\x9D\x84\x9E"});
    CHECK(table.warnings().empty());
  }
}

TEST_CASE("a lone surrogate in UTF-16 becomes U+FFFD", "[text_table]") {
  const TextTable table = read(utf16(u"a\n\xD800x\n", false));
  CHECK(cells_of(table, 0) == Row{"\xEF\xBF\xBDx"});
}

TEST_CASE("bytes that are not UTF-8 are read as Windows-1252", "[text_table]") {
  const TextTable table = read("examen;unit\xE9\nH\xE9moglobine;g/L\n\x80;\x9C\n");
  CHECK(table.header() == Row{"examen", "unit\xC3\xA9"});
  CHECK(cells_of(table, 0) == Row{"H\xC3\xA9moglobine", "g/L"});
  CHECK(cells_of(table, 1) == Row{"\xE2\x82\xAC", "\xC5\x93"});  // euro sign, oe ligature
  REQUIRE(warning_codes(table) == Row{"encoding_windows_1252"});
  const Problem& warning = table.warnings()[0];
  CHECK(warning.file == "t.csv");
  CHECK(warning.message.find("t.csv") != std::string::npos);
  CHECK(warning.message.find("line 1") != std::string::npos);
  CHECK(warning.message.find("\xC3\xA9") != std::string::npos);
}

TEST_CASE("valid UTF-8 next to Windows-1252 bytes is kept", "[text_table]") {
  const TextTable table = read("a\n\xC3\xA9t\xE9\n");
  CHECK(cells_of(table, 0) == Row{"\xC3\xA9t\xC3\xA9"});
  CHECK(warning_codes(table) == Row{"encoding_windows_1252"});
  CHECK(table.warnings()[0].message.find("line 2") != std::string::npos);
}

TEST_CASE("CRLF and CR line ends", "[text_table]") {
  for (const char* text : {"a,b\r\n1,2\r\n3,4\r\n", "a,b\r1,2\r3,4\r", "a,b\r\n1,2\n3,4"}) {
    const TextTable table = read(text);
    CHECK(table.header() == Row{"a", "b"});
    REQUIRE(table.record_count() == 2);
    CHECK(cells_of(table, 0) == Row{"1", "2"});
    CHECK(cells_of(table, 1) == Row{"3", "4"});
  }
}

TEST_CASE("a trailing newline does not make a record", "[text_table]") {
  CHECK(read("a\n1\n").record_count() == 1);
  CHECK(read("a\n1").record_count() == 1);
  CHECK(read("a\r\n1\r\n").record_count() == 1);
}

TEST_CASE("quoted newlines stay in one record and one spreadsheet row", "[text_table]") {
  const TextTable table = read("id,comment\nP1,\"first line\nsecond line\"\nP2,\"a\r\nb\"\nP3,x\n");
  REQUIRE(table.record_count() == 3);
  CHECK(cells_of(table, 0) == Row{"P1", "first line\nsecond line"});
  CHECK(cells_of(table, 1) == Row{"P2", "a\r\nb"});
  CHECK(cells_of(table, 2) == Row{"P3", "x"});
  // Excel shows P3 on row 4 although it is on line 6 of the file.
  CHECK(TextTable::spreadsheet_row(2) == 4);
  // A quoted newline in the header too.
  const TextTable header = read("\"Platelets\n(G/L)\",id\n12,P1\n");
  CHECK(header.header() == Row{"Platelets\n(G/L)", "id"});
}

TEST_CASE("doubled quotes, quoted delimiters and text after a closing quote", "[text_table]") {
  const TextTable table =
      read("a,b,c\n\"say \"\"hi\"\"\",\"x,y\",\"\"\n\"\"\"\",\"ab\"cd,e\n5'11\",x\"y, \"z\"\n");
  REQUIRE(table.record_count() == 3);
  CHECK(cells_of(table, 0) == Row{"say \"hi\"", "x,y", ""});
  CHECK(cells_of(table, 1) == Row{"\"", "abcd", "e"});
  // A quote that does not open a cell is an ordinary character; spaces before a quote make it one.
  CHECK(cells_of(table, 2) == Row{"5'11\"", "x\"y", " \"z\""});
}

TEST_CASE("split_record: any order, repeats, views that survive unescaping", "[text_table]") {
  const TextTable table = read("a,b,c\n\"1\"\"\",\"2\"\"\",\"3\"\"\"\n");
  std::vector<std::string_view> cells;
  std::string scratch;
  table.split_record(0, {2, 0, 2, 7, 1}, cells, scratch);
  CHECK(std::vector<std::string>(cells.begin(), cells.end()) ==
        Row{"3\"", "1\"", "3\"", "", "2\""});
  table.split_record(0, {}, cells, scratch);
  CHECK(cells.empty());
  CHECK_THROWS_AS(table.split_record(1, {0}, cells, scratch), std::out_of_range);
}

TEST_CASE("split_record leaves the scratch alone when nothing is quoted", "[text_table]") {
  const TextTable table = read("a,b\n1,2\n");
  std::vector<std::string_view> cells;
  cells.reserve(4);
  std::string scratch;
  const std::size_t capacity = scratch.capacity();
  const auto* cells_data = cells.data();
  table.split_record(0, {0, 1}, cells, scratch);
  CHECK(scratch.capacity() == capacity);
  CHECK(cells.data() == cells_data);
  CHECK(std::vector<std::string>(cells.begin(), cells.end()) == Row{"1", "2"});
}

TEST_CASE("cells keep their spaces; header names are trimmed", "[text_table]") {
  const TextTable table = read(" id ,\" day \"\n 1 , 2 \n");
  CHECK(table.header() == Row{"id", "day"});
  CHECK(cells_of(table, 0) == Row{" 1 ", " 2 "});
}

TEST_CASE("empty and duplicated header names", "[text_table]") {
  const TextTable table = read("id,x,,x, \n1,2,3,4,5\n");
  CHECK(table.header() == Row{"id", "x", "column_3", "x", "column_5"});
  CHECK(table.column_index("x") == 1);
  CHECK(table.column_index("column_3") == 2);
  CHECK(table.column_index("y") == TextTable::npos);
  REQUIRE(warning_codes(table) ==
          Row{"empty_column_name", "empty_column_name", "duplicate_column_name"});
  CHECK(table.warnings()[0].row == 1u);
  CHECK(table.warnings()[0].column == "column_3");
  CHECK(table.warnings()[1].column == "column_5");
  CHECK(table.warnings()[2].row == 1u);
  CHECK(table.warnings()[2].column == "x");
  CHECK(table.warnings()[2].message.find("columns 2 and 4") != std::string::npos);
}

TEST_CASE("short rows read as empty cells, without a warning", "[text_table]") {
  const TextTable table = read("a,b,c\n1\n1,2\n");
  CHECK(cells_of(table, 0) == Row{"1", "", ""});
  CHECK(cells_of(table, 1) == Row{"1", "2", ""});
  CHECK(table.warnings().empty());
}

TEST_CASE("long rows warn with their row, unless the extra cells are blank", "[text_table]") {
  const TextTable table = read("a,b\n1,2\n1,2,3\n1,2,, \n");
  CHECK(cells_of(table, 1, 1) == Row{"1", "2", "3"});
  REQUIRE(warning_codes(table) == Row{"extra_cells"});
  CHECK(table.warnings()[0].row == 3u);
  CHECK(table.warnings()[0].file == "t.csv");
  CHECK(table.warnings()[0].message.find("row 3 has 3 cells") != std::string::npos);
}

TEST_CASE("repeated warnings stop at 20 plus a summary", "[text_table]") {
  std::string text = "a,b\n";
  for (int i = 0; i < 1000; ++i) text += "1,2,3\n";
  const TextTable table = read(text);
  REQUIRE(table.warnings().size() == 21);
  for (std::size_t i = 0; i < 20; ++i) {
    CHECK(table.warnings()[i].code == "extra_cells");
    CHECK(table.warnings()[i].row == i + 2);
  }
  const Problem& summary = table.warnings()[20];
  CHECK(summary.code == "extra_cells");
  CHECK_FALSE(summary.row);
  CHECK(summary.message.find("980 more rows") != std::string::npos);
}

TEST_CASE("blank lines are empty rows, as a spreadsheet shows them", "[text_table]") {
  const TextTable table = read("a,b\n1,2\n\n  \n3,4\n");
  REQUIRE(table.record_count() == 4);
  CHECK(cells_of(table, 1) == Row{"", ""});
  CHECK(cells_of(table, 2) == Row{"  ", ""});
  CHECK(cells_of(table, 3) == Row{"3", "4"});
  CHECK(TextTable::spreadsheet_row(3) == 5);
  CHECK(table.warnings().empty());
}

TEST_CASE("blank rows at the end of the file are dropped", "[text_table]") {
  const TextTable table = read("a;b\r\n1;2\r\n\r\n;\r\n \r\n;;\r\n");
  CHECK(table.record_count() == 1);
  CHECK(table.warnings().empty());
}

TEST_CASE("blank lines above the header are skipped with a warning", "[text_table]") {
  const TextTable table = read("\n \r\na,b\n1,2\n");
  CHECK(table.header() == Row{"a", "b"});
  CHECK(table.record_count() == 1);
  CHECK(warning_codes(table) == Row{"blank_lines_before_header"});
}

TEST_CASE("a header without data rows is a warning", "[text_table]") {
  for (const char* text : {"a,b", "a,b\n", "a,b\r\n\r\n,\r\n"}) {
    const TextTable table = read(text);
    CHECK(table.record_count() == 0);
    CHECK(warning_codes(table) == Row{"no_data_rows"});
    CHECK(table.warnings()[0].file == "t.csv");
  }
}

TEST_CASE("empty_file", "[text_table][errors]") {
  for (const std::string& text :
       std::vector<std::string>{"", "  \r\n\t\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF \n", "\xFF\xFE",
                                std::string("\xFF\xFE\x20\x00\x0A\x00", 6)}) {
    const Problem problem = error_of(text);
    CHECK(problem.code == "empty_file");
    CHECK(problem.file == "t.csv");
    CHECK(problem.message.find("t.csv is empty") != std::string::npos);
    CHECK_FALSE(problem.row);
  }
}

TEST_CASE("binary_file", "[text_table][errors]") {
  // An .xlsx is a zip; UTF-16 without a byte-order mark is full of NUL bytes too.
  for (const std::string text : {std::string("PK\x03\x04\x14\x00\x06\x00", 8),
                                 std::string("a,b\n1,\0\n", 8), std::string("a\0,\0b\0", 6)}) {
    const Problem problem = error_of(text);
    CHECK(problem.code == "binary_file");
    CHECK(problem.file == "t.csv");
    CHECK(problem.message.find("t.csv is not a text file (CSV or TSV)") != std::string::npos);
  }
  // A NUL anywhere, past the first words of the text, or after a byte that is not UTF-8 (which
  // the text would otherwise be read as Windows-1252 from).
  for (std::size_t at = 4; at < 40; ++at) {
    std::string text(40, 'x');
    text.replace(0, 4, "a,b\n");
    text[at] = '\0';
    CHECK(error_of(text).code == "binary_file");
    text[2] = '\xE9';
    CHECK(error_of(text).code == "binary_file");
  }
  // A NUL character in UTF-16 text is not text either.
  CHECK(error_of(utf16(std::u16string(u"a\n\0\n", 4), false)).code == "binary_file");
}

TEST_CASE("unterminated_quote names the row where the quote opened and its column",
          "[text_table][errors]") {
  const Problem problem = error_of("id,comment,day\nP1,ok,1\nP2,\"never closed,2\nP3,x,3\n");
  CHECK(problem.code == "unterminated_quote");
  CHECK(problem.row == 3u);
  CHECK(problem.column == "comment");
  CHECK(problem.message.find("t.csv, row 3, column \"comment\"") != std::string::npos);

  const Problem in_header = error_of("id,\"day\n1,2\n");
  CHECK(in_header.code == "unterminated_quote");
  CHECK(in_header.row == 1u);
  CHECK_FALSE(in_header.column);

  const Problem beyond_header = error_of("a,b\n1,2\n3,4,\"x\n");
  CHECK(beyond_header.code == "unterminated_quote");
  CHECK(beyond_header.row == 3u);
  CHECK_FALSE(beyond_header.column);
  CHECK(beyond_header.message.find("cell 3") != std::string::npos);
}

TEST_CASE("line_too_long", "[text_table][errors]") {
  const std::string long_cell((1u << 20) + 1, 'x');
  const Problem problem = error_of("a,b\n1,2\n3," + long_cell + "\n4,5\n");
  CHECK(problem.code == "line_too_long");
  CHECK(problem.row == 3u);
  CHECK(problem.message.find("t.csv, row 3") != std::string::npos);
  // Just under the limit is fine.
  CHECK(read("a\n" + std::string(1u << 20, 'x') + "\n").record_count() == 1);
  // A quote joining many lines says so.
  std::string joined = "a,b\n1,\"";
  for (int i = 0; i < 100000; ++i) joined += "0123456789\n";
  const Problem quoted = error_of(joined + "\"\n");
  CHECK(quoted.code == "line_too_long");
  CHECK(quoted.row == 2u);
  CHECK(quoted.message.find("quote") != std::string::npos);
}

TEST_CASE("too_many_columns", "[text_table][errors]") {
  const std::string widest(16383, ',');  // 16384 cells: allowed
  CHECK(read(widest + "\n").header().size() == 16384);
  const Problem header = error_of(widest + ",\n1\n");
  CHECK(header.code == "too_many_columns");
  CHECK(header.row == 1u);
  const Problem data = error_of("a,b\n1,2\n" + widest + ",\n");
  CHECK(data.code == "too_many_columns");
  CHECK(data.row == 3u);
}

TEST_CASE("a French export: Windows-1252, semicolons, decimal commas, CRLF", "[text_table]") {
  const TextTable table =
      itp::read_text_table("plaquettes", "plaquettes.csv",
                           read_file(ITP_TEST_DATA_DIR "/data/csv/plaquettes_windows1252.csv"));
  CHECK(table.delimiter() == ';');
  CHECK(table.header() == Row{"id_patient", "jour", "plaquettes", "saignement", "remarque"});
  REQUIRE(table.record_count() == 4);
  CHECK(cells_of(table, 0) == Row{"SYN-01", "0", "12", "non",
                                  "pr\xC3\xA9"
                                  "dnisone"});
  CHECK(cells_of(table, 1) ==
        Row{"SYN-01", "42", "85,5", "non", "contr\xC3\xB4le; \"\xC3\xA0 jeun\""});
  CHECK(cells_of(table, 3) == Row{"SYN-02", "7", "ND", "oui", "h\xC3\xA9matome\r\nau bras"});
  CHECK(warning_codes(table) == Row{"encoding_windows_1252"});
}

TEST_CASE("a UTF-16 LE tab-separated export", "[text_table]") {
  const TextTable table = itp::read_text_table(
      "patients", "patients.txt", read_file(ITP_TEST_DATA_DIR "/data/csv/patients_utf16le.txt"));
  CHECK(table.delimiter() == '\t');
  CHECK(table.header() == Row{"id_patient", "\xC3\xA2ge", "sexe"});
  REQUIRE(table.record_count() == 2);
  CHECK(cells_of(table, 1) == Row{"SYN-02", "71", "F"});
  CHECK(table.warnings().empty());
}
