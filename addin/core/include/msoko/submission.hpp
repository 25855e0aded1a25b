// SPDX-License-Identifier: MPL-2.0
#pragma once

// The figures of the submission package, for the regional center's programs:
// what the form computes, for the municipality and for each organisation, with
// the sums every value is computed from, last year's value and the dynamics,
// and the user's explanation of every warning. Built once from the form (a
// snapshot as the office holds it) and the check's report; written as
// `indicators.json` (format `msoko-submission/1`, docs/submission-format.md)
// and as `indicators.csv` (what Russian Excel and Calc open by double-click).
//
// The municipal values are the form's «Показатели» values (form_indicators
// over the direction tables), the organisations' values the engine's
// (Engine::organisation), so the package says what the form says.

#include "msoko/catalogue.hpp"
#include "msoko/procedures.hpp"
#include "msoko/report_model.hpp"
#include "msoko/result.hpp"
#include "msoko/validation.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace msoko {

/// What the package says about itself: the JSON's head.
struct SubmissionMeta {
    std::string prepared_at;        ///< ISO 8601 with offset, "2026-12-01T21:35:57+03:00"
    std::string extension_version;  ///< msoko/version.hpp's extension_version()
    std::string form_file;  ///< the form's file name, "Ольховоборский — МСОКО 2025-2026.ods"
};

/// "value", "not_applicable", "missing_data", "invalid": a status as a key for programs.
const char* status_key(Result::Status status);
/// «значение», «не применимо», «нет данных», «ошибка в данных»: the CSV's «Статус».
const char* status_text(Result::Status status);

/// A warning of the check, with the user's explanation of it.
struct SubmissionWarning {
    std::size_t number = 0;    ///< its «№» in the report
    std::string kind;          ///< its kind (`plausibility.dynamics`, docs/checks.md)
    std::string rule;          ///< the «Правило» column
    std::string sheet, cell;   ///< its place; `cell` empty when it has none
    std::string organisation;  ///< the organisation's code, or empty
    std::string field;         ///< the field or indicator id, or empty
    std::string field_title;   ///< its Russian title, or empty
    std::string value;         ///< the cell as it reads
    std::string message;
    std::string explanation;  ///< what the user typed; empty when not explained
    std::size_t more = 0;     ///< for a closing finding: how many findings it stands for
};

/// The value of an indicator for one organisation (Engine::organisation).
struct OrganisationFigure {
    std::string code, name;
    std::string type;        ///< the organisation type's id (`school`)
    std::string type_short;  ///< its short title (ОО)
    Result::Status status = Result::Status::MissingData;
    std::optional<double> value;  ///< with status Value; 1 «да», 0 «нет» for a yes/no
    std::string reason;           ///< without a value: why
    std::optional<double> numerator, denominator;
    std::vector<std::string> missing_fields;  ///< for missing data: the empty fields
};

/// The documents of a municipal flag (its «Документ», «Дата», «Ссылка»).
struct FlagEvidence {
    std::string document;
    std::string date;  ///< ISO 8601 ("2025-08-29") when typed as a date, else as typed
    std::string link;
};

/// One indicator of the catalogue, in the catalogue's order (variants right
/// after their headline).
struct IndicatorFigures {
    std::string id, direction, title;
    std::string variant_of;  ///< the headline's id for a variant, else empty
    std::string label;       ///< a variant's label («в т. ч. от 80 баллов»), else empty
    std::string unit;        ///< the catalogue's unit («%», «чел.», «да/нет»)
    std::string municipal_unit;  ///< the «Ед.» of «Показатели» («число ОО с «да»» for a yes/no counted)
    int decimals = 1;  ///< the decimals the form shows of the municipal value

    // The municipal value, as «Показатели» computes it.
    Result::Status status = Result::Status::MissingData;
    std::optional<double> value;
    std::string shown;  ///< as the form shows it in a Russian office («98,2», «да», «#Н/Д», «Ошибка:502»)
    std::string reason;  ///< without a value: why
    /// The sums the municipal value is computed from (Σ over `included`);
    /// none when the value could not be computed from them.
    std::optional<double> numerator, denominator;
    std::vector<std::string> included, left_out, invalid;  ///< organisation codes

    /// Every organisation the indicator concerns (its types and flags), in
    /// the form's order; none for an indicator of the municipality's own row.
    std::vector<OrganisationFigure> organisations;

    /// Last year's value, the «Прошлый год» cell as typed: a number, a text,
    /// or nothing (empty, or no such cell for a municipal yes/no).
    std::variant<std::monostate, double, std::string> last_year;
    /// Value − last year, rounded as the form shows it (one decimal); none
    /// without both numbers.
    std::optional<double> dynamics;
    /// For a municipal flag with documents; none otherwise.
    std::optional<FlagEvidence> evidence;

    /// The warnings about this indicator (indexes into SubmissionFigures::warnings):
    /// a finding naming it (its field is the indicator's id), or a finding on
    /// its direction's sheet naming one of the fields it is computed from.
    std::vector<std::size_t> warnings;
};

struct SubmissionFigures {
    /// The catalogue the form was made from: its passport's id and version (the catalogue given when
    /// the passport names none); the title the catalogue's.
    std::string catalogue_id, catalogue_version, catalogue_title;
    // From the passport, as typed.
    std::string municipality, region, period;
    std::string responsible, position, phone, email;
    std::string filled_on;  ///< «Дата заполнения», ISO 8601 when typed as a date
    // The check's summary.
    std::string check_summary;
    bool ready = true;
    std::size_t errors = 0, warnings_count = 0, notes = 0;

    std::vector<IndicatorFigures> indicators;
    /// Every warning of the check, in the report's order.
    std::vector<SubmissionWarning> warnings;
    /// The municipality's assessment procedures («Процедуры оценки», read_procedures), in row order.
    std::vector<Procedure> procedures;
};

/// The figures of a form. `explained`: the check's report of this snapshot
/// (report_model with the catalogue), each row with its explanation
/// (explain()). Nothing here throws for a cell's contents.
SubmissionFigures submission_figures(const Catalogue& catalogue, const WorkbookSnapshot& snapshot,
                                     const ReportModel& explained);

/// `indicators.json`: one object, format `msoko-submission/1`
/// (docs/submission-format.md, docs/submission-format.schema.json), UTF-8,
/// ending with a line break.
std::string submission_json(const SubmissionFigures& figures, const SubmissionMeta& meta);

/// The procedures of an `indicators.json` text (its `"procedures"`; none in
/// a package made before they were): what the region reads back, each with
/// its row. @throws std::runtime_error when the text is not JSON or
/// `"procedures"` is not a list of objects.
std::vector<Procedure> submission_procedures(const std::string& indicators_json);

/// `indicators.csv`: UTF-8 with BOM, `;`-separated, CRLF, decimal comma; a
/// row for the municipality and one per organisation for every indicator
/// (docs/submission-format.md). A text that a spreadsheet would take for a
/// formula (`=`, `+`, `-`, `@`, tab, CR first) is written with a leading `'`.
std::string submission_csv(const SubmissionFigures& figures);

/// A CSV field: a text beginning with `=`, `+`, `-`, `@`, a tab or CR gets a
/// leading `'` (a spreadsheet shows it as text, never as a formula), unless it
/// is a `number` we wrote; then quoted (RFC 4180) when it holds `;`, `"`, CR or LF.
std::string csv_field(const std::string& text, bool number = false);

}  // namespace msoko
