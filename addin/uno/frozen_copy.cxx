// SPDX-License-Identifier: MPL-2.0
#include "frozen_copy.hxx"

#include "documents.hxx"
#include "log.hxx"
#include "msoko/form_layout.hpp"
#include "msoko/text.hpp"
#include "snapshot.hxx"
#include "temp_file.hxx"
#include "utf8.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangeMovement.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XMergeable.hpp>
#include <com/sun/star/util/XProtectable.hpp>
#include <osl/file.hxx>

#include <algorithm>
#include <chrono>
#include <vector>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

bool is_msoko_formula(const std::string& formula) {
    // The API names an add-in function by its programmatic name, upper-cased
    // when the extension is installed, as the file has it when it is not.
    static constexpr std::string_view kService = "ORG.MSOKO.CALC.FUNCTIONS.";
    if (formula.size() < kService.size())
        return false;
    const auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
    return std::search(formula.begin(), formula.end(), kService.begin(), kService.end(),
                       [&](char a, char b) { return upper(a) == b; }) != formula.end();
}

namespace {

using Rows = Sequence<Sequence<Any>>;

// Stores a document; `what` names it for the user: «файл «…»».
void store(const Reference<css::frame::XStorable>& storable, const OUString& url, const char* filter,
           const std::string& what) {
    try {
        storable->storeToURL(
            url, properties({{"FilterName", Any(OUString::createFromAscii(filter))}, {"Overwrite", Any(true)}}));
    } catch (const css::uno::Exception& e) {
        log().error("frozen copy: storing as {} failed: {}", filter, to_utf8(e.Message));
        throw UserError("не удалось записать " + what +
                        ": нет доступа к папке, нет места на диске или файл открыт другой программой");
    }
}

std::string sheet_name(const Reference<css::sheet::XSpreadsheet>& sheet) {
    return to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
}

// The used area of a sheet, from A1.
css::table::CellRangeAddress used_area(const Reference<css::sheet::XSpreadsheet>& sheet) {
    Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursor();
    Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    css::table::CellRangeAddress a =
        Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
    a.StartColumn = 0;
    a.StartRow = 0;
    return a;
}

// Unprotects a protected sheet for the scope and protects it again at its end.
// Calc keeps a sheet's protection settings (what may still be selected,
// inserted, …) when it is unprotected, and protect() takes them up again.
class Unprotected {
public:
    explicit Unprotected(const Reference<css::sheet::XSpreadsheet>& sheet)
        : protectable_(sheet, UNO_QUERY_THROW), was_(protectable_->isProtected()) {
        if (!was_)
            return;
        try {
            protectable_->unprotect(OUString());
        } catch (const css::lang::IllegalArgumentException&) {
            throw UserError("лист «" + sheet_name(sheet) +
                            "» защищён паролем: снимите пароль (Сервис → Защитить лист) и повторите");
        }
    }
    ~Unprotected() {
        if (!was_)
            return;
        try {
            protectable_->protect(OUString());
        } catch (...) {
            log().error("frozen copy: a sheet could not be protected again");
        }
    }
    Unprotected(const Unprotected&) = delete;
    Unprotected& operator=(const Unprotected&) = delete;

private:
    Reference<css::util::XProtectable> protectable_;
    bool was_;
};

struct Block {
    sal_Int32 row = 0, col = 0, rows = 1, cols = 1;  // relative to the used area (which starts at A1)
};

// The blocks of a sheet's МСОКО formulas: each array formula whole, the other
// cells in runs down their column (so that a column of «Показатели» is one
// call). Counts the formulas.
std::vector<Block> msoko_blocks(const Reference<css::sheet::XSpreadsheet>& sheet,
                                const Sequence<Sequence<OUString>>& formulas, std::size_t& n_formulas) {
    const sal_Int32 n_rows = formulas.getLength();
    const sal_Int32 n_cols = n_rows ? formulas[0].getLength() : 0;
    const auto at = [&](sal_Int32 r, sal_Int32 c) -> std::size_t { return static_cast<std::size_t>(r * n_cols + c); };
    // 0: not ours, 1: ours, alone; 2: ours, of an array; 3: taken.
    std::vector<char> kind(static_cast<std::size_t>(n_rows) * static_cast<std::size_t>(n_cols), 0);
    for (sal_Int32 r = 0; r < n_rows; ++r)
        for (sal_Int32 c = 0; c < n_cols; ++c) {
            const OUString& f = formulas[r][c];
            if (f.getLength() > 1 && (f[0] == '=' || f[0] == '{') && is_msoko_formula(to_utf8(f)))
                kind[at(r, c)] = f[0] == '{' ? 2 : 1;
        }
    std::vector<Block> blocks;
    for (sal_Int32 c = 0; c < n_cols; ++c)
        for (sal_Int32 r = 0; r < n_rows; ++r) {
            char& k = kind[at(r, c)];
            if (k == 1) {
                Block b{r, c, 0, 1};
                while (r + b.rows < n_rows && kind[at(r + b.rows, c)] == 1)
                    kind[at(r + b.rows++, c)] = 3;
                blocks.push_back(b);
                n_formulas += static_cast<std::size_t>(b.rows);
            } else if (k == 2) {
                Reference<css::sheet::XSheetCellRange> origin(sheet->getCellRangeByPosition(c, r, c, r),
                                                              UNO_QUERY_THROW);
                Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursorByRange(origin);
                cursor->collapseToCurrentArray();
                const auto a = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
                const Block b{a.StartRow, a.StartColumn, a.EndRow - a.StartRow + 1, a.EndColumn - a.StartColumn + 1};
                for (sal_Int32 br = b.row; br < b.row + b.rows && br < n_rows; ++br)
                    for (sal_Int32 bc = b.col; bc < b.col + b.cols && bc < n_cols; ++bc)
                        kind[at(br, bc)] = 3;
                blocks.push_back(b);
                ++n_formulas;
            }
        }
    return blocks;
}

// Could Calc read the text as a number, a truth value or a formula? Such a
// text, put into a cell, gets the text number format («@») to stay a text.
bool reads_as_number(const OUString& text) {
    sal_Int32 i = 0;
    while (i < text.getLength() && text[i] == ' ')
        ++i;
    if (i == text.getLength())
        return false;
    const sal_Unicode c = text[i];
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '=' || c == '.' || c == ',' || c == '(')
        return true;
    const OUString t = text.trim();
    return t.equalsIgnoreAsciiCase("TRUE") || t.equalsIgnoreAsciiCase("FALSE") || t == from_utf8("ИСТИНА") ||
           t == from_utf8("ЛОЖЬ");
}

