// SPDX-License-Identifier: MPL-2.0
// The form written from a catalogue with a fourth organisation type (УДО)
// and a third flag: its register rows, validity, direction rows and flag
// column come from the catalogue; the filled data gives the engine the УДО
// organisations, and their indicators compute.

#include "fods_reader.hpp"
#include "msoko/engine.hpp"
#include "msoko/form.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace msoko;
using test::read_fods;

namespace {

const Catalogue& four_types() {
    static const Catalogue c = read_catalogue(MSOKO_SHARED_FIXTURES "/catalogue-four-types.json");
    return c;
}

const FormData& four_data() {
    static const FormData d = read_form_data(MSOKO_SHARED_FIXTURES "/form-data-four-types.json");
    return d;
}

const test::Fods& filled() {
    static const test::Fods f = read_fods(form_fods(four_types(), four_data(), "test"));
    return f;
}

FormLayout filled_layout() {
    return form_layout(four_types(), {{"school", 3}, {"kindergarten", 2}, {"supplementary", 3}});
}

}  // namespace

TEST(FormWriter, DataFileSizesEveryTypeByItsPlural) {
    const FormData& d = four_data();
    EXPECT_EQ(d.register_rows("schools"), 3u);
    EXPECT_EQ(d.register_rows("kindergartens"), 2u);
    EXPECT_EQ(d.register_rows("supplementary_orgs"), 3u);
    EXPECT_EQ(d.register_rows("clubs"), kDefaultRegisterRows);
    FormData sized = d;  // a caller sizes a type by its plural, whatever the file said
    sized.rows["schools"] = 7;
    sized.rows["clubs"] = 4;
    EXPECT_EQ(sized.register_rows("schools"), 7u);
    EXPECT_EQ(sized.register_rows("clubs"), 4u);
    EXPECT_THROW(parse_form_data(R"({"format": "msoko-form-data/1", "supplementary_orgs": 2001})", "d.json"),
                 CatalogueError);
    EXPECT_THROW(parse_form_data(R"({"format": "msoko-form-data/1", "organisations": [{"code": "1", "name": "x",
                                    "type": ""}]})",
                                 "d.json"),
                 CatalogueError);
}

TEST(FormWriter, SheetsInTheContractsOrder) {
    EXPECT_EQ(filled().sheet_order, form_sheet_names(four_types()));
}

TEST(FormWriter, RegisterHasTheUdoRowsAndAColumnPerFlag) {
    const test::Fods& f = filled();
    const FormLayout layout = filled_layout();
    const int head = FormLayout::kRegisterHeaderRow;
    EXPECT_EQ(f.at(kRegisterSheet, head, 4).text, "ШНОР");
    EXPECT_EQ(f.at(kRegisterSheet, head, 6).text, "РЦ");
    const int udo = layout.register_row("supplementary", 0);
    EXPECT_EQ(udo, 3 + 3 + 2);
    EXPECT_EQ(f.at(kRegisterSheet, udo, 0).text, "301");
    EXPECT_EQ(f.at(kRegisterSheet, udo, 3).text, "УДО");
    EXPECT_EQ(f.at(kRegisterSheet, udo + 1, 0).text, "302");
    EXPECT_EQ(f.at(kRegisterSheet, udo + 2, 0).text, "");  // a free slot
    EXPECT_EQ(f.at(kRegisterSheet, udo + 2, 3).text, "УДО");
    // The third flag: typed for schools and УДО, not applicable for kindergartens; ШНОР only for schools.
    EXPECT_EQ(f.at(kRegisterSheet, udo, 6).text, "да");
    EXPECT_EQ(f.at(kRegisterSheet, udo + 1, 6).text, "нет");
    EXPECT_EQ(f.at(kRegisterSheet, udo, 4).style, "ce_na");
    EXPECT_EQ(f.at(kRegisterSheet, layout.register_row("kindergarten", 0), 6).style, "ce_na");
    EXPECT_EQ(f.at(kRegisterSheet, layout.register_row("school", 0), 6).text, "да");
    EXPECT_EQ(f.at(kRegisterSheet, layout.register_row("school", 1), 4).text, "да");
    const std::string flag_validity = f.at(kRegisterSheet, udo, 6).validation;
    ASSERT_FALSE(flag_validity.empty());
    EXPECT_EQ(f.validation_conditions.at(flag_validity), "of:cell-content-is-in-list(\"да\";\"нет\")");
    EXPECT_EQ(f.at(kRegisterSheet, udo + 2, 6).validation, flag_validity);
    EXPECT_NE(f.named_ranges.at("register_table").find(".$G$" + std::to_string(udo + 3)), std::string::npos);
}

