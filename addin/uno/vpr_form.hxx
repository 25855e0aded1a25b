// SPDX-License-Identifier: MPL-2.0
#pragma once

// «Заполнить форму из результатов ВПР…» and `msoko vpr fill`: the open
// municipal form read into its snapshot (the check's reader), the Ф1 files
// read (vpr_read.hxx) and analysed by the core, the fill planned by the core
// (msoko/vpr_fill.hpp), confirmed by the caller (the conflicts: the form's
// value kept or the results' taken), and the cells written with the comment
// «из ФИС ОКО» in their notes — as one action of the document's undo.

#include "msoko/catalogue.hpp"
#include "msoko/vpr_fill.hpp"
#include "msoko/vpr_settings.hpp"

#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace msoko::uno {

struct VprFillRequest {
    std::vector<std::filesystem::path> files;   ///< the Ф1 files
    std::map<std::string, std::string> logins;  ///< login → the form's organisation code (--map)
    /// Asked with the plan before anything is written: take[i] for plan.conflicts[i]; nullopt cancels
    /// (nothing changes). Null: every conflict keeps the form's value.
    std::function<std::optional<std::vector<bool>>(const vpr::FillPlan&)> decide;
};

struct VprFillRun {
    bool cancelled = false;
    vpr::FillPlan plan;
    std::vector<MergeCell> written;                           ///< as decided
    std::vector<std::pair<std::string, std::string>> failed;  ///< a file not read: its name, why (Russian)
    std::string message;                                      ///< Russian: what the user reads afterwards
};

/// Fills the open form from the files. @throws UserError when no file could be read, or the document is
/// no form of the catalogue (nothing changes).
VprFillRun fill_from_vpr(const css::uno::Reference<css::frame::XComponentLoader>& loader,
                         const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                         const Catalogue& catalogue, const VprSettings& settings, const vpr::BoundaryTable& boundaries,
                         const VprFillRequest& request,
                         const css::uno::Reference<css::task::XStatusIndicator>& progress);

/// Writes the cells (each its results' value) and marks each with `comment` in its note: one undo action
/// of its own, added to the step the caller has open (Calc keeps only so many actions in one step).
void write_vpr_fill(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                    const std::vector<MergeCell>& writes, const std::string& comment);

/// A conflict as a line: the organisation, the cell, the form's value and the results'.
std::string vpr_conflict_line(const Catalogue& catalogue, const vpr::FillPlan& plan, const MergeCell& conflict);

}  // namespace msoko::uno
