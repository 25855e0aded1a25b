// SPDX-License-Identifier: MPL-2.0
// The form's contract (msoko/form_layout.hpp): sheet names, passport,
// register, direction tables, «Показатели» and which cells are typed or
// computed — for the default catalogue and for a catalogue with a fourth
// organisation type (УДО) and a third flag.

#include "msoko/form.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

using namespace msoko;

namespace {

const Catalogue& four_types() {
    static const Catalogue c = read_catalogue(MSOKO_SHARED_FIXTURES "/catalogue-four-types.json");
    return c;
}

const Catalogue& default_catalogue() {
    static const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    return c;
}

FormLayout four_layout() {
    return form_layout(four_types(), {{"school", 2}, {"kindergarten", 1}, {"supplementary", 3}});
}

FormLayout four_types_layout_without_slots() {
    return form_layout(four_types(), {});
}

std::string fail(const std::string& json) {
    try {
        parse_catalogue(json, "t.json");
    } catch (const CatalogueError& e) {
        return e.what();
    }
    return "loaded";
}

std::string four_text() {
    std::ifstream in(MSOKO_SHARED_FIXTURES "/catalogue-four-types.json");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos)
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace

TEST(FormLayout, MunicipalLevelAndRegisterTypesComeFromTheCatalogue) {
    const Catalogue& c = four_types();
    EXPECT_EQ(c.municipal_type().id, "municipality");
    const auto types = c.register_types();
    ASSERT_EQ(types.size(), 3u);
    EXPECT_EQ(types[2]->id, "supplementary");
    EXPECT_EQ(types[2]->plural, "supplementary_orgs");
    ASSERT_EQ(c.flags.size(), 3u);
    EXPECT_TRUE(c.flags[2].concerns("supplementary"));
    EXPECT_FALSE(c.flags[0].concerns("supplementary"));
    ASSERT_NE(c.organisation_type_by_short(" удо "), nullptr);
    EXPECT_EQ(c.organisation_type_by_short("УДО")->id, "supplementary");
    EXPECT_EQ(c.organisation_type_by_short("УО")->id, "municipality");
    EXPECT_EQ(c.organisation_type_by_short("ДО"), nullptr);
    // Defaults: the plural and the passport's question.
    const Catalogue d = parse_catalogue(replaced(replaced(four_text(), R"("short": "УДО",
     "plural": "supplementary_orgs", "count_title": "Число организаций дополнительного образования")",
                                                          R"("short": "УДО")"),
                                                 R"("short": "РЦ",
     "org_types": ["school", "supplementary"])",
                                                 R"("short": "РЦ")"),
                                        "t.json");
    EXPECT_EQ(d.organisation_type("supplementary")->plural, "supplementarys");
    EXPECT_EQ(d.organisation_type("supplementary")->count_title, "Число организаций типа «УДО»");
    EXPECT_EQ(d.flags[2].org_types, (std::vector<std::string>{"school", "kindergarten", "supplementary"}));
}

TEST(FormLayout, TheLoaderWantsExactlyOneMunicipalLevel) {
    const std::string text = four_text();
    EXPECT_NE(fail(replaced(text, R"(,
     "level": "municipality")",
                            ""))
                  .find("exactly one type must be the municipal level"),
              std::string::npos);
    EXPECT_NE(fail(replaced(text, R"("short": "УДО",)", R"("short": "УДО", "level": "municipality",)")).find("2 are"),
              std::string::npos);
    EXPECT_NE(
        fail(replaced(text, R"("level": "municipality")", R"("level": "region")")).find("/organisation_types/3/level"),
        std::string::npos);
    EXPECT_NE(fail(replaced(text, R"("short": "РЦ",
     "org_types": ["school", "supplementary"])",
                            R"("short": "РЦ", "org_types": ["municipality"])"))
                  .find("/flags/2/org_types/0"),
              std::string::npos);
    EXPECT_NE(fail(replaced(text, R"("short": "РЦ",
     "org_types": ["school", "supplementary"])",
                            R"("short": "РЦ", "org_types": ["club"])"))
                  .find("unknown organisation type 'club'"),
              std::string::npos);
    EXPECT_NE(fail(replaced(text, R"("short": "РЦ")", R"("short": "ШНОР")")).find("duplicate short title"),
              std::string::npos);
}

