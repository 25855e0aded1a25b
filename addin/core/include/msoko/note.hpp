// SPDX-License-Identifier: MPL-2.0
#pragma once

// The explanatory note (пояснительная записка) of the submission package:
// what the municipality signs and sends with its figures — who filled the
// form and for which period, how complete each direction is, every warning
// of the check with the user's explanation of it, the check's notes and the
// municipal indicator table as the form shows it. Rendered here as a flat
// ODF text document; the glue (addin/uno/note_export.hxx) has Writer store
// it as .odt and .pdf. Nothing here computes an indicator or decides what a
// finding says: the values come from form_indicators(), the findings from
// the report model.

#include "msoko/catalogue.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/report_model.hpp"
#include "msoko/validation.hpp"

#include <string>
#include <vector>

namespace msoko {

/// What the note says about its own making.
struct NoteMeta {
    std::string prepared_at_text;   ///< «1 декабря 2026 г., 21:35»: when the package was prepared
    std::string extension_version;  ///< msoko/version.hpp's extension_version()
    std::string form_file;          ///< the form's file name; not shown when empty
};

/// The note as a flat ODF text document (office:document,
/// application/vnd.oasis.opendocument.text): A4 portrait, 2 cm margins,
/// Liberation Serif 12 pt (10 pt in tables), tables with borders whose header
/// rows repeat on every page, «Страница N из M» in the footer.
///
/// - `snapshot`: the workbook as the office holds it; only «Показатели» is
///   read from it, for each indicator's last-year value as the user typed it
///   (IndicatorsColumns::kLastYear) — the dynamics is the municipal value
///   minus that, shown as the form shows it (one decimal; «—» without both).
/// - `form`: read_form() of the same snapshot (passport, organisations' names).
/// - `explained`: the check's report model with the explanations given
///   (explain()); its warnings are listed with them, its notes (Info) after.
///   Errors, if any, are listed too (a package is not made with errors, but
///   the note does not hide them).
/// - `indicators`: form_indicators(catalogue, form), in the catalogue's order;
///   each value is shown by shown_value() (Russian).
/// Every text is XML-escaped; line breaks and tabs typed in a text stay line
/// breaks and tabs.
std::string explanatory_note_fodt(const Catalogue& catalogue, const WorkbookSnapshot& snapshot,
                                  const FormContents& form, const ReportModel& explained,
                                  const std::vector<FormIndicator>& indicators, const NoteMeta& meta);

/// The note's title line after «Пояснительная записка»: «к результатам
/// мониторинга механизмов управления качеством образования (приказ № 267/1
/// от 21.06.2021)» from a catalogue title «Мониторинг …»; «к результатам
/// заполнения формы «…»» from any other.
std::string note_subtitle(const CatalogueInfo& info);

}  // namespace msoko
