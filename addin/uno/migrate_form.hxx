// SPDX-License-Identifier: MPL-2.0
#pragma once

// A form the extension writes as a new document (the new-form command's, and
// the form moved to the current version of its catalogue): written from the
// core's data, opened untitled so that Save As suggests its name. And the
// open form of an older version read and moved (msoko/migrate.hpp).

#include "msoko/catalogue.hpp"
#include "msoko/form_data.hpp"
#include "msoko/migrate.hpp"

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace msoko::uno {

/// Writes the form of `data` and opens it as a new untitled document titled
/// `file_name` without «.ods»; Save As suggests `file_name`.
/// @throws std::runtime_error when it cannot be written or opened.
css::uno::Reference<css::lang::XComponent> open_new_form(
    const css::uno::Reference<css::uno::XComponentContext>& context, const Catalogue& catalogue, const FormData& data,
    const std::string& file_name);

/// The form of the installed catalogue's version made from `document`, a form
/// of an earlier version (its catalogue from history_catalogue()); the
/// document is only read (progress by sheets when given).
/// @throws UserError saying why it cannot be moved (not a form, the current
///   version already, no catalogue of its version).
Migration migrate_document(const css::uno::Reference<css::uno::XComponentContext>& context,
                           const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                           const css::uno::Reference<css::task::XStatusIndicator>& progress);

/// What Save As suggests for the moved form: the new-form command's name with
/// the version, «МСОКО <муниципалитет> <период> (версия 2021.2).ods».
std::string migrated_file_name(const Migration& migration);

}  // namespace msoko::uno
