// SPDX-License-Identifier: MPL-2.0
#pragma once

// ВПР results files (Ф1 «Индивидуальные результаты», msoko/vpr.hpp) read
// through the office's own import: xlsx, xls, ods, fods and csv opened
// hidden and read-only without an interaction handler (a password is never
// asked for: the loading fails), every sheet's used area taken in large
// blocks of rows (getDataArray, never cell by cell), the document closed and
// the cells handed to the core's reader. Used in the office's process
// («Загрузить результаты ВПР…») and over the remote bridge (`msoko vpr`).

#include "msoko/vpr.hpp"

#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace msoko::uno {

/// Every sheet of an open document as the spreadsheet gives it: the used
/// area from A1, numbers as numbers, texts as typed, empty cells empty.
/// @throws UserError when a sheet is too large to read.
std::vector<vpr::SheetCells> sheet_cells(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

/// How the office is to import a CSV file: the FilterOptions of «Text - txt -
/// csv (StarCalc)» for the file's first bytes — its separator (the most
/// frequent of «;» and tab outside quotes, else «,»), quoted fields, UTF-8
/// or, when the bytes are not valid UTF-8, Windows-1251; numbers read the
/// Russian way (a decimal comma) unless the separator is a comma.
std::string csv_filter_options(const std::string& head);

/// A results file read: opened hidden and read-only, its sheets taken, the
/// document closed, then vpr::read_results. `shown`: the file's name as the
/// user knows it (in the findings and messages).
/// @throws UserError naming the file, in Russian, when it cannot be opened
/// (damaged, password-protected, not a spreadsheet) or is no Ф1 report (what
/// was expected and what was found).
vpr::ResultsFile read_results_file(const css::uno::Reference<css::frame::XComponentLoader>& loader,
                                   const std::filesystem::path& file, const std::string& shown,
                                   const vpr::BoundaryTable& boundaries);

/// The spreadsheet kinds a results file may be: .xlsx .xls .ods .fods .csv (any case).
bool is_results_file_name(const std::filesystem::path& file);

}  // namespace msoko::uno
