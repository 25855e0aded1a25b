// SPDX-License-Identifier: MPL-2.0
// The new form's data from the dialog's answers and last year's form
// (issue 13, defect 9): the passport, the register's size, last year's
// organisations and municipal values.
#include "msoko/new_form.hpp"

#include "msoko/form.hpp"
#include "msoko/form_reader.hpp"
#include "validation_support.hpp"

#include <boost/json.hpp>

#include <gtest/gtest.h>

namespace msoko {
namespace {

using test::form;
using test::mini;
using test::put;
using test::sheet;
using test::T;

TEST(NewForm, ThePassportAndTheRegisterAsAsked) {
    const NewFormRequest request{
        "Ольховоборский район", "Энская область", "2025/2026 учебный год", {{"school", 15}, {"kindergarten", 14}}};
    const FormData d = new_form_data(mini(), request, nullptr);
    EXPECT_EQ(d.passport.at("municipality"), "Ольховоборский район");
    EXPECT_EQ(d.passport.at("region"), "Энская область");
    EXPECT_EQ(d.passport.at(kPassportPeriod), "2025/2026 учебный год");
    EXPECT_EQ(d.passport.at("schools_expected"), "15");
    EXPECT_EQ(d.passport.at("kindergartens_expected"), "14");
    EXPECT_EQ(d.register_rows("schools"), 15u);
    EXPECT_EQ(d.register_rows("kindergartens"), 14u);
    EXPECT_TRUE(d.organisations.empty());
    // The form written from it has those rows and that passport.
    const FormLayout layout = form_layout(mini(), {{"school", 15}, {"kindergarten", 14}});
    const std::string fods = form_fods(mini(), d, "test");
    EXPECT_NE(fods.find("Ольховоборский район"), std::string::npos);
    EXPECT_EQ(layout.register_blocks.back().slots, 14u);
}

TEST(NewForm, TooManyOrganisationsAreRefused) {
    const NewFormRequest request{"Р", "О", "2025/2026 учебный год", {{"school", kMaxRegisterRows + 1}}};
    EXPECT_THROW(new_form_data(mini(), request, nullptr), std::runtime_error);
}

TEST(NewForm, LastYearsRegisterAndValuesAreTaken) {
    const WorkbookSnapshot last = form();  // 101, 102 (schools; 101 ШНОР), 201 (a kindergarten)
    const LastYearForm l = read_last_year(mini(), last);
    ASSERT_EQ(l.organisations.size(), 3u);
    EXPECT_EQ(l.organisations[0].code, "101");
    EXPECT_EQ(l.organisations[0].name, "Школа № 1");
    EXPECT_EQ(l.organisations[0].type, "school");
    EXPECT_EQ(l.organisations[0].flags, std::vector<std::string>{"shnor"});
    EXPECT_TRUE(l.organisations[1].flags.empty());
    EXPECT_EQ(l.organisations[2].type, "kindergarten");
    EXPECT_EQ(l.municipality, "Тестовый район");
    // Its municipal values, as its «Показатели» computes them.
    const FormContents contents = read_form(mini(), last);
    std::size_t with_value = 0;
    for (const FormIndicator& v : form_indicators(mini(), contents))
        if (v.value.result.has_value()) {
            ++with_value;
            ASSERT_TRUE(l.values.count(v.indicator->id)) << v.indicator->id;
            EXPECT_DOUBLE_EQ(l.values.at(v.indicator->id), v.value.result.value());
        }
    EXPECT_GT(with_value, 0u);
    EXPECT_EQ(l.values.size(), with_value);

    // The new form: the register's organisations, sized by the dialog or by them.
    const NewFormRequest request{"Тестовый район", "Тестовая область", "2025/2026 учебный год", {{"school", 4}}};
    const FormData d = new_form_data(mini(), request, &l);
    EXPECT_EQ(d.organisations.size(), 3u);
    EXPECT_EQ(d.register_rows("schools"), 4u);
    EXPECT_EQ(d.register_rows("kindergartens"), 1u) << "as many as last year's";
    EXPECT_EQ(d.passport.at("kindergartens_expected"), "1");
    EXPECT_EQ(d.previous, l.values);
    const NewFormRequest fewer{"Тестовый район", "Тестовая область", "2025/2026 учебный год", {{"school", 1}}};
    EXPECT_EQ(new_form_data(mini(), fewer, &l).register_rows("schools"), 2u) << "never fewer rows than organisations";
}

TEST(NewForm, AWorkbookThatIsNotAFormIsRefused) {
    WorkbookSnapshot wb;
    wb.sheets.push_back(SheetSnapshot::blank("Лист1", 3, 3));
    try {
        read_last_year(mini(), wb);
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("не является формой"), std::string::npos) << e.what();
    }
}

TEST(NewForm, ValuesOfAnotherCatalogueAreNotTaken) {
    WorkbookSnapshot last = form();
    const FormLayout layout = form_layout(mini(), {});
    put(sheet(last, kPassportSheet), static_cast<std::size_t>(layout.passport.row(kPassportCatalogueId)),
        PassportLayout::kValueColumn, T("other"));
    const LastYearForm l = read_last_year(mini(), last);
    EXPECT_EQ(l.organisations.size(), 3u);
    EXPECT_TRUE(l.values.empty());
    ASSERT_EQ(l.notes.size(), 1u);
    EXPECT_NE(l.notes[0].find("другому каталогу"), std::string::npos);
}

// Last year's form of an earlier version of the catalogue: read by its own
// version's catalogue; values of indicators redefined since are not taken.
TEST(NewForm, AnEarlierVersionsFormGivesOnlyComparableValues) {
    const WorkbookSnapshot last = form();  // a form of mini(), version 1
    const LastYearForm same = read_last_year(mini(), last);
    ASSERT_TRUE(same.values.count("1.1.1") && same.values.count("1.1.2")) << "the test form has both values";
    boost::json::value root = boost::json::parse(test::mini_text());
    root.as_object()["version"] = "2";
    root.as_object()["changes"] = boost::json::parse(
        R"({"from": "1", "fields": [], "indicators": [{"id": "1.1.2", "redefined": "база — учителя"}]})");
    const Catalogue current = parse_catalogue(boost::json::serialize(root), "v2.json");
    EXPECT_EQ(earlier_form_version(current, last), "1");
    EXPECT_EQ(earlier_form_version(mini(), last), "") << "a form of the catalogue's own version";

    const LastYearForm l = read_last_year(current, last, &mini());
    EXPECT_EQ(l.organisations.size(), same.organisations.size());
    EXPECT_EQ(l.values.count("1.1.2"), 0u) << "redefined: not comparable";
    ASSERT_TRUE(l.values.count("1.1.1"));
    EXPECT_DOUBLE_EQ(l.values.at("1.1.1"), same.values.at("1.1.1"));
    EXPECT_EQ(l.values.size() + 1, same.values.size());
    ASSERT_EQ(l.notes.size(), 1u);
    EXPECT_NE(l.notes[0].find("определены в версии 2 заново"), std::string::npos) << l.notes[0];
    EXPECT_NE(l.notes[0].find("1.1.2"), std::string::npos) << l.notes[0];
}

TEST(NewForm, ThePeriodAndTheFileName) {
    EXPECT_EQ(likely_period(2026, 12), "2025/2026 учебный год");
    EXPECT_EQ(likely_period(2026, 9), "2025/2026 учебный год");
    EXPECT_EQ(likely_period(2027, 3), "2025/2026 учебный год");
    EXPECT_EQ(likely_period(2027, 7), "2026/2027 учебный год");
    EXPECT_EQ(suggested_file_name("Ольховоборский район", "2025/2026 учебный год"),
              "МСОКО Ольховоборский район 2025-2026 учебный год.ods");
    EXPECT_EQ(suggested_file_name("", ""), "МСОКО.ods");
    EXPECT_EQ(suggested_file_name("Район: \"Север\"", "2025/2026"), "МСОКО Район- -Север- 2025-2026.ods");
}

}  // namespace
}  // namespace msoko
