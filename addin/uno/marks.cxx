// SPDX-License-Identifier: MPL-2.0
#include "marks.hxx"

#include "documents.hxx"
#include "guard.hxx"
#include "msoko/form.hpp"
#include "report.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/UnknownPropertyException.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XConditionalFormat.hpp>
#include <com/sun/star/sheet/XConditionalFormats.hpp>
#include <com/sun/star/sheet/XSheetCellRangeContainer.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntry.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <map>
#include <utility>

namespace msoko::uno {

using css::table::CellRangeAddress;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

bool ours(const OUString& style) {
    return style.startsWith(from_utf8(kMarkStylePrefix));
}

Reference<css::container::XNameContainer> cell_styles(const Reference<css::uno::XInterface>& document) {
    auto families = Reference<css::style::XStyleFamiliesSupplier>(document, UNO_QUERY_THROW)->getStyleFamilies();
    return Reference<css::container::XNameContainer>(families->getByName("CellStyles"), UNO_QUERY_THROW);
}

// The two styles of the marks; forms made by the extension carry them. Calc
// refuses to change a cell style while any sheet is protected: password-less
// protection is lifted for the moment. Returns the name of a sheet protected
// with a password that kept the styles from being made, or "" when they exist.
std::string ensure_styles(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    const auto styles = cell_styles(document);
    const std::pair<const char*, std::pair<sal_Int32, sal_Int32>> wanted[] = {
        {kErrorMarkStyle, {kErrorMarkBack, kErrorMarkText}}, {kWarningMarkStyle, {kWarningMarkBack, kWarningMarkText}}};
    if (styles->hasByName(from_utf8(kErrorMarkStyle)) && styles->hasByName(from_utf8(kWarningMarkStyle)))
        return {};
    Reference<css::container::XIndexAccess> all(document->getSheets(), UNO_QUERY_THROW);
    std::vector<Reference<css::util::XProtectable>> lifted;
    const auto restore = [&] {
        for (auto& p : lifted)
            p->protect(OUString());
    };
    try {
        for (sal_Int32 i = 0; i < all->getCount(); ++i) {
            Reference<css::util::XProtectable> p(all->getByIndex(i), UNO_QUERY_THROW);
            if (!p->isProtected())
                continue;
            try {
                p->unprotect(OUString());
            } catch (const css::uno::Exception&) {
                restore();
                return to_utf8(Reference<css::container::XNamed>(p, UNO_QUERY_THROW)->getName());
            }
            lifted.push_back(p);
        }
        for (const auto& [name, colours] : wanted) {
            if (styles->hasByName(from_utf8(name)))
                continue;
            styles->insertByName(from_utf8(name),
                                 Any(Reference<css::lang::XMultiServiceFactory>(document, UNO_QUERY_THROW)
                                         ->createInstance("com.sun.star.style.CellStyle")));
            Reference<css::beans::XPropertySet> style(styles->getByName(from_utf8(name)), UNO_QUERY_THROW);
            style->setPropertyValue("CellBackColor", Any(colours.first));
            style->setPropertyValue("CharColor", Any(colours.second));
        }
    } catch (...) {
        restore();
        throw;
    }
    restore();
    return {};
}

// Every conditional format of a sheet: its ranges, and whether its entries
// are all the check's.
struct SheetFormat {
    Reference<css::sheet::XSheetCellRanges> ranges;
    bool only_ours = true, any_ours = false;
};

std::vector<SheetFormat> formats_of(const Reference<css::sheet::XSpreadsheet>& sheet) {
    std::vector<SheetFormat> out;
    Reference<css::sheet::XConditionalFormats> formats(
        Reference<css::beans::XPropertySet>(sheet, UNO_QUERY_THROW)->getPropertyValue("ConditionalFormats"),
        UNO_QUERY_THROW);
    for (const auto& format : formats->getConditionalFormats()) {
        SheetFormat f;
        Reference<css::beans::XPropertySet>(format, UNO_QUERY_THROW)->getPropertyValue("Range") >>= f.ranges;
        Reference<css::container::XIndexAccess> entries(format, UNO_QUERY_THROW);
        for (sal_Int32 i = 0; i < entries->getCount(); ++i) {
            OUString style;
            try {  // colour scales and data bars have no style
                Reference<css::beans::XPropertySet>(entries->getByIndex(i), UNO_QUERY_THROW)
                    ->getPropertyValue("StyleName") >>= style;
            } catch (const css::beans::UnknownPropertyException&) {
            }
            const bool mine = ours(style);
            f.any_ours = f.any_ours || mine;
            f.only_ours = f.only_ours && mine;
        }
        if (f.ranges.is())
            out.push_back(f);
    }
    return out;
}

bool inside(const std::vector<CellRangeAddress>& ranges, sal_Int32 row, sal_Int32 col) {
    for (const auto& a : ranges)
        if (row >= a.StartRow && row <= a.EndRow && col >= a.StartColumn && col <= a.EndColumn)
            return true;
    return false;
}

Sequence<css::beans::PropertyValue> mark_condition(const char* style) {
    return properties({{"Operator", Any(css::sheet::ConditionOperator_FORMULA)},
                       {"Formula1", Any(OUString("1"))},
                       {"StyleName", Any(from_utf8(style))}});
}

// Removes the check's entries from the conditional format of a cell or range
// (keeping the others); true when it had any.
bool unmark(const Reference<css::beans::XPropertySet>& range) {
    Reference<css::sheet::XSheetConditionalEntries> entries(range->getPropertyValue("ConditionalFormat"),
                                                            UNO_QUERY_THROW);
    bool had = false;
    for (sal_Int32 e = entries->getCount() - 1; e >= 0; --e) {
        Reference<css::sheet::XSheetConditionalEntry> entry(entries->getByIndex(e), UNO_QUERY_THROW);
        if (ours(entry->getStyleName())) {
            entries->removeByIndex(e);
            had = true;
        }
    }
    if (had)
        range->setPropertyValue("ConditionalFormat", Any(entries));
    return had;
}

// Runs `body` on a sheet with its password-less protection lifted, and puts it
// back; false (nothing run) when the sheet is protected with a password.
template <class Body>
bool unprotected(const Reference<css::sheet::XSpreadsheet>& sheet, Body body) {
    Reference<css::util::XProtectable> protectable(sheet, UNO_QUERY_THROW);
    const bool was = protectable->isProtected();
    if (was) {
        try {
            protectable->unprotect(OUString());
        } catch (const css::uno::Exception&) {
            return false;  // a password
        }
    }
    try {
        body();
    } catch (...) {
        if (was)
            protectable->protect(OUString());
        throw;
    }
    if (was)
        protectable->protect(OUString());
    return true;
}

}  // namespace

