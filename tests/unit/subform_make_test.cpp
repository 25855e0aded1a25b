// SPDX-License-Identifier: MPL-2.0
// Making the sub-forms of a municipal form (issue 16): the data of each, its
// file name, the refusals; the fods the writer makes of a sub-form; and the
// check's sub-form mode, on snapshots of the sub-forms of the filled sample.
#include "fods_snapshot.hpp"
#include "msoko/form.hpp"
#include "msoko/form_data.hpp"
#include "msoko/subform.hpp"
#include "msoko/validation.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>
#include <tuple>

namespace msoko {
namespace {

const Catalogue& catalogue() {
    static const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    return c;
}

const FormData& sample() {
    static const FormData d = read_form_data(
        (std::filesystem::path(MSOKO_CORE_SOURCES) / ".." / ".." / ".." / "samples" / "data" / "sample-district.json")
            .lexically_normal()
            .string());
    return d;
}

// The filled sample as the office holds it.
const WorkbookSnapshot& municipal() {
    static const WorkbookSnapshot wb = test::fods_snapshot(catalogue(), form_fods(catalogue(), sample(), "test"));
    return wb;
}

constexpr const char* kMadeAt = "02.12.2026 10:15";

const std::vector<Subform>& subforms() {
    static const std::vector<Subform> s = make_subforms(catalogue(), municipal(), kMadeAt);
    return s;
}

// The layout of a sub-form: one register row, of its organisation's type.
FormLayout layout_of(const Subform& s) {
    return form_layout(catalogue(), {{s.organisation.type, 1}});
}

const Subform& subform_of(const std::string& code) {
    for (const Subform& s : subforms())
        if (s.organisation.code == code)
            return s;
    throw std::runtime_error("no sub-form of " + code);
}

// A sub-form as the office holds it after the organisation filled its
// passport (the responsible person and the date), `edit` applied to its typed cells.
WorkbookSnapshot subform_snapshot(const Subform& s, const std::function<void(WorkbookSnapshot&)>& edit = {}) {
    FormData d = s.data;
    d.passport["responsible"] = "Иванова Анна Петровна";
    d.passport["phone"] = "+7 (999) 000-00-00";
    d.passport["date"] = "2025-06-20";
    return test::fods_snapshot(catalogue(), form_fods(catalogue(), d, "test"), edit);
}

std::string throws_what(const WorkbookSnapshot& wb) {
    try {
        make_subforms(catalogue(), wb, kMadeAt);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

TEST(SubformMake, OnePerOrganisationOfTheRegisterInItsOrder) {
    ASSERT_EQ(subforms().size(), sample().organisations.size());
    std::set<std::string> files;
    for (std::size_t i = 0; i < subforms().size(); ++i) {
        const Subform& s = subforms()[i];
        const RegisterEntry& org = sample().organisations[i];
        EXPECT_EQ(s.organisation.code, org.code);
        EXPECT_EQ(s.organisation.type, org.type);
        EXPECT_EQ(s.organisation.flags, org.flags) << org.code;
        ASSERT_EQ(s.data.organisations.size(), 1u);
        EXPECT_EQ(s.data.organisations[0].code, org.code);
        EXPECT_EQ(s.file_name, org.code + " " + org.short_name + ".ods");
        files.insert(s.file_name);
        ASSERT_TRUE(s.data.subform.has_value());
        EXPECT_EQ(s.data.subform->organisation, org.code);
        EXPECT_EQ(s.data.subform->organisation_name, org.short_name);
        EXPECT_EQ(s.data.subform->made_at, kMadeAt);
        EXPECT_EQ(s.data.subform->form_id,
                  form_id(catalogue().info.id, sample().passport.at("region"), sample().passport.at("municipality"),
                          sample().passport.at("period")));
    }
    EXPECT_EQ(files.size(), subforms().size());
}

TEST(SubformMake, PassportCopiesTheMunicipalityAndLeavesThePersonEmpty) {
    const Subform& s = subforms().front();
    for (const char* key : {"municipality", "region", "period"})
        EXPECT_EQ(s.data.passport.at(key), sample().passport.at(key)) << key;
    for (const char* key : {"responsible", "position", "phone", "email", "date"}) {
        EXPECT_EQ(s.data.passport.count(key), 0u) << key;
        EXPECT_EQ(s.data.subform_return_to.count(key) != 0, std::string(key) != "date") << key;
    }
    EXPECT_EQ(s.data.subform_return_to.at("responsible"), sample().passport.at("responsible"));
    EXPECT_EQ(s.data.subform_return_to.at("email"), sample().passport.at("email"));
    for (const OrganisationType* type : catalogue().register_types()) {
        const bool own = type->id == s.organisation.type;
        EXPECT_EQ(s.data.passport.at(PassportLayout::count_key(*type)), own ? "1" : "0");
        EXPECT_EQ(s.data.register_rows(type->plural), own ? 1u : 0u);
    }
    EXPECT_TRUE(s.data.previous.empty());
    EXPECT_TRUE(s.data.evidence.empty());
}

TEST(SubformMake, ValuesAreTheMunicipalFormsForTheOrganisation) {
    std::size_t compared = 0;
    for (const Subform& s : subforms()) {
        const std::string& code = s.organisation.code;
        const auto want = sample().values.find(code);
        std::map<std::string, Cell> expected;
        if (want != sample().values.end())
            for (const auto& [field, v] : want->second)
                if (catalogue().field(field) && catalogue().field(field)->concerns(s.organisation.type))
                    expected[field] = v;
        const auto got = s.data.values.find(code);
        const std::map<std::string, Cell> actual =
            got == s.data.values.end() ? std::map<std::string, Cell>{} : got->second;
        EXPECT_EQ(actual, expected) << code;
        compared += actual.size();
        EXPECT_LE(s.data.values.size(), 1u) << code;  // nobody else's values
    }
    EXPECT_GT(compared, 1000u);
}

TEST(SubformMake, FileNamesHoldNoCharacterAFileNameCannot) {
    RegisterEntry e{"101", "Школа", "МБОУ «Школа № 1» г. Вязьма/Сафоново: 1?", "school", {}};
    EXPECT_EQ(subform_file_name(e), "101 МБОУ «Школа № 1» г. Вязьма-Сафоново- 1-.ods");
    e.short_name = "";
    EXPECT_EQ(subform_file_name(e), "101 Школа.ods");
    e.short_name = "Школа №1.";
    EXPECT_EQ(subform_file_name(e), "101 Школа №1.ods");
    e.short_name = std::string(200, 'a') + "ё";
    const std::string long_name = subform_file_name(e);
    EXPECT_LE(long_name.size(), 124u);
    EXPECT_EQ(long_name.substr(long_name.size() - 4), ".ods");
}

TEST(SubformMake, RefusesWhatIsNotAMunicipalFormWithRegister) {
    EXPECT_NE(throws_what(WorkbookSnapshot{}).find("не является формой"), std::string::npos);
    // A sub-form is not made into sub-forms.
    const std::string of_subform = throws_what(subform_snapshot(subforms().front()));
    EXPECT_NE(of_subform.find("уже форма организации"), std::string::npos) << of_subform;
    // A blank form: its register is empty.
    FormData blank;
    blank.passport = {{"municipality", "М"}, {"region", "Р"}, {"period", "2024/2025 учебный год"}};
    const std::string empty = throws_what(test::fods_snapshot(catalogue(), form_fods(catalogue(), blank, "test")));
    EXPECT_NE(empty.find("нет ни одной организации"), std::string::npos) << empty;
    // Another version of the catalogue.
    WorkbookSnapshot other = municipal();
    SheetSnapshot& p = *test::detail::sheet_named(other, kPassportSheet);
    const int row = form_layout(catalogue(), {}).passport.row(kPassportCatalogueVersion);
    p.set(static_cast<std::size_t>(row), 1, Cell::text("1999.1"));
    const std::string version = throws_what(other);
    EXPECT_NE(version.find("версии «1999.1»"), std::string::npos) << version;
    // A code twice in the register.
    FormData twice = sample();
    twice.organisations[1].code = twice.organisations[0].code;
    twice.values.erase(sample().organisations[1].code);
    const std::string duplicate = throws_what(test::fods_snapshot(catalogue(), form_fods(catalogue(), twice, "test")));
    EXPECT_NE(duplicate.find("дважды"), std::string::npos) << duplicate;
}

// --- the fods of a sub-form --------------------------------------------------------

// table:name → table:style-name of every sheet of a fods, in order.
std::vector<std::pair<std::string, std::string>> sheet_styles(const std::string& fods) {
    static const std::regex table(R"re(<table:table table:name="([^"]+)" table:style-name="([^"]+)")re");
    std::vector<std::pair<std::string, std::string>> out;
    for (std::sregex_iterator it(fods.begin(), fods.end(), table), end; it != end; ++it)
        out.emplace_back((*it)[1].str(), (*it)[2].str());
    return out;
}

TEST(SubformWriter, InstructionFirstSheetsWithoutInputHiddenIndicatorsHidden) {
    const FormLayout layout = form_layout(catalogue(), {});
    for (const std::string& code : {sample().organisations.front().code, sample().organisations.back().code}) {
        const Subform& s = subform_of(code);
        const std::string fods = form_fods(catalogue(), s.data, "test");
        const auto sheets = sheet_styles(fods);
        ASSERT_EQ(sheets.size(), form_sheet_names(catalogue()).size() + 1);
        EXPECT_EQ(sheets[0].first, kInstructionSheet);
        EXPECT_EQ(sheets[0].second, "ta_form");
        EXPECT_EQ(sheets[1], std::make_pair(std::string(kPassportSheet), std::string("ta_form")));
        EXPECT_EQ(sheets[2], std::make_pair(std::string(kRegisterSheet), std::string("ta_form")));
        // «Показатели» and «Процедуры оценки», the municipality's, hidden.
        EXPECT_EQ(sheets[sheets.size() - 2], std::make_pair(std::string(kIndicatorsSheet), std::string("ta_hidden")));
        EXPECT_EQ(sheets.back(), std::make_pair(std::string(kProceduresSheet), std::string("ta_hidden")));
        std::size_t shown = 0;
        for (std::size_t i = 0; i < layout.directions.size(); ++i) {
            const DirectionSheet& ds = layout.directions[i];
            bool fills = false;
            for (std::size_t c = 0; c < ds.columns.size(); ++c)
                fills = fills || (ds.columns[c].kind == FormColumn::Kind::Input &&
                                  ds.role(c, s.organisation.type, false) == CellRole::Typed);
            EXPECT_EQ(sheets[3 + i].first, ds.sheet);
            EXPECT_EQ(sheets[3 + i].second, fills ? "ta_form" : "ta_hidden") << ds.sheet << " " << code;
            shown += fills;
        }
        EXPECT_GT(shown, 0u);
        EXPECT_LT(shown, layout.directions.size()) << "a school and a kindergarten both have sheets not theirs";
        // The first sheet is the active one.
        EXPECT_NE(fods.find(R"(<config:config-item config:name="ActiveTable" config:type="string">Инструкция<)"),
                  std::string::npos);
        // A municipal form has no hidden sheet and no instruction.
        const std::string form = form_fods(catalogue(), sample(), "test");
        for (const auto& [name, style] : sheet_styles(form))
            EXPECT_EQ(style, "ta_form") << name;
    }
}

TEST(SubformWriter, InputOnlyInTheOrganisationsOwnCells) {
    const Subform& s = subforms().front();
    const test::Fods f = test::read_fods(form_fods(catalogue(), s.data, "test"));
    const FormLayout layout = layout_of(s);
    // The passport: the person's items are input cells; the municipality's, the counts and the block are not.
    const PassportLayout& p = layout.passport;
    for (const PassportItem& item : p.items) {
        const test::FodsCell& c = f.at(kPassportSheet, item.row, 1);
        const bool typed = item.role == CellRole::Typed && item.org_type.empty() && item.key != "municipality" &&
                           item.key != "region" && item.key != kPassportPeriod;
        EXPECT_EQ(c.style.rfind("ce_in", 0) == 0, typed) << item.key << " " << c.style;
        if (item.key == "municipality") {
            EXPECT_EQ(c.text, sample().passport.at("municipality"));
        }
    }
    const SubformBlock block = SubformBlock::of(p);
    EXPECT_EQ(f.at(kPassportSheet, block.heading_row, 0).text, SubformBlock::kHeading);
    for (const StampItem& item : block.items)
        EXPECT_EQ(f.at(kPassportSheet, item.row, 1).style, "ce_ro") << item.key;
    EXPECT_EQ(f.at(kPassportSheet, block.item(kSubformFormId)->row, 1).text, s.data.subform->form_id);
    // The register: its one row, protected.
    const int reg_row = layout.register_row(s.organisation.type, 0);
    EXPECT_EQ(f.at(kRegisterSheet, reg_row, layout.register_column("code")).text, s.organisation.code);
    for (std::size_t c = 0; c < layout.register_columns.size(); ++c)
        EXPECT_EQ(f.at(kRegisterSheet, reg_row, static_cast<int>(c)).style.rfind("ce_in", 0), std::string::npos);
    // Direction sheets: the municipal row has no input cell; the organisation's row has its input cells.
    std::size_t inputs = 0;
    for (const DirectionSheet& ds : layout.directions) {
        for (std::size_t c = DirectionSheet::kFixedColumns; c < ds.columns.size(); ++c) {
            if (ds.municipal_row() >= 0) {
                EXPECT_EQ(f.at(ds.sheet, ds.municipal_row(), static_cast<int>(c)).style.rfind("ce_in", 0),
                          std::string::npos)
                    << ds.sheet << " " << c;
            }
            if (ds.role(c, s.organisation.type, false) == CellRole::Typed) {
                EXPECT_EQ(
                    f.at(ds.sheet, ds.row_of(s.organisation.type, 0), static_cast<int>(c)).style.rfind("ce_in", 0), 0u);
                ++inputs;
            }
        }
    }
    EXPECT_GT(inputs, 50u);
    // The instruction names the organisation, the form's id and whom to send it to.
    std::string instruction;
    for (const auto& [at, c] : f.sheets.at(kInstructionSheet))
        instruction += c.text + "\n";
    for (const std::string& part :
         {s.organisation.name, s.data.subform->form_id, sample().passport.at("responsible"),
          sample().passport.at("email"), sample().passport.at("municipality"), std::string("Проверить форму")})
        EXPECT_NE(instruction.find(part), std::string::npos) << part;
    // It names the sheets to fill, and no hidden one.
    for (const DirectionSheet& ds : layout.directions) {
        bool fills = false;
        for (std::size_t c = 0; c < ds.columns.size(); ++c)
            fills = fills || (ds.columns[c].kind == FormColumn::Kind::Input &&
                              ds.role(c, s.organisation.type, false) == CellRole::Typed);
        EXPECT_EQ(instruction.find("«" + ds.sheet + "»") != std::string::npos, fills) << ds.sheet;
    }
}

// --- the check of a sub-form -------------------------------------------------------

using FindingKey = std::tuple<std::string, std::string, std::string>;  // kind, organisation, field

// The findings of an organisation in a report, but the outliers (they compare organisations).
std::set<FindingKey> findings_of(const ValidationReport& r, const std::string& code) {
    std::set<FindingKey> out;
    for (const Finding& f : r.findings)
        if (f.organisation == code && f.kind != "plausibility.outlier")
            out.insert({f.kind, f.organisation, f.field});
    return out;
}

TEST(SubformCheck, ASubFormIsCheckedAsOneAndReadyWhenItsCellsAre) {
    const ValidationReport form = validate(catalogue(), municipal());
    EXPECT_FALSE(form.subform);
    for (const Subform& s : subforms()) {
        const WorkbookSnapshot wb = subform_snapshot(s);
        ASSERT_TRUE(read_subform_origin(wb).has_value());
        const ValidationReport r = validate(catalogue(), wb);
        EXPECT_TRUE(r.subform);
        // The organisation's own findings are the municipal form's ones about it.
        EXPECT_EQ(findings_of(r, s.organisation.code), findings_of(form, s.organisation.code)) << s.organisation.code;
        // Nothing about the municipality, «Показатели», the sheets or the passport's counts.
        for (const Finding& f : r.findings) {
            EXPECT_NE(f.organisation, kMunicipalityCode) << f.message;
            EXPECT_NE(f.sheet, kIndicatorsSheet) << f.message;
            EXPECT_NE(f.kind.rfind("structure.", 0), 0u) << f.message;
            EXPECT_NE(f.kind, "register.count") << f.message;
            EXPECT_TRUE(f.organisation.empty() || f.organisation == s.organisation.code) << f.message;
            EXPECT_NE(f.kind.rfind("passport.", 0), 0u) << f.message;
        }
        const std::string summary = r.summary();
        EXPECT_NE(summary.find(r.ready() ? "— форма организации готова к отправке в муниципалитет"
                                         : "— форма организации не готова к отправке в муниципалитет"),
                  std::string::npos)
            << summary;
        for (const Completeness& c : r.completeness)
            EXPECT_FALSE(c.nobody) << c.sheet;
    }
}

TEST(SubformCheck, TheSchoolsPersonIsRequiredAndTheCountsAreNot) {
    const WorkbookSnapshot wb = test::fods_snapshot(catalogue(), form_fods(catalogue(), subforms().front().data, "t"));
    const ValidationReport r = validate(catalogue(), wb);
    std::set<std::string> fields;
    for (const Finding& f : r.findings)
        if (f.kind == "passport.required" || f.kind == "passport.contact")
            fields.insert(f.field);
    EXPECT_EQ(fields, (std::set<std::string>{"responsible", "date", "contact"}));
    EXPECT_FALSE(r.ready());
    EXPECT_NE(r.summary().find("форма организации не готова к отправке в муниципалитет"), std::string::npos);
}

TEST(SubformCheck, AValueTypedWrongIsFoundAtItsCell) {
    const Subform& s = subforms().front();
    const FormLayout layout = layout_of(s);
    const DirectionSheet& ds = layout.directions.front();
    int col = -1;
    for (std::size_t c = 0; c < ds.columns.size() && col < 0; ++c)
        if (ds.columns[c].kind == FormColumn::Kind::Input && ds.columns[c].field->type == FieldType::Count &&
            ds.role(c, s.organisation.type, false) == CellRole::Typed)
            col = static_cast<int>(c);
    ASSERT_GE(col, 0);
    const int row = ds.row_of(s.organisation.type, 0);
    const ValidationReport r =
        validate(catalogue(), subform_snapshot(s, [&](WorkbookSnapshot& wb) {
                     test::detail::sheet_named(wb, ds.sheet)
                         ->set(static_cast<std::size_t>(row), static_cast<std::size_t>(col), Cell::text("12 чел."));
                 }));
    const Finding* found = nullptr;
    for (const Finding& f : r.findings)
        if (f.kind == "type.count")
            found = &f;
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->sheet, ds.sheet);
    EXPECT_EQ(found->row, row);
    EXPECT_EQ(found->col, col);
    EXPECT_EQ(found->organisation, s.organisation.code);
    EXPECT_FALSE(r.ready());
}

TEST(SubformCheck, TheMunicipalRowIsNotASubformsBusiness) {
    const Subform& s = subforms().front();
    const FormLayout layout = layout_of(s);
    // A direction whose municipal row the municipality types into.
    const DirectionSheet* found = nullptr;
    for (const DirectionSheet& d : layout.directions)
        for (std::size_t c = 0; c < d.columns.size() && !found; ++c)
            if (d.municipal_row() >= 0 && d.columns[c].kind == FormColumn::Kind::Input &&
                d.role(c, layout.municipal_type, true) == CellRole::Typed)
                found = &d;
    ASSERT_NE(found, nullptr);
    const DirectionSheet& ds = *found;
    const ValidationReport clean = validate(catalogue(), subform_snapshot(s));
    const ValidationReport typed =
        validate(catalogue(), subform_snapshot(s, [&](WorkbookSnapshot& wb) {
                     SheetSnapshot& sh = *test::detail::sheet_named(wb, ds.sheet);
                     for (std::size_t c = DirectionSheet::kFixedColumns; c < ds.columns.size() && c < sh.cols; ++c)
                         sh.set(static_cast<std::size_t>(ds.municipal_row()), c, Cell::text("много"));
                 }));
    EXPECT_EQ(typed.findings.size(), clean.findings.size());
}

// A sub-form whose register row is changed: `code` in its code cell, `second` in the row below when given.
ValidationReport with_register(const std::string& code, const std::string& second = {}, bool empty = false) {
    const Subform& s = subforms().front();
    const FormLayout layout = layout_of(s);
    const auto row = static_cast<std::size_t>(layout.register_row(s.organisation.type, 0));
    const auto code_col = static_cast<std::size_t>(layout.register_column("code"));
    const auto name_col = static_cast<std::size_t>(layout.register_column("name"));
    return validate(catalogue(), subform_snapshot(s, [&](WorkbookSnapshot& wb) {
                        SheetSnapshot& reg = *test::detail::sheet_named(wb, kRegisterSheet);
                        if (empty) {
                            reg.set(row, code_col, Cell::empty());
                            return;
                        }
                        reg.set(row, code_col, Cell::text(code));
                        if (second.empty())
                            return;
                        SheetSnapshot grown = SheetSnapshot::blank(reg.name, reg.rows + 1, reg.cols);
                        for (std::size_t r = 0; r < reg.rows; ++r)
                            for (std::size_t c = 0; c < reg.cols; ++c)
                                grown.set(r, c, reg.value(r, c), reg.is_formula(r, c));
                        for (std::size_t c = 0; c < reg.cols; ++c)
                            grown.set(row + 1, c, reg.value(row, c));
                        grown.set(row + 1, code_col, Cell::text(second));
                        grown.set(row + 1, name_col, Cell::text("Другая школа"));
                        reg = std::move(grown);
                    }));
}

std::vector<const Finding*> of_kind(const ValidationReport& r, const std::string& kind) {
    std::vector<const Finding*> out;
    for (const Finding& f : r.findings)
        if (f.kind == kind)
            out.push_back(&f);
    return out;
}

TEST(SubformCheck, TheRegisterHoldsExactlyTheOrganisationOfTheBlock) {
    const std::string own = subforms().front().organisation.code;
    EXPECT_TRUE(of_kind(with_register(own), "subform.other_organisation").empty());
    EXPECT_TRUE(of_kind(with_register(own), "subform.extra_organisation").empty());

    const ValidationReport other = with_register("9999");
    const auto o = of_kind(other, "subform.other_organisation");
    ASSERT_EQ(o.size(), 1u);
    EXPECT_EQ(o[0]->organisation, "9999");
    EXPECT_NE(o[0]->message.find(own), std::string::npos) << o[0]->message;
    EXPECT_FALSE(other.ready());

    const ValidationReport extra = with_register(own, "9998");
    const auto e = of_kind(extra, "subform.extra_organisation");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0]->organisation, "9998");
    EXPECT_EQ(e[0]->sheet, kRegisterSheet);
    EXPECT_TRUE(of_kind(extra, "subform.other_organisation").empty());

    const ValidationReport none = with_register("", "", true);
    EXPECT_EQ(of_kind(none, "subform.organisation_missing").size(), 1u);
    EXPECT_TRUE(of_kind(none, "register.none").empty());
}

}  // namespace
}  // namespace msoko
