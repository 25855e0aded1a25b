// SPDX-License-Identifier: MPL-2.0
// The subcommands that open a workbook in the private office and read what
// the extension computed: the indicator table, every МСОКО formula, a
// recalculated copy in another format.
#include "commands.hxx"
#include "convert.hxx"
#include "form_view.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/form.hpp"
#include "msoko/migrate.hpp"
#include "msoko/new_form.hpp"
#include "msoko/text.hpp"
#include "snapshot.hxx"
#include "utf8.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/IOException.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellAddressable.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>

namespace msoko::cli {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

// Our formulas are stored under the add-in's service name, whatever the UI language.
constexpr const char* kAddInPrefix = "ORG.MSOKO.CALC.FUNCTIONS.";

std::string text_of(const Reference<css::table::XCell>& c) {
    return u8(Reference<css::text::XText>(c, UNO_QUERY_THROW)->getString());
}

// The label of a row: the text cells left of the formula (the organisation's
// code and name in the form), so the reader sees what was computed.
std::string row_label(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 row, sal_Int32 before_col) {
    std::string label;
    for (sal_Int32 c = 0; c < std::min<sal_Int32>(before_col, 2); ++c) {
        auto cell = sheet->getCellByPosition(c, row);
        if (cell->getType() != css::table::CellContentType_TEXT)
            continue;
        const std::string t = text_of(cell);
        if (!t.empty())
            label += (label.empty() ? "" : " ") + t;
    }
    return truncate_utf8(label, 44);
}

Reference<css::sheet::XSpreadsheetDocument> open_recalculated(office::Office& office, const fs::path& workbook,
                                                              bool with_view = false) {
    auto doc = office.open(workbook, office::Office::Access::ReadOnly, with_view);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    return doc;
}

}  // namespace

std::string u8(const OUString& s) {
    return uno::to_utf8(s);
}

std::string tsv_field(const std::string& s) {
    std::string out;
    for (char ch : s)
        out += ch == '\t'   ? std::string("\\t")
               : ch == '\n' ? std::string("\\n")
               : ch == '\r' ? std::string("\\r")
                            : std::string(1, ch);
    return out;
}