TEST(FormLayout, SheetNamesInTheirOrder) {
    const auto names = form_sheet_names(four_types());
    EXPECT_EQ(names,
              (std::vector<std::string>{"Паспорт", "Организации", "1.1 Аттестаты", "1.2 Дополнительное образование",
                                        "1.3 Дошкольное", "Показатели", "Процедуры оценки"}));
    const FormLayout layout = four_layout();
    ASSERT_EQ(layout.directions.size(), 3u);
    EXPECT_EQ(layout.directions[1].sheet, names[3]);
    EXPECT_EQ(direction_sheet_name(*four_types().direction("1.3")), "1.3 Дошкольное");
}

TEST(FormLayout, PassportRowsByKey) {
    const FormLayout layout = four_layout();
    const PassportLayout& p = layout.passport;
    EXPECT_EQ(p.row("municipality"), 3);
    EXPECT_EQ(p.row("date"), 10);
    EXPECT_EQ(p.row("schools_expected"), 11);
    EXPECT_EQ(p.row("kindergartens_expected"), 12);
    ASSERT_NE(p.item("supplementary_orgs_expected"), nullptr);
    EXPECT_EQ(p.item("supplementary_orgs_expected")->label, "Число организаций дополнительного образования (УДО)");
    EXPECT_EQ(p.item("supplementary_orgs_expected")->org_type, "supplementary");
    EXPECT_EQ(p.item("supplementary_orgs_expected")->type, FieldType::Count);
    EXPECT_EQ(p.row(kPassportCatalogueId), 14);
    EXPECT_EQ(p.item(kPassportCatalogueId)->label, "Каталог показателей");
    EXPECT_EQ(p.item(kPassportCatalogueVersion)->label, "Версия каталога");
    EXPECT_EQ(p.item(kPassportCatalogueVersion)->role, CellRole::Fixed);
    EXPECT_EQ(p.item("period")->label, "Отчётный период");
    EXPECT_EQ(p.item("period")->range_name, "passport_period");
    EXPECT_EQ(p.row("nothing"), -1);
    // The default catalogue: the rows the samples have.
    const FormLayout d = form_layout(default_catalogue(), {{"school", 1}, {"kindergarten", 1}});
    EXPECT_EQ(d.passport.item("schools_expected")->label, "Число общеобразовательных организаций (ОО)");
    EXPECT_EQ(d.passport.item("kindergartens_expected")->label, "Число дошкольных образовательных организаций (ДОО)");
    EXPECT_EQ(d.passport.row(kPassportGenerator), 15);
}

TEST(FormLayout, PassportLabelsWithoutACatalogue) {
    // What the finding kinds name: every item but the counts, as every layout has it.
    const FormLayout layout = four_layout();
    for (const PassportItem& item : layout.passport.items) {
        const char* label = PassportLayout::label_of(item.key);
        if (item.org_type.empty()) {
            ASSERT_NE(label, nullptr) << item.key;
            EXPECT_EQ(label, item.label);
        } else {
            EXPECT_EQ(label, nullptr) << item.key;
        }
    }
    EXPECT_EQ(PassportLayout::label_of(kPassportPeriod), std::string("Отчётный период"));
    EXPECT_EQ(PassportLayout::label_of("nothing"), nullptr);
}

