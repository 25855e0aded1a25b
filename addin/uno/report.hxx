// SPDX-License-Identifier: MPL-2.0
#pragma once

// The report sheet «Проверка» of the check before submission: the core's
// report model pasted into the workbook (snapshot.hxx reads the workbook).

#include "msoko/explanations.hpp"
#include "msoko/report_model.hpp"
#include "msoko/validation.hpp"
#include "snapshot.hxx"

#include <string>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <rtl/ustring.hxx>

namespace msoko::uno {

using rtl::OUString;

/// The name the report sheet gets when no sheet of the workbook has it; a
/// user's own sheet of that name (in any case) makes it «Проверка (2)».
inline constexpr const char* kReportSheet = "Проверка";

/// Which report a sheet holds, by the mark the report writes into it (never
/// by its name): none (not the check's report), the current one (with the
/// column «Пояснение» and each finding's key), or an older one (without).
enum class ReportLayout { None, Current, Older };
ReportLayout report_layout_of(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);

/// True for the check's own report sheet, recognised by the mark the report
/// writes into it (never by its name).
bool is_report_sheet(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);

/// The check's own report sheet — recognised by the mark the report writes
/// into it, never by its name — or null; `name` receives its name.
css::uno::Reference<css::sheet::XSpreadsheet> find_report_sheet(
    const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, OUString* name = nullptr);

/// Makes the sheet the report is written into, before anything else changes:
/// the last report's sheet emptied, or a new last sheet with a free name.
/// Returns its name. @throws UserError when the last report's sheet is
/// protected with a password (nothing has changed then).
OUString prepare_report_sheet(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

/// Writes the report into the sheet prepare_report_sheet() made: the title,
/// the summary, a header row (frozen in the document's view, with an
/// autofilter) over one row per finding — its level in its colour, a link to
/// its cell, the field's title and code, the value, the message, what was
/// checked and the rule — then completeness per direction (as percents), and
/// the mark that makes the sheet ours. The sheet prints like the form (A4
/// landscape, one page wide). Changes nothing else (the view's active sheet
/// stays).
void write_report(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& sheet,
                  const ReportModel& report);

/// The same, from the check's report (its model built here, without the
/// catalogue: fields named by their codes).
void write_report(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& sheet,
                  const ValidationReport& report);

/// The same, with the fields' titles and the computed shares rounded as the
/// form shows them (report_model() with the catalogue).
void write_report(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& sheet,
                  const ValidationReport& report, const Catalogue& catalogue);

/// Whether the check found only that the workbook is not a form
/// (`form.not_a_form`): such a workbook takes no report sheet and no marks,
/// the user gets that finding's message alone.
bool not_a_form(const ValidationReport& report);

/// What publish_report() wrote: the report sheet's name and the report as the
/// sheet shows it (with the sheets whose cells could not be marked noted).
struct PublishedReport {
    OUString sheet;
    ValidationReport shown;
    /// The report as the sheet shows it, each finding with the explanation
    /// typed for it into the last report (msoko/explanations.hpp).
    ReportModel model;
    /// The explanations the form keeps now: those it kept, with what the user
    /// had typed into the last report's «Пояснение» column over them.
    std::vector<Explanation> explanations;
    /// How long its steps took, in whole milliseconds: preparing the sheet
    /// and clearing the old marks, marking the cells, writing the report.
    long long clearing_ms = 0, marks_ms = 0, report_ms = 0;
};

/// Everything the check leaves in a workbook, as the menu command does it:
/// the report sheet prepared (before anything else changes), the marks of an
/// earlier check removed, the problem cells marked, the report written with
/// the explanations (typed into the last report, or kept in the document's
/// property kExplanationsProperty), and the explanations kept.
/// @throws UserError when the last report's sheet is protected with a password.
PublishedReport publish_report(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                               const ValidationReport& report);

/// The same, the report naming the fields by their titles in `catalogue`
/// (what the menu command and `msoko check` write).
PublishedReport publish_report(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                               const ValidationReport& report, const Catalogue& catalogue);

}  // namespace msoko::uno
