// SPDX-License-Identifier: MPL-2.0
// Issue 16: «Собрать формы организаций» dispatched as a macro does, on the
// filled sample in real Calc — the returned sub-forms' values taken into the
// cells of the form, «Сбор форм» listing who has not returned theirs first,
// conflicts kept or taken as decided, every refusal a line, the whole merge
// one undo step, and a merged value never changed silently.
#include "subforms_merge.hxx"
#include "check_support.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/form.hpp"
#include "msoko/form_data.hpp"
#include "msoko/merge.hpp"
#include "msoko/subform.hpp"
#include "msoko/text.hpp"
#include "snapshot.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/util/XProtectable.hpp>

using namespace msoko::test;

namespace {

const msoko::Catalogue& catalogue() {
    static const msoko::Catalogue c = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
    return c;
}

const msoko::FormLayout& layout() {
    static const msoko::FormLayout l = msoko::form_layout(catalogue(), {});
    return l;
}

// A cell of a direction table: the row of an organisation's code, the column of a field's code.
struct Place {
    std::string sheet;
    sal_Int32 row = -1, col = -1;
};

Place place_of(const Reference<css::sheet::XSpreadsheetDocument>& doc, const msoko::DirectionSheet& ds,
               const std::string& code, const std::string& field) {
    auto s = sheet(doc, ds.sheet.c_str());
    Place p{ds.sheet, -1, -1};
    for (sal_Int32 c = 0; c < 400 && p.col < 0; ++c)
        if (text(s->getCellByPosition(c, msoko::DirectionSheet::kCodeRow)) == field)
            p.col = c;
    for (sal_Int32 r = ds.first_row(); r < ds.first_row() + 200 && p.row < 0; ++r)
        if (text(s->getCellByPosition(0, r)) == code)
            p.row = r;
    return p;
}

// The input fields of an organisation type on every direction.
std::vector<std::pair<const msoko::DirectionSheet*, std::string>> typed_fields(const std::string& type) {
    std::vector<std::pair<const msoko::DirectionSheet*, std::string>> out;
    for (const auto& ds : layout().directions)
        for (std::size_t c = 0; c < ds.columns.size(); ++c)
            if (ds.columns[c].kind == msoko::FormColumn::Kind::Input &&
                ds.role(c, type, false) == msoko::CellRole::Typed)
                out.emplace_back(&ds, ds.columns[c].code);
    return out;
}

Reference<css::table::XCell> cell_at(const Reference<css::sheet::XSpreadsheetDocument>& doc, const Place& p) {
    return sheet(doc, p.sheet.c_str())->getCellByPosition(p.col, p.row);
}

// A cell as the merge compares it: a number, a text, or empty.
std::string value_of(const Reference<css::table::XCell>& c) {
    switch (c->getType()) {
        case css::table::CellContentType_EMPTY:
            return "";
        case css::table::CellContentType_VALUE:
            return "n:" + msoko::format_number(c->getValue());
        default:
            return "t:" + text(c);
    }
}

class Merge : public Samples {
protected:
    static void TearDownTestSuite() {
        fs::remove_all(cache_dir());
        Samples::TearDownTestSuite();
    }
    // The sub-forms stored unchanged, kept for the suite: a test takes a copy.
    static fs::path cache_dir() {
        return fs::temp_directory_path() / ("msoko-merge-cache-" + std::to_string(getpid()));
    }
    void SetUp() override {
        Samples::SetUp();
        dir_ = fs::temp_directory_path() / ("msoko-merge-" + std::to_string(getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "returned");
    }
    void TearDown() override {
        Samples::TearDown();
        fs::remove_all(dir_);
    }
    // The filled sample as the municipal form, open for editing with a view.
    Reference<css::sheet::XSpreadsheetDocument> open_form() {
        const fs::path form = dir_ / "Ольховоборский — МСОКО.ods";
        fs::copy_file(fs::path(MSOKO_TEST_SAMPLES) / "sample-district.ods", form, fs::copy_options::overwrite_existing);
        docs_.push_back(office_->open(form, Office::Access::ReadWrite, /*with_view=*/true));
        recalc(docs_.back());
        return docs_.back();
    }
    // The sub-form of organisation `code` as «Формы для организаций» makes it of the sample (make_subforms,
    // form_fods; «9999»: 4201's given a code the register does not hold), opened in the office; `change`
    // may alter it before it is stored as `name` (.ods) in the folder «returned».
    fs::path subform(const std::string& code, const std::string& name,
                     const std::function<void(const Reference<css::sheet::XSpreadsheetDocument>&)>& change = {},
                     const std::string& made_at = "01.12.2026 09:00") {
        static const msoko::WorkbookSnapshot sample = [] {
            auto doc = office_->open(fs::path(MSOKO_TEST_SAMPLES) / "sample-district.ods", Office::Access::ReadOnly);
            recalc(doc);
            msoko::WorkbookSnapshot s = msoko::uno::snapshot(doc, nullptr);
            Office::close(doc);
            return s;
        }();
        const fs::path file = dir_ / "returned" / fs::u8path(name);
        const fs::path cached = cache_dir() / (code + " " + made_at + ".ods");
        if (!change && fs::exists(cached)) {
            fs::copy_file(cached, file);
            return file;
        }
        const std::string of = code == "9999" ? "4201" : code;
        msoko::FormData data;
        for (const msoko::Subform& sub : msoko::make_subforms(catalogue(), sample, made_at))
            if (sub.organisation.code == of)
                data = sub.data;
        EXPECT_TRUE(data.subform) << "no sub-form of " << code;
        if (code != of) {
            data.subform->organisation = code;
            for (auto& o : data.organisations)
                o.code = code;
            data.values[code] = data.values[of];
            data.values.erase(of);
        }
        const fs::path fods = dir_ / "sub-form.fods";
        std::ofstream(fods, std::ios::binary) << msoko::form_fods(catalogue(), data, "msoko tests");
        auto doc = office_->open(fods, Office::Access::Copy);
        recalc(doc);
        if (change)
            change(doc);
        css::beans::PropertyValue filter;
        filter.Name = "FilterName";
        filter.Value <<= OUString("calc8");
        Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
            ->storeToURL(ou(msoko::office::file_url(file)), Sequence<css::beans::PropertyValue>(&filter, 1));
        Office::close(doc);
        fs::remove(fods);
        if (!change) {
            fs::create_directories(cache_dir());
            fs::copy_file(file, cached, fs::copy_options::overwrite_existing);
        }
        return file;
    }
    // The command as a macro dispatches it.
    // The command as a macro dispatches it; `conflicts` null: no «Conflicts», the dialog asks.
    void merge(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::vector<fs::path>& files,
               const char* conflicts = "keep") {
        Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
        Reference<css::frame::XDispatchProvider> frame(model->getCurrentController()->getFrame(), UNO_QUERY_THROW);
        Sequence<OUString> list(static_cast<sal_Int32>(files.size()));
        for (std::size_t i = 0; i < files.size(); ++i)
            list.getArray()[i] = ou(files[i].u8string());
        css::beans::PropertyValue a, b;
        a.Name = "Files";
        a.Value <<= list;
        b.Name = "Conflicts";
        if (conflicts)
            b.Value <<= OUString::createFromAscii(conflicts);
        css::frame::DispatchHelper::create(office_->context())
            ->executeDispatch(frame, "org.msoko.calc:MergeSubforms", "_self", 0,
                              conflicts ? arguments({a, b}) : arguments({a}));
    }
    // The rows of «Сбор форм» under the head «head» (column A), up to the next empty row.
    static std::vector<std::vector<std::string>> table(const Reference<css::sheet::XSpreadsheet>& s,
                                                       const std::string& head_prefix) {
        std::vector<std::vector<std::string>> out;
        sal_Int32 r = 0;
        while (r < 2000 && text(s->getCellByPosition(0, r)).rfind(head_prefix, 0) != 0)
            ++r;
        for (r += 2; r < 2000 && !text(s->getCellByPosition(0, r)).empty(); ++r) {
            if (text(s->getCellByPosition(0, r)) == "нет")  // an empty table says so
                break;
            std::vector<std::string> row;
            for (sal_Int32 c = 0; c < 11; ++c)
                row.push_back(text(s->getCellByPosition(c, r)));
            out.push_back(std::move(row));
        }
        return out;
    }
    // Empties the cells of an organisation's fields in the form.
    static void clear_values(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& code) {
        for (const auto& [ds, field] : typed_fields("school"))
            if (const Place p = place_of(doc, *ds, code, field); p.row >= 0 && p.col >= 0)
                Reference<css::sheet::XSheetOperation>(
                    sheet(doc, p.sheet.c_str())->getCellRangeByPosition(p.col, p.row, p.col, p.row), UNO_QUERY_THROW)
                    ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::STRING);
    }
    static std::map<std::string, std::string> values_of(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                                        const std::string& code) {
        std::map<std::string, std::string> out;
        for (const auto& [ds, field] : typed_fields("school"))
            if (const Place p = place_of(doc, *ds, code, field); p.row >= 0 && p.col >= 0)
                out[field] = value_of(cell_at(doc, p));
        return out;
    }

