// SPDX-License-Identifier: MPL-2.0
// Issue 13.6: the report sheet «Проверка» as a specialist works with it in
// real Calc, after the menu's check of the sample with deliberate mistakes:
// a frozen header with an autofilter, each level in its colour, fields named
// by their titles, shares rounded as the form shows them, links that look
// like links, completeness as percents, printed A4 landscape like the form.
#include "check_support.hxx"

#include <com/sun/star/awt/FontUnderline.hpp>
#include <com/sun/star/sheet/FilterOperator2.hpp>
#include <com/sun/star/sheet/TableFilterField2.hpp>
#include <com/sun/star/sheet/XDatabaseRange.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/sheet/XSheetFilterDescriptor2.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUnnamedDatabaseRanges.hpp>
#include <com/sun/star/sheet/XViewSplitable.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include <set>

using namespace msoko::test;

namespace {

using Props = Reference<css::beans::XPropertySet>;

class ReportSheet : public Samples {
protected:
    Reference<css::sheet::XSpreadsheetDocument> checked_sample() {
        const fs::path dir = fs::temp_directory_path() / ("msoko-report-sheet-" + std::to_string(getpid()));
        fs::create_directories(dir);
        const char* sample = "sample-district-mistakes.ods";
        fs::copy_file(fs::path(MSOKO_TEST_SAMPLES) / sample, dir / sample, fs::copy_options::overwrite_existing);
        docs_.push_back(office_->open(dir / sample, Office::Access::ReadWrite, /*with_view=*/true));
        recalc(docs_.back());
        rows_ = validation::validate(*office_, docs_.back());
        return docs_.back();
    }
    std::vector<validation::Row> rows_;
};

constexpr sal_Int32 kHeader = 3;  // row 4: the findings' header

sal_Int32 header_row(const Reference<css::sheet::XSpreadsheet>& s) {
    for (sal_Int32 r = 0; r < 50; ++r)
        if (text(s->getCellByPosition(0, r)) == "№")
            return r;
    return -1;
}

sal_Int32 sheet_index(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& name) {
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i)
        if (name_of(sheet_at(doc, i)) == name)
            return i;
    return -1;
}

template <class T>
T property(const Reference<css::uno::XInterface>& object, const char* name) {
    T value{};
    Reference<css::beans::XPropertySet>(object, UNO_QUERY_THROW)->getPropertyValue(OUString::createFromAscii(name)) >>=
        value;
    return value;
}

TEST_F(ReportSheet, HeaderIsFrozenAndFilteredOverEveryFinding) {
    auto doc = checked_sample();
    ASSERT_FALSE(rows_.empty());
    auto s = sheet(doc, "Проверка");
    ASSERT_EQ(header_row(s), kHeader) << "the findings' header comes right under the summary";
    const auto columns = validation::report_columns(s, kHeader);
    for (const char* head : {"№", "Уровень", "Лист", "Ячейка", "Организация", "Поле", "Код", "Значение", "Сообщение",
                             "Что проверено", "Правило"})
        EXPECT_EQ(columns.count(head), 1u) << head;
    // The view shows the report with its header frozen.
    Reference<css::frame::XController> controller =
        Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController();
    Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY_THROW);
    EXPECT_EQ(name_of(view->getActiveSheet()), "Проверка");
    Reference<css::sheet::XViewSplitable> split(controller, UNO_QUERY_THROW);
    EXPECT_TRUE(Reference<css::sheet::XViewFreezable>(controller, UNO_QUERY_THROW)->hasFrozenPanes());
    // XViewSplitable is deprecated, and still the only way to read where a view is frozen.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    EXPECT_EQ(split->getSplitRow(), kHeader + 1) << "the rows down to the header stay in view";
    EXPECT_EQ(split->getSplitColumn(), 0);
