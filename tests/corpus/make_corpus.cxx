// SPDX-License-Identifier: MPL-2.0
// msoko-corpus: writes the corpus of broken workbooks (tests/fixtures/check)
// from its recipe, cases.json: each case starts from the filled sample form
// (or from an empty workbook) and makes the edits a user makes in Calc —
// typing into a cell, renaming, deleting, inserting or moving a sheet — then
// is saved as <name>.ods. The recipe also holds what the check must find in
// each file; the integration test (suite Corpus) compares it exactly.
//
//   msoko-corpus [--oxt FILE] [--only NAME] CASES.json   (cmake --build build --target corpus)
//
// --only writes one case (a new one, without rewriting the others' files).
#include "form_view.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/form.hpp"
#include "msoko/form_data.hpp"
#include "office/office.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <boost/json.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#ifndef MSOKO_DEFAULT_OXT
#define MSOKO_DEFAULT_OXT ""
#endif

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

OUString ou(std::string_view s) {
    return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

std::string str(const json::value& v) {
    return std::string(v.as_string());
}

// A sheet by its name, or "#N" for the N-th (a new workbook's first sheet is
// named by the office's language).
Reference<css::sheet::XSpreadsheet> sheet(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                          const std::string& name) {
    if (name.size() > 1 && name[0] == '#')
        return Reference<css::sheet::XSpreadsheet>(
            Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)
                ->getByIndex(std::stoi(name.substr(1)) - 1),
            UNO_QUERY_THROW);
    if (!doc->getSheets()->hasByName(ou(name)))
        throw std::runtime_error("no sheet «" + name + "»");
    return Reference<css::sheet::XSpreadsheet>(doc->getSheets()->getByName(ou(name)), UNO_QUERY_THROW);
}

// One edit, as a user makes it in Calc (the form's sheets are protected
// without a password: a user lifts the protection, and so does this).
void apply(const Reference<css::sheet::XSpreadsheetDocument>& doc, const json::object& e) {
    auto sheets = doc->getSheets();
    if (e.contains("input")) {  // typed into a cell: Calc reads "12" as a number, "=…" as a formula
        auto s = sheet(doc, str(e.at("sheet")));
        Reference<css::util::XProtectable> p(s, UNO_QUERY_THROW);
        const bool was = p->isProtected();
        p->unprotect(OUString());
        auto range = s->getCellRangeByName(ou(str(e.at("cell"))));
        if (str(e.at("input")).empty())  // the Delete key
            Reference<css::sheet::XSheetOperation>(range, UNO_QUERY_THROW)
                ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::STRING |
                                css::sheet::CellFlags::DATETIME | css::sheet::CellFlags::FORMULA);
        else
            range->getCellByPosition(0, 0)->setFormula(ou(str(e.at("input"))));
        if (was)
            p->protect(OUString());
    } else if (e.contains("rename_sheet")) {
        Reference<css::container::XNamed>(sheet(doc, str(e.at("rename_sheet"))), UNO_QUERY_THROW)
            ->setName(ou(str(e.at("to"))));
    } else if (e.contains("remove_sheet")) {
        sheets->removeByName(ou(str(e.at("remove_sheet"))));  // (a read-only document refuses renames silently)
    } else if (e.contains("insert_sheet")) {
        sheets->insertNewByName(ou(str(e.at("insert_sheet"))), static_cast<sal_Int16>(e.at("at").as_int64()));
    } else if (e.contains("copy_sheet")) {
        sheets->copyByName(ou(str(e.at("copy_sheet"))), ou(str(e.at("to"))),
                           static_cast<sal_Int16>(e.at("at").as_int64()));
    } else if (e.contains("move_sheet")) {
        sheets->moveByName(ou(str(e.at("move_sheet"))), static_cast<sal_Int16>(e.at("to").as_int64()));
    } else {
        throw std::runtime_error("unknown edit: " + json::serialize(e));
    }
}

void store_ods(const Reference<css::sheet::XSpreadsheetDocument>& doc, const fs::path& out) {
    css::uno::Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "FilterName";
    args.getArray()[0].Value <<= OUString("calc8");
    Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
        ->storeToURL(OUString::createFromAscii(msoko::office::file_url(out).c_str()), args);
}

}  // namespace

int main(int argc, char** argv) {
    fs::path oxt = MSOKO_DEFAULT_OXT, cases_file;
    std::string only;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--oxt") && i + 1 < argc)
            oxt = argv[++i];
        else if (!std::strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else if (cases_file.empty())
            cases_file = argv[i];
        else {
            std::cerr << "usage: msoko-corpus [--oxt FILE] [--only NAME] CASES.json\n";
            return 2;
        }
    }
    if (cases_file.empty()) {
        std::cerr << "usage: msoko-corpus [--oxt FILE] [--only NAME] CASES.json\n";
        return 2;
    }
    try {
        std::ifstream in(cases_file);
        std::stringstream text;
        text << in.rdbuf();
        const json::object recipe = json::parse(text.str()).as_object();
        const fs::path dir = cases_file.parent_path();
        const msoko::Catalogue catalogue = msoko::read_catalogue(MSOKO_DEFAULT_CATALOGUE);

        // The starting form: the filled sample, written by the core as the samples are.
        const fs::path base = fs::temp_directory_path() / ("msoko-corpus-" + std::to_string(getpid()) + ".fods");
        std::ofstream(base) << msoko::form_fods(
            catalogue, msoko::read_form_data((dir / str(recipe.at("base"))).string()), "МСОКО для Calc");

        msoko::office::Options options;
        options.extension = oxt;
        msoko::office::Office office(options);
        for (const auto& c : recipe.at("cases").as_array()) {
            const json::object& kase = c.as_object();
            const std::string name = str(kase.at("name"));
            if (!only.empty() && name != only)
                continue;
            const bool empty = kase.contains("start") && str(kase.at("start")) == "empty";
            auto doc = empty ? office.create_spreadsheet()
                             : office.open(base, msoko::office::Office::Access::ReadWrite, /*with_view=*/true);
            if (kase.contains("edits"))
                for (const auto& e : kase.at("edits").as_array())
                    apply(doc, e.as_object());
            Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
            if (!empty && doc->getSheets()->hasByName(ou(msoko::kPassportSheet)))
                msoko::uno::freeze_panes(doc, catalogue);
            store_ods(doc, dir / (name + ".ods"));
            msoko::office::Office::close(doc);
            std::cerr << "written: " << (dir / (name + ".ods")).string() << "\n";
        }
        fs::remove(base);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "msoko-corpus: " << e.what() << "\n";
    } catch (const css::uno::Exception& e) {
        std::cerr << "msoko-corpus: " << rtl::OUStringToOString(e.Message, RTL_TEXTENCODING_UTF8).getStr() << "\n";
    }
    return 1;
}
