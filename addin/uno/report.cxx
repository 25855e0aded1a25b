// SPDX-License-Identifier: MPL-2.0
#include "report.hxx"

#include "convert.hxx"
#include "guard.hxx"
#include "marks.hxx"
#include "msoko/form.hpp"
#include "msoko/text.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <chrono>
#include <vector>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;

namespace {
// The report sheet carries this text in its hidden column J, first row: a
// sheet of the user's that happens to be called «Проверка» is never taken for
// it (and Calc compares sheet names case-insensitively, so a name cannot tell).
constexpr const char* kReportMark = "org.msoko.calc:report";
constexpr sal_Int32 kMarkColumn = 9;      // J
constexpr std::size_t kReportWidth = 10;  // A–I for people, J for the mark
}  // namespace

bool is_report_sheet(const Reference<css::sheet::XSpreadsheet>& sheet) {
    const auto cell = sheet->getCellByPosition(kMarkColumn, 0);
    return cell->getType() == css::table::CellContentType_TEXT &&
           Reference<css::text::XText>(cell, UNO_QUERY_THROW)->getString() == OUString::createFromAscii(kReportMark);
}

namespace {

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char ch : s)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

// A constant for setFormulaArray: a text that could read as a formula or a
// number is written as a formula giving that text.
OUString constant(const std::string& s) {
    if (s.empty())
        return OUString();
    const char first = s[0];
    if (first == '=' || first == '+' || first == '-' || first == '\'' || (first >= '0' && first <= '9'))
        return from_utf8("=" + quoted(s));
    return from_utf8(s);
}

}  // namespace

Reference<css::sheet::XSpreadsheet> find_report_sheet(const Reference<css::sheet::XSpreadsheetDocument>& document,
                                                      OUString* name) {
    Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(i), UNO_QUERY_THROW);
        if (!is_report_sheet(sheet))
            continue;
        if (name)
            *name = Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName();
        return sheet;
    }
    return {};
}

OUString prepare_report_sheet(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    auto sheets = document->getSheets();
    const sal_Int32 count = Reference<css::container::XIndexAccess>(sheets, UNO_QUERY_THROW)->getCount();
    OUString name;
    if (const auto sheet = find_report_sheet(document, &name); sheet.is()) {
        Reference<css::util::XProtectable> protection(sheet, UNO_QUERY_THROW);
        if (protection->isProtected()) {
            try {
                protection->unprotect(OUString());
            } catch (const css::uno::Exception&) {
                throw UserError("Отчёт проверки не записан: лист «" + to_utf8(name) +
                                "» с отчётом прошлой проверки защищён паролем. Снимите с него защиту (Сервис → "
                                "Защитить лист) или удалите этот лист и повторите проверку.");
            }
        }
        // Reused, not replaced: inserting or removing a sheet makes Calc
        // recompile every formula of the workbook.
        Reference<css::sheet::XSheetOperation>(sheet, UNO_QUERY_THROW)
            ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::STRING |
                            css::sheet::CellFlags::FORMULA | css::sheet::CellFlags::DATETIME |
                            css::sheet::CellFlags::HARDATTR);
        Reference<css::container::XIndexAccess> all(sheets, UNO_QUERY_THROW);
        if (Reference<css::container::XNamed>(all->getByIndex(count - 1), UNO_QUERY_THROW)->getName() != name)
            sheets->moveByName(name, static_cast<sal_Int16>(count));  // the report stays the last sheet
        return name;
    }
    // A sheet of the user's may have the name (in any case): the next free one.
    name = from_utf8(kReportSheet);
    for (int n = 2; sheets->hasByName(name); ++n)
        name = from_utf8(std::string(kReportSheet) + " (" + std::to_string(n) + ")");
    sheets->insertNewByName(name, static_cast<sal_Int16>(count));
    return name;
}

