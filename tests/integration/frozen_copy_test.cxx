// SPDX-License-Identifier: MPL-2.0
// The frozen copy (issue 15): the filled sample computed by the extension,
// written as .ods and .xlsx with its МСОКО formulas replaced by their values
// and its passport stamped, then read in an office from which the extension
// has been removed — what the regional centre sees.
#include "frozen_copy.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/validation.hpp"
#include "snapshot.hxx"
#include "support.hxx"

#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XNamedRange.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/sheet/XSheetCondition.hpp>
#include <com/sun/star/util/XModifiable.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <regex>

using namespace msoko::test;

namespace {

struct CellSeen {
    enum Kind { Empty, Number, Text, Error } kind = Empty;
    double number = 0;
    std::string text;     ///< as the cell shows it
    std::string formula;  ///< getFormula: the programmatic names; empty for a constant
};

struct SheetSeen {
    sal_Int32 rows = 0, cols = 0;
    std::vector<CellSeen> cells;  ///< row-major
    bool is_protected = false;
    sal_Int32 comments = 0;
    const CellSeen& at(sal_Int32 r, sal_Int32 c) const {
        static const CellSeen empty;
        return r < rows && c < cols ? cells[static_cast<std::size_t>(r * cols + c)] : empty;
    }
};

struct DocSeen {
    std::vector<std::string> order;
    std::map<std::string, SheetSeen> sheets;
    std::map<std::string, std::string> named_ranges;  ///< name → content
};

// Every cell of every sheet: its value, its text and its formula, in bulk
// where the API allows (the text of a number cell one by one).
DocSeen seen(const Reference<css::sheet::XSpreadsheetDocument>& doc, bool texts = true) {
    DocSeen out;
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        const auto s = sheet_at(doc, i);
        const std::string name = name_of(s);
        out.order.push_back(name);
        SheetSeen& sh = out.sheets[name];
        auto cursor = s->createCursor();
        Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
        const auto end = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
        sh.rows = end.EndRow + 1;
        sh.cols = end.EndColumn + 1;
        const auto all = s->getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow);
        const auto formulas = Reference<css::sheet::XCellRangeFormula>(all, UNO_QUERY_THROW)->getFormulaArray();
        const auto values = Reference<css::sheet::XCellRangeData>(all, UNO_QUERY_THROW)->getDataArray();
        sh.cells.resize(static_cast<std::size_t>(sh.rows * sh.cols));
        for (sal_Int32 r = 0; r < sh.rows; ++r)
            for (sal_Int32 c = 0; c < sh.cols; ++c) {
                CellSeen& cell = sh.cells[static_cast<std::size_t>(r * sh.cols + c)];
                const std::string f = u8(formulas[r][c]);
                if (!f.empty() && (f[0] == '=' || f[0] == '{'))
                    cell.formula = f;
                const css::uno::Any& v = values[r][c];
                OUString str;
                if (!v.hasValue()) {
                    cell.kind = CellSeen::Error;
                } else if (v >>= cell.number) {
                    cell.kind = CellSeen::Number;
                } else if (v >>= str) {
                    cell.text = u8(str);
                    cell.kind = cell.text.empty() ? CellSeen::Empty : CellSeen::Text;
                }
                if (texts && (cell.kind == CellSeen::Number || cell.kind == CellSeen::Error))
                    cell.text = text(Reference<css::table::XCell>(s->getCellByPosition(c, r), UNO_QUERY_THROW));
            }
        sh.is_protected = Reference<css::util::XProtectable>(s, UNO_QUERY_THROW)->isProtected();
        sh.comments =
            Reference<css::sheet::XSheetAnnotationsSupplier>(s, UNO_QUERY_THROW)->getAnnotations()->getCount();
    }
    Reference<css::container::XNameAccess> names(
        Reference<css::beans::XPropertySet>(doc, UNO_QUERY_THROW)->getPropertyValue("NamedRanges"), UNO_QUERY_THROW);
    for (const OUString& n : names->getElementNames())
        out.named_ranges[u8(n)] =
            u8(Reference<css::sheet::XNamedRange>(names->getByName(n), UNO_QUERY_THROW)->getContent());
    return out;
}