// What replaces a sheet's МСОКО formulas: each block's values, and the
// number formats to keep.
struct SheetValues {
    Reference<css::sheet::XSpreadsheet> sheet;
    std::vector<Block> blocks;
    std::vector<Rows> values;  ///< per block
    /// A text that reads as a number keeps the cell's number format (Calc
    /// would give it the text format to keep it a text).
    std::vector<std::pair<Reference<css::beans::XPropertySet>, Any>> formats;
};

// The values of a sheet's МСОКО formulas, as the cells have them now.
SheetValues values_of(const Reference<css::sheet::XSpreadsheet>& sheet, FrozenCopies& out) {
    SheetValues sv;
    sv.sheet = sheet;
    const css::table::CellRangeAddress area = used_area(sheet);
    const auto range = sheet->getCellRangeByPosition(0, 0, area.EndColumn, area.EndRow);
    const Sequence<Sequence<OUString>> formulas =
        Reference<css::sheet::XCellRangeFormula>(range, UNO_QUERY_THROW)->getFormulaArray();
    sv.blocks = msoko_blocks(sheet, formulas, out.formulas_replaced);
    if (sv.blocks.empty())
        return sv;
    const Rows values = Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray();
    for (const Block& b : sv.blocks) {
        Rows block(b.rows);
        for (sal_Int32 r = 0; r < b.rows; ++r) {
            Sequence<Any>& row = block.getArray()[r];
            row.realloc(b.cols);
            for (sal_Int32 c = 0; c < b.cols; ++c) {
                const sal_Int32 vr = b.row + r, vc = b.col + c;
                const bool inside = vr < values.getLength() && vc < values[vr].getLength();
                Any v = inside ? values[vr][vc] : Any();
                // An error result (void here): the text the cell shows, «#N/A», «Err:502».
                if (!v.hasValue())
                    v <<= Reference<css::text::XText>(sheet->getCellByPosition(vc, vr), UNO_QUERY_THROW)->getString();
                if (OUString text; (v >>= text) && reads_as_number(text)) {
                    Reference<css::beans::XPropertySet> cell(sheet->getCellByPosition(vc, vr), UNO_QUERY_THROW);
                    sv.formats.emplace_back(cell, cell->getPropertyValue("NumberFormat"));
                }
                row.getArray()[c] = v;
            }
        }
        sv.values.push_back(block);
        out.cells_replaced += static_cast<std::size_t>(b.rows) * static_cast<std::size_t>(b.cols);
    }
    return sv;
}

