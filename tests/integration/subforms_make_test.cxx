// SPDX-License-Identifier: MPL-2.0
// Issue 16: «Формы для организаций» dispatched as a macro does, on the filled
// sample in real Calc — one file per organisation of the register; a sub-form
// opened as the school opens it: its instruction first, its passport and
// block, its hidden sheets, its protection, its values equal to the
// sample's; checked as a sub-form; a value typed wrong found at its cell;
// the municipal form left as it was, an existing folder kept.
#include "check_support.hxx"
#include "msoko/form.hpp"
#include "msoko/form_data.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/subform.hpp"
#include "snapshot.hxx"

#include <algorithm>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XStorable.hpp>

using namespace msoko::test;

namespace {

const msoko::Catalogue& catalogue() {
    static const msoko::Catalogue c = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
    return c;
}

const msoko::FormData& sample_data() {
    static const msoko::FormData d =
        msoko::read_form_data((fs::path(MSOKO_TEST_SAMPLES) / "data" / "sample-district.json").string());
    return d;
}

// The sample's first two schools and first kindergarten.
std::vector<msoko::RegisterEntry> small_register() {
    std::vector<msoko::RegisterEntry> kept;
    for (const msoko::RegisterEntry& org : sample_data().organisations)
        if (std::count_if(kept.begin(), kept.end(), [&](const auto& k) { return k.type == org.type; }) <
            (org.type == "school" ? 2 : 1))
            kept.push_back(org);
    return kept;
}

bool visible(const Reference<css::sheet::XSpreadsheet>& s) {
    bool v = true;
    Reference<css::beans::XPropertySet>(s, UNO_QUERY_THROW)->getPropertyValue("IsVisible") >>= v;
    return v;
}

bool locked(const Reference<css::table::XCell>& c) {
    css::util::CellProtection p;
    Reference<css::beans::XPropertySet>(c, UNO_QUERY_THROW)->getPropertyValue("CellProtection") >>= p;
    return p.IsLocked;
}

class Subforms : public Samples {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("msoko-subforms-" + std::to_string(getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        Samples::TearDown();
        fs::remove_all(dir_);
    }
    Reference<css::sheet::XSpreadsheetDocument> open(const fs::path& file) {
        docs_.push_back(office_->open(file, Office::Access::ReadWrite, /*with_view=*/true));
        recalc(docs_.back());
        return docs_.back();
    }
    // A form of the sample's first two schools and first kindergarten, with
    // their figures, saved as .ods: for what does not need all 29 sub-forms
    // (each sub-form costs the office about a second).
    Reference<css::sheet::XSpreadsheetDocument> open_small() {
        msoko::FormData data = sample_data();
        const std::vector<msoko::RegisterEntry> kept = small_register();
        data.organisations = kept;
        for (auto it = data.values.begin(); it != data.values.end();)
            it = it->first == msoko::kMunicipalityCode ||
                         std::any_of(kept.begin(), kept.end(), [&](const auto& k) { return k.code == it->first; })
                     ? std::next(it)
                     : data.values.erase(it);
        data.rows = {{"schools", 2}, {"kindergartens", 1}};
        data.explanations.clear();
        const fs::path fods = dir_ / "small.fods";
        std::ofstream(fods, std::ios::binary) << msoko::form_fods(catalogue(), data, "msoko tests");
        form_ = dir_ / fs::u8path("Малый — МСОКО.ods");
        auto flat = office_->open(fods, Office::Access::ReadOnly);
        css::beans::PropertyValue filter;
        filter.Name = "FilterName";
        filter.Value <<= ou("calc8");
        Reference<css::frame::XStorable>(flat, UNO_QUERY_THROW)
            ->storeToURL(ou(msoko::office::file_url(form_)), css::uno::Sequence<css::beans::PropertyValue>(&filter, 1));
        Office::close(flat);
        return open(form_);
    }
    // The command as a macro dispatches it: Folder and Replace given, so that it asks nothing.
    void make(const Reference<css::sheet::XSpreadsheetDocument>& doc, const fs::path& folder, bool replace) {
        Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
        Reference<css::frame::XDispatchProvider> frame(model->getCurrentController()->getFrame(), UNO_QUERY_THROW);
        css::beans::PropertyValue args[2];
        args[0].Name = "Folder";
        args[0].Value <<= ou(folder.u8string());
        args[1].Name = "Replace";
        args[1].Value <<= replace;
        css::frame::DispatchHelper::create(office_->context())
            ->executeDispatch(frame, "org.msoko.calc:MakeSubforms", "_self", 0,
                              css::uno::Sequence<css::beans::PropertyValue>(args, 2));
    }
    fs::path dir_, form_;
};

TEST_F(Subforms, OneFilePerOrganisationEachItsOwnPartOfTheForm) {
    auto form = open_small();
    const auto cells = validation::everything(form);
    const fs::path folder = dir_ / fs::u8path("Ольховоборский — МСОКО — формы организаций");
    make(form, folder, false);
    ASSERT_TRUE(fs::is_directory(folder)) << validation::log_of(*office_);
    std::set<std::string> files, expected;
    for (const auto& e : fs::directory_iterator(folder))
        files.insert(e.path().filename().u8string());
    for (const msoko::RegisterEntry& org : small_register())
        expected.insert(msoko::subform_file_name(org));
    EXPECT_EQ(files, expected);
    EXPECT_EQ(files.size(), 3u) << "all 29 of the whole sample: cli.subforms_merge";
    EXPECT_NE(validation::log_of(*office_).find("subforms made: 3"), std::string::npos);
    EXPECT_EQ(validation::everything(form), cells) << "making the sub-forms changed the municipal form";
    const msoko::WorkbookSnapshot municipal = msoko::uno::snapshot(form, {});
    const msoko::FormContents municipal_read = msoko::read_form(catalogue(), municipal);

    // A school's form, as the school opens it.
    const msoko::RegisterEntry& school = sample_data().organisations.front();
    auto sub = open(folder / fs::u8path(msoko::subform_file_name(school)));
    EXPECT_EQ(name_of(sheet_at(sub, 0)), "Инструкция");
    Reference<css::sheet::XSpreadsheetView> view(
        Reference<css::frame::XModel>(sub, UNO_QUERY_THROW)->getCurrentController(), UNO_QUERY_THROW);
    EXPECT_EQ(name_of(view->getActiveSheet()), "Инструкция") << "the instruction is what the school sees first";
    const std::string instruction = contents(sheet(sub, "Инструкция"));
    for (const std::string& part : {school.name, sample_data().passport.at("email"), std::string("Проверить форму")})
        EXPECT_NE(instruction.find(part), std::string::npos) << part;

    const msoko::WorkbookSnapshot snap = msoko::uno::snapshot(sub, {});
    const auto origin = msoko::read_subform_origin(snap);
    ASSERT_TRUE(origin.has_value());
    EXPECT_EQ(origin->organisation, school.code);
    EXPECT_EQ(origin->form_id,
              msoko::form_id(catalogue().info.id, sample_data().passport.at("region"),
                             sample_data().passport.at("municipality"), sample_data().passport.at("period")));
    const msoko::FormLayout layout = msoko::form_layout(catalogue(), {{school.type, 1}});
    // The passport: the municipality's items protected, the person's to type.
    auto passport = sheet(sub, "Паспорт");
    const auto value_cell = [&](const char* key) { return passport->getCellByPosition(1, layout.passport.row(key)); };
    EXPECT_EQ(text(value_cell("municipality")), sample_data().passport.at("municipality"));
    EXPECT_TRUE(locked(value_cell("municipality")));
    EXPECT_TRUE(locked(value_cell("schools_expected")));
    EXPECT_EQ(text(value_cell("responsible")), "");
    EXPECT_FALSE(locked(value_cell("responsible")));
    EXPECT_TRUE(Reference<css::util::XProtectable>(passport, UNO_QUERY_THROW)->isProtected());
    // The register: its one row, protected.
    auto reg = sheet(sub, "Организации");
    const sal_Int32 reg_row = layout.register_row(school.type, 0);
    EXPECT_EQ(text(reg->getCellByPosition(layout.register_column("code"), reg_row)), school.code);
    EXPECT_TRUE(locked(reg->getCellByPosition(layout.register_column("name"), reg_row)));
    EXPECT_EQ(text(reg->getCellByPosition(layout.register_column("code"), reg_row + 1)), "");
    // Hidden: «Показатели» and the sheets a school has nothing to fill on; shown: the others.
    EXPECT_FALSE(visible(sheet(sub, "Показатели")));
    std::size_t shown = 0, hidden = 0;
    for (const msoko::DirectionSheet& ds : layout.directions) {
        bool fills = false;
        for (std::size_t c = 0; c < ds.columns.size(); ++c)
            fills = fills || (ds.columns[c].kind == msoko::FormColumn::Kind::Input &&
                              ds.role(c, school.type, false) == msoko::CellRole::Typed);
        EXPECT_EQ(visible(sheet(sub, ds.sheet.c_str())), fills) << ds.sheet;
        (fills ? shown : hidden) += 1;
        if (!fills)
            continue;
        // The school's input cells are open, the municipal row's and the totals' are not.
        auto s = sheet(sub, ds.sheet.c_str());
        for (std::size_t c = msoko::DirectionSheet::kFixedColumns; c < ds.columns.size(); ++c) {
            const auto col = static_cast<sal_Int32>(c);
            if (ds.role(c, school.type, false) == msoko::CellRole::Typed) {
                EXPECT_FALSE(locked(s->getCellByPosition(col, ds.row_of(school.type, 0)))) << ds.sheet << " " << c;
            }
            if (ds.municipal_row() >= 0) {
                EXPECT_TRUE(locked(s->getCellByPosition(col, ds.municipal_row()))) << ds.sheet << " " << c;
            }
            EXPECT_TRUE(locked(s->getCellByPosition(col, ds.total_row()))) << ds.sheet << " " << c;
        }
    }
    EXPECT_GT(shown, 0u);
    EXPECT_GT(hidden, 0u);
    // The header rows and the code and name columns stay in view, as in a form.
    for (const msoko::DirectionSheet& ds : layout.directions) {
        auto s = sheet(sub, ds.sheet.c_str());
        if (!visible(s))
            continue;
        view->setActiveSheet(s);
        EXPECT_TRUE(Reference<css::sheet::XViewFreezable>(view, UNO_QUERY_THROW)->hasFrozenPanes()) << ds.sheet;
    }
    view->setActiveSheet(sheet(sub, "Инструкция"));
    // Its values are the sample's, as typed.
    const msoko::FormContents read = msoko::read_form(catalogue(), snap);
    std::size_t values = 0;
    for (const msoko::Field& f : catalogue().fields) {
        if (!f.concerns(school.type))
            continue;
        EXPECT_EQ(read.workbook.value(school.code, f.id), municipal_read.workbook.value(school.code, f.id)) << f.id;
        values += !read.workbook.value(school.code, f.id).is_empty();
    }
    EXPECT_GT(values, 50u);

    // Checked as a sub-form: the person is missing, so not ready.
    std::string summary;
    auto rows = validation::validate(*office_, sub, &summary);
    EXPECT_NE(summary.find("форма организации не готова к отправке в муниципалитет"), std::string::npos) << summary;
    for (const auto& r : rows) {
        EXPECT_NE(r.sheet, "Показатели") << r.message;
        EXPECT_EQ(r.message.find("В паспорте указано"), std::string::npos) << r.message;
    }
    // The school fills its passport: the summary follows its errors.
    passport->getCellByPosition(1, layout.passport.row("responsible"))->setFormula(ou("Иванова Анна Петровна"));
    passport->getCellByPosition(1, layout.passport.row("phone"))->setFormula(ou("+7 (999) 000-00-00"));
    passport->getCellByPosition(1, layout.passport.row("date"))->setFormula(ou("20.06.2025"));
    rows = validation::validate(*office_, sub, &summary);
    const std::size_t errors = validation::count(rows, "Ошибка");
    EXPECT_NE(summary.find(errors ? "форма организации не готова к отправке в муниципалитет"
                                  : "форма организации готова к отправке в муниципалитет"),
              std::string::npos)
        << summary;
    for (const auto& r : rows)
        EXPECT_NE(r.sheet, "Паспорт") << r.message;

    // A value typed wrong: found at its cell.
    const msoko::DirectionSheet* ds = nullptr;
    sal_Int32 col = -1;
    for (const auto& d : layout.directions)
        for (std::size_t c = 0; c < d.columns.size() && col < 0; ++c)
            if (d.columns[c].kind == msoko::FormColumn::Kind::Input &&
                d.columns[c].field->type == msoko::FieldType::Count &&
                d.role(c, school.type, false) == msoko::CellRole::Typed) {
                ds = &d;
                col = static_cast<sal_Int32>(c);
            }
    ASSERT_NE(ds, nullptr);
    const sal_Int32 row = ds->row_of(school.type, 0);
    sheet(sub, ds->sheet.c_str())->getCellByPosition(col, row)->setFormula(ou("12 чел."));
    rows = validation::validate(*office_, sub, &summary);
    const std::string address = msoko::cell_address(row, col);
    const auto found = std::find_if(rows.begin(), rows.end(), [&](const validation::Row& r) {
        return r.sheet == ds->sheet && r.cell == address && r.severity == "Ошибка";
    });
    ASSERT_NE(found, rows.end()) << "no error at " << ds->sheet << " " << address;
    EXPECT_NE(found->message.find("возможно, имелось в виду 12"), std::string::npos) << found->message;
    EXPECT_NE(summary.find("форма организации не готова к отправке в муниципалитет"), std::string::npos) << summary;
}

TEST_F(Subforms, AnExistingFolderIsReplacedOnlyWhenAsked) {
    auto form = open_small();
    const fs::path folder = dir_ / "forms";
    make(form, folder, false);
    ASSERT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), 3);
    // Made again into the same folder without Replace: kept as it was.
    std::ofstream(folder / "marker") << "x";
    make(form, folder, false);
    EXPECT_TRUE(fs::exists(folder / "marker")) << "the folder was replaced without asking";
    EXPECT_NE(validation::log_of(*office_).find("subforms: the folder exists and is kept"), std::string::npos);
    make(form, folder, true);
    EXPECT_FALSE(fs::exists(folder / "marker")) << "Replace kept the old folder";
    EXPECT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), 3);
}

TEST_F(Subforms, ASubformIsNotMadeIntoSubforms) {
    auto form = open_small();
    const fs::path folder = dir_ / "first";
    make(form, folder, false);
    ASSERT_TRUE(fs::is_directory(folder));
    auto sub = open(folder / fs::u8path(msoko::subform_file_name(sample_data().organisations.front())));
    make(sub, dir_ / "second", false);
    EXPECT_FALSE(fs::exists(dir_ / "second"));
    EXPECT_NE(validation::log_of(*office_).find("уже форма организации"), std::string::npos)
        << "the refusal is not told";
}

}  // namespace