bool msoko_formula(const std::string& f) {
    return msoko::uno::is_msoko_formula(f) || f.find("МСОКО.") != std::string::npos;
}

// The validity of a cell: its type, condition and help text, as one text.
std::string validity(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& sheet_name,
                     sal_Int32 row, sal_Int32 col) {
    Reference<css::beans::XPropertySet> v(
        Reference<css::beans::XPropertySet>(sheet(doc, sheet_name.c_str())->getCellByPosition(col, row),
                                            UNO_QUERY_THROW)
            ->getPropertyValue("Validation"),
        UNO_QUERY_THROW);
    css::sheet::ValidationType type{};
    v->getPropertyValue("Type") >>= type;
    OUString help;
    v->getPropertyValue("InputMessage") >>= help;
    return std::to_string(static_cast<int>(type)) + "|" +
           u8(Reference<css::sheet::XSheetCondition>(v, UNO_QUERY_THROW)->getFormula1()) + "|" + u8(help);
}

// The cells whose validity is compared: every typed passport item's value,
// and every input column of each direction table in its first row.
std::vector<std::tuple<std::string, sal_Int32, sal_Int32>> input_cells(const msoko::FormLayout& layout) {
    std::vector<std::tuple<std::string, sal_Int32, sal_Int32>> out;
    for (const msoko::PassportItem& item : layout.passport.items)
        if (item.role == msoko::CellRole::Typed)
            out.emplace_back(msoko::kPassportSheet, item.row, msoko::PassportLayout::kValueColumn);
    for (const msoko::DirectionSheet& ds : layout.directions)
        for (std::size_t c = 0; c < ds.columns.size(); ++c)
            if (ds.columns[c].kind == msoko::FormColumn::Kind::Input)
                out.emplace_back(ds.sheet, ds.first_row(), static_cast<sal_Int32>(c));
    return out;
}

// The sheets' protection elements of a stored .ods (protected, and what
// stays allowed), in order.
std::string protection_of(const fs::path& ods) {
    const std::string command = "unzip -p '" + ods.string() + "' content.xml";
    std::string xml;
    if (FILE* p = popen(command.c_str(), "r")) {
        char buf[65536];
        for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;)
            xml.append(buf, n);
        pclose(p);
    }
    std::string out;
    const std::regex element(R"((table:protected="[a-z]+")|(<loext:table-protection[^>]*>))");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), element); it != std::sregex_iterator(); ++it)
        out += it->str() + "\n";
    return out;
}

std::vector<std::tuple<std::string, std::string, int, int, std::string>> findings(const msoko::ValidationReport& r) {
    std::vector<std::tuple<std::string, std::string, int, int, std::string>> out;
    for (const msoko::Finding& f : r.findings)
        out.emplace_back(f.kind, f.sheet, f.row, f.col, f.field);
    std::sort(out.begin(), out.end());
    return out;
}

// A value written as a constant and read back: LibreOffice keeps a
// constant in .ods and .xlsx to 15 significant digits (a formula's result is
// recomputed at full precision), which is what a cell can show.
void expect_same_number(double is, double was, const std::string& where) {
    EXPECT_NEAR(is, was, 1e-13 * std::max(1.0, std::abs(was))) << where;
}

bool is_modified(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->isModified();
}

// One office with the extension for the suite; the first test starts its own,
// from which it removes the extension.
class FrozenCopy : public OfficeSuite {
protected:
    static void SetUpTestSuite() { start({}); }
};