TEST(FormWriter, PassportAsksForTheUdoCount) {
    const test::Fods& f = filled();
    const FormLayout layout = filled_layout();
    const PassportItem& udo = *layout.passport.item("supplementary_orgs_expected");
    EXPECT_EQ(f.at(kPassportSheet, udo.row, PassportLayout::kLabelColumn).text, udo.label);
    const test::FodsCell& value = f.at(kPassportSheet, udo.row, PassportLayout::kValueColumn);
    EXPECT_EQ(value.value, "2");
    EXPECT_EQ(f.validation_titles.at(value.validation), "Число организаций дополнительного образования (УДО)");
    EXPECT_EQ(f.at(kPassportSheet, layout.passport.row(kPassportCatalogueId), 1).text, "four-types");
    EXPECT_EQ(f.at(kPassportSheet, layout.passport.row(kPassportGenerator), 1).text, "test");
    EXPECT_EQ(f.named_ranges.count("passport_supplementary_orgs_expected"), 1u);
}

TEST(FormWriter, DirectionRowsOfUdoAndTheirCells) {
    const test::Fods& f = filled();
    const FormLayout layout = filled_layout();
    const DirectionSheet& ds = *layout.sheet_of("1.2");
    const int udo = ds.row_of("supplementary", 0);
    const FormRow& row = ds.rows[static_cast<std::size_t>(udo - ds.first_row())];
    ASSERT_EQ(row.type, "supplementary");
    // The fixed columns are the register's, by formulas.
    const std::string line = std::to_string(layout.register_row("supplementary", 0) + 1);
    const std::string reg = std::string("[$'") + kRegisterSheet + "'.";
    EXPECT_EQ(f.at(ds.sheet, udo, 0).formula, "of:=IF(" + reg + "A" + line + "]=\"\";\"\";" + reg + "A" + line + "])");
    EXPECT_NE(
        f.at(ds.sheet, udo, 3).formula.find("OR(" + reg + "E" + line + "]=\"да\";" + reg + "F" + line + "]=\"да\")"),
        std::string::npos);
    EXPECT_NE(f.at(ds.sheet, udo, 3).formula.find("\"РЦ\""), std::string::npos);
    // Every cell of the row as the contract says.
    for (std::size_t col = DirectionSheet::kFixedColumns; col < ds.columns.size(); ++col) {
        const test::FodsCell& cell = f.at(ds.sheet, udo, static_cast<int>(col));
        switch (ds.role(col, row)) {
            case CellRole::Typed:
                EXPECT_FALSE(cell.validation.empty()) << ds.columns[col].code;
                EXPECT_TRUE(cell.formula.empty()) << ds.columns[col].code;
                break;
            case CellRole::NotApplicable:
                EXPECT_EQ(cell.style, "ce_na") << ds.columns[col].code;
                break;
            case CellRole::Computed:
                EXPECT_FALSE(cell.formula.empty()) << ds.columns[col].code;
                break;
            case CellRole::Fixed:
                ADD_FAILURE() << ds.columns[col].code;
        }
    }
    EXPECT_EQ(f.at(ds.sheet, udo, ds.column_of("dod_children")).value, "300");
    EXPECT_EQ(f.at(ds.sheet, udo, ds.column_of("dod_licence")).text, "да");
    EXPECT_EQ(f.at(ds.sheet, udo, ds.column_of("dod_plan")).style, "ce_na");
    // The municipality's row is written as text; the totals row under the table.
    EXPECT_EQ(f.at(ds.sheet, ds.municipal_row(), 0).text, kMunicipalityCode);
    EXPECT_EQ(f.at(ds.sheet, ds.municipal_row(), 1).text, kMunicipalityRowName);
    EXPECT_EQ(f.at(ds.sheet, ds.municipal_row(), ds.column_of("dod_plan")).text, "да");
    EXPECT_EQ(f.at(ds.sheet, ds.total_row(), 1).text, kTotalRowLabel);
    // A kindergarten has no row here: its fields concern no kindergarten.
    EXPECT_EQ(ds.row_of("kindergarten", 0), -1);
}

