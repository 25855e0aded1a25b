// SPDX-License-Identifier: MPL-2.0
// ВПР results files read through the office's import (vpr_read.hxx).
#include "vpr_read.hxx"

#include "convert.hxx"
#include "documents.hxx"
#include "log.hxx"
#include "snapshot.hxx"
#include "utf8.hxx"

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>

namespace msoko::uno {

namespace fs = std::filesystem;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

// Rows per getDataArray: a 100,000-pupil sheet in a few calls, each block small enough for the bridge.
constexpr sal_Int32 kBlockRows = 16384;
// 100,000 pupils × 40 columns is 4 million cells; a sheet used far beyond that is no export of ФИС ОКО.
constexpr std::size_t kMaxSheetCells = 20'000'000;

std::string lower_extension(const fs::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

// Whether the bytes are UTF-8 (a sequence cut at the end of the head counts as valid).
bool valid_utf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0)
            return false;
        for (std::size_t k = 1; k < n; ++k) {
            if (i + k >= s.size())
                return true;
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2)
                return false;
        }
        i += n;
    }
    return true;
}

// The first bytes of a file (up to 1 MB): enough to tell its separator and encoding.
std::string head_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string head(1 << 20, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return head;
}

}  // namespace

bool is_results_file_name(const fs::path& file) {
    const std::string ext = lower_extension(file);
    return ext == ".xlsx" || ext == ".xls" || ext == ".ods" || ext == ".fods" || ext == ".csv";
}

std::string csv_filter_options(const std::string& head) {
    std::size_t semicolons = 0, tabs = 0, commas = 0;
    bool quoted = false;
    for (const char c : head) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == ';')
            ++semicolons;
        else if (!quoted && c == '\t')
            ++tabs;
        else if (!quoted && c == ',')
            ++commas;
    }
    const int separator = semicolons == 0 && tabs == 0 && commas > 0 ? ',' : tabs > semicolons ? '\t' : ';';
    const int charset = valid_utf8(head) ? 76 : 34;  // RTL_TEXTENCODING_UTF8, RTL_TEXTENCODING_MS_1251
    // Tokens: separator, text delimiter «"», charset, first line, column formats (none), language
    // (ru-RU 1049: «1,5» is a number; en-US 1033 for comma-separated files), quoted fields as text
    // (no), special numbers such as dates (no: «Дата:» and «1.5» stay as typed).
    const int language = separator == ',' ? 1033 : 1049;
    return std::to_string(separator) + ",34," + std::to_string(charset) + ",1,," + std::to_string(language) +
           ",false,false";
}

std::vector<vpr::SheetCells> sheet_cells(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    std::vector<vpr::SheetCells> out;
    Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(i), UNO_QUERY_THROW);
        vpr::SheetCells s;
        s.name = to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
        auto cursor = sheet->createCursor();
        Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
        const auto end = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
        const auto rows = static_cast<std::size_t>(end.EndRow + 1), cols = static_cast<std::size_t>(end.EndColumn + 1);
        if (rows * cols > kMaxSheetCells)
            throw UserError("лист «" + s.name + "» занят до строки " + std::to_string(rows) + " и столбца " +
                            std::to_string(cols) + ": это больше, чем бывает в выгрузке ФИС ОКО");
        std::vector<Cell> cells;
        cells.reserve(rows * cols);
        for (sal_Int32 first = 0; first <= end.EndRow; first += kBlockRows) {
            const sal_Int32 last = std::min(end.EndRow, first + kBlockRows - 1);
            const auto block = Reference<css::sheet::XCellRangeData>(
                                   sheet->getCellRangeByPosition(0, first, end.EndColumn, last), UNO_QUERY_THROW)
                                   ->getDataArray();
            for (const auto& row : block) {
                for (const Any& value : row)
                    cells.push_back(to_cell(value));
                for (auto k = static_cast<std::size_t>(row.getLength()); k < cols; ++k)
                    cells.push_back(Cell::empty());
            }
        }
        cells.resize(rows * cols);
        s.cells = Range(rows, cols, std::move(cells));
        out.push_back(std::move(s));
    }
    return out;
}

vpr::ResultsFile read_results_file(const Reference<css::frame::XComponentLoader>& loader, const fs::path& file,
                                   const std::string& shown, const vpr::BoundaryTable& boundaries) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        throw UserError("«" + shown + "»: файла нет");
    const std::string ext = lower_extension(file);
    const OUString url = file_url(file);
    // Hidden, read-only, and no interaction handler: a password is not asked for, the loading fails.
    auto load = properties({{"Hidden", Any(true)},
                            {"ReadOnly", Any(true)},
                            {"MacroExecutionMode", Any(css::document::MacroExecMode::NEVER_EXECUTE)},
                            {"UpdateDocMode", Any(css::document::UpdateDocMode::NO_UPDATE)}});
    if (ext == ".csv") {
        const std::string head = head_of(file);
        if (head.empty())
            throw UserError("«" + shown + "»: файл пуст");
        const sal_Int32 n = load.getLength();
        load.realloc(n + 2);
        load.getArray()[n] = property("FilterName", Any(OUString("Text - txt - csv (StarCalc)")));
        load.getArray()[n + 1] = property("FilterOptions", Any(from_utf8(csv_filter_options(head))));
    }
    Reference<css::lang::XComponent> component;
    try {
        component = loader->loadComponentFromURL(url, "_blank", 0, load);
    } catch (const css::uno::RuntimeException&) {
        throw;  // the office itself failed
    } catch (const css::uno::Exception& e) {
        log().info("a results file did not open: {}", to_utf8(e.Message).substr(0, 200));
    }
    const ClosedAtExit closed(component);
    const Reference<css::sheet::XSpreadsheetDocument> doc(component, UNO_QUERY);
    if (!doc.is())
        throw UserError("«" + shown + "»: файл не открылся — он повреждён, защищён паролем или это не таблица");
    std::vector<vpr::SheetCells> sheets;
    try {
        sheets = sheet_cells(doc);
    } catch (const UserError& e) {
        throw UserError("«" + shown + "»: " + e.what());
    }
    try {
        return vpr::read_results(sheets, shown, boundaries);
    } catch (const vpr::LayoutError& e) {
        throw UserError(e.what());  // it names the file, what was expected and what was found
    }
}

}  // namespace msoko::uno