std::size_t width(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad(const std::string& s, std::size_t w) {
    return s + std::string(w > width(s) ? w - width(s) : 0, ' ');
}

office::Options office_options(const Common& common) {
    office::Options o;
    o.extension = common.oxt;
    o.ui_locale = common.lang == "en" ? "en-US" : "ru-RU";
    o.keep_profile = common.keep_profile;
    // The extension in the office computes with the catalogue the command line reads.
    if (common.catalogue_chosen)
        o.environment.emplace_back("MSOKO_CATALOGUE", common.catalogue.string());
    return o;
}

void starting(const Common& common) {
    std::cerr << "Запуск LibreOffice с расширением " << common.oxt.filename().string() << " …\n";
}

void store(const Reference<css::sheet::XSpreadsheetDocument>& doc, const fs::path& out, const char* filter) {
    const fs::path dir = fs::absolute(out).parent_path();
    if (std::error_code ec; !fs::is_directory(dir, ec))
        throw office::OfficeError("нет такой папки / no such directory: " + dir.string() + " (" + out.string() +
                                  " не записан / not written)");
    css::uno::Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "FilterName";
    args.getArray()[0].Value <<= OUString::createFromAscii(filter);
    try {
        Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
            ->storeToURL(OUString::createFromAscii(office::file_url(out).c_str()), args);
    } catch (const css::io::IOException&) {
        throw office::OfficeError(
            "не удалось записать файл (нет прав на запись, файл открыт только для чтения или диск заполнен) / cannot "
            "write: " +
            out.string());
    }
    std::cerr << "Записано / written: " << out.string() << "\n";
}

LastYearForm last_year_form(const Common& common, const Catalogue& catalogue, const fs::path& workbook) {
    msoko::office::readable_head(workbook);  // a wrong path is told before the office starts
    starting(common);
    office::Office office(office_options(common));
    auto doc = office.open(workbook, office::Office::Access::ReadOnly);
    try {
        const WorkbookSnapshot form = uno::snapshot(doc, {});
        // A form of an earlier version is read by its own version's catalogue (history/).
        std::optional<Catalogue> earlier;
        if (const std::string version = earlier_form_version(catalogue, form); !version.empty()) {
            const std::string path = history_catalogue_path(common.catalogue.string(), catalogue.info.id, version);
            if (path.empty() || !std::ifstream(path))
                throw office::OfficeError("нет каталога показателей «" + catalogue.info.id + "» версии «" + version +
                                          "», по которому составлена форма прошлого года / no catalogue of its "
                                          "version: " +
                                          (path.empty() ? std::string("history/…") : path));
            earlier = read_catalogue(path);
        }
        LastYearForm last = read_last_year(catalogue, form, earlier ? &*earlier : nullptr);
        office::Office::close(doc);
        return last;
    } catch (const std::runtime_error& e) {
        office::Office::close(doc);
        throw office::OfficeError(std::string("форма прошлого года не подходит / last year's form does not fit: ") +
                                  e.what());
    }
}

int formulas(const Common& common, const fs::path& workbook) {
    starting(common);
    office::Office office(office_options(common));
    auto doc = open_recalculated(office, workbook);
    struct Row {
        std::string sheet, address, label, formula, result;
        bool error = false;
    };
    std::vector<std::vector<Row>> by_sheet;
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(i), UNO_QUERY_THROW);
        const std::string name = u8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
        auto found = Reference<css::sheet::XCellRangesQuery>(sheet, UNO_QUERY_THROW)
                         ->queryContentCells(css::sheet::CellFlags::FORMULA);
        auto cells =
            Reference<css::container::XEnumerationAccess>(found->getCells(), UNO_QUERY_THROW)->createEnumeration();
        std::map<std::pair<sal_Int32, sal_Int32>, Row> rows;  // (row, column) → line, in sheet order
        while (cells->hasMoreElements()) {
            Reference<css::table::XCell> cell(cells->nextElement(), UNO_QUERY_THROW);
            if (u8(cell->getFormula()).find(kAddInPrefix) == std::string::npos)
                continue;
            const auto addr = Reference<css::sheet::XCellAddressable>(cell, UNO_QUERY_THROW)->getCellAddress();
            Row r;
            r.sheet = name;
            r.address = cell_address(addr.Row, addr.Column);
            r.label = row_label(sheet, addr.Row, addr.Column);
            OUString local;
            Reference<css::beans::XPropertySet>(cell, UNO_QUERY_THROW)->getPropertyValue("FormulaLocal") >>= local;
            r.formula = u8(local);
            r.result = text_of(cell);
            r.error = cell->getError() != 0;
            rows[{addr.Row, addr.Column}] = std::move(r);
        }
        if (!rows.empty()) {
            by_sheet.emplace_back();
            for (auto& [k, r] : rows)
                by_sheet.back().push_back(std::move(r));
        }
    }
    office::Office::close(doc);
    std::size_t total = 0, errors = 0;
    boost::json::array all;
    if (common.format == Format::Text)
        std::cout << "Книга / workbook: " << workbook.filename().string() << "\n";
    for (const auto& rows : by_sheet) {
        std::size_t wa = 6, wl = 0, wf = 0;
        for (const auto& r : rows) {
            wa = std::max(wa, width(r.address));
            wl = std::max(wl, width(r.label));
            wf = std::max(wf, width(r.formula));
        }
        if (common.format == Format::Text)
            std::cout << "\nЛист «" << rows.front().sheet << "»\n";
        for (const auto& r : rows) {
            ++total;
            errors += r.error ? 1 : 0;
            if (common.format == Format::Text)
                std::cout << "  " << pad(r.address, wa) << "  " << pad(r.label, wl) << "  " << pad(r.formula, wf)
                          << "  = " << r.result << "\n";
            else if (common.format == Format::Tsv)
                std::cout << tsv_field(r.sheet) << "\t" << r.address << "\t" << tsv_field(r.label) << "\t"
                          << tsv_field(r.formula) << "\t" << tsv_field(r.result) << "\n";
            else
                all.push_back({{"sheet", r.sheet},
                               {"cell", r.address},
                               {"label", r.label},
                               {"formula", r.formula},
                               {"result", r.result},
                               {"error", r.error}});
        }
    }
    if (common.format == Format::Text)
        std::cout << "\nФормул МСОКО: " << total << ", из них с ошибкой или #Н/Д: " << errors << "\n";
    else if (common.format == Format::Json)
        std::cout << boost::json::serialize(boost::json::object{{"format", "msoko-formulas/1"},
                                                                {"workbook", workbook.filename().string()},
                                                                {"formulas", std::move(all)}})
                  << "\n";
    if (common.keep_profile)
        std::cerr << "Профиль сохранён / profile kept: " << office.profile().string() << "\n";
    return kDone;
}

// Opens, recalculates and stores under the filter the output's extension names.
int convert(const Common& common, const fs::path& workbook, const fs::path& out) {
    const std::string ext = out.extension().string();
    const char* filter = ext == ".ods"    ? "calc8"
                         : ext == ".fods" ? "OpenDocument Spreadsheet Flat XML"
                         : ext == ".pdf"  ? "calc_pdf_Export"
                                          : nullptr;
    if (!filter)
        throw UsageError("неизвестный формат / unknown format: " + ext + " (.ods, .fods, .pdf)");
    office::Office office(office_options(common));
    auto doc = open_recalculated(office, workbook, /*with_view=*/true);
    if (doc->getSheets()->hasByName(OUString::fromUtf8(kPassportSheet)))  // a form: keep its headers in view
        uno::freeze_panes(doc, read_catalogue(common.catalogue.string()));
    store(doc, out, filter);
    office::Office::close(doc);
    return kDone;
}

}  // namespace msoko::cli