TEST(FormWriter, IndicatorsSheetAsTheContractSays) {
    using C = IndicatorsColumns;
    const test::Fods& f = filled();
    const FormLayout layout = filled_layout();
    for (int col = 0; col < C::kCount; ++col)
        EXPECT_EQ(f.at(kIndicatorsSheet, C::kHeaderRow, col).text, C::head(col));
    for (const IndicatorRow& row : layout.indicators) {
        EXPECT_EQ(f.at(kIndicatorsSheet, row.row, C::kId).text, row.indicator->id);
        EXPECT_EQ(f.at(kIndicatorsSheet, row.row, C::kUnit).text, row.unit);
        for (int col = C::kValue; col < C::kCount; ++col) {
            const test::FodsCell& cell = f.at(kIndicatorsSheet, row.row, col);
            switch (row.role(col)) {
                case CellRole::Computed:
                    EXPECT_FALSE(cell.formula.empty()) << row.indicator->id << " " << col;
                    break;
                case CellRole::Typed:
                    EXPECT_FALSE(cell.validation.empty()) << row.indicator->id << " " << col;
                    break;
                case CellRole::NotApplicable:
                    EXPECT_EQ(cell.style, "ce_na") << row.indicator->id << " " << col;
                    break;
                case CellRole::Fixed:
                    ADD_FAILURE() << row.indicator->id << " " << col;
            }
        }
    }
    const IndicatorRow& plan = *layout.indicator_row("1.2.4");
    const DirectionSheet& ds = *layout.sheet_of("1.2");
    EXPECT_NE(f.at(kIndicatorsSheet, plan.row, C::kLink)
                  .formula.find(cell_address(ds.municipal_row(), ds.column_of("dod_plan_link"))),
              std::string::npos);
    EXPECT_EQ(f.at(kIndicatorsSheet, layout.indicator_row("1.1.1")->row, C::kLastYear).value, "90");
}

TEST(FormWriter, AnOrganisationOfNoRegisterTypeIsRefused) {
    FormData d;
    d.organisations.push_back({"1", "Управление", "", "municipality", {}});
    EXPECT_THROW(form_fods(four_types(), d, "test"), std::runtime_error);
    d.organisations.back().type = "club";
    EXPECT_THROW(form_fods(four_types(), d, "test"), std::runtime_error);
}

TEST(FormWriter, TheEngineGetsTheUdoOrganisationsAndComputesTheirIndicators) {
    const Catalogue& c = four_types();
    const Workbook w = form_workbook(c, four_data());
    ASSERT_NE(w.organisation("301"), nullptr);
    EXPECT_EQ(w.organisation("301")->type, "supplementary");
    EXPECT_TRUE(w.organisation("301")->has_flag("resource_centre"));
    EXPECT_EQ(w.organisation(kMunicipalityCode)->type, c.municipal_type().id);
    const Engine engine(c, w);
    // Children per teacher: an УДО by itself, and the municipality over schools and УДО.
    EXPECT_DOUBLE_EQ(engine.organisation("1.2.1", "301").result.value(), 25.0);
    EXPECT_DOUBLE_EQ(engine.municipality("1.2.1").result.value(), (120.0 + 60 + 300 + 200) / (6 + 4 + 12 + 10));
    EXPECT_DOUBLE_EQ(engine.municipality("1.2.2").result.value(), 50.0);   // one УДО of two licensed
    EXPECT_DOUBLE_EQ(engine.municipality("1.2.3").result.value(), 500.0);  // УДО only
    EXPECT_DOUBLE_EQ(engine.municipality("1.2.4").result.value(), 1.0);
    EXPECT_DOUBLE_EQ(engine.municipality("1.2.5").result.value(), 1.0);    // УДО answering «да»
    EXPECT_DOUBLE_EQ(engine.municipality("1.2.6").result.value(), 420.0);  // the third flag: 101 and 301
    EXPECT_EQ(engine.organisation("1.2.6", "302").result.status(), Result::Status::NotApplicable);
    EXPECT_DOUBLE_EQ(engine.municipality("1.3.1").result.value(), 10.0);
    EXPECT_DOUBLE_EQ(engine.municipality("1.1.1").result.value(), 100.0 * 78 / 90);
    EXPECT_DOUBLE_EQ(engine.municipality("1.1.2").result.value(), 75.0);  // ШНОР: 102 only
}