TEST_F(FrozenCopy, OpensWithoutTheExtensionWithTheSameValues) {
    const msoko::Catalogue catalogue = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
    const msoko::FormLayout layout = msoko::form_layout(catalogue, {});
    const fs::path dir = fs::temp_directory_path() / ("msoko-frozen-" + std::to_string(getpid()));
    fs::create_directories(dir);
    struct Removed {
        fs::path d;
        ~Removed() { fs::remove_all(d); }
    } removed{dir};
    const fs::path ods = dir / "Ольховоборский — МСОКО.ods", xlsx = dir / "Ольховоборский — МСОКО.xlsx";
    const fs::path original_ods = dir / "original.ods";
    const msoko::uno::Stamp stamp{"1 декабря 2026 г., 21:35", "0.15.0",
                                  catalogue.info.id + " " + catalogue.info.version,
                                  "ошибок нет, предупреждений: 2 (пояснены), к сведению: 3"};

    msoko::office::Options o;
    o.extension = kOxt;
    Office office(o);
    DocSeen original;
    msoko::ValidationReport original_check;
    std::size_t error_cells = 0;
    {
        auto doc = office.open(fs::path(MSOKO_TEST_SAMPLES) / "sample-district.ods", Office::Access::Copy);
        recalc(doc);
        original = seen(doc);
        original_check = msoko::validate(catalogue, msoko::uno::snapshot(doc, {}));
        for (const auto& [name, sh] : original.sheets)
            for (const CellSeen& c : sh.cells)
                error_cells += c.kind == CellSeen::Error;
        std::map<std::string, std::string> validities;
        for (const auto& [s, r, c] : input_cells(layout))
            validities[s + "!" + std::to_string(r) + ":" + std::to_string(c)] = validity(doc, s, r, c);
        Sequence<css::beans::PropertyValue> calc8(1);
        calc8.getArray()[0].Name = "FilterName";
        calc8.getArray()[0].Value <<= OUString("calc8");
        Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
            ->storeToURL(ou(msoko::office::file_url(original_ods)), calc8);
        const bool modified = is_modified(doc);
        const auto undo = Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)
                              ->getUndoManager()
                              ->getAllUndoActionTitles();

        const auto started = std::chrono::steady_clock::now();
        const msoko::uno::FrozenCopies written =
            msoko::uno::write_frozen_copies(office.context(), doc, stamp, ods, xlsx);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        std::printf(
            "[ frozen   ] the filled sample: %zu МСОКО formulas (%zu cells) replaced, .ods and .xlsx written "
            "in %.0f ms (copy %.0f, replacing and stamp %.0f, .ods %.0f, .xlsx %.0f)\n",
            written.formulas_replaced, written.cells_replaced, ms, written.copy_ms, written.replace_ms, written.ods_ms,
            written.xlsx_ms);
        ::testing::Test::RecordProperty("frozen_copy_ms", std::to_string(static_cast<long>(ms)));
        std::size_t msoko_cells = 0;
        for (const auto& [name, sh] : original.sheets)
            for (const CellSeen& c : sh.cells)
                msoko_cells += msoko_formula(c.formula);
        EXPECT_EQ(written.cells_replaced, msoko_cells) << "every cell of every МСОКО formula";
        EXPECT_GT(written.formulas_replaced, 0u);
        EXPECT_LT(written.formulas_replaced, written.cells_replaced) << "array formulas count once";
        ASSERT_TRUE(fs::is_regular_file(ods));
        ASSERT_TRUE(fs::is_regular_file(xlsx));

        // The form itself is untouched: every cell, its modified flag, its undo stack.
        const DocSeen after = seen(doc);
        EXPECT_EQ(after.order, original.order);
        for (const auto& [name, sh] : original.sheets) {
            const SheetSeen& a = after.sheets.at(name);
            ASSERT_EQ(a.rows, sh.rows) << name;
            ASSERT_EQ(a.cols, sh.cols) << name;
            for (std::size_t i = 0; i < sh.cells.size(); ++i) {
                EXPECT_EQ(a.cells[i].formula, sh.cells[i].formula) << name << " cell " << i;
                EXPECT_EQ(a.cells[i].text, sh.cells[i].text) << name << " cell " << i;
                EXPECT_EQ(a.cells[i].number, sh.cells[i].number) << name << " cell " << i;
            }
            EXPECT_EQ(a.is_protected, sh.is_protected) << name;
        }
        EXPECT_EQ(is_modified(doc), modified);
        const auto undo_after = Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)
                                    ->getUndoManager()
                                    ->getAllUndoActionTitles();
        EXPECT_EQ(undo_after.getLength(), undo.getLength()) << "nothing on the form's undo stack";
        Office::close(doc);

        // The regional centre's office: no extension.
        office.remove_extension("org.msoko.calc");
        auto frozen = office.open(ods, Office::Access::ReadOnly);
        recalc(frozen);  // nothing of the copy needs the extension, also when everything is recomputed
        const DocSeen copy = seen(frozen);
        EXPECT_EQ(copy.order, original.order) << "the same sheets in the same order";
        EXPECT_EQ(copy.named_ranges, original.named_ranges);
        std::size_t compared = 0;
        for (const auto& [name, sh] : original.sheets) {
            const SheetSeen& c = copy.sheets.at(name);
            EXPECT_EQ(c.is_protected, sh.is_protected) << name;
            EXPECT_TRUE(c.is_protected) << name << ": the form's sheets are protected";
            EXPECT_EQ(c.comments, sh.comments) << name;
            if (name != msoko::kPassportSheet) {
                EXPECT_EQ(c.rows, sh.rows) << name;
                EXPECT_EQ(c.cols, sh.cols) << name;
            }
            for (sal_Int32 r = 0; r < sh.rows; ++r)
                for (sal_Int32 col = 0; col < sh.cols; ++col) {
                    const CellSeen& was = sh.at(r, col);
                    const CellSeen& is = c.at(r, col);
                    const std::string where = name + "!" + msoko::cell_address(r, col);
                    ++compared;
                    EXPECT_EQ(is.text, was.text) << where;
                    EXPECT_NE(is.kind, CellSeen::Error) << where << ": " << is.text;
                    if (was.kind == CellSeen::Number) {
                        EXPECT_EQ(is.kind, CellSeen::Number) << where;
                        expect_same_number(is.number, was.number, where);
                    }
                    if (msoko_formula(was.formula)) {
                        EXPECT_EQ(is.formula, "") << where << " was " << was.formula;
                    } else {
                        EXPECT_EQ(is.formula, was.formula) << where << ": other formulas stay";
                    }
                    EXPECT_FALSE(msoko_formula(is.formula)) << where << ": " << is.formula;
                }
        }
        EXPECT_GT(compared, 10000u);
        // Nothing of the copy is an error, the stamp's rows included.
        for (const auto& [name, sh] : copy.sheets)
            for (const CellSeen& cell : sh.cells) {
                EXPECT_NE(cell.kind, CellSeen::Error) << name << ": " << cell.text;
                EXPECT_FALSE(msoko_formula(cell.formula)) << name << ": " << cell.formula;
            }

        // The stamp, where the contract puts it.
        const msoko::PassportStamp& place = layout.passport.stamp;
        const SheetSeen& passport = copy.sheets.at(msoko::kPassportSheet);
        EXPECT_EQ(passport.at(place.heading_row, 0).text, msoko::PassportStamp::kHeading);
        const std::map<std::string, std::string> values = {{msoko::kStampPreparedAt, stamp.prepared_at_text},
                                                           {msoko::kStampExtensionVersion, stamp.extension_version},
                                                           {msoko::kStampCatalogue, stamp.catalogue},
                                                           {msoko::kStampCheckSummary, stamp.check_summary}};
        for (const msoko::StampItem& item : place.items) {
            EXPECT_EQ(passport.at(item.row, msoko::PassportLayout::kLabelColumn).text, item.label);
            EXPECT_EQ(passport.at(item.row, msoko::PassportLayout::kValueColumn).text, values.at(item.key));
        }
        EXPECT_EQ(passport.rows, place.last_row() + 1) << "nothing else added to the passport";

        // Validity of the input cells, as it was.
        for (const auto& [s, r, c] : input_cells(layout))
            EXPECT_EQ(validity(frozen, s, r, c), validities[s + "!" + std::to_string(r) + ":" + std::to_string(c)])
                << s << " " << msoko::cell_address(r, c);

        // The check of the copy (the core's, as `msoko check` runs it): the
        // stamp is not a finding; what it adds is only the indicators now
        // typed over their formulas — issue 17 teaches the check a frozen copy.
        const msoko::ValidationReport frozen_check = msoko::validate(catalogue, msoko::uno::snapshot(frozen, {}));
        const auto before = findings(original_check), now = findings(frozen_check);
        for (const auto& f : before)
            EXPECT_TRUE(std::binary_search(now.begin(), now.end(), f)) << std::get<0>(f) << " " << std::get<1>(f);
        for (const auto& f : now)
            if (!std::binary_search(before.begin(), before.end(), f)) {
                EXPECT_TRUE(std::get<0>(f) == "form.indicator_overwritten" || std::get<0>(f) == "report.more")
                    << std::get<0>(f) << " " << std::get<1>(f) << " row " << std::get<2>(f);
                EXPECT_EQ(std::get<1>(f), msoko::kIndicatorsSheet);
            }
        Office::close(frozen);
    }
    if (const char* keep = std::getenv("MSOKO_KEEP_FROZEN"); keep && *keep) {  // for a person to look at
        fs::create_directories(keep);
        fs::copy_file(ods, fs::path(keep) / ods.filename(), fs::copy_options::overwrite_existing);
        fs::copy_file(xlsx, fs::path(keep) / xlsx.filename(), fs::copy_options::overwrite_existing);
    }
    EXPECT_EQ(error_cells, 0u) << "the filled sample computes without an error";
    // Protection with its settings (what stays allowed on a protected sheet), as the form had it.
    EXPECT_EQ(protection_of(ods), protection_of(original_ods));
    EXPECT_NE(protection_of(ods).find("loext:table-protection"), std::string::npos);

    // The .xlsx, for the centres that use Excel: the same values.
    auto book = office.open(xlsx, Office::Access::ReadOnly);
    recalc(book);
    const DocSeen x = seen(book, /*texts=*/false);
    EXPECT_EQ(x.order, original.order);
    for (const auto& [name, sh] : original.sheets) {
        ASSERT_TRUE(x.sheets.count(name)) << name;
        const SheetSeen& c = x.sheets.at(name);
        for (sal_Int32 r = 0; r < sh.rows; ++r)
            for (sal_Int32 col = 0; col < sh.cols; ++col) {
                const CellSeen& was = sh.at(r, col);
                const CellSeen& is = c.at(r, col);
                const std::string where = name + "!" + msoko::cell_address(r, col);
                EXPECT_NE(is.kind, CellSeen::Error) << where;
                EXPECT_FALSE(msoko_formula(is.formula)) << where << ": " << is.formula;
                if (was.kind == CellSeen::Number) {
                    expect_same_number(is.number, was.number, where);
                } else if (was.kind == CellSeen::Text) {
                    EXPECT_EQ(is.text, was.text) << where;
                }
            }
    }
    // The stamp too.
    const msoko::PassportStamp& place = layout.passport.stamp;
    const SheetSeen& passport = x.sheets.at(msoko::kPassportSheet);
    EXPECT_EQ(passport.at(place.heading_row, 0).text, msoko::PassportStamp::kHeading);
    EXPECT_EQ(passport.at(place.items.back().row, msoko::PassportLayout::kValueColumn).text, stamp.check_summary);
    Office::close(book);
}