// Puts the values in place of the formulas.
void freeze(const SheetValues& sv) {
    if (sv.blocks.empty())
        return;
    const Unprotected unprotected(sv.sheet);
    for (std::size_t i = 0; i < sv.blocks.size(); ++i) {
        const Block& b = sv.blocks[i];
        Reference<css::sheet::XCellRangeData>(
            sv.sheet->getCellRangeByPosition(b.col, b.row, b.col + b.cols - 1, b.row + b.rows - 1), UNO_QUERY_THROW)
            ->setDataArray(sv.values[i]);
    }
    for (const auto& [cell, format] : sv.formats)
        cell->setPropertyValue("NumberFormat", format);
}

// The stamp below the passport's items: where the contract puts it under the
// last item (found by its label), lower when the sheet's used rows reach
// there, on the rows of an earlier stamp when the form has one.
void stamp_passport(const Reference<css::sheet::XSpreadsheet>& passport, const Stamp& stamp) {
    const css::table::CellRangeAddress area = used_area(passport);
    const Rows labels = Reference<css::sheet::XCellRangeData>(
                            passport->getCellRangeByPosition(PassportLayout::kLabelColumn, 0,
                                                             PassportLayout::kLabelColumn, area.EndRow),
                            UNO_QUERY_THROW)
                            ->getDataArray();
    const std::string generator = PassportLayout::label_of(kPassportGenerator);
    sal_Int32 generator_row = -1, heading_row = -1;
    for (sal_Int32 r = 0; r < labels.getLength(); ++r) {
        OUString text;
        if (labels[r].getLength() == 0 || !(labels[r][0] >>= text))
            continue;
        const std::string label = trim(to_utf8(text));
        if (label == generator)
            generator_row = r;
        else if (label == PassportStamp::kHeading)
            heading_row = r;
    }
    PassportStamp block = PassportStamp::below(static_cast<int>(generator_row));
    if (heading_row >= 0)
        block = block.moved_to(static_cast<int>(heading_row));
    else if (generator_row < 0 || area.EndRow >= block.heading_row - 1)
        block = block.moved_to(std::max(block.heading_row, static_cast<int>(area.EndRow) + 2));

    const Unprotected unprotected(passport);
    // Formatted like the passport (the form's formats are the cells' own, not
    // named styles): the heading as the band of its column heads across both
    // columns, each item as its last item (fixed, read-only).
    const Reference<css::sheet::XCellRangeMovement> movement(passport, UNO_QUERY_THROW);
    const sal_Int16 tab =
        Reference<css::sheet::XCellRangeAddressable>(passport, UNO_QUERY_THROW)->getRangeAddress().Sheet;
    const auto copy_row = [&](sal_Int32 from, int to) {
        movement->copyRange(
            css::table::CellAddress(tab, PassportLayout::kLabelColumn, to),
            css::table::CellRangeAddress(tab, PassportLayout::kLabelColumn, from, PassportLayout::kValueColumn, from));
    };
    const auto put = [&](sal_Int32 col, int row, const std::string& text) {
        Reference<css::text::XText>(passport->getCellByPosition(col, row), UNO_QUERY_THROW)->setString(from_utf8(text));
    };
    copy_row(PassportLayout::kHeaderRow, block.heading_row);
    put(PassportLayout::kValueColumn, block.heading_row, "");
    put(PassportLayout::kLabelColumn, block.heading_row, PassportStamp::kHeading);
    Reference<css::util::XMergeable>(passport->getCellRangeByPosition(PassportLayout::kLabelColumn, block.heading_row,
                                                                      PassportLayout::kValueColumn, block.heading_row),
                                     UNO_QUERY_THROW)
        ->merge(true);
    for (const StampItem& item : block.items) {
        const std::string value = item.key == kStampPreparedAt         ? stamp.prepared_at_text
                                  : item.key == kStampExtensionVersion ? stamp.extension_version
                                  : item.key == kStampCatalogue        ? stamp.catalogue
                                                                       : stamp.check_summary;
        if (generator_row >= 0)
            copy_row(generator_row, item.row);
        put(PassportLayout::kLabelColumn, item.row, item.label);
        put(PassportLayout::kValueColumn, item.row, value);
    }
    // A printed copy shows the stamp too.
    Reference<css::sheet::XPrintAreas> print(passport, UNO_QUERY);
    if (print.is()) {
        Sequence<css::table::CellRangeAddress> areas = print->getPrintAreas();
        if (areas.getLength() == 1 && areas[0].StartRow <= block.heading_row && areas[0].EndRow < block.last_row()) {
            areas.getArray()[0].EndRow = block.last_row();
            areas.getArray()[0].EndColumn = std::max<sal_Int32>(areas[0].EndColumn, PassportLayout::kValueColumn);
            print->setPrintAreas(areas);
        }
    }
}

}  // namespace