std::vector<Unmarked> mark_cells(const Reference<css::sheet::XSpreadsheetDocument>& document,
                                 const ValidationReport& report) {
    // Per sheet, each cell once, at the level of its worst finding.
    std::map<std::string, std::map<std::pair<sal_Int32, sal_Int32>, Severity>> by_sheet;
    for (const auto& f : report.findings) {
        if (f.row < 0 || f.col < 0 || f.severity == Severity::Info)
            continue;
        auto [it, fresh] = by_sheet[f.sheet].emplace(std::make_pair(f.row, f.col), f.severity);
        if (!fresh && f.severity == Severity::Error)
            it->second = Severity::Error;
    }
    std::vector<Unmarked> unmarked;
    if (by_sheet.empty())
        return unmarked;
    if (const std::string blocking = ensure_styles(document); !blocking.empty()) {
        log().info("no marks: a sheet protected with a password keeps the styles from being made");
        for (const auto& [name, cells] : by_sheet)
            unmarked.push_back({name, cells.size(), blocking});
        return unmarked;
    }
    auto sheets = document->getSheets();
    Reference<css::lang::XMultiServiceFactory> factory(document, UNO_QUERY_THROW);
    for (const auto& [name, cells] : by_sheet) {
        if (!sheets->hasByName(from_utf8(name)))
            continue;
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByName(from_utf8(name)), UNO_QUERY_THROW);
        const sal_Int16 index =
            Reference<css::sheet::XCellRangeAddressable>(sheet, UNO_QUERY_THROW)->getRangeAddress().Sheet;
        const bool done = unprotected(sheet, [&] {
            // A cell under a conditional format of the user's gets the mark
            // added to its own entries (setting a format on a range replaces
            // the formats of its cells); every other cell is marked in bulk,
            // one format per level: a format set cell by cell costs the office
            // a copy of the whole list each time.
            std::vector<CellRangeAddress> users;
            for (const auto& f : formats_of(sheet))
                if (!f.only_ours)
                    for (const auto& a : f.ranges->getRangeAddresses())
                        users.push_back(a);
            std::vector<CellRangeAddress> bulk[2];  // errors, warnings
            for (const auto& [place, severity] : cells) {
                const auto [row, col] = place;
                const char* style = severity == Severity::Error ? kErrorMarkStyle : kWarningMarkStyle;
                if (inside(users, row, col)) {
                    Reference<css::beans::XPropertySet> cell(sheet->getCellByPosition(col, row), UNO_QUERY_THROW);
                    Reference<css::sheet::XSheetConditionalEntries> entries(cell->getPropertyValue("ConditionalFormat"),
                                                                            UNO_QUERY_THROW);
                    entries->addNew(mark_condition(style));
                    cell->setPropertyValue("ConditionalFormat", Any(entries));
                    continue;
                }
                CellRangeAddress a;
                a.Sheet = index;
                a.StartColumn = a.EndColumn = col;
                a.StartRow = a.EndRow = row;
                bulk[severity == Severity::Error ? 0 : 1].push_back(a);
            }
            for (int level = 0; level < 2; ++level) {
                if (bulk[level].empty())
                    continue;
                Reference<css::sheet::XSheetCellRangeContainer> ranges(
                    factory->createInstance("com.sun.star.sheet.SheetCellRanges"), UNO_QUERY_THROW);
                ranges->addRangeAddresses(
                    Sequence<CellRangeAddress>(bulk[level].data(), static_cast<sal_Int32>(bulk[level].size())), true);
                Reference<css::beans::XPropertySet> props(ranges, UNO_QUERY_THROW);
                Reference<css::sheet::XSheetConditionalEntries> entries(props->getPropertyValue("ConditionalFormat"),
                                                                        UNO_QUERY_THROW);
                entries->clear();
                entries->addNew(mark_condition(level == 0 ? kErrorMarkStyle : kWarningMarkStyle));
                props->setPropertyValue("ConditionalFormat", Any(entries));
            }
        });
        if (!done) {
            log().info("cells of a sheet not marked: it is protected with a password");
            unmarked.push_back({name, cells.size(), name});
        }
    }
    return unmarked;
}