TEST_F(FrozenCopy, AFolderThatCannotBeWrittenIsNamed) {
    Office& office = *office_;
    auto doc = office.open(fs::path(MSOKO_TEST_SAMPLES) / "sample-district.ods", Office::Access::Copy);
    // A folder under a regular file: nobody can make it, root neither.
    const fs::path file = fs::temp_directory_path() / ("msoko-not-a-folder-" + std::to_string(getpid()));
    std::ofstream(file) << "x";
    struct Removed {
        fs::path f;
        ~Removed() { fs::remove(f); }
    } removed{file};
    const fs::path missing = file / "копия.ods";
    try {
        msoko::uno::write_frozen_copies(office.context(), doc, {}, missing, missing.parent_path() / "копия.xlsx");
        ADD_FAILURE() << "written into a folder that does not exist";
    } catch (const msoko::uno::UserError& e) {
        EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).rfind("не удалось записать файл «", 0), 0u) << e.what();
    }
    EXPECT_FALSE(is_modified(doc));
    Office::close(doc);
}

TEST_F(FrozenCopy, AnErrorResultBecomesTheTextItShows) {
    // The sample with mistakes: tables the functions cannot read give error indicators.
    Office& office = *office_;
    auto doc = office.open(fs::path(MSOKO_TEST_SAMPLES) / "sample-district-mistakes.ods", Office::Access::Copy);
    recalc(doc);
    const DocSeen original = seen(doc);
    const fs::path dir = fs::temp_directory_path() / ("msoko-frozen-errors-" + std::to_string(getpid()));
    fs::create_directories(dir);
    struct Removed {
        fs::path d;
        ~Removed() { fs::remove_all(d); }
    } removed{dir};
    msoko::uno::write_frozen_copies(office.context(), doc, {"сейчас", "1", "каталог", "итог"}, dir / "копия.ods",
                                    dir / "копия.xlsx");
    Office::close(doc);
    auto frozen = office.open(dir / "копия.ods", Office::Access::ReadOnly);
    recalc(frozen);
    const DocSeen copy = seen(frozen);
    Office::close(frozen);
    std::size_t errors = 0;
    for (const auto& [name, sh] : original.sheets)
        for (sal_Int32 r = 0; r < sh.rows; ++r)
            for (sal_Int32 c = 0; c < sh.cols; ++c) {
                const CellSeen& was = sh.at(r, c);
                if (!msoko_formula(was.formula))
                    continue;
                const CellSeen& is = copy.sheets.at(name).at(r, c);
                const std::string where = name + "!" + msoko::cell_address(r, c);
                EXPECT_NE(is.kind, CellSeen::Error) << where;
                EXPECT_EQ(is.text, was.text) << where;
                if (was.kind == CellSeen::Error) {
                    ++errors;
                    EXPECT_EQ(is.kind, CellSeen::Text) << where;
                    EXPECT_FALSE(is.text.empty()) << where;
                }
            }
    EXPECT_GT(errors, 10u) << "the sample with mistakes has error indicators";
}

