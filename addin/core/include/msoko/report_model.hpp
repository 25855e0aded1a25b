// SPDX-License-Identifier: MPL-2.0
#pragma once

// The report of the check before submission as data: what every view of it
// shows — the report sheet the extension writes, the text, TSV and JSON the
// command line prints. Built once from a ValidationReport; a renderer only
// lays it out, it never decides what a row says.

#include "msoko/catalogue.hpp"
#include "msoko/validation.hpp"

#include <string>
#include <vector>

namespace msoko {

/// One line of «Заполненность обязательных полей по направлениям».
struct CompletenessRow {
    std::string direction;  ///< direction id
    std::string sheet;
    std::size_t required = 0, filled = 0;
    double percent = 0;        ///< rounded to one decimal
    std::string percent_text;  ///< «99,4», as Russian readers write it
};

/// One finding as a row of the report, in the report's order.
struct ReportRow {
    std::size_t number = 0;  ///< 1-based, as the «№» column shows it
    Severity severity = Severity::Error;
    std::string severity_text;  ///< «Ошибка», «Предупреждение», «Сведения»
    std::string sheet;
    int row = -1, col = -1;  ///< 0-based place of the finding; -1 when it has none
    std::string cell;        ///< «D12»; «A12» for a whole row; empty when the finding has no place
    std::string link;  ///< the target of the cell's link, «#$'5.1.1 Подготовка'.D12»; empty without a cell
    std::string organisation;
    std::string field;        ///< the field or indicator id (the narrow «Код» column)
    std::string field_title;  ///< its Russian title from the catalogue («Поле»); empty when unknown
    /// The cell as it reads: as the user typed it; a share the form computes
    /// rounded as the form shows it (one decimal for «%»).
    std::string value;
    std::string message;
    std::string rule;  ///< the rule it comes from (`type.count`, `5.1.1/part_whole`): the «Правило» column
    std::string kind;  ///< its kind in finding_kinds() (docs/checks.md), e.g. `rule.part_whole`
    std::string kind_text;  ///< the kind's plain description («Что проверено»); empty for an unknown kind
    std::string id;         ///< unique per check: `rule`, or a catalogue rule told apart from its kin
                            ///< (`5.1.1/part_whole/g9_honours/g9_certificate`)
    std::size_t more = 0;   ///< for a closing finding: how many findings it stands for
    /// What the user typed to explain it («Пояснение», msoko/explanations.hpp);
    /// empty until explain() gives it one.
    std::string explanation;
};

struct ReportModel {
    std::string title;                                ///< «Проверка формы перед отправкой»
    std::string summary;                              ///< ValidationReport::summary()
    bool ready = true;                                ///< no errors
    std::size_t errors = 0, warnings = 0, notes = 0;  ///< counts, closing findings' counts included
    std::string completeness_title;  ///< «Заполненность обязательных полей по направлениям»
    std::vector<std::string> completeness_header;  ///< «Лист», «Полей», «Заполнено», «%»
    std::vector<CompletenessRow> completeness;
    /// «№», «Уровень», «Лист», «Ячейка», «Организация», «Поле», «Код», «Значение»,
    /// «Сообщение», «Пояснение», «Что проверено», «Правило»: the columns of ReportRow in that order.
    std::vector<std::string> finding_header;
    std::vector<ReportRow> rows;
    std::vector<std::string> unmarked_sheets;
};

/// The report model of a check: every finding in the report's order
/// (ValidationReport::findings is sorted already), with its column texts.
/// Without the catalogue the fields have no titles and values stay as the
/// findings have them.
ReportModel report_model(const ValidationReport& report);

/// The same, with each field's Russian title from `catalogue` and the shares
/// the form computes rounded as the form shows them.
ReportModel report_model(const ValidationReport& report, const Catalogue& catalogue);

/// The Russian title of a field id as a finding of `sheet` names it: a
/// catalogue field or indicator, a column of the register or of a direction
/// table (`code`, `name` …), a passport item; empty when there is none.
std::string field_title(const Catalogue& catalogue, const std::string& sheet, const std::string& field);

/// How many decimals the form shows of an indicator's value: 1 for a
/// share or a ratio, 0 for a count, a sum or «да/нет».
int indicator_decimals(const Indicator& indicator);

/// "error", "warning", "info": the severity as a key for programs.
const char* severity_key(Severity s);

/// The report as text for a terminal: the summary, the completeness and every
/// finding with its place, message and id. `workbook`: the file's name.
std::string report_text(const ReportModel& model, const std::string& workbook);

/// One finding a line, tab-separated: severity, sheet, cell, organisation,
/// field, value, message, rule, explanation; tabs and line breaks inside a text are written
/// as \t, \n, \r.
std::string report_tsv(const ReportModel& model);

/// The report as JSON (format `msoko-check-report/1`, docs/cli.md), one
/// object, no trailing line break.
std::string report_json(const ReportModel& model, const std::string& workbook);

}  // namespace msoko