    fs::path dir_;
};

TEST_F(Merge, TakesTheReturnedValuesAndListsWhoHasNotReturnedFirst) {
    auto doc = open_form();
    const auto expected = values_of(doc, "4201");
    ASSERT_GT(expected.size(), 100u);
    clear_values(doc, "4201");
    clear_values(doc, "4202");
    const fs::path first = subform("4201", "4201 МБОУ Ольховоборская СОШ № 1.ods");
    merge(doc, {dir_ / "returned"});
    EXPECT_EQ(values_of(doc, "4201"), expected) << "every value of the sub-form in its cell";
    for (const auto& [field, v] : values_of(doc, "4202"))
        EXPECT_EQ(v, "") << field << ": an organisation that sent nothing keeps its cells";
    ASSERT_TRUE(doc->getSheets()->hasByName(ou(msoko::kCollectionSheet)));
    const auto report = sheet(doc, msoko::kCollectionSheet);
    EXPECT_EQ(text(report->getCellByPosition(0, 0)), "Сбор форм организаций");
    const auto orgs = table(report, "Организации");
    ASSERT_EQ(orgs.size(), 29u);
    for (std::size_t i = 0; i < 28; ++i)
        EXPECT_EQ(orgs[i][3], "не вернула форму") << orgs[i][0];
    EXPECT_EQ(orgs[28][0], "4201");
    EXPECT_EQ(orgs[28][3], "принята");
    EXPECT_EQ(orgs[28][10], first.filename().u8string());
    EXPECT_NE(orgs[28][9].find("форма организации"), std::string::npos) << "the sub-form's own check: " << orgs[28][9];
    EXPECT_NE(validation::log_of(*office_).find("subforms merged: 1 returned, 0 refused, 28 not returned, 0 conflicts"),
              std::string::npos)
        << validation::log_of(*office_);
    // The record is kept in the form; the snapshot leaves «Сбор форм» out.
    const msoko::MergedRecord record = msoko::uno::kept_record(doc);
    ASSERT_NE(record.of("4201"), nullptr);
    EXPECT_EQ(record.of("4201")->values.size(),
              static_cast<std::size_t>(
                  std::count_if(expected.begin(), expected.end(), [](const auto& e) { return !e.second.empty(); })));
    for (const auto& s : msoko::uno::snapshot(doc, nullptr).sheets)
        EXPECT_NE(s.name, msoko::kCollectionSheet);

    // The same files again: nothing is written, nothing asked.
    const auto before = validation::everything(doc);
    merge(doc, {first});
    auto after = validation::everything(doc);
    after.erase(msoko::kCollectionSheet);
    auto was = before;
    was.erase(msoko::kCollectionSheet);
    EXPECT_EQ(after, was) << "merging the same sub-form twice changed the form";
    EXPECT_EQ(table(sheet(doc, msoko::kCollectionSheet), "Организации")[28][4], "0") << "values taken the second time";
}

TEST_F(Merge, ATypedValueIsAConflictKeptOrTakenAsDecided) {
    auto doc = open_form();
    const msoko::DirectionSheet& ds = *typed_fields("school").front().first;
    const std::string field = typed_fields("school").front().second;
    const Place p = place_of(doc, ds, "4201", field);
    ASSERT_GE(p.row, 0);
    const std::string sent = value_of(cell_at(doc, p));
    cell_at(doc, p)->setValue(777);
    const fs::path file = subform("4201", "4201.ods");
    merge(doc, {file}, "keep");
    EXPECT_EQ(value_of(cell_at(doc, p)), "n:777") << "kept: the typed value stays";
    const auto conflicts = table(sheet(doc, msoko::kCollectionSheet), "Расхождения");
    ASSERT_EQ(conflicts.size(), 1u);
    EXPECT_EQ(conflicts[0][0], "4201");
    EXPECT_EQ(conflicts[0][2], msoko::cell_address(p.row, p.col));
    EXPECT_EQ(conflicts[0][3], ds.sheet);
    EXPECT_EQ(conflicts[0][4], "777");
    EXPECT_EQ("n:" + conflicts[0][5], sent);
    EXPECT_EQ(conflicts[0][6], "оставлено значение формы");
    // Kept once, not asked again for the same file.
    merge(doc, {file}, "take");
    EXPECT_EQ(value_of(cell_at(doc, p)), "n:777");
    EXPECT_TRUE(table(sheet(doc, msoko::kCollectionSheet), "Расхождения").empty());
    // Another value typed: the sub-form's value was declined already, the form's stays.
    cell_at(doc, p)->setValue(778);
    merge(doc, {file}, "take");
    EXPECT_EQ(value_of(cell_at(doc, p)), "n:778");
    // A corrected sub-form with another value: a conflict again, taken this time.
    const fs::path corrected = subform("4201", "4201 исправленная.ods", [&](const auto& d) {
        cell_at(d, place_of(d, ds, "4201", field))->setValue(359);
    });
    merge(doc, {corrected}, "take");
    EXPECT_EQ(value_of(cell_at(doc, p)), "n:359") << "taken: the sub-form's value";
    const auto taken = table(sheet(doc, msoko::kCollectionSheet), "Расхождения");
    ASSERT_EQ(taken.size(), 1u);
    EXPECT_EQ(taken[0][4], "778");
    EXPECT_EQ(taken[0][6], "взято из формы организации");
}

TEST_F(Merge, ConflictsLeftToTheDialogAndCancelledChangeNothing) {
    auto doc = open_form();
    clear_values(doc, "4202");
    const msoko::DirectionSheet& ds = *typed_fields("school").front().first;
    const Place p = place_of(doc, ds, "4201", typed_fields("school").front().second);
    cell_at(doc, p)->setValue(777);
    const auto before = validation::everything(doc);
    // No «Conflicts»: the dialog asks, and a headless office answers «Отмена».
    merge(doc, {subform("4201", "4201.ods"), subform("4202", "4202.ods")}, nullptr);
    EXPECT_EQ(validation::everything(doc), before) << "a cancelled merge changed the form";
    EXPECT_FALSE(doc->getSheets()->hasByName(ou(msoko::kCollectionSheet)));
    EXPECT_TRUE(msoko::uno::kept_record(doc).organisations.empty());
    EXPECT_NE(validation::log_of(*office_).find("subforms merge cancelled at the conflicts"), std::string::npos);
    EXPECT_EQ(validation::log_of(*office_).find("command MergeSubforms failed"), std::string::npos)
        << "the dialog failed: " << validation::log_of(*office_);
}

TEST_F(Merge, OneUndoStepTakesTheWholeMergeBack) {
    auto doc = open_form();
    clear_values(doc, "4201");
    const auto cleared = validation::everything(doc);
    merge(doc, {subform("4201", "4201.ods")});
    ASSERT_TRUE(doc->getSheets()->hasByName(ou(msoko::kCollectionSheet)));
    ASSERT_NE(validation::everything(doc), cleared);
    const auto merged = values_of(doc, "4201");
    Reference<css::document::XUndoManager> undo =
        Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
    EXPECT_EQ(u8(undo->getCurrentUndoActionTitle()), "Сбор форм организаций");
    undo->undo();
    EXPECT_FALSE(doc->getSheets()->hasByName(ou(msoko::kCollectionSheet)));
    const auto undone = validation::everything(doc);
    for (const auto& [name, cells] : cleared) {
        const auto it = undone.find(name);
        ASSERT_NE(it, undone.end()) << name;
        if (it->second == cells)
            continue;
        // The first line that differs, not the sheet.
        std::istringstream a(cells), b(it->second);
        std::string la, lb;
        for (int line = 0; std::getline(a, la) && std::getline(b, lb); ++line)
            if (la != lb) {
                ADD_FAILURE() << "undo left «" << name << "» changed, line " << line << ":\n" << la << "\n" << lb;
                break;
            }
    }
    EXPECT_EQ(undone.size(), cleared.size());
    EXPECT_EQ(msoko::uno::kept_record(doc).of("4201"), nullptr) << "the record is undone with the cells";
    // Redone: the values and the record again.
    undo->redo();
    EXPECT_EQ(values_of(doc, "4201"), merged);
    EXPECT_NE(msoko::uno::kept_record(doc).of("4201"), nullptr);
}

TEST_F(Merge, RefusalsAndOtherFilesEachGetALineAndTheRestIsMerged) {
    auto doc = open_form();
    clear_values(doc, "4201");
    const auto expected_4202 = values_of(doc, "4202");
    subform("4201", "4201.ods");
    // A password-protected copy of a sub-form.
    {
        const fs::path locked = subform("4203", "4203 с паролем.ods");
        auto d = office_->open(locked, Office::Access::Copy);
        css::beans::PropertyValue filter, password;
        filter.Name = "FilterName";
        filter.Value <<= OUString("calc8");
        password.Name = "Password";
        password.Value <<= OUString("secret");
        Reference<css::frame::XStorable>(d, UNO_QUERY_THROW)
            ->storeToURL(ou(msoko::office::file_url(locked)), arguments({filter, password}));
        Office::close(d);
    }
    std::ofstream(dir_ / "returned" / "битый.ods") << "PK\x03\x04 not really a zip";
    std::ofstream(dir_ / "returned" / "письмо.txt") << "Высылаем форму.";
    fs::copy_file(fs::path(MSOKO_TEST_SAMPLES) / "sample-district.ods", dir_ / "returned" / "форма района.ods");
    subform("9999", "9999 чужая.ods");
    // Another version of the catalogue, and a sub-form whose sheet was removed.
    subform("4204", "4204 старая.ods", [](const Reference<css::sheet::XSpreadsheetDocument>& d) {
        auto passport = sheet(d, msoko::kPassportSheet);
        Reference<css::util::XProtectable>(passport, UNO_QUERY_THROW)->unprotect(OUString());
        Reference<css::text::XText>(
            passport->getCellByPosition(1, layout().passport.row(msoko::kPassportCatalogueVersion)), UNO_QUERY_THROW)
            ->setString("2019.1");
    });
    subform("4205", "4205 без листа.ods", [](const Reference<css::sheet::XSpreadsheetDocument>& d) {
        d->getSheets()->removeByName(ou(layout().directions.front().sheet));
    });
    // The open form itself given too: it is not opened again (nor closed).
    merge(doc, {dir_ / "returned", dir_ / "Ольховоборский — МСОКО.ods"});
    ASSERT_TRUE(doc->getSheets()->hasByName(ou(msoko::kCollectionSheet)));
    const auto report = sheet(doc, msoko::kCollectionSheet);
    const auto orgs = table(report, "Организации");
    std::map<std::string, std::vector<std::string>> by_code;
    for (const auto& row : orgs)
        by_code[row[0]] = row;
    EXPECT_EQ(by_code["4201"][3], "принята");
    EXPECT_EQ(by_code["4204"][3], "не принята");
    EXPECT_NE(by_code["4204"][9].find("версии «2019.1»"), std::string::npos) << by_code["4204"][9];
    EXPECT_EQ(by_code["4205"][3], "не принята");
    EXPECT_NE(by_code["4205"][9].find("изменена структура"), std::string::npos) << by_code["4205"][9];
    EXPECT_EQ(by_code["4203"][3], "не вернула форму") << "a file that cannot be read is no one's";
    const auto other = table(report, "Другие файлы");
    std::map<std::string, std::string> why;
    for (const auto& row : other)
        why[row[1]] = row[2];
    EXPECT_NE(why["4203 с паролем.ods"].find("защищён паролем"), std::string::npos) << why["4203 с паролем.ods"];
    EXPECT_NE(why["битый.ods"].find("повреждён"), std::string::npos) << why["битый.ods"];
    EXPECT_FALSE(why["письмо.txt"].empty());
    EXPECT_NE(why["форма района.ods"].find("не форма организации"), std::string::npos) << why["форма района.ods"];
    EXPECT_NE(why["9999 чужая.ods"].find("с кодом 9999"), std::string::npos) << why["9999 чужая.ods"];
    EXPECT_NE(why["Ольховоборский — МСОКО.ods"].find("сама форма муниципалитета"), std::string::npos);
    EXPECT_EQ(other.size(), 6u);
    EXPECT_EQ(values_of(doc, "4202"), expected_4202);
    for (const auto& [field, v] : values_of(doc, "4201"))
        if (v.empty())
            ADD_FAILURE() << field << " was not merged";
}

TEST_F(Merge, AMergedValueIsNeverChangedSilently) {
    auto doc = open_form();
    clear_values(doc, "4201");
    const msoko::DirectionSheet& ds = *typed_fields("school").front().first;
    const std::string field = typed_fields("school").front().second;
    merge(doc, {subform("4201", "4201.ods")});
    const Place p = place_of(doc, ds, "4201", field);
    const std::string merged = value_of(cell_at(doc, p));
    ASSERT_FALSE(merged.empty());
    // A corrected sub-form replaces what the merge wrote, without a conflict.
    const fs::path corrected = subform(
        "4201", "4201 исправленная.ods",
        [&](const auto& d) { cell_at(d, place_of(d, ds, "4201", field))->setValue(555); }, "01.12.2026 09:00");
    merge(doc, {corrected}, "keep");
    EXPECT_EQ(value_of(cell_at(doc, p)), "n:555");
    EXPECT_TRUE(table(sheet(doc, msoko::kCollectionSheet), "Расхождения").empty());
    // The user changes the merged value; another correction is a conflict, and «keep» keeps the user's.
    cell_at(doc, p)->setValue(600);
    const fs::path again = subform("4201", "4201 ещё раз.ods",
                                   [&](const auto& d) { cell_at(d, place_of(d, ds, "4201", field))->setValue(556); });
    merge(doc, {again}, "keep");
    EXPECT_EQ(value_of(cell_at(doc, p)), "n:600") << "a value typed after the merge was changed silently";
    EXPECT_EQ(table(sheet(doc, msoko::kCollectionSheet), "Расхождения").size(), 1u);
}

}  // namespace

namespace {

TEST_F(Merge, TextInANumberCellIsMergedAsTypedAndTheCheckPointsToIt) {
    auto doc = open_form();
    clear_values(doc, "4202");
    const msoko::DirectionSheet& ds = *typed_fields("school").front().first;
    const std::string field = typed_fields("school").front().second;
    merge(doc, {subform("4202", "4202.ods", [&](const Reference<css::sheet::XSpreadsheetDocument>& d) {
              Reference<css::text::XText>(cell_at(d, place_of(d, ds, "4202", field)), UNO_QUERY_THROW)
                  ->setString(ou("86 чел."));
          })});
    const Place p = place_of(doc, ds, "4202", field);
    EXPECT_EQ(value_of(cell_at(doc, p)), "t:86 чел.");
    const msoko::ValidationReport report = msoko::validate(catalogue(), msoko::uno::snapshot(doc, nullptr));
    EXPECT_TRUE(std::any_of(report.findings.begin(), report.findings.end(), [&](const msoko::Finding& f) {
        return f.sheet == ds.sheet && f.row == p.row && f.col == p.col && f.severity == msoko::Severity::Error;
    })) << "the municipal check points to the text";
}

}  // namespace