TEST_F(FrozenCopy, FrozenAgainItKeepsOneStamp) {
    const msoko::Catalogue catalogue = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
    const msoko::PassportStamp place = msoko::form_layout(catalogue, {}).passport.stamp;
    Office& office = *office_;
    const fs::path dir = fs::temp_directory_path() / ("msoko-frozen-again-" + std::to_string(getpid()));
    fs::create_directories(dir);
    struct Removed {
        fs::path d;
        ~Removed() { fs::remove_all(d); }
    } removed{dir};
    auto doc = office.open(fs::path(MSOKO_TEST_SAMPLES) / "sample-district.ods", Office::Access::Copy);
    recalc(doc);
    msoko::uno::write_frozen_copies(office.context(), doc, {"первый раз", "1", "каталог", "итог"}, dir / "1.ods",
                                    dir / "1.xlsx");
    Office::close(doc);
    auto once = office.open(dir / "1.ods", Office::Access::Copy);
    const auto again = msoko::uno::write_frozen_copies(
        office.context(), once, {"второй раз", "2", "каталог 2", "итог 2"}, dir / "2.ods", dir / "2.xlsx");
    EXPECT_EQ(again.formulas_replaced, 0u) << "nothing left to replace";
    Office::close(once);
    auto twice = office.open(dir / "2.ods", Office::Access::ReadOnly);
    const SheetSeen passport = seen(twice).sheets.at(msoko::kPassportSheet);
    Office::close(twice);
    EXPECT_EQ(passport.rows, place.last_row() + 1) << "the stamp replaced, not repeated";
    EXPECT_EQ(passport.at(place.heading_row, 0).text, msoko::PassportStamp::kHeading);
    const std::vector<std::string> values = {"второй раз", "2", "каталог 2", "итог 2"};
    for (std::size_t i = 0; i < place.items.size(); ++i) {
        EXPECT_EQ(passport.at(place.items[i].row, msoko::PassportLayout::kLabelColumn).text, place.items[i].label);
        EXPECT_EQ(passport.at(place.items[i].row, msoko::PassportLayout::kValueColumn).text, values[i]);
    }
}

