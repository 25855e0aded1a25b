// SPDX-License-Identifier: MPL-2.0
#pragma once

// Reads a form of the catalogue back from a snapshot of the workbook (as the
// office holds it) by the form's contract (msoko/form_layout.hpp): the
// organisations of the register and of the direction tables, each typed
// value by its field code, and the passport's values by their keys. What
// the form computed is never read: the engine computes it again from what
// was typed (form_indicators).

#include "msoko/catalogue.hpp"
#include "msoko/engine.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/validation.hpp"
#include "msoko/workbook.hpp"

#include <map>
#include <string>
#include <vector>

namespace msoko {

struct FormContents {
    /// The register's organisations (in its order), those only a direction
    /// table names, the municipality's row, and every typed figure.
    Workbook workbook;
    /// The passport's value cells by item key (municipality, period, catalogue_id …).
    std::map<std::string, Cell> passport;
    /// Direction sheets of the catalogue the workbook lacks (their figures read as empty).
    std::vector<std::string> missing_sheets;

    /// A passport value as text ("" when the item is empty or missing).
    std::string passport_text(const std::string& key) const;
};

/// Reads the form. A sheet, column or row the contract expects and the
/// workbook lacks is left out (the check says what is wrong with the form);
/// nothing here throws for the contents of a cell.
FormContents read_form(const Catalogue& catalogue, const WorkbookSnapshot& snapshot);

/// The municipal value of an indicator, as the form's «Показатели» computes it.
struct FormIndicator {
    const Indicator* indicator = nullptr;
    IndicatorResult value;
};

/// Every indicator of the catalogue, in its order, for the municipality.
std::vector<FormIndicator> form_indicators(const Catalogue& catalogue, const Workbook& workbook);

/// A municipal value as the form's «Показатели» shows it in a Russian
/// (`english` false) or English office: «да»/«нет» for a municipal yes/no;
/// whole numbers with thousands grouped for counts, sums and organisations
/// counted with «да»; one decimal otherwise; #Н/Д (#N/A) without a value;
/// Err:502 for an invalid one.
std::string shown_value(const IndicatorRow& row, const Result& result, bool english);

}  // namespace msoko