// Issue 13, defect 4: an organisation's share-of-organisations or yes/no is
// shown as «да»/«нет» in the direction's block; the municipality's as a share,
// or as the number answering «да».
TEST(FormWriter, TheBlockShowsAnOrganisationsYesNoAsYesNo) {
    const test::Fods& f = filled();
    const FormLayout layout = filled_layout();
    const DirectionSheet& ds = *layout.sheet_of("1.2");
    const auto column = [&](const char* id) {
        const auto& ids = ds.direction->indicators;
        return ds.block_first_column() + static_cast<int>(std::find(ids.begin(), ids.end(), id) - ids.begin());
    };
    const int first = ds.block_first_row(), municipal = ds.block_first_row() + static_cast<int>(ds.rows.size());
    for (int r = first; r < municipal; ++r) {
        EXPECT_EQ(f.at(ds.sheet, r, column("1.2.2")).style, "ce_yesno") << "row " << r;
        EXPECT_EQ(f.at(ds.sheet, r, column("1.2.5")).style, "ce_yesno") << "row " << r;
        EXPECT_EQ(f.at(ds.sheet, r, column("1.2.1")).style, "ce_dec") << "a rate stays a number";
    }
    EXPECT_EQ(f.at(ds.sheet, municipal, column("1.2.2")).style, "ce_pct_b");
    EXPECT_EQ(f.at(ds.sheet, municipal, column("1.2.5")).style, "ce_int_b") << "the number of УДО with «да»";
    EXPECT_NE(f.at(ds.sheet, ds.block_header_row(), column("1.2.2")).text.find("по организации — да/нет"),
              std::string::npos);
    // Beside the table, on its rows: the municipality's values in the totals row,
    // the titles in the header row that stays in view, no field code above them.
    EXPECT_EQ(municipal, ds.total_row());
    EXPECT_EQ(ds.block_header_row(), DirectionSheet::kHeaderRow);
    EXPECT_GT(ds.block_first_column(), static_cast<int>(ds.columns.size()) - 1);
    EXPECT_EQ(f.at(ds.sheet, DirectionSheet::kCodeRow, column("1.2.2")).text, "");
    EXPECT_NE(f.at(ds.sheet, ds.block_first_row(), ds.block_first_column()).formula.find("INDICATORS"),
              std::string::npos);
}

// Issue 13, defect 5: each register column's input help under its own title;
// a phone or an e-mail is required, not both.
TEST(FormWriter, InputHelpNamesItsOwnColumn) {
    const test::Fods& f = filled();
    const FormLayout layout = filled_layout();
    const int row = layout.register_row("school", 0);
    std::vector<std::string> titles;
    for (int col = 0; col < 7; ++col)
        if (const std::string& v = f.at(kRegisterSheet, row, col).validation; !v.empty())
            titles.push_back(f.validation_titles.at(v));
    EXPECT_EQ(titles, (std::vector<std::string>{"Код организации", "Полное наименование", "Краткое наименование",
                                                "ШНОР", "ШФНСУ", "РЦ"}));
    const auto help_of = [&](const char* key) {
        const test::FodsCell& c = f.at(kPassportSheet, layout.passport.row(key), PassportLayout::kValueColumn);
        return f.validation_helps.at(c.validation);
    };
    EXPECT_NE(help_of("phone").find("обязательно одно из: «Телефон», «Электронная почта»"), std::string::npos)
        << help_of("phone");
    EXPECT_NE(help_of("municipality").find("; обязательно."), std::string::npos);
    EXPECT_NE(help_of("position").find("необязательно"), std::string::npos);
}

// Issue 13, defect 5: the form names its font and its input colour is a clear yellow.
TEST(FormWriter, TheFormNamesItsFont) {
    const std::string text = form_fods(four_types(), four_data(), "test");
    EXPECT_NE(text.find("<style:font-face style:name=\"Liberation Sans\""), std::string::npos);
    EXPECT_NE(text.find("style:font-name=\"Liberation Sans\""), std::string::npos);
    EXPECT_EQ(text.find("#fffbe6"), std::string::npos);
    EXPECT_NE(text.find("style:name=\"ce_in\" style:family=\"table-cell\" style:parent-style-name=\"Default\"><style:"
                        "table-cell-properties fo:border=\"0.5pt solid #b0b0b0\" fo:background-color=\"#fff2cc\""),
              std::string::npos);
}

