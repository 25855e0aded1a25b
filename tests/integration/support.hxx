// SPDX-License-Identifier: MPL-2.0
#pragma once
// What every integration suite shares: the built .oxt installed into a
// throwaway profile of a real headless LibreOffice (one office per suite),
// and small readers of the workbooks it loads.

#include "msoko/engine.hpp"
#include "msoko/form.hpp"
#include "office/office.hxx"
#include "utf8.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/deployment/ExtensionManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/FunctionArgument.hpp>
#include <com/sun/star/sheet/ValidationType.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntry.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/CellProtection.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>

#include <signal.h>
#include <unistd.h>

namespace msoko::test {

namespace fs = std::filesystem;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using msoko::office::Office;
using rtl::OUString;

inline std::string u8(const OUString& s) {
    return msoko::uno::to_utf8(s);
}
inline OUString ou(const std::string& s) {
    return msoko::uno::from_utf8(s);
}

// Calc's error codes as ORG.OPENOFFICE.ERRORTYPE and XCell::getError report them.
inline constexpr sal_Int32 kErr502 = 502;          // invalid argument: what our functions raise
inline constexpr sal_Int32 kNotAvailable = 32767;  // #N/A
inline constexpr sal_Int32 kNoName = 525;          // #NAME?: the function is unknown

inline const fs::path kOxt = MSOKO_TEST_OXT;
inline const fs::path kFixtures = MSOKO_TEST_FIXTURES;

inline Reference<css::sheet::XSpreadsheet> sheet(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                                 const char* name) {
    return Reference<css::sheet::XSpreadsheet>(doc->getSheets()->getByName(ou(name)), UNO_QUERY_THROW);
}

inline Reference<css::table::XCell> cell(const Reference<css::sheet::XSpreadsheet>& s, const char* a1) {
    return Reference<css::table::XCell>(s->getCellRangeByName(OUString::createFromAscii(a1))->getCellByPosition(0, 0),
                                        UNO_QUERY_THROW);
}

inline std::string text(const Reference<css::table::XCell>& c) {
    return u8(Reference<css::text::XText>(c, UNO_QUERY_THROW)->getString());
}

inline void recalc(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
}

inline Reference<css::sheet::XSpreadsheet> sheet_at(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                                    sal_Int32 i) {
    return Reference<css::sheet::XSpreadsheet>(
        Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getByIndex(i), UNO_QUERY_THROW);
}

inline std::string name_of(const Reference<css::sheet::XSpreadsheet>& s) {
    return u8(Reference<css::container::XNamed>(s, UNO_QUERY_THROW)->getName());
}

// The formulas (or constants) of a sheet's used area, as one text.
inline std::string contents(const Reference<css::sheet::XSpreadsheet>& s) {
    auto cursor = s->createCursor();
    Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    const auto end = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
    auto all = s->getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow);
    const auto formulas = Reference<css::sheet::XCellRangeFormula>(all, UNO_QUERY_THROW)->getFormulaArray();
    std::string out;
    for (const auto& row : formulas) {
        for (const auto& f : row)
            out += u8(f) + "\t";
        out += "\n";
    }
    return out;
}

// Properties of one function as the Function Wizard gets them.
struct Description {
    std::string name, description;
    sal_Int32 category = -1;
    std::vector<std::pair<std::string, std::string>> arguments;  // name, description
};

inline std::optional<Description> describe(const Office& office, const std::string& display_name) {
    auto factory = office.context()->getServiceManager();
    Reference<css::container::XIndexAccess> all(
        factory->createInstanceWithContext("com.sun.star.sheet.FunctionDescriptions", office.context()),
        UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < all->getCount(); ++i) {
        Sequence<css::beans::PropertyValue> props;
        all->getByIndex(i) >>= props;
        Description d;
        for (const auto& p : props) {
            if (p.Name == "Name") {
                OUString v;
                p.Value >>= v;
                d.name = u8(v);
            } else if (p.Name == "Description") {
                OUString v;
                p.Value >>= v;
                d.description = u8(v);
            } else if (p.Name == "Category") {
                p.Value >>= d.category;
            } else if (p.Name == "Arguments") {
                Sequence<css::sheet::FunctionArgument> args;
                p.Value >>= args;  // empty for a function without arguments
                for (const auto& a : args)
                    d.arguments.emplace_back(u8(a.Name), u8(a.Description));
            }
        }
        if (d.name == display_name)
            return d;
    }
    return std::nullopt;
}

// Every MSOKO function, its description and each argument have texts.
inline void expect_complete_wizard(const Office& office,
                                   const std::vector<std::pair<const char*, std::size_t>>& functions) {
    for (const auto& [name, arguments] : functions) {
        const auto d = describe(office, name);
        ASSERT_TRUE(d) << name << " is missing from the Function Wizard";
        EXPECT_GT(d->description.size(), 20u) << name;
        ASSERT_EQ(d->arguments.size(), arguments) << name;
        for (const auto& [arg, text] : d->arguments) {
            EXPECT_FALSE(arg.empty()) << name;
            EXPECT_GT(text.size(), 10u) << name << " " << arg;
        }
    }
}

/// One office for all the tests of a suite: a suite's SetUpTestSuite()
/// calls start() with its options; every test closes what it opened.
class OfficeSuite : public ::testing::Test {
protected:
    static void start(msoko::office::Options options) {
        options.extension = kOxt;
        options.keep_profile = options.keep_profile || std::getenv("MSOKO_KEEP_PROFILE") != nullptr;
        office_ = std::make_unique<Office>(options);
    }
    static void TearDownTestSuite() { office_.reset(); }
    void SetUp() override { ASSERT_TRUE(office_) << "the office did not start"; }
    void TearDown() override {
        for (auto& d : docs_)
            Office::close(d);
        docs_.clear();
    }
    /// A bundled sample, read-only and hidden, recalculated.
    Reference<css::sheet::XSpreadsheetDocument> open(const char* name) {
        docs_.push_back(office_->open(fs::path(MSOKO_TEST_SAMPLES) / name, Office::Access::ReadOnly));
        recalc(docs_.back());
        return docs_.back();
    }

    static inline std::unique_ptr<Office> office_;
    std::vector<Reference<css::sheet::XSpreadsheetDocument>> docs_;  ///< closed after each test
};

/// Dispatch arguments from a list (the SDK's Sequence has no list constructor here).
inline css::uno::Sequence<css::beans::PropertyValue> arguments(const std::vector<css::beans::PropertyValue>& list) {
    return css::uno::Sequence<css::beans::PropertyValue>(list.data(), static_cast<sal_Int32>(list.size()));
}

/// The samples in the default (English) UI.
class Samples : public OfficeSuite {
protected:
    static void SetUpTestSuite() { start({}); }
};

}  // namespace msoko::test
