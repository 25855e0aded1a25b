// SPDX-License-Identifier: MPL-2.0
#include "explanations.hxx"

#include "convert.hxx"
#include "msoko/text.hpp"
#include "report.hxx"
#include "report_layout.hxx"
#include "utf8.hxx"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>

namespace msoko::uno {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
using namespace report_layout;

std::vector<Explanation> read_explanations(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    std::vector<Explanation> out;
    const Reference<css::sheet::XSpreadsheet> sheet = find_report_sheet(document);
    if (!sheet.is() || report_layout_of(sheet) != ReportLayout::Current)
        return out;
    Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursor();
    Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    const sal_Int32 last =
        Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress().EndRow;
    if (last <= kHeaderRow)
        return out;
    // The values, not the formulas: a text the report wrote as a formula
    // giving it (a sheet name that begins with a digit) reads as that text.
    const auto rows = Reference<css::sheet::XCellRangeData>(
                          sheet->getCellRangeByPosition(0, kHeaderRow + 1, kWidth - 1, last), UNO_QUERY_THROW)
                          ->getDataArray();
    for (const auto& row : rows) {
        const auto at = [&](sal_Int32 column) {
            OUString text;
            double number = 0;
            if (row[column] >>= text)
                return to_utf8(text);
            if (row[column] >>= number)  // a number typed as the explanation
                return format_number(number);
            return std::string();
        };
        Explanation e{at(kKeyKind), at(kKeySheet), at(kKeyCell), at(kKeyOrganisation), at(kKeyField), at(kExplanation)};
        // The rows under the findings (the completeness) have no key.
        if (e.kind.empty())
            continue;
        out.push_back(std::move(e));
    }
    return out;
}

namespace {

Reference<css::beans::XPropertyContainer> user_properties(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    return Reference<css::document::XDocumentPropertiesSupplier>(document, UNO_QUERY_THROW)
        ->getDocumentProperties()
        ->getUserDefinedProperties();
}

}  // namespace

std::vector<Explanation> kept_explanations(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    Reference<css::beans::XPropertySet> properties(user_properties(document), UNO_QUERY_THROW);
    const OUString name = OUString::createFromAscii(kExplanationsProperty);
    if (!properties->getPropertySetInfo()->hasPropertyByName(name))
        return {};
    OUString json;
    properties->getPropertyValue(name) >>= json;
    return parse_explanations(to_utf8(json));
}

void keep_explanations(const Reference<css::sheet::XSpreadsheetDocument>& document,
                       const std::vector<Explanation>& explanations) {
    const Reference<css::beans::XPropertyContainer> container = user_properties(document);
    Reference<css::beans::XPropertySet> properties(container, UNO_QUERY_THROW);
    const OUString name = OUString::createFromAscii(kExplanationsProperty);
    const bool has = properties->getPropertySetInfo()->hasPropertyByName(name);
    if (explanations.empty() && !has)
        return;
    const css::uno::Any value(from_utf8(explanations_json(explanations)));
    if (has)
        properties->setPropertyValue(name, value);
    else
        container->addProperty(name, css::beans::PropertyAttribute::REMOVABLE, value);
}

}  // namespace msoko::uno