// Issue 14: what the catalogue says of a figure and an indicator is where the
// person filling the form reads it — the input help of a column names the
// field's source and note; the title of an indicator (its block, «Показатели»)
// carries its group, which change is better and its note; the supplementary
// directions come after a heading row of «Показатели».
namespace {

const test::Fods& mini_form() {
    static const test::Fods f = read_fods(form_fods(test::mini(), FormData{}, "test"));
    return f;
}

}  // namespace

TEST(FormWriter, InputHelpNamesTheFieldsSourceAndNote) {
    const Catalogue& c = test::mini();
    const FormLayout layout =
        form_layout(c, {{"school", kDefaultRegisterRows}, {"kindergarten", kDefaultRegisterRows}});
    const DirectionSheet& ds = *layout.sheet_of("1.1");
    const int row = ds.first_row();
    const test::FodsCell& pupils = mini_form().at(ds.sheet, row, ds.column_of("pupils"));
    const std::string help = mini_form().validation_helps.at(pupils.validation);
    EXPECT_NE(help.find("Заполняет ОО; обязательно.\nИсточник: региональная база ГИА."), std::string::npos) << help;
    const test::FodsCell& passed = mini_form().at(ds.sheet, row, ds.column_of("passed"));
    EXPECT_EQ(mini_form().validation_helps.at(passed.validation).find("Источник"), std::string::npos)
        << "a field that names no source says none";
    // Calc does not wrap the help: a long line is broken at spaces.
    for (const auto& [name, text] : mini_form().validation_helps) {
        std::size_t chars = 0;
        for (const unsigned char ch : text + "\n") {
            if (ch == '\n') {
                EXPECT_LE(chars, 90u) << text;
                chars = 0;
            } else if ((ch & 0xC0) != 0x80) {
                ++chars;
            }
        }
    }
}

TEST(FormWriter, AnIndicatorsTitleCarriesItsGroupBetterAndNote) {
    const Catalogue& c = test::mini();
    const FormLayout layout =
        form_layout(c, {{"school", kDefaultRegisterRows}, {"kindergarten", kDefaultRegisterRows}});
    const DirectionSheet& ds = *layout.sheet_of("1.1");
    const test::FodsCell& head = mini_form().at(ds.sheet, ds.block_header_row(), ds.block_first_column());
    EXPECT_EQ(head.comment, "Группа: результативный показатель. Динамика: выше — лучше.");
    const int row = layout.indicator_row("1.1.1")->row;
    EXPECT_EQ(mini_form().at(kIndicatorsSheet, row, IndicatorsColumns::kTitle).comment, head.comment);
    // 1.1.9 says only its note; 1.1.2 says nothing, and has no comment.
    EXPECT_EQ(mini_form().at(kIndicatorsSheet, layout.indicator_row("1.1.9")->row, IndicatorsColumns::kTitle).comment,
              "Примечание: повтор 1.1.1 для теста.");
    EXPECT_EQ(mini_form().at(kIndicatorsSheet, layout.indicator_row("1.1.2")->row, IndicatorsColumns::kTitle).comment,
              "");
}

TEST(FormWriter, IndicatorsSheetPutsTheSupplementaryDirectionsApart) {
    const Catalogue& c = test::mini();
    const FormLayout layout = form_layout(c, {});
    const int first = layout.indicator_row("1.2.1")->row;
    EXPECT_EQ(layout.supplementary_heading_row, first - 1);
    EXPECT_EQ(layout.indicator_row("1.1.10")->row, first - 2) << "the heading row only between the two parts";
    const test::FodsCell& heading =
        mini_form().at(kIndicatorsSheet, layout.supplementary_heading_row, IndicatorsColumns::kTitle);
    EXPECT_NE(heading.text.find("Дополнительные направления. 1. Тест"), std::string::npos) << heading.text;
    EXPECT_EQ(mini_form().at(kIndicatorsSheet, layout.supplementary_heading_row, IndicatorsColumns::kId).text, "");
}