void write_report(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& name,
                  const ReportModel& report) {
    Reference<css::sheet::XSpreadsheet> sheet(document->getSheets()->getByName(name), UNO_QUERY_THROW);
    std::vector<std::vector<OUString>> rows;
    const std::size_t width = kReportWidth;
    auto line = [&](std::vector<std::string> cells) {
        std::vector<OUString> row;
        for (auto& c : cells)
            row.push_back(constant(c));
        row.resize(width);
        rows.push_back(std::move(row));
    };
    line({report.title});
    rows.back()[kMarkColumn] = OUString::createFromAscii(kReportMark);
    line({report.summary});
    line({});
    line({report.completeness_title});
    // In the wide columns of the findings below: sheet names and headers stay readable.
    std::vector<std::string> head = {"", ""};
    head.insert(head.end(), report.completeness_header.begin(), report.completeness_header.end());
    line(head);
    for (const auto& c : report.completeness)
        line({"", "", c.sheet, std::to_string(c.required), std::to_string(c.filled), c.percent_text});
    line({});
    const std::size_t header_row = rows.size();
    line(report.finding_header);
    for (const auto& f : report.rows) {
        std::vector<OUString> row;
        row.push_back(from_utf8(std::to_string(f.number)));
        row.push_back(from_utf8(f.severity_text));
        row.push_back(constant(f.sheet));
        // The link jumps to the cell.
        row.push_back(f.cell.empty() ? OUString()
                                     : from_utf8("=HYPERLINK(" + quoted(f.link) + ";" + quoted(f.cell) + ")"));
        for (const std::string* s : {&f.organisation, &f.field, &f.value, &f.message, &f.rule})
            row.push_back(constant(*s));
        row.resize(width);
        rows.push_back(std::move(row));
    }
    Sequence<Sequence<OUString>> data(static_cast<sal_Int32>(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r)
        data.getArray()[r] = Sequence<OUString>(rows[r].data(), static_cast<sal_Int32>(rows[r].size()));
    auto range =
        sheet->getCellRangeByPosition(0, 0, static_cast<sal_Int32>(width - 1), static_cast<sal_Int32>(rows.size() - 1));
    Reference<css::sheet::XCellRangeFormula>(range, UNO_QUERY_THROW)->setFormulaArray(data);

    // Readable: bold title and headers, widths for the message.
    auto bold = [&](sal_Int32 r0, sal_Int32 r1, sal_Int32 c1) {
        Reference<css::beans::XPropertySet>(sheet->getCellRangeByPosition(0, r0, c1, r1), UNO_QUERY_THROW)
            ->setPropertyValue("CharWeight", Any(150.0f));
    };
    bold(0, 1, 0);
    bold(4, 4, 5);
    bold(static_cast<sal_Int32>(header_row), static_cast<sal_Int32>(header_row), static_cast<sal_Int32>(width - 2));
    auto columns = Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getColumns();
    // Columns A–I fit a 1366-pixel screen at 100 %: the rule stays in view.
    const sal_Int32 widths[] = {1000, 3200, 5900, 2000, 2700, 3400, 2800, 10600, 4600, 1800};  // 1/100 mm
    for (sal_Int32 c = 0; c < static_cast<sal_Int32>(width); ++c)
        Reference<css::beans::XPropertySet>(columns->getByIndex(c), UNO_QUERY_THROW)
            ->setPropertyValue("Width", Any(widths[c]));
    Reference<css::beans::XPropertySet>(columns->getByIndex(kMarkColumn), UNO_QUERY_THROW)
        ->setPropertyValue("IsVisible", Any(false));
    // Messages wrap within their column; rows grow to fit, and every cell of a
    // row reads from its top line.
    Reference<css::beans::XPropertySet>(columns->getByIndex(7), UNO_QUERY_THROW)
        ->setPropertyValue("IsTextWrapped", Any(true));
    Reference<css::beans::XPropertySet>(range, UNO_QUERY_THROW)
        ->setPropertyValue("VertJustify", Any(sal_Int32(css::table::CellVertJustify2::TOP)));
}

void write_report(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& name,
                  const ValidationReport& report) {
    write_report(document, name, report_model(report));
}

bool not_a_form(const ValidationReport& report) {
    return report.findings.size() == 1 && report.findings.front().kind == "form.not_a_form";
}

PublishedReport publish_report(const Reference<css::sheet::XSpreadsheetDocument>& document,
                               const ValidationReport& report) {
    using clock = std::chrono::steady_clock;
    const auto ms = [](clock::time_point a, clock::time_point b) {
        return static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count());
    };
    PublishedReport out;
    const auto t0 = clock::now();
    // The report's sheet first: when it cannot be written, nothing has changed yet.
    out.sheet = prepare_report_sheet(document);
    clear_marks(document, /*remove_report=*/false);  // the marks of an earlier run
    const auto t1 = clock::now();
    out.shown = report;
    for (const auto& u : mark_cells(document, report))
        out.shown.note_unmarked(u.sheet, u.cells, u.password_sheet);
    const auto t2 = clock::now();
    write_report(document, out.sheet, out.shown);
    out.clearing_ms = ms(t0, t1);
    out.marks_ms = ms(t1, t2);
    out.report_ms = ms(t2, clock::now());
    return out;
}

}  // namespace msoko::uno
