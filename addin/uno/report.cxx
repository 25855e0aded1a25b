// SPDX-License-Identifier: MPL-2.0
#include "report.hxx"

#include "formula_text.hxx"
#include "report_layout.hxx"

#include "convert.hxx"
#include "explanations.hxx"
#include "guard.hxx"
#include "marks.hxx"
#include "msoko/form.hpp"
#include "msoko/text.hpp"

#include <com/sun/star/awt/FontUnderline.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XDatabaseRange.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/sheet/XSheetFilterDescriptor.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUnnamedDatabaseRanges.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/sheet/XViewPane.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/BorderLine2.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <utility>
#include <vector>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;

using namespace report_layout;

ReportLayout report_layout_of(const Reference<css::sheet::XSpreadsheet>& sheet) {
    const auto marked = [&](sal_Int32 column) {
        const auto cell = sheet->getCellByPosition(column, 0);
        return cell->getType() == css::table::CellContentType_TEXT &&
               Reference<css::text::XText>(cell, UNO_QUERY_THROW)->getString() == OUString::createFromAscii(kMark);
    };
    if (marked(kMarkColumn))
        return ReportLayout::Current;
    for (const sal_Int32 column : kOldMarkColumns)
        if (marked(column))
            return ReportLayout::Older;
    return ReportLayout::None;
}

bool is_report_sheet(const Reference<css::sheet::XSpreadsheet>& sheet) {
    return report_layout_of(sheet) != ReportLayout::None;
}

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

