// SPDX-License-Identifier: MPL-2.0
// The organisation types come from the catalogue: a fourth type (УДО) is
// counted in the register, its rows are read and its fields checked with no
// code of its own.
#include "validation_support.hpp"

#include <map>

namespace msoko {
namespace {

using test::checked;
using test::grid;
using test::N;
using test::put;
using test::T;
using test::with_rule;

// The test catalogue with a fourth type, «организация дополнительного
// образования» (УДО), and a required field of its own in direction 1.2.
const Catalogue& four_types() {
    static const Catalogue c = [] {
        std::string text = test::mini_text();
        const auto insert = [&](const std::string& before, const std::string& what) {
            const auto at = text.find(before);
            if (at == std::string::npos)
                throw std::runtime_error("the test catalogue has no " + before);
            text.insert(at, what);
        };
        insert(R"({"id": "municipality")",
               R"({"id": "extra", "title": "организация дополнительного образования", "short": "УДО"}, )");
        insert(R"({"id": "pupils_again")",
               R"({"id": "circles", "title": "Кружков", "type": "count", "unit": "единиц", )"
               R"("org_types": ["extra"], "filled_by": "УДО", "required": true}, )");
        return parse_catalogue(text, "four-types.json");
    }();
    return c;
}

struct Org {
    const char* code;
    const char* type;  ///< the catalogue's type id
};
const Org kOrgs[] = {{"101", "school"}, {"102", "school"}, {"201", "kindergarten"}, {"301", "extra"}};

// A valid form of the four-type catalogue: the register, then per direction a
// row for each organisation and the municipality's.
WorkbookSnapshot four_type_form(std::size_t extra_expected = 1) {
    const Catalogue& c = four_types();
    std::map<std::string, std::string> short_of;
    for (const auto& t : c.organisation_types)
        short_of[t.id] = t.short_title;
    WorkbookSnapshot wb;
    SheetSnapshot passport = grid(kPassportSheet, 24, 2);
    const FormLayout layout = form_layout(c, {{"school", 2}, {"kindergarten", 1}});
    const auto count = [&](const char* type) { return PassportLayout::count_key(*c.organisation_type(type)); };
    const std::pair<std::string, Cell> items[] = {{"municipality", T("Тестовый район")},
                                                  {"region", T("Тестовая область")},
                                                  {kPassportPeriod, T("2024/2025 учебный год")},
                                                  {"responsible", T("Иванова И. И.")},
                                                  {"phone", T("8 (800) 000-00-00")},
                                                  {"date", T("25.09.2025")},
                                                  {count("school"), N(2)},
                                                  {count("kindergarten"), N(1)},
                                                  {count("extra"), N(static_cast<double>(extra_expected))},
                                                  {kPassportCatalogueId, T(c.info.id.c_str())},
                                                  {kPassportCatalogueVersion, T(c.info.version.c_str())}};
    std::size_t row = 3;  // one after the other, not in the form's rows: the check finds items by label
    for (const auto& [key, value] : items) {
        put(passport, row, PassportLayout::kLabelColumn, T(layout.passport.item(key)->label.c_str()));
        put(passport, row++, PassportLayout::kValueColumn, value);
    }
    wb.sheets.push_back(passport);
    SheetSnapshot reg = grid(kRegisterSheet, 3 + std::size(kOrgs), 6);
    for (std::size_t i = 0; i < std::size(kOrgs); ++i) {
        put(reg, 3 + i, 0, T(kOrgs[i].code));
        put(reg, 3 + i, 1, T(("Организация " + std::string(kOrgs[i].code)).c_str()));
        put(reg, 3 + i, 3, T(short_of[kOrgs[i].type].c_str()));
    }
    wb.sheets.push_back(reg);
    for (const auto& ds : layout.directions) {
        const std::size_t rows = std::size(kOrgs) + 1;
        SheetSnapshot s = grid(ds.sheet, DirectionSheet::kCodeRow + rows + 2, ds.columns.size());
        for (std::size_t col = 0; col < ds.columns.size(); ++col)
            put(s, DirectionSheet::kCodeRow, col, T(ds.columns[col].code.c_str()));
        for (std::size_t i = 0; i < rows; ++i) {
            const std::size_t r = DirectionSheet::kCodeRow + 1 + i;
            const bool municipal = i == std::size(kOrgs);
            const std::string code = municipal ? kMunicipalityCode : kOrgs[i].code;
            const std::string type = municipal ? "municipality" : kOrgs[i].type;
            const char* formula = municipal ? "" : "=reg";
            put(s, r, 0, T(code.c_str()), formula);
            put(s, r, 1, T("имя"), formula);
            put(s, r, 2, T(short_of[type].c_str()), formula);
            for (std::size_t col = 4; col < ds.columns.size(); ++col) {
                const Field* f = ds.columns[col].field;
                if (!f->concerns(type))
                    continue;
                const std::map<std::string, double> counts = {{"pupils", 40},     {"pupils_again", 40}, {"passed", 30},
                                                              {"honours", 3},     {"b70", 5},           {"b80", 5},
                                                              {"share_hours", 20}};
                const auto it = counts.find(f->id);
                Cell v = f->type == FieldType::YesNo  ? T("нет")
                         : f->type == FieldType::Text ? T("№ 1")
                                                      : N(it == counts.end() ? 10 : it->second);
                put(s, r, col, v, ds.columns[col].kind == FormColumn::Kind::Linked ? "=linked" : "");
            }
        }
        put(s, DirectionSheet::kCodeRow + rows + 1, DirectionSheet::kTotalLabelColumn, T(kTotalRowLabel));
        wb.sheets.push_back(s);
    }
    wb.sheets.push_back(grid(kIndicatorsSheet, 4, 8));
    return wb;
}

// The cell of a field of an organisation on the sheet of direction 1.2.
std::pair<SheetSnapshot*, std::pair<std::size_t, std::size_t>> cell_of(WorkbookSnapshot& wb, const char* code,
                                                                       const char* field) {
    const FormLayout layout = form_layout(four_types(), {{"school", 2}, {"kindergarten", 1}});
    const DirectionSheet& ds = *layout.sheet_of("1.2");
    std::size_t row = DirectionSheet::kCodeRow + 1 + std::size(kOrgs);
    for (std::size_t i = 0; i < std::size(kOrgs); ++i)
        if (std::string(kOrgs[i].code) == code)
            row = DirectionSheet::kCodeRow + 1 + i;
    return {&test::sheet(wb, ds.sheet), {row, static_cast<std::size_t>(ds.column_of(field))}};
}

TEST(OrganisationTypes, AFormWithAFourthTypeIsReady) {
    ASSERT_EQ(four_types().organisation_types.size(), 4u);
    const ValidationReport r = checked(four_types(), four_type_form());
    EXPECT_TRUE(r.ready()) << (r.findings.empty() ? "" : r.findings.front().rule + ": " + r.findings.front().message);
}

TEST(OrganisationTypes, TheRegisterCountsTheFourthType) {
    const ValidationReport r = checked(four_types(), four_type_form(2));
    const auto found = with_rule(r, "register.count");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->message, std::string("В паспорте указано УДО: 2, а в реестре «") + kRegisterSheet + "» — 1.");
}

TEST(OrganisationTypes, TheFieldsOfTheFourthTypeAreCheckedOnItsRowsOnly) {
    WorkbookSnapshot wb = four_type_form();
    auto [s, at] = cell_of(wb, "301", "circles");
    put(*s, at.first, at.second, test::E());
    auto [s2, at2] = cell_of(wb, "101", "circles");
    put(*s2, at2.first, at2.second, T("не число"));  // not a field of a school: not read
    ValidationReport r = checked(four_types(), wb);
    auto found = with_rule(r, "required");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->organisation, "301");
    EXPECT_EQ(found[0]->message, "Организация 301: не заполнено обязательное поле «Кружков».");
    EXPECT_TRUE(with_rule(r, "type.count").empty());

    put(*s, at.first, at.second, T("12 шт."));
    r = checked(four_types(), wb);
    found = with_rule(r, "type.count");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->organisation, "301");
    EXPECT_NE(found[0]->message.find("возможно, имелось в виду 12"), std::string::npos) << found[0]->message;
}

TEST(OrganisationTypes, CompletenessCountsTheFourthType) {
    WorkbookSnapshot wb = four_type_form();
    const ValidationReport full = checked(four_types(), wb);
    auto [s, at] = cell_of(wb, "301", "circles");
    put(*s, at.first, at.second, test::E());
    const ValidationReport r = checked(four_types(), wb);
    ASSERT_EQ(r.completeness.size(), full.completeness.size());
    for (std::size_t i = 0; i < r.completeness.size(); ++i)
        if (r.completeness[i].direction == "1.2") {
            EXPECT_EQ(r.completeness[i].required, full.completeness[i].required);
            EXPECT_EQ(r.completeness[i].filled + 1, full.completeness[i].filled);
        }
}

}  // namespace
}  // namespace msoko
