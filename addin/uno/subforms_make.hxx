// SPDX-License-Identifier: MPL-2.0
#pragma once

// «Формы для организаций…» and `msoko subforms make`: the open municipal
// form read (it is not changed), one sub-form per organisation of its
// register made by the core (msoko/subform.hpp), and each written as .ods
// (opened hidden from its flat ODF, recalculated, its panes frozen, stored)
// into a folder beside the form — written whole or not at all (StagedFolder);
// an existing folder is replaced only when the caller says so.

#include "msoko/catalogue.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace msoko::uno {

struct SubformsRequest {
    std::filesystem::path form;    ///< the form's file: names the default folder
    std::filesystem::path folder;  ///< where to write them; empty: default_subforms_folder(form)
    /// Asked when the folder exists already: true replaces it. Null: it is kept.
    std::function<bool(const std::filesystem::path&)> replace;
};

struct SubformsOutcome {
    enum class Status {
        Written,  ///< the sub-forms are in `folder`
        Kept,     ///< the folder exists and was not to be replaced: nothing written
    };
    Status status = Status::Written;
    std::filesystem::path folder;
    std::vector<std::string> files;  ///< written, in the register's order
    std::string message;             ///< Russian: what was written and what to do with it, or why not
};

/// «<stem> — формы организаций» beside the form.
std::filesystem::path default_subforms_folder(const std::filesystem::path& form);

/// Makes and writes the sub-forms of the open form (progress by sub-form when given).
/// @throws UserError saying why none can be made (not a municipal form of the installed
///   catalogue, a sub-form itself, an empty register) or naming what could not be written.
SubformsOutcome make_subforms(const css::uno::Reference<css::uno::XComponentContext>& context,
                              const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                              const Catalogue& catalogue, const SubformsRequest& request,
                              const css::uno::Reference<css::task::XStatusIndicator>& progress);

}  // namespace msoko::uno