std::size_t clear_marks(const Reference<css::sheet::XSpreadsheetDocument>& document, bool remove_report) {
    std::size_t cleared = 0;
    const auto styles = cell_styles(document);
    OUString report_name;
    const auto report = find_report_sheet(document, &report_name);
    if (!report.is() && !styles->hasByName(from_utf8(kErrorMarkStyle)) &&
        !styles->hasByName(from_utf8(kWarningMarkStyle)))
        return 0;  // never checked: nothing to look for
    Reference<css::container::XIndexAccess> all(document->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < all->getCount(); ++i) {
        Reference<css::sheet::XSpreadsheet> sheet(all->getByIndex(i), UNO_QUERY_THROW);
        if (report.is() && Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName() == report_name)
            continue;
        std::vector<SheetFormat> marked;
        for (auto& f : formats_of(sheet))
            if (f.any_ours)
                marked.push_back(f);
        if (marked.empty())
            continue;
        const bool done = unprotected(sheet, [&] {
            for (const auto& f : marked) {
                if (f.only_ours) {
                    // The check's own format: removed from all its cells at once.
                    Reference<css::beans::XPropertySet> ranges(f.ranges, UNO_QUERY_THROW);
                    Reference<css::sheet::XSheetConditionalEntries> none(ranges->getPropertyValue("ConditionalFormat"),
                                                                         UNO_QUERY_THROW);
                    none->clear();
                    ranges->setPropertyValue("ConditionalFormat", Any(none));
                    ++cleared;
                    continue;
                }
                // A format of the user's with a mark added: cell by cell, the user's entries kept.
                for (const auto& a : f.ranges->getRangeAddresses())
                    for (sal_Int32 r = a.StartRow; r <= a.EndRow; ++r)
                        for (sal_Int32 c = a.StartColumn; c <= a.EndColumn; ++c)
                            unmark(
                                Reference<css::beans::XPropertySet>(sheet->getCellByPosition(c, r), UNO_QUERY_THROW));
                ++cleared;
            }
        });
        if (!done)
            log().info("marks of a sheet not cleared: it is protected with a password");
    }
    if (remove_report && report.is())
        document->getSheets()->removeByName(report_name);
    return cleared;
}

}  // namespace msoko::uno
