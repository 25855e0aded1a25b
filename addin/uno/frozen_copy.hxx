// SPDX-License-Identifier: MPL-2.0
#pragma once

// The frozen copy of a form (issue 15): what the regional centre receives,
// readable without the extension — every МСОКО formula replaced by its value,
// the passport stamped (the stamp's rows are the form contract's,
// msoko/form_layout.hpp), everything else as it was. Used in the office's
// process (the package command) and over the remote bridge (`msoko package`).

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <cstddef>
#include <filesystem>
#include <string>

namespace msoko::uno {

/// The texts of the stamp, as the user reads them (the values of the
/// stamp's items, kStamp… in msoko/form_layout.hpp).
struct Stamp {
    std::string prepared_at_text;   ///< «1 декабря 2026 г., 21:35»
    std::string extension_version;  ///< msoko/version.hpp's
    std::string catalogue;          ///< «msoko-267-1 2021.2»: the catalogue's id and version
    std::string check_summary;  ///< «ошибок нет, предупреждений: 2 (пояснены), к сведению: 5»
};

struct FrozenCopies {
    /// МСОКО formulas replaced by their values: a cell's formula counts
    /// once, an array formula once for its whole range.
    std::size_t formulas_replaced = 0;
    /// Cells that held them (an array formula's every cell).
    std::size_t cells_replaced = 0;
    /// Where the time went (ms): storing the form to a temporary file and
    /// loading it hidden; replacing the formulas and stamping; writing each copy.
    double copy_ms = 0, replace_ms = 0, ods_ms = 0, xlsx_ms = 0;
};

/// Stores `doc` as it is now into `ods` (calc8) and `xlsx` ("Calc MS Excel 2007 XML") with every МСОКО
/// formula replaced by its value (numbers as numbers, texts as texts, an error result as the text the
/// cell shows) and the passport stamped; everything else as it was (sheets, formats, validity,
/// protection with its settings, named ranges, comments, other formulas). `doc` itself is not changed
/// (not even its modified flag or its undo stack): the work is done on a copy loaded hidden from a
/// temporary store, closed at the end. A МСОКО formula is one that calls a function of the extension
/// (ORG.MSOKO.CALC.FUNCTIONS.…), alone or inside others (`ЕСНД(МСОКО.ПОКАЗАТЕЛИ(…);"—")`).
/// Protected sheets are unprotected for the replacement and protected again with the same settings.
/// @throws UserError (Russian, naming the file or the sheet) when the form cannot be copied, a sheet
///   with МСОКО formulas is protected with a password, or `ods` or `xlsx` cannot be written.
FrozenCopies write_frozen_copies(const css::uno::Reference<css::uno::XComponentContext>& context,
                                 const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc, const Stamp& stamp,
                                 const std::filesystem::path& ods, const std::filesystem::path& xlsx);

/// Does a formula as the API gives it (getFormula: programmatic names) call
/// a function of the extension?
bool is_msoko_formula(const std::string& formula);

}  // namespace msoko::uno
