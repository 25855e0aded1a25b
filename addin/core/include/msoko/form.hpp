// SPDX-License-Identifier: MPL-2.0
#pragma once

// The data-collection form, generated from the catalogue: «Паспорт»,
// «Организации», one sheet per direction and «Показатели», written as a flat
// ODF spreadsheet (.fods) that Calc opens as it is. Where everything lives
// is the form's contract, msoko/form_layout.hpp (included here): the writer,
// the check, the glue and the tests share it, so that they can never
// disagree on where a figure lives.

#include "msoko/catalogue.hpp"
#include "msoko/form_data.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/workbook.hpp"

#include <string>
#include <vector>

namespace msoko {

/// The cell styles of the check's marks (conditional formats over the problem
/// cells): shipped in every form, since Calc cannot make a style while a sheet
/// is protected with a password. Every style of the marks starts with the prefix.
inline constexpr const char* kMarkStylePrefix = "МСОКО_";
inline constexpr const char* kErrorMarkStyle = "МСОКО_ошибка";
inline constexpr const char* kWarningMarkStyle = "МСОКО_предупреждение";
inline constexpr int kErrorMarkBack = 0xFFC7CE, kErrorMarkText = 0x9C0006;
inline constexpr int kWarningMarkBack = 0xFFEB9C, kWarningMarkText = 0x9C5700;

/// The figures of a data file as the engine sees them: the register's
/// organisations (with their flags), the municipality's row «УО» (of the
/// catalogue's municipal level) and every typed value. Formulas ("=…") read
/// as error values, as Calc shows them.
Workbook form_workbook(const Catalogue& catalogue, const FormData& data);
/// The whole form as a flat ODF spreadsheet: blank when `data` holds no
/// organisations and values, filled otherwise. `generator` names the
/// program in the passport (e.g. «МСОКО для Calc 0.1.0»).
/// @throws std::runtime_error when an organisation's type is not one of the catalogue's register.
std::string form_fods(const Catalogue& catalogue, const FormData& data, const std::string& generator);

}  // namespace msoko