TEST(FormLayout, RegisterBlocksAndOneColumnPerFlag) {
    const FormLayout layout = four_layout();
    ASSERT_EQ(layout.register_blocks.size(), 3u);
    EXPECT_EQ(layout.register_row("school", 0), 3);
    EXPECT_EQ(layout.register_row("kindergarten", 0), 5);
    EXPECT_EQ(layout.register_row("supplementary", 2), 8);
    EXPECT_EQ(layout.register_row("municipality", 0), -1);
    EXPECT_EQ(layout.register_last_row(), 8);
    EXPECT_EQ(layout.register_slots("supplementary"), 3u);
    ASSERT_EQ(layout.register_columns.size(), 7u);
    EXPECT_EQ(layout.register_column("type"), 3);
    EXPECT_EQ(layout.flag_column("resource_centre"), 6);
    EXPECT_EQ(layout.register_columns[6].label, "РЦ");
    EXPECT_EQ(layout.flag_column("type"), -1);
}

TEST(FormLayout, DirectionRowsPerTypeTheFieldsConcern) {
    const FormLayout layout = four_layout();
    const DirectionSheet& dod = *layout.sheet_of("1.2");
    // Schools (2), supplementary organisations (3), the municipality; no kindergartens.
    ASSERT_EQ(dod.rows.size(), 6u);
    EXPECT_EQ(dod.rows[2].type, "supplementary");
    EXPECT_TRUE(dod.rows[5].municipal);
    EXPECT_EQ(dod.row_of("supplementary", 0), dod.first_row() + 2);
    EXPECT_EQ(dod.row_of("kindergarten", 0), -1);
    EXPECT_EQ(dod.municipal_row(), dod.first_row() + 5);
    EXPECT_EQ(layout.sheet_of("1.3")->rows.size(), 1u);  // the kindergarten only
    EXPECT_EQ(layout.sheet_of("1.3")->municipal_row(), -1);
}

TEST(FormLayout, OneAnswerWhichCellsAreTypedAndWhichComputed) {
    const FormLayout layout = four_layout();
    const DirectionSheet& dod = *layout.sheet_of("1.2");
    const auto col = [&](const char* code) { return static_cast<std::size_t>(dod.column_of(code)); };
    EXPECT_EQ(dod.role(col("code"), "supplementary", false), CellRole::Computed);
    EXPECT_EQ(dod.role(col("flags"), "school", false), CellRole::Computed);
    EXPECT_EQ(dod.role(col("code"), "municipality", true), CellRole::Fixed);
    EXPECT_EQ(dod.role(col("dod_licence"), "supplementary", false), CellRole::Typed);
    EXPECT_EQ(dod.role(col("dod_licence"), "school", false), CellRole::NotApplicable);
    EXPECT_EQ(dod.role(col("dod_plan"), "municipality", true), CellRole::Typed);
    EXPECT_EQ(dod.role(col("dod_plan"), "supplementary", false), CellRole::NotApplicable);
    EXPECT_EQ(dod.role(99, "school", false), CellRole::NotApplicable);
    EXPECT_TRUE(dod.may_compute(col("name")));
    EXPECT_FALSE(dod.may_compute(col("dod_children")));

    // A field of another direction: computed where it concerns the row.
    const Catalogue& c = default_catalogue();
    const FormLayout d = form_layout(c, {{"school", 2}, {"kindergarten", 2}});
    std::set<std::string> linked;
    for (const auto& ds : d.directions)
        for (std::size_t i = 0; i < ds.columns.size(); ++i)
            if (ds.columns[i].kind == FormColumn::Kind::Linked) {
                linked.insert(ds.columns[i].code);
                for (const auto& row : ds.rows)
                    EXPECT_EQ(ds.role(i, row),
                              ds.columns[i].field->concerns(row.type) ? CellRole::Computed : CellRole::NotApplicable);
            }
    ASSERT_FALSE(linked.empty());
    // What the glue reads formulas of: the fixed columns and every linked one, no input field.
    const std::set<std::string> codes = d.computed_codes();
    for (const char* fixed : {"code", "name", "type", "flags"})
        EXPECT_EQ(codes.count(fixed), 1u) << fixed;
    for (const auto& code : linked)
        EXPECT_EQ(codes.count(code), 1u) << code;
    EXPECT_EQ(codes.size(), 4 + linked.size());
    EXPECT_EQ(form_layout(c, {}).computed_codes(), codes);  // what the glue asks, without a register
    // The kinds of rows of a table, whatever the slots.
    const FormLayout without_slots = four_types_layout_without_slots();
    const DirectionSheet& empty = *without_slots.sheet_of("1.2");
    EXPECT_TRUE(empty.rows.size() == 1 && empty.rows[0].municipal);
    ASSERT_EQ(empty.row_kinds.size(), 3u);
    EXPECT_EQ(empty.row_kinds[1].type, "supplementary");
    EXPECT_TRUE(empty.may_compute(0));
}