FrozenCopies write_frozen_copies(const Reference<css::uno::XComponentContext>& context,
                                 const Reference<css::sheet::XSpreadsheetDocument>& doc, const Stamp& stamp,
                                 const std::filesystem::path& ods, const std::filesystem::path& xlsx) {
    using Clock = std::chrono::steady_clock;
    auto lap = Clock::now();
    const auto ms_of_lap = [&] {
        const auto now = Clock::now();
        const double ms = std::chrono::duration<double, std::milli>(now - lap).count();
        lap = now;
        return ms;
    };
    const OUString ods_url = file_url(ods), xlsx_url = file_url(xlsx);
    // The form as it is now, through a temporary file: storeToURL changes
    // neither the document's location, nor its modified flag, nor its undo stack.
    TempFile copy_file(".ods", "не удалось создать временный файл для копии формы");
    store(Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW), copy_file.url(), "calc8", "временную копию формы");

    const auto load = properties({{"Hidden", Any(true)},
                                  {"MacroExecutionMode", Any(css::document::MacroExecMode::NEVER_EXECUTE)},
                                  {"UpdateDocMode", Any(css::document::UpdateDocMode::NO_UPDATE)}});
    Reference<css::frame::XComponentLoader> loader(css::frame::Desktop::create(context), UNO_QUERY_THROW);
    Reference<css::lang::XComponent> component;
    try {
        component = loader->loadComponentFromURL(copy_file.url(), "_blank", 0, load);
    } catch (const css::uno::Exception& e) {
        log().error("frozen copy: loading the temporary copy failed: {}", to_utf8(e.Message));
    }
    Reference<css::sheet::XSpreadsheetDocument> copy(component, UNO_QUERY);
    if (!copy.is())
        throw UserError("не удалось открыть временную копию формы");
    const ClosedAtExit closed(component);

    FrozenCopies out;
    out.copy_ms = ms_of_lap();
    Reference<css::container::XIndexAccess> sheets(copy->getSheets(), UNO_QUERY_THROW);
    // Every value first, then every replacement: a formula whose result is an
    // error would show another error once a cell it reads is a text.
    std::vector<SheetValues> all;
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i)
        all.push_back(values_of(Reference<css::sheet::XSpreadsheet>(sheets->getByIndex(i), UNO_QUERY_THROW), out));
    for (const SheetValues& sv : all)
        freeze(sv);
    if (copy->getSheets()->hasByName(from_utf8(kPassportSheet)))
        stamp_passport(Reference<css::sheet::XSpreadsheet>(copy->getSheets()->getByName(from_utf8(kPassportSheet)),
                                                           UNO_QUERY_THROW),
                       stamp);

    out.replace_ms = ms_of_lap();

    const Reference<css::frame::XStorable> storable(copy, UNO_QUERY_THROW);
    store(storable, ods_url, "calc8", "файл «" + ods.string() + "»");
    out.ods_ms = ms_of_lap();
    store(storable, xlsx_url, "Calc MS Excel 2007 XML", "файл «" + xlsx.string() + "»");
    out.xlsx_ms = ms_of_lap();
    log().info(
        "frozen copy: {} МСОКО formulas ({} cells) replaced by values; copy {:.0f} ms, replacing {:.0f} ms, "
        ".ods {:.0f} ms, .xlsx {:.0f} ms",
        out.formulas_replaced, out.cells_replaced, out.copy_ms, out.replace_ms, out.ods_ms, out.xlsx_ms);
    return out;
}

}  // namespace msoko::uno
