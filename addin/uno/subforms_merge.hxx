// SPDX-License-Identifier: MPL-2.0
#pragma once

// «Собрать формы организаций…» and `msoko subforms merge`: the returned
// sub-forms read (each opened hidden and read-only, without an interaction
// handler: a password or a damaged file fails, it never asks), the merge
// planned by the core (msoko/merge.hpp), the conflicts decided by the
// caller, the values written into the open form, the sheet «Сбор форм»
// written and the record of the merge kept in the form's property
// kMergedProperty. The caller makes it one undo step.

#include "msoko/catalogue.hpp"
#include "msoko/merge.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace msoko::uno {

/// The files a user gave: each file as it is, each folder's files (not its
/// subfolders; hidden files and the office's lock files «.~lock…» left out),
/// in the order of their names. @throws UserError naming a path that does not exist.
std::vector<std::filesystem::path> returned_files(const std::vector<std::filesystem::path>& given);

/// A returned file read: opened hidden, read-only, without an interaction
/// handler, read into a snapshot and closed; why not, in Russian, when it
/// cannot be («файл защищён паролем», «файл повреждён или это не таблица»).
ReturnedSubform read_returned(const css::uno::Reference<css::uno::XComponentContext>& context,
                              const std::filesystem::path& file);

struct MergeRequest {
    std::vector<std::filesystem::path> files;  ///< as returned_files() gives them
    CheckSettings settings;                    ///< the sub-forms' own check
    /// Asked when there are conflicts: take[i] for plan.conflicts[i]; nullopt cancels the merge
    /// (nothing changes). Null: every form's value is kept.
    std::function<std::optional<std::vector<bool>>(const MergePlan&)> decide;
    std::string merged_at;  ///< empty: now, as the user reads it («02.12.2026 10:15»)
};

struct MergeRun {
    bool cancelled = false;
    MergePlan plan;
    MergeOutcome outcome;
    CollectionReport report;
    rtl::OUString sheet;  ///< the sheet «Сбор форм» written
    std::string message;  ///< Russian: the summary the user reads
};

/// Merges the files into the open form. @throws UserError when the open
/// document is not a municipal form of the catalogue (nothing changes).
MergeRun merge_subforms(const css::uno::Reference<css::uno::XComponentContext>& context,
                        const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                        const Catalogue& catalogue, const MergeRequest& request,
                        const css::uno::Reference<css::task::XStatusIndicator>& progress);

/// The record kept in the document (none when it has no such property).
MergedRecord kept_record(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

/// Now, as the user reads it: «02.12.2026 10:15».
std::string now_text();

}  // namespace msoko::uno