#pragma GCC diagnostic pop
    // The autofilter: the sheet's database range from the header over the last finding.
    auto check_filter = [&](const char* when) {
        Reference<css::sheet::XUnnamedDatabaseRanges> ranges(
            property<Reference<css::uno::XInterface>>(doc, "UnnamedDatabaseRanges"), UNO_QUERY_THROW);
        const sal_Int32 tab = sheet_index(doc, "Проверка");
        ASSERT_TRUE(ranges->hasByTable(tab)) << when;
        Reference<css::sheet::XDatabaseRange> range(ranges->getByTable(tab), UNO_QUERY_THROW);
        EXPECT_TRUE(property<bool>(range, "AutoFilter")) << when;
        const auto area = range->getDataArea();
        EXPECT_EQ(area.Sheet, tab) << when;
        EXPECT_EQ(area.StartRow, kHeader) << when;
        EXPECT_EQ(area.EndRow, kHeader + static_cast<sal_Int32>(rows_.size())) << when;
        EXPECT_EQ(area.StartColumn, 0) << when;
        EXPECT_EQ(area.EndColumn, columns.at("Правило")) << when;
    };
    check_filter("first check");
    // Printed with the header on every page.
    Reference<css::sheet::XPrintAreas> print(s, UNO_QUERY_THROW);
    EXPECT_TRUE(print->getPrintTitleRows());
    EXPECT_EQ(print->getTitleRows().StartRow, kHeader);
    // The user filters the findings down to the errors …
    {
        Reference<css::sheet::XUnnamedDatabaseRanges> ranges(
            property<Reference<css::uno::XInterface>>(doc, "UnnamedDatabaseRanges"), UNO_QUERY_THROW);
        Reference<css::sheet::XDatabaseRange> range(ranges->getByTable(sheet_index(doc, "Проверка")), UNO_QUERY_THROW);
        Reference<css::sheet::XSheetFilterDescriptor2> filter(range->getFilterDescriptor(), UNO_QUERY_THROW);
        css::sheet::TableFilterField2 only_errors;
        only_errors.Field = columns.at("Уровень");
        only_errors.Operator = css::sheet::FilterOperator2::EQUAL;
        only_errors.IsNumeric = false;
        only_errors.StringValue = ou("Ошибка");
        filter->setFilterFields2(Sequence<css::sheet::TableFilterField2>(&only_errors, 1));
        range->refresh();
        const auto last = s->getCellByPosition(0, kHeader + static_cast<sal_Int32>(rows_.size()));
        ASSERT_FALSE(property<bool>(
            Reference<css::uno::XInterface>(Reference<css::table::XColumnRowRange>(s, UNO_QUERY_THROW)
                                                ->getRows()
                                                ->getByIndex(kHeader + static_cast<sal_Int32>(rows_.size())),
                                            UNO_QUERY_THROW),
            "IsVisible"))
            << "the filter hides the last finding, a note; " << text(last);
    }
    // … and a second check replaces the report: one filter over its rows again, every row shown.
    rows_ = validation::validate(*office_, doc);
    check_filter("second check");
    auto row_rows = Reference<css::table::XColumnRowRange>(s, UNO_QUERY_THROW)->getRows();
    for (sal_Int32 r = kHeader; r <= kHeader + static_cast<sal_Int32>(rows_.size()) + 3; ++r)
        EXPECT_TRUE(
            property<bool>(Reference<css::uno::XInterface>(row_rows->getByIndex(r), UNO_QUERY_THROW), "IsVisible"))
            << "row " << r + 1 << " is hidden by the last report's filter";
    EXPECT_TRUE(Reference<css::sheet::XViewFreezable>(controller, UNO_QUERY_THROW)->hasFrozenPanes());
}

