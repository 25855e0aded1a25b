// SPDX-License-Identifier: MPL-2.0
// Issue 15: the explanations a specialist types into the report's
// «Пояснение» for the warnings outlive the next check, in real Calc — also
// when the findings above them change and their rows move.
#include "check_support.hxx"

#include "msoko/catalogue.hpp"
#include "msoko/form_layout.hpp"

using namespace msoko::test;

namespace {

class Explanations : public Samples {
protected:
    Reference<css::sheet::XSpreadsheetDocument> mistakes() {
        const fs::path dir = fs::temp_directory_path() / ("msoko-explanations-" + std::to_string(getpid()));
        fs::create_directories(dir);
        const char* sample = "sample-district-mistakes.ods";
        fs::copy_file(fs::path(MSOKO_TEST_SAMPLES) / sample, dir / sample, fs::copy_options::overwrite_existing);
        docs_.push_back(office_->open(dir / sample, Office::Access::ReadWrite, /*with_view=*/true));
        recalc(docs_.back());
        return docs_.back();
    }
};

sal_Int32 column_of(const Reference<css::sheet::XSpreadsheet>& report, const char* head) {
    const auto columns = validation::report_columns(report, 3);
    const auto c = columns.find(head);
    return c == columns.end() ? -1 : c->second;
}

const validation::Row* find(const std::vector<validation::Row>& rows, const validation::Row& like) {
    for (const auto& r : rows)
        if (r.rule == like.rule && r.sheet == like.sheet && r.organisation == like.organisation &&
            r.field == like.field && r.message == like.message)
            return &r;
    return nullptr;
}

TEST_F(Explanations, OutliveTheNextCheckAndFollowTheirFindings) {
    auto doc = mistakes();
    const auto first = validation::validate(*office_, doc);
    std::vector<const validation::Row*> warnings;
    for (const auto& r : first)
        if (r.severity == "Предупреждение")
            warnings.push_back(&r);
    ASSERT_GE(warnings.size(), 2u);
    auto report = sheet(doc, "Проверка");
    const sal_Int32 column = column_of(report, "Пояснение");
    ASSERT_GE(column, 0) << "the report has no column «Пояснение»";
    for (const auto& r : first)
        EXPECT_EQ(r.explanation, "") << "a first check has nothing explained";
    // The user explains two warnings: a text, and a number typed as such.
    report->getCellByPosition(column, warnings[0]->report_row)->setFormula(ou("Открыт новый корпус школы"));
    report->getCellByPosition(column, warnings[1]->report_row)->setFormula(ou("12"));

    // One more error (the responsible person's name cleared) comes before
    // every warning: their rows move down.
    const msoko::Catalogue catalogue = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
    const int responsible = msoko::form_layout(catalogue, {}).passport.row("responsible");
    ASSERT_GE(responsible, 0);
    sheet(doc, "Паспорт")->getCellByPosition(msoko::PassportLayout::kValueColumn, responsible)->setFormula(ou(""));
    const auto second = validation::validate(*office_, doc);
    EXPECT_GT(validation::count(second, "Ошибка"), validation::count(first, "Ошибка"));
    const validation::Row* a = find(second, *warnings[0]);
    const validation::Row* b = find(second, *warnings[1]);
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_GT(a->report_row, warnings[0]->report_row) << "the warning's row moved";
    EXPECT_EQ(a->explanation, "Открыт новый корпус школы");
    EXPECT_EQ(b->explanation, "12");
    // No other finding took them.
    std::size_t explained = 0;
    for (const auto& r : second)
        explained += !r.explanation.empty();
    EXPECT_EQ(explained, 2u);
    // And a third check keeps them again (the report wrote them itself this time).
    const auto third = validation::validate(*office_, doc);
    const validation::Row* again = find(third, *warnings[0]);
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(again->explanation, "Открыт новый корпус школы");
    // The explanation's cell is for typing: the colour of the form's input cells.
    sal_Int32 back = 0;
    Reference<css::beans::XPropertySet>(sheet(doc, "Проверка")->getCellByPosition(column, again->report_row),
                                        UNO_QUERY_THROW)
        ->getPropertyValue("CellBackColor") >>= back;
    EXPECT_EQ(back, msoko::kInputCellColour);
}

}  // namespace
