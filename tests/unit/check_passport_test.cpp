// SPDX-License-Identifier: MPL-2.0
// An empty form is not ready: the passport's required items, an empty
// register, and completeness counted over the organisations that should be
// there (issue 13, defect 1).
#include "validation_support.hpp"

#include <gtest/gtest.h>

#include <set>

namespace msoko {
namespace {

using test::checked;
using test::form;
using test::layout_of;
using test::mini;
using test::N;
using test::put;
using test::sheet;
using test::T;
using test::with_rule;

// The passport's cell of an item, as the test form places it.
std::size_t row_of(const char* key) {
    static const FormLayout layout = form_layout(mini(), {});
    return static_cast<std::size_t>(layout.passport.item(key)->row);
}

// An item's label and value in its row.
void set(WorkbookSnapshot& wb, const char* key, Cell value) {
    static const FormLayout layout = form_layout(mini(), {});
    put(sheet(wb, kPassportSheet), row_of(key), PassportLayout::kLabelColumn,
        T(layout.passport.item(key)->label.c_str()));
    put(sheet(wb, kPassportSheet), row_of(key), PassportLayout::kValueColumn, std::move(value));
}

void clear(WorkbookSnapshot& wb, const char* key) {
    set(wb, key, Cell::empty());
}

const Completeness& of(const ValidationReport& r, const std::string& direction) {
    for (const auto& c : r.completeness)
        if (c.direction == direction)
            return c;
    throw std::runtime_error("no completeness of " + direction);
}

TEST(Passport, EveryRequiredItemIsChecked) {
    WorkbookSnapshot wb = form();
    for (const char* key : {"municipality", "region", "period", "responsible", "date", "schools_expected"})
        clear(wb, key);
    const ValidationReport r = checked(mini(), wb);
    std::set<std::string> missing;
    for (const Finding* f : with_rule(r, "passport.required")) {
        EXPECT_EQ(f->sheet, kPassportSheet);
        EXPECT_EQ(f->col, PassportLayout::kValueColumn);
        EXPECT_EQ(f->row, static_cast<int>(row_of(f->field.c_str()))) << f->field;
        missing.insert(f->field);
    }
    EXPECT_EQ(missing,
              (std::set<std::string>{"municipality", "region", "period", "responsible", "date", "schools_expected"}));
    EXPECT_FALSE(r.ready());
    EXPECT_TRUE(with_rule(r, "passport.period").empty()) << "an empty period is told once, as required";
}

TEST(Passport, APhoneOrAnEmailIsEnough) {
    WorkbookSnapshot wb = form();  // the e-mail is given
    EXPECT_TRUE(with_rule(checked(mini(), wb), "passport.required").empty());
    clear(wb, "email");
    const ValidationReport r = checked(mini(), wb);
    const auto none = with_rule(r, "passport.required");
    ASSERT_EQ(none.size(), 1u);
    EXPECT_EQ(none[0]->kind, "passport.contact");
    EXPECT_EQ(none[0]->row, static_cast<int>(row_of("phone")));
    set(wb, "phone", T("8 (495) 000-00-00"));
    EXPECT_TRUE(with_rule(checked(mini(), wb), "passport.required").empty());
    clear(wb, "position");
    EXPECT_TRUE(with_rule(checked(mini(), wb), "passport.required").empty()) << "the position is optional";
}

TEST(Passport, CountsAreWholeNumbersAndTheDateADate) {
    WorkbookSnapshot wb = form();
    set(wb, "schools_expected", T("два"));
    set(wb, "kindergartens_expected", N(1.5));
    set(wb, "date", T("в сентябре"));
    const ValidationReport r = checked(mini(), wb);
    const auto counts = with_rule(r, "passport.count");
    ASSERT_EQ(counts.size(), 2u);
    EXPECT_NE(counts[0]->message.find("текст вместо числа"), std::string::npos) << counts[0]->message;
    EXPECT_NE(counts[1]->message.find("дробное"), std::string::npos) << counts[1]->message;
    const auto date = with_rule(r, "passport.date");
    ASSERT_EQ(date.size(), 1u);
    EXPECT_EQ(date[0]->value, "в сентябре");
}

TEST(Register, AnEmptyRegisterWithoutFiguresIsAnError) {
    // The passport says nothing either: an empty form is not ready.
    WorkbookSnapshot wb = form();
    SheetSnapshot& reg = sheet(wb, kRegisterSheet);
    for (std::size_t r = FormLayout::kRegisterFirstRow; r < reg.rows; ++r)
        for (std::size_t c = 0; c < reg.cols; ++c)
            put(reg, r, c, Cell::empty());
    for (SheetSnapshot& s : wb.sheets)  // the direction rows take their codes from the register
        if (s.name != kPassportSheet && s.name != kRegisterSheet && s.name != kIndicatorsSheet)
            for (std::size_t r = DirectionSheet::kCodeRow + 1; r < s.rows; ++r)
                if (s.value(r, 0).kind() == Cell::Kind::Text && s.value(r, 0).text() != kMunicipalityCode)
                    for (std::size_t c = 0; c < s.cols; ++c)
                        put(s, r, c, Cell::empty());
    const ValidationReport r = checked(mini(), wb);
    EXPECT_EQ(with_rule(r, "register.none").size(), 1u);
    EXPECT_EQ(with_rule(r, "register.count").size(), 2u) << "the passport announces schools and a kindergarten";
    EXPECT_FALSE(r.ready());
    for (const auto& c : r.completeness)
        EXPECT_LT(c.percent(), 100.0) << c.direction << ": the announced organisations have no row";
    // Nothing announced either: the schools' direction is 0 %, not 100 % of nothing.
    clear(wb, "schools_expected");
    clear(wb, "kindergartens_expected");
    const ValidationReport none = checked(mini(), wb);
    const Completeness& schools = of(none, "1.1");
    EXPECT_TRUE(schools.nobody);
    EXPECT_EQ(schools.percent(), 0.0) << "its municipal cells are filled, its schools unknown";
}

TEST(Completeness, AnUnfilledDirectionIsZero) {
    WorkbookSnapshot wb = form();
    const DirectionSheet& ds = layout_of("1.1");
    SheetSnapshot& s = sheet(wb, ds.sheet);
    for (std::size_t r = DirectionSheet::kCodeRow + 1; r < s.rows; ++r)
        for (std::size_t c = 0; c < ds.columns.size(); ++c)
            if (ds.columns[c].kind == FormColumn::Kind::Input && !s.is_formula(r, c))
                put(s, r, c, Cell::empty());
    const ValidationReport r = checked(mini(), wb);
    const Completeness& c = of(r, "1.1");
    EXPECT_GT(c.required, 0u);
    EXPECT_EQ(c.filled, 0u);
    EXPECT_EQ(c.percent(), 0.0);
}

TEST(Completeness, AnOrganisationWithoutItsRowCountsAsUnfilled) {
    WorkbookSnapshot wb = form();
    const Completeness before = of(checked(mini(), wb), "1.1");  // a copy
    ASSERT_EQ(before.percent(), 100.0);
    // The row of school 102 deleted from the direction sheet: it is still registered.
    const DirectionSheet& ds = layout_of("1.1");
    SheetSnapshot& s = sheet(wb, ds.sheet);
    const auto row = static_cast<std::size_t>(ds.row_of("school", 1));
    for (std::size_t c = 0; c < s.cols; ++c)
        put(s, row, c, Cell::empty());
    const Completeness after = of(checked(mini(), wb), "1.1");
    EXPECT_EQ(after.required, before.required);
    EXPECT_LT(after.filled, before.filled);
    EXPECT_LT(after.percent(), 100.0);
}

}  // namespace
}  // namespace msoko