namespace {

using Props = css::uno::Reference<css::beans::XPropertySet>;

Props props_of(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 c0, sal_Int32 r0, sal_Int32 c1,
               sal_Int32 r1) {
    return Props(sheet->getCellRangeByPosition(c0, r0, c1, r1), UNO_QUERY_THROW);
}

// The colours of a level: the marks' own for errors and warnings, a light
// blue for notes; pale backgrounds under dark text stay readable in print.
std::pair<sal_Int32, sal_Int32> level_colours(Severity s) {
    switch (s) {
        case Severity::Error:
            return {kErrorMarkBack, kErrorMarkText};
        case Severity::Warning:
            return {kWarningMarkBack, kWarningMarkText};
        case Severity::Info:
            break;
    }
    return {0xDDEBF7, 0x1F4E79};
}

// The number format «0,0 %» in the document's language.
sal_Int32 percent_format(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    Reference<css::util::XNumberFormats> formats =
        Reference<css::util::XNumberFormatsSupplier>(document, UNO_QUERY_THROW)->getNumberFormats();
    const css::lang::Locale english("en", "US", "");
    sal_Int32 key = formats->queryKey("0.0%", english, false);
    if (key < 0)
        key = formats->addNew("0.0%", english);
    css::lang::Locale locale;
    Reference<css::beans::XPropertySet>(document, UNO_QUERY_THROW)->getPropertyValue("CharLocale") >>= locale;
    if (locale.Language.isEmpty())
        return key;
    return Reference<css::util::XNumberFormatTypes>(formats, UNO_QUERY_THROW)->getFormatForLocale(key, locale);
}

// The page style of the form's sheets (A4 landscape, as wide as one page):
// the form's own «Landscape», or one made like it when the workbook lacks it.
OUString landscape_page_style(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    const OUString name = "Landscape";
    Reference<css::container::XNameContainer> styles(
        Reference<css::style::XStyleFamiliesSupplier>(document, UNO_QUERY_THROW)
            ->getStyleFamilies()
            ->getByName("PageStyles"),
        UNO_QUERY_THROW);
    if (styles->hasByName(name))
        return name;
    Reference<css::beans::XPropertySet> style(Reference<css::lang::XMultiServiceFactory>(document, UNO_QUERY_THROW)
                                                  ->createInstance("com.sun.star.style.PageStyle"),
                                              UNO_QUERY_THROW);
    styles->insertByName(name, Any(style));
    style->setPropertyValue("IsLandscape", Any(true));
    style->setPropertyValue("Width", Any(sal_Int32(29700)));
    style->setPropertyValue("Height", Any(sal_Int32(21000)));
    for (const char* margin : {"TopMargin", "BottomMargin", "LeftMargin", "RightMargin"})
        style->setPropertyValue(OUString::createFromAscii(margin), Any(sal_Int32(1000)));
    style->setPropertyValue("ScaleToPagesX", Any(sal_Int16(1)));
    style->setPropertyValue("ScaleToPagesY", Any(sal_Int16(0)));
    return name;
}

// The autofilter over the findings: the sheet's own unnamed database range
// (as Data → AutoFilter makes it), any filter of the last report removed.
void autofilter(const Reference<css::sheet::XSpreadsheetDocument>& document,
                const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 last_row) {
    Reference<css::sheet::XUnnamedDatabaseRanges> ranges(
        Reference<css::beans::XPropertySet>(document, UNO_QUERY_THROW)->getPropertyValue("UnnamedDatabaseRanges"),
        UNO_QUERY_THROW);
    const css::table::CellRangeAddress area =
        Reference<css::sheet::XCellRangeAddressable>(
            sheet->getCellRangeByPosition(0, kHeaderRow, kColumns - 1, last_row), UNO_QUERY_THROW)
            ->getRangeAddress();
    if (ranges->hasByTable(area.Sheet)) {
        // The last report's filter: no condition, its hidden rows shown again
        // (Calc's refresh of a range without conditions leaves them hidden).
        Reference<css::sheet::XDatabaseRange> old(ranges->getByTable(area.Sheet), UNO_QUERY_THROW);
        Reference<css::beans::XPropertySet>(old, UNO_QUERY_THROW)->setPropertyValue("AutoFilter", Any(false));
        old->getFilterDescriptor()->setFilterFields({});
        const css::table::CellRangeAddress was = old->getDataArea();
        const Props rows(Reference<css::table::XColumnRowRange>(
                             sheet->getCellRangeByPosition(0, std::min(was.StartRow, area.StartRow), 0,
                                                           std::max(was.EndRow, area.EndRow)),
                             UNO_QUERY_THROW)
                             ->getRows(),
                         UNO_QUERY_THROW);
        rows->setPropertyValue("IsFiltered", Any(false));
        rows->setPropertyValue("IsVisible", Any(true));
    }
    ranges->setByTable(area);
    Reference<css::beans::XPropertySet>(ranges->getByTable(area.Sheet), UNO_QUERY_THROW)
        ->setPropertyValue("AutoFilter", Any(true));
}

// Freezes the rows above the findings in the document's view (a document
// without a view has none to freeze). The view's active sheet stays as it was.
void freeze_header(const Reference<css::sheet::XSpreadsheetDocument>& document,
                   const Reference<css::sheet::XSpreadsheet>& sheet) {
    const Reference<css::frame::XController> controller =
        Reference<css::frame::XModel>(document, UNO_QUERY_THROW)->getCurrentController();
    Reference<css::sheet::XSpreadsheetView> view(controller, css::uno::UNO_QUERY);
    Reference<css::sheet::XViewFreezable> freezable(controller, css::uno::UNO_QUERY);
    if (!view.is() || !freezable.is())
        return;
    const Reference<css::sheet::XSpreadsheet> active = view->getActiveSheet();
    view->setActiveSheet(sheet);
    // The report starts in view from its first row and column.
    if (Reference<css::sheet::XViewPane> pane{controller, css::uno::UNO_QUERY}; pane.is()) {
        pane->setFirstVisibleColumn(0);
        pane->setFirstVisibleRow(0);
    }
    freezable->freezeAtPosition(0, kHeaderRow + 1);
    if (active.is())
        view->setActiveSheet(active);
}

}  // namespace

