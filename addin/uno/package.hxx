// SPDX-License-Identifier: MPL-2.0
#pragma once

// «Подготовить к отправке» and `msoko package`: the open form checked, and
// when it may be sent, its submission package written next to it
// (msoko/package.hpp): the frozen copy (.ods, .xlsx), the figures (CSV,
// JSON), the explanatory note (.odt, .pdf) and SHA256SUMS. The form itself
// only takes the check's report, as «Проверить форму» leaves it.

#include "check_run.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/package.hpp"
#include "report.hxx"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace msoko::uno {

struct PackageRequest {
    std::filesystem::path form;    ///< the form's file: it names the package and its folder
    std::filesystem::path folder;  ///< where to write it; empty: next to the form (default_package_folder)
    CheckSettings settings;        ///< the check's thresholds
    /// Asked when the folder exists already: true replaces it. Null: it is kept.
    std::function<bool(const std::filesystem::path&)> replace;
};

struct PackageOutcome {
    enum class Status {
        Written,   ///< the package is in `folder`
        NotAForm,  ///< the workbook is not a form: nothing written, not even a report
        Refused,   ///< errors, or warnings without an explanation (verdict)
        Kept,      ///< the folder exists and was not to be replaced
    };
    Status status = Status::Refused;
    CheckedForm checked;        ///< the form as read and checked
    PublishedReport published;  ///< the report the check left in the form (empty for NotAForm)
    PackageVerdict verdict;
    std::filesystem::path folder;
    std::vector<std::string> files;  ///< written, in SHA256SUMS's order
    std::size_t formulas_replaced = 0;
    std::string message;  ///< Russian: what was written, or why not and what to do
};

/// Checks the form and writes its package. @throws UserError naming a file or
/// folder that cannot be written (nothing is left half-written then).
PackageOutcome make_package(const css::uno::Reference<css::uno::XComponentContext>& context,
                            const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                            const Catalogue& catalogue, const PackageRequest& request,
                            const css::uno::Reference<css::task::XStatusIndicator>& progress);

}  // namespace msoko::uno
