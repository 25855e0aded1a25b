// SPDX-License-Identifier: MPL-2.0
// Findings of the kinds the other tests meet seldom, each with its message
// word for word as the check has always written it.
#include "validation_support.hpp"

namespace msoko {
namespace {

using test::checked;
using test::form;
using test::mini;
using test::N;
using test::put;
using test::sheet;
using test::T;
using test::where;
using test::with_rule;

TEST(CheckMessages, ColumnsInAnotherOrder) {
    WorkbookSnapshot wb = form();
    auto& s = sheet(wb, "1.1 Первое направление");
    const DirectionSheet& ds = test::layout_of("1.1");
    const auto a = static_cast<std::size_t>(ds.column_of("pupils")),
               b = static_cast<std::size_t>(ds.column_of("passed"));
    for (std::size_t r = DirectionSheet::kCodeRow; r < s.rows; ++r) {
        const Cell first = s.value(r, a), second = s.value(r, b);
        put(s, r, a, second);
        put(s, r, b, first);
    }
    const ValidationReport r = checked(mini(), wb);
    const auto found = with_rule(r, "structure.column_order");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->severity, Severity::Warning);
    EXPECT_EQ(found[0]->message,
              "Столбцы переставлены: функции находят поля по кодам, но порядок отличается от формы.");
    EXPECT_EQ(r.count(Severity::Error), 0u) << "the fields are found by their codes";
}

TEST(CheckMessages, ANumberOutOfItsRange) {
    WorkbookSnapshot wb = form();
    const auto [row, col] = where("1.1", "101", "share_hours");
    put(sheet(wb, "1.1 Первое направление"), row, col, T("45,5 ч"));
    const ValidationReport r = checked(mini(), wb);
    const auto found = with_rule(r, "type.number");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->kind, "type.number");
    EXPECT_EQ(found[0]->value, "45,5 ч");
    EXPECT_EQ(found[0]->message.rfind("Организация 101, «Средняя нагрузка»: ", 0), 0u) << found[0]->message;
    EXPECT_NE(found[0]->message.find("; возможно, имелось в виду 45,5."), std::string::npos) << found[0]->message;
}

// Six schools with a share of graduates of 70–80 %, and one of 5 %.
TEST(CheckMessages, AShareFarFromTheOthers) {
    // Five more schools, copies of school 102's row, with 28, 29, 31, 32 and 2 passed.
    const WorkbookSnapshot wb = test::with_schools({"103", "104", "105", "106", "107"}, {28, 29, 31, 32, 2});
    const ValidationReport r = checked(mini(), wb);
    const auto found = with_rule(r, "plausibility.outlier");
    ASSERT_FALSE(found.empty());
    for (const Finding* f : found) {
        EXPECT_EQ(f->organisation, "107");
        EXPECT_EQ(f->severity, Severity::Warning);
    }
    EXPECT_EQ(found[0]->field, "1.1.1");
    EXPECT_EQ(found[0]->message,
              "Организация 107: показатель 1.1.1 = 5 % далеко от других организаций (медиана 75 %): проверьте данные.");
    EXPECT_EQ(found[0]->value, "2");
}

// An indicator of ШНОР only among 15 schools, 4 of them ШНОР: the ШНОР are
// compared with each other, not with all schools, and 4 are too few to compare.
TEST(CheckMessages, AScopedShareIsComparedWithinItsScopeOnly) {
    WorkbookSnapshot wb = form();
    std::vector<std::string> codes;
    for (int i = 3; i <= 15; ++i)
        codes.push_back(std::to_string(100 + i));
    const auto shnor = [](const std::string& code) {
        return code == "101" || code == "103" || code == "104" || code == "105";
    };
    // The register: schools 103–115 after 101, 102 and the kindergarten.
    auto& reg = sheet(wb, kRegisterSheet);
    SheetSnapshot grown_reg = test::grid(reg.name, reg.rows + codes.size(), reg.cols);
    for (std::size_t r = 0; r < reg.rows; ++r)
        for (std::size_t c = 0; c < reg.cols; ++c)
            put(grown_reg, r, c, reg.value(r, c));
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const std::size_t r = 6 + i;
        put(grown_reg, r, 0, T(codes[i].c_str()));
        put(grown_reg, r, 1, T(("Школа " + codes[i]).c_str()));
        put(grown_reg, r, 3, T("ОО"));
        put(grown_reg, r, 4, T(shnor(codes[i]) ? "да" : "нет"));
    }
    reg = grown_reg;
    // The direction sheets: copies of school 102's row; the ШНОР pass at 10 %, the others at 70–80 %.
    const auto add_schools = [&](SheetSnapshot& sh, const char* direction) {
        const DirectionSheet& layout = test::layout_of(direction);
        const std::size_t first_new = static_cast<std::size_t>(layout.total_row());
        const std::size_t model =
            where(direction, "102", direction == std::string("1.1") ? "passed" : "pupils_again").first;
        SheetSnapshot grown = test::grid(sh.name, sh.rows + codes.size(), sh.cols);
        for (std::size_t r = 0; r < sh.rows; ++r)
            for (std::size_t c = 0; c < sh.cols; ++c)
                put(grown, r < first_new ? r : r + codes.size(), c, sh.value(r, c), sh.is_formula(r, c) ? "=" : "");
        for (std::size_t i = 0; i < codes.size(); ++i) {
            for (std::size_t c = 0; c < sh.cols; ++c)
                put(grown, first_new + i, c, sh.value(model, c), sh.is_formula(model, c) ? "=" : "");
            put(grown, first_new + i, 0, T(codes[i].c_str()), "=reg");
            put(grown, first_new + i, 3, T(shnor(codes[i]) ? "ШНОР" : ""), "=reg");
        }
        sh = grown;
    };
    add_schools(sheet(wb, "1.1 Первое направление"), "1.1");
    add_schools(sheet(wb, "1.2 Второе направление"), "1.2");
    auto& s = sheet(wb, "1.1 Первое направление");
    const DirectionSheet& layout = test::layout_of("1.1");
    const auto pupils = static_cast<std::size_t>(layout.column_of("pupils")),
               passed = static_cast<std::size_t>(layout.column_of("passed"));
    int n = 0;
    for (std::size_t r = static_cast<std::size_t>(layout.first_row()); r < s.rows; ++r) {
        const std::string code = s.value(r, 0).kind() == Cell::Kind::Text ? s.value(r, 0).text() : "";
        if (code.size() != 3 || code[0] != '1')
            continue;
        put(s, r, pupils, N(40));
        put(s, r, passed, N(shnor(code) ? 4 : 28 + (n++ % 5)));
    }
    const ValidationReport r = checked(mini(), wb);
    std::size_t of_all = 0;
    for (const Finding* f : with_rule(r, "plausibility.outlier")) {
        EXPECT_NE(f->field, "1.1.2") << f->message;
        if (f->field == "1.1.1") {
            ++of_all;
            EXPECT_TRUE(shnor(f->organisation)) << f->message;
        }
    }
    EXPECT_EQ(of_all, 4u) << "the ШНОР are far from the other schools for the indicator of all schools";
}

}  // namespace
}  // namespace msoko