void write_report(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& name,
                  const ReportModel& report) {
    Reference<css::sheet::XSpreadsheet> sheet(document->getSheets()->getByName(name), UNO_QUERY_THROW);
    std::vector<std::vector<OUString>> rows;
    const std::size_t width = kWidth;
    auto line = [&](std::vector<std::string> cells) {
        std::vector<OUString> row;
        for (auto& c : cells)
            row.push_back(constant(c));
        row.resize(width);
        rows.push_back(std::move(row));
    };
    const auto link = [](const std::string& target, const std::string& text) {
        return from_utf8("=HYPERLINK(" + quoted(target) + ";" + quoted(text) + ")");
    };
    const std::size_t n = report.rows.size();
    // The completeness comes under the findings: its title's row.
    const std::size_t completeness_row = static_cast<std::size_t>(kHeaderRow) + 1 + n + 1;
    line({report.title});
    rows.back()[kMarkColumn] = OUString::createFromAscii(kMark);
    line({report.summary});
    line({});
    if (!report.completeness.empty())
        rows.back()[0] = link("#$'" + to_utf8(name) + "'.A" + std::to_string(completeness_row + 1),
                              report.completeness_title + " — под таблицей замечаний");
    line(report.finding_header);
    for (const auto& f : report.rows) {
        std::vector<OUString> row;
        row.push_back(from_utf8(std::to_string(f.number)));
        row.push_back(from_utf8(f.severity_text));
        row.push_back(constant(f.sheet));
        // The link jumps to the cell.
        row.push_back(f.cell.empty() ? OUString() : link(f.link, f.cell));
        // A field without a title in the catalogue (a column the user added) is named by its code.
        for (const std::string* s : {&f.organisation, f.field_title.empty() ? &f.field : &f.field_title, &f.field,
                                     &f.value, &f.message, &f.explanation, &f.kind_text, &f.rule})
            row.push_back(constant(*s));
        row.resize(width);
        // Which finding the row is, for the explanation typed into it.
        for (const auto& [column, key] :
             {std::pair{kKeyKind, &f.kind}, std::pair{kKeySheet, &f.sheet}, std::pair{kKeyCell, &f.cell},
              std::pair{kKeyOrganisation, &f.organisation}, std::pair{kKeyField, &f.field}})
            row[static_cast<std::size_t>(column)] = constant(*key);
        rows.push_back(std::move(row));
    }
    line({});
    line({report.completeness_title});
    // In the wide columns of the findings: sheet names and headers stay readable.
    std::vector<std::string> head = {"", ""};
    head.insert(head.end(), report.completeness_header.begin(), report.completeness_header.end());
    line(head);
    const std::size_t completeness_first = rows.size();
    for (const auto& c : report.completeness) {
        line({"", "", c.sheet});
        // Numbers, the share as a percent (formulas are read in the API's English notation).
        rows.back()[kSheet + 1] = OUString::number(static_cast<sal_Int64>(c.required));
        rows.back()[kSheet + 2] = OUString::number(static_cast<sal_Int64>(c.filled));
        rows.back()[kSheet + 3] = from_utf8(format_number(c.percent / 100));
    }
    Sequence<Sequence<OUString>> data(static_cast<sal_Int32>(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r)
        data.getArray()[r] = Sequence<OUString>(rows[r].data(), static_cast<sal_Int32>(rows[r].size()));
    auto range =
        sheet->getCellRangeByPosition(0, 0, static_cast<sal_Int32>(width - 1), static_cast<sal_Int32>(rows.size() - 1));
    Reference<css::sheet::XCellRangeFormula>(range, UNO_QUERY_THROW)->setFormulaArray(data);

    const sal_Int32 first = kHeaderRow + 1;                         // the first finding's row
    const sal_Int32 last = kHeaderRow + static_cast<sal_Int32>(n);  // the last one's (the header's without any)
    // Every cell of a row reads from its top line.
    Props(range, UNO_QUERY_THROW)->setPropertyValue("VertJustify", Any(sal_Int32(css::table::CellVertJustify2::TOP)));
    // The title and the summary.
    props_of(sheet, 0, 0, 0, 0)->setPropertyValue("CharHeight", Any(14.0f));
    props_of(sheet, 0, 0, 0, 1)->setPropertyValue("CharWeight", Any(150.0f));
    // The findings' header: bold on grey, wrapped, repeated on every printed page.
    const Props header = props_of(sheet, 0, kHeaderRow, kColumns - 1, kHeaderRow);
    header->setPropertyValue("CharWeight", Any(150.0f));
    header->setPropertyValue("CellBackColor", Any(sal_Int32(0xD9D9D9)));
    header->setPropertyValue("IsTextWrapped", Any(true));
    header->setPropertyValue("VertJustify", Any(sal_Int32(css::table::CellVertJustify2::TOP)));
    css::table::BorderLine2 rule_line;
    rule_line.OuterLineWidth = 18;
    rule_line.LineWidth = 18;
    rule_line.Color = 0x808080;
    header->setPropertyValue("BottomBorder", Any(rule_line));
    if (n > 0) {
        // Long texts wrap within their columns; rows grow to fit.
        for (sal_Int32 c : {kSheet, kField, kCode, kMessage, kExplanation, kChecked, kRule})
            props_of(sheet, c, first, c, last)->setPropertyValue("IsTextWrapped", Any(true));
        // «Пояснение» is typed into: the form's colour of an input cell.
        props_of(sheet, kExplanation, first, kExplanation, last)
            ->setPropertyValue("CellBackColor", Any(sal_Int32(kInputCellColour)));
        // The long texts besides the message a little smaller: rows stay lower.
        props_of(sheet, kField, first, kField, last)->setPropertyValue("CharHeight", Any(9.0f));
        props_of(sheet, kChecked, first, kChecked, last)->setPropertyValue("CharHeight", Any(9.0f));
        // The codes are for the specialist who asks: small and grey.
        for (sal_Int32 c : {kCode, kRule}) {
            const Props codes = props_of(sheet, c, first, c, last);
            codes->setPropertyValue("CharHeight", Any(8.0f));
            codes->setPropertyValue("CharColor", Any(sal_Int32(0x595959)));
        }
        // The level in its colour, per run of rows of one level (the report is sorted by level).
        for (std::size_t i = 0; i < n;) {
            std::size_t j = i;
            while (j < n && report.rows[j].severity == report.rows[i].severity)
                ++j;
            const auto [back, text] = level_colours(report.rows[i].severity);
            const Props level = props_of(sheet, kLevel, first + static_cast<sal_Int32>(i), kLevel,
                                         first + static_cast<sal_Int32>(j) - 1);
            level->setPropertyValue("CellBackColor", Any(back));
            level->setPropertyValue("CharColor", Any(text));
            i = j;
        }
    }
    // Links look like links: the colour and underline of Calc's «Internet Link».
    auto link_look = [&](const Props& p) {
        p->setPropertyValue("CharColor", Any(sal_Int32(0x000080)));
        p->setPropertyValue("CharUnderline", Any(css::awt::FontUnderline::SINGLE));
    };
    if (n > 0)
        link_look(props_of(sheet, kCell, first, kCell, last));
    if (!report.completeness.empty())
        link_look(props_of(sheet, 0, 2, 0, 2));
    // The completeness: its title and header bold, the share as a percent.
    const sal_Int32 ctitle = static_cast<sal_Int32>(completeness_row);
    props_of(sheet, 0, ctitle, kSheet + 3, ctitle + 1)->setPropertyValue("CharWeight", Any(150.0f));
    if (!report.completeness.empty())
        props_of(sheet, kSheet + 3, static_cast<sal_Int32>(completeness_first), kSheet + 3,
                 static_cast<sal_Int32>(rows.size() - 1))
            ->setPropertyValue("NumberFormat", Any(percent_format(document)));

    // The header two lines high: its texts above the autofilter's buttons.
    Props(Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getRows()->getByIndex(kHeaderRow),
          UNO_QUERY_THROW)
        ->setPropertyValue("Height", Any(sal_Int32(950)));
    auto columns = Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getColumns();
    // Wide enough for «Предупреждение» and an organisation's code; the
    // message, the field and what was checked wrap.
    const sal_Int32 widths[] = {1100, 2900, 3400, 1800, 3000, 5500, 2300, 2300, 8000, 6000, 4800, 2700};  // 1/100 mm
    static_assert(std::size(widths) == kColumns);
    for (sal_Int32 c = 0; c < static_cast<sal_Int32>(width); ++c) {
        Props column(columns->getByIndex(c), UNO_QUERY_THROW);
        if (c < kColumns)
            column->setPropertyValue("Width", Any(widths[c]));
        // The mark and the keys are for the extension; an older report hid its mark in another column.
        column->setPropertyValue("IsVisible", Any(c < kColumns));
    }
    // The level's column as wide as «Предупреждение» needs in the document's font.
    Props(columns->getByIndex(kLevel), UNO_QUERY_THROW)->setPropertyValue("OptimalWidth", Any(true));
    autofilter(document, sheet, last > kHeaderRow ? last : kHeaderRow + 1);
    // Printed like the form: A4 landscape, one page wide, the header on every page.
    Props(sheet, UNO_QUERY_THROW)->setPropertyValue("PageStyle", Any(landscape_page_style(document)));
    Reference<css::sheet::XPrintAreas> print(sheet, UNO_QUERY_THROW);
    print->setTitleRows(Reference<css::sheet::XCellRangeAddressable>(
                            sheet->getCellRangeByPosition(0, kHeaderRow, 0, kHeaderRow), UNO_QUERY_THROW)
                            ->getRangeAddress());
    print->setPrintTitleRows(true);
    freeze_header(document, sheet);
}

void write_report(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& name,
                  const ValidationReport& report) {
    write_report(document, name, report_model(report));
}

void write_report(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& name,
                  const ValidationReport& report, const Catalogue& catalogue) {
    write_report(document, name, report_model(report, catalogue));
}

bool not_a_form(const ValidationReport& report) {
    return report.findings.size() == 1 && report.findings.front().kind == "form.not_a_form";
}

namespace {

PublishedReport publish(const Reference<css::sheet::XSpreadsheetDocument>& document, const ValidationReport& report,
                        const Catalogue* catalogue) {
    using clock = std::chrono::steady_clock;
    const auto ms = [](clock::time_point a, clock::time_point b) {
        return static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count());
    };
    PublishedReport out;
    const auto t0 = clock::now();
    // What the user typed into the last report, before it is replaced, over
    // what the form keeps.
    out.explanations = merge_explanations(kept_explanations(document), read_explanations(document));
    // The report's sheet first: when it cannot be written, nothing has changed yet.
    out.sheet = prepare_report_sheet(document);
    clear_marks(document, /*remove_report=*/false);  // the marks of an earlier run
    const auto t1 = clock::now();
    out.shown = report;
    for (const auto& u : mark_cells(document, report))
        out.shown.note_unmarked(u.sheet, u.cells, u.password_sheet);
    const auto t2 = clock::now();
    out.model = catalogue ? report_model(out.shown, *catalogue) : report_model(out.shown);
    explain(out.model, out.explanations);
    write_report(document, out.sheet, out.model);
    keep_explanations(document, out.explanations);
    out.clearing_ms = ms(t0, t1);
    out.marks_ms = ms(t1, t2);
    out.report_ms = ms(t2, clock::now());
    return out;
}

}  // namespace

PublishedReport publish_report(const Reference<css::sheet::XSpreadsheetDocument>& document,
                               const ValidationReport& report) {
    return publish(document, report, nullptr);
}

PublishedReport publish_report(const Reference<css::sheet::XSpreadsheetDocument>& document,
                               const ValidationReport& report, const Catalogue& catalogue) {
    return publish(document, report, &catalogue);
}

}  // namespace msoko::uno
