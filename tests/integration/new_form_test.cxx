// SPDX-License-Identifier: MPL-2.0
// «Создать форму сбора данных…» (issue 13, defect 9): the dialog's controls
// as the user meets them, and a form made from last year's form — its
// register and its municipal values as this year's «значение прошлого года».
#include "new_form_dialog.hxx"
#include "support.hxx"

#include "msoko/form_layout.hpp"

#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>

using namespace msoko::test;

namespace {

class NewForm : public OfficeSuite {
protected:
    static void SetUpTestSuite() { start({}); }
    static const msoko::Catalogue& catalogue() {
        static const msoko::Catalogue c = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
        return c;
    }
};

css::beans::PropertyValue arg(const char* name, css::uno::Any value) {
    css::beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = std::move(value);
    return p;
}

std::string label_of(const Reference<css::container::XNameContainer>& controls, const char* name) {
    OUString label;
    Reference<css::beans::XPropertySet>(controls->getByName(OUString::createFromAscii(name)), UNO_QUERY_THROW)
        ->getPropertyValue("Label") >>= label;
    return u8(label);
}

TEST_F(NewForm, TheDialogAsksForEverythingInOrder) {
    msoko::uno::NewFormAnswers defaults;
    defaults.request.period = "2025/2026 учебный год";
    defaults.request.organisations["school"] = 15;
    const auto model = msoko::uno::new_form_dialog_model(office_->context(), catalogue(), defaults);
    Reference<css::container::XNameContainer> controls(model, UNO_QUERY_THROW);
    // Every label has a mnemonic (Alt+letter), and the count of each register type is asked.
    for (const char* name : {"municipality_label", "region_label", "period_label", "last_year", "browse"})
        EXPECT_NE(label_of(controls, name).find('~'), std::string::npos) << name;
    EXPECT_EQ(label_of(controls, "count_school_label"), "Число общеобразовательных организаций (ОО):");
    EXPECT_TRUE(controls->hasByName("count_kindergarten"));
    EXPECT_EQ(label_of(controls, "ok"), "Создать");
    // The tab order is the reading order: each label right before its field.
    std::vector<std::pair<sal_Int16, std::string>> order;
    for (const OUString& name : controls->getElementNames()) {
        sal_Int16 tab = 0;
        Reference<css::beans::XPropertySet>(controls->getByName(name), UNO_QUERY_THROW)
            ->getPropertyValue("TabIndex") >>= tab;
        order.emplace_back(tab, u8(name));
    }
    std::sort(order.begin(), order.end());
    ASSERT_GE(order.size(), 6u);
    EXPECT_EQ(order[0].second, "municipality_label");
    EXPECT_EQ(order[1].second, "municipality");
    EXPECT_EQ(order[2].second, "region_label");
    EXPECT_EQ(order.back().second, "help");
    // F1 opens the command's help page.
    OUString help;
    Reference<css::beans::XPropertySet>(model, UNO_QUERY_THROW)->getPropertyValue("HelpURL") >>= help;
    EXPECT_EQ(u8(help), "org.msoko.calc:NewForm");
    // The answers read back as given; an empty municipality is refused with a reason.
    const msoko::uno::NewFormAnswers read = msoko::uno::new_form_answers(model, catalogue());
    EXPECT_EQ(read.request.period, "2025/2026 учебный год");
    EXPECT_EQ(read.request.organisations.at("school"), 15u);
    EXPECT_EQ(read.request.organisations.at("kindergarten"), msoko::kDefaultRegisterRows);
    EXPECT_TRUE(read.last_year_url.isEmpty());
    EXPECT_NE(msoko::uno::new_form_problem(read).find("муниципальное образование"), std::string::npos);
}

TEST_F(NewForm, LastYearsRegisterAndValuesComeAlong) {
    auto blank = office_->create_spreadsheet();
    docs_.push_back(blank);
    Reference<css::frame::XDispatchProvider> frame(
        Reference<css::frame::XModel>(blank, UNO_QUERY_THROW)->getCurrentController()->getFrame(), UNO_QUERY_THROW);
    const std::string last_year = (fs::path(MSOKO_TEST_SAMPLES) / "sample-district.ods").string();
    const OUString url = ou(("file://" + last_year).c_str());
    css::frame::DispatchHelper::create(office_->context())
        ->executeDispatch(frame, "org.msoko.calc:NewForm", "_self", 0,
                          arguments({arg("Municipality", css::uno::Any(ou("Ольховоборский муниципальный район"))),
                                     arg("Region", css::uno::Any(ou("Энская область"))),
                                     arg("Period", css::uno::Any(ou("2026/2027 учебный год"))),
                                     arg("LastYear", css::uno::Any(url))}));
    Reference<css::sheet::XSpreadsheetDocument> form;
    auto components = office_->desktop()->getComponents()->createEnumeration();
    while (components->hasMoreElements()) {
        Reference<css::sheet::XSpreadsheetDocument> d(components->nextElement(), css::uno::UNO_QUERY);
        if (d.is() && d->getSheets()->hasByName(ou("Паспорт")) &&
            Reference<css::frame::XModel>(d, UNO_QUERY_THROW)->getURL().isEmpty())
            form = d;
    }
    ASSERT_TRUE(form.is()) << "no new form";
    docs_.push_back(form);
    recalc(form);
    // The register: the sample's 15 schools and 14 kindergartens, codes, names and flags.
    auto reg = sheet(form, "Организации");
    EXPECT_EQ(text(cell(reg, "A4")), "4201");
    EXPECT_EQ(text(cell(reg, "D4")), "ОО");
    auto passport = sheet(form, "Паспорт");
    EXPECT_DOUBLE_EQ(cell(passport, "B12")->getValue(), 15.0);
    EXPECT_DOUBLE_EQ(cell(passport, "B13")->getValue(), 14.0);
    EXPECT_EQ(text(cell(passport, "B6")), "2026/2027 учебный год");
    // Last year's value of each indicator is the sample's value.
    auto old = open("sample-district.ods");
    auto then = sheet(old, "Показатели"), now = sheet(form, "Показатели");
    std::size_t compared = 0;
    for (sal_Int32 r = msoko::IndicatorsColumns::kFirstRow; r < msoko::IndicatorsColumns::kFirstRow + 100; ++r) {
        auto id = now->getCellByPosition(msoko::IndicatorsColumns::kId, r);
        if (text(id).empty())
            break;
        ASSERT_EQ(text(then->getCellByPosition(msoko::IndicatorsColumns::kId, r)), text(id));
        auto value = then->getCellByPosition(msoko::IndicatorsColumns::kValue, r);
        auto last = now->getCellByPosition(msoko::IndicatorsColumns::kLastYear, r);
        if (value->getError() == 0 && value->getType() == css::table::CellContentType_FORMULA &&
            last->getType() == css::table::CellContentType_VALUE) {
            EXPECT_NEAR(last->getValue(), value->getValue(), 1e-9) << text(id);
            ++compared;
        }
    }
    EXPECT_GT(compared, 50u);
}

}  // namespace