TEST_F(ReportSheet, LevelsHaveTheirColoursAndLinksLookLikeLinks) {
    auto doc = checked_sample();
    auto s = sheet(doc, "Проверка");
    const auto columns = validation::report_columns(s, kHeader);
    const sal_Int32 level = columns.at("Уровень"), link = columns.at("Ячейка");
    const std::map<std::string, sal_Int32> colours = {
        {"Ошибка", msoko::kErrorMarkBack}, {"Предупреждение", msoko::kWarningMarkBack}, {"Сведения", 0xDDEBF7}};
    std::set<std::string> seen;
    std::size_t links = 0;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const sal_Int32 r = kHeader + 1 + static_cast<sal_Int32>(i);
        const auto c = s->getCellByPosition(level, r);
        ASSERT_EQ(colours.count(text(c)), 1u) << text(c);
        EXPECT_EQ(property<sal_Int32>(c, "CellBackColor"), colours.at(text(c))) << "row " << r + 1;
        EXPECT_NE(property<sal_Int32>(c, "CharColor"), property<sal_Int32>(c, "CellBackColor"));
        seen.insert(text(c));
        const auto to = s->getCellByPosition(link, r);
        if (rows_[i].cell.empty())
            continue;
        ++links;
        EXPECT_EQ(u8(to->getFormula()).rfind("=HYPERLINK(", 0), 0u) << u8(to->getFormula());
        EXPECT_EQ(text(to), rows_[i].cell);
        EXPECT_EQ(property<sal_Int32>(to, "CharColor"), 0x000080) << "the colour of Calc's «Internet Link»";
        EXPECT_EQ(property<sal_Int16>(to, "CharUnderline"), css::awt::FontUnderline::SINGLE);
    }
    EXPECT_EQ(seen.size(), 3u) << "the sample has errors, warnings and notes";
    EXPECT_GT(links, 10u);
    // «Предупреждение» is not cut off: the level's column is wider than the word needs.
    auto width = [&](sal_Int32 c) {
        return property<sal_Int32>(
            Reference<css::uno::XInterface>(
                Reference<css::table::XColumnRowRange>(s, UNO_QUERY_THROW)->getColumns()->getByIndex(c),
                UNO_QUERY_THROW),
            "Width");
    };
    {
        // The width the word needs, as Calc measures it in the same font.
        Reference<css::sheet::XSpreadsheets> sheets = doc->getSheets();
        sheets->insertNewByName(ou("мерка"), 0);
        auto scratch = sheet(doc, "мерка");
        scratch->getCellByPosition(0, 0)->setFormula(ou("Предупреждение"));
        Props(Reference<css::table::XColumnRowRange>(scratch, UNO_QUERY_THROW)->getColumns()->getByIndex(0),
              UNO_QUERY_THROW)
            ->setPropertyValue("OptimalWidth", css::uno::Any(true));
        const sal_Int32 needed = property<sal_Int32>(
            Reference<css::uno::XInterface>(
                Reference<css::table::XColumnRowRange>(scratch, UNO_QUERY_THROW)->getColumns()->getByIndex(0),
                UNO_QUERY_THROW),
            "Width");
        sheets->removeByName(ou("мерка"));
        EXPECT_GT(needed, 1000);
        EXPECT_GE(width(level), needed) << "«Предупреждение» needs " << needed;
    }
    EXPECT_TRUE(property<bool>(s->getCellByPosition(columns.at("Сообщение"), kHeader + 1), "IsTextWrapped"));
    // The header on grey, bold.
    EXPECT_EQ(property<sal_Int32>(s->getCellByPosition(0, kHeader), "CellBackColor"), 0xD9D9D9);
    EXPECT_GT(property<float>(s->getCellByPosition(level, kHeader), "CharWeight"), 100.0f);
}

TEST_F(ReportSheet, FieldsAreNamedByTitleAndSharesRoundedAsInTheForm) {
    auto doc = checked_sample();
    const auto talents = std::find_if(rows_.begin(), rows_.end(), [](const validation::Row& r) {
        return r.field == "tal_teachers_courses" && r.rule == "type.count";
    });
    ASSERT_NE(talents, rows_.end());
    EXPECT_EQ(talents->field_title.rfind("Число педагогических работников ОО, прошедших курсовую подготовку", 0), 0u)
        << talents->field_title;
    EXPECT_EQ(talents->value, "12 чел.") << "a typed value as the user typed it";
    EXPECT_NE(talents->checked.find("Поле-количество"), std::string::npos) << talents->checked;
    for (const auto& r : rows_) {
        EXPECT_NE(r.field_title.find('_'), 0u);
        if (!r.field.empty() && r.field.find('_') != std::string::npos && r.rule.rfind("structure.", 0) != 0) {
            EXPECT_NE(r.field_title, r.field) << "the «Поле» column names " << r.field << " by its title";
        }
        EXPECT_FALSE(r.checked.empty()) << r.rule << ": what was checked, in plain words";
        EXPECT_EQ(r.checked.find("plausibility."), std::string::npos);
    }
    // The sample's jump of 5.1.4.8 (its 5.1.3.2 jumps too, after a municipal figure below the schools' sum).
    const auto dynamics = std::find_if(rows_.begin(), rows_.end(), [](const validation::Row& r) {
        return r.rule == "plausibility.dynamics" && r.field == "5.1.4.8";
    });
    ASSERT_NE(dynamics, rows_.end());
    const auto comma = dynamics->value.find(',');
    ASSERT_NE(comma, std::string::npos) << dynamics->value;
    EXPECT_EQ(dynamics->value.size() - comma - 1, 1u) << dynamics->value << ": one decimal, as «Показатели» shows it";
    // The same as the form's cell shows it.
    auto indicators = sheet(doc, "Показатели");
    // (The test office's locale writes a decimal point where the report, in Russian, has a comma.)
    std::string cell_shown = text(cell(indicators, dynamics->cell.c_str()));
    std::replace(cell_shown.begin(), cell_shown.end(), '.', ',');
    EXPECT_EQ(cell_shown, dynamics->value) << "the form shows " << cell_shown;
}