TEST_F(FrozenCopy, ASheetProtectedWithAPasswordIsNamed) {
    Office& office = *office_;
    auto doc = office.open(fs::path(MSOKO_TEST_SAMPLES) / "sample-district.ods", Office::Access::Copy);
    recalc(doc);
    Reference<css::util::XProtectable> table(sheet(doc, "5.1.2 ШНОР и ШФНСУ"), UNO_QUERY_THROW);
    table->unprotect("");
    table->protect("секрет");
    const fs::path dir = fs::temp_directory_path() / ("msoko-frozen-password-" + std::to_string(getpid()));
    fs::create_directories(dir);
    struct Removed {
        fs::path d;
        ~Removed() { fs::remove_all(d); }
    } removed{dir};
    try {
        msoko::uno::write_frozen_copies(office.context(), doc, {}, dir / "копия.ods", dir / "копия.xlsx");
        ADD_FAILURE() << "a sheet protected with a password was unprotected";
    } catch (const msoko::uno::UserError& e) {
        EXPECT_NE(std::string(e.what()).find("«5.1.2 ШНОР и ШФНСУ» защищён паролем"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(dir / "копия.ods")) << "nothing written";
    EXPECT_TRUE(table->isProtected());
    Office::close(doc);
}

TEST_F(FrozenCopy, ProtectionKeepsItsSettings) {
    // The flat sample with other settings on every sheet: protected cells not
    // selectable, rows insertable, columns deletable.
    std::stringstream text;
    text << std::ifstream(fs::path(MSOKO_TEST_SAMPLES) / "sample-district.fods").rdbuf();
    std::string fods = text.str();
    const std::string usual =
        R"(<loext:table-protection loext:select-protected-cells="true" loext:select-unprotected-cells="true"/>)";
    const std::string other =
        R"(<loext:table-protection loext:select-unprotected-cells="true" loext:insert-rows="true" )"
        R"(loext:delete-columns="true"/>)";
    std::size_t replaced = 0;
    for (std::size_t at = fods.find(usual); at != std::string::npos; at = fods.find(usual, at + other.size())) {
        fods.replace(at, usual.size(), other);
        ++replaced;
    }
    ASSERT_EQ(replaced, 15u) << "every sheet of the sample is protected";
    const fs::path dir = fs::temp_directory_path() / ("msoko-frozen-settings-" + std::to_string(getpid()));
    fs::create_directories(dir);
    struct Removed {
        fs::path d;
        ~Removed() { fs::remove_all(d); }
    } removed{dir};
    std::ofstream(dir / "form.fods") << fods;

    Office& office = *office_;
    auto doc = office.open(dir / "form.fods", Office::Access::Copy);
    recalc(doc);
    const auto written = msoko::uno::write_frozen_copies(office.context(), doc, {"сейчас", "1", "каталог", "итог"},
                                                         dir / "копия.ods", dir / "копия.xlsx");
    EXPECT_GT(written.formulas_replaced, 0u);
    Office::close(doc);
    const std::string protection = protection_of(dir / "копия.ods");
    std::size_t kept = 0;
    for (std::size_t at = protection.find("loext:insert-rows=\"true\""); at != std::string::npos;
         at = protection.find("loext:insert-rows=\"true\"", at + 1))
        ++kept;
    EXPECT_EQ(kept, 15u) << protection;
    EXPECT_EQ(protection.find("loext:select-protected-cells=\"true\""), std::string::npos) << protection;
    EXPECT_NE(protection.find("loext:delete-columns=\"true\""), std::string::npos) << protection;
}

}  // namespace