TEST(FormLayout, IndicatorRowsAndTheirCells) {
    using C = IndicatorsColumns;
    const FormLayout layout = four_layout();
    ASSERT_EQ(layout.indicators.size(), four_types().indicators.size());
    EXPECT_EQ(layout.indicators.front().row, C::kFirstRow);
    EXPECT_STREQ(C::head(C::kValue), "Значение по муниципалитету");
    EXPECT_STREQ(C::head(C::kLastYear), "Прошлый год");

    const IndicatorRow& share = *layout.indicator_row("1.2.2");
    EXPECT_EQ(share.role(C::kValue), CellRole::Computed);
    EXPECT_EQ(share.role(C::kLastYear), CellRole::Typed);
    EXPECT_EQ(share.role(C::kDynamics), CellRole::Computed);
    EXPECT_EQ(share.role(C::kDocument), CellRole::NotApplicable);
    EXPECT_EQ(share.role(C::kId), CellRole::Fixed);

    // A yes/no of each УДО: counted for the municipality.
    const IndicatorRow& counted = *layout.indicator_row("1.2.5");
    EXPECT_TRUE(counted.counted_flag);
    EXPECT_FALSE(counted.yes_no);
    EXPECT_EQ(counted.unit, "число УДО с «да»");
    EXPECT_EQ(counted.role(C::kLastYear), CellRole::Typed);

    // The municipality's plan: its documents shown from the direction sheet; no date field.
    const IndicatorRow& plan = *layout.indicator_row("1.2.4");
    EXPECT_TRUE(plan.yes_no);
    EXPECT_EQ(plan.evidence, IndicatorRow::Evidence::Shown);
    EXPECT_EQ(plan.role(C::kLastYear), CellRole::NotApplicable);
    EXPECT_EQ(plan.role(C::kDynamics), CellRole::NotApplicable);
    EXPECT_EQ(plan.role(C::kDocument), CellRole::Computed);
    EXPECT_EQ(plan.role(C::kDate), CellRole::NotApplicable);
    EXPECT_EQ(plan.role(C::kLink), CellRole::Computed);
    EXPECT_EQ(layout.indicator_row("9.9"), nullptr);
    // Where the glue looks for formulas on «Показатели»: value, dynamics, the documents shown (no date field).
    EXPECT_EQ(layout.indicator_computed_columns(), (std::vector<int>{C::kValue, C::kDynamics, C::kDocument, C::kLink}));
}

TEST(FormLayout, PanesFollowTheSheetNames) {
    const auto panes = form_panes(four_types());
    ASSERT_EQ(panes.size(), 6u);
    EXPECT_EQ(panes[0].sheet, kRegisterSheet);
    EXPECT_EQ(panes[2].sheet, "1.2 Дополнительное образование");
    EXPECT_EQ(panes[2].row, DirectionSheet::kCodeRow + 1);
    EXPECT_EQ(panes[4].sheet, kIndicatorsSheet);
    EXPECT_EQ(panes[5].sheet, kProceduresSheet);  // its header row in view, and «№» and the name
    EXPECT_EQ(panes[5].row, ProceduresColumns::kFirstRow);
    EXPECT_EQ(panes[5].column, ProceduresColumns::kName + 1);
}