TEST_F(ReportSheet, CompletenessIsInPercentsAndThePagesAreA4Landscape) {
    auto doc = checked_sample();
    auto s = sheet(doc, "Проверка");
    // The completeness under the findings: after its title, the header «Лист … %», then one row per direction.
    sal_Int32 title = -1;
    for (sal_Int32 r = kHeader + 1; r < 400 && title < 0; ++r)
        if (text(s->getCellByPosition(0, r)) == "Заполненность обязательных полей по направлениям")
            title = r;
    ASSERT_GT(title, kHeader + static_cast<sal_Int32>(rows_.size()));
    EXPECT_EQ(u8(s->getCellByPosition(0, 2)->getFormula()).rfind("=HYPERLINK(", 0), 0u)
        << "a link from the top of the sheet to the completeness";
    sal_Int32 percent_col = -1;
    for (sal_Int32 c = 0; c < 10; ++c)
        if (text(s->getCellByPosition(c, title + 1)) == "%")
            percent_col = c;
    ASSERT_GE(percent_col, 0);
    Reference<css::util::XNumberFormats> formats =
        Reference<css::util::XNumberFormatsSupplier>(doc, UNO_QUERY_THROW)->getNumberFormats();
    int directions = 0;
    for (sal_Int32 r = title + 2; !text(s->getCellByPosition(percent_col - 3, r)).empty(); ++r, ++directions) {
        const auto c = s->getCellByPosition(percent_col, r);
        EXPECT_EQ(c->getType(), css::table::CellContentType_VALUE) << "row " << r + 1;
        EXPECT_GE(c->getValue(), 0.0);
        EXPECT_LE(c->getValue(), 1.0);
        const auto type = property<sal_Int16>(formats->getByKey(property<sal_Int32>(c, "NumberFormat")), "Type");
        EXPECT_TRUE(type & css::util::NumberFormat::PERCENT) << "row " << r + 1;
        EXPECT_EQ(text(c).back(), '%') << text(c);
        EXPECT_EQ(s->getCellByPosition(percent_col - 2, r)->getType(), css::table::CellContentType_VALUE)
            << "the number of fields is a number";
    }
    EXPECT_GE(directions, 10) << "the directions with required fields";
    // A4 landscape, one page wide, as the form's sheets print.
    const OUString style = property<OUString>(s, "PageStyle");
    EXPECT_EQ(style, property<OUString>(sheet(doc, "5.1.1 Подготовка обучающихся"), "PageStyle"));
    Reference<css::container::XNameAccess> pages(Reference<css::style::XStyleFamiliesSupplier>(doc, UNO_QUERY_THROW)
                                                     ->getStyleFamilies()
                                                     ->getByName("PageStyles"),
                                                 UNO_QUERY_THROW);
    Reference<css::uno::XInterface> page(pages->getByName(style), UNO_QUERY_THROW);
    EXPECT_TRUE(property<bool>(page, "IsLandscape"));
    EXPECT_GT(property<sal_Int32>(page, "Width"), property<sal_Int32>(page, "Height"));
    EXPECT_NEAR(property<sal_Int32>(page, "Width"), 29700, 10);
    EXPECT_EQ(property<sal_Int16>(page, "ScaleToPagesX"), 1);
}

}  // namespace
