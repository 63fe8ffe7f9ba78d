#pragma once
// Tables from rows of cells already decoded (the page reads .xlsx workbooks with an npm library in
// its worker). The rows become the same TextTable a CSV file makes: they are written as RFC 4180
// text with ',' and read back by read_text_table, so every later step reads a sheet exactly as it
// reads a CSV file, and one reader holds the rules for ragged, blank and oversized rows.
//
// The rows are a JSON array of arrays, the first non-empty row being the header. A cell is
//   null                    an empty cell;
//   "text"                  a text cell, written as is (quotes, delimiters, line ends kept);
//   123.5                   a number, written with the digits of the JSON (the shortest text that
//                           reads back as the same double when it comes from JSON.stringify);
//   true / false            a boolean, written TRUE / FALSE;
//   {"excel_serial": 45000} a number formatted as a date in the workbook: the date is written as
//                           yyyy-mm-dd by date_from_excel_serial (time of day dropped).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/problem.hpp"
#include "core/io/text_table.hpp"

namespace itp {

// Where the rows come from, for messages, row numbers and dates.
struct CellRowsSource {
  std::string file;   // the workbook's file name, "cohort.xlsx"
  std::string sheet;  // the sheet's name, "patients"; may be empty
  // Excel's date systems: 1900 (Windows, the default) or 1904 (old Mac workbooks, where serial 0
  // is 1904-01-01).
  int date_system = 1900;
  // The sheet row of the first row given (1 unless the caller left out rows above it).
  std::size_t first_row = 1;
};

// How messages name a sheet: "cohort.xlsx › patients" (the file alone without a sheet name).
std::string sheet_label(const CellRowsSource& source);

// The rows as CSV text, and what the cells themselves raised (dates Excel cannot show as dates).
// The header line is preceded by one empty line per sheet row above it (first_row - 1, plus
// the empty rows at the top of the given rows), so read_text_table's warning about blank lines
// above the header tells the user how row numbers relate to the sheet.
struct CellRowsText {
  std::string csv;
  std::vector<Problem> warnings;
};

// Throws InputError: invalid JSON or an unexpected shape ("invalid_rows", row where known), a
// cell of no known kind ("invalid_cell", row and column), no non-empty row ("empty_sheet"), a row
// over 16,384 cells ("too_many_columns") or over 1 MB of text ("row_too_long"); and
// std::invalid_argument for a date_system other than 1900 or 1904 or a first_row outside
// 1..1048576 (the request handler checks both first).
CellRowsText cell_rows_to_csv(std::string_view rows_json, const CellRowsSource& source);

struct CellRowsTable {
  TextTable table;                // file() is sheet_label(source)
  std::vector<Problem> warnings;  // from the cells; the table's own are in table.warnings()
};

// cell_rows_to_csv, then read_text_table with ',' (the JSON is released before the table is
// read, so the peak memory is the JSON plus its CSV text, once).
CellRowsTable read_cell_rows(std::string name, std::string rows_json, const CellRowsSource& source);

}  // namespace itp
